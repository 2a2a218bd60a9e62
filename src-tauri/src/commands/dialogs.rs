//! Native open and save dialogs, opened from Rust so that every path the
//! webview later sends back can be checked against what the user chose here.

use ippdesk_desk::paths::GrantedPaths;
use serde::Deserialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

use super::{off_main_thread, Res};

#[derive(Debug, Clone, Deserialize)]
pub struct Filter {
    name: String,
    extensions: Vec<String>,
}

fn local(p: FilePath) -> Option<std::path::PathBuf> {
    p.into_path().ok()
}

/// Files to read (an import, evidence); empty when cancelled.
#[tauri::command]
pub async fn choose_files<R: Runtime>(
    app: AppHandle<R>,
    title: Option<String>,
    filters: Vec<Filter>,
    multiple: bool,
) -> Res<Vec<String>> {
    off_main_thread(move || {
        let mut d = app.dialog().file();
        if let Some(t) = &title {
            d = d.set_title(t);
        }
        for f in &filters {
            let exts: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
            d = d.add_filter(&f.name, &exts);
        }
        let picked: Vec<_> = if multiple {
            d.blocking_pick_files().unwrap_or_default()
        } else {
            d.blocking_pick_file().into_iter().collect()
        };
        let gate = app.state::<GrantedPaths>();
        Ok(picked
            .into_iter()
            .filter_map(local)
            .map(|p| {
                gate.grant_read(&p);
                p.display().to_string()
            })
            .collect())
    })
    .await
}

/// Where to write a file; `null` when cancelled.
#[tauri::command]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    title: Option<String>,
    default_name: String,
    filters: Vec<Filter>,
) -> Res<Option<String>> {
    off_main_thread(move || {
        let mut d = app.dialog().file().set_file_name(&default_name);
        if let Some(t) = &title {
            d = d.set_title(t);
        }
        for f in &filters {
            let exts: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
            d = d.add_filter(&f.name, &exts);
        }
        let gate = app.state::<GrantedPaths>();
        Ok(d.blocking_save_file().and_then(local).map(|p| {
            gate.grant_write(&p);
            // A packet's bundle is written beside its PDF.
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
                gate.grant_write(&p.with_extension("zip"));
            }
            p.display().to_string()
        }))
    })
    .await
}
