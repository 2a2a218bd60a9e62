use ippdesk_domain::{Id, PoaDraft, PowerOfAttorney};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{not_found, parse_id, query_all, query_one};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str = "SELECT id, holder_id, agent_id, scope, valid_from, valid_until, signatory_title, notes, created_at, updated_at FROM powers_of_attorney";

fn from_row(r: &Row) -> rusqlite::Result<PowerOfAttorney> {
    Ok(PowerOfAttorney {
        id: parse_id(r.get(0)?)?,
        draft: PoaDraft {
            holder_id: parse_id(r.get(1)?)?,
            agent_id: parse_id(r.get(2)?)?,
            scope: r.get(3)?,
            valid_from: r.get(4)?,
            valid_until: r.get(5)?,
            signatory_title: r.get(6)?,
            notes: r.get(7)?,
        },
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub fn list(db: &impl Db) -> Result<Vec<PowerOfAttorney>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} ORDER BY valid_from DESC"),
        [],
        from_row,
    )
}

pub fn for_holder(db: &impl Db, holder: Id) -> Result<Vec<PowerOfAttorney>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE holder_id = ?1 ORDER BY valid_from DESC"),
        [holder.to_string()],
        from_row,
    )
}

pub fn find(db: &impl Db, id: Id) -> Result<Option<PowerOfAttorney>> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<PowerOfAttorney> {
    find(db, id)?.ok_or_else(|| not_found("power of attorney", id))
}

fn write(tx: &Tx, p: &PowerOfAttorney, sql: &str) -> Result<()> {
    let d = &p.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": p.id.to_string(), ":holder_id": d.holder_id.to_string(), ":agent_id": d.agent_id.to_string(),
                ":scope": d.scope, ":valid_from": d.valid_from, ":valid_until": d.valid_until,
                ":signatory_title": d.signatory_title, ":notes": d.notes,
                ":created_at": p.created_at, ":updated_at": p.updated_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "power of attorney (holder or agent missing)"))?;
    Ok(())
}

pub fn insert(tx: &Tx, p: &PowerOfAttorney) -> Result<()> {
    write(
        tx,
        p,
        "INSERT INTO powers_of_attorney (id, holder_id, agent_id, scope, valid_from, valid_until, signatory_title, notes, created_at, updated_at)
         VALUES (:id, :holder_id, :agent_id, :scope, :valid_from, :valid_until, :signatory_title, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "poa", p.id, None, Some(p))
}

pub fn update(tx: &Tx, p: &PowerOfAttorney) -> Result<()> {
    let before = get(tx, p.id)?;
    write(
        tx,
        p,
        "UPDATE powers_of_attorney SET holder_id = :holder_id, agent_id = :agent_id, scope = :scope,
            valid_from = :valid_from, valid_until = :valid_until, signatory_title = :signatory_title,
            notes = :notes, created_at = :created_at, updated_at = :updated_at WHERE id = :id",
    )?;
    audit::record(tx, "update", "poa", p.id, Some(&before), Some(p))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute(
            "DELETE FROM powers_of_attorney WHERE id = ?1",
            [id.to_string()],
        )
        .map_err(|e| StoreError::from_write(e, "power of attorney (an account files under it)"))?;
    audit::record(tx, "delete", "poa", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{agents, holders};
    use crate::testing::{agent, holder, temp_store};

    #[test]
    fn poa_needs_its_holder_and_agent() {
        let (_d, mut s) = temp_store();
        let (h, a) = (holder("H"), agent());
        let p = PowerOfAttorney {
            id: ippdesk_domain::new_id(),
            draft: PoaDraft {
                holder_id: h.id,
                agent_id: a.id,
                scope: "IPP".into(),
                valid_from: "2026-01-01".parse().unwrap(),
                valid_until: "2027-01-01".parse().ok(),
                signatory_title: "CEO".into(),
                notes: String::new(),
            },
            created_at: ippdesk_domain::now(),
            updated_at: ippdesk_domain::now(),
        };
        assert!(matches!(
            s.write(|tx| insert(tx, &p)),
            Err(StoreError::InUse(_))
        ));
        s.write(|tx| {
            holders::insert(tx, &h)?;
            agents::insert(tx, &a)?;
            insert(tx, &p)
        })
        .unwrap();
        assert_eq!(for_holder(&s, h.id).unwrap(), std::slice::from_ref(&p));
        assert!(matches!(
            s.write(|tx| holders::delete(tx, h.id)),
            Err(StoreError::InUse(_))
        ));
        s.write(|tx| delete(tx, p.id)).unwrap();
        assert!(list(&s).unwrap().is_empty());
    }
}
