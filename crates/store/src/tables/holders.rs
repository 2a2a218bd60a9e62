use ippdesk_domain::{Holder, HolderDraft, Id};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str = "id, kind, legal_name, latin_name, country, registration_number, address, contact_email, notes, created_at, updated_at";

fn from_row(r: &Row) -> Result<Holder> {
    Ok(Holder {
        id: r.id(0)?,
        draft: HolderDraft {
            kind: r.enumeration(1)?,
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
    let sql = db.sql();
    sql.query(
        &format!(
            "SELECT {COLUMNS} FROM holders ORDER BY {}",
            sql.pick("legal_name COLLATE NOCASE", "lower(legal_name), legal_name")
        ),
        &[],
        from_row,
    )
}

pub fn find(db: &impl Db, id: Id) -> Result<Option<Holder>> {
    db.sql().query_opt(
        &format!("SELECT {COLUMNS} FROM holders WHERE id = $1"),
        &[&AsId(id)],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Holder> {
    find(db, id)?.ok_or_else(|| not_found("rights holder", id))
}

fn write(tx: &Tx, h: &Holder, sql: &str) -> Result<()> {
    let d = &h.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(h.id),
                &enum_text(&d.kind),
                &d.legal_name,
                &d.latin_name,
                &d.country,
                &d.registration_number,
                &d.address,
                &d.contact_email,
                &d.notes,
                &h.created_at,
                &h.updated_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "rights holder"))?;
    Ok(())
}

pub fn insert(tx: &Tx, h: &Holder) -> Result<()> {
    write(
        tx,
        h,
        "INSERT INTO holders (id, kind, legal_name, latin_name, country, registration_number, address, contact_email, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )?;
    audit::record(tx, "create", "holder", h.id, None, Some(h))
}

pub fn update(tx: &Tx, h: &Holder) -> Result<()> {
    let before = get(tx, h.id)?;
    write(
        tx,
        h,
        "UPDATE holders SET kind = $2, legal_name = $3, latin_name = $4, country = $5,
            registration_number = $6, address = $7, contact_email = $8,
            notes = $9, created_at = $10, updated_at = $11 WHERE id = $1",
    )?;
    audit::record(tx, "update", "holder", h.id, Some(&before), Some(h))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM holders WHERE id = $1", &[&AsId(id)])
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
    use crate::testing::{each_store, holder};

    #[test]
    fn insert_find_update_delete_with_audit() {
        each_store(|mut s| {
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
        });
    }

    #[test]
    fn a_failed_write_rolls_back_its_audit_row() {
        each_store(|mut s| {
            let h = holder("A");
            s.write(|tx| insert(tx, &h)).unwrap();
            let err = s.write(|tx| insert(tx, &h)).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
            assert_eq!(audit::count(&s).unwrap(), 1);
        });
    }
}
