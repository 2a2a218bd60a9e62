//! Deadline rules, every version kept: an edit adds a version, the highest
//! version of a key is in force, and deadlines record the version they used.

use ippdesk_domain::{DeadlineRule, VersionedRule};
use rusqlite::{params, Row};

use super::audit;
use crate::codec::{json_text, parse_json, query_all, query_one};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> rusqlite::Result<VersionedRule> {
    Ok(VersionedRule {
        rule: parse_json(r.get(0)?)?,
        version: r.get(1)?,
        is_default: r.get(2)?,
        changed_at: r.get(3)?,
    })
}

/// The rules in force (latest version of each key), by key.
pub fn current(db: &impl Db) -> Result<Vec<VersionedRule>> {
    query_all(
        db.sql().lite()?,
        "SELECT definition, version, is_default, changed_at FROM deadline_rules r
         WHERE version = (SELECT max(version) FROM deadline_rules WHERE key = r.key)
         ORDER BY key",
        [],
        from_row,
    )
}

/// Every version of one rule, newest first.
pub fn history(db: &impl Db, key: &str) -> Result<Vec<VersionedRule>> {
    query_all(
        db.sql().lite()?,
        "SELECT definition, version, is_default, changed_at FROM deadline_rules
         WHERE key = ?1 ORDER BY version DESC",
        [key],
        from_row,
    )
}

pub fn latest(db: &impl Db, key: &str) -> Result<Option<VersionedRule>> {
    query_one(
        db.sql().lite()?,
        "SELECT definition, version, is_default, changed_at FROM deadline_rules
         WHERE key = ?1 ORDER BY version DESC LIMIT 1",
        [key],
        from_row,
    )
}

/// Installs a shipped default as version 1 of a key the database lacks. Not
/// audited: it is part of the software, not a change someone made.
pub fn install_default(tx: &Tx, rule: &DeadlineRule) -> Result<()> {
    tx.sql()
        .lite()?
        .execute(
            "INSERT INTO deadline_rules (key, version, definition, is_default, changed_at)
             VALUES (?1, 1, ?2, 1, ?3)",
            params![rule.key, json_text(rule), ippdesk_domain::now()],
        )
        .map_err(|e| StoreError::from_write(e, "rule version"))?;
    Ok(())
}

/// Adds the next version of `rule` (version 1 for a new key).
pub fn save(tx: &Tx, rule: &DeadlineRule, is_default: bool) -> Result<VersionedRule> {
    let before = latest(tx, &rule.key)?;
    let saved = VersionedRule {
        rule: rule.clone(),
        version: before.as_ref().map_or(1, |b| b.version + 1),
        changed_at: ippdesk_domain::now(),
        is_default,
    };
    tx.sql()
        .lite()?
        .execute(
            "INSERT INTO deadline_rules (key, version, definition, is_default, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                rule.key,
                saved.version,
                json_text(rule),
                is_default,
                saved.changed_at
            ],
        )
        .map_err(|e| StoreError::from_write(e, "rule version"))?;
    audit::record(
        tx,
        "rule",
        "deadline_rule",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, rule.key.as_bytes()),
        before.as_ref(),
        Some(&saved),
    )?;
    Ok(saved)
}
