//! Documents: files copied into the vault and attached to a record.

use std::path::{Path, PathBuf};

use ippdesk_domain::{new_id, DocumentKind, Id, OwnerKind};
use ippdesk_store::atomic;
use ippdesk_store::tables::{
    accounts, agents, complaints, counter_notices, documents, holders, listings, poas, rights,
    sellers, test_purchases,
};
use ippdesk_store::vault::hash_file;
use ippdesk_store::Document;

use crate::packets::safe_file_name;
use crate::{AttachInput, Desk, DeskError, DocumentView, ErrorCode, EvidenceFacts, Result};

impl From<Document> for DocumentView {
    fn from(d: Document) -> Self {
        DocumentView {
            id: d.id,
            owner_kind: d.owner_kind,
            owner_id: d.owner_id,
            doc_kind: d.doc_kind,
            sha256: d.sha256,
            original_name: d.original_name,
            size: d.size,
            media_type: d.media_type,
            added_at: d.added_at,
            captured_at: d.captured_at,
            captured_by: d.captured_by,
            source_url: d.source_url,
            notes: d.notes,
        }
    }
}

impl Desk {
    pub(crate) fn documents_of(&self, kind: OwnerKind, owner: Id) -> Result<Vec<DocumentView>> {
        Ok(documents::for_owner(&self.store, kind, owner)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    fn check_owner(&self, kind: OwnerKind, id: Id) -> Result<()> {
        match kind {
            OwnerKind::Holder => holders::get(&self.store, id).map(drop),
            OwnerKind::Agent => agents::get(&self.store, id).map(drop),
            OwnerKind::Poa => poas::get(&self.store, id).map(drop),
            OwnerKind::Account => accounts::get(&self.store, id).map(drop),
            OwnerKind::Right => rights::get(&self.store, id).map(drop),
            OwnerKind::Complaint => complaints::get(&self.store, id).map(drop),
            OwnerKind::Listing => listings::get(&self.store, id).map(drop),
            OwnerKind::Seller => sellers::get(&self.store, id).map(drop),
            OwnerKind::TestPurchase => test_purchases::get(&self.store, id).map(drop),
            OwnerKind::CounterNotice => counter_notices::get(&self.store, id).map(drop),
        }?;
        Ok(())
    }

    /// Copies each file into the vault and attaches it, all in one transaction:
    /// if any file cannot be read, nothing is attached.
    pub fn attach(&mut self, input: AttachInput) -> Result<Vec<DocumentView>> {
        self.check_owner(input.owner_kind, input.owner_id)?;
        if input.paths.is_empty() {
            return Err(DeskError::new(
                ErrorCode::Validation,
                "Choose at least one file.",
            ));
        }
        let facts = input.facts.clone().unwrap_or_default();
        let mut docs = Vec::with_capacity(input.paths.len());
        for p in &input.paths {
            let path = Path::new(p);
            if path.is_dir() {
                return Err(DeskError::new(
                    ErrorCode::Io,
                    format!("{p} is a folder; attach the files inside it."),
                ));
            }
            let stored = self.store.vault_ingest(path)?;
            let name = path
                .file_name()
                .map_or_else(|| p.clone(), |n| n.to_string_lossy().into_owned());
            docs.push(Document {
                id: new_id(),
                owner_kind: input.owner_kind,
                owner_id: input.owner_id,
                doc_kind: input
                    .doc_kind
                    .unwrap_or_else(|| DocumentKind::guess_evidence(&name)),
                original_name: name,
                media_type: mime_guess::from_path(path)
                    .first_or_octet_stream()
                    .essence_str()
                    .to_string(),
                sha256: stored.sha256,
                size: stored.size,
                added_at: ippdesk_domain::now(),
                captured_at: facts.captured_at,
                captured_by: facts.captured_by.clone(),
                source_url: facts.source_url.clone(),
                notes: facts.notes.clone(),
            });
        }
        self.store
            .write(|tx| docs.iter().try_for_each(|d| documents::insert(tx, d)))?;
        Ok(docs.into_iter().map(Into::into).collect())
    }

    pub(crate) fn attach_bytes(
        &mut self,
        kind: OwnerKind,
        owner: Id,
        doc_kind: ippdesk_domain::DocumentKind,
        name: &str,
        bytes: &[u8],
    ) -> Result<DocumentView> {
        self.attach_evidence_bytes(kind, owner, doc_kind, name, bytes, EvidenceFacts::default())
    }

    pub(crate) fn attach_evidence_bytes(
        &mut self,
        kind: OwnerKind,
        owner: Id,
        doc_kind: ippdesk_domain::DocumentKind,
        name: &str,
        bytes: &[u8],
        facts: EvidenceFacts,
    ) -> Result<DocumentView> {
        let stored = self.store.vault_ingest_bytes(bytes)?;
        let d = Document {
            id: new_id(),
            owner_kind: kind,
            owner_id: owner,
            doc_kind,
            original_name: name.to_string(),
            media_type: mime_guess::from_path(name)
                .first_or_octet_stream()
                .essence_str()
                .to_string(),
            sha256: stored.sha256,
            size: stored.size,
            added_at: ippdesk_domain::now(),
            captured_at: facts.captured_at,
            captured_by: facts.captured_by,
            source_url: facts.source_url,
            notes: facts.notes,
        };
        self.store.write(|tx| documents::insert(tx, &d))?;
        Ok(d.into())
    }

    /// An image document as a `data:` URL for thumbnails (the webview has no
    /// file access). Non-images and very large files get `None`.
    pub fn document_data_url(&self, id: Id) -> Result<Option<String>> {
        use base64::Engine;
        const MAX_THUMBNAIL_SOURCE: u64 = 12 * 1024 * 1024;
        let d = documents::get(&self.store, id)?;
        if !d.media_type.starts_with("image/") || d.size > MAX_THUMBNAIL_SOURCE {
            return Ok(None);
        }
        let bytes = self
            .store
            .vault_read(&d.sha256, d.size)
            .map_err(|problem| {
                self.damaged(&d.original_name, &d.sha256, &problem, "it was not shown")
            })?;
        Ok(Some(format!(
            "data:{};base64,{}",
            d.media_type,
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )))
    }

    pub fn detach(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| documents::delete(tx, id))?)
    }

    /// A copy of the document under its original name in a temporary folder,
    /// for the system viewer (vault files carry only their hash as a name and
    /// must never be opened for writing). A copy left by an earlier view may
    /// have been edited there, so it is reused only while it still hashes to
    /// the document; otherwise a fresh one is written, checked as it is copied.
    /// A document's vault file no longer matches its hash: what happened
    /// instead (`outcome`), and how to mend it on this edition.
    pub(crate) fn damaged(
        &self,
        name: &str,
        sha256: &str,
        problem: &str,
        outcome: &str,
    ) -> DeskError {
        DeskError::new(
            ErrorCode::Io,
            format!(
                "{name} no longer matches its SHA-256 {sha256} in the vault ({problem}), so \
                 {outcome}. {} Verify (Settings) lists every damaged file.",
                self.store.vault_repair_hint()
            ),
        )
    }

    /// Copies the document's vault file to `dest` whole or not at all,
    /// refusing it if it no longer matches its hash.
    fn fresh_copy(&self, d: &Document, dest: &Path) -> Result<()> {
        let mut damage = None;
        let written = atomic::write_file(dest, |w| {
            damage = self.store.vault_copy_out(&d.sha256, d.size, w)?.err();
            match damage {
                None => Ok(()),
                Some(_) => Err(std::io::Error::other("the vault file changed")),
            }
        });
        if let Some(problem) = damage {
            return Err(self.damaged(&d.original_name, &d.sha256, &problem, "it was not opened"));
        }
        Ok(written?)
    }

    pub fn document_for_viewing(&self, id: Id) -> Result<PathBuf> {
        let d = documents::get(&self.store, id)?;
        let dir = std::env::temp_dir().join("ippdesk-view").join(&d.sha256);
        std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        let dest = dir.join(safe_file_name(&d.original_name));
        let unchanged =
            matches!(hash_file(&dest), Ok((sha, size)) if sha == d.sha256 && size == d.size);
        if !unchanged {
            self.fresh_copy(&d, &dest)?;
        }
        Ok(dest)
    }
}

fn io_err(path: &Path, e: std::io::Error) -> DeskError {
    DeskError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lets a test change a read-only vault file.
    fn make_writable(path: &Path) {
        let mut perms = std::fs::metadata(path).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(path, perms).unwrap();
    }

    #[test]
    fn an_edited_viewing_copy_is_replaced_and_a_damaged_vault_file_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::open(&dir.path().join("db.sqlite3")).unwrap();
        // Unique content: viewing copies live in the shared temp folder.
        let content = format!("test purchase receipt {}", new_id());
        let d = desk
            .attach_bytes(
                OwnerKind::Holder,
                new_id(),
                DocumentKind::Other,
                "../收据.txt",
                content.as_bytes(),
            )
            .unwrap();
        let view_dir = std::env::temp_dir().join("ippdesk-view").join(&d.sha256);
        let copy = desk.document_for_viewing(d.id).unwrap();
        assert_eq!(copy, view_dir.join(".._收据.txt"));
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), content);

        // Edited in the viewer: the next view gets the evidence again.
        std::fs::write(&copy, "edited in the viewer").unwrap();
        assert_eq!(desk.document_for_viewing(d.id).unwrap(), copy);
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), content);

        // A damaged vault file is never copied out as the evidence.
        let stored = desk
            .store
            .vault_folder()
            .unwrap()
            .path_of(&d.sha256)
            .unwrap();
        make_writable(&stored);
        std::fs::write(&stored, "damaged in the vault").unwrap();
        std::fs::remove_file(&copy).unwrap();
        let err = desk.document_for_viewing(d.id).unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(
            err.message.contains("../收据.txt no longer matches"),
            "{err}"
        );
        assert!(!copy.exists());
        assert_eq!(std::fs::read_dir(&view_dir).unwrap().count(), 0);
        std::fs::remove_dir_all(&view_dir).unwrap();
    }
}
