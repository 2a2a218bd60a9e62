//! The IPP Desk desktop shell: opens the desk, registers plugins and the
//! one-line command adapters. All behaviour lives in `ippdesk-desk`.

mod commands;

use std::path::PathBuf;

use ippdesk_desk::{resolve_db_path, Desk, SharedDesk};
use std::time::Duration;

use tauri::{Builder, Manager, Runtime};

/// The database path from `--db PATH` (or `--db=PATH`), if given.
pub fn db_arg(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

/// Opens the desk; a failure is kept and reported to the UI on every call.
pub fn open_desk(db: Option<PathBuf>) -> SharedDesk {
    SharedDesk::new(resolve_db_path(db).and_then(|p| Desk::open(&p)))
}

/// Adds IPP Desk's plugins, state and commands to a builder; generic over the
/// runtime so tests can start from `tauri::test::mock_builder()`.
pub fn setup<R: Runtime>(builder: Builder<R>, desk: SharedDesk) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(desk)
        .invoke_handler(commands::handler())
        .setup(|app| {
            prefetch_in_background(app.handle().clone());
            index_in_background(app.handle().clone());
            remind_in_background(app.handle().clone());
            Ok(())
        })
}

/// On start and every two hours: refresh the expiry reminders, rewrite the
/// calendar file beside the database (`deadlines.ics`, which Outlook or
/// Google Calendar can subscribe to), and raise one desktop notification for
/// what is overdue or due within 24 hours.
fn remind_in_background<R: Runtime>(app: tauri::AppHandle<R>) {
    use tauri_plugin_notification::NotificationExt;
    std::thread::spawn(move || loop {
        let desk = app.state::<SharedDesk>();
        let _ = desk.with(|d| d.sync_expiry_deadlines());
        let _ = desk.with(|d| {
            let ics = d.db_path().with_file_name("deadlines.ics");
            d.export_ics(&ics)
        });
        if let Ok(Some(text)) = desk.with(|d| d.reminder_text()) {
            // No notification service (a headless test display): nothing to do.
            let _ = app
                .notification()
                .builder()
                .title(text.title)
                .body(text.body)
                .show();
        }
        std::thread::sleep(Duration::from_secs(2 * 60 * 60));
    });
}

/// Once at start: the complaint list's pages into the OS cache, so the first
/// list pages after a cold start do not wait for the disk.
fn prefetch_in_background<R: Runtime>(app: tauri::AppHandle<R>) {
    let Ok(path) = app
        .state::<SharedDesk>()
        .with(|d| Ok(d.db_path().to_path_buf()))
    else {
        return;
    };
    std::thread::spawn(move || drop(Desk::prefetch_lists(&path)));
}

/// Imports leave full-text indexing for afterwards; this thread catches up in
/// small steps so no command waits behind it for long.
fn index_in_background<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::spawn(move || loop {
        let left = app
            .state::<SharedDesk>()
            .with(|d| d.index_search_step(2_000))
            .unwrap_or(0);
        std::thread::sleep(if left > 0 {
            Duration::from_millis(20)
        } else {
            Duration::from_secs(2)
        });
    });
}

pub fn run() {
    let desk = open_desk(db_arg(std::env::args().skip(1)));
    if let Err(e) = setup(Builder::default(), desk).run(tauri::generate_context!()) {
        eprintln!("IPP Desk could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    fn invoke(
        webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
        cmd: &str,
        body: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<serde_json::Value>().unwrap())
    }

    #[test]
    fn db_argument_forms() {
        let a = |v: &[&str]| db_arg(v.iter().map(|s| s.to_string()));
        assert_eq!(
            a(&["--db", "/tmp/x.sqlite3"]),
            Some(PathBuf::from("/tmp/x.sqlite3"))
        );
        assert_eq!(
            a(&["--db=/tmp/y.sqlite3"]),
            Some(PathBuf::from("/tmp/y.sqlite3"))
        );
        assert_eq!(a(&["--verbose"]), None);
    }

    #[test]
    fn commands_answer_over_ipc_without_a_display() {
        let dir = tempfile::tempdir().unwrap();
        let desk = open_desk(Some(dir.path().join("t.sqlite3")));
        let app = setup(mock_builder(), desk)
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();

        let draft = serde_json::json!({
            "kind": "company", "legal_name": "深圳市极光电子有限公司", "latin_name": "Aurora",
            "country": "CN", "registration_number": "", "address": "", "contact_email": "ip@aurora.example", "notes": ""
        });
        let created = invoke(
            &webview,
            "create_holder",
            serde_json::json!({ "draft": draft }),
        )
        .unwrap();
        assert_eq!(created["legal_name"], "深圳市极光电子有限公司");
        let list = invoke(&webview, "list_holders", serde_json::json!({})).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);

        // Errors cross as {code, message, fields}.
        let mut bad = draft.clone();
        bad["contact_email"] = "nope".into();
        let err = invoke(
            &webview,
            "create_holder",
            serde_json::json!({ "draft": bad }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "validation");
        assert_eq!(err["fields"][0]["field"], "contact_email");
    }

    #[test]
    fn a_database_that_failed_to_open_is_reported_on_every_call() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        std::fs::write(&path, "not a database at all").unwrap();
        let app = setup(mock_builder(), open_desk(Some(path)))
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        let err = invoke(&webview, "app_info", serde_json::json!({})).unwrap_err();
        assert_eq!(err["code"], "not_a_database");
    }
}
