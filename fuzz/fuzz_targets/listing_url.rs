//! Any text through `normalize_url`: an error or a parsed link, never a
//! panic; and the documented contract holds for whatever parses.
#![no_main]

use ippdesk_domain::{normalize_url, ListingKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(parsed) = normalize_url(&text) else {
        return;
    };
    // An id for every recognised link, none for the rest.
    assert_eq!(
        parsed.id.is_some(),
        parsed.kind != ListingKind::Unknown,
        "{text:?} -> {parsed:?}"
    );
    if let Some(id) = &parsed.id {
        assert!(!id.is_empty(), "{text:?} -> {parsed:?}");
    }
    // The canonical URL is one form of the same listing, so it parses again
    // to itself: the same platform, kind, id and canonical (a fixed point).
    match normalize_url(&parsed.canonical) {
        Ok(again) => assert_eq!(again, parsed, "input {text:?}"),
        Err(e) => panic!(
            "input {text:?}: canonical {:?} fails: {e}",
            parsed.canonical
        ),
    }
});
