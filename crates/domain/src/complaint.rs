//! Complaints (IPP step 3): one right, one platform, up to the programme's
//! limit of listings, and the rules that decide whether one may be filed.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    can_back_complaint, AccountStatus, CannotBack, Checker, FieldError, Id, Platform,
    ProgrammeRegistrationDraft, RightDraft,
};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStatus {
    Draft,
    Ready,
    Filed,
    Closed,
}

impl ComplaintStatus {
    pub const ALL: [ComplaintStatus; 4] = [
        ComplaintStatus::Draft,
        ComplaintStatus::Ready,
        ComplaintStatus::Filed,
        ComplaintStatus::Closed,
    ];

    /// Listings may join or leave a complaint until it is filed.
    pub fn is_open(self) -> bool {
        !matches!(self, ComplaintStatus::Closed)
    }

    pub fn is_editable(self) -> bool {
        matches!(self, ComplaintStatus::Draft | ComplaintStatus::Ready)
    }

    /// The moves offered as a plain status change (filing has its own form
    /// and checks, see [`check_filing`]).
    pub fn offered_moves(self) -> Vec<ComplaintStatus> {
        Self::ALL
            .into_iter()
            .filter(|to| self.can_move_to(*to) && *to != ComplaintStatus::Filed)
            .collect()
    }

    /// draft ⇄ ready → filed → closed; a closed complaint can be reopened to
    /// filed (a late decision). Filing itself goes through [`check_filing`].
    pub fn can_move_to(self, to: ComplaintStatus) -> bool {
        use ComplaintStatus::*;
        matches!(
            (self, to),
            (Draft, Ready)
                | (Ready, Draft)
                | (Draft | Ready, Filed)
                | (Filed, Closed)
                | (Closed, Filed)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintTarget {
    Listings,
    Storefront,
}

/// The reasons IPP's complaint form offers (others map to `Other`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintReason {
    TrademarkInfringement,
    Counterfeit,
    UnauthorizedImageUse,
    PatentInfringement,
    CopyrightInfringement,
    ModelDoesNotExist,
    Other,
}

impl ComplaintReason {
    pub const ALL: [ComplaintReason; 7] = [
        ComplaintReason::TrademarkInfringement,
        ComplaintReason::Counterfeit,
        ComplaintReason::UnauthorizedImageUse,
        ComplaintReason::PatentInfringement,
        ComplaintReason::CopyrightInfringement,
        ComplaintReason::ModelDoesNotExist,
        ComplaintReason::Other,
    ];
}

/// What became of one listing of a complaint.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum ListingOutcome {
    Pending,
    Removed,
    Rejected,
    Reinstated,
    Withdrawn,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComplaintDraft {
    pub account_id: Id,
    pub platform: Platform,
    pub right_id: Id,
    pub target: ComplaintTarget,
    pub reason: ComplaintReason,
    pub explanation_en: String,
    pub explanation_zh: String,
    pub external_number: String,
    pub assignee: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Complaint {
    pub id: Id,
    #[serde(flatten)]
    pub draft: ComplaintDraft,
    pub status: ComplaintStatus,
    pub filed_on: Option<NaiveDate>,
    /// When the platform notified the seller (its date); until recorded, the
    /// seller's window is counted from the filing date, as an estimate.
    #[serde(default)]
    pub seller_notified_on: Option<NaiveDate>,
    pub listing_count: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The explanation box on IPP takes about this much text.
pub const MAX_EXPLANATION_CHARS: usize = 2000;

/// The highest listings-per-complaint limit a programme may be given (IPP's
/// is 300 today; the bound keeps a typo from disabling the check).
pub const MAX_LISTINGS_LIMIT: u32 = 100_000;

impl ComplaintDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        for (field, text) in [
            ("explanation_en", &self.explanation_en),
            ("explanation_zh", &self.explanation_zh),
        ] {
            if text.chars().count() > MAX_EXPLANATION_CHARS {
                c.add(
                    field,
                    crate::FieldErrorCode::OutOfRange,
                    format!("Keep the explanation under {MAX_EXPLANATION_CHARS} characters."),
                );
            }
        }
        c.finish()
    }
}

/// Why a complaint cannot be filed (each with a message a paralegal can act on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FilingProblem {
    Right { reason: String },
    AccountNotVerified,
    WrongProgramme,
    NoListings,
    TooManyListings { count: u32, limit: u32 },
    NotEditable,
}

impl FilingProblem {
    pub fn message(&self) -> String {
        match self {
            FilingProblem::Right { reason } => reason.clone(),
            FilingProblem::AccountNotVerified => {
                "The programme account is not verified yet; file once its review has passed.".into()
            }
            FilingProblem::WrongProgramme => {
                "The account is on a different programme from the platform's.".into()
            }
            FilingProblem::NoListings => "Add at least one listing or storefront URL.".into(),
            FilingProblem::TooManyListings { count, limit } => format!(
                "{count} listings exceed the programme's limit of {limit} per complaint; split it with the batch builder."
            ),
            FilingProblem::NotEditable => "Only a draft or ready complaint can be filed.".into(),
        }
    }
}

impl From<CannotBack> for FilingProblem {
    fn from(c: CannotBack) -> Self {
        FilingProblem::Right {
            reason: c.message().to_string(),
        }
    }
}

/// Everything filing depends on, gathered by the caller.
pub struct FilingFacts<'a> {
    pub complaint: &'a Complaint,
    pub account_status: AccountStatus,
    pub account_programme: crate::Programme,
    pub right: &'a RightDraft,
    pub registrations: &'a [ProgrammeRegistrationDraft],
    pub max_listings: u32,
    pub on: NaiveDate,
}

/// All the reasons a complaint cannot be filed on `facts.on`; empty when it can.
pub fn check_filing(facts: &FilingFacts) -> Vec<FilingProblem> {
    let c = facts.complaint;
    let mut problems = Vec::new();
    if !c.status.is_editable() {
        problems.push(FilingProblem::NotEditable);
    }
    if let Err(e) = can_back_complaint(facts.right, facts.registrations, c.draft.platform, facts.on)
    {
        problems.push(e.into());
    }
    if facts.account_programme != c.draft.platform.programme() {
        problems.push(FilingProblem::WrongProgramme);
    }
    if facts.account_status != AccountStatus::Verified {
        problems.push(FilingProblem::AccountNotVerified);
    }
    if c.listing_count == 0 {
        problems.push(FilingProblem::NoListings);
    } else if c.listing_count > facts.max_listings {
        problems.push(FilingProblem::TooManyListings {
            count: c.listing_count,
            limit: facts.max_listings,
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{new_id, Programme, ProgrammeRightState, RightKind};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn offered_moves_are_the_allowed_ones_except_filing() {
        use ComplaintStatus::*;
        assert_eq!(Draft.offered_moves(), vec![Ready]);
        assert_eq!(Ready.offered_moves(), vec![Draft]);
        assert_eq!(Filed.offered_moves(), vec![Closed]);
        assert_eq!(Closed.offered_moves(), Vec::<ComplaintStatus>::new());
        for from in ComplaintStatus::ALL {
            for to in from.offered_moves() {
                assert!(from.can_move_to(to), "{from:?} -> {to:?}");
            }
        }
    }

    fn complaint(platform: Platform, count: u32) -> Complaint {
        Complaint {
            id: new_id(),
            draft: ComplaintDraft {
                account_id: new_id(),
                platform,
                right_id: new_id(),
                target: ComplaintTarget::Listings,
                reason: ComplaintReason::Counterfeit,
                explanation_en: String::new(),
                explanation_zh: String::new(),
                external_number: String::new(),
                assignee: String::new(),
                notes: String::new(),
            },
            status: ComplaintStatus::Ready,
            filed_on: None,
            seller_notified_on: None,
            listing_count: count,
            created_at: crate::now(),
            updated_at: crate::now(),
        }
    }

    fn cn_mark(expiry: &str) -> RightDraft {
        RightDraft {
            kind: RightKind::Trademark,
            title: "AURORA".into(),
            mark_type: None,
            registration_number: "1".into(),
            jurisdiction: "CN".into(),
            designations: vec![],
            registrant_id: new_id(),
            nice_classes: vec![9],
            filing_date: None,
            registration_date: None,
            expiry_date: Some(d(expiry)),
            notes: String::new(),
        }
    }

    fn approved_on_ipp() -> Vec<ProgrammeRegistrationDraft> {
        vec![ProgrammeRegistrationDraft {
            right_id: new_id(),
            programme: Programme::AlibabaIpp,
            state: ProgrammeRightState::Approved,
            reference: String::new(),
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
        }]
    }

    fn facts<'a>(
        c: &'a Complaint,
        right: &'a RightDraft,
        regs: &'a [ProgrammeRegistrationDraft],
        status: AccountStatus,
    ) -> FilingFacts<'a> {
        FilingFacts {
            complaint: c,
            account_status: status,
            account_programme: Programme::AlibabaIpp,
            right,
            registrations: regs,
            max_listings: 300,
            on: d("2026-11-22"),
        }
    }

    #[test]
    fn a_complete_complaint_can_be_filed() {
        let c = complaint(Platform::Taobao, 300);
        let (r, regs) = (cn_mark("2030-01-01"), approved_on_ipp());
        assert_eq!(
            check_filing(&facts(&c, &r, &regs, AccountStatus::Verified)),
            vec![]
        );
    }

    #[test]
    fn filing_is_refused_with_every_reason() {
        let c = complaint(Platform::Taobao, 301);
        let r = cn_mark("2026-01-01");
        let problems = check_filing(&facts(&c, &r, &[], AccountStatus::Submitted));
        assert_eq!(
            problems,
            vec![
                FilingProblem::Right {
                    reason: CannotBack::NotApproved.message().into()
                },
                FilingProblem::AccountNotVerified,
                FilingProblem::TooManyListings {
                    count: 301,
                    limit: 300
                },
            ]
        );
        let regs = approved_on_ipp();
        let expired = check_filing(&facts(&c, &r, &regs, AccountStatus::Verified));
        assert_eq!(expired[0], CannotBack::Expired.into());
        assert!(expired[1].message().contains("limit of 300"));
    }

    #[test]
    fn a_foreign_right_cannot_back_taobao_but_can_back_aliexpress() {
        let mut r = cn_mark("2030-01-01");
        r.jurisdiction = "US".into();
        let regs = approved_on_ipp();
        let taobao = complaint(Platform::Taobao, 1);
        assert_eq!(
            check_filing(&facts(&taobao, &r, &regs, AccountStatus::Verified)),
            vec![CannotBack::NotValidInChina.into()]
        );
        let ali = complaint(Platform::AliExpress, 1);
        assert!(check_filing(&facts(&ali, &r, &regs, AccountStatus::Verified)).is_empty());
    }

    #[test]
    fn empty_filed_or_wrong_programme_complaints_are_refused() {
        let mut c = complaint(Platform::Amazon, 0);
        c.status = ComplaintStatus::Filed;
        let r = cn_mark("2030-01-01");
        let regs = approved_on_ipp();
        let p = check_filing(&facts(&c, &r, &regs, AccountStatus::Verified));
        assert!(p.contains(&FilingProblem::NotEditable));
        assert!(p.contains(&FilingProblem::WrongProgramme));
        assert!(p.contains(&FilingProblem::NoListings));
    }

    #[test]
    fn status_moves() {
        use ComplaintStatus::*;
        assert!(Draft.can_move_to(Ready) && Ready.can_move_to(Filed) && Filed.can_move_to(Closed));
        assert!(
            !Closed.can_move_to(Draft) && !Filed.can_move_to(Draft) && !Draft.can_move_to(Closed)
        );
        assert!(!Closed.is_open() && Filed.is_open() && !Filed.is_editable());
    }

    #[test]
    fn long_explanations_are_refused() {
        let mut c = complaint(Platform::Taobao, 1).draft;
        c.explanation_zh = "假".repeat(MAX_EXPLANATION_CHARS + 1);
        assert_eq!(c.validate().unwrap_err()[0].field, "explanation_zh");
    }
}
