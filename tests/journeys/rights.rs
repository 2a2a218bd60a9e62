//! IPP step 2: rights, their programme registrations, and whether they can
//! back a complaint.

use ippdesk_desk::*;
use ippdesk_tests::{company, temp_desk, trademark};

#[test]
fn the_same_number_twice_in_one_jurisdiction_is_refused() {
    let mut t = temp_desk("2026-11-22");
    let h = t.desk.create_holder(company("极光")).unwrap();
    t.desk
        .create_right(trademark(h.id, "12345678", "CN", "2030-01-01"))
        .unwrap();
    let err = t
        .desk
        .create_right(trademark(h.id, "12 345-678", "cn", "2030-01-01"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "registration_number");
    assert_eq!(err.fields[0].code, FieldErrorCode::Duplicate);
    // Another jurisdiction is another right.
    t.desk
        .create_right(trademark(h.id, "12345678", "US", "2030-01-01"))
        .unwrap();
    assert_eq!(t.desk.list_rights().unwrap().len(), 2);
}

#[test]
fn renewal_and_new_registrant_need_new_proof_where_approved() {
    let mut t = temp_desk("2026-11-22");
    let d = &mut t.desk;
    let h = d.create_holder(company("极光")).unwrap();
    let r = d
        .create_right(trademark(h.id, "1", "CN", "2026-12-10"))
        .unwrap();
    assert_eq!(
        d.get_right(r.id).unwrap().row.expiry,
        ExpiryFlag::Within30Days
    );
    let reg = |programme, state| ProgrammeRegistrationDraft {
        right_id: r.id,
        programme,
        state,
        reference: "R".into(),
        submitted_on: "2026-01-01".parse().ok(),
        decided_on: None,
        notes: String::new(),
    };
    d.set_registration(reg(Programme::AlibabaIpp, ProgrammeRightState::Approved))
        .unwrap();
    d.set_registration(reg(
        Programme::AmazonBrandRegistry,
        ProgrammeRightState::Submitted,
    ))
    .unwrap();

    let before = d.get_right(r.id).unwrap();
    let tmall = before
        .backing
        .iter()
        .find(|b| b.platform == Platform::Tmall)
        .unwrap();
    assert_eq!(tmall.refused, None);
    let amazon = before
        .backing
        .iter()
        .find(|b| b.platform == Platform::Amazon)
        .unwrap();
    assert_eq!(amazon.refused, Some(CannotBack::NotApproved));
    assert_eq!(
        d.can_back(r.id, Platform::Taobao, "2026-12-11".parse().unwrap())
            .unwrap(),
        Err(CannotBack::Expired)
    );

    // Renew: a later expiry date.
    d.update_right(
        r.id,
        RightDraft {
            expiry_date: "2036-12-10".parse().ok(),
            ..r.draft.clone()
        },
    )
    .unwrap();
    let after = d.get_right(r.id).unwrap();
    let states: Vec<_> = after
        .row
        .registrations
        .iter()
        .map(|g| (g.draft.programme, g.draft.state))
        .collect();
    assert!(states.contains(&(Programme::AlibabaIpp, ProgrammeRightState::NeedsNewProof)));
    assert!(states.contains(&(
        Programme::AmazonBrandRegistry,
        ProgrammeRightState::Submitted
    )));
    assert_eq!(after.row.expiry, ExpiryFlag::Ok);
    assert_eq!(
        d.can_back(r.id, Platform::Taobao, "2026-12-01".parse().unwrap())
            .unwrap(),
        Err(CannotBack::NotApproved)
    );

    // Approve again, then assign to another holder: new proof again.
    d.set_registration(reg(Programme::AlibabaIpp, ProgrammeRightState::Approved))
        .unwrap();
    let other = d.create_holder(company("极光控股")).unwrap();
    let current = d.get_right(r.id).unwrap().row.right.draft;
    d.update_right(
        r.id,
        RightDraft {
            registrant_id: other.id,
            ..current
        },
    )
    .unwrap();
    let ipp = d.get_right(r.id).unwrap().row.registrations;
    assert_eq!(
        ipp.iter()
            .find(|g| g.draft.programme == Programme::AlibabaIpp)
            .unwrap()
            .draft
            .state,
        ProgrammeRightState::NeedsNewProof
    );
}

#[test]
fn a_us_mark_cannot_back_a_taobao_complaint() {
    let mut t = temp_desk("2026-11-22");
    let h = t.desk.create_holder(company("极光")).unwrap();
    let us = t
        .desk
        .create_right(trademark(h.id, "5123456", "US", "2030-01-01"))
        .unwrap();
    t.desk
        .set_registration(ProgrammeRegistrationDraft {
            right_id: us.id,
            programme: Programme::AlibabaIpp,
            state: ProgrammeRightState::Approved,
            reference: String::new(),
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
        })
        .unwrap();
    let on = "2026-11-22".parse().unwrap();
    assert_eq!(
        t.desk.can_back(us.id, Platform::AliExpress, on).unwrap(),
        Ok(())
    );
    assert_eq!(
        t.desk.can_back(us.id, Platform::Taobao, on).unwrap(),
        Err(CannotBack::NotValidInChina)
    );
}

#[test]
fn unregistered_copyrights_need_no_number_and_a_foreign_one_backs_a_taobao_complaint() {
    let mut t = temp_desk("2026-11-22");
    let h = t.desk.create_holder(company("极光")).unwrap();
    let work = |title: &str| RightDraft {
        kind: RightKind::Copyright,
        title: title.into(),
        mark_type: None,
        registration_number: String::new(),
        nice_classes: vec![],
        expiry_date: None,
        ..trademark(h.id, "", "DE", "2030-01-01")
    };
    let photos = t
        .desk
        .create_right(work("AURORA product photographs"))
        .unwrap();
    // A second unregistered work in the same country is not a duplicate.
    t.desk.create_right(work("AURORA user manual")).unwrap();
    assert_eq!(t.desk.list_rights().unwrap().len(), 2);
    t.desk
        .set_registration(ProgrammeRegistrationDraft {
            right_id: photos.id,
            programme: Programme::AlibabaIpp,
            state: ProgrammeRightState::Approved,
            reference: String::new(),
            submitted_on: None,
            decided_on: None,
            notes: String::new(),
        })
        .unwrap();
    let on = "2026-11-22".parse().unwrap();
    assert_eq!(
        t.desk.can_back(photos.id, Platform::Taobao, on).unwrap(),
        Ok(())
    );
    // A trademark still needs its number.
    let err = t
        .desk
        .create_right(trademark(h.id, "", "DE", "2030-01-01"))
        .unwrap_err();
    assert_eq!(err.fields[0].field, "registration_number");
}

#[test]
fn an_overdue_renewal_reminder_says_when_the_right_expires() {
    // Today 2026-11-22; the right expired on 2026-09-13, 70 days ago.
    let mut t = temp_desk("2026-11-22");
    let h = t.desk.create_holder(company("极光")).unwrap();
    t.desk
        .create_right(trademark(h.id, "8123456", "CN", "2026-09-13"))
        .unwrap();
    let rows = t
        .desk
        .open_deadlines(DeadlineFilter {
            bucket: "overdue".into(),
            assignee: None,
            platform: None,
            limit: None,
        })
        .unwrap();
    let renewal = rows
        .iter()
        .find(|r| r.deadline.rule_key.as_deref() == Some("right_expiry_90"))
        .expect("renewal reminder");
    assert_eq!(
        renewal.deadline.title,
        "极光 AURORA 8123456, expires 2026-09-13: Start renewing the IP right (90 days before it expires)"
    );
    assert_eq!(renewal.deadline.due_date, "2026-06-15".parse().unwrap());
    assert!(!renewal.deadline.title.contains("expires in"));
}
