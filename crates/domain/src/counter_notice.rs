//! IPP step 4: a seller's counter-notice, our response, and the platform's
//! decision, which settles the outcome of the listings it covers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Checker, FieldError, FieldErrorCode, Id, ListingOutcome};

/// What the seller relies on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum CounterGround {
    OwnRights,
    AuthorizedReseller,
    GenuineGoods,
    NoInfringement,
    Other,
}

/// The platform's decision on a counter-notice.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum CounterDecision {
    /// The takedown stands: the listings stay removed (our success).
    TakedownUpheld,
    /// The seller succeeded: the listings are put back.
    Reinstated,
}

impl CounterDecision {
    /// The outcome the decision gives each listing the counter-notice covers.
    pub fn listing_outcome(self) -> ListingOutcome {
        match self {
            CounterDecision::TakedownUpheld => ListingOutcome::Removed,
            CounterDecision::Reinstated => ListingOutcome::Reinstated,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CounterNoticeDraft {
    pub complaint_id: Id,
    /// 1 for the first counter-notice, 2 for the second …
    pub round: u32,
    /// The listings it contests; empty means every listing of the complaint.
    pub listing_ids: Vec<Id>,
    /// When the platform forwarded it to us (an instant; the UI enters China time).
    pub received_at: DateTime<Utc>,
    pub grounds: CounterGround,
    pub statement: String,
    /// Working days lost to notarization or legalization that the rights
    /// holder could not control (SPC Reply, 2020, art. 3): added to the
    /// deadlines whose rule allows it (art. 43), at most
    /// [`crate::MAX_EXTENSION_DAYS`].
    #[serde(default)]
    pub extension_days: u32,
    /// Why: which notarization or legalization, and since when.
    #[serde(default)]
    pub extension_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CounterNotice {
    pub id: Id,
    #[serde(flatten)]
    pub draft: CounterNoticeDraft,
    pub response_text: String,
    pub responded_at: Option<DateTime<Utc>>,
    pub decision: Option<CounterDecision>,
    pub decided_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub const MAX_STATEMENT_CHARS: usize = 5000;
/// Sellers may answer again after a decision; nine rounds is beyond any seen.
pub const MAX_COUNTER_ROUND: u32 = 9;

impl CounterNoticeDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        if self.round == 0 || self.round > MAX_COUNTER_ROUND {
            c.add(
                "round",
                FieldErrorCode::OutOfRange,
                "The round is 1 for a first counter-notice, 2 for a second, and so on.",
            );
        }
        if self.statement.chars().count() > MAX_STATEMENT_CHARS {
            c.add(
                "statement",
                FieldErrorCode::OutOfRange,
                format!("Keep the statement under {MAX_STATEMENT_CHARS} characters; attach the rest as a file."),
            );
        }
        if self.extension_days > crate::MAX_EXTENSION_DAYS {
            c.add(
                "extension_days",
                FieldErrorCode::OutOfRange,
                format!(
                    "At most {} working days lost to notarization or legalization count.",
                    crate::MAX_EXTENSION_DAYS
                ),
            );
        } else if self.extension_days > 0 && self.extension_reason.trim().is_empty() {
            c.add(
                "extension_reason",
                FieldErrorCode::Required,
                "Say which notarization or legalization delayed the answer.",
            );
        }
        c.finish()
    }
}

impl CounterNotice {
    pub fn is_open(&self) -> bool {
        self.decision.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(round: u32) -> CounterNoticeDraft {
        CounterNoticeDraft {
            complaint_id: Id::nil(),
            round,
            listing_ids: vec![],
            received_at: crate::now(),
            grounds: CounterGround::GenuineGoods,
            statement: "我们的商品是正品".into(),
            extension_days: 0,
            extension_reason: String::new(),
        }
    }

    #[test]
    fn an_extension_is_at_most_20_working_days_and_says_why() {
        let mut d = draft(1);
        d.extension_days = 21;
        d.extension_reason = "Notarization at the Shenzhen notary office".into();
        assert_eq!(d.validate().unwrap_err()[0].field, "extension_days");
        d.extension_days = 20;
        assert!(d.validate().is_ok());
        d.extension_reason = " ".into();
        assert_eq!(d.validate().unwrap_err()[0].field, "extension_reason");
    }

    #[test]
    fn rounds_start_at_one() {
        assert!(draft(1).validate().is_ok());
        assert_eq!(draft(0).validate().unwrap_err()[0].field, "round");
    }

    #[test]
    fn decisions_set_the_listing_outcome() {
        assert_eq!(
            CounterDecision::Reinstated.listing_outcome(),
            ListingOutcome::Reinstated
        );
        assert_eq!(
            CounterDecision::TakedownUpheld.listing_outcome(),
            ListingOutcome::Removed
        );
    }
}
