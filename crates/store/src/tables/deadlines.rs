//! Deadlines: those rules compute (one per rule and record) and manual tasks,
//! and the dashboard's reads over the open ones.

use chrono::{DateTime, Utc};
use ippdesk_domain::{Deadline, Id, Platform};
use rusqlite::{named_params, params, Row};

use super::audit;
use crate::codec::{
    enum_text, instant_text, json_text, not_found, parse_enum, parse_id, parse_instant, parse_json,
    parse_opt_id, query_all, query_one,
};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str = "SELECT id, title, due_at, due_date, time_zone, estimated, missing_years,
    rule_key, rule_version, subject, subject_id, complaint_id, platform, assignee, notes, done_at,
    created_at, counted_from_filing FROM deadlines";

fn from_row(r: &Row) -> rusqlite::Result<Deadline> {
    Ok(Deadline {
        id: parse_id(r.get(0)?)?,
        title: r.get(1)?,
        due_at: parse_instant(r.get(2)?)?,
        due_date: r.get(3)?,
        time_zone: r.get(4)?,
        estimated: r.get(5)?,
        missing_years: parse_json(r.get(6)?)?,
        rule_key: r.get(7)?,
        rule_version: r.get(8)?,
        subject: parse_enum(r.get(9)?)?,
        subject_id: parse_opt_id(r.get(10)?)?,
        complaint_id: parse_opt_id(r.get(11)?)?,
        platform: r
            .get::<_, Option<String>>(12)?
            .map(parse_enum)
            .transpose()?,
        assignee: r.get(13)?,
        notes: r.get(14)?,
        done_at: r
            .get::<_, Option<String>>(15)?
            .map(parse_instant)
            .transpose()?,
        created_at: parse_instant(r.get(16)?)?,
        counted_from_filing: r.get(17)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<Deadline> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("deadline", id))
}

pub fn of_complaint(db: &impl Db, complaint: Id) -> Result<Vec<Deadline>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE complaint_id = ?1 ORDER BY due_at"),
        [complaint.to_string()],
        from_row,
    )
}

pub fn of_subject(db: &impl Db, subject_id: Id) -> Result<Vec<Deadline>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE subject_id = ?1 ORDER BY due_at"),
        [subject_id.to_string()],
        from_row,
    )
}

fn write(tx: &Tx, d: &Deadline, sql: &str) -> Result<usize> {
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": d.id.to_string(), ":title": d.title, ":due_at": instant_text(&d.due_at),
                ":due_date": d.due_date, ":time_zone": d.time_zone, ":estimated": d.estimated,
                ":missing_years": json_text(&d.missing_years), ":rule_key": d.rule_key,
                ":rule_version": d.rule_version, ":subject": enum_text(&d.subject),
                ":subject_id": d.subject_id.map(|x| x.to_string()),
                ":complaint_id": d.complaint_id.map(|x| x.to_string()),
                ":platform": d.platform.map(|p| p.as_str()), ":assignee": d.assignee, ":notes": d.notes,
                ":done_at": d.done_at.as_ref().map(instant_text), ":created_at": instant_text(&d.created_at),
                ":counted_from_filing": d.counted_from_filing,
            },
        )
        .map_err(|e| StoreError::from_write(e, "deadline"))
}

const INSERT: &str = "INSERT INTO deadlines (id, title, due_at, due_date, time_zone, estimated, missing_years,
    rule_key, rule_version, subject, subject_id, complaint_id, platform, assignee, notes, done_at, created_at,
    counted_from_filing)
    VALUES (:id, :title, :due_at, :due_date, :time_zone, :estimated, :missing_years, :rule_key, :rule_version,
    :subject, :subject_id, :complaint_id, :platform, :assignee, :notes, :done_at, :created_at,
    :counted_from_filing)";

pub fn insert(tx: &Tx, d: &Deadline) -> Result<()> {
    write(tx, d, INSERT)?;
    audit::record(tx, "create", "deadline", d.id, None, Some(d))
}

/// A rule's deadline for a record: inserted, or, when the rule already has
/// one for that record, moved to the new due time (done or not, it keeps its
/// id, state and assignee). Returns the deadline as stored.
pub fn schedule(tx: &Tx, d: &Deadline) -> Result<Deadline> {
    let existing: Option<Deadline> = match (&d.rule_key, d.subject_id) {
        (Some(key), Some(subject)) => query_one(
            tx.sql().lite()?,
            &format!("{SELECT} WHERE rule_key = ?1 AND subject_id = ?2"),
            params![key, subject.to_string()],
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
        "UPDATE deadlines SET title = :title, due_at = :due_at, due_date = :due_date, time_zone = :time_zone,
            estimated = :estimated, missing_years = :missing_years, rule_key = :rule_key,
            rule_version = :rule_version, subject = :subject, subject_id = :subject_id,
            complaint_id = :complaint_id, platform = :platform, assignee = :assignee, notes = :notes,
            done_at = :done_at, created_at = :created_at, counted_from_filing = :counted_from_filing
         WHERE id = :id",
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
        .lite()?
        .execute("DELETE FROM deadlines WHERE id = ?1", [id.to_string()])?;
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
    let open: Vec<Deadline> = query_all(
        tx.sql().lite()?,
        &format!("{SELECT} WHERE rule_key = ?1 AND subject_id = ?2 AND done_at IS NULL"),
        params![rule_key, subject_id.to_string()],
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
    let until = q.until.as_ref().map(instant_text);
    query_all(
        db.sql().lite()?,
        &format!(
            "{SELECT} WHERE done_at IS NULL
               AND (:until IS NULL OR due_at < :until)
               AND (:assignee IS NULL OR assignee = :assignee)
               AND (:platform IS NULL OR platform = :platform)
             ORDER BY due_at LIMIT :limit"
        ),
        named_params! {
            ":until": until, ":assignee": q.assignee, ":platform": q.platform.map(|p| p.as_str()),
            ":limit": q.limit,
        },
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
    let mut groups: std::collections::BTreeMap<String, Buckets> = query_all(
        db.sql().lite()?,
        &format!("SELECT {col}, sum(n) FROM open_deadline_counts GROUP BY 1 HAVING sum(n) > 0"),
        [],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?)),
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
    let ahead: Vec<(String, u64, u64, u64)> = query_all(
        db.sql().lite()?,
        &format!(
            "SELECT {ahead_col}, sum(due_at < ?2), sum(due_at >= ?2 AND due_at < ?3), count(*)
             FROM deadlines INDEXED BY open_deadlines_by_due
             WHERE done_at IS NULL AND due_at >= ?1 GROUP BY 1"
        ),
        params![
            instant_text(&now),
            instant_text(&today_end),
            instant_text(&week_end)
        ],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
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
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE done_at IS NULL ORDER BY due_at"),
        [],
        from_row,
    )
}
