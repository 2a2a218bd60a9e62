//! Evidence packets as PDF: A4 pages with the packet id, the generation time
//! and page numbers on each, bilingual labels, a bookmark per section, a CJK
//! font embedded as a subset, images embedded without lossy recompression.
//! Pure: a [`Packet`] and the font bytes in, PDF bytes out.

mod font;
mod image;
mod layout;
pub mod model;

pub use model::*;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

/// The CJK font that ships with the app (WenQuanYi Micro Hei, Apache-2.0;
/// Latin glyphs included), embedded as a subset in every packet.
pub static FONT: &[u8] = include_bytes!("../fonts/wqy-microhei.ttc");

#[derive(Debug, thiserror::Error)]
pub enum PacketError {
    #[error("The font could not be read: {0}")]
    Font(String),
    #[error("Image '{caption}' could not be read: {reason}")]
    Image { caption: String, reason: String },
    #[error("The PDF could not be written: {0}")]
    Pdf(String),
}

/// Reads an image as a packet embeds it (see [`Block::Image`]): its width
/// and height in pixels, or why it cannot be drawn. Any bytes give one or
/// the other, never a panic.
pub fn image_size(bytes: &[u8]) -> Result<(u32, u32), String> {
    image::embed(bytes).map(|e| (e.width, e.height))
}

/// Draws the packet. Fails only on an unreadable font or image.
///
/// Layout: A4 portrait, 18 mm margins; a cover page (title in English and
/// Chinese, subtitle, packet id, generation time, manifest hash, contents),
/// then each section from a new page with a bookmark; a footer on every page
/// with the packet id, the generation time and "Page N / M".
pub fn render(packet: &Packet) -> Result<Vec<u8>, PacketError> {
    let font = font::font()?;
    let mut doc = PdfDocument::new(&layout::bilingual(&packet.title));
    let info = &mut doc.metadata.info;
    info.creator = "IPP Desk".into();
    info.producer = "IPP Desk (printpdf)".into();
    info.subject = packet.subtitle.clone();
    info.identifier = packet.packet_id.clone();
    if let Ok(t) = printpdf::OffsetDateTime::from_unix_timestamp(packet.generated_at.timestamp()) {
        info.creation_date = t;
        info.modification_date = t;
        info.metadata_date = t;
    }

    let mut layout = layout::Layout::new(font, doc, packet);
    layout.cover(packet);
    for section in &packet.sections {
        layout.section(section)?;
    }
    let (mut doc, pages, bookmarks) = layout.finish();
    let pages = pages
        .into_iter()
        .map(|ops| {
            PdfPage::new(
                Mm::from(printpdf::Pt(layout::PAGE_W)),
                Mm::from(printpdf::Pt(layout::PAGE_H)),
                ops,
            )
        })
        .collect();
    doc.with_pages(pages);
    for (title, page) in &bookmarks {
        doc.add_bookmark(title, *page);
    }
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = doc.save(&options, &mut warnings);
    if !bytes.starts_with(b"%PDF") {
        return Err(PacketError::Pdf(format!(
            "printpdf wrote no PDF ({warnings:?})"
        )));
    }
    Ok(bytes)
}
