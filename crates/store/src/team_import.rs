//! A solo database copied into a new team database: every record, the
//! audit history as it was (rows, actors and hashes, so the chain still
//! verifies), and the vault's files, each re-hashed as it is sent. One
//! transaction: a failure anywhere leaves the team database as it was.
//!
//! The tables and columns to copy are the team schema's, read from the
//! server's catalogue (parents before children, by their foreign keys), so
//! a table a later migration adds is copied with no change here. What the
//! server derives (running counts, by its triggers; the `n` keys, in the
//! order the rows come) is not copied; the solo file's search indexes have
//! no counterpart and are left behind.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use postgres::types::{ToSql, Type};
use rusqlite::types::ValueRef;
use serde::Serialize;

use crate::sql::Conn;
use crate::tables::{audit, documents};
use crate::team_vault;
use crate::vault::Stored;
use crate::{Db, Result, Store, StoreError, Tx};

/// Team tables that are not copied: the schema's record, the server's
/// running counts (its triggers fill them as the rows arrive), and the vault
/// (filled from the solo vault folder instead).
const NOT_COPIED: [&str; 7] = [
    "ippdesk_meta",
    "complaint_status_counts",
    "complaint_filter_counts",
    "enforcement_counts",
    "open_deadline_counts",
    "vault_files",
    "vault_parts",
];

/// Columns the server's own triggers keep as their rows' children arrive
/// (migrations/pg/0001/3_complaints.sql: a complaint's listings counted as
/// they are added); they start at zero, as for a new record.
const COUNTED_BY_THE_SERVER: [(&str, &str); 1] = [("complaints", "listing_count")];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCopied {
    pub table: String,
    pub rows: u64,
}

/// What an import copied, each figure checked against the solo database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SoloImport {
    pub tables: Vec<TableCopied>,
    pub audit_rows: u64,
    pub files: u64,
    pub bytes: u64,
}

/// One step done, for progress: a table copied or a file sent.
pub enum SoloImportStep<'a> {
    Table { table: &'a str, rows: u64 },
    File { done: u64, total: u64 },
}

/// A team column: its name and type as the server has it.
struct Column {
    name: String,
    ty: Type,
}

/// Copies `solo` into `team`, which must hold no records yet (a new
/// database, after `team init` at most). Only an administrator may: the
/// history keeps its actors, which the server otherwise sets itself.
pub fn import_solo(
    team: &mut Store,
    solo: &Store,
    mut progress: impl FnMut(SoloImportStep),
) -> Result<SoloImport> {
    let Conn::Lite(lite) = solo.sql() else {
        return Err(StoreError::Invalid(
            "the source of an import is a solo database file".into(),
        ));
    };
    let vault = solo
        .vault_folder()
        .ok_or_else(|| StoreError::Invalid("a solo database has a vault folder".into()))?;
    if !matches!(team.sql(), Conn::Pg(_)) {
        return Err(StoreError::Invalid(
            "the destination of an import is a team (postgres://) database".into(),
        ));
    }
    let admin: bool = team.sql().value(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user",
        &[],
    )?;
    if !admin {
        return Err(StoreError::Forbidden(
            "only a team administrator imports a solo database".into(),
        ));
    }
    let files: Vec<Stored> = {
        let mut seen = BTreeSet::new();
        documents::all(solo)?
            .into_iter()
            .filter(|d| seen.insert(d.sha256.clone()))
            .map(|d| Stored {
                sha256: d.sha256,
                size: d.size,
            })
            .collect()
    };
    team.write(|tx| {
        let sql = tx.sql();
        // The history's actors are the solo user's, not the importer's
        // (roles.sql lets an administrator's import keep them).
        sql.batch("SET LOCAL ippdesk.importing = on")?;
        let tables = tables_in_order(&sql)?;
        // An empty audit log: nothing was ever done here through the app, and
        // what the triggers would have logged from outside it. Rows there
        // are then the schema's own seeds (programme settings), which the
        // solo database's copy replaces.
        let held: i64 = sql.value("SELECT count(*) FROM audit_log", &[])?;
        if held > 0 {
            return Err(StoreError::Invalid(format!(
                "the team database already holds records ({held} audit rows); \
                 import into a new, empty database before anyone opens it"
            )));
        }
        for t in tables.iter().rev().filter(|t| *t != "audit_log") {
            sql.batch(&format!("DELETE FROM {}", ident(t)))?;
        }
        let mut report = SoloImport {
            tables: Vec::new(),
            audit_rows: 0,
            files: 0,
            bytes: 0,
        };
        for t in &tables {
            let (columns, all) = columns_of(&sql, t)?;
            let rows = copy_table(tx, lite, t, &columns, &all)?;
            let solo_rows: i64 =
                lite.query_row(&format!("SELECT count(*) FROM {}", ident(t)), [], |r| {
                    r.get(0)
                })?;
            let team_rows: i64 = sql.value(&format!("SELECT count(*) FROM {}", ident(t)), &[])?;
            if solo_rows != team_rows || rows != solo_rows as u64 {
                return Err(StoreError::Corrupt(format!(
                    "{t}: {solo_rows} rows in the solo database, {team_rows} copied"
                )));
            }
            progress(SoloImportStep::Table { table: t, rows });
            if t == "audit_log" {
                report.audit_rows = rows;
            } else {
                report.tables.push(TableCopied {
                    table: t.clone(),
                    rows,
                });
            }
        }
        if let Some(p) = audit::verify(tx)?.first() {
            return Err(StoreError::Corrupt(format!(
                "the solo database's audit history does not verify (row {}: {}); \
                 run `ippdesk verify` on it",
                p.seq, p.problem
            )));
        }
        for (i, f) in files.iter().enumerate() {
            let path = vault.path_of(&f.sha256)?;
            let file = std::fs::File::open(&path).map_err(|e| StoreError::io(&path, e))?;
            team_vault::put_in(tx, f, file).map_err(|e| match e {
                StoreError::Io { source, .. } => StoreError::Corrupt(format!(
                    "the solo vault's file {} is not the evidence it stands for ({source}); \
                     `ippdesk verify` on the solo database names its documents",
                    f.sha256
                )),
                other => other,
            })?;
            report.files += 1;
            report.bytes += f.size;
            progress(SoloImportStep::File {
                done: i as u64 + 1,
                total: files.len() as u64,
            });
        }
        Ok(report)
    })
}

/// The team's tables to copy, each after the tables it refers to, and the
/// audit log last.
fn tables_in_order(sql: &Conn) -> Result<Vec<String>> {
    let names: Vec<String> = sql.query(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
        &[],
        |r| r.get(0),
    )?;
    let edges: Vec<(String, String)> = sql.query(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
         WHERE contype = 'f' AND connamespace = current_schema()::regnamespace",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut parents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (child, parent) in &edges {
        if child != parent {
            parents.entry(child).or_default().insert(parent);
        }
    }
    let wanted: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| !NOT_COPIED.contains(n) && *n != "audit_log")
        .collect();
    let mut order: Vec<String> = Vec::new();
    while order.len() < wanted.len() {
        let before = order.len();
        for t in &wanted {
            let ready = parents.get(t).is_none_or(|ps| {
                ps.iter()
                    .all(|p| !wanted.contains(p) || order.iter().any(|o| o == p))
            });
            if !order.iter().any(|o| o == t) && ready {
                order.push(t.to_string());
            }
        }
        if order.len() == before {
            return Err(StoreError::Corrupt(
                "the team schema's tables refer to each other in a circle".into(),
            ));
        }
    }
    order.push("audit_log".into());
    Ok(order)
}

/// The columns a row of `table` is written with: all but those the server
/// numbers or computes itself; and the names of all its columns.
fn columns_of(sql: &Conn, table: &str) -> Result<(Vec<Column>, BTreeSet<String>)> {
    let Conn::Pg(link) = sql else {
        return Err(StoreError::Unsupported("a team table on SQLite".into()));
    };
    let all: Vec<(String, bool)> = sql.query(
        "SELECT column_name::text, is_identity = 'NO' AND is_generated = 'NEVER'
         FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1
         ORDER BY ordinal_position",
        &[&table],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let names: Vec<&String> = all
        .iter()
        .filter(|(_, written)| *written)
        .map(|(n, _)| n)
        .collect();
    let list = names
        .iter()
        .map(|n| ident(n))
        .collect::<Vec<_>>()
        .join(", ");
    let stmt = link
        .borrow_mut()
        .client
        .prepare(&format!("SELECT {list} FROM {}", ident(table)))?;
    let columns = stmt
        .columns()
        .iter()
        .map(|c| Column {
            name: c.name().to_string(),
            ty: c.type_().clone(),
        })
        .collect();
    Ok((columns, all.into_iter().map(|(n, _)| n).collect()))
}

/// Copies every row of `table` from the solo file, in the order it was
/// written there, in one binary COPY. Returns the rows copied.
fn copy_table(
    tx: &Tx,
    lite: &rusqlite::Connection,
    table: &str,
    columns: &[Column],
    team_columns: &BTreeSet<String>,
) -> Result<u64> {
    let Conn::Pg(link) = tx.sql() else {
        return Err(StoreError::Unsupported("a team table on SQLite".into()));
    };
    let solo_columns: BTreeSet<String> = lite
        .prepare(&format!("SELECT * FROM {} LIMIT 0", ident(table)))
        .map_err(|e| StoreError::Corrupt(format!("the solo database has no table {table}: {e}")))?
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    if let Some(c) = columns.iter().find(|c| !solo_columns.contains(&c.name)) {
        return Err(StoreError::Corrupt(format!(
            "the solo database's {table} has no column {}",
            c.name
        )));
    }
    // A solo column the team schema lacks would be lost: refuse instead.
    if let Some(c) = solo_columns.iter().find(|c| !team_columns.contains(*c)) {
        return Err(StoreError::Unsupported(format!(
            "the team schema's {table} has no column {c}; update IPP Desk on the server first"
        )));
    }
    let list = columns.iter().map(|c| ident(&c.name)).collect::<Vec<_>>();
    let select_sql = format!("SELECT {} FROM {}", list.join(", "), ident(table));
    // In the order written (a table WITHOUT ROWID: in its key's order).
    let mut select = match lite.prepare(&format!("{select_sql} ORDER BY rowid")) {
        Ok(s) => s,
        Err(_) => lite.prepare(&select_sql)?,
    };
    let types: Vec<Type> = columns.iter().map(|c| c.ty.clone()).collect();
    let mut link = link.borrow_mut();
    let sink = link.client.copy_in(&format!(
        "COPY {} ({}) FROM STDIN (FORMAT binary)",
        ident(table),
        list.join(", ")
    ))?;
    let mut writer = postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
    let mut rows = select.query([])?;
    let mut n = 0u64;
    while let Some(row) = rows.next()? {
        let values = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if COUNTED_BY_THE_SERVER.contains(&(table, c.name.as_str())) {
                    return team_value(ValueRef::Integer(0), &c.ty, table, &c.name);
                }
                team_value(row.get_ref(i)?, &c.ty, table, &c.name)
            })
            .collect::<Result<Vec<_>>>()?;
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
        writer.write(&refs)?;
        n += 1;
    }
    writer.finish()?;
    Ok(n)
}

/// A solo value as the team column of type `ty` holds it: ids as uuid,
/// instants as timestamptz, lists as jsonb, flags as boolean.
fn team_value(v: ValueRef, ty: &Type, table: &str, column: &str) -> Result<Box<dyn ToSql + Sync>> {
    let bad = |why: &dyn std::fmt::Display| StoreError::Corrupt(format!("{table}.{column}: {why}"));
    let text = || -> Result<&str> {
        match v {
            ValueRef::Text(t) => std::str::from_utf8(t).map_err(|e| bad(&e)),
            other => Err(bad(&format!(
                "text expected, found {:?}",
                other.data_type()
            ))),
        }
    };
    let null = matches!(v, ValueRef::Null);
    Ok(match *ty {
        Type::TEXT | Type::VARCHAR | Type::BPCHAR => match v {
            ValueRef::Null => Box::new(None::<String>),
            ValueRef::Integer(i) => Box::new(i.to_string()),
            ValueRef::Real(f) => Box::new(f.to_string()),
            _ => Box::new(text()?.to_string()),
        },
        Type::UUID if null => Box::new(None::<uuid::Uuid>),
        Type::UUID => Box::new(uuid::Uuid::parse_str(text()?).map_err(|e| bad(&e))?),
        Type::DATE if null => Box::new(None::<NaiveDate>),
        Type::DATE => Box::new(text()?.parse::<NaiveDate>().map_err(|e| bad(&e))?),
        Type::TIMESTAMPTZ if null => Box::new(None::<DateTime<Utc>>),
        Type::TIMESTAMPTZ => Box::new(
            DateTime::parse_from_rfc3339(text()?)
                .map_err(|e| bad(&e))?
                .with_timezone(&Utc),
        ),
        Type::JSONB | Type::JSON if null => Box::new(None::<serde_json::Value>),
        Type::JSONB | Type::JSON => {
            Box::new(serde_json::from_str::<serde_json::Value>(text()?).map_err(|e| bad(&e))?)
        }
        Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL | Type::FLOAT8 | Type::FLOAT4 => {
            number(v, ty).map_err(|e| bad(&e))?
        }
        Type::BYTEA => match v {
            ValueRef::Null => Box::new(None::<Vec<u8>>),
            ValueRef::Blob(b) => Box::new(b.to_vec()),
            _ => Box::new(text()?.as_bytes().to_vec()),
        },
        _ => return Err(bad(&format!("no copy for the team type {ty}"))),
    })
}

fn number(v: ValueRef, ty: &Type) -> std::result::Result<Box<dyn ToSql + Sync>, String> {
    let int = match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i),
        ValueRef::Real(f) if matches!(*ty, Type::FLOAT8 | Type::FLOAT4) => {
            return Ok(if *ty == Type::FLOAT8 {
                Box::new(f)
            } else {
                Box::new(f as f32)
            })
        }
        other => return Err(format!("a number expected, found {:?}", other.data_type())),
    };
    let narrow = |i: i64| format!("{i} does not fit the team column");
    Ok(match *ty {
        Type::INT8 => Box::new(int),
        Type::INT4 => Box::new(
            int.map(|i| i32::try_from(i).map_err(|_| narrow(i)))
                .transpose()?,
        ),
        Type::INT2 => Box::new(
            int.map(|i| i16::try_from(i).map_err(|_| narrow(i)))
                .transpose()?,
        ),
        Type::BOOL => Box::new(int.map(|i| i != 0)),
        Type::FLOAT8 => Box::new(int.map(|i| i as f64)),
        _ => Box::new(int.map(|i| i as f32)),
    })
}

/// A table or column name quoted for SQL (names come from the catalogue).
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
