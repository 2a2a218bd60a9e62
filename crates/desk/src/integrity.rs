//! Proof that nothing changed: the vault re-hashed, the audit chain walked.

use ippdesk_domain::Id;
use ippdesk_store::tables::{audit, documents};

use crate::{AuditIssue, AuditRow, AuditView, Desk, Result, VaultIssue, VerifyReport};

impl Desk {
    /// The latest `limit` changes, newest first, with who made each.
    pub fn audit_latest(&self, limit: i64) -> Result<Vec<AuditRow>> {
        Ok(audit::latest(&self.store, limit.clamp(1, 100_000))?
            .into_iter()
            .map(|e| AuditRow {
                seq: e.seq,
                at: e.at,
                actor: e.actor,
                action: e.action,
                table: e.entity,
                record: e.entity_id,
            })
            .collect())
    }

    pub fn audit_trail(&self, entity_id: Id) -> Result<Vec<AuditView>> {
        Ok(audit::for_entity(&self.store, entity_id)?
            .into_iter()
            .rev()
            .map(|e| AuditView {
                seq: e.seq,
                at: e.at,
                actor: e.actor,
                action: e.action,
                entity: e.entity,
                before: e.before,
                after: e.after,
                hash: e.hash,
            })
            .collect())
    }

    pub fn verify(&self) -> Result<VerifyReport> {
        let docs = documents::all(&self.store)?;
        let files = self
            .store
            .vault_verify(docs.iter().map(|d| (d.sha256.as_str(), d.size)));
        let vault: Vec<_> = files
            .into_iter()
            .map(|p| VaultIssue {
                documents: docs
                    .iter()
                    .filter(|d| d.sha256 == p.sha256)
                    .map(|d| d.original_name.clone())
                    .collect(),
                sha256: p.sha256,
                problem: p.problem,
            })
            .collect();
        let audit: Vec<_> = audit::verify(&self.store)?
            .into_iter()
            .map(|p| AuditIssue {
                seq: p.seq,
                problem: p.problem,
            })
            .collect();
        let mut unique: Vec<_> = docs.iter().map(|d| d.sha256.as_str()).collect();
        unique.sort_unstable();
        unique.dedup();
        Ok(VerifyReport {
            ok: vault.is_empty() && audit.is_empty(),
            files_checked: unique.len() as u32,
            vault,
            audit_rows: audit::count(&self.store)?,
            audit,
        })
    }
}
