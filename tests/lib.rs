//! Shared fixtures for the journeys and end-to-end tests.

use std::path::PathBuf;

use ippdesk_desk::*;

pub struct TempDesk {
    pub dir: tempfile::TempDir,
    pub desk: Desk,
}

impl TempDesk {
    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("ippdesk.sqlite3")
    }

    /// Closes and reopens the database, as a restart of the app would.
    pub fn reopen(self) -> TempDesk {
        let TempDesk { dir, desk } = self;
        let today = desk.today();
        drop(desk);
        let desk = Desk::open(&dir.path().join("ippdesk.sqlite3"))
            .expect("reopen")
            .with_today(today);
        TempDesk { dir, desk }
    }
}

pub fn temp_desk(today: &str) -> TempDesk {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::open(&dir.path().join("ippdesk.sqlite3"))
        .expect("open")
        .with_today(today.parse().expect("date"));
    TempDesk { dir, desk }
}

pub fn company(legal_name: &str) -> HolderDraft {
    HolderDraft {
        kind: HolderKind::Company,
        legal_name: legal_name.into(),
        latin_name: "Aurora Electronics".into(),
        country: "CN".into(),
        registration_number: "91440300MA5F3XXX1K".into(),
        address: String::new(),
        contact_email: "ip@aurora.example".into(),
        notes: String::new(),
    }
}

pub fn trademark(registrant: Id, number: &str, jurisdiction: &str, expiry: &str) -> RightDraft {
    RightDraft {
        kind: RightKind::Trademark,
        title: "极光 AURORA".into(),
        mark_type: Some(MarkType::Combined),
        registration_number: number.into(),
        jurisdiction: jurisdiction.into(),
        designations: vec![],
        registrant_id: registrant,
        nice_classes: vec![9],
        filing_date: "2015-01-01".parse().ok(),
        registration_date: "2016-01-01".parse().ok(),
        expiry_date: expiry.parse().ok(),
        notes: String::new(),
    }
}
