//! Page layout: a cursor that moves down A4 pages, wrapping text with the
//! font's metrics and starting a new page whenever the next piece does not fit.
//! The footer (which needs the page count) is added once everything is laid out.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, TextRenderingMode, WindingOrder, XObjectTransform,
};

use crate::font::Font;
use crate::image;
use crate::model::*;
use crate::PacketError;

pub(crate) const PAGE_W: f32 = 595.276; // A4, pt
pub(crate) const PAGE_H: f32 = 841.89;
const MM: f32 = 72.0 / 25.4;
const MARGIN: f32 = 18.0 * MM;
const LEFT: f32 = MARGIN;
const TOP: f32 = PAGE_H - MARGIN;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

const BODY: f32 = 9.0;
const SMALL: f32 = 8.5;
const FOOTER: f32 = 7.5;
const SECTION: f32 = 14.0;
const SUBHEADING: f32 = 11.0;
const TITLE: f32 = 18.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.4;
/// Space between blocks.
const BLOCK_GAP: f32 = 8.0;
/// Label column of a field list, as a share of the content width.
const LABEL_SHARE: f32 = 0.35;
const COLUMN_GAP: f32 = 8.0;
const CELL_PAD: f32 = 3.0;
/// Horizontal space between the text of neighbouring table columns: wide
/// enough that text extraction (pdftotext) sees separate columns.
const CELL_GAP: f32 = 10.0;

const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);
const GREY: (f32, f32, f32) = (0.36, 0.36, 0.40);
const RULE: (f32, f32, f32) = (0.70, 0.70, 0.74);
const HEADER_FILL: (f32, f32, f32) = (0.91, 0.92, 0.95);
const ACCENT: (f32, f32, f32) = (0.10, 0.20, 0.45);

type Rgb3 = (f32, f32, f32);

fn color((r, g, b): Rgb3) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

fn line_height(size: f32) -> f32 {
    size * LEADING
}

/// Distance from the top of a line box to the baseline.
fn baseline_offset(size: f32) -> f32 {
    size * (LEADING - 1.0) / 2.0 + size * 0.86
}

pub(crate) fn bilingual(b: &Bilingual) -> String {
    match (b.en.trim().is_empty(), b.zh.trim().is_empty()) {
        (false, false) => format!("{} / {}", b.en, b.zh),
        (true, false) => b.zh.clone(),
        _ => b.en.clone(),
    }
}

#[derive(Clone, Copy)]
struct Style {
    size: f32,
    color: Rgb3,
    bold: bool,
}

const BODY_STYLE: Style = Style {
    size: BODY,
    color: BLACK,
    bold: false,
};
const LABEL_STYLE: Style = Style {
    size: BODY,
    color: GREY,
    bold: false,
};

/// One column of a row: where it is and its wrapped lines.
struct Cell {
    x: f32,
    lines: Vec<String>,
    style: Style,
}

/// A table header, redrawn at the top of each page the table continues on.
struct TableHeader {
    cells: Vec<(f32, f32, Vec<String>)>, // x, width, lines
    height: f32,
}

pub(crate) struct Layout<'f> {
    font: &'f Font,
    font_id: FontId,
    pub(crate) doc: PdfDocument,
    pages: Vec<Vec<Op>>,
    /// Top of the next line on the current page.
    y: f32,
    /// Lowest y content may reach (above the footer).
    bottom: f32,
    footer_lines: Vec<String>,
    /// The page drawn on; None: the last one.
    target: Option<usize>,
    /// (bookmark text, 1-based page)
    pub(crate) bookmarks: Vec<(String, usize)>,
}

impl<'f> Layout<'f> {
    pub(crate) fn new(font: &'f Font, mut doc: PdfDocument, packet: &Packet) -> Self {
        let font_id = doc.add_font(&font.parsed);
        let mut layout = Layout {
            font,
            font_id,
            doc,
            pages: Vec::new(),
            y: TOP,
            bottom: MARGIN,
            footer_lines: Vec::new(),
            target: None,
            bookmarks: Vec::new(),
        };
        // The footer's left part (packet id, generation time) wraps beside the
        // page number; its height sets the bottom of the content area.
        let left = format!(
            "{}    Generated / 生成时间 {} UTC",
            packet.packet_id,
            packet.generated_at.format("%Y-%m-%d %H:%M:%S")
        );
        let page_w = font.width("Page 0000 / 0000", FOOTER);
        layout.footer_lines = font.wrap(&left, FOOTER, CONTENT_W - page_w - COLUMN_GAP);
        let footer_h = layout.footer_lines.len() as f32 * line_height(FOOTER);
        let footer_bottom = 9.0 * MM;
        layout.bottom = (footer_bottom + footer_h + 10.0).max(MARGIN);
        layout
    }

    // ------------------------------------------------------- primitives --

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        let index = self.target.unwrap_or(last).min(last);
        &mut self.pages[index]
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn page_is_empty(&self) -> bool {
        self.pages.last().is_none_or(|p| p.is_empty())
    }

    /// Starts a new page unless `height` still fits on this one (or this page
    /// is empty, so a new page would not help).
    fn ensure(&mut self, height: f32) {
        if self.y - height < self.bottom && !self.page_is_empty() {
            self.new_page();
        }
    }

    fn page_number(&self) -> usize {
        self.pages.len().max(1)
    }

    fn text_at(&mut self, x: f32, baseline: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let font = PdfFontHandle::External(self.font_id.clone());
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font,
            size: Pt(style.size),
        });
        ops.push(Op::SetFillColor {
            col: color(style.color),
        });
        if style.bold {
            // No bold face in the font: fill and stroke the outline thinly.
            ops.push(Op::SetOutlineColor {
                col: color(style.color),
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(style.size * 0.035),
            });
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
        } else {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
        ops.push(Op::SetTextCursor {
            pos: point(x, baseline),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
        ops.push(Op::EndTextSection);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, rgb: Rgb3) {
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: color(rgb) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: point(x1, y),
                        bezier: false,
                    },
                    LinePoint {
                        p: point(x2, y),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    fn rect(
        &mut self,
        x: f32,
        y_top: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb3>,
        stroke: Option<Rgb3>,
    ) {
        let corners = [
            (x, y_top),
            (x + w, y_top),
            (x + w, y_top - h),
            (x, y_top - h),
        ];
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            _ => PaintMode::Stroke,
        };
        let ops = self.ops();
        if let Some(f) = fill {
            ops.push(Op::SetFillColor { col: color(f) });
        }
        if let Some(s) = stroke {
            ops.push(Op::SetOutlineColor { col: color(s) });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
        }
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: corners
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: point(x, y),
                            bezier: false,
                        })
                        .collect(),
                }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Wrapped lines drawn one below the other from the cursor, breaking the
    /// page between lines as needed.
    fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        let lh = line_height(style.size);
        for line in self.font.wrap(text, style.size, width) {
            self.ensure(lh);
            let baseline = self.y - baseline_offset(style.size);
            self.text_at(x, baseline, style, &line);
            self.y -= lh;
        }
    }

    /// Draws a row of cells side by side. A row that does not fit moves to
    /// the next page; a row taller than a page is split between lines. With a
    /// header, the header is drawn again on each new page.
    fn row(&mut self, cells: &[Cell], pad: f32, header: Option<&TableHeader>, rule_below: bool) {
        let Some(size) = cells.first().map(|c| c.style.size) else {
            return;
        };
        let lh = line_height(size);
        let total = cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let header_h = header.map_or(0.0, |h| h.height);
        let fresh_capacity = ((TOP - header_h - self.bottom - 2.0 * pad) / lh)
            .floor()
            .max(1.0) as usize;
        let mut start = 0;
        let mut rows_here = !self.page_is_empty();
        loop {
            let left = total - start;
            let mut fits = ((self.y - self.bottom - 2.0 * pad) / lh).floor().max(0.0) as usize;
            if !rows_here {
                // A fresh page always takes at least one line.
                fits = fits.max(1);
            }
            let count = if fits >= left {
                left
            } else if (start == 0 && left <= fresh_capacity && rows_here) || fits == 0 {
                self.new_page();
                if let Some(h) = header {
                    self.table_header(h);
                }
                rows_here = false;
                continue;
            } else {
                fits
            };
            let top = self.y;
            for cell in cells {
                for (i, line) in cell.lines.iter().enumerate().skip(start).take(count) {
                    let baseline = top - pad - (i - start) as f32 * lh - baseline_offset(size);
                    self.text_at(cell.x, baseline, cell.style, line);
                }
            }
            self.y = top - 2.0 * pad - count as f32 * lh;
            if rule_below {
                self.rule(LEFT, LEFT + CONTENT_W, self.y, 0.4, RULE);
            }
            start += count;
            if start >= total {
                break;
            }
            self.new_page();
            if let Some(h) = header {
                self.table_header(h);
            }
            rows_here = false;
        }
    }

    fn table_header(&mut self, header: &TableHeader) {
        let top = self.y;
        self.rect(LEFT, top, CONTENT_W, header.height, Some(HEADER_FILL), None);
        let style = Style {
            size: SMALL,
            color: BLACK,
            bold: true,
        };
        for (x, _, lines) in &header.cells {
            for (i, line) in lines.iter().enumerate() {
                let baseline =
                    top - CELL_PAD - i as f32 * line_height(SMALL) - baseline_offset(SMALL);
                self.text_at(*x, baseline, style, line);
            }
        }
        self.y = top - header.height;
        self.rule(LEFT, LEFT + CONTENT_W, self.y, 0.6, RULE);
    }

    // ----------------------------------------------------------- blocks --

    pub(crate) fn cover(&mut self, packet: &Packet) {
        self.new_page();
        self.y = TOP - 30.0 * MM;
        let title = Style {
            size: TITLE,
            color: ACCENT,
            bold: true,
        };
        self.paragraph(LEFT, CONTENT_W, title, &packet.title.en);
        self.y -= 2.0;
        self.paragraph(LEFT, CONTENT_W, title, &packet.title.zh);
        self.y -= 10.0;
        if !packet.subtitle.trim().is_empty() {
            let subtitle = Style {
                size: 12.0,
                color: BLACK,
                bold: false,
            };
            self.paragraph(LEFT, CONTENT_W, subtitle, &packet.subtitle);
        }
        self.y -= 10.0;
        self.rule(LEFT, LEFT + CONTENT_W, self.y, 1.0, ACCENT);
        self.y -= 12.0;
        let mut lines = vec![
            format!("Packet ID / 材料编号: {}", packet.packet_id),
            format!(
                "Generated / 生成时间: {} UTC",
                packet.generated_at.format("%Y-%m-%d %H:%M:%S")
            ),
        ];
        if let Some(hash) = &packet.manifest_sha256 {
            lines.push(format!("Manifest SHA-256 / 清单哈希: {hash}"));
        }
        for line in lines {
            self.paragraph(LEFT, CONTENT_W, BODY_STYLE, &line);
            self.y -= 3.0;
        }
        if !packet.sections.is_empty() {
            self.y -= 16.0;
            let heading = Style {
                size: SUBHEADING,
                color: BLACK,
                bold: true,
            };
            self.paragraph(LEFT, CONTENT_W, heading, "Contents / 目录");
            self.y -= 4.0;
            for (i, section) in packet.sections.iter().enumerate() {
                let entry = format!("{}.  {}", i + 1, bilingual(&section.title));
                self.paragraph(LEFT + 6.0, CONTENT_W - 6.0, BODY_STYLE, &entry);
                self.y -= 2.0;
            }
        }
    }

    pub(crate) fn section(&mut self, section: &Section) -> Result<(), PacketError> {
        self.new_page();
        let heading = bilingual(&section.title);
        self.bookmarks.push((heading.clone(), self.page_number()));
        let style = Style {
            size: SECTION,
            color: ACCENT,
            bold: true,
        };
        self.paragraph(LEFT, CONTENT_W, style, &heading);
        self.y -= 3.0;
        self.rule(LEFT, LEFT + CONTENT_W, self.y, 0.8, ACCENT);
        self.y -= 10.0;
        for block in &section.blocks {
            self.block(block)?;
            self.y -= BLOCK_GAP;
        }
        Ok(())
    }

    fn block(&mut self, block: &Block) -> Result<(), PacketError> {
        match block {
            Block::Fields(fields) => self.fields(fields),
            Block::Subheading(title) => self.subheading(title),
            Block::Text { label, text } => {
                let lh = line_height(BODY);
                // Keep the label with the first lines of its text.
                self.ensure(3.0 * lh);
                self.paragraph(LEFT, CONTENT_W, LABEL_STYLE, &bilingual(label));
                self.y -= 2.0;
                self.paragraph(LEFT, CONTENT_W, BODY_STYLE, text);
            }
            Block::Table {
                columns,
                widths,
                rows,
            } => self.table(columns, widths, rows),
            Block::Image(image) => self.image(image)?,
            Block::FileRef(file) => self.fields(&file_fields(file)),
        }
        Ok(())
    }

    fn subheading(&mut self, title: &Bilingual) {
        let style = Style {
            size: SUBHEADING,
            color: BLACK,
            bold: true,
        };
        self.y -= 4.0;
        // Not alone at the bottom of a page.
        self.ensure(line_height(SUBHEADING) + 3.0 * line_height(BODY));
        self.paragraph(LEFT, CONTENT_W, style, &bilingual(title));
        self.y -= 3.0;
    }

    fn fields(&mut self, fields: &[Field]) {
        let label_w = CONTENT_W * LABEL_SHARE - COLUMN_GAP;
        let value_x = LEFT + CONTENT_W * LABEL_SHARE;
        let value_w = CONTENT_W * (1.0 - LABEL_SHARE);
        for field in fields {
            let cells = [
                Cell {
                    x: LEFT,
                    lines: self.font.wrap(&bilingual(&field.label), BODY, label_w),
                    style: LABEL_STYLE,
                },
                Cell {
                    x: value_x,
                    lines: self.font.wrap(&field.value, BODY, value_w),
                    style: BODY_STYLE,
                },
            ];
            self.row(&cells, 1.5, None, false);
        }
    }

    fn table(&mut self, columns: &[Bilingual], widths: &[f32], rows: &[Vec<String>]) {
        if columns.is_empty() {
            for row in rows {
                self.paragraph(LEFT, CONTENT_W, BODY_STYLE, &row.join(" | "));
            }
            return;
        }
        let n = columns.len();
        let valid = widths.len() == n && widths.iter().all(|w| w.is_finite() && *w > 0.0);
        let weights: Vec<f32> = if valid { widths.to_vec() } else { vec![1.0; n] };
        let sum: f32 = weights.iter().sum();
        let mut x = LEFT;
        let mut geometry = Vec::with_capacity(n); // (text x, text width)
        for w in &weights {
            let col_w = CONTENT_W * w / sum;
            let (pad_left, pad_right) = (
                if geometry.is_empty() {
                    CELL_PAD
                } else {
                    CELL_GAP / 2.0
                },
                if geometry.len() + 1 == n {
                    CELL_PAD
                } else {
                    CELL_GAP / 2.0
                },
            );
            geometry.push((x + pad_left, (col_w - pad_left - pad_right).max(1.0)));
            x += col_w;
        }
        let header_cells: Vec<(f32, f32, Vec<String>)> = columns
            .iter()
            .zip(&geometry)
            .map(|(c, &(x, w))| (x, w, self.font.wrap(&bilingual(c), SMALL, w)))
            .collect();
        let header_lines = header_cells.iter().map(|c| c.2.len()).max().unwrap_or(1);
        let header = TableHeader {
            height: header_lines as f32 * line_height(SMALL) + 2.0 * CELL_PAD,
            cells: header_cells,
        };
        let cell_style = Style {
            size: SMALL,
            color: BLACK,
            bold: false,
        };
        let mut first = true;
        for row in rows {
            let mut texts: Vec<String> = row.iter().take(n).cloned().collect();
            texts.resize(n, String::new());
            if row.len() > n {
                // More cells than columns: nothing is dropped.
                let extra = row[n..].join("\n");
                let last = &mut texts[n - 1];
                if !last.is_empty() {
                    last.push('\n');
                }
                last.push_str(&extra);
            }
            let cells: Vec<Cell> = texts
                .iter()
                .zip(&geometry)
                .map(|(t, &(x, w))| Cell {
                    x,
                    lines: self.font.wrap(t, SMALL, w),
                    style: cell_style,
                })
                .collect();
            if first {
                // The header together with the first row (or as much of it
                // as a page holds).
                let lines = cells
                    .iter()
                    .map(|c| c.lines.len())
                    .max()
                    .unwrap_or(1)
                    .min(8);
                self.ensure(header.height + lines as f32 * line_height(SMALL) + 2.0 * CELL_PAD);
                self.table_header(&header);
                first = false;
            }
            self.row(&cells, CELL_PAD, Some(&header), true);
        }
        if first {
            self.ensure(header.height);
            self.table_header(&header);
        }
    }

    fn image(&mut self, block: &ImageBlock) -> Result<(), PacketError> {
        let embedded = image::embed(&block.bytes).map_err(|reason| PacketError::Image {
            caption: block.caption.clone(),
            reason,
        })?;
        let (px_w, px_h) = (embedded.width as f32, embedded.height as f32);
        let max_h = (PAGE_H * 0.6).min(TOP - self.bottom - 3.0 * line_height(BODY));
        let mut w = CONTENT_W;
        let mut h = px_h * w / px_w;
        if h > max_h {
            h = max_h;
            w = px_w * h / px_h;
        }
        // The image with the first line of its caption.
        self.ensure(h + 4.0 + line_height(BODY));
        let id = self.doc.add_xobject(&embedded.xobject);
        let x = LEFT + (CONTENT_W - w) / 2.0;
        let top = self.y;
        self.ops().push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(top - h)),
                scale_x: Some(w),
                scale_y: Some(h),
                no_auto_scale: true,
                ..Default::default()
            },
        });
        self.rect(x, top, w, h, None, Some(RULE));
        self.y = top - h - 4.0;
        if !block.caption.trim().is_empty() {
            self.paragraph(LEFT, CONTENT_W, BODY_STYLE, &block.caption);
            self.y -= 2.0;
        }
        self.fields(&block.facts);
        Ok(())
    }

    // ----------------------------------------------------------- footer --

    /// Adds the footer to every page and returns the pages.
    pub(crate) fn finish(mut self) -> (PdfDocument, Vec<Vec<Op>>, Vec<(String, usize)>) {
        let total = self.pages.len();
        let footer_lines = std::mem::take(&mut self.footer_lines);
        let lh = line_height(FOOTER);
        let style = Style {
            size: FOOTER,
            color: GREY,
            bold: false,
        };
        let top = 9.0 * MM + footer_lines.len() as f32 * lh;
        for i in 0..total {
            self.target = Some(i);
            self.rule(LEFT, LEFT + CONTENT_W, top + 3.0, 0.4, RULE);
            for (j, line) in footer_lines.iter().enumerate() {
                let baseline = top - j as f32 * lh - baseline_offset(FOOTER);
                self.text_at(LEFT, baseline, style, line);
            }
            let number = format!("Page {} / {}", i + 1, total);
            let w = self.font.width(&number, FOOTER);
            self.text_at(
                LEFT + CONTENT_W - w,
                top - baseline_offset(FOOTER),
                style,
                &number,
            );
        }
        (self.doc, self.pages, self.bookmarks)
    }
}

fn file_fields(file: &FileEntry) -> Vec<Field> {
    vec![
        Field::new("File name", "文件名", file.file.clone()),
        Field::new("Kind", "类型", file.kind.clone()),
        Field::new("Size", "大小", format_size(file.size)),
        Field::new("SHA-256", "哈希值", file.sha256.clone()),
        Field::new(
            "Captured at",
            "采集时间",
            file.captured_at.map_or_else(
                || "—".to_string(),
                |t| format!("{} UTC", t.format("%Y-%m-%d %H:%M:%S")),
            ),
        ),
        Field::new("Source URL", "来源网址", file.source_url.clone()),
    ]
}

/// "1.2 MB (1,234,567 bytes)".
fn format_size(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let unit = if bytes == 1 { "byte" } else { "bytes" };
    if bytes < 1000 {
        return format!("{grouped} {unit}");
    }
    let (value, suffix) = if bytes < 1_000_000 {
        (bytes as f64 / 1e3, "kB")
    } else if bytes < 1_000_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e9, "GB")
    };
    format!("{value:.1} {suffix} ({grouped} {unit})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(format_size(0), "0 bytes");
        assert_eq!(format_size(999), "999 bytes");
        assert_eq!(format_size(1_234_567), "1.2 MB (1,234,567 bytes)");
    }
}
