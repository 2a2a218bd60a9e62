use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} is not a database file.")]
    NotADatabase(PathBuf),
    #[error("{0} is an SQLite database, but not an IPP Desk database.")]
    NotIppDesk(PathBuf),
    #[error(
        "{path} was written by a newer IPP Desk (schema {found}; this version knows up to {supported}). \
         Update IPP Desk to open it; the file was left untouched."
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("Migration {version} failed, and the database was left as it was: {source}")]
    Migration {
        version: i64,
        #[source]
        source: Box<StoreError>,
    },
    #[error("Not found: {0}")]
    NotFound(String),
    #[error("Already exists: {0}")]
    Duplicate(String),
    #[error("Still in use: {0}")]
    InUse(String),
    #[error("Database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Database error: {}", pg_message(.0))]
    Postgres(postgres::Error),
    #[error("Not allowed: {0}")]
    Forbidden(String),
    #[error("{0}")]
    Unsupported(String),
    /// Input the database cannot take as given (a user name it cannot hold).
    #[error("{0}")]
    Invalid(String),
    #[error("Cannot connect to the team database: {0}")]
    Connect(String),
    #[error("Stored data is unreadable: {0}")]
    Corrupt(String),
    #[error("File error on {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// Maps constraint failures (either backend) to errors a user can act on.
    pub(crate) fn from_write(e: impl Into<StoreError>, what: &str) -> Self {
        use rusqlite::ErrorCode::ConstraintViolation;
        let e = e.into();
        match &e {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
                if f.code == ConstraintViolation =>
            {
                let msg = msg.as_deref().unwrap_or("");
                if msg.contains("UNIQUE") {
                    StoreError::Duplicate(what.to_string())
                } else if msg.contains("FOREIGN KEY") {
                    StoreError::InUse(what.to_string())
                } else {
                    e
                }
            }
            StoreError::Postgres(pg) => match pg.code() {
                Some(c) if *c == postgres::error::SqlState::UNIQUE_VIOLATION => {
                    StoreError::Duplicate(what.to_string())
                }
                Some(c) if *c == postgres::error::SqlState::FOREIGN_KEY_VIOLATION => {
                    StoreError::InUse(what.to_string())
                }
                _ => e,
            },
            _ => e,
        }
    }
}

/// A write the database refused for the session's role is `Forbidden`.
impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        use postgres::error::SqlState;
        let dropped = [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
        ];
        if e.is_closed() || e.code().is_some_and(|c| dropped.contains(c)) {
            return StoreError::Connect(
                "the connection was lost (a server restart or the network); nothing of the \
                 change in progress was saved. Try again: IPP Desk connects again by itself."
                    .into(),
            );
        }
        match e.code() {
            Some(c) if *c == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                StoreError::Forbidden(pg_message(&e))
            }
            Some(c) if *c == postgres::error::SqlState::LOCK_NOT_AVAILABLE => StoreError::InUse(
                "the team's records (another change is still open; try again in a moment)".into(),
            ),
            _ => StoreError::Postgres(e),
        }
    }
}

/// PostgreSQL's own message (and detail) instead of "db error".
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}
