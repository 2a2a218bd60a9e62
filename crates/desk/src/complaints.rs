//! IPP step 3: complaints, their listings and outcomes, filing, the batch
//! builder and the URL export.

use std::collections::HashMap;

use chrono::NaiveDate;
use ippdesk_domain::*;
use ippdesk_store::tables::complaints::{self, ComplaintQuery, ComplaintSort, OutcomeChange};
use ippdesk_store::tables::{accounts, deadlines, listings, registrations, rights, test_purchases};

use crate::{
    BatchRequest, BatchResult, BulkFailure, BulkResult, ComplaintDetail, ComplaintFilter,
    ComplaintListingView, ComplaintPage, ComplaintRow, Desk, DeskError, ErrorCode,
    FileComplaintInput, FilingProblemView, HeldElsewhereView, OutcomeInput, Result,
    TestPurchaseView,
};

impl Desk {
    /// Rows for many complaints, looking each right and account up once.
    pub(crate) fn complaint_rows(&self, list: Vec<Complaint>) -> Result<Vec<ComplaintRow>> {
        let mut right_titles: HashMap<Id, String> = HashMap::new();
        let mut account_labels: HashMap<Id, String> = HashMap::new();
        list.into_iter()
            .map(|c| {
                let right_title = match right_titles.get(&c.draft.right_id) {
                    Some(t) => t.clone(),
                    None => {
                        let r = rights::get(&self.store, c.draft.right_id)?;
                        let t = format!(
                            "{} ({} {})",
                            r.draft.title, r.draft.jurisdiction, r.draft.registration_number
                        );
                        right_titles.insert(c.draft.right_id, t.clone());
                        t
                    }
                };
                let account_label = match account_labels.get(&c.draft.account_id) {
                    Some(t) => t.clone(),
                    None => {
                        let a = accounts::get(&self.store, c.draft.account_id)?;
                        let t = a.draft.login_email.clone();
                        account_labels.insert(c.draft.account_id, t.clone());
                        t
                    }
                };
                Ok(ComplaintRow {
                    label: complaints::label_of(&c),
                    complaint: c,
                    right_title,
                    account_label,
                })
            })
            .collect()
    }

    pub fn list_complaints(&self, f: ComplaintFilter) -> Result<ComplaintPage> {
        let sort = match f.sort.as_deref() {
            None | Some("created") => ComplaintSort::Created,
            Some("filed") => ComplaintSort::Filed,
            Some("listings") => ComplaintSort::Listings,
            Some("status") => ComplaintSort::Status,
            Some(other) => {
                return Err(DeskError::new(
                    ErrorCode::Validation,
                    format!("Cannot sort complaints by {other}."),
                ))
            }
        };
        let q = ComplaintQuery {
            status: f.status,
            platform: f.platform,
            right_id: f.right_id,
            assignee: f.assignee,
            sort,
            descending: f.descending,
            offset: f.offset,
            limit: f.limit,
        };
        let (rows, total) = complaints::page(&self.store, &q)?;
        Ok(ComplaintPage {
            rows: self.complaint_rows(rows)?,
            total,
            assignees: complaints::assignees(&self.store)?,
        })
    }

    fn filing_problems(&self, c: &Complaint) -> Result<(Vec<FilingProblem>, u32)> {
        let account = accounts::get(&self.store, c.draft.account_id)?;
        let right = rights::get(&self.store, c.draft.right_id)?;
        let regs: Vec<_> = registrations::for_right(&self.store, right.id)?
            .into_iter()
            .map(|r| r.draft)
            .collect();
        let max = complaints::max_listings(&self.store, c.draft.platform.programme())?;
        let problems = check_filing(&FilingFacts {
            complaint: c,
            account_status: account.status,
            account_programme: account.draft.programme,
            right: &right.draft,
            registrations: &regs,
            max_listings: max,
            on: self.today(),
        });
        Ok((problems, max))
    }

    pub fn get_complaint(&self, id: Id) -> Result<ComplaintDetail> {
        let c = complaints::get(&self.store, id)?;
        let (problems, max_listings) = self.filing_problems(&c)?;
        let listings = complaints::listings_of(&self.store, id)?
            .into_iter()
            .map(|l| {
                Ok(ComplaintListingView {
                    evidence: self.documents_of(OwnerKind::Listing, l.listing.id)?,
                    listing: l.listing,
                    position: l.position,
                    outcome: l.outcome,
                    outcome_on: l.outcome_on,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let test_purchases = test_purchases::for_complaint(&self.store, id)?
            .into_iter()
            .map(|t| {
                Ok(TestPurchaseView {
                    photos: self.documents_of(OwnerKind::TestPurchase, t.id)?,
                    purchase: t,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let next_statuses = c.status.offered_moves();
        Ok(ComplaintDetail {
            counter_notices: self.counter_notices_of(id)?,
            deadlines: deadlines::of_complaint(&self.store, id)?,
            evidence: self.documents_of(OwnerKind::Complaint, id)?,
            listings,
            test_purchases,
            filing_problems: problems
                .iter()
                .map(|p| FilingProblemView {
                    code: serde_json::to_value(p)
                        .ok()
                        .and_then(|v| v.get("code").and_then(|c| c.as_str().map(String::from)))
                        .unwrap_or_default(),
                    message: p.message(),
                })
                .collect(),
            max_listings,
            next_statuses,
            row: self.complaint_rows(vec![c])?.remove(0),
        })
    }

    fn check_complaint(&self, d: &ComplaintDraft) -> Result<()> {
        d.validate()?;
        let mut c = Checker::default();
        if accounts::get(&self.store, d.account_id).is_err() {
            c.add(
                "account_id",
                FieldErrorCode::NotFound,
                "Choose a programme account.",
            );
        }
        if rights::get(&self.store, d.right_id).is_err() {
            c.add("right_id", FieldErrorCode::NotFound, "Choose an IP right.");
        }
        Ok(c.finish()?)
    }

    pub fn create_complaint(&mut self, draft: ComplaintDraft) -> Result<ComplaintRow> {
        self.check_complaint(&draft)?;
        let now = ippdesk_domain::now();
        let c = Complaint {
            id: new_id(),
            draft,
            status: ComplaintStatus::Draft,
            filed_on: None,
            seller_notified_on: None,
            listing_count: 0,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| complaints::insert(tx, &c))?;
        Ok(self.complaint_rows(vec![c])?.remove(0))
    }

    pub fn update_complaint(&mut self, id: Id, draft: ComplaintDraft) -> Result<ComplaintRow> {
        self.check_complaint(&draft)?;
        let mut c = complaints::get(&self.store, id)?;
        let identity_changed = draft.platform != c.draft.platform
            || draft.right_id != c.draft.right_id
            || draft.account_id != c.draft.account_id;
        if identity_changed && !c.status.is_editable() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "A filed complaint keeps its platform, right and account.",
            ));
        }
        c.draft = draft;
        c.updated_at = ippdesk_domain::now();
        self.store.write(|tx| complaints::update(tx, &c))?;
        Ok(self
            .complaint_rows(vec![complaints::get(&self.store, id)?])?
            .remove(0))
    }

    pub fn delete_complaint(&mut self, id: Id) -> Result<()> {
        let c = complaints::get(&self.store, id)?;
        if !c.status.is_editable() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "Only a draft or ready complaint can be deleted; close a filed one instead.",
            ));
        }
        Ok(self.store.write(|tx| complaints::delete(tx, id))?)
    }

    /// Moves each complaint to `to`, each in its own transaction, in the
    /// order given; a refusal is reported by complaint and the rest go on.
    /// Complaints already there are left alone.
    pub fn set_complaints_status(
        &mut self,
        ids: Vec<Id>,
        to: ComplaintStatus,
    ) -> Result<BulkResult> {
        self.bulk(ids, |desk, id| {
            if complaints::get(&desk.store, id)?.status == to {
                return Ok(false);
            }
            desk.set_complaint_status(id, to).map(|_| true)
        })
    }

    /// Deletes each draft or ready complaint; filed ones are refused by name.
    pub fn delete_complaints(&mut self, ids: Vec<Id>) -> Result<BulkResult> {
        self.bulk(ids, |desk, id| desk.delete_complaint(id).map(|_| true))
    }

    /// Runs `one` on each complaint; `Ok(false)` means nothing to do.
    fn bulk(
        &mut self,
        ids: Vec<Id>,
        mut one: impl FnMut(&mut Self, Id) -> Result<bool>,
    ) -> Result<BulkResult> {
        let mut result = BulkResult::default();
        for id in ids {
            // The label first: a deleted complaint has none afterwards.
            let label = complaints::get(&self.store, id)
                .map(|c| complaints::label_of(&c))
                .unwrap_or_else(|_| id.to_string());
            match one(self, id) {
                Ok(true) => result.done.push(id),
                Ok(false) => result.unchanged.push(id),
                Err(e) if e.code == ErrorCode::Internal => return Err(e),
                Err(e) => result.failures.push(BulkFailure {
                    id,
                    label,
                    code: e.code,
                    message: e.message,
                }),
            }
        }
        Ok(result)
    }

    /// Moves a complaint along draft ⇄ ready, filed → closed → filed.
    pub fn set_complaint_status(&mut self, id: Id, to: ComplaintStatus) -> Result<ComplaintRow> {
        let mut c = complaints::get(&self.store, id)?;
        if to == ComplaintStatus::Filed && c.status.is_editable() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "File the complaint with its filing date and number.",
            ));
        }
        if !c.status.can_move_to(to) {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                format!(
                    "A {} complaint cannot become {}.",
                    status_name(c.status),
                    status_name(to)
                ),
            ));
        }
        c.status = to;
        c.updated_at = ippdesk_domain::now();
        self.store.write(|tx| complaints::update(tx, &c))?;
        Ok(self.complaint_rows(vec![c])?.remove(0))
    }

    /// Files the complaint, or refuses with every reason it cannot be.
    pub fn file_complaint(&mut self, id: Id, input: FileComplaintInput) -> Result<ComplaintRow> {
        let mut c = complaints::get(&self.store, id)?;
        let (problems, _) = self.filing_problems(&c)?;
        if !problems.is_empty() {
            let reasons: Vec<_> = problems.iter().map(FilingProblem::message).collect();
            return Err(DeskError::new(
                ErrorCode::FilingRefused,
                format!("This complaint cannot be filed: {}", reasons.join(" ")),
            ));
        }
        check_notified(Some(input.filed_on), input.seller_notified_on)?;
        c.status = ComplaintStatus::Filed;
        c.filed_on = Some(input.filed_on);
        c.seller_notified_on = input.seller_notified_on;
        c.draft.external_number = input.external_number.trim().to_string();
        self.save_filing(c)
    }

    /// Records (or clears) when the platform notified the seller; the
    /// seller's window moves to count from it.
    pub fn set_seller_notified(&mut self, id: Id, on: Option<NaiveDate>) -> Result<ComplaintRow> {
        let mut c = complaints::get(&self.store, id)?;
        if c.filed_on.is_none() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "The seller is notified of a filed complaint; file it first.",
            ));
        }
        check_notified(c.filed_on, on)?;
        c.seller_notified_on = on;
        self.save_filing(c)
    }

    /// Saves a filed complaint's filing facts and sets (or moves) the
    /// deadlines they start, in one transaction.
    fn save_filing(&mut self, mut c: Complaint) -> Result<ComplaintRow> {
        c.updated_at = ippdesk_domain::now();
        self.store.write(|tx| {
            complaints::update(tx, &c)?;
            crate::counter_notices::schedule_filing(tx, &c)
        })?;
        Ok(self.complaint_rows(vec![c])?.remove(0))
    }

    pub fn add_listings_to_complaint(&mut self, id: Id, listing_ids: Vec<Id>) -> Result<u32> {
        let c = complaints::get(&self.store, id)?;
        if !c.status.is_editable() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "Listings can be added only before the complaint is filed.",
            ));
        }
        for l in &listing_ids {
            let l = listings::get(&self.store, *l)?;
            if l.platform != c.draft.platform {
                return Err(DeskError::new(
                    ErrorCode::Validation,
                    format!(
                        "{} is not a {:?} listing.",
                        l.canonical_url, c.draft.platform
                    ),
                ));
            }
        }
        let added = self
            .store
            .write(|tx| complaints::add_listings(tx, id, &listing_ids))?;
        Ok(added as u32)
    }

    pub fn remove_listing_from_complaint(&mut self, id: Id, listing_id: Id) -> Result<()> {
        let c = complaints::get(&self.store, id)?;
        if !c.status.is_editable() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "A filed complaint keeps its listings; record the outcome 'withdrawn' instead.",
            ));
        }
        Ok(self
            .store
            .write(|tx| complaints::remove_listing(tx, id, listing_id))?)
    }

    pub fn set_listing_outcomes(&mut self, id: Id, input: OutcomeInput) -> Result<()> {
        complaints::get(&self.store, id)?;
        Ok(self.store.write(|tx| {
            input.listing_ids.iter().try_for_each(|l| {
                complaints::set_outcome(
                    tx,
                    id,
                    &OutcomeChange {
                        listing: *l,
                        outcome: input.outcome,
                        on: input.on,
                    },
                )
            })
        })?)
    }

    pub fn set_max_listings(&mut self, programme: Programme, max: u32) -> Result<()> {
        if max == 0 || max > MAX_LISTINGS_LIMIT {
            return Err(DeskError::new(
                ErrorCode::Validation,
                format!("The limit must be between 1 and {MAX_LISTINGS_LIMIT}."),
            ));
        }
        Ok(self
            .store
            .write(|tx| complaints::set_max_listings(tx, programme, max))?)
    }

    pub fn max_listings(&self, programme: Programme) -> Result<u32> {
        Ok(complaints::max_listings(&self.store, programme)?)
    }

    /// N listings on one right and platform → ⌈N/limit⌉ draft complaints, in
    /// one transaction. Pasted URLs are imported first; listings already in an
    /// open complaint stay out and are reported with where they are.
    pub fn build_batch(&mut self, req: BatchRequest) -> Result<BatchResult> {
        let template = ComplaintDraft {
            account_id: req.account_id,
            platform: req.platform,
            right_id: req.right_id,
            target: ComplaintTarget::Listings,
            reason: req.reason,
            explanation_en: req.explanation_en.clone(),
            explanation_zh: req.explanation_zh.clone(),
            external_number: String::new(),
            assignee: req.assignee.clone(),
            notes: String::new(),
        };
        self.check_complaint(&template)?;
        let limit = complaints::max_listings(&self.store, req.platform.programme())? as usize;
        let (pasted, mut skipped) = self.prepare_paste_for_batch(&req.paste, req.platform)?;

        let now = ippdesk_domain::now();
        let store = &mut self.store;
        let (plan, created) = store.write(|tx| {
            listings::insert_many(tx, &pasted.new_listings, "batch builder")?;
            let mut offered = Vec::new();
            for id in req.listing_ids.iter().chain(pasted.all_ids.iter()) {
                let l = listings::get(tx, *id)?;
                if l.platform != req.platform {
                    // Only picked listings get here (pasted lines of another
                    // platform were skipped with their line): line 0.
                    skipped.push(LineReport {
                        line: 0,
                        outcome: LineOutcome::Invalid {
                            reason: format!(
                                "a {} listing; this batch is on {}",
                                l.platform.as_str(),
                                req.platform.as_str()
                            ),
                        },
                        input: l.canonical_url,
                    });
                    continue;
                }
                offered.push(BatchListing {
                    id: l.id,
                    storefront: (!l.store_url.is_empty())
                        .then(|| l.store_url.clone())
                        .or_else(|| l.seller_id.map(|s| s.to_string()))
                        .or_else(|| (!l.seller_name.is_empty()).then(|| l.seller_name.clone())),
                    open_complaint: complaints::open_complaint_of(tx, l.id)?,
                });
            }
            let plan = plan_batch(&offered, limit, req.by_storefront);
            let mut created = Vec::new();
            for (i, chunk) in plan.complaints.iter().enumerate() {
                let c = Complaint {
                    id: new_id(),
                    draft: template.clone(),
                    status: ComplaintStatus::Draft,
                    filed_on: None,
                    seller_notified_on: None,
                    listing_count: 0,
                    // Distinct times keep the batch in order on the list page.
                    created_at: now + chrono::Duration::microseconds(i as i64),
                    updated_at: now,
                };
                complaints::insert(tx, &c)?;
                complaints::add_listings(tx, c.id, chunk)?;
                created.push(c.id);
            }
            Ok::<_, DeskError>((plan, created))
        })?;
        let rows = created
            .into_iter()
            .map(|id| complaints::get(&self.store, id))
            .collect::<Result<Vec<_>, _>>()?;
        let held_elsewhere = plan
            .held_elsewhere
            .iter()
            .map(|h| {
                let l = listings::get(&self.store, h.listing_id)?;
                let c = complaints::get(&self.store, h.complaint_id)?;
                Ok(HeldElsewhereView {
                    listing_id: h.listing_id,
                    url: l.canonical_url,
                    complaint_id: h.complaint_id,
                    complaint_label: complaints::label_of(&c),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(BatchResult {
            complaints: self.complaint_rows(rows)?,
            held_elsewhere,
            skipped,
        })
    }

    /// A complaint's listing URLs, one per line, exactly as IPP's form takes them.
    pub fn complaint_urls(&self, id: Id) -> Result<String> {
        let mut out = String::new();
        for l in complaints::listings_of(&self.store, id)? {
            out.push_str(&l.listing.canonical_url);
            out.push('\n');
        }
        Ok(out)
    }
}

fn status_name(s: ComplaintStatus) -> &'static str {
    match s {
        ComplaintStatus::Draft => "draft",
        ComplaintStatus::Ready => "ready",
        ComplaintStatus::Filed => "filed",
        ComplaintStatus::Closed => "closed",
    }
}

/// The platform cannot notify the seller before the complaint is filed.
fn check_notified(filed_on: Option<NaiveDate>, notified: Option<NaiveDate>) -> Result<()> {
    match (filed_on, notified) {
        (Some(filed), Some(on)) if on < filed => Err(DeskError::from(vec![FieldError {
            field: "seller_notified_on".into(),
            code: FieldErrorCode::OutOfRange,
            message: format!("The seller cannot be notified before the filing date ({filed})."),
        }])),
        _ => Ok(()),
    }
}
