//! Sums behind the enforcement figures, per (account, platform, reason), over
//! complaints filed in a period. Listing outcomes and complaint counts come
//! from the running totals in `enforcement_counts` (kept by triggers), not from
//! the listings; counter-notices from their own index by filing day.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ippdesk_domain::{EnforcementCounts, Id, ListingOutcome};

use crate::sql::Row;
use crate::{open::Db, Result, StoreError};

/// (account, platform as stored, reason as stored).
pub type GroupKey = (Id, String, String);

fn key(r: &Row) -> Result<GroupKey> {
    Ok((r.id(0)?, r.get(1)?, r.get(2)?))
}

fn count(r: &Row, i: usize) -> Result<u64> {
    let n: i64 = r.get(i)?;
    u64::try_from(n).map_err(|_| StoreError::Corrupt(format!("column {i}: a count of {n}")))
}

pub fn counts(
    db: &impl Db,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<GroupKey, EnforcementCounts>> {
    let mut groups: BTreeMap<GroupKey, EnforcementCounts> = BTreeMap::new();
    let sql = db.sql();

    let totals = sql.query(
        "SELECT account_id, platform, reason, outcome, days, CAST(sum(n) AS bigint) FROM enforcement_counts
         WHERE filed_on >= $1 AND filed_on <= $2 GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) > 0",
        &[&from, &to],
        |r| {
            // None: the complaints themselves (the pseudo-outcome '_complaint').
            let outcome = match r.get::<String>(3)?.as_str() {
                "_complaint" => None,
                _ => Some(r.enumeration::<ListingOutcome>(3)?),
            };
            Ok((key(r)?, outcome, r.get::<i64>(4)?, count(r, 5)?))
        },
    )?;
    for (key, outcome, days, n) in totals {
        let c = groups.entry(key).or_default();
        let Some(outcome) = outcome else {
            c.complaints += n;
            continue;
        };
        c.listings += n;
        match outcome {
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

    let counters = sql.query(
        sql.pick(
            "SELECT account_id, platform, reason, count(*),
                    count(CASE WHEN decision = 'takedown_upheld' THEN 1 END),
                    count(CASE WHEN decision = 'reinstated' THEN 1 END),
                    count(DISTINCT CASE WHEN decision = 'reinstated' THEN complaint_id END)
             FROM counter_notices INDEXED BY counter_notices_by_filed
             WHERE filed_on >= $1 AND filed_on <= $2 GROUP BY 1, 2, 3",
            "SELECT account_id, platform, reason, count(*),
                    count(CASE WHEN decision = 'takedown_upheld' THEN 1 END),
                    count(CASE WHEN decision = 'reinstated' THEN 1 END),
                    count(DISTINCT CASE WHEN decision = 'reinstated' THEN complaint_id END)
             FROM counter_notices
             WHERE filed_on >= $1 AND filed_on <= $2 GROUP BY 1, 2, 3",
        ),
        &[&from, &to],
        |r| {
            Ok((
                key(r)?,
                count(r, 3)?,
                count(r, 4)?,
                count(r, 5)?,
                count(r, 6)?,
            ))
        },
    )?;
    for (key, notices, upheld, reinstated, lost) in counters {
        let c = groups.entry(key).or_default();
        c.counter_notices = notices;
        c.counter_upheld = upheld;
        c.counter_reinstated = reinstated;
        c.complaints_lost_to_counter = lost;
    }
    Ok(groups)
}

/// Rows for the tests of the tables whose triggers read complaints, written
/// with plain SQL valid on both backends, so those tests do not depend on the
/// modules of the complaint tables.
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::NaiveDate;
    use ippdesk_domain::{new_id, now, Id, Platform};

    use crate::sql::AsId;
    use crate::tables::holders;
    use crate::{open::Db, Result, Tx};

    pub struct Parties {
        pub account: Id,
        pub right: Id,
    }

    /// A complaint's filing day and group as a counter-notice carries them.
    pub type Group = (
        Option<NaiveDate>,
        Option<Id>,
        Option<String>,
        Option<String>,
    );

    pub fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A holder, its account and a right.
    pub fn parties(tx: &Tx) -> Result<Parties> {
        let h = crate::testing::holder("极光");
        holders::insert(tx, &h)?;
        let f = Parties {
            account: new_id(),
            right: new_id(),
        };
        let sql = tx.sql();
        sql.execute(
            "INSERT INTO accounts (id, holder_id, programme, role, location, login_email, contact_email,
                status, created_at, updated_at)
             VALUES ($1, $2, 'alibaba_ipp', 'rights_holder', 'mainland_china', 'a@b.example', 'a@b.example',
                'verified', $3, $3)",
            &[&AsId(f.account), &AsId(h.id), &now()],
        )?;
        sql.execute(
            "INSERT INTO ip_rights (id, kind, title, registration_number, jurisdiction, registrant_id,
                created_at, updated_at)
             VALUES ($1, 'trademark', 'AURORA', $2, 'CN', $3, $4, $4)",
            &[&AsId(f.right), &f.right.to_string(), &AsId(h.id), &now()],
        )?;
        Ok(f)
    }

    /// A counterfeit complaint, filed on `filed_on` or a draft.
    pub fn complaint(
        tx: &Tx,
        f: &Parties,
        platform: Platform,
        filed_on: Option<NaiveDate>,
    ) -> Result<Id> {
        let id = new_id();
        tx.sql().execute(
            "INSERT INTO complaints (id, account_id, platform, right_id, target, reason, status, filed_on,
                created_at, updated_at)
             VALUES ($1, $2, $3, $4, 'listings', 'counterfeit', $5, $6, $7, $7)",
            &[
                &AsId(id),
                &AsId(f.account),
                &platform.as_str(),
                &AsId(f.right),
                &if filed_on.is_some() { "filed" } else { "draft" },
                &filed_on,
                &now(),
            ],
        )?;
        Ok(id)
    }

    /// `n` new listings added to a complaint, pending.
    pub fn add_listings(tx: &Tx, complaint: Id, n: usize) -> Result<Vec<Id>> {
        let sql = tx.sql();
        let mut ids = Vec::new();
        for i in 0..n {
            let id = new_id();
            let url = format!(
                "https://item.taobao.com/item.htm?id={}",
                id.as_u128() % 1_000_000_007
            );
            sql.execute(
                "INSERT INTO listings (id, platform, kind, canonical_url, original_url, created_at)
                 VALUES ($1, 'taobao', 'item', $2, $2, $3)",
                &[&AsId(id), &url, &now()],
            )?;
            sql.execute(
                "INSERT INTO complaint_listings (complaint_id, listing_id, position) VALUES ($1, $2, $3)",
                &[&AsId(complaint), &AsId(id), &(i as i64)],
            )?;
            ids.push(id);
        }
        Ok(ids)
    }

    pub fn set_outcome(db: &impl Db, complaint: Id, listing: Id, outcome: &str, on: Option<&str>) {
        db.sql()
            .execute(
                "UPDATE complaint_listings SET outcome = $3, outcome_on = $4
                 WHERE complaint_id = $1 AND listing_id = $2",
                &[&AsId(complaint), &AsId(listing), &outcome, &on.map(day)],
            )
            .unwrap();
    }

    pub fn remove_listing(db: &impl Db, complaint: Id, listing: Id) {
        db.sql()
            .execute(
                "DELETE FROM complaint_listings WHERE complaint_id = $1 AND listing_id = $2",
                &[&AsId(complaint), &AsId(listing)],
            )
            .unwrap();
    }

    /// A new filing day (or none) and reason, the other columns written
    /// unchanged as a full-row update does.
    pub fn regroup(db: &impl Db, complaint: Id, filed_on: Option<&str>, reason: &str) {
        db.sql()
            .execute(
                "UPDATE complaints SET filed_on = $2, reason = $3, account_id = account_id,
                    platform = platform WHERE id = $1",
                &[&AsId(complaint), &filed_on.map(day), &reason],
            )
            .unwrap();
    }

    pub fn delete_complaint(db: &impl Db, complaint: Id) {
        db.sql()
            .execute("DELETE FROM complaints WHERE id = $1", &[&AsId(complaint)])
            .unwrap();
    }

    pub fn counter_notice_group(db: &impl Db, id: Id) -> Group {
        db.sql()
            .query_one(
                "SELECT filed_on, account_id, platform, reason FROM counter_notices WHERE id = $1",
                &[&AsId(id)],
                |r| Ok((r.get(0)?, r.opt_id(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{self, day};
    use super::*;
    use crate::tables::{accounts, complaints, counter_notices, holders, listings, rights};
    use crate::testing::*;
    use ippdesk_domain::{Complaint, ComplaintReason, CounterDecision, Platform};

    type Sums = Vec<(String, String, i64, i64)>;

    /// The running totals, and the same sums counted from the listings.
    fn totals_and_recount(db: &impl Db) -> (Sums, Sums) {
        let sql = db.sql();
        let q = |text: &str| {
            sql.query(text, &[], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap()
        };
        (
            q(sql.pick(
                "SELECT filed_on || platform || reason, outcome, days, sum(n) FROM enforcement_counts
                 GROUP BY 1, 2, 3 HAVING sum(n) != 0 ORDER BY 1, 2, 3",
                "SELECT filed_on || platform || reason, outcome, days, CAST(sum(n) AS bigint)
                 FROM enforcement_counts
                 GROUP BY 1, 2, 3 HAVING sum(n) != 0 ORDER BY 1, 2, 3",
            )),
            q(sql.pick(
                "SELECT c.filed_on || c.platform || c.reason, cl.outcome,
                        CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
                             THEN CAST(julianday(cl.outcome_on) - julianday(c.filed_on) AS INTEGER) ELSE -1 END,
                        count(*)
                 FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
                 WHERE c.filed_on IS NOT NULL GROUP BY 1, 2, 3
                 UNION ALL
                 SELECT filed_on || platform || reason, '_complaint', -1, count(*)
                 FROM complaints WHERE filed_on IS NOT NULL GROUP BY 1
                 ORDER BY 1, 2, 3",
                "SELECT c.filed_on || c.platform || c.reason, cl.outcome,
                        CAST(CASE WHEN cl.outcome = 'removed' AND cl.outcome_on IS NOT NULL
                                  THEN cl.outcome_on - c.filed_on ELSE -1 END AS bigint),
                        count(*)
                 FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
                 WHERE c.filed_on IS NOT NULL GROUP BY 1, 2, 3
                 UNION ALL
                 SELECT filed_on || platform || reason, '_complaint', CAST(-1 AS bigint), count(*)
                 FROM complaints WHERE filed_on IS NOT NULL GROUP BY 1
                 ORDER BY 1, 2, 3",
            )),
        )
    }

    fn check(s: &impl Db, step: &str) {
        let (totals, recount) = totals_and_recount(s);
        assert_eq!(totals, recount, "after {step}");
    }

    #[test]
    fn running_totals_match_a_recount_through_every_kind_of_change() {
        each_store(|mut s| {
            let h = holder("极光");
            let r = right(h.id, "123");
            let a = account(h.id);
            let mut c: Complaint = complaint(a.id, r.id, Platform::Taobao);
            let ls: Vec<_> = (0..4)
                .map(|i| listing(&format!("https://item.taobao.com/item.htm?id=5{i}"), "x"))
                .collect();
            let ids: Vec<_> = ls.iter().map(|l| l.id).collect();
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

            fixtures::delete_complaint(&s, c.id);
            check(&s, "the complaint deleted");
            assert!(totals_and_recount(&s).0.is_empty());
        });
    }

    /// The triggers alone, through plain SQL on both backends (the test above
    /// goes through the complaint module's writes).
    #[test]
    fn the_triggers_keep_the_totals_through_plain_sql() {
        each_store(|mut s| {
            let f = s.write(fixtures::parties).unwrap();
            let (c, ls) = s
                .write(|tx| {
                    let c = fixtures::complaint(tx, &f, Platform::Taobao, None)?;
                    Ok::<_, StoreError>((c, fixtures::add_listings(tx, c, 3)?))
                })
                .unwrap();
            check(&s, "a draft");
            assert!(totals_and_recount(&s).0.is_empty());

            fixtures::regroup(&s, c, Some("2026-10-01"), "counterfeit");
            check(&s, "filing");
            let more = s.write(|tx| fixtures::add_listings(tx, c, 2)).unwrap();
            check(&s, "listings added after filing");
            fixtures::set_outcome(&s, c, ls[0], "removed", Some("2026-10-04"));
            fixtures::set_outcome(&s, c, ls[1], "removed", None);
            fixtures::set_outcome(&s, c, ls[2], "rejected", Some("2026-10-05"));
            check(&s, "outcomes");
            fixtures::set_outcome(&s, c, ls[0], "removed", Some("2026-10-04"));
            check(&s, "an outcome written again unchanged");
            fixtures::regroup(&s, c, Some("2026-10-01"), "counterfeit");
            check(&s, "a complaint written again unchanged");
            fixtures::regroup(&s, c, Some("2026-09-30"), "trademark_infringement");
            check(&s, "a new filing day and reason");
            assert!(
                totals_and_recount(&s).0.iter().any(|t| t.2 == 4),
                "days recomputed"
            );
            fixtures::remove_listing(&s, c, more[0]);
            check(&s, "a listing removed");

            // A complaint inserted already filed, on the same day and group.
            let filed = s
                .write(|tx| {
                    let id =
                        fixtures::complaint(tx, &f, Platform::Taobao, Some(day("2026-10-01")))?;
                    fixtures::add_listings(tx, id, 2)?;
                    Ok::<_, StoreError>(id)
                })
                .unwrap();
            check(&s, "a complaint inserted filed");
            let g = counts(&s, day("2026-10-01"), day("2026-10-01")).unwrap();
            let k = (f.account, "taobao".to_string(), "counterfeit".to_string());
            assert_eq!((g[&k].complaints, g[&k].listings, g[&k].pending), (1, 2, 2));

            fixtures::regroup(&s, c, None, "counterfeit");
            check(&s, "a filing withdrawn");
            fixtures::regroup(&s, c, Some("2026-10-02"), "counterfeit");
            check(&s, "filed again");
            fixtures::delete_complaint(&s, c);
            check(&s, "a complaint deleted");
            fixtures::delete_complaint(&s, filed);
            check(&s, "the other deleted");
            assert!(totals_and_recount(&s).0.is_empty());
        });
    }

    #[test]
    fn counts_by_period_with_counter_notices() {
        each_store(|mut s| {
            let f = s.write(fixtures::parties).unwrap();
            let (c1, c2, ls) = s
                .write(|tx| {
                    let c1 = fixtures::complaint(tx, &f, Platform::Tmall, Some(day("2026-10-01")))?;
                    let c2 = fixtures::complaint(tx, &f, Platform::Tmall, Some(day("2026-10-03")))?;
                    let ls = fixtures::add_listings(tx, c1, 3)?;
                    fixtures::add_listings(tx, c2, 1)?;
                    Ok::<_, StoreError>((c1, c2, ls))
                })
                .unwrap();
            fixtures::set_outcome(&s, c1, ls[0], "removed", Some("2026-10-03"));
            fixtures::set_outcome(&s, c1, ls[1], "removed", None);
            fixtures::set_outcome(&s, c1, ls[2], "reinstated", Some("2026-10-09"));
            let mut notices = Vec::new();
            for (c, decision) in [
                (c1, Some(CounterDecision::Reinstated)),
                (c1, Some(CounterDecision::TakedownUpheld)),
                (c1, Some(CounterDecision::Reinstated)),
                (c2, None),
            ] {
                let mut n = counter_notices::tests::notice(c, 1);
                n.decision = decision;
                notices.push(n);
            }
            s.write(|tx| {
                notices
                    .iter()
                    .try_for_each(|n| counter_notices::insert(tx, n))
            })
            .unwrap();

            let k = (f.account, "tmall".to_string(), "counterfeit".to_string());
            let all = counts(&s, day("2026-10-01"), day("2026-10-31")).unwrap();
            let g = &all[&k];
            assert_eq!(
                (g.complaints, g.listings, g.removed, g.reinstated, g.pending),
                (2, 4, 2, 1, 1)
            );
            assert_eq!(g.days_to_takedown, [(2, 1)]);
            assert_eq!(
                (
                    g.counter_notices,
                    g.counter_upheld,
                    g.counter_reinstated,
                    g.complaints_lost_to_counter
                ),
                (4, 1, 2, 1)
            );
            let first_day = counts(&s, day("2026-10-01"), day("2026-10-02")).unwrap();
            assert_eq!(
                (first_day[&k].complaints, first_day[&k].counter_notices),
                (1, 3)
            );
            assert!(counts(&s, day("2026-11-01"), day("2026-11-30"))
                .unwrap()
                .is_empty());
        });
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
