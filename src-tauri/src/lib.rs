//! The IPP Desk desktop shell: opens the desk, registers plugins and the
//! one-line command adapters. All behaviour lives in `ippdesk-desk`.

mod commands;

use std::path::PathBuf;

use ippdesk_desk::paths::GrantedPaths;
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
        .manage(GrantedPaths::default())
        .invoke_handler(commands::handler())
        .on_webview_event(|webview, event| {
            // Files dropped on the window may be attached: the user chose them.
            if let tauri::WebviewEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let gate = webview.state::<GrantedPaths>();
                for p in paths {
                    gate.grant_read(p);
                }
            }
        })
        .setup(|app| {
            prefetch_in_background(app.handle().clone());
            watch_in_background(app.handle().clone());
            if claim_database(app.handle()) {
                index_in_background(app.handle().clone());
                remind_in_background(app.handle().clone());
            }
            Ok(())
        })
}

/// Whether this app is the only one on its database. A second app on the
/// same file is told so and leaves indexing and reminders to the first.
fn claim_database<R: Runtime>(app: &tauri::AppHandle<R>) -> bool {
    use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
    let Ok(path) = app
        .state::<SharedDesk>()
        .with(|d| Ok(d.db_path().to_path_buf()))
    else {
        return false;
    };
    match ippdesk_desk::instance::claim(&path) {
        Ok(Some(lock)) => {
            app.manage(lock);
            true
        }
        Ok(None) => {
            app.dialog()
                .message(format!(
                    "IPP Desk is already open on {} in another window. \
                     This window works on the same data; search indexing and \
                     reminders run in the first one.",
                    path.display()
                ))
                .title("IPP Desk is already open")
                .kind(MessageDialogKind::Warning)
                .show(|_| {});
            false
        }
        Err(e) => {
            eprintln!("IPP Desk: {}", e.message);
            false
        }
    }
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
            let ics = d.ics_path()?;
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

/// Team edition: others' changes reach this window as a `data-changed`
/// event (the tables changed), and the UI refetches what it shows.
fn watch_in_background<R: Runtime>(app: tauri::AppHandle<R>) {
    use tauri::Emitter;
    let Ok(source) = app
        .state::<SharedDesk>()
        .with(|d| Ok(d.db_source().to_path_buf()))
    else {
        return;
    };
    std::thread::spawn(move || {
        let never = std::sync::atomic::AtomicBool::new(false);
        Desk::watch_changes(&source, &never, |tables| {
            let _ = app.emit("data-changed", tables);
        });
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

    /// A command of the desk's table, as the UI's backend adapter sends it.
    fn call(
        webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
        name: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        invoke(
            webview,
            "call",
            serde_json::json!({ "name": name, "args": args, "progress": "__CHANNEL__:7" }),
        )
    }

    fn mock_app(
        db: PathBuf,
    ) -> (
        tauri::App<tauri::test::MockRuntime>,
        tauri::WebviewWindow<tauri::test::MockRuntime>,
    ) {
        let app = setup(mock_builder(), open_desk(Some(db)))
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        (app, webview)
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
        let (_app, webview) = mock_app(dir.path().join("t.sqlite3"));
        let draft = serde_json::json!({
            "kind": "company", "legal_name": "深圳市极光电子有限公司", "latin_name": "Aurora",
            "country": "CN", "registration_number": "", "address": "", "contact_email": "ip@aurora.example", "notes": ""
        });
        let created = call(
            &webview,
            "create_holder",
            serde_json::json!({ "draft": draft }),
        )
        .unwrap();
        assert_eq!(created["legal_name"], "深圳市极光电子有限公司");
        let list = call(&webview, "list_holders", serde_json::json!({})).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);

        // Errors cross as {code, message, fields}.
        let mut bad = draft.clone();
        bad["contact_email"] = "nope".into();
        let err = call(
            &webview,
            "create_holder",
            serde_json::json!({ "draft": bad }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "validation");
        assert_eq!(err["fields"][0]["field"], "contact_email");

        // A form field the backend cannot read is that field's error.
        let err = call(
            &webview,
            "create_complaint",
            serde_json::json!({ "draft": { "account_id": "" } }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "validation");
        assert_eq!(err["fields"][0]["field"], "account_id");
        assert_eq!(err["fields"][0]["code"], "required");
        // A missing argument is named, not an internal error.
        let err = call(&webview, "create_complaint", serde_json::json!({})).unwrap_err();
        assert_eq!(err["code"], "invalid_args");
    }

    #[test]
    fn paths_the_user_did_not_choose_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (_app, webview) = mock_app(dir.path().join("t.sqlite3"));
        let holder = call(&webview, "load_sample", serde_json::json!({})).unwrap();
        assert!(holder.is_object());
        let complaints = call(&webview, "list_complaints", serde_json::json!({ "filter": { "status": null, "platform": null, "right_id": null, "assignee": null, "sort": null, "descending": false, "offset": 0, "limit": 10 } })).unwrap();
        let complaint = complaints["rows"][0]["id"].as_str().unwrap().to_string();
        let before = std::fs::read_dir(dir.path().join("vault"))
            .map(|d| d.count())
            .unwrap_or(0);
        let attempts = [
            (
                "verify_bundle",
                serde_json::json!({ "path": "/etc/passwd" }),
            ),
            ("export_ics", serde_json::json!({ "path": "/bin/sh" })),
            (
                "export_complaint_urls",
                serde_json::json!({ "id": complaint, "format": "csv", "path": "/bin/sh" }),
            ),
            (
                "attach_documents",
                serde_json::json!({ "input": {
                "owner_kind": "complaint", "owner_id": complaint, "doc_kind": null, "paths": ["/etc/passwd"] } }),
            ),
            (
                "import_listings",
                serde_json::json!({ "commit": true, "request": {
                "source": { "kind": "file", "path": "/etc/passwd" }, "complaint_id": null } }),
            ),
            (
                "generate_packet",
                serde_json::json!({ "request": {
                "kind": "complaint", "id": complaint, "pdf_path": "/bin/sh", "bundle_path": null } }),
            ),
        ];
        for (name, args) in attempts {
            let err = call(&webview, name, args).unwrap_err();
            assert_eq!(err["code"], "forbidden", "{name}: {err}");
        }
        let err = invoke(
            &webview,
            "open_packet",
            serde_json::json!({ "path": "/etc/passwd" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "forbidden");
        // Nothing was copied into the vault.
        let after = std::fs::read_dir(dir.path().join("vault"))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(before, after);
    }

    #[test]
    fn a_database_that_failed_to_open_is_reported_on_every_call() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        std::fs::write(&path, "not a database at all").unwrap();
        let (_app, webview) = mock_app(path);
        let err = call(&webview, "app_info", serde_json::json!({})).unwrap_err();
        assert_eq!(err["code"], "not_a_database");
    }
}
