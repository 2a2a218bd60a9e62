//! Agents (law firms or people filing on a holder's behalf) and the powers of
//! attorney that let them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Checker, FieldError, Id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum AgentKind {
    LawFirm,
    Person,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgentDraft {
    pub kind: AgentKind,
    pub name: String,
    pub country: String,
    pub contact_email: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agent {
    pub id: Id,
    #[serde(flatten)]
    pub draft: AgentDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl AgentDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("name", &self.name);
        crate::holder::check_country(&mut c, "country", &self.country);
        c.email("contact_email", &self.contact_email, true);
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PoaDraft {
    /// The rights holder granting the power.
    pub holder_id: Id,
    pub agent_id: Id,
    /// What the agent may do, e.g. "IPP registration and complaints, all Alibaba platforms".
    pub scope: String,
    pub valid_from: NaiveDate,
    /// None: valid until revoked.
    pub valid_until: Option<NaiveDate>,
    /// Title of the individual signatory (required by IPP when the grantor is a person).
    pub signatory_title: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PowerOfAttorney {
    pub id: Id,
    #[serde(flatten)]
    pub draft: PoaDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PoaDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("scope", &self.scope);
        c.date_order(
            "valid_until",
            Some(self.valid_from),
            self.valid_until,
            "valid-from date",
        );
        c.finish()
    }
}

/// Days before expiry at which a POA is flagged as expiring soon.
pub const POA_WARN_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum PoaState {
    NotYetValid,
    Valid,
    ExpiringSoon {
        #[ts(type = "number")]
        days_left: i64,
    },
    Expired,
}

impl PoaState {
    pub fn is_usable(self) -> bool {
        matches!(self, PoaState::Valid | PoaState::ExpiringSoon { .. })
    }
}

pub fn poa_state(poa: &PoaDraft, today: NaiveDate) -> PoaState {
    if today < poa.valid_from {
        return PoaState::NotYetValid;
    }
    match poa.valid_until {
        Some(until) if today > until => PoaState::Expired,
        Some(until) if (until - today).num_days() <= POA_WARN_DAYS => PoaState::ExpiringSoon {
            days_left: (until - today).num_days(),
        },
        _ => PoaState::Valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn poa(from: &str, until: Option<&str>) -> PoaDraft {
        PoaDraft {
            holder_id: crate::new_id(),
            agent_id: crate::new_id(),
            scope: "IPP".into(),
            valid_from: d(from),
            valid_until: until.map(d),
            signatory_title: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn poa_states_across_its_life() {
        let p = poa("2026-01-01", Some("2026-12-31"));
        assert_eq!(poa_state(&p, d("2025-12-31")), PoaState::NotYetValid);
        assert_eq!(poa_state(&p, d("2026-01-01")), PoaState::Valid);
        assert_eq!(
            poa_state(&p, d("2026-12-01")),
            PoaState::ExpiringSoon { days_left: 30 }
        );
        assert_eq!(
            poa_state(&p, d("2026-12-31")),
            PoaState::ExpiringSoon { days_left: 0 }
        );
        assert_eq!(poa_state(&p, d("2027-01-01")), PoaState::Expired);
        assert_eq!(
            poa_state(&poa("2020-01-01", None), d("2030-01-01")),
            PoaState::Valid
        );
        assert!(!PoaState::Expired.is_usable());
        assert!(PoaState::ExpiringSoon { days_left: 3 }.is_usable());
    }

    #[test]
    fn poa_dates_must_be_in_order() {
        let errs = poa("2026-02-01", Some("2026-01-01"))
            .validate()
            .unwrap_err();
        assert_eq!(errs[0].field, "valid_until");
    }
}
