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
    assert_eq!(
        report["files_checked"], 5,
        "licence, certificate, screenshots, comparison"
    );

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

fn ippdesk_stdin(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ippdesk"))
        .args(args)
        .env_remove("IPPDESK_DB")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ippdesk runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("output")
}

#[test]
fn url_normalize_prints_one_json_object_per_input_line() {
    let input = "https://detail.1688.com/offer/623456789012.html?spm=a2615\n\
                 \n\
                 https://item.taobao.com/item.htm?spm=x&id=712345678901\n\
                 https://www.ebay.com/itm/Some-title/256123456789?hash=x\n\
                 ftp://example.com/x\n";
    let out = ippdesk_stdin(&["--json", "url", "normalize"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "blank lines are skipped");
    assert_eq!(
        lines[0],
        serde_json::json!({"input": "https://detail.1688.com/offer/623456789012.html?spm=a2615",
            "platform": "1688", "kind": "listing", "id": "623456789012",
            "canonical": "https://detail.1688.com/offer/623456789012.html", "error": null})
    );
    assert_eq!(lines[1]["platform"], "taobao");
    assert_eq!(lines[1]["id"], "712345678901");
    assert_eq!(lines[2]["platform"], "ebay");
    assert_eq!(lines[2]["id"], "256123456789");
    assert!(lines[3]["error"].as_str().unwrap().contains("http"));
    assert_eq!(lines[3]["platform"], serde_json::Value::Null);
    assert_eq!(lines[3]["canonical"], serde_json::Value::Null);

    // Arguments work as well as stdin, and need no database.
    let out = ippdesk_stdin(
        &[
            "url",
            "normalize",
            "es.aliexpress.com/item/1005006123456789.html",
        ],
        "",
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "aliexpress\tlisting\t1005006123456789\thttps://www.aliexpress.com/item/1005006123456789.html"
    );
}

#[test]
fn listing_import_prints_the_per_line_report_and_complaints_list_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());
    let csv = dir.path().join("listings.csv");
    std::fs::write(
        &csv,
        "链接,标题\n\
         https://item.taobao.com/item.htm?id=712345678901,already there\n\
         https://item.taobao.com/item.htm?id=900000000001,新的 耳机\n\
         not a url,\n\
         item.taobao.com/item.htm?id=900000000001&spm=z,again\n",
    )
    .unwrap();
    let out = ippdesk(
        &db,
        &["listing", "import", csv.to_str().unwrap(), "--dry-run"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("line      2  known       https://item.taobao.com/item.htm?id=712345678901 (in IPP-TB-2026-0173)"), "{text}");
    assert!(text.contains("line      3  accepted"), "{text}");
    assert!(text.contains("line      4  invalid"), "{text}");
    assert!(
        text.contains("line      5  duplicate   same listing as line 3"),
        "{text}"
    );
    assert!(
        text.contains(
            "1 accepted, 1 duplicate, 1 already known, 1 invalid (dry run: nothing written)"
        ),
        "{text}"
    );

    let out = ippdesk(&db, &["--json", "listing", "import", csv.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["committed"], true);
    let hits: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "search", "新的 耳"]).stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);

    let out = ippdesk(&db, &["--json", "complaint", "list", "--status", "filed"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["id"].is_string());
    assert_eq!(rows[0]["external_number"], "IPP-TB-2026-0173");
    let urls = ippdesk(&db, &["complaint", "urls", rows[0]["id"].as_str().unwrap()]);
    assert_eq!(String::from_utf8(urls.stdout).unwrap().lines().count(), 4);

    let sellers: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "seller", "list"]).stdout).unwrap();
    assert!(sellers
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["store_name"] == "义乌市极光数码配件厂"));

    let out = ippdesk(&db, &["complaint", "show", "not-an-id"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a record id"));
}

#[test]
fn complaint_export_writes_what_the_app_writes_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());
    let out = ippdesk(&db, &["--json", "complaint", "list", "--status", "filed"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cid = rows[0]["id"].as_str().unwrap().to_string();

    let csv = dir.path().join("urls.csv");
    let out = ippdesk(
        &db,
        &["complaint", "export", &cid, "--out", csv.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Byte for byte what the app's export (the same desk call) writes.
    let app = dir.path().join("app.csv");
    ippdesk_desk::Desk::open(&db)
        .unwrap()
        .export_complaint_urls(
            cid.parse().unwrap(),
            ippdesk_desk::UrlExportFormat::Csv,
            &app,
        )
        .unwrap();
    let written = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(written, std::fs::read_to_string(&app).unwrap());
    assert!(
        written.starts_with("url,platform,id,title,seller,outcome\n"),
        "{written}"
    );
    assert_eq!(written.lines().count(), 5, "a header and four listings");

    // XLSX by its extension (any case): importing it back finds all four.
    let xlsx = dir.path().join("urls.XLSX");
    let out = ippdesk(
        &db,
        &["complaint", "export", &cid, "--out", xlsx.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let back = ippdesk(
        &db,
        &[
            "--json",
            "listing",
            "import",
            xlsx.to_str().unwrap(),
            "--dry-run",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&back.stdout).unwrap();
    assert_eq!(report["counts"]["known"], 4, "{report}");

    // Any other extension is refused, and no file appears.
    let txt = dir.path().join("urls.txt");
    let out = ippdesk(
        &db,
        &["complaint", "export", &cid, "--out", txt.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".csv or .xlsx"));
    assert!(!txt.exists());
}

#[test]
fn listing_import_refuses_a_row_past_the_limit_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());
    // A CSV whose row 1,000,001 exists (blank rows are cheap to write).
    let csv = dir.path().join("many.csv");
    let mut text = String::from("url\nhttps://item.taobao.com/item.htm?id=900000000001\n");
    text.push_str(&",\n".repeat(999_998));
    text.push_str("https://item.taobao.com/item.htm?id=900000000002\n");
    std::fs::write(&csv, text).unwrap();
    let out = ippdesk(&db, &["--json", "listing", "import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "validation");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Row 1,000,001 is past the limit of 1,000,000 rows"),
        "{err}"
    );
    let hits: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "search", "900000000001"]).stdout)
            .unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 0, "nothing was imported");
}

#[test]
fn calendar_add_working_days_skips_national_day_and_says_when_it_guesses() {
    let run = |args: &[&str]| {
        let out = ippdesk_stdin(args, "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let args = [
        "calendar",
        "add-working-days",
        "--calendar",
        "cn",
        "--from",
        "2026-09-28",
        "--days",
        "3",
    ];
    assert_eq!(run(&args).trim(), "2026-10-08");
    let json: serde_json::Value =
        serde_json::from_str(&run(&[&["--json"][..], &args[..]].concat())).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"date": "2026-10-08", "estimated": false})
    );
    let guess: serde_json::Value = serde_json::from_str(&run(&[
        "--json",
        "calendar",
        "add-working-days",
        "--calendar",
        "cn",
        "--from",
        "2026-12-28",
        "--days",
        "5",
    ]))
    .unwrap();
    assert_eq!(guess["estimated"], true);
    assert!(run(&[
        "calendar",
        "add-working-days",
        "--calendar",
        "cn",
        "--from",
        "2026-12-28",
        "--days",
        "5"
    ])
    .contains("no published holiday schedule for 2027"));
    let bad = ippdesk_stdin(
        &[
            "calendar",
            "add-working-days",
            "--calendar",
            "mars",
            "--from",
            "2026-01-01",
            "--days",
            "1",
        ],
        "",
    );
    assert!(!bad.status.success());
}

#[test]
fn deadlines_report_and_ics_from_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());

    let list = ippdesk(
        &db,
        &[
            "--json",
            "deadlines",
            "list",
            "--assignee",
            "Wang Fang 王芳",
        ],
    );
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    // The filed sample complaint opened the seller's counter-notice window.
    assert!(rows
        .iter()
        .any(|r| r["rule_key"] == "ipp_seller_counter_notice_window"
            && r["complaint_label"] == "IPP-TB-2026-0173"
            && r["time_zone"] == "Asia/Shanghai"));

    let ics = dir.path().join("d.ics");
    assert!(ippdesk(&db, &["deadlines", "ics", ics.to_str().unwrap()])
        .status
        .success());
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR"));
    let all: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "deadlines", "list"]).stdout).unwrap();
    let all = all.as_array().unwrap().len();
    assert!(
        all > rows.len(),
        "the rights' expiry reminders are unassigned"
    );
    assert_eq!(text.matches("BEGIN:VEVENT").count(), all, "{text}");

    let report = ippdesk(
        &db,
        &[
            "--json",
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--group-by",
            "platform",
        ],
    );
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(r["rows"][0]["platform"], "taobao");
    assert!(r["total"]["takedown_rate"].is_number());

    let bad = ippdesk(
        &db,
        &["report", "--from", "2026-12-31", "--to", "2026-01-01"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("starts after it ends"));
    let bad = ippdesk(
        &db,
        &[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            "r.txt",
        ],
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".csv, .xlsx or .pdf"));
}

#[test]
fn a_reader_that_stops_early_gets_no_panic() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_ippdesk"))
        .args(["--db", db.to_str().unwrap(), "deadlines", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end of stdout at once, as `| head -0` would.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.success());
}

#[test]
fn call_runs_any_command_of_the_apps_table_and_prints_its_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    // Without a name: the command names, the same table the window uses.
    let out = ippdesk(&db, &["call"]);
    assert!(out.status.success());
    let names = String::from_utf8(out.stdout).unwrap();
    assert!(names.lines().any(|l| l == "list_complaints"));
    assert!(names.lines().any(|l| l == "import_listings"));

    let draft = r#"{"draft": {"kind": "company", "legal_name": "深圳市极光电子有限公司", "latin_name": "Aurora",
        "country": "CN", "registration_number": "", "address": "", "contact_email": "ip@aurora.example", "notes": ""}}"#;
    let out = ippdesk(&db, &["call", "create_holder", draft]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let holder: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = holder["id"].as_str().unwrap();
    let out = ippdesk(
        &db,
        &["call", "get_holder", &format!(r#"{{"id": "{id}"}}"#)],
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["holder"]["legal_name"], "深圳市极光电子有限公司");
    // Arguments from stdin.
    let out = ippdesk_stdin(
        &["--db", db.to_str().unwrap(), "call", "list_holders", "-"],
        "{}",
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);

    // Bad JSON, an unknown name and a field error: clear errors, exit non-zero.
    let out = ippdesk(&db, &["--json", "call", "get_holder", "{not json"]);
    assert!(!out.status.success());
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "invalid_args");
    let out = ippdesk(&db, &["--json", "call", "drop_everything", "{}"]);
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "unknown_command");
    let bad = draft.replace("ip@aurora.example", "nope");
    let out = ippdesk(&db, &["--json", "call", "create_holder", &bad]);
    assert_eq!(out.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["fields"][0]["field"], "contact_email");
}

#[test]
fn complaint_status_moves_many_at_once_and_names_each_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bulk.sqlite3");
    assert!(ippdesk(&db, &["sample"]).status.success());
    let list: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "complaint", "list"]).stdout).unwrap();
    let rows = list.as_array().expect("rows");
    let of = |status: &str| {
        rows.iter()
            .find(|r| r["status"] == status)
            .map(|r| r["id"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("a {status} complaint in the sample"))
    };
    let (draft, filed) = (of("draft"), of("filed"));

    let out = ippdesk(
        &db,
        &[
            "--json",
            "complaint",
            "status",
            &draft,
            &filed,
            "--to",
            "ready",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "a refusal fails the command");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["done"], serde_json::json!([draft]));
    assert_eq!(r["failures"][0]["id"], filed.as_str());
    assert_eq!(r["failures"][0]["code"], "invalid_transition");
    let shown: serde_json::Value =
        serde_json::from_slice(&ippdesk(&db, &["--json", "complaint", "show", &draft]).stdout)
            .unwrap();
    assert_eq!(shown["row"]["status"], "ready");

    let out = ippdesk(&db, &["complaint", "delete", &draft]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "1 done, 0 unchanged, 0 refused."
    );
    assert!(!ippdesk(&db, &["complaint", "show", &draft])
        .status
        .success());
}

/// The app (a writer and its readers in one process) and the CLI on one
/// database: the CLI closing its connection must not delete the WAL the
/// app still writes to. (Readers once re-read the file's header with a
/// plain open and close, which dropped the app's SQLite locks; the CLI then
/// thought itself the last user and removed the WAL, and what the app wrote
/// next was lost.)
#[test]
fn the_cli_beside_the_running_app_loses_none_of_the_apps_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.sqlite3");
    let app = ippdesk_desk::SharedDesk::new(ippdesk_desk::Desk::open(&db));
    // A page load: a reader connection opens beside the writer.
    app.read(|d| d.search("x")).unwrap();
    assert!(ippdesk(&db, &["holder", "list"]).status.success());
    app.with(|d| d.load_sample()).unwrap();

    assert!(
        db.with_file_name("app.sqlite3-wal").exists(),
        "the WAL was deleted under the running app"
    );
    let out = ippdesk(&db, &["--json", "holder", "list"]);
    assert!(out.status.success());
    let holders: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !holders.as_array().unwrap().is_empty(),
        "the CLI does not see what the app wrote"
    );
}

/// The team edition from the command line: an administrator sets up the
/// database and two people; the paralegal's change carries their name in the
/// audit log; the viewer's write is refused by the database as `forbidden`.
#[test]
fn a_team_database_from_the_command_line() {
    let Some(url) = ippdesk_store::team::scratch_database() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let run = |db: &str, args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_ippdesk"))
            .arg("--db")
            .arg(db)
            .args(args)
            .env_remove("IPPDESK_DB")
            // The team database's local files (the calendar, the lock) go here.
            .env("XDG_DATA_HOME", home.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("ippdesk runs");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let json = |o: &std::process::Output| -> serde_json::Value {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let init = json(&run(&url, &["--json", "team", "init"], ""));
    assert_eq!(init["admin"], "postgres");

    let tag = &url[url.rfind("t_").unwrap() + 2..][..8];
    let (para, viewer) = (format!("lin-{tag}"), format!("zhao-{tag}"));
    for (name, role) in [(&para, "paralegal"), (&viewer, "viewer")] {
        let out = run(
            &url,
            &[
                "team",
                "user",
                "add",
                name,
                "--role",
                role,
                "--password-stdin",
            ],
            "correct horse battery\n",
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let listed = json(&run(&url, &["--json", "team", "user", "list"], ""));
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["name"] == para.as_str() && u["role"] == "paralegal"));
    let as_user = |user: &str| {
        let mut u = url::Url::parse(&url).unwrap();
        u.set_username(user).unwrap();
        u.set_password(Some("correct horse battery")).unwrap();
        u.to_string()
    };
    let add_holder = [
        "--json",
        "holder",
        "add",
        "--legal-name",
        "深圳市极光电子有限公司",
        "--country",
        "cn",
        "--email",
        "ip@aurora.example",
    ];

    json(&run(&as_user(&para), &add_holder, ""));
    let audit = json(&run(
        &as_user(&para),
        &["--json", "audit", "list", "--limit", "1"],
        "",
    ));
    assert_eq!(audit[0]["actor"], para.as_str());
    assert_eq!(audit[0]["action"], "create");
    assert_eq!(audit[0]["table"], "holder");

    let me = json(&run(&as_user(&viewer), &["--json", "team", "whoami"], ""));
    assert_eq!(me["role"], "viewer");
    let refused = run(&as_user(&viewer), &add_holder, "");
    assert!(!refused.status.success());
    let err: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(err["code"], "forbidden", "{err}");
    let after = json(&run(&url, &["--json", "audit", "list", "--limit", "5"], ""));
    assert_eq!(
        after[0]["seq"], audit[0]["seq"],
        "the refused write left no row"
    );

    // A solo database with the sample moves into a new team database, and
    // verifies there; the same import into a used database is refused.
    let solo = home.path().join("solo.sqlite3");
    let solo = solo.to_str().unwrap();
    json(&run(solo, &["--json", "sample"], ""));
    let solo_audit = json(&run(
        solo,
        &["--json", "audit", "list", "--limit", "100000"],
        "",
    ));
    let fresh = ippdesk_store::team::scratch_database().unwrap();
    let moved = json(&run(
        &fresh,
        &["--json", "team", "import", "--from", solo],
        "",
    ));
    assert_eq!(moved["admin"], "postgres");
    assert_eq!(
        moved["report"]["audit_rows"],
        solo_audit.as_array().unwrap().len()
    );
    assert!(moved["report"]["files"].as_u64().unwrap() > 0, "{moved}");
    let checked = json(&run(&fresh, &["--json", "verify"], ""));
    assert_eq!(checked["ok"], true, "{checked}");
    assert_eq!(
        json(&run(
            &fresh,
            &["--json", "audit", "list", "--limit", "100000"],
            ""
        )),
        solo_audit
    );
    let again = run(&url, &["--json", "team", "import", "--from", solo], "");
    assert!(!again.status.success());
    let err: serde_json::Value = serde_json::from_slice(&again.stderr).unwrap();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("already holds records"),
        "{err}"
    );
}
