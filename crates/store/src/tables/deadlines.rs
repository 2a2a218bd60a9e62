//! Deadlines: those rules compute (one per rule and record) and manual tasks,
//! and the dashboard's reads over the open ones.

use chrono::{DateTime, SubsecRound, Utc};
use ippdesk_domain::{Deadline, Id, Platform};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, AsInstant, AsJson, Backend, Row};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str = "SELECT id, title, due_at, due_date, time_zone, estimated, missing_years,
    rule_key, rule_version, subject, subject_id, complaint_id, platform, assignee, notes, done_at,
    created_at, counted_from_filing FROM deadlines";

/// Deadline instants are kept and compared to the second on both backends
/// (SQLite's fixed-width text holds no fraction).
fn at(t: &DateTime<Utc>) -> AsInstant {
    AsInstant(t.trunc_subsecs(0))
}

fn from_row(r: &Row) -> Result<Deadline> {
    Ok(Deadline {
        id: r.id(0)?,
        title: r.get(1)?,
        due_at: r.instant(2)?,
        due_date: r.get(3)?,
        time_zone: r.get(4)?,
        estimated: r.get(5)?,
        missing_years: r.json(6)?,
        rule_key: r.get(7)?,
        rule_version: r
            .get::<Option<i64>>(8)?
            .map(|v| u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("rule version {v}"))))
            .transpose()?,
        subject: r.enumeration(9)?,
        subject_id: r.opt_id(10)?,
        complaint_id: r.opt_id(11)?,
        platform: r.opt_enumeration(12)?,
        assignee: r.get(13)?,
        notes: r.get(14)?,
        done_at: r.opt_instant(15)?,
        created_at: r.instant(16)?,
        counted_from_filing: r.get(17)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<Deadline> {
    db.sql()
        .query_opt(&format!("{SELECT} WHERE id = $1"), &[&AsId(id)], from_row)?
        .ok_or_else(|| not_found("deadline", id))
}

pub fn of_complaint(db: &impl Db, complaint: Id) -> Result<Vec<Deadline>> {
    db.sql().query(
        &format!("{SELECT} WHERE complaint_id = $1 ORDER BY due_at"),
        &[&AsId(complaint)],
        from_row,
    )
}

pub fn of_subject(db: &impl Db, subject_id: Id) -> Result<Vec<Deadline>> {
    db.sql().query(
        &format!("{SELECT} WHERE subject_id = $1 ORDER BY due_at"),
        &[&AsId(subject_id)],
        from_row,
    )
}

fn write(tx: &Tx, d: &Deadline, sql: &str) -> Result<u64> {
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(d.id),
                &d.title,
                &at(&d.due_at),
                &d.due_date,
                &d.time_zone,
                &d.estimated,
                &AsJson::of(&d.missing_years),
                &d.rule_key,
                &d.rule_version.map(i64::from),
                &enum_text(&d.subject),
                &d.subject_id.map(AsId),
                &d.complaint_id.map(AsId),
                &d.platform.map(|p| p.as_str()),
                &d.assignee,
                &d.notes,
                &d.done_at.as_ref().map(at),
                &at(&d.created_at),
                &d.counted_from_filing,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "deadline"))
}

const INSERT: &str = "INSERT INTO deadlines (id, title, due_at, due_date, time_zone, estimated, missing_years,
    rule_key, rule_version, subject, subject_id, complaint_id, platform, assignee, notes, done_at, created_at,
    counted_from_filing)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";

pub fn insert(tx: &Tx, d: &Deadline) -> Result<()> {
    write(tx, d, INSERT)?;
    audit::record(tx, "create", "deadline", d.id, None, Some(d))
}

/// A rule's deadline for a record: inserted, or, when the rule already has
/// one for that record, moved to the new due time (done or not, it keeps its
/// id, state and assignee). Returns the deadline as stored.
pub fn schedule(tx: &Tx, d: &Deadline) -> Result<Deadline> {
    let existing: Option<Deadline> = match (&d.rule_key, d.subject_id) {
        (Some(key), Some(subject)) => tx.sql().query_opt(
            &format!("{SELECT} WHERE rule_key = $1 AND subject_id = $2"),
            &[key, &AsId(subject)],
            from_row,
        )?,
        _ => None,
    };
    match existing {
        None => {
            insert(tx, d)?;
            Ok(d.clone())
        }
        Some(old) => {
            let new = Deadline {
                id: old.id,
                assignee: old.assignee.clone(),
                notes: old.notes.clone(),
                done_at: old.done_at,
                created_at: old.created_at,
                ..d.clone()
            };
            if new != old {
                update(tx, &new, &old)?;
            }
            Ok(new)
        }
    }
}

fn update(tx: &Tx, new: &Deadline, old: &Deadline) -> Result<()> {
    write(
        tx,
        new,
        "UPDATE deadlines SET title = $2, due_at = $3, due_date = $4, time_zone = $5,
            estimated = $6, missing_years = $7, rule_key = $8,
            rule_version = $9, subject = $10, subject_id = $11,
            complaint_id = $12, platform = $13, assignee = $14, notes = $15,
            done_at = $16, created_at = $17, counted_from_filing = $18
         WHERE id = $1",
    )?;
    audit::record(tx, "update", "deadline", new.id, Some(old), Some(new))
}

/// Saves an edited deadline or task.
pub fn save(tx: &Tx, d: &Deadline) -> Result<()> {
    let old = get(tx, d.id)?;
    update(tx, d, &old)
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM deadlines WHERE id = $1", &[&AsId(id)])?;
    audit::record(tx, "delete", "deadline", id, Some(&before), None)
}

/// Deletes every deadline on a record (a deleted right, a cleared date).
pub fn delete_of_subject(tx: &Tx, subject_id: Id) -> Result<()> {
    for d in of_subject(tx, subject_id)? {
        delete(tx, d.id)?;
    }
    Ok(())
}

/// Marks every open deadline of `rule_key` on `subject_id` done (a reply was
/// sent, a decision came): returns how many.
pub fn complete_for(tx: &Tx, rule_key: &str, subject_id: Id, at: DateTime<Utc>) -> Result<usize> {
    let open: Vec<Deadline> = tx.sql().query(
        &format!("{SELECT} WHERE rule_key = $1 AND subject_id = $2 AND done_at IS NULL"),
        &[&rule_key, &AsId(subject_id)],
        from_row,
    )?;
    for d in &open {
        update(
            tx,
            &Deadline {
                done_at: Some(at),
                ..d.clone()
            },
            d,
        )?;
    }
    Ok(open.len())
}

/// What the dashboard lists: open deadlines due before `until`, soonest
/// first, optionally for one assignee or platform.
#[derive(Debug, Clone, Default)]
pub struct OpenQuery {
    pub until: Option<DateTime<Utc>>,
    pub assignee: Option<String>,
    pub platform: Option<Platform>,
    pub limit: u32,
}

pub fn open(db: &impl Db, q: &OpenQuery) -> Result<Vec<Deadline>> {
    let sql = db.sql();
    // PostgreSQL must be told the type of a parameter only tested for NULL;
    // `coalesce` keeps the due-time bound usable by the index in a generic
    // plan (due_at is never NULL).
    let text = match sql.backend() {
        Backend::Sqlite => format!(
            "{SELECT} WHERE done_at IS NULL
               AND ($1 IS NULL OR due_at < $1)
               AND ($2 IS NULL OR assignee = $2)
               AND ($3 IS NULL OR platform = $3)
             ORDER BY due_at LIMIT $4"
        ),
        Backend::Postgres => format!(
            "{SELECT} WHERE done_at IS NULL
               AND due_at < coalesce($1::timestamptz, 'infinity')
               AND ($2::text IS NULL OR assignee = $2)
               AND ($3::text IS NULL OR platform = $3)
             ORDER BY due_at LIMIT $4"
        ),
    };
    sql.query(
        &text,
        &[
            &q.until.as_ref().map(at),
            &q.assignee,
            &q.platform.map(|p| p.as_str()),
            &i64::from(q.limit),
        ],
        from_row,
    )
}

/// Open deadlines before each of three instants (now, end of today, end of
/// the week) and in all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Buckets {
    pub overdue: u64,
    pub due_today: u64,
    pub due_this_week: u64,
    pub open: u64,
}

pub fn bucket_counts(
    db: &impl Db,
    now: DateTime<Utc>,
    today_end: DateTime<Utc>,
    week_end: DateTime<Utc>,
) -> Result<Buckets> {
    Ok(buckets_by(db, None, now, today_end, week_end)?
        .into_iter()
        .fold(Buckets::default(), |mut all, (_, b)| {
            all.overdue += b.overdue;
            all.due_today += b.due_today;
            all.due_this_week += b.due_this_week;
            all.open += b.open;
            all
        }))
}

/// The same buckets per assignee or platform (`None`: one group). Open
/// counts come from the running totals; only deadlines still ahead are
/// scanned, and what is open but not ahead is overdue.
pub fn buckets_by(
    db: &impl Db,
    column: Option<GroupColumn>,
    now: DateTime<Utc>,
    today_end: DateTime<Utc>,
    week_end: DateTime<Utc>,
) -> Result<Vec<(String, Buckets)>> {
    let (col, ahead_col) = match column {
        Some(GroupColumn::Assignee) => ("assignee", "assignee"),
        Some(GroupColumn::Platform) => ("platform", "coalesce(platform, '')"),
        None => ("''", "''"),
    };
    let sql = db.sql();
    let count = |r: &Row, i: usize| -> Result<u64> {
        let n: i64 = r.get(i)?;
        u64::try_from(n).map_err(|_| StoreError::Corrupt(format!("column {i}: a count of {n}")))
    };
    let mut groups: std::collections::BTreeMap<String, Buckets> = sql
        .query(
            &format!(
                "SELECT {col}, CAST(sum(n) AS bigint) FROM open_deadline_counts GROUP BY 1 HAVING sum(n) > 0"
            ),
            &[],
            |r| Ok((r.get::<String>(0)?, count(r, 1)?)),
        )?
        .into_iter()
        .map(|(k, open)| {
            (
                k,
                Buckets {
                    open,
                    overdue: open,
                    ..Default::default()
                },
            )
        })
        .collect();
    let ahead_sql = match sql.backend() {
        Backend::Sqlite => format!(
            "SELECT {ahead_col}, sum(due_at < $2), sum(due_at >= $2 AND due_at < $3), count(*)
             FROM deadlines INDEXED BY open_deadlines_by_due
             WHERE done_at IS NULL AND due_at >= $1 GROUP BY 1"
        ),
        Backend::Postgres => format!(
            "SELECT {ahead_col}, count(*) FILTER (WHERE due_at < $2),
                    count(*) FILTER (WHERE due_at >= $2 AND due_at < $3), count(*)
             FROM deadlines
             WHERE done_at IS NULL AND due_at >= $1 GROUP BY 1"
        ),
    };
    let ahead: Vec<(String, u64, u64, u64)> = sql.query(
        &ahead_sql,
        &[&at(&now), &at(&today_end), &at(&week_end)],
        |r| Ok((r.get(0)?, count(r, 1)?, count(r, 2)?, count(r, 3)?)),
    )?;
    for (k, today, week, n) in ahead {
        let b = groups.entry(k).or_default();
        b.due_today = today;
        b.due_this_week = week;
        b.overdue = b.open.saturating_sub(n);
    }
    Ok(groups.into_iter().collect())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupColumn {
    Assignee,
    Platform,
}

/// Every open deadline, soonest first (the ICS feed and the report).
pub fn all_open(db: &impl Db) -> Result<Vec<Deadline>> {
    db.sql().query(
        &format!("{SELECT} WHERE done_at IS NULL ORDER BY due_at"),
        &[],
        from_row,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::enforcement::fixtures;
    use crate::testing::each_store;
    use ippdesk_domain::{new_id, DeadlineSubject};

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn task(title: &str, due: &str, assignee: &str, platform: Option<Platform>) -> Deadline {
        let due_at = t(due);
        Deadline {
            id: new_id(),
            title: title.into(),
            due_at,
            due_date: due_at.date_naive(),
            time_zone: "UTC".into(),
            estimated: false,
            missing_years: vec![],
            counted_from_filing: false,
            rule_key: None,
            rule_version: None,
            subject: DeadlineSubject::None,
            subject_id: None,
            complaint_id: None,
            platform,
            assignee: assignee.into(),
            notes: String::new(),
            done_at: None,
            created_at: ippdesk_domain::now().trunc_subsecs(0),
        }
    }

    /// The running open counts, and the same counted from the deadlines.
    fn open_counts_match(db: &impl Db) {
        let q = |text: &str| {
            db.sql()
                .query(text, &[], |r| {
                    Ok((r.get::<String>(0)?, r.get::<String>(1)?, r.get::<i64>(2)?))
                })
                .unwrap()
        };
        assert_eq!(
            q("SELECT assignee, platform, n FROM open_deadline_counts WHERE n <> 0 ORDER BY 1, 2"),
            q(
                "SELECT assignee, coalesce(platform, ''), count(*) FROM deadlines
               WHERE done_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2"
            )
        );
    }

    #[test]
    fn a_rules_deadline_is_scheduled_once_per_record_and_completed() {
        each_store(|mut s| {
            let f = s.write(fixtures::parties).unwrap();
            let c = s
                .write(|tx| fixtures::complaint(tx, &f, Platform::Taobao, None))
                .unwrap();
            let subject = new_id();
            let mut d = task("Reply", "2026-10-08T15:59:59Z", "", Some(Platform::Taobao));
            d.rule_key = Some("ipp_reply".into());
            d.rule_version = Some(2);
            d.subject = DeadlineSubject::CounterNotice;
            d.subject_id = Some(subject);
            d.complaint_id = Some(c);
            d.estimated = true;
            d.missing_years = vec![2027];
            d.counted_from_filing = true;
            let stored = s.write(|tx| schedule(tx, &d)).unwrap();
            assert_eq!(stored, d);
            assert_eq!(get(&s, d.id).unwrap(), d);
            open_counts_match(&s);

            // Assigned meanwhile; the rule then moves the due day.
            let mut assigned = d.clone();
            assigned.assignee = "Wang Fang".into();
            s.write(|tx| save(tx, &assigned)).unwrap();
            let mut moved = task("Reply", "2026-10-09T15:59:59Z", "", Some(Platform::Taobao));
            moved.rule_key = d.rule_key.clone();
            moved.subject_id = Some(subject);
            moved.complaint_id = Some(c);
            let stored = s.write(|tx| schedule(tx, &moved)).unwrap();
            assert_eq!((stored.id, stored.assignee.as_str()), (d.id, "Wang Fang"));
            assert_eq!(get(&s, d.id).unwrap(), stored);
            let audited = audit::for_entity(&s, d.id).unwrap().len();
            s.write(|tx| schedule(tx, &moved)).unwrap();
            assert_eq!(
                audit::for_entity(&s, d.id).unwrap().len(),
                audited,
                "no change"
            );
            open_counts_match(&s);

            let mut twice = moved.clone();
            twice.id = new_id();
            let err = s.write(|tx| insert(tx, &twice)).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");

            let done = t("2026-10-08T09:30:00.123456Z");
            assert_eq!(
                s.write(|tx| complete_for(tx, "ipp_reply", subject, done))
                    .unwrap(),
                1
            );
            assert_eq!(
                get(&s, d.id).unwrap().done_at,
                Some(t("2026-10-08T09:30:00Z")),
                "kept to the second"
            );
            assert_eq!(
                s.write(|tx| complete_for(tx, "ipp_reply", subject, done))
                    .unwrap(),
                0
            );
            open_counts_match(&s);
            assert_eq!(of_subject(&s, subject).unwrap().len(), 1);
            assert_eq!(of_complaint(&s, c).unwrap().len(), 1);

            // A task on the complaint goes with it.
            let mut on_complaint = task("Call", "2026-10-10T00:00:00Z", "Li", None);
            on_complaint.complaint_id = Some(c);
            s.write(|tx| insert(tx, &on_complaint)).unwrap();
            open_counts_match(&s);
            fixtures::delete_complaint(&s, c);
            assert!(of_complaint(&s, c).unwrap().is_empty());
            open_counts_match(&s);

            let other = task("Renew", "2026-11-01T00:00:00Z", "Li", None);
            let mut on_right = other.clone();
            on_right.subject_id = Some(subject);
            s.write(|tx| insert(tx, &on_right)).unwrap();
            s.write(|tx| delete_of_subject(tx, subject)).unwrap();
            assert!(of_subject(&s, subject).unwrap().is_empty());
            open_counts_match(&s);
        });
    }

    #[test]
    fn the_dashboard_buckets_and_lists_open_deadlines() {
        each_store(|mut s| {
            let overdue = task("a", "2026-10-07T10:00:00Z", "Wang", Some(Platform::Taobao));
            let today = task("b", "2026-10-08T12:00:00Z", "Wang", None);
            let week = task("c", "2026-10-10T12:00:00Z", "Li", Some(Platform::Tmall));
            let later = task("d", "2026-12-01T12:00:00Z", "Li", Some(Platform::Taobao));
            let mut done = task("e", "2026-10-07T11:00:00Z", "Li", None);
            done.done_at = Some(t("2026-10-07T09:00:00Z"));
            s.write(|tx| {
                [&overdue, &today, &week, &later, &done]
                    .into_iter()
                    .try_for_each(|d| insert(tx, d))
            })
            .unwrap();
            open_counts_match(&s);

            let (now, today_end, week_end) = (
                t("2026-10-08T02:00:00.5Z"),
                t("2026-10-08T15:59:59Z"),
                t("2026-10-11T15:59:59Z"),
            );
            let b = |overdue, due_today, due_this_week, open| Buckets {
                overdue,
                due_today,
                due_this_week,
                open,
            };
            assert_eq!(
                bucket_counts(&s, now, today_end, week_end).unwrap(),
                b(1, 1, 1, 4)
            );
            assert_eq!(
                buckets_by(&s, Some(GroupColumn::Assignee), now, today_end, week_end).unwrap(),
                [("Li".into(), b(0, 0, 1, 2)), ("Wang".into(), b(1, 1, 0, 2))]
            );
            assert_eq!(
                buckets_by(&s, Some(GroupColumn::Platform), now, today_end, week_end).unwrap(),
                [
                    (String::new(), b(0, 1, 0, 1)),
                    ("taobao".into(), b(1, 0, 0, 2)),
                    ("tmall".into(), b(0, 0, 1, 1))
                ]
            );

            let titles = |q: OpenQuery| -> Vec<String> {
                open(&s, &OpenQuery { limit: 10, ..q })
                    .unwrap()
                    .into_iter()
                    .map(|d| d.title)
                    .collect()
            };
            assert_eq!(titles(OpenQuery::default()), ["a", "b", "c", "d"]);
            assert_eq!(
                titles(OpenQuery {
                    until: Some(week_end),
                    ..Default::default()
                }),
                ["a", "b", "c"]
            );
            assert_eq!(
                titles(OpenQuery {
                    assignee: Some("Li".into()),
                    ..Default::default()
                }),
                ["c", "d"]
            );
            assert_eq!(
                titles(OpenQuery {
                    platform: Some(Platform::Taobao),
                    ..Default::default()
                }),
                ["a", "d"]
            );
            assert_eq!(
                open(
                    &s,
                    &OpenQuery {
                        limit: 1,
                        ..Default::default()
                    }
                )
                .unwrap(),
                std::slice::from_ref(&overdue)
            );
            assert_eq!(
                all_open(&s).unwrap(),
                [&overdue, &today, &week, &later].map(Clone::clone)
            );

            // Reassigned, moved to another platform, done, reopened, deleted.
            let mut w = week.clone();
            w.assignee = "Wang".into();
            w.platform = None;
            s.write(|tx| save(tx, &w)).unwrap();
            open_counts_match(&s);
            w.done_at = Some(t("2026-10-08T03:00:00Z"));
            s.write(|tx| save(tx, &w)).unwrap();
            open_counts_match(&s);
            let mut reopened = done.clone();
            reopened.done_at = None;
            s.write(|tx| save(tx, &reopened)).unwrap();
            open_counts_match(&s);
            s.write(|tx| {
                delete(tx, overdue.id)?;
                delete(tx, w.id)
            })
            .unwrap();
            open_counts_match(&s);
            assert_eq!(
                bucket_counts(&s, now, today_end, week_end).unwrap(),
                b(1, 1, 0, 3)
            );
        });
    }
}
