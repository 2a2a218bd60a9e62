use ippdesk_domain::{new_id, Holder, HolderDraft, Id, OwnerKind};
use ippdesk_store::tables::{accounts, holders, poas, rights};

use crate::{Desk, HolderDetail, HolderRow, Result};

impl Desk {
    pub fn list_holders(&self) -> Result<Vec<HolderRow>> {
        let all_rights = rights::list(&self.store)?;
        let all_accounts = accounts::list(&self.store)?;
        Ok(holders::list(&self.store)?
            .into_iter()
            .map(|holder| HolderRow {
                rights_count: all_rights
                    .iter()
                    .filter(|r| r.draft.registrant_id == holder.id)
                    .count() as u32,
                accounts_count: all_accounts
                    .iter()
                    .filter(|a| a.draft.holder_id == holder.id)
                    .count() as u32,
                holder,
            })
            .collect())
    }

    pub fn get_holder(&self, id: Id) -> Result<HolderDetail> {
        let holder = holders::get(&self.store, id)?;
        let accounts = accounts::for_holder(&self.store, id)?
            .into_iter()
            .map(|a| self.account_view(a))
            .collect::<Result<_>>()?;
        let poas = poas::for_holder(&self.store, id)?
            .into_iter()
            .map(|p| self.poa_view(p))
            .collect::<Result<_>>()?;
        let rights = rights::for_registrant(&self.store, id)?
            .into_iter()
            .map(|r| self.right_row(r, Some(&holder)))
            .collect::<Result<_>>()?;
        let documents = self.documents_of(OwnerKind::Holder, id)?;
        Ok(HolderDetail {
            holder,
            accounts,
            poas,
            rights,
            documents,
        })
    }

    pub fn create_holder(&mut self, draft: HolderDraft) -> Result<Holder> {
        let draft = draft.normalized();
        draft.validate()?;
        let now = ippdesk_domain::now();
        let h = Holder {
            id: new_id(),
            draft,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| holders::insert(tx, &h))?;
        Ok(h)
    }

    pub fn update_holder(&mut self, id: Id, draft: HolderDraft) -> Result<Holder> {
        let draft = draft.normalized();
        draft.validate()?;
        let old = holders::get(&self.store, id)?;
        let h = Holder {
            draft,
            updated_at: ippdesk_domain::now(),
            ..old
        };
        self.store.write(|tx| holders::update(tx, &h))?;
        Ok(h)
    }

    pub fn delete_holder(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| holders::delete(tx, id))?)
    }
}
