//! The audit log: append only, hash-chained. Row n stores
//! `hash = SHA-256(seq, at, action, entity, entity_id, before, after, prev_hash[, actor])`
//! and `prev_hash` = row n-1's hash, so editing, removing or inserting a row
//! afterwards breaks the chain at a row `verify` can name.
//!
//! On a team database the server appends the rows of writes made outside
//! the app (psql, a script) itself, hashed the same way
//! (`migrations/pg/audit_outside.sql`): their entity is the table's name and
//! ` (outside the app)`, their before and after the table's row as JSON.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::codec::json_text;
use crate::sql::{Backend, Row};
use crate::{open::Db, Result, Tx};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// Who: the database session's user (team) or the OS user (solo); empty
    /// for rows written before actors were recorded.
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditProblem {
    pub seq: i64,
    pub problem: String,
}

#[allow(clippy::too_many_arguments)]
fn row_hash(
    seq: i64,
    at: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<&str>,
    after: Option<&str>,
    prev: &str,
    actor: &str,
) -> String {
    let mut h = Sha256::new();
    let seq = seq.to_string();
    let parts = [
        seq.as_str(),
        at,
        action,
        entity,
        entity_id,
        before.unwrap_or("\u{0}"),
        after.unwrap_or("\u{0}"),
        prev,
    ];
    // Rows from before actors were recorded keep the hash they were written with.
    let actor = Some(actor).filter(|a| !a.is_empty());
    for part in parts.into_iter().chain(actor) {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// The solo edition's actor: the operating system's user name.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// Appends one row; called by every table write inside its transaction.
pub fn record<T: Serialize>(
    tx: &Tx,
    action: &str,
    entity: &str,
    entity_id: Uuid,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<()> {
    let sql = tx.sql();
    let actor = match sql.backend() {
        Backend::Postgres => {
            // Writers from several desktops append one after another, so the
            // chain stays one line: the lock is held until this transaction ends.
            // (An advisory lock: locking the table would need rights to
            // change it, which no role has.)
            sql.batch("SELECT pg_advisory_xact_lock(4950504401)")?;
            // The server sets the row's actor to this too, whatever we send.
            sql.value::<String>("SELECT session_user::text", &[])?
        }
        // A file still at an older schema (tests of migrations write through
        // today's code before migrating) has no actor column: no actor.
        Backend::Sqlite if sql.value::<i64>("PRAGMA user_version", &[])? < 8 => String::new(),
        Backend::Sqlite => os_user(),
    };
    let last: Option<(i64, String)> = sql.query_opt(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let before = before.map(json_text);
    let after = after.map(json_text);
    let id = entity_id.to_string();
    let hash = row_hash(
        seq,
        &at,
        action,
        entity,
        &id,
        before.as_deref(),
        after.as_deref(),
        &prev,
        &actor,
    );
    let params: [&dyn crate::sql::Param; 10] = [
        &seq, &at, &action, &entity, &id, &before, &after, &prev, &hash, &actor,
    ];
    let insert = if actor.is_empty() {
        "INSERT INTO audit_log (seq, at, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    } else {
        "INSERT INTO audit_log (seq, at, action, entity, entity_id, before, after, prev_hash, hash, actor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    };
    sql.execute(insert, &params[..if actor.is_empty() { 9 } else { 10 }])?;
    Ok(())
}

const ENTRY_COLUMNS: &str = "seq, at, action, entity, entity_id, before, after, hash, actor";

fn entry(r: &Row) -> Result<AuditEntry> {
    let at: String = r.get(1)?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: DateTime::parse_from_rfc3339(&at)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default(),
        actor: r.get(8)?,
        action: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        before: json(r.get(5)?),
        after: json(r.get(6)?),
        hash: r.get(7)?,
    })
}

/// The trail of one record, oldest first.
pub fn for_entity(db: &impl Db, entity_id: Uuid) -> Result<Vec<AuditEntry>> {
    db.sql().query(
        &format!("SELECT {ENTRY_COLUMNS} FROM audit_log WHERE entity_id = $1 ORDER BY seq"),
        &[&entity_id.to_string()],
        entry,
    )
}

/// The latest `limit` rows, newest first.
pub fn latest(db: &impl Db, limit: i64) -> Result<Vec<AuditEntry>> {
    db.sql().query(
        &format!("SELECT {ENTRY_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT $1"),
        &[&limit],
        entry,
    )
}

pub fn count(db: &impl Db) -> Result<i64> {
    db.sql().value("SELECT count(*) FROM audit_log", &[])
}

/// Walks the whole chain and names every row that does not fit.
pub fn verify(db: &impl Db) -> Result<Vec<AuditProblem>> {
    type Stored = (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        String,
        String,
    );
    let rows: Vec<Stored> = db.sql().query(
        "SELECT seq, at, action, entity, entity_id, before, after, prev_hash, hash, actor FROM audit_log ORDER BY seq",
        &[],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        },
    )?;
    let mut problems = Vec::new();
    let mut expected_prev = GENESIS.to_string();
    let mut expected_seq = 1;
    for (seq, at, action, entity, entity_id, before, after, prev, hash, actor) in rows {
        let recomputed = row_hash(
            seq,
            &at,
            &action,
            &entity,
            &entity_id,
            before.as_deref(),
            after.as_deref(),
            &prev,
            &actor,
        );
        if seq != expected_seq {
            problems.push(AuditProblem {
                seq,
                problem: format!(
                    "rows {expected_seq}..{} are missing before this row",
                    seq - 1
                ),
            });
        } else if prev != expected_prev {
            problems.push(AuditProblem {
                seq,
                problem: "does not follow the row before it (a row was removed or inserted)".into(),
            });
        }
        if recomputed != hash {
            problems.push(AuditProblem {
                seq,
                problem: "content was changed after it was written".into(),
            });
        }
        expected_prev = hash;
        expected_seq = seq + 1;
    }
    Ok(problems)
}

/// For tests of the chain itself: the last row's hash.
pub fn head(db: &impl Db) -> Result<Option<String>> {
    db.sql().query_opt(
        "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        &[],
        |r| r.get(0),
    )
}

#[doc(hidden)]
pub fn raw_execute(db: &impl Db, sql: &str) -> Result<()> {
    db.sql().batch(sql)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::each_store;
    use crate::Store;

    fn add_rows(s: &mut Store, n: usize) {
        for i in 0..n {
            s.write(|tx| {
                record(
                    tx,
                    "create",
                    "holder",
                    Uuid::now_v7(),
                    None,
                    Some(&serde_json::json!({ "i": i })),
                )
            })
            .unwrap();
        }
    }

    fn tamper(s: &Store, sql: &str) {
        let drop = s.sql().pick(
            "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
            "DROP TRIGGER audit_log_no_update ON audit_log; DROP TRIGGER audit_log_no_delete ON audit_log;",
        );
        raw_execute(s, &format!("{drop} {sql}")).unwrap();
    }

    /// The actor a row inserted by hand gets: none in SQLite, the session's
    /// user in PostgreSQL (its trigger sets it).
    fn actor_of(s: &Store) -> String {
        match s.backend() {
            Backend::Sqlite => String::new(),
            Backend::Postgres => s.sql().value("SELECT session_user::text", &[]).unwrap(),
        }
    }

    #[test]
    fn each_row_names_its_actor_and_the_hash_covers_it() {
        each_store(|mut s| {
            add_rows(&mut s, 2);
            let rows = latest(&s, 10).unwrap();
            assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), [2, 1]);
            let expected = match s.backend() {
                Backend::Sqlite => os_user(),
                Backend::Postgres => actor_of(&s),
            };
            assert!(rows.iter().all(|r| r.actor == expected), "{rows:?}");
            tamper(
                &s,
                "UPDATE audit_log SET actor = 'someone else' WHERE seq = 1",
            );
            let p = verify(&s).unwrap();
            assert_eq!(p.iter().map(|p| p.seq).collect::<Vec<_>>(), [1]);
            assert!(p[0].problem.contains("changed"));
        });
    }

    #[test]
    fn the_server_sets_the_actor_whatever_the_client_sends() {
        each_store(|mut s| {
            if s.backend() == Backend::Sqlite {
                return; // one user per file: the OS user, taken as given
            }
            add_rows(&mut s, 1);
            raw_execute(
                &s,
                "INSERT INTO audit_log (seq, at, action, entity, entity_id, prev_hash, hash, actor)
                 VALUES (2, 'x', 'delete', 'holder', 'x', 'p', 'h', 'the manager')",
            )
            .unwrap();
            assert_eq!(latest(&s, 1).unwrap()[0].actor, actor_of(&s));
        });
    }

    #[test]
    fn rows_from_before_actors_keep_their_hashes() {
        let (_d, mut s) = crate::testing::temp_store();
        add_rows(&mut s, 2);
        // A row written by a release that recorded no actor: its hash has no actor part.
        let prev = head(&s).unwrap().unwrap();
        let old = row_hash(
            3,
            "2026-01-01T00:00:00Z",
            "create",
            "holder",
            "x",
            None,
            None,
            &prev,
            "",
        );
        raw_execute(
            &s,
            &format!("INSERT INTO audit_log VALUES (3, '2026-01-01T00:00:00Z', 'create', 'holder', 'x', NULL, NULL, '{prev}', '{old}', '')"),
        )
        .unwrap();
        assert_eq!(verify(&s).unwrap(), []);
    }

    #[test]
    fn an_intact_chain_verifies() {
        each_store(|mut s| {
            add_rows(&mut s, 5);
            assert_eq!(count(&s).unwrap(), 5);
            assert_eq!(verify(&s).unwrap(), []);
        });
    }

    #[test]
    fn a_trail_reads_back_as_written() {
        each_store(|mut s| {
            let id = Uuid::now_v7();
            let before = serde_json::json!({ "name": "极光", "n": 1 });
            let after = serde_json::json!({ "name": "极光电子", "n": 2 });
            s.write(|tx| record(tx, "create", "holder", id, None, Some(&before)))
                .unwrap();
            s.write(|tx| record(tx, "update", "holder", id, Some(&before), Some(&after)))
                .unwrap();
            add_rows(&mut s, 1);
            let trail = for_entity(&s, id).unwrap();
            assert_eq!(trail.len(), 2);
            assert_eq!(
                (trail[0].seq, trail[1].seq, trail[1].entity_id.clone()),
                (1, 2, id.to_string())
            );
            assert_eq!(trail[0].before, None);
            assert_eq!(trail[1].before, Some(before.clone()));
            assert_eq!(trail[1].after, Some(after));
            assert_eq!(head(&s).unwrap(), Some(head_of(&s, 3)));
            assert_eq!(verify(&s).unwrap(), []);
        });
    }

    #[test]
    fn the_log_refuses_updates_and_deletes() {
        each_store(|mut s| {
            add_rows(&mut s, 2);
            assert!(raw_execute(&s, "UPDATE audit_log SET action = 'x' WHERE seq = 1").is_err());
            assert!(raw_execute(&s, "DELETE FROM audit_log WHERE seq = 1").is_err());
            assert_eq!(count(&s).unwrap(), 2);
            assert_eq!(verify(&s).unwrap(), []);
        });
    }

    #[test]
    fn a_changed_row_is_named() {
        each_store(|mut s| {
            add_rows(&mut s, 4);
            tamper(
                &s,
                "UPDATE audit_log SET after = '{\"i\":99}' WHERE seq = 2",
            );
            let p = verify(&s).unwrap();
            assert_eq!(p.len(), 1);
            assert_eq!(p[0].seq, 2);
            assert!(p[0].problem.contains("changed"));
        });
    }

    #[test]
    fn a_removed_row_is_named() {
        each_store(|mut s| {
            add_rows(&mut s, 4);
            tamper(&s, "DELETE FROM audit_log WHERE seq = 3");
            let p = verify(&s).unwrap();
            assert_eq!(p.iter().map(|p| p.seq).collect::<Vec<_>>(), [4]);
            assert!(p[0].problem.contains("missing"));
        });
    }

    #[test]
    fn an_inserted_row_is_named() {
        each_store(|mut s| {
            add_rows(&mut s, 3);
            // Shift rows 2.. up and slip a forged row in at seq 2, with a hash that
            // is self-consistent but cannot match what row 3 points back to.
            tamper(
                &s,
                "UPDATE audit_log SET seq = seq + 10 WHERE seq >= 2;
                 UPDATE audit_log SET seq = seq - 9 WHERE seq >= 12;",
            );
            let first = head_of(&s, 1);
            let forged = row_hash(
                2,
                "2026-01-01T00:00:00Z",
                "delete",
                "holder",
                "x",
                None,
                None,
                &first,
                &actor_of(&s),
            );
            raw_execute(
                &s,
                &format!(
                    "INSERT INTO audit_log (seq, at, action, entity, entity_id, before, after, prev_hash, hash)
                     VALUES (2, '2026-01-01T00:00:00Z', 'delete', 'holder', 'x', NULL, NULL, '{first}', '{forged}')"
                ),
            )
            .unwrap();
            let p = verify(&s).unwrap();
            // The row after the forgery no longer links to it, and the renumbered
            // rows no longer match their own hashes.
            assert_eq!(p.iter().map(|p| p.seq).collect::<Vec<_>>(), [3, 3, 4]);
            assert!(p[0].problem.contains("removed or inserted"));
        });
    }

    /// Team edition only: a new team database and the app's store on it.
    fn team() -> Option<(String, Store)> {
        let url = crate::team::scratch_database()?;
        let store = crate::team::connect(&url).unwrap();
        Some((url, store))
    }

    /// A paralegal's login on the team database (roles belong to the whole
    /// server: a name unique to this run), and its URL.
    fn paralegal(s: &Store, url: &str) -> (String, String) {
        let name = format!("psql-{}", &Uuid::now_v7().simple().to_string()[20..]);
        let password = "correct horse battery";
        crate::team::add_user(s, &name, crate::team::TeamRole::Paralegal, password).unwrap();
        let mut u = url::Url::parse(url).unwrap();
        u.set_username(&name).unwrap();
        u.set_password(Some(password)).unwrap();
        (name, u.to_string())
    }

    const OUTSIDE: &str = "holders (outside the app)";

    fn summary(rows: &[AuditEntry]) -> Vec<(i64, &str, &str, &str, &str)> {
        rows.iter()
            .map(|r| {
                let (a, e, i, w) = (&r.action, &r.entity, &r.entity_id, &r.actor);
                (r.seq, a.as_str(), e.as_str(), i.as_str(), w.as_str())
            })
            .collect()
    }

    /// Someone with a login changes holders at a prompt (plain SQL on their
    /// own connection, as psql): each changed row is appended to the chain
    /// by the server, naming them, and the chain verifies; a row tampered
    /// with afterwards is still named.
    #[test]
    fn a_change_made_outside_the_app_is_chained_and_names_who_made_it() {
        let Some((url, mut s)) = team() else {
            return;
        };
        let kept = crate::testing::holder("深圳市极光电子有限公司");
        s.write(|tx| crate::tables::holders::insert(tx, &kept))
            .unwrap();
        let admin = actor_of(&s);
        let (name, login) = paralegal(&s, &url);
        let mut psql = crate::team::client(&login).unwrap();
        let id = Uuid::now_v7();
        psql.batch_execute(&format!(
            "INSERT INTO holders (id, kind, legal_name, country, contact_email, created_at, updated_at)
             VALUES ('{id}', 'company', '杭州极光', 'CN', 'ip@hz.example', now(), now());
             UPDATE holders SET notes = 'changed at the prompt' WHERE id = '{id}';
             DELETE FROM holders WHERE id = '{}';",
            kept.id
        ))
        .unwrap();

        let rows = latest(&s, 10).unwrap();
        let (id, kept_id) = (id.to_string(), kept.id.to_string());
        assert_eq!(
            summary(&rows),
            [
                (4, "delete", OUTSIDE, kept_id.as_str(), name.as_str()),
                (3, "update", OUTSIDE, id.as_str(), name.as_str()),
                (2, "create", OUTSIDE, id.as_str(), name.as_str()),
                (1, "create", "holder", kept_id.as_str(), admin.as_str()),
            ]
        );
        // The rows' columns as the table holds them.
        assert_eq!(
            rows[0].before.as_ref().unwrap()["legal_name"],
            "深圳市极光电子有限公司"
        );
        assert_eq!(rows[0].after, None);
        assert_eq!(rows[1].before.as_ref().unwrap()["notes"], "");
        assert_eq!(
            rows[1].after.as_ref().unwrap()["notes"],
            "changed at the prompt"
        );
        assert_eq!(rows[2].before, None);
        // `at` in the app's own format.
        let at: String = s
            .sql()
            .value("SELECT at FROM audit_log WHERE seq = 2", &[])
            .unwrap();
        assert_eq!(
            at,
            rows[2]
                .at
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        );
        assert!((Utc::now() - rows[2].at).num_seconds().abs() < 60, "{at}");
        assert_eq!(verify(&s).unwrap(), []);

        tamper(
            &s,
            "UPDATE audit_log SET after = replace(after, 'at the prompt', 'by the app') WHERE seq = 3",
        );
        let p = verify(&s).unwrap();
        assert_eq!(p.iter().map(|p| p.seq).collect::<Vec<_>>(), [3]);
        assert!(p[0].problem.contains("changed"));
    }

    /// The app audits its own writes: they get its row and no second one,
    /// even where the server's triggers change other tables with them. The
    /// mark lasts one transaction: the same connection writing outside
    /// `Store::write` is logged.
    #[test]
    fn the_apps_own_writes_are_logged_once() {
        use crate::tables::{accounts, complaints, holders, listings, rights};
        use crate::testing::{account, complaint, holder, listing, right};
        let Some((_url, mut s)) = team() else {
            return;
        };
        let h = holder("极光");
        let a = account(h.id);
        let r = right(h.id, "12345678");
        let c = complaint(a.id, r.id, ippdesk_domain::Platform::Taobao);
        let l = listing("https://item.taobao.com/item.htm?id=1001", "耳机");
        s.write(|tx| {
            holders::insert(tx, &h)?;
            accounts::insert(tx, &a)?;
            rights::insert(tx, &r)?;
            complaints::insert(tx, &c)
        })
        .unwrap();
        s.write(|tx| listings::insert_many(tx, std::slice::from_ref(&l), "test"))
            .unwrap();
        // Adding a listing updates the complaint's count (a trigger).
        s.write(|tx| complaints::add_listings(tx, c.id, &[l.id]))
            .unwrap();
        let mut h2 = h.clone();
        h2.draft.notes = "笔记".into();
        s.write(|tx| holders::update(tx, &h2)).unwrap();
        s.write(|tx| complaints::set_max_listings(tx, ippdesk_domain::Programme::AlibabaIpp, 200))
            .unwrap();
        let rows = latest(&s, 100).unwrap();
        let entities: Vec<_> = rows.iter().rev().map(|r| r.entity.as_str()).collect();
        assert_eq!(
            entities,
            [
                "holder",
                "account",
                "right",
                "complaint",
                "listings",
                "complaint",
                "holder",
                "programme_settings"
            ]
        );

        raw_execute(
            &s,
            &format!("UPDATE holders SET notes = '' WHERE id = '{}'", h.id),
        )
        .unwrap();
        let last = &latest(&s, 1).unwrap()[0];
        assert_eq!(
            (last.seq, last.action.as_str(), last.entity.as_str()),
            (9, "update", OUTSIDE)
        );
        assert_eq!(verify(&s).unwrap(), []);
    }

    /// The server's hash is the app's, byte for byte: multi-byte text,
    /// lengths of more than one byte, no before or after, no actor. Rows it
    /// appends and rows the app appends make one chain.
    #[test]
    fn the_server_hashes_a_row_as_the_app_does() {
        let Some((_url, mut s)) = team() else {
            return;
        };
        let long = "极".repeat(30_000); // 90,000 bytes: a three-byte length
        type Case<'a> = (i64, &'a str, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: [Case; 5] = [
            (1, "holder", None, Some("{\"legal_name\":\"极光\"}"), ""),
            (42, "complaint", Some(""), None, "li.na"),
            (1_234_567_890_123, "x", None, None, "王芳"),
            (7, &long[..300], Some(&long), Some("{}"), "postgres"),
            (-1, "", None, Some(""), ""),
        ];
        for (seq, entity, before, after, actor) in cases {
            let at = "2026-12-03T15:04:05.123456Z";
            let id = Uuid::now_v7().to_string();
            let server: String = s
                .sql()
                .value(
                    "SELECT audit_row_hash($1, $2, 'update', $3, $4, $5, $6, $7, $8)",
                    &[&seq, &at, &entity, &id, &before, &after, &GENESIS, &actor],
                )
                .unwrap();
            let app = row_hash(
                seq, at, "update", entity, &id, before, after, GENESIS, actor,
            );
            assert_eq!(server, app, "{seq} {entity:.20}");
        }

        add_rows(&mut s, 2);
        let seq: i64 = s
            .sql()
            .value(
                "SELECT audit_append('note', 'a test', 'x', NULL, '{\"n\": 1}')",
                &[],
            )
            .unwrap();
        assert_eq!(seq, 3);
        add_rows(&mut s, 1);
        assert_eq!(count(&s).unwrap(), 4);
        assert_eq!(verify(&s).unwrap(), []);
    }

    /// Every table but the log, the schema's record, the derived counts and
    /// the vault's files (insert-only, not records) has the trigger, once however often the file is applied; truncating
    /// a table is logged, truncating the log refused; a session's own
    /// temporary `audit_log` does not catch its rows.
    #[test]
    fn every_data_table_is_covered_once_truncation_too() {
        let Some((url, s)) = team() else {
            return;
        };
        let again = include_str!("../../migrations/pg/audit_outside.sql");
        raw_execute(&s, again).unwrap();
        raw_execute(&s, again).unwrap();
        let uncovered: Vec<String> = s
            .sql()
            .query(
                "SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                   AND (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid
                        AND t.tgname IN ('audit_outside_the_app', 'audit_outside_the_app_truncate')) <> 2
                 ORDER BY 1",
                &[],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            uncovered,
            [
                "audit_log",
                "complaint_filter_counts",
                "complaint_status_counts",
                "enforcement_counts",
                "ippdesk_meta",
                "open_deadline_counts",
                "vault_files",
                "vault_parts"
            ]
        );

        raw_execute(
            &s,
            "UPDATE programme_settings SET max_listings = 100 WHERE programme = 'other';
             TRUNCATE programme_settings;",
        )
        .unwrap();
        let rows = latest(&s, 10).unwrap();
        let me = actor_of(&s);
        let settings = "programme_settings (outside the app)";
        assert_eq!(
            summary(&rows),
            [
                (2, "truncate", settings, "", me.as_str()),
                (1, "update", settings, "other", me.as_str()),
            ]
        );
        let err = raw_execute(&s, "TRUNCATE audit_log").unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");

        let (name, login) = paralegal(&s, &url);
        let mut psql = crate::team::client(&login).unwrap();
        psql.batch_execute(
            "CREATE TEMP TABLE audit_log (LIKE public.audit_log INCLUDING DEFAULTS);
             INSERT INTO holders (id, kind, legal_name, country, contact_email, created_at, updated_at)
             VALUES (gen_random_uuid(), 'company', '极光', 'CN', 'x@y.example', now(), now());",
        )
        .unwrap();
        let last = &latest(&s, 1).unwrap()[0];
        assert_eq!((last.seq, last.entity.as_str()), (3, OUTSIDE));
        assert_eq!(last.actor, name);
        assert_eq!(verify(&s).unwrap(), []);
    }

    /// The app and two prompts write at once: the lock they share keeps the
    /// chain one line, every change in it once, numbered without a gap.
    #[test]
    fn concurrent_writers_inside_and_outside_the_app_leave_one_chain() {
        let Some((url, s)) = team() else {
            return;
        };
        const N: usize = 20;
        let app = {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut s = crate::team::connect(&url).unwrap();
                for i in 0..N {
                    let h = crate::testing::holder(&format!("app {i}"));
                    s.write(|tx| crate::tables::holders::insert(tx, &h))
                        .unwrap();
                }
            })
        };
        let prompts: Vec<_> = (0..2)
            .map(|t| {
                let url = url.clone();
                std::thread::spawn(move || {
                    let mut c = crate::team::client(&url).unwrap();
                    for i in 0..N {
                        // Two rows a transaction: the lock holds to its end.
                        c.batch_execute(&format!(
                            "INSERT INTO holders (id, kind, legal_name, country, contact_email, created_at, updated_at)
                             SELECT gen_random_uuid(), 'company', 'prompt {t} {i} ' || k, 'CN', 'x@y.example', now(), now()
                             FROM generate_series(1, 2) k"
                        ))
                        .unwrap();
                    }
                })
            })
            .collect();
        app.join().unwrap();
        for p in prompts {
            p.join().unwrap();
        }
        let total = (N + 2 * N * 2) as i64;
        assert_eq!(count(&s).unwrap(), total);
        let seqs: Vec<i64> = s
            .sql()
            .query("SELECT seq FROM audit_log ORDER BY seq", &[], |r| r.get(0))
            .unwrap();
        assert_eq!(seqs, (1..=total).collect::<Vec<_>>());
        let unlogged: i64 = s
            .sql()
            .value(
                "SELECT count(*) FROM holders h
                 WHERE (SELECT count(*) FROM audit_log a WHERE a.entity_id = h.id::text) <> 1",
                &[],
            )
            .unwrap();
        assert_eq!(unlogged, 0);
        assert_eq!(verify(&s).unwrap(), []);
    }

    fn head_of(s: &Store, seq: i64) -> String {
        s.sql()
            .value("SELECT hash FROM audit_log WHERE seq = $1", &[&seq])
            .unwrap()
    }
}
