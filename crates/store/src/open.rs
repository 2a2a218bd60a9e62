//! Opening the database file: refuse what is not ours or is too new, before
//! anything is written; then set the connection up and migrate.

use std::io::Read;
use std::path::{Path, PathBuf};

use std::cell::RefCell;

use rusqlite::{Connection, OpenFlags};

use crate::migrations::{self, APPLICATION_ID, MIGRATIONS};
use crate::sql::{Backend, Conn, PgLink};
use crate::{Result, StoreError};

/// SQLite's default: the WAL is copied into the database once it holds this
/// many pages (4 MiB).
const AUTOCHECKPOINT_PAGES: i64 = 1000;

pub struct Store {
    link: Link,
    /// What to show: the file, or the team database's URL without password.
    path: PathBuf,
    /// What to open again (a reader beside the writer): the file, or the
    /// URL as given, password included. Never shown.
    source: PathBuf,
}

/// The connection behind a store: the embedded SQLite file (solo) or a
/// PostgreSQL server (team, see `team.rs`).
enum Link {
    Lite(Connection),
    Pg(Box<RefCell<PgLink>>),
}

/// A write transaction. Every table write takes one, so the audit row it adds
/// commits or rolls back with the change itself.
pub struct Tx<'a>(TxLink<'a>);

enum TxLink<'a> {
    Lite(rusqlite::Transaction<'a>),
    Pg(&'a RefCell<PgLink>),
}

/// Something queries can run on: the store itself or an open transaction.
pub trait Db: private::Sealed {
    #[doc(hidden)]
    fn sql(&self) -> Conn<'_>;
}
mod private {
    pub trait Sealed {}
    impl Sealed for super::Store {}
    impl Sealed for super::Tx<'_> {}
}
impl Db for Store {
    fn sql(&self) -> Conn<'_> {
        match &self.link {
            Link::Lite(c) => Conn::Lite(c),
            Link::Pg(p) => Conn::Pg(p),
        }
    }
}
impl Db for Tx<'_> {
    fn sql(&self) -> Conn<'_> {
        match &self.0 {
            TxLink::Lite(t) => Conn::Lite(t),
            TxLink::Pg(p) => Conn::Pg(p),
        }
    }
}

fn team_url(path: &Path) -> Option<&str> {
    path.to_str().filter(|s| crate::team::is_url(s))
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    /// A `postgres://` URL in place of the path opens a team database.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(url) = team_url(path) {
            return crate::team::connect(url);
        }
        Self::open_with(path, MIGRATIONS)
    }

    /// As `open`, with a given migration list (tests use it to prove a failing
    /// migration changes nothing).
    pub fn open_with(path: &Path, list: &[migrations::Migration]) -> Result<Store> {
        check_header(path)?;
        Self::connect(path, list)
    }

    /// Another connection to a database this process already has open (a
    /// reader beside the writer). The header is not read again: on POSIX,
    /// closing any other descriptor of the file drops every SQLite lock this
    /// process holds on it, and another process closing its last connection
    /// then deletes the WAL under us, losing what we write after.
    pub fn open_another(path: &Path) -> Result<Store> {
        if let Some(url) = team_url(path) {
            return crate::team::connect(url);
        }
        Self::connect(path, MIGRATIONS)
    }

    fn connect(path: &Path, list: &[migrations::Migration]) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let latest = list.last().map_or(0, |m| m.version);
        check_ownership(&conn, path, latest)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 64 MiB of page cache (default 2 MiB): a million listings' indexes
        // then stay in memory instead of being re-read for every import.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES)?;
        // `rarray(?)`: a Rust list as a table, so a batch is looked up in
        // one statement (an import checks 100k URLs at once).
        rusqlite::vtab::array::load_module(&conn)?;
        migrations::apply(&mut conn, list)?;
        Ok(Store {
            link: Link::Lite(conn),
            path: path.to_path_buf(),
            source: path.to_path_buf(),
        })
    }

    /// A store on an open PostgreSQL connection (see `team::connect`).
    pub(crate) fn on_postgres(client: postgres::Client, url: &str) -> Store {
        Store {
            link: Link::Pg(Box::new(RefCell::new(PgLink::new(client, url)))),
            path: PathBuf::from(crate::team::redacted(url)),
            source: PathBuf::from(url),
        }
    }

    /// The database to open again for another connection (a reader): the
    /// file, or the team URL with its password. Not for display: `path`.
    pub fn source(&self) -> &Path {
        &self.source
    }

    pub fn backend(&self) -> Backend {
        self.sql().backend()
    }

    /// The database file; for a team database, its URL without the password.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        match &self.link {
            Link::Lite(c) => Ok(migrations::user_version(c)?),
            Link::Pg(p) => crate::team::schema_version(&mut p.borrow_mut().client),
        }
    }

    /// Runs `f` in one transaction: committed if it returns Ok, rolled back otherwise.
    /// The transaction begins IMMEDIATE: it takes the write lock first, so a
    /// second writer (the CLI beside the app) waits its turn (busy timeout)
    /// instead of failing when its read-then-write finds the lock taken.
    /// On PostgreSQL the transaction is READ COMMITTED, as each statement
    /// sees others' commits; the audit chain takes its own lock.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        match &mut self.link {
            Link::Lite(conn) => {
                let tx = conn
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                    .map_err(StoreError::from)?;
                let tx = Tx(TxLink::Lite(tx));
                let out = f(&tx)?;
                match tx.0 {
                    TxLink::Lite(t) => t.commit().map_err(StoreError::from)?,
                    TxLink::Pg(_) => unreachable!("a SQLite store's transaction"),
                }
                Ok(out)
            }
            Link::Pg(link) => {
                let run = |sql: &str| {
                    link.borrow_mut()
                        .client
                        .batch_execute(sql)
                        .map_err(StoreError::from)
                };
                // Marks the transaction as audited by the app, so the
                // triggers that log writes made outside it (psql, scripts:
                // migrations/pg/audit_outside.sql) do not log it twice.
                let begin = "BEGIN; SET LOCAL ippdesk.audited = on";
                link.borrow_mut().revive()?;
                match run(begin) {
                    Err(StoreError::Connect(_)) => {
                        // Dropped since the last call: nothing was begun yet.
                        link.borrow_mut().revive_if(true)?;
                        run(begin)?;
                    }
                    other => other?,
                }
                link.borrow_mut().in_tx = true;
                let out = f(&Tx(TxLink::Pg(link)));
                let end = match out {
                    Ok(v) => run("COMMIT").map(|()| v).map_err(E::from),
                    Err(e) => {
                        // A failed statement has already aborted it; a lost
                        // connection rolls it back on the server's side.
                        let _ = run("ROLLBACK");
                        Err(e)
                    }
                };
                link.borrow_mut().in_tx = false;
                end
            }
        }
    }

    /// [`Store::write`] for a large batch: its commit skips the automatic
    /// checkpoint (copying the whole batch from the WAL into the database
    /// file: about 70 ms of a 100k-listing import), which the next write
    /// does instead; in the app that is the background indexer.
    pub fn write_batch<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        let Link::Lite(conn) = &self.link else {
            return self.write(f);
        };
        conn.pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(StoreError::from)?;
        let out = self.write(f);
        let Link::Lite(conn) = &self.link else {
            unreachable!("the link does not change")
        };
        let restored = conn.pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES);
        let out = out?;
        restored.map_err(StoreError::from)?;
        Ok(out)
    }

    /// A consistent copy of the live database (SQLite online backup).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Duplicate(format!(
                "{} already exists",
                dest.display()
            )));
        }
        match &self.link {
            Link::Lite(conn) => conn
                .backup(rusqlite::MAIN_DB, dest, None)
                .map_err(StoreError::from),
            Link::Pg(_) => Err(StoreError::Unsupported(
                "a team database is backed up with pg_dump; ask the administrator".into(),
            )),
        }
    }
}

/// A non-empty file that does not start with SQLite's magic is refused without
/// SQLite touching it.
fn check_header(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match file
            .read(&mut head[n..])
            .map_err(|e| StoreError::io(path, e))?
        {
            0 => break,
            k => n += k,
        }
    }
    if n == 0 || &head == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::NotADatabase(path.to_path_buf()))
    }
}

/// Refuses another program's database and a database newer than this binary,
/// reading only, so the file is left exactly as it was.
fn check_ownership(conn: &Connection, path: &Path, latest: i64) -> Result<()> {
    let not_db = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase(path.to_path_buf()),
        _ => StoreError::Sqlite(e),
    };
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(not_db)?;
    let version = migrations::user_version(conn).map_err(not_db)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(not_db)?;
    let fresh = app_id == 0 && version == 0 && tables == 0;
    if !fresh && app_id != APPLICATION_ID {
        return Err(StoreError::NotIppDesk(path.to_path_buf()));
    }
    if version > latest {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: latest,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::holders;
    use crate::testing::holder;
    use std::sync::mpsc;
    use std::time::Duration;

    /// The CLI writing while the app writes: the second writer's transaction
    /// reads, then writes. Begun DEFERRED, its snapshot goes stale when the
    /// first commits and SQLite fails it at once (SQLITE_BUSY_SNAPSHOT, no
    /// retry); begun IMMEDIATE it waits its turn and succeeds.
    #[test]
    fn a_second_writer_waits_for_the_first_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite3");
        let mut app = Store::open(&path).unwrap();
        let mut cli = Store::open(&path).unwrap();
        let (started_tx, started) = mpsc::channel();
        let first = std::thread::spawn(move || {
            app.write(|tx| {
                holders::insert(tx, &holder("第一"))?;
                started_tx.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(300));
                Ok::<_, StoreError>(())
            })
        });
        started.recv().unwrap();
        cli.write(|tx| {
            let before = holders::list(tx)?.len();
            holders::insert(tx, &holder(&format!("第二 after {before}")))
        })
        .unwrap();
        first.join().unwrap().unwrap();
        assert_eq!(holders::list(&cli).unwrap().len(), 2);
    }
}
