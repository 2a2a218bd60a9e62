//! Sums behind the enforcement figures, per (account, platform, reason), over
//! complaints filed in a period. Listing outcomes and complaint counts come
//! from the running totals in `enforcement_counts` (kept by triggers), not from
//! the listings; counter-notices from their own index by filing day.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ippdesk_domain::{EnforcementCounts, Id, ListingOutcome};
use rusqlite::params;

use crate::codec::{parse_enum, parse_id};
use crate::{open::Db, Result};

/// (account, platform as stored, reason as stored).
pub type GroupKey = (Id, String, String);

pub fn counts(
    db: &impl Db,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<GroupKey, EnforcementCounts>> {
    let mut groups: BTreeMap<GroupKey, EnforcementCounts> = BTreeMap::new();
    let conn = db.sql().lite()?;

    let mut stmt = conn.prepare_cached(
        "SELECT account_id, platform, reason, outcome, days, sum(n) FROM enforcement_counts
         WHERE filed_on >= ?1 AND filed_on <= ?2 GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) > 0",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let key = (parse_id(r.get(0)?)?, r.get(1)?, r.get(2)?);
        let outcome: String = r.get(3)?;
        let days: i64 = r.get(4)?;
        let n: u64 = r.get(5)?;
        let c = groups.entry(key).or_default();
        if outcome == "_complaint" {
            c.complaints += n;
            continue;
        }
        c.listings += n;
        match parse_enum::<ListingOutcome>(outcome)? {
            ListingOutcome::Pending => c.pending += n,
            ListingOutcome::Removed => {
                c.removed += n;
                if days >= 0 {
                    c.days_to_takedown.push((days, n));
                }
            }
            ListingOutcome::Rejected => c.rejected += n,
            ListingOutcome::Reinstated => c.reinstated += n,
            ListingOutcome::Withdrawn => c.withdrawn += n,
        }
    }

    let mut stmt = conn.prepare_cached(
        "SELECT account_id, platform, reason, count(*),
                count(CASE WHEN decision = 'takedown_upheld' THEN 1 END),
                count(CASE WHEN decision = 'reinstated' THEN 1 END),
                count(DISTINCT CASE WHEN decision = 'reinstated' THEN complaint_id END)
         FROM counter_notices INDEXED BY counter_notices_by_filed
         WHERE filed_on >= ?1 AND filed_on <= ?2 GROUP BY 1, 2, 3",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let key = (parse_id(r.get(0)?)?, r.get(1)?, r.get(2)?);
        let c = groups.entry(key).or_default();
        c.counter_notices = r.get(3)?;
        c.counter_upheld = r.get(4)?;
        c.counter_reinstated = r.get(5)?;
        c.complaints_lost_to_counter = r.get(6)?;
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{accounts, complaints, holders, listings, rights};
    use crate::testing::*;
    use ippdesk_domain::{Complaint, ComplaintReason, Platform};

    type Sums = Vec<(String, String, i64, i64)>;

    /// The running totals, and the same sums counted from the listings.
    fn totals_and_recount(db: &impl Db) -> (Sums, Sums) {
        let q = |sql: &str| {
            crate::codec::query_all(db.sql().lite().unwrap(), sql, [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap()
        };
        (
            q("SELECT filed_on || platform || reason, outcome, days, sum(n) FROM enforcement_counts
               GROUP BY 1, 2, 3 HAVING sum(n) != 0 ORDER BY 1, 2, 3"),
            q("SELECT c.filed_on || c.platform || c.reason, cl.outcome,
                      CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
                           THEN CAST(julianday(cl.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END,
                      count(*)
               FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
               WHERE c.filed_on IS NOT NULL GROUP BY 1, 2, 3
               UNION ALL
               SELECT filed_on || platform || reason, '_complaint', -1, count(*)
               FROM complaints WHERE filed_on IS NOT NULL GROUP BY 1
               ORDER BY 1, 2, 3"),
        )
    }

    #[test]
    fn running_totals_match_a_recount_through_every_kind_of_change() {
        let (_dir, mut s) = temp_store();
        let h = holder("极光");
        let r = right(h.id, "123");
        let a = account(h.id);
        let mut c: Complaint = complaint(a.id, r.id, Platform::Taobao);
        let ls: Vec<_> = (0..4)
            .map(|i| listing(&format!("https://item.taobao.com/item.htm?id=5{i}"), "x"))
            .collect();
        let ids: Vec<_> = ls.iter().map(|l| l.id).collect();
        let check = |s: &crate::Store, step: &str| {
            let (totals, recount) = totals_and_recount(s);
            assert_eq!(totals, recount, "after {step}");
        };
        s.write(|tx| {
            holders::insert(tx, &h)?;
            rights::insert(tx, &r)?;
            accounts::insert(tx, &a)?;
            listings::insert_many(tx, &ls, "test")?;
            complaints::insert(tx, &c)?;
            complaints::add_listings(tx, c.id, &ids[..3]).map(drop)
        })
        .unwrap();
        check(&s, "a draft (nothing counted)");
        assert!(totals_and_recount(&s).0.is_empty());

        c.filed_on = "2026-10-01".parse().ok();
        s.write(|tx| complaints::update(tx, &c)).unwrap();
        check(&s, "filing");
        let totals = totals_and_recount(&s).0;
        assert_eq!((totals[0].1.as_str(), totals[0].3), ("_complaint", 1));
        assert_eq!((totals[1].1.as_str(), totals[1].3), ("pending", 3));

        s.write(|tx| complaints::add_listings(tx, c.id, &ids[3..]).map(drop))
            .unwrap();
        check(&s, "a listing added after filing");

        s.write(|tx| {
            complaints::set_outcome(
                tx,
                c.id,
                &complaints::OutcomeChange {
                    listing: ids[0],
                    outcome: ListingOutcome::Removed,
                    on: "2026-10-04".parse().ok(),
                },
            )
        })
        .unwrap();
        check(&s, "an outcome");

        c.filed_on = "2026-09-30".parse().ok();
        c.draft.reason = ComplaintReason::TrademarkInfringement;
        s.write(|tx| complaints::update(tx, &c)).unwrap();
        check(&s, "a new filing date and reason");
        assert!(
            totals_and_recount(&s).0.iter().any(|t| t.2 == 4),
            "days recomputed"
        );

        s.write(|tx| complaints::remove_listing(tx, c.id, ids[3]))
            .unwrap();
        check(&s, "a listing removed");

        s.sql()
            .lite()
            .unwrap()
            .execute("DELETE FROM complaints WHERE id = ?1", [c.id.to_string()])
            .unwrap();
        check(&s, "the complaint deleted");
        assert!(totals_and_recount(&s).0.is_empty());
    }

    #[test]
    fn migration_3_fills_the_totals_from_complaints_filed_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.sqlite3");
        let h = holder("极光");
        let r = right(h.id, "123");
        let a = account(h.id);
        let mut c = complaint(a.id, r.id, Platform::Tmall);
        c.filed_on = "2026-10-01".parse().ok();
        c.status = ippdesk_domain::ComplaintStatus::Filed;
        let ls: Vec<_> = (0..2)
            .map(|i| listing(&format!("https://detail.tmall.com/item.htm?id=6{i}"), "x"))
            .collect();
        let ids: Vec<_> = ls.iter().map(|l| l.id).collect();
        {
            let mut v2 =
                crate::Store::open_with(&path, &crate::migrations::MIGRATIONS[..2]).unwrap();
            v2.write(|tx| {
                holders::insert(tx, &h)?;
                rights::insert(tx, &r)?;
                accounts::insert(tx, &a)?;
                listings::insert_many(tx, &ls, "test")?;
                complaints::insert(tx, &c)?;
                complaints::add_listings(tx, c.id, &ids).map(drop)
            })
            .unwrap();
        }
        let s = crate::Store::open(&path).unwrap();
        let (totals, recount) = totals_and_recount(&s);
        assert_eq!(totals, recount);
        assert_eq!(
            totals.len(),
            2,
            "one complaint, two pending listings: {totals:?}"
        );
        let groups = counts(
            &s,
            "2026-01-01".parse().unwrap(),
            "2026-12-31".parse().unwrap(),
        )
        .unwrap();
        let g = groups.values().next().unwrap();
        assert_eq!((g.complaints, g.listings, g.pending), (1, 2, 2));
        assert_eq!(
            complaints::counts_by_status(&s).unwrap(),
            vec![(ippdesk_domain::ComplaintStatus::Filed, 1)]
        );
    }
}
