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

export type Platform = "1688" | "aliexpress" | "taobao" | "tmall" | "tmall-global" | "alibaba" | "lazada" | "amazon" | "ebay" | "other";

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

export type DocumentKind = "business_registration" | "id_card" | "passport" | "driving_licence" | "power_of_attorney" | "certificate" | "renewal" | "assignment" | "change_certificate" | "translation" | "patent_evaluation" | "other";

export type OwnerKind = "holder" | "agent" | "poa" | "account" | "right";

export type ErrorCode = "validation" | "not_found" | "duplicate" | "in_use" | "invalid_transition" | "not_a_database" | "not_ipp_desk" | "database_too_new" | "io" | "internal";

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

export type DocumentView = { id: string, owner_kind: OwnerKind, owner_id: string, doc_kind: DocumentKind, sha256: string, original_name: string, size: number, media_type: string, added_at: string, };

export type AttachInput = { owner_kind: OwnerKind, owner_id: string, doc_kind: DocumentKind, 
/**
 * Paths on this computer, from the file dialog or a drop.
 */
paths: Array<string>, };

export type AuditView = { seq: number, at: string, action: string, entity: string, before: JsonValue | null, after: JsonValue | null, hash: string, };

export type VaultIssue = { sha256: string, problem: string, 
/**
 * The documents that point at this file (original names).
 */
documents: Array<string>, };

export type AuditIssue = { seq: number, problem: string, };

export type VerifyReport = { ok: boolean, files_checked: number, vault: Array<VaultIssue>, audit_rows: number, audit: Array<AuditIssue>, };

export type SampleSummary = { holders: number, agents: number, accounts: number, rights: number, documents: number, };

