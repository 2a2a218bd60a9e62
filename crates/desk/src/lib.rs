//! IPP Desk's use cases. `Desk` opens a database and its vault and offers
//! every action the app and the CLI perform, in host-agnostic DTOs, with one
//! error type whose `code` is stable. Nothing here knows Tauri exists.

mod accounts;
mod bindings;
pub mod commands;
mod complaints;
mod counter_notices;
mod dashboard;
mod deadlines;
mod documents;
mod dto;
mod error;
mod holders;
mod import;
pub mod instance;
mod integrity;
mod packets;
pub mod paths;
mod rights;
mod sample;
mod seed;
mod sellers;
mod shared;
mod stale;
mod table_export;
mod team;

pub use bindings::typescript_bindings;
pub use dashboard::ReminderText;
pub use dto::*;
pub use error::{DeskError, ErrorCode};
pub use import::read_import_bytes;
pub use ippdesk_domain::*;
pub use ippdesk_store::team::{TeamRole, TeamUser};
pub use ippdesk_store::team_import::{SoloImport, SoloImportStep, TableCopied};
pub use packets::{
    verify_bundle, verify_bundle_within, BundleLimits, BundleProblem, BundleReport, PacketFor,
    PacketRequest, PacketResult,
};
pub use seed::{generated_title, generated_url, SeedSummary};
pub use shared::{JobFlag, SharedDesk};
pub use team::WhoAmI;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ippdesk_store::Store;

pub type Result<T, E = DeskError> = std::result::Result<T, E>;

pub struct Desk {
    store: Store,
    today: Option<NaiveDate>,
}

/// `<user data dir>/ippdesk/ippdesk.sqlite3`, e.g. `~/.local/share/…` on Linux,
/// `%APPDATA%\…` on Windows, `~/Library/Application Support/…` on macOS.
pub fn default_db_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("ippdesk").join("ippdesk.sqlite3"))
        .ok_or_else(|| {
            DeskError::new(
                ErrorCode::Io,
                "This system reports no user data folder; pass --db PATH.",
            )
        })
}

/// The database to open: an explicit path, else `IPPDESK_DB`, else the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    match explicit.or_else(|| std::env::var_os("IPPDESK_DB").map(PathBuf::from)) {
        Some(p) => Ok(p),
        None => default_db_path(),
    }
}

/// For a team database's URL: this user's local folder for it (the
/// calendar file, the one-app lock); None for a database file.
pub(crate) fn team_folder(path: &Path) -> Option<Result<PathBuf>> {
    let url = path.to_str().filter(|s| ippdesk_store::team::is_url(s))?;
    let label: String = ippdesk_store::team::label(url)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Some(default_db_path().map(|data| {
        data.parent()
            .unwrap_or(Path::new("."))
            .join("team")
            .join(label)
    }))
}

impl Desk {
    /// `path` is a database file, or a `postgres://` URL for a team database.
    pub fn open(path: &Path) -> Result<Desk> {
        let store = Store::open(path)?;
        let mut desk = Desk { store, today: None };
        desk.ensure_default_rules()?;
        Ok(desk)
    }

    /// A second connection to an open database, for reads beside the writer
    /// (no migrations or default rules: the writer saw to those).
    pub fn open_reader(path: &Path) -> Result<Desk> {
        Ok(Desk {
            store: Store::open_another(path)?,
            today: None,
        })
    }

    /// Reads the complaint list's table and indexes into the operating
    /// system's cache, on a connection of its own (no desk needed, so a
    /// host runs it on a background thread at start-up while the desk
    /// serves calls).
    pub fn prefetch_lists(path: &Path) -> Result<()> {
        if team_folder(path).is_some() {
            return Ok(()); // the server's cache, not ours
        }
        ippdesk_store::tables::complaints::prefetch_list_pages(path)?;
        Ok(())
    }

    /// Fixes "today" for rules that depend on it (tests, reproducible samples).
    pub fn with_today(mut self, today: NaiveDate) -> Desk {
        self.today = Some(today);
        self
    }

    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The database file, or the team database's URL without its password.
    pub fn db_path(&self) -> &Path {
        self.store.path()
    }

    /// What to open for another connection to this database (it may hold a
    /// password: never shown).
    pub fn db_source(&self) -> &Path {
        self.store.source()
    }

    /// Where the calendar of open deadlines is written: beside the database
    /// file, or in this user's folder for a team database.
    pub fn ics_path(&self) -> Result<PathBuf> {
        match team_folder(self.db_path()) {
            Some(dir) => {
                let dir = dir?;
                std::fs::create_dir_all(&dir).map_err(|e| {
                    DeskError::new(ErrorCode::Io, format!("{}: {e}", dir.display()))
                })?;
                Ok(dir.join("deadlines.ics"))
            }
            None => Ok(self.db_path().with_file_name("deadlines.ics")),
        }
    }

    pub fn info(&self) -> Result<DeskInfo> {
        Ok(DeskInfo {
            db_path: self.store.path().display().to_string(),
            vault_dir: self.store.vault_place(),
            schema_version: self.store.schema_version()?,
            today: self.today(),
        })
    }

    pub fn backup(&self, dest: &Path) -> Result<()> {
        Ok(self.store.backup_to(dest)?)
    }
}
