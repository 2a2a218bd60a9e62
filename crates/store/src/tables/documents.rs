//! Documents: a record's link to a file in the vault, with what the file is.

use chrono::{DateTime, Utc};
use ippdesk_domain::{DocumentKind, Id, OwnerKind};
use serde::{Deserialize, Serialize};

use super::audit;
use crate::codec::{enum_text, not_found};
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: Id,
    pub owner_kind: OwnerKind,
    pub owner_id: Id,
    pub doc_kind: DocumentKind,
    pub sha256: String,
    pub original_name: String,
    pub size: u64,
    pub media_type: String,
    pub added_at: DateTime<Utc>,
    /// Evidence facts (ISO/IEC 27037): when and by whom it was captured, from where.
    pub captured_at: Option<DateTime<Utc>>,
    pub captured_by: String,
    pub source_url: String,
    pub notes: String,
}

const COLUMNS: &str =
    "id, owner_kind, owner_id, doc_kind, sha256, original_name, size, media_type, added_at,
        captured_at, captured_by, source_url, notes";

fn from_row(r: &Row) -> Result<Document> {
    Ok(Document {
        id: r.id(0)?,
        owner_kind: r.enumeration(1)?,
        owner_id: r.id(2)?,
        doc_kind: r.enumeration(3)?,
        sha256: r.get(4)?,
        original_name: r.get(5)?,
        size: r.get::<i64>(6)?.try_into().unwrap_or(0),
        media_type: r.get(7)?,
        added_at: r.get(8)?,
        captured_at: r.get(9)?,
        captured_by: r.get(10)?,
        source_url: r.get(11)?,
        notes: r.get(12)?,
    })
}

pub fn for_owner(db: &impl Db, kind: OwnerKind, owner: Id) -> Result<Vec<Document>> {
    db.sql().query(
        &format!(
            "SELECT {COLUMNS} FROM documents WHERE owner_kind = $1 AND owner_id = $2 ORDER BY added_at, id"
        ),
        &[&kind.as_str(), &AsId(owner)],
        from_row,
    )
}

pub fn all(db: &impl Db) -> Result<Vec<Document>> {
    db.sql().query(
        &format!("SELECT {COLUMNS} FROM documents ORDER BY added_at"),
        &[],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Document> {
    db.sql()
        .query_opt(
            &format!("SELECT {COLUMNS} FROM documents WHERE id = $1"),
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("document", id))
}

pub fn insert(tx: &Tx, d: &Document) -> Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO documents (id, owner_kind, owner_id, doc_kind, sha256, original_name, size, media_type, added_at,
                captured_at, captured_by, source_url, notes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                &AsId(d.id),
                &enum_text(&d.owner_kind),
                &AsId(d.owner_id),
                &enum_text(&d.doc_kind),
                &d.sha256,
                &d.original_name,
                &i64::try_from(d.size).unwrap_or(i64::MAX),
                &d.media_type,
                &d.added_at,
                &d.captured_at,
                &d.captured_by,
                &d.source_url,
                &d.notes,
            ],
        )
        .map_err(|e| StoreError::from_write(e, "document"))?;
    audit::record(tx, "attach", "document", d.owner_id, None, Some(d))
}

/// Detaches the document from its record. The vault file stays: it is
/// content-addressed and may back other documents, and evidence is never erased.
pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM documents WHERE id = $1", &[&AsId(id)])?;
    audit::record(
        tx,
        "detach",
        "document",
        before.owner_id,
        Some(&before),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::Backend;
    use crate::testing::each_store;

    fn document(owner: Id, sha256: &str) -> Document {
        Document {
            id: ippdesk_domain::new_id(),
            owner_kind: OwnerKind::Holder,
            owner_id: owner,
            doc_kind: DocumentKind::BusinessRegistration,
            sha256: sha256.into(),
            original_name: "营业执照.pdf".into(),
            size: 1234,
            media_type: "application/pdf".into(),
            added_at: ippdesk_domain::now(),
            captured_at: None,
            captured_by: String::new(),
            source_url: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_hash_that_cannot_name_a_vault_file_is_refused() {
        each_store(|mut s| {
            let owner = ippdesk_domain::new_id();
            for bad in [
                "../../etc/passwd".to_string(),
                "AB".repeat(32),
                "ab".repeat(31),
                "ab".repeat(33),
                format!("{}é", "a".repeat(63)),
                format!("{}\n", "a".repeat(64)),
                format!("{}\0../x", "a".repeat(64)),
                format!("{}\0", "a".repeat(63)),
            ] {
                let err = s
                    .write(|tx| insert(tx, &document(owner, &bad)))
                    .unwrap_err();
                // PostgreSQL's text cannot hold a NUL at all: it refuses the
                // value before any trigger sees it.
                if s.backend() == Backend::Postgres && bad.contains('\0') {
                    continue;
                }
                assert!(
                    err.to_string().contains("64 lowercase hex"),
                    "{bad:?}: {err}"
                );
            }
            assert!(all(&s).unwrap().is_empty());
            assert!(audit::for_entity(&s, owner).unwrap().is_empty());

            let good = document(owner, &"0f".repeat(32));
            s.write(|tx| insert(tx, &good)).unwrap();
            let err = s
                .write(|tx| {
                    tx.sql().execute(
                        "UPDATE documents SET sha256 = '../x' WHERE id = $1",
                        &[&AsId(good.id)],
                    )
                })
                .unwrap_err();
            assert!(err.to_string().contains("64 lowercase hex"), "{err}");
            assert_eq!(get(&s, good.id).unwrap().sha256, good.sha256);
            // Other columns change without the hash being checked again.
            s.write(|tx| {
                tx.sql().execute(
                    "UPDATE documents SET notes = 'seen' WHERE id = $1",
                    &[&AsId(good.id)],
                )
            })
            .unwrap();
        });
    }

    #[test]
    fn attach_list_detach() {
        each_store(|mut s| {
            let owner = ippdesk_domain::new_id();
            let doc = Document {
                id: ippdesk_domain::new_id(),
                owner_kind: OwnerKind::Holder,
                owner_id: owner,
                doc_kind: DocumentKind::BusinessRegistration,
                sha256: "ab".repeat(32),
                original_name: "营业执照.pdf".into(),
                size: 1234,
                media_type: "application/pdf".into(),
                added_at: ippdesk_domain::now(),
                captured_at: Some(ippdesk_domain::now()),
                captured_by: "王芳".into(),
                source_url: "https://item.taobao.com/item.htm?id=1".into(),
                notes: "evidence facts round-trip".into(),
            };
            let second = document(owner, &"cd".repeat(32));
            s.write(|tx| {
                insert(tx, &doc)?;
                insert(tx, &second)
            })
            .unwrap();
            assert_eq!(
                for_owner(&s, OwnerKind::Holder, owner).unwrap(),
                [doc.clone(), second.clone()]
            );
            assert!(for_owner(&s, OwnerKind::Right, owner).unwrap().is_empty());
            assert_eq!(get(&s, doc.id).unwrap(), doc);
            s.write(|tx| delete(tx, doc.id)).unwrap();
            assert_eq!(all(&s).unwrap(), std::slice::from_ref(&second));
            s.write(|tx| delete(tx, second.id)).unwrap();
            assert!(all(&s).unwrap().is_empty());
            let trail: Vec<_> = audit::for_entity(&s, owner)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(trail, ["attach", "attach", "detach", "detach"]);
        });
    }
}
