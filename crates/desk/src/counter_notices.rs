//! IPP step 4: counter-notices against filed complaints, our response, the
//! platform's decision (which sets the listings' outcomes), and the deadlines
//! each of these starts or closes.

use ippdesk_domain::*;
use ippdesk_store::tables::complaints::{self, OutcomeChange};
use ippdesk_store::tables::{counter_notices, deadlines, rights};
use ippdesk_store::Tx;

use crate::deadlines::{complete, schedule, Event, When};
use crate::{
    CounterDecisionInput, CounterNoticeView, CounterResponseInput, Desk, DeskError, ErrorCode,
    Result,
};

impl Desk {
    pub(crate) fn counter_notice_view(&self, notice: CounterNotice) -> Result<CounterNoticeView> {
        Ok(CounterNoticeView {
            evidence: self.documents_of(OwnerKind::CounterNotice, notice.id)?,
            deadlines: deadlines::of_subject(&self.store, notice.id)?,
            notice,
        })
    }

    pub fn counter_notices_of(&self, complaint: Id) -> Result<Vec<CounterNoticeView>> {
        counter_notices::of_complaint(&self.store, complaint)?
            .into_iter()
            .map(|n| self.counter_notice_view(n))
            .collect()
    }

    fn check_counter_notice(&self, d: &CounterNoticeDraft) -> Result<Complaint> {
        d.validate()?;
        let c = complaints::get(&self.store, d.complaint_id)?;
        if c.status != ComplaintStatus::Filed {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "A counter-notice answers a filed complaint; file this one first (or reopen it).",
            ));
        }
        let held: Vec<Id> = complaints::listings_of(&self.store, c.id)?
            .into_iter()
            .map(|l| l.listing.id)
            .collect();
        if let Some(stray) = d.listing_ids.iter().find(|l| !held.contains(l)) {
            let mut ch = Checker::default();
            ch.add(
                "listing_ids",
                FieldErrorCode::NotFound,
                format!("Listing {stray} is not in this complaint."),
            );
            ch.finish()?;
        }
        Ok(c)
    }

    /// Records a counter-notice and sets the deadlines its rules give,
    /// assigned to the complaint's assignee.
    pub fn record_counter_notice(
        &mut self,
        draft: CounterNoticeDraft,
    ) -> Result<CounterNoticeView> {
        let c = self.check_counter_notice(&draft)?;
        let now = ippdesk_domain::now();
        let n = CounterNotice {
            id: new_id(),
            draft,
            response_text: String::new(),
            responded_at: None,
            decision: None,
            decided_on: None,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| {
            counter_notices::insert(tx, &n)?;
            schedule_counter_notice(tx, &c, &n)
        })?;
        self.counter_notice_view(n)
    }

    /// Corrects a counter-notice; its deadlines move with its received time.
    pub fn update_counter_notice(
        &mut self,
        id: Id,
        draft: CounterNoticeDraft,
    ) -> Result<CounterNoticeView> {
        let old = counter_notices::get(&self.store, id)?;
        if draft.complaint_id != old.draft.complaint_id {
            return Err(DeskError::new(
                ErrorCode::Validation,
                "A counter-notice stays with its complaint.",
            ));
        }
        let c = self.check_counter_notice(&draft)?;
        let n = CounterNotice {
            draft,
            updated_at: ippdesk_domain::now(),
            ..old
        };
        self.store.write(|tx| {
            counter_notices::update(tx, &n, "update")?;
            schedule_counter_notice(tx, &c, &n)
        })?;
        self.counter_notice_view(n)
    }

    /// Records our reply; the reply deadline is done.
    pub fn respond_to_counter_notice(
        &mut self,
        id: Id,
        input: CounterResponseInput,
    ) -> Result<CounterNoticeView> {
        if input.response_text.trim().is_empty() {
            let mut ch = Checker::default();
            ch.required("response_text", "");
            ch.finish()?;
        }
        let old = counter_notices::get(&self.store, id)?;
        let n = CounterNotice {
            response_text: input.response_text,
            responded_at: Some(input.responded_at),
            updated_at: ippdesk_domain::now(),
            ..old
        };
        self.store.write(|tx| {
            counter_notices::update(tx, &n, "respond")?;
            complete(tx, id, DoneWhen::Responded)
        })?;
        self.counter_notice_view(n)
    }

    /// Records the platform's decision: the listings the counter-notice covers
    /// become removed (takedown upheld) or reinstated, each change audited,
    /// and the counter-notice's deadlines are done. All or nothing.
    pub fn decide_counter_notice(
        &mut self,
        id: Id,
        input: CounterDecisionInput,
    ) -> Result<CounterNoticeView> {
        let old = counter_notices::get(&self.store, id)?;
        let listing_ids = if old.draft.listing_ids.is_empty() {
            complaints::listings_of(&self.store, old.draft.complaint_id)?
                .into_iter()
                .map(|l| l.listing.id)
                .collect()
        } else {
            old.draft.listing_ids.clone()
        };
        let n = CounterNotice {
            decision: Some(input.decision),
            decided_on: Some(input.decided_on),
            updated_at: ippdesk_domain::now(),
            ..old
        };
        self.store.write(|tx| {
            counter_notices::update(tx, &n, "decide")?;
            for listing in &listing_ids {
                complaints::set_outcome(
                    tx,
                    n.draft.complaint_id,
                    &OutcomeChange {
                        listing: *listing,
                        outcome: input.decision.listing_outcome(),
                        on: Some(input.decided_on),
                    },
                )?;
            }
            complete(tx, id, DoneWhen::Decided)
        })?;
        self.counter_notice_view(n)
    }

    /// Deletes a counter-notice recorded by mistake, with its deadlines. A
    /// decided one stays: its decision changed outcomes.
    pub fn delete_counter_notice(&mut self, id: Id) -> Result<()> {
        let n = counter_notices::get(&self.store, id)?;
        if n.decision.is_some() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "A decided counter-notice is part of the record and cannot be deleted.",
            ));
        }
        let own = deadlines::of_subject(&self.store, id)?;
        Ok(self.store.write(|tx| {
            own.iter().try_for_each(|d| deadlines::delete(tx, d.id))?;
            counter_notices::delete(tx, id)
        })?)
    }
}

/// The rules' deadlines for a counter-notice (reply, art. 43 …), set or
/// moved in `tx`.
pub(crate) fn schedule_counter_notice(tx: &Tx, c: &Complaint, n: &CounterNotice) -> Result<()> {
    schedule(
        tx,
        &Event {
            trigger: TriggerEvent::CounterNoticeReceived,
            platform: Some(c.draft.platform),
            right_kind: Some(rights::get(tx, c.draft.right_id)?.draft.kind),
            round: Some(n.draft.round),
            extension_days: n.draft.extension_days,
            counted_from_filing: false,
            subject: DeadlineSubject::CounterNotice,
            subject_id: n.id,
            complaint_id: Some(c.id),
            assignee: c.draft.assignee.clone(),
            at: When::Instant(n.draft.received_at),
            context: format!(
                "{} counter-notice {}",
                complaints::label_of(c),
                n.draft.round
            ),
        },
    )?;
    Ok(())
}

/// Filing sets the rules on filing, and the seller's counter-notice window,
/// which runs from when the platform notified the seller: from the filing
/// date, marked as an estimate, until that day is recorded. Run again when it
/// is, the window moves.
pub(crate) fn schedule_filing(tx: &Tx, c: &Complaint) -> Result<()> {
    let Some(filed_on) = c.filed_on else {
        return Ok(());
    };
    let right_kind = Some(rights::get(tx, c.draft.right_id)?.draft.kind);
    for (trigger, on, estimate) in [
        (TriggerEvent::ComplaintFiled, filed_on, false),
        (
            TriggerEvent::SellerNotified,
            c.seller_notified_on.unwrap_or(filed_on),
            c.seller_notified_on.is_none(),
        ),
    ] {
        schedule(
            tx,
            &Event {
                trigger,
                platform: Some(c.draft.platform),
                right_kind,
                round: None,
                extension_days: 0,
                counted_from_filing: estimate,
                subject: DeadlineSubject::Complaint,
                subject_id: c.id,
                complaint_id: Some(c.id),
                assignee: c.draft.assignee.clone(),
                at: When::Day(on),
                context: complaints::label_of(c),
            },
        )?;
    }
    Ok(())
}
