//! Running SQL on either backend: the embedded SQLite file (solo) or a
//! PostgreSQL server (team). Table modules write each statement once with
//! `$1, $2 …` parameters where both dialects agree, and pick a statement per
//! backend (`Conn::backend`) where they do not. Values are bound and read
//! the way each backend stores them: an id is text in SQLite and `uuid` in
//! PostgreSQL, an instant fixed-width text in SQLite and `timestamptz` in
//! PostgreSQL, a list JSON text in SQLite and `jsonb` in PostgreSQL.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use postgres::types::{IsNull, ToSql as PgToSql, Type};
use rusqlite::types::{ToSqlOutput, Value as LiteValue};
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

use crate::codec::{instant_text, json_text};
use crate::{Result, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A PostgreSQL connection with its prepared statements: the sync client
/// prepares a statement per call otherwise, a second round trip each time.
/// A connection the server dropped (a restart, the network) is made again
/// on the next call outside a transaction; inside one, the call fails and
/// the server has rolled the transaction back.
pub struct PgLink {
    pub(crate) client: postgres::Client,
    url: String,
    statements: HashMap<String, postgres::Statement>,
    pub(crate) in_tx: bool,
}

impl PgLink {
    pub(crate) fn new(client: postgres::Client, url: &str) -> Self {
        PgLink {
            client,
            url: url.to_string(),
            statements: HashMap::new(),
            in_tx: false,
        }
    }

    /// Connects again if the server dropped the connection (not inside a
    /// transaction, which is lost with it).
    pub(crate) fn revive(&mut self) -> Result<()> {
        self.revive_if(self.client.is_closed())
    }

    pub(crate) fn revive_if(&mut self, dropped: bool) -> Result<()> {
        if dropped && !self.in_tx {
            self.client = crate::team::client(&self.url)?;
            self.statements.clear();
        }
        Ok(())
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        self.statements.insert(sql.to_string(), s.clone());
        Ok(s)
    }
}

/// Runs `op` on the link; if the connection turns out to be dropped (and no
/// transaction was open), once more on a new one.
fn on_pg<T>(link: &RefCell<PgLink>, mut op: impl FnMut(&mut PgLink) -> Result<T>) -> Result<T> {
    let mut link = link.borrow_mut();
    link.revive()?;
    match op(&mut link) {
        Err(StoreError::Connect(_)) if !link.in_tx => {
            link.revive_if(true)?;
            op(&mut link)
        }
        other => other,
    }
}

/// A connection a statement runs on: borrowed from the store or a transaction.
#[derive(Clone, Copy)]
pub enum Conn<'a> {
    Lite(&'a rusqlite::Connection),
    Pg(&'a RefCell<PgLink>),
}

/// A value a statement takes, bound as each backend stores it.
pub trait Param {
    fn lite(&self) -> &dyn rusqlite::ToSql;
    fn pg(&self) -> &(dyn PgToSql + Sync);
}

impl<T: rusqlite::ToSql + PgToSql + Sync> Param for T {
    fn lite(&self) -> &dyn rusqlite::ToSql {
        self
    }
    fn pg(&self) -> &(dyn PgToSql + Sync) {
        self
    }
}

/// A record's id: text in SQLite, `uuid` in PostgreSQL.
#[derive(Debug, Clone, Copy)]
pub struct AsId(pub Uuid);

impl rusqlite::ToSql for AsId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(LiteValue::Text(self.0.to_string())))
    }
}

impl PgToSql for AsId {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        self.0.to_sql(ty, out)
    }
    fn accepts(ty: &Type) -> bool {
        <Uuid as PgToSql>::accepts(ty)
    }
    postgres::types::to_sql_checked!();
}

/// An instant compared in SQL: `2026-10-08T15:59:59Z` text in SQLite (text
/// order is time order), `timestamptz` in PostgreSQL.
#[derive(Debug, Clone, Copy)]
pub struct AsInstant(pub DateTime<Utc>);

impl rusqlite::ToSql for AsInstant {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(LiteValue::Text(instant_text(&self.0))))
    }
}

impl PgToSql for AsInstant {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        self.0.to_sql(ty, out)
    }
    fn accepts(ty: &Type) -> bool {
        <DateTime<Utc> as PgToSql>::accepts(ty)
    }
    postgres::types::to_sql_checked!();
}

/// A list or document: JSON text in SQLite, `jsonb` in PostgreSQL.
#[derive(Debug)]
pub struct AsJson(pub serde_json::Value);

impl AsJson {
    pub fn of<T: Serialize>(v: &T) -> AsJson {
        AsJson(serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
    }
}

impl rusqlite::ToSql for AsJson {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(LiteValue::Text(json_text(&self.0))))
    }
}

impl PgToSql for AsJson {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        self.0.to_sql(ty, out)
    }
    fn accepts(ty: &Type) -> bool {
        <serde_json::Value as PgToSql>::accepts(ty)
    }
    postgres::types::to_sql_checked!();
}

/// A column type both backends read the same way (text, integers as i64,
/// f64, bool, dates, timestamps, bytes, and their `Option`s).
pub trait Cell: Sized + rusqlite::types::FromSql + for<'b> postgres::types::FromSql<'b> {}
impl<T: rusqlite::types::FromSql + for<'b> postgres::types::FromSql<'b>> Cell for T {}

/// One result row.
pub enum Row<'a> {
    Lite(&'a rusqlite::Row<'a>),
    Pg(&'a postgres::Row),
}

fn corrupt(i: usize, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("column {i}: {e}"))
}

impl Row<'_> {
    pub fn get<T: Cell>(&self, i: usize) -> Result<T> {
        match self {
            Row::Lite(r) => r.get(i).map_err(|e| corrupt(i, e)),
            Row::Pg(r) => r.try_get(i).map_err(|e| corrupt(i, e)),
        }
    }

    pub fn id(&self, i: usize) -> Result<Uuid> {
        self.opt_id(i)?
            .ok_or_else(|| corrupt(i, "an id is missing"))
    }

    pub fn opt_id(&self, i: usize) -> Result<Option<Uuid>> {
        match self {
            Row::Lite(r) => r
                .get::<_, Option<String>>(i)
                .map_err(|e| corrupt(i, e))?
                .map(|s| Uuid::parse_str(&s).map_err(|e| corrupt(i, e)))
                .transpose(),
            Row::Pg(r) => r.try_get(i).map_err(|e| corrupt(i, e)),
        }
    }

    pub fn instant(&self, i: usize) -> Result<DateTime<Utc>> {
        self.opt_instant(i)?
            .ok_or_else(|| corrupt(i, "an instant is missing"))
    }

    pub fn opt_instant(&self, i: usize) -> Result<Option<DateTime<Utc>>> {
        match self {
            Row::Lite(r) => r
                .get::<_, Option<String>>(i)
                .map_err(|e| corrupt(i, e))?
                .map(|s| {
                    DateTime::parse_from_rfc3339(&s)
                        .map(|t| t.with_timezone(&Utc))
                        .map_err(|e| corrupt(i, e))
                })
                .transpose(),
            Row::Pg(r) => r.try_get(i).map_err(|e| corrupt(i, e)),
        }
    }

    /// An enum stored as its serde name.
    pub fn enumeration<T: DeserializeOwned>(&self, i: usize) -> Result<T> {
        let s: String = self.get(i)?;
        serde_json::from_value(serde_json::Value::String(s)).map_err(|e| corrupt(i, e))
    }

    pub fn opt_enumeration<T: DeserializeOwned>(&self, i: usize) -> Result<Option<T>> {
        let s: Option<String> = self.get(i)?;
        s.map(|s| serde_json::from_value(serde_json::Value::String(s)).map_err(|e| corrupt(i, e)))
            .transpose()
    }

    /// A list or document stored as JSON (text or jsonb).
    pub fn json<T: DeserializeOwned>(&self, i: usize) -> Result<T> {
        self.opt_json(i)?
            .ok_or_else(|| corrupt(i, "a JSON value is missing"))
    }

    pub fn opt_json<T: DeserializeOwned>(&self, i: usize) -> Result<Option<T>> {
        let v: Option<serde_json::Value> = match self {
            Row::Lite(r) => r
                .get::<_, Option<String>>(i)
                .map_err(|e| corrupt(i, e))?
                .map(|s| serde_json::from_str(&s).map_err(|e| corrupt(i, e)))
                .transpose()?,
            Row::Pg(r) => r.try_get(i).map_err(|e| corrupt(i, e))?,
        };
        v.map(|v| serde_json::from_value(v).map_err(|e| corrupt(i, e)))
            .transpose()
    }
}

/// Binds `params` to `$1, $2 …` by name, so a statement may use them in any
/// order or more than once, as in PostgreSQL; a statement still written with
/// `?N` takes them by position.
fn bind_lite(stmt: &mut rusqlite::Statement, params: &[&dyn Param]) -> Result<()> {
    for (n, p) in params.iter().enumerate() {
        let index = match stmt.parameter_index(&format!("${}", n + 1))? {
            Some(i) => i,
            None => n + 1,
        };
        stmt.raw_bind_parameter(index, p.lite())?;
    }
    Ok(())
}

fn pg_params<'p>(params: &'p [&dyn Param]) -> Vec<&'p (dyn PgToSql + Sync)> {
    params.iter().map(|p| p.pg()).collect()
}

impl<'a> Conn<'a> {
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Lite(_) => Backend::Sqlite,
            Conn::Pg(_) => Backend::Postgres,
        }
    }

    /// The statement for this backend, where the dialects differ.
    pub fn pick<'s>(&self, sqlite: &'s str, postgres: &'s str) -> &'s str {
        match self {
            Conn::Lite(_) => sqlite,
            Conn::Pg(_) => postgres,
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[&dyn Param]) -> Result<u64> {
        match self {
            Conn::Lite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                bind_lite(&mut stmt, params)?;
                Ok(stmt.raw_execute()? as u64)
            }
            Conn::Pg(link) => on_pg(link, |link| {
                let stmt = link.statement(sql)?;
                Ok(link.client.execute(&stmt, &pg_params(params))?)
            }),
        }
    }

    /// Runs statements with no parameters (DDL, several at once).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match self {
            Conn::Lite(c) => Ok(c.execute_batch(sql)?),
            Conn::Pg(link) => on_pg(link, |link| Ok(link.client.batch_execute(sql)?)),
        }
    }

    /// Every row, each turned into a `T` by `f`.
    pub fn query<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self {
            Conn::Lite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                bind_lite(&mut stmt, params)?;
                let mut rows = stmt.raw_query();
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Lite(r))?);
                }
                Ok(out)
            }
            Conn::Pg(link) => {
                let rows = on_pg(link, |link| {
                    let stmt = link.statement(sql)?;
                    Ok(link.client.query(&stmt, &pg_params(params))?)
                })?;
                rows.iter().map(|r| f(&Row::Pg(r))).collect()
            }
        }
    }

    /// The first row, if any.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Conn::Lite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                bind_lite(&mut stmt, params)?;
                let mut rows = stmt.raw_query();
                match rows.next()? {
                    Some(r) => Ok(Some(f(&Row::Lite(r))?)),
                    None => Ok(None),
                }
            }
            Conn::Pg(link) => {
                let row = on_pg(link, |link| {
                    let stmt = link.statement(sql)?;
                    Ok(link.client.query_opt(&stmt, &pg_params(params))?)
                })?;
                row.as_ref().map(|r| f(&Row::Pg(r))).transpose()
            }
        }
    }

    /// The first row, which must exist (an aggregate, a row just written).
    pub fn query_one<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| StoreError::Corrupt(format!("no row from: {sql}")))
    }

    /// A single value from the first row.
    pub fn value<T: Cell>(&self, sql: &str, params: &[&dyn Param]) -> Result<T> {
        self.query_one(sql, params, |r| r.get(0))
    }

    /// A PostgreSQL-only statement with PostgreSQL-only parameters (an array
    /// for `= ANY($1)`, where SQLite uses `rarray`). Call it on the
    /// PostgreSQL branch of a `match conn.backend()`.
    pub fn pg_query<T>(
        &self,
        sql: &str,
        params: &[&(dyn PgToSql + Sync)],
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        let Conn::Pg(link) = self else {
            return Err(StoreError::Unsupported(
                "a PostgreSQL statement on SQLite".into(),
            ));
        };
        let rows = on_pg(link, |link| {
            let stmt = link.statement(sql)?;
            Ok(link.client.query(&stmt, params)?)
        })?;
        let mut f = f;
        rows.iter().map(|r| f(&Row::Pg(r))).collect()
    }

    /// As `pg_query`, for a statement that returns no rows.
    pub fn pg_execute(&self, sql: &str, params: &[&(dyn PgToSql + Sync)]) -> Result<u64> {
        let Conn::Pg(link) = self else {
            return Err(StoreError::Unsupported(
                "a PostgreSQL statement on SQLite".into(),
            ));
        };
        on_pg(link, |link| {
            let stmt = link.statement(sql)?;
            Ok(link.client.execute(&stmt, params)?)
        })
    }

    /// The SQLite connection, for code that has no PostgreSQL port yet.
    pub fn lite(&self) -> Result<&'a rusqlite::Connection> {
        match self {
            Conn::Lite(c) => Ok(c),
            Conn::Pg(_) => Err(StoreError::Unsupported(
                "this operation is not available on a team (PostgreSQL) database yet".into(),
            )),
        }
    }
}
