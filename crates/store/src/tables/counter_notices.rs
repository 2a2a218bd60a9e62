//! Counter-notices and their responses and decisions.

use ippdesk_domain::{CounterNotice, CounterNoticeDraft, Id};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, AsJson, Row};
use crate::{open::Db, Result, StoreError, Tx};

const SELECT: &str = "SELECT id, complaint_id, round, listing_ids, received_at, grounds, statement,
    response_text, responded_at, decision, decided_on, created_at, updated_at, extension_days,
    extension_reason FROM counter_notices";

fn small(r: &Row, i: usize) -> Result<u32> {
    let v: i64 = r.get(i)?;
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("column {i}: {v}")))
}

fn from_row(r: &Row) -> Result<CounterNotice> {
    Ok(CounterNotice {
        id: r.id(0)?,
        draft: CounterNoticeDraft {
            complaint_id: r.id(1)?,
            round: small(r, 2)?,
            listing_ids: r.json(3)?,
            received_at: r.get(4)?,
            grounds: r.enumeration(5)?,
            statement: r.get(6)?,
            extension_days: small(r, 13)?,
            extension_reason: r.get(14)?,
        },
        response_text: r.get(7)?,
        responded_at: r.get(8)?,
        decision: r.opt_enumeration(9)?,
        decided_on: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

pub fn get(db: &impl Db, id: Id) -> Result<CounterNotice> {
    db.sql()
        .query_opt(&format!("{SELECT} WHERE id = $1"), &[&AsId(id)], from_row)?
        .ok_or_else(|| not_found("counter-notice", id))
}

pub fn of_complaint(db: &impl Db, complaint: Id) -> Result<Vec<CounterNotice>> {
    db.sql().query(
        &format!("{SELECT} WHERE complaint_id = $1 ORDER BY round, received_at"),
        &[&AsId(complaint)],
        from_row,
    )
}

fn write(tx: &Tx, c: &CounterNotice, sql: &str) -> Result<()> {
    let d = &c.draft;
    tx.sql()
        .execute(
            sql,
            &[
                &AsId(c.id),
                &AsId(d.complaint_id),
                &i64::from(d.round),
                &AsJson::of(&d.listing_ids),
                &d.received_at,
                &enum_text(&d.grounds),
                &d.statement,
                &c.response_text,
                &c.responded_at,
                &c.decision.map(|x| enum_text(&x)),
                &c.decided_on,
                &c.created_at,
                &c.updated_at,
                &i64::from(d.extension_days),
                &d.extension_reason,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "counter-notice"))?;
    Ok(())
}

pub fn insert(tx: &Tx, c: &CounterNotice) -> Result<()> {
    write(
        tx,
        c,
        "INSERT INTO counter_notices (id, complaint_id, round, listing_ids, received_at, grounds, statement,
            response_text, responded_at, decision, decided_on, created_at, updated_at, extension_days,
            extension_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )?;
    audit::record(tx, "create", "counter_notice", c.id, None, Some(c))
}

/// Saves a changed counter-notice; `action` names the change in the audit log
/// ("update", "respond", "decide").
pub fn update(tx: &Tx, c: &CounterNotice, action: &str) -> Result<()> {
    let before = get(tx, c.id)?;
    write(
        tx,
        c,
        "UPDATE counter_notices SET complaint_id = $2, round = $3, listing_ids = $4,
            received_at = $5, grounds = $6, statement = $7,
            response_text = $8, responded_at = $9, decision = $10,
            decided_on = $11, created_at = $12, updated_at = $13,
            extension_days = $14, extension_reason = $15
         WHERE id = $1",
    )?;
    audit::record(tx, action, "counter_notice", c.id, Some(&before), Some(c))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM counter_notices WHERE id = $1", &[&AsId(id)])?;
    audit::record(tx, "delete", "counter_notice", id, Some(&before), None)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::tables::enforcement::fixtures::{self, day};
    use crate::testing::each_store;
    use ippdesk_domain::{new_id, now, CounterDecision, CounterGround, Platform};

    pub(crate) fn notice(complaint: Id, round: u32) -> CounterNotice {
        CounterNotice {
            id: new_id(),
            draft: CounterNoticeDraft {
                complaint_id: complaint,
                round,
                listing_ids: vec![new_id()],
                received_at: now(),
                grounds: CounterGround::GenuineGoods,
                statement: "正品 genuine".into(),
                extension_days: 0,
                extension_reason: String::new(),
            },
            response_text: String::new(),
            responded_at: None,
            decision: None,
            decided_on: None,
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn insert_respond_decide_delete() {
        each_store(|mut s| {
            let f = s.write(fixtures::parties).unwrap();
            let c = s
                .write(|tx| fixtures::complaint(tx, &f, Platform::Taobao, None))
                .unwrap();
            let (mut first, second) = (notice(c, 1), notice(c, 2));
            s.write(|tx| {
                insert(tx, &second)?;
                insert(tx, &first)
            })
            .unwrap();
            assert_eq!(get(&s, first.id).unwrap(), first);
            assert_eq!(
                of_complaint(&s, c).unwrap(),
                [first.clone(), second.clone()]
            );

            first.response_text = "We hold the registration.".into();
            first.responded_at = Some(now());
            first.draft.extension_days = 5;
            first.draft.extension_reason = "notarization".into();
            s.write(|tx| update(tx, &first, "respond")).unwrap();
            first.decision = Some(CounterDecision::TakedownUpheld);
            first.decided_on = "2026-10-20".parse().ok();
            s.write(|tx| update(tx, &first, "decide")).unwrap();
            assert_eq!(get(&s, first.id).unwrap(), first);

            let mut bad = notice(c, 3);
            bad.draft.extension_days = 21;
            assert!(s.write(|tx| insert(tx, &bad)).is_err(), "the CHECK holds");

            s.write(|tx| delete(tx, second.id)).unwrap();
            assert!(matches!(get(&s, second.id), Err(StoreError::NotFound(_))));
            let trail: Vec<_> = audit::for_entity(&s, first.id)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(trail, ["create", "respond", "decide"]);

            // A deleted complaint takes its counter-notices with it.
            fixtures::delete_complaint(&s, c);
            assert!(of_complaint(&s, c).unwrap().is_empty());
        });
    }

    #[test]
    fn a_counter_notice_carries_its_complaints_filing_day_and_group() {
        each_store(|mut s| {
            let f = s.write(fixtures::parties).unwrap();
            let draft = s
                .write(|tx| fixtures::complaint(tx, &f, Platform::Tmall, None))
                .unwrap();
            let filed = s
                .write(|tx| fixtures::complaint(tx, &f, Platform::Taobao, Some(day("2026-10-01"))))
                .unwrap();
            let (a, b) = (notice(draft, 1), notice(filed, 1));
            s.write(|tx| {
                insert(tx, &a)?;
                insert(tx, &b)
            })
            .unwrap();
            let group = |id| fixtures::counter_notice_group(&s, id);
            let group_of = |filed_on: Option<&str>, platform: &str, reason: &str| {
                (
                    filed_on.map(day),
                    Some(f.account),
                    Some(platform.to_string()),
                    Some(reason.to_string()),
                )
            };
            assert_eq!(group(a.id), group_of(None, "tmall", "counterfeit"));
            assert_eq!(
                group(b.id),
                group_of(Some("2026-10-01"), "taobao", "counterfeit")
            );

            fixtures::regroup(&s, draft, Some("2026-10-02"), "trademark_infringement");
            fixtures::regroup(&s, filed, None, "counterfeit");
            assert_eq!(
                group(a.id),
                group_of(Some("2026-10-02"), "tmall", "trademark_infringement")
            );
            assert_eq!(group(b.id), group_of(None, "taobao", "counterfeit"));
        });
    }
}
