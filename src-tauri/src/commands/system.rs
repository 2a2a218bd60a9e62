use ippdesk_desk::{AuditView, DeskInfo, SampleSummary, VerifyReport};

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn app_info(desk: Desk) -> Res<DeskInfo> {
    desk.with(|d| d.info())
}

#[tauri::command]
pub fn verify_integrity(desk: Desk) -> Res<VerifyReport> {
    desk.with(|d| d.verify())
}

#[tauri::command]
pub fn load_sample(desk: Desk) -> Res<SampleSummary> {
    desk.with(|d| d.load_sample())
}

#[tauri::command]
pub fn audit_trail(desk: Desk, id: String) -> Res<Vec<AuditView>> {
    desk.with(|d| d.audit_trail(parse_id(&id)?))
}
