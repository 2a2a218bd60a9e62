//! IP rights (IPP step 2), their registration on each programme, and the rules
//! that decide whether a right can back a complaint.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Checker, FieldError, FieldErrorCode, Id, Platform, Programme};

/// The classes of the Nice Classification (goods 1-34, services 35-45).
pub const NICE_CLASSES: std::ops::RangeInclusive<u8> = 1..=45;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum RightKind {
    Trademark,
    PatentInvention,
    PatentUtilityModel,
    PatentDesign,
    Copyright,
}

impl RightKind {
    /// Copyright needs no registration (Berne Convention; PRC Copyright
    /// Law): ownership is proven by other documents, so no number is asked.
    pub fn needs_registration_number(self) -> bool {
        self != RightKind::Copyright
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum MarkType {
    Word,
    Device,
    Combined,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RightDraft {
    pub kind: RightKind,
    /// Mark name for a trademark, title for a patent or work.
    pub title: String,
    pub mark_type: Option<MarkType>,
    pub registration_number: String,
    /// ISO 3166-1 alpha-2, or "WIPO" (Madrid) or "EU".
    pub jurisdiction: String,
    /// For WIPO / EU rights: the designated countries (ISO codes), e.g. CN.
    pub designations: Vec<String>,
    /// The rights holder who is the current registrant.
    pub registrant_id: Id,
    pub nice_classes: Vec<u8>,
    pub filing_date: Option<NaiveDate>,
    pub registration_date: Option<NaiveDate>,
    pub expiry_date: Option<NaiveDate>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IpRight {
    pub id: Id,
    #[serde(flatten)]
    pub draft: RightDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl RightDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("title", &self.title);
        if self.kind.needs_registration_number() {
            c.required("registration_number", &self.registration_number);
        }
        if self.jurisdiction.trim().is_empty() {
            c.required("jurisdiction", "");
        } else if !is_jurisdiction(&self.jurisdiction) {
            c.add(
                "jurisdiction",
                FieldErrorCode::Invalid,
                "Use a two-letter country code (CN, US …), WIPO or EU.",
            );
        }
        if self.designations.iter().any(|d| !crate::is_country_code(d)) {
            c.add(
                "designations",
                FieldErrorCode::Invalid,
                "Designations are two-letter country codes.",
            );
        }
        if self.kind == RightKind::Trademark {
            if self.mark_type.is_none() {
                c.add(
                    "mark_type",
                    FieldErrorCode::Required,
                    "Choose word, device or combined.",
                );
            }
            if self.nice_classes.is_empty() {
                c.add(
                    "nice_classes",
                    FieldErrorCode::Required,
                    "A trademark needs at least one Nice class.",
                );
            } else if self.nice_classes.iter().any(|n| !NICE_CLASSES.contains(n)) {
                c.add(
                    "nice_classes",
                    FieldErrorCode::OutOfRange,
                    format!(
                        "Nice classes run from {} to {}.",
                        NICE_CLASSES.start(),
                        NICE_CLASSES.end()
                    ),
                );
            }
        }
        c.date_order(
            "registration_date",
            self.filing_date,
            self.registration_date,
            "filing date",
        );
        c.date_order(
            "expiry_date",
            self.registration_date.or(self.filing_date),
            self.expiry_date,
            "registration date",
        );
        c.finish()
    }

    pub fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_string();
        self.registration_number = normalize_registration_number(&self.registration_number);
        self.jurisdiction = self.jurisdiction.trim().to_uppercase();
        self.designations = self
            .designations
            .iter()
            .map(|d| d.trim().to_uppercase())
            .collect();
        self.designations.sort();
        self.designations.dedup();
        self.nice_classes.sort_unstable();
        self.nice_classes.dedup();
        if self.kind != RightKind::Trademark {
            self.mark_type = None;
            self.nice_classes.clear();
        }
        self
    }

    /// Valid in mainland China: registered there, or an international / EU
    /// right whose designations include CN, or a copyright (a foreign work is
    /// protected in China without registration: Berne Convention).
    pub fn valid_in_china(&self) -> bool {
        self.kind == RightKind::Copyright
            || self.jurisdiction == "CN"
            || self.designations.iter().any(|d| d == "CN")
    }
}

/// The key under which two registrations are "the same number": registries
/// print numbers with spaces, dots or dashes inconsistently.
pub fn normalize_registration_number(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '/' | ','))
        .flat_map(char::to_uppercase)
        .collect()
}

pub fn is_jurisdiction(s: &str) -> bool {
    let s = s.trim();
    crate::is_country_code(s) || s.eq_ignore_ascii_case("WIPO") || s.eq_ignore_ascii_case("EU")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum ExpiryFlag {
    NoExpiry,
    Ok,
    Within90Days,
    Within30Days,
    Expired,
}

pub fn expiry_flag(expiry: Option<NaiveDate>, today: NaiveDate) -> ExpiryFlag {
    let Some(expiry) = expiry else {
        return ExpiryFlag::NoExpiry;
    };
    match (expiry - today).num_days() {
        n if n < 0 => ExpiryFlag::Expired,
        n if n <= 30 => ExpiryFlag::Within30Days,
        n if n <= 90 => ExpiryFlag::Within90Days,
        _ => ExpiryFlag::Ok,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeRightState {
    Submitted,
    Approved,
    Rejected,
    NeedsNewProof,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgrammeRegistrationDraft {
    pub right_id: Id,
    pub programme: Programme,
    pub state: ProgrammeRightState,
    pub reference: String,
    pub submitted_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub notes: String,
}

/// A right's registration on one programme (one per right and programme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgrammeRegistration {
    pub id: Id,
    #[serde(flatten)]
    pub draft: ProgrammeRegistrationDraft,
    pub updated_at: DateTime<Utc>,
}

impl ProgrammeRegistrationDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.date_order(
            "decided_on",
            self.submitted_on,
            self.decided_on,
            "submission date",
        );
        c.finish()
    }
}

/// Why an edit to a right invalidates the proof a programme approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NewProofReason {
    Renewed,
    RegistrantChanged,
}

/// A renewal (a later expiry date) or a change of registrant needs new proof
/// on IPP: every programme that had approved the right must see it again.
pub fn new_proof_reason(before: &RightDraft, after: &RightDraft) -> Option<NewProofReason> {
    if before.registrant_id != after.registrant_id {
        return Some(NewProofReason::RegistrantChanged);
    }
    match (before.expiry_date, after.expiry_date) {
        (Some(old), Some(new)) if new > old => Some(NewProofReason::Renewed),
        _ => None,
    }
}

/// The new state of a programme registration after `reason`.
pub fn after_new_proof_needed(state: ProgrammeRightState) -> ProgrammeRightState {
    match state {
        ProgrammeRightState::Approved => ProgrammeRightState::NeedsNewProof,
        other => other,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CannotBack {
    NotApproved,
    Expired,
    NotValidInChina,
}

impl CannotBack {
    pub fn message(self) -> &'static str {
        match self {
            CannotBack::NotApproved => "The right is not approved on this platform's programme.",
            CannotBack::Expired => "The right has expired on that date.",
            CannotBack::NotValidInChina => {
                "Taobao, Tmall and 1688 accept only rights valid in mainland China."
            }
        }
    }
}

/// A right can back a complaint on `platform` on `date` only if it is approved
/// on that platform's programme, not expired on `date`, and, where the
/// platform demands it, valid in mainland China.
pub fn can_back_complaint(
    right: &RightDraft,
    registrations: &[ProgrammeRegistrationDraft],
    platform: Platform,
    date: NaiveDate,
) -> Result<(), CannotBack> {
    let approved = registrations
        .iter()
        .any(|r| r.programme == platform.programme() && r.state == ProgrammeRightState::Approved);
    if !approved {
        return Err(CannotBack::NotApproved);
    }
    if right.expiry_date.is_some_and(|e| date > e) {
        return Err(CannotBack::Expired);
    }
    if platform.needs_china_right() && !right.valid_in_china() {
        return Err(CannotBack::NotValidInChina);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::new_id;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub(crate) fn trademark(jurisdiction: &str) -> RightDraft {
        RightDraft {
            kind: RightKind::Trademark,
            title: "AURORA 极光".into(),
            mark_type: Some(MarkType::Combined),
            registration_number: "12 345 678".into(),
            jurisdiction: jurisdiction.into(),
            designations: vec![],
            registrant_id: new_id(),
            nice_classes: vec![9, 35],
            filing_date: Some(d("2015-03-01")),
            registration_date: Some(d("2016-06-07")),
            expiry_date: Some(d("2026-06-06")),
            notes: String::new(),
        }
    }

    fn reg(
        right: &RightDraft,
        programme: Programme,
        state: ProgrammeRightState,
    ) -> ProgrammeRegistrationDraft {
        let _ = right;
        ProgrammeRegistrationDraft {
            right_id: new_id(),
            programme,
            state,
            reference: "IPP-1".into(),
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
        }
    }

    #[test]
    fn expiry_flags_at_the_edges() {
        let e = Some(d("2026-12-31"));
        assert_eq!(expiry_flag(None, d("2026-01-01")), ExpiryFlag::NoExpiry);
        assert_eq!(expiry_flag(e, d("2026-10-01")), ExpiryFlag::Ok);
        assert_eq!(expiry_flag(e, d("2026-10-02")), ExpiryFlag::Within90Days);
        assert_eq!(expiry_flag(e, d("2026-12-01")), ExpiryFlag::Within30Days);
        assert_eq!(expiry_flag(e, d("2026-12-31")), ExpiryFlag::Within30Days);
        assert_eq!(expiry_flag(e, d("2027-01-01")), ExpiryFlag::Expired);
    }

    #[test]
    fn trademark_validation() {
        assert!(trademark("CN").validate().is_ok());
        let mut t = trademark("China");
        t.nice_classes = vec![0, 46];
        t.mark_type = None;
        t.expiry_date = Some(d("2010-01-01"));
        let fields: Vec<_> = t
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["jurisdiction", "mark_type", "nice_classes", "expiry_date"]
        );
        assert!(is_jurisdiction("wipo") && is_jurisdiction("EU") && !is_jurisdiction("EUR"));
    }

    #[test]
    fn registration_numbers_compare_without_punctuation() {
        assert_eq!(normalize_registration_number(" 12 345-678 "), "12345678");
        assert_eq!(normalize_registration_number("uk00003.123"), "UK00003123");
        let t = trademark("cn").normalized();
        assert_eq!(
            (t.registration_number.as_str(), t.jurisdiction.as_str()),
            ("12345678", "CN")
        );
    }

    #[test]
    fn renewal_or_new_registrant_needs_new_proof() {
        let before = trademark("CN");
        let mut renewed = before.clone();
        renewed.expiry_date = Some(d("2036-06-06"));
        assert_eq!(
            new_proof_reason(&before, &renewed),
            Some(NewProofReason::Renewed)
        );
        let mut moved = before.clone();
        moved.registrant_id = new_id();
        assert_eq!(
            new_proof_reason(&before, &moved),
            Some(NewProofReason::RegistrantChanged)
        );
        let mut noted = before.clone();
        noted.notes = "typo fixed".into();
        assert_eq!(new_proof_reason(&before, &noted), None);
        assert_eq!(
            after_new_proof_needed(ProgrammeRightState::Approved),
            ProgrammeRightState::NeedsNewProof
        );
        assert_eq!(
            after_new_proof_needed(ProgrammeRightState::Rejected),
            ProgrammeRightState::Rejected
        );
    }

    #[test]
    fn a_foreign_copyright_without_registration_is_valid_and_can_back_a_taobao_complaint() {
        let work = RightDraft {
            kind: RightKind::Copyright,
            title: "AURORA product photographs 2025".into(),
            mark_type: None,
            registration_number: String::new(),
            jurisdiction: "DE".into(),
            nice_classes: vec![],
            expiry_date: None,
            ..trademark("DE")
        };
        assert_eq!(work.validate(), Ok(()));
        assert!(work.valid_in_china());
        let ipp = [reg(
            &work,
            Programme::AlibabaIpp,
            ProgrammeRightState::Approved,
        )];
        assert_eq!(
            can_back_complaint(&work, &ipp, Platform::Taobao, d("2026-03-01")),
            Ok(())
        );
        // A trademark still needs its number, and registration in China for Taobao.
        let mark = RightDraft {
            registration_number: String::new(),
            ..trademark("DE")
        };
        let errs = mark.validate().unwrap_err();
        assert_eq!(errs[0].field, "registration_number");
        assert!(!trademark("DE").valid_in_china());
    }

    #[test]
    fn can_back_complaint_rules() {
        let on = d("2026-03-01");
        let cn = trademark("CN");
        let ipp = [reg(
            &cn,
            Programme::AlibabaIpp,
            ProgrammeRightState::Approved,
        )];
        assert_eq!(can_back_complaint(&cn, &ipp, Platform::Taobao, on), Ok(()));
        assert_eq!(
            can_back_complaint(&cn, &ipp, Platform::Amazon, on),
            Err(CannotBack::NotApproved)
        );
        assert_eq!(
            can_back_complaint(&cn, &ipp, Platform::Taobao, d("2026-06-07")),
            Err(CannotBack::Expired)
        );
        assert_eq!(
            can_back_complaint(&cn, &ipp, Platform::Taobao, d("2026-06-06")),
            Ok(())
        );
        let pending = [reg(
            &cn,
            Programme::AlibabaIpp,
            ProgrammeRightState::NeedsNewProof,
        )];
        assert_eq!(
            can_back_complaint(&cn, &pending, Platform::Tmall, on),
            Err(CannotBack::NotApproved)
        );

        let us = trademark("US");
        assert_eq!(
            can_back_complaint(&us, &ipp, Platform::AliExpress, on),
            Ok(())
        );
        assert_eq!(
            can_back_complaint(&us, &ipp, Platform::Alibaba1688, on),
            Err(CannotBack::NotValidInChina)
        );
        let mut madrid = trademark("WIPO");
        madrid.designations = vec!["CN".into()];
        assert_eq!(
            can_back_complaint(&madrid, &ipp, Platform::Tmall, on),
            Ok(())
        );
    }
}
