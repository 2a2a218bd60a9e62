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
    // Evidence (IPP step 3).
    ListingScreenshot,
    Comparison,
    TestPurchasePhoto,
    TestPurchaseReceipt,
    AppraisalReport,
    /// WARC / WACZ / MHTML captures of a page.
    WebArchive,
    Other,
}

impl DocumentKind {
    pub fn is_evidence(self) -> bool {
        use DocumentKind::*;
        matches!(
            self,
            ListingScreenshot
                | Comparison
                | TestPurchasePhoto
                | TestPurchaseReceipt
                | AppraisalReport
                | WebArchive
        )
    }

    /// A sensible kind for a dropped evidence file, from its name.
    pub fn guess_evidence(file_name: &str) -> DocumentKind {
        let lower = file_name.to_lowercase();
        let ext = lower.rsplit('.').next().unwrap_or_default();
        match ext {
            "warc" | "wacz" | "mhtml" | "mht" => DocumentKind::WebArchive,
            _ if lower.contains("receipt") || lower.contains("order") => {
                DocumentKind::TestPurchaseReceipt
            }
            _ if lower.contains("compar") => DocumentKind::Comparison,
            _ if lower.contains("apprais") || lower.contains("report") => {
                DocumentKind::AppraisalReport
            }
            "png" | "jpg" | "jpeg" | "webp" | "gif" | "bmp" => DocumentKind::ListingScreenshot,
            _ => DocumentKind::Other,
        }
    }
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
    Complaint,
    Listing,
    Seller,
    TestPurchase,
    CounterNotice,
}

impl OwnerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Holder => "holder",
            OwnerKind::Agent => "agent",
            OwnerKind::Poa => "poa",
            OwnerKind::Account => "account",
            OwnerKind::Right => "right",
            OwnerKind::Complaint => "complaint",
            OwnerKind::Listing => "listing",
            OwnerKind::Seller => "seller",
            OwnerKind::TestPurchase => "test_purchase",
            OwnerKind::CounterNotice => "counter_notice",
        }
    }
}
