//! IPP step 3: listings pasted and imported, complaints built and filed,
//! evidence attached, sellers grouped, everything searchable.

use std::fmt::Write;

use ippdesk_desk::*;
use ippdesk_tests::{company, temp_desk, trademark, TempDesk};

pub(crate) struct World {
    pub t: TempDesk,
    pub account: Id,
    pub cn: Id,
}

/// A verified IPP account and a CN trademark approved on IPP.
pub(crate) fn world() -> World {
    let mut t = temp_desk("2026-11-22");
    let d = &mut t.desk;
    let h = d
        .create_holder(company("深圳市极光电子有限公司"))
        .expect("holder");
    let acct = d
        .create_account(AccountDraft {
            holder_id: h.id,
            programme: Programme::AlibabaIpp,
            role: AccountRole::RightsHolder,
            location: AccountLocation::MainlandChina,
            login_email: "ipp@aurora.example".into(),
            contact_email: "ipp@aurora.example".into(),
            external_id: String::new(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        })
        .expect("account");
    for to in [AccountStatus::Submitted, AccountStatus::Verified] {
        d.change_account_status(
            acct.account.id,
            StatusChangeInput {
                to,
                on: "2026-01-02".parse().expect("date"),
                note: String::new(),
            },
        )
        .expect("status");
    }
    let cn = d
        .create_right(trademark(h.id, "12345678", "CN", "2030-01-01"))
        .expect("right");
    d.set_registration(ProgrammeRegistrationDraft {
        right_id: cn.id,
        programme: Programme::AlibabaIpp,
        state: ProgrammeRightState::Approved,
        reference: "IPR-1".into(),
        submitted_on: None,
        decided_on: None,
        notes: String::new(),
    })
    .expect("registration");
    World {
        t,
        account: acct.account.id,
        cn: cn.id,
    }
}

pub(crate) fn draft(w: &World, platform: Platform) -> ComplaintDraft {
    ComplaintDraft {
        account_id: w.account,
        platform,
        right_id: w.cn,
        target: ComplaintTarget::Listings,
        reason: ComplaintReason::Counterfeit,
        explanation_en: "Counterfeit AURORA earbuds.".into(),
        explanation_zh: "假冒极光耳机。".into(),
        external_number: String::new(),
        assignee: "王芳".into(),
        notes: String::new(),
    }
}

pub(crate) fn paste(text: &str, complaint: Option<Id>) -> ImportRequest {
    ImportRequest {
        source: ImportSource::Paste { text: text.into() },
        complaint_id: complaint,
    }
}

#[test]
fn a_pasted_batch_with_a_bad_line_is_reported_by_line_and_the_rest_kept() {
    let mut w = world();
    let mut text = String::new();
    for i in 0..300 {
        if i == 137 {
            text.push_str("htp:/detail.1688.com/offer/broken\n");
        } else {
            writeln!(
                text,
                "https://detail.1688.com/offer/{}.html?spm=a{i}",
                600_000_000_000u64 + i
            )
            .expect("write");
        }
    }
    // The same listing in another form, pasted again at the end.
    text.push_str("m.1688.com/offer/600000000000.html\n");
    let d = &mut w.t.desk;
    let preview = d
        .import_listings(paste(&text, None), false, &mut |_| {})
        .expect("preview");
    assert!(!preview.committed);
    assert_eq!(
        preview.counts,
        ImportCounts {
            accepted: 299,
            duplicate: 1,
            known: 0,
            invalid: 1
        }
    );
    let bad = preview
        .lines
        .iter()
        .find(|l| matches!(l.outcome, LineOutcome::Invalid { .. }))
        .expect("bad");
    assert_eq!(bad.line, 138);
    assert!(
        d.search("600000000000").expect("search").is_empty(),
        "a preview writes nothing"
    );

    let mut stages = Vec::new();
    let done = d
        .import_listings(paste(&text, None), true, &mut |p| stages.push(p.stage))
        .expect("commit");
    assert!(done.committed);
    assert!(
        stages.contains(&"saving".to_string()) && stages.last().map(String::as_str) == Some("done")
    );
    let again = d
        .import_listings(paste(&text, None), false, &mut |_| {})
        .expect("again");
    assert_eq!(
        again.counts.known, 299,
        "the second time they are already known"
    );
}

#[test]
fn the_batch_builder_makes_ceil_n_over_300_drafts_and_keeps_open_listings_out() {
    let mut w = world();
    let first =
        w.t.desk
            .create_complaint(draft(&w, Platform::Taobao))
            .expect("complaint");
    w.t.desk
        .import_listings(
            paste(
                "https://item.taobao.com/item.htm?id=1000000",
                Some(first.complaint.id),
            ),
            true,
            &mut |_| {},
        )
        .expect("import");
    let mut text = String::new();
    for i in 0..650u64 {
        let _ = writeln!(
            text,
            "https://item.taobao.com/item.htm?spm=x&id={}",
            1_000_000 + i
        );
    }
    text.push_str("https://detail.1688.com/offer/1.html\n");
    // A listing picked from the list (not pasted) on another platform.
    w.t.desk
        .import_listings(
            paste("https://detail.1688.com/offer/623456789012.html", None),
            true,
            &mut |_| {},
        )
        .expect("import");
    let picked = w.t.desk.search("623456789012").expect("search")[0].id;
    let req = BatchRequest {
        account_id: w.account,
        right_id: w.cn,
        platform: Platform::Taobao,
        reason: ComplaintReason::Counterfeit,
        assignee: "李娜".into(),
        explanation_en: String::new(),
        explanation_zh: String::new(),
        listing_ids: vec![picked],
        paste: text,
        by_storefront: false,
    };
    let result = w.t.desk.build_batch(req).expect("batch");
    let sizes: Vec<_> = result
        .complaints
        .iter()
        .map(|c| c.complaint.listing_count)
        .collect();
    assert_eq!(sizes, [300, 300, 49]);
    assert_eq!(result.held_elsewhere.len(), 1);
    assert_eq!(result.held_elsewhere[0].complaint_id, first.complaint.id);
    let skipped: Vec<_> = result
        .skipped
        .iter()
        .map(|l| (l.line, l.input.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (651, "https://detail.1688.com/offer/1.html"),
            (0, "https://detail.1688.com/offer/623456789012.html"),
        ],
        "the pasted 1688 URL by its line, the picked 1688 listing as line 0"
    );
    assert!(
        matches!(&result.skipped[1].outcome, LineOutcome::Invalid { reason } if reason.contains("1688") && reason.contains("taobao")),
        "{:?}",
        result.skipped[1].outcome
    );
    assert!(result
        .complaints
        .iter()
        .all(|c| c.complaint.status == ComplaintStatus::Draft));
}

#[test]
fn filing_is_refused_with_reasons_then_succeeds_and_exports_urls() {
    let mut w = world();
    let complaint = draft(&w, Platform::Taobao);
    let d = &mut w.t.desk;
    let c = d.create_complaint(complaint).expect("complaint");
    let id = c.complaint.id;
    let input = FileComplaintInput {
        filed_on: "2026-11-22".parse().expect("date"),
        external_number: "IPP-1".into(),
        seller_notified_on: None,
    };
    let err = d
        .file_complaint(id, input.clone())
        .expect_err("no listings");
    assert_eq!(err.code, ErrorCode::FilingRefused);
    assert!(
        err.message.contains("at least one listing"),
        "{}",
        err.message
    );

    d.set_max_listings(Programme::AlibabaIpp, 2).expect("limit");
    d.import_listings(
        paste(
            "https://item.taobao.com/item.htm?id=11\nh5.m.taobao.com/awp/core/detail.htm?id=12\nhttps://item.taobao.com/item.htm?id=13",
            Some(id),
        ),
        true,
        &mut |_| {},
    )
    .expect("import");
    let err = d.file_complaint(id, input.clone()).expect_err("too many");
    assert!(err.message.contains("limit of 2"), "{}", err.message);
    let detail = d.get_complaint(id).expect("detail");
    assert_eq!(detail.filing_problems.len(), 1);

    d.set_max_listings(Programme::AlibabaIpp, 300)
        .expect("limit");
    let filed = d.file_complaint(id, input).expect("filed");
    assert_eq!(filed.complaint.status, ComplaintStatus::Filed);
    assert_eq!(filed.label, "IPP-1");
    assert!(
        d.delete_complaint(id).is_err(),
        "a filed complaint is closed, not deleted"
    );
    let back = d
        .set_complaint_status(id, ComplaintStatus::Draft)
        .expect_err("no way back to draft");
    assert_eq!(back.code, ErrorCode::InvalidTransition);
    assert_eq!(back.message, "A filed complaint cannot become draft.");

    assert_eq!(
        d.complaint_urls(id).expect("urls"),
        "https://item.taobao.com/item.htm?id=11\nhttps://item.taobao.com/item.htm?id=12\nhttps://item.taobao.com/item.htm?id=13\n"
    );
    let dir = tempfile::tempdir().expect("dir");
    for (format, name) in [
        (UrlExportFormat::Csv, "u.csv"),
        (UrlExportFormat::Xlsx, "u.xlsx"),
    ] {
        let path = dir.path().join(name);
        d.export_complaint_urls(id, format, &path).expect("export");
        // What we export, we can import again: the report knows all three.
        let back = d
            .import_listings(
                ImportRequest {
                    source: ImportSource::File {
                        path: path.display().to_string(),
                    },
                    complaint_id: None,
                },
                false,
                &mut |_| {},
            )
            .expect("re-import");
        assert_eq!(back.counts.known, 3, "{name}");
        match &back.lines[0].outcome {
            LineOutcome::AlreadyKnown { complaints, .. } => {
                assert_eq!(complaints[0].label, "IPP-1")
            }
            other => panic!("{other:?}"),
        }
    }

    let ids: Vec<Id> = d
        .get_complaint(id)
        .expect("detail")
        .listings
        .iter()
        .map(|l| l.listing.id)
        .collect();
    d.set_listing_outcomes(
        id,
        OutcomeInput {
            listing_ids: ids[..2].to_vec(),
            outcome: ListingOutcome::Removed,
            on: "2026-11-25".parse().ok(),
        },
    )
    .expect("outcomes");
    let outcomes: Vec<_> = d
        .get_complaint(id)
        .expect("detail")
        .listings
        .iter()
        .map(|l| l.outcome)
        .collect();
    assert_eq!(
        outcomes,
        [
            ListingOutcome::Removed,
            ListingOutcome::Removed,
            ListingOutcome::Pending
        ]
    );
}

#[test]
fn a_failed_file_import_leaves_the_database_as_it_was() {
    let mut w = world();
    let dir = tempfile::tempdir().expect("dir");
    let bad = dir.path().join("listings.csv");
    std::fs::write(
        &bad,
        b"url\nhttps://item.taobao.com/item.htm?id=1\n\xff\xfe broken",
    )
    .expect("write");
    let before = w.t.desk.verify().expect("verify").audit_rows;
    let err =
        w.t.desk
            .import_listings(
                ImportRequest {
                    source: ImportSource::File {
                        path: bad.display().to_string(),
                    },
                    complaint_id: None,
                },
                true,
                &mut |_| {},
            )
            .expect_err("not UTF-8");
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("UTF-8"), "{}", err.message);
    assert_eq!(w.t.desk.verify().expect("verify").audit_rows, before);
    assert!(w.t.desk.search("item.taobao").expect("search").is_empty());
}

/// A CSV of `n` Taobao listings (ids from `first`), header included.
fn taobao_csv(path: &std::path::Path, first: u64, n: u64, extra: &str) {
    let mut text = String::from("url,title\n");
    for i in first..first + n {
        let _ = writeln!(
            text,
            "https://item.taobao.com/item.htm?id={i}&spm=x,耳机 {i}"
        );
    }
    text.push_str(extra);
    std::fs::write(path, text).expect("write csv");
}

#[test]
fn a_large_file_is_checked_in_parts_with_the_same_report_and_one_transaction() {
    let mut w = world();
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("listings.csv");
    // 12,000 rows: three parts. The last two lines repeat row 2 (first
    // part) in another form and are invalid.
    taobao_csv(
        &csv,
        5_000_000,
        12_000,
        "item.taobao.com/item.htm?id=5000000\nnot a url at all\n",
    );
    let file = || ImportRequest {
        source: ImportSource::File {
            path: csv.display().to_string(),
        },
        complaint_id: None,
    };
    let preview =
        w.t.desk
            .import_listings(file(), false, &mut |_| {})
            .expect("preview");
    assert_eq!(
        (
            preview.counts.accepted,
            preview.counts.duplicate,
            preview.counts.invalid
        ),
        (12_000, 1, 1)
    );
    let lines = &preview.lines;
    assert_eq!(lines.len(), 12_002);
    assert!(
        lines
            .iter()
            .enumerate()
            .all(|(i, l)| l.line == i as u32 + 2),
        "rows numbered as a spreadsheet shows them"
    );
    assert!(matches!(
        lines[12_000].outcome,
        LineOutcome::DuplicateInBatch { first_line: 2, .. }
    ));

    // A failure in the last part (a trigger standing in for a full disk)
    // takes the parts already written back with it.
    let audit_rows = w.t.desk.verify().expect("verify").audit_rows;
    w.t.raw_sql(
        "CREATE TRIGGER fail_late BEFORE INSERT ON listings WHEN NEW.external_id = '5011999'
         BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        "CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'disk trouble'; END $$;
         CREATE TRIGGER fail_late BEFORE INSERT ON listings
         FOR EACH ROW WHEN (NEW.external_id = '5011999') EXECUTE FUNCTION fail_late();",
    );
    let mut stages = Vec::new();
    let err =
        w.t.desk
            .import_listings(file(), true, &mut |p| stages.push((p.done, p.total)))
            .expect_err("the last part fails");
    assert!(err.message.contains("disk trouble"), "{}", err.message);
    assert!(stages.len() >= 3, "progress for each part: {stages:?}");
    assert_eq!(w.t.desk.verify().expect("verify").audit_rows, audit_rows);
    let again =
        w.t.desk
            .import_listings(file(), false, &mut |_| {})
            .expect("preview");
    assert_eq!(again.counts.known, 0, "nothing was kept");

    w.t.raw_sql(
        "DROP TRIGGER fail_late",
        "DROP TRIGGER fail_late ON listings",
    );
    let done =
        w.t.desk
            .import_listings(file(), true, &mut |_| {})
            .expect("commit");
    assert_eq!(done.counts.accepted, 12_000);
    assert_eq!(
        w.t.desk.verify().expect("verify").audit_rows,
        audit_rows + 1,
        "one audit row for the whole import"
    );
    let known =
        w.t.desk
            .import_listings(file(), false, &mut |_| {})
            .expect("preview");
    assert_eq!(known.counts.known, 12_000);
}

#[test]
fn evidence_sellers_and_search_survive_a_restart() {
    let mut w = world();
    let complaint = draft(&w, Platform::Alibaba1688);
    let d = &mut w.t.desk;
    let c = d.create_complaint(complaint).expect("complaint");
    let seller = d
        .create_seller(SellerDraft {
            store_name_translation: "Yiwu Jiguang Digital".into(),
            store_url: "https://jiguangshuma.1688.com".into(),
            company_name: "义乌市极光数码配件有限公司".into(),
            phone: "0579-85550101".into(),
            years_in_business: Some(2),
            employee_count: Some(12),
            ..SellerDraft::named(Platform::Alibaba1688, "义乌市极光数码配件厂")
        })
        .expect("seller");
    assert!(seller.flags.contains(&RedFlag::YoungBusiness));
    d.import_listings(
        paste(
            "https://detail.1688.com/offer/623456789012.html\t极光同款耳机 工厂直销\t¥6.5\t义乌市极光数码配件厂\thttps://jiguangshuma.1688.com",
            Some(c.complaint.id),
        ),
        true,
        &mut |_| {},
    )
    .expect("import");
    let listing = d.get_complaint(c.complaint.id).expect("detail").listings[0]
        .listing
        .clone();
    assert_eq!(
        listing.seller_id,
        Some(seller.seller.id),
        "linked to the known store"
    );

    let dir = tempfile::tempdir().expect("dir");
    let shot = dir.path().join("offer-623456789012.png");
    std::fs::write(&shot, b"\x89PNG\r\n\x1a\nnot really a png").expect("write");
    let docs = d
        .attach(AttachInput {
            owner_kind: OwnerKind::Listing,
            owner_id: listing.id,
            doc_kind: None,
            paths: vec![shot.display().to_string()],
            facts: Some(EvidenceFacts {
                captured_at: "2026-11-20T02:00:00Z".parse().ok(),
                captured_by: "王芳".into(),
                source_url: listing.canonical_url.clone(),
                notes: String::new(),
            }),
        })
        .expect("attach");
    assert_eq!(
        docs[0].doc_kind,
        DocumentKind::ListingScreenshot,
        "guessed from the name"
    );

    let w = World {
        t: w.t.reopen(),
        ..w
    };
    let d = &w.t.desk;
    let detail = d.get_complaint(c.complaint.id).expect("detail");
    let ev = &detail.listings[0].evidence[0];
    assert_eq!(ev.captured_by, "王芳");
    assert_eq!(
        ev.source_url,
        "https://detail.1688.com/offer/623456789012.html"
    );
    let hits = d.search("工厂直").expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].complaint_id, Some(c.complaint.id));
    let s = d.get_seller(seller.seller.id).expect("seller");
    assert_eq!((s.row.listings, s.row.complaints), (1, 1));
    assert!(d.verify().expect("verify").ok);
}

#[test]
fn a_bulk_status_change_or_delete_is_one_command_that_reports_each_refusal_by_complaint() {
    let mut w = world();
    let complaint = draft(&w, Platform::Taobao);
    let d = &mut w.t.desk;
    let a = d
        .create_complaint(complaint.clone())
        .expect("a")
        .complaint
        .id;
    let b = d
        .create_complaint(complaint.clone())
        .expect("b")
        .complaint
        .id;
    d.set_complaint_status(b, ComplaintStatus::Ready)
        .expect("b ready");
    let filed = d.create_complaint(complaint).expect("c").complaint.id;
    d.import_listings(
        paste("https://item.taobao.com/item.htm?id=71", Some(filed)),
        true,
        &mut |_| {},
    )
    .expect("import");
    d.file_complaint(
        filed,
        FileComplaintInput {
            filed_on: "2026-11-22".parse().expect("date"),
            external_number: "IPP-71".into(),
            seller_notified_on: None,
        },
    )
    .expect("filed");

    let moved = d
        .set_complaints_status(vec![a, b, filed], ComplaintStatus::Ready)
        .expect("bulk status");
    assert_eq!(moved.done, vec![a]);
    assert_eq!(moved.unchanged, vec![b]);
    assert_eq!(moved.failures.len(), 1);
    let refused = &moved.failures[0];
    assert_eq!(
        (refused.id, refused.label.as_str(), refused.code),
        (filed, "IPP-71", ErrorCode::InvalidTransition)
    );
    assert_eq!(
        d.get_complaint(a).expect("a").row.complaint.status,
        ComplaintStatus::Ready
    );

    let deleted = d.delete_complaints(vec![a, filed]).expect("bulk delete");
    assert_eq!(deleted.done, vec![a]);
    assert_eq!(deleted.failures.len(), 1);
    assert_eq!(deleted.failures[0].id, filed);
    assert_eq!(
        d.get_complaint(a).expect_err("gone").code,
        ErrorCode::NotFound
    );
    assert_eq!(
        d.get_complaint(filed).expect("kept").row.complaint.status,
        ComplaintStatus::Filed
    );
}
