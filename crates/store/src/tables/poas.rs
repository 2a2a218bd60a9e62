use ippdesk_domain::{Id, PoaDraft, PowerOfAttorney};

use super::audit;
use crate::codec::not_found;
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str = "id, holder_id, agent_id, scope, valid_from, valid_until, signatory_title, notes, created_at, updated_at";

fn from_row(r: &Row) -> Result<PowerOfAttorney> {
    Ok(PowerOfAttorney {
        id: r.id(0)?,
        draft: PoaDraft {
            holder_id: r.id(1)?,
            agent_id: r.id(2)?,
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
    db.sql().query(
        &format!("SELECT {COLUMNS} FROM powers_of_attorney ORDER BY valid_from DESC"),
        &[],
        from_row,
    )
}

pub fn for_holder(db: &impl Db, holder: Id) -> Result<Vec<PowerOfAttorney>> {
    db.sql().query(
        &format!(
            "SELECT {COLUMNS} FROM powers_of_attorney WHERE holder_id = $1 ORDER BY valid_from DESC"
        ),
        &[&AsId(holder)],
        from_row,
    )
}

pub fn find(db: &impl Db, id: Id) -> Result<Option<PowerOfAttorney>> {
    db.sql().query_opt(
        &format!("SELECT {COLUMNS} FROM powers_of_attorney WHERE id = $1"),
        &[&AsId(id)],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<PowerOfAttorney> {
    find(db, id)?.ok_or_else(|| not_found("power of attorney", id))
}

fn write(tx: &Tx, p: &PowerOfAttorney, sql: &str) -> Result<()> {
    let d = &p.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(p.id),
                &AsId(d.holder_id),
                &AsId(d.agent_id),
                &d.scope,
                &d.valid_from,
                &d.valid_until,
                &d.signatory_title,
                &d.notes,
                &p.created_at,
                &p.updated_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "power of attorney (holder or agent missing)"))?;
    Ok(())
}

pub fn insert(tx: &Tx, p: &PowerOfAttorney) -> Result<()> {
    write(
        tx,
        p,
        "INSERT INTO powers_of_attorney (id, holder_id, agent_id, scope, valid_from, valid_until, signatory_title, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )?;
    audit::record(tx, "create", "poa", p.id, None, Some(p))
}

pub fn update(tx: &Tx, p: &PowerOfAttorney) -> Result<()> {
    let before = get(tx, p.id)?;
    write(
        tx,
        p,
        "UPDATE powers_of_attorney SET holder_id = $2, agent_id = $3, scope = $4,
            valid_from = $5, valid_until = $6, signatory_title = $7,
            notes = $8, created_at = $9, updated_at = $10 WHERE id = $1",
    )?;
    audit::record(tx, "update", "poa", p.id, Some(&before), Some(p))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM powers_of_attorney WHERE id = $1", &[&AsId(id)])
        .map_err(|e| StoreError::from_write(e, "power of attorney (an account files under it)"))?;
    audit::record(tx, "delete", "poa", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{accounts, agents, holders};
    use crate::testing::{account, agent, each_store, holder, poa};

    #[test]
    fn poa_needs_its_holder_and_agent() {
        each_store(|mut s| {
            let (h, a) = (holder("H"), agent());
            let p = poa(h.id, a.id);
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
            assert!(matches!(
                s.write(|tx| agents::delete(tx, a.id)),
                Err(StoreError::InUse(_))
            ));
            s.write(|tx| delete(tx, p.id)).unwrap();
            assert!(list(&s).unwrap().is_empty());
        });
    }

    #[test]
    fn update_list_newest_first_and_in_use_by_an_account() {
        each_store(|mut s| {
            let (h, a) = (holder("H"), agent());
            let mut old = poa(h.id, a.id);
            old.draft.valid_from = "2024-03-01".parse().unwrap();
            old.draft.valid_until = None;
            let new = poa(h.id, a.id);
            let mut acc = account(h.id);
            acc.draft.agent_id = Some(a.id);
            acc.draft.poa_id = Some(new.id);
            s.write(|tx| {
                holders::insert(tx, &h)?;
                agents::insert(tx, &a)?;
                insert(tx, &old)?;
                insert(tx, &new)?;
                accounts::insert(tx, &acc)
            })
            .unwrap();
            assert_eq!(list(&s).unwrap(), [new.clone(), old.clone()]);
            assert_eq!(get(&s, old.id).unwrap().draft.valid_until, None);

            old.draft.scope = "IPP and Taobao".into();
            old.draft.valid_until = "2025-03-01".parse().ok();
            s.write(|tx| update(tx, &old)).unwrap();
            assert_eq!(get(&s, old.id).unwrap(), old);

            assert!(matches!(
                s.write(|tx| delete(tx, new.id)),
                Err(StoreError::InUse(_))
            ));
            assert!(find(&s, new.id).unwrap().is_some());
            let trail: Vec<_> = audit::for_entity(&s, old.id)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(trail, ["create", "update"]);
        });
    }
}
