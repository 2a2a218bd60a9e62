use ippdesk_desk::{
    verify_bundle as check_bundle, BundleReport, DeskError, ErrorCode, PacketRequest, PacketResult,
};
use tauri::Runtime;
use tauri_plugin_opener::OpenerExt;

use super::{Desk, Res};

#[tauri::command]
pub fn generate_packet(desk: Desk, request: PacketRequest) -> Res<PacketResult> {
    desk.with(|d| d.generate_packet(request))
}

#[tauri::command]
pub fn verify_bundle(path: String) -> Res<BundleReport> {
    check_bundle(std::path::Path::new(&path))
}

/// Opens a packet the user just saved in the system's PDF viewer.
#[tauri::command]
pub fn open_packet<R: Runtime>(app: tauri::AppHandle<R>, path: String) -> Res<()> {
    app.opener().open_path(path, None::<&str>).map_err(|e| {
        DeskError::new(
            ErrorCode::Io,
            format!("No program could open the file: {e}"),
        )
    })
}
