use ippdesk_domain::{Id, ProgrammeRegistration, ProgrammeRegistrationDraft};

use super::audit;
use crate::codec::enum_text;
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> Result<ProgrammeRegistration> {
    Ok(ProgrammeRegistration {
        id: r.id(0)?,
        draft: ProgrammeRegistrationDraft {
            right_id: r.id(1)?,
            programme: r.enumeration(2)?,
            state: r.enumeration(3)?,
            reference: r.get(4)?,
            submitted_on: r.get(5)?,
            decided_on: r.get(6)?,
            notes: r.get(7)?,
        },
        updated_at: r.get(8)?,
    })
}

pub fn for_right(db: &impl Db, right: Id) -> Result<Vec<ProgrammeRegistration>> {
    db.sql().query(
        "SELECT id, right_id, programme, state, reference, submitted_on, decided_on, notes, updated_at
         FROM programme_registrations WHERE right_id = $1 ORDER BY programme",
        &[&AsId(right)],
        from_row,
    )
}

/// Inserts or replaces the right's registration on that programme (one each).
pub fn upsert(tx: &Tx, reg: &ProgrammeRegistration) -> Result<()> {
    let d = &reg.draft;
    let before = for_right(tx, d.right_id)?
        .into_iter()
        .find(|r| r.draft.programme == d.programme);
    let id = before.as_ref().map_or(reg.id, |b| b.id);
    tx.sql()
        .execute(
            "INSERT INTO programme_registrations (id, right_id, programme, state, reference, submitted_on, decided_on, notes, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (right_id, programme) DO UPDATE SET state = excluded.state, reference = excluded.reference,
                submitted_on = excluded.submitted_on, decided_on = excluded.decided_on, notes = excluded.notes,
                updated_at = excluded.updated_at",
            &[
                &AsId(id),
                &AsId(d.right_id),
                &enum_text(&d.programme),
                &enum_text(&d.state),
                &d.reference,
                &d.submitted_on,
                &d.decided_on,
                &d.notes,
                &reg.updated_at,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "programme registration (right missing)"))?;
    let after = ProgrammeRegistration { id, ..reg.clone() };
    let action = if before.is_some() { "update" } else { "create" };
    audit::record(
        tx,
        action,
        "registration",
        d.right_id,
        before.as_ref(),
        Some(&after),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{holders, rights};
    use crate::testing::{each_store, holder, right};

    use ippdesk_domain::*;

    #[test]
    fn one_registration_per_programme() {
        each_store(|mut s| {
            let h = holder("H");
            let r = right(h.id, "1");
            let mut reg = ProgrammeRegistration {
                id: new_id(),
                draft: ProgrammeRegistrationDraft {
                    right_id: r.id,
                    programme: Programme::AlibabaIpp,
                    state: ProgrammeRightState::Submitted,
                    reference: "IPP-R-1".into(),
                    submitted_on: "2026-01-05".parse().ok(),
                    decided_on: None,
                    notes: String::new(),
                },
                updated_at: ippdesk_domain::now(),
            };
            s.write(|tx| {
                holders::insert(tx, &h)?;
                rights::insert(tx, &r)?;
                upsert(tx, &reg)
            })
            .unwrap();
            let first_id = reg.id;
            reg.id = new_id();
            reg.draft.state = ProgrammeRightState::Approved;
            reg.draft.decided_on = "2026-02-01".parse().ok();
            s.write(|tx| upsert(tx, &reg)).unwrap();
            let regs = for_right(&s, r.id).unwrap();
            assert_eq!(regs.len(), 1);
            assert_eq!(
                regs[0],
                ProgrammeRegistration {
                    id: first_id,
                    ..reg.clone()
                }
            );

            // Another programme is another registration, listed by programme.
            let mut ebay = reg.clone();
            ebay.id = new_id();
            ebay.draft.programme = Programme::EbayVero;
            s.write(|tx| upsert(tx, &ebay)).unwrap();
            let programmes: Vec<_> = for_right(&s, r.id)
                .unwrap()
                .into_iter()
                .map(|r| r.draft.programme)
                .collect();
            assert_eq!(programmes, [Programme::AlibabaIpp, Programme::EbayVero]);
            let trail: Vec<_> = audit::for_entity(&s, r.id)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(trail, ["create", "create", "update", "create"]);

            // A right that is not there takes none; a deleted one takes its own along.
            let mut orphan = reg.clone();
            orphan.draft.right_id = new_id();
            assert!(matches!(
                s.write(|tx| upsert(tx, &orphan)),
                Err(StoreError::InUse(_))
            ));
            s.write(|tx| rights::delete(tx, r.id)).unwrap();
            assert!(for_right(&s, r.id).unwrap().is_empty());
        });
    }
}
