//! The crash test: the real `ippdesk` binary killed with SIGKILL (`kill -9`;
//! `Child::kill` sends exactly that on Unix) at random moments of listing
//! imports, document attachments and packet exports, all on one database.
//! After each kill: the database opens, `ippdesk verify` passes, SQLite's own
//! integrity check passes (every tenth round and the last), an import is all there or not at all (its listings
//! and its one audit row), an attachment is all there or not at all, every
//! document row has its vault file (hashing to its name), every vault file is
//! either a whole file named by its hash or a hidden `.incoming-` temporary,
//! a packet's PDF and bundle are each whole or absent, and search finds every
//! committed import.
//!
//! `IPPDESK_CRASH_ROUNDS` (default 10; `make crash` runs 100) and
//! `IPPDESK_CRASH_SEED` (printed at the start; set it to replay a run's
//! choices of operation, delay and file contents). On a failure the folder
//! with the database is kept and named.

// A test file: a panic is how a check fails (helpers are not `#[test]`s).
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Lines per import: big enough that a kill lands inside it.
const IMPORT_LINES: usize = 30_000;
/// Files per attachment, each of 16 KiB to 512 KiB.
const ATTACH_FILES: usize = 16;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Import,
    Attach,
    Packet,
}

const KINDS: [Kind; 3] = [Kind::Import, Kind::Attach, Kind::Packet];

impl Kind {
    fn index(self) -> usize {
        self as usize
    }
}

/// xorshift64*: enough randomness to spread kills, replayable from its seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 once, so small seeds still start well mixed (never 0).
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n + 8);
        while out.len() < n {
            out.extend_from_slice(&self.next().to_le_bytes());
        }
        out.truncate(n);
        out
    }
}

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    Some(
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
    )
}

fn ippdesk_cmd(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ippdesk"));
    c.arg("--db").arg(db).env_remove("IPPDESK_DB");
    c
}

fn run_ok(db: &Path, args: &[&str]) -> Output {
    let out = ippdesk_cmd(db).args(args).output().expect("ippdesk runs");
    assert!(
        out.status.success(),
        "ippdesk {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn is_sha256_name(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The folder of one crash run: the database, its vault, inputs, packets.
struct Bench {
    dir: PathBuf,
    db: PathBuf,
    holder_id: String,
    complaint_id: String,
}

/// What one round started: its command and how to tell its rows.
struct Op {
    kind: Kind,
    args: Vec<String>,
    /// Import: the title prefix of its lines. Attach: the notes of its files.
    tag: String,
    pdf: PathBuf,
    bundle: PathBuf,
}

impl Bench {
    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn prepare(&self, kind: Kind, round: usize, rng: &mut Rng) -> Op {
        let tag = format!("crash-r{round:04}");
        let pdf = self.path(&format!("packets/{tag}.pdf"));
        let bundle = self.path(&format!("packets/{tag}.zip"));
        let args = match kind {
            Kind::Import => {
                let csv = self.path(&format!("inputs/{tag}.csv"));
                // Ids unique to the round: every line is a new listing.
                let base = 500_000_000_000u64 + round as u64 * 1_000_000;
                let mut text = String::with_capacity(IMPORT_LINES * 80);
                text.push_str("url,title\n");
                for i in 0..IMPORT_LINES {
                    text.push_str(&format!(
                        "https://item.taobao.com/item.htm?id={}&spm=a1z10.crash,{tag}-{i}\n",
                        base + i as u64
                    ));
                }
                std::fs::write(&csv, text).unwrap();
                vec!["listing".into(), "import".into(), csv.display().to_string()]
            }
            Kind::Attach => {
                let mut paths = Vec::new();
                for j in 0..ATTACH_FILES {
                    // Opaque evidence (a screen recording's bytes).
                    let p = self.path(&format!("inputs/{tag}-{j:02}.mp4"));
                    let size = 16 * 1024 + rng.below(496 * 1024) as usize;
                    std::fs::write(&p, rng.bytes(size)).unwrap();
                    paths.push(p.display().to_string());
                }
                let input = serde_json::json!({ "input": {
                    "owner_kind": "holder",
                    "owner_id": self.holder_id,
                    "doc_kind": null,
                    "paths": paths,
                    "facts": {
                        "captured_at": null,
                        "captured_by": "crash test",
                        "source_url": "",
                        "notes": tag,
                    },
                }});
                vec!["call".into(), "attach_documents".into(), input.to_string()]
            }
            Kind::Packet => vec![
                "packet".into(),
                "complaint".into(),
                self.complaint_id.clone(),
                "--out".into(),
                pdf.display().to_string(),
                "--bundle".into(),
                bundle.display().to_string(),
            ],
        };
        Op {
            kind,
            args,
            tag,
            pdf,
            bundle,
        }
    }

    fn spawn(&self, op: &Op) -> Child {
        ippdesk_cmd(&self.db)
            .args(&op.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ippdesk starts")
    }
}

/// How a round's process ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// Killed while it ran.
    Killed,
    /// It had exited (successfully) before the kill came.
    Finished,
}

/// Runs `op`, killing it after `delay` unless it ended first.
fn run_and_kill(bench: &Bench, op: &Op, delay: Option<Duration>) -> (Ended, Duration) {
    let started = Instant::now();
    let mut child = bench.spawn(op);
    let mut sent = false;
    if let Some(delay) = delay {
        std::thread::sleep(delay);
        if child.try_wait().expect("try_wait").is_none() {
            child.kill().expect("SIGKILL");
            sent = true;
        }
    }
    let out = child.wait_with_output().expect("wait");
    let took = started.elapsed();
    if out.status.success() {
        // Also when it exited between the look and the kill.
        (Ended::Finished, took)
    } else if sent && killed_by_sigkill(out.status) {
        (Ended::Killed, took)
    } else {
        panic!(
            "{:?} {} failed before any kill ({}): {}",
            op.kind,
            op.tag,
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    }
}

/// Ended by SIGKILL, not by an error of its own just before the kill.
#[cfg(unix)]
fn killed_by_sigkill(status: std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

/// `Child::kill` is TerminateProcess here: any failure after it is the kill.
#[cfg(not(unix))]
fn killed_by_sigkill(_: std::process::ExitStatus) -> bool {
    true
}

/// Running totals the database must show after each round.
#[derive(Default, Debug)]
struct Expected {
    listings: i64,
    import_audits: i64,
    documents: i64,
    attach_audits: i64,
}

#[derive(Default)]
struct Figures {
    runs: [u32; 3],
    killed: [u32; 3],
    finished: [u32; 3],
    /// Import / attach: kills that landed after the commit (rows there),
    /// e.g. while the import's search indexing ran.
    killed_after_commit: [u32; 3],
    packet_none: u32,
    packet_pdf_only: u32,
    packet_both: u32,
    vault_temps: usize,
    vault_orphans: usize,
    vault_writable: usize,
    packet_parts: usize,
    op_time: Duration,
    check_time: Duration,
    /// Of the checks: `ippdesk verify`, SQLite's integrity check, search.
    verify_time: Duration,
    integrity_time: Duration,
    search_time: Duration,
}

fn count(conn: &rusqlite::Connection, sql: &str, arg: &str) -> i64 {
    conn.query_row(sql, [arg], |r| r.get(0)).unwrap()
}

fn count_all(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// (listings, import audit rows, documents, attach audit rows).
fn totals(conn: &rusqlite::Connection) -> (i64, i64, i64, i64) {
    let audits = |action| {
        count(
            conn,
            "SELECT count(*) FROM audit_log WHERE action = ?1",
            action,
        )
    };
    (
        count_all(conn, "listings"),
        audits("import"),
        count_all(conn, "documents"),
        audits("attach"),
    )
}

/// Checks everything a crash must not break; returns whether the round's
/// own rows (import or attachment) were committed.
fn check(
    bench: &Bench,
    op: &Op,
    expected: &mut Expected,
    hashed: &mut HashSet<String>,
    figures: &mut Figures,
    full_check: bool,
) -> bool {
    // The product opens the crashed database and verifies vault and chain.
    let t = Instant::now();
    let out = ippdesk_cmd(&bench.db)
        .args(["--json", "verify"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "verify after {:?} {}: {}\n{}",
        op.kind,
        op.tag,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_of(&out)["ok"], true);
    figures.verify_time += t.elapsed();

    // SQLite's own view of the file, every page read: its cost grows with
    // the database (two seconds at 500k listings), so every tenth round and
    // the last; damage found there came from the ten rounds before.
    let t = Instant::now();
    let conn = rusqlite::Connection::open(&bench.db).unwrap();
    if full_check {
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "after {:?} {}", op.kind, op.tag);
        let fk_problems: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk_problems, 0, "foreign keys after {}", op.tag);
    }
    figures.integrity_time += t.elapsed();

    // All or nothing: the round's own rows.
    let mut committed = false;
    match op.kind {
        Kind::Import => {
            let n = count(
                &conn,
                "SELECT count(*) FROM listings WHERE title GLOB ?1 || '-*'",
                &op.tag,
            );
            assert!(
                n == 0 || n == IMPORT_LINES as i64,
                "import {} is torn: {n} of {IMPORT_LINES} listings",
                op.tag
            );
            committed = n > 0;
            if committed {
                expected.listings += n;
                expected.import_audits += 1;
                // Search finds the last line, indexed or not yet.
                let t = Instant::now();
                let last = format!("{}-{}", op.tag, IMPORT_LINES - 1);
                let hits = json_of(&run_ok(&bench.db, &["--json", "search", &last]));
                assert!(
                    hits.as_array()
                        .unwrap()
                        .iter()
                        .any(|h| h["title"] == last.as_str()),
                    "search misses {last}: {hits}"
                );
                figures.search_time += t.elapsed();
            }
        }
        Kind::Attach => {
            let n = count(
                &conn,
                "SELECT count(*) FROM documents WHERE notes = ?1",
                &op.tag,
            );
            assert!(
                n == 0 || n == ATTACH_FILES as i64,
                "attachment {} is torn: {n} of {ATTACH_FILES} documents",
                op.tag
            );
            committed = n > 0;
            if committed {
                expected.documents += n;
                expected.attach_audits += n;
            }
        }
        Kind::Packet => {
            let pdf = std::fs::read(&op.pdf).ok();
            let bundle = op.bundle.exists();
            if let Some(pdf) = &pdf {
                assert!(pdf.starts_with(b"%PDF-"), "{} is not a PDF", op.tag);
                let tail = &pdf[pdf.len().saturating_sub(1024)..];
                assert!(
                    tail.windows(5).any(|w| w == b"%%EOF"),
                    "{} PDF is cut short",
                    op.tag
                );
            }
            assert!(
                !bundle || pdf.is_some(),
                "{}: a bundle without its PDF",
                op.tag
            );
            if bundle {
                let b = op.bundle.display().to_string();
                let out = run_ok(&bench.db, &["--json", "verify", &b]);
                assert_eq!(json_of(&out)["ok"], true, "bundle {}", op.tag);
            }
            match (pdf.is_some(), bundle) {
                (false, _) => figures.packet_none += 1,
                (true, false) => figures.packet_pdf_only += 1,
                (true, true) => figures.packet_both += 1,
            }
        }
    }

    // Nothing else came or went.
    assert_eq!(
        totals(&conn),
        (
            expected.listings,
            expected.import_audits,
            expected.documents,
            expected.attach_audits
        ),
        "(listings, import audit rows, documents, attach audit rows) after {}",
        op.tag
    );

    // Every document row has its file, whole; every vault file is whole.
    let mut stmt = conn.prepare("SELECT sha256, size FROM documents").unwrap();
    let docs: Vec<(String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let vault = bench.db.parent().unwrap().join("vault");
    let mut named = HashSet::new();
    figures.vault_temps = 0;
    figures.vault_writable = 0;
    for entry in std::fs::read_dir(&vault).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_sha256_name(&name) {
            if !hashed.contains(&name) {
                let bytes = std::fs::read(entry.path()).unwrap();
                assert_eq!(sha256_hex(&bytes), name, "vault file {name} is not whole");
                hashed.insert(name.clone());
            }
            if !entry.metadata().unwrap().permissions().readonly() {
                figures.vault_writable += 1;
            }
            named.insert(name);
        } else {
            // A temporary of an ingest the kill cut short: hidden, never
            // named like data, never listed by a document row.
            assert!(
                name.starts_with(".incoming-"),
                "unexpected file in the vault: {name}"
            );
            figures.vault_temps += 1;
        }
    }
    let referenced: HashSet<&str> = docs.iter().map(|(s, _)| s.as_str()).collect();
    for (sha, size) in &docs {
        assert!(named.contains(sha), "document row without its file {sha}");
        let len = std::fs::metadata(vault.join(sha)).unwrap().len();
        assert_eq!(len as i64, *size, "vault file {sha} has another size");
    }
    figures.vault_orphans = named
        .iter()
        .filter(|n| !referenced.contains(n.as_str()))
        .count();

    // Packets: only whole files under their names, plus hidden temporaries.
    figures.packet_parts = 0;
    for entry in std::fs::read_dir(bench.path("packets")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.ends_with(".part") {
            figures.packet_parts += 1;
        } else {
            assert!(
                name.starts_with("crash-r") && (name.ends_with(".pdf") || name.ends_with(".zip")),
                "unexpected file among the packets: {name}"
            );
        }
    }
    committed
}

fn setup(dir: &Path) -> (Bench, Expected) {
    let db = dir.join("crash.sqlite3");
    std::fs::create_dir_all(dir.join("inputs")).unwrap();
    std::fs::create_dir_all(dir.join("packets")).unwrap();
    run_ok(&db, &["sample"]);
    let holder = json_of(&run_ok(
        &db,
        &[
            "--json",
            "holder",
            "add",
            "--legal-name",
            "崩溃测试有限公司",
            "--country",
            "CN",
            "--email",
            "crash@test.example",
        ],
    ));
    let complaints = json_of(&run_ok(
        &db,
        &["--json", "complaint", "list", "--status", "filed"],
    ));
    let complaint_id = complaints[0]["id"].as_str().unwrap().to_string();
    // Evidence big enough that a packet's bundle takes a while to write.
    let mut rng = Rng::new(0);
    let mut paths = Vec::new();
    for j in 0..3 {
        let p = dir.join(format!("test-purchase-recording-{j}.mp4"));
        std::fs::write(&p, rng.bytes(6 << 20)).unwrap();
        paths.push(p.display().to_string());
    }
    let input = serde_json::json!({ "input": {
        "owner_kind": "complaint",
        "owner_id": complaint_id,
        "doc_kind": null,
        "paths": paths,
    }});
    run_ok(&db, &["call", "attach_documents", &input.to_string()]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (listings, import_audits, documents, attach_audits) = totals(&conn);
    let expected = Expected {
        listings,
        import_audits,
        documents,
        attach_audits,
    };
    let bench = Bench {
        dir: dir.to_path_buf(),
        db,
        holder_id: holder["id"].as_str().unwrap().to_string(),
        complaint_id,
    };
    (bench, expected)
}

#[test]
fn kill_9_at_random_moments_leaves_a_whole_database() {
    let rounds = env_u64("IPPDESK_CRASH_ROUNDS").unwrap_or(10) as usize;
    let seed = env_u64("IPPDESK_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
    });
    println!("crash test: {rounds} rounds, seed {seed} (replay: IPPDESK_CRASH_SEED={seed})");
    let dir = tempfile::Builder::new()
        .prefix("ippdesk-crash-")
        .tempdir()
        .unwrap();
    let result = std::panic::catch_unwind(|| crash_rounds(dir.path(), rounds, seed));
    if let Err(panic) = result {
        let kept = dir.keep();
        eprintln!(
            "crash test failed: seed {seed} (replay: IPPDESK_CRASH_SEED={seed} \
             IPPDESK_CRASH_ROUNDS={rounds}); the database is kept in {}",
            kept.display()
        );
        std::panic::resume_unwind(panic);
    }
}

fn crash_rounds(dir: &Path, rounds: usize, seed: u64) {
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let (bench, mut expected) = setup(dir);
    let mut hashed = HashSet::new();
    let mut figures = Figures::default();

    // Each operation once, whole: it must succeed, and its time spreads the kills.
    let mut typical = [Duration::ZERO; 3];
    for kind in KINDS {
        let op = bench.prepare(kind, 0, &mut rng);
        let (ended, took) = run_and_kill(&bench, &op, None);
        assert!(ended == Ended::Finished);
        assert!(
            check(&bench, &op, &mut expected, &mut hashed, &mut figures, true)
                || kind == Kind::Packet
        );
        typical[kind.index()] = took;
    }
    figures = Figures::default();
    let db_start = std::fs::metadata(&bench.db).unwrap().len();
    println!(
        "typical durations: import of {IMPORT_LINES} URLs {:.0} ms, attachment of {ATTACH_FILES} files {:.0} ms, packet with bundle {:.0} ms",
        typical[0].as_secs_f64() * 1e3,
        typical[1].as_secs_f64() * 1e3,
        typical[2].as_secs_f64() * 1e3
    );

    for round in 1..=rounds {
        let kind = KINDS[rng.below(3) as usize];
        let op = bench.prepare(kind, round, &mut rng);
        // Over the whole run and a little past it, so some kills come late.
        let delay = typical[kind.index()].mul_f64(1.15 * rng.unit());
        let (ended, took) = run_and_kill(&bench, &op, Some(delay));
        figures.op_time += took;
        let k = kind.index();
        figures.runs[k] += 1;
        match ended {
            Ended::Killed => {
                figures.killed[k] += 1;
                // It ran longer than the delay: the typical time grows with
                // the database, and the kills follow.
                typical[k] = typical[k].max(delay);
            }
            Ended::Finished => {
                figures.finished[k] += 1;
                // A run that ended on its own is a fresh measure of its time.
                typical[k] = took;
            }
        }
        let checking = Instant::now();
        let full_check = round % 10 == 0 || round == rounds;
        let committed = check(
            &bench,
            &op,
            &mut expected,
            &mut hashed,
            &mut figures,
            full_check,
        );
        figures.check_time += checking.elapsed();
        if kind != Kind::Packet {
            assert!(
                committed || ended == Ended::Killed,
                "{:?} {} finished but its rows are missing",
                kind,
                op.tag
            );
            if committed && ended == Ended::Killed {
                figures.killed_after_commit[k] += 1;
            }
        }
        // Inputs are done with; keep the folder small.
        for entry in std::fs::read_dir(bench.path("inputs")).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
    }

    let f = &figures;
    println!("crash test figures (seed {seed}):");
    println!(
        "  rounds: {rounds} in {:.1} s (operations {:.1} s, checks {:.1} s)",
        started.elapsed().as_secs_f64(),
        f.op_time.as_secs_f64(),
        f.check_time.as_secs_f64()
    );
    for kind in KINDS {
        let k = kind.index();
        println!(
            "  {:<7} runs {:>3}: killed mid-operation {:>3}, finished before the kill {:>3}",
            format!("{kind:?}").to_lowercase(),
            f.runs[k],
            f.killed[k],
            f.finished[k],
        );
    }
    println!(
        "  import kills: {} before the commit (nothing there), {} after it (all there, e.g. during search indexing)",
        f.killed[0] - f.killed_after_commit[0],
        f.killed_after_commit[0]
    );
    println!(
        "  attachment kills: {} before the commit (no rows), {} after it (all rows)",
        f.killed[1] - f.killed_after_commit[1],
        f.killed_after_commit[1]
    );
    println!(
        "  packets: {} with no file, {} with the PDF only, {} with PDF and bundle",
        f.packet_none, f.packet_pdf_only, f.packet_both
    );
    println!(
        "  left behind: {} vault temporaries (.incoming-*), {} packet temporaries (.*.part), \
         {} vault files no row names (whole, from cut-short attachments), {} vault files left writable",
        f.vault_temps, f.packet_parts, f.vault_orphans, f.vault_writable
    );
    println!(
        "  checks: verify {:.1} s, SQLite integrity {:.1} s, search {:.1} s",
        f.verify_time.as_secs_f64(),
        f.integrity_time.as_secs_f64(),
        f.search_time.as_secs_f64()
    );
    println!(
        "  database: {} listings, {} documents, {} MB (from {} MB); every check passed after every kill",
        expected.listings,
        expected.documents,
        std::fs::metadata(&bench.db).unwrap().len() >> 20,
        db_start >> 20
    );
}
