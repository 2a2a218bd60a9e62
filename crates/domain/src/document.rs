//! Files attached to records: what kind of document each one is.

use serde::{Deserialize, Serialize};
use strum::VariantArray;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
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

    /// The kinds offered for a record's documents (registration papers).
    pub fn for_records() -> Vec<DocumentKind> {
        Self::VARIANTS
            .iter()
            .copied()
            .filter(|k| !k.is_evidence())
            .collect()
    }

    /// The kinds offered for evidence (`Other` stays available in both).
    pub fn for_evidence() -> Vec<DocumentKind> {
        Self::VARIANTS
            .iter()
            .copied()
            .filter(|k| k.is_evidence() || *k == DocumentKind::Other)
            .collect()
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
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
    /// Records whose files are evidence: their kind is guessed from the file
    /// name and capture facts are recorded.
    pub fn holds_evidence(self) -> bool {
        use OwnerKind::*;
        matches!(
            self,
            Complaint | Listing | Seller | TestPurchase | CounterNotice
        )
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_offered_for_records_or_evidence_and_other_for_both() {
        let records = DocumentKind::for_records();
        let evidence = DocumentKind::for_evidence();
        for k in DocumentKind::VARIANTS {
            assert!(records.contains(k) || evidence.contains(k), "{k:?}");
            assert_eq!(
                records.contains(k) && evidence.contains(k),
                *k == DocumentKind::Other,
                "{k:?}"
            );
        }
        assert!(evidence.contains(&DocumentKind::ListingScreenshot));
        assert!(records.contains(&DocumentKind::PowerOfAttorney));
    }
}
