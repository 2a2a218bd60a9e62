//! Sums behind the enforcement figures, per (account, platform, reason), over
//! complaints filed in a period. Listing outcomes come from the running totals
//! in `enforcement_counts` (kept by triggers), not from the listings.

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
    let conn = db.conn();

    let mut stmt = conn.prepare_cached(
        "SELECT account_id, platform, reason, outcome, days, sum(n) FROM enforcement_counts
         WHERE filed_on >= ?1 AND filed_on <= ?2 GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) > 0",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let key = (parse_id(r.get(0)?)?, r.get(1)?, r.get(2)?);
        let outcome: ListingOutcome = parse_enum(r.get(3)?)?;
        let days: i64 = r.get(4)?;
        let n: u64 = r.get(5)?;
        let c = groups.entry(key).or_default();
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

    let mut stmt = conn.prepare_cached(
        "SELECT account_id, platform, reason, count(*) FROM complaints INDEXED BY complaints_by_filed_group
         WHERE filed_on >= ?1 AND filed_on <= ?2 GROUP BY 1, 2, 3",
    )?;
    let mut rows = stmt.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let key = (parse_id(r.get(0)?)?, r.get(1)?, r.get(2)?);
        groups.entry(key).or_default().complaints = r.get(3)?;
    }

    let mut stmt = conn.prepare_cached(
        "SELECT c.account_id, c.platform, c.reason, count(*),
                sum(cn.decision = 'takedown_upheld'), sum(cn.decision = 'reinstated'),
                count(DISTINCT CASE WHEN cn.decision = 'reinstated' THEN cn.complaint_id END)
         FROM counter_notices cn JOIN complaints c ON c.id = cn.complaint_id
         WHERE c.filed_on >= ?1 AND c.filed_on <= ?2 GROUP BY 1, 2, 3",
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
