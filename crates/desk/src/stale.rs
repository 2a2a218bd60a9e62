//! Two people editing one record: a form saves only over the version it was
//! opened on. A save over a newer one is refused with who changed it and
//! when, and nothing is lost (the other person's change stays; the form
//! keeps what was typed). In the solo edition it catches two windows or the
//! CLI beside the app.

use chrono::{DateTime, Utc};
use ippdesk_domain::{ComplaintDraft, Holder, HolderDraft, Id, IpRight, RightDraft};
use ippdesk_store::tables::{audit, complaints, holders, rights};

use crate::{ComplaintRow, Desk, DeskError, ErrorCode, Result};

impl Desk {
    /// `current` is the record's stored `updated_at`; `base` the one the
    /// form was opened on (None: a caller that does not know, e.g. the CLI).
    fn refuse_if_changed(
        &self,
        id: Id,
        current: DateTime<Utc>,
        base: Option<DateTime<Utc>>,
    ) -> Result<()> {
        match base {
            Some(base) if base != current => {
                let last = audit::for_entity(&self.store, id)?.pop();
                let (who, at) = match &last {
                    Some(e) if !e.actor.is_empty() => (e.actor.as_str(), e.at),
                    Some(e) => ("another user", e.at),
                    None => ("another user", current),
                };
                Err(DeskError::new(
                    ErrorCode::Stale,
                    format!(
                        "Changed by {who} at {} UTC after you opened it; nothing was saved. \
                         Reload to see their change, then edit again.",
                        at.format("%Y-%m-%d %H:%M")
                    ),
                ))
            }
            _ => Ok(()),
        }
    }

    pub fn update_holder_since(
        &mut self,
        id: Id,
        draft: HolderDraft,
        base: Option<DateTime<Utc>>,
    ) -> Result<Holder> {
        self.refuse_if_changed(id, holders::get(&self.store, id)?.updated_at, base)?;
        self.update_holder(id, draft)
    }

    pub fn update_right_since(
        &mut self,
        id: Id,
        draft: RightDraft,
        base: Option<DateTime<Utc>>,
    ) -> Result<IpRight> {
        self.refuse_if_changed(id, rights::get(&self.store, id)?.updated_at, base)?;
        self.update_right(id, draft)
    }

    pub fn update_complaint_since(
        &mut self,
        id: Id,
        draft: ComplaintDraft,
        base: Option<DateTime<Utc>>,
    ) -> Result<ComplaintRow> {
        self.refuse_if_changed(id, complaints::get(&self.store, id)?.updated_at, base)?;
        self.update_complaint(id, draft)
    }
}
