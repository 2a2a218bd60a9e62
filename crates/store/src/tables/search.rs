//! Full-text search over listings, sellers and complaints (FTS5, trigram
//! tokenizer: any substring of three or more characters, Chinese included).

use ippdesk_domain::Id;
use serde::{Deserialize, Serialize};

use crate::codec::{parse_id, query_all};
use crate::{open::Db, Result, Tx};

fn watermark(db: &impl Db) -> Result<i64> {
    Ok(db.conn().query_row(
        "SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings'",
        [],
        |r| r.get(0),
    )?)
}

/// Indexes up to `max` listings not yet in the full-text index, oldest
/// first; returns how many are still waiting.
pub fn index_pending(tx: &Tx, max: u32) -> Result<u64> {
    let from = watermark(tx)?;
    let to: Option<i64> = tx.conn().query_row(
        "SELECT MAX(n) FROM (SELECT n FROM listings WHERE n > ?1 ORDER BY n LIMIT ?2)",
        rusqlite::params![from, max],
        |r| r.get(0),
    )?;
    if let Some(to) = to {
        tx.conn().execute(
            "INSERT INTO listings_fts (rowid, title, seller_name)
             SELECT n, title, seller_name FROM listings WHERE n > ?1 AND n <= ?2",
            [from, to],
        )?;
        tx.conn().execute(
            "UPDATE search_watermarks SET indexed_up_to = ?1 WHERE tbl = 'listings'",
            [to],
        )?;
    }
    pending(tx)
}

/// Listings waiting for the full-text index.
pub fn pending(db: &impl Db) -> Result<u64> {
    let n: i64 = db.conn().query_row(
        "SELECT COUNT(*) FROM listings WHERE n > (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings')",
        [],
        |r| r.get(0),
    )?;
    Ok(n.try_into().unwrap_or(0))
}

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

/// Up to `limit` hits of each kind, newest first. (Newest, not best: ranking
/// needs every match scored, and a common word matches most of a million
/// listings; the newest are what a paralegal is working on.)
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
            "title, seller_name",
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
    // A listing id (digits or an ASIN) pasted from anywhere: exact lookup.
    if text.len() >= 6 && text.chars().all(|c| c.is_ascii_alphanumeric()) {
        hits.extend(query_all(
            db.conn(),
            &format!(
                "SELECT id, title, canonical_url FROM listings WHERE external_id IN (?1, upper(?1)) ORDER BY n DESC LIMIT {limit}"
            ),
            [text],
            |r| {
                Ok(Hit {
                    kind: HitKind::Listing,
                    id: parse_id(r.get(0)?)?,
                    title: r.get(1)?,
                    detail: r.get(2)?,
                })
            },
        )?);
    }
    let wm = watermark(db)?;
    for (kind, table, title, detail, cols) in sources {
        let limit = limit as usize;
        let mut found = Vec::new();
        // Listings not yet indexed (the newest) are scanned first.
        if kind == HitKind::Listing && !short {
            let cond: Vec<_> = cols
                .split(", ")
                .map(|c| format!("t.{c} LIKE ?2 ESCAPE '\\'"))
                .collect();
            found.extend(query_all(
                db.conn(),
                &format!(
                    "SELECT t.id, t.{title}, t.{detail} FROM listings t WHERE t.n > ?1 AND ({}) ORDER BY t.n DESC LIMIT {limit}",
                    cond.join(" OR ")
                ),
                rusqlite::params![wm, like(text)],
                |r| Ok((parse_id(r.get(0)?)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
            )?);
        }
        if found.len() >= limit {
            hits.extend(found.into_iter().map(|(id, title, detail)| Hit {
                kind,
                id,
                title,
                detail,
            }));
            continue;
        }
        let sql = if short {
            let cond: Vec<_> = cols
                .split(", ")
                .map(|c| format!("t.{c} LIKE ?1 ESCAPE '\\'"))
                .collect();
            format!(
                "SELECT t.id, t.{title}, t.{detail} FROM {table} t WHERE {} ORDER BY t.n DESC LIMIT {limit}",
                cond.join(" OR ")
            )
        } else {
            format!(
                "SELECT t.id, t.{title}, t.{detail} FROM {table}_fts f JOIN {table} t ON t.n = f.rowid
                 WHERE {table}_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT {limit}"
            )
        };
        let arg = if short { like(text) } else { phrase(text) };
        found.extend(query_all(db.conn(), &sql, [arg], |r| {
            Ok((
                parse_id(r.get(0)?)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?);
        found.truncate(limit);
        hits.extend(found.into_iter().map(|(id, title, detail)| Hit {
            kind,
            id,
            title,
            detail,
        }));
    }
    Ok(hits)
}
