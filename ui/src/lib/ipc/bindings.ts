// Generated from the Rust types by `make bindings` (ts-rs). Do not edit by hand.
export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;

export type FieldErrorCode = "required" | "email" | "date_order" | "out_of_range" | "invalid" | "duplicate" | "not_found" | "poa_required" | "poa_invalid";

export type FieldError = { field: string, code: FieldErrorCode, message: string, };

export type HolderKind = "company" | "individual";

export type HolderDraft = { kind: HolderKind, 
/**
 * As on the registration certificate or ID, in any script (e.g. Chinese).
 */
legal_name: string, latin_name: string, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, registration_number: string, address: string, contact_email: string, notes: string, };

export type Holder = { id: string, created_at: string, updated_at: string, kind: HolderKind, 
/**
 * As on the registration certificate or ID, in any script (e.g. Chinese).
 */
legal_name: string, latin_name: string, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, registration_number: string, address: string, contact_email: string, notes: string, };

export type AgentKind = "law_firm" | "person";

export type AgentDraft = { kind: AgentKind, name: string, country: string, contact_email: string, notes: string, };

export type Agent = { id: string, created_at: string, updated_at: string, kind: AgentKind, name: string, country: string, contact_email: string, notes: string, };

export type PoaDraft = { 
/**
 * The rights holder granting the power.
 */
holder_id: string, agent_id: string, 
/**
 * What the agent may do, e.g. "IPP registration and complaints, all Alibaba platforms".
 */
scope: string, valid_from: string, 
/**
 * None: valid until revoked.
 */
valid_until: string | null, 
/**
 * Title of the individual signatory (required by IPP when the grantor is a person).
 */
signatory_title: string, notes: string, };

export type PowerOfAttorney = { id: string, created_at: string, updated_at: string, 
/**
 * The rights holder granting the power.
 */
holder_id: string, agent_id: string, 
/**
 * What the agent may do, e.g. "IPP registration and complaints, all Alibaba platforms".
 */
scope: string, valid_from: string, 
/**
 * None: valid until revoked.
 */
valid_until: string | null, 
/**
 * Title of the individual signatory (required by IPP when the grantor is a person).
 */
signatory_title: string, notes: string, };

export type PoaState = { "state": "not_yet_valid" } | { "state": "valid" } | { "state": "expiring_soon", days_left: number, } | { "state": "expired" };

export type Programme = "alibaba_ipp" | "amazon_brand_registry" | "ebay_vero" | "other";

export type Platform = "1688" | "aliexpress" | "taobao" | "tmall" | "tmall-global" | "alibaba" | "lazada" | "xianyu" | "daraz" | "amazon" | "ebay" | "other";

export type AccountRole = "rights_holder" | "authorized_agent";

export type AccountLocation = "mainland_china" | "elsewhere";

export type AccountStatus = "not_started" | "submitted" | "verified" | "rejected" | "resubmitted";

export type AccountDraft = { holder_id: string, programme: Programme, role: AccountRole, location: AccountLocation, login_email: string, contact_email: string, external_id: string, 
/**
 * For an authorized-agent account: the agent and the POA it files under.
 */
agent_id: string | null, poa_id: string | null, notes: string, };

export type Account = { id: string, status: AccountStatus, created_at: string, updated_at: string, holder_id: string, programme: Programme, role: AccountRole, location: AccountLocation, login_email: string, contact_email: string, external_id: string, 
/**
 * For an authorized-agent account: the agent and the POA it files under.
 */
agent_id: string | null, poa_id: string | null, notes: string, };

export type StatusChange = { id: string, account_id: string, from: AccountStatus, to: AccountStatus, on: string, note: string, recorded_at: string, };

export type RightKind = "trademark" | "patent_invention" | "patent_utility_model" | "patent_design" | "copyright";

export type MarkType = "word" | "device" | "combined";

export type RightDraft = { kind: RightKind, 
/**
 * Mark name for a trademark, title for a patent or work.
 */
title: string, mark_type: MarkType | null, registration_number: string, 
/**
 * ISO 3166-1 alpha-2, or "WIPO" (Madrid) or "EU".
 */
jurisdiction: string, 
/**
 * For WIPO / EU rights: the designated countries (ISO codes), e.g. CN.
 */
designations: Array<string>, 
/**
 * The rights holder who is the current registrant.
 */
registrant_id: string, nice_classes: Array<number>, filing_date: string | null, registration_date: string | null, expiry_date: string | null, notes: string, };

export type IpRight = { id: string, created_at: string, updated_at: string, kind: RightKind, 
/**
 * Mark name for a trademark, title for a patent or work.
 */
title: string, mark_type: MarkType | null, registration_number: string, 
/**
 * ISO 3166-1 alpha-2, or "WIPO" (Madrid) or "EU".
 */
jurisdiction: string, 
/**
 * For WIPO / EU rights: the designated countries (ISO codes), e.g. CN.
 */
designations: Array<string>, 
/**
 * The rights holder who is the current registrant.
 */
registrant_id: string, nice_classes: Array<number>, filing_date: string | null, registration_date: string | null, expiry_date: string | null, notes: string, };

export type ExpiryFlag = "no_expiry" | "ok" | "within90_days" | "within30_days" | "expired";

export type ProgrammeRightState = "submitted" | "approved" | "rejected" | "needs_new_proof";

export type ProgrammeRegistrationDraft = { right_id: string, programme: Programme, state: ProgrammeRightState, reference: string, submitted_on: string | null, decided_on: string | null, notes: string, };

export type ProgrammeRegistration = { id: string, updated_at: string, right_id: string, programme: Programme, state: ProgrammeRightState, reference: string, submitted_on: string | null, decided_on: string | null, notes: string, };

export type CannotBack = "not_approved" | "expired" | "not_valid_in_china";

export type DocumentKind = "business_registration" | "id_card" | "passport" | "driving_licence" | "power_of_attorney" | "certificate" | "renewal" | "assignment" | "change_certificate" | "translation" | "patent_evaluation" | "listing_screenshot" | "comparison" | "test_purchase_photo" | "test_purchase_receipt" | "appraisal_report" | "web_archive" | "other";

export type OwnerKind = "holder" | "agent" | "poa" | "account" | "right" | "complaint" | "listing" | "seller" | "test_purchase" | "counter_notice";

export type ListingKind = "listing" | "storefront" | "short-link" | "unknown";

export type ParsedUrl = { platform: Platform, kind: ListingKind, 
/**
 * Listing id, storefront id or short-link code; `None` for `Unknown`.
 */
id: string | null, 
/**
 * The same for every form of the same listing (see the module docs).
 */
canonical: string, };

export type ComplaintStatus = "draft" | "ready" | "filed" | "closed";

export type ComplaintTarget = "listings" | "storefront";

export type ComplaintReason = "trademark_infringement" | "counterfeit" | "unauthorized_image_use" | "patent_infringement" | "copyright_infringement" | "model_does_not_exist" | "other";

export type ListingOutcome = "pending" | "removed" | "rejected" | "reinstated" | "withdrawn";

export type ComplaintDraft = { account_id: string, platform: Platform, right_id: string, target: ComplaintTarget, reason: ComplaintReason, explanation_en: string, explanation_zh: string, external_number: string, assignee: string, notes: string, };

export type Complaint = { id: string, status: ComplaintStatus, filed_on: string | null, 
/**
 * When the platform notified the seller (its date); until recorded, the
 * seller's window is counted from the filing date, as an estimate.
 */
seller_notified_on: string | null, listing_count: number, created_at: string, updated_at: string, account_id: string, platform: Platform, right_id: string, target: ComplaintTarget, reason: ComplaintReason, explanation_en: string, explanation_zh: string, external_number: string, assignee: string, notes: string, };

export type FilingProblem = { "code": "right", reason: string, } | { "code": "account_not_verified" } | { "code": "wrong_programme" } | { "code": "no_listings" } | { "code": "too_many_listings", count: number, limit: number, } | { "code": "not_editable" };

export type SellerDraft = { platform: Platform, 
/**
 * As shown on the platform, often Chinese.
 */
store_name: string, store_name_translation: string, store_id: string, store_url: string, company_name: string, location: string, phone: string, address: string, wechat_id: string, years_in_business: number | null, employee_count: number | null, office_size_m2: number | null, factory_size_m2: number | null, 
/**
 * E.g. "delivery_guarantee", "verified_supplier", "gold_supplier_5y".
 */
badges: Array<string>, 
/**
 * The platform's rating, 0–5.
 */
rating: number | null, group_id: string | null, notes: string, };

export type Seller = { id: string, created_at: string, updated_at: string, platform: Platform, 
/**
 * As shown on the platform, often Chinese.
 */
store_name: string, store_name_translation: string, store_id: string, store_url: string, company_name: string, location: string, phone: string, address: string, wechat_id: string, years_in_business: number | null, employee_count: number | null, office_size_m2: number | null, factory_size_m2: number | null, 
/**
 * E.g. "delivery_guarantee", "verified_supplier", "gold_supplier_5y".
 */
badges: Array<string>, 
/**
 * The platform's rating, 0–5.
 */
rating: number | null, group_id: string | null, notes: string, };

export type RedFlag = "young_business" | "few_staff" | "no_delivery_guarantee" | "low_rating" | "no_factory" | "repeat_infringer";

export type RiskLevel = "none" | "low" | "medium" | "high";

export type SharedIdentifier = "company_name" | "phone" | "address" | "wechat_id";

export type Listing = { id: string, platform: Platform, kind: ListingKind, external_id: string | null, canonical_url: string, 
/**
 * The form it was first pasted in.
 */
original_url: string, title: string, price: string, seller_name: string, store_url: string, seller_id: string | null, notes: string, created_at: string, };

export type LineOutcome = { "status": "accepted", platform: Platform, kind: ListingKind, canonical: string, } | { "status": "duplicate_in_batch", first_line: number, canonical: string, } | { "status": "already_known", listing_id: string, canonical: string, complaints: Array<ComplaintRef>, } | { "status": "invalid", reason: string, };

export type ComplaintRef = { id: string, label: string, };

export type LineReport = { line: number, input: string, } & ({ "status": "accepted", platform: Platform, kind: ListingKind, canonical: string, } | { "status": "duplicate_in_batch", first_line: number, canonical: string, } | { "status": "already_known", listing_id: string, canonical: string, complaints: Array<ComplaintRef>, } | { "status": "invalid", reason: string, });

export type ImportCounts = { accepted: number, duplicate: number, known: number, invalid: number, };

export type TestPurchaseDraft = { complaint_id: string | null, listing_id: string | null, seller_id: string | null, order_number: string, ordered_on: string | null, price: string, what_arrived: string, appraisal_result: string, notes: string, };

export type TestPurchase = { id: string, created_at: string, updated_at: string, complaint_id: string | null, listing_id: string | null, seller_id: string | null, order_number: string, ordered_on: string | null, price: string, what_arrived: string, appraisal_result: string, notes: string, };

export type ErrorCode = "validation" | "not_found" | "duplicate" | "in_use" | "invalid_transition" | "filing_refused" | "not_a_database" | "not_ipp_desk" | "database_too_new" | "io" | "internal" | "invalid_args" | "unknown_command" | "forbidden" | "cancelled" | "stale";

export type DeskError = { code: ErrorCode, message: string, 
/**
 * Field-level errors of a form (only with `code: validation` or `duplicate`).
 */
fields: Array<FieldError>, };

export type DeskInfo = { db_path: string, vault_dir: string, schema_version: number, today: string, };

export type HolderRow = { rights_count: number, accounts_count: number, id: string, created_at: string, updated_at: string, kind: HolderKind, 
/**
 * As on the registration certificate or ID, in any script (e.g. Chinese).
 */
legal_name: string, latin_name: string, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, registration_number: string, address: string, contact_email: string, notes: string, };

export type HolderDetail = { holder: Holder, accounts: Array<AccountView>, poas: Array<PoaView>, rights: Array<RightRow>, documents: Array<DocumentView>, };

export type AgentRow = { poa_count: number, id: string, created_at: string, updated_at: string, kind: AgentKind, name: string, country: string, contact_email: string, notes: string, };

export type PoaView = { agent_name: string, state: PoaState, id: string, created_at: string, updated_at: string, 
/**
 * The rights holder granting the power.
 */
holder_id: string, agent_id: string, 
/**
 * What the agent may do, e.g. "IPP registration and complaints, all Alibaba platforms".
 */
scope: string, valid_from: string, 
/**
 * None: valid until revoked.
 */
valid_until: string | null, 
/**
 * Title of the individual signatory (required by IPP when the grantor is a person).
 */
signatory_title: string, notes: string, };

export type AccountView = { agent_name: string | null, history: Array<StatusChange>, 
/**
 * The statuses this account may move to next.
 */
next_statuses: Array<AccountStatus>, id: string, status: AccountStatus, created_at: string, updated_at: string, holder_id: string, programme: Programme, role: AccountRole, location: AccountLocation, login_email: string, contact_email: string, external_id: string, 
/**
 * For an authorized-agent account: the agent and the POA it files under.
 */
agent_id: string | null, poa_id: string | null, notes: string, };

export type StatusChangeInput = { to: AccountStatus, on: string, note: string, };

export type RightRow = { registrant_name: string, expiry: ExpiryFlag, registrations: Array<ProgrammeRegistration>, id: string, created_at: string, updated_at: string, kind: RightKind, 
/**
 * Mark name for a trademark, title for a patent or work.
 */
title: string, mark_type: MarkType | null, registration_number: string, 
/**
 * ISO 3166-1 alpha-2, or "WIPO" (Madrid) or "EU".
 */
jurisdiction: string, 
/**
 * For WIPO / EU rights: the designated countries (ISO codes), e.g. CN.
 */
designations: Array<string>, 
/**
 * The rights holder who is the current registrant.
 */
registrant_id: string, nice_classes: Array<number>, filing_date: string | null, registration_date: string | null, expiry_date: string | null, notes: string, };

export type PlatformBacking = { platform: Platform, 
/**
 * None: the right can back a complaint there today.
 */
refused: CannotBack | null, };

export type RightDetail = { documents: Array<DocumentView>, backing: Array<PlatformBacking>, registrant_name: string, expiry: ExpiryFlag, registrations: Array<ProgrammeRegistration>, id: string, created_at: string, updated_at: string, kind: RightKind, 
/**
 * Mark name for a trademark, title for a patent or work.
 */
title: string, mark_type: MarkType | null, registration_number: string, 
/**
 * ISO 3166-1 alpha-2, or "WIPO" (Madrid) or "EU".
 */
jurisdiction: string, 
/**
 * For WIPO / EU rights: the designated countries (ISO codes), e.g. CN.
 */
designations: Array<string>, 
/**
 * The rights holder who is the current registrant.
 */
registrant_id: string, nice_classes: Array<number>, filing_date: string | null, registration_date: string | null, expiry_date: string | null, notes: string, };

export type DocumentView = { id: string, owner_kind: OwnerKind, owner_id: string, doc_kind: DocumentKind, sha256: string, original_name: string, size: number, media_type: string, added_at: string, captured_at: string | null, captured_by: string, source_url: string, notes: string, };

export type AttachInput = { owner_kind: OwnerKind, owner_id: string, 
/**
 * `None`: guess each evidence file's kind from its name.
 */
doc_kind: DocumentKind | null, 
/**
 * Paths on this computer, from the file dialog or a drop.
 */
paths: Array<string>, 
/**
 * For evidence: when, by whom and from where it was captured.
 */
facts?: EvidenceFacts, };

export type AuditView = { seq: number, at: string, 
/**
 * Who made the change (empty for rows from before actors were kept).
 */
actor: string, action: string, entity: string, before: JsonValue | null, after: JsonValue | null, hash: string, };

export type AuditRow = { seq: number, at: string, actor: string, action: string, 
/**
 * The kind of record (holder, complaint …).
 */
table: string, 
/**
 * The record's id.
 */
record: string, };

export type WhoAmI = { user: string, team: boolean, 
/**
 * None in the solo edition, or for a server account with no IPP Desk role.
 */
role: "viewer" | "paralegal" | "manager" | "admin" | null, };

export type VaultIssue = { sha256: string, problem: string, 
/**
 * The documents that point at this file (original names).
 */
documents: Array<string>, };

export type AuditIssue = { seq: number, problem: string, };

export type VerifyReport = { ok: boolean, files_checked: number, vault: Array<VaultIssue>, audit_rows: number, audit: Array<AuditIssue>, };

export type SampleSummary = { holders: number, agents: number, accounts: number, rights: number, documents: number, sellers: number, complaints: number, listings: number, };

export type EvidenceFacts = { captured_at: string | null, captured_by: string, source_url: string, notes: string, };

export type ComplaintFilter = { status: ComplaintStatus | null, platform: Platform | null, right_id: string | null, assignee: string | null, 
/**
 * "created" | "filed" | "listings" | "status".
 */
sort: string | null, descending: boolean, offset: number, 
/**
 * Rows per page (default 100, at most 1000).
 */
limit: number, };

export type ComplaintRow = { label: string, right_title: string, account_label: string, id: string, status: ComplaintStatus, filed_on: string | null, 
/**
 * When the platform notified the seller (its date); until recorded, the
 * seller's window is counted from the filing date, as an estimate.
 */
seller_notified_on: string | null, listing_count: number, created_at: string, updated_at: string, account_id: string, platform: Platform, right_id: string, target: ComplaintTarget, reason: ComplaintReason, explanation_en: string, explanation_zh: string, external_number: string, assignee: string, notes: string, };

export type ComplaintPage = { rows: Array<ComplaintRow>, total: number, assignees: Array<string>, };

export type ComplaintListingView = { listing: Listing, position: number, outcome: ListingOutcome, outcome_on: string | null, evidence: Array<DocumentView>, };

export type FilingProblemView = { code: string, message: string, };

export type TestPurchaseView = { photos: Array<DocumentView>, id: string, created_at: string, updated_at: string, complaint_id: string | null, listing_id: string | null, seller_id: string | null, order_number: string, ordered_on: string | null, price: string, what_arrived: string, appraisal_result: string, notes: string, };

export type ComplaintDetail = { row: ComplaintRow, listings: Array<ComplaintListingView>, evidence: Array<DocumentView>, test_purchases: Array<TestPurchaseView>, 
/**
 * Why it cannot be filed today (empty: it can).
 */
filing_problems: Array<FilingProblemView>, max_listings: number, next_statuses: Array<ComplaintStatus>, counter_notices: Array<CounterNoticeView>, 
/**
 * Every deadline and task on the complaint, done ones included.
 */
deadlines: Array<Deadline>, };

export type FileComplaintInput = { filed_on: string, external_number: string, 
/**
 * When the platform notified the seller, if known already.
 */
seller_notified_on: string | null, };

export type OutcomeInput = { listing_ids: Array<string>, outcome: ListingOutcome, on: string | null, };

export type BulkResult = { done: Array<string>, unchanged: Array<string>, failures: Array<BulkFailure>, };

export type BulkFailure = { id: string, label: string, code: ErrorCode, message: string, };

export type ImportSource = { "kind": "paste", text: string, } | { "kind": "file", path: string, };

export type ImportRequest = { source: ImportSource, 
/**
 * Add the accepted and already-known listings to this complaint.
 */
complaint_id: string | null, };

export type ImportReport = { counts: ImportCounts, lines: Array<LineReport>, 
/**
 * False for a preview: nothing was written.
 */
committed: boolean, added_to_complaint: number, };

export type ImportProgress = { stage: string, done: number, total: number, };

export type BatchRequest = { account_id: string, right_id: string, platform: Platform, reason: ComplaintReason, assignee: string, explanation_en: string, explanation_zh: string, 
/**
 * Listings already stored (selected in a table) …
 */
listing_ids: Array<string>, 
/**
 * … and / or pasted URLs, imported first.
 */
paste: string, by_storefront: boolean, };

export type HeldElsewhereView = { listing_id: string, url: string, complaint_id: string, complaint_label: string, };

export type BatchResult = { complaints: Array<ComplaintRow>, held_elsewhere: Array<HeldElsewhereView>, 
/**
 * Lines of the paste that were not used (invalid, or another platform),
 * then picked listings on another platform (as line 0).
 */
skipped: Array<LineReport>, };

export type UrlExportFormat = "text" | "csv" | "xlsx";

export type SellerRow = { listings: number, complaints: number, flags: Array<RedFlag>, risk_level: RiskLevel, risk: string, id: string, created_at: string, updated_at: string, platform: Platform, 
/**
 * As shown on the platform, often Chinese.
 */
store_name: string, store_name_translation: string, store_id: string, store_url: string, company_name: string, location: string, phone: string, address: string, wechat_id: string, years_in_business: number | null, employee_count: number | null, office_size_m2: number | null, factory_size_m2: number | null, 
/**
 * E.g. "delivery_guarantee", "verified_supplier", "gold_supplier_5y".
 */
badges: Array<string>, 
/**
 * The platform's rating, 0–5.
 */
rating: number | null, group_id: string | null, notes: string, };

export type SellerGroupView = { id: string, name: string, members: Array<SellerRow>, };

export type SellerDetail = { row: SellerRow, listings: Array<Listing>, complaints: Array<ComplaintRow>, documents: Array<DocumentView>, group: SellerGroupView | null, 
/**
 * Stores that share an identifier with this one, not yet grouped with it.
 */
suggestions: Array<LinkSuggestionView>, };

export type LinkSuggestionView = { a: string, a_name: string, b: string, b_name: string, shared: Array<SharedIdentifier>, };

export type LinkSellersInput = { seller_ids: Array<string>, 
/**
 * Name for a new group when none of them is grouped yet.
 */
group_name: string, };

export type ListingDetail = { listing: Listing, complaints: Array<ComplaintRow>, evidence: Array<DocumentView>, };

export type SearchHitKind = "listing" | "seller" | "complaint";

export type SearchHit = { kind: SearchHitKind, id: string, title: string, detail: string, 
/**
 * For a listing: the complaint it is in (to open), if any.
 */
complaint_id: string | null, };

export type CalendarId = "cn" | "us" | "weekdays";

export type TriggerEvent = "complaint_filed" | "seller_notified" | "counter_notice_received" | "right_expiry" | "poa_expiry";

export type OffsetUnit = "working_days" | "calendar_days";

export type DoneWhen = "manual" | "responded" | "decided";

export type DeadlineRule = { 
/**
 * Stable name, e.g. `ipp_reply_counter_notice`.
 */
key: string, 
/**
 * What is due, shown on the dashboard ("Reply to the counter-notice").
 */
due: string, trigger: TriggerEvent, 
/**
 * Platforms the rule applies to; empty means every platform.
 */
platforms: Array<Platform>, offset: number, unit: OffsetUnit, calendar: CalendarId, 
/**
 * An IANA time zone name, e.g. `Asia/Shanghai`.
 */
time_zone: string, enabled: boolean, done_when: DoneWhen, 
/**
 * Where the figure comes from, and whether it is confirmed.
 */
source: string, 
/**
 * Kinds of right it applies to (the complaint's right); empty means
 * every kind. DMCA clocks run for copyright only.
 */
right_kinds: Array<RightKind>, 
/**
 * Counter-notice rounds it applies to; empty means every round. Later
 * rounds may have longer windows.
 */
rounds: Array<number>, 
/**
 * A last day that is not a working day on `calendar` moves to the next
 * working day (PRC Civil Code art. 203).
 */
last_day_moves: boolean, 
/**
 * Working days the user may add for delays they could not control
 * (notarization, legalization); 0 when the rule allows none.
 */
max_extension_days: number, };

export type VersionedRule = { version: number, changed_at: string, 
/**
 * False once the user has edited the shipped default.
 */
is_default: boolean, 
/**
 * Stable name, e.g. `ipp_reply_counter_notice`.
 */
key: string, 
/**
 * What is due, shown on the dashboard ("Reply to the counter-notice").
 */
due: string, trigger: TriggerEvent, 
/**
 * Platforms the rule applies to; empty means every platform.
 */
platforms: Array<Platform>, offset: number, unit: OffsetUnit, calendar: CalendarId, 
/**
 * An IANA time zone name, e.g. `Asia/Shanghai`.
 */
time_zone: string, enabled: boolean, done_when: DoneWhen, 
/**
 * Where the figure comes from, and whether it is confirmed.
 */
source: string, 
/**
 * Kinds of right it applies to (the complaint's right); empty means
 * every kind. DMCA clocks run for copyright only.
 */
right_kinds: Array<RightKind>, 
/**
 * Counter-notice rounds it applies to; empty means every round. Later
 * rounds may have longer windows.
 */
rounds: Array<number>, 
/**
 * A last day that is not a working day on `calendar` moves to the next
 * working day (PRC Civil Code art. 203).
 */
last_day_moves: boolean, 
/**
 * Working days the user may add for delays they could not control
 * (notarization, legalization); 0 when the rule allows none.
 */
max_extension_days: number, };

export type DueDate = { 
/**
 * The due day in the rule's time zone.
 */
date: string, 
/**
 * The end of that day (23:59:59 in the rule's time zone), as an instant.
 */
due_at: string, 
/**
 * The day lies after a year whose holiday schedule is not published.
 */
estimated: boolean, missing_years: Array<number>, };

export type CounterGround = "own_rights" | "authorized_reseller" | "genuine_goods" | "no_infringement" | "other";

export type CounterDecision = "takedown_upheld" | "reinstated";

export type CounterNoticeDraft = { complaint_id: string, 
/**
 * 1 for the first counter-notice, 2 for the second …
 */
round: number, 
/**
 * The listings it contests; empty means every listing of the complaint.
 */
listing_ids: Array<string>, 
/**
 * When the platform forwarded it to us (an instant; the UI enters China time).
 */
received_at: string, grounds: CounterGround, statement: string, 
/**
 * Working days lost to notarization or legalization that the rights
 * holder could not control (SPC Reply, 2020, art. 3): added to the
 * deadlines whose rule allows it (art. 43), at most
 * [`crate::MAX_EXTENSION_DAYS`].
 */
extension_days: number, 
/**
 * Why: which notarization or legalization, and since when.
 */
extension_reason: string, };

export type CounterNotice = { id: string, response_text: string, responded_at: string | null, decision: CounterDecision | null, decided_on: string | null, created_at: string, updated_at: string, complaint_id: string, 
/**
 * 1 for the first counter-notice, 2 for the second …
 */
round: number, 
/**
 * The listings it contests; empty means every listing of the complaint.
 */
listing_ids: Array<string>, 
/**
 * When the platform forwarded it to us (an instant; the UI enters China time).
 */
received_at: string, grounds: CounterGround, statement: string, 
/**
 * Working days lost to notarization or legalization that the rights
 * holder could not control (SPC Reply, 2020, art. 3): added to the
 * deadlines whose rule allows it (art. 43), at most
 * [`crate::MAX_EXTENSION_DAYS`].
 */
extension_days: number, 
/**
 * Why: which notarization or legalization, and since when.
 */
extension_reason: string, };

export type EnforcementCounts = { complaints: bigint, listings: bigint, removed: bigint, rejected: bigint, reinstated: bigint, withdrawn: bigint, pending: bigint, counter_notices: bigint, counter_upheld: bigint, counter_reinstated: bigint, 
/**
 * Complaints with at least one counter-notice decided "reinstated".
 */
complaints_lost_to_counter: bigint, 
/**
 * (days from filing to removal, listings), for the median.
 */
days_to_takedown: Array<[bigint, bigint]>, };

export type EnforcementFigures = { 
/**
 * Percent, `None` when nothing is decided yet.
 */
takedown_rate: number | null, counter_success_rate: number | null, successful_counter_rate: number | null, median_days_to_takedown: number | null, complaints: bigint, listings: bigint, removed: bigint, rejected: bigint, reinstated: bigint, withdrawn: bigint, pending: bigint, counter_notices: bigint, counter_upheld: bigint, counter_reinstated: bigint, 
/**
 * Complaints with at least one counter-notice decided "reinstated".
 */
complaints_lost_to_counter: bigint, 
/**
 * (days from filing to removal, listings), for the median.
 */
days_to_takedown: Array<[bigint, bigint]>, };

export type GoodFaithLevel = "no_data" | "ok" | "warning" | "failing";

export type GoodFaithCheck = { takedown_rate: number | null, takedown_level: GoodFaithLevel, successful_counter_rate: number | null, counter_level: GoodFaithLevel, 
/**
 * The worse of the two.
 */
level: GoodFaithLevel, };

export type PersonDraft = { name: string, email: string, };

export type Person = { id: string, name: string, email: string, };

export type DeadlineSubject = "complaint" | "counter_notice" | "right" | "poa" | "none";

export type TaskDraft = { title: string, due_at: string, 
/**
 * Empty when unassigned; otherwise a person's name.
 */
assignee: string, 
/**
 * The complaint the task belongs to, if any.
 */
complaint_id: string | null, notes: string, };

export type Deadline = { id: string, title: string, due_at: string, 
/**
 * The due day in the rule's time zone (for a task: in UTC).
 */
due_date: string, time_zone: string, estimated: boolean, missing_years: Array<number>, 
/**
 * Counted from the filing date because the day the platform notified
 * the seller is not recorded yet (an estimate too).
 */
counted_from_filing: boolean, 
/**
 * `None` for a manual task.
 */
rule_key: string | null, rule_version: number | null, subject: DeadlineSubject, subject_id: string | null, 
/**
 * The complaint to open from the dashboard, when there is one.
 */
complaint_id: string | null, platform: Platform | null, assignee: string, notes: string, done_at: string | null, created_at: string, };

export type CounterNoticeView = { 
/**
 * The seller's files and ours (documents owned by the counter-notice).
 */
evidence: Array<DocumentView>, 
/**
 * Deadlines its rules set (reply, art. 43 …).
 */
deadlines: Array<Deadline>, id: string, response_text: string, responded_at: string | null, decision: CounterDecision | null, decided_on: string | null, created_at: string, updated_at: string, complaint_id: string, 
/**
 * 1 for the first counter-notice, 2 for the second …
 */
round: number, 
/**
 * The listings it contests; empty means every listing of the complaint.
 */
listing_ids: Array<string>, 
/**
 * When the platform forwarded it to us (an instant; the UI enters China time).
 */
received_at: string, grounds: CounterGround, statement: string, 
/**
 * Working days lost to notarization or legalization that the rights
 * holder could not control (SPC Reply, 2020, art. 3): added to the
 * deadlines whose rule allows it (art. 43), at most
 * [`crate::MAX_EXTENSION_DAYS`].
 */
extension_days: number, 
/**
 * Why: which notarization or legalization, and since when.
 */
extension_reason: string, };

export type CounterResponseInput = { response_text: string, responded_at: string, };

export type CounterDecisionInput = { decision: CounterDecision, decided_on: string, };

export type DeadlineRow = { 
/**
 * "IPP-TB-2026-0173" or the complaint's label, when it has a complaint.
 */
complaint_label: string | null, id: string, title: string, due_at: string, 
/**
 * The due day in the rule's time zone (for a task: in UTC).
 */
due_date: string, time_zone: string, estimated: boolean, missing_years: Array<number>, 
/**
 * Counted from the filing date because the day the platform notified
 * the seller is not recorded yet (an estimate too).
 */
counted_from_filing: boolean, 
/**
 * `None` for a manual task.
 */
rule_key: string | null, rule_version: number | null, subject: DeadlineSubject, subject_id: string | null, 
/**
 * The complaint to open from the dashboard, when there is one.
 */
complaint_id: string | null, platform: Platform | null, assignee: string, notes: string, done_at: string | null, created_at: string, };

export type BucketCounts = { overdue: bigint, due_today: bigint, due_this_week: bigint, open: bigint, };

export type BucketGroup = { 
/**
 * The assignee's name or the platform ("" when none).
 */
key: string, counts: BucketCounts, };

export type StatusCount = { status: ComplaintStatus, count: bigint, };

export type GoodFaithRow = { account_id: string, account_label: string, figures: EnforcementFigures, check: GoodFaithCheck, };

export type Dashboard = { now: string, counts: BucketCounts, by_assignee: Array<BucketGroup>, by_platform: Array<BucketGroup>, 
/**
 * Overdue and due within the week, soonest first (at most 200).
 */
upcoming: Array<DeadlineRow>, complaints_by_status: Array<StatusCount>, 
/**
 * Alibaba IPP accounts, rolling 3 months to today.
 */
good_faith: Array<GoodFaithRow>, good_faith_from: string, good_faith_to: string, };

export type DeadlineFilter = { 
/**
 * One of [`DEADLINE_BUCKETS`]: "overdue", "today", "week" or "open"
 * (every open deadline).
 */
bucket: string, assignee: string | null, platform: Platform | null, limit: number | null, };

export type EnforcementDim = "account" | "platform" | "reason";

export type EnforcementQuery = { from: string, to: string, 
/**
 * Group by these, in this order; empty gives the total only.
 */
group_by: Array<EnforcementDim>, };

export type EnforcementRow = { account_id: string | null, account_label: string | null, platform: Platform | null, reason: ComplaintReason | null, figures: EnforcementFigures, good_faith: GoodFaithCheck, };

export type EnforcementReport = { from: string, to: string, rows: Array<EnforcementRow>, total: EnforcementFigures, };

export type ReportFormat = "csv" | "xlsx" | "pdf";

export type ReportExport = { path: string, format: ReportFormat, query: EnforcementQuery, };

export type PacketFor = "registration" | "ip_right" | "complaint" | "counter_notice";

export type PacketRequest = { kind: PacketFor, id: string, 
/**
 * Where the PDF goes.
 */
pdf_path: string, 
/**
 * Where the bundle (.zip) goes, if one is wanted.
 */
bundle_path: string | null, };

export type PacketResult = { packet_id: string, pdf_path: string, pdf_size: number, bundle_path: string | null, bundle_size: number | null, manifest_sha256: string, files: number, };

export type BundleProblem = { file: string, 
/**
 * "missing", "changed" or "added".
 */
problem: string, };

export type BundleReport = { ok: boolean, 
/**
 * Compare with the value printed in the PDF.
 */
manifest_sha256: string, files_checked: number, problems: Array<BundleProblem>, };

export const GOOD_FAITH_TAKEDOWN_MIN = 90;
export const GOOD_FAITH_COUNTER_MAX = 5;

// Rule data, from the domain's tables and enums.
export const HOLDER_KINDS: readonly HolderKind[] = ["company","individual"];
export const AGENT_KINDS: readonly AgentKind[] = ["law_firm","person"];
export const RIGHT_KINDS: readonly RightKind[] = ["trademark","patent_invention","patent_utility_model","patent_design","copyright"];
export const MARK_TYPES: readonly MarkType[] = ["word","device","combined"];
export const PROGRAMMES: readonly Programme[] = ["alibaba_ipp","amazon_brand_registry","ebay_vero","other"];
export const ACCOUNT_ROLES: readonly AccountRole[] = ["rights_holder","authorized_agent"];
export const ACCOUNT_LOCATIONS: readonly AccountLocation[] = ["mainland_china","elsewhere"];
export const ACCOUNT_STATUSES: readonly AccountStatus[] = ["not_started","submitted","verified","rejected","resubmitted"];
export const EXPIRY_FLAGS: readonly ExpiryFlag[] = ["no_expiry","ok","within90_days","within30_days","expired"];
export const REG_STATES: readonly ProgrammeRightState[] = ["submitted","approved","rejected","needs_new_proof"];
export const DOC_KINDS: readonly DocumentKind[] = ["business_registration","id_card","passport","driving_licence","power_of_attorney","certificate","renewal","assignment","change_certificate","translation","patent_evaluation","other"];
export const EVIDENCE_KINDS: readonly DocumentKind[] = ["listing_screenshot","comparison","test_purchase_photo","test_purchase_receipt","appraisal_report","web_archive","other"];
export const EVIDENCE_OWNERS: readonly OwnerKind[] = ["complaint","listing","seller","test_purchase","counter_notice"];
export const NUMBERED_RIGHT_KINDS: readonly RightKind[] = ["trademark","patent_invention","patent_utility_model","patent_design"];
export const NICE_CLASSES: readonly number[] = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45];
export const PLATFORMS: readonly Platform[] = ["1688","aliexpress","taobao","tmall","tmall-global","alibaba","lazada","xianyu","daraz","amazon","ebay","other"];
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ["draft","ready","filed","closed"];
export const EDITABLE_STATUSES: readonly ComplaintStatus[] = ["draft","ready"];
export const COMPLAINT_TARGETS: readonly ComplaintTarget[] = ["listings","storefront"];
export const COMPLAINT_REASONS: readonly ComplaintReason[] = ["trademark_infringement","counterfeit","unauthorized_image_use","patent_infringement","copyright_infringement","model_does_not_exist","other"];
export const LISTING_OUTCOMES: readonly ListingOutcome[] = ["pending","removed","rejected","reinstated","withdrawn"];
export const RED_FLAGS: readonly RedFlag[] = ["young_business","few_staff","no_delivery_guarantee","low_rating","no_factory","repeat_infringer"];
export const SHARED_IDENTIFIERS: readonly SharedIdentifier[] = ["company_name","phone","address","wechat_id"];
export const SELLER_BADGES: readonly string[] = ["delivery_guarantee","verified_supplier","gold_supplier","trade_assurance"];
export const COUNTER_GROUNDS: readonly CounterGround[] = ["own_rights","authorized_reseller","genuine_goods","no_infringement","other"];
export const COUNTER_DECISIONS: readonly CounterDecision[] = ["takedown_upheld","reinstated"];
export const TRIGGER_EVENTS: readonly TriggerEvent[] = ["complaint_filed","seller_notified","counter_notice_received","right_expiry","poa_expiry"];
export const OFFSET_UNITS: readonly OffsetUnit[] = ["working_days","calendar_days"];
export const CALENDARS: readonly CalendarId[] = ["cn","us","weekdays"];
export const DONE_WHEN: readonly DoneWhen[] = ["manual","responded","decided"];
export const ENFORCEMENT_DIMS: readonly EnforcementDim[] = ["account","platform","reason"];
export const DEADLINE_BUCKETS = ["overdue","today","week","open"] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];
export const PLATFORM_TABLE: readonly { platform: Platform; programme: Programme; needs_china_right: boolean }[] = [{"needs_china_right":true,"platform":"1688","programme":"alibaba_ipp"},{"needs_china_right":false,"platform":"aliexpress","programme":"alibaba_ipp"},{"needs_china_right":true,"platform":"taobao","programme":"alibaba_ipp"},{"needs_china_right":true,"platform":"tmall","programme":"alibaba_ipp"},{"needs_china_right":false,"platform":"tmall-global","programme":"alibaba_ipp"},{"needs_china_right":false,"platform":"alibaba","programme":"alibaba_ipp"},{"needs_china_right":false,"platform":"lazada","programme":"alibaba_ipp"},{"needs_china_right":true,"platform":"xianyu","programme":"alibaba_ipp"},{"needs_china_right":false,"platform":"daraz","programme":"alibaba_ipp"},{"needs_china_right":false,"platform":"amazon","programme":"amazon_brand_registry"},{"needs_china_right":false,"platform":"ebay","programme":"ebay_vero"},{"needs_china_right":false,"platform":"other","programme":"other"}];
export const COMPLAINT_MOVES: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {"closed":[],"draft":["ready"],"filed":["closed"],"ready":["draft"]};
export const REQUIRED_FIELDS: Readonly<Record<'holder' | 'account' | 'agent', readonly string[]>> = {"account":["login_email","contact_email"],"agent":["name","country","contact_email"],"holder":["legal_name","country","contact_email"]};
export const MAX_EXPLANATION_CHARS = 2000;
export const MAX_STATEMENT_CHARS = 5000;
export const MAX_LISTINGS_LIMIT = 100000;
export const POA_WARN_DAYS = 30;
export const MAX_COUNTER_ROUND = 9;
export const MAX_EXTENSION_DAYS = 20;
export const ERROR_CODES: readonly ErrorCode[] = ["validation", "not_found", "duplicate", "in_use", "invalid_transition", "filing_refused", "not_a_database", "not_ipp_desk", "database_too_new", "io", "internal", "invalid_args", "unknown_command", "forbidden", "cancelled", "stale"];
export const COMMAND_NAMES = ["app_info", "verify_integrity", "load_sample", "audit_trail", "whoami", "list_holders", "get_holder", "create_holder", "update_holder", "delete_holder", "list_agents", "create_agent", "update_agent", "delete_agent", "list_poas", "create_poa", "update_poa", "delete_poa", "create_account", "update_account", "delete_account", "change_account_status", "list_rights", "get_right", "create_right", "update_right", "delete_right", "set_registration", "attach_documents", "detach_document", "document_data_url", "document_for_viewing", "list_complaints", "get_complaint", "create_complaint", "update_complaint", "delete_complaint", "set_complaint_status", "set_complaints_status", "delete_complaints", "file_complaint", "set_seller_notified", "remove_complaint_listing", "set_listing_outcomes", "import_listings", "build_batch", "complaint_urls", "export_complaint_urls", "max_listings", "set_max_listings", "list_sellers", "get_seller", "create_seller", "update_seller", "delete_seller", "seller_suggestions", "link_sellers", "unlink_seller", "get_listing", "create_test_purchase", "update_test_purchase", "delete_test_purchase", "search", "record_counter_notice", "update_counter_notice", "respond_to_counter_notice", "decide_counter_notice", "delete_counter_notice", "dashboard", "open_deadlines", "enforcement_report", "export_report", "export_ics", "create_task", "update_task", "delete_task", "set_deadline_done", "assign_deadline", "list_people", "create_person", "update_person", "delete_person", "deadline_rules", "deadline_rule_history", "save_deadline_rule", "reset_deadline_rule", "generate_packet", "verify_bundle"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
