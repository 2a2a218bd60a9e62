//! The team edition's people: who is signed in, with which role, and (for an
//! administrator) the team's logins. The rights themselves are PostgreSQL's:
//! these only ask the server, or ask it to change a role.

use std::path::Path;

use ippdesk_store::team::{self, TeamRole, TeamUser};
use ippdesk_store::team_import::{import_solo, SoloImport, SoloImportStep};
use ippdesk_store::{Backend, Store};
use serde::Serialize;

use crate::{Desk, DeskError, ErrorCode, Result};

/// The signed-in person. Solo: the operating system's user, who may do
/// everything; team: the database user and their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct WhoAmI {
    pub user: String,
    pub team: bool,
    /// None in the solo edition, or for a server account with no IPP Desk role.
    #[ts(type = "\"viewer\" | \"paralegal\" | \"manager\" | \"admin\" | null")]
    pub role: Option<TeamRole>,
}

impl Desk {
    /// Team edition: waits for other desktops' changes and calls `changed`
    /// with the tables each burst of commits touched (empty: after a lost
    /// connection, anything may have). Returns at once for a database file,
    /// and when `stop` is set.
    pub fn watch_changes(
        source: &std::path::Path,
        stop: &std::sync::atomic::AtomicBool,
        changed: impl FnMut(Vec<String>),
    ) {
        if let Some(url) = source.to_str().filter(|s| team::is_url(s)) {
            team::watch(url, stop, std::time::Duration::from_millis(300), changed);
        }
    }

    pub fn whoami(&self) -> Result<WhoAmI> {
        match self.store.backend() {
            Backend::Sqlite => Ok(WhoAmI {
                user: ippdesk_store::tables::audit::os_user(),
                team: false,
                role: None,
            }),
            Backend::Postgres => {
                let (user, role) = team::whoami(&self.store)?;
                Ok(WhoAmI {
                    user,
                    team: true,
                    role,
                })
            }
        }
    }

    /// Run once by an administrator on a new team database: the schema and
    /// roles exist once it is open; this makes the caller its admin.
    pub fn team_init(&self) -> Result<String> {
        Ok(team::init(&self.store)?)
    }

    pub fn team_users(&self) -> Result<Vec<TeamUser>> {
        Ok(team::list_users(&self.store)?)
    }

    pub fn team_add_user(&self, name: &str, role: TeamRole, password: &str) -> Result<()> {
        Ok(team::add_user(&self.store, name, role, password)?)
    }

    pub fn team_set_role(&self, name: &str, role: TeamRole) -> Result<()> {
        Ok(team::set_role(&self.store, name, role)?)
    }

    pub fn team_disable_user(&self, name: &str) -> Result<()> {
        Ok(team::disable_user(&self.store, name)?)
    }
}

impl Desk {
    /// Copies the solo database file `solo` and its vault into the team
    /// database at `url`, which must be new (nobody has opened it yet): the
    /// schema and roles are made, the caller becomes its administrator, and
    /// every record, the audit history and the evidence arrive in one
    /// transaction, counted and re-hashed. Returns the administrator.
    pub fn import_solo(
        url: &Path,
        solo: &Path,
        progress: impl FnMut(SoloImportStep),
    ) -> Result<(String, SoloImport)> {
        if !solo.is_file() {
            return Err(DeskError::new(
                ErrorCode::NotFound,
                format!("{} is not a database file.", solo.display()),
            ));
        }
        if url.to_str().is_none_or(|u| !team::is_url(u)) {
            return Err(DeskError::new(
                ErrorCode::Validation,
                "Import into a team database: --db postgres://USER@HOST/DATABASE.",
            ));
        }
        let mut to = Store::open(url)?;
        let admin = team::init(&to)?;
        let from = Store::open(solo)?;
        let report = import_solo(&mut to, &from, progress)?;
        Ok((admin, report))
    }
}
