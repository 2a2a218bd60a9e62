//! `make bench`: each figure printed beside a baseline measured in the same
//! run on the same machine, so a slow machine does not pass for a slow product.
//! With `--pg URL` (an administrator's URL of a PostgreSQL server; `make
//! bench` starts a throwaway one on loopback), the database figures are
//! measured on the team edition too, each in new databases of that server,
//! and printed beside SQLite's from the same run.
//!
//! - import: 100k listing URLs (parse, normalize, dedup, one commit) vs
//!   `sqlite3 .import` (and `psql \copy`) of the same CSV into an
//!   equivalent table;
//! - queries: the complaint list page and full-text search on 1M listings /
//!   100k complaints (p50 / p95 over many calls);
//! - dashboard: deadlines, figures and the good-faith panel on the same
//!   database (each query p50 / p95);
//! - concurrent: 20 clients at once on that database, each with its own
//!   connection, some writing complaints and their listings, the rest
//!   reading the list page (errors counted, p95 of the page);
//! - packet: a complaint packet of 50 listings × 2 screenshots (1920×1080
//!   PNG) vs headless Chromium printing the same text and images;
//! - vault: ingest hashing vs `sha256sum` on the same files.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;

use ippdesk_desk::*;

#[derive(Parser)]
struct Args {
    /// Which benchmarks: import, queries, dashboard, concurrent, packet,
    /// vault (default: all).
    only: Vec<String>,
    /// Listings for the import benchmark.
    #[arg(long, default_value_t = 100_000)]
    import_listings: u32,
    /// Database size for the query benchmarks.
    #[arg(long, default_value_t = 1_000_000)]
    listings: u32,
    #[arg(long, default_value_t = 100_000)]
    complaints: u32,
    /// Keep the generated 1M-listing database here between runs.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// An administrator's URL of a PostgreSQL server: the import, queries,
    /// dashboard and concurrent benchmarks also run there (team edition),
    /// each in databases it creates (and drops after).
    #[arg(long)]
    pg: Option<String>,
    /// Database size on PostgreSQL (default: as `--listings`).
    #[arg(long)]
    pg_listings: Option<u32>,
    /// Complaints on PostgreSQL (default: as `--complaints`).
    #[arg(long)]
    pg_complaints: Option<u32>,
    /// Concurrent clients, of which `--writers` write.
    #[arg(long, default_value_t = 20)]
    clients: u32,
    #[arg(long, default_value_t = 5)]
    writers: u32,
    /// How long the concurrent clients run, in seconds.
    #[arg(long, default_value_t = 10)]
    concurrent_seconds: u64,
}

/// mimalloc: an import of 100k listings allocates millions of small strings
/// across threads, and glibc's allocator made it a fifth slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = Args::parse();
    let all = args.only.is_empty();
    let want = |name: &str| all || args.only.iter().any(|o| o == name);
    let pg = args.pg.as_deref().map(|admin| Pg::new(admin, &args));
    if let Some(pg) = &pg {
        pg.describe();
    }
    if want("import") {
        bench_import(args.import_listings, pg.as_ref());
    }
    if want("queries") {
        bench_queries(&args, pg.as_ref());
    }
    if want("dashboard") {
        bench_dashboard(&args, pg.as_ref());
    }
    if want("concurrent") {
        bench_concurrent(&args, pg.as_ref());
    }
    if want("packet") {
        bench_packet();
    }
    if want("vault") {
        bench_vault();
    }
    if let Some(pg) = pg {
        pg.finish();
    }
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn fail(what: &str, e: impl std::fmt::Display) -> ! {
    eprintln!("bench: {what}: {e}");
    std::process::exit(1)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "NOT met"
    }
}

/// The team edition's server: new databases made from its administrator's
/// URL, as `team::scratch_database` does for tests.
struct Pg {
    admin: String,
    listings: u32,
    complaints: u32,
    /// The seeded database the query benchmarks share, made at first use.
    seeded: Mutex<Option<String>>,
}

impl Pg {
    fn new(admin: &str, args: &Args) -> Pg {
        Pg {
            admin: admin.to_string(),
            listings: args.pg_listings.unwrap_or(args.listings),
            complaints: args.pg_complaints.unwrap_or(args.complaints),
            seeded: Mutex::new(None),
        }
    }

    /// A session on `url` as the administrator (plain TCP: the server is
    /// this machine's, on loopback).
    fn client(url: &str) -> postgres::Client {
        postgres::Client::connect(url, postgres::NoTls).unwrap_or_else(|e| fail("PostgreSQL", e))
    }

    /// The server's version and the settings that decide write speed.
    fn describe(&self) {
        let mut c = Pg::client(&self.admin);
        let show = |c: &mut postgres::Client, what: &str| -> String {
            c.query_one(&format!("SHOW {what}"), &[])
                .map(|r| r.get(0))
                .unwrap_or_else(|e| fail("PostgreSQL", e))
        };
        let version = show(&mut c, "server_version");
        let settings: Vec<String> = ["fsync", "synchronous_commit", "shared_buffers", "work_mem"]
            .iter()
            .map(|s| format!("{s}={}", show(&mut c, s)))
            .collect();
        println!(
            "PostgreSQL {version} at {} ({})",
            ippdesk_store::team::redacted(&self.admin),
            settings.join(", ")
        );
    }

    /// A new, empty database; its URL.
    fn create(&self, tag: &str) -> String {
        let name = format!("bench_{tag}_{}", &new_id().simple().to_string()[20..]);
        Pg::client(&self.admin)
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| fail("CREATE DATABASE", e));
        let mut url = url::Url::parse(&self.admin).unwrap_or_else(|e| fail("--pg", e));
        url.set_path(&name);
        url.to_string()
    }

    fn drop_database(&self, url: &str) {
        let name = url::Url::parse(url)
            .map(|u| u.path().trim_start_matches('/').to_string())
            .unwrap_or_default();
        if let Err(e) = Pg::client(&self.admin)
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        {
            eprintln!("bench: drop {name}: {e}");
        }
    }

    fn desk(&self, url: &str) -> Desk {
        Desk::open(Path::new(url)).unwrap_or_else(|e| fail("open (PostgreSQL)", e))
    }

    /// The database of `listings` / `complaints`, seeded at first use by
    /// the same code as SQLite's, then vacuumed and analysed (what
    /// autovacuum does within a minute of a bulk load).
    fn seeded(&self) -> String {
        let mut seeded = self.seeded.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(url) = &*seeded {
            return url.clone();
        }
        let url = self.create("seed");
        let mut desk = self.desk(&url);
        let started = Instant::now();
        desk.seed(self.listings, self.complaints)
            .unwrap_or_else(|e| fail("seed (PostgreSQL)", e));
        let seeding = started.elapsed();
        let started = Instant::now();
        Pg::client(&url)
            .batch_execute("VACUUM ANALYZE")
            .unwrap_or_else(|e| fail("VACUUM", e));
        println!(
            "  PostgreSQL: generated {} listings / {} complaints in {:.1} s, then VACUUM ANALYZE {:.1} s",
            self.listings,
            self.complaints,
            secs(seeding),
            secs(started.elapsed())
        );
        *seeded = Some(url.clone());
        url
    }

    fn finish(self) {
        if let Some(url) = self.seeded.lock().unwrap_or_else(|e| e.into_inner()).take() {
            self.drop_database(&url);
        }
    }
}

/// The CSV a paralegal would import: URL, title, price, seller.
fn write_import_csv(path: &Path, n: u32) {
    let mut out = String::from("url,title,price,seller\n");
    for i in 0..n {
        let platform = [
            Platform::Taobao,
            Platform::Alibaba1688,
            Platform::Tmall,
            Platform::AliExpress,
        ][i as usize % 4];
        let url = generated_url(platform, 50_000_000 + u64::from(i));
        out.push_str(&format!(
            "{url},{},¥{}.00,店铺{}\n",
            generated_title(u64::from(i)),
            5 + i % 90,
            i % 5000
        ));
    }
    std::fs::write(path, out).unwrap_or_else(|e| fail("write csv", e));
}

/// Each side runs RUNS times into a fresh database; the medians compare
/// (one run on a shared machine can be a third off either way).
const RUNS: usize = 5;

fn import_csv(desk: &mut Desk, csv: &Path, n: u32) -> Duration {
    let started = Instant::now();
    let report = desk
        .import_listings(
            ImportRequest {
                source: ImportSource::File {
                    path: csv.display().to_string(),
                },
                complaint_id: None,
            },
            true,
            &mut |_| {},
        )
        .unwrap_or_else(|e| fail("import", e));
    let took = started.elapsed();
    assert_eq!(report.counts.accepted, n, "every line accepted");
    took
}

fn bench_import(n: u32, pg: Option<&Pg>) {
    println!("== import of {n} listing URLs (parse, normalize, dedup, one commit)");
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("temp dir", e));
    let csv = dir.path().join("listings.csv");
    write_import_csv(&csv, n);

    // Baselines: sqlite3 .import of the same CSV into an equivalent table
    // (the CSV's columns, the same unique key, the app's journal settings),
    // without and with the trigram full-text index.
    let table = "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         CREATE TABLE listings_eq (n INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, price TEXT, seller TEXT);
         CREATE VIEW listings_in AS SELECT url, title, price, seller FROM listings_eq;
         CREATE TRIGGER listings_in_insert INSTEAD OF INSERT ON listings_in BEGIN
             INSERT INTO listings_eq (url, title, price, seller) VALUES (NEW.url, NEW.title, NEW.price, NEW.seller);
         END;";
    let fts = "CREATE VIRTUAL TABLE listings_eq_fts USING fts5(title, seller, url, content = 'listings_eq', content_rowid = 'n', tokenize = 'trigram');
         CREATE TRIGGER listings_eq_fts_insert AFTER INSERT ON listings_eq BEGIN
             INSERT INTO listings_eq_fts (rowid, title, seller, url) VALUES (NEW.n, NEW.title, NEW.seller, NEW.url);
         END;";
    let import = format!(".import --csv --skip 1 {} listings_in", csv.display());
    let sqlite3_import = |name: &str, schema: &str| {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|i| {
                let db = dir.path().join(format!("{name}-{i}.sqlite3"));
                run_sqlite(&db, schema);
                let started = Instant::now();
                run_sqlite(&db, &import);
                started.elapsed()
            })
            .collect();
        percentile(&mut times, 0.5)
    };
    let baseline = sqlite3_import("baseline-plain", table);
    let baseline_fts = sqlite3_import("baseline-fts", &format!("{table}\n{fts}"));

    let mut ours = Vec::new();
    let mut after = Vec::new();
    for i in 0..RUNS {
        let mut desk = Desk::open(&dir.path().join(format!("ippdesk-{i}.sqlite3")))
            .unwrap_or_else(|e| fail("open", e));
        ours.push(import_csv(&mut desk, &csv, n));
        let started = Instant::now();
        desk.index_search_fully()
            .unwrap_or_else(|e| fail("index", e));
        after.push(started.elapsed());
    }
    let (ours, indexing) = (percentile(&mut ours, 0.5), percentile(&mut after, 0.5));
    let ratio = secs(ours) / secs(baseline);
    println!("  medians of {RUNS} runs, each into a fresh database");
    println!(
        "  sqlite3 .import, plain table (baseline)   {:>8.3} s",
        secs(baseline)
    );
    println!(
        "  sqlite3 .import, with trigram index       {:>8.3} s",
        secs(baseline_fts)
    );
    println!(
        "  IPP Desk import (searchable at once)      {:>8.3} s   {:.2}x plain baseline   (target: <= 1.5x and <= 1 s: {})",
        secs(ours),
        ratio,
        verdict(ratio <= 1.5 && secs(ours) <= 1.0)
    );
    println!(
        "  then background indexing (trigrams, grams, WAL checkpoint) {:>6.3} s   (import + indexing: {:.2}x the indexed baseline)",
        secs(indexing),
        secs(ours + indexing) / secs(baseline_fts)
    );
    if let Some(pg) = pg {
        bench_import_pg(pg, &csv, n, ours);
    }
}

/// The same import into new PostgreSQL databases, beside `psql \copy` of
/// the CSV into an equivalent table, without and with a trigram index as
/// the listings' (pg_trgm GIN).
fn bench_import_pg(pg: &Pg, csv: &Path, n: u32, sqlite: Duration) {
    let table = "CREATE TABLE listings_eq (n bigint GENERATED ALWAYS AS IDENTITY UNIQUE, url text NOT NULL UNIQUE,
                     title text, price text, seller text);";
    let trigram = "CREATE EXTENSION IF NOT EXISTS pg_trgm;
         CREATE INDEX listings_eq_search ON listings_eq USING gin
             ((coalesce(title, '') || ' ' || coalesce(seller, '') || ' ' || url) gin_trgm_ops);";
    let copy = format!(
        "\\copy listings_eq (url, title, price, seller) FROM '{}' WITH (FORMAT csv, HEADER)",
        csv.display()
    );
    let psql_copy = |schema: &str| {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let url = pg.create("copy");
                Pg::client(&url)
                    .batch_execute(schema)
                    .unwrap_or_else(|e| fail("baseline table", e));
                let started = Instant::now();
                let out = Command::new("psql")
                    .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", &url, "-c", &copy])
                    .output()
                    .unwrap_or_else(|e| fail("psql (apt-get install postgresql-client)", e));
                let took = started.elapsed();
                if !out.status.success() {
                    fail("psql \\copy", String::from_utf8_lossy(&out.stderr));
                }
                pg.drop_database(&url);
                took
            })
            .collect();
        percentile(&mut times, 0.5)
    };
    let baseline = psql_copy(table);
    let baseline_trgm = psql_copy(&format!("{table}\n{trigram}"));
    let mut ours: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let url = pg.create("import");
            let mut desk = pg.desk(&url);
            let took = import_csv(&mut desk, csv, n);
            drop(desk);
            pg.drop_database(&url);
            took
        })
        .collect();
    let ours = percentile(&mut ours, 0.5);
    println!("  PostgreSQL, medians of {RUNS} runs, each into a new database");
    println!(
        "  psql \\copy, plain table (baseline)        {:>8.3} s",
        secs(baseline)
    );
    println!(
        "  psql \\copy, with trigram index (GIN)      {:>8.3} s",
        secs(baseline_trgm)
    );
    println!(
        "  IPP Desk import (searchable at once)      {:>8.3} s   {:.2}x plain baseline, {:.2}x with trigram index; SQLite {:.3} s   (target: <= 2 s: {})",
        secs(ours),
        secs(ours) / secs(baseline),
        secs(ours) / secs(baseline_trgm),
        secs(sqlite),
        verdict(secs(ours) <= 2.0)
    );
}

fn run_sqlite(db: &Path, script: &str) {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(script)
        .output()
        .unwrap_or_else(|e| fail("sqlite3 (apt-get install sqlite3)", e));
    if !out.status.success() {
        fail("sqlite3", String::from_utf8_lossy(&out.stderr));
    }
}

/// The generated SQLite database (1M listings / 100k complaints by
/// default), made once and kept in `--data-dir` between runs; its path.
fn seeded_path(args: &Args, tmp: &Path) -> PathBuf {
    let dir = args.data_dir.clone().unwrap_or_else(|| tmp.to_path_buf());
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail("data dir", e));
    // Named by schema version: a database seeded before a migration lacks
    // the new tables' data, so a new schema seeds afresh.
    dir.join(format!(
        "seed-v{}-{}-{}.sqlite3",
        ippdesk_store::migrations::latest_version(),
        args.listings,
        args.complaints
    ))
}

fn seeded_desk(args: &Args) -> (tempfile::TempDir, Desk) {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| fail("temp dir", e));
    let db = seeded_path(args, tmp.path());
    let fresh = !db.exists();
    let mut desk = Desk::open(&db).unwrap_or_else(|e| fail("open", e));
    if fresh {
        let started = Instant::now();
        desk.seed(args.listings, args.complaints)
            .unwrap_or_else(|e| fail("seed", e));
        println!(
            "  generated the database in {:.1} s ({})",
            secs(started.elapsed()),
            db.display()
        );
    } else {
        println!("  reusing {}", db.display());
    }
    // As the app does at start-up: the list's table and indexes into the OS
    // cache, off the desk's connection (whose own cache stays cold).
    let started = Instant::now();
    Desk::prefetch_lists(&db).unwrap_or_else(|e| fail("prefetch", e));
    println!(
        "  start-up prefetch of the complaint list: {:.0} ms (SQLite's cache stays cold)",
        ms(started.elapsed())
    );

    (tmp, desk)
}

/// A primary-key lookup on the same database: the cheapest query there is.
fn baseline(desk: &Desk) -> Vec<Duration> {
    let any = desk
        .list_complaints(ComplaintFilter {
            limit: 1,
            ..Default::default()
        })
        .unwrap_or_else(|e| fail("list", e));
    let probe = any
        .rows
        .first()
        .map(|r| r.complaint.id)
        .unwrap_or_else(|| fail("seed", "no complaints"));
    (0..200)
        .map(|_| {
            let t = Instant::now();
            let _ = desk.get_complaint(probe);
            t.elapsed()
        })
        .collect()
}

/// p50 and p95.
type Spread = (Duration, Duration);

fn spread(times: &mut [Duration]) -> Spread {
    (percentile(times, 0.5), percentile(times, 0.95))
}

fn show(s: Spread) -> String {
    format!("p50 {:>7.2} ms  p95 {:>7.2} ms", ms(s.0), ms(s.1))
}

/// A figure's line: SQLite's spread, then PostgreSQL's when measured.
fn line(label: &str, lite: Spread, pg: Option<Spread>, tail: &str) {
    match pg {
        Some(p) => println!("  {label:<44} {}  | {}  {tail}", show(lite), show(p)),
        None => println!("  {label:<44} {}  {tail}", show(lite)),
    }
}

struct DashboardFigures {
    base: Spread,
    cases: Vec<(&'static str, Spread)>,
    summary: String,
}

fn dashboard_figures(desk: &Desk) -> DashboardFigures {
    let open = desk
        .open_deadlines(DeadlineFilter {
            bucket: "open".into(),
            assignee: None,
            platform: None,
            limit: Some(1),
        })
        .unwrap_or_else(|e| fail("deadlines", e));
    if open.is_empty() {
        fail(
            "seed",
            "no deadlines: delete the kept database and run again",
        );
    }
    let base = spread(&mut baseline(desk));
    let today = desk.today();
    let year_ago = today - chrono::Months::new(12);
    let quarter_ago = today - chrono::Months::new(3);
    type Query<'a> = Box<dyn Fn() + 'a>;
    let ok = |what: &str, r: Result<usize>| {
        r.unwrap_or_else(|e| fail(what, e));
    };
    let cases: Vec<(&str, Query)> = vec![
        (
            WHOLE_DASHBOARD,
            Box::new(|| ok("dashboard", desk.dashboard().map(|d| d.upcoming.len()))),
        ),
        (
            "overdue list (500 rows)",
            Box::new(|| {
                ok(
                    "overdue",
                    desk.open_deadlines(DeadlineFilter {
                        bucket: "overdue".into(),
                        assignee: None,
                        platform: None,
                        limit: Some(500),
                    })
                    .map(|r| r.len()),
                )
            }),
        ),
        (
            "one assignee's open list",
            Box::new(|| {
                ok(
                    "assignee",
                    desk.open_deadlines(DeadlineFilter {
                        bucket: "open".into(),
                        assignee: Some("Li Na 李娜".into()),
                        platform: None,
                        limit: Some(200),
                    })
                    .map(|r| r.len()),
                )
            }),
        ),
        (
            "one platform's week",
            Box::new(|| {
                ok(
                    "platform",
                    desk.open_deadlines(DeadlineFilter {
                        bucket: "week".into(),
                        assignee: None,
                        platform: Some(Platform::Tmall),
                        limit: Some(200),
                    })
                    .map(|r| r.len()),
                )
            }),
        ),
        (
            "figures, 3 months, total",
            Box::new(|| {
                ok(
                    "figures",
                    desk.enforcement_report(EnforcementQuery {
                        from: quarter_ago,
                        to: today,
                        group_by: vec![],
                    })
                    .map(|r| r.rows.len()),
                )
            }),
        ),
        (
            "figures, 12 months, by account+platform+reason",
            Box::new(|| {
                ok(
                    "figures",
                    desk.enforcement_report(EnforcementQuery {
                        from: year_ago,
                        to: today,
                        group_by: vec![
                            EnforcementDim::Account,
                            EnforcementDim::Platform,
                            EnforcementDim::Reason,
                        ],
                    })
                    .map(|r| r.rows.len()),
                )
            }),
        ),
        (
            "due soon (notifications)",
            Box::new(|| ok("due soon", desk.due_soon().map(|r| r.len()))),
        ),
    ];
    let cases = cases
        .iter()
        .map(|(label, q)| {
            let mut times: Vec<Duration> = (0..30)
                .map(|_| {
                    let t = Instant::now();
                    q();
                    t.elapsed()
                })
                .collect();
            (*label, spread(&mut times))
        })
        .collect();
    let d = desk.dashboard().unwrap_or_else(|e| fail("dashboard", e));
    let summary = format!(
        "open deadlines {}, overdue {}, complaints by status {:?}",
        d.counts.open,
        d.counts.overdue,
        d.complaints_by_status
            .iter()
            .map(|s| s.count)
            .collect::<Vec<_>>()
    );
    DashboardFigures {
        base,
        cases,
        summary,
    }
}

const WHOLE_DASHBOARD: &str = "whole dashboard (all panels)";

fn bench_dashboard(args: &Args, pg: Option<&Pg>) {
    println!(
        "== dashboard on {} listings / {} complaints (target: each query <= 20 ms){}",
        args.listings,
        args.complaints,
        match pg {
            Some(pg) => format!(
                "; PostgreSQL on {} / {} (target: whole dashboard <= 30 ms)",
                pg.listings, pg.complaints
            ),
            None => String::new(),
        }
    );
    let (_tmp, desk) = seeded_desk(args);
    let lite = dashboard_figures(&desk);
    drop(desk);
    let team = pg.map(|pg| dashboard_figures(&pg.desk(&pg.seeded())));
    if team.is_some() {
        println!("  {:<44} {:<30}  | PostgreSQL", "", "SQLite");
    }
    line(
        "baseline: one complaint by id",
        lite.base,
        team.as_ref().map(|t| t.base),
        "",
    );
    for (i, (label, s)) in lite.cases.iter().enumerate() {
        let p = team.as_ref().map(|t| t.cases[i].1);
        let mut tail = format!("({:.1}× baseline p50", ms(s.0) / ms(lite.base.0).max(0.001));
        if let (Some(p), Some(t)) = (p, &team) {
            tail += &format!(
                "; PostgreSQL {:.1}× its baseline",
                ms(p.0) / ms(t.base.0).max(0.001)
            );
        }
        tail += ")";
        line(label, *s, p, &tail);
    }
    let worst = lite
        .cases
        .iter()
        .map(|(_, s)| s.1)
        .max()
        .unwrap_or_default();
    print!(
        "  targets: SQLite each query p95 <= 20 ms: {}",
        verdict(ms(worst) <= 20.0)
    );
    if let Some(t) = &team {
        let whole = t
            .cases
            .iter()
            .find(|(l, _)| *l == WHOLE_DASHBOARD)
            .map_or(Duration::MAX, |(_, s)| s.1);
        let worst = t.cases.iter().map(|(_, s)| s.1).max().unwrap_or_default();
        print!(
            "; PostgreSQL whole dashboard p95 <= 30 ms: {} (slowest query p95 {:.2} ms)",
            verdict(ms(whole) <= 30.0),
            ms(worst)
        );
    }
    println!();
    println!("  (SQLite: {})", lite.summary);
    if let Some(t) = &team {
        println!("  (PostgreSQL: {})", t.summary);
    }
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i.min(times.len() - 1)]
}

/// The list page's filter and sort combinations the benchmarks read.
fn page_filters() -> Vec<ComplaintFilter> {
    let statuses = [
        None,
        Some(ComplaintStatus::Draft),
        Some(ComplaintStatus::Filed),
        Some(ComplaintStatus::Closed),
    ];
    let platforms = [None, Some(Platform::Taobao), Some(Platform::Alibaba1688)];
    let sorts = ["created", "filed", "listings", "status"];
    let assignees = [None, Some("Li Na 李娜")];
    let mut out = Vec::new();
    for (i, status) in statuses.iter().enumerate() {
        for platform in platforms {
            for sort in sorts {
                for assignee in assignees {
                    out.push(ComplaintFilter {
                        status: *status,
                        platform,
                        assignee: assignee.map(String::from),
                        sort: Some(sort.into()),
                        descending: i % 2 == 0,
                        offset: if i == 3 { 1000 } else { 0 },
                        limit: 100,
                        ..Default::default()
                    });
                }
            }
        }
    }
    out
}

const QUERIES: [&str; 17] = [
    "蓝牙耳机",
    "无线降噪",
    "AURORA",
    "极光",
    "工厂直销",
    "earbuds",
    "Pro #12345",
    "店铺4242",
    "IPP-SEED-0042",
    "生成的投诉",
    "item.taobao",
    "超长续航 新款",
    "no such text here",
    // One and two characters: the grams index (absent text included,
    // which a scan reads to the end).
    "耳",
    "假冒",
    "鲨鱼",
    "Li",
];

struct QueryFigures {
    base: Spread,
    page: Spread,
    pages: usize,
    single: Spread,
    singles: usize,
    slowest_pages: Vec<(Duration, String)>,
    search: Spread,
    searches: usize,
    long: Spread,
    slowest_searches: Vec<(Duration, &'static str)>,
}

fn query_figures(desk: &Desk) -> QueryFigures {
    let mut base = baseline(desk);
    let mut page_times = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let mut single_times = Vec::new();
    for f in page_filters() {
        let label = format!("{f:?}");
        let filters = usize::from(f.status.is_some())
            + usize::from(f.platform.is_some())
            + usize::from(f.assignee.is_some());
        let t = Instant::now();
        let page = desk.list_complaints(f).unwrap_or_else(|e| fail("page", e));
        page_times.push(t.elapsed());
        slowest.push((t.elapsed(), label));
        if filters <= 1 {
            single_times.push(t.elapsed());
        }
        assert!(page.rows.len() <= 100);
    }
    let mut search_times = Vec::new();
    let mut slow_search: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..10 {
        for q in QUERIES {
            let t = Instant::now();
            desk.search(q).unwrap_or_else(|e| fail("search", e));
            search_times.push(t.elapsed());
            slow_search.push((t.elapsed(), q));
        }
    }
    let mut long: Vec<Duration> = slow_search
        .iter()
        .filter(|(_, q)| q.chars().count() >= 3)
        .map(|(d, _)| *d)
        .collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    slowest.truncate(3);
    slow_search.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut shown = std::collections::HashSet::new();
    slow_search.retain(|(_, q)| shown.insert(*q));
    slow_search.truncate(3);
    QueryFigures {
        base: spread(&mut base),
        page: spread(&mut page_times),
        pages: page_times.len(),
        single: spread(&mut single_times),
        singles: single_times.len(),
        slowest_pages: slowest,
        search: spread(&mut search_times),
        searches: search_times.len(),
        long: spread(&mut long),
        slowest_searches: slow_search,
    }
}

fn bench_queries(args: &Args, pg: Option<&Pg>) {
    println!(
        "== queries on {} listings / {} complaints{}",
        args.listings,
        args.complaints,
        match pg {
            Some(pg) => format!("; PostgreSQL on {} / {}", pg.listings, pg.complaints),
            None => String::new(),
        }
    );
    let (_tmp, desk) = seeded_desk(args);
    let lite = query_figures(&desk);
    drop(desk);
    let team = pg.map(|pg| query_figures(&pg.desk(&pg.seeded())));
    if team.is_some() {
        println!("  {:<44} {:<30}  | PostgreSQL", "", "SQLite");
    }
    let t = team.as_ref();
    line(
        "baseline: one complaint by id",
        lite.base,
        t.map(|t| t.base),
        "",
    );
    line(
        "complaint list page (100 rows)",
        lite.page,
        t.map(|t| t.page),
        &format!("over {} filter/sort combinations", lite.pages),
    );
    line(
        "  of which no or one filter",
        lite.single,
        t.map(|t| t.single),
        &format!("over {} combinations", lite.singles),
    );
    line(
        "full-text search",
        lite.search,
        t.map(|t| t.search),
        &format!("over {} queries", lite.searches),
    );
    line(
        "  of which 3+ characters",
        lite.long,
        t.map(|t| t.long),
        "(SQLite: trigram index; shorter text goes to the grams index)",
    );
    print!(
        "  targets: SQLite list page p95 <= 10 ms: {}, search p95 <= 20 ms: {}",
        verdict(ms(lite.page.1) <= 10.0),
        verdict(ms(lite.search.1) <= 20.0)
    );
    if let Some(t) = t {
        print!(
            "; PostgreSQL list page p95 <= 15 ms: {}, search p95 <= 30 ms: {}",
            verdict(ms(t.page.1) <= 15.0),
            verdict(ms(t.search.1) <= 30.0)
        );
    }
    println!();
    for (name, f) in std::iter::once(("SQLite", &lite)).chain(t.map(|t| ("PostgreSQL", t))) {
        for (d, label) in &f.slowest_pages {
            println!("    {name} slowest page: {:.2} ms  {label}", ms(*d));
        }
        for (d, q) in &f.slowest_searches {
            println!("    {name} slowest search: {:.2} ms  {q:?}", ms(*d));
        }
    }
}

/// What the concurrent clients did.
#[derive(Default)]
struct ConcurrentFigures {
    pages: Vec<Duration>,
    writes: Vec<Duration>,
    complaints: u64,
    listings: u64,
    errors: u64,
    first_error: Option<String>,
}

/// `clients` threads, each with its own desk (its own connection) from
/// `open`, for `seconds`: `writers` of them create a complaint and import
/// five new listings into it, again and again; the others read the list
/// page through the filter and sort combinations.
fn concurrent_figures(
    open: &(dyn Fn() -> Desk + Sync),
    clients: u32,
    writers: u32,
    seconds: u64,
) -> ConcurrentFigures {
    let probe = open();
    let first = probe
        .list_complaints(ComplaintFilter {
            limit: 1,
            ..Default::default()
        })
        .unwrap_or_else(|e| fail("list", e))
        .rows
        .into_iter()
        .next()
        .unwrap_or_else(|| fail("seed", "no complaints"))
        .complaint;
    drop(probe);
    let (account, right) = (first.draft.account_id, first.draft.right_id);
    let figures = Mutex::new(ConcurrentFigures::default());
    let start = Barrier::new(clients as usize);
    let urls = AtomicU64::new(0);
    let filters = page_filters();
    let run = seconds;
    // A new listing URL each time, unlike any the seed or import made.
    let base = 990_000_000 + (now().timestamp() as u64 % 1_000_000) * 1000;
    std::thread::scope(|scope| {
        for client in 0..clients {
            let (figures, start, urls, filters) = (&figures, &start, &urls, &filters);
            scope.spawn(move || {
                let mut desk = open();
                let mut mine = ConcurrentFigures::default();
                let note = |mine: &mut ConcurrentFigures, e: DeskError| {
                    mine.errors += 1;
                    mine.first_error.get_or_insert_with(|| e.to_string());
                };
                start.wait();
                let until = Instant::now() + Duration::from_secs(run);
                let mut k = client as usize;
                while Instant::now() < until {
                    k += 1;
                    if client < writers {
                        let t = Instant::now();
                        let made = desk.create_complaint(ComplaintDraft {
                            account_id: account,
                            platform: Platform::Taobao,
                            right_id: right,
                            target: ComplaintTarget::Listings,
                            reason: ComplaintReason::Counterfeit,
                            explanation_en: format!("Concurrent complaint {client}-{k}"),
                            explanation_zh: format!("并发投诉 {client}-{k}"),
                            external_number: String::new(),
                            assignee: "Li Na 李娜".into(),
                            notes: String::new(),
                        });
                        let complaint = match made {
                            Ok(row) => row.complaint.id,
                            Err(e) => {
                                note(&mut mine, e);
                                continue;
                            }
                        };
                        mine.complaints += 1;
                        let paste: Vec<String> = (0..5)
                            .map(|_| {
                                let n = base + urls.fetch_add(1, Ordering::Relaxed);
                                format!(
                                    "{}\t{}\t¥39.00\t并发店铺{client}",
                                    generated_url(Platform::Taobao, n),
                                    generated_title(n)
                                )
                            })
                            .collect();
                        match desk.import_listings(
                            ImportRequest {
                                source: ImportSource::Paste {
                                    text: paste.join("\n"),
                                },
                                complaint_id: Some(complaint),
                            },
                            true,
                            &mut |_| {},
                        ) {
                            Ok(r) => mine.listings += u64::from(r.counts.accepted),
                            Err(e) => note(&mut mine, e),
                        }
                        mine.writes.push(t.elapsed());
                    } else {
                        let f = filters[k % filters.len()].clone();
                        let t = Instant::now();
                        match desk.list_complaints(f) {
                            Ok(_) => mine.pages.push(t.elapsed()),
                            Err(e) => note(&mut mine, e),
                        }
                    }
                }
                let mut all = figures.lock().unwrap_or_else(|e| e.into_inner());
                all.pages.append(&mut mine.pages);
                all.writes.append(&mut mine.writes);
                all.complaints += mine.complaints;
                all.listings += mine.listings;
                all.errors += mine.errors;
                if all.first_error.is_none() {
                    all.first_error = mine.first_error;
                }
            });
        }
    });
    figures.into_inner().unwrap_or_else(|e| e.into_inner())
}

fn bench_concurrent(args: &Args, pg: Option<&Pg>) {
    let (clients, writers) = (args.clients, args.writers.min(args.clients));
    println!(
        "== {clients} concurrent clients for {} s, each with its own connection: {writers} writing (a complaint and 5 new listings into it), {} reading the list page (100 rows), on {} listings / {} complaints{}",
        args.concurrent_seconds,
        clients - writers,
        args.listings,
        args.complaints,
        match pg {
            Some(pg) => format!("; PostgreSQL on {} / {}", pg.listings, pg.complaints),
            None => String::new(),
        }
    );
    // SQLite: a copy of the kept database, so the writers leave it as it was.
    let tmp = tempfile::tempdir().unwrap_or_else(|e| fail("temp dir", e));
    let copy = tmp.path().join("concurrent.sqlite3");
    {
        let (_seed_tmp, desk) = seeded_desk(args);
        desk.backup(&copy).unwrap_or_else(|e| fail("copy", e));
    }
    let open_lite = || Desk::open(&copy).unwrap_or_else(|e| fail("open", e));
    let lite = concurrent_figures(&open_lite, clients, writers, args.concurrent_seconds);
    let team = pg.map(|pg| {
        let url = pg.seeded();
        let open_pg = || pg.desk(&url);
        concurrent_figures(&open_pg, clients, writers, args.concurrent_seconds)
    });
    let report = |name: &str, f: &mut ConcurrentFigures, target: Option<f64>| {
        let page = spread(&mut f.pages);
        let write = if f.writes.is_empty() {
            (Duration::ZERO, Duration::ZERO)
        } else {
            spread(&mut f.writes)
        };
        println!(
            "  {name:<11} list page {}  ({} pages)   write {}  ({} complaints, {} listings)   errors {}{}",
            show(page),
            f.pages.len(),
            show(write),
            f.complaints,
            f.listings,
            f.errors,
            match target {
                Some(t) => format!(
                    "   (target: no error and page p95 <= {t} ms: {})",
                    verdict(f.errors == 0 && ms(page.1) <= t)
                ),
                None => String::new(),
            }
        );
        if let Some(e) = &f.first_error {
            println!("    first error: {e}");
        }
    };
    let mut lite = lite;
    report("SQLite", &mut lite, None);
    if let Some(mut t) = team {
        report("PostgreSQL", &mut t, Some(50.0));
    }
}

/// A 1920×1080 "screenshot": flat page areas, text-like stripes and a photo
/// block of noise, so it compresses like a real capture (a few hundred KB).
fn screenshot_png(seed: u64) -> Vec<u8> {
    let (w, h) = (1920u32, 1080u32);
    let mut px = vec![0u8; (w * h * 3) as usize];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for y in 0..h {
        for c in 0..w {
            let i = ((y * w + c) * 3) as usize;
            let v = if (300..700).contains(&y) && (200..800).contains(&c) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x & 0xff) as u8
            } else if y % 24 < 12 && (c / 7 + u32::from(y % 48 < 24)) % 5 != 0 && c > 900 {
                40
            } else {
                245 - ((seed as u32 + y / 60) % 20) as u8
            };
            px[i] = v;
            px[i + 1] = v;
            px[i + 2] = v.wrapping_add((seed % 40) as u8);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().unwrap_or_else(|e| fail("png", e));
        wr.write_image_data(&px).unwrap_or_else(|e| fail("png", e));
    }
    out
}

fn bench_packet() {
    println!("== complaint packet: 50 listings × 2 screenshots (1920×1080 PNG) (target: <= 1 s, >= 10× Chromium)");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| fail("temp dir", e));
    let dir = tmp.path();
    let mut desk = Desk::open(&dir.join("p.sqlite3")).unwrap_or_else(|e| fail("open", e));
    let holder = desk
        .create_holder(HolderDraft {
            kind: HolderKind::Company,
            legal_name: "深圳市极光电子有限公司".into(),
            latin_name: "Shenzhen Aurora Electronics Co., Ltd.".into(),
            country: "CN".into(),
            registration_number: "91440300MA5F000000".into(),
            address: String::new(),
            contact_email: "ip@aurora.example".into(),
            notes: String::new(),
        })
        .unwrap_or_else(|e| fail("holder", e));
    let account = desk
        .create_account(AccountDraft {
            holder_id: holder.id,
            programme: Programme::AlibabaIpp,
            role: AccountRole::RightsHolder,
            location: AccountLocation::MainlandChina,
            login_email: "ipp@aurora.example".into(),
            contact_email: "ipp@aurora.example".into(),
            external_id: String::new(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        })
        .unwrap_or_else(|e| fail("account", e));
    let right = desk
        .create_right(RightDraft {
            kind: RightKind::Trademark,
            title: "极光 AURORA".into(),
            mark_type: Some(MarkType::Word),
            registration_number: "12345678".into(),
            jurisdiction: "CN".into(),
            designations: vec![],
            registrant_id: holder.id,
            nice_classes: vec![9],
            filing_date: None,
            registration_date: None,
            expiry_date: None,
            notes: String::new(),
        })
        .unwrap_or_else(|e| fail("right", e));
    let complaint = desk
        .create_complaint(ComplaintDraft {
            account_id: account.account.id,
            platform: Platform::Taobao,
            right_id: right.id,
            target: ComplaintTarget::Listings,
            reason: ComplaintReason::Counterfeit,
            explanation_en: "Counterfeit AURORA earbuds bearing our registered mark.".into(),
            explanation_zh: "上述链接销售假冒“极光 AURORA”蓝牙耳机。".into(),
            external_number: "IPP-BENCH-1".into(),
            assignee: "王芳".into(),
            notes: String::new(),
        })
        .unwrap_or_else(|e| fail("complaint", e))
        .complaint
        .id;
    let paste: Vec<String> = (0..50)
        .map(|i| format!("https://item.taobao.com/item.htm?id=7123456{i:05}\t极光AURORA蓝牙耳机 无线降噪 {i}\t¥39.00\t极光耳机专卖店{i}"))
        .collect();
    desk.import_listings(
        ImportRequest {
            source: ImportSource::Paste {
                text: paste.join("\n"),
            },
            complaint_id: Some(complaint),
        },
        true,
        &mut |_| {},
    )
    .unwrap_or_else(|e| fail("import", e));
    let detail = desk
        .get_complaint(complaint)
        .unwrap_or_else(|e| fail("detail", e));
    let mut html = String::from("<!doctype html><meta charset=utf-8><style>body{font-family:'WenQuanYi Micro Hei',sans-serif;font-size:10pt} img{width:100%;page-break-inside:avoid} td{word-break:break-all}</style>");
    html += "<h1>Complaint packet / 投诉资料包</h1><table>";
    let mut image_bytes = 0u64;
    for (i, l) in detail.listings.iter().enumerate() {
        html += &format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            l.listing.canonical_url,
            l.listing.seller_name
        );
        let mut paths = Vec::new();
        for k in 0..2 {
            let png = screenshot_png((i * 2 + k) as u64 + 1);
            image_bytes += png.len() as u64;
            let p = dir.join(format!("shot-{i}-{k}.png"));
            std::fs::write(&p, &png).unwrap_or_else(|e| fail("write", e));
            paths.push(p.display().to_string());
        }
        desk.attach(AttachInput {
            owner_kind: OwnerKind::Listing,
            owner_id: l.listing.id,
            doc_kind: Some(DocumentKind::ListingScreenshot),
            paths,
            facts: None,
        })
        .unwrap_or_else(|e| fail("attach", e));
    }
    html += "</table>";
    for i in 0..50 {
        for k in 0..2 {
            html += &format!("<h3>Listing {} / 商品 {}</h3><img src=\"shot-{i}-{k}.png\"><p>SHA-256 / 哈希 …</p>", i + 1, i + 1);
        }
    }
    let html_path = dir.join("packet.html");
    std::fs::write(&html_path, html).unwrap_or_else(|e| fail("html", e));

    let mut ours = Vec::new();
    let mut last = None;
    for round in 0..3 {
        let pdf = dir.join(format!("packet-{round}.pdf"));
        let t = Instant::now();
        let r = desk
            .generate_packet(PacketRequest {
                kind: PacketFor::Complaint,
                id: complaint,
                pdf_path: pdf.display().to_string(),
                bundle_path: None,
            })
            .unwrap_or_else(|e| fail("packet", e));
        ours.push(t.elapsed());
        last = Some(r);
    }
    let bundle = dir.join("packet.zip");
    let t = Instant::now();
    let with_bundle = desk
        .generate_packet(PacketRequest {
            kind: PacketFor::Complaint,
            id: complaint,
            pdf_path: dir.join("packet-b.pdf").display().to_string(),
            bundle_path: Some(bundle.display().to_string()),
        })
        .unwrap_or_else(|e| fail("bundle", e));
    let bundle_time = t.elapsed();
    ours.sort();
    let ours_med = ours[ours.len() / 2];

    let chrome_pdf = dir.join("chromium.pdf");
    let t = Instant::now();
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", chrome_pdf.display()))
        .arg(format!("file://{}", html_path.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let chrome = t.elapsed();
    let last = last.unwrap_or_else(|| fail("packet", "no run"));
    println!(
        "  screenshots: 100 PNG files, {:.1} MB",
        image_bytes as f64 / 1e6
    );
    println!(
        "  ours (release, PDF only, median of 3)   {:>8.3} s   PDF {:.1} MB",
        secs(ours_med),
        last.pdf_size as f64 / 1e6
    );
    println!(
        "  ours with the bundle (.zip)             {:>8.3} s   zip {:.1} MB",
        secs(bundle_time),
        with_bundle.bundle_size.unwrap_or(0) as f64 / 1e6
    );
    match status {
        Ok(s) if s.success() => {
            let size = std::fs::metadata(&chrome_pdf).map(|m| m.len()).unwrap_or(0);
            println!(
                "  baseline: headless Chromium print-to-pdf {:>7.3} s   PDF {:.1} MB   (ours {:.1}× faster)",
                secs(chrome),
                size as f64 / 1e6,
                secs(chrome) / secs(ours_med).max(1e-6)
            );
        }
        _ => println!("  baseline: chromium is not installed or failed (apt-get install chromium)"),
    }
}

fn bench_vault() {
    println!("== vault ingest hashing");
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("temp dir", e));
    let files: Vec<PathBuf> = (0..8)
        .map(|i| {
            let p = dir.path().join(format!("evidence-{i}.bin"));
            // 32 MiB of varied bytes per file.
            let bytes: Vec<u8> = (0..32u32 * 1024 * 1024)
                .map(|b| (b.wrapping_mul(2_654_435_761).wrapping_add(i) >> 13) as u8)
                .collect();
            std::fs::write(&p, bytes).unwrap_or_else(|e| fail("write", e));
            p
        })
        .collect();
    let total: u64 = files
        .iter()
        .map(|f| f.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();
    let mib = total as f64 / (1024.0 * 1024.0);
    // Warm the page cache so both read from memory.
    for f in &files {
        let _ = std::fs::read(f);
    }

    let started = Instant::now();
    let out = Command::new("sha256sum")
        .args(&files)
        .output()
        .unwrap_or_else(|e| fail("sha256sum", e));
    let baseline = started.elapsed();
    let expected = String::from_utf8_lossy(&out.stdout).to_string();

    let started = Instant::now();
    for f in &files {
        let (hash, _) = ippdesk_store::vault::hash_file(f).unwrap_or_else(|e| fail("hash", e));
        assert!(expected.contains(&hash), "same hash as sha256sum");
    }
    let ours = started.elapsed();

    let vault = ippdesk_store::Vault::beside(&dir.path().join("db.sqlite3"));
    let started = Instant::now();
    for f in &files {
        vault.ingest(f).unwrap_or_else(|e| fail("ingest", e));
    }
    let ingest = started.elapsed();

    let rate = |d: Duration| mib / secs(d);
    println!(
        "  sha256sum (baseline)          {:>8.0} MiB/s",
        rate(baseline)
    );
    println!(
        "  IPP Desk hashing              {:>8.0} MiB/s   {:.2}x baseline (target >= 0.8x: {})",
        rate(ours),
        secs(baseline) / secs(ours),
        if secs(baseline) / secs(ours) >= 0.8 {
            "met"
        } else {
            "NOT met"
        }
    );
    println!(
        "  IPP Desk ingest (hash + copy) {:>8.0} MiB/s",
        rate(ingest)
    );
}
