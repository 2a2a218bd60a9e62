//! The team edition: the same store on a PostgreSQL server. Each desktop
//! connects directly (TLS as the URL's `sslmode` says); the server's roles
//! decide who may do what. Its schema has its own numbered migrations
//! (`migrations/pg/`), recorded in `ippdesk_meta`.

use std::path::PathBuf;

use crate::sql::{Backend, Conn};
use crate::{Db, Result, Store, StoreError};

pub struct PgMigration {
    pub version: i64,
    pub name: &'static str,
    /// Run in order, in the migration's one transaction.
    pub parts: &'static [&'static str],
}

pub const PG_MIGRATIONS: &[PgMigration] = &[
    PgMigration {
        version: 1,
        name: "schema",
        parts: &[
            include_str!("../migrations/pg/0001/1_parties.sql"),
            include_str!("../migrations/pg/0001/2_marketplace.sql"),
            include_str!("../migrations/pg/0001/3_complaints.sql"),
            include_str!("../migrations/pg/0001/4_deadlines.sql"),
            include_str!("../migrations/pg/0001/5_search.sql"),
        ],
    },
    PgMigration {
        version: 2,
        name: "vault",
        parts: &[include_str!("../migrations/pg/0002_vault.sql")],
    },
];

/// Roles and grants, applied after every migration (see the file).
const ROLES: &str = include_str!("../migrations/pg/roles.sql");
/// Change notices for the desktops (see the file), likewise.
const NOTIFY: &str = include_str!("../migrations/pg/notify.sql");

/// The channel `notify.sql` announces changed tables on.
const CHANGES: &str = "ippdesk_changes";

/// Triggers that append writes made outside the app (psql, scripts) to the
/// audit chain, applied right after the roles (see the file).
const AUDIT_OUTSIDE: &str = include_str!("../migrations/pg/audit_outside.sql");

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

/// `host_port_database` of a URL, to name things that belong to it.
pub fn label(url: &str) -> String {
    match url.parse::<postgres::Config>() {
        Ok(c) => {
            let host = match c.get_hosts().first() {
                Some(postgres::config::Host::Tcp(h)) => h.clone(),
                _ => "local".to_string(),
            };
            let port = c.get_ports().first().copied().unwrap_or(5432);
            let db = c.get_dbname().unwrap_or("postgres");
            format!("{host}_{port}_{db}")
        }
        Err(_) => "team".to_string(),
    }
}

/// Connects and brings the schema up to date (refusing a newer one).
pub fn connect(url: &str) -> Result<Store> {
    let mut client = client(url)?;
    migrate(&mut client, PG_MIGRATIONS, true)?;
    Ok(Store::on_postgres(client, url))
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
    let mut client = config
        .connect(postgres_native_tls::MakeTlsConnector::new(tls))
        .map_err(|e| fail(&pg_reason(&e)))?;
    // A transaction someone left open at a psql prompt holds the audit
    // chain's lock: wait a while, then say so, instead of hanging forever.
    client.batch_execute("SET lock_timeout = '15s'")?;
    Ok(client)
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
/// `with_roles`: apply the roles and grants after, and the triggers that
/// audit writes made outside the app (they name tables of the shipped
/// schema, so tests of other migration lists leave them out).
pub fn migrate(
    client: &mut postgres::Client,
    list: &[PgMigration],
    with_roles: bool,
) -> Result<i64> {
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
    // The roles, audit and notice code a release ships: re-applied when it
    // changes, even with no new schema, so every database runs this release's.
    let server_code = server_code_hash();
    let stored_code: Option<String> = if has_meta {
        tx.query_opt(
            "SELECT value FROM ippdesk_meta WHERE key = 'server_code'",
            &[],
        )?
        .map(|r| r.get(0))
    } else {
        None
    };
    let code_is_current = !with_roles || stored_code.as_deref() == Some(server_code.as_str());
    if pending.is_empty() && code_is_current {
        return Ok(current);
    }
    // Only an administrator changes the schema (and the roles with it): an
    // IPP Desk admin has CREATEROLE, as does whoever IT lets create it.
    let may_migrate: bool = tx
        .query_one(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user",
            &[],
        )?
        .get(0);
    if !may_migrate && pending.is_empty() {
        return Ok(current); // the next administrator to open it updates the code
    }
    if !may_migrate {
        return Err(StoreError::Forbidden(format!(
            "the team database needs an update (schema {current} to {latest}); an administrator must open it first"
        )));
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
    if with_roles {
        for sql in SERVER_CODE {
            tx.batch_execute(sql)
                .map_err(|source| StoreError::Migration {
                    version,
                    source: Box::new(source.into()),
                })?;
        }
        tx.execute(
            "INSERT INTO ippdesk_meta VALUES ('server_code', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&server_code],
        )?;
    }
    tx.commit()?;
    Ok(version)
}

/// Run after the migrations, in this order, on every change to any of them.
const SERVER_CODE: [&str; 3] = [ROLES, AUDIT_OUTSIDE, NOTIFY];

fn server_code_hash() -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for sql in SERVER_CODE {
        h.update((sql.len() as u64).to_le_bytes());
        h.update(sql.as_bytes());
    }
    hex::encode(h.finalize())
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

/// Waits for other desktops' changes: calls `changed` with the tables a
/// burst of commits changed (gathered for `settle`), until `stop` is set.
/// A dropped connection is retried every few seconds; `changed` then gets
/// an empty list, meaning "anything may have changed".
pub fn watch(
    url: &str,
    stop: &std::sync::atomic::AtomicBool,
    settle: std::time::Duration,
    mut changed: impl FnMut(Vec<String>),
) {
    use postgres::fallible_iterator::FallibleIterator;
    use std::sync::atomic::Ordering;
    use std::time::Duration;
    let mut reconnected = false;
    while !stop.load(Ordering::Relaxed) {
        let listening = client(url).and_then(|mut c| {
            c.batch_execute(&format!("LISTEN {CHANGES}"))?;
            Ok(c)
        });
        let Ok(mut c) = listening else {
            std::thread::sleep(Duration::from_secs(3));
            reconnected = true;
            continue;
        };
        if std::mem::take(&mut reconnected) {
            changed(Vec::new());
        }
        while !stop.load(Ordering::Relaxed) {
            let next = c
                .notifications()
                .timeout_iter(Duration::from_millis(500))
                .next()
                .map(|n| n.map(|n| n.payload().to_string()));
            let first = match next {
                Ok(Some(table)) => table,
                Ok(None) if !c.is_closed() => continue,
                _ => break,
            };
            // The rest of the burst (an import commits several tables).
            let mut tables = vec![first];
            let mut notes = c.notifications();
            let mut rest = notes.timeout_iter(settle);
            while let Ok(Some(n)) = rest.next() {
                if !tables.iter().any(|t| t == n.payload()) {
                    tables.push(n.payload().to_string());
                }
            }
            changed(tables);
        }
        reconnected = true;
    }
}

/// The roles of the team edition, lowest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    Viewer,
    Paralegal,
    Manager,
    Admin,
}

impl TeamRole {
    pub const ALL: [TeamRole; 4] = [
        TeamRole::Viewer,
        TeamRole::Paralegal,
        TeamRole::Manager,
        TeamRole::Admin,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TeamRole::Viewer => "viewer",
            TeamRole::Paralegal => "paralegal",
            TeamRole::Manager => "manager",
            TeamRole::Admin => "admin",
        }
    }

    /// The PostgreSQL group role that carries the rights.
    fn group(self) -> String {
        format!("ippdesk_{}", self.name())
    }

    pub fn parse(s: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.name() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TeamUser {
    pub name: String,
    pub role: TeamRole,
    pub can_log_in: bool,
}

/// A user name as PostgreSQL will store it: letters, digits, `_ . -`,
/// starting with a letter, so it can be quoted safely and typed at a prompt.
fn user_ident(name: &str) -> Result<String> {
    let ok = name.len() <= 63
        && name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c));
    if ok && !name.starts_with("ippdesk_") && !name.starts_with("pg_") {
        Ok(format!("\"{name}\""))
    } else {
        Err(StoreError::Invalid(format!(
            "'{name}' cannot be a user name: use lower-case letters, digits, '_', '.' or '-', starting with a letter"
        )))
    }
}

fn pg_conn(db: &impl Db) -> Result<Conn<'_>> {
    let c = db.sql();
    match c.backend() {
        Backend::Postgres => Ok(c),
        Backend::Sqlite => Err(StoreError::Unsupported(
            "users and roles belong to a team (PostgreSQL) database".into(),
        )),
    }
}

/// Makes the session's user an administrator of a new team database (after
/// `connect` created the schema and the roles).
pub fn init(db: &impl Db) -> Result<String> {
    let c = pg_conn(db)?;
    let me: String = c.value("SELECT session_user::text", &[])?;
    c.batch(&format!(
        "GRANT ippdesk_admin TO \"{}\"",
        me.replace('"', "\"\"")
    ))?;
    Ok(me)
}

/// Creates a login for a person with one role. The password is sent as a
/// SCRAM verifier, never as clear text.
pub fn add_user(db: &impl Db, name: &str, role: TeamRole, password: &str) -> Result<()> {
    let c = pg_conn(db)?;
    let ident = user_ident(name)?;
    if password.len() < 8 {
        return Err(StoreError::Invalid(
            "a password needs at least 8 characters".into(),
        ));
    }
    let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
    let admin = if role == TeamRole::Admin {
        " CREATEROLE"
    } else {
        ""
    };
    c.batch(&format!(
        "CREATE ROLE {ident} LOGIN{admin} PASSWORD '{verifier}' IN ROLE {group};
         GRANT CONNECT ON DATABASE \"{db}\" TO {ident};",
        group = role.group(),
        db = current_database(&c)?,
    ))
    .map_err(|e| StoreError::from_write(e, &format!("user {name}")))
}

fn current_database(c: &Conn) -> Result<String> {
    let name: String = c.value("SELECT current_database()::text", &[])?;
    Ok(name.replace('"', "\"\""))
}

/// Everyone with an IPP Desk role, with their highest role.
pub fn list_users(db: &impl Db) -> Result<Vec<TeamUser>> {
    let c = pg_conn(db)?;
    let rows: Vec<(String, String, bool)> = c.query(
        "SELECT u.rolname::text, g.rolname::text, u.rolcanlogin
         FROM pg_roles u
         JOIN pg_auth_members m ON m.member = u.oid
         JOIN pg_roles g ON g.oid = m.roleid
         WHERE g.rolname IN ('ippdesk_viewer', 'ippdesk_paralegal', 'ippdesk_manager', 'ippdesk_admin')
           AND u.rolname NOT LIKE 'ippdesk\\_%'
         ORDER BY 1",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut users: Vec<TeamUser> = Vec::new();
    for (name, group, can_log_in) in rows {
        let Some(role) = TeamRole::parse(group.trim_start_matches("ippdesk_")) else {
            continue;
        };
        match users.last_mut() {
            Some(u) if u.name == name => u.role = u.role.max(role),
            _ => users.push(TeamUser {
                name,
                role,
                can_log_in,
            }),
        }
    }
    Ok(users)
}

/// Gives a user exactly one role.
pub fn set_role(db: &impl Db, name: &str, role: TeamRole) -> Result<()> {
    let c = pg_conn(db)?;
    let ident = user_ident(name)?;
    let groups = TeamRole::ALL.map(|r| r.group()).join(", ");
    let admin = if role == TeamRole::Admin {
        "CREATEROLE"
    } else {
        "NOCREATEROLE"
    };
    c.batch(&format!(
        "REVOKE {groups} FROM {ident}; GRANT {group} TO {ident}; ALTER ROLE {ident} {admin};",
        group = role.group()
    ))
}

/// Stops a user from logging in; their history stays theirs.
pub fn disable_user(db: &impl Db, name: &str) -> Result<()> {
    let c = pg_conn(db)?;
    c.batch(&format!("ALTER ROLE {} NOLOGIN", user_ident(name)?))
}

/// Who this session is, and their role (None: no IPP Desk role, e.g. the
/// server's superuser).
pub fn whoami(db: &impl Db) -> Result<(String, Option<TeamRole>)> {
    let c = pg_conn(db)?;
    let me: String = c.value("SELECT session_user::text", &[])?;
    let mut role = None;
    for r in TeamRole::ALL {
        let member: bool = c.value(
            "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1 AND pg_has_role(session_user, oid, 'MEMBER'))",
            &[&r.group()],
        )?;
        if member {
            role = Some(r);
        }
    }
    Ok((me, role))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{audit, holders, rules};
    use crate::testing::holder;

    const PASSWORD: &str = "correct horse battery";

    fn as_user(url: &str, user: &str) -> String {
        let mut u = url::Url::parse(url).unwrap();
        u.set_username(user).unwrap();
        u.set_password(Some(PASSWORD)).unwrap();
        u.to_string()
    }

    /// Each role tries what it may not do: the database refuses it as
    /// `Forbidden`, and nothing is written (not even an audit row).
    #[test]
    fn each_role_writes_what_it_may_and_the_database_refuses_the_rest() {
        let Some(url) = scratch_database() else {
            return;
        };
        let admin = connect(&url).unwrap();
        init(&admin).unwrap();
        // Roles belong to the whole server: names unique to this test run.
        let tag = uuid::Uuid::now_v7().simple().to_string()[24..].to_string();
        let name = |r: TeamRole| format!("{}-{tag}", r.name());
        for r in TeamRole::ALL {
            add_user(&admin, &name(r), r, PASSWORD).unwrap();
        }
        let listed: Vec<_> = list_users(&admin)
            .unwrap()
            .into_iter()
            .filter(|u| u.name.ends_with(&tag))
            .map(|u| (u.name, u.role, u.can_log_in))
            .collect();
        assert_eq!(listed.len(), 4, "{listed:?}");
        assert!(listed.iter().all(|(n, r, on)| *n == name(*r) && *on));
        let open = |r: TeamRole| connect(&as_user(&url, &name(r))).unwrap();

        // A viewer reads, and every write is refused with nothing written.
        let mut viewer = open(TeamRole::Viewer);
        assert_eq!(
            whoami(&viewer).unwrap(),
            (name(TeamRole::Viewer), Some(TeamRole::Viewer))
        );
        let rows = audit::count(&viewer).unwrap();
        let err = viewer
            .write(|tx| holders::insert(tx, &holder("看客")))
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden(_)), "{err:?}");
        assert_eq!(audit::count(&viewer).unwrap(), rows);
        assert!(holders::list(&viewer).unwrap().is_empty());
        let err = viewer
            .vault_ingest_bytes(b"viewer's screenshot")
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden(_)), "{err:?}");

        // A paralegal edits holders (the audit row names them), but not the
        // rules, the audit log, or the team.
        let mut para = open(TeamRole::Paralegal);
        para.write(|tx| holders::insert(tx, &holder("深圳市极光电子有限公司")))
            .unwrap();
        assert_eq!(
            audit::latest(&para, 1).unwrap()[0].actor,
            name(TeamRole::Paralegal)
        );
        let mut rule = ippdesk_domain::default_rules().remove(0);
        rule.offset += 1;
        let err = para.write(|tx| rules::save(tx, &rule, false)).unwrap_err();
        assert!(matches!(err, StoreError::Forbidden(_)), "{err:?}");
        let err = audit::raw_execute(&para, "DELETE FROM audit_log").unwrap_err();
        assert!(matches!(err, StoreError::Forbidden(_)), "{err:?}");
        // Evidence is added, and read by all, but never changed or removed.
        let shot = para.vault_ingest_bytes(b"listing screenshot").unwrap();
        assert_eq!(
            viewer.vault_read(&shot.sha256, shot.size).unwrap(),
            b"listing screenshot"
        );
        for change in [
            "UPDATE vault_parts SET data = 'forged'",
            "DELETE FROM vault_parts",
            "DELETE FROM vault_files",
        ] {
            let err = audit::raw_execute(&para, change).unwrap_err();
            assert!(matches!(err, StoreError::Forbidden(_)), "{change}: {err:?}");
        }
        assert!(add_user(&para, &format!("mallory-{tag}"), TeamRole::Admin, PASSWORD).is_err());
        assert_eq!(audit::verify(&para).unwrap(), []);

        // A manager may change the rules; an admin the team.
        let mut manager = open(TeamRole::Manager);
        manager.write(|tx| rules::save(tx, &rule, false)).unwrap();
        let boss = open(TeamRole::Admin);
        set_role(&boss, &name(TeamRole::Viewer), TeamRole::Paralegal).unwrap();
        disable_user(&boss, &name(TeamRole::Manager)).unwrap();
        let after: Vec<_> = list_users(&boss)
            .unwrap()
            .into_iter()
            .filter(|u| u.name.ends_with(&tag))
            .map(|u| (u.role, u.can_log_in))
            .collect();
        assert!(after.contains(&(TeamRole::Paralegal, true)));
        assert!(after.contains(&(TeamRole::Manager, false)));
        assert!(connect(&as_user(&url, &name(TeamRole::Manager))).is_err());
        drop(viewer);
        let mut promoted = open(TeamRole::Viewer);
        promoted
            .write(|tx| holders::insert(tx, &holder("杭州")))
            .unwrap();
    }

    /// Only an administrator changes the schema: a paralegal opening a
    /// database that needs a migration is refused, and nothing is created.
    #[test]
    fn a_migration_runs_only_as_an_administrator() {
        let Some(url) = scratch_database() else {
            return;
        };
        let admin = connect(&url).unwrap(); // makes the roles exist
        drop(admin);
        let tag = uuid::Uuid::now_v7().simple().to_string()[24..].to_string();
        let fresh = scratch_database().unwrap();
        let boss = connect(&url).unwrap();
        add_user(&boss, &format!("para-{tag}"), TeamRole::Paralegal, PASSWORD).unwrap();
        let err = connect(&as_user(&fresh, &format!("para-{tag}")))
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::Forbidden(_)), "{err:?}");
        let mut c = client(&fresh).unwrap();
        assert_eq!(schema_version(&mut c).unwrap(), 0);
    }

    /// What one desktop commits, another hears about (the tables changed)
    /// without asking.
    #[test]
    fn another_desktops_change_is_announced_within_seconds() {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{mpsc, Arc};
        use std::time::{Duration, Instant};
        let Some(url) = scratch_database() else {
            return;
        };
        let mut writer = connect(&url).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let (heard, hear) = mpsc::channel();
        let listener = {
            let (url, stop) = (url.clone(), stop.clone());
            std::thread::spawn(move || {
                watch(&url, &stop, Duration::from_millis(100), |t| {
                    let _ = heard.send(t);
                })
            })
        };
        // The listener may not be listening yet: write until it hears one.
        let started = Instant::now();
        let tables = loop {
            writer
                .write(|tx| holders::insert(tx, &holder("极光")))
                .unwrap();
            if let Ok(t) = hear.recv_timeout(Duration::from_millis(500)) {
                break t;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "nothing heard");
        };
        assert!(tables.contains(&"holders".to_string()), "{tables:?}");
        // A change that rolls back is not announced.
        while hear.recv_timeout(Duration::from_millis(300)).is_ok() {}
        let _ = writer.write(|tx| {
            holders::insert(tx, &holder("撤销"))?;
            Err::<(), _>(StoreError::Invalid("changed my mind".into()))
        });
        assert!(hear.recv_timeout(Duration::from_millis(800)).is_err());
        stop.store(true, Ordering::Relaxed);
        listener.join().unwrap();
    }

    /// The roles, audit and notice code of a newer release reaches a database
    /// with no new schema: re-applied when an administrator opens it, left
    /// for one when a paralegal does.
    #[test]
    fn changed_server_code_is_applied_by_the_next_administrator() {
        let Some(url) = scratch_database() else {
            return;
        };
        let admin = connect(&url).unwrap();
        let tag = uuid::Uuid::now_v7().simple().to_string()[24..].to_string();
        add_user(
            &admin,
            &format!("para-{tag}"),
            TeamRole::Paralegal,
            PASSWORD,
        )
        .unwrap();
        // As an older release left it: another code hash, one trigger missing.
        audit::raw_execute(
            &admin,
            "UPDATE ippdesk_meta SET value = 'older' WHERE key = 'server_code';
             DROP TRIGGER ippdesk_notify ON holders;",
        )
        .unwrap();
        let code = |s: &Store| -> (String, i64) {
            (
                s.sql()
                    .value(
                        "SELECT value FROM ippdesk_meta WHERE key = 'server_code'",
                        &[],
                    )
                    .unwrap(),
                s.sql()
                    .value(
                        "SELECT count(*) FROM pg_trigger WHERE tgname = 'ippdesk_notify'
                         AND tgrelid = 'holders'::regclass",
                        &[],
                    )
                    .unwrap(),
            )
        };
        let para = connect(&as_user(&url, &format!("para-{tag}"))).unwrap();
        assert_eq!(code(&para), ("older".to_string(), 0));
        drop(para);
        let admin = connect(&url).unwrap();
        assert_eq!(code(&admin), (server_code_hash(), 1));
    }

    /// The server drops the connection (a restart, the network): the next
    /// call connects again by itself, and a write in progress when it drops
    /// fails with a clear message and saves nothing.
    #[test]
    fn a_dropped_connection_is_made_again() {
        let Some(url) = scratch_database() else {
            return;
        };
        let mut s = connect(&url).unwrap();
        let pid = |s: &Store| -> i32 { s.sql().value("SELECT pg_backend_pid()", &[]).unwrap() };
        let kill = |pid: i32| {
            let mut admin = client(&url).unwrap();
            admin
                .execute("SELECT pg_terminate_backend($1)", &[&pid])
                .unwrap();
        };
        s.write(|tx| holders::insert(tx, &holder("甲"))).unwrap();
        kill(pid(&s));
        assert_eq!(holders::list(&s).unwrap().len(), 1, "a read after the drop");
        kill(pid(&s));
        s.write(|tx| holders::insert(tx, &holder("乙"))).unwrap();
        // Dropped inside a write: refused, rolled back, and the next call works.
        let inside = pid(&s);
        let err = s
            .write(|tx| {
                holders::insert(tx, &holder("丙"))?;
                kill(inside);
                holders::insert(tx, &holder("丁"))
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::Connect(_)), "{err:?}");
        let mut names: Vec<_> = holders::list(&s)
            .unwrap()
            .into_iter()
            .map(|h| h.draft.legal_name)
            .collect();
        names.sort();
        assert_eq!(names, ["乙", "甲"]);
        assert_eq!(audit::verify(&s).unwrap(), []);
    }

    #[test]
    fn user_names_are_checked_before_they_reach_sql() {
        for bad in [
            "",
            "Bob",
            "x\"; DROP TABLE holders; --",
            "ippdesk_admin",
            "pg_x",
            "1a",
        ] {
            assert!(
                matches!(user_ident(bad), Err(StoreError::Invalid(_))),
                "{bad}"
            );
        }
        assert_eq!(user_ident("li.na-2").unwrap(), "\"li.na-2\"");
    }
}
