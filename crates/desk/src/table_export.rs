//! Writing a table (a header and rows of text) as CSV or XLSX: the URL export
//! and the enforcement report share it. Every file the desk writes goes
//! through [`write_whole`], so it lands whole or not at all.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use ippdesk_store::StoreError;

use crate::{DeskError, ErrorCode, Result};

pub(crate) enum TableFormat {
    Csv,
    Xlsx,
}

/// One sheet: its name (XLSX only) and its rows, the header first.
pub(crate) struct Sheet<'a> {
    pub name: &'a str,
    pub rows: Vec<Vec<String>>,
}

fn cannot_write(path: &Path, e: impl std::fmt::Display) -> DeskError {
    DeskError::new(
        ErrorCode::Io,
        format!("Cannot write {}: {e}", path.display()),
    )
}

/// Writes `path` through `write` into a temporary sibling, then renames it
/// over `path`: a crash or a full disk leaves the old file or none, never
/// half of the new one.
pub(crate) fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
) -> Result<()> {
    ippdesk_store::atomic::write_file(path, write).map_err(|e| match e {
        StoreError::Io { source, .. } => cannot_write(path, source),
        other => other.into(),
    })
}

/// CSV takes the first sheet only; XLSX writes each as a worksheet.
pub(crate) fn write_tables(path: &Path, format: TableFormat, sheets: &[Sheet]) -> Result<()> {
    match format {
        TableFormat::Csv => write_whole(path, |w| write_csv(w, sheets.first())),
        TableFormat::Xlsx => {
            let bytes = xlsx_bytes(sheets).map_err(|e| cannot_write(path, e))?;
            write_whole(path, |w| w.write_all(&bytes))
        }
    }
}

fn write_csv(out: impl Write, sheet: Option<&Sheet>) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for row in sheet.iter().flat_map(|s| &s.rows) {
        for cell in row {
            w.write_field(neutralized(cell).as_bytes())?;
        }
        w.write_record(None::<&[u8]>)?;
    }
    w.flush()
}

/// Seller names and titles are hostile: a cell starting with `=`, `+`, `-`,
/// `@`, tab or CR is a formula to Excel and LibreOffice (`=HYPERLINK(...)`
/// becomes a live link). A leading `'` makes it text (OWASP's advice).
pub(crate) fn neutralized(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The first characters that make a spreadsheet read a cell as a formula.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn xlsx_bytes(sheets: &[Sheet]) -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                // Figures stay numbers a spreadsheet can sum; everything else,
                // ids with leading zeros and text like `=1+1` included, is
                // written as a string, which XLSX never evaluates.
                match plain_number(cell) {
                    Some(n) if r > 0 => ws.write_number(r as u32, c as u16, n),
                    _ => ws.write_string(r as u32, c as u16, cell),
                }?;
            }
        }
    }
    book.save_to_buffer()
}

/// `12`, `0.5`, `-3.25`: a figure as the desk formats one. Not `007` (an id
/// whose zeros matter), `1e3`, `NaN`, nor a long digit string (an id a float
/// would round).
fn plain_number(cell: &str) -> Option<f64> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let plain = cell.len() < 12
        && all_digits(int)
        && all_digits(frac)
        && (int == "0" || !int.starts_with('0'));
    plain.then(|| cell.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook, Data, Reader, Xlsx};

    fn hostile_rows() -> Vec<Vec<String>> {
        let cells = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tlead tab",
            "\rlead cr",
            "007",
            "=1+1",
            "12",
            "90.5",
            "plain",
        ];
        vec![
            (0..cells.len()).map(|i| format!("h{i}")).collect(),
            cells.iter().map(|c| c.to_string()).collect(),
        ]
    }

    #[test]
    fn csv_cells_that_start_a_formula_are_written_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let sheet = Sheet {
            name: "T",
            rows: hostile_rows(),
        };
        write_tables(&path, TableFormat::Csv, &[sheet]).unwrap();
        let mut r = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(&path)
            .unwrap();
        let row = r.records().next().unwrap().unwrap();
        let got: Vec<&str> = row.iter().collect();
        assert_eq!(
            got,
            [
                "'=HYPERLINK(\"http://x\",\"y\")",
                "'+1",
                "'-2",
                "'@SUM(A1)",
                "'\tlead tab",
                "'\rlead cr",
                "007",
                "'=1+1",
                "12",
                "90.5",
                "plain",
            ]
        );
        // Nothing but the file itself is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn xlsx_keeps_text_as_text_and_figures_as_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.xlsx");
        let sheet = Sheet {
            name: "T",
            rows: hostile_rows(),
        };
        write_tables(&path, TableFormat::Xlsx, &[sheet]).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        let range = book.worksheet_range("T").unwrap();
        let row: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
        let s = |t: &str| Data::String(t.into());
        assert_eq!(row[0], &s("=HYPERLINK(\"http://x\",\"y\")"));
        assert_eq!(row[1], &s("+1"));
        assert_eq!(row[2], &Data::Float(-2.0));
        assert_eq!(row[6], &s("007"));
        assert_eq!(row[7], &s("=1+1"));
        assert_eq!(row[8], &Data::Float(12.0));
        assert_eq!(row[9], &Data::Float(90.5));
        assert_eq!(row[10], &s("plain"));
        // No cell of the sheet is a formula.
        let formulas = book.worksheet_formula("T").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    }

    #[test]
    fn plain_numbers_only() {
        for (cell, n) in [("12", Some(12.0)), ("0.5", Some(0.5)), ("-3", Some(-3.0))] {
            assert_eq!(plain_number(cell), n, "{cell}");
        }
        for cell in [
            "007",
            "1e3",
            "NaN",
            "inf",
            "",
            "-",
            "1.",
            ".5",
            "+1",
            "712345678901",
        ] {
            assert_eq!(plain_number(cell), None, "{cell}");
        }
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, "old").unwrap();
        let err = write_whole(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(err.message.contains("Cannot write"), "{}", err.message);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
