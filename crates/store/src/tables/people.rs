//! People work can be assigned to.

use ippdesk_domain::{Id, Person, PersonDraft};
use rusqlite::{params, Row};

use super::audit;
use crate::codec::{not_found, parse_id, query_all, query_one};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: parse_id(r.get(0)?)?,
        draft: PersonDraft {
            name: r.get(1)?,
            email: r.get(2)?,
        },
    })
}

pub fn all(db: &impl Db) -> Result<Vec<Person>> {
    query_all(
        db.sql().lite()?,
        "SELECT id, name, email FROM people ORDER BY name COLLATE NOCASE",
        [],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Person> {
    query_one(
        db.sql().lite()?,
        "SELECT id, name, email FROM people WHERE id = ?1",
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("person", id))
}

pub fn insert(tx: &Tx, p: &Person) -> Result<()> {
    tx.sql()
        .lite()?
        .execute(
            "INSERT INTO people (id, name, email, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                p.id.to_string(),
                p.draft.name.trim(),
                p.draft.email.trim(),
                ippdesk_domain::now()
            ],
        )
        .map_err(|e| StoreError::from_write(e, "person"))?;
    audit::record(tx, "create", "person", p.id, None, Some(p))
}

pub fn update(tx: &Tx, p: &Person) -> Result<()> {
    let before = get(tx, p.id)?;
    tx.sql()
        .lite()?
        .execute(
            "UPDATE people SET name = ?2, email = ?3 WHERE id = ?1",
            params![p.id.to_string(), p.draft.name.trim(), p.draft.email.trim()],
        )
        .map_err(|e| StoreError::from_write(e, "person"))?;
    audit::record(tx, "update", "person", p.id, Some(&before), Some(p))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute("DELETE FROM people WHERE id = ?1", [id.to_string()])?;
    audit::record(tx, "delete", "person", id, Some(&before), None)
}
