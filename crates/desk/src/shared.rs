//! A desk shared between a host's threads (the app's command handlers). The
//! database may have failed to open: then every call answers with that error,
//! so the UI can show it instead of the app dying.

use std::sync::Mutex;

use crate::{Desk, DeskError, ErrorCode, Result};

pub struct SharedDesk(Mutex<Result<Desk>>);

impl SharedDesk {
    pub fn new(desk: Result<Desk>) -> Self {
        SharedDesk(Mutex::new(desk))
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let mut guard = self.0.lock().map_err(|_| {
            DeskError::new(
                ErrorCode::Internal,
                "An earlier action failed badly; restart IPP Desk.",
            )
        })?;
        match guard.as_mut() {
            Ok(desk) => f(desk),
            Err(e) => Err(e.clone()),
        }
    }
}
