use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Checker, FieldError, Id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum HolderKind {
    Company,
    Individual,
}

/// What a user types for a rights holder (the company or person owning IP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HolderDraft {
    pub kind: HolderKind,
    /// As on the registration certificate or ID, in any script (e.g. Chinese).
    pub legal_name: String,
    pub latin_name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub registration_number: String,
    pub address: String,
    pub contact_email: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Holder {
    pub id: Id,
    #[serde(flatten)]
    pub draft: HolderDraft,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl HolderDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("legal_name", &self.legal_name);
        check_country(&mut c, "country", &self.country);
        c.email("contact_email", &self.contact_email, true);
        c.finish()
    }

    /// Trims every text field: pasted names often carry stray spaces.
    pub fn normalized(mut self) -> Self {
        for f in [
            &mut self.legal_name,
            &mut self.latin_name,
            &mut self.registration_number,
            &mut self.address,
            &mut self.contact_email,
        ] {
            *f = f.trim().to_string();
        }
        self.country = self.country.trim().to_uppercase();
        self
    }
}

pub(crate) fn check_country(c: &mut Checker, field: &str, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        c.required(field, v);
    } else if !is_country_code(v) {
        c.add(
            field,
            crate::FieldErrorCode::Invalid,
            "Use a two-letter country code such as CN, US or DE.",
        );
    }
}

pub fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.chars().all(|ch| ch.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn draft() -> HolderDraft {
        HolderDraft {
            kind: HolderKind::Company,
            legal_name: "深圳市极光电子有限公司".into(),
            latin_name: "Shenzhen Aurora Electronics Co., Ltd.".into(),
            country: "cn".into(),
            registration_number: "91440300MA5F000000".into(),
            address: "".into(),
            contact_email: "ip@aurora.example".into(),
            notes: "".into(),
        }
    }

    #[test]
    fn chinese_legal_name_is_valid() {
        let d = draft().normalized();
        assert_eq!(d.country, "CN");
        assert!(d.validate().is_ok());
    }

    #[test]
    fn missing_and_malformed_fields_are_named() {
        let d = HolderDraft {
            legal_name: " ".into(),
            country: "China".into(),
            contact_email: "ip-at-aurora".into(),
            ..draft()
        };
        let fields: Vec<_> = d
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["legal_name", "country", "contact_email"]);
    }
}
