use ippdesk_desk::{
    IpRight, ProgrammeRegistration, ProgrammeRegistrationDraft, RightDetail, RightDraft, RightRow,
};

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn list_rights(desk: Desk) -> Res<Vec<RightRow>> {
    desk.with(|d| d.list_rights())
}

#[tauri::command]
pub fn get_right(desk: Desk, id: String) -> Res<RightDetail> {
    desk.with(|d| d.get_right(parse_id(&id)?))
}

#[tauri::command]
pub fn create_right(desk: Desk, draft: RightDraft) -> Res<IpRight> {
    desk.with(|d| d.create_right(draft))
}

#[tauri::command]
pub fn update_right(desk: Desk, id: String, draft: RightDraft) -> Res<IpRight> {
    desk.with(|d| d.update_right(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_right(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_right(parse_id(&id)?))
}

#[tauri::command]
pub fn set_registration(
    desk: Desk,
    draft: ProgrammeRegistrationDraft,
) -> Res<ProgrammeRegistration> {
    desk.with(|d| d.set_registration(draft))
}
