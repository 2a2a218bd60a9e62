//! Seller text is hostile: a store named `=HYPERLINK(...)` must reach a
//! paralegal's spreadsheet as text, never as a formula, and come back as
//! typed when the export is imported again. Imports are bounded: a file past
//! a limit is refused with the limit named, and nothing is written.

use ippdesk_desk::*;

use crate::complaints::{draft, paste, world, World};

const HOSTILE_SELLER: &str = "=HYPERLINK(\"http://x\",\"y\")";

/// A draft Taobao complaint with listings whose seller and title start
/// like formulas.
fn hostile_complaint(w: &mut World) -> Id {
    let c = draft(w, Platform::Taobao);
    let d = &mut w.t.desk;
    let id = d.create_complaint(c).expect("complaint").complaint.id;
    let text = format!(
        "https://item.taobao.com/item.htm?id=801\t-50% 耳机\t9.9\t{HOSTILE_SELLER}\n\
         https://item.taobao.com/item.htm?id=802\t+1 同款\t\t@seller\n\
         https://item.taobao.com/item.htm?id=803\t007\t\t普通店铺\n"
    );
    d.import_listings(paste(&text, Some(id)), true, &mut |_| {})
        .expect("import");
    id
}

fn sellers_and_titles(d: &Desk, complaint: Id) -> Vec<(String, String)> {
    d.get_complaint(complaint)
        .expect("detail")
        .listings
        .iter()
        .map(|l| (l.listing.seller_name.clone(), l.listing.title.clone()))
        .collect()
}

#[test]
fn hostile_seller_text_exports_inert_and_reimports_as_typed() {
    let mut w = world();
    let id = hostile_complaint(&mut w);
    let typed = sellers_and_titles(&w.t.desk, id);
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("urls.csv");
    std::fs::write(&csv, "an older export").expect("old file");
    w.t.desk
        .export_complaint_urls(id, UrlExportFormat::Csv, &csv)
        .expect("export");
    let text = std::fs::read_to_string(&csv).expect("csv");
    // Every cell a spreadsheet would evaluate starts with a quote.
    assert!(
        text.contains(r#""'=HYPERLINK(""http://x"",""y"")""#),
        "{text}"
    );
    for cell in [",'-50% 耳机,", ",'+1 同款,", ",'@seller,", ",007,"] {
        assert!(text.contains(cell), "{cell} in {text}");
    }
    let xlsx = dir.path().join("urls.xlsx");
    w.t.desk
        .export_complaint_urls(id, UrlExportFormat::Xlsx, &xlsx)
        .expect("export");
    // The old file was replaced whole; no temporary file is left beside.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // On another desk, each export imports back to the text as typed.
    for file in [&csv, &xlsx] {
        let mut other = world();
        let c = draft(&other, Platform::Taobao);
        let into = other
            .t
            .desk
            .create_complaint(c)
            .expect("complaint")
            .complaint
            .id;
        let report = other
            .t
            .desk
            .import_listings(
                ImportRequest {
                    source: ImportSource::File {
                        path: file.display().to_string(),
                    },
                    complaint_id: Some(into),
                },
                true,
                &mut |_| {},
            )
            .expect("re-import");
        assert_eq!(report.counts.accepted, 3, "{}", file.display());
        assert_eq!(
            sellers_and_titles(&other.t.desk, into),
            typed,
            "{}",
            file.display()
        );
    }
}

#[test]
fn an_import_past_a_limit_names_it_and_changes_nothing() {
    let mut w = world();
    let id = hostile_complaint(&mut w);
    let d = &mut w.t.desk;
    let audit_rows = d.verify().expect("verify").audit_rows;
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("more.csv");
    let huge = "x".repeat(9_000);
    std::fs::write(
        &csv,
        format!(
            "url,title\nhttps://item.taobao.com/item.htm?id=901,ok\n\
             https://item.taobao.com/item.htm?id=902&{huge},too long\n"
        ),
    )
    .expect("csv");
    let err = d
        .import_listings(
            ImportRequest {
                source: ImportSource::File {
                    path: csv.display().to_string(),
                },
                complaint_id: Some(id),
            },
            true,
            &mut |_| {},
        )
        .expect_err("an over-long URL");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message.contains("Cell A3 (the URL)") && err.message.contains("8,192"),
        "{}",
        err.message
    );
    assert_eq!(d.verify().expect("verify").audit_rows, audit_rows);
    assert_eq!(d.get_complaint(id).expect("detail").listings.len(), 3);
    assert!(d.search("item.htm?id=901").expect("search").is_empty());

    // A format whose reader would build the whole declared sheet is refused.
    let old = dir.path().join("listings.ods");
    std::fs::write(&old, b"PK").expect("ods");
    let err = d
        .import_listings(
            ImportRequest {
                source: ImportSource::File {
                    path: old.display().to_string(),
                },
                complaint_id: None,
            },
            false,
            &mut |_| {},
        )
        .expect_err("ods");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("XLSX or CSV"), "{}", err.message);
}
