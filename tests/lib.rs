//! Shared fixtures for the journeys and end-to-end tests.

use std::path::PathBuf;

use ippdesk_desk::*;

pub struct TempDesk {
    pub dir: tempfile::TempDir,
    pub desk: Desk,
    /// The team database the desk is on, when the suite runs on PostgreSQL.
    pub team_url: Option<String>,
}

/// Which store the journeys run on: SQLite files by default; a new
/// PostgreSQL database per journey when `IPPDESK_JOURNEYS_ON=postgres`
/// (`make test` runs the suite both ways, on its scratch cluster).
pub fn on_postgres() -> bool {
    std::env::var("IPPDESK_JOURNEYS_ON").as_deref() == Ok("postgres")
}

impl TempDesk {
    /// The database file (SQLite) or URL (PostgreSQL).
    pub fn db_path(&self) -> PathBuf {
        match &self.team_url {
            Some(url) => PathBuf::from(url),
            None => self.dir.path().join("ippdesk.sqlite3"),
        }
    }

    /// Runs SQL on the database behind the desk as another program would
    /// (set-up of old data, fault injection): `sqlite` on a file,
    /// `postgres` on a team database.
    pub fn raw_sql(&self, sqlite: &str, postgres: &str) {
        match &self.team_url {
            Some(url) => postgres::Client::connect(url, postgres::NoTls)
                .expect("connect")
                .batch_execute(postgres)
                .expect("raw SQL on PostgreSQL"),
            None => rusqlite::Connection::open(self.db_path())
                .expect("open")
                .execute_batch(sqlite)
                .expect("raw SQL on SQLite"),
        }
    }

    /// How many files the vault holds: the solo folder's, or the team
    /// database's (each stored once however often it is attached).
    pub fn vault_file_count(&self) -> usize {
        match &self.team_url {
            Some(url) => {
                let n: i64 = postgres::Client::connect(url, postgres::NoTls)
                    .expect("connect")
                    .query_one("SELECT count(*) FROM vault_files", &[])
                    .expect("count vault files")
                    .get(0);
                n as usize
            }
            None => std::fs::read_dir(self.dir.path().join("vault")).map_or(0, |d| d.count()),
        }
    }

    /// Replaces the stored content of the vault file `sha256` (of one part,
    /// 1 MiB at most, in a team database), as a failing disk or someone with
    /// the files' or the server's access would.
    pub fn damage_vault_file(&self, sha256: &str, content: &[u8]) {
        match &self.team_url {
            Some(url) => {
                let changed = postgres::Client::connect(url, postgres::NoTls)
                    .expect("connect")
                    .execute(
                        "UPDATE vault_parts SET data = $2 WHERE sha256 = $1 AND n = 0",
                        &[&sha256, &content],
                    )
                    .expect("damage the stored part");
                assert_eq!(changed, 1, "{sha256} has a first part");
            }
            None => {
                let stored = self.dir.path().join("vault").join(sha256);
                let mut perms = std::fs::metadata(&stored).expect("stored").permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                perms.set_readonly(false);
                std::fs::set_permissions(&stored, perms).expect("writable");
                std::fs::write(&stored, content).expect("damage");
            }
        }
    }

    /// Closes and reopens the database, as a restart of the app would.
    pub fn reopen(self) -> TempDesk {
        let TempDesk {
            dir,
            desk,
            team_url,
        } = self;
        let today = desk.today();
        drop(desk);
        let desk = open(&dir, team_url.as_deref()).with_today(today);
        TempDesk {
            dir,
            desk,
            team_url,
        }
    }
}

fn open(dir: &tempfile::TempDir, team_url: Option<&str>) -> Desk {
    match team_url {
        Some(url) => Desk::open(std::path::Path::new(url)).expect("open the team database"),
        None => Desk::open(&dir.path().join("ippdesk.sqlite3")).expect("open"),
    }
}

pub fn temp_desk(today: &str) -> TempDesk {
    let dir = tempfile::tempdir().expect("temp dir");
    let team_url = on_postgres().then(|| {
        ippdesk_store::team::scratch_database().expect("IPPDESK_TEST_PG names the scratch cluster")
    });
    let desk = open(&dir, team_url.as_deref()).with_today(today.parse().expect("date"));
    TempDesk {
        dir,
        desk,
        team_url,
    }
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
