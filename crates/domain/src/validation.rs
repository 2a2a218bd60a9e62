//! Field-level validation errors, shaped for a form: the UI shows each one
//! under its field, translated by `code`; `message` is the English fallback.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    Required,
    Email,
    DateOrder,
    OutOfRange,
    Invalid,
    Duplicate,
    NotFound,
    PoaRequired,
    PoaInvalid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub code: FieldErrorCode,
    pub message: String,
}

/// Collects field errors while a draft is checked.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn add(&mut self, field: &str, code: FieldErrorCode, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.to_string(),
            code,
            message: message.into(),
        });
    }

    pub fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, FieldErrorCode::Required, "This field is required.");
        }
    }

    pub fn email(&mut self, field: &str, value: &str, required: bool) {
        let v = value.trim();
        if v.is_empty() {
            if required {
                self.required(field, v);
            }
        } else if !is_email(v) {
            self.add(
                field,
                FieldErrorCode::Email,
                "Enter an e-mail address such as name@example.com.",
            );
        }
    }

    pub fn date_order<T: PartialOrd>(
        &mut self,
        field: &str,
        earlier: Option<T>,
        later: Option<T>,
        what: &str,
    ) {
        if let (Some(a), Some(b)) = (earlier, later) {
            if a > b {
                self.add(
                    field,
                    FieldErrorCode::DateOrder,
                    format!("Must not be before the {what}."),
                );
            }
        }
    }

    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

/// A deliberately plain check (one `@`, a dot in the domain, no spaces):
/// full RFC 5322 parsing would accept addresses no programme does.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["a@b.co", "ip.team+cn@brand.com.cn", "法务@例子.中国"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.com",
            "a@b..com",
            "a b@c.com",
            "a@b.com.",
            "a@@b.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn checker_collects_in_order() {
        let mut c = Checker::default();
        c.required("name", "  ");
        c.email("email", "nope", true);
        c.date_order("until", Some(2), Some(1), "start date");
        let errs = c.finish().unwrap_err();
        let codes: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("name", FieldErrorCode::Required),
                ("email", FieldErrorCode::Email),
                ("until", FieldErrorCode::DateOrder)
            ]
        );
        assert!(Checker::default().finish().is_ok());
    }
}
