use ippdesk_domain::{Account, AccountDraft, Id};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{
    enum_text, not_found, parse_enum, parse_id, parse_opt_id, query_all, query_one,
};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str =
    "SELECT id, holder_id, programme, role, location, login_email, contact_email, external_id,
    agent_id, poa_id, status, notes, created_at, updated_at FROM accounts";

fn from_row(r: &Row) -> rusqlite::Result<Account> {
    Ok(Account {
        id: parse_id(r.get(0)?)?,
        draft: AccountDraft {
            holder_id: parse_id(r.get(1)?)?,
            programme: parse_enum(r.get(2)?)?,
            role: parse_enum(r.get(3)?)?,
            location: parse_enum(r.get(4)?)?,
            login_email: r.get(5)?,
            contact_email: r.get(6)?,
            external_id: r.get(7)?,
            agent_id: parse_opt_id(r.get(8)?)?,
            poa_id: parse_opt_id(r.get(9)?)?,
            notes: r.get(11)?,
        },
        status: parse_enum(r.get(10)?)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub fn list(db: &impl Db) -> Result<Vec<Account>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} ORDER BY created_at"),
        [],
        from_row,
    )
}

pub fn for_holder(db: &impl Db, holder: Id) -> Result<Vec<Account>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE holder_id = ?1 ORDER BY created_at"),
        [holder.to_string()],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Account> {
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("programme account", id))
}

fn write(tx: &Tx, a: &Account, sql: &str) -> Result<()> {
    let d = &a.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": a.id.to_string(), ":holder_id": d.holder_id.to_string(), ":programme": enum_text(&d.programme),
                ":role": enum_text(&d.role), ":location": enum_text(&d.location), ":login_email": d.login_email,
                ":contact_email": d.contact_email, ":external_id": d.external_id,
                ":agent_id": d.agent_id.map(|i| i.to_string()), ":poa_id": d.poa_id.map(|i| i.to_string()),
                ":status": enum_text(&a.status), ":notes": d.notes, ":created_at": a.created_at, ":updated_at": a.updated_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "programme account (holder, agent or POA missing)"))?;
    Ok(())
}

pub fn insert(tx: &Tx, a: &Account) -> Result<()> {
    write(
        tx,
        a,
        "INSERT INTO accounts (id, holder_id, programme, role, location, login_email, contact_email, external_id,
            agent_id, poa_id, status, notes, created_at, updated_at)
         VALUES (:id, :holder_id, :programme, :role, :location, :login_email, :contact_email, :external_id,
            :agent_id, :poa_id, :status, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "account", a.id, None, Some(a))
}

pub fn update(tx: &Tx, a: &Account) -> Result<()> {
    let before = get(tx, a.id)?;
    write(
        tx,
        a,
        "UPDATE accounts SET holder_id = :holder_id, programme = :programme, role = :role, location = :location,
            login_email = :login_email, contact_email = :contact_email, external_id = :external_id,
            agent_id = :agent_id, poa_id = :poa_id, status = :status, notes = :notes,
            created_at = :created_at, updated_at = :updated_at WHERE id = :id",
    )?;
    audit::record(tx, "update", "account", a.id, Some(&before), Some(a))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute("DELETE FROM accounts WHERE id = ?1", [id.to_string()])
        .map_err(|e| StoreError::from_write(e, "programme account"))?;
    audit::record(tx, "delete", "account", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::holders;
    use crate::testing::{holder, temp_store};
    use ippdesk_domain::*;

    #[test]
    fn round_trip_with_enums_and_optional_ids() {
        let (_d, mut s) = temp_store();
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
        s.write(|tx| delete(tx, a.id)).unwrap();
        assert!(list(&s).unwrap().is_empty());
    }
}
