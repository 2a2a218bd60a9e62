//! Counter-notices and their responses and decisions.

use ippdesk_domain::{CounterNotice, CounterNoticeDraft, Id};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{
    enum_text, json_text, not_found, parse_enum, parse_id, parse_json, query_all, query_one,
};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str = "SELECT id, complaint_id, round, listing_ids, received_at, grounds, statement,
    response_text, responded_at, decision, decided_on, created_at, updated_at, extension_days,
    extension_reason FROM counter_notices";

fn from_row(r: &Row) -> rusqlite::Result<CounterNotice> {
    Ok(CounterNotice {
        id: parse_id(r.get(0)?)?,
        draft: CounterNoticeDraft {
            complaint_id: parse_id(r.get(1)?)?,
            round: r.get(2)?,
            listing_ids: parse_json(r.get(3)?)?,
            received_at: r.get(4)?,
            grounds: parse_enum(r.get(5)?)?,
            statement: r.get(6)?,
            extension_days: r.get(13)?,
            extension_reason: r.get(14)?,
        },
        response_text: r.get(7)?,
        responded_at: r.get(8)?,
        decision: r.get::<_, Option<String>>(9)?.map(parse_enum).transpose()?,
        decided_on: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<CounterNotice> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("counter-notice", id))
}

pub fn of_complaint(db: &impl Db, complaint: Id) -> Result<Vec<CounterNotice>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE complaint_id = ?1 ORDER BY round, received_at"),
        [complaint.to_string()],
        from_row,
    )
}

fn write(tx: &Tx, c: &CounterNotice, sql: &str) -> Result<()> {
    let d = &c.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": c.id.to_string(), ":complaint_id": d.complaint_id.to_string(), ":round": d.round,
                ":listing_ids": json_text(&d.listing_ids), ":received_at": d.received_at,
                ":grounds": enum_text(&d.grounds), ":statement": d.statement,
                ":response_text": c.response_text, ":responded_at": c.responded_at,
                ":decision": c.decision.map(|x| enum_text(&x)), ":decided_on": c.decided_on,
                ":created_at": c.created_at, ":updated_at": c.updated_at,
                ":extension_days": d.extension_days, ":extension_reason": d.extension_reason,
            },
        )
        .map_err(|e| StoreError::from_write(e, "counter-notice"))?;
    Ok(())
}

pub fn insert(tx: &Tx, c: &CounterNotice) -> Result<()> {
    write(
        tx,
        c,
        "INSERT INTO counter_notices (id, complaint_id, round, listing_ids, received_at, grounds, statement,
            response_text, responded_at, decision, decided_on, created_at, updated_at, extension_days,
            extension_reason)
         VALUES (:id, :complaint_id, :round, :listing_ids, :received_at, :grounds, :statement,
            :response_text, :responded_at, :decision, :decided_on, :created_at, :updated_at,
            :extension_days, :extension_reason)",
    )?;
    audit::record(tx, "create", "counter_notice", c.id, None, Some(c))
}

/// Saves a changed counter-notice; `action` names the change in the audit log
/// ("update", "respond", "decide").
pub fn update(tx: &Tx, c: &CounterNotice, action: &str) -> Result<()> {
    let before = get(tx, c.id)?;
    write(
        tx,
        c,
        "UPDATE counter_notices SET complaint_id = :complaint_id, round = :round, listing_ids = :listing_ids,
            received_at = :received_at, grounds = :grounds, statement = :statement,
            response_text = :response_text, responded_at = :responded_at, decision = :decision,
            decided_on = :decided_on, created_at = :created_at, updated_at = :updated_at,
            extension_days = :extension_days, extension_reason = :extension_reason
         WHERE id = :id",
    )?;
    audit::record(tx, action, "counter_notice", c.id, Some(&before), Some(c))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql().lite()?.execute(
        "DELETE FROM counter_notices WHERE id = ?1",
        [id.to_string()],
    )?;
    audit::record(tx, "delete", "counter_notice", id, Some(&before), None)
}
