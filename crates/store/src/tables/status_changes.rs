use ippdesk_domain::{Id, StatusChange};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{enum_text, parse_enum, parse_id, query_all};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> rusqlite::Result<StatusChange> {
    Ok(StatusChange {
        id: parse_id(r.get(0)?)?,
        account_id: parse_id(r.get(1)?)?,
        from: parse_enum(r.get(2)?)?,
        to: parse_enum(r.get(3)?)?,
        on: r.get(4)?,
        note: r.get(5)?,
        recorded_at: r.get(6)?,
    })
}

pub fn for_account(db: &impl Db, account: Id) -> Result<Vec<StatusChange>> {
    query_all(
        db.sql().lite()?,
        "SELECT id, account_id, from_status, to_status, on_date, note, recorded_at
         FROM account_status_changes WHERE account_id = ?1 ORDER BY recorded_at, id",
        [account.to_string()],
        from_row,
    )
}

pub fn insert(tx: &Tx, c: &StatusChange) -> Result<()> {
    tx.sql().lite()?
        .execute(
            "INSERT INTO account_status_changes (id, account_id, from_status, to_status, on_date, note, recorded_at)
             VALUES (:id, :account_id, :from, :to, :on, :note, :recorded_at)",
            named_params! {
                ":id": c.id.to_string(), ":account_id": c.account_id.to_string(), ":from": enum_text(&c.from),
                ":to": enum_text(&c.to), ":on": c.on, ":note": c.note, ":recorded_at": c.recorded_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "status change (account missing)"))?;
    audit::record(tx, "create", "account_status", c.account_id, None, Some(c))
}
