//! A desk shared between a host's threads (the app's command handlers).
//!
//! Writes take the one writer; reads take a reader connection of their own
//! (SQLite in WAL mode lets readers run beside a writer), so a page loads
//! while an import holds the writer. The database may have failed to open:
//! then every call answers with that error, so the UI can show it instead of
//! the app dying. A command that panics answers `internal` and the desk
//! stays usable: its transaction rolled back as the panic unwound.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;

use crate::{Desk, DeskError, ErrorCode, Result};

/// Idle readers kept open; more are opened when needed and closed after.
const IDLE_READERS: usize = 4;

pub struct SharedDesk {
    writer: Mutex<Result<Desk>>,
    /// Where readers come from: the writer's database and fixed "today".
    source: Option<(PathBuf, Option<NaiveDate>)>,
    readers: Mutex<Vec<Desk>>,
    jobs: Mutex<HashMap<String, Arc<AtomicBool>>>,
}

impl SharedDesk {
    pub fn new(desk: Result<Desk>) -> Self {
        let source = desk
            .as_ref()
            .ok()
            .map(|d| (d.db_source().to_path_buf(), d.today));
        SharedDesk {
            writer: Mutex::new(desk),
            source,
            readers: Mutex::new(Vec::new()),
            jobs: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `f` on the writer (one at a time).
    pub fn with<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let mut guard = lock(&self.writer);
        match guard.as_mut() {
            Ok(desk) => catching_panics(|| f(desk)),
            Err(e) => Err(e.clone()),
        }
    }

    /// Runs `f` on a reader connection; `f` must not write.
    pub fn read<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let Some(mut desk) = self.take_reader()? else {
            // No reader could be opened: the writer serves the read.
            return self.with(f);
        };
        let out = catch_unwind(AssertUnwindSafe(|| f(&mut desk)));
        match out {
            Ok(r) => {
                let mut idle = lock(&self.readers);
                if idle.len() < IDLE_READERS {
                    idle.push(desk);
                }
                r
            }
            // A reader that panicked is dropped, not reused.
            Err(p) => Err(panicked(p)),
        }
    }

    fn take_reader(&self) -> Result<Option<Desk>> {
        if let Some(d) = lock(&self.readers).pop() {
            return Ok(Some(d));
        }
        let Some((path, today)) = &self.source else {
            // The database failed to open: answer with that error.
            return self.with(|_| Ok(None));
        };
        Ok(Desk::open_reader(path).ok().map(|mut d| {
            d.today = *today;
            d
        }))
    }

    /// A cancel flag for the long job `id`; the job stops when the host calls
    /// [`SharedDesk::cancel`] with the same id. Forgotten when dropped.
    pub fn job(&self, id: &str) -> JobFlag<'_> {
        let flag = Arc::new(AtomicBool::new(false));
        lock(&self.jobs).insert(id.to_string(), flag.clone());
        JobFlag {
            desk: self,
            id: id.to_string(),
            flag,
        }
    }

    /// Asks the job `id` to stop; false when no such job runs.
    pub fn cancel(&self, id: &str) -> bool {
        match lock(&self.jobs).get(id) {
            Some(f) => {
                f.store(true, std::sync::atomic::Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

pub struct JobFlag<'a> {
    desk: &'a SharedDesk,
    id: String,
    flag: Arc<AtomicBool>,
}

impl JobFlag<'_> {
    pub fn flag(&self) -> &AtomicBool {
        &self.flag
    }
}

impl Drop for JobFlag<'_> {
    fn drop(&mut self) {
        lock(&self.desk.jobs).remove(&self.id);
    }
}

/// Runs `f`, turning a panic into an `internal` error for the caller.
pub(crate) fn catching_panics<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| Err(panicked(p)))
}

fn panicked(payload: Box<dyn std::any::Any + Send>) -> DeskError {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    DeskError::new(
        ErrorCode::Internal,
        format!("This action failed unexpectedly and nothing of it was saved; other actions still work. ({what})"),
    )
}

/// A lock whose holder panicked is still usable: every write is one
/// transaction, rolled back as the panic unwound.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_action_leaves_the_next_working() {
        let dir = tempfile::tempdir().unwrap();
        let desk = SharedDesk::new(Desk::open(&dir.path().join("t.sqlite3")));
        let e = desk
            .with(|_| -> Result<()> { panic!("index out of bounds") })
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::Internal);
        assert!(e.message.contains("index out of bounds"), "{}", e.message);
        assert!(!e.message.contains("restart"));
        desk.with(|d| d.list_holders()).unwrap();
        let e = desk
            .read(|_| -> Result<()> { panic!("reader broke") })
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::Internal);
        desk.read(|d| d.list_holders()).unwrap();
    }

    #[test]
    fn a_database_that_failed_to_open_answers_every_read_and_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        std::fs::write(&path, "not a database").unwrap();
        let desk = SharedDesk::new(Desk::open(&path));
        let r = desk.read(|d| d.list_holders()).unwrap_err();
        assert_eq!(r.code, ErrorCode::NotADatabase);
        let w = desk.with(|d| d.list_holders()).unwrap_err();
        assert_eq!(w.code, ErrorCode::NotADatabase);
    }

    #[test]
    fn cancel_reaches_the_job_with_that_id_only_while_it_runs() {
        let desk = SharedDesk::new(Err(DeskError::new(ErrorCode::Io, "x")));
        {
            let job = desk.job("import-1");
            assert!(!desk.cancel("import-2"));
            assert!(desk.cancel("import-1"));
            assert!(job.flag().load(std::sync::atomic::Ordering::Relaxed));
        }
        assert!(!desk.cancel("import-1"));
    }
}
