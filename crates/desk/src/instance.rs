//! One app window per database. A second app opened on the same database
//! would run a second search indexer and reminder loop against it; the lock
//! file beside the database says whether another app already holds it. The
//! operating system releases the lock when the holder exits, even by a crash.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{DeskError, ErrorCode, Result};

/// Held while this process is the database's app; released on drop or exit.
pub struct InstanceLock {
    _file: File,
}

pub fn lock_path(db: &Path) -> PathBuf {
    if let Some(Ok(dir)) = crate::team_folder(db) {
        return dir.join("app.lock");
    }
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    db.with_file_name(name)
}

/// Takes the database's app lock; `None` when another app holds it.
pub fn claim(db: &Path) -> Result<Option<InstanceLock>> {
    let path = lock_path(db);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(InstanceLock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(io(&path, e)),
    }
}

fn io(path: &Path, e: std::io::Error) -> DeskError {
    DeskError::new(ErrorCode::Io, format!("Cannot use {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_until_the_first_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ippdesk.sqlite3");
        let first = claim(&db).unwrap();
        assert!(first.is_some());
        assert!(claim(&db).unwrap().is_none());
        assert!(claim(&dir.path().join("other.sqlite3")).unwrap().is_some());
        drop(first);
        assert!(claim(&db).unwrap().is_some());
        assert_eq!(lock_path(&db), dir.path().join("ippdesk.sqlite3.lock"));
    }
}
