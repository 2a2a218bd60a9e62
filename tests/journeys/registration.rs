//! IPP step 1: a brand, its agent and power of attorney, and programme accounts.

use ippdesk_desk::*;
use ippdesk_tests::{company, temp_desk};

fn agent_draft() -> AgentDraft {
    AgentDraft {
        kind: AgentKind::LawFirm,
        name: "北京和信知识产权律师事务所".into(),
        country: "CN".into(),
        contact_email: "ipp@hexin.example".into(),
        notes: String::new(),
    }
}

fn agent_account(holder: Id, agent: Option<Id>, poa: Option<Id>) -> AccountDraft {
    AccountDraft {
        holder_id: holder,
        programme: Programme::AlibabaIpp,
        role: AccountRole::AuthorizedAgent,
        location: AccountLocation::MainlandChina,
        login_email: "aurora@hexin.example".into(),
        contact_email: "ipp@hexin.example".into(),
        external_id: String::new(),
        agent_id: agent,
        poa_id: poa,
        notes: String::new(),
    }
}

#[test]
fn an_agent_files_under_a_valid_power_of_attorney() {
    let mut t = temp_desk("2026-11-22");
    let d = &mut t.desk;
    let brand = d.create_holder(company("深圳市极光电子有限公司")).unwrap();
    let firm = d.create_agent(agent_draft()).unwrap();

    // Without a POA the account is refused, field by field.
    let err = d
        .create_account(agent_account(brand.id, Some(firm.id), None))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "poa_id");
    assert_eq!(err.fields[0].code, FieldErrorCode::PoaRequired);

    // An expired POA is flagged and refused.
    let old = d
        .create_poa(PoaDraft {
            holder_id: brand.id,
            agent_id: firm.id,
            scope: "IPP".into(),
            valid_from: "2025-01-01".parse().unwrap(),
            valid_until: "2025-12-31".parse().ok(),
            signatory_title: String::new(),
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(old.state, PoaState::Expired);
    let err = d
        .create_account(agent_account(brand.id, Some(firm.id), Some(old.poa.id)))
        .unwrap_err();
    assert_eq!(err.fields[0].code, FieldErrorCode::PoaInvalid);

    // A POA expiring in 20 days is usable but flagged.
    let soon = d
        .create_poa(PoaDraft {
            valid_from: "2026-01-01".parse().unwrap(),
            valid_until: "2026-12-12".parse().ok(),
            ..old.poa.draft.clone()
        })
        .unwrap();
    assert_eq!(soon.state, PoaState::ExpiringSoon { days_left: 20 });
    let acct = d
        .create_account(agent_account(brand.id, Some(firm.id), Some(soon.poa.id)))
        .unwrap();
    assert_eq!(acct.account.status, AccountStatus::NotStarted);
    assert_eq!(
        acct.agent_name.as_deref(),
        Some("北京和信知识产权律师事务所")
    );

    // The review cycle, each change dated with a note.
    let step = |d: &mut Desk, to, on: &str, note: &str| {
        d.change_account_status(
            acct.account.id,
            StatusChangeInput {
                to,
                on: on.parse().unwrap(),
                note: note.into(),
            },
        )
    };
    step(d, AccountStatus::Submitted, "2026-11-01", "uploaded").unwrap();
    step(d, AccountStatus::Rejected, "2026-11-03", "seal illegible").unwrap();
    let err = step(d, AccountStatus::Verified, "2026-11-04", "").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidTransition);
    step(d, AccountStatus::Resubmitted, "2026-11-05", "new scan").unwrap();
    let v = step(d, AccountStatus::Verified, "2026-11-08", "").unwrap();
    let path: Vec<_> = v.history.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        path,
        [
            (AccountStatus::NotStarted, AccountStatus::Submitted),
            (AccountStatus::Submitted, AccountStatus::Rejected),
            (AccountStatus::Rejected, AccountStatus::Resubmitted),
            (AccountStatus::Resubmitted, AccountStatus::Verified),
        ]
    );
    assert_eq!(v.next_statuses, [AccountStatus::Resubmitted]);

    // The holder's detail gathers it all; the trail records every change.
    let detail = d.get_holder(brand.id).unwrap();
    assert_eq!((detail.accounts.len(), detail.poas.len()), (1, 2));
    let trail = d.audit_trail(acct.account.id).unwrap();
    assert_eq!(trail.len(), 1 + 4 * 2);
    assert_eq!(trail.last().unwrap().action, "create");

    // Deleting a holder still referenced is refused and changes nothing.
    let err = d.delete_holder(brand.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::InUse);
    assert_eq!(d.list_holders().unwrap().len(), 1);
}

#[test]
fn bad_input_is_reported_by_field_and_saves_nothing() {
    let mut t = temp_desk("2026-11-22");
    let err = t
        .desk
        .create_holder(HolderDraft {
            legal_name: "".into(),
            contact_email: "ip-at-brand".into(),
            ..company("x")
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let fields: Vec<_> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["legal_name", "contact_email"]);
    assert!(t.desk.list_holders().unwrap().is_empty());
    assert_eq!(t.desk.verify().unwrap().audit_rows, 0);
}

#[test]
fn data_survives_a_restart() {
    let mut t = temp_desk("2026-11-22");
    let h = t
        .desk
        .create_holder(company("深圳市极光电子有限公司"))
        .unwrap();
    let t = t.reopen();
    let rows = t.desk.list_holders().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].holder.id, h.id);
    assert_eq!(rows[0].holder.draft.legal_name, "深圳市极光电子有限公司");
    assert!(t.desk.verify().unwrap().ok);
}

#[test]
fn the_sample_is_complete_and_loads_once() {
    let mut t = temp_desk("2026-11-22");
    let s = t.desk.load_sample().unwrap();
    assert_eq!(t.desk.list_holders().unwrap().len(), s.holders as usize);
    let rights = t.desk.list_rights().unwrap();
    assert_eq!(rights.len(), s.rights as usize);
    let juris: std::collections::BTreeSet<_> = rights
        .iter()
        .map(|r| r.right.draft.jurisdiction.as_str())
        .collect();
    assert!(juris.is_superset(&["CN", "US", "EU"].into_iter().collect()));
    assert_eq!(t.desk.load_sample().unwrap_err().code, ErrorCode::Duplicate);
    let report = t.desk.verify().unwrap();
    assert!(report.ok, "{report:?}");
    // Licence, certificate, two screenshots and a comparison (used twice, stored once).
    assert_eq!(report.files_checked, 5);

    // Step 3: complaints in mixed URL forms, sellers, evidence.
    let page = t.desk.list_complaints(ComplaintFilter::default()).unwrap();
    assert_eq!(page.total, u64::from(s.complaints));
    let filed = page
        .rows
        .iter()
        .find(|r| r.complaint.status == ComplaintStatus::Filed)
        .expect("a filed complaint");
    let detail = t.desk.get_complaint(filed.complaint.id).unwrap();
    assert_eq!(
        detail.listings.len(),
        4,
        "the duplicate paste became one listing"
    );
    assert!(detail.listings.iter().any(|l| !l.evidence.is_empty()));
    assert_eq!(detail.test_purchases.len(), 1);
    assert_eq!(t.desk.list_sellers().unwrap().len(), s.sellers as usize);
    assert_eq!(
        t.desk.seller_suggestions().unwrap().len(),
        1,
        "1688 factory ~ AliExpress store"
    );
}

/// Two people open one holder; the first saves; the second's save, made on
/// the version they opened, is refused with who changed it, and nothing of
/// either is lost. Reopened on the new version, the second save goes through.
#[test]
fn a_save_over_someone_elses_newer_change_is_refused() {
    let mut t = temp_desk("2026-11-22");
    let d = &mut t.desk;
    let h = d.create_holder(company("深圳市极光电子有限公司")).unwrap();
    let opened = h.updated_at;

    let mut first = h.draft.clone();
    first.notes = "第一位同事的备注".into();
    let saved = d.update_holder_since(h.id, first, Some(opened)).unwrap();

    let mut second = h.draft.clone();
    second.address = "深圳市南山区".into();
    let err = d
        .update_holder_since(h.id, second.clone(), Some(opened))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Stale);
    assert!(err.message.starts_with("Changed by "), "{}", err.message);
    let stored = d.get_holder(h.id).unwrap();
    assert_eq!(stored.holder.draft.notes, "第一位同事的备注");
    assert_eq!(stored.holder.draft.address, "");

    // Reloaded: the form is on the new version, and saves.
    second.notes = stored.holder.draft.notes.clone();
    let again = d
        .update_holder_since(h.id, second, Some(saved.updated_at))
        .unwrap();
    assert_eq!(again.draft.address, "深圳市南山区");
    assert_eq!(again.draft.notes, "第一位同事的备注");
}
