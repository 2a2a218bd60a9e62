//! The team edition: the same store on a PostgreSQL server. Each desktop
//! connects directly (TLS as the URL's `sslmode` says); the server's roles
//! decide who may do what. Its schema has its own numbered migrations
//! (`migrations/pg/`), recorded in `ippdesk_meta`.

use std::path::PathBuf;

use crate::{Result, Store, StoreError};

pub struct PgMigration {
    pub version: i64,
    pub name: &'static str,
    /// Run in order, in the migration's one transaction.
    pub parts: &'static [&'static str],
}

pub const PG_MIGRATIONS: &[PgMigration] = &[PgMigration {
    version: 1,
    name: "schema",
    parts: &[
        include_str!("../migrations/pg/0001/1_parties.sql"),
        include_str!("../migrations/pg/0001/2_marketplace.sql"),
        include_str!("../migrations/pg/0001/3_complaints.sql"),
        include_str!("../migrations/pg/0001/4_deadlines.sql"),
        include_str!("../migrations/pg/0001/5_search.sql"),
    ],
}];

/// What marks a PostgreSQL database as ours (as `application_id` does a file).
const APPLICATION: &str = "ippdesk";

pub fn is_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

/// The URL with its password blanked, to show and to label the store.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// Connects and brings the schema up to date (refusing a newer one).
pub fn connect(url: &str) -> Result<Store> {
    let mut client = client(url)?;
    migrate(&mut client, PG_MIGRATIONS)?;
    Ok(Store::on_postgres(client, PathBuf::from(redacted(url))))
}

pub(crate) fn client(url: &str) -> Result<postgres::Client> {
    let mut config: postgres::Config = url
        .parse()
        .map_err(|e: postgres::Error| StoreError::Connect(format!("{}: {e}", redacted(url))))?;
    if config.get_password().is_none() {
        if let Ok(pw) = std::env::var("PGPASSWORD") {
            config.password(pw);
        }
    }
    config.application_name("IPP Desk");
    let fail = |e: &dyn std::fmt::Display| StoreError::Connect(format!("{}: {e}", redacted(url)));
    let tls = native_tls::TlsConnector::new().map_err(|e| fail(&e))?;
    config
        .connect(postgres_native_tls::MakeTlsConnector::new(tls))
        .map_err(|e| fail(&pg_reason(&e)))
}

fn pg_reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

pub(crate) fn schema_version(client: &mut postgres::Client) -> Result<i64> {
    let exists: bool = client
        .query_one("SELECT to_regclass('ippdesk_meta') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_opt("SELECT value FROM ippdesk_meta WHERE key = 'version'", &[])?;
    Ok(row
        .and_then(|r| r.get::<_, String>(0).parse().ok())
        .unwrap_or(0))
}

/// Applies every pending migration in one transaction, all or nothing. A
/// database another program made, or one newer than this build, is refused
/// with nothing written.
pub fn migrate(client: &mut postgres::Client, list: &[PgMigration]) -> Result<i64> {
    let latest = list.last().map_or(0, |m| m.version);
    let mut tx = client.transaction()?;
    // One migrator at a time: two desktops opening a new database at once.
    tx.batch_execute("SELECT pg_advisory_xact_lock(4950504400)")?;
    let has_meta: bool = tx
        .query_one("SELECT to_regclass('ippdesk_meta') IS NOT NULL", &[])?
        .get(0);
    let current = if has_meta {
        let app: Option<String> = tx
            .query_opt(
                "SELECT value FROM ippdesk_meta WHERE key = 'application'",
                &[],
            )?
            .map(|r| r.get(0));
        if app.as_deref() != Some(APPLICATION) {
            return Err(StoreError::NotIppDesk(PathBuf::from(
                "this PostgreSQL database",
            )));
        }
        tx.query_opt("SELECT value FROM ippdesk_meta WHERE key = 'version'", &[])?
            .and_then(|r| r.get::<_, String>(0).parse().ok())
            .unwrap_or(0)
    } else {
        let tables: i64 = tx
            .query_one(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()",
                &[],
            )?
            .get(0);
        if tables > 0 {
            return Err(StoreError::NotIppDesk(PathBuf::from(
                "this PostgreSQL database",
            )));
        }
        0
    };
    if current > latest {
        return Err(StoreError::TooNew {
            path: PathBuf::from("this PostgreSQL database"),
            found: current,
            supported: latest,
        });
    }
    let pending: Vec<_> = list.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(current);
    }
    if !has_meta {
        tx.batch_execute(
            "CREATE TABLE ippdesk_meta (key text PRIMARY KEY, value text NOT NULL);
             INSERT INTO ippdesk_meta VALUES ('application', 'ippdesk'), ('version', '0');",
        )?;
    }
    let mut version = current;
    for m in pending {
        for part in m.parts {
            tx.batch_execute(part)
                .map_err(|source| StoreError::Migration {
                    version: m.version,
                    source: Box::new(source.into()),
                })?;
        }
        version = m.version;
    }
    tx.execute(
        "UPDATE ippdesk_meta SET value = $1 WHERE key = 'version'",
        &[&version.to_string()],
    )?;
    tx.commit()?;
    Ok(version)
}

/// For tests of both editions: a new, empty database on the scratch cluster
/// whose admin URL is in `IPPDESK_TEST_PG` (`scripts/pg-scratch`, started by
/// `make test`). None when no cluster is configured; with
/// `IPPDESK_TEST_PG_REQUIRED` set (as `make test` does), that is an error
/// instead, so the PostgreSQL half of a suite cannot silently not run.
pub fn scratch_database() -> Option<String> {
    let admin = match std::env::var("IPPDESK_TEST_PG") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            assert!(
                std::env::var_os("IPPDESK_TEST_PG_REQUIRED").is_none(),
                "IPPDESK_TEST_PG is not set: start a cluster with scripts/pg-scratch"
            );
            return None;
        }
    };
    let name = format!("t_{}", uuid::Uuid::now_v7().simple());
    let mut client = client(&admin).unwrap_or_else(|e| panic!("scratch cluster: {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap_or_else(|e| panic!("scratch database: {e}"));
    let mut url = url::Url::parse(&admin).expect("IPPDESK_TEST_PG is a URL");
    url.set_path(&name);
    Some(url.to_string())
}
