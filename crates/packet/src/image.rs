//! Images as PDF image XObjects, without lossy recompression:
//! - JPEG: the file's bytes as they are, behind /DCTDecode;
//! - PNG (grey, RGB or palette, not interlaced, no transparency): the PNG's
//!   own zlib data behind /FlateDecode with the PNG predictor, not decoded;
//! - any other PNG (alpha, tRNS, interlaced): decoded and re-encoded
//!   losslessly (PNG row filters + DEFLATE, as /FlateDecode with the PNG
//!   predictor); an alpha channel that is not fully opaque becomes a soft mask.
//!
//! Both files are checked first (chunk CRCs and structure for PNG, the marker
//! structure for JPEG), so a damaged file is an error instead of a broken page.

use std::collections::BTreeMap;
use std::io::Cursor;

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};

/// An image ready to be added to the document, with its size in pixels.
pub(crate) struct Embedded {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) xobject: ExternalXObject,
}

pub(crate) fn embed(bytes: &[u8]) -> Result<Embedded, String> {
    if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)
    } else if bytes.is_empty() {
        Err("the file is empty".into())
    } else {
        Err("not a PNG or JPEG file".into())
    }
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn image_xobject(
    width: u32,
    height: u32,
    mut dict: BTreeMap<String, DictItem>,
    content: Vec<u8>,
) -> Embedded {
    dict.insert("Type".into(), name("XObject"));
    dict.insert("Subtype".into(), name("Image"));
    dict.insert("Width".into(), DictItem::Int(i64::from(width)));
    dict.insert("Height".into(), DictItem::Int(i64::from(height)));
    Embedded {
        width,
        height,
        xobject: ExternalXObject {
            stream: ExternalStream {
                dict,
                content,
                // Already compressed (DCT or Flate): written as is.
                compress: false,
            },
            width: Some(Px(width as usize)),
            height: Some(Px(height as usize)),
            dpi: None,
        },
    }
}

// ---------------------------------------------------------------- JPEG ----

fn jpeg(bytes: &[u8]) -> Result<Embedded, String> {
    let mut pos = 2; // after SOI
    let mut frame: Option<(u8, u32, u32, u8)> = None; // precision, width, height, components
    let mut adobe = false;
    let truncated = || "the JPEG file is truncated".to_string();
    loop {
        // Markers may be preceded by fill bytes (0xFF).
        if *bytes.get(pos).ok_or_else(truncated)? != 0xFF {
            return Err(format!(
                "the JPEG file is damaged (no marker at byte {pos})"
            ));
        }
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *bytes.get(pos).ok_or_else(truncated)?;
        pos += 1;
        match marker {
            0x01 | 0xD0..=0xD7 => continue, // no length
            0xD8 => return Err("the JPEG file is damaged (second start marker)".into()),
            0xD9 => return Err("the JPEG file has no image data".into()),
            _ => {}
        }
        let len = match bytes.get(pos..pos + 2) {
            Some(b) => usize::from(u16::from_be_bytes([b[0], b[1]])),
            None => return Err(truncated()),
        };
        if len < 2 {
            return Err("the JPEG file is damaged (bad segment length)".into());
        }
        let segment = bytes.get(pos + 2..pos + len).ok_or_else(truncated)?;
        match marker {
            // Start of frame (not DHT 0xC4, JPG 0xC8, DAC 0xCC).
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                if segment.len() < 6 {
                    return Err("the JPEG file is damaged (short frame header)".into());
                }
                let precision = segment[0];
                let height = u32::from(u16::from_be_bytes([segment[1], segment[2]]));
                let width = u32::from(u16::from_be_bytes([segment[3], segment[4]]));
                frame = Some((precision, width, height, segment[5]));
            }
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            0xDA => break, // start of scan: entropy-coded data follows
            _ => {}
        }
        pos += len;
    }
    let (precision, width, height, components) =
        frame.ok_or("the JPEG file has no frame header")?;
    if precision != 8 {
        return Err(format!("{precision}-bit JPEG is not supported in PDF"));
    }
    if width == 0 || height == 0 {
        return Err("the JPEG image has no size".into());
    }
    // A complete file ends with EOI (some writers append data after it).
    if !bytes[pos..].windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(truncated());
    }
    let mut dict = BTreeMap::new();
    let colour_space = match components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => {
            if adobe {
                // Adobe writes CMYK JPEGs inverted.
                dict.insert(
                    "Decode".into(),
                    DictItem::Array([1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec()),
                );
            }
            "DeviceCMYK"
        }
        n => return Err(format!("JPEG with {n} colour components is not supported")),
    };
    dict.insert("ColorSpace".into(), name(colour_space));
    dict.insert("BitsPerComponent".into(), DictItem::Int(8));
    dict.insert("Filter".into(), name("DCTDecode"));
    Ok(image_xobject(width, height, dict, bytes.to_vec()))
}

// ----------------------------------------------------------------- PNG ----

const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

struct Header {
    width: u32,
    height: u32,
    bit_depth: u8,
    colour_type: u8,
    interlaced: bool,
}

fn png(bytes: &[u8]) -> Result<Embedded, String> {
    let mut pos = PNG_SIGNATURE.len();
    let mut header: Option<Header> = None;
    let mut palette: Option<&[u8]> = None;
    let mut transparency = false;
    let mut idat: Vec<u8> = Vec::new();
    let mut ended = false;
    while pos < bytes.len() {
        let head = bytes.get(pos..pos + 8).ok_or("the PNG file is truncated")?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let data = bytes
            .get(pos + 8..pos + 8 + len)
            .ok_or("the PNG file is truncated")?;
        let crc = bytes
            .get(pos + 8 + len..pos + 12 + len)
            .ok_or("the PNG file is truncated")?;
        let mut check = flate2::Crc::new();
        check.update(kind);
        check.update(data);
        if check.sum() != u32::from_be_bytes([crc[0], crc[1], crc[2], crc[3]]) {
            return Err(format!(
                "the PNG file is damaged (checksum of the {} chunk)",
                String::from_utf8_lossy(kind)
            ));
        }
        match kind {
            b"IHDR" => {
                if data.len() != 13 {
                    return Err("the PNG file is damaged (header)".into());
                }
                header = Some(Header {
                    width: u32::from_be_bytes([data[0], data[1], data[2], data[3]]),
                    height: u32::from_be_bytes([data[4], data[5], data[6], data[7]]),
                    bit_depth: data[8],
                    colour_type: data[9],
                    interlaced: data[12] != 0,
                });
            }
            b"PLTE" => palette = Some(data),
            b"tRNS" => transparency = true,
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => {
                ended = true;
                break;
            }
            _ => {}
        }
        pos += 12 + len;
    }
    let header = header.ok_or("the PNG file has no header")?;
    if !ended {
        return Err("the PNG file is truncated (no end chunk)".into());
    }
    if idat.is_empty() {
        return Err("the PNG file has no image data".into());
    }
    if header.width == 0 || header.height == 0 {
        return Err("the PNG image has no size".into());
    }
    let valid_depth = match header.colour_type {
        0 => matches!(header.bit_depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(header.bit_depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(header.bit_depth, 8 | 16),
        _ => false,
    };
    if !valid_depth {
        return Err(format!(
            "the PNG file is damaged (colour type {} with bit depth {})",
            header.colour_type, header.bit_depth
        ));
    }

    let passthrough =
        !header.interlaced && !transparency && matches!(header.colour_type, 0 | 2 | 3);
    if !passthrough {
        return png_decoded(bytes);
    }
    let mut dict = BTreeMap::new();
    let colours = match header.colour_type {
        0 => {
            dict.insert("ColorSpace".into(), name("DeviceGray"));
            1
        }
        2 => {
            dict.insert("ColorSpace".into(), name("DeviceRGB"));
            3
        }
        _ => {
            let palette = palette.ok_or("the PNG file has no palette")?;
            if palette.is_empty() || palette.len() % 3 != 0 || palette.len() > 256 * 3 {
                return Err("the PNG file is damaged (palette)".into());
            }
            dict.insert(
                "ColorSpace".into(),
                DictItem::Array(vec![
                    name("Indexed"),
                    name("DeviceRGB"),
                    DictItem::Int((palette.len() / 3 - 1) as i64),
                    DictItem::Bytes(palette.to_vec()),
                ]),
            );
            1
        }
    };
    dict.insert(
        "BitsPerComponent".into(),
        DictItem::Int(i64::from(header.bit_depth)),
    );
    dict.insert("Filter".into(), name("FlateDecode"));
    dict.insert(
        "DecodeParms".into(),
        DictItem::Dict {
            map: BTreeMap::from([
                ("Predictor".to_string(), DictItem::Int(15)),
                ("Colors".to_string(), DictItem::Int(colours)),
                (
                    "BitsPerComponent".to_string(),
                    DictItem::Int(i64::from(header.bit_depth)),
                ),
                (
                    "Columns".to_string(),
                    DictItem::Int(i64::from(header.width)),
                ),
            ]),
        },
    );
    Ok(image_xobject(header.width, header.height, dict, idat))
}

/// Decodes a PNG that PDF cannot take as is (alpha, transparency, interlace)
/// into 8-bit samples and compresses them losslessly.
fn png_decoded(bytes: &[u8]) -> Result<Embedded, String> {
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: 1 << 30 });
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or("the PNG image is too large")?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(info.line_size * info.height as usize);
    let (colours, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => return Err("the PNG palette could not be expanded".into()),
    };
    let (colour, alpha) = if has_alpha {
        let pixels = buf.len() / (colours + 1);
        let mut colour = Vec::with_capacity(pixels * colours);
        let mut alpha = Vec::with_capacity(pixels);
        for px in buf.chunks_exact(colours + 1) {
            colour.extend_from_slice(&px[..colours]);
            alpha.push(px[colours]);
        }
        // Screenshots often carry an alpha channel that is fully opaque.
        let opaque = alpha.iter().all(|a| *a == 255);
        (colour, if opaque { None } else { Some(alpha) })
    } else {
        (buf, None)
    };
    // Re-encoded as a PNG (filtered rows, fast DEFLATE) whose zlib data then
    // goes into the PDF like any other PNG: lossless, small and quick.
    let colour_type = if colours == 1 {
        png::ColorType::Grayscale
    } else {
        png::ColorType::Rgb
    };
    let mut embedded = png(&encode_png(&colour, info.width, info.height, colour_type)?)?;
    if let Some(alpha) = alpha {
        let mask = png(&encode_png(
            &alpha,
            info.width,
            info.height,
            png::ColorType::Grayscale,
        )?)?;
        embedded.xobject.stream.dict.insert(
            "SMask".into(),
            DictItem::Stream {
                stream: mask.xobject.stream,
            },
        );
    }
    Ok(embedded)
}

fn encode_png(
    pixels: &[u8],
    width: u32,
    height: u32,
    colour_type: png::ColorType,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(pixels.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(colour_type);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every input `make fuzz` kept (`fuzz/corpus/image_embed`) embeds or
    /// fails cleanly.
    #[test]
    fn fuzz_corpus_replays() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/image_embed");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            if let Ok(e) = embed(&bytes) {
                assert!(e.width > 0 && e.height > 0);
            }
            n += 1;
        }
        assert!(n > 0, "no corpus in {dir}");
    }

    #[test]
    fn rejects_garbage() {
        assert!(embed(b"").is_err());
        assert!(embed(b"hello").is_err());
        assert!(embed(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).is_err());
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R']);
        assert!(embed(&png).is_err());
    }
}
