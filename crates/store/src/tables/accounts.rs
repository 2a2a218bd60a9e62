use ippdesk_domain::{Account, AccountDraft, Id};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str =
    "id, holder_id, programme, role, location, login_email, contact_email, external_id,
    agent_id, poa_id, status, notes, created_at, updated_at";

fn from_row(r: &Row) -> Result<Account> {
    Ok(Account {
        id: r.id(0)?,
        draft: AccountDraft {
            holder_id: r.id(1)?,
            programme: r.enumeration(2)?,
            role: r.enumeration(3)?,
            location: r.enumeration(4)?,
            login_email: r.get(5)?,
            contact_email: r.get(6)?,
            external_id: r.get(7)?,
            agent_id: r.opt_id(8)?,
            poa_id: r.opt_id(9)?,
            notes: r.get(11)?,
        },
        status: r.enumeration(10)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub fn list(db: &impl Db) -> Result<Vec<Account>> {
    db.sql().query(
        &format!("SELECT {COLUMNS} FROM accounts ORDER BY created_at"),
        &[],
        from_row,
    )
}

pub fn for_holder(db: &impl Db, holder: Id) -> Result<Vec<Account>> {
    db.sql().query(
        &format!("SELECT {COLUMNS} FROM accounts WHERE holder_id = $1 ORDER BY created_at"),
        &[&AsId(holder)],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Account> {
    db.sql()
        .query_opt(
            &format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("programme account", id))
}

fn write(tx: &Tx, a: &Account, sql: &str) -> Result<()> {
    let d = &a.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(a.id),
                &AsId(d.holder_id),
                &enum_text(&d.programme),
                &enum_text(&d.role),
                &enum_text(&d.location),
                &d.login_email,
                &d.contact_email,
                &d.external_id,
                &d.agent_id.map(AsId),
                &d.poa_id.map(AsId),
                &enum_text(&a.status),
                &d.notes,
                &a.created_at,
                &a.updated_at,
            ],
        )
        .map_err(|e| {
            StoreError::from_write(e, "programme account (holder, agent or POA missing)")
        })?;
    Ok(())
}

pub fn insert(tx: &Tx, a: &Account) -> Result<()> {
    write(
        tx,
        a,
        "INSERT INTO accounts (id, holder_id, programme, role, location, login_email, contact_email, external_id,
            agent_id, poa_id, status, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )?;
    audit::record(tx, "create", "account", a.id, None, Some(a))
}

pub fn update(tx: &Tx, a: &Account) -> Result<()> {
    let before = get(tx, a.id)?;
    write(
        tx,
        a,
        "UPDATE accounts SET holder_id = $2, programme = $3, role = $4, location = $5,
            login_email = $6, contact_email = $7, external_id = $8,
            agent_id = $9, poa_id = $10, status = $11, notes = $12,
            created_at = $13, updated_at = $14 WHERE id = $1",
    )?;
    audit::record(tx, "update", "account", a.id, Some(&before), Some(a))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM accounts WHERE id = $1", &[&AsId(id)])
        .map_err(|e| StoreError::from_write(e, "programme account"))?;
    audit::record(tx, "delete", "account", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{agents, holders};
    use crate::testing::{agent, each_store, holder};
    use ippdesk_domain::*;

    #[test]
    fn round_trip_with_enums_and_optional_ids() {
        each_store(|mut s| {
            let h = holder("H");
            let mut a = Account {
                id: new_id(),
                draft: AccountDraft {
                    holder_id: h.id,
                    programme: Programme::AlibabaIpp,
                    role: AccountRole::RightsHolder,
                    location: AccountLocation::MainlandChina,
                    login_email: "a@b.cn".into(),
                    contact_email: "c@b.cn".into(),
                    external_id: "IPP-001".into(),
                    agent_id: None,
                    poa_id: None,
                    notes: String::new(),
                },
                status: AccountStatus::NotStarted,
                created_at: ippdesk_domain::now(),
                updated_at: ippdesk_domain::now(),
            };
            s.write(|tx| {
                holders::insert(tx, &h)?;
                insert(tx, &a)
            })
            .unwrap();
            a.status = AccountStatus::Submitted;
            s.write(|tx| update(tx, &a)).unwrap();
            assert_eq!(for_holder(&s, h.id).unwrap(), [a.clone()]);
            assert_eq!(list(&s).unwrap().len(), 1);

            // An agent's account: the optional ids are written and read back.
            let ag = agent();
            let mut b = a.clone();
            b.id = new_id();
            b.draft.role = AccountRole::AuthorizedAgent;
            b.draft.agent_id = Some(ag.id);
            b.created_at = ippdesk_domain::now();
            assert!(matches!(
                s.write(|tx| insert(tx, &b)),
                Err(StoreError::InUse(_))
            ));
            s.write(|tx| {
                agents::insert(tx, &ag)?;
                insert(tx, &b)
            })
            .unwrap();
            assert_eq!(get(&s, b.id).unwrap(), b);
            assert_eq!(list(&s).unwrap(), [a.clone(), b.clone()]);
            assert!(for_holder(&s, new_id()).unwrap().is_empty());

            s.write(|tx| delete(tx, a.id)).unwrap();
            s.write(|tx| delete(tx, b.id)).unwrap();
            assert!(list(&s).unwrap().is_empty());
            assert!(matches!(get(&s, a.id), Err(StoreError::NotFound(_))));
        });
    }
}
