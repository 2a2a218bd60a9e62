//! Bytes as a bundle (.zip) through `verify_bundle`, with the default
//! bounds and with tight ones so the bounds themselves are reached: a report
//! or an error, never a panic, and `ok` only with no problem listed.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use ippdesk_desk::{verify_bundle, verify_bundle_within, BundleLimits, BundleReport};
use libfuzzer_sys::fuzz_target;

/// One file per fuzzing process, rewritten for each input: verify reads a
/// path (it opens the file twice, for the zip and its central directory).
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("ippdesk-fuzz-bundle-{}.zip", std::process::id()))
    })
}

const TIGHT: BundleLimits = BundleLimits {
    max_entries: 8,
    max_entry_bytes: 4096,
    max_total_bytes: 8192,
    max_manifest_bytes: 1024,
};

fn check(report: &BundleReport) {
    assert_eq!(report.ok, report.problems.is_empty(), "{report:?}");
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    std::fs::write(path, data).expect("the scratch file is writable");
    if let Ok(report) = verify_bundle(path) {
        check(&report);
    }
    if let Ok(report) = verify_bundle_within(path, TIGHT) {
        check(&report);
    }
});
