//! What crosses the boundary to a host (app, CLI): views built from domain
//! types, with the derived facts (expiry flags, POA state, counts) the UI
//! shows, so no rule is repeated in TypeScript.

use chrono::{DateTime, NaiveDate, Utc};
use ippdesk_domain::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DeskInfo {
    pub db_path: String,
    pub vault_dir: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct HolderRow {
    #[serde(flatten)]
    pub holder: Holder,
    pub rights_count: u32,
    pub accounts_count: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct HolderDetail {
    pub holder: Holder,
    pub accounts: Vec<AccountView>,
    pub poas: Vec<PoaView>,
    pub rights: Vec<RightRow>,
    pub documents: Vec<DocumentView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AgentRow {
    #[serde(flatten)]
    pub agent: Agent,
    pub poa_count: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PoaView {
    #[serde(flatten)]
    pub poa: PowerOfAttorney,
    pub agent_name: String,
    pub state: PoaState,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AccountView {
    #[serde(flatten)]
    pub account: Account,
    pub agent_name: Option<String>,
    pub history: Vec<StatusChange>,
    /// The statuses this account may move to next.
    pub next_statuses: Vec<AccountStatus>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StatusChangeInput {
    pub to: AccountStatus,
    pub on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RightRow {
    #[serde(flatten)]
    pub right: IpRight,
    pub registrant_name: String,
    pub expiry: ExpiryFlag,
    pub registrations: Vec<ProgrammeRegistration>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PlatformBacking {
    pub platform: Platform,
    /// None: the right can back a complaint there today.
    pub refused: Option<CannotBack>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RightDetail {
    #[serde(flatten)]
    pub row: RightRow,
    pub documents: Vec<DocumentView>,
    pub backing: Vec<PlatformBacking>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentView {
    pub id: Id,
    pub owner_kind: OwnerKind,
    pub owner_id: Id,
    pub doc_kind: DocumentKind,
    pub sha256: String,
    pub original_name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: String,
    pub added_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AttachInput {
    pub owner_kind: OwnerKind,
    pub owner_id: Id,
    pub doc_kind: DocumentKind,
    /// Paths on this computer, from the file dialog or a drop.
    pub paths: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditView {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub action: String,
    pub entity: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct VaultIssue {
    pub sha256: String,
    pub problem: String,
    /// The documents that point at this file (original names).
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditIssue {
    #[ts(type = "number")]
    pub seq: i64,
    pub problem: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct VerifyReport {
    pub ok: bool,
    pub files_checked: u32,
    pub vault: Vec<VaultIssue>,
    #[ts(type = "number")]
    pub audit_rows: i64,
    pub audit: Vec<AuditIssue>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SampleSummary {
    pub holders: u32,
    pub agents: u32,
    pub accounts: u32,
    pub rights: u32,
    pub documents: u32,
}
