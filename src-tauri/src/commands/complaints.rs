use ippdesk_desk::{
    BatchRequest, BatchResult, ComplaintDetail, ComplaintDraft, ComplaintFilter, ComplaintPage,
    ComplaintRow, ComplaintStatus, FileComplaintInput, ImportProgress, ImportReport, ImportRequest,
    OutcomeInput, Programme, UrlExportFormat,
};
use tauri::ipc::Channel;

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn list_complaints(desk: Desk, filter: ComplaintFilter) -> Res<ComplaintPage> {
    desk.with(|d| d.list_complaints(filter))
}

#[tauri::command]
pub fn get_complaint(desk: Desk, id: String) -> Res<ComplaintDetail> {
    desk.with(|d| d.get_complaint(parse_id(&id)?))
}

#[tauri::command]
pub fn create_complaint(desk: Desk, draft: ComplaintDraft) -> Res<ComplaintRow> {
    desk.with(|d| d.create_complaint(draft))
}

#[tauri::command]
pub fn update_complaint(desk: Desk, id: String, draft: ComplaintDraft) -> Res<ComplaintRow> {
    desk.with(|d| d.update_complaint(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_complaint(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_complaint(parse_id(&id)?))
}

#[tauri::command]
pub fn set_complaint_status(desk: Desk, id: String, to: ComplaintStatus) -> Res<ComplaintRow> {
    desk.with(|d| d.set_complaint_status(parse_id(&id)?, to))
}

#[tauri::command]
pub fn file_complaint(desk: Desk, id: String, input: FileComplaintInput) -> Res<ComplaintRow> {
    desk.with(|d| d.file_complaint(parse_id(&id)?, input))
}

#[tauri::command]
pub fn remove_complaint_listing(desk: Desk, id: String, listing_id: String) -> Res<()> {
    desk.with(|d| d.remove_listing_from_complaint(parse_id(&id)?, parse_id(&listing_id)?))
}

#[tauri::command]
pub fn set_listing_outcomes(desk: Desk, id: String, input: OutcomeInput) -> Res<()> {
    desk.with(|d| d.set_listing_outcomes(parse_id(&id)?, input))
}

/// `commit: false` previews the per-line report and writes nothing.
#[tauri::command]
pub fn import_listings(
    desk: Desk,
    request: ImportRequest,
    commit: bool,
    progress: Channel<ImportProgress>,
) -> Res<ImportReport> {
    desk.with(|d| d.import_listings(request, commit, &mut |p| drop(progress.send(p))))
}

#[tauri::command]
pub fn build_batch(desk: Desk, request: BatchRequest) -> Res<BatchResult> {
    desk.with(|d| d.build_batch(request))
}

#[tauri::command]
pub fn complaint_urls(desk: Desk, id: String) -> Res<String> {
    desk.with(|d| d.complaint_urls(parse_id(&id)?))
}

#[tauri::command]
pub fn export_complaint_urls(
    desk: Desk,
    id: String,
    format: UrlExportFormat,
    path: String,
) -> Res<()> {
    desk.with(|d| d.export_complaint_urls(parse_id(&id)?, format, std::path::Path::new(&path)))
}

#[tauri::command]
pub fn max_listings(desk: Desk, programme: Programme) -> Res<u32> {
    desk.with(|d| d.max_listings(programme))
}

#[tauri::command]
pub fn set_max_listings(desk: Desk, programme: Programme, max: u32) -> Res<()> {
    desk.with(|d| d.set_max_listings(programme, max))
}
