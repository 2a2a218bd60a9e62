//! What a packet contains, independent of how it is drawn. The desk builds
//! one of these from the database; [`crate::render`] turns it into PDF bytes.
//! Every string is printed as text, as given (never interpreted as markup).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four packets, one per IPP step (and the report that shares their layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PacketKind {
    Registration,
    IpRight,
    Complaint,
    CounterNotice,
    /// Not a packet: the manager's enforcement report, drawn the same way.
    Report,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Packet {
    pub kind: PacketKind,
    /// Printed on every page, e.g. "PKT-C-20261202-3F9A1C".
    pub packet_id: String,
    /// Printed on every page (UTC).
    pub generated_at: DateTime<Utc>,
    /// The cover title, both languages.
    pub title: Bilingual,
    /// A line under the title (complaint number, right number …).
    pub subtitle: String,
    /// SHA-256 of the bundle's manifest.json, printed on the cover and the
    /// manifest page when the packet is part of a bundle.
    pub manifest_sha256: Option<String>,
    /// In order; each starts a new page and gets a PDF bookmark.
    pub sections: Vec<Section>,
}

/// A label in English with its Chinese, printed "Listing URL / 商品链接".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub en: String,
    pub zh: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Bilingual {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading and the bookmark text.
    pub title: Bilingual,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// Label–value pairs, one per line (values wrap; may contain '\n').
    Fields(Vec<Field>),
    /// A heading inside a section.
    Subheading(Bilingual),
    /// Free text (an explanation, a statement), wrapped; '\n' starts a new line.
    Text { label: Bilingual, text: String },
    /// A table; every cell wraps within its column (long URLs included).
    /// `widths` are relative column widths, one per column.
    Table {
        columns: Vec<Bilingual>,
        widths: Vec<f32>,
        rows: Vec<Vec<String>>,
    },
    /// An image scaled to fit the page width (and at most ~60 % of the page
    /// height), with its caption and facts printed under it.
    Image(ImageBlock),
    /// A file that is not an image (a PDF certificate …): listed, not drawn.
    FileRef(FileEntry),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: Bilingual,
    pub value: String,
}

impl Field {
    pub fn new(en: &str, zh: &str, value: impl Into<String>) -> Self {
        Field {
            label: Bilingual::new(en, zh),
            value: value.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageBlock {
    pub caption: String,
    /// The original file's bytes: PNG or JPEG (JPEG is embedded as is).
    pub bytes: Vec<u8>,
    /// Capture time, source URL, SHA-256 …
    pub facts: Vec<Field>,
}

/// One evidence file, as the manifest page and manifest.json list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// The file's name inside the bundle.
    pub file: String,
    pub kind: String,
    pub sha256: String,
    pub size: u64,
    pub captured_at: Option<DateTime<Utc>>,
    pub source_url: String,
}
