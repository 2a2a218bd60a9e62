//! Test purchases: order, what arrived, and the appraisal.

use ippdesk_domain::{Id, TestPurchase, TestPurchaseDraft};

use super::audit;
use crate::codec::not_found;
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str =
    "SELECT id, complaint_id, listing_id, seller_id, order_number, ordered_on, price, what_arrived,
    appraisal_result, notes, created_at, updated_at FROM test_purchases";

fn from_row(r: &Row) -> Result<TestPurchase> {
    Ok(TestPurchase {
        id: r.id(0)?,
        draft: TestPurchaseDraft {
            complaint_id: r.opt_id(1)?,
            listing_id: r.opt_id(2)?,
            seller_id: r.opt_id(3)?,
            order_number: r.get(4)?,
            ordered_on: r.get(5)?,
            price: r.get(6)?,
            what_arrived: r.get(7)?,
            appraisal_result: r.get(8)?,
            notes: r.get(9)?,
        },
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<TestPurchase> {
    db.sql()
        .query_opt(&format!("{SELECT} WHERE id = $1"), &[&AsId(id)], from_row)?
        .ok_or_else(|| not_found("test purchase", id))
}

pub fn for_complaint(db: &impl Db, complaint: Id) -> Result<Vec<TestPurchase>> {
    let sql = db.sql();
    // SQLite sorts a missing order day first; PostgreSQL is told to.
    sql.query(
        &format!(
            "{SELECT} WHERE complaint_id = $1 ORDER BY {}, created_at",
            sql.pick("ordered_on", "ordered_on NULLS FIRST")
        ),
        &[&AsId(complaint)],
        from_row,
    )
}

fn write(tx: &Tx, t: &TestPurchase, sql: &str) -> Result<()> {
    let d = &t.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(t.id),
                &d.complaint_id.map(AsId),
                &d.listing_id.map(AsId),
                &d.seller_id.map(AsId),
                &d.order_number,
                &d.ordered_on,
                &d.price,
                &d.what_arrived,
                &d.appraisal_result,
                &d.notes,
                &t.created_at,
                &t.updated_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "test purchase"))?;
    Ok(())
}

pub fn insert(tx: &Tx, t: &TestPurchase) -> Result<()> {
    write(
        tx,
        t,
        "INSERT INTO test_purchases (id, complaint_id, listing_id, seller_id, order_number, ordered_on, price,
            what_arrived, appraisal_result, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )?;
    audit::record(tx, "create", "test_purchase", t.id, None, Some(t))
}

pub fn update(tx: &Tx, t: &TestPurchase) -> Result<()> {
    let before = get(tx, t.id)?;
    write(
        tx,
        t,
        "UPDATE test_purchases SET complaint_id = $2, listing_id = $3, seller_id = $4,
            order_number = $5, ordered_on = $6, price = $7, what_arrived = $8,
            appraisal_result = $9, notes = $10, created_at = $11, updated_at = $12
         WHERE id = $1",
    )?;
    audit::record(tx, "update", "test_purchase", t.id, Some(&before), Some(t))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM test_purchases WHERE id = $1", &[&AsId(id)])?;
    audit::record(tx, "delete", "test_purchase", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::complaints;
    use crate::tables::complaints::tests::world;
    use crate::testing::{complaint, each_store};
    use ippdesk_domain::Platform;

    fn purchase(complaint: Option<Id>, order: &str, on: Option<&str>) -> TestPurchase {
        TestPurchase {
            id: ippdesk_domain::new_id(),
            draft: TestPurchaseDraft {
                complaint_id: complaint,
                listing_id: None,
                seller_id: None,
                order_number: order.into(),
                ordered_on: on.and_then(|d| d.parse().ok()),
                price: "¥199".into(),
                what_arrived: "仿冒耳机一副".into(),
                appraisal_result: String::new(),
                notes: String::new(),
            },
            created_at: ippdesk_domain::now(),
            updated_at: ippdesk_domain::now(),
        }
    }

    #[test]
    fn purchases_are_kept_per_complaint_in_order_and_outlive_it() {
        each_store(|s| {
            let mut w = world(s);
            let c = complaint(w.account, w.right, Platform::Taobao);
            let mut later = purchase(Some(c.id), "TB-2", Some("2026-02-01"));
            let earlier = purchase(Some(c.id), "TB-1", Some("2026-01-01"));
            let undated = purchase(Some(c.id), "TB-0", None);
            let elsewhere = purchase(None, "TB-9", None);
            w.store
                .write(|tx| {
                    complaints::insert(tx, &c)?;
                    [&later, &earlier, &undated, &elsewhere]
                        .into_iter()
                        .try_for_each(|t| insert(tx, t))
                })
                .unwrap();
            assert_eq!(get(&w.store, later.id).unwrap(), later);
            let ids = |s: &crate::Store| -> Vec<Id> {
                for_complaint(s, c.id)
                    .unwrap()
                    .iter()
                    .map(|t| t.id)
                    .collect()
            };
            assert_eq!(ids(&w.store), [undated.id, earlier.id, later.id]);

            later.draft.appraisal_result = "假冒".into();
            w.store.write(|tx| update(tx, &later)).unwrap();
            assert_eq!(get(&w.store, later.id).unwrap(), later);
            w.store.write(|tx| delete(tx, earlier.id)).unwrap();
            assert!(matches!(
                get(&w.store, earlier.id),
                Err(StoreError::NotFound(_))
            ));
            let err = w.store.write(|tx| insert(tx, &later)).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");

            // Deleting the complaint keeps the purchase, unlinked.
            w.store.write(|tx| complaints::delete(tx, c.id)).unwrap();
            assert_eq!(get(&w.store, later.id).unwrap().draft.complaint_id, None);
            assert!(ids(&w.store).is_empty());
            let trail: Vec<_> = audit::for_entity(&w.store, later.id)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(trail, ["create", "update"]);
        });
    }
}
