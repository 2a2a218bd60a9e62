//! The TypeScript types of everything that crosses IPC, generated with ts-rs
//! into one file the UI imports. A test fails when the committed file is stale.

use ippdesk_domain::*;
use ts_rs::TS;

use crate::*;

pub fn typescript_bindings() -> String {
    let decls = [
        // domain
        FieldErrorCode::decl(),
        FieldError::decl(),
        HolderKind::decl(),
        HolderDraft::decl(),
        Holder::decl(),
        AgentKind::decl(),
        AgentDraft::decl(),
        Agent::decl(),
        PoaDraft::decl(),
        PowerOfAttorney::decl(),
        PoaState::decl(),
        Programme::decl(),
        Platform::decl(),
        AccountRole::decl(),
        AccountLocation::decl(),
        AccountStatus::decl(),
        AccountDraft::decl(),
        Account::decl(),
        StatusChange::decl(),
        RightKind::decl(),
        MarkType::decl(),
        RightDraft::decl(),
        IpRight::decl(),
        ExpiryFlag::decl(),
        ProgrammeRightState::decl(),
        ProgrammeRegistrationDraft::decl(),
        ProgrammeRegistration::decl(),
        CannotBack::decl(),
        DocumentKind::decl(),
        OwnerKind::decl(),
        ListingKind::decl(),
        ParsedUrl::decl(),
        ComplaintStatus::decl(),
        ComplaintTarget::decl(),
        ComplaintReason::decl(),
        ListingOutcome::decl(),
        ComplaintDraft::decl(),
        Complaint::decl(),
        FilingProblem::decl(),
        SellerDraft::decl(),
        Seller::decl(),
        RedFlag::decl(),
        RiskLevel::decl(),
        SharedIdentifier::decl(),
        Listing::decl(),
        LineOutcome::decl(),
        ComplaintRef::decl(),
        LineReport::decl(),
        ImportCounts::decl(),
        TestPurchaseDraft::decl(),
        TestPurchase::decl(),
        // desk
        ErrorCode::decl(),
        DeskError::decl(),
        DeskInfo::decl(),
        HolderRow::decl(),
        HolderDetail::decl(),
        AgentRow::decl(),
        PoaView::decl(),
        AccountView::decl(),
        StatusChangeInput::decl(),
        RightRow::decl(),
        PlatformBacking::decl(),
        RightDetail::decl(),
        DocumentView::decl(),
        AttachInput::decl(),
        AuditView::decl(),
        AuditRow::decl(),
        crate::team::WhoAmI::decl(),
        VaultIssue::decl(),
        AuditIssue::decl(),
        VerifyReport::decl(),
        SampleSummary::decl(),
        EvidenceFacts::decl(),
        ComplaintFilter::decl(),
        ComplaintRow::decl(),
        ComplaintPage::decl(),
        ComplaintListingView::decl(),
        FilingProblemView::decl(),
        TestPurchaseView::decl(),
        ComplaintDetail::decl(),
        FileComplaintInput::decl(),
        OutcomeInput::decl(),
        BulkResult::decl(),
        BulkFailure::decl(),
        ImportSource::decl(),
        ImportRequest::decl(),
        ImportReport::decl(),
        ImportProgress::decl(),
        BatchRequest::decl(),
        HeldElsewhereView::decl(),
        BatchResult::decl(),
        UrlExportFormat::decl(),
        SellerRow::decl(),
        SellerGroupView::decl(),
        SellerDetail::decl(),
        LinkSuggestionView::decl(),
        LinkSellersInput::decl(),
        ListingDetail::decl(),
        SearchHitKind::decl(),
        SearchHit::decl(),
        CalendarId::decl(),
        TriggerEvent::decl(),
        OffsetUnit::decl(),
        DoneWhen::decl(),
        DeadlineRule::decl(),
        VersionedRule::decl(),
        DueDate::decl(),
        CounterGround::decl(),
        CounterDecision::decl(),
        CounterNoticeDraft::decl(),
        CounterNotice::decl(),
        EnforcementCounts::decl(),
        EnforcementFigures::decl(),
        GoodFaithLevel::decl(),
        GoodFaithCheck::decl(),
        PersonDraft::decl(),
        Person::decl(),
        DeadlineSubject::decl(),
        TaskDraft::decl(),
        Deadline::decl(),
        CounterNoticeView::decl(),
        CounterResponseInput::decl(),
        CounterDecisionInput::decl(),
        DeadlineRow::decl(),
        BucketCounts::decl(),
        BucketGroup::decl(),
        StatusCount::decl(),
        GoodFaithRow::decl(),
        Dashboard::decl(),
        DeadlineFilter::decl(),
        EnforcementDim::decl(),
        EnforcementQuery::decl(),
        EnforcementRow::decl(),
        EnforcementReport::decl(),
        ReportFormat::decl(),
        ReportExport::decl(),
        PacketFor::decl(),
        PacketRequest::decl(),
        PacketResult::decl(),
        BundleProblem::decl(),
        BundleReport::decl(),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `make bindings` (ts-rs). Do not edit by hand.\n\
         export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    // Rule constants the UI draws (its lines and labels) from the domain, so
    // the two cannot drift apart.
    let constants = [
        (
            "GOOD_FAITH_TAKEDOWN_MIN",
            ippdesk_domain::GOOD_FAITH_MIN_TAKEDOWN,
        ),
        (
            "GOOD_FAITH_COUNTER_MAX",
            ippdesk_domain::GOOD_FAITH_MAX_COUNTER,
        ),
    ];
    for (name, value) in constants {
        out.push_str(&format!("export const {name} = {value};\n"));
    }
    out.push_str(&rule_data());
    let quoted = |names: Vec<String>| names.join(", ");
    let codes = ErrorCode::ALL
        .iter()
        .map(|c| serde_json::to_string(c).unwrap_or_default())
        .collect();
    out.push_str(&format!(
        "export const ERROR_CODES: readonly ErrorCode[] = [{}];\n",
        quoted(codes)
    ));
    // The command table's names: the UI's backend adapter can call no other.
    let names = crate::commands::COMMANDS
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    out.push_str(&format!(
        "export const COMMAND_NAMES = [{}] as const;\nexport type CommandName = (typeof COMMAND_NAMES)[number];\n",
        quoted(names)
    ));
    out
}

/// The rules' data the UI offers and checks against (choices, limits, the
/// platform table, the moves from each status), generated so that no list or
/// limit is restated in TypeScript.
fn rule_data() -> String {
    use strum::VariantArray;
    fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }
    fn list<T: serde::Serialize>(name: &str, ts: &str, items: &[T]) -> String {
        format!("export const {name}: readonly {ts}[] = {};\n", json(items))
    }
    let mut out = String::from("\n// Rule data, from the domain's tables and enums.\n");
    let lists = [
        list("HOLDER_KINDS", "HolderKind", HolderKind::VARIANTS),
        list("AGENT_KINDS", "AgentKind", AgentKind::VARIANTS),
        list("RIGHT_KINDS", "RightKind", RightKind::VARIANTS),
        list("MARK_TYPES", "MarkType", MarkType::VARIANTS),
        list("PROGRAMMES", "Programme", Programme::VARIANTS),
        list("ACCOUNT_ROLES", "AccountRole", AccountRole::VARIANTS),
        list(
            "ACCOUNT_LOCATIONS",
            "AccountLocation",
            AccountLocation::VARIANTS,
        ),
        list("ACCOUNT_STATUSES", "AccountStatus", AccountStatus::VARIANTS),
        list("EXPIRY_FLAGS", "ExpiryFlag", ExpiryFlag::VARIANTS),
        list(
            "REG_STATES",
            "ProgrammeRightState",
            ProgrammeRightState::VARIANTS,
        ),
        list("DOC_KINDS", "DocumentKind", &DocumentKind::for_records()),
        list(
            "EVIDENCE_KINDS",
            "DocumentKind",
            &DocumentKind::for_evidence(),
        ),
        list(
            "EVIDENCE_OWNERS",
            "OwnerKind",
            &OwnerKind::VARIANTS
                .iter()
                .filter(|o| o.holds_evidence())
                .collect::<Vec<_>>(),
        ),
        list(
            "NUMBERED_RIGHT_KINDS",
            "RightKind",
            &RightKind::VARIANTS
                .iter()
                .filter(|k| k.needs_registration_number())
                .collect::<Vec<_>>(),
        ),
        list("NICE_CLASSES", "number", &NICE_CLASSES.collect::<Vec<_>>()),
        list("PLATFORMS", "Platform", Platform::VARIANTS),
        list(
            "COMPLAINT_STATUSES",
            "ComplaintStatus",
            ComplaintStatus::VARIANTS,
        ),
        list(
            "EDITABLE_STATUSES",
            "ComplaintStatus",
            &ComplaintStatus::VARIANTS
                .iter()
                .filter(|s| s.is_editable())
                .collect::<Vec<_>>(),
        ),
        list(
            "COMPLAINT_TARGETS",
            "ComplaintTarget",
            ComplaintTarget::VARIANTS,
        ),
        list(
            "COMPLAINT_REASONS",
            "ComplaintReason",
            ComplaintReason::VARIANTS,
        ),
        list(
            "LISTING_OUTCOMES",
            "ListingOutcome",
            ListingOutcome::VARIANTS,
        ),
        list("RED_FLAGS", "RedFlag", RedFlag::VARIANTS),
        list(
            "SHARED_IDENTIFIERS",
            "SharedIdentifier",
            SharedIdentifier::VARIANTS,
        ),
        list("SELLER_BADGES", "string", &SELLER_BADGES),
        list("COUNTER_GROUNDS", "CounterGround", CounterGround::VARIANTS),
        list(
            "COUNTER_DECISIONS",
            "CounterDecision",
            CounterDecision::VARIANTS,
        ),
        list("TRIGGER_EVENTS", "TriggerEvent", TriggerEvent::VARIANTS),
        list("OFFSET_UNITS", "OffsetUnit", OffsetUnit::VARIANTS),
        list("CALENDARS", "CalendarId", CalendarId::VARIANTS),
        list("DONE_WHEN", "DoneWhen", DoneWhen::VARIANTS),
        list(
            "ENFORCEMENT_DIMS",
            "EnforcementDim",
            EnforcementDim::VARIANTS,
        ),
    ];
    for l in lists {
        out.push_str(&l);
    }
    out.push_str(&format!(
        "export const DEADLINE_BUCKETS = {} as const;\nexport type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];\n",
        json(&DEADLINE_BUCKETS)
    ));
    // The platform table: the programme each platform's complaints go through
    // and whether it takes only rights valid in mainland China.
    let table: Vec<_> = ippdesk_domain::PLATFORMS
        .iter()
        .map(|i| {
            serde_json::json!({
                "platform": i.platform,
                "programme": i.programme,
                "needs_china_right": i.needs_china_right,
            })
        })
        .collect();
    out.push_str(&format!(
        "export const PLATFORM_TABLE: readonly {{ platform: Platform; programme: Programme; needs_china_right: boolean }}[] = {};\n",
        json(&table)
    ));
    let moves: serde_json::Map<String, serde_json::Value> = ComplaintStatus::VARIANTS
        .iter()
        .map(|s| {
            let key = serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            (key, serde_json::json!(s.offered_moves()))
        })
        .collect();
    out.push_str(&format!(
        "export const COMPLAINT_MOVES: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {};\n",
        json(&moves)
    ));
    // The fields a form must mark as required: those an empty draft is
    // refused for, as its own validation says.
    fn required(errors: Result<(), Vec<FieldError>>) -> Vec<String> {
        errors
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.code == FieldErrorCode::Required)
            .map(|e| e.field)
            .collect()
    }
    let required_fields = serde_json::json!({
        "holder": required(HolderDraft {
            kind: HolderKind::Company,
            legal_name: String::new(),
            latin_name: String::new(),
            country: String::new(),
            registration_number: String::new(),
            address: String::new(),
            contact_email: String::new(),
            notes: String::new(),
        }.validate()),
        "account": required(AccountDraft {
            holder_id: Id::nil(),
            programme: Programme::AlibabaIpp,
            role: AccountRole::RightsHolder,
            location: AccountLocation::MainlandChina,
            login_email: String::new(),
            contact_email: String::new(),
            external_id: String::new(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        }.validate(None, chrono::NaiveDate::MIN)),
        "agent": required(AgentDraft {
            kind: AgentKind::LawFirm,
            name: String::new(),
            country: String::new(),
            contact_email: String::new(),
            notes: String::new(),
        }.validate()),
    });
    out.push_str(&format!(
        "export const REQUIRED_FIELDS: Readonly<Record<'holder' | 'account' | 'agent', readonly string[]>> = {};\n",
        json(&required_fields)
    ));
    let limits = [
        ("MAX_EXPLANATION_CHARS", MAX_EXPLANATION_CHARS.to_string()),
        ("MAX_STATEMENT_CHARS", MAX_STATEMENT_CHARS.to_string()),
        ("MAX_LISTINGS_LIMIT", MAX_LISTINGS_LIMIT.to_string()),
        ("POA_WARN_DAYS", POA_WARN_DAYS.to_string()),
        ("MAX_COUNTER_ROUND", MAX_COUNTER_ROUND.to_string()),
        ("MAX_EXTENSION_DAYS", MAX_EXTENSION_DAYS.to_string()),
    ];
    for (name, value) in limits {
        out.push_str(&format!("export const {name} = {value};\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    /// Run with UPDATE_BINDINGS=1 (`make bindings`) to rewrite the file.
    #[test]
    fn committed_typescript_bindings_are_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/ipc/bindings.ts");
        let fresh = super::typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/ipc/bindings.ts is stale: run `make bindings` and commit the result"
        );
    }
}
