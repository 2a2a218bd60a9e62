//! IPP step 4: a counter-notice arrives, its deadlines appear on the
//! dashboard under the assignee, we reply, the platform decides, and the
//! figures and the good-faith panel follow.

use chrono::{DateTime, NaiveDate, Utc};
use ippdesk_desk::*;

use crate::complaints::{draft, paste, world, World};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}
fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("instant")
        .with_timezone(&Utc)
}

/// A Taobao complaint with `n` listings, filed on `filed_on`.
fn filed(w: &mut World, n: usize, filed_on: &str, number: &str) -> Id {
    let c = draft(w, Platform::Taobao);
    let desk = &mut w.t.desk;
    let id = desk.create_complaint(c).expect("complaint").complaint.id;
    desk.import_listings(
        paste(
            &(0..n)
                .map(|i| {
                    format!(
                        "https://item.taobao.com/item.htm?id={}{i:04}",
                        number_digits(number)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Some(id),
        ),
        true,
        &mut |_| {},
    )
    .expect("import");
    desk.file_complaint(
        id,
        FileComplaintInput {
            filed_on: d(filed_on),
            external_number: number.into(),
            seller_notified_on: None,
        },
    )
    .expect("filed");
    id
}

fn number_digits(s: &str) -> String {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    format!("7{digits}")
}

fn notice(complaint: Id, round: u32, received: &str) -> CounterNoticeDraft {
    CounterNoticeDraft {
        complaint_id: complaint,
        round,
        listing_ids: vec![],
        received_at: at(received),
        grounds: CounterGround::GenuineGoods,
        statement: "本店商品均为正品，有进货发票。".into(),
        extension_days: 0,
        extension_reason: String::new(),
    }
}

#[test]
fn a_counter_notice_received_before_national_day_is_due_on_8_october_under_the_assignee() {
    let mut w = world();
    let c = filed(&mut w, 3, "2026-09-21", "IPP-TB-1");
    let desk = &mut w.t.desk;

    // Filing started the seller's window: 3 working days after Mon 21 September.
    let window = desk.get_complaint(c).expect("detail").deadlines;
    assert_eq!(window.len(), 1);
    assert_eq!(
        window[0].rule_key.as_deref(),
        Some("ipp_seller_counter_notice_window")
    );
    assert_eq!(window[0].due_date, d("2026-09-24"));

    // 10:00 China time on Monday 28 September.
    let n = desk
        .record_counter_notice(notice(c, 1, "2026-09-28T10:00:00+08:00"))
        .expect("counter-notice");
    let reply = n
        .deadlines
        .iter()
        .find(|x| x.rule_key.as_deref() == Some("ipp_reply_counter_notice"))
        .expect("reply deadline");
    assert_eq!(reply.due_date, d("2026-10-08"));
    assert_eq!(reply.due_at, at("2026-10-08T23:59:59+08:00"));
    assert_eq!(reply.time_zone, "Asia/Shanghai");
    assert_eq!(reply.assignee, "王芳");
    assert!(!reply.estimated);
    assert!(reply.title.contains("IPP-TB-1"), "{}", reply.title);
    // Taobao is under the PRC E-Commerce Law: 15 calendar days.
    let art43 = n
        .deadlines
        .iter()
        .find(|x| x.rule_key.as_deref() == Some("prc_ecommerce_art43"))
        .expect("art. 43");
    assert_eq!(art43.due_date, d("2026-10-13"));

    // The desk's today is 2026-11-22: both are overdue, under 王芳.
    let dash = desk.dashboard().expect("dashboard");
    assert_eq!(dash.counts.overdue, 3);
    let mine = dash
        .by_assignee
        .iter()
        .find(|g| g.key == "王芳")
        .expect("assignee row");
    assert_eq!(mine.counts.overdue, 3);
    let listed = desk
        .open_deadlines(DeadlineFilter {
            bucket: "overdue".into(),
            assignee: Some("王芳".into()),
            platform: None,
            limit: None,
        })
        .expect("list");
    assert!(listed.iter().any(|r| r.deadline.due_date == d("2026-10-08")
        && r.complaint_label.as_deref() == Some("IPP-TB-1")));

    // Replying closes the reply deadline only.
    let n = desk
        .respond_to_counter_notice(
            n.notice.id,
            CounterResponseInput {
                response_text: "附上鉴定报告。".into(),
                responded_at: at("2026-10-08T09:00:00+08:00"),
            },
        )
        .expect("respond");
    let done: Vec<_> = n
        .deadlines
        .iter()
        .map(|x| (x.rule_key.clone().unwrap_or_default(), x.done_at.is_some()))
        .collect();
    assert!(done.contains(&("ipp_reply_counter_notice".into(), true)));
    assert!(done.contains(&("prc_ecommerce_art43".into(), false)));

    // The platform reinstates: every listing's outcome follows, audited.
    let n = desk
        .decide_counter_notice(
            n.notice.id,
            CounterDecisionInput {
                decision: CounterDecision::Reinstated,
                decided_on: d("2026-10-12"),
            },
        )
        .expect("decide");
    assert!(n.deadlines.iter().all(|x| x.done_at.is_some()));
    let detail = desk.get_complaint(c).expect("detail");
    assert!(detail
        .listings
        .iter()
        .all(|l| l.outcome == ListingOutcome::Reinstated && l.outcome_on == Some(d("2026-10-12"))));
    let trail = desk.audit_trail(c).expect("trail");
    assert_eq!(trail.iter().filter(|e| e.action == "outcome").count(), 3);
    assert!(
        desk.delete_counter_notice(n.notice.id).is_err(),
        "decided stays"
    );
}

#[test]
fn a_counter_notice_needs_a_filed_complaint_and_its_own_listings() {
    let mut w = world();
    let c = draft(&w, Platform::Taobao);
    let desk = &mut w.t.desk;
    let draft_id = desk.create_complaint(c).expect("complaint").complaint.id;
    let err = desk
        .record_counter_notice(notice(draft_id, 1, "2026-09-28T10:00:00+08:00"))
        .expect_err("draft");
    assert_eq!(err.code, ErrorCode::InvalidTransition);

    let c = filed(&mut w, 1, "2026-09-21", "IPP-TB-2");
    let desk = &mut w.t.desk;
    let mut stray = notice(c, 1, "2026-09-28T10:00:00+08:00");
    stray.listing_ids = vec![new_id()];
    let err = desk
        .record_counter_notice(stray)
        .expect_err("stray listing");
    assert_eq!(err.fields[0].field, "listing_ids");
    assert!(desk
        .get_complaint(c)
        .expect("detail")
        .counter_notices
        .is_empty());
}

#[test]
fn editing_a_rule_versions_it_and_new_deadlines_use_the_new_version() {
    let mut w = world();
    let c = filed(&mut w, 1, "2026-09-21", "IPP-TB-3");
    let desk = &mut w.t.desk;
    let first = desk
        .record_counter_notice(notice(c, 1, "2026-09-28T10:00:00+08:00"))
        .expect("first");
    let mut rule = desk
        .deadline_rules()
        .expect("rules")
        .into_iter()
        .find(|r| r.rule.key == "ipp_reply_counter_notice")
        .expect("rule")
        .rule;
    rule.offset = 5;
    let saved = desk.save_deadline_rule(rule.clone()).expect("save");
    assert_eq!((saved.version, saved.is_default), (2, false));
    rule.time_zone = "Beijing".into();
    let err = desk.save_deadline_rule(rule).expect_err("bad zone");
    assert_eq!(err.fields[0].field, "time_zone");

    let second = desk
        .record_counter_notice(notice(c, 2, "2026-09-28T10:00:00+08:00"))
        .expect("second");
    let reply = |v: &CounterNoticeView| {
        v.deadlines
            .iter()
            .find(|x| x.rule_key.as_deref() == Some("ipp_reply_counter_notice"))
            .map(|x| (x.due_date, x.rule_version))
            .expect("reply")
    };
    assert_eq!(reply(&first), (d("2026-10-08"), Some(1)));
    // 5 working days: 29, 30 September, 8, 9 October, Saturday 10 (make-up day).
    assert_eq!(reply(&second), (d("2026-10-10"), Some(2)));
    assert_eq!(
        desk.deadline_rule_history("ipp_reply_counter_notice".into())
            .expect("history")
            .len(),
        2
    );
    let back = desk
        .reset_deadline_rule("ipp_reply_counter_notice".into())
        .expect("reset");
    assert_eq!(
        (back.version, back.is_default, back.rule.offset),
        (3, true, 3)
    );
}

#[test]
fn a_counter_notice_in_an_unpublished_year_is_estimated_and_says_which_year() {
    let mut w = world();
    let c = filed(&mut w, 1, "2026-12-01", "IPP-TB-4");
    let desk = &mut w.t.desk;
    let n = desk
        .record_counter_notice(notice(c, 1, "2027-01-29T10:00:00+08:00"))
        .expect("counter-notice");
    let reply = n
        .deadlines
        .iter()
        .find(|x| x.rule_key.as_deref() == Some("ipp_reply_counter_notice"))
        .expect("reply");
    assert!(reply.estimated);
    assert_eq!(reply.missing_years, vec![2027]);
    let ics = desk.deadlines_ics().expect("ics");
    assert!(
        ics.contains("2027 holiday schedule") || ics.contains("for 2027 is not"),
        "{ics}"
    );
}

#[test]
fn tasks_people_and_the_ics_feed() {
    let mut w = world();
    let c = filed(&mut w, 1, "2026-11-20", "IPP-TB-5");
    let desk = &mut w.t.desk;
    let p = desk
        .create_person(PersonDraft {
            name: "李娜".into(),
            email: "li.na@aurora.example".into(),
        })
        .expect("person");
    let bad = desk
        .create_person(PersonDraft {
            name: String::new(),
            email: "nope".into(),
        })
        .expect_err("invalid");
    assert_eq!(bad.fields.len(), 2);
    assert_eq!(desk.list_people().expect("people"), vec![p.clone()]);

    let task = desk
        .create_task(TaskDraft {
            title: "Order a test purchase".into(),
            due_at: at("2026-11-23T09:00:00Z"),
            assignee: p.draft.name.clone(),
            complaint_id: Some(c),
            notes: String::new(),
        })
        .expect("task");
    assert_eq!(task.platform, Some(Platform::Taobao));
    let dash = desk.dashboard().expect("dashboard");
    let li = dash
        .by_assignee
        .iter()
        .find(|g| g.key == "李娜")
        .expect("row");
    assert_eq!(li.counts.open, 1);

    let ics = desk.deadlines_ics().expect("ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains("SUMMARY:Order a test purchase"), "{ics}");
    assert!(ics.contains("DTEND:20261123T090000Z"), "{ics}");
    // The task, the seller's window, and the right's two expiry reminders.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4, "{ics}");

    // Done, then undone (undo), then deleted; a rule's deadline cannot be deleted.
    let done = desk.set_deadline_done(task.id, true).expect("done");
    assert!(done.done_at.is_some());
    assert!(!desk
        .deadlines_ics()
        .expect("ics")
        .contains("Order a test purchase"));
    assert!(desk
        .set_deadline_done(task.id, false)
        .expect("undo")
        .done_at
        .is_none());
    desk.delete_task(task.id).expect("delete");
    let rule_deadline = desk.get_complaint(c).expect("detail").deadlines[0].id;
    assert_eq!(
        desk.delete_task(rule_deadline).expect_err("rule").code,
        ErrorCode::InvalidTransition
    );
}

#[test]
fn enforcement_figures_and_the_good_faith_warning() {
    let mut w = world();
    // 46 listings removed, 4 rejected over two complaints: 92 % takedowns
    // (within 2 points of 90 %), and 1 of 2 complaints lost to a counter-notice.
    let a = filed(&mut w, 25, "2026-10-01", "IPP-TB-6");
    let b = filed(&mut w, 25, "2026-10-05", "IPP-TB-7");
    let desk = &mut w.t.desk;
    for (c, rejected) in [(a, 0usize), (b, 4)] {
        let ids: Vec<Id> = desk
            .get_complaint(c)
            .expect("detail")
            .listings
            .iter()
            .map(|l| l.listing.id)
            .collect();
        desk.set_listing_outcomes(
            c,
            OutcomeInput {
                listing_ids: ids[rejected..].to_vec(),
                outcome: ListingOutcome::Removed,
                on: Some(d("2026-10-07")),
            },
        )
        .expect("removed");
        if rejected > 0 {
            desk.set_listing_outcomes(
                c,
                OutcomeInput {
                    listing_ids: ids[..rejected].to_vec(),
                    outcome: ListingOutcome::Rejected,
                    on: Some(d("2026-10-07")),
                },
            )
            .expect("rejected");
        }
    }
    let n = desk
        .record_counter_notice(CounterNoticeDraft {
            listing_ids: vec![],
            ..notice(a, 1, "2026-10-09T10:00:00+08:00")
        })
        .expect("cn");
    // Decided for the seller on one listing only.
    let one = desk.get_complaint(a).expect("detail").listings[0]
        .listing
        .id;
    desk.update_counter_notice(
        n.notice.id,
        CounterNoticeDraft {
            listing_ids: vec![one],
            ..n.notice.draft.clone()
        },
    )
    .expect("update");
    desk.decide_counter_notice(
        n.notice.id,
        CounterDecisionInput {
            decision: CounterDecision::Reinstated,
            decided_on: d("2026-10-20"),
        },
    )
    .expect("decide");

    let report = desk
        .enforcement_report(EnforcementQuery {
            from: d("2026-09-01"),
            to: d("2026-11-22"),
            group_by: vec![EnforcementDim::Account],
        })
        .expect("report");
    let t = &report.total;
    assert_eq!(
        (t.counts.removed, t.counts.rejected, t.counts.reinstated),
        (45, 4, 1)
    );
    assert_eq!(t.counts.complaints, 2);
    // 45 of 50 decided (90 %): exactly on the line, so a warning, not a failure.
    assert_eq!(t.takedown_rate, Some(90.0));
    assert_eq!(t.successful_counter_rate, Some(50.0));
    assert_eq!(t.counter_success_rate, Some(0.0));
    // Filed 1 and 5 October, removed 7 October: 6 and 2 days; the median of
    // 24 sixes and 21 twos is 6.
    assert_eq!(t.median_days_to_takedown, Some(6.0));
    assert_eq!(report.rows.len(), 1);
    assert_eq!(
        report.rows[0].account_label.as_deref(),
        Some("ipp@aurora.example")
    );

    let dash = desk.dashboard().expect("dashboard");
    let gf = &dash.good_faith[0];
    assert_eq!(gf.check.takedown_level, GoodFaithLevel::Warning);
    assert_eq!(gf.check.counter_level, GoodFaithLevel::Failing);

    // A period before any filing has no figures.
    let empty = desk
        .enforcement_report(EnforcementQuery {
            from: d("2025-01-01"),
            to: d("2025-12-31"),
            group_by: vec![],
        })
        .expect("empty");
    assert_eq!(empty.total.takedown_rate, None);

    // The report exports as CSV and XLSX.
    let dir = tempfile::tempdir().expect("dir");
    for (format, name) in [
        (ReportFormat::Csv, "r.csv"),
        (ReportFormat::Xlsx, "r.xlsx"),
        (ReportFormat::Pdf, "r.pdf"),
    ] {
        let path = dir.path().join(name);
        desk.export_report(ReportExport {
            path: path.display().to_string(),
            format,
            query: EnforcementQuery {
                from: d("2026-09-01"),
                to: d("2026-11-22"),
                group_by: vec![EnforcementDim::Platform],
            },
        })
        .expect("export");
        assert!(std::fs::metadata(&path).expect("file").len() > 100);
    }
    let pdf = std::process::Command::new("pdftotext")
        .arg(dir.path().join("r.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&pdf.stdout);
    for needle in ["Enforcement report", "执法情况报告", "90.0 %", "IPP-TB-6"] {
        assert!(
            text.contains(needle),
            "{needle} not in the report PDF:\n{text}"
        );
    }
    let csv = std::fs::read_to_string(dir.path().join("r.csv")).expect("csv");
    assert!(
        csv.lines()
            .nth(1)
            .expect("row")
            .contains(",taobao,,2,50,45,4,1,0,0,90.0,1,0.0,50.0,6.0"),
        "{csv}"
    );
}

fn due_of(v: &CounterNoticeView, key: &str) -> Option<NaiveDate> {
    v.deadlines
        .iter()
        .find(|x| x.rule_key.as_deref() == Some(key))
        .map(|x| x.due_date)
}

#[test]
fn art_43_ending_in_national_day_moves_to_8_october_and_a_notarization_delay_extends_it() {
    let mut w = world();
    let c = filed(&mut w, 1, "2026-09-10", "IPP-TB-43");
    let desk = &mut w.t.desk;
    // Forwarded Wednesday 16 September: day 15 is 1 October, a holiday; the
    // period ends on the next working day (Civil Code art. 203).
    let n = desk
        .record_counter_notice(notice(c, 1, "2026-09-16T10:00:00+08:00"))
        .expect("counter-notice");
    assert_eq!(due_of(&n, "prc_ecommerce_art43"), Some(d("2026-10-08")));
    let reply = due_of(&n, "ipp_reply_counter_notice");

    // Five working days lost to notarization: 9, Saturday 10 (a make-up
    // working day), 12, 13, 14 October. The reply deadline does not move.
    let no_reason = desk.update_counter_notice(
        n.notice.id,
        CounterNoticeDraft {
            extension_days: 5,
            ..n.notice.draft.clone()
        },
    );
    assert_eq!(
        no_reason.expect_err("reason needed").fields[0].field,
        "extension_reason"
    );
    let n = desk
        .update_counter_notice(
            n.notice.id,
            CounterNoticeDraft {
                extension_days: 5,
                extension_reason: "深圳市公证处公证购买过程，2026-09-18 至 09-25".into(),
                ..n.notice.draft.clone()
            },
        )
        .expect("extended");
    assert_eq!(due_of(&n, "prc_ecommerce_art43"), Some(d("2026-10-14")));
    assert_eq!(due_of(&n, "ipp_reply_counter_notice"), reply);
    assert_eq!(n.notice.draft.extension_days, 5);
    // Recorded, and read back after a restart.
    let t = w.t.reopen();
    let back = t.desk.get_complaint(c).expect("detail");
    let art43 = back
        .deadlines
        .iter()
        .find(|x| x.rule_key.as_deref() == Some("prc_ecommerce_art43"))
        .expect("art. 43 on the complaint");
    assert_eq!(art43.due_date, d("2026-10-14"));
}

#[test]
fn rules_are_chosen_by_the_rights_kind_and_the_counter_notices_round() {
    let mut w = world();
    let c = filed(&mut w, 1, "2026-09-21", "IPP-TB-KR");
    let desk = &mut w.t.desk;
    let rule_of = |desk: &Desk, key: &str| {
        desk.deadline_rules()
            .expect("rules")
            .into_iter()
            .find(|r| r.rule.key == key)
            .expect("rule")
            .rule
    };
    // The art. 43 period, narrowed to copyright: the complaint rests on a trademark.
    let mut art43 = rule_of(desk, "prc_ecommerce_art43");
    art43.right_kinds = vec![RightKind::Copyright];
    desk.save_deadline_rule(art43).expect("save");
    // The reply window for later rounds only.
    let mut reply = rule_of(desk, "ipp_reply_counter_notice");
    reply.rounds = vec![2, 3];
    desk.save_deadline_rule(reply).expect("save");

    let first = desk
        .record_counter_notice(notice(c, 1, "2026-09-28T10:00:00+08:00"))
        .expect("first");
    assert_eq!(due_of(&first, "prc_ecommerce_art43"), None);
    assert_eq!(due_of(&first, "ipp_reply_counter_notice"), None);
    let second = desk
        .record_counter_notice(notice(c, 2, "2026-09-28T10:00:00+08:00"))
        .expect("second");
    assert_eq!(
        due_of(&second, "ipp_reply_counter_notice"),
        Some(d("2026-10-08"))
    );
    assert_eq!(due_of(&second, "prc_ecommerce_art43"), None);
}

#[test]
fn a_default_rule_from_an_older_release_is_brought_up_to_date_and_an_edited_one_is_left() {
    let mut t = ippdesk_tests::temp_desk("2026-11-22");
    // Version 1 of every rule as an older release stored it: without the
    // fields this release added (art. 43's last day, DMCA's copyright only).
    let mut edited = t
        .desk
        .deadline_rules()
        .expect("rules")
        .into_iter()
        .find(|r| r.rule.key == "ebay_vero_restore")
        .expect("rule")
        .rule;
    edited.offset = 12;
    t.desk.save_deadline_rule(edited).expect("edit");
    t.raw_sql(
        "UPDATE deadline_rules SET definition = json_remove(definition, '$.right_kinds',
             '$.rounds', '$.last_day_moves', '$.max_extension_days')",
        "UPDATE deadline_rules SET definition = definition - 'right_kinds' - 'rounds'
             - 'last_day_moves' - 'max_extension_days'",
    );
    let t = t.reopen();
    let rules = t.desk.deadline_rules().expect("rules");
    let get = |key: &str| rules.iter().find(|r| r.rule.key == key).expect("rule");
    let art43 = get("prc_ecommerce_art43");
    assert_eq!((art43.version, art43.is_default), (2, true));
    assert!(art43.rule.last_day_moves);
    assert_eq!(
        get("dmca_restore").rule.right_kinds,
        vec![RightKind::Copyright]
    );
    // The user's edit stays theirs (read with the new fields' defaults).
    let vero = get("ebay_vero_restore");
    assert_eq!(
        (vero.version, vero.is_default, vero.rule.offset),
        (2, false, 12)
    );
    assert!(vero.rule.right_kinds.is_empty());
    // Unchanged defaults get no new version.
    assert_eq!(get("poa_expiry").version, 1);
}

#[test]
fn the_sellers_window_runs_from_the_platforms_notification_and_from_filing_only_as_an_estimate() {
    let mut w = world();
    let c = filed(&mut w, 1, "2026-09-21", "IPP-TB-SN");
    let unfiled = draft(&w, Platform::Taobao);
    let desk = &mut w.t.desk;
    let window = |desk: &Desk| {
        desk.get_complaint(c)
            .expect("detail")
            .deadlines
            .into_iter()
            .find(|x| x.rule_key.as_deref() == Some("ipp_seller_counter_notice_window"))
            .expect("window")
    };
    // Not recorded yet: three working days from filing, and said to be an estimate.
    let w0 = window(desk);
    assert_eq!(w0.due_date, d("2026-09-24"));
    assert!(w0.estimated && w0.counted_from_filing);

    // The platform notified the seller on Friday 25 September: Mon 28, Tue 29, Wed 30.
    let before = desk.set_seller_notified(c, Some(d("2026-09-20")));
    assert_eq!(
        before.expect_err("before filing").fields[0].field,
        "seller_notified_on"
    );
    desk.set_seller_notified(c, Some(d("2026-09-25")))
        .expect("notified");
    let w1 = window(desk);
    assert_eq!(w1.due_date, d("2026-09-30"));
    assert!(!w1.estimated && !w1.counted_from_filing);
    assert_eq!(w1.id, w0.id, "the same deadline moved");
    assert_eq!(
        desk.get_complaint(c)
            .expect("detail")
            .row
            .complaint
            .seller_notified_on,
        Some(d("2026-09-25"))
    );
    // Cleared: back to the estimate.
    desk.set_seller_notified(c, None).expect("cleared");
    assert!(window(desk).counted_from_filing);

    // A draft has no seller to notify.
    let draft_id = desk.create_complaint(unfiled).expect("draft").complaint.id;
    let err = desk
        .set_seller_notified(draft_id, Some(d("2026-09-25")))
        .expect_err("draft");
    assert_eq!(err.code, ErrorCode::InvalidTransition);
}
