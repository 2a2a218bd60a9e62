//! Numbered, embedded migrations. All pending ones run in one transaction and
//! `user_version` records the last; a migration is never edited once shipped.

use rusqlite::Connection;

use crate::StoreError;

/// Marks a file as ours (`PRAGMA application_id`), so another program's SQLite
/// file is refused instead of being migrated.
pub const APPLICATION_ID: i64 = 0x4950_5044; // "IPPD"

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "complaints",
        sql: include_str!("../migrations/0002_complaints.sql"),
    },
    Migration {
        version: 3,
        name: "deadlines",
        sql: include_str!("../migrations/0003_deadlines.sql"),
    },
    Migration {
        version: 4,
        name: "search_and_totals",
        sql: include_str!("../migrations/0004_search_and_totals.sql"),
    },
    Migration {
        version: 5,
        name: "vault_names",
        sql: include_str!("../migrations/0005_vault_names.sql"),
    },
    Migration {
        version: 6,
        name: "rules_made_right",
        sql: include_str!("../migrations/0006_rules_made_right.sql"),
    },
    Migration {
        version: 7,
        name: "seller_notified",
        sql: include_str!("../migrations/0007_seller_notified.sql"),
    },
    Migration {
        version: 8,
        name: "audit_actor",
        sql: include_str!("../migrations/0008_audit_actor.sql"),
    },
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies every migration newer than the database, all or nothing.
pub fn apply(conn: &mut Connection, migrations: &[Migration]) -> Result<i64, StoreError> {
    let current = user_version(conn)?;
    let pending: Vec<_> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(current);
    }
    let tx = conn.transaction()?;
    let mut version = current;
    for m in pending {
        tx.execute_batch(m.sql)
            .map_err(|source| StoreError::Migration {
                version: m.version,
                source: Box::new(source.into()),
            })?;
        version = m.version;
    }
    tx.pragma_update(None, "user_version", version)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(version)
}
