use ippdesk_domain::{Agent, AgentDraft, Id};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str = "id, kind, name, country, contact_email, notes, created_at, updated_at";

fn from_row(r: &Row) -> Result<Agent> {
    Ok(Agent {
        id: r.id(0)?,
        draft: AgentDraft {
            kind: r.enumeration(1)?,
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
    let sql = db.sql();
    sql.query(
        &format!(
            "SELECT {COLUMNS} FROM agents ORDER BY {}",
            sql.pick("name COLLATE NOCASE", "lower(name), name")
        ),
        &[],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Agent> {
    db.sql()
        .query_opt(
            &format!("SELECT {COLUMNS} FROM agents WHERE id = $1"),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("agent", id))
}

fn write(tx: &Tx, a: &Agent, sql: &str) -> Result<()> {
    let d = &a.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(a.id),
                &enum_text(&d.kind),
                &d.name,
                &d.country,
                &d.contact_email,
                &d.notes,
                &a.created_at,
                &a.updated_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "agent"))?;
    Ok(())
}

pub fn insert(tx: &Tx, a: &Agent) -> Result<()> {
    write(
        tx,
        a,
        "INSERT INTO agents (id, kind, name, country, contact_email, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )?;
    audit::record(tx, "create", "agent", a.id, None, Some(a))
}

pub fn update(tx: &Tx, a: &Agent) -> Result<()> {
    let before = get(tx, a.id)?;
    write(
        tx,
        a,
        "UPDATE agents SET kind = $2, name = $3, country = $4, contact_email = $5,
            notes = $6, created_at = $7, updated_at = $8 WHERE id = $1",
    )?;
    audit::record(tx, "update", "agent", a.id, Some(&before), Some(a))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM agents WHERE id = $1", &[&AsId(id)])
        .map_err(|e| {
            StoreError::from_write(e, "agent (it still has powers of attorney or accounts)")
        })?;
    audit::record(tx, "delete", "agent", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{agent, each_store};

    #[test]
    fn round_trip_and_audit() {
        each_store(|mut s| {
            let mut a = agent();
            s.write(|tx| insert(tx, &a)).unwrap();
            a.draft.notes = "retained 2026".into();
            s.write(|tx| update(tx, &a)).unwrap();
            assert_eq!(list(&s).unwrap(), [a.clone()]);
            s.write(|tx| delete(tx, a.id)).unwrap();
            assert!(matches!(get(&s, a.id), Err(StoreError::NotFound(_))));
            assert_eq!(audit::for_entity(&s, a.id).unwrap().len(), 3);
        });
    }

    #[test]
    fn listed_by_name_whatever_its_case() {
        each_store(|mut s| {
            for name in ["beta", "Alpha", "Gamma"] {
                let mut a = agent();
                a.draft.name = name.into();
                s.write(|tx| insert(tx, &a)).unwrap();
            }
            let listed: Vec<_> = list(&s)
                .unwrap()
                .into_iter()
                .map(|a| a.draft.name)
                .collect();
            assert_eq!(listed, ["Alpha", "beta", "Gamma"]);
        });
    }
}
