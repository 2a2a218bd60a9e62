//! `ippdesk`: the command line over the same desk the app uses.

mod call;
mod team;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use ippdesk_desk::{
    add_working_days, normalize_url, resolve_db_path, verify_bundle, CalendarId, ComplaintFilter,
    ComplaintStatus, DeadlineFilter, Desk, DeskError, EnforcementDim, EnforcementFigures,
    EnforcementQuery, ErrorCode, HolderDraft, HolderKind, ImportRequest, ImportSource, LineOutcome,
    MarkType, PacketFor, PacketRequest, Platform, ReportExport, ReportFormat, RightDraft,
    RightKind, UrlExportFormat,
};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "ippdesk",
    version,
    about = "IPP Desk: rights holders, IP rights and evidence for marketplace IP programmes"
)]
struct Cli {
    /// Database file, or postgres://user@host/db for a team database
    /// (default: IPPDESK_DB, else <user data dir>/ippdesk/ippdesk.sqlite3).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Machine-readable output: JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rights holders (IPP step 1).
    #[command(subcommand)]
    Holder(HolderCmd),
    /// IP rights (IPP step 2).
    #[command(subcommand)]
    Ip(IpCmd),
    /// Re-hash every vault file and walk the audit chain; with BUNDLE (a
    /// packet's .zip), check its files against its manifest instead.
    Verify { bundle: Option<PathBuf> },
    /// Copy the live database to FILE (SQLite online backup).
    Backup { file: PathBuf },
    /// The audit log: who changed what, and when.
    #[command(subcommand)]
    Audit(AuditCmd),
    /// The team edition: set up a PostgreSQL database and its logins.
    #[command(subcommand)]
    Team(team::TeamCmd),
    /// Load the sample data (a brand, its agent, trademarks in CN / US / EU, accounts,
    /// sellers, complaints with listings and evidence).
    Sample,
    /// Run any command the app's window uses, by NAME with its JSON arguments
    /// (`-` reads them from stdin), and print its JSON answer. Without NAME,
    /// list the commands.
    Call {
        name: Option<String>,
        args: Option<String>,
    },
    /// Marketplace URLs (no database needed).
    #[command(subcommand)]
    Url(UrlCmd),
    /// Complaints (IPP step 3).
    #[command(subcommand)]
    Complaint(ComplaintCmd),
    /// Listings.
    #[command(subcommand)]
    Listing(ListingCmd),
    /// Sellers (stores).
    #[command(subcommand)]
    Seller(SellerCmd),
    /// Full-text search over listings, sellers and complaints (Chinese included).
    Search { text: String },
    /// Developer tools (benchmark data).
    #[command(subcommand)]
    Dev(DevCmd),
    /// Working-day calendars (no database needed).
    #[command(subcommand)]
    Calendar(CalendarCmd),
    /// Evidence packet as PDF (and, with --bundle, a .zip with the originals
    /// and manifest.json). Registration takes an account id.
    Packet {
        /// registration (an account id), ip, complaint or counter-notice.
        #[arg(value_parser = parse_packet_kind)]
        kind: PacketFor,
        id: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        bundle: Option<PathBuf>,
    },
    /// Deadlines and tasks (IPP step 4).
    #[command(subcommand)]
    Deadlines(DeadlinesCmd),
    /// Enforcement figures over complaints filed in a period; with --out,
    /// written as CSV, XLSX or PDF (by the file's extension) with the open deadlines.
    Report {
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
        /// Group by account, platform and/or reason (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = parse_kind::<EnforcementDim>)]
        group_by: Vec<EnforcementDim>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AuditCmd {
    /// The latest changes, newest first: seq, time, actor, action, table, record.
    List {
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
}

#[derive(Subcommand)]
enum DeadlinesCmd {
    /// Open deadlines, soonest first.
    List {
        /// overdue, today, week or open.
        #[arg(long, default_value = "open")]
        bucket: String,
        #[arg(long)]
        assignee: Option<String>,
    },
    /// Write every open deadline as an iCalendar (.ics) file.
    Ics { out: PathBuf },
}

#[derive(Subcommand)]
enum CalendarCmd {
    /// The N-th working day strictly after FROM. With --json:
    /// {"date","estimated"} (estimated: a year's holiday schedule is not published).
    AddWorkingDays {
        /// cn (mainland China, State Council schedule), us (federal holidays) or weekdays
        #[arg(long, value_parser = parse_calendar)]
        calendar: CalendarId,
        #[arg(long)]
        from: chrono::NaiveDate,
        #[arg(long)]
        days: u32,
    },
}

fn parse_calendar(s: &str) -> Result<CalendarId, String> {
    CalendarId::parse(s).ok_or_else(|| format!("unknown calendar {s:?}: use cn, us or weekdays"))
}

#[derive(Subcommand)]
enum UrlCmd {
    /// Normalize URLs given as arguments, or one per line on stdin. With
    /// --json, one object per input line:
    /// {"input","platform","kind","id","canonical","error"}.
    Normalize { urls: Vec<String> },
}

#[derive(Subcommand)]
enum ComplaintCmd {
    List {
        /// draft, ready, filed or closed
        #[arg(long, value_parser = parse_kind::<ComplaintStatus>)]
        status: Option<ComplaintStatus>,
        /// 1688, aliexpress, taobao, tmall, …
        #[arg(long, value_parser = parse_kind::<Platform>)]
        platform: Option<Platform>,
        /// An IP right's id.
        #[arg(long)]
        right: Option<String>,
        #[arg(long)]
        assignee: Option<String>,
        /// created, filed, listings or status
        #[arg(long, default_value = "created")]
        sort: String,
        #[arg(long)]
        desc: bool,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    Show {
        id: String,
    },
    /// Print a complaint's listing URLs one per line, as IPP's form takes them.
    Urls {
        id: String,
    },
    /// Write a complaint's listings (URL, platform, id, title, seller,
    /// outcome) as the app's export does: CSV or XLSX by the file's extension.
    Export {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Move complaints to a status (draft ⇄ ready, filed → closed), each on
    /// its own; refusals are listed by complaint and the rest go on.
    Status {
        #[arg(required = true)]
        ids: Vec<String>,
        /// draft, ready or closed
        #[arg(long, value_parser = parse_kind::<ComplaintStatus>)]
        to: ComplaintStatus,
    },
    /// Delete draft or ready complaints; filed ones are refused by name.
    Delete {
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

#[derive(Subcommand)]
enum ListingCmd {
    /// Import listing URLs from a CSV, TSV or XLSX file (URL plus optional
    /// title, price, seller name, store URL, notes) and print the per-line report.
    Import {
        file: PathBuf,
        /// Also add the listings to this draft complaint.
        #[arg(long)]
        complaint: Option<String>,
        /// Only print the report; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    Show {
        id: String,
    },
}

#[derive(Subcommand)]
enum SellerCmd {
    List,
    Show { id: String },
}

#[derive(Subcommand)]
enum DevCmd {
    /// Fill the database with generated listings and complaints (for benchmarks).
    Seed {
        #[arg(long, default_value_t = 1_000_000)]
        listings: u32,
        #[arg(long, default_value_t = 100_000)]
        complaints: u32,
    },
}

#[derive(Subcommand)]
enum HolderCmd {
    Add(HolderArgs),
    List,
    Show { id: String },
}

#[derive(Args)]
struct HolderArgs {
    /// company or individual
    #[arg(long, default_value = "company", value_parser = parse_kind::<HolderKind>)]
    kind: HolderKind,
    /// Legal name as registered, any script.
    #[arg(long)]
    legal_name: String,
    #[arg(long, default_value = "")]
    latin_name: String,
    /// Two-letter country code.
    #[arg(long)]
    country: String,
    #[arg(long)]
    email: String,
    #[arg(long, default_value = "")]
    registration_number: String,
    #[arg(long, default_value = "")]
    address: String,
    #[arg(long, default_value = "")]
    notes: String,
}

#[derive(Subcommand)]
enum IpCmd {
    Add(IpArgs),
    List,
    Show { id: String },
}

#[derive(Args)]
struct IpArgs {
    /// trademark, patent_invention, patent_utility_model, patent_design, copyright
    #[arg(long, default_value = "trademark", value_parser = parse_kind::<RightKind>)]
    kind: RightKind,
    #[arg(long)]
    title: String,
    /// word, device or combined (trademarks)
    #[arg(long, value_parser = parse_kind::<MarkType>)]
    mark_type: Option<MarkType>,
    #[arg(long)]
    number: String,
    /// Two-letter country code, WIPO or EU.
    #[arg(long)]
    jurisdiction: String,
    /// Designated countries of a WIPO / EU right, comma-separated.
    #[arg(long, value_delimiter = ',')]
    designations: Vec<String>,
    /// The registrant's holder id.
    #[arg(long)]
    registrant: String,
    /// Nice classes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    classes: Vec<u8>,
    #[arg(long)]
    filing: Option<chrono::NaiveDate>,
    #[arg(long)]
    registration: Option<chrono::NaiveDate>,
    #[arg(long)]
    expiry: Option<chrono::NaiveDate>,
    #[arg(long, default_value = "")]
    notes: String,
}

/// Enum arguments use the same snake_case names as the JSON output.
fn parse_kind<T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static>(
    s: &str,
) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_lowercase()))
        .map_err(|_| format!("unknown value {s:?}"))
}

fn parse_packet_kind(s: &str) -> Result<PacketFor, String> {
    match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "registration" => Ok(PacketFor::Registration),
        "ip" | "ip-right" | "right" => Ok(PacketFor::IpRight),
        "complaint" => Ok(PacketFor::Complaint),
        "counter-notice" => Ok(PacketFor::CounterNotice),
        other => Err(format!(
            "unknown packet {other:?}: use registration, ip, complaint or counter-notice"
        )),
    }
}

/// mimalloc: an import of 100k listings allocates millions of small strings
/// across threads, and glibc's allocator made it a fifth slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if cli.json {
                eprintln!(
                    "{}",
                    serde_json::to_string(&e).unwrap_or_else(|_| e.message.clone())
                );
            } else {
                eprintln!("error: {}", e.message);
                for f in &e.fields {
                    eprintln!("  {}: {}", f.field, f.message);
                }
            }
            ExitCode::from(match e.code {
                ErrorCode::Validation
                | ErrorCode::Duplicate
                | ErrorCode::InvalidTransition
                | ErrorCode::FilingRefused => 2,
                _ => 1,
            })
        }
    }
}

/// The export's format from the file's extension, as the app's save dialog
/// sets it.
fn url_export_format(file: &std::path::Path) -> Result<UrlExportFormat, DeskError> {
    match file.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") => Ok(UrlExportFormat::Csv),
        Some(e) if e.eq_ignore_ascii_case("xlsx") => Ok(UrlExportFormat::Xlsx),
        _ => Err(DeskError::new(
            ErrorCode::Validation,
            "Name the export file .csv or .xlsx (for the URLs as plain text, use `ippdesk complaint urls ID`).",
        )),
    }
}

fn id(s: &str) -> Result<ippdesk_desk::Id, DeskError> {
    s.parse()
        .map_err(|_| DeskError::new(ErrorCode::NotFound, format!("{s} is not a record id.")))
}

/// One line of `url normalize --json`.
#[derive(Serialize)]
struct NormalizedLine<'a> {
    input: &'a str,
    platform: Option<Platform>,
    kind: Option<ippdesk_desk::ListingKind>,
    id: Option<String>,
    canonical: Option<String>,
    error: Option<String>,
}

/// Per-line errors are data, not a failure: the command exits 0 and prints
/// every line, so a batch of 300 with one bad URL keeps the other 299.
fn normalize_urls(cli: &Cli, urls: &[String]) -> Result<(), DeskError> {
    let lines: Vec<String> = if urls.is_empty() {
        use std::io::BufRead;
        std::io::stdin()
            .lock()
            .lines()
            .collect::<Result<_, _>>()
            .map_err(|e| {
                DeskError::new(ErrorCode::Io, format!("Cannot read standard input: {e}"))
            })?
    } else {
        urls.to_vec()
    };
    for input in lines.iter().filter(|l| !l.trim().is_empty()) {
        let r = normalize_url(input);
        if cli.json {
            let line = match &r {
                Ok(p) => NormalizedLine {
                    input,
                    platform: Some(p.platform),
                    kind: Some(p.kind),
                    id: p.id.clone(),
                    canonical: Some(p.canonical.clone()),
                    error: None,
                },
                Err(e) => NormalizedLine {
                    input,
                    platform: None,
                    kind: None,
                    id: None,
                    canonical: None,
                    error: Some(e.to_string()),
                },
            };
            write_stdout(&serde_json::to_string(&line).unwrap_or_default())?;
        } else {
            write_stdout(&match r {
                Ok(p) => format!(
                    "{}\t{}\t{}\t{}",
                    p.platform.as_str(),
                    p.kind.as_str(),
                    p.id.as_deref().unwrap_or("-"),
                    p.canonical
                ),
                Err(e) => format!("error\t{input}\t{e}"),
            })?;
        }
    }
    Ok(())
}

fn run(cli: &Cli) -> Result<(), DeskError> {
    if let Command::Call { name, args } = &cli.command {
        return call::run(cli.db.clone(), name.as_deref(), args.as_deref());
    }
    if let Command::Url(UrlCmd::Normalize { urls }) = &cli.command {
        return normalize_urls(cli, urls);
    }
    if let Command::Calendar(CalendarCmd::AddWorkingDays {
        calendar,
        from,
        days,
    }) = &cli.command
    {
        let r = add_working_days(*calendar, *from, *days);
        let out = Out { json: cli.json };
        return out.print(
            &serde_json::json!({ "date": r.date, "estimated": r.estimated }),
            || {
                if r.estimated {
                    let years: Vec<String> = r.missing_years.iter().map(i32::to_string).collect();
                    format!(
                        "{} (estimated: no published holiday schedule for {}; weekends only)",
                        r.date,
                        years.join(", ")
                    )
                } else {
                    r.date.to_string()
                }
            },
        );
    }
    if let Command::Verify {
        bundle: Some(bundle),
    } = &cli.command
    {
        let report = verify_bundle(bundle)?;
        Out { json: cli.json }.print(&report, || {
            let mut s = format!(
                "bundle: {} file(s) checked, {} problem(s)\nmanifest.json SHA-256: {} (compare with the PDF)",
                report.files_checked,
                report.problems.len(),
                report.manifest_sha256
            );
            for p in &report.problems {
                s += &format!("\n  {}: {}", p.file, p.problem);
            }
            s
        })?;
        return if report.ok {
            Ok(())
        } else {
            Err(DeskError::new(
                ErrorCode::Internal,
                format!(
                    "The bundle does not match its manifest: {}.",
                    report
                        .problems
                        .iter()
                        .map(|p| format!("{} {}", p.file, p.problem))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ))
        };
    }
    let path = resolve_db_path(cli.db.clone())?;
    if let Command::Team(team::TeamCmd::Import { from }) = &cli.command {
        return team::import(&path, from, Out { json: cli.json });
    }
    let mut desk = Desk::open(&path)?;
    if let Command::Packet {
        kind,
        id: i,
        out: file,
        bundle,
    } = &cli.command
    {
        let started = std::time::Instant::now();
        let r = desk.generate_packet(PacketRequest {
            kind: *kind,
            id: id(i)?,
            pdf_path: file.display().to_string(),
            bundle_path: bundle.as_ref().map(|b| b.display().to_string()),
        })?;
        return Out { json: cli.json }.print(&r, || {
            let mut s = format!(
                "Wrote {} ({} KB, packet {}) in {:.2} s; manifest SHA-256 {}",
                r.pdf_path,
                r.pdf_size / 1024,
                r.packet_id,
                started.elapsed().as_secs_f64(),
                r.manifest_sha256
            );
            if let (Some(b), Some(size)) = (&r.bundle_path, r.bundle_size) {
                s += &format!(
                    "\nWrote {b} ({} KB, {} evidence file(s)).",
                    size / 1024,
                    r.files
                );
            }
            s
        });
    }
    let out = Out { json: cli.json };
    match &cli.command {
        Command::Holder(HolderCmd::Add(a)) => {
            let h = desk.create_holder(HolderDraft {
                kind: a.kind,
                legal_name: a.legal_name.clone(),
                latin_name: a.latin_name.clone(),
                country: a.country.clone(),
                registration_number: a.registration_number.clone(),
                address: a.address.clone(),
                contact_email: a.email.clone(),
                notes: a.notes.clone(),
            })?;
            out.print(&h, || h.id.to_string())
        }
        Command::Holder(HolderCmd::List) => {
            let rows = desk.list_holders()?;
            out.print(&rows, || {
                rows.iter()
                    .map(|r| {
                        let d = &r.holder.draft;
                        format!(
                            "{}  {}  {}  {}  rights: {}",
                            r.holder.id, d.legal_name, d.latin_name, d.country, r.rights_count
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Holder(HolderCmd::Show { id: i }) => {
            let h = desk.get_holder(id(i)?)?;
            out.print(&h, || pretty(&h))
        }
        Command::Ip(IpCmd::Add(a)) => {
            let r = desk.create_right(RightDraft {
                kind: a.kind,
                title: a.title.clone(),
                mark_type: a
                    .mark_type
                    .or((a.kind == RightKind::Trademark).then_some(MarkType::Word)),
                registration_number: a.number.clone(),
                jurisdiction: a.jurisdiction.clone(),
                designations: a.designations.clone(),
                registrant_id: id(&a.registrant)?,
                nice_classes: a.classes.clone(),
                filing_date: a.filing,
                registration_date: a.registration,
                expiry_date: a.expiry,
                notes: a.notes.clone(),
            })?;
            out.print(&r, || r.id.to_string())
        }
        Command::Ip(IpCmd::List) => {
            let rows = desk.list_rights()?;
            out.print(&rows, || {
                rows.iter()
                    .map(|r| {
                        let d = &r.right.draft;
                        format!(
                            "{}  {}  {} {}  {}  expires {}",
                            r.right.id,
                            d.title,
                            d.jurisdiction,
                            d.registration_number,
                            r.registrant_name,
                            d.expiry_date.map_or("-".into(), |e| e.to_string())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Ip(IpCmd::Show { id: i }) => {
            let r = desk.get_right(id(i)?)?;
            out.print(&r, || pretty(&r))
        }
        Command::Verify { bundle: Some(_) } | Command::Packet { .. } => Ok(()),
        Command::Verify { bundle: None } => {
            let report = desk.verify()?;
            out.print(&report, || {
                let mut s = format!(
                    "vault: {} file(s) checked, {} problem(s)\naudit: {} row(s) checked, {} problem(s)",
                    report.files_checked,
                    report.vault.len(),
                    report.audit_rows,
                    report.audit.len()
                );
                for v in &report.vault {
                    s += &format!("\n  file {} ({}): {}", v.sha256, v.documents.join(", "), v.problem);
                }
                for a in &report.audit {
                    s += &format!("\n  audit row {}: {}", a.seq, a.problem);
                }
                s
            })?;
            if report.ok {
                Ok(())
            } else {
                Err(DeskError::new(
                    ErrorCode::Internal,
                    "Integrity check failed.",
                ))
            }
        }
        Command::Team(cmd) => team::run(&desk, cmd, out),
        Command::Audit(AuditCmd::List { limit }) => {
            let rows = desk.audit_latest(*limit)?;
            out.print(&rows, || {
                rows.iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}\t{}\t{}\t{}",
                            r.seq,
                            r.at.format("%Y-%m-%d %H:%M:%S"),
                            if r.actor.is_empty() { "-" } else { &r.actor },
                            r.action,
                            r.table,
                            r.record
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Backup { file } => {
            desk.backup(file)?;
            out.print(&serde_json::json!({ "backup": file }), || {
                format!("Backed up to {}", file.display())
            })
        }
        Command::Sample => {
            let s = desk.load_sample()?;
            out.print(&s, || {
                format!(
                    "Loaded {} holders, {} agent, {} accounts, {} rights, {} sellers, {} complaints, {} listings, {} documents.",
                    s.holders, s.agents, s.accounts, s.rights, s.sellers, s.complaints, s.listings, s.documents
                )
            })
        }
        Command::Url(_) | Command::Calendar(_) | Command::Call { .. } => Ok(()),
        Command::Complaint(ComplaintCmd::List {
            status,
            platform,
            right,
            assignee,
            sort,
            desc,
            limit,
            offset,
        }) => {
            let page = desk.list_complaints(ComplaintFilter {
                status: *status,
                platform: *platform,
                right_id: right.as_deref().map(id).transpose()?,
                assignee: assignee.clone(),
                sort: Some(sort.clone()),
                descending: *desc,
                offset: *offset,
                limit: *limit,
            })?;
            out.print(&page.rows, || {
                let mut s: Vec<_> = page
                    .rows
                    .iter()
                    .map(|r| {
                        let c = &r.complaint;
                        format!(
                            "{}  {:<28}  {:<8}  {:<12}  {:>3} listings  {}",
                            c.id,
                            r.label,
                            format!("{:?}", c.status).to_lowercase(),
                            c.draft.platform.as_str(),
                            c.listing_count,
                            r.right_title
                        )
                    })
                    .collect();
                s.push(format!("{} of {} complaints", page.rows.len(), page.total));
                s.join("\n")
            })
        }
        Command::Complaint(ComplaintCmd::Show { id: i }) => {
            let c = desk.get_complaint(id(i)?)?;
            out.print(&c, || pretty(&c))
        }
        Command::Complaint(ComplaintCmd::Urls { id: i }) => {
            let urls = desk.complaint_urls(id(i)?)?;
            out.print(&urls.lines().collect::<Vec<_>>(), || {
                urls.trim_end().to_string()
            })
        }
        Command::Complaint(ComplaintCmd::Export { id: i, out: file }) => {
            desk.export_complaint_urls(id(i)?, url_export_format(file)?, file)?;
            out.print(&file.display().to_string(), || {
                format!("Wrote {}.", file.display())
            })
        }
        Command::Complaint(ComplaintCmd::Status { ids, to }) => {
            let ids = ids.iter().map(|i| id(i)).collect::<Result<Vec<_>, _>>()?;
            let r = desk.set_complaints_status(ids, *to)?;
            bulk_outcome(out, &r)
        }
        Command::Complaint(ComplaintCmd::Delete { ids }) => {
            let ids = ids.iter().map(|i| id(i)).collect::<Result<Vec<_>, _>>()?;
            let r = desk.delete_complaints(ids)?;
            bulk_outcome(out, &r)
        }
        Command::Listing(ListingCmd::Import {
            file,
            complaint,
            dry_run,
        }) => {
            let report = desk.import_listings(
                ImportRequest {
                    source: ImportSource::File {
                        path: file.display().to_string(),
                    },
                    complaint_id: complaint.as_deref().map(id).transpose()?,
                },
                !dry_run,
                &mut |_| {},
            )?;
            // A CLI run ends here: leave the listings searchable.
            desk.index_search_fully()?;
            out.print(&report, || {
                let mut s: Vec<String> = report
                    .lines
                    .iter()
                    .map(|l| {
                        let what = match &l.outcome {
                            LineOutcome::Accepted { canonical, .. } => {
                                format!("accepted    {canonical}")
                            }
                            LineOutcome::DuplicateInBatch { first_line, .. } => {
                                format!("duplicate   same listing as line {first_line}")
                            }
                            LineOutcome::AlreadyKnown {
                                canonical,
                                complaints,
                                ..
                            } => {
                                let wher: Vec<_> =
                                    complaints.iter().map(|c| c.label.as_str()).collect();
                                if wher.is_empty() {
                                    format!("known       {canonical}")
                                } else {
                                    format!("known       {canonical} (in {})", wher.join(", "))
                                }
                            }
                            LineOutcome::Invalid { reason } => format!("invalid     {reason}"),
                        };
                        format!("line {:>6}  {what}", l.line)
                    })
                    .collect();
                let c = &report.counts;
                s.push(format!(
                    "{} accepted, {} duplicate, {} already known, {} invalid{}",
                    c.accepted,
                    c.duplicate,
                    c.known,
                    c.invalid,
                    if report.committed {
                        ""
                    } else {
                        " (dry run: nothing written)"
                    }
                ));
                s.join("\n")
            })
        }
        Command::Listing(ListingCmd::Show { id: i }) => {
            let l = desk.get_listing(id(i)?)?;
            out.print(&l, || pretty(&l))
        }
        Command::Seller(SellerCmd::List) => {
            let rows = desk.list_sellers()?;
            out.print(&rows, || {
                rows.iter()
                    .map(|r| {
                        let d = &r.seller.draft;
                        format!(
                            "{}  {:<12}  {}  listings: {}  complaints: {}  {}",
                            r.seller.id,
                            d.platform.as_str(),
                            d.store_name,
                            r.listings,
                            r.complaints,
                            r.risk
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Seller(SellerCmd::Show { id: i }) => {
            let s = desk.get_seller(id(i)?)?;
            out.print(&s, || pretty(&s))
        }
        Command::Search { text } => {
            let hits = desk.search(text)?;
            out.print(&hits, || {
                hits.iter()
                    .map(|h| {
                        format!("{:?}  {}  {}  {}", h.kind, h.id, h.title, h.detail).to_string()
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Deadlines(DeadlinesCmd::List { bucket, assignee }) => {
            let rows = desk.open_deadlines(DeadlineFilter {
                bucket: bucket.clone(),
                assignee: assignee.clone(),
                platform: None,
                limit: Some(5000),
            })?;
            out.print(&rows, || {
                rows.iter()
                    .map(|r| {
                        let d = &r.deadline;
                        format!(
                            "{}  {} ({}){}  {}  {}  {}",
                            d.due_at.to_rfc3339(),
                            d.due_date,
                            d.time_zone,
                            if d.estimated { " estimated" } else { "" },
                            if d.assignee.is_empty() {
                                "-"
                            } else {
                                &d.assignee
                            },
                            r.complaint_label.as_deref().unwrap_or("-"),
                            d.title
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Deadlines(DeadlinesCmd::Ics { out: file }) => {
            desk.export_ics(file)?;
            out.print(&file.display().to_string(), || {
                format!("Wrote {}.", file.display())
            })
        }
        Command::Report {
            from,
            to,
            group_by,
            out: file,
        } => {
            let query = EnforcementQuery {
                from: *from,
                to: *to,
                group_by: group_by.clone(),
            };
            if let Some(file) = file {
                let format = match file.extension().and_then(|e| e.to_str()) {
                    Some(e) if e.eq_ignore_ascii_case("xlsx") => ReportFormat::Xlsx,
                    Some(e) if e.eq_ignore_ascii_case("csv") => ReportFormat::Csv,
                    Some(e) if e.eq_ignore_ascii_case("pdf") => ReportFormat::Pdf,
                    _ => {
                        return Err(DeskError::new(
                            ErrorCode::Validation,
                            "Name the report file .csv, .xlsx or .pdf.",
                        ))
                    }
                };
                desk.export_report(ReportExport {
                    path: file.display().to_string(),
                    format,
                    query,
                })?;
                return out.print(&file.display().to_string(), || {
                    format!("Wrote {}.", file.display())
                });
            }
            let r = desk.enforcement_report(query)?;
            let pct = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.1} %"));
            out.print(&r, || {
                let line = |label: String, f: &EnforcementFigures| {
                    format!(
                        "{label:<40} complaints {:>6}  takedown {:>8}  counter-notices won {:>8}  lost {:>8}  median days {}",
                        f.counts.complaints,
                        pct(f.takedown_rate),
                        pct(f.counter_success_rate),
                        pct(f.successful_counter_rate),
                        f.median_days_to_takedown.map_or("-".into(), |d| format!("{d:.1}"))
                    )
                };
                let mut lines: Vec<String> = r
                    .rows
                    .iter()
                    .map(|row| {
                        let label = [
                            row.account_label.clone(),
                            row.platform.map(|p| p.as_str().to_string()),
                            row.reason.map(|x| format!("{x:?}")),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" / ");
                        line(label, &row.figures)
                    })
                    .collect();
                lines.push(line(format!("all, {} to {}", r.from, r.to), &r.total));
                lines.join("\n")
            })
        }
        Command::Dev(DevCmd::Seed {
            listings,
            complaints,
        }) => {
            let started = std::time::Instant::now();
            let s = desk.seed(*listings, *complaints)?;
            out.print(&s, || {
                format!(
                    "Seeded {} listings and {} complaints in {:.1} s.",
                    s.listings,
                    s.complaints,
                    started.elapsed().as_secs_f64()
                )
            })
        }
    }
}

#[derive(Clone, Copy)]
struct Out {
    json: bool,
}

/// Prints what a bulk action did; any refusal makes the exit status fail.
fn bulk_outcome(out: Out, r: &ippdesk_desk::BulkResult) -> Result<(), DeskError> {
    out.print(r, || {
        let mut lines = vec![format!(
            "{} done, {} unchanged, {} refused.",
            r.done.len(),
            r.unchanged.len(),
            r.failures.len()
        )];
        lines.extend(
            r.failures
                .iter()
                .map(|f| format!("{} ({}): {}", f.label, f.id, f.message)),
        );
        lines.join("\n")
    })?;
    match r.failures.first() {
        None => Ok(()),
        Some(first) => Err(DeskError::new(
            first.code,
            format!("{} of the complaints were refused.", r.failures.len()),
        )),
    }
}

impl Out {
    fn print<T: Serialize>(
        &self,
        value: &T,
        human: impl FnOnce() -> String,
    ) -> Result<(), DeskError> {
        let text = if self.json {
            serde_json::to_string(value)
                .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?
        } else {
            human()
        };
        write_stdout(&text)
    }
}

/// Prints a line; a reader that stops early (`| head`) ends the output
/// quietly instead of panicking.
fn write_stdout(text: &str) -> Result<(), DeskError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(|e| DeskError::new(ErrorCode::Io, format!("Cannot write the output: {e}"))),
    }
}

fn pretty<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}
