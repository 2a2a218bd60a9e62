use ippdesk_domain::{Id, StatusChange};

use super::audit;
use crate::codec::enum_text;
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> Result<StatusChange> {
    Ok(StatusChange {
        id: r.id(0)?,
        account_id: r.id(1)?,
        from: r.enumeration(2)?,
        to: r.enumeration(3)?,
        on: r.get(4)?,
        note: r.get(5)?,
        recorded_at: r.get(6)?,
    })
}

pub fn for_account(db: &impl Db, account: Id) -> Result<Vec<StatusChange>> {
    db.sql().query(
        "SELECT id, account_id, from_status, to_status, on_date, note, recorded_at
         FROM account_status_changes WHERE account_id = $1 ORDER BY recorded_at, id",
        &[&AsId(account)],
        from_row,
    )
}

pub fn insert(tx: &Tx, c: &StatusChange) -> Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO account_status_changes (id, account_id, from_status, to_status, on_date, note, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &AsId(c.id),
                &AsId(c.account_id),
                &enum_text(&c.from),
                &enum_text(&c.to),
                &c.on,
                &c.note,
                &c.recorded_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "status change (account missing)"))?;
    audit::record(tx, "create", "account_status", c.account_id, None, Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{accounts, holders};
    use crate::testing::{account, each_store, holder};
    use ippdesk_domain::{new_id, now, AccountStatus};

    fn change(account: Id, from: AccountStatus, to: AccountStatus, on: &str) -> StatusChange {
        StatusChange {
            id: new_id(),
            account_id: account,
            from,
            to,
            on: on.parse().unwrap(),
            note: "邮件通知".into(),
            recorded_at: now(),
        }
    }

    #[test]
    fn an_accounts_changes_in_the_order_recorded_and_gone_with_it() {
        each_store(|mut s| {
            let h = holder("H");
            let a = account(h.id);
            let first = change(
                a.id,
                AccountStatus::NotStarted,
                AccountStatus::Submitted,
                "2026-02-01",
            );
            assert!(matches!(
                s.write(|tx| insert(tx, &first)),
                Err(StoreError::InUse(_))
            ));
            s.write(|tx| {
                holders::insert(tx, &h)?;
                accounts::insert(tx, &a)?;
                insert(tx, &first)
            })
            .unwrap();
            let second = change(
                a.id,
                AccountStatus::Submitted,
                AccountStatus::Verified,
                "2026-01-15",
            );
            s.write(|tx| insert(tx, &second)).unwrap();
            assert_eq!(for_account(&s, a.id).unwrap(), [first, second]);
            assert!(for_account(&s, new_id()).unwrap().is_empty());
            let trail: Vec<_> = audit::for_entity(&s, a.id)
                .unwrap()
                .into_iter()
                .map(|e| e.entity)
                .collect();
            assert_eq!(trail, ["account", "account_status", "account_status"]);

            // The changes go with their account (ON DELETE CASCADE).
            s.write(|tx| accounts::delete(tx, a.id)).unwrap();
            assert!(for_account(&s, a.id).unwrap().is_empty());
        });
    }
}
