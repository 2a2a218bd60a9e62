//! Bytes as an imported file: a zip (`PK…`) as an XLSX, anything else as a
//! CSV, through the import's readers with its limits, then what a preview
//! does with the rows (normalize every URL, find repeats). Also the text as
//! a paste. Bad files are errors, never panics; what is read is within the
//! limits.
#![no_main]

use ippdesk_desk::read_import_bytes;
use ippdesk_domain::{classify_lines, paste_inputs, ListingInput};
use libfuzzer_sys::fuzz_target;

/// The documented cell limits (characters): URL 8,192, any other 32,767.
const URL_CHARS: usize = 8_192;
const CELL_CHARS: usize = 32_767;

fn preview(inputs: &[ListingInput]) {
    let lines = classify_lines(inputs, |_| None);
    assert_eq!(lines.len(), inputs.len());
}

fn check(data: &[u8]) {
    let name = if data.starts_with(b"PK") {
        "fuzz.xlsx"
    } else {
        "fuzz.csv"
    };
    if let Ok(inputs) = read_import_bytes(name, data) {
        let mut last = 0;
        for input in &inputs {
            // Rows keep their numbers as the file shows them, in order.
            assert!(
                input.line > last,
                "{name}: line {} after {last}",
                input.line
            );
            last = input.line;
            assert!(input.url.chars().count() <= URL_CHARS);
            for cell in [
                &input.title,
                &input.price,
                &input.seller_name,
                &input.store_url,
                &input.notes,
            ] {
                assert!(cell.chars().count() <= CELL_CHARS);
            }
        }
        preview(&inputs);
    }
    if !data.starts_with(b"PK") {
        preview(&paste_inputs(&String::from_utf8_lossy(data)));
    }
}

fuzz_target!(
    init: {
        // libfuzzer-sys aborts on any panic, even one the import catches. The
        // import guards the spreadsheet reader (calamine panics on some
        // damaged workbooks) and turns that into an error, so only a panic
        // that escapes `read_import_bytes` or the preview is a crash here
        // (libfuzzer-sys aborts on it). One line per panic, no backtrace:
        // the caught ones are expected.
        std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
    },
    |data: &[u8]| check(data)
);
