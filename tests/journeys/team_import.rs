//! Moving to the team edition: a solo database, its history and its
//! evidence copied into a new team database, where the team sees exactly
//! what the solo user saw.

use std::path::Path;

use ippdesk_desk::*;
use ippdesk_tests::{company, on_postgres, temp_desk};

/// What a user sees of a desk, as JSON to compare across editions.
fn seen(desk: &Desk) -> serde_json::Value {
    serde_json::json!({
        "holders": desk.list_holders().expect("works"),
        "complaints": desk.list_complaints(ComplaintFilter::default()).expect("works"),
        "dashboard": desk.dashboard().expect("works"),
        "audit": desk.audit_latest(100_000).expect("works"),
    })
}

/// Asserts `a` equals `b`, naming the first place they differ.
fn same(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<_> = x.keys().chain(y.keys()).collect();
            for k in keys {
                same(&x[k.as_str()], &y[k.as_str()], &format!("{at}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                same(p, q, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(a, b, "the team sees otherwise than the solo user at {at}"),
    }
}

#[test]
fn a_solo_database_moves_into_a_new_team_database_whole() {
    // Needs both editions at once: runs in the SQLite pass, when the
    // scratch cluster is there.
    if on_postgres() {
        return;
    }
    let Some(url) = ippdesk_store::team::scratch_database() else {
        return;
    };
    let mut solo = temp_desk("2026-11-22");
    solo.desk.load_sample().expect("works");
    // Evidence of several parts (1 MiB each in the team vault).
    let h = solo.desk.create_holder(company("杭州极光")).expect("works");
    let video: Vec<u8> = (0..2_500_000u32).map(|i| (i % 251) as u8).collect();
    let path = solo.dir.path().join("试购录像.mp4");
    std::fs::write(&path, &video).expect("works");
    let attached = solo
        .desk
        .attach(AttachInput {
            owner_kind: OwnerKind::Holder,
            owner_id: h.id,
            doc_kind: Some(DocumentKind::Other),
            facts: None,
            paths: vec![path.display().to_string()],
        })
        .expect("works");
    let before = seen(&solo.desk);

    let mut tables = Vec::new();
    let (admin, report) = Desk::import_solo(Path::new(&url), &solo.db_path(), |step| {
        if let SoloImportStep::Table { table, .. } = step {
            tables.push(table.to_string());
        }
    })
    .expect("works");
    assert_eq!(admin, "postgres");
    assert_eq!(tables.last().map(String::as_str), Some("audit_log"));
    assert!(
        tables.iter().position(|t| t == "holders") < tables.iter().position(|t| t == "complaints"),
        "parents first: {tables:?}"
    );
    let audit_rows = solo.desk.audit_latest(100_000).expect("works").len() as u64;
    assert_eq!(report.audit_rows, audit_rows);
    assert!(report.files >= 2, "{report:?}");
    assert!(report.bytes > video.len() as u64);

    let team = Desk::open(Path::new(&url))
        .expect("works")
        .with_today(solo.desk.today());
    same(&seen(&team), &before, "");
    let check = team.verify().expect("works");
    assert!(check.ok, "{check:?}");
    assert_eq!(check.audit_rows as u64, audit_rows);
    let copy = team.document_for_viewing(attached[0].id).expect("works");
    assert!(
        std::fs::read(&copy).expect("works") == video,
        "the evidence, byte for byte"
    );

    // Again into the same database: refused, nothing added.
    let err = Desk::import_solo(Path::new(&url), &solo.db_path(), |_| {}).expect_err("refused");
    assert!(err.message.contains("already holds records"), "{err}");
    same(&seen(&team), &before, "");

    // A solo vault file that is not what its documents say: nothing is
    // imported, and the new database holds no records.
    let other = ippdesk_store::team::scratch_database().expect("works");
    let stored = solo.dir.path().join("vault").join(&attached[0].sha256);
    let mut perms = std::fs::metadata(&stored).expect("works").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&stored, perms).expect("works");
    std::fs::write(&stored, b"not the video").expect("works");
    let err = Desk::import_solo(Path::new(&other), &solo.db_path(), |_| {}).expect_err("refused");
    assert!(err.message.contains(&attached[0].sha256), "{err}");
    let empty = Desk::open(Path::new(&other)).expect("works");
    assert!(empty.list_holders().expect("works").is_empty());
    assert!(empty
        .list_complaints(ComplaintFilter::default())
        .expect("works")
        .rows
        .is_empty());

    // Not a database file, or not a team destination: clear errors.
    let err = Desk::import_solo(Path::new(&url), Path::new("/no/such.sqlite3"), |_| {})
        .expect_err("refused");
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = Desk::import_solo(&solo.dir.path().join("x.sqlite3"), &solo.db_path(), |_| {})
        .expect_err("refused");
    assert_eq!(err.code, ErrorCode::Validation);
}
