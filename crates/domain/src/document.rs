//! Files attached to records: what kind of document each one is.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    BusinessRegistration,
    IdCard,
    Passport,
    DrivingLicence,
    PowerOfAttorney,
    Certificate,
    Renewal,
    Assignment,
    ChangeCertificate,
    Translation,
    PatentEvaluation,
    Other,
}

/// The kinds of record a document can be attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    Holder,
    Agent,
    Poa,
    Account,
    Right,
}

impl OwnerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Holder => "holder",
            OwnerKind::Agent => "agent",
            OwnerKind::Poa => "poa",
            OwnerKind::Account => "account",
            OwnerKind::Right => "right",
        }
    }
}
