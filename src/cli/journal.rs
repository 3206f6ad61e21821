//! `rekindle journal add|list`.

use std::io::{Read, Write};
use std::process::ExitCode;

use chrono::Local;
use clap::Subcommand;

use crate::engine::{Action, Calendar};
use crate::store::Access;
use crate::visible::visible;

use super::{Cli, CliError, Session};

/// `rekindle journal ...`
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Write an entry: the text as arguments, or from stdin when there is none (or `-`).
    Add {
        /// The entry's text.
        text: Vec<String>,
        /// Tie the entry to a step (its id, e.g. `reflect`).
        #[arg(long)]
        step: Option<String>,
        /// Your mood, from 1 (low) to 5 (good).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
        mood: Option<u8>,
        /// A tag; repeat for more.
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// List entries, oldest first: local date and time, step, first line.
    List {
        /// Start each line with the entry's id (for `export --for-counsellor --entries`).
        #[arg(long)]
        ids: bool,
    },
}

/// Runs a journal command.
pub fn run(cli: &Cli, command: &JournalCommand) -> Result<ExitCode, CliError> {
    match command {
        JournalCommand::Add {
            text,
            step,
            mood,
            tags,
        } => {
            // Open first, so text typed on stdin is never read into a command that cannot save.
            let mut session = Session::open(cli, Access::ReadWrite)?;
            let text = if text.is_empty() || text == &["-"] {
                let mut input = String::new();
                std::io::stdin().read_to_string(&mut input)?;
                input.trim_end_matches('\n').to_string()
            } else {
                text.join(" ")
            };
            let outcome = session
                .apply(Action::AddEntry {
                    text: text.clone(),
                    step: step.clone(),
                    mood: *mood,
                    tags: tags.clone(),
                })
                .map_err(|e| match e {
                    CliError::Store(_) if !text.trim().is_empty() => CliError::Other(format!(
                        "{e}\nYour entry was not saved; here it is so nothing is lost:\n{text}"
                    )),
                    e => e,
                })?;
            let id = outcome.entry_id.unwrap_or_default();
            writeln!(std::io::stdout().lock(), "{id}")?;
            Ok(ExitCode::SUCCESS)
        }
        JournalCommand::List { ids } => {
            let session = Session::open(cli, Access::ReadOnly)?;
            for warning in session.warnings() {
                eprintln!("{}", visible(&warning));
            }
            let mut out = std::io::stdout().lock();
            for entry in session.book.journal.iter() {
                let when = Local.local(entry.created).format("%Y-%m-%d %H:%M");
                let step = entry
                    .step
                    .as_ref()
                    .map(|s| {
                        session
                            .guide
                            .step(s)
                            .map_or(s.clone(), |st| st.title.clone())
                    })
                    .map(|t| format!("[{t}] "))
                    .unwrap_or_default();
                let id = if *ids {
                    format!("{}  ", entry.id)
                } else {
                    String::new()
                };
                let line = format!("{id}{when}  {step}{}", entry.first_line());
                writeln!(out, "{}", visible(&line))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
