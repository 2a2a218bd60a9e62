//! What crosses the boundary to a host (app, CLI): views built from domain
//! types, with the derived facts (expiry flags, POA state, counts) the UI
//! shows, so no rule is repeated in TypeScript.

use chrono::{DateTime, NaiveDate, Utc};
use ippdesk_domain::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ErrorCode;

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
    pub captured_at: Option<DateTime<Utc>>,
    pub captured_by: String,
    pub source_url: String,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AttachInput {
    pub owner_kind: OwnerKind,
    pub owner_id: Id,
    /// `None`: guess each evidence file's kind from its name.
    pub doc_kind: Option<DocumentKind>,
    /// Paths on this computer, from the file dialog or a drop.
    pub paths: Vec<String>,
    /// For evidence: when, by whom and from where it was captured.
    #[serde(default)]
    #[ts(optional)]
    pub facts: Option<EvidenceFacts>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct EvidenceFacts {
    pub captured_at: Option<DateTime<Utc>>,
    pub captured_by: String,
    pub source_url: String,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditView {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// Who made the change (empty for rows from before actors were kept).
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub hash: String,
}

/// One row of the audit log as `ippdesk audit list` prints it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditRow {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    /// The kind of record (holder, complaint …).
    pub table: String,
    /// The record's id.
    pub record: String,
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
    pub sellers: u32,
    pub complaints: u32,
    pub listings: u32,
}

// ---- IPP step 3: complaints, listings, sellers, evidence, search ----

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ComplaintFilter {
    pub status: Option<ComplaintStatus>,
    pub platform: Option<Platform>,
    pub right_id: Option<Id>,
    pub assignee: Option<String>,
    /// "created" | "filed" | "listings" | "status".
    pub sort: Option<String>,
    pub descending: bool,
    pub offset: u32,
    /// Rows per page (default 100, at most 1000).
    pub limit: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComplaintRow {
    #[serde(flatten)]
    pub complaint: Complaint,
    pub label: String,
    pub right_title: String,
    pub account_label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComplaintPage {
    pub rows: Vec<ComplaintRow>,
    #[ts(type = "number")]
    pub total: u64,
    pub assignees: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComplaintListingView {
    pub listing: Listing,
    pub position: u32,
    pub outcome: ListingOutcome,
    pub outcome_on: Option<NaiveDate>,
    pub evidence: Vec<DocumentView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FilingProblemView {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TestPurchaseView {
    #[serde(flatten)]
    pub purchase: TestPurchase,
    pub photos: Vec<DocumentView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComplaintDetail {
    pub row: ComplaintRow,
    pub listings: Vec<ComplaintListingView>,
    pub evidence: Vec<DocumentView>,
    pub test_purchases: Vec<TestPurchaseView>,
    /// Why it cannot be filed today (empty: it can).
    pub filing_problems: Vec<FilingProblemView>,
    pub max_listings: u32,
    pub next_statuses: Vec<ComplaintStatus>,
    pub counter_notices: Vec<CounterNoticeView>,
    /// Every deadline and task on the complaint, done ones included.
    pub deadlines: Vec<Deadline>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FileComplaintInput {
    pub filed_on: NaiveDate,
    pub external_number: String,
    /// When the platform notified the seller, if known already.
    #[serde(default)]
    pub seller_notified_on: Option<NaiveDate>,
}

/// What a bulk action did: each complaint done, left as it was, or refused
/// with the reason.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct BulkResult {
    pub done: Vec<Id>,
    pub unchanged: Vec<Id>,
    pub failures: Vec<BulkFailure>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BulkFailure {
    pub id: Id,
    pub label: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OutcomeInput {
    pub listing_ids: Vec<Id>,
    pub outcome: ListingOutcome,
    pub on: Option<NaiveDate>,
}

/// Where import lines come from: pasted text, or a CSV / XLSX file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportSource {
    Paste { text: String },
    File { path: String },
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    pub source: ImportSource,
    /// Add the accepted and already-known listings to this complaint.
    pub complaint_id: Option<Id>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub counts: ImportCounts,
    pub lines: Vec<LineReport>,
    /// False for a preview: nothing was written.
    pub committed: bool,
    pub added_to_complaint: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    pub stage: String,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BatchRequest {
    pub account_id: Id,
    pub right_id: Id,
    pub platform: Platform,
    pub reason: ComplaintReason,
    pub assignee: String,
    pub explanation_en: String,
    pub explanation_zh: String,
    /// Listings already stored (selected in a table) …
    pub listing_ids: Vec<Id>,
    /// … and / or pasted URLs, imported first.
    pub paste: String,
    pub by_storefront: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct HeldElsewhereView {
    pub listing_id: Id,
    pub url: String,
    pub complaint_id: Id,
    pub complaint_label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BatchResult {
    pub complaints: Vec<ComplaintRow>,
    pub held_elsewhere: Vec<HeldElsewhereView>,
    /// Lines of the paste that were not used (invalid, or another platform),
    /// then picked listings on another platform (as line 0).
    pub skipped: Vec<LineReport>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UrlExportFormat {
    Text,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SellerRow {
    #[serde(flatten)]
    pub seller: Seller,
    pub listings: u32,
    pub complaints: u32,
    pub flags: Vec<RedFlag>,
    pub risk_level: RiskLevel,
    pub risk: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SellerGroupView {
    pub id: Id,
    pub name: String,
    pub members: Vec<SellerRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SellerDetail {
    pub row: SellerRow,
    pub listings: Vec<Listing>,
    pub complaints: Vec<ComplaintRow>,
    pub documents: Vec<DocumentView>,
    pub group: Option<SellerGroupView>,
    /// Stores that share an identifier with this one, not yet grouped with it.
    pub suggestions: Vec<LinkSuggestionView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LinkSuggestionView {
    pub a: Id,
    pub a_name: String,
    pub b: Id,
    pub b_name: String,
    pub shared: Vec<SharedIdentifier>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LinkSellersInput {
    pub seller_ids: Vec<Id>,
    /// Name for a new group when none of them is grouped yet.
    pub group_name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ListingDetail {
    pub listing: Listing,
    pub complaints: Vec<ComplaintRow>,
    pub evidence: Vec<DocumentView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchHitKind {
    Listing,
    Seller,
    Complaint,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub kind: SearchHitKind,
    pub id: Id,
    pub title: String,
    pub detail: String,
    /// For a listing: the complaint it is in (to open), if any.
    pub complaint_id: Option<Id>,
}

// ---------------------------------------------------------------------------
// IPP step 4: counter-notices, deadlines, tasks, people, the dashboard.

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CounterNoticeView {
    #[serde(flatten)]
    pub notice: CounterNotice,
    /// The seller's files and ours (documents owned by the counter-notice).
    pub evidence: Vec<DocumentView>,
    /// Deadlines its rules set (reply, art. 43 …).
    pub deadlines: Vec<Deadline>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CounterResponseInput {
    pub response_text: String,
    pub responded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CounterDecisionInput {
    pub decision: CounterDecision,
    pub decided_on: NaiveDate,
}

/// A deadline with what a row needs to open its case.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DeadlineRow {
    #[serde(flatten)]
    pub deadline: Deadline,
    /// "IPP-TB-2026-0173" or the complaint's label, when it has a complaint.
    pub complaint_label: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BucketCounts {
    pub overdue: u64,
    pub due_today: u64,
    pub due_this_week: u64,
    pub open: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BucketGroup {
    /// The assignee's name or the platform ("" when none).
    pub key: String,
    pub counts: BucketCounts,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StatusCount {
    pub status: ComplaintStatus,
    pub count: u64,
}

/// The good-faith test of one programme account over the rolling window.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct GoodFaithRow {
    pub account_id: Id,
    pub account_label: String,
    pub figures: EnforcementFigures,
    pub check: GoodFaithCheck,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub now: DateTime<Utc>,
    pub counts: BucketCounts,
    pub by_assignee: Vec<BucketGroup>,
    pub by_platform: Vec<BucketGroup>,
    /// Overdue and due within the week, soonest first (at most 200).
    pub upcoming: Vec<DeadlineRow>,
    pub complaints_by_status: Vec<StatusCount>,
    /// Alibaba IPP accounts, rolling 3 months to today.
    pub good_faith: Vec<GoodFaithRow>,
    pub good_faith_from: NaiveDate,
    pub good_faith_to: NaiveDate,
}

/// The dashboard's deadline lists, as `open_deadlines` names them.
pub const DEADLINE_BUCKETS: [&str; 4] = ["overdue", "today", "week", "open"];

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DeadlineFilter {
    /// One of [`DEADLINE_BUCKETS`]: "overdue", "today", "week" or "open"
    /// (every open deadline).
    pub bucket: String,
    pub assignee: Option<String>,
    pub platform: Option<Platform>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum EnforcementDim {
    Account,
    Platform,
    Reason,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EnforcementQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Group by these, in this order; empty gives the total only.
    pub group_by: Vec<EnforcementDim>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EnforcementRow {
    pub account_id: Option<Id>,
    pub account_label: Option<String>,
    pub platform: Option<Platform>,
    pub reason: Option<ComplaintReason>,
    pub figures: EnforcementFigures,
    pub good_faith: GoodFaithCheck,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EnforcementReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<EnforcementRow>,
    pub total: EnforcementFigures,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Csv,
    Xlsx,
    /// Drawn like the evidence packets: bilingual, A4.
    Pdf,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReportExport {
    pub path: String,
    pub format: ReportFormat,
    pub query: EnforcementQuery,
}
