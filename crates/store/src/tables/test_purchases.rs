//! Test purchases: order, what arrived, and the appraisal.

use ippdesk_domain::{Id, TestPurchase, TestPurchaseDraft};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{not_found, parse_id, parse_opt_id, query_all, query_one};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str =
    "SELECT id, complaint_id, listing_id, seller_id, order_number, ordered_on, price, what_arrived,
    appraisal_result, notes, created_at, updated_at FROM test_purchases";

fn from_row(r: &Row) -> rusqlite::Result<TestPurchase> {
    Ok(TestPurchase {
        id: parse_id(r.get(0)?)?,
        draft: TestPurchaseDraft {
            complaint_id: parse_opt_id(r.get(1)?)?,
            listing_id: parse_opt_id(r.get(2)?)?,
            seller_id: parse_opt_id(r.get(3)?)?,
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
    query_one(
        db.sql().lite()?,
        &format!("{SELECT} WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("test purchase", id))
}

pub fn for_complaint(db: &impl Db, complaint: Id) -> Result<Vec<TestPurchase>> {
    query_all(
        db.sql().lite()?,
        &format!("{SELECT} WHERE complaint_id = ?1 ORDER BY ordered_on, created_at"),
        [complaint.to_string()],
        from_row,
    )
}

fn write(tx: &Tx, t: &TestPurchase, sql: &str) -> Result<()> {
    let d = &t.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": t.id.to_string(), ":complaint_id": d.complaint_id.map(|x| x.to_string()),
                ":listing_id": d.listing_id.map(|x| x.to_string()), ":seller_id": d.seller_id.map(|x| x.to_string()),
                ":order_number": d.order_number, ":ordered_on": d.ordered_on, ":price": d.price,
                ":what_arrived": d.what_arrived, ":appraisal_result": d.appraisal_result, ":notes": d.notes,
                ":created_at": t.created_at, ":updated_at": t.updated_at,
            },
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
         VALUES (:id, :complaint_id, :listing_id, :seller_id, :order_number, :ordered_on, :price, :what_arrived,
            :appraisal_result, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "test_purchase", t.id, None, Some(t))
}

pub fn update(tx: &Tx, t: &TestPurchase) -> Result<()> {
    let before = get(tx, t.id)?;
    write(
        tx,
        t,
        "UPDATE test_purchases SET complaint_id = :complaint_id, listing_id = :listing_id, seller_id = :seller_id,
            order_number = :order_number, ordered_on = :ordered_on, price = :price, what_arrived = :what_arrived,
            appraisal_result = :appraisal_result, notes = :notes, created_at = :created_at, updated_at = :updated_at
         WHERE id = :id",
    )?;
    audit::record(tx, "update", "test_purchase", t.id, Some(&before), Some(t))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute("DELETE FROM test_purchases WHERE id = ?1", [id.to_string()])?;
    audit::record(tx, "delete", "test_purchase", id, Some(&before), None)
}
