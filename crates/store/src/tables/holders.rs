use ippdesk_domain::{Holder, HolderDraft, Id};
use rusqlite::{named_params, OptionalExtension, Row};

use super::audit;
use crate::codec::{enum_text, not_found, parse_enum, parse_id};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str = "id, kind, legal_name, latin_name, country, registration_number, address, contact_email, notes, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Holder> {
    Ok(Holder {
        id: parse_id(r.get(0)?)?,
        draft: HolderDraft {
            kind: parse_enum(r.get(1)?)?,
            legal_name: r.get(2)?,
            latin_name: r.get(3)?,
            country: r.get(4)?,
            registration_number: r.get(5)?,
            address: r.get(6)?,
            contact_email: r.get(7)?,
            notes: r.get(8)?,
        },
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

pub fn list(db: &impl Db) -> Result<Vec<Holder>> {
    let mut stmt = db.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM holders ORDER BY legal_name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn find(db: &impl Db, id: Id) -> Result<Option<Holder>> {
    Ok(db
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM holders WHERE id = ?1"),
            [id.to_string()],
            from_row,
        )
        .optional()?)
}

pub fn get(db: &impl Db, id: Id) -> Result<Holder> {
    find(db, id)?.ok_or_else(|| not_found("rights holder", id))
}

fn write(tx: &Tx, h: &Holder, sql: &str) -> Result<()> {
    let d = &h.draft;
    tx.conn()
        .execute(
            sql,
            named_params! {
                ":id": h.id.to_string(), ":kind": enum_text(&d.kind), ":legal_name": d.legal_name,
                ":latin_name": d.latin_name, ":country": d.country, ":registration_number": d.registration_number,
                ":address": d.address, ":contact_email": d.contact_email, ":notes": d.notes,
                ":created_at": h.created_at, ":updated_at": h.updated_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "rights holder"))?;
    Ok(())
}

pub fn insert(tx: &Tx, h: &Holder) -> Result<()> {
    write(
        tx,
        h,
        "INSERT INTO holders (id, kind, legal_name, latin_name, country, registration_number, address, contact_email, notes, created_at, updated_at)
         VALUES (:id, :kind, :legal_name, :latin_name, :country, :registration_number, :address, :contact_email, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "holder", h.id, None, Some(h))
}

pub fn update(tx: &Tx, h: &Holder) -> Result<()> {
    let before = get(tx, h.id)?;
    write(
        tx,
        h,
        "UPDATE holders SET kind = :kind, legal_name = :legal_name, latin_name = :latin_name, country = :country,
            registration_number = :registration_number, address = :address, contact_email = :contact_email,
            notes = :notes, created_at = :created_at, updated_at = :updated_at WHERE id = :id",
    )?;
    audit::record(tx, "update", "holder", h.id, Some(&before), Some(h))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.conn()
        .execute("DELETE FROM holders WHERE id = ?1", [id.to_string()])
        .map_err(|e| {
            StoreError::from_write(
                e,
                "rights holder (it still has rights, accounts or powers of attorney)",
            )
        })?;
    audit::record(tx, "delete", "holder", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{holder, temp_store};

    #[test]
    fn insert_find_update_delete_with_audit() {
        let (_d, mut s) = temp_store();
        let mut h = holder("深圳市极光电子有限公司");
        s.write(|tx| insert(tx, &h)).unwrap();
        assert_eq!(get(&s, h.id).unwrap(), h);
        assert_eq!(list(&s).unwrap(), [h.clone()]);

        h.draft.notes = "更新".into();
        s.write(|tx| update(tx, &h)).unwrap();
        assert_eq!(get(&s, h.id).unwrap().draft.notes, "更新");

        s.write(|tx| delete(tx, h.id)).unwrap();
        assert!(find(&s, h.id).unwrap().is_none());
        let trail: Vec<_> = audit::for_entity(&s, h.id)
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(trail, ["create", "update", "delete"]);
    }

    #[test]
    fn a_failed_write_rolls_back_its_audit_row() {
        let (_d, mut s) = temp_store();
        let h = holder("A");
        s.write(|tx| insert(tx, &h)).unwrap();
        let err = s.write(|tx| insert(tx, &h)).unwrap_err();
        assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
        assert_eq!(audit::count(&s).unwrap(), 1);
    }
}
