//! `ippdesk call NAME 'JSON'`: any command of the desk's table (the same
//! table the app's window uses), its JSON answer on stdout, so everything the
//! UI does can be scripted. Without NAME, lists the commands.

use std::io::Read;
use std::path::PathBuf;

use ippdesk_desk::commands::{self, with_plain_ctx};
use ippdesk_desk::{resolve_db_path, Desk, DeskError, ErrorCode, SharedDesk};

pub fn run(db: Option<PathBuf>, name: Option<&str>, args: Option<&str>) -> Result<(), DeskError> {
    let Some(name) = name else {
        let names: Vec<&str> = commands::COMMANDS.iter().map(|c| c.name).collect();
        return crate::write_stdout(&names.join("\n"));
    };
    let args = read_args(args)?;
    let desk = SharedDesk::new(resolve_db_path(db).and_then(|p| Desk::open(&p)));
    let answer = with_plain_ctx(|ctx| commands::call(&desk, name, args, ctx))?;
    let text = serde_json::to_string_pretty(&answer)
        .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
    crate::write_stdout(&text)
}

/// The arguments: JSON text, `-` for standard input, or none (`{}`).
fn read_args(args: Option<&str>) -> Result<serde_json::Value, DeskError> {
    let text = match args {
        None => return Ok(serde_json::json!({})),
        Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| DeskError::new(ErrorCode::Io, format!("Cannot read stdin: {e}")))?;
            s
        }
        Some(s) => s.to_string(),
    };
    serde_json::from_str(&text).map_err(|e| {
        DeskError::new(
            ErrorCode::InvalidArgs,
            format!("The arguments are not JSON: {e}"),
        )
    })
}
