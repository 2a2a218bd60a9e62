use ippdesk_domain::{Id, IpRight, RightDraft};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{
    enum_text, json_text, not_found, parse_enum, parse_id, parse_json, query_all, query_one,
};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str = "SELECT id, kind, title, mark_type, registration_number, jurisdiction, designations, registrant_id,
    nice_classes, filing_date, registration_date, expiry_date, notes, created_at, updated_at FROM ip_rights";

fn from_row(r: &Row) -> rusqlite::Result<IpRight> {
    Ok(IpRight {
        id: parse_id(r.get(0)?)?,
        draft: RightDraft {
            kind: parse_enum(r.get(1)?)?,
            title: r.get(2)?,
            mark_type: r.get::<_, Option<String>>(3)?.map(parse_enum).transpose()?,
            registration_number: r.get(4)?,
            jurisdiction: r.get(5)?,
            designations: parse_json(r.get(6)?)?,
            registrant_id: parse_id(r.get(7)?)?,
            nice_classes: parse_json(r.get(8)?)?,
            filing_date: r.get(9)?,
            registration_date: r.get(10)?,
            expiry_date: r.get(11)?,
            notes: r.get(12)?,
        },
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

pub fn list(db: &impl Db) -> Result<Vec<IpRight>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} ORDER BY title COLLATE NOCASE, jurisdiction"),
        [],
        from_row,
    )
}

pub fn for_registrant(db: &impl Db, holder: Id) -> Result<Vec<IpRight>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE registrant_id = ?1 ORDER BY title COLLATE NOCASE"),
        [holder.to_string()],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<IpRight> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("IP right", id))
}

/// The right already registered under this (normalized) number in this jurisdiction.
pub fn find_by_number(db: &impl Db, jurisdiction: &str, number: &str) -> Result<Option<IpRight>> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE jurisdiction = ?1 AND registration_number = ?2"),
        [jurisdiction, number],
        from_row,
    )
}

fn write(tx: &Tx, r: &IpRight, sql: &str) -> Result<()> {
    let d = &r.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": r.id.to_string(), ":kind": enum_text(&d.kind), ":title": d.title,
                ":mark_type": d.mark_type.as_ref().map(enum_text), ":registration_number": d.registration_number,
                ":jurisdiction": d.jurisdiction, ":designations": json_text(&d.designations),
                ":registrant_id": d.registrant_id.to_string(), ":nice_classes": json_text(&d.nice_classes),
                ":filing_date": d.filing_date, ":registration_date": d.registration_date, ":expiry_date": d.expiry_date,
                ":notes": d.notes, ":created_at": r.created_at, ":updated_at": r.updated_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "IP right with this registration number in this jurisdiction"))?;
    Ok(())
}

pub fn insert(tx: &Tx, r: &IpRight) -> Result<()> {
    write(
        tx,
        r,
        "INSERT INTO ip_rights (id, kind, title, mark_type, registration_number, jurisdiction, designations, registrant_id,
            nice_classes, filing_date, registration_date, expiry_date, notes, created_at, updated_at)
         VALUES (:id, :kind, :title, :mark_type, :registration_number, :jurisdiction, :designations, :registrant_id,
            :nice_classes, :filing_date, :registration_date, :expiry_date, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "right", r.id, None, Some(r))
}

pub fn update(tx: &Tx, r: &IpRight) -> Result<()> {
    let before = get(tx, r.id)?;
    write(
        tx,
        r,
        "UPDATE ip_rights SET kind = :kind, title = :title, mark_type = :mark_type,
            registration_number = :registration_number, jurisdiction = :jurisdiction, designations = :designations,
            registrant_id = :registrant_id, nice_classes = :nice_classes, filing_date = :filing_date,
            registration_date = :registration_date, expiry_date = :expiry_date, notes = :notes,
            created_at = :created_at, updated_at = :updated_at WHERE id = :id",
    )?;
    audit::record(tx, "update", "right", r.id, Some(&before), Some(r))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute("DELETE FROM ip_rights WHERE id = ?1", [id.to_string()])
        .map_err(|e| StoreError::from_write(e, "IP right"))?;
    audit::record(tx, "delete", "right", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::holders;
    use crate::testing::{holder, right, temp_store};

    #[test]
    fn round_trip_and_unique_number_per_jurisdiction() {
        let (_d, mut s) = temp_store();
        let h = holder("H");
        let r = right(h.id, "12345678");
        s.write(|tx| {
            holders::insert(tx, &h)?;
            insert(tx, &r)
        })
        .unwrap();
        assert_eq!(get(&s, r.id).unwrap(), r);
        assert_eq!(
            find_by_number(&s, "CN", "12345678").unwrap().map(|x| x.id),
            Some(r.id)
        );
        assert_eq!(for_registrant(&s, h.id).unwrap().len(), 1);

        let twin = right(h.id, "12345678");
        assert!(matches!(
            s.write(|tx| insert(tx, &twin)),
            Err(StoreError::Duplicate(_))
        ));
        let mut us = right(h.id, "12345678");
        us.draft.jurisdiction = "US".into();
        s.write(|tx| insert(tx, &us)).unwrap();
        assert_eq!(list(&s).unwrap().len(), 2);
        s.write(|tx| delete(tx, us.id)).unwrap();
        assert_eq!(list(&s).unwrap().len(), 1);
    }
}
