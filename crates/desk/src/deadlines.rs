//! Deadline rules (versioned, editable), the deadlines they set when events
//! happen, manual tasks, and the people work is assigned to.

use chrono::{DateTime, Local, NaiveDate, Utc};
use ippdesk_domain::*;
use ippdesk_store::tables::{complaints, deadlines, people, poas, rights, rules};
use ippdesk_store::Tx;

use crate::{Desk, DeskError, ErrorCode, Result};

/// What a rule's deadline is attached to when an event happens.
pub(crate) struct Event {
    pub trigger: TriggerEvent,
    pub platform: Option<Platform>,
    /// The kind of the complaint's right (or of the expiring right).
    pub right_kind: Option<RightKind>,
    /// A counter-notice's round.
    pub round: Option<u32>,
    /// Working days to add where the rule allows (notarization delays).
    pub extension_days: u32,
    /// `at` stands in for the day the seller was notified: an estimate.
    pub counted_from_filing: bool,
    pub subject: DeadlineSubject,
    pub subject_id: Id,
    pub complaint_id: Option<Id>,
    pub assignee: String,
    /// When it happened: an instant, or a calendar day (expiry dates).
    pub at: When,
    /// Prefixed to the rule's text ("Round 2: …", "Trademark 12345678: …").
    pub context: String,
}

pub(crate) enum When {
    Instant(DateTime<Utc>),
    Day(NaiveDate),
}

impl Desk {
    /// Saves version 1 of every shipped rule the database does not have yet
    /// (a new database, or a release that ships a new rule), and a new
    /// version of each rule still at an older release's default (a release
    /// that corrects a default: art. 43's last day, DMCA for copyright only).
    /// A rule the user edited is theirs and stays as it is.
    pub(crate) fn ensure_default_rules(&mut self) -> Result<()> {
        let have = rules::current(&self.store)?;
        let mut missing = Vec::new();
        let mut outdated = Vec::new();
        for shipped in default_rules() {
            match have.iter().find(|v| v.rule.key == shipped.key) {
                None => missing.push(shipped),
                Some(v) if v.is_default && v.rule != shipped => outdated.push(shipped),
                Some(_) => {}
            }
        }
        if missing.is_empty() && outdated.is_empty() {
            return Ok(());
        }
        let wrote = self.store.write(|tx| {
            missing
                .iter()
                .try_for_each(|r| rules::install_default(tx, r))?;
            outdated
                .iter()
                .try_for_each(|r| rules::save(tx, r, true).map(drop))
        });
        match wrote {
            // Team edition: rules are a manager's to change; a paralegal or
            // viewer works with the rules the database has until one opens it.
            Err(ippdesk_store::StoreError::Forbidden(_)) => Ok(()),
            other => Ok(other?),
        }
    }

    pub fn deadline_rules(&self) -> Result<Vec<VersionedRule>> {
        Ok(rules::current(&self.store)?)
    }

    pub fn deadline_rule_history(&self, key: String) -> Result<Vec<VersionedRule>> {
        Ok(rules::history(&self.store, &key)?)
    }

    /// Saves a new version of a rule. Deadlines already set keep the version
    /// they were computed with; new events use the new version.
    pub fn save_deadline_rule(&mut self, rule: DeadlineRule) -> Result<VersionedRule> {
        rule.validate()?;
        let is_default = default_rules().contains(&rule);
        Ok(self.store.write(|tx| rules::save(tx, &rule, is_default))?)
    }

    /// Puts the shipped default back in force, as a new version.
    pub fn reset_deadline_rule(&mut self, key: String) -> Result<VersionedRule> {
        let rule = default_rules()
            .into_iter()
            .find(|r| r.key == key)
            .ok_or_else(|| {
                DeskError::new(
                    ErrorCode::NotFound,
                    format!("No shipped rule is called {key}."),
                )
            })?;
        Ok(self.store.write(|tx| rules::save(tx, &rule, true))?)
    }

    /// Expiry reminders for every right and power of attorney with an end
    /// date (run at start; unchanged ones are left alone).
    pub fn sync_expiry_deadlines(&mut self) -> Result<()> {
        let rights = rights::list(&self.store)?;
        let poas = poas::list(&self.store)?;
        self.store.write(|tx| {
            rights
                .iter()
                .try_for_each(|r| schedule_right_expiry(tx, r))?;
            poas.iter().try_for_each(|p| schedule_poa_expiry(tx, p))
        })
    }

    // -- manual tasks -----------------------------------------------------

    fn task_from(&self, id: Id, t: &TaskDraft, created_at: DateTime<Utc>) -> Result<Deadline> {
        t.validate()?;
        let platform = match t.complaint_id {
            Some(c) => Some(complaints::get(&self.store, c)?.draft.platform),
            None => None,
        };
        Ok(Deadline {
            id,
            title: t.title.trim().to_string(),
            due_at: t.due_at,
            due_date: t.due_at.with_timezone(&Local).date_naive(),
            time_zone: "local".into(),
            estimated: false,
            missing_years: vec![],
            counted_from_filing: false,
            rule_key: None,
            rule_version: None,
            subject: if t.complaint_id.is_some() {
                DeadlineSubject::Complaint
            } else {
                DeadlineSubject::None
            },
            subject_id: t.complaint_id,
            complaint_id: t.complaint_id,
            platform,
            assignee: t.assignee.trim().to_string(),
            notes: t.notes.clone(),
            done_at: None,
            created_at,
        })
    }

    pub fn create_task(&mut self, task: TaskDraft) -> Result<Deadline> {
        let d = self.task_from(new_id(), &task, ippdesk_domain::now())?;
        self.store.write(|tx| deadlines::insert(tx, &d))?;
        Ok(d)
    }

    pub fn update_task(&mut self, id: Id, task: TaskDraft) -> Result<Deadline> {
        let old = deadlines::get(&self.store, id)?;
        if !old.is_task() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "A rule's deadline moves with its rule and event; edit those instead.",
            ));
        }
        let d = Deadline {
            done_at: old.done_at,
            ..self.task_from(id, &task, old.created_at)?
        };
        self.store.write(|tx| deadlines::save(tx, &d))?;
        Ok(d)
    }

    /// Ticks a deadline or task done, or back to open (undo).
    pub fn set_deadline_done(&mut self, id: Id, done: bool) -> Result<Deadline> {
        let old = deadlines::get(&self.store, id)?;
        let d = Deadline {
            done_at: done.then(Utc::now),
            ..old
        };
        self.store.write(|tx| deadlines::save(tx, &d))?;
        Ok(d)
    }

    /// Reassigns any deadline (a rule's or a task).
    pub fn assign_deadline(&mut self, id: Id, assignee: String) -> Result<Deadline> {
        let old = deadlines::get(&self.store, id)?;
        let d = Deadline {
            assignee: assignee.trim().to_string(),
            ..old
        };
        self.store.write(|tx| deadlines::save(tx, &d))?;
        Ok(d)
    }

    pub fn delete_task(&mut self, id: Id) -> Result<()> {
        if !deadlines::get(&self.store, id)?.is_task() {
            return Err(DeskError::new(
                ErrorCode::InvalidTransition,
                "A rule's deadline cannot be deleted; mark it done instead.",
            ));
        }
        Ok(self.store.write(|tx| deadlines::delete(tx, id))?)
    }

    // -- people -------------------------------------------------------------

    pub fn list_people(&self) -> Result<Vec<Person>> {
        Ok(people::all(&self.store)?)
    }

    pub fn create_person(&mut self, draft: PersonDraft) -> Result<Person> {
        draft.validate()?;
        let p = Person {
            id: new_id(),
            draft,
        };
        self.store.write(|tx| people::insert(tx, &p))?;
        Ok(p)
    }

    pub fn update_person(&mut self, id: Id, draft: PersonDraft) -> Result<Person> {
        draft.validate()?;
        let p = Person { id, draft };
        self.store.write(|tx| people::update(tx, &p))?;
        Ok(p)
    }

    pub fn delete_person(&mut self, id: Id) -> Result<()> {
        Ok(self.store.write(|tx| people::delete(tx, id))?)
    }
}

/// Sets (or moves) the deadline of every rule in force for `event`, in
/// the caller's transaction.
pub(crate) fn schedule(tx: &Tx, event: &Event) -> Result<Vec<Deadline>> {
    let mut set = Vec::new();
    let occasion = Occasion {
        trigger: event.trigger,
        platform: event.platform,
        right_kind: event.right_kind,
        round: event.round,
    };
    for v in rules::current(tx)? {
        let rule = &v.rule;
        if !rule.applies_to(&occasion) {
            continue;
        }
        let due = match event.at {
            When::Instant(t) => rule.due_after_extended(t, event.extension_days),
            When::Day(d) => rule.due_after_day(d),
        };
        let Some(due) = due else {
            continue;
        };
        let title = if event.context.is_empty() {
            rule.due.clone()
        } else {
            format!("{}: {}", event.context, rule.due)
        };
        set.push(deadlines::schedule(
            tx,
            &Deadline {
                id: new_id(),
                title,
                due_at: due.due_at,
                due_date: due.date,
                time_zone: rule.time_zone.clone(),
                estimated: due.estimated || event.counted_from_filing,
                missing_years: due.missing_years,
                counted_from_filing: event.counted_from_filing,
                rule_key: Some(rule.key.clone()),
                rule_version: Some(v.version),
                subject: event.subject,
                subject_id: Some(event.subject_id),
                complaint_id: event.complaint_id,
                platform: event.platform,
                assignee: event.assignee.clone(),
                notes: String::new(),
                done_at: None,
                created_at: ippdesk_domain::now(),
            },
        )?);
    }
    Ok(set)
}

/// Marks done the open deadlines on `subject_id` whose rule closes on
/// `what` (a response, a decision).
pub(crate) fn complete(tx: &Tx, subject_id: Id, what: DoneWhen) -> Result<()> {
    let at = ippdesk_domain::now();
    for v in rules::current(tx)? {
        let closes = match what {
            // A decision settles everything the counter-notice started.
            DoneWhen::Decided => v.rule.done_when != DoneWhen::Manual,
            other => v.rule.done_when == other,
        };
        if closes {
            deadlines::complete_for(tx, &v.rule.key, subject_id, at)?;
        }
    }
    Ok(())
}

/// Reminders before a right expires; none (and any old ones gone) without an
/// expiry date.
pub(crate) fn schedule_right_expiry(tx: &Tx, r: &IpRight) -> Result<()> {
    match r.draft.expiry_date {
        None => Ok(deadlines::delete_of_subject(tx, r.id)?),
        Some(expiry) => schedule(
            tx,
            &Event {
                trigger: TriggerEvent::RightExpiry,
                platform: None,
                right_kind: Some(r.draft.kind),
                round: None,
                extension_days: 0,
                counted_from_filing: false,
                subject: DeadlineSubject::Right,
                subject_id: r.id,
                complaint_id: None,
                assignee: String::new(),
                at: When::Day(expiry),
                // The day itself, so an overdue reminder still says when the right expires.
                context: format!(
                    "{}, expires {expiry}",
                    [&r.draft.title, &r.draft.registration_number]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            },
        )
        .map(drop),
    }
}

pub(crate) fn schedule_poa_expiry(tx: &Tx, p: &PowerOfAttorney) -> Result<()> {
    match p.draft.valid_until {
        None => Ok(deadlines::delete_of_subject(tx, p.id)?),
        Some(until) => schedule(
            tx,
            &Event {
                trigger: TriggerEvent::PoaExpiry,
                platform: None,
                right_kind: None,
                round: None,
                extension_days: 0,
                counted_from_filing: false,
                subject: DeadlineSubject::Poa,
                subject_id: p.id,
                complaint_id: None,
                assignee: String::new(),
                at: When::Day(until),
                context: format!("Power of attorney ({}), ends {until}", p.draft.scope),
            },
        )
        .map(drop),
    }
}
