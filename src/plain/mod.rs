//! Plain mode: the workbook as numbered questions and answers on standard input and output, for
//! screen readers and pipes. No cursor movement, no colour, no redraws: only lines of text.
//!
//! The same engine and the same saves as the workbook: every change goes through
//! [`crate::engine::apply`] and the store's atomic save before anything is called saved. What
//! to say is in [`words`] and what an answer means in [`reply`], both pure; the rest reads and
//! writes lines.

mod checks;
mod contacts;
mod journal;
mod menu;
pub mod reply;
mod review;
mod step;
mod talk;
mod tools;
pub mod words;

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{Cli, CliError, Session};
use crate::store::Access;

pub use talk::{Go, Stop, Talk};

/// True when `rekindle` with no command should talk in plain lines: asked for with `--plain`,
/// or standard output is not a terminal, or the terminal says it is dumb (`TERM=dumb`).
pub fn chosen(asked: bool, stdout_is_terminal: bool, term: Option<&OsStr>) -> bool {
    asked || !stdout_is_terminal || term.is_some_and(|t| t == "dumb")
}

/// [`chosen`] for this process.
pub fn wanted(cli: &Cli) -> bool {
    chosen(
        cli.plain,
        std::io::stdout().is_terminal(),
        std::env::var_os("TERM").as_deref(),
    )
}

/// Opens the workbook and talks on standard input and output until the user leaves or the
/// input ends (both exit 0, everything answered saved); exit 1 when a save failed and was not
/// made good.
pub fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let access = if cli.read_only {
        Access::ReadOnly
    } else {
        Access::ReadWrite
    };
    let (mut session, _older) =
        Session::open_newest(cli, access).map_err(crate::tui::run::explain_lock)?;
    // A reader files nothing but still shows what waits in the inbox (entries `journal add`
    // left beside a big month, or written while another window held the lock).
    session.file_inbox()?;
    for warning in session.warnings() {
        eprintln!("rekindle: {}", crate::visible::visible(&warning));
    }
    let read_only = access == Access::ReadOnly;
    let mut talk = Talk::new(
        std::io::stdin().lock(),
        std::io::stdout().lock(),
        session,
        read_only,
    );
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = crossterm::terminal::size()
    {
        // One column short of the edge, so a full line never leaves the cursor hanging there.
        talk.wrap_at(usize::from(columns).saturating_sub(1));
    }
    let ending = match talk.conversation() {
        Ok(()) | Err(Stop::Leave) => "Goodbye.",
        Err(Stop::EndOfInput) => "The input has ended, so this is goodbye.",
        Err(Stop::Failed(error)) => return Err(error),
    };
    let saved = match &talk.unsaved {
        _ if read_only => " This window was read-only, so nothing was changed.",
        None => " Everything you finished is saved.",
        Some(_) => "",
    };
    // A closed output has nobody to say goodbye to.
    let _ = talk.say(format!("{ending}{saved}"));
    match talk.unsaved {
        Some(problem) => Err(CliError::Other(format!(
            "something you changed could not be saved: {problem}"
        ))),
        None => Ok(ExitCode::SUCCESS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_is_chosen_by_the_flag_a_pipe_or_a_dumb_terminal() {
        assert!(chosen(true, true, Some(OsStr::new("xterm-256color"))));
        assert!(chosen(false, false, Some(OsStr::new("xterm-256color"))));
        assert!(chosen(false, true, Some(OsStr::new("dumb"))));
        assert!(!chosen(false, true, Some(OsStr::new("xterm-256color"))));
        assert!(!chosen(false, true, None));
    }
}
