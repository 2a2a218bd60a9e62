use ippdesk_desk::{Holder, HolderDetail, HolderDraft, HolderRow};

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn list_holders(desk: Desk) -> Res<Vec<HolderRow>> {
    desk.with(|d| d.list_holders())
}

#[tauri::command]
pub fn get_holder(desk: Desk, id: String) -> Res<HolderDetail> {
    desk.with(|d| d.get_holder(parse_id(&id)?))
}

#[tauri::command]
pub fn create_holder(desk: Desk, draft: HolderDraft) -> Res<Holder> {
    desk.with(|d| d.create_holder(draft))
}

#[tauri::command]
pub fn update_holder(desk: Desk, id: String, draft: HolderDraft) -> Res<Holder> {
    desk.with(|d| d.update_holder(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_holder(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_holder(parse_id(&id)?))
}
