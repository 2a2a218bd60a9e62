//! Deadline rules, every version kept: an edit adds a version, the highest
//! version of a key is in force, and deadlines record the version they used.

use ippdesk_domain::{DeadlineRule, VersionedRule};

use super::audit;
use crate::sql::{AsJson, Row};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> Result<VersionedRule> {
    Ok(VersionedRule {
        rule: r.json(0)?,
        version: version_of(r.get(1)?)?,
        is_default: r.get(2)?,
        changed_at: r.get(3)?,
    })
}

fn version_of(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("rule version {v}")))
}

/// The rules in force (latest version of each key), by key.
pub fn current(db: &impl Db) -> Result<Vec<VersionedRule>> {
    let sql = db.sql();
    // Keys in byte order on both backends, whatever the server's collation.
    sql.query(
        sql.pick(
            "SELECT definition, version, is_default, changed_at FROM deadline_rules r
             WHERE version = (SELECT max(version) FROM deadline_rules WHERE key = r.key)
             ORDER BY key",
            "SELECT definition, version, is_default, changed_at FROM deadline_rules r
             WHERE version = (SELECT max(version) FROM deadline_rules WHERE key = r.key)
             ORDER BY key COLLATE \"C\"",
        ),
        &[],
        from_row,
    )
}

/// Every version of one rule, newest first.
pub fn history(db: &impl Db, key: &str) -> Result<Vec<VersionedRule>> {
    db.sql().query(
        "SELECT definition, version, is_default, changed_at FROM deadline_rules
         WHERE key = $1 ORDER BY version DESC",
        &[&key],
        from_row,
    )
}

pub fn latest(db: &impl Db, key: &str) -> Result<Option<VersionedRule>> {
    db.sql().query_opt(
        "SELECT definition, version, is_default, changed_at FROM deadline_rules
         WHERE key = $1 ORDER BY version DESC LIMIT 1",
        &[&key],
        from_row,
    )
}

/// Installs a shipped default as version 1 of a key the database lacks. Not
/// audited: it is part of the software, not a change someone made.
pub fn install_default(tx: &Tx, rule: &DeadlineRule) -> Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO deadline_rules (key, version, definition, is_default, changed_at)
             VALUES ($1, 1, $2, TRUE, $3)",
            &[&rule.key, &AsJson::of(rule), &ippdesk_domain::now()],
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
        .execute(
            "INSERT INTO deadline_rules (key, version, definition, is_default, changed_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &rule.key,
                &i64::from(saved.version),
                &AsJson::of(rule),
                &is_default,
                &saved.changed_at,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::each_store;

    #[test]
    fn every_version_is_kept_and_the_latest_is_in_force() {
        each_store(|mut s| {
            let defaults = ippdesk_domain::default_rules();
            let (a, b) = (&defaults[0], &defaults[1]);
            s.write(|tx| {
                install_default(tx, a)?;
                install_default(tx, b)
            })
            .unwrap();
            let err = s.write(|tx| install_default(tx, a)).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");

            let mut edited = a.clone();
            edited.offset += 1;
            let saved = s.write(|tx| save(tx, &edited, false)).unwrap();
            assert_eq!((saved.version, saved.is_default), (2, false));
            assert_eq!(latest(&s, &a.key).unwrap(), Some(saved.clone()));
            assert!(latest(&s, "no such rule").unwrap().is_none());

            let history: Vec<_> = history(&s, &a.key)
                .unwrap()
                .into_iter()
                .map(|v| (v.version, v.is_default, v.rule))
                .collect();
            assert_eq!(history, [(2, false, edited), (1, true, a.clone())]);

            let mut keys = vec![a.key.clone(), b.key.clone()];
            keys.sort();
            let current = current(&s).unwrap();
            assert_eq!(
                current
                    .iter()
                    .map(|v| v.rule.key.clone())
                    .collect::<Vec<_>>(),
                keys
            );
            assert!(current.contains(&saved));
        });
    }
}
