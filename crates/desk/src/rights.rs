//! IPP step 2: IP rights and their registration on each programme.

use chrono::NaiveDate;
use ippdesk_domain::*;
use ippdesk_store::tables::{deadlines, holders, registrations, rights};

use crate::deadlines::schedule_right_expiry;

use crate::{Desk, DeskError, PlatformBacking, Result, RightDetail, RightRow};

impl Desk {
    pub(crate) fn right_row(
        &self,
        right: IpRight,
        registrant: Option<&Holder>,
    ) -> Result<RightRow> {
        let registrant_name = match registrant {
            Some(h) => h.draft.legal_name.clone(),
            None => {
                holders::get(&self.store, right.draft.registrant_id)?
                    .draft
                    .legal_name
            }
        };
        Ok(RightRow {
            expiry: expiry_flag(right.draft.expiry_date, self.today()),
            registrations: registrations::for_right(&self.store, right.id)?,
            registrant_name,
            right,
        })
    }

    pub fn list_rights(&self) -> Result<Vec<RightRow>> {
        let holders = holders::list(&self.store)?;
        rights::list(&self.store)?
            .into_iter()
            .map(|r| {
                let h = holders.iter().find(|h| h.id == r.draft.registrant_id);
                self.right_row(r, h)
            })
            .collect()
    }

    pub fn get_right(&self, id: Id) -> Result<RightDetail> {
        let row = self.right_row(rights::get(&self.store, id)?, None)?;
        let regs: Vec<_> = row.registrations.iter().map(|r| r.draft.clone()).collect();
        let today = self.today();
        let backing = PLATFORMS
            .iter()
            .filter(|p| p.platform != Platform::Other)
            .map(|p| PlatformBacking {
                platform: p.platform,
                refused: can_back_complaint(&row.right.draft, &regs, p.platform, today).err(),
            })
            .collect();
        Ok(RightDetail {
            documents: self.documents_of(OwnerKind::Right, id)?,
            row,
            backing,
        })
    }

    /// Whether the right can back a complaint on `platform` on `date`.
    pub fn can_back(
        &self,
        id: Id,
        platform: Platform,
        date: NaiveDate,
    ) -> Result<Result<(), CannotBack>> {
        let right = rights::get(&self.store, id)?;
        let regs: Vec<_> = registrations::for_right(&self.store, id)?
            .into_iter()
            .map(|r| r.draft)
            .collect();
        Ok(can_back_complaint(&right.draft, &regs, platform, date))
    }

    fn check_right(&self, draft: &RightDraft, this: Option<Id>) -> Result<()> {
        draft.validate()?;
        let mut c = Checker::default();
        if holders::get(&self.store, draft.registrant_id).is_err() {
            c.add(
                "registrant_id",
                FieldErrorCode::NotFound,
                "Choose an existing rights holder.",
            );
        }
        // An unregistered copyright has no number to clash on.
        let number = Some(&draft.registration_number).filter(|n| !n.is_empty());
        if let Some(other) = number
            .map(|n| rights::find_by_number(&self.store, &draft.jurisdiction, n))
            .transpose()?
            .flatten()
        {
            if Some(other.id) != this {
                c.add(
                    "registration_number",
                    FieldErrorCode::Duplicate,
                    format!(
                        "{} {} is already recorded as \u{201c}{}\u{201d}.",
                        draft.jurisdiction, draft.registration_number, other.draft.title
                    ),
                );
            }
        }
        Ok(c.finish()?)
    }

    pub fn create_right(&mut self, draft: RightDraft) -> Result<IpRight> {
        let draft = draft.normalized();
        self.check_right(&draft, None)?;
        let now = ippdesk_domain::now();
        let r = IpRight {
            id: new_id(),
            draft,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| {
            rights::insert(tx, &r)?;
            schedule_right_expiry(tx, &r)
        })?;
        Ok(r)
    }

    /// Saves the edit; a renewal or a new registrant marks every approved
    /// programme registration "needs new proof", in the same transaction.
    pub fn update_right(&mut self, id: Id, draft: RightDraft) -> Result<IpRight> {
        let draft = draft.normalized();
        self.check_right(&draft, Some(id))?;
        let old = rights::get(&self.store, id)?;
        let reason = new_proof_reason(&old.draft, &draft);
        let r = IpRight {
            draft,
            updated_at: ippdesk_domain::now(),
            ..old
        };
        let regs = registrations::for_right(&self.store, id)?;
        self.store.write(|tx| {
            rights::update(tx, &r)?;
            schedule_right_expiry(tx, &r)?;
            if let Some(reason) = reason {
                for reg in regs {
                    let state = after_new_proof_needed(reg.draft.state);
                    if state != reg.draft.state {
                        let mut next = reg.clone();
                        next.draft.state = state;
                        next.draft.notes = match reason {
                            NewProofReason::Renewed => "Renewed: upload the renewal certificate.",
                            NewProofReason::RegistrantChanged => {
                                "Registrant changed: upload the assignment or change certificate."
                            }
                        }
                        .to_string();
                        next.updated_at = r.updated_at;
                        registrations::upsert(tx, &next)?;
                    }
                }
            }
            Ok::<_, DeskError>(())
        })?;
        Ok(r)
    }

    pub fn delete_right(&mut self, id: Id) -> Result<()> {
        self.store.write(|tx| {
            deadlines::delete_of_subject(tx, id)?;
            Ok::<_, DeskError>(rights::delete(tx, id)?)
        })
    }

    pub fn set_registration(
        &mut self,
        draft: ProgrammeRegistrationDraft,
    ) -> Result<ProgrammeRegistration> {
        draft.validate()?;
        rights::get(&self.store, draft.right_id)?;
        let reg = ProgrammeRegistration {
            id: new_id(),
            draft,
            updated_at: ippdesk_domain::now(),
        };
        self.store.write(|tx| registrations::upsert(tx, &reg))?;
        let right_id = reg.draft.right_id;
        let programme = reg.draft.programme;
        registrations::for_right(&self.store, right_id)?
            .into_iter()
            .find(|r| r.draft.programme == programme)
            .ok_or_else(|| {
                DeskError::new(
                    crate::ErrorCode::Internal,
                    "registration vanished after saving",
                )
            })
    }
}
