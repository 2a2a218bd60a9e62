//! The one command table: every action a host offers, by name, over JSON.
//! The desktop shell serves it over IPC, the CLI over `ippdesk call`, and the
//! UI's tests over loopback, so the three cannot offer different things.
//!
//! Arguments arrive as one JSON object keyed as the UI writes them
//! (camelCase, e.g. `listingId`; snake_case is accepted too). A command that
//! only reads runs on a reader connection of its own, so it answers while a
//! long write (a 100k-line import) holds the writer.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::paths::{PathPolicy, PathUse};
use crate::*;

/// Whether a command needs the writer, a reader, or no database at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
    NoDatabase,
}

/// Record ids as a list argument (the table's arguments are single tokens).
type IdList = Vec<Id>;
type OptDate = Option<chrono::NaiveDate>;

type Run = fn(Option<&mut Desk>, &Args, &Ctx) -> Result<Value>;

pub struct Command {
    pub name: &'static str,
    pub access: Access,
    run: Run,
}

/// What a host gives a running command besides its arguments.
pub struct Ctx<'a> {
    /// Progress for long work (each value is the command's progress DTO).
    pub progress: &'a (dyn Fn(Value) + Send + Sync),
    /// Set by the host (a Cancel button) to stop long work early.
    pub cancel: &'a AtomicBool,
    /// Which file-system paths this host lets the command touch.
    pub paths: &'a dyn PathPolicy,
}

impl Ctx<'_> {
    fn path<'p>(&self, path: &'p str, usage: PathUse) -> Result<&'p Path> {
        let p = Path::new(path);
        self.paths.check(p, usage)?;
        Ok(p)
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A command's arguments: one JSON object.
pub struct Args(Map<String, Value>);

impl Args {
    pub fn new(v: Value) -> Result<Args> {
        match v {
            Value::Object(m) => Ok(Args(m)),
            Value::Null => Ok(Args(Map::new())),
            other => Err(DeskError::new(
                ErrorCode::InvalidArgs,
                format!("Arguments must be a JSON object, not {other}."),
            )),
        }
    }

    /// The argument `name` (snake_case here; camelCase in the JSON).
    fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T> {
        let camel = camel_case(name);
        let v = self
            .0
            .get(&camel)
            .or_else(|| self.0.get(name))
            .cloned()
            .unwrap_or(Value::Null);
        serde_path_to_error::deserialize(&v).map_err(|e| {
            let path = e.path().clone();
            unreadable(&camel, &v, &path, e.into_inner())
        })
    }

    /// A record id: one that cannot be read names no record.
    fn id(&self, name: &str) -> Result<Id> {
        let s: String = self.get(name)?;
        s.parse()
            .map_err(|_| DeskError::new(ErrorCode::NotFound, format!("{s} is not a record id.")))
    }
}

/// An argument that cannot be read. A field inside a form's draft (an empty
/// account id, a date that is not one) is that field's error, as a person
/// would be told under the input; anything else is an `invalid_args` error.
fn unreadable(
    arg: &str,
    value: &Value,
    path: &serde_path_to_error::Path,
    e: serde_json::Error,
) -> DeskError {
    use serde_path_to_error::Segment;
    let mut field = None;
    let mut at = Some(value);
    for seg in path.iter() {
        match seg {
            Segment::Map { key } => {
                field.get_or_insert_with(|| key.clone());
                at = at.and_then(|v| v.get(key));
            }
            Segment::Seq { index } => at = at.and_then(|v| v.get(index)),
            Segment::Enum { .. } | Segment::Unknown => at = None,
        }
    }
    let Some(field) = field else {
        return DeskError::new(
            ErrorCode::InvalidArgs,
            format!("The argument `{arg}` could not be read: {e}."),
        );
    };
    let empty = matches!(at, None | Some(Value::Null))
        || at
            .and_then(Value::as_str)
            .is_some_and(|s| s.trim().is_empty());
    let (code, message) = if empty {
        (
            FieldErrorCode::Required,
            "This field is required.".to_string(),
        )
    } else {
        (
            FieldErrorCode::Invalid,
            format!("This value cannot be used: {e}."),
        )
    };
    DeskError::from(vec![FieldError {
        field,
        code,
        message,
    }])
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn json<T: Serialize>(r: Result<T>) -> Result<Value> {
    serde_json::to_value(r?).map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))
}

/// Declares the table. Each line: access, name, the arguments read from the
/// JSON (`id` ones as record ids), and the one call it makes.
macro_rules! table {
    ($( $access:ident $name:ident ( $($arg:ident : $kind:tt),* ) => |$d:ident, $ctx:ident| $body:expr; )*) => {
        /// Every command, in the order the UI's wrappers list them.
        pub static COMMANDS: &[Command] = &[
            $( Command {
                name: stringify!($name),
                access: Access::$access,
                run: |desk, args, $ctx| {
                    let _ = args;
                    $( let $arg = table!(@arg args, $arg, $kind)?; )*
                    table!(@desk $access, desk, $d);
                    json($body)
                },
            } ),*
        ];
    };
    (@arg $args:ident, $arg:ident, id) => { $args.id(stringify!($arg)) };
    (@arg $args:ident, $arg:ident, $t:ty) => { $args.get::<$t>(stringify!($arg)) };
    (@desk NoDatabase, $desk:ident, $d:ident) => { let _ = $desk; };
    (@desk $access:ident, $desk:ident, $d:ident) => {
        let $d = $desk.ok_or_else(|| DeskError::new(ErrorCode::Internal, "No database for this command."))?;
    };
}

/// The `updated_at` an edit form was opened on (stale edits are refused).
type Since = Option<chrono::DateTime<chrono::Utc>>;

table! {
    Read app_info() => |d, _c| d.info();
    Read verify_integrity() => |d, _c| d.verify();
    Write load_sample() => |d, _c| d.load_sample();
    Read audit_trail(id: id) => |d, _c| d.audit_trail(id);
    Read whoami() => |d, _c| d.whoami();

    Read list_holders() => |d, _c| d.list_holders();
    Read get_holder(id: id) => |d, _c| d.get_holder(id);
    Write create_holder(draft: HolderDraft) => |d, _c| d.create_holder(draft);
    Write update_holder(id: id, draft: HolderDraft, base: Since) => |d, _c| d.update_holder_since(id, draft, base);
    Write delete_holder(id: id) => |d, _c| d.delete_holder(id);

    Read list_agents() => |d, _c| d.list_agents();
    Write create_agent(draft: AgentDraft) => |d, _c| d.create_agent(draft);
    Write update_agent(id: id, draft: AgentDraft) => |d, _c| d.update_agent(id, draft);
    Write delete_agent(id: id) => |d, _c| d.delete_agent(id);
    Read list_poas() => |d, _c| d.list_poas();
    Write create_poa(draft: PoaDraft) => |d, _c| d.create_poa(draft);
    Write update_poa(id: id, draft: PoaDraft) => |d, _c| d.update_poa(id, draft);
    Write delete_poa(id: id) => |d, _c| d.delete_poa(id);
    Write create_account(draft: AccountDraft) => |d, _c| d.create_account(draft);
    Write update_account(id: id, draft: AccountDraft) => |d, _c| d.update_account(id, draft);
    Write delete_account(id: id) => |d, _c| d.delete_account(id);
    Write change_account_status(id: id, input: StatusChangeInput) =>
        |d, _c| d.change_account_status(id, input);

    Read list_rights() => |d, _c| d.list_rights();
    Read get_right(id: id) => |d, _c| d.get_right(id);
    Write create_right(draft: RightDraft) => |d, _c| d.create_right(draft);
    Write update_right(id: id, draft: RightDraft, base: Since) => |d, _c| d.update_right_since(id, draft, base);
    Write delete_right(id: id) => |d, _c| d.delete_right(id);
    Write set_registration(draft: ProgrammeRegistrationDraft) => |d, _c| d.set_registration(draft);

    Write attach_documents(input: AttachInput) => |d, c| {
        for p in &input.paths {
            c.path(p, PathUse::Read)?;
        }
        d.attach(input)
    };
    Write detach_document(id: id) => |d, _c| d.detach(id);
    Read document_data_url(id: id) => |d, _c| d.document_data_url(id);
    Read document_for_viewing(id: id) =>
        |d, _c| d.document_for_viewing(id).map(|p| p.display().to_string());

    Read list_complaints(filter: ComplaintFilter) => |d, _c| d.list_complaints(filter);
    Read get_complaint(id: id) => |d, _c| d.get_complaint(id);
    Write create_complaint(draft: ComplaintDraft) => |d, _c| d.create_complaint(draft);
    Write update_complaint(id: id, draft: ComplaintDraft, base: Since) => |d, _c| d.update_complaint_since(id, draft, base);
    Write delete_complaint(id: id) => |d, _c| d.delete_complaint(id);
    Write set_complaint_status(id: id, to: ComplaintStatus) => |d, _c| d.set_complaint_status(id, to);
    Write set_complaints_status(ids: IdList, to: ComplaintStatus) => |d, _c| d.set_complaints_status(ids, to);
    Write delete_complaints(ids: IdList) => |d, _c| d.delete_complaints(ids);
    Write file_complaint(id: id, input: FileComplaintInput) => |d, _c| d.file_complaint(id, input);
    Write set_seller_notified(id: id, on: OptDate) => |d, _c| d.set_seller_notified(id, on);
    Write remove_complaint_listing(id: id, listing_id: id) =>
        |d, _c| d.remove_listing_from_complaint(id, listing_id);
    Write set_listing_outcomes(id: id, input: OutcomeInput) => |d, _c| d.set_listing_outcomes(id, input);
    Write import_listings(request: ImportRequest, commit: bool) => |d, c| {
        if let ImportSource::File { path } = &request.source {
            c.path(path, PathUse::Read)?;
        }
        let mut progress = |p: ImportProgress| {
            if let Ok(v) = serde_json::to_value(p) {
                (c.progress)(v);
            }
        };
        d.import_listings_cancellable(request, commit, &mut progress, c.cancel)
    };
    Write build_batch(request: BatchRequest) => |d, _c| d.build_batch(request);
    Read complaint_urls(id: id) => |d, _c| d.complaint_urls(id);
    Read export_complaint_urls(id: id, format: UrlExportFormat, path: String) =>
        |d, c| d.export_complaint_urls(id, format, c.path(&path, PathUse::Write)?);
    Read max_listings(programme: Programme) => |d, _c| d.max_listings(programme);
    Write set_max_listings(programme: Programme, max: u32) => |d, _c| d.set_max_listings(programme, max);

    Read list_sellers() => |d, _c| d.list_sellers();
    Read get_seller(id: id) => |d, _c| d.get_seller(id);
    Write create_seller(draft: SellerDraft) => |d, _c| d.create_seller(draft);
    Write update_seller(id: id, draft: SellerDraft) => |d, _c| d.update_seller(id, draft);
    Write delete_seller(id: id) => |d, _c| d.delete_seller(id);
    Read seller_suggestions() => |d, _c| d.seller_suggestions();
    Write link_sellers(input: LinkSellersInput) => |d, _c| d.link_sellers(input);
    Write unlink_seller(id: id) => |d, _c| d.unlink_seller(id);
    Read get_listing(id: id) => |d, _c| d.get_listing(id);
    Write create_test_purchase(draft: TestPurchaseDraft) => |d, _c| d.create_test_purchase(draft);
    Write update_test_purchase(id: id, draft: TestPurchaseDraft) =>
        |d, _c| d.update_test_purchase(id, draft);
    Write delete_test_purchase(id: id) => |d, _c| d.delete_test_purchase(id);
    Read search(text: String) => |d, _c| d.search(&text);

    Write record_counter_notice(draft: CounterNoticeDraft) => |d, _c| d.record_counter_notice(draft);
    Write update_counter_notice(id: id, draft: CounterNoticeDraft) =>
        |d, _c| d.update_counter_notice(id, draft);
    Write respond_to_counter_notice(id: id, input: CounterResponseInput) =>
        |d, _c| d.respond_to_counter_notice(id, input);
    Write decide_counter_notice(id: id, input: CounterDecisionInput) =>
        |d, _c| d.decide_counter_notice(id, input);
    Write delete_counter_notice(id: id) => |d, _c| d.delete_counter_notice(id);

    Read dashboard() => |d, _c| d.dashboard();
    Read open_deadlines(filter: DeadlineFilter) => |d, _c| d.open_deadlines(filter);
    Read enforcement_report(query: EnforcementQuery) => |d, _c| d.enforcement_report(query);
    Read export_report(export: ReportExport) => |d, c| {
        c.path(&export.path, PathUse::Write)?;
        d.export_report(export)
    };
    Read export_ics(path: String) => |d, c| d.export_ics(c.path(&path, PathUse::Write)?);
    Write create_task(task: TaskDraft) => |d, _c| d.create_task(task);
    Write update_task(id: id, task: TaskDraft) => |d, _c| d.update_task(id, task);
    Write delete_task(id: id) => |d, _c| d.delete_task(id);
    Write set_deadline_done(id: id, done: bool) => |d, _c| d.set_deadline_done(id, done);
    Write assign_deadline(id: id, assignee: String) => |d, _c| d.assign_deadline(id, assignee);
    Read list_people() => |d, _c| d.list_people();
    Write create_person(draft: PersonDraft) => |d, _c| d.create_person(draft);
    Write update_person(id: id, draft: PersonDraft) => |d, _c| d.update_person(id, draft);
    Write delete_person(id: id) => |d, _c| d.delete_person(id);
    Read deadline_rules() => |d, _c| d.deadline_rules();
    Read deadline_rule_history(key: String) => |d, _c| d.deadline_rule_history(key);
    Write save_deadline_rule(rule: DeadlineRule) => |d, _c| d.save_deadline_rule(rule);
    Write reset_deadline_rule(key: String) => |d, _c| d.reset_deadline_rule(key);

    Read generate_packet(request: PacketRequest) => |d, c| {
        c.path(&request.pdf_path, PathUse::Write)?;
        if let Some(bundle) = &request.bundle_path {
            c.path(bundle, PathUse::Write)?;
        }
        let result = d.generate_packet(request)?;
        c.paths.wrote(Path::new(&result.pdf_path));
        if let Some(b) = &result.bundle_path {
            c.paths.wrote(Path::new(b));
        }
        Ok(result)
    };
    NoDatabase verify_bundle(path: String) => |_d, c| {
        if c.cancelled() {
            return Err(cancelled());
        }
        verify_bundle(c.path(&path, PathUse::Read)?)
    };
}

pub(crate) fn cancelled() -> DeskError {
    DeskError::new(ErrorCode::Cancelled, "Stopped; nothing was saved.")
}

/// The command called `name`, if there is one.
pub fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// Runs the command `name` with `args` on `desk`: the one entry point every
/// host uses. A command that panics answers with an `internal` error and
/// leaves the desk usable (see `SharedDesk`).
pub fn call(desk: &SharedDesk, name: &str, args: Value, ctx: &Ctx) -> Result<Value> {
    let cmd = command(name).ok_or_else(|| {
        DeskError::new(
            ErrorCode::UnknownCommand,
            format!("There is no command called `{name}`."),
        )
    })?;
    let args = Args::new(args)?;
    match cmd.access {
        Access::Write => desk.with(|d| (cmd.run)(Some(d), &args, ctx)),
        Access::Read => desk.read(|d| (cmd.run)(Some(d), &args, ctx)),
        Access::NoDatabase => crate::shared::catching_panics(|| (cmd.run)(None, &args, ctx)),
    }
}

/// A context with no progress, no cancel and any path (the CLI, tests).
pub fn with_plain_ctx<T>(f: impl FnOnce(&Ctx) -> T) -> T {
    let never = AtomicBool::new(false);
    let ctx = Ctx {
        progress: &|_| {},
        cancel: &never,
        paths: &crate::paths::AnyPath,
    };
    f(&ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn desk() -> (tempfile::TempDir, SharedDesk) {
        let dir = tempfile::tempdir().unwrap();
        let d = Desk::open(&dir.path().join("t.sqlite3")).unwrap();
        (dir, SharedDesk::new(Ok(d)))
    }

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in COMMANDS {
            assert!(seen.insert(c.name), "{} twice", c.name);
            assert!(c
                .name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '_'));
        }
        assert_eq!(camel_case("listing_id"), "listingId");
    }

    #[test]
    fn a_call_reads_camel_case_arguments_and_answers_json() {
        let (_dir, desk) = desk();
        with_plain_ctx(|ctx| {
            let draft = json!({
                "kind": "company", "legal_name": "深圳市极光电子有限公司", "latin_name": "Aurora",
                "country": "CN", "registration_number": "", "address": "",
                "contact_email": "ip@aurora.example", "notes": ""
            });
            let h = call(&desk, "create_holder", json!({ "draft": draft }), ctx).unwrap();
            let id = h["id"].as_str().unwrap().to_string();
            let got = call(&desk, "get_holder", json!({ "id": id }), ctx).unwrap();
            assert_eq!(got["holder"]["legal_name"], "深圳市极光电子有限公司");
            let rows = call(&desk, "list_holders", Value::Null, ctx).unwrap();
            assert_eq!(rows.as_array().unwrap().len(), 1);
        });
    }

    #[test]
    fn unreadable_arguments_and_unknown_names_are_clear_errors() {
        let (_dir, desk) = desk();
        with_plain_ctx(|ctx| {
            let e = call(
                &desk,
                "create_complaint",
                json!({ "draft": { "account_id": "" } }),
                ctx,
            )
            .unwrap_err();
            // A form's empty choice is that field's error, not an internal one.
            assert_eq!(e.code, ErrorCode::Validation);
            assert_eq!(
                (e.fields[0].field.as_str(), e.fields[0].code),
                ("account_id", FieldErrorCode::Required)
            );
            let e = call(
                &desk,
                "create_task",
                json!({ "task": { "title": "Call", "due_at": "tomorrow" } }),
                ctx,
            )
            .unwrap_err();
            assert_eq!(
                (e.fields[0].field.as_str(), e.fields[0].code),
                ("due_at", FieldErrorCode::Invalid)
            );
            // An argument that is not there at all, or of the wrong shape, is the caller's bug.
            let e = call(&desk, "create_complaint", json!({}), ctx).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidArgs);
            assert!(e.message.contains("`draft`"), "{}", e.message);
            let e = call(&desk, "get_holder", json!({ "id": "nope" }), ctx).unwrap_err();
            assert_eq!(e.code, ErrorCode::NotFound);
            let e = call(&desk, "drop_tables", json!({}), ctx).unwrap_err();
            assert_eq!(e.code, ErrorCode::UnknownCommand);
            let e = call(&desk, "list_holders", json!([1]), ctx).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidArgs);
        });
    }

    #[test]
    fn paths_go_through_the_hosts_policy() {
        let (_dir, desk) = desk();
        let gate = crate::paths::GrantedPaths::default();
        let never = AtomicBool::new(false);
        let ctx = Ctx {
            progress: &|_| {},
            cancel: &never,
            paths: &gate,
        };
        for (name, args) in [
            ("verify_bundle", json!({ "path": "/etc/passwd" })),
            ("export_ics", json!({ "path": "/bin/sh" })),
            (
                "import_listings",
                json!({ "request": { "source": { "kind": "file", "path": "/etc/passwd" }, "complaint_id": null }, "commit": false }),
            ),
        ] {
            let e = call(&desk, name, args, &ctx).unwrap_err();
            assert_eq!(e.code, ErrorCode::Forbidden, "{name}: {e:?}");
        }
    }

    #[test]
    fn a_cancelled_import_stops_with_progress_so_far_and_writes_nothing() {
        let (_dir, desk) = desk();
        let text: Vec<String> = (0..12_000)
            .map(|i| {
                format!(
                    "https://detail.1688.com/offer/{}.html",
                    600_000_000_000u64 + i
                )
            })
            .collect();
        let args = json!({ "commit": true, "request": {
            "source": { "kind": "paste", "text": text.join("\n") }, "complaint_id": null } });
        let seen = std::sync::Mutex::new(Vec::new());
        let stop = AtomicBool::new(false);
        let ctx = Ctx {
            // The user presses Stop when the first part is reported.
            progress: &|v| {
                if v["done"].as_u64().unwrap_or(0) > 0 {
                    stop.store(true, Ordering::Relaxed);
                }
                seen.lock().unwrap().push(v);
            },
            cancel: &stop,
            paths: &crate::paths::AnyPath,
        };
        let e = call(&desk, "import_listings", args.clone(), &ctx).unwrap_err();
        assert_eq!(e.code, ErrorCode::Cancelled);
        assert!(seen.lock().unwrap().len() >= 2);
        assert!(desk.read(|d| d.search("600000000001")).unwrap().is_empty());
        // Not cancelled, the same import lands whole.
        let done = with_plain_ctx(|ctx| call(&desk, "import_listings", args, ctx)).unwrap();
        assert_eq!(done["counts"]["accepted"], 12_000);
    }

    #[test]
    fn a_reader_answers_while_the_writer_is_held() {
        let (_dir, desk) = desk();
        let desk = std::sync::Arc::new(desk);
        let (held_tx, held_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let writer = {
            let desk = desk.clone();
            std::thread::spawn(move || {
                desk.with(|_d| {
                    held_tx.send(()).unwrap();
                    release_rx.recv().unwrap();
                    Ok(())
                })
            })
        };
        held_rx.recv().unwrap();
        // The writer is busy; a read still answers (it would deadlock otherwise).
        let rows = with_plain_ctx(|ctx| call(&desk, "list_holders", Value::Null, ctx)).unwrap();
        assert_eq!(rows, json!([]));
        release_tx.send(()).unwrap();
        writer.join().unwrap().unwrap();
    }
}
