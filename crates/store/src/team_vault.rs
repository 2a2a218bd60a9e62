//! The team edition's vault: evidence files inside the PostgreSQL database
//! (migrations/pg/0002_vault.sql), content-addressed as the solo folder is,
//! in parts of at most [`PART`] bytes, so a file of any size is sent and
//! read back a part at a time and never held whole in memory.

use std::io::{self, Read, Write};

use sha2::{Digest, Sha256};

use crate::sql::Conn;
use crate::vault::{is_sha256_hex, judge, Stored, NOT_A_NAME};
use crate::{Db, Result, Store, StoreError, Tx};

/// 1 MiB: one row, one round trip; large enough that a 1 GB file is a
/// thousand statements, small enough to stay far from bytea's limits.
pub const PART: usize = 1 << 20;

/// Stores the content `src` yields, which a first reading found to be
/// `expected`; it is hashed again as it is sent, so content that changed in
/// between is refused and nothing is stored. A file the database already
/// holds (from anyone) is not sent again.
pub(crate) fn put(store: &mut Store, expected: &Stored, src: impl Read) -> Result<bool> {
    store.write(|tx| put_in(tx, expected, src))
}

/// [`put`] inside a transaction the caller commits (an import).
pub(crate) fn put_in(tx: &Tx, expected: &Stored, mut src: impl Read) -> Result<bool> {
    {
        let sql = tx.sql();
        let parts = expected.size.div_ceil(PART as u64) as i64;
        // First the file's row: a second desktop storing the same file at
        // the same moment waits here for the first, then finds it stored.
        let new = sql.pg_execute(
            "INSERT INTO vault_files (sha256, size, parts) VALUES ($1, $2, $3)
             ON CONFLICT (sha256) DO NOTHING",
            &[&expected.sha256, &(expected.size as i64), &parts],
        )?;
        if new == 0 {
            return Ok(false);
        }
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; PART];
        let (mut n, mut size) = (0i64, 0u64);
        loop {
            let got = fill(&mut src, &mut buf).map_err(|e| StoreError::io("the file", e))?;
            if got == 0 {
                break;
            }
            hasher.update(&buf[..got]);
            sql.pg_execute(
                "INSERT INTO vault_parts (sha256, n, data) VALUES ($1, $2, $3)",
                &[&expected.sha256, &n, &&buf[..got]],
            )?;
            n += 1;
            size += got as u64;
        }
        let sha256 = hex::encode(hasher.finalize());
        if sha256 != expected.sha256 || size != expected.size {
            return Err(StoreError::io(
                "the file",
                io::Error::other("it changed while it was being stored; nothing was stored"),
            ));
        }
        Ok(true)
    }
}

/// Reads until `buf` is full or the source ends; the bytes read.
fn fill(src: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match src.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Writes the stored file to `dst` a part at a time, hashing it: the inner
/// `Err` says how it no longer matches `sha256` and `size` (what was written
/// is then not the evidence). A database error is an `io::Error`.
pub(crate) fn copy_out(
    sql: Conn,
    sha256: &str,
    size: u64,
    dst: &mut dyn Write,
) -> io::Result<std::result::Result<(), String>> {
    if !is_sha256_hex(sha256) {
        return Ok(Err(NOT_A_NAME.into()));
    }
    let db = |e: StoreError| io::Error::other(e.to_string());
    let parts: Option<i64> = sql
        .query_opt(
            "SELECT parts FROM vault_files WHERE sha256 = $1",
            &[&sha256],
            |r| r.get(0),
        )
        .map_err(db)?;
    let Some(parts) = parts else {
        return Ok(Err("missing from the vault".into()));
    };
    let mut hasher = Sha256::new();
    let mut actual_size = 0u64;
    for n in 0..parts {
        let data: Option<Vec<u8>> = sql
            .query_opt(
                "SELECT data FROM vault_parts WHERE sha256 = $1 AND n = $2",
                &[&sha256, &n],
                |r| r.get(0),
            )
            .map_err(db)?;
        let Some(data) = data else {
            return Ok(Err(format!("part {} of {parts} is missing", n + 1)));
        };
        hasher.update(&data);
        dst.write_all(&data)?;
        actual_size += data.len() as u64;
    }
    Ok(judge(
        sha256,
        size,
        &hex::encode(hasher.finalize()),
        actual_size,
    ))
}
