//! Listings: one row per canonical URL. Imports insert many at once through
//! one prepared statement (SQLite) or one binary COPY (PostgreSQL), and
//! write one audit row for the batch.

use ippdesk_domain::{ComplaintRef, Id, Listing};
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::params;
use rusqlite::types::Value;
use serde::Serialize;
use uuid::Uuid;

use super::audit;
use crate::codec::not_found;
use crate::sql::{AsId, Backend, Conn, Row};
use crate::{open::Db, Result, StoreError, Tx};

pub(crate) const COLUMNS: &str =
    "l.id, l.platform, l.kind, l.external_id, l.canonical_url, l.original_url, l.title,
    l.price, l.seller_name, l.store_url, l.seller_id, l.notes, l.created_at";

/// The listing at the start of a row ([`COLUMNS`]).
pub(crate) fn from_row(r: &Row) -> Result<Listing> {
    Ok(Listing {
        id: r.id(0)?,
        platform: r.enumeration(1)?,
        kind: r.enumeration(2)?,
        external_id: r.get(3)?,
        canonical_url: r.get(4)?,
        original_url: r.get(5)?,
        title: r.get(6)?,
        price: r.get(7)?,
        seller_name: r.get(8)?,
        store_url: r.get(9)?,
        seller_id: r.opt_id(10)?,
        notes: r.get(11)?,
        created_at: r.get(12)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<Listing> {
    db.sql()
        .query_opt(
            &format!("SELECT {COLUMNS} FROM listings l WHERE l.id = $1"),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("listing", id))
}

pub fn for_seller(db: &impl Db, seller: Id) -> Result<Vec<Listing>> {
    db.sql().query(
        &format!("SELECT {COLUMNS} FROM listings l WHERE l.seller_id = $1 ORDER BY l.n"),
        &[&AsId(seller)],
        from_row,
    )
}

/// Runs a SQLite statement whose one parameter, `?1`, is a list read with
/// `rarray` (the list is an `Rc`, which the shared `Param` cannot carry).
fn lite_with_list<T>(
    sql: Conn,
    statement: &str,
    list: Vec<Value>,
    mut f: impl FnMut(&Row) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = sql.lite()?.prepare_cached(statement)?;
    stmt.raw_bind_parameter(1, std::rc::Rc::new(list))?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(f(&Row::Lite(r))?);
    }
    Ok(out)
}

/// Which of these canonical URLs are already stored, and the open complaints
/// holding each: the import report's "already known, and where". One
/// statement for the whole batch (`rarray` in SQLite, an array in
/// PostgreSQL): a query per URL cost more than the rest of a 100k import's
/// checks together.
pub fn find_known(
    db: &impl Db,
    canonical: &[&str],
) -> Result<HashMap<String, (Id, Vec<ComplaintRef>)>> {
    let sql = db.sql();
    let url_and_id = |r: &Row| Ok((r.get::<String>(0)?, r.id(1)?));
    let known: Vec<(String, Id)> = match sql.backend() {
        Backend::Sqlite => lite_with_list(
            sql,
            "SELECT canonical_url, id FROM listings WHERE canonical_url IN rarray(?1)",
            canonical
                .iter()
                .map(|u| Value::Text(u.to_string()))
                .collect(),
            url_and_id,
        )?,
        Backend::Postgres => sql.pg_query(
            "SELECT canonical_url, id FROM listings WHERE canonical_url = ANY($1)",
            &[&canonical],
            url_and_id,
        )?,
    };
    let mut found = HashMap::with_capacity(known.len());
    if known.is_empty() {
        return Ok(found);
    }
    let holder = |r: &Row| {
        let id = r.id(1)?;
        let label = super::complaints::label(
            &id.to_string(),
            &r.get::<String>(2)?,
            &r.get::<String>(3)?,
            &r.get::<DateTime<Utc>>(4)?,
        );
        Ok((r.id(0)?, ComplaintRef { id, label }))
    };
    let held = match sql.backend() {
        Backend::Sqlite => lite_with_list(
            sql,
            "SELECT cl.listing_id, c.id, c.platform, c.external_number, c.created_at FROM complaint_listings cl
             JOIN complaints c ON c.id = cl.complaint_id
             WHERE cl.listing_id IN rarray(?1) AND c.status <> 'closed' ORDER BY c.created_at",
            known
                .iter()
                .map(|(_, id)| Value::Text(id.to_string()))
                .collect(),
            holder,
        )?,
        Backend::Postgres => {
            let ids: Vec<Uuid> = known.iter().map(|(_, id)| *id).collect();
            sql.pg_query(
                "SELECT cl.listing_id, c.id, c.platform, c.external_number, c.created_at FROM complaint_listings cl
                 JOIN complaints c ON c.id = cl.complaint_id
                 WHERE cl.listing_id = ANY($1) AND c.status <> 'closed' ORDER BY c.created_at",
                &[&ids],
                holder,
            )?
        }
    };
    let mut holders: HashMap<Id, Vec<ComplaintRef>> = HashMap::new();
    for (listing, complaint) in held {
        holders.entry(listing).or_default().push(complaint);
    }
    for (url, id) in known {
        let complaints = holders.remove(&id).unwrap_or_default();
        found.insert(url, (id, complaints));
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
    match tx.sql().backend() {
        Backend::Sqlite => insert_all_lite(tx, listings),
        Backend::Postgres => insert_all_pg(tx, listings),
    }
}

/// SQLite: one cached statement, executed per listing, bound by position
/// with no allocation per row (the shared `execute` looks each `$N` up by
/// name, measurable on a 100k import).
fn insert_all_lite(tx: &Tx, listings: &[Listing]) -> Result<()> {
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

/// Listings per part in tests: the PostgreSQL path used to write parts of
/// this many, and a large import must still keep its order across them.
#[cfg(test)]
const PG_PART: usize = 10_000;

/// The columns [`insert_all_pg`] copies, with their types, in order.
const PG_COPY: &str =
    "COPY listings (id, platform, kind, external_id, canonical_url, original_url, title,
    price, seller_name, store_url, seller_id, notes, created_at) FROM STDIN (FORMAT binary)";
const PG_COPY_TYPES: [postgres::types::Type; 13] = {
    use postgres::types::Type;
    [
        Type::UUID,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::UUID,
        Type::TEXT,
        Type::TIMESTAMPTZ,
    ]
};

/// PostgreSQL: the listings in one binary `COPY`, rows in the given order
/// (so `n` numbers them as SQLite does). COPY is PostgreSQL's bulk path: it
/// writes the rows to the table in batches, where an `INSERT … SELECT FROM
/// unnest(…)` of column arrays built and inserted them one at a time.
fn insert_all_pg(tx: &Tx, listings: &[Listing]) -> Result<()> {
    if listings.is_empty() {
        return Ok(());
    }
    let Conn::Pg(link) = tx.sql() else {
        return Err(StoreError::Unsupported(
            "a PostgreSQL statement on SQLite".into(),
        ));
    };
    let copy = || -> std::result::Result<(), postgres::Error> {
        let mut link = link.borrow_mut();
        let sink = link.client.copy_in(PG_COPY)?;
        let mut rows = postgres::binary_copy::BinaryCopyInWriter::new(sink, &PG_COPY_TYPES);
        for l in listings {
            rows.write(&[
                &l.id,
                &l.platform.as_str(),
                &l.kind.as_str(),
                &l.external_id,
                &l.canonical_url,
                &l.original_url,
                &l.title,
                &l.price,
                &l.seller_name,
                &l.store_url,
                &l.seller_id,
                &l.notes,
                &l.created_at,
            ])?;
        }
        rows.finish()?;
        Ok(())
    };
    copy().map_err(|e| {
        let e = StoreError::from(e);
        let what = match refused_listing(&e, listings) {
            Some(l) => format!("listing {}", l.canonical_url),
            None => "listing".to_string(),
        };
        StoreError::from_write(e, &what)
    })
}

/// The listing of `part` a PostgreSQL error names in its detail (`Key
/// (canonical_url)=(…) already exists.`), as SQLite's per-row insert names it.
fn refused_listing<'l>(e: &StoreError, part: &'l [Listing]) -> Option<&'l Listing> {
    let StoreError::Postgres(pg) = e else {
        return None;
    };
    let detail = pg.as_db_error()?.detail()?;
    part.iter().find(|l| {
        detail.contains(&format!("=({})", l.canonical_url))
            || detail.contains(&format!("=({})", l.id))
    })
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
    tx.sql().execute(
        "UPDATE listings SET title = $2, price = $3, seller_name = $4, store_url = $5, seller_id = $6, notes = $7
         WHERE id = $1",
        &[
            &AsId(l.id),
            &l.title,
            &l.price,
            &l.seller_name,
            &l.store_url,
            &l.seller_id.map(AsId),
            &l.notes,
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
    let n = tx.sql().execute(
        "UPDATE listings SET seller_id = $1
         WHERE seller_id IS NULL AND platform = $2
           AND (($3 <> '' AND store_url = $3) OR ($4 <> '' AND seller_name = $4))",
        &[&AsId(seller), &platform, &store_url, &store_name],
    )?;
    Ok(n as usize)
}

pub fn count(db: &impl Db) -> Result<i64> {
    db.sql().value("SELECT COUNT(*) FROM listings", &[])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::codec::enum_text;
    use crate::tables::{holders, sellers};
    use crate::testing::{each_store, holder, listing, seller};
    use ippdesk_domain::{
        new_id, AccountLocation, AccountRole, AccountStatus, ComplaintReason, ComplaintStatus,
        ComplaintTarget, Platform, Programme, RightKind,
    };

    /// A complaint (with its holder, account and right) holding `listings`,
    /// written with plain SQL so these tests need no other table module.
    pub(crate) fn complaint_holding(
        tx: &Tx,
        status: ComplaintStatus,
        external_number: &str,
        listings: &[Id],
    ) -> Result<Id> {
        let sql = tx.sql();
        let now = ippdesk_domain::now();
        let h = holder("深圳市极光电子有限公司");
        holders::insert(tx, &h)?;
        let account = new_id();
        sql.execute(
            "INSERT INTO accounts (id, holder_id, programme, role, location, login_email, contact_email,
                status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'ipp@aurora.example', 'ipp@aurora.example', $6, $7, $7)",
            &[
                &AsId(account),
                &AsId(h.id),
                &enum_text(&Programme::AlibabaIpp),
                &enum_text(&AccountRole::RightsHolder),
                &enum_text(&AccountLocation::MainlandChina),
                &enum_text(&AccountStatus::Verified),
                &now,
            ],
        )?;
        let right = new_id();
        sql.execute(
            "INSERT INTO ip_rights (id, kind, title, registration_number, jurisdiction, registrant_id,
                created_at, updated_at)
             VALUES ($1, $2, 'AURORA', $3, 'CN', $4, $5, $5)",
            &[
                &AsId(right),
                &enum_text(&RightKind::Trademark),
                &right.to_string(),
                &AsId(h.id),
                &now,
            ],
        )?;
        let complaint = new_id();
        sql.execute(
            "INSERT INTO complaints (id, account_id, platform, right_id, target, reason, external_number,
                status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
            &[
                &AsId(complaint),
                &AsId(account),
                &enum_text(&Platform::Alibaba1688),
                &AsId(right),
                &enum_text(&ComplaintTarget::Listings),
                &enum_text(&ComplaintReason::Counterfeit),
                &external_number,
                &enum_text(&status),
                &now,
            ],
        )?;
        for (i, l) in listings.iter().enumerate() {
            sql.execute(
                "INSERT INTO complaint_listings (complaint_id, listing_id, position) VALUES ($1, $2, $3)",
                &[&AsId(complaint), &AsId(*l), &(i as i64 + 1)],
            )?;
        }
        Ok(complaint)
    }

    #[test]
    fn insert_get_update_link_and_count() {
        each_store(|mut s| {
            let shop = seller(Platform::Alibaba1688, "极光小店");
            let mut a = listing(
                "https://detail.1688.com/offer/623456789012.html",
                "蓝牙耳机",
            );
            a.seller_name = "极光小店".into();
            a.external_id = None;
            let mut b = listing("https://detail.1688.com/offer/623456789013.html", "AURORA");
            b.store_url = "https://jiguang.1688.com".into();
            b.price = "¥12.50".into();
            let c = listing("https://detail.1688.com/offer/623456789014.html", "");
            s.write(|tx| {
                sellers::insert(tx, &shop)?;
                insert_many(tx, &[a.clone(), b.clone(), c.clone()], "test")
            })
            .unwrap();
            assert_eq!(count(&s).unwrap(), 3);
            assert_eq!(get(&s, a.id).unwrap(), a);
            assert_eq!(get(&s, b.id).unwrap(), b);
            assert!(matches!(get(&s, new_id()), Err(StoreError::NotFound(_))));
            let trail = audit::for_entity(&s, a.id).unwrap();
            assert_eq!(trail.len(), 1, "one audit row for the batch");
            assert_eq!(trail[0].action, "import");

            let linked = s
                .write(|tx| {
                    link_to_seller(tx, shop.id, "1688", "https://jiguang.1688.com", "极光小店")
                })
                .unwrap();
            assert_eq!(linked, 2);
            let mine: Vec<_> = for_seller(&s, shop.id)
                .unwrap()
                .into_iter()
                .map(|l| l.id)
                .collect();
            assert_eq!(mine, [a.id, b.id], "in the order imported");
            assert_eq!(
                s.write(|tx| link_to_seller(tx, shop.id, "taobao", "", "极光小店"))
                    .unwrap(),
                0
            );

            let mut c2 = get(&s, c.id).unwrap();
            c2.title = "改名".into();
            c2.notes = "note".into();
            c2.seller_id = Some(shop.id);
            s.write(|tx| update(tx, &c2)).unwrap();
            assert_eq!(get(&s, c.id).unwrap(), c2);
            let mine: Vec<_> = for_seller(&s, shop.id)
                .unwrap()
                .into_iter()
                .map(|l| l.id)
                .collect();
            assert_eq!(mine, [a.id, b.id, c.id]);

            // Deleting the seller leaves its listings, unlinked.
            s.write(|tx| sellers::delete(tx, shop.id)).unwrap();
            assert_eq!(get(&s, a.id).unwrap().seller_id, None);
        });
    }

    #[test]
    fn a_duplicate_url_is_refused_by_name_and_rolls_back() {
        each_store(|mut s| {
            let a = listing("https://detail.1688.com/offer/623456789012.html?spm=a", "");
            let b = listing("m.1688.com/offer/623456789012.html", "");
            let other = listing("https://detail.1688.com/offer/1.html", "");
            let err = s
                .write(|tx| insert_many(tx, &[other.clone(), a.clone(), b.clone()], "paste"))
                .unwrap_err();
            match &err {
                StoreError::Duplicate(what) => assert!(what.contains(&a.canonical_url), "{what}"),
                _ => panic!("{err:?}"),
            }
            assert_eq!(count(&s).unwrap(), 0, "nothing kept");
            // Already stored, in a later batch.
            s.write(|tx| insert_many(tx, std::slice::from_ref(&a), "paste"))
                .unwrap();
            let err = s
                .write(|tx| insert_many(tx, &[other.clone(), b.clone()], "paste"))
                .unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
            assert_eq!(count(&s).unwrap(), 1);
        });
    }

    #[test]
    fn a_large_import_keeps_its_order_across_parts() {
        each_store(|mut s| {
            let shop = seller(Platform::Alibaba1688, "极光小店");
            let n = PG_PART + 7;
            let all: Vec<Listing> = (0..n)
                .map(|i| {
                    let mut l = listing(
                        &format!("https://detail.1688.com/offer/{}.html", 900_000 - i),
                        &format!("耳机 {i}"),
                    );
                    l.seller_id = Some(shop.id);
                    l
                })
                .collect();
            s.write(|tx| {
                sellers::insert(tx, &shop)?;
                insert_many(tx, &all, "big")
            })
            .unwrap();
            assert_eq!(count(&s).unwrap(), n as i64);
            let back = for_seller(&s, shop.id).unwrap();
            assert_eq!(back, all);
            let stats = sellers::stats(&s, shop.id).unwrap();
            assert_eq!((stats.listings, stats.complaints), (n as u32, 0));
        });
    }

    #[test]
    fn find_known_names_the_open_complaints_holding_each_url() {
        each_store(|mut s| {
            let a = listing("https://detail.1688.com/offer/623456789012.html", "");
            let b = listing("https://detail.1688.com/offer/623456789013.html", "");
            let c = listing("https://detail.1688.com/offer/623456789014.html", "");
            s.write(|tx| insert_many(tx, &[a.clone(), b.clone(), c.clone()], "test"))
                .unwrap();
            let (open, unnumbered) = s
                .write(|tx| {
                    let open =
                        complaint_holding(tx, ComplaintStatus::Filed, "IPP-1", &[a.id, b.id])?;
                    complaint_holding(tx, ComplaintStatus::Closed, "IPP-2", &[b.id, c.id])?;
                    let unnumbered = complaint_holding(tx, ComplaintStatus::Draft, "", &[b.id])?;
                    Ok::<_, StoreError>((open, unnumbered))
                })
                .unwrap();
            let unknown = "https://detail.1688.com/offer/1.html";
            let known = find_known(
                &s,
                &[
                    &a.canonical_url,
                    &b.canonical_url,
                    &c.canonical_url,
                    unknown,
                ],
            )
            .unwrap();
            assert_eq!(known.len(), 3);
            let refs = |url: &str| {
                let (id, refs) = &known[url];
                (
                    *id,
                    refs.iter()
                        .map(|r| (r.id, r.label.clone()))
                        .collect::<Vec<_>>(),
                )
            };
            assert_eq!(refs(&a.canonical_url), (a.id, vec![(open, "IPP-1".into())]));
            let (id, held) = refs(&b.canonical_url);
            assert_eq!(id, b.id);
            assert_eq!(held.len(), 2, "{held:?}");
            assert_eq!(held[0], (open, "IPP-1".into()), "oldest first");
            assert_eq!(held[1].0, unnumbered);
            let tail = &unnumbered.to_string()[32..];
            assert!(
                held[1].1.starts_with("1688 ") && held[1].1.ends_with(&format!("#{tail}")),
                "{}",
                held[1].1
            );
            assert_eq!(
                refs(&c.canonical_url),
                (c.id, vec![]),
                "closed complaints do not hold"
            );
            assert!(!known.contains_key(unknown));
            assert!(find_known(&s, &[]).unwrap().is_empty());
        });
    }
}
