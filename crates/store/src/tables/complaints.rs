//! Complaints, their listings with per-listing outcomes, and the per-programme
//! listing limit.

use chrono::{DateTime, NaiveDate, Utc};
use ippdesk_domain::{
    Complaint, ComplaintDraft, ComplaintStatus, Id, Listing, ListingOutcome, Platform, Programme,
};
use serde::{Deserialize, Serialize};

use super::{audit, listings};
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, Backend, Param, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str =
    "c.id, c.account_id, c.platform, c.right_id, c.target, c.reason, c.explanation_en,
    c.explanation_zh, c.external_number, c.assignee, c.notes, c.status, c.filed_on, c.listing_count,
    c.created_at, c.updated_at, c.seller_notified_on";

/// A count or position column (INTEGER / bigint) as the domain's `u32`.
fn small(r: &Row, i: usize) -> Result<u32> {
    let v: i64 = r.get(i)?;
    u32::try_from(v).map_err(|e| StoreError::Corrupt(format!("column {i}: {v}: {e}")))
}

fn from_row(r: &Row) -> Result<Complaint> {
    Ok(Complaint {
        id: r.id(0)?,
        draft: ComplaintDraft {
            account_id: r.id(1)?,
            platform: r.enumeration(2)?,
            right_id: r.id(3)?,
            target: r.enumeration(4)?,
            reason: r.enumeration(5)?,
            explanation_en: r.get(6)?,
            explanation_zh: r.get(7)?,
            external_number: r.get(8)?,
            assignee: r.get(9)?,
            notes: r.get(10)?,
        },
        status: r.enumeration(11)?,
        filed_on: r.get(12)?,
        listing_count: small(r, 13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
        seller_notified_on: r.get(16)?,
    })
}

/// How people name a complaint: the platform's number once filed, else the
/// platform, the day it was drafted and the end of its id.
pub fn label(
    id: &str,
    platform: &str,
    external_number: &str,
    created_at: &DateTime<Utc>,
) -> String {
    if !external_number.is_empty() {
        return external_number.to_string();
    }
    let tail = &id[id.len().saturating_sub(4)..];
    format!("{platform} {} #{tail}", created_at.format("%Y-%m-%d"))
}

pub fn label_of(c: &Complaint) -> String {
    label(
        &c.id.to_string(),
        &enum_text(&c.draft.platform),
        &c.draft.external_number,
        &c.created_at,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Complaint> {
    db.sql()
        .query_opt(
            &format!("SELECT {COLUMNS} FROM complaints c WHERE c.id = $1"),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("complaint", id))
}

/// Filters and sort of the complaints list page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintQuery {
    pub status: Option<ComplaintStatus>,
    pub platform: Option<Platform>,
    pub right_id: Option<Id>,
    pub assignee: Option<String>,
    pub sort: ComplaintSort,
    pub descending: bool,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintSort {
    #[default]
    Created,
    Filed,
    Listings,
    Status,
}

/// One page of the list and the exact total that matches.
pub fn page(db: &impl Db, q: &ComplaintQuery) -> Result<(Vec<Complaint>, u64)> {
    let sql = db.sql();
    let mut wheres = Vec::new();
    let mut args: Vec<Box<dyn Param>> = Vec::new();
    if let Some(s) = q.status {
        args.push(Box::new(enum_text(&s)));
        wheres.push(format!("c.status = ${}", args.len()));
    }
    if let Some(p) = q.platform {
        args.push(Box::new(enum_text(&p)));
        wheres.push(format!("c.platform = ${}", args.len()));
    }
    if let Some(r) = q.right_id {
        args.push(Box::new(AsId(r)));
        wheres.push(format!("c.right_id = ${}", args.len()));
    }
    if let Some(a) = q.assignee.as_ref().filter(|a| !a.is_empty()) {
        args.push(Box::new(a.clone()));
        wheres.push(format!("c.assignee = ${}", args.len()));
    }
    let where_clause = |w: &[String]| {
        if w.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", w.join(" AND "))
        }
    };
    let filter = where_clause(&wheres);
    let dir = if q.descending { "DESC" } else { "ASC" };
    // SQLite sorts NULL first ascending and last descending; PostgreSQL is
    // told to do the same (its index on the filing day is built so).
    let filed_nulls = match (sql.backend(), q.descending) {
        (Backend::Sqlite, _) => "",
        (Backend::Postgres, false) => " NULLS FIRST",
        (Backend::Postgres, true) => " NULLS LAST",
    };
    // Creation time, then the row number, break ties so pages never overlap;
    // each sort index has creation time second, so ties (many complaints
    // share a listing count) are read in order too.
    let order = match q.sort {
        ComplaintSort::Created => format!("c.created_at {dir}, c.n {dir}"),
        ComplaintSort::Filed => {
            format!("c.filed_on {dir}{filed_nulls}, c.created_at {dir}, c.n {dir}")
        }
        ComplaintSort::Listings => format!("c.listing_count {dir}, c.created_at {dir}, c.n {dir}"),
        ComplaintSort::Status => format!("c.status {dir}, c.created_at {dir}, c.n {dir}"),
    };
    let refs: Vec<&dyn Param> = args.iter().map(AsRef::as_ref).collect();
    // The filter columns are exactly the running totals' key (migration 4):
    // a sum over a few rows, where counting read up to 100k index entries.
    let total: i64 = sql.value(
        &format!(
            "SELECT CAST(COALESCE(SUM(c.n), 0) AS bigint) FROM complaint_filter_counts c {filter}"
        ),
        &refs,
    )?;
    let limit = page_limit(q.limit);
    let offset = q.offset;
    if sql.backend() == Backend::Postgres {
        // The planner picks the index and the way through it by cost; the
        // SQLite hints below (`+column`) are no PostgreSQL syntax. The limit
        // and offset are parameters: a statement per page would stay
        // prepared on the server for the connection's life.
        let (limit, offset) = (i64::from(limit), i64::from(offset));
        let mut refs = refs;
        refs.push(&limit);
        refs.push(&offset);
        let rows = sql.query(
            &format!(
                "SELECT {COLUMNS} FROM complaints c {filter} ORDER BY {order} LIMIT ${} OFFSET ${}",
                refs.len() - 1,
                refs.len()
            ),
            &refs,
            from_row,
        )?;
        return Ok((rows, total.try_into().unwrap_or(0)));
    }
    // The page is chosen on index entries alone (every index carries the
    // filter columns and creation time; the sort indexes their key), then
    // only its rows are read: skipping 1,000 rows to reach page 11 read
    // 1,100 rows from the table, each a page from disk on a cold start.
    //
    // Few matches: read them through the filter's index and sort them (`+`
    // keeps the sort off its index). Many: sorted by creation, a filter's own
    // (column, created_at) index is best; sorted otherwise, walking the sort
    // index and filtering beats sorting every match, so the filter terms are
    // kept off their indexes instead.
    const FEW: i64 = 2_000;
    let (page_filter, page_order) = if total <= FEW && !wheres.is_empty() {
        let order = order
            .split(", ")
            .map(|t| format!("+{t}"))
            .collect::<Vec<_>>()
            .join(", ");
        (filter, order)
    } else {
        let keep_off_index = !matches!(q.sort, ComplaintSort::Created);
        let wheres: Vec<String> = wheres
            .into_iter()
            .map(|w| {
                if keep_off_index && !(q.sort == ComplaintSort::Status && w.starts_with("c.status"))
                {
                    format!("+{w}")
                } else {
                    w
                }
            })
            .collect();
        (where_clause(&wheres), order.clone())
    };
    let rows = sql.query(
        &format!(
            "SELECT {COLUMNS} FROM complaints c WHERE c.n IN
               (SELECT c.n FROM complaints c {page_filter} ORDER BY {page_order} LIMIT {limit} OFFSET {offset})
             ORDER BY {order}"
        ),
        &refs,
        from_row,
    )?;
    Ok((rows, total.try_into().unwrap_or(0)))
}

/// The list page's B-trees: the table and every index a page may walk.
const LIST_BTREES: [&str; 8] = [
    "complaints NOT INDEXED",
    "complaints INDEXED BY complaints_by_created",
    "complaints INDEXED BY complaints_by_status",
    "complaints INDEXED BY complaints_by_platform",
    "complaints INDEXED BY complaints_by_right",
    "complaints INDEXED BY complaints_by_assignee",
    "complaints INDEXED BY complaints_by_filed",
    "complaints INDEXED BY complaints_by_listing_count",
];

/// Reads the list page's table and indexes once, on a read-only connection
/// of its own, so that after a cold start the first pages come from the
/// operating system's cache instead of the disk (measured: p95 20 ms on a
/// cold disk, 5 ms once read). Meant for a background thread at start-up;
/// returns how many B-tree entries it passed. A team database (its URL in
/// place of a path) is the server's to cache: nothing to do, 0.
pub fn prefetch_list_pages(path: &std::path::Path) -> Result<i64> {
    if crate::team::is_url(&path.to_string_lossy()) {
        return Ok(0);
    }
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut entries = 0;
    for btree in LIST_BTREES {
        // A column every list index carries, summed: each leaf page is read.
        // (COUNT(*) is answered without them.)
        entries += conn.query_row(
            &format!("SELECT COUNT(*), SUM(length(right_id)) FROM {btree}"),
            [],
            |r| r.get::<_, i64>(0),
        )?;
    }
    Ok(entries)
}

fn page_limit(asked: u32) -> u32 {
    if asked == 0 {
        100
    } else {
        asked.min(1000)
    }
}

/// The distinct assignees, for the filter. A skip scan over the assignee
/// index (one seek per name), so 100k complaints cost as much as ten.
pub fn assignees(db: &impl Db) -> Result<Vec<String>> {
    db.sql().query(
        "WITH RECURSIVE a(name) AS (
             SELECT MIN(assignee) FROM complaints WHERE assignee > ''
             UNION ALL
             SELECT (SELECT MIN(assignee) FROM complaints WHERE assignee > a.name) FROM a WHERE a.name IS NOT NULL
         )
         SELECT name FROM a WHERE name IS NOT NULL",
        &[],
        |r| r.get(0),
    )
}

fn write(tx: &Tx, c: &Complaint, sql: &str) -> Result<()> {
    let d = &c.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(c.id),
                &AsId(d.account_id),
                &enum_text(&d.platform),
                &AsId(d.right_id),
                &enum_text(&d.target),
                &enum_text(&d.reason),
                &d.explanation_en,
                &d.explanation_zh,
                &d.external_number,
                &d.assignee,
                &d.notes,
                &enum_text(&c.status),
                &c.filed_on,
                &c.created_at,
                &c.updated_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "complaint"))?;
    Ok(())
}

fn set_seller_notified_on(tx: &Tx, c: &Complaint) -> Result<()> {
    tx.sql().execute(
        "UPDATE complaints SET seller_notified_on = $1 WHERE id = $2",
        &[&c.seller_notified_on, &AsId(c.id)],
    )?;
    Ok(())
}

pub fn insert(tx: &Tx, c: &Complaint) -> Result<()> {
    write(
        tx,
        c,
        "INSERT INTO complaints (id, account_id, platform, right_id, target, reason, explanation_en, explanation_zh,
            external_number, assignee, notes, status, filed_on, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )?;
    // A new complaint is a draft, not yet notified to anyone; the column is
    // written only when set, so the migration tests' older schemas take the row.
    if c.seller_notified_on.is_some() {
        set_seller_notified_on(tx, c)?;
    }
    audit::record(tx, "create", "complaint", c.id, None, Some(c))
}

/// Updates the complaint's own fields (not its listings; the count is the store's).
pub fn update(tx: &Tx, c: &Complaint) -> Result<()> {
    let before = get(tx, c.id)?;
    write(
        tx,
        c,
        "UPDATE complaints SET account_id = $2, platform = $3, right_id = $4,
            target = $5, reason = $6, explanation_en = $7, explanation_zh = $8,
            external_number = $9, assignee = $10, notes = $11, status = $12,
            filed_on = $13, created_at = $14, updated_at = $15
         WHERE id = $1",
    )?;
    set_seller_notified_on(tx, c)?;
    let after = get(tx, c.id)?;
    audit::record(tx, "update", "complaint", c.id, Some(&before), Some(&after))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM complaints WHERE id = $1", &[&AsId(id)])
        .map_err(|e| StoreError::from_write(e, "complaint"))?;
    audit::record(tx, "delete", "complaint", id, Some(&before), None)
}

/// A listing of a complaint with what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintListing {
    pub listing: Listing,
    pub position: u32,
    pub outcome: ListingOutcome,
    pub outcome_on: Option<NaiveDate>,
}

pub fn listings_of(db: &impl Db, complaint: Id) -> Result<Vec<ComplaintListing>> {
    db.sql().query(
        &format!(
            "SELECT {}, cl.position, cl.outcome, cl.outcome_on FROM complaint_listings cl
             JOIN listings l ON l.id = cl.listing_id WHERE cl.complaint_id = $1 ORDER BY cl.position",
            listings::COLUMNS
        ),
        &[&AsId(complaint)],
        |r| {
            Ok(ComplaintListing {
                listing: listings::from_row(r)?,
                position: small(r, 13)?,
                outcome: r.enumeration(14)?,
                outcome_on: r.get(15)?,
            })
        },
    )
}

/// Appends listings (in order) to a complaint, skipping ones already in it.
/// Returns how many were added.
pub fn add_listings(tx: &Tx, complaint: Id, listing_ids: &[Id]) -> Result<usize> {
    let sql = tx.sql();
    let next: i64 = sql.value(
        "SELECT COALESCE(MAX(position), 0) FROM complaint_listings WHERE complaint_id = $1",
        &[&AsId(complaint)],
    )?;
    let added = match sql.backend() {
        Backend::Sqlite => {
            let mut added = 0;
            for id in listing_ids {
                added += sql
                    .execute(
                        "INSERT INTO complaint_listings (complaint_id, listing_id, position) VALUES ($1, $2, $3)
                         ON CONFLICT DO NOTHING",
                        &[&AsId(complaint), &AsId(*id), &(next + 1 + added as i64)],
                    )
                    .map_err(|e| StoreError::from_write(e, "listing"))?
                    as usize;
            }
            added
        }
        // One statement for the batch (a round trip per listing would cost
        // seconds over a slow link): each new listing once, in the order
        // given, numbered on from the last position.
        Backend::Postgres => {
            sql.pg_execute(
                "INSERT INTO complaint_listings (complaint_id, listing_id, position)
                 SELECT $1::uuid, x.id, $3::bigint + row_number() OVER (ORDER BY x.first)
                 FROM (SELECT u.id, min(u.ord) AS first
                       FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, ord) GROUP BY u.id) x
                 WHERE NOT EXISTS (SELECT 1 FROM complaint_listings cl
                                   WHERE cl.complaint_id = $1::uuid AND cl.listing_id = x.id)
                 ON CONFLICT DO NOTHING",
                &[&complaint, &listing_ids, &next],
            )
            .map_err(|e| StoreError::from_write(e, "listing"))? as usize
        }
    };
    if added > 0 {
        #[derive(Serialize)]
        struct Added<'a> {
            listings: &'a [Id],
        }
        audit::record(
            tx,
            "add_listings",
            "complaint",
            complaint,
            None,
            Some(&Added {
                listings: listing_ids,
            }),
        )?;
    }
    Ok(added)
}

pub fn remove_listing(tx: &Tx, complaint: Id, listing: Id) -> Result<()> {
    let n = tx.sql().execute(
        "DELETE FROM complaint_listings WHERE complaint_id = $1 AND listing_id = $2",
        &[&AsId(complaint), &AsId(listing)],
    )?;
    if n == 0 {
        return Err(not_found("listing in complaint", listing));
    }
    #[derive(Serialize)]
    struct Removed {
        listing: Id,
    }
    audit::record(
        tx,
        "remove_listing",
        "complaint",
        complaint,
        Some(&Removed { listing }),
        None,
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeChange {
    pub listing: Id,
    pub outcome: ListingOutcome,
    pub on: Option<NaiveDate>,
}

pub fn set_outcome(tx: &Tx, complaint: Id, change: &OutcomeChange) -> Result<()> {
    let sql = tx.sql();
    let before = sql.query_opt(
        "SELECT outcome, outcome_on FROM complaint_listings WHERE complaint_id = $1 AND listing_id = $2",
        &[&AsId(complaint), &AsId(change.listing)],
        |r| {
            Ok(OutcomeChange {
                listing: change.listing,
                outcome: r.enumeration(0)?,
                on: r.get(1)?,
            })
        },
    )?;
    let Some(before) = before else {
        return Err(not_found("listing in complaint", change.listing));
    };
    sql.execute(
        "UPDATE complaint_listings SET outcome = $3, outcome_on = $4 WHERE complaint_id = $1 AND listing_id = $2",
        &[
            &AsId(complaint),
            &AsId(change.listing),
            &enum_text(&change.outcome),
            &change.on,
        ],
    )?;
    audit::record(
        tx,
        "outcome",
        "complaint",
        complaint,
        Some(&before),
        Some(change),
    )
}

/// Gives every listing of a complaint one outcome (one audit row): the
/// platform removed them all, or rejected the whole complaint.
pub fn set_all_outcomes(
    tx: &Tx,
    complaint: Id,
    outcome: ListingOutcome,
    on: Option<NaiveDate>,
) -> Result<usize> {
    let n = tx.sql().execute(
        "UPDATE complaint_listings SET outcome = $2, outcome_on = $3 WHERE complaint_id = $1",
        &[&AsId(complaint), &enum_text(&outcome), &on],
    )? as usize;
    #[derive(Serialize)]
    struct All {
        outcome: ListingOutcome,
        on: Option<NaiveDate>,
        listings: usize,
    }
    audit::record(
        tx,
        "outcome_all",
        "complaint",
        complaint,
        None,
        Some(&All {
            outcome,
            on,
            listings: n,
        }),
    )?;
    Ok(n)
}

/// For each listing, an open (not closed) complaint holding it, if any.
pub fn open_complaint_of(db: &impl Db, listing: Id) -> Result<Option<Id>> {
    db.sql().query_opt(
        "SELECT cl.complaint_id FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
         WHERE cl.listing_id = $1 AND c.status <> 'closed' ORDER BY c.created_at LIMIT 1",
        &[&AsId(listing)],
        |r| r.id(0),
    )
}

/// Every complaint (any status) a listing has been in, for its detail view.
pub fn of_listing(db: &impl Db, listing: Id) -> Result<Vec<Complaint>> {
    db.sql().query(
        &format!(
            "SELECT {COLUMNS} FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
             WHERE cl.listing_id = $1 ORDER BY c.created_at"
        ),
        &[&AsId(listing)],
        from_row,
    )
}

/// Complaints against a seller's listings.
pub fn of_seller(db: &impl Db, seller: Id) -> Result<Vec<Complaint>> {
    db.sql().query(
        &format!(
            "SELECT {COLUMNS} FROM complaints c WHERE c.id IN (
                SELECT cl.complaint_id FROM complaint_listings cl JOIN listings l ON l.id = cl.listing_id
                WHERE l.seller_id = $1) ORDER BY c.created_at"
        ),
        &[&AsId(seller)],
        from_row,
    )
}

pub fn counts_by_status(db: &impl Db) -> Result<Vec<(ComplaintStatus, u64)>> {
    db.sql().query(
        "SELECT status, n FROM complaint_status_counts WHERE n > 0 ORDER BY status",
        &[],
        |r| Ok((r.enumeration(0)?, r.get::<i64>(1)?.try_into().unwrap_or(0))),
    )
}

pub fn max_listings(db: &impl Db, programme: Programme) -> Result<u32> {
    Ok(db
        .sql()
        .query_opt(
            "SELECT max_listings FROM programme_settings WHERE programme = $1",
            &[&enum_text(&programme)],
            |r| small(r, 0),
        )?
        .unwrap_or(300))
}

pub fn set_max_listings(tx: &Tx, programme: Programme, max: u32) -> Result<()> {
    let before = max_listings(tx, programme)?;
    tx.sql().execute(
        "INSERT INTO programme_settings (programme, max_listings) VALUES ($1, $2)
         ON CONFLICT (programme) DO UPDATE SET max_listings = excluded.max_listings",
        &[&enum_text(&programme), &i64::from(max)],
    )?;
    #[derive(Serialize)]
    struct Limit {
        programme: Programme,
        max_listings: u32,
    }
    audit::record(
        tx,
        "update",
        "programme_settings",
        uuid::Uuid::nil(),
        Some(&Limit {
            programme,
            max_listings: before,
        }),
        Some(&Limit {
            programme,
            max_listings: max,
        }),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::tables::{accounts, holders, listings, rights, search};
    use crate::testing::{account, complaint, each_store, holder, listing, right, temp_store};

    pub(crate) struct World {
        pub store: crate::Store,
        pub holder: Id,
        pub account: Id,
        pub right: Id,
    }

    /// A store with a holder, its account and a right: what a complaint needs.
    pub(crate) fn world(mut store: crate::Store) -> World {
        let h = holder("深圳市极光电子有限公司");
        let a = account(h.id);
        let r = right(h.id, "12345678");
        store
            .write(|tx| {
                holders::insert(tx, &h)?;
                crate::tables::accounts::insert(tx, &a)?;
                crate::tables::rights::insert(tx, &r)
            })
            .unwrap();
        World {
            store,
            holder: h.id,
            account: a.id,
            right: r.id,
        }
    }

    #[test]
    fn listings_join_complaints_in_order_with_outcomes_and_counts() {
        each_store(|s| {
            let mut w = world(s);
            let c = complaint(w.account, w.right, Platform::Taobao);
            let ls = [
                listing(
                    "https://item.taobao.com/item.htm?id=1001",
                    "极光蓝牙耳机 仿品",
                ),
                listing("https://item.taobao.com/item.htm?id=1002", "AURORA earbuds"),
            ];
            let added = w
                .store
                .write(|tx| {
                    insert(tx, &c)?;
                    listings::insert_many(tx, &ls, "test")?;
                    add_listings(tx, c.id, &[ls[1].id, ls[0].id, ls[1].id])
                })
                .unwrap();
            assert_eq!(added, 2);
            assert_eq!(get(&w.store, c.id).unwrap().listing_count, 2);
            let of = listings_of(&w.store, c.id).unwrap();
            assert_eq!(
                of.iter().map(|x| x.listing.id).collect::<Vec<_>>(),
                [ls[1].id, ls[0].id]
            );
            assert_eq!(of.iter().map(|x| x.position).collect::<Vec<_>>(), [1, 2]);
            assert_eq!(of[1].listing, ls[0], "the listing reads back whole");
            assert!(of.iter().all(|x| x.outcome == ListingOutcome::Pending));
            assert_eq!(
                of_listing(&w.store, ls[0].id).unwrap(),
                [get(&w.store, c.id).unwrap()]
            );

            // Again, with one already in: only the new one, numbered on.
            let third = listing("https://item.taobao.com/item.htm?id=1003", "");
            let added = w
                .store
                .write(|tx| {
                    listings::insert_many(tx, std::slice::from_ref(&third), "test")?;
                    add_listings(tx, c.id, &[ls[0].id, third.id])
                })
                .unwrap();
            assert_eq!(added, 1);
            let of = listings_of(&w.store, c.id).unwrap();
            assert_eq!((of[2].listing.id, of[2].position), (third.id, 3));
            assert_eq!(get(&w.store, c.id).unwrap().listing_count, 3);
            let err = w
                .store
                .write(|tx| add_listings(tx, c.id, &[ippdesk_domain::new_id()]))
                .unwrap_err();
            assert!(matches!(err, StoreError::InUse(_)), "{err:?}");

            let change = OutcomeChange {
                listing: ls[0].id,
                outcome: ListingOutcome::Removed,
                on: "2026-11-20".parse().ok(),
            };
            w.store.write(|tx| set_outcome(tx, c.id, &change)).unwrap();
            let of = listings_of(&w.store, c.id).unwrap();
            assert_eq!(of[1].outcome, ListingOutcome::Removed);
            assert_eq!(of[1].outcome_on, change.on);
            assert_eq!(open_complaint_of(&w.store, ls[0].id).unwrap(), Some(c.id));

            w.store
                .write(|tx| remove_listing(tx, c.id, ls[1].id))
                .unwrap();
            assert_eq!(get(&w.store, c.id).unwrap().listing_count, 2);
            let err = w
                .store
                .write(|tx| remove_listing(tx, c.id, ls[1].id))
                .unwrap_err();
            assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
            let n = w
                .store
                .write(|tx| set_all_outcomes(tx, c.id, ListingOutcome::Rejected, None))
                .unwrap();
            assert_eq!(n, 2);
            assert!(listings_of(&w.store, c.id)
                .unwrap()
                .iter()
                .all(|x| x.outcome == ListingOutcome::Rejected && x.outcome_on.is_none()));

            let mut closed = get(&w.store, c.id).unwrap();
            closed.status = ComplaintStatus::Closed;
            w.store.write(|tx| update(tx, &closed)).unwrap();
            assert_eq!(open_complaint_of(&w.store, ls[0].id).unwrap(), None);
            assert_eq!(
                get(&w.store, c.id).unwrap().listing_count,
                2,
                "update keeps the count"
            );
            let trail: Vec<_> = audit::for_entity(&w.store, c.id)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(
                trail,
                [
                    "create",
                    "add_listings",
                    "add_listings",
                    "outcome",
                    "remove_listing",
                    "outcome_all",
                    "update"
                ]
            );
            w.store.write(|tx| delete(tx, c.id)).unwrap();
            assert!(matches!(get(&w.store, c.id), Err(StoreError::NotFound(_))));
            assert!(of_listing(&w.store, ls[0].id).unwrap().is_empty());
        });
    }

    #[test]
    fn a_complaint_reads_back_as_written_and_a_sellers_complaints_are_found() {
        each_store(|s| {
            let mut w = world(s);
            let shop = crate::testing::seller(Platform::Tmall, "极光旗舰店");
            let mut c = complaint(w.account, w.right, Platform::Tmall);
            c.filed_on = "2026-10-01".parse().ok();
            c.seller_notified_on = "2026-10-03".parse().ok();
            c.status = ComplaintStatus::Filed;
            c.draft.external_number = "IPP-778899".into();
            let mut l = listing("https://detail.tmall.com/item.htm?id=778899", "极光耳机");
            l.seller_id = Some(shop.id);
            w.store
                .write(|tx| {
                    tx.sql().execute(
                        "INSERT INTO sellers (id, platform, store_name, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5)",
                        &[
                            &AsId(shop.id),
                            &enum_text(&shop.draft.platform),
                            &shop.draft.store_name,
                            &shop.created_at,
                            &shop.updated_at,
                        ],
                    )?;
                    insert(tx, &c)?;
                    listings::insert_many(tx, std::slice::from_ref(&l), "test")?;
                    add_listings(tx, c.id, &[l.id])
                })
                .unwrap();
            c.listing_count = 1;
            assert_eq!(get(&w.store, c.id).unwrap(), c);
            assert_eq!(of_seller(&w.store, shop.id).unwrap(), [c.clone()]);
            assert_eq!(label_of(&c), "IPP-778899");
            c.seller_notified_on = None;
            c.draft.notes = "更新".into();
            w.store.write(|tx| update(tx, &c)).unwrap();
            assert_eq!(get(&w.store, c.id).unwrap(), c);
            let err = w.store.write(|tx| insert(tx, &c)).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
            let stray = complaint(ippdesk_domain::new_id(), w.right, Platform::Tmall);
            let err = w.store.write(|tx| insert(tx, &stray)).unwrap_err();
            assert!(matches!(err, StoreError::InUse(_)), "{err:?}");
        });
    }

    #[test]
    fn known_listings_name_their_open_complaints() {
        each_store(|s| {
            let mut w = world(s);
            let c = complaint(w.account, w.right, Platform::Taobao);
            let l = listing("https://item.taobao.com/item.htm?id=1001", "极光");
            w.store
                .write(|tx| {
                    insert(tx, &c)?;
                    listings::insert_many(tx, std::slice::from_ref(&l), "test")?;
                    add_listings(tx, c.id, &[l.id])
                })
                .unwrap();
            let known = listings::find_known(
                &w.store,
                &[
                    l.canonical_url.as_str(),
                    "https://nope.example/",
                    l.canonical_url.as_str(),
                ],
            )
            .unwrap();
            assert_eq!(known.len(), 1);
            let (id, holders) = &known[&l.canonical_url];
            assert_eq!((*id, holders.len(), holders[0].id), (l.id, 1, c.id));
            assert_eq!(holders[0].label, label_of(&c));
        });
    }

    #[test]
    fn the_same_canonical_url_is_refused_and_the_import_rolls_back() {
        each_store(|s| {
            let mut w = world(s);
            let a = listing("https://detail.1688.com/offer/623456789012.html?spm=a", "");
            let b = listing("m.1688.com/offer/623456789012.html", "");
            assert_eq!(a.canonical_url, b.canonical_url);
            let other = listing("https://detail.1688.com/offer/1.html", "");
            let err = w
                .store
                .write(|tx| listings::insert_many(tx, &[other.clone(), a, b], "paste"))
                .unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err}");
            assert_eq!(listings::count(&w.store).unwrap(), 0, "nothing kept");
        });
    }

    #[test]
    fn pages_filter_and_sort() {
        each_store(|s| {
            let mut w = world(s);
            let mut all = Vec::new();
            for i in 0..25 {
                let mut c = complaint(
                    w.account,
                    w.right,
                    if i % 2 == 0 {
                        Platform::Taobao
                    } else {
                        Platform::Tmall
                    },
                );
                c.status = if i % 5 == 0 {
                    ComplaintStatus::Filed
                } else {
                    ComplaintStatus::Draft
                };
                c.draft.assignee = if i < 10 { "Li".into() } else { "Wang".into() };
                c.created_at += chrono::Duration::seconds(i);
                all.push(c);
            }
            w.store
                .write(|tx| all.iter().try_for_each(|c| insert(tx, c)))
                .unwrap();
            let q = ComplaintQuery {
                platform: Some(Platform::Taobao),
                descending: true,
                limit: 5,
                ..Default::default()
            };
            let (rows, total) = page(&w.store, &q).unwrap();
            assert_eq!(total, 13);
            assert_eq!(rows.len(), 5);
            assert_eq!(rows[0].id, all[24].id);
            assert!(rows.windows(2).all(|p| p[0].created_at >= p[1].created_at));
            let (rest, _) = page(
                &w.store,
                &ComplaintQuery {
                    offset: 10,
                    ..q.clone()
                },
            )
            .unwrap();
            assert_eq!(rest.len(), 3);
            let filed = ComplaintQuery {
                status: Some(ComplaintStatus::Filed),
                assignee: Some("Li".into()),
                ..Default::default()
            };
            assert_eq!(page(&w.store, &filed).unwrap().1, 2);
            assert_eq!(assignees(&w.store).unwrap(), ["Li", "Wang"]);
            let counts = counts_by_status(&w.store).unwrap();
            assert!(counts.contains(&(ComplaintStatus::Filed, 5)));
        });
    }

    #[test]
    fn the_filing_day_sorts_unfiled_complaints_first_ascending_and_last_descending() {
        each_store(|s| {
            let mut w = world(s);
            let mut all = Vec::new();
            for (i, day) in [Some("2026-03-01"), None, Some("2026-01-01"), None]
                .into_iter()
                .enumerate()
            {
                let mut c = complaint(w.account, w.right, Platform::Taobao);
                c.filed_on = day.and_then(|d| d.parse().ok());
                c.created_at += chrono::Duration::seconds(i as i64);
                all.push(c);
            }
            w.store
                .write(|tx| all.iter().try_for_each(|c| insert(tx, c)))
                .unwrap();
            for descending in [false, true] {
                let q = ComplaintQuery {
                    sort: ComplaintSort::Filed,
                    descending,
                    ..Default::default()
                };
                let ids: Vec<Id> = page(&w.store, &q).unwrap().0.iter().map(|c| c.id).collect();
                let mut want = vec![all[1].id, all[3].id, all[2].id, all[0].id];
                if descending {
                    want.reverse();
                }
                assert_eq!(ids, want, "descending: {descending}");
            }
        });
    }

    #[test]
    fn search_finds_chinese_substrings_and_treats_input_as_text() {
        each_store(|s| {
            let mut w = world(s);
            // The indexer's queue is SQLite's (FTS5 tables filled after the
            // commit); on PostgreSQL the answers are the same at once.
            let lite = w.store.backend() == Backend::Sqlite;
            let c = complaint(w.account, w.right, Platform::Taobao);
            let ls = [
                listing(
                    "https://item.taobao.com/item.htm?id=2001",
                    "极光蓝牙耳机 仿品 AURORA",
                ),
                listing("https://item.taobao.com/item.htm?id=2002", "普通耳机"),
            ];
            w.store
                .write(|tx| {
                    insert(tx, &c)?;
                    listings::insert_many(tx, &ls, "test")
                })
                .unwrap();
            fn ids_in(s: &crate::Store, q: &str) -> Vec<Id> {
                search::search(s, q, 10)
                    .unwrap()
                    .into_iter()
                    .map(|h| h.id)
                    .collect()
            }
            // The same answers before the indexer ran (LIKE over the tail and the
            // queue) and after.
            for indexed in [false, true] {
                if indexed && lite {
                    assert_eq!(
                        search::pending(&w.store).unwrap(),
                        3,
                        "two listings, one complaint's grams"
                    );
                    let left = w.store.write(|tx| search::index_pending(tx, 1)).unwrap();
                    assert_eq!(left, 1, "one step indexes at most `max` rows of each");
                    assert_eq!(
                        w.store.write(|tx| search::index_pending(tx, 100)).unwrap(),
                        0
                    );
                }
                let ids = |q: &str| ids_in(&w.store, q);
                assert_eq!(ids("蓝牙耳机"), [ls[0].id], "indexed: {indexed}");
                assert_eq!(ids("aurora"), [ls[0].id, c.id], "case-insensitive");
                assert_eq!(ids("极光"), [ls[0].id, c.id], "two characters");
                assert_eq!(ids("光"), [ls[0].id, c.id], "one character");
                assert_eq!(ids("Au"), [ls[0].id, c.id], "short text, any case");
                assert!(ids("光蓝牙耳机仿").is_empty(), "no match across a space");
                assert!(ids("机仿").is_empty(), "no pair across a space");
                assert_eq!(ids("2001"), [ls[0].id], "the listing's platform id");
                assert_eq!(ids("耳机").len(), 3, "both listings and the complaint");
                assert!(ids("\"OR 1=1 --").is_empty());
                assert!(ids("%").is_empty());
                assert!(ids("_").is_empty());
                assert_eq!(ids("假冒极光"), [c.id]);
            }
            let mut renamed = listings::get(&w.store, ls[1].id).unwrap();
            renamed.title = "降噪耳机 新款".into();
            w.store.write(|tx| listings::update(tx, &renamed)).unwrap();
            let mut edited = get(&w.store, c.id).unwrap();
            edited.draft.explanation_zh = "新说明".into();
            edited.draft.explanation_en = String::new();
            w.store.write(|tx| update(tx, &edited)).unwrap();
            // Queued edits are read with LIKE, then indexed again: same answers.
            for step in 0..2 {
                if step == 1 && lite {
                    w.store.write(|tx| search::index_pending(tx, 100)).unwrap();
                    assert_eq!(search::pending(&w.store).unwrap(), 0);
                }
                assert_eq!(ids_in(&w.store, "降噪耳"), [ls[1].id]);
                assert_eq!(ids_in(&w.store, "降噪"), [ls[1].id]);
                assert!(
                    ids_in(&w.store, "普通耳").is_empty(),
                    "index follows updates"
                );
                assert!(ids_in(&w.store, "普通").is_empty(), "step {step}");
                assert_eq!(ids_in(&w.store, "说明"), [c.id], "step {step}");
                assert!(ids_in(&w.store, "极光").iter().all(|id| *id != c.id));
            }
        });
    }

    /// The list page's totals (running, by trigger) against a fresh count.
    type Totals = Vec<(String, i64)>;

    fn filter_totals_and_recount(s: &crate::Store) -> (Totals, Totals) {
        let read = |sql: &str| {
            s.sql()
                .query(sql, &[], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
        };
        (
            read("SELECT status || platform || assignee || right_id, n FROM complaint_filter_counts WHERE n <> 0 ORDER BY 1"),
            read("SELECT status || platform || assignee || right_id, count(*) FROM complaints GROUP BY 1 ORDER BY 1"),
        )
    }

    /// The status panel's counts (running, by trigger) against a fresh count.
    fn status_totals_and_recount(s: &crate::Store) -> (Totals, Totals) {
        let counts = counts_by_status(s)
            .unwrap()
            .into_iter()
            .map(|(st, n)| (enum_text(&st), n as i64))
            .collect();
        let recount = s
            .sql()
            .query(
                "SELECT status, count(*) FROM complaints GROUP BY status ORDER BY status",
                &[],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        (counts, recount)
    }

    #[test]
    fn list_totals_follow_every_change_and_answer_any_filter() {
        each_store(|s| {
            let mut w = world(s);
            let other = right(w.holder, "87654321");
            w.store
                .write(|tx| crate::tables::rights::insert(tx, &other))
                .unwrap();
            let mut all = Vec::new();
            for i in 0..12 {
                let mut c = complaint(
                    w.account,
                    if i % 3 == 0 { other.id } else { w.right },
                    [Platform::Taobao, Platform::Tmall][i % 2],
                );
                c.draft.assignee = ["Li", "Wang", ""][i % 3].into();
                w.store.write(|tx| insert(tx, &c)).unwrap();
                all.push(c);
            }
            let check = |s: &crate::Store, what: &str| {
                let (totals, recount) = filter_totals_and_recount(s);
                assert_eq!(totals, recount, "after {what}");
                let (totals, recount) = status_totals_and_recount(s);
                assert_eq!(totals, recount, "statuses after {what}");
            };
            check(&w.store, "inserts");
            all[0].status = ComplaintStatus::Filed;
            all[1].draft.assignee = "Zhao".into();
            all[2].draft.platform = Platform::Alibaba1688;
            all[3].draft.right_id = w.right;
            all[4].status = ComplaintStatus::Closed;
            all[4].draft.assignee = "Zhao".into();
            for c in &all[..5] {
                w.store.write(|tx| update(tx, c)).unwrap();
            }
            check(&w.store, "updates");
            // An update that changes none of the keys moves nothing.
            all[6].draft.notes = "笔记".into();
            w.store.write(|tx| update(tx, &all[6])).unwrap();
            check(&w.store, "an update of other fields");
            w.store
                .sql()
                .execute("DELETE FROM complaints WHERE id = $1", &[&AsId(all[5].id)])
                .unwrap();
            all.remove(5);
            check(&w.store, "a delete");
            w.store.write(|tx| delete(tx, all[3].id)).unwrap();
            all.remove(3);
            check(&w.store, "a delete through the store");
            // Every filter combination's total is the number of complaints it matches.
            for status in [
                None,
                Some(ComplaintStatus::Draft),
                Some(ComplaintStatus::Filed),
            ] {
                for platform in [None, Some(Platform::Taobao), Some(Platform::Alibaba1688)] {
                    for assignee in [None, Some("Li"), Some("Zhao")] {
                        for right_id in [None, Some(other.id)] {
                            let q = ComplaintQuery {
                                status,
                                platform,
                                assignee: assignee.map(String::from),
                                right_id,
                                ..Default::default()
                            };
                            let expected = all
                                .iter()
                                .filter(|c| status.is_none_or(|s| c.status == s))
                                .filter(|c| platform.is_none_or(|p| c.draft.platform == p))
                                .filter(|c| assignee.is_none_or(|a| c.draft.assignee == a))
                                .filter(|c| right_id.is_none_or(|r| c.draft.right_id == r))
                                .count();
                            let (rows, total) = page(&w.store, &q).unwrap();
                            assert_eq!((rows.len(), total), (expected, expected as u64), "{q:?}");
                        }
                    }
                }
            }
        });
    }

    #[test]
    fn migration_4_indexes_earlier_rows_again_and_counts_earlier_complaints() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.sqlite3");
        let h = holder("极光");
        let r = right(h.id, "123");
        let a = account(h.id);
        let c = complaint(a.id, r.id, Platform::Tmall);
        let shop = crate::testing::seller(Platform::Tmall, "极光旗舰店");
        let l = listing("https://detail.tmall.com/item.htm?id=778899", "极光耳机");
        {
            let mut v3 =
                crate::Store::open_with(&path, &crate::migrations::MIGRATIONS[..3]).unwrap();
            v3.write(|tx| {
                holders::insert(tx, &h)?;
                rights::insert(tx, &r)?;
                accounts::insert(tx, &a)?;
                crate::tables::sellers::insert(tx, &shop)?;
                listings::insert_many(tx, std::slice::from_ref(&l), "test")?;
                insert(tx, &c)
            })
            .unwrap();
            // Version 3's indexer, as it left the file.
            v3.sql().lite().unwrap()
                .execute_batch(
                    "INSERT INTO listings_fts (rowid, title, seller_name) SELECT n, title, seller_name FROM listings;
                     UPDATE search_watermarks SET indexed_up_to = (SELECT MAX(n) FROM listings);",
                )
                .unwrap();
        }
        let mut s = crate::Store::open(&path).unwrap();
        let (totals, recount) = filter_totals_and_recount(&s);
        assert_eq!((totals.len(), &totals), (1, &recount));
        assert_eq!(
            search::pending(&s).unwrap(),
            3,
            "the listing again, the seller's and the complaint's grams"
        );
        let kinds = |s: &crate::Store, q: &str| {
            search::search(s, q, 10)
                .unwrap()
                .into_iter()
                .map(|h| h.kind)
                .collect::<Vec<_>>()
        };
        use search::HitKind::*;
        for step in ["before indexing", "after"] {
            assert_eq!(kinds(&s, "极光"), [Listing, Seller, Complaint], "{step}");
            assert_eq!(kinds(&s, "778899"), [Listing], "{step}");
            assert_eq!(kinds(&s, "耳机"), [Listing, Complaint], "{step}");
            s.write(|tx| search::index_pending(tx, 100)).unwrap();
        }
        assert_eq!(search::pending(&s).unwrap(), 0);
    }

    #[test]
    fn the_prefetch_reads_the_table_and_every_list_index() {
        let (_dir, store) = temp_store();
        let mut w = world(store);
        for _ in 0..3 {
            let c = complaint(w.account, w.right, Platform::Taobao);
            w.store.write(|tx| insert(tx, &c)).unwrap();
        }
        // Each of the eight B-trees passed whole; a renamed index would fail
        // here (INDEXED BY refuses a missing one).
        let path = w.store.path().to_path_buf();
        assert_eq!(prefetch_list_pages(&path).unwrap(), 3 * 8);
        // A team database is the server's to cache.
        let team = std::path::Path::new("postgres://desk:***@db.example/ipp");
        assert_eq!(prefetch_list_pages(team).unwrap(), 0);
    }

    #[test]
    fn many_matches_page_through_the_sort_index_in_the_same_order() {
        each_store(|s| {
            let mut w = world(s);
            let mut all = Vec::new();
            for i in 0..2_400i64 {
                let mut c = complaint(
                    w.account,
                    w.right,
                    if i % 3 == 0 {
                        Platform::Tmall
                    } else {
                        Platform::Taobao
                    },
                );
                c.created_at += chrono::Duration::seconds(i);
                c.status = if i % 7 == 0 {
                    ComplaintStatus::Filed
                } else {
                    ComplaintStatus::Draft
                };
                c.filed_on = Some(
                    chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                        + chrono::Duration::days(i % 50),
                );
                all.push(c);
            }
            w.store
                .write(|tx| all.iter().try_for_each(|c| insert(tx, c)))
                .unwrap();
            for sort in [
                ComplaintSort::Created,
                ComplaintSort::Filed,
                ComplaintSort::Status,
            ] {
                let q = ComplaintQuery {
                    platform: Some(Platform::Taobao),
                    sort,
                    descending: true,
                    limit: 50,
                    offset: 100,
                    ..Default::default()
                };
                let (rows, total) = page(&w.store, &q).unwrap();
                assert_eq!(total, 1_600, "{sort:?}");
                let mut expected: Vec<&Complaint> = all
                    .iter()
                    .filter(|c| c.draft.platform == Platform::Taobao)
                    .collect();
                // Inserted in order, so the row number follows the vector's order.
                let pos = |c: &Complaint| all.iter().position(|x| x.id == c.id).unwrap();
                expected.sort_by(|a, b| {
                    let key = |c: &Complaint| match sort {
                        ComplaintSort::Filed => (String::new(), c.filed_on, pos(c)),
                        ComplaintSort::Status => (enum_text(&c.status), None, pos(c)),
                        _ => (String::new(), None, pos(c)),
                    };
                    key(b).cmp(&key(a))
                });
                let want: Vec<Id> = expected.iter().skip(100).take(50).map(|c| c.id).collect();
                assert_eq!(
                    rows.iter().map(|c| c.id).collect::<Vec<_>>(),
                    want,
                    "{sort:?}"
                );
            }
        });
    }

    #[test]
    fn the_listing_limit_is_per_programme_and_editable() {
        each_store(|s| {
            let mut w = world(s);
            assert_eq!(max_listings(&w.store, Programme::AlibabaIpp).unwrap(), 300);
            assert_eq!(
                max_listings(&w.store, Programme::AmazonBrandRegistry).unwrap(),
                50
            );
            w.store
                .write(|tx| set_max_listings(tx, Programme::AlibabaIpp, 10))
                .unwrap();
            assert_eq!(max_listings(&w.store, Programme::AlibabaIpp).unwrap(), 10);
        });
    }
}
