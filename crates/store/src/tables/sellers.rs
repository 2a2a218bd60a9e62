//! Sellers (stores) and seller groups (one operator, several stores).

use ippdesk_domain::{Id, Seller, SellerDraft};
use rusqlite::{named_params, Row};
use serde::{Deserialize, Serialize};

use super::audit;
use crate::codec::{
    enum_text, json_text, not_found, parse_enum, parse_id, parse_json, parse_opt_id, query_all,
    query_one,
};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str = "s.id, s.platform, s.store_name, s.store_name_translation, s.store_id, s.store_url,
    s.company_name, s.location, s.phone, s.address, s.wechat_id, s.years_in_business, s.employee_count,
    s.office_size_m2, s.factory_size_m2, s.badges, s.rating, s.group_id, s.notes, s.created_at, s.updated_at";
fn select() -> String {
    format!("SELECT {COLUMNS} FROM sellers s")
}

fn from_row(r: &Row) -> rusqlite::Result<Seller> {
    Ok(Seller {
        id: parse_id(r.get(0)?)?,
        draft: SellerDraft {
            platform: parse_enum(r.get(1)?)?,
            store_name: r.get(2)?,
            store_name_translation: r.get(3)?,
            store_id: r.get(4)?,
            store_url: r.get(5)?,
            company_name: r.get(6)?,
            location: r.get(7)?,
            phone: r.get(8)?,
            address: r.get(9)?,
            wechat_id: r.get(10)?,
            years_in_business: r.get(11)?,
            employee_count: r.get(12)?,
            office_size_m2: r.get(13)?,
            factory_size_m2: r.get(14)?,
            badges: parse_json(r.get(15)?)?,
            rating: r.get(16)?,
            group_id: parse_opt_id(r.get(17)?)?,
            notes: r.get(18)?,
        },
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

/// A seller with how often it appears against us.
#[derive(Debug, Clone, PartialEq)]
pub struct SellerStats {
    pub seller: Seller,
    pub listings: u32,
    pub complaints: u32,
}

const STATS: &str = "(SELECT COUNT(*) FROM listings l WHERE l.seller_id = s.id),
    (SELECT COUNT(DISTINCT cl.complaint_id) FROM listings l JOIN complaint_listings cl ON cl.listing_id = l.id
     WHERE l.seller_id = s.id)";

fn stats_row(r: &Row) -> rusqlite::Result<SellerStats> {
    Ok(SellerStats {
        seller: from_row(r)?,
        listings: r.get(21)?,
        complaints: r.get(22)?,
    })
}

fn select_stats() -> String {
    format!("SELECT {COLUMNS}, {STATS} FROM sellers s")
}

pub fn list(db: &impl Db) -> Result<Vec<SellerStats>> {
    query_all(
        db.sql().lite()?,
        &format!("{} ORDER BY s.platform, s.store_name", select_stats()),
        [],
        stats_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Seller> {
    query_one(
        db.sql().lite()?,
        &format!("{} WHERE s.id = ?1", select()),
        [id.to_string()],
        from_row,
    )?
    .ok_or_else(|| not_found("seller", id))
}

pub fn stats(db: &impl Db, id: Id) -> Result<SellerStats> {
    query_one(
        db.sql().lite()?,
        &format!("{} WHERE s.id = ?1", select_stats()),
        [id.to_string()],
        stats_row,
    )?
    .ok_or_else(|| not_found("seller", id))
}

/// The seller of this platform whose store URL or name matches, for linking
/// imported listings to a known store.
pub fn find_by_store(
    db: &impl Db,
    platform: &str,
    store_url: &str,
    store_name: &str,
) -> Result<Option<Seller>> {
    query_one(
        db.sql().lite()?,
        &format!(
            "{} WHERE s.platform = ?1 AND ((?2 <> '' AND s.store_url = ?2) OR (?3 <> '' AND s.store_name = ?3))
             ORDER BY s.created_at LIMIT 1",
            select()
        ),
        [platform, store_url, store_name],
        from_row,
    )
}

pub fn in_group(db: &impl Db, group: Id) -> Result<Vec<Seller>> {
    query_all(
        db.sql().lite()?,
        &format!(
            "{} WHERE s.group_id = ?1 ORDER BY s.platform, s.store_name",
            select()
        ),
        [group.to_string()],
        from_row,
    )
}

pub fn all(db: &impl Db) -> Result<Vec<Seller>> {
    query_all(
        db.sql().lite()?,
        &format!("{} ORDER BY s.created_at", select()),
        [],
        from_row,
    )
}

fn write(tx: &Tx, s: &Seller, sql: &str) -> Result<()> {
    let d = &s.draft;
    tx.sql().lite()?
        .execute(
            sql,
            named_params! {
                ":id": s.id.to_string(), ":platform": enum_text(&d.platform), ":store_name": d.store_name,
                ":store_name_translation": d.store_name_translation, ":store_id": d.store_id, ":store_url": d.store_url,
                ":company_name": d.company_name, ":location": d.location, ":phone": d.phone, ":address": d.address,
                ":wechat_id": d.wechat_id, ":years_in_business": d.years_in_business, ":employee_count": d.employee_count,
                ":office_size_m2": d.office_size_m2, ":factory_size_m2": d.factory_size_m2, ":badges": json_text(&d.badges),
                ":rating": d.rating, ":group_id": d.group_id.map(|g| g.to_string()), ":notes": d.notes,
                ":created_at": s.created_at, ":updated_at": s.updated_at,
            },
        )
        .map_err(|e| StoreError::from_write(e, "seller"))?;
    Ok(())
}

pub fn insert(tx: &Tx, s: &Seller) -> Result<()> {
    write(
        tx,
        s,
        "INSERT INTO sellers (id, platform, store_name, store_name_translation, store_id, store_url, company_name,
            location, phone, address, wechat_id, years_in_business, employee_count, office_size_m2, factory_size_m2,
            badges, rating, group_id, notes, created_at, updated_at)
         VALUES (:id, :platform, :store_name, :store_name_translation, :store_id, :store_url, :company_name,
            :location, :phone, :address, :wechat_id, :years_in_business, :employee_count, :office_size_m2,
            :factory_size_m2, :badges, :rating, :group_id, :notes, :created_at, :updated_at)",
    )?;
    audit::record(tx, "create", "seller", s.id, None, Some(s))
}

pub fn update(tx: &Tx, s: &Seller) -> Result<()> {
    let before = get(tx, s.id)?;
    write(
        tx,
        s,
        "UPDATE sellers SET platform = :platform, store_name = :store_name,
            store_name_translation = :store_name_translation, store_id = :store_id, store_url = :store_url,
            company_name = :company_name, location = :location, phone = :phone, address = :address,
            wechat_id = :wechat_id, years_in_business = :years_in_business, employee_count = :employee_count,
            office_size_m2 = :office_size_m2, factory_size_m2 = :factory_size_m2, badges = :badges, rating = :rating,
            group_id = :group_id, notes = :notes, created_at = :created_at, updated_at = :updated_at
         WHERE id = :id",
    )?;
    audit::record(tx, "update", "seller", s.id, Some(&before), Some(s))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .lite()?
        .execute("DELETE FROM sellers WHERE id = ?1", [id.to_string()])
        .map_err(|e| StoreError::from_write(e, "seller"))?;
    audit::record(tx, "delete", "seller", id, Some(&before), None)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerGroup {
    pub id: Id,
    pub name: String,
    pub notes: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

pub fn insert_group(tx: &Tx, g: &SellerGroup) -> Result<()> {
    tx.sql().lite()?.execute(
        "INSERT INTO seller_groups (id, name, notes, created_at) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![g.id.to_string(), g.name, g.notes, g.created_at],
    )?;
    audit::record(tx, "create", "seller_group", g.id, None, Some(g))
}

pub fn get_group(db: &impl Db, id: Id) -> Result<SellerGroup> {
    query_one(
        db.sql().lite()?,
        "SELECT id, name, notes, created_at FROM seller_groups WHERE id = ?1",
        [id.to_string()],
        |r| {
            Ok(SellerGroup {
                id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                notes: r.get(2)?,
                created_at: r.get(3)?,
            })
        },
    )?
    .ok_or_else(|| not_found("seller group", id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{seller, temp_store};

    use ippdesk_domain::{new_id, Platform};

    #[test]
    fn round_trip_groups_and_lookup() {
        let (_d, mut s) = temp_store();
        let mut a = seller(Platform::Alibaba1688, "深圳极光仿品厂");
        a.draft.store_url = "https://jiguang.1688.com".into();
        a.draft.badges = vec!["delivery_guarantee".into()];
        a.draft.rating = Some(4.5);
        let b = seller(Platform::AliExpress, "Aurora Outlet");
        let g = SellerGroup {
            id: new_id(),
            name: "Jiguang operator".into(),
            notes: String::new(),
            created_at: ippdesk_domain::now(),
        };
        s.write(|tx| {
            insert(tx, &a)?;
            insert(tx, &b)?;
            insert_group(tx, &g)
        })
        .unwrap();
        assert_eq!(get(&s, a.id).unwrap(), a);
        let mut a2 = a.clone();
        a2.draft.group_id = Some(g.id);
        let mut b2 = b.clone();
        b2.draft.group_id = Some(g.id);
        s.write(|tx| {
            update(tx, &a2)?;
            update(tx, &b2)
        })
        .unwrap();
        assert_eq!(in_group(&s, g.id).unwrap().len(), 2);
        assert_eq!(get_group(&s, g.id).unwrap().name, "Jiguang operator");
        let found = find_by_store(&s, "1688", "https://jiguang.1688.com", "").unwrap();
        assert_eq!(found.map(|x| x.id), Some(a.id));
        assert!(find_by_store(&s, "taobao", "https://jiguang.1688.com", "")
            .unwrap()
            .is_none());
        let listed = list(&s).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!((listed[0].listings, listed[0].complaints), (0, 0));
        s.write(|tx| delete(tx, b.id)).unwrap();
        assert!(matches!(get(&s, b.id), Err(StoreError::NotFound(_))));
    }
}
