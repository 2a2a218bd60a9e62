//! `ippdesk`: the command line over the same desk the app uses.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use ippdesk_desk::{
    resolve_db_path, Desk, DeskError, ErrorCode, HolderDraft, HolderKind, MarkType, RightDraft,
    RightKind,
};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "ippdesk",
    version,
    about = "IPP Desk: rights holders, IP rights and evidence for marketplace IP programmes"
)]
struct Cli {
    /// Database file (default: IPPDESK_DB, else <user data dir>/ippdesk/ippdesk.sqlite3).
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
    /// Re-hash every vault file and walk the audit chain.
    Verify,
    /// Copy the live database to FILE (SQLite online backup).
    Backup { file: PathBuf },
    /// Load the sample data (a brand, its agent, trademarks in CN / US / EU, accounts).
    Sample,
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
                ErrorCode::Validation | ErrorCode::Duplicate | ErrorCode::InvalidTransition => 2,
                _ => 1,
            })
        }
    }
}

fn id(s: &str) -> Result<ippdesk_desk::Id, DeskError> {
    s.parse()
        .map_err(|_| DeskError::new(ErrorCode::NotFound, format!("{s} is not a record id.")))
}

fn run(cli: &Cli) -> Result<(), DeskError> {
    let path = resolve_db_path(cli.db.clone())?;
    let mut desk = Desk::open(&path)?;
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
        Command::Verify => {
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
                    "Loaded {} holders, {} agent, {} accounts, {} rights, {} documents.",
                    s.holders, s.agents, s.accounts, s.rights, s.documents
                )
            })
        }
    }
}

struct Out {
    json: bool,
}

impl Out {
    fn print<T: Serialize>(
        &self,
        value: &T,
        human: impl FnOnce() -> String,
    ) -> Result<(), DeskError> {
        if self.json {
            let s = serde_json::to_string(value)
                .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
            println!("{s}");
        } else {
            println!("{}", human());
        }
        Ok(())
    }
}

fn pretty<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}
