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
