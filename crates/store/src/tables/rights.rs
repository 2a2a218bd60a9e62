use ippdesk_domain::{Id, IpRight, RightDraft};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, AsJson, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str =
    "id, kind, title, mark_type, registration_number, jurisdiction, designations, registrant_id,
    nice_classes, filing_date, registration_date, expiry_date, notes, created_at, updated_at";

fn from_row(r: &Row) -> Result<IpRight> {
    Ok(IpRight {
        id: r.id(0)?,
        draft: RightDraft {
            kind: r.enumeration(1)?,
            title: r.get(2)?,
            mark_type: r.opt_enumeration(3)?,
            registration_number: r.get(4)?,
            jurisdiction: r.get(5)?,
            designations: r.json(6)?,
            registrant_id: r.id(7)?,
            nice_classes: r.json(8)?,
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
    let sql = db.sql();
    sql.query(
        &format!(
            "SELECT {COLUMNS} FROM ip_rights ORDER BY {}",
            sql.pick(
                "title COLLATE NOCASE, jurisdiction",
                "lower(title), title, jurisdiction"
            )
        ),
        &[],
        from_row,
    )
}

pub fn for_registrant(db: &impl Db, holder: Id) -> Result<Vec<IpRight>> {
    let sql = db.sql();
    sql.query(
        &format!(
            "SELECT {COLUMNS} FROM ip_rights WHERE registrant_id = $1 ORDER BY {}",
            sql.pick("title COLLATE NOCASE", "lower(title), title")
        ),
        &[&AsId(holder)],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<IpRight> {
    db.sql()
        .query_opt(
            &format!("SELECT {COLUMNS} FROM ip_rights WHERE id = $1"),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("IP right", id))
}

/// The right already registered under this (normalized) number in this jurisdiction.
pub fn find_by_number(db: &impl Db, jurisdiction: &str, number: &str) -> Result<Option<IpRight>> {
    db.sql().query_opt(
        &format!(
            "SELECT {COLUMNS} FROM ip_rights WHERE jurisdiction = $1 AND registration_number = $2"
        ),
        &[&jurisdiction, &number],
        from_row,
    )
}

fn write(tx: &Tx, r: &IpRight, sql: &str) -> Result<()> {
    let d = &r.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(r.id),
                &enum_text(&d.kind),
                &d.title,
                &d.mark_type.as_ref().map(enum_text),
                &d.registration_number,
                &d.jurisdiction,
                &AsJson::of(&d.designations),
                &AsId(d.registrant_id),
                &AsJson::of(&d.nice_classes),
                &d.filing_date,
                &d.registration_date,
                &d.expiry_date,
                &d.notes,
                &r.created_at,
                &r.updated_at,
            ],
        )
        .map_err(|e| {
            StoreError::from_write(
                e,
                "IP right with this registration number in this jurisdiction",
            )
        })?;
    Ok(())
}

pub fn insert(tx: &Tx, r: &IpRight) -> Result<()> {
    write(
        tx,
        r,
        "INSERT INTO ip_rights (id, kind, title, mark_type, registration_number, jurisdiction, designations, registrant_id,
            nice_classes, filing_date, registration_date, expiry_date, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )?;
    audit::record(tx, "create", "right", r.id, None, Some(r))
}

pub fn update(tx: &Tx, r: &IpRight) -> Result<()> {
    let before = get(tx, r.id)?;
    write(
        tx,
        r,
        "UPDATE ip_rights SET kind = $2, title = $3, mark_type = $4,
            registration_number = $5, jurisdiction = $6, designations = $7,
            registrant_id = $8, nice_classes = $9, filing_date = $10,
            registration_date = $11, expiry_date = $12, notes = $13,
            created_at = $14, updated_at = $15 WHERE id = $1",
    )?;
    audit::record(tx, "update", "right", r.id, Some(&before), Some(r))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM ip_rights WHERE id = $1", &[&AsId(id)])
        .map_err(|e| StoreError::from_write(e, "IP right"))?;
    audit::record(tx, "delete", "right", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::holders;
    use crate::testing::{each_store, holder, right};
    use ippdesk_domain::{MarkType, RightKind};

    #[test]
    fn round_trip_and_unique_number_per_jurisdiction() {
        each_store(|mut s| {
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
        });
    }

    #[test]
    fn unregistered_works_share_an_empty_number() {
        each_store(|mut s| {
            let h = holder("H");
            let mut works = Vec::new();
            for title in ["b manual", "A catalogue"] {
                let mut w = right(h.id, "");
                w.draft.kind = RightKind::Copyright;
                w.draft.mark_type = None;
                w.draft.title = title.into();
                w.draft.nice_classes = vec![];
                w.draft.designations = vec!["CN".into(), "HK".into()];
                w.draft.filing_date = None;
                works.push(w);
            }
            s.write(|tx| {
                holders::insert(tx, &h)?;
                works.iter().try_for_each(|w| insert(tx, w))
            })
            .unwrap();
            // Listed by title whatever its case.
            assert_eq!(list(&s).unwrap(), [works[1].clone(), works[0].clone()]);
            assert_eq!(
                for_registrant(&s, h.id).unwrap(),
                [works[1].clone(), works[0].clone()]
            );

            let mut w = works[0].clone();
            w.draft.mark_type = Some(MarkType::Word);
            w.draft.nice_classes = vec![41];
            w.draft.expiry_date = None;
            s.write(|tx| update(tx, &w)).unwrap();
            assert_eq!(get(&s, w.id).unwrap(), w);
            assert!(matches!(
                s.write(|tx| holders::delete(tx, h.id)),
                Err(StoreError::InUse(_))
            ));
        });
    }
}
