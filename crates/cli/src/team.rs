//! `ippdesk team …`: set up a team database and its logins. Needs
//! `--db postgres://…` (or IPPDESK_DB); the server decides what the signed-in
//! user may do.

use clap::Subcommand;
use ippdesk_desk::{Desk, DeskError, ErrorCode, TeamRole};

use crate::Out;

#[derive(Subcommand)]
pub enum TeamCmd {
    /// Create the schema and roles on a new team database and make the
    /// signed-in user its administrator (run once, by IT or the admin).
    Init,
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

pub fn run(desk: &Desk, cmd: &TeamCmd, out: Out) -> Result<(), DeskError> {
    match cmd {
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
