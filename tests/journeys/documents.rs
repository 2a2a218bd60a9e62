//! Documents in the vault: stored once, verified, tamper named.

use ippdesk_desk::*;
use ippdesk_tests::{company, temp_desk};

#[test]
fn attach_dedupe_verify_and_detect_tampering() {
    let mut t = temp_desk("2026-11-22");
    let h = t.desk.create_holder(company("极光")).unwrap();
    let src = t.dir.path().join("in");
    std::fs::create_dir_all(&src).unwrap();
    let a = src.join("营业执照.png");
    let b = src.join("licence-copy.png");
    std::fs::write(&a, b"\x89PNG fake licence").unwrap();
    std::fs::write(&b, b"\x89PNG fake licence").unwrap();
    let docs = t
        .desk
        .attach(AttachInput {
            owner_kind: OwnerKind::Holder,
            owner_id: h.id,
            doc_kind: Some(DocumentKind::BusinessRegistration),
            facts: None,
            paths: vec![a.display().to_string(), b.display().to_string()],
        })
        .unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].sha256, docs[1].sha256);
    assert_eq!(docs[0].original_name, "营业执照.png");
    assert_eq!(docs[0].media_type, "image/png");
    assert_eq!(t.vault_file_count(), 1, "same content stored once");

    // A viewing copy carries the original name and the same bytes.
    let view = t.desk.document_for_viewing(docs[0].id).unwrap();
    assert!(view.ends_with("营业执照.png"));
    assert_eq!(std::fs::read(&view).unwrap(), std::fs::read(&a).unwrap());

    // One unreadable path: nothing at all is attached.
    let err = t
        .desk
        .attach(AttachInput {
            owner_kind: OwnerKind::Holder,
            owner_id: h.id,
            doc_kind: Some(DocumentKind::Other),
            facts: None,
            paths: vec![
                a.display().to_string(),
                src.join("missing.pdf").display().to_string(),
            ],
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("missing.pdf"));
    assert_eq!(t.desk.get_holder(h.id).unwrap().documents.len(), 2);

    assert!(t.desk.verify().unwrap().ok);
    t.damage_vault_file(&docs[0].sha256, b"\x89PNG forged licence");
    let report = t.desk.verify().unwrap();
    assert!(!report.ok);
    assert_eq!(report.vault.len(), 1);
    assert!(report.vault[0].problem.contains("changed"));
    assert_eq!(
        report.vault[0].documents,
        ["营业执照.png", "licence-copy.png"]
    );
}
