//! The shell's IPC: `call` serves the desk's one command table
//! (`ippdesk_desk::commands`) off the main thread; the rest are what only a
//! desktop can do (native dialogs, opening files in other programs, cancel).
//! Errors cross IPC as the desk's `{code, message, fields}`.

mod dialogs;

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

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

/// Long work's priority on thread-priority's 0-99 scale (normal is about
/// 50): nice 5 on Linux, below normal on Windows and macOS.
const BACKGROUND_PRIORITY: u8 = 35;

/// Runs long work (an import, a packet, a bundle check) on a thread of its
/// own at a lower priority, so that on a busy machine the window's
/// threads get the processor first and every click answers at once. The
/// threads it starts (the import's reader) inherit the priority on Linux.
/// A priority the system refuses leaves the thread as it was: only slower.
async fn in_background<T: Send + 'static>(f: impl FnOnce() -> Res<T> + Send + 'static) -> Res<T> {
    off_main_thread(move || {
        std::thread::Builder::new()
            .name("ippdesk-job".into())
            .spawn(move || {
                // Below normal, not the minimum: at the minimum an import
                // crawled whenever another program was busy.
                let below_normal =
                    thread_priority::ThreadPriorityValue::try_from(BACKGROUND_PRIORITY)
                        .map(thread_priority::ThreadPriority::Crossplatform);
                if let Ok(p) = below_normal {
                    let _ = thread_priority::set_current_thread_priority(p);
                }
                f()
            })
            .map_err(|e| {
                DeskError::new(ErrorCode::Internal, format!("Cannot start the work: {e}"))
            })?
            .join()
            .unwrap_or_else(|_| {
                Err(DeskError::new(
                    ErrorCode::Internal,
                    "This action stopped unexpectedly.",
                ))
            })
    })
    .await
}

/// Any command of the desk's table. `job` names long work so `cancel_job`
/// can stop it, and runs it in the background (see [`in_background`]);
/// `progress` receives its progress values.
#[tauri::command]
async fn call<R: Runtime>(
    app: AppHandle<R>,
    name: String,
    args: Value,
    job: Option<String>,
    progress: Channel<Value>,
) -> Res<Value> {
    let long = job.is_some();
    let traced = tracing_startup() && TRACED_CALLS.fetch_add(1, Ordering::Relaxed) < 16;
    if traced {
        trace_startup(format_args!("called {name}"));
    }
    let work = move || {
        let desk = app.state::<SharedDesk>();
        let paths = app.state::<GrantedPaths>();
        let idle = AtomicBool::new(false);
        let flag = job.as_deref().map(|id| desk.job(id));
        let ctx = Ctx {
            progress: &|v| drop(progress.send(v)),
            cancel: flag.as_ref().map_or(&idle, |f| f.flag()),
            paths: paths.inner(),
        };
        let answer = table::call(&desk, &name, args, &ctx);
        if traced {
            trace_startup(format_args!("answered {name}"));
        }
        answer
    };
    if long {
        in_background(work).await
    } else {
        off_main_thread(work).await
    }
}

/// How many calls `IPPDESK_TRACE_STARTUP` has traced (the first 16).
static TRACED_CALLS: AtomicUsize = AtomicUsize::new(0);

/// `IPPDESK_TRACE_STARTUP=1`: `tools/measure-startup.sh` times cold start by
/// the lines `trace_startup` writes.
fn tracing_startup() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("IPPDESK_TRACE_STARTUP").is_some())
}

/// `startup-trace <ms since the Unix epoch> <event>` on stderr.
fn trace_startup(event: std::fmt::Arguments<'_>) {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    eprintln!("startup-trace {ms} {event}");
}

/// Asks the long job `job` (an import) to stop; false when none runs.
/// Only a flag is set, but off the main thread like every command: the jobs
/// map's lock may be held for a moment by a job starting or ending.
#[tauri::command(async)]
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
    // `tools/measure-startup.sh` times cold start to the UI's first call
    // (React is up) and to the first answers of `call` (the first page's data).
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
        if tracing_startup() && first_call.swap(false, Ordering::Relaxed) {
            trace_startup(format_args!("ui-ready (first IPC call)"));
        }
        commands(invoke)
    }
}
