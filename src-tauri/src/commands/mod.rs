//! The shell's IPC: `call` serves the desk's one command table
//! (`ippdesk_desk::commands`) off the main thread; the rest are what only a
//! desktop can do (native dialogs, opening files in other programs, cancel).
//! Errors cross IPC as the desk's `{code, message, fields}`.

mod dialogs;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use ippdesk_desk::commands::{self as table, Ctx};
use ippdesk_desk::paths::{GrantedPaths, PathPolicy, PathUse};
use ippdesk_desk::{DeskError, ErrorCode, SharedDesk};
use serde_json::Value;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

pub(crate) type Res<T> = Result<T, DeskError>;

/// Runs `f` on a worker thread, so the window's main thread never waits
/// for the database, a file or a PDF.
pub(crate) async fn off_main_thread<T: Send + 'static>(
    f: impl FnOnce() -> Res<T> + Send + 'static,
) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| {
            Err(DeskError::new(
                ErrorCode::Internal,
                format!("This action stopped unexpectedly: {e}"),
            ))
        })
}

/// Any command of the desk's table. `job` names long work so `cancel_job`
/// can stop it; `progress` receives its progress values.
#[tauri::command]
async fn call<R: Runtime>(
    app: AppHandle<R>,
    name: String,
    args: Value,
    job: Option<String>,
    progress: Channel<Value>,
) -> Res<Value> {
    off_main_thread(move || {
        let desk = app.state::<SharedDesk>();
        let paths = app.state::<GrantedPaths>();
        let idle = AtomicBool::new(false);
        let flag = job.as_deref().map(|id| desk.job(id));
        let ctx = Ctx {
            progress: &|v| drop(progress.send(v)),
            cancel: flag.as_ref().map_or(&idle, |f| f.flag()),
            paths: paths.inner(),
        };
        table::call(&desk, &name, args, &ctx)
    })
    .await
}

/// Asks the long job `job` (an import) to stop; false when none runs.
#[tauri::command]
fn cancel_job(desk: tauri::State<'_, SharedDesk>, job: String) -> bool {
    desk.cancel(&job)
}

/// Opens a viewing copy of a document in the system's default program.
#[tauri::command]
async fn open_document<R: Runtime>(app: AppHandle<R>, id: String) -> Res<()> {
    off_main_thread(move || {
        let desk = app.state::<SharedDesk>();
        let path = table::with_plain_ctx(|ctx| {
            table::call(
                &desk,
                "document_for_viewing",
                serde_json::json!({ "id": id }),
                ctx,
            )
        })?;
        let path = path.as_str().unwrap_or_default().to_string();
        open_path(&app, &path)
    })
    .await
}

/// Opens a packet the app just wrote in the system's PDF viewer.
#[tauri::command]
async fn open_packet<R: Runtime>(app: AppHandle<R>, path: String) -> Res<()> {
    off_main_thread(move || {
        app.state::<GrantedPaths>()
            .check(Path::new(&path), PathUse::Read)?;
        open_path(&app, &path)
    })
    .await
}

fn open_path<R: Runtime>(app: &AppHandle<R>, path: &str) -> Res<()> {
    app.opener().open_path(path, None::<&str>).map_err(|e| {
        DeskError::new(
            ErrorCode::Io,
            format!("No program could open the file: {e}"),
        )
    })
}

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    // `tools/measure-startup.sh` times cold start to the UI's first call.
    let trace_startup = std::env::var_os("IPPDESK_TRACE_STARTUP").is_some();
    let first_call = AtomicBool::new(true);
    let commands: Box<dyn Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync> =
        Box::new(tauri::generate_handler![
            call,
            cancel_job,
            open_document,
            open_packet,
            dialogs::choose_files,
            dialogs::choose_save_path,
        ]);
    move |invoke: tauri::ipc::Invoke<R>| {
        if trace_startup && first_call.swap(false, Ordering::Relaxed) {
            eprintln!("ui-ready: first call {}", invoke.message.command());
        }
        commands(invoke)
    }
}
