use ippdesk_domain::{Id, ProgrammeRegistration, ProgrammeRegistrationDraft};
use rusqlite::{named_params, Row};

use super::audit;
use crate::codec::{enum_text, parse_enum, parse_id, query_all};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> rusqlite::Result<ProgrammeRegistration> {
    Ok(ProgrammeRegistration {
        id: parse_id(r.get(0)?)?,
        draft: ProgrammeRegistrationDraft {
            right_id: parse_id(r.get(1)?)?,
            programme: parse_enum(r.get(2)?)?,
            state: parse_enum(r.get(3)?)?,
            reference: r.get(4)?,
            submitted_on: r.get(5)?,
            decided_on: r.get(6)?,
            notes: r.get(7)?,
        },
        updated_at: r.get(8)?,
    })
}

pub fn for_right(db: &impl Db, right: Id) -> Result<Vec<ProgrammeRegistration>> {
    query_all(
        db.sql().lite()?,
        "SELECT id, right_id, programme, state, reference, submitted_on, decided_on, notes, updated_at
         FROM programme_registrations WHERE right_id = ?1 ORDER BY programme",
        [right.to_string()],
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
    tx.sql().lite()?
        .execute(
            "INSERT INTO programme_registrations (id, right_id, programme, state, reference, submitted_on, decided_on, notes, updated_at)
             VALUES (:id, :right_id, :programme, :state, :reference, :submitted_on, :decided_on, :notes, :updated_at)
             ON CONFLICT (right_id, programme) DO UPDATE SET state = excluded.state, reference = excluded.reference,
                submitted_on = excluded.submitted_on, decided_on = excluded.decided_on, notes = excluded.notes,
                updated_at = excluded.updated_at",
            named_params! {
                ":id": id.to_string(), ":right_id": d.right_id.to_string(), ":programme": enum_text(&d.programme),
                ":state": enum_text(&d.state), ":reference": d.reference, ":submitted_on": d.submitted_on,
                ":decided_on": d.decided_on, ":notes": d.notes, ":updated_at": reg.updated_at,
            },
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
    use crate::testing::{holder, right, temp_store};

    use ippdesk_domain::*;

    #[test]
    fn one_registration_per_programme() {
        let (_d, mut s) = temp_store();
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
        s.write(|tx| upsert(tx, &reg)).unwrap();
        let regs = for_right(&s, r.id).unwrap();
        assert_eq!(regs.len(), 1);
        assert_eq!(
            (regs[0].id, regs[0].draft.state),
            (first_id, ProgrammeRightState::Approved)
        );
    }
}
