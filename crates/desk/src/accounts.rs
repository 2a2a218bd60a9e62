//! IPP step 1 beyond the holder: agents, powers of attorney, programme
//! accounts and their status history.

use ippdesk_domain::*;
use ippdesk_store::tables::{accounts, agents, deadlines, holders, poas, status_changes};

use crate::deadlines::schedule_poa_expiry;

use crate::{
    AccountView, AgentRow, Desk, DeskError, ErrorCode, PoaView, Result, StatusChangeInput,
};

impl Desk {
    pub fn list_agents(&self) -> Result<Vec<AgentRow>> {
        let all_poas = poas::list(&self.store)?;
        Ok(agents::list(&self.store)?
            .into_iter()
            .map(|agent| AgentRow {
                poa_count: all_poas
                    .iter()
                    .filter(|p| p.draft.agent_id == agent.id)
                    .count() as u32,
                agent,
            })
            .collect())
    }

    pub fn create_agent(&mut self, draft: AgentDraft) -> Result<Agent> {
        draft.validate()?;
        let now = ippdesk_domain::now();
        let a = Agent {
            id: new_id(),
            draft,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| agents::insert(tx, &a))?;
        Ok(a)
    }

    pub fn update_agent(&mut self, id: Id, draft: AgentDraft) -> Result<Agent> {
        draft.validate()?;
        let a = Agent {
            draft,
            updated_at: ippdesk_domain::now(),
            ..agents::get(&self.store, id)?
        };
        self.store.write(|tx| agents::update(tx, &a))?;
        Ok(a)
    }

    pub fn delete_agent(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| agents::delete(tx, id))?)
    }

    pub(crate) fn poa_view(&self, poa: PowerOfAttorney) -> Result<PoaView> {
        Ok(PoaView {
            agent_name: agents::get(&self.store, poa.draft.agent_id)?.draft.name,
            state: poa_state(&poa.draft, self.today()),
            poa,
        })
    }

    pub fn list_poas(&self) -> Result<Vec<PoaView>> {
        poas::list(&self.store)?
            .into_iter()
            .map(|p| self.poa_view(p))
            .collect()
    }

    fn check_poa_parties(&self, draft: &PoaDraft) -> Result<()> {
        draft.validate()?;
        let mut c = Checker::default();
        if holders::get(&self.store, draft.holder_id).is_err() {
            c.add(
                "holder_id",
                FieldErrorCode::NotFound,
                "Choose an existing rights holder.",
            );
        }
        if agents::get(&self.store, draft.agent_id).is_err() {
            c.add(
                "agent_id",
                FieldErrorCode::NotFound,
                "Choose an existing agent.",
            );
        }
        Ok(c.finish()?)
    }

    pub fn create_poa(&mut self, draft: PoaDraft) -> Result<PoaView> {
        self.check_poa_parties(&draft)?;
        let now = ippdesk_domain::now();
        let p = PowerOfAttorney {
            id: new_id(),
            draft,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| {
            poas::insert(tx, &p)?;
            schedule_poa_expiry(tx, &p)
        })?;
        self.poa_view(p)
    }

    pub fn update_poa(&mut self, id: Id, draft: PoaDraft) -> Result<PoaView> {
        self.check_poa_parties(&draft)?;
        let p = PowerOfAttorney {
            draft,
            updated_at: ippdesk_domain::now(),
            ..poas::get(&self.store, id)?
        };
        self.store.write(|tx| {
            poas::update(tx, &p)?;
            schedule_poa_expiry(tx, &p)
        })?;
        self.poa_view(p)
    }

    pub fn delete_poa(&mut self, id: Id) -> Result<()> {
        self.store.write(|tx| {
            deadlines::delete_of_subject(tx, id)?;
            Ok::<_, DeskError>(poas::delete(tx, id)?)
        })
    }

    pub(crate) fn account_view(&self, account: Account) -> Result<AccountView> {
        let agent_name = match account.draft.agent_id {
            Some(a) => Some(agents::get(&self.store, a)?.draft.name),
            None => None,
        };
        let next_statuses = [
            AccountStatus::NotStarted,
            AccountStatus::Submitted,
            AccountStatus::Verified,
            AccountStatus::Rejected,
            AccountStatus::Resubmitted,
        ]
        .into_iter()
        .filter(|s| account.status.can_move_to(*s))
        .collect();
        Ok(AccountView {
            history: status_changes::for_account(&self.store, account.id)?,
            agent_name,
            next_statuses,
            account,
        })
    }

    fn check_account(&self, draft: &AccountDraft) -> Result<()> {
        if holders::get(&self.store, draft.holder_id).is_err() {
            return Err(DeskError::validation(vec![FieldError {
                field: "holder_id".into(),
                code: FieldErrorCode::NotFound,
                message: "Choose an existing rights holder.".into(),
            }]));
        }
        let poa = match draft.poa_id {
            Some(id) => poas::find(&self.store, id)?,
            None => None,
        };
        Ok(draft.validate(poa.as_ref(), self.today())?)
    }

    pub fn create_account(&mut self, mut draft: AccountDraft) -> Result<AccountView> {
        if draft.role == AccountRole::RightsHolder {
            draft.agent_id = None;
            draft.poa_id = None;
        }
        self.check_account(&draft)?;
        let now = ippdesk_domain::now();
        let a = Account {
            id: new_id(),
            draft,
            status: AccountStatus::NotStarted,
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| accounts::insert(tx, &a))?;
        self.account_view(a)
    }

    pub fn update_account(&mut self, id: Id, mut draft: AccountDraft) -> Result<AccountView> {
        if draft.role == AccountRole::RightsHolder {
            draft.agent_id = None;
            draft.poa_id = None;
        }
        self.check_account(&draft)?;
        let a = Account {
            draft,
            updated_at: ippdesk_domain::now(),
            ..accounts::get(&self.store, id)?
        };
        self.store.write(|tx| accounts::update(tx, &a))?;
        self.account_view(a)
    }

    pub fn delete_account(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| accounts::delete(tx, id))?)
    }

    /// Moves the account along its review cycle, recording the dated change.
    pub fn change_account_status(
        &mut self,
        id: Id,
        input: StatusChangeInput,
    ) -> Result<AccountView> {
        let mut a = accounts::get(&self.store, id)?;
        if !a.status.can_move_to(input.to) {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                format!(
                    "An account that is {:?} cannot become {:?}.",
                    a.status, input.to
                ),
            ));
        }
        let change = StatusChange {
            id: new_id(),
            account_id: id,
            from: a.status,
            to: input.to,
            on: input.on,
            note: input.note.trim().to_string(),
            recorded_at: ippdesk_domain::now(),
        };
        a.status = input.to;
        a.updated_at = change.recorded_at;
        self.store.write(|tx| {
            status_changes::insert(tx, &change)?;
            accounts::update(tx, &a)
        })?;
        self.account_view(a)
    }
}
