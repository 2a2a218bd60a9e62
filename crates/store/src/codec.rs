//! Conversions between domain values and stored columns. Enums are stored as
//! their serde names (text), lists as JSON (text in SQLite, jsonb in
//! PostgreSQL): readable in any tool. How each backend binds and reads them
//! is in `sql.rs`.

use serde::Serialize;
use uuid::Uuid;

use crate::StoreError;

pub(crate) fn enum_text<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("enum {other:?} does not serialize to a string"),
    }
}

pub(crate) fn json_text<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

pub(crate) fn not_found(what: &str, id: Uuid) -> StoreError {
    StoreError::NotFound(format!("{what} {id}"))
}

/// Instants that are compared in SQL (deadlines) are stored in one fixed-width
/// form, `2026-10-08T15:59:59Z`, so text order is time order.
pub(crate) fn instant_text(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
