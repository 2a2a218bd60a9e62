//! Documents: files copied into the vault and attached to a record.

use std::path::{Path, PathBuf};

use chrono::Utc;
use ippdesk_domain::{new_id, DocumentKind, Id, OwnerKind};
use ippdesk_store::tables::{
    accounts, agents, complaints, counter_notices, documents, holders, listings, poas, rights,
    sellers, test_purchases,
};
use ippdesk_store::Document;

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
            let stored = self.vault.ingest(path)?;
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
                added_at: Utc::now(),
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
        let stored = self.vault.ingest_bytes(bytes)?;
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
            added_at: Utc::now(),
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
        let path = self.vault.path_of(&d.sha256);
        let bytes = std::fs::read(&path).map_err(|e| io_err(&path, e))?;
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
    /// must never be opened for writing).
    pub fn document_for_viewing(&self, id: Id) -> Result<PathBuf> {
        let d = documents::get(&self.store, id)?;
        let dir = std::env::temp_dir().join("ippdesk-view").join(&d.sha256);
        std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        let safe_name: String = d
            .original_name
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '\0') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let dest = dir.join(safe_name);
        if !dest.exists() {
            std::fs::copy(self.vault.path_of(&d.sha256), &dest).map_err(|e| io_err(&dest, e))?;
        }
        Ok(dest)
    }
}

fn io_err(path: &Path, e: std::io::Error) -> DeskError {
    DeskError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
}
