use ippdesk_desk::{
    CounterDecisionInput, CounterNoticeDraft, CounterNoticeView, CounterResponseInput, Dashboard,
    Deadline, DeadlineFilter, DeadlineRow, DeadlineRule, EnforcementQuery, EnforcementReport,
    Person, PersonDraft, ReportExport, TaskDraft, VersionedRule,
};

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn record_counter_notice(desk: Desk, draft: CounterNoticeDraft) -> Res<CounterNoticeView> {
    desk.with(|d| d.record_counter_notice(draft))
}

#[tauri::command]
pub fn update_counter_notice(
    desk: Desk,
    id: String,
    draft: CounterNoticeDraft,
) -> Res<CounterNoticeView> {
    desk.with(|d| d.update_counter_notice(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn respond_to_counter_notice(
    desk: Desk,
    id: String,
    input: CounterResponseInput,
) -> Res<CounterNoticeView> {
    desk.with(|d| d.respond_to_counter_notice(parse_id(&id)?, input))
}

#[tauri::command]
pub fn decide_counter_notice(
    desk: Desk,
    id: String,
    input: CounterDecisionInput,
) -> Res<CounterNoticeView> {
    desk.with(|d| d.decide_counter_notice(parse_id(&id)?, input))
}

#[tauri::command]
pub fn delete_counter_notice(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_counter_notice(parse_id(&id)?))
}

#[tauri::command]
pub fn dashboard(desk: Desk) -> Res<Dashboard> {
    desk.with(|d| d.dashboard())
}

#[tauri::command]
pub fn open_deadlines(desk: Desk, filter: DeadlineFilter) -> Res<Vec<DeadlineRow>> {
    desk.with(|d| d.open_deadlines(filter))
}

#[tauri::command]
pub fn enforcement_report(desk: Desk, query: EnforcementQuery) -> Res<EnforcementReport> {
    desk.with(|d| d.enforcement_report(query))
}

#[tauri::command]
pub fn export_report(desk: Desk, export: ReportExport) -> Res<()> {
    desk.with(|d| d.export_report(export))
}

#[tauri::command]
pub fn export_ics(desk: Desk, path: String) -> Res<()> {
    desk.with(|d| d.export_ics(std::path::Path::new(&path)))
}

#[tauri::command]
pub fn create_task(desk: Desk, task: TaskDraft) -> Res<Deadline> {
    desk.with(|d| d.create_task(task))
}

#[tauri::command]
pub fn update_task(desk: Desk, id: String, task: TaskDraft) -> Res<Deadline> {
    desk.with(|d| d.update_task(parse_id(&id)?, task))
}

#[tauri::command]
pub fn delete_task(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_task(parse_id(&id)?))
}

#[tauri::command]
pub fn set_deadline_done(desk: Desk, id: String, done: bool) -> Res<Deadline> {
    desk.with(|d| d.set_deadline_done(parse_id(&id)?, done))
}

#[tauri::command]
pub fn assign_deadline(desk: Desk, id: String, assignee: String) -> Res<Deadline> {
    desk.with(|d| d.assign_deadline(parse_id(&id)?, assignee))
}

#[tauri::command]
pub fn list_people(desk: Desk) -> Res<Vec<Person>> {
    desk.with(|d| d.list_people())
}

#[tauri::command]
pub fn create_person(desk: Desk, draft: PersonDraft) -> Res<Person> {
    desk.with(|d| d.create_person(draft))
}

#[tauri::command]
pub fn update_person(desk: Desk, id: String, draft: PersonDraft) -> Res<Person> {
    desk.with(|d| d.update_person(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_person(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_person(parse_id(&id)?))
}

#[tauri::command]
pub fn deadline_rules(desk: Desk) -> Res<Vec<VersionedRule>> {
    desk.with(|d| d.deadline_rules())
}

#[tauri::command]
pub fn deadline_rule_history(desk: Desk, key: String) -> Res<Vec<VersionedRule>> {
    desk.with(|d| d.deadline_rule_history(key))
}

#[tauri::command]
pub fn save_deadline_rule(desk: Desk, rule: DeadlineRule) -> Res<VersionedRule> {
    desk.with(|d| d.save_deadline_rule(rule))
}

#[tauri::command]
pub fn reset_deadline_rule(desk: Desk, key: String) -> Res<VersionedRule> {
    desk.with(|d| d.reset_deadline_rule(key))
}
