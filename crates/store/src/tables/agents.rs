use ippdesk_domain::{Agent, AgentDraft, Id};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{enum_text, not_found, parse_enum, parse_id, query_all, query_one};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str =
    "SELECT id, kind, name, country, contact_email, notes, created_at, updated_at FROM agents";

fn from_row(r: &Row) -> rusqlite::Result<Agent> {
    Ok(Agent {
        id: parse_id(r.get(0)?)?,
        draft: AgentDraft {
            kind: parse_enum(r.get(1)?)?,
            name: r.get(2)?,
            country: r.get(3)?,
            contact_email: r.get(4)?,
            notes: r.get(5)?,
        },
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

pub fn list(db: &impl Db) -> Result<Vec<Agent>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} ORDER BY name COLLATE NOCASE"),
        [],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Agent> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("agent", id))
}

fn write(tx: &Tx, a: &Agent, sql: &str) -> Result<()> {
    let d = &a.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": a.id.to_string(), ":kind": enum_text(&d.kind), ":name": d.name, ":country": d.country,
                ":contact_email": d.contact_email, ":notes": d.notes, ":created_at": a.created_at, ":updated_at": a.updated_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "agent"))?;
    Ok(())
}

pub fn insert(tx: &Tx, a: &Agent) -> Result<()> {
    write(
        tx,
        a,
        "INSERT INTO agents (id, kind, name, country, contact_email, notes, created_at, updated_at)
         VALUES (:id, :kind, :name, :country, :contact_email, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "agent", a.id, None, Some(a))
}

pub fn update(tx: &Tx, a: &Agent) -> Result<()> {
    let before = get(tx, a.id)?;
    write(
        tx,
        a,
        "UPDATE agents SET kind = :kind, name = :name, country = :country, contact_email = :contact_email,
            notes = :notes, created_at = :created_at, updated_at = :updated_at WHERE id = :id",
    )?;
    audit::record(tx, "update", "agent", a.id, Some(&before), Some(a))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute("DELETE FROM agents WHERE id = ?1", [id.to_string()])
        .map_err(|e| {
            StoreError::from_write(e, "agent (it still has powers of attorney or accounts)")
        })?;
    audit::record(tx, "delete", "agent", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{agent, temp_store};

    #[test]
    fn round_trip_and_audit() {
        let (_d, mut s) = temp_store();
        let mut a = agent();
        s.write(|tx| insert(tx, &a)).unwrap();
        a.draft.notes = "retained 2026".into();
        s.write(|tx| update(tx, &a)).unwrap();
        assert_eq!(list(&s).unwrap(), [a.clone()]);
        s.write(|tx| delete(tx, a.id)).unwrap();
        assert!(matches!(get(&s, a.id), Err(StoreError::NotFound(_))));
        assert_eq!(audit::for_entity(&s, a.id).unwrap().len(), 3);
    }
}
