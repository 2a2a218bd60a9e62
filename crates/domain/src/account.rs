//! Accounts on enforcement programmes (IPP step 1) and their review status.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{poa_state, Checker, FieldError, FieldErrorCode, Id, PowerOfAttorney, Programme};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum AccountRole {
    RightsHolder,
    AuthorizedAgent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum AccountLocation {
    MainlandChina,
    Elsewhere,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    NotStarted,
    Submitted,
    Verified,
    Rejected,
    Resubmitted,
}

impl AccountStatus {
    /// The review cycle: not started → submitted → verified / rejected →
    /// resubmitted → verified / rejected … A verified account can be
    /// resubmitted when its proof changes.
    pub fn can_move_to(self, to: AccountStatus) -> bool {
        use AccountStatus::*;
        matches!(
            (self, to),
            (NotStarted, Submitted)
                | (Submitted | Resubmitted, Verified | Rejected)
                | (Rejected | Verified, Resubmitted)
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AccountDraft {
    pub holder_id: Id,
    pub programme: Programme,
    pub role: AccountRole,
    pub location: AccountLocation,
    pub login_email: String,
    pub contact_email: String,
    pub external_id: String,
    /// For an authorized-agent account: the agent and the POA it files under.
    pub agent_id: Option<Id>,
    pub poa_id: Option<Id>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Account {
    pub id: Id,
    #[serde(flatten)]
    pub draft: AccountDraft,
    pub status: AccountStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub id: Id,
    pub account_id: Id,
    pub from: AccountStatus,
    pub to: AccountStatus,
    pub on: NaiveDate,
    pub note: String,
    pub recorded_at: DateTime<Utc>,
}

impl AccountDraft {
    /// `poa` is the power of attorney named by `poa_id`, if it exists.
    pub fn validate(
        &self,
        poa: Option<&PowerOfAttorney>,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.email("login_email", &self.login_email, true);
        c.email("contact_email", &self.contact_email, true);
        if self.role == AccountRole::AuthorizedAgent {
            if self.agent_id.is_none() {
                c.add(
                    "agent_id",
                    FieldErrorCode::Required,
                    "Choose the agent who files on this account.",
                );
            }
            match (self.poa_id, poa) {
                (None, _) => c.add(
                    "poa_id",
                    FieldErrorCode::PoaRequired,
                    "An authorized-agent account needs a power of attorney from the rights holder.",
                ),
                (Some(_), None) => c.add(
                    "poa_id",
                    FieldErrorCode::NotFound,
                    "That power of attorney no longer exists.",
                ),
                (Some(_), Some(p)) => {
                    if p.draft.holder_id != self.holder_id
                        || Some(p.draft.agent_id) != self.agent_id
                    {
                        c.add(
                            "poa_id",
                            FieldErrorCode::PoaInvalid,
                            "The power of attorney must be granted by this rights holder to this agent.",
                        );
                    } else if !poa_state(&p.draft, today).is_usable() {
                        c.add(
                            "poa_id",
                            FieldErrorCode::PoaInvalid,
                            "The power of attorney is not valid today (expired or not yet in force).",
                        );
                    }
                }
            }
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{new_id, PoaDraft};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn account(role: AccountRole) -> AccountDraft {
        AccountDraft {
            holder_id: new_id(),
            programme: Programme::AlibabaIpp,
            role,
            location: AccountLocation::Elsewhere,
            login_email: "login@brand.example".into(),
            contact_email: "ip@brand.example".into(),
            external_id: String::new(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        }
    }

    fn poa_for(a: &AccountDraft, agent: Id, until: &str) -> PowerOfAttorney {
        PowerOfAttorney {
            id: new_id(),
            draft: PoaDraft {
                holder_id: a.holder_id,
                agent_id: agent,
                scope: "IPP".into(),
                valid_from: d("2026-01-01"),
                valid_until: Some(d(until)),
                signatory_title: String::new(),
                notes: String::new(),
            },
            created_at: crate::now(),
            updated_at: crate::now(),
        }
    }

    #[test]
    fn holder_account_needs_no_poa() {
        assert!(account(AccountRole::RightsHolder)
            .validate(None, d("2026-06-01"))
            .is_ok());
    }

    #[test]
    fn agent_account_needs_a_valid_poa_from_this_holder_to_this_agent() {
        let today = d("2026-06-01");
        let mut a = account(AccountRole::AuthorizedAgent);
        let fields = |r: Result<(), Vec<FieldError>>| -> Vec<(String, FieldErrorCode)> {
            r.err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.field, e.code))
                .collect()
        };
        assert_eq!(
            fields(a.validate(None, today)),
            [
                ("agent_id".to_string(), FieldErrorCode::Required),
                ("poa_id".to_string(), FieldErrorCode::PoaRequired)
            ]
        );
        let agent = new_id();
        a.agent_id = Some(agent);
        let good = poa_for(&a, agent, "2026-12-31");
        a.poa_id = Some(good.id);
        assert!(a.validate(Some(&good), today).is_ok());

        let expired = poa_for(&a, agent, "2026-05-31");
        assert_eq!(
            fields(a.validate(Some(&expired), today)),
            [("poa_id".to_string(), FieldErrorCode::PoaInvalid)]
        );

        let other_agent = poa_for(&a, new_id(), "2026-12-31");
        assert_eq!(
            fields(a.validate(Some(&other_agent), today)),
            [("poa_id".to_string(), FieldErrorCode::PoaInvalid)]
        );
    }

    #[test]
    fn status_cycle() {
        use AccountStatus::*;
        assert!(NotStarted.can_move_to(Submitted));
        assert!(Submitted.can_move_to(Rejected));
        assert!(Rejected.can_move_to(Resubmitted));
        assert!(Resubmitted.can_move_to(Verified));
        assert!(!NotStarted.can_move_to(Verified));
        assert!(!Rejected.can_move_to(Verified));
        assert!(!Verified.can_move_to(NotStarted));
    }
}
