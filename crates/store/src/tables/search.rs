//! Full-text search over listings, sellers and complaints (FTS5, trigram
//! tokenizer: any substring of three or more characters, Chinese included).

use ippdesk_domain::Id;
use serde::{Deserialize, Serialize};

use crate::codec::{parse_id, query_all};
use crate::{open::Db, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Listing,
    Seller,
    Complaint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Id,
    /// What to show: a listing's title or URL, a store's name, a complaint's number.
    pub title: String,
    pub detail: String,
}

/// An FTS5 string literal: the text is matched as a phrase, never parsed as
/// query syntax (quotes doubled).
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// LIKE pattern for queries too short for trigrams (`\` escapes).
fn like(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Up to `limit` hits of each kind, best first.
pub fn search(db: &impl Db, text: &str, limit: u32) -> Result<Vec<Hit>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    // Trigrams need three characters; shorter text (a two-character Chinese
    // brand, say) scans with LIKE instead.
    let short = text.chars().count() < 3;
    let sources = [
        (
            HitKind::Listing,
            "listings",
            "title",
            "canonical_url",
            "title, seller_name, canonical_url",
        ),
        (
            HitKind::Seller,
            "sellers",
            "store_name",
            "company_name",
            "store_name, store_name_translation, company_name, store_url",
        ),
        (
            HitKind::Complaint,
            "complaints",
            "external_number",
            "explanation_en",
            "external_number, explanation_en, explanation_zh, assignee",
        ),
    ];
    let mut hits = Vec::new();
    for (kind, table, title, detail, cols) in sources {
        let sql = if short {
            let cond: Vec<_> = cols
                .split(", ")
                .map(|c| format!("t.{c} LIKE ?1 ESCAPE '\\'"))
                .collect();
            format!(
                "SELECT t.id, t.{title}, t.{detail} FROM {table} t WHERE {} LIMIT {limit}",
                cond.join(" OR ")
            )
        } else {
            format!(
                "SELECT t.id, t.{title}, t.{detail} FROM {table}_fts f JOIN {table} t ON t.n = f.rowid
                 WHERE {table}_fts MATCH ?1 ORDER BY f.rank LIMIT {limit}"
            )
        };
        let arg = if short { like(text) } else { phrase(text) };
        hits.extend(query_all(db.conn(), &sql, [arg], |r| {
            Ok(Hit {
                kind,
                id: parse_id(r.get(0)?)?,
                title: r.get(1)?,
                detail: r.get(2)?,
            })
        })?);
    }
    Ok(hits)
}
