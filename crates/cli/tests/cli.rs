//! The CLI as a user runs it: the real binary on a temp database.

use std::process::Command;

fn ippdesk(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ippdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("IPPDESK_DB")
        .output()
        .expect("ippdesk runs")
}

#[test]
fn holder_and_ip_round_trip_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let out = ippdesk(
        &db,
        &[
            "--json",
            "holder",
            "add",
            "--legal-name",
            "深圳市极光电子有限公司",
            "--country",
            "cn",
            "--email",
            "ip@aurora.example",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let holder: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hid = holder["id"].as_str().unwrap();

    let out = ippdesk(
        &db,
        &[
            "--json",
            "ip",
            "add",
            "--title",
            "极光",
            "--number",
            "12345678",
            "--jurisdiction",
            "CN",
            "--registrant",
            hid,
            "--classes",
            "9,35",
            "--expiry",
            "2030-01-01",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let list: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "ip", "list"]).stdout).unwrap();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["nice_classes"], serde_json::json!([9, 35]));
    assert_eq!(rows[0]["registrant_name"], "深圳市极光电子有限公司");
    assert!(rows[0]["id"].is_string());

    let holders: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "holder", "list"]).stdout).unwrap();
    assert_eq!(holders[0]["id"], hid);

    // The same number again is refused, on stderr, with a non-zero exit.
    let dup = ippdesk(
        &db,
        &[
            "ip",
            "add",
            "--title",
            "x",
            "--number",
            "12 345 678",
            "--jurisdiction",
            "cn",
            "--registrant",
            hid,
            "--classes",
            "9",
        ],
    );
    assert_eq!(dup.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already recorded"));
    assert!(dup.stdout.is_empty());
}

#[test]
fn sample_verify_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());
    let again = ippdesk(&db, &["sample"]);
    assert!(!again.status.success());
    let v = ippdesk(&db, &["--json", "verify"]);
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    let report: serde_json::Value = serde_json::from_slice(&v.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["files_checked"], 2);

    let copy = dir.path().join("copy.sqlite3");
    assert!(ippdesk(&db, &["backup", copy.to_str().unwrap()])
        .status
        .success());
    let listed: serde_json::Value =
        serde_json::from_slice(&ippdesk(&copy, &["--json", "holder", "list"]).stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.sqlite3");
    let out = ippdesk(
        &db,
        &[
            "--json",
            "holder",
            "add",
            "--legal-name",
            " ",
            "--country",
            "CN",
            "--email",
            "bad",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["fields"].as_array().unwrap().len(), 2);
    let notdb = dir.path().join("notes.txt");
    std::fs::write(&notdb, "hello").unwrap();
    let out = ippdesk(&notdb, &["holder", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a database"));
}
