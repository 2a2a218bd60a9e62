//! Sellers (stores) and seller groups (one operator, several stores).

use ippdesk_domain::{Id, Seller, SellerDraft};
use serde::{Deserialize, Serialize};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, AsJson, Row};
use crate::{open::Db, Result, StoreError, Tx};

const COLUMNS: &str = "s.id, s.platform, s.store_name, s.store_name_translation, s.store_id, s.store_url,
    s.company_name, s.location, s.phone, s.address, s.wechat_id, s.years_in_business, s.employee_count,
    s.office_size_m2, s.factory_size_m2, s.badges, s.rating, s.group_id, s.notes, s.created_at, s.updated_at";
fn select() -> String {
    format!("SELECT {COLUMNS} FROM sellers s")
}

/// A count or size stored as an integer (bigint in PostgreSQL).
fn opt_u32(r: &Row, i: usize) -> Result<Option<u32>> {
    r.get::<Option<i64>>(i)?
        .map(|v| u32::try_from(v).map_err(|e| StoreError::Corrupt(format!("column {i}: {v}: {e}"))))
        .transpose()
}

fn count(r: &Row, i: usize) -> Result<u32> {
    let v: i64 = r.get(i)?;
    u32::try_from(v).map_err(|e| StoreError::Corrupt(format!("column {i}: {v}: {e}")))
}

fn from_row(r: &Row) -> Result<Seller> {
    Ok(Seller {
        id: r.id(0)?,
        draft: SellerDraft {
            platform: r.enumeration(1)?,
            store_name: r.get(2)?,
            store_name_translation: r.get(3)?,
            store_id: r.get(4)?,
            store_url: r.get(5)?,
            company_name: r.get(6)?,
            location: r.get(7)?,
            phone: r.get(8)?,
            address: r.get(9)?,
            wechat_id: r.get(10)?,
            years_in_business: opt_u32(r, 11)?,
            employee_count: opt_u32(r, 12)?,
            office_size_m2: opt_u32(r, 13)?,
            factory_size_m2: opt_u32(r, 14)?,
            badges: r.json(15)?,
            rating: r.get(16)?,
            group_id: r.opt_id(17)?,
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

fn stats_row(r: &Row) -> Result<SellerStats> {
    Ok(SellerStats {
        seller: from_row(r)?,
        listings: count(r, 21)?,
        complaints: count(r, 22)?,
    })
}

fn select_stats() -> String {
    format!("SELECT {COLUMNS}, {STATS} FROM sellers s")
}

pub fn list(db: &impl Db) -> Result<Vec<SellerStats>> {
    db.sql().query(
        &format!("{} ORDER BY s.platform, s.store_name", select_stats()),
        &[],
        stats_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Seller> {
    db.sql()
        .query_opt(
            &format!("{} WHERE s.id = $1", select()),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("seller", id))
}

pub fn stats(db: &impl Db, id: Id) -> Result<SellerStats> {
    db.sql()
        .query_opt(
            &format!("{} WHERE s.id = $1", select_stats()),
            &[&AsId(id)],
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
    db.sql().query_opt(
        &format!(
            "{} WHERE s.platform = $1 AND (($2 <> '' AND s.store_url = $2) OR ($3 <> '' AND s.store_name = $3))
             ORDER BY s.created_at LIMIT 1",
            select()
        ),
        &[&platform, &store_url, &store_name],
        from_row,
    )
}

pub fn in_group(db: &impl Db, group: Id) -> Result<Vec<Seller>> {
    db.sql().query(
        &format!(
            "{} WHERE s.group_id = $1 ORDER BY s.platform, s.store_name",
            select()
        ),
        &[&AsId(group)],
        from_row,
    )
}

pub fn all(db: &impl Db) -> Result<Vec<Seller>> {
    db.sql().query(
        &format!("{} ORDER BY s.created_at", select()),
        &[],
        from_row,
    )
}

fn write(tx: &Tx, s: &Seller, sql: &str) -> Result<()> {
    let d = &s.draft;
    let int = |v: Option<u32>| v.map(i64::from);
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(s.id),
                &enum_text(&d.platform),
                &d.store_name,
                &d.store_name_translation,
                &d.store_id,
                &d.store_url,
                &d.company_name,
                &d.location,
                &d.phone,
                &d.address,
                &d.wechat_id,
                &int(d.years_in_business),
                &int(d.employee_count),
                &int(d.office_size_m2),
                &int(d.factory_size_m2),
                &AsJson::of(&d.badges),
                &d.rating,
                &d.group_id.map(AsId),
                &d.notes,
                &s.created_at,
                &s.updated_at,
            ],
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
    )?;
    audit::record(tx, "create", "seller", s.id, None, Some(s))
}

pub fn update(tx: &Tx, s: &Seller) -> Result<()> {
    let before = get(tx, s.id)?;
    write(
        tx,
        s,
        "UPDATE sellers SET platform = $2, store_name = $3, store_name_translation = $4, store_id = $5,
            store_url = $6, company_name = $7, location = $8, phone = $9, address = $10, wechat_id = $11,
            years_in_business = $12, employee_count = $13, office_size_m2 = $14, factory_size_m2 = $15,
            badges = $16, rating = $17, group_id = $18, notes = $19, created_at = $20, updated_at = $21
         WHERE id = $1",
    )?;
    audit::record(tx, "update", "seller", s.id, Some(&before), Some(s))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM sellers WHERE id = $1", &[&AsId(id)])
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
    tx.sql().execute(
        "INSERT INTO seller_groups (id, name, notes, created_at) VALUES ($1, $2, $3, $4)",
        &[&AsId(g.id), &g.name, &g.notes, &g.created_at],
    )?;
    audit::record(tx, "create", "seller_group", g.id, None, Some(g))
}

pub fn get_group(db: &impl Db, id: Id) -> Result<SellerGroup> {
    db.sql()
        .query_opt(
            "SELECT id, name, notes, created_at FROM seller_groups WHERE id = $1",
            &[&AsId(id)],
            |r| {
                Ok(SellerGroup {
                    id: r.id(0)?,
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
    use crate::tables::listings;
    use crate::testing::{each_store, listing, seller};

    use ippdesk_domain::{new_id, ComplaintStatus, Platform};

    #[test]
    fn round_trip_groups_and_lookup() {
        each_store(|mut s| {
            let mut a = seller(Platform::Alibaba1688, "深圳极光仿品厂");
            a.draft.store_url = "https://jiguang.1688.com".into();
            a.draft.badges = vec!["delivery_guarantee".into()];
            a.draft.rating = Some(4.5);
            a.draft.years_in_business = Some(7);
            a.draft.employee_count = Some(120);
            a.draft.office_size_m2 = Some(300);
            a.draft.factory_size_m2 = Some(u32::MAX);
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
            assert_eq!(get(&s, b.id).unwrap(), b);
            let mut a2 = a.clone();
            a2.draft.group_id = Some(g.id);
            let mut b2 = b.clone();
            b2.draft.group_id = Some(g.id);
            s.write(|tx| {
                update(tx, &a2)?;
                update(tx, &b2)
            })
            .unwrap();
            assert_eq!(get(&s, a.id).unwrap(), a2);
            assert_eq!(in_group(&s, g.id).unwrap().len(), 2);
            assert_eq!(get_group(&s, g.id).unwrap(), g);
            assert!(matches!(
                get_group(&s, new_id()),
                Err(StoreError::NotFound(_))
            ));
            let found = find_by_store(&s, "1688", "https://jiguang.1688.com", "").unwrap();
            assert_eq!(found.map(|x| x.id), Some(a.id));
            let found = find_by_store(&s, "aliexpress", "", "Aurora Outlet").unwrap();
            assert_eq!(found.map(|x| x.id), Some(b.id));
            assert!(find_by_store(&s, "taobao", "https://jiguang.1688.com", "")
                .unwrap()
                .is_none());
            assert!(find_by_store(&s, "1688", "", "").unwrap().is_none());
            let listed = list(&s).unwrap();
            assert_eq!(listed.len(), 2);
            assert_eq!((listed[0].listings, listed[0].complaints), (0, 0));
            let everyone: Vec<_> = all(&s).unwrap().into_iter().map(|x| x.id).collect();
            assert_eq!(everyone, [a.id, b.id]);
            s.write(|tx| delete(tx, b.id)).unwrap();
            assert!(matches!(get(&s, b.id), Err(StoreError::NotFound(_))));
            assert!(matches!(stats(&s, b.id), Err(StoreError::NotFound(_))));
            let trail: Vec<_> = audit::for_entity(&s, b.id)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(trail, ["create", "update", "delete"]);
        });
    }

    #[test]
    fn stats_count_listings_and_the_complaints_they_are_in() {
        each_store(|mut s| {
            let shop = seller(Platform::Alibaba1688, "极光小店");
            let other = seller(Platform::Alibaba1688, "别的店");
            let mut ls: Vec<_> = (0..3)
                .map(|i| {
                    listing(
                        &format!("https://detail.1688.com/offer/62345678901{i}.html"),
                        "",
                    )
                })
                .collect();
            for l in &mut ls {
                l.seller_id = Some(shop.id);
            }
            s.write(|tx| {
                insert(tx, &shop)?;
                insert(tx, &other)?;
                listings::insert_many(tx, &ls, "test")?;
                // Two complaints, one holding two of the listings: counted once each.
                listings::tests::complaint_holding(
                    tx,
                    ComplaintStatus::Filed,
                    "IPP-1",
                    &[ls[0].id, ls[1].id],
                )?;
                listings::tests::complaint_holding(tx, ComplaintStatus::Closed, "", &[ls[2].id])?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
            let st = stats(&s, shop.id).unwrap();
            assert_eq!(st.seller, shop);
            assert_eq!((st.listings, st.complaints), (3, 2));
            let listed: Vec<_> = list(&s)
                .unwrap()
                .into_iter()
                .map(|x| (x.seller.id, x.listings, x.complaints))
                .collect();
            // By platform, then store name as stored (bytes: 别 before 极).
            assert_eq!(listed, [(other.id, 0, 0), (shop.id, 3, 2)]);
        });
    }

    #[test]
    fn a_duplicate_seller_is_refused() {
        each_store(|mut s| {
            let a = seller(Platform::Taobao, "A");
            s.write(|tx| insert(tx, &a)).unwrap();
            let err = s.write(|tx| insert(tx, &a)).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
            assert_eq!(all(&s).unwrap().len(), 1);
        });
    }
}
