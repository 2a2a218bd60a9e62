//! Which files a host lets a command touch. The webview is not trusted with
//! the file system: a path it sends is used only if a native dialog returned
//! it in this session, the user dropped it on the window, or the app itself
//! wrote it. The CLI's user types paths, so the CLI allows any.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::{DeskError, ErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathUse {
    Read,
    Write,
}

pub trait PathPolicy: Send + Sync {
    fn check(&self, path: &Path, usage: PathUse) -> Result<()>;
    /// The app wrote `path` (a packet): later commands may open it.
    fn wrote(&self, _path: &Path) {}
}

/// Every path allowed: the CLI and tests, where the user names the files.
pub struct AnyPath;

impl PathPolicy for AnyPath {
    fn check(&self, _: &Path, _: PathUse) -> Result<()> {
        Ok(())
    }
}

/// The desktop's policy: only paths granted in this session.
#[derive(Default)]
pub struct GrantedPaths {
    read: Mutex<HashSet<PathBuf>>,
    write: Mutex<HashSet<PathBuf>>,
}

impl GrantedPaths {
    /// A file the user chose in an open dialog or dropped on the window.
    pub fn grant_read(&self, path: &Path) {
        lock(&self.read).insert(path.to_path_buf());
    }

    /// A file the user chose in a save dialog: it may be written, then read.
    pub fn grant_write(&self, path: &Path) {
        lock(&self.write).insert(path.to_path_buf());
        self.grant_read(path);
    }
}

impl PathPolicy for GrantedPaths {
    fn check(&self, path: &Path, usage: PathUse) -> Result<()> {
        let granted = match usage {
            PathUse::Read => lock(&self.read).contains(path),
            PathUse::Write => lock(&self.write).contains(path),
        };
        if granted {
            Ok(())
        } else {
            Err(DeskError::new(
                ErrorCode::Forbidden,
                format!(
                    "IPP Desk did not offer {}: choose the file in the dialog.",
                    path.display()
                ),
            ))
        }
    }

    fn wrote(&self, path: &Path) {
        self.grant_read(path);
    }
}

/// A poisoned set is still a set of paths.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_granted_paths_pass_and_a_read_grant_does_not_allow_writing() {
        let g = GrantedPaths::default();
        let chosen = Path::new("/home/u/listings.csv");
        assert_eq!(
            g.check(chosen, PathUse::Read).unwrap_err().code,
            ErrorCode::Forbidden
        );
        g.grant_read(chosen);
        g.check(chosen, PathUse::Read).unwrap();
        assert!(g.check(chosen, PathUse::Write).is_err());
        assert!(g.check(Path::new("/etc/passwd"), PathUse::Read).is_err());
        let out = Path::new("/home/u/packet.pdf");
        g.grant_write(out);
        g.check(out, PathUse::Write).unwrap();
        g.check(out, PathUse::Read).unwrap();
        AnyPath.check(Path::new("/bin/sh"), PathUse::Write).unwrap();
    }
}
