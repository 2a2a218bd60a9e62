//! Bytes as an evidence image through the packet's image embedding (JPEG
//! passed through after a structure check, PNG copied or decoded and
//! re-encoded): a size or a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((width, height)) = ippdesk_packet::image_size(data) {
        assert!(width > 0 && height > 0, "{width}x{height}");
    }
});
