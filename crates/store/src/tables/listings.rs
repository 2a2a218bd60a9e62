//! Listings: one row per canonical URL. Imports insert many at once through
//! one prepared statement and write one audit row for the batch.

use ippdesk_domain::{ComplaintRef, Id, Listing};
use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params, Row};
use serde::Serialize;

use super::audit;
use crate::codec::{not_found, parse_enum, parse_id, parse_opt_id, query_all, query_one};
use crate::{open::Db, Result, StoreError, Tx};

pub(crate) const COLUMNS: &str =
    "l.id, l.platform, l.kind, l.external_id, l.canonical_url, l.original_url, l.title,
    l.price, l.seller_name, l.store_url, l.seller_id, l.notes, l.created_at";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Listing> {
    Ok(Listing {
        id: parse_id(r.get(0)?)?,
        platform: parse_enum(r.get(1)?)?,
        kind: parse_enum(r.get(2)?)?,
        external_id: r.get(3)?,
        canonical_url: r.get(4)?,
        original_url: r.get(5)?,
        title: r.get(6)?,
        price: r.get(7)?,
        seller_name: r.get(8)?,
        store_url: r.get(9)?,
        seller_id: parse_opt_id(r.get(10)?)?,
        notes: r.get(11)?,
        created_at: r.get(12)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<Listing> {
    query_one(
        db.sql().lite()?,
        &format!("SELECT {COLUMNS} FROM listings l WHERE l.id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("listing", id))
}

pub fn for_seller(db: &impl Db, seller: Id) -> Result<Vec<Listing>> {
    query_all(
        db.sql().lite()?,
        &format!("SELECT {COLUMNS} FROM listings l WHERE l.seller_id = ?1 ORDER BY l.n"),
        [seller.to_string()],
        from_row,
    )
}

/// Which of these canonical URLs are already stored, and the open complaints
/// holding each: the import report's "already known, and where". One
/// statement for the whole batch (`rarray`): a query per URL cost more than
/// the rest of a 100k import's checks together.
pub fn find_known(
    db: &impl Db,
    canonical: &[&str],
) -> Result<HashMap<String, (Id, Vec<ComplaintRef>)>> {
    let list = |values: Vec<Value>| std::rc::Rc::new(values);
    let urls = list(
        canonical
            .iter()
            .map(|u| Value::Text(u.to_string()))
            .collect(),
    );
    let known: Vec<(String, String)> = query_all(
        db.sql().lite()?,
        "SELECT canonical_url, id FROM listings WHERE canonical_url IN rarray(?1)",
        [urls],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut found = HashMap::with_capacity(known.len());
    if known.is_empty() {
        return Ok(found);
    }
    let ids = list(
        known
            .iter()
            .map(|(_, id)| Value::Text(id.clone()))
            .collect(),
    );
    let mut holders: HashMap<String, Vec<ComplaintRef>> = HashMap::new();
    for (listing, complaint) in query_all(
        db.sql().lite()?,
        "SELECT cl.listing_id, c.id, c.platform, c.external_number, c.created_at FROM complaint_listings cl
         JOIN complaints c ON c.id = cl.complaint_id
         WHERE cl.listing_id IN rarray(?1) AND c.status <> 'closed' ORDER BY c.created_at",
        [ids],
        |r| {
            let id: String = r.get(1)?;
            let label = super::complaints::label(
                &id,
                &r.get::<_, String>(2)?,
                &r.get::<_, String>(3)?,
                &r.get(4)?,
            );
            Ok((
                r.get::<_, String>(0)?,
                ComplaintRef {
                    id: parse_id(id)?,
                    label,
                },
            ))
        },
    )? {
        holders.entry(listing).or_default().push(complaint);
    }
    for (url, id) in known {
        let complaints = holders.remove(&id).unwrap_or_default();
        found.insert(url, (parse_id(id)?, complaints));
    }
    Ok(found)
}

/// Creation times as stored, formatted once per distinct time (a batch
/// shares one): chrono's formatter was a tenth of a 100k import.
#[derive(Default)]
struct Stamps(Option<(chrono::DateTime<chrono::Utc>, String)>);

impl Stamps {
    fn text(&mut self, t: chrono::DateTime<chrono::Utc>) -> &str {
        if self.0.as_ref().is_none_or(|(at, _)| *at != t) {
            let text = match rusqlite::types::ToSql::to_sql(&t) {
                Ok(rusqlite::types::ToSqlOutput::Owned(Value::Text(s))) => s,
                _ => t.to_rfc3339(),
            };
            self.0 = Some((t, text));
        }
        self.0.as_ref().map_or("", |(_, s)| s.as_str())
    }
}

/// Inserts new listings in the caller's transaction, without an audit row:
/// an import writes its parts with this, then [`record_import`] once.
pub fn insert_all(tx: &Tx, listings: &[Listing]) -> Result<()> {
    let mut stmt = tx.sql().lite()?.prepare_cached(
        "INSERT INTO listings (id, platform, kind, external_id, canonical_url, original_url, title, price,
            seller_name, store_url, seller_id, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut stamps = Stamps::default();
    // Ids are written from stack buffers: a String per id was measurable.
    let (mut id, mut seller) = (uuid::Uuid::encode_buffer(), uuid::Uuid::encode_buffer());
    for l in listings {
        let seller_id = l
            .seller_id
            .map(|s| &*s.hyphenated().encode_lower(&mut seller));
        stmt.execute(params![
            &*l.id.hyphenated().encode_lower(&mut id),
            l.platform.as_str(),
            l.kind.as_str(),
            l.external_id,
            l.canonical_url,
            l.original_url,
            l.title,
            l.price,
            l.seller_name,
            l.store_url,
            seller_id,
            l.notes,
            stamps.text(l.created_at),
        ])
        .map_err(|e| StoreError::from_write(e, &format!("listing {}", l.canonical_url)))?;
    }
    Ok(())
}

/// The one audit row of a batch of new listings (`import`), naming how many
/// and which: a row per listing would double an import of 100k for no
/// reader's benefit.
pub fn record_import(
    tx: &Tx,
    source: &str,
    count: usize,
    first: &Listing,
    last: &Listing,
) -> Result<()> {
    #[derive(Serialize)]
    struct Batch<'a> {
        source: &'a str,
        count: usize,
        first: &'a str,
        last: &'a str,
    }
    audit::record(
        tx,
        "import",
        "listings",
        first.id,
        None,
        Some(&Batch {
            source,
            count,
            first: &first.canonical_url,
            last: &last.canonical_url,
        }),
    )
}

/// [`insert_all`] and its [`record_import`] row.
pub fn insert_many(tx: &Tx, listings: &[Listing], source: &str) -> Result<()> {
    insert_all(tx, listings)?;
    if let (Some(first), Some(last)) = (listings.first(), listings.last()) {
        record_import(tx, source, listings.len(), first, last)?;
    }
    Ok(())
}

pub fn update(tx: &Tx, l: &Listing) -> Result<()> {
    let before = get(tx, l.id)?;
    tx.sql().lite()?.execute(
        "UPDATE listings SET title = ?2, price = ?3, seller_name = ?4, store_url = ?5, seller_id = ?6, notes = ?7
         WHERE id = ?1",
        params![
            l.id.to_string(),
            l.title,
            l.price,
            l.seller_name,
            l.store_url,
            l.seller_id.map(|s| s.to_string()),
            l.notes
        ],
    )?;
    audit::record(tx, "update", "listing", l.id, Some(&before), Some(l))
}

/// Links listings that name this store (by store URL or seller name) to the seller.
pub fn link_to_seller(
    tx: &Tx,
    seller: Id,
    platform: &str,
    store_url: &str,
    store_name: &str,
) -> Result<usize> {
    Ok(tx.sql().lite()?.execute(
        "UPDATE listings SET seller_id = ?1
         WHERE seller_id IS NULL AND platform = ?2
           AND ((?3 <> '' AND store_url = ?3) OR (?4 <> '' AND seller_name = ?4))",
        params![seller.to_string(), platform, store_url, store_name],
    )?)
}

pub fn count(db: &impl Db) -> Result<i64> {
    Ok(db
        .sql()
        .lite()?
        .query_row("SELECT COUNT(*) FROM listings", [], |r| r.get(0))?)
}
