//! Search over listings, sellers and complaints: any substring of a searched
//! column, case-insensitive, Chinese included, newest first.
//!
//! SQLite: FTS5 indexes with the trigram tokenizer (three characters or
//! more) and "grams" indexes of single characters and pairs (one or two),
//! filled by a background indexer (`index_pending`) after imports commit;
//! search reads what still waits with LIKE. PostgreSQL: pg_trgm's GIN indexes
//! (migrations/pg/0001/5_search.sql), which the server keeps with every
//! write, so nothing ever waits and the indexer has nothing to do.

use std::fmt::Write;

use ippdesk_domain::Id;
use serde::{Deserialize, Serialize};

use crate::sql::{Backend, Param, Row};
use crate::{open::Db, Result, Tx};

fn watermark(db: &impl Db) -> Result<i64> {
    db.sql().value(
        "SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings'",
        &[],
    )
}

/// Indexes up to `max` listings not yet in the full-text indexes, oldest
/// first, and up to `max` rows of each table whose grams wait; returns how
/// many rows still wait. (SQLite only: PostgreSQL indexes every write as it
/// happens, so nothing waits there.)
pub fn index_pending(tx: &Tx, max: u32) -> Result<u64> {
    let sql = tx.sql();
    if sql.backend() == Backend::Postgres {
        return Ok(0);
    }
    let max = i64::from(max);
    let from = watermark(tx)?;
    let to: Option<i64> = sql.value(
        "SELECT MAX(n) FROM (SELECT n FROM listings WHERE n > $1 ORDER BY n LIMIT $2)",
        &[&from, &max],
    )?;
    if let Some(to) = to {
        sql.execute(
            "INSERT INTO listings_fts (rowid, title, seller_name, external_id)
             SELECT n, title, seller_name, external_id FROM listings WHERE n > $1 AND n <= $2",
            &[&from, &to],
        )?;
        let listings = &SOURCES[0];
        write_grams(
            tx,
            listings,
            &format!(
                "SELECT n, {} FROM listings WHERE n > $1 AND n <= $2",
                listings.columns.join(", ")
            ),
            &[&from, &to],
        )?;
        sql.execute(
            "UPDATE search_watermarks SET indexed_up_to = $1 WHERE tbl = 'listings'",
            &[&to],
        )?;
    }
    for source in &SOURCES {
        let queued: Vec<i64> = sql.query(
            "SELECT n FROM grams_pending WHERE tbl = $1 ORDER BY n LIMIT $2",
            &[&source.table, &max],
            |r| r.get(0),
        )?;
        let (Some(first), Some(last)) = (queued.first(), queued.last()) else {
            continue;
        };
        // Edits already dropped the old grams (triggers); a row queued at
        // the migration may have none: deleting first covers both.
        sql.execute(
            &format!(
                "DELETE FROM {t}_grams WHERE rowid IN
                 (SELECT n FROM grams_pending WHERE tbl = $1 AND n BETWEEN $2 AND $3)",
                t = source.table
            ),
            &[&source.table, first, last],
        )?;
        write_grams(
            tx,
            source,
            &format!(
                "SELECT t.n, {} FROM grams_pending p JOIN {} t ON t.n = p.n
                 WHERE p.tbl = $1 AND p.n BETWEEN $2 AND $3",
                source
                    .columns
                    .iter()
                    .map(|c| format!("t.{c}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                source.table
            ),
            &[&source.table, first, last],
        )?;
        sql.execute(
            "DELETE FROM grams_pending WHERE tbl = $1 AND n BETWEEN $2 AND $3",
            &[&source.table, first, last],
        )?;
    }
    pending(tx)
}

/// Reads `(n, text columns…)` rows with `select` and writes their grams, a
/// row at a time as it is read (SQLite only).
fn write_grams(tx: &Tx, source: &Source, select: &str, args: &[&dyn Param]) -> Result<()> {
    let sql = tx.sql();
    let insert = format!(
        "INSERT INTO {}_grams (rowid, grams) VALUES ($1, $2)",
        source.table
    );
    sql.query(select, args, |r| {
        let n: i64 = r.get(0)?;
        let texts = (1..=source.columns.len())
            .map(|i| r.get::<Option<String>>(i).map(Option::unwrap_or_default))
            .collect::<Result<Vec<_>>>()?;
        sql.execute(&insert, &[&n, &grams(&texts)])?;
        Ok(())
    })?;
    Ok(())
}

/// Rows waiting for a full-text index: listings above the watermark and
/// rows whose grams are queued. Always 0 on PostgreSQL.
pub fn pending(db: &impl Db) -> Result<u64> {
    let sql = db.sql();
    if sql.backend() == Backend::Postgres {
        return Ok(0);
    }
    let n: i64 = sql.value(
        "SELECT (SELECT COUNT(*) FROM listings WHERE n > (SELECT indexed_up_to FROM search_watermarks WHERE tbl = 'listings'))
              + (SELECT COUNT(*) FROM grams_pending)",
        &[],
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

/// The LIKE (ILIKE) pattern of `text` anywhere: `%`, `_` and `\` in it stand
/// for themselves (`\` escapes).
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
    // PostgreSQL text cannot hold a NUL (the statement would fail) and an
    // FTS5 query ends at one: text with a NUL finds nothing, on both.
    if text.is_empty() || text.contains('\0') {
        return Ok(Vec::new());
    }
    let short = text.chars().count() < 3;
    let mut hits = Vec::new();
    for source in &SOURCES {
        let found = match db.sql().backend() {
            Backend::Sqlite => search_lite(db, source, text, short, limit)?,
            Backend::Postgres => db.sql().query(
                &pg_search_sql(source, short),
                &[&like(text), &i64::from(limit)],
                hit_row,
            )?,
        };
        hits.extend(found.into_iter().map(|(id, title, detail)| Hit {
            kind: source.kind,
            id,
            title,
            detail,
        }));
    }
    Ok(hits)
}

fn hit_row(r: &Row) -> Result<(Id, String, String)> {
    Ok((r.id(0)?, r.get(1)?, r.get(2)?))
}

/// One table's hits in SQLite: rows not indexed yet with LIKE, then the
/// trigram index (three characters or more) or the grams index (fewer: a
/// two-character Chinese brand, say).
fn search_lite(
    db: &impl Db,
    source: &Source,
    text: &str,
    short: bool,
    limit: u32,
) -> Result<Vec<(Id, String, String)>> {
    let sql = db.sql();
    let Source {
        kind,
        table,
        title,
        detail,
        ..
    } = *source;
    let gram = if short { gram_query(text) } else { None };
    let like_any = source
        .columns
        .iter()
        .map(|c| format!("t.{c} LIKE $1 ESCAPE '\\'"))
        .collect::<Vec<_>>()
        .join(" OR ");
    let max = i64::from(limit);
    let mut found = Vec::new();
    // Rows not in the index yet, read with LIKE: new listings above the
    // watermark, and (for short text) rows whose grams are queued.
    if kind == HitKind::Listing {
        found.extend(sql.query(
            &format!(
                "SELECT t.id, t.{title}, t.{detail} FROM listings t WHERE t.n > $3 AND ({like_any})
                 ORDER BY t.n DESC LIMIT $2"
            ),
            &[&like(text), &max, &watermark(db)?],
            hit_row,
        )?);
    }
    if short && found.len() < limit as usize {
        found.extend(sql.query(
            &format!(
                "SELECT t.id, t.{title}, t.{detail} FROM grams_pending p JOIN {table} t ON t.n = p.n
                 WHERE p.tbl = $3 AND ({like_any}) ORDER BY t.n DESC LIMIT $2"
            ),
            &[&like(text), &max, &table],
            hit_row,
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
            found.extend(sql.query(
                &format!(
                    "SELECT t.id, t.{title}, t.{detail} FROM {table}_{index} f JOIN {table} t ON t.n = f.rowid
                     WHERE {table}_{index} MATCH $1 ORDER BY f.rowid DESC LIMIT $2"
                ),
                &[&arg, &max],
                hit_row,
            )?);
        }
    }
    found.truncate(limit as usize);
    Ok(found)
}

/// A searched column in PostgreSQL: in the database's default collation, the
/// one pg_trgm folds case with (a column may be declared COLLATE "C").
fn pg_column(c: &str) -> String {
    format!("coalesce(t.{c}, '') COLLATE \"default\"")
}

/// One table's search in PostgreSQL: `$1` the ILIKE pattern (PostgreSQL's
/// escape character is `\` unless told otherwise), `$2` the limit. Three
/// characters or more: the searched columns joined by spaces, exactly the
/// expression of the table's trigram index (5_search.sql), then each column
/// alone, as SQLite matches (never across two columns). Fewer: trigrams
/// cannot find them, so the columns alone, newest first, until `limit` match.
fn pg_search_sql(source: &Source, short: bool) -> String {
    let Source {
        table,
        title,
        detail,
        columns,
        ..
    } = *source;
    let any = columns
        .iter()
        .map(|c| format!("{} ILIKE $1", pg_column(c)))
        .collect::<Vec<_>>()
        .join(" OR ");
    let indexed = if short {
        String::new()
    } else {
        format!(
            "({}) ILIKE $1 AND ",
            columns
                .iter()
                .map(|c| pg_column(c))
                .collect::<Vec<_>>()
                .join(" || ' ' || ")
        )
    };
    format!(
        "SELECT t.id, t.{title}, t.{detail} FROM {table} t WHERE {indexed}({any})
         ORDER BY t.n DESC LIMIT $2"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::AsId;
    use crate::tables::holders;
    use crate::testing::{account, complaint, each_store, holder, listing, right, seller};
    use crate::Store;
    use ippdesk_domain::{Complaint, Listing, Platform, Seller};

    fn put_listing(tx: &Tx, l: &Listing) -> Result<()> {
        crate::tables::listings::insert_many(tx, std::slice::from_ref(l), "test")
    }

    /// A complaint's account and right (and their holder), as its foreign
    /// keys require.
    fn complaint_of(s: &mut Store) -> Complaint {
        let h = holder("深圳市极光电子有限公司");
        let r = right(h.id, "12345678");
        let a = account(h.id);
        s.write(|tx| {
            holders::insert(tx, &h)?;
            crate::tables::rights::insert(tx, &r)?;
            crate::tables::accounts::insert(tx, &a)?;
            Ok::<_, crate::StoreError>(())
        })
        .unwrap();
        let mut c = complaint(a.id, r.id, Platform::Taobao);
        c.draft.external_number = "IPP-2024-0042".into();
        c
    }

    fn ids(s: &Store, q: &str) -> Vec<Id> {
        search(s, q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    struct Rows {
        ls: Vec<Listing>,
        shop: Seller,
        c: Complaint,
    }

    /// Three listings, a seller and a complaint, in that order.
    fn rows(s: &mut Store) -> Rows {
        let c = complaint_of(s);
        let mut ls = vec![
            listing(
                "https://item.taobao.com/item.htm?id=2001",
                "极光蓝牙耳机 仿品 AURORA",
            ),
            listing("https://item.taobao.com/item.htm?id=2002", "普通耳机"),
            listing(
                "https://item.taobao.com/item.htm?id=2003",
                "Wireless earbuds",
            ),
            listing(
                "https://item.taobao.com/item.htm?id=2004",
                "100% 正品 a_b c\\d",
            ),
        ];
        ls[2].seller_name = "极光旗舰店".into();
        let mut shop = seller(Platform::Taobao, "极光旗舰店");
        shop.draft.store_name_translation = "Aurora Flagship Store".into();
        shop.draft.company_name = "深圳市极光电子有限公司".into();
        shop.draft.store_url = "https://shop123.taobao.com".into();
        s.write(|tx| {
            ls.iter().try_for_each(|l| put_listing(tx, l))?;
            crate::tables::sellers::insert(tx, &shop)?;
            crate::tables::complaints::insert(tx, &c)
        })
        .unwrap();
        Rows { ls, shop, c }
    }

    #[test]
    fn finds_any_substring_of_one_column_in_any_case_newest_first() {
        each_store(|mut s| {
            let Rows { ls, shop, c } = rows(&mut s);
            let lite = s.backend() == Backend::Sqlite;
            // SQLite answers the same before its indexer ran (LIKE over what
            // waits), half way and after; PostgreSQL has nothing waiting.
            assert_eq!(pending(&s).unwrap(), if lite { 6 } else { 0 });
            for step in ["not indexed", "one step", "indexed"] {
                if step == "one step" {
                    let left = s.write(|tx| index_pending(tx, 1)).unwrap();
                    assert_eq!(left, if lite { 3 } else { 0 }, "at most `max` of each");
                }
                if step == "indexed" {
                    assert_eq!(s.write(|tx| index_pending(tx, 100)).unwrap(), 0);
                }
                if !lite || step == "indexed" {
                    assert_eq!(pending(&s).unwrap(), 0, "{step}");
                }
                let ids = |q: &str| ids(&s, q);
                assert_eq!(ids("蓝牙耳机"), [ls[0].id], "{step}");
                assert_eq!(
                    ids("aurora"),
                    [ls[0].id, shop.id, c.id],
                    "case-insensitive, {step}"
                );
                assert_eq!(ids("AuRoRa Flag"), [shop.id], "{step}");
                assert_eq!(
                    ids("极光"),
                    [ls[2].id, ls[0].id, shop.id, c.id],
                    "two characters, newest first, {step}"
                );
                assert_eq!(
                    ids("光"),
                    [ls[2].id, ls[0].id, shop.id, c.id],
                    "one character, {step}"
                );
                assert_eq!(ids(" 极光 "), ids("极光"), "trimmed");
                assert_eq!(
                    ids("Au"),
                    [ls[0].id, shop.id, c.id],
                    "short text, any case, {step}"
                );
                assert_eq!(ids("耳机"), [ls[1].id, ls[0].id, c.id], "{step}");
                assert_eq!(ids("2001"), [ls[0].id], "the listing's platform id, {step}");
                assert_eq!(ids("shop123"), [shop.id], "{step}");
                assert_eq!(ids("0042"), [c.id], "a complaint's number, {step}");
                assert_eq!(ids("wang"), [c.id], "its assignee, {step}");
                assert_eq!(ids("假冒极光"), [c.id], "{step}");
                // Never across a space or from one column into the next.
                assert!(ids("光蓝牙耳机仿").is_empty(), "{step}");
                assert!(ids("机仿").is_empty(), "no pair across a space, {step}");
                assert!(ids("earbuds 极光").is_empty(), "title, seller name: {step}");
                assert!(
                    ids("旗舰店 Aurora").is_empty(),
                    "store name, translation: {step}"
                );
                assert!(
                    ids("0042 Counterfeit").is_empty(),
                    "number, explanation: {step}"
                );
                assert!(ids("耳机 Wang").is_empty(), "explanation, assignee: {step}");
                // The text is text: no query syntax, no wildcards.
                assert!(ids("\"OR 1=1 --").is_empty(), "{step}");
                assert_eq!(ids("%"), [ls[3].id], "{step}");
                assert_eq!(ids("_"), [ls[3].id], "{step}");
                assert_eq!(ids("\\"), [ls[3].id], "{step}");
                assert_eq!(ids("a_b"), [ls[3].id], "{step}");
                assert_eq!(ids("c\\d"), [ls[3].id], "{step}");
                assert!(ids("a%b").is_empty(), "{step}");
                assert!(ids("1_0").is_empty(), "{step}");
                assert!(ids("").is_empty() && ids("   ").is_empty());
                assert!(ids("极\0光").is_empty() && ids("\0").is_empty(), "{step}");
                // Up to `limit` of each kind, the newest.
                let hits = search(&s, "耳机", 1).unwrap();
                let kinds: Vec<_> = hits.iter().map(|h| (h.kind, h.id)).collect();
                assert_eq!(
                    kinds,
                    [(HitKind::Listing, ls[1].id), (HitKind::Complaint, c.id)]
                );
                let hits = search(&s, "极", 1).unwrap();
                assert_eq!(hits.len(), 3, "{step}");
                assert_eq!(hits[0].id, ls[2].id, "{step}");
            }
            // What a hit shows.
            let hits = search(&s, "Flagship", 10).unwrap();
            assert_eq!(
                hits,
                [Hit {
                    kind: HitKind::Seller,
                    id: shop.id,
                    title: "极光旗舰店".into(),
                    detail: "深圳市极光电子有限公司".into(),
                }]
            );
            let hits = search(&s, "蓝牙", 10).unwrap();
            assert_eq!(hits[0].title, ls[0].title);
            assert_eq!(hits[0].detail, ls[0].canonical_url);
            let hits = search(&s, "wang fang", 10).unwrap();
            assert_eq!(
                (hits[0].title.as_str(), hits[0].detail.as_str()),
                ("IPP-2024-0042", "Counterfeit AURORA earbuds")
            );
        });
    }

    #[test]
    fn edits_and_deletes_are_followed() {
        each_store(|mut s| {
            let Rows { ls, shop, c } = rows(&mut s);
            s.write(|tx| index_pending(tx, 100)).unwrap();
            s.write(|tx| {
                let sql = tx.sql();
                sql.execute(
                    "UPDATE listings SET title = $2 WHERE id = $1",
                    &[&AsId(ls[1].id), &"降噪耳机 新款"],
                )?;
                sql.execute(
                    "UPDATE complaints SET explanation_zh = $2, explanation_en = '' WHERE id = $1",
                    &[&AsId(c.id), &"新说明"],
                )?;
                sql.execute("DELETE FROM sellers WHERE id = $1", &[&AsId(shop.id)])?;
                sql.execute("DELETE FROM listings WHERE id = $1", &[&AsId(ls[3].id)])?;
                Ok::<_, crate::StoreError>(())
            })
            .unwrap();
            let waiting = if s.backend() == Backend::Sqlite { 2 } else { 0 };
            assert_eq!(
                pending(&s).unwrap(),
                waiting,
                "the edited listing's and complaint's grams"
            );
            // Edits waiting are read with LIKE, then indexed again: the same answers.
            for step in ["edited", "indexed again"] {
                if step == "indexed again" {
                    assert_eq!(s.write(|tx| index_pending(tx, 100)).unwrap(), 0);
                }
                let ids = |q: &str| ids(&s, q);
                assert_eq!(ids("降噪耳"), [ls[1].id], "{step}");
                assert_eq!(ids("降噪"), [ls[1].id], "{step}");
                assert!(ids("普通耳").is_empty(), "{step}");
                assert!(ids("普通").is_empty(), "{step}");
                assert_eq!(ids("说明"), [c.id], "{step}");
                assert_eq!(ids("极光"), [ls[2].id, ls[0].id], "{step}");
                assert!(ids("aurora").iter().all(|id| *id == ls[0].id), "{step}");
                assert!(ids("%").is_empty(), "{step}");
                assert!(ids("flagship").is_empty(), "{step}");
            }
        });
    }

    #[test]
    fn postgres_search_uses_the_trigram_indexes() {
        each_store(|s| {
            if s.backend() != Backend::Postgres {
                return;
            }
            let sql = s.sql();
            // Without sequential or plain index scans, a statement that can
            // use the trigram index does: its expression is the index's.
            sql.batch("SET enable_seqscan = off; SET enable_indexscan = off")
                .unwrap();
            for source in &SOURCES {
                let plan = sql
                    .query(
                        &format!("EXPLAIN {}", pg_search_sql(source, false)),
                        &[&like("极光耳机"), &50i64],
                        |r| r.get::<String>(0),
                    )
                    .unwrap()
                    .join("\n");
                assert!(
                    plan.contains(&format!("Bitmap Index Scan on {}_search", source.table)),
                    "{plan}"
                );
            }
            sql.batch("RESET enable_seqscan; RESET enable_indexscan")
                .unwrap();
        });
    }

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
