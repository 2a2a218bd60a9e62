//! The migration rules: fresh database, all-or-nothing, too new refused,
//! not-a-database refused, another program's database refused.

use ippdesk_store::migrations::{latest_version, Migration, MIGRATIONS};
use ippdesk_store::{Store, StoreError};

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let d = tempfile::tempdir().expect("temp dir");
    let p = d.path().join("db.sqlite3");
    (d, p)
}

fn shipped_plus(extra: Vec<Migration>) -> Vec<Migration> {
    MIGRATIONS
        .iter()
        .map(|m| Migration {
            version: m.version,
            name: m.name,
            sql: m.sql,
        })
        .chain(extra)
        .collect()
}

#[test]
fn a_fresh_database_gets_every_migration() {
    let (_d, p) = temp();
    let s = Store::open(&p).unwrap();
    assert_eq!(s.schema_version().unwrap(), latest_version());
    drop(s);
    // Reopening is a no-op.
    assert_eq!(
        Store::open(&p).unwrap().schema_version().unwrap(),
        latest_version()
    );
}

#[test]
fn a_failing_migration_changes_nothing() {
    let (_d, p) = temp();
    drop(Store::open(&p).unwrap());
    let next = latest_version() + 1;
    let list = shipped_plus(vec![
        Migration {
            version: next,
            name: "good",
            sql: "CREATE TABLE extra (x INTEGER);",
        },
        Migration {
            version: next + 1,
            name: "bad",
            sql: "CREATE TABLE broken (;",
        },
    ]);
    let err = Store::open_with(&p, &list).err().unwrap();
    assert!(
        matches!(err, StoreError::Migration { version, .. } if version == next + 1),
        "{err}"
    );
    assert_eq!(
        Store::open(&p).unwrap().schema_version().unwrap(),
        latest_version()
    );
    // The good migration before the bad one was rolled back too: it applies again cleanly.
    let again = Store::open_with(&p, &list[..list.len() - 1]).unwrap();
    assert_eq!(again.schema_version().unwrap(), next);
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let (_d, p) = temp();
    let future = latest_version() + 5;
    let list = shipped_plus(vec![Migration {
        version: future,
        name: "future",
        sql: "CREATE TABLE future (x);",
    }]);
    drop(Store::open_with(&p, &list).unwrap());
    let before = std::fs::read(&p).unwrap();
    let err = Store::open(&p).err().unwrap();
    assert!(
        matches!(err, StoreError::TooNew { found, .. } if found == future),
        "{err}"
    );
    assert!(err.to_string().contains("newer IPP Desk"));
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let (_d, p) = temp();
    std::fs::write(&p, "name,url\nfoo,https://detail.1688.com/offer/1.html\n").unwrap();
    let err = Store::open(&p).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err}");
    assert_eq!(std::fs::read_to_string(&p).unwrap().lines().count(), 2);
}

#[test]
fn another_programs_sqlite_file_is_refused() {
    let (_d, p) = temp();
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch("CREATE TABLE moz_places (id INTEGER); PRAGMA user_version = 3;")
            .unwrap();
    }
    let before = std::fs::read(&p).unwrap();
    let err = Store::open(&p).err().unwrap();
    assert!(matches!(err, StoreError::NotIppDesk(_)), "{err}");
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

/// A document row written straight into the file, as an older version (or
/// another tool) could have written it.
fn insert_raw(c: &rusqlite::Connection, id: &str, sha256: &str) -> rusqlite::Result<usize> {
    c.execute(
        "INSERT INTO documents (id, owner_kind, owner_id, doc_kind, sha256, original_name, size, media_type, added_at)
         VALUES (?1, 'holder', '0190aaaa-0000-7000-8000-000000000001', 'other', ?2, 'x.png', 1, 'image/png', '2026-01-01T00:00:00Z')",
        [id, sha256],
    )
}

#[test]
fn version_5_refuses_document_hashes_that_cannot_name_a_vault_file() {
    let (_d, p) = temp();
    let v4: Vec<_> = shipped_plus(vec![])
        .into_iter()
        .filter(|m| m.version <= 4)
        .collect();
    assert_eq!(v4.len(), 4);
    drop(Store::open_with(&p, &v4).unwrap());
    let good = "0123456789abcdef".repeat(4);
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        insert_raw(&c, "0190aaaa-0000-7000-8000-00000000000a", &good).unwrap();
        // Version 4 took anything; such a row survives the migration, and
        // the vault refuses its name when it is used.
        insert_raw(&c, "0190aaaa-0000-7000-8000-00000000000b", "../../evil").unwrap();
    }

    let v5: Vec<_> = shipped_plus(vec![])
        .into_iter()
        .filter(|m| m.version <= 5)
        .collect();
    let s = Store::open_with(&p, &v5).unwrap();
    assert_eq!(s.schema_version().unwrap(), 5);
    drop(s);
    let c = rusqlite::Connection::open(&p).unwrap();
    let kept: Vec<String> = c
        .prepare("SELECT sha256 FROM documents ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(kept, [good.clone(), "../../evil".to_string()]);

    for bad in [
        "../../evil".to_string(),
        good.to_uppercase(),
        good[..63].to_string(),
        format!("{good}0"),
        format!("{}é", &good[..63]),
        format!("{}\0", &good[..63]),
    ] {
        let err = insert_raw(&c, "0190aaaa-0000-7000-8000-00000000000c", &bad).unwrap_err();
        assert!(
            err.to_string().contains("64 lowercase hex"),
            "{bad:?}: {err}"
        );
        let err = c
            .execute(
                "UPDATE documents SET sha256 = ?1 WHERE sha256 = ?2",
                [bad.as_str(), good.as_str()],
            )
            .unwrap_err();
        assert!(
            err.to_string().contains("64 lowercase hex"),
            "{bad:?}: {err}"
        );
    }
    let err = c
        .execute(
            "UPDATE documents SET sha256 = 42 WHERE sha256 = ?1",
            [&good],
        )
        .unwrap_err();
    assert!(err.to_string().contains("64 lowercase hex"), "{err}");
    insert_raw(&c, "0190aaaa-0000-7000-8000-00000000000c", &"f".repeat(64)).unwrap();
    // Other columns of a row stay writable, even of a row from before.
    c.execute("UPDATE documents SET notes = 'checked'", [])
        .unwrap();
}

#[test]
fn version_6_lets_unregistered_copyrights_share_an_empty_number_and_keeps_numbers_unique() {
    let (_d, p) = temp();
    let v5: Vec<_> = shipped_plus(vec![])
        .into_iter()
        .filter(|m| m.version <= 5)
        .collect();
    drop(Store::open_with(&p, &v5).unwrap());
    let right = |c: &rusqlite::Connection, id: &str, kind: &str, number: &str| {
        c.execute(
            "INSERT INTO ip_rights (id, kind, title, registration_number, jurisdiction, registrant_id,
                 created_at, updated_at)
             VALUES (?1, ?2, 'AURORA', ?3, 'DE', '0190aaaa-0000-7000-8000-000000000001',
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [id, kind, number],
        )
    };
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch(
            "INSERT INTO holders (id, kind, legal_name, country, contact_email, created_at, updated_at)
             VALUES ('0190aaaa-0000-7000-8000-000000000001', 'company', '极光', 'CN', 'a@b.example',
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        )
        .unwrap();
        right(&c, "0190aaaa-0000-7000-8000-0000000000a1", "copyright", "").unwrap();
        // Version 5: a second empty number in DE is refused.
        assert!(right(&c, "0190aaaa-0000-7000-8000-0000000000a2", "copyright", "").is_err());
        right(
            &c,
            "0190aaaa-0000-7000-8000-0000000000a3",
            "trademark",
            "123",
        )
        .unwrap();
    }
    let v6: Vec<_> = shipped_plus(vec![])
        .into_iter()
        .filter(|m| m.version <= 6)
        .collect();
    let s = Store::open_with(&p, &v6).unwrap();
    assert_eq!(s.schema_version().unwrap(), 6);
    drop(s);
    let c = rusqlite::Connection::open(&p).unwrap();
    right(&c, "0190aaaa-0000-7000-8000-0000000000a2", "copyright", "").unwrap();
    assert!(right(
        &c,
        "0190aaaa-0000-7000-8000-0000000000a4",
        "trademark",
        "123"
    )
    .is_err());
    let n: i64 = c
        .query_row("SELECT count(*) FROM ip_rights", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    // Counter-notices gained an extension of 0 to 20 working days.
    let cols: Vec<String> = c
        .prepare("SELECT name FROM pragma_table_info('counter_notices')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(cols.contains(&"extension_days".to_string()));
    assert!(cols.contains(&"extension_reason".to_string()));
}
