//! `ui-test-server`: the desk's command table over loopback HTTP, so the UI's
//! unit tests (vitest) and `npm run dev` in a plain browser run against the
//! real rules instead of a TypeScript copy of them.
//!
//! It listens on 127.0.0.1 on a port the system picks and prints
//! `listening 127.0.0.1:PORT` as its first line. Endpoints (all POST):
//!
//! - `/call/NAME`, body the JSON arguments: `{"ok": answer, "progress": [..]}`
//!   with every progress value the command sent, or `{"err": {code, message,
//!   fields}}`.
//! - `/reset?sample=1|0[&today=YYYY-MM-DD][&open=not_a_database]`: a new
//!   database in a new temp folder (the old one is deleted once no call uses
//!   it), "today" fixed (default 2026-06-15), the sample loaded through the
//!   `load_sample` command when `sample=1`. `open=not_a_database` puts a text
//!   file where the database goes, so every call answers the open error.
//! - `/quit`: exits.
//!
//! It also exits when its standard input closes, so a test runner that dies
//! never leaves it running. Paths are not checked (any path is allowed, as in
//! the CLI): tests write packets and exports to temp paths. Because of that it
//! answers only requests addressed to a loopback host and, from a browser,
//! only pages served from a loopback origin (a JSON body needs a CORS
//! preflight, which other origins fail).

use std::io::Read;
use std::process::exit;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use ippdesk_desk::commands::{call, with_plain_ctx, Ctx};
use ippdesk_desk::paths::AnyPath;
use ippdesk_desk::{Desk, DeskError, ErrorCode, SharedDesk};
use serde_json::{json, Value};
use tiny_http::{Header, Method, Request, Response, Server};

/// The "today" of every test database unless a reset names another.
const DEFAULT_TODAY: &str = "2026-06-15";
const DB_FILE: &str = "ippdesk.sqlite3";

/// One database in its own temp folder; the folder goes when the last call
/// holding the session ends.
struct Session {
    desk: SharedDesk,
    _dir: tempfile::TempDir,
}

type Current = Mutex<Option<Arc<Session>>>;

fn main() {
    let server = match Server::http("127.0.0.1:0") {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ui-test-server: cannot listen on 127.0.0.1: {e}");
            exit(1);
        }
    };
    let Some(addr) = server.server_addr().to_ip() else {
        eprintln!("ui-test-server: not listening on an IP address");
        exit(1);
    };
    let sample = std::env::args().any(|a| a == "--sample");
    let first = match new_session(sample, default_today(), false) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ui-test-server: cannot create the first database: {e}");
            exit(1);
        }
    };
    let current: Arc<Current> = Arc::new(Mutex::new(Some(Arc::new(first))));
    println!("listening {addr}");

    {
        let current = current.clone();
        std::thread::spawn(move || {
            // Read until end of file: the parent closed our stdin or died.
            let mut sink = [0u8; 256];
            let mut stdin = std::io::stdin();
            while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
            quit(&current);
        });
    }

    for request in server.incoming_requests() {
        let current = current.clone();
        std::thread::spawn(move || handle(&current, request));
    }
}

fn default_today() -> NaiveDate {
    DEFAULT_TODAY.parse().unwrap_or_default()
}

/// Drops the database (deleting its folder when no call holds it) and exits.
fn quit(current: &Current) -> ! {
    drop(lock(current).take());
    exit(0);
}

fn lock(current: &Current) -> std::sync::MutexGuard<'_, Option<Arc<Session>>> {
    current.lock().unwrap_or_else(PoisonError::into_inner)
}

fn new_session(sample: bool, today: NaiveDate, broken: bool) -> Result<Session, DeskError> {
    let io = |e: std::io::Error| DeskError::new(ErrorCode::Io, e.to_string());
    let dir = tempfile::Builder::new()
        .prefix("ippdesk-ui-test-")
        .tempdir()
        .map_err(io)?;
    let path = dir.path().join(DB_FILE);
    if broken {
        std::fs::write(&path, "Notes, not a database.\n").map_err(io)?;
    }
    let desk = SharedDesk::new(Desk::open(&path).map(|d| d.with_today(today)));
    if sample {
        with_plain_ctx(|ctx| call(&desk, "load_sample", Value::Null, ctx))?;
    }
    Ok(Session { desk, _dir: dir })
}

fn handle(current: &Current, mut request: Request) {
    let origin = header(&request, "Origin");
    if !loopback_host(header(&request, "Host").as_deref())
        || origin.as_deref().is_some_and(|o| !loopback_origin(o))
    {
        respond(request, 403, &json!({ "error": "loopback only" }), None);
        return;
    }
    if *request.method() == Method::Options {
        // A browser's CORS preflight from a loopback page (`npm run dev`).
        let r = Response::empty(204)
            .with_header(header_of("Access-Control-Allow-Methods", "POST"))
            .with_header(header_of("Access-Control-Allow-Headers", "content-type"));
        let r = match &origin {
            Some(o) => r.with_header(header_of("Access-Control-Allow-Origin", o)),
            None => r,
        };
        let _ = request.respond(r);
        return;
    }
    if *request.method() != Method::Post {
        respond(request, 405, &json!({ "error": "POST only" }), origin);
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let answer = if let Some(name) = path.strip_prefix("/call/") {
        let mut body = String::new();
        match request.as_reader().read_to_string(&mut body) {
            Ok(_) => run(current, name, &body),
            Err(e) => err(DeskError::new(ErrorCode::InvalidArgs, e.to_string())),
        }
    } else if path == "/reset" {
        reset(current, query)
    } else if path == "/quit" {
        respond(request, 200, &json!({ "ok": null }), origin);
        quit(current);
    } else {
        respond(
            request,
            404,
            &json!({ "error": "no such endpoint" }),
            origin,
        );
        return;
    };
    respond(request, 200, &answer, origin);
}

fn run(current: &Current, name: &str, body: &str) -> Value {
    let args = if body.trim().is_empty() {
        Value::Null
    } else {
        match serde_json::from_str(body) {
            Ok(v) => v,
            Err(e) => {
                return err(DeskError::new(
                    ErrorCode::InvalidArgs,
                    format!("The arguments are not JSON: {e}."),
                ))
            }
        }
    };
    let Some(session) = lock(current).clone() else {
        return err(DeskError::new(
            ErrorCode::Internal,
            "The server is stopping.",
        ));
    };
    let progress = Mutex::new(Vec::new());
    let send = |v: Value| {
        progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(v)
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    let ctx = Ctx {
        progress: &send,
        cancel: &never,
        paths: &AnyPath,
    };
    match call(&session.desk, name, args, &ctx) {
        Ok(v) => {
            let sent = progress
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner);
            json!({ "ok": v, "progress": sent })
        }
        Err(e) => err(e),
    }
}

fn reset(current: &Current, query: &str) -> Value {
    let mut sample = false;
    let mut broken = false;
    let mut today = default_today();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sample" => sample = value == "1" || value == "true",
            "open" if value == "not_a_database" => broken = true,
            "today" => match value.parse() {
                Ok(d) => today = d,
                Err(_) => {
                    return err(DeskError::new(
                        ErrorCode::InvalidArgs,
                        format!("today={value} is not a YYYY-MM-DD date."),
                    ))
                }
            },
            _ => {
                return err(DeskError::new(
                    ErrorCode::InvalidArgs,
                    format!("Unknown reset option {pair}."),
                ))
            }
        }
    }
    match new_session(sample, today, broken) {
        Ok(s) => {
            // The old session's folder goes when the last call using it ends.
            *lock(current) = Some(Arc::new(s));
            json!({ "ok": { "today": today.to_string(), "sample": sample } })
        }
        Err(e) => err(e),
    }
}

fn err(e: DeskError) -> Value {
    json!({ "err": e })
}

fn respond(request: Request, status: u16, body: &Value, origin: Option<String>) {
    let mut r = Response::from_string(body.to_string())
        .with_status_code(status)
        .with_header(header_of("Content-Type", "application/json"));
    if let Some(o) = origin {
        r = r.with_header(header_of("Access-Control-Allow-Origin", &o));
    }
    // The peer may have gone (a test that ended); nothing to do about it.
    let _ = request.respond(r);
}

fn header(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_string())
}

fn header_of(name: &str, value: &str) -> Header {
    // Names are ours; values are ours or a request's header (ASCII already).
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("an ASCII header")
}

/// `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT` (no DNS rebinding).
fn loopback_host(host: Option<&str>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

/// A page served from this machine (`npm run dev`), never another site.
fn loopback_origin(origin: &str) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|rest| loopback_host(Some(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_and_origins_are_served() {
        assert!(loopback_host(Some("127.0.0.1:4312")));
        assert!(loopback_host(Some("localhost:5173")));
        assert!(loopback_host(None));
        assert!(!loopback_host(Some("evil.example:4312")));
        assert!(!loopback_host(Some("127.0.0.1.evil.example")));
        assert!(loopback_origin("http://localhost:5173"));
        assert!(!loopback_origin("https://evil.example"));
        assert!(!loopback_origin("http://localhost.evil.example"));
        assert!(!loopback_origin("null"));
    }
}
