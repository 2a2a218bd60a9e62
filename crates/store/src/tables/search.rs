//! Full-text search over listings, sellers and complaints (FTS5, trigram
//! tokenizer: any substring of three or more characters, Chinese included).

use std::fmt::Write;

use ippdesk_domain::Id;
use serde::{Deserialize, Serialize};

use crate::codec::{parse_id, query_all};
use crate::{open::Db, Result, Tx};

fn watermark(db: &impl Db) -> Result<i64> {
    Ok(db.sql().lite()?.query_row(
        "SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings'",
        [],
        |r| r.get(0),
    )?)
}

/// Indexes up to `max` listings not yet in the full-text indexes, oldest
/// first, and up to `max` rows of each table whose grams wait; returns how
/// many rows still wait.
pub fn index_pending(tx: &Tx, max: u32) -> Result<u64> {
    let from = watermark(tx)?;
    let to: Option<i64> = tx.sql().lite()?.query_row(
        "SELECT MAX(n) FROM (SELECT n FROM listings WHERE n > ?1 ORDER BY n LIMIT ?2)",
        rusqlite::params![from, max],
        |r| r.get(0),
    )?;
    if let Some(to) = to {
        tx.sql().lite()?.execute(
            "INSERT INTO listings_fts (rowid, title, seller_name, external_id)
             SELECT n, title, seller_name, external_id FROM listings WHERE n > ?1 AND n <= ?2",
            [from, to],
        )?;
        let listings = &SOURCES[0];
        write_grams(
            tx,
            listings,
            &format!(
                "SELECT n, {} FROM listings WHERE n > ?1 AND n <= ?2",
                listings.columns.join(", ")
            ),
            [from, to],
        )?;
        tx.sql().lite()?.execute(
            "UPDATE search_watermarks SET indexed_up_to = ?1 WHERE tbl = 'listings'",
            [to],
        )?;
    }
    for source in &SOURCES {
        let queued: Vec<i64> = query_all(
            tx.sql().lite()?,
            "SELECT n FROM grams_pending WHERE tbl = ?1 ORDER BY n LIMIT ?2",
            rusqlite::params![source.table, max],
            |r| r.get(0),
        )?;
        let (Some(first), Some(last)) = (queued.first(), queued.last()) else {
            continue;
        };
        // Edits already dropped the old grams (triggers); a row queued at
        // the migration may have none: deleting first covers both.
        tx.sql().lite()?.execute(
            &format!(
                "DELETE FROM {t}_grams WHERE rowid IN
                 (SELECT n FROM grams_pending WHERE tbl = ?1 AND n BETWEEN ?2 AND ?3)",
                t = source.table
            ),
            rusqlite::params![source.table, first, last],
        )?;
        write_grams(
            tx,
            source,
            &format!(
                "SELECT t.n, {} FROM grams_pending p JOIN {} t ON t.n = p.n
                 WHERE p.tbl = ?1 AND p.n BETWEEN ?2 AND ?3",
                source
                    .columns
                    .iter()
                    .map(|c| format!("t.{c}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                source.table
            ),
            rusqlite::params![source.table, first, last],
        )?;
        tx.sql().lite()?.execute(
            "DELETE FROM grams_pending WHERE tbl = ?1 AND n BETWEEN ?2 AND ?3",
            rusqlite::params![source.table, first, last],
        )?;
    }
    pending(tx)
}

/// Reads `(n, text columns…)` rows with `select` and writes their grams.
fn write_grams(tx: &Tx, source: &Source, select: &str, args: impl rusqlite::Params) -> Result<()> {
    let conn = tx.sql().lite()?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO {}_grams (rowid, grams) VALUES (?1, ?2)",
        source.table
    ))?;
    let mut read = conn.prepare(select)?;
    let mut rows = read.query(args)?;
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(0)?;
        let texts = (1..=source.columns.len())
            .map(|i| r.get::<_, Option<String>>(i).map(Option::unwrap_or_default))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        insert.execute(rusqlite::params![n, grams(&texts)])?;
    }
    Ok(())
}

/// Rows waiting for a full-text index: listings above the watermark and
/// rows whose grams are queued.
pub fn pending(db: &impl Db) -> Result<u64> {
    let n: i64 = db.sql().lite()?.query_row(
        "SELECT (SELECT COUNT(*) FROM listings WHERE n > (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings'))
              + (SELECT COUNT(*) FROM grams_pending)",
        [],
        |r| r.get(0),
    )?;
    Ok(n.try_into().unwrap_or(0))
}

/// The tokens that find one- and two-character text: `s` + each character
/// and `p` + each pair of neighbours, lower-cased, never across whitespace
/// or from one column into the next; each once. (Built from numbers and
/// written once: a string per token cost a third of background indexing.)
pub fn grams(texts: &[String]) -> String {
    // (first, second) code points; `second == 0` marks a single character.
    let mut tokens: Vec<(u32, u32)> = Vec::new();
    for text in texts {
        let mut chars = text.chars().flat_map(char::to_lowercase).peekable();
        while let Some(c) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            tokens.push((u32::from(c), 0));
            if let Some(&next) = chars.peek().filter(|n| !n.is_whitespace()) {
                tokens.push((u32::from(c), u32::from(next)));
            }
        }
    }
    tokens.sort_unstable();
    tokens.dedup();
    let mut out = String::with_capacity(tokens.len() * 14);
    for (a, b) in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        // Infallible: writing to a String.
        let _ = if b == 0 {
            write!(out, "s{a:06x}")
        } else {
            write!(out, "p{a:06x}{b:06x}")
        };
    }
    out
}

/// The grams token that finds `text` of one or two characters.
fn gram_query(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    match chars.as_slice() {
        [c] if !c.is_whitespace() => Some(format!("s{:06x}", u32::from(*c))),
        [a, b] if !a.is_whitespace() && !b.is_whitespace() => {
            Some(format!("p{:06x}{:06x}", u32::from(*a), u32::from(*b)))
        }
        _ => None,
    }
}

/// A searched table: its hit kind, the columns shown and the columns searched
/// (the same as its full-text index's).
struct Source {
    kind: HitKind,
    table: &'static str,
    title: &'static str,
    detail: &'static str,
    columns: &'static [&'static str],
}

const SOURCES: [Source; 3] = [
    Source {
        kind: HitKind::Listing,
        table: "listings",
        title: "title",
        detail: "canonical_url",
        columns: &["title", "seller_name", "external_id"],
    },
    Source {
        kind: HitKind::Seller,
        table: "sellers",
        title: "store_name",
        detail: "company_name",
        columns: &[
            "store_name",
            "store_name_translation",
            "company_name",
            "store_url",
        ],
    },
    Source {
        kind: HitKind::Complaint,
        table: "complaints",
        title: "external_number",
        detail: "explanation_en",
        columns: &[
            "external_number",
            "explanation_en",
            "explanation_zh",
            "assignee",
        ],
    },
];

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
    // Three characters or more: the trigram index. Fewer (a two-character
    // Chinese brand, say): the grams index.
    let short = text.chars().count() < 3;
    let gram = if short { gram_query(text) } else { None };
    let wm = watermark(db)?;
    let mut hits = Vec::new();
    for source in &SOURCES {
        let Source {
            kind,
            table,
            title,
            detail,
            ..
        } = *source;
        let like_any = source
            .columns
            .iter()
            .map(|c| format!("t.{c} LIKE ?2 ESCAPE '\\'"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let row = |r: &rusqlite::Row| -> rusqlite::Result<(Id, String, String)> {
            Ok((parse_id(r.get(0)?)?, r.get(1)?, r.get(2)?))
        };
        let mut found = Vec::new();
        // Rows not in the index yet, read with LIKE: new listings above the
        // watermark, and (for short text) rows whose grams are queued.
        if kind == HitKind::Listing {
            found.extend(query_all(
                db.sql().lite()?,
                &format!(
                    "SELECT t.id, t.{title}, t.{detail} FROM listings t WHERE t.n > ?1 AND ({like_any})
                     ORDER BY t.n DESC LIMIT {limit}"
                ),
                rusqlite::params![wm, like(text)],
                row,
            )?);
        }
        if short && found.len() < limit as usize {
            found.extend(query_all(
                db.sql().lite()?,
                &format!(
                    "SELECT t.id, t.{title}, t.{detail} FROM grams_pending p JOIN {table} t ON t.n = p.n
                     WHERE p.tbl = ?1 AND ({like_any}) ORDER BY t.n DESC LIMIT {limit}"
                ),
                rusqlite::params![table, like(text)],
                row,
            )?);
        }
        if found.len() < limit as usize {
            let (index, arg) = match (&gram, short) {
                (Some(g), _) => ("grams", phrase(g)),
                (None, false) => ("fts", phrase(text)),
                // Short but no token (case folding made it longer): nothing
                // indexed can match it.
                (None, true) => ("", String::new()),
            };
            if !index.is_empty() {
                found.extend(query_all(
                    db.sql().lite()?,
                    &format!(
                        "SELECT t.id, t.{title}, t.{detail} FROM {table}_{index} f JOIN {table} t ON t.n = f.rowid
                         WHERE {table}_{index} MATCH ?1 ORDER BY f.rowid DESC LIMIT {limit}"
                    ),
                    [arg],
                    row,
                )?);
            }
        }
        found.truncate(limit as usize);
        hits.extend(found.into_iter().map(|(id, title, detail)| Hit {
            kind,
            id,
            title,
            detail,
        }));
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_are_characters_and_pairs_within_words_and_columns() {
        let tokens = grams(&["Ab c".into(), "极光".into(), "Ab".into()]);
        let expected = [
            "s000061",       // a
            "p000061000062", // ab
            "s000062",       // b
            "s000063",       // c
            "s006781",       // 极
            "p006781005149", // 极光
            "s005149",       // 光
        ];
        let mut expected = expected.map(String::from).to_vec();
        expected.sort();
        let mut tokens: Vec<_> = tokens.split(' ').collect();
        tokens.sort();
        assert_eq!(tokens, expected, "each once");
        assert_eq!(gram_query("极光").as_deref(), Some("p006781005149"));
        assert_eq!(gram_query("B").as_deref(), Some("s000062"));
        assert_eq!(gram_query("abc"), None);
    }
}
