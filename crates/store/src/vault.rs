//! The vault: files copied into a folder beside the database, each named by
//! the SHA-256 of its content, written once and never modified. The same file
//! added twice is stored once.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Result, StoreError};

pub struct Vault {
    dir: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VaultProblem {
    pub sha256: String,
    pub problem: String,
}

impl Vault {
    /// The vault that belongs to the database at `db_path`.
    pub fn beside(db_path: &Path) -> Vault {
        let dir = db_path.parent().unwrap_or(Path::new(".")).join("vault");
        Vault { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.dir.join(sha256)
    }

    /// Copies `src` in, hashing while copying; returns its hash and size.
    pub fn ingest(&self, src: &Path) -> Result<Stored> {
        let file = File::open(src).map_err(|e| StoreError::io(src, e))?;
        self.ingest_reader(file).map_err(|e| match e {
            StoreError::Io { source, .. } if source.kind() != io::ErrorKind::Other => {
                StoreError::io(src, source)
            }
            other => other,
        })
    }

    pub fn ingest_bytes(&self, bytes: &[u8]) -> Result<Stored> {
        self.ingest_reader(bytes)
    }

    fn ingest_reader(&self, mut src: impl Read) -> Result<Stored> {
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        // Write to a temporary name first: a half-copied file never carries a hash name.
        let mut tmp = tempfile_in(&self.dir)?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = src.read(&mut buf).map_err(|e| StoreError::io(&tmp.0, e))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            tmp.1
                .write_all(&buf[..n])
                .map_err(|e| StoreError::io(&tmp.0, e))?;
            size += n as u64;
        }
        tmp.1.sync_all().map_err(|e| StoreError::io(&tmp.0, e))?;
        drop(tmp.1);
        let sha256 = hex::encode(hasher.finalize());
        let dest = self.path_of(&sha256);
        if dest.exists() {
            let _ = fs::remove_file(&tmp.0);
        } else {
            fs::rename(&tmp.0, &dest).map_err(|e| StoreError::io(&dest, e))?;
            let mut perms = fs::metadata(&dest)
                .map_err(|e| StoreError::io(&dest, e))?
                .permissions();
            perms.set_readonly(true);
            fs::set_permissions(&dest, perms).map_err(|e| StoreError::io(&dest, e))?;
        }
        Ok(Stored { sha256, size })
    }

    /// Re-hashes each expected file; names every one missing or changed.
    pub fn verify<'a>(
        &self,
        expected: impl IntoIterator<Item = (&'a str, u64)>,
    ) -> Result<Vec<VaultProblem>> {
        let mut problems = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (sha, size) in expected {
            if !seen.insert(sha.to_string()) {
                continue;
            }
            let path = self.path_of(sha);
            let problem = match hash_file(&path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    Some("missing from the vault".to_string())
                }
                Err(e) => Some(format!("unreadable: {e}")),
                Ok((actual, _)) if actual != sha => {
                    Some(format!("content changed (now hashes to {actual})"))
                }
                Ok((_, actual_size)) if actual_size != size => Some("size changed".to_string()),
                Ok(_) => None,
            };
            if let Some(problem) = problem {
                problems.push(VaultProblem {
                    sha256: sha.to_string(),
                    problem,
                });
            }
        }
        Ok(problems)
    }
}

pub fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut f = File::open(path)?;
    let mut hasher = Sha256::new();
    // 256 KiB reads: io::copy's 8 KiB buffer costs a fifth of the throughput.
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), size))
}

fn tempfile_in(dir: &Path) -> Result<(PathBuf, File)> {
    let path = dir.join(format!(".incoming-{}", uuid::Uuid::now_v7()));
    let file = File::create(&path).map_err(|e| StoreError::io(&path, e))?;
    Ok((path, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_file_twice_is_stored_once_and_verify_names_damage() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::beside(&dir.path().join("db.sqlite3"));
        let src = dir.path().join("证书.png");
        fs::write(&src, b"certificate page 1").unwrap();
        let a = v.ingest(&src).unwrap();
        let b = v.ingest_bytes(b"certificate page 1").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.size, 18);
        assert_eq!(fs::read_dir(v.dir()).unwrap().count(), 1);
        let (sha, _) = hash_file(&v.path_of(&a.sha256)).unwrap();
        assert_eq!(sha, a.sha256);

        let c = v.ingest_bytes(b"other").unwrap();
        assert!(v
            .verify([(a.sha256.as_str(), a.size), (c.sha256.as_str(), c.size)])
            .unwrap()
            .is_empty());

        // Damage one file and remove the other.
        let pa = v.path_of(&a.sha256);
        let mut perms = fs::metadata(&pa).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&pa, perms).unwrap();
        fs::write(&pa, b"certificate page X").unwrap();
        fs::remove_file(v.path_of(&c.sha256)).unwrap();
        let problems = v
            .verify([(a.sha256.as_str(), a.size), (c.sha256.as_str(), c.size)])
            .unwrap();
        assert_eq!(problems.len(), 2);
        assert!(problems[0].problem.contains("changed"));
        assert_eq!(problems[1].sha256, c.sha256);
        assert!(problems[1].problem.contains("missing"));
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::beside(&dir.path().join("db.sqlite3"));
        let err = v.ingest(&dir.path().join("nope.pdf")).unwrap_err();
        assert!(err.to_string().contains("nope.pdf"), "{err}");
    }
}
