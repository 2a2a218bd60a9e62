use ippdesk_desk::{
    AccountDraft, AccountView, Agent, AgentDraft, AgentRow, PoaDraft, PoaView, StatusChangeInput,
};

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn list_agents(desk: Desk) -> Res<Vec<AgentRow>> {
    desk.with(|d| d.list_agents())
}

#[tauri::command]
pub fn create_agent(desk: Desk, draft: AgentDraft) -> Res<Agent> {
    desk.with(|d| d.create_agent(draft))
}

#[tauri::command]
pub fn update_agent(desk: Desk, id: String, draft: AgentDraft) -> Res<Agent> {
    desk.with(|d| d.update_agent(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_agent(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_agent(parse_id(&id)?))
}

#[tauri::command]
pub fn list_poas(desk: Desk) -> Res<Vec<PoaView>> {
    desk.with(|d| d.list_poas())
}

#[tauri::command]
pub fn create_poa(desk: Desk, draft: PoaDraft) -> Res<PoaView> {
    desk.with(|d| d.create_poa(draft))
}

#[tauri::command]
pub fn update_poa(desk: Desk, id: String, draft: PoaDraft) -> Res<PoaView> {
    desk.with(|d| d.update_poa(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_poa(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_poa(parse_id(&id)?))
}

#[tauri::command]
pub fn create_account(desk: Desk, draft: AccountDraft) -> Res<AccountView> {
    desk.with(|d| d.create_account(draft))
}

#[tauri::command]
pub fn update_account(desk: Desk, id: String, draft: AccountDraft) -> Res<AccountView> {
    desk.with(|d| d.update_account(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_account(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_account(parse_id(&id)?))
}

#[tauri::command]
pub fn change_account_status(desk: Desk, id: String, input: StatusChangeInput) -> Res<AccountView> {
    desk.with(|d| d.change_account_status(parse_id(&id)?, input))
}
