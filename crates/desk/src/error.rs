//! The one error type that crosses every boundary: `{code, message, fields}`.
//! The UI switches on `code` and shows `fields` under their inputs; it never
//! parses `message`.

use ippdesk_domain::FieldError;
use ippdesk_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Duplicate,
    InUse,
    InvalidTransition,
    /// A complaint that may not be filed; the message lists every reason.
    FilingRefused,
    NotADatabase,
    NotIppDesk,
    DatabaseTooNew,
    Io,
    Internal,
    /// A command's arguments could not be read (a host or UI bug, not the user's).
    InvalidArgs,
    UnknownCommand,
    /// Not allowed: a path the user did not choose, or (team edition) a role's limit.
    Forbidden,
    /// Long work stopped at the user's request; nothing was saved.
    Cancelled,
    /// The record changed since the form was opened (someone else saved it);
    /// nothing was saved: reload, then edit again.
    Stale,
}

impl ErrorCode {
    /// Every code, for the UI's check that an error came from the backend.
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::Validation,
        ErrorCode::NotFound,
        ErrorCode::Duplicate,
        ErrorCode::InUse,
        ErrorCode::InvalidTransition,
        ErrorCode::FilingRefused,
        ErrorCode::NotADatabase,
        ErrorCode::NotIppDesk,
        ErrorCode::DatabaseTooNew,
        ErrorCode::Io,
        ErrorCode::Internal,
        ErrorCode::InvalidArgs,
        ErrorCode::UnknownCommand,
        ErrorCode::Forbidden,
        ErrorCode::Cancelled,
        ErrorCode::Stale,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct DeskError {
    pub code: ErrorCode,
    pub message: String,
    /// Field-level errors of a form (only with `code: validation` or `duplicate`).
    pub fields: Vec<FieldError>,
}

impl DeskError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        DeskError {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn validation(fields: Vec<FieldError>) -> Self {
        let n = fields.len();
        DeskError {
            code: ErrorCode::Validation,
            message: format!(
                "{n} field{} need{} attention.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" }
            ),
            fields,
        }
    }
}

impl From<Vec<FieldError>> for DeskError {
    fn from(fields: Vec<FieldError>) -> Self {
        DeskError::validation(fields)
    }
}

impl From<StoreError> for DeskError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotADatabase(_) => ErrorCode::NotADatabase,
            StoreError::NotIppDesk(_) => ErrorCode::NotIppDesk,
            StoreError::TooNew { .. } => ErrorCode::DatabaseTooNew,
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Duplicate(_) => ErrorCode::Duplicate,
            StoreError::InUse(_) => ErrorCode::InUse,
            StoreError::Io { .. } | StoreError::Connect(_) => ErrorCode::Io,
            StoreError::Forbidden(_) => ErrorCode::Forbidden,
            StoreError::Invalid(_) => ErrorCode::Validation,
            StoreError::Migration { .. }
            | StoreError::Sqlite(_)
            | StoreError::Postgres(_)
            | StoreError::Unsupported(_)
            | StoreError::Corrupt(_) => ErrorCode::Internal,
        };
        DeskError::new(code, e.to_string())
    }
}
