//! People to assign work to, and deadlines: those a rule computes from an
//! event, and manual tasks a person adds.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Checker, FieldError, Id, Platform};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDraft {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: Id,
    #[serde(flatten)]
    pub draft: PersonDraft,
}

impl PersonDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("name", &self.name);
        c.email("email", &self.email, false);
        c.finish()
    }
}

/// What a deadline is about, so a dashboard row can open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineSubject {
    Complaint,
    CounterNotice,
    Right,
    Poa,
    /// A manual task not tied to a record.
    None,
}

/// A manual task as the user types it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskDraft {
    pub title: String,
    pub due_at: DateTime<Utc>,
    /// Empty when unassigned; otherwise a person's name.
    pub assignee: String,
    /// The complaint the task belongs to, if any.
    pub complaint_id: Option<Id>,
    pub notes: String,
}

impl TaskDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required("title", &self.title);
        c.finish()
    }
}

/// One row of the deadline list: a rule's deadline or a manual task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Deadline {
    pub id: Id,
    pub title: String,
    pub due_at: DateTime<Utc>,
    /// The due day in the rule's time zone (for a task: in UTC).
    pub due_date: NaiveDate,
    pub time_zone: String,
    pub estimated: bool,
    pub missing_years: Vec<i32>,
    /// Counted from the filing date because the day the platform notified
    /// the seller is not recorded yet (an estimate too).
    #[serde(default)]
    pub counted_from_filing: bool,
    /// `None` for a manual task.
    pub rule_key: Option<String>,
    pub rule_version: Option<u32>,
    pub subject: DeadlineSubject,
    pub subject_id: Option<Id>,
    /// The complaint to open from the dashboard, when there is one.
    pub complaint_id: Option<Id>,
    pub platform: Option<Platform>,
    pub assignee: String,
    pub notes: String,
    pub done_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Deadline {
    pub fn is_task(&self) -> bool {
        self.rule_key.is_none()
    }
}
