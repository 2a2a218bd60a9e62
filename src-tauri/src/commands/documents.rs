use ippdesk_desk::{AttachInput, DeskError, DocumentView, ErrorCode};
use tauri::Runtime;
use tauri_plugin_opener::OpenerExt;

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn attach_documents(desk: Desk, input: AttachInput) -> Res<Vec<DocumentView>> {
    desk.with(|d| d.attach(input))
}

/// An image as a `data:` URL for a thumbnail; `null` for other files.
#[tauri::command]
pub fn document_data_url(desk: Desk, id: String) -> Res<Option<String>> {
    desk.with(|d| d.document_data_url(parse_id(&id)?))
}

#[tauri::command]
pub fn detach_document(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.detach(parse_id(&id)?))
}

/// Opens a viewing copy in the system's default app; the webview itself gets
/// no file-system or opener permission.
#[tauri::command]
pub fn open_document<R: Runtime>(app: tauri::AppHandle<R>, desk: Desk, id: String) -> Res<()> {
    let path = desk.with(|d| d.document_for_viewing(parse_id(&id)?))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            DeskError::new(
                ErrorCode::Io,
                format!("No program could open the file: {e}"),
            )
        })
}
