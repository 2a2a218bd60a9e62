//! The vault: files copied into a folder beside the database, each named by
//! the SHA-256 of its content, written once and never modified. The same file
//! added twice is stored once.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{atomic, Result, StoreError};

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

    /// The file named `sha256`. Names come from the database, so anything
    /// but 64 lowercase hex characters (a path such as `../x`) is refused.
    pub fn path_of(&self, sha256: &str) -> Result<PathBuf> {
        if is_sha256_hex(sha256) {
            Ok(self.dir.join(sha256))
        } else {
            Err(StoreError::Corrupt(format!("{sha256:?} is {NOT_A_NAME}")))
        }
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

    fn ingest_reader(&self, src: impl Read) -> Result<Stored> {
        self.ensure_dir()?;
        // Write to a temporary name first: a half-copied file never carries a hash name.
        let (tmp, file) = tempfile_in(&self.dir)?;
        let copied = copy_hashing(src, &mut &file).and_then(|c| file.sync_all().map(|()| c));
        drop(file);
        let (sha256, size) = copied.map_err(|e| {
            let _ = fs::remove_file(&tmp);
            StoreError::io(&tmp, e)
        })?;
        let dest = self.dir.join(&sha256);
        // A stored copy that no longer matches its name is replaced: adding
        // the original again is how a damaged vault file is repaired.
        if dest.exists() && self.problem_of(&sha256, size).is_none() {
            let _ = fs::remove_file(&tmp);
        } else {
            self.move_in(&tmp, &dest)?;
        }
        Ok(Stored { sha256, size })
    }

    /// Creates the vault folder, durably: a new folder is an entry of its parent.
    fn ensure_dir(&self) -> Result<()> {
        if self.dir.is_dir() {
            return Ok(());
        }
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        match self.dir.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => {
                atomic::sync_dir(parent).map_err(|e| StoreError::io(parent, e))
            }
            _ => Ok(()),
        }
    }

    /// Renames a complete, synced file to its hash name, read-only, then syncs
    /// the folder: the file is durable before any database row names it.
    fn move_in(&self, tmp: &Path, dest: &Path) -> Result<()> {
        // Windows refuses to rename over a read-only file.
        #[cfg(windows)]
        if let Ok(meta) = fs::metadata(dest) {
            let mut perms = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = fs::set_permissions(dest, perms);
        }
        fs::rename(tmp, dest).map_err(|e| {
            let _ = fs::remove_file(tmp);
            StoreError::io(dest, e)
        })?;
        let mut perms = fs::metadata(dest)
            .map_err(|e| StoreError::io(dest, e))?
            .permissions();
        perms.set_readonly(true);
        fs::set_permissions(dest, perms).map_err(|e| StoreError::io(dest, e))?;
        atomic::sync_dir(&self.dir).map_err(|e| StoreError::io(&self.dir, e))
    }

    /// Writes the stored file `sha256` to `dst`, hashing it as it goes: the
    /// inner `Err` says how it is not the file of `sha256` and `size` (bad
    /// name, missing, unreadable, changed), and what was written is then not
    /// the evidence; the outer one is an error writing to `dst`.
    pub fn copy_out(
        &self,
        sha256: &str,
        size: u64,
        dst: &mut dyn Write,
    ) -> io::Result<std::result::Result<(), String>> {
        let Ok(path) = self.path_of(sha256) else {
            return Ok(Err(NOT_A_NAME.into()));
        };
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Err("missing from the vault".into()))
            }
            Err(e) => return Ok(Err(format!("unreadable: {e}"))),
        };
        let (actual, actual_size) = copy_hashing(file, &mut WriteTo(dst))?;
        Ok(judge(sha256, size, &actual, actual_size))
    }

    /// What is wrong with the stored file `sha256` of `size` bytes, if
    /// anything: a bad name, missing, unreadable, or no longer its hash.
    pub fn problem_of(&self, sha256: &str, size: u64) -> Option<String> {
        problem(self.copy_out(sha256, size, &mut io::sink()))
    }
}

pub(crate) const NOT_A_NAME: &str = "not a vault file name (64 lowercase hex characters)";

/// How content that hashed to `actual` (`actual_size` bytes) falls short of
/// the file `sha256` of `size` bytes, if it does.
pub(crate) fn judge(
    sha256: &str,
    size: u64,
    actual: &str,
    actual_size: u64,
) -> std::result::Result<(), String> {
    if actual != sha256 {
        Err(format!("content changed (now hashes to {actual})"))
    } else if actual_size != size {
        Err("size changed".into())
    } else {
        Ok(())
    }
}

/// A copy's outcome as one problem: an error while reading counts as one.
pub(crate) fn problem(copied: io::Result<std::result::Result<(), String>>) -> Option<String> {
    match copied {
        Ok(Ok(())) => None,
        Ok(Err(p)) => Some(p),
        Err(e) => Some(format!("unreadable: {e}")),
    }
}

/// `&mut dyn Write` as a sized writer, for functions generic over one.
struct WriteTo<'a>(&'a mut dyn Write);
impl Write for WriteTo<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// True for a SHA-256 written as 64 lowercase hex characters, the only form
/// a vault file name takes.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

pub fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    copy_hashing(File::open(path)?, &mut io::sink())
}

/// Copies `src` to `dst` and returns the SHA-256 (lowercase hex) and size of
/// what was copied.
pub fn copy_hashing(mut src: impl Read, dst: &mut impl Write) -> io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    // 256 KiB reads: io::copy's 8 KiB buffer costs a fifth of the throughput.
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        dst.write_all(&buf[..n])?;
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

    fn read_intact(v: &Vault, sha256: &str, size: u64) -> std::result::Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        match problem(v.copy_out(sha256, size, &mut bytes)) {
            Some(p) => Err(p),
            None => Ok(bytes),
        }
    }

    fn problems(v: &Vault, files: &[(&str, u64)]) -> Vec<String> {
        files
            .iter()
            .filter_map(|(sha, size)| v.problem_of(sha, *size))
            .collect()
    }

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
        let (sha, _) = hash_file(&v.path_of(&a.sha256).unwrap()).unwrap();
        assert_eq!(sha, a.sha256);

        let c = v.ingest_bytes(b"other").unwrap();
        assert!(problems(&v, &[(&a.sha256, a.size), (&c.sha256, c.size)]).is_empty());

        // Damage one file and remove the other.
        let pa = v.path_of(&a.sha256).unwrap();
        let mut perms = fs::metadata(&pa).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&pa, perms).unwrap();
        fs::write(&pa, b"certificate page X").unwrap();
        fs::remove_file(v.path_of(&c.sha256).unwrap()).unwrap();
        let found = problems(&v, &[(&a.sha256, a.size), (&c.sha256, c.size)]);
        assert_eq!(found.len(), 2);
        assert!(found[0].contains("changed"), "{found:?}");
        assert!(found[1].contains("missing"), "{found:?}");
        assert!(read_intact(&v, &a.sha256, a.size)
            .unwrap_err()
            .contains("changed"));
        assert!(read_intact(&v, &c.sha256, c.size)
            .unwrap_err()
            .contains("missing"));
        let d = v.ingest_bytes(b"intact").unwrap();
        assert_eq!(read_intact(&v, &d.sha256, d.size).unwrap(), b"intact");
        assert_eq!(read_intact(&v, &d.sha256, 5).unwrap_err(), "size changed");

        // Adding the original again repairs the damaged copy.
        v.ingest_bytes(b"certificate page 1").unwrap();
        assert_eq!(v.problem_of(&a.sha256, a.size), None);
        assert!(fs::metadata(&pa).unwrap().permissions().readonly());
        assert_eq!(
            fs::read_dir(v.dir()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }

    #[test]
    fn only_lowercase_sha256_hex_names_a_vault_file() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::beside(&dir.path().join("db.sqlite3"));
        let good = "0123456789abcdef".repeat(4);
        assert_eq!(v.path_of(&good).unwrap(), v.dir().join(&good));
        let bad = [
            String::new(),
            "../../etc/passwd".to_string(),
            "ab".repeat(32).to_uppercase(),
            "ab".repeat(31),
            "ab".repeat(33),
            format!("{}/", "a".repeat(63)),
            format!("{}\0", "a".repeat(63)),
            format!("{}é", "a".repeat(62)),
            format!("/{}", "a".repeat(63)),
            format!("{}g", "a".repeat(63)),
        ];
        for name in &bad {
            assert!(!is_sha256_hex(name), "{name:?}");
            let err = v.path_of(name).unwrap_err();
            assert!(err.to_string().contains("not a vault file name"), "{err}");
            assert!(v
                .problem_of(name, 1)
                .unwrap()
                .contains("not a vault file name"));
            assert!(read_intact(&v, name, 1).is_err());
        }
    }

    #[test]
    fn a_failed_ingest_leaves_no_temporary_file() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(
                    io::ErrorKind::BrokenPipe,
                    "source went away",
                ))
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::beside(&dir.path().join("db.sqlite3"));
        assert!(v.ingest_reader(Broken).is_err());
        assert_eq!(fs::read_dir(v.dir()).unwrap().count(), 0);
    }

    #[test]
    fn a_missing_source_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::beside(&dir.path().join("db.sqlite3"));
        let err = v.ingest(&dir.path().join("nope.pdf")).unwrap_err();
        assert!(err.to_string().contains("nope.pdf"), "{err}");
    }
}
