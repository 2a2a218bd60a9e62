//! IPP Desk's store: one SQLite file, numbered migrations, one module per
//! table, the content-addressed vault and the hash-chained audit log. All SQL
//! lives here; nothing above this crate sees rusqlite.

pub mod atomic;
mod codec;
mod error;
mod evidence;
pub mod migrations;
mod open;
pub mod sql;
pub mod tables;
pub mod team;
pub mod team_import;
mod team_vault;
mod testing;
pub mod vault;

pub use error::StoreError;
pub use open::{Db, Store, Tx};
pub use sql::Backend;
pub use tables::audit::{AuditEntry, AuditProblem};
pub use tables::documents::Document;
pub use vault::{Stored, Vault, VaultProblem};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
