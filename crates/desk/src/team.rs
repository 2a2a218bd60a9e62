//! The team edition's people: who is signed in, with which role, and (for an
//! administrator) the team's logins. The rights themselves are PostgreSQL's:
//! these only ask the server, or ask it to change a role.

use ippdesk_store::team::{self, TeamRole, TeamUser};
use ippdesk_store::Backend;
use serde::Serialize;

use crate::{Desk, Result};

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
