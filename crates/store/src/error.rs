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
        source: rusqlite::Error,
    },
    #[error("Not found: {0}")]
    NotFound(String),
    #[error("Already exists: {0}")]
    Duplicate(String),
    #[error("Still in use: {0}")]
    InUse(String),
    #[error("Database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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

    /// Maps SQLite constraint failures to errors a user can act on.
    pub(crate) fn from_write(e: rusqlite::Error, what: &str) -> Self {
        use rusqlite::ErrorCode::ConstraintViolation;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg) if f.code == ConstraintViolation => {
                let msg = msg.as_deref().unwrap_or("");
                if msg.contains("UNIQUE") {
                    StoreError::Duplicate(what.to_string())
                } else if msg.contains("FOREIGN KEY") {
                    StoreError::InUse(what.to_string())
                } else {
                    StoreError::Sqlite(e)
                }
            }
            _ => StoreError::Sqlite(e),
        }
    }
}
