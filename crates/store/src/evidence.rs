//! Evidence files wherever a store keeps them: a solo database in the vault
//! folder beside its file (vault.rs), a team database inside itself
//! (team_vault.rs). The desk asks the store; it never sees which.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use crate::sql::Conn;
use crate::vault::{copy_hashing, problem, Stored, Vault, VaultProblem};
use crate::{team_vault, Db, Result, Store, StoreError};

impl Store {
    /// The solo vault folder; `None` for a team database (evidence inside it).
    pub fn vault_folder(&self) -> Option<Vault> {
        match self.sql() {
            Conn::Lite(_) => Some(Vault::beside(self.path())),
            Conn::Pg(_) => None,
        }
    }

    /// How a vault file that no longer matches its hash is mended, to tell
    /// the user: solo, by adding the original again; in the team database,
    /// where nobody may change a stored file, by its administrator.
    pub fn vault_repair_hint(&self) -> &'static str {
        match self.vault_folder() {
            Some(_) => "Attach the original file again to repair it.",
            None => {
                "The team's stored copy cannot be changed from the app: ask the team's \
                 administrator to restore it from a backup."
            }
        }
    }

    /// Where the evidence files are, to show the user.
    pub fn vault_place(&self) -> String {
        match self.vault_folder() {
            Some(v) => v.dir().display().to_string(),
            None => format!("{} (in the database)", self.path().display()),
        }
    }

    /// Stores the file at `src` (once, whoever stored it before); its hash and size.
    pub fn vault_ingest(&mut self, src: &Path) -> Result<Stored> {
        if let Some(v) = self.vault_folder() {
            return v.ingest(src);
        }
        // Hashed first, so a file the database holds is not sent again.
        let open = || File::open(src).map_err(|e| StoreError::io(src, e));
        let (sha256, size) =
            copy_hashing(open()?, &mut io::sink()).map_err(|e| StoreError::io(src, e))?;
        let stored = Stored { sha256, size };
        let new = team_vault::put(self, &stored, open()?).map_err(|e| match e {
            StoreError::Io { source, .. } => StoreError::io(src, source),
            other => other,
        })?;
        self.vault_held_intact(new, &stored)?;
        Ok(stored)
    }

    pub fn vault_ingest_bytes(&mut self, bytes: &[u8]) -> Result<Stored> {
        if let Some(v) = self.vault_folder() {
            return v.ingest_bytes(bytes);
        }
        let (sha256, size) =
            copy_hashing(bytes, &mut io::sink()).map_err(|e| StoreError::io("the evidence", e))?;
        let stored = Stored { sha256, size };
        let new = team_vault::put(self, &stored, bytes)?;
        self.vault_held_intact(new, &stored)?;
        Ok(stored)
    }

    /// A file the team database already held is read back: adding it again
    /// is how a user would mend a damaged copy, and here that cannot work,
    /// so it is said instead of passing in silence.
    fn vault_held_intact(&self, new: bool, stored: &Stored) -> Result<()> {
        match (new, self.vault_problem(&stored.sha256, stored.size)) {
            (false, Some(problem)) => Err(StoreError::Corrupt(format!(
                "the team's stored copy of this file ({}) is damaged ({problem}). {}",
                stored.sha256,
                self.vault_repair_hint()
            ))),
            _ => Ok(()),
        }
    }

    /// Writes the stored file to `dst`, re-hashing it: the inner `Err` says
    /// how it no longer matches `sha256` and `size`, and what was written is
    /// then not the evidence.
    pub fn vault_copy_out(
        &self,
        sha256: &str,
        size: u64,
        dst: &mut dyn Write,
    ) -> io::Result<std::result::Result<(), String>> {
        match self.vault_folder() {
            Some(v) => v.copy_out(sha256, size, dst),
            None => team_vault::copy_out(self.sql(), sha256, size, dst),
        }
    }

    /// What is wrong with the stored file, if anything.
    pub fn vault_problem(&self, sha256: &str, size: u64) -> Option<String> {
        problem(self.vault_copy_out(sha256, size, &mut io::sink()))
    }

    /// The stored file's bytes, re-hashed: `Err` says what is wrong. For
    /// files that are used whole (an image drawn into a packet).
    pub fn vault_read(&self, sha256: &str, size: u64) -> std::result::Result<Vec<u8>, String> {
        let mut bytes = Vec::with_capacity(size.min(64 << 20) as usize);
        match problem(self.vault_copy_out(sha256, size, &mut bytes)) {
            Some(p) => Err(p),
            None => Ok(bytes),
        }
    }

    /// Re-hashes each expected file once; names every one missing or changed.
    pub fn vault_verify<'a>(
        &self,
        expected: impl IntoIterator<Item = (&'a str, u64)>,
    ) -> Vec<VaultProblem> {
        let mut seen = std::collections::BTreeSet::new();
        expected
            .into_iter()
            .filter(|(sha, _)| seen.insert(*sha))
            .filter_map(|(sha, size)| {
                self.vault_problem(sha, size).map(|problem| VaultProblem {
                    sha256: sha.to_string(),
                    problem,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team_vault::PART;
    use crate::testing::each_store;
    use crate::Backend;

    /// How many files the store's vault holds.
    fn files(store: &Store) -> i64 {
        match store.vault_folder() {
            Some(v) => std::fs::read_dir(v.dir()).map_or(0, |d| d.count() as i64),
            None => store
                .sql()
                .value("SELECT count(*) FROM vault_files", &[])
                .unwrap(),
        }
    }

    /// Changes the stored bytes `at`..`at + 5` of `sha256` to `XXXXX`.
    fn damage(store: &Store, sha256: &str, at: usize) {
        match store.vault_folder() {
            Some(v) => {
                let path = v.path_of(sha256).unwrap();
                let mut bytes = std::fs::read(&path).unwrap();
                bytes[at..at + 5].copy_from_slice(b"XXXXX");
                let mut perms = std::fs::metadata(&path).unwrap().permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                perms.set_readonly(false);
                std::fs::set_permissions(&path, perms).unwrap();
                std::fs::write(&path, bytes).unwrap();
            }
            None => {
                let (n, offset) = (at / PART, at % PART + 1);
                crate::tables::audit::raw_execute(
                    store,
                    &format!(
                        "UPDATE vault_parts SET data = overlay(data placing 'XXXXX'::bytea \
                         from {offset}) WHERE sha256 = '{sha256}' AND n = {n}"
                    ),
                )
                .unwrap();
            }
        }
    }

    /// A file of several parts (on PostgreSQL: 3) is stored once whether it
    /// comes from a file or from memory, comes back byte for byte, and any
    /// change to it, or a part gone, is named by `vault_verify`.
    #[test]
    fn evidence_is_stored_once_comes_back_whole_and_damage_is_named() {
        each_store(|mut store| {
            let dir = tempfile::tempdir().unwrap();
            let video: Vec<u8> = (0..PART * 5 / 2).map(|i| (i * 7 % 251) as u8).collect();
            let path = dir.path().join("试购录像.mp4");
            std::fs::write(&path, &video).unwrap();
            let a = store.vault_ingest(&path).unwrap();
            let b = store.vault_ingest_bytes(&video).unwrap();
            assert_eq!(a, b);
            assert_eq!(a.size, video.len() as u64);
            assert_eq!(files(&store), 1);
            let mut out = Vec::new();
            assert_eq!(
                store.vault_copy_out(&a.sha256, a.size, &mut out).unwrap(),
                Ok(())
            );
            assert!(out == video, "the same bytes back");
            let empty = store.vault_ingest_bytes(b"").unwrap();
            assert_eq!(store.vault_read(&empty.sha256, 0).unwrap(), b"");
            assert_eq!(files(&store), 2);
            assert!(store
                .vault_verify([(a.sha256.as_str(), a.size), (empty.sha256.as_str(), 0)])
                .is_empty());

            let absent = "0".repeat(64);
            assert_eq!(
                store.vault_problem(&absent, 3).as_deref(),
                Some("missing from the vault")
            );
            assert!(store
                .vault_problem("../../etc/passwd", 3)
                .unwrap()
                .contains("not a vault file name"));
            assert_eq!(
                store.vault_read(&a.sha256, a.size + 1).unwrap_err(),
                "size changed"
            );
            let missing = std::path::Path::new("/no/such/证据.png");
            let err = store.vault_ingest(missing).unwrap_err();
            assert!(err.to_string().contains("证据.png"), "{err}");

            // Damage in the last part is found, and named with its new hash.
            damage(&store, &a.sha256, PART * 2 + 10);
            let problems = store.vault_verify([
                (a.sha256.as_str(), a.size),
                (a.sha256.as_str(), a.size),
                (empty.sha256.as_str(), 0),
            ]);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].sha256, a.sha256);
            assert!(problems[0]
                .problem
                .contains("content changed (now hashes to"));
            assert!(store.vault_read(&a.sha256, a.size).is_err());
        });
    }

    /// On PostgreSQL: a part gone is named; content that no longer hashes
    /// as it did when first read is refused with nothing stored; and two
    /// stores of the same file leave one.
    #[test]
    fn the_team_vault_refuses_changed_content_and_names_a_missing_part() {
        each_store(|mut store| {
            if store.backend() != Backend::Postgres {
                return;
            }
            let doc: Vec<u8> = (0..PART + 100).map(|i| (i % 13) as u8).collect();
            let s = store.vault_ingest_bytes(&doc).unwrap();
            crate::tables::audit::raw_execute(
                &store,
                &format!(
                    "DELETE FROM vault_parts WHERE sha256 = '{}' AND n = 1",
                    s.sha256
                ),
            )
            .unwrap();
            assert_eq!(
                store.vault_problem(&s.sha256, s.size).as_deref(),
                Some("part 2 of 2 is missing")
            );

            let claimed = Stored {
                sha256: "ab".repeat(32),
                size: 4,
            };
            let err = team_vault::put(&mut store, &claimed, &b"evil"[..]).unwrap_err();
            assert!(
                err.to_string()
                    .contains("changed while it was being stored"),
                "{err}"
            );
            assert_eq!(files(&store), 1);
            assert_eq!(
                store.vault_problem(&claimed.sha256, 4).as_deref(),
                Some("missing from the vault")
            );
            assert!(
                !team_vault::put(&mut store, &s, &doc[..]).unwrap(),
                "already stored"
            );
            assert_eq!(files(&store), 1);
        });
    }
}
