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
