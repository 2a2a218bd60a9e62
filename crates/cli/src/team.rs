//! `ippdesk team …`: set up a team database and its logins. Needs
//! `--db postgres://…` (or IPPDESK_DB); the server decides what the signed-in
//! user may do.

use clap::Subcommand;
use ippdesk_desk::{Desk, DeskError, ErrorCode, SoloImportStep, TeamRole};

use crate::Out;

#[derive(Subcommand)]
pub enum TeamCmd {
    /// Create the schema and roles on a new team database and make the
    /// signed-in user its administrator (run once, by IT or the admin).
    Init,
    /// Copy a solo database (its file and evidence vault) into a new team
    /// database, in place of `team init`: every record, the audit history
    /// with its actors, and the evidence, counted and re-hashed, in one
    /// transaction. The signed-in user becomes the administrator.
    Import {
        /// The solo database file (ippdesk.sqlite3; its vault folder beside it).
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// Who is signed in, and their role.
    Whoami,
    /// Team logins.
    #[command(subcommand)]
    User(UserCmd),
}

#[derive(Subcommand)]
pub enum UserCmd {
    /// Add a login with one role (viewer, paralegal, manager or admin). The
    /// password is asked for, or read from stdin with --password-stdin.
    Add {
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: TeamRole,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Everyone with a role.
    List,
    /// Give a user another role.
    Role {
        name: String,
        #[arg(value_parser = parse_role)]
        role: TeamRole,
    },
    /// Stop a user from signing in (their history stays).
    Disable { name: String },
}

fn parse_role(s: &str) -> Result<TeamRole, String> {
    TeamRole::parse(s).ok_or_else(|| "a role is viewer, paralegal, manager or admin".into())
}

fn password(from_stdin: bool) -> Result<String, DeskError> {
    let io = |e: std::io::Error| DeskError::new(ErrorCode::Io, e.to_string());
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(io)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_string());
    }
    let first = rpassword::prompt_password("Password for the new user: ").map_err(io)?;
    let again = rpassword::prompt_password("Again: ").map_err(io)?;
    if first != again {
        return Err(DeskError::new(
            ErrorCode::Validation,
            "The two passwords differ; nothing was changed.",
        ));
    }
    Ok(first)
}

/// `team import`: runs on a database nobody has opened, so before the CLI
/// opens one (opening writes the default rules).
pub fn import(db: &std::path::Path, from: &std::path::Path, out: Out) -> Result<(), DeskError> {
    let (admin, report) = Desk::import_solo(db, from, |step| {
        if !out.json {
            match step {
                SoloImportStep::Table { table, rows } => eprintln!("  {table}: {rows} rows"),
                SoloImportStep::File { done, total } if done == total || done % 100 == 0 => {
                    eprintln!("  evidence: {done} of {total} files")
                }
                SoloImportStep::File { .. } => {}
            }
        }
    })?;
    let records: u64 = report.tables.iter().map(|t| t.rows).sum();
    out.print(
        &serde_json::json!({ "admin": admin, "report": report }),
        || {
            format!(
                "Imported {records} records in {} tables, {} audit rows (the chain verifies) and {} evidence files ({} bytes, each re-hashed) from {}. {admin} is the administrator.",
                report.tables.len(),
                report.audit_rows,
                report.files,
                report.bytes,
                from.display()
            )
        },
    )
}

pub fn run(desk: &Desk, cmd: &TeamCmd, out: Out) -> Result<(), DeskError> {
    match cmd {
        // main runs it before opening a desk (see `import`).
        TeamCmd::Import { .. } => Err(DeskError::new(
            ErrorCode::Internal,
            "team import runs on a database nobody has opened",
        )),
        TeamCmd::Init => {
            let admin = desk.team_init()?;
            let info = desk.info()?;
            out.print(
                &serde_json::json!({ "admin": admin, "schema_version": info.schema_version }),
                || {
                    format!(
                        "Team database ready (schema {}); {admin} is its administrator. Add people with: ippdesk team user add NAME --role paralegal",
                        info.schema_version
                    )
                },
            )
        }
        TeamCmd::Whoami => {
            let me = desk.whoami()?;
            out.print(&me, || match me.role {
                Some(r) => format!("{} ({})", me.user, r.name()),
                None if me.team => format!("{} (no IPP Desk role)", me.user),
                None => format!("{} (solo edition)", me.user),
            })
        }
        TeamCmd::User(UserCmd::Add {
            name,
            role,
            password_stdin,
        }) => {
            let pw = password(*password_stdin)?;
            desk.team_add_user(name, *role, &pw)?;
            out.print(&serde_json::json!({ "name": name, "role": role }), || {
                format!("Added {name} as {}.", role.name())
            })
        }
        TeamCmd::User(UserCmd::List) => {
            let users = desk.team_users()?;
            out.print(&users, || {
                users
                    .iter()
                    .map(|u| {
                        let off = if u.can_log_in { "" } else { " (disabled)" };
                        format!("{}\t{}{off}", u.name, u.role.name())
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        TeamCmd::User(UserCmd::Role { name, role }) => {
            desk.team_set_role(name, *role)?;
            out.print(&serde_json::json!({ "name": name, "role": role }), || {
                format!("{name} is now {}.", role.name())
            })
        }
        TeamCmd::User(UserCmd::Disable { name }) => {
            desk.team_disable_user(name)?;
            out.print(
                &serde_json::json!({ "name": name, "disabled": true }),
                || format!("{name} can no longer sign in."),
            )
        }
    }
}
