//! `rekindle journal add|list`.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, Utc};
use clap::Subcommand;

use crate::config::Config;
use crate::engine::{Action, MonthKey, Now, Workbook, prepare_entry};
use crate::store::{Inbox, InboxItem, InboxRecord, StoreError};

use super::session::load_guide;
use super::{Cli, CliError, Session};

/// `rekindle journal ...`
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Write an entry: the text as arguments, or from stdin when there is none (or `-`); with
    /// no text on a terminal, in your own editor ($VISUAL or $EDITOR) when one is set.
    Add {
        /// The entry's text.
        text: Vec<String>,
        /// Tie the entry to a step (its id, e.g. `reflect`; `rekindle steps` lists them).
        #[arg(long)]
        step: Option<String>,
        /// Your mood, from 1 (low) to 5 (good).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
        mood: Option<u8>,
        /// A tag; repeat for more.
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// List entries, newest first (as in the workbook): local date and time, step, first
    /// line, mood. Reads one month at a time and stops as soon as -n entries are shown.
    List(super::journal_list::ListArgs),
}

/// Runs a journal command.
pub fn run(cli: &Cli, command: &JournalCommand, config: &Config) -> Result<ExitCode, CliError> {
    match command {
        JournalCommand::Add {
            text,
            step,
            mood,
            tags,
        } => add(cli, text, step.clone(), *mood, tags.clone()),
        JournalCommand::List(args) => super::journal_list::run(cli, args, config),
    }
}

/// Writes an entry. Opens the workbook's files first, so text typed on stdin is never read into
/// a command that cannot save it. When the workbook is open in another window (its lock is held
/// past a short wait), the entry goes to the inbox instead, which that window files.
fn add(
    cli: &Cli,
    text: &[String],
    step: Option<String>,
    mood: Option<u8>,
    tags: Vec<String>,
) -> Result<ExitCode, CliError> {
    let this_month = MonthKey::of(Utc::now());
    let mut target = match Session::open_month(cli, this_month) {
        Ok(session) => Target::Journal(Box::new(session)),
        Err(CliError::Store(StoreError::Locked { dir, .. })) => Target::Inbox(dir),
        Err(e) => return Err(e),
    };
    let editor = if text.is_empty() && std::io::stdin().is_terminal() {
        own_editor_on_terminal()?
    } else {
        None
    };
    let text = if let Some(editor) = editor {
        in_own_editor(&editor, target.dir())?
    } else if text.is_empty() || text == ["-"] {
        let mut input = String::new();
        std::io::stdin().read_to_string(&mut input)?;
        input.trim_end_matches('\n').to_string()
    } else {
        text.join(" ")
    };
    let keep_text = |e: CliError| match e {
        CliError::Store(_) if !text.trim().is_empty() => CliError::Other(format!(
            "{e}\nYour entry was not saved; here it is so nothing is lost:\n{text}"
        )),
        e => e,
    };
    let id = match &mut target {
        Target::Journal(session) => session
            .apply(Action::AddEntry {
                text: text.clone(),
                step,
                mood,
                tags,
            })
            .map_err(keep_text)?
            .entry_id
            .unwrap_or_default(),
        Target::Inbox(dir) => {
            let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
            let mut book = Workbook {
                journey: crate::engine::Journey::new(&guide, Utc::now()),
                journal: Default::default(),
                drafts: Default::default(),
            };
            let now = Now::new(Utc::now(), &Local);
            let entry = prepare_entry(&mut book, &guide, text.clone(), step, mood, tags, now)?;
            let record = InboxRecord::new(
                now.at,
                InboxItem::Entry {
                    entry: entry.clone(),
                    replaces: false,
                },
            );
            Inbox::of(dir)
                .put(&record)
                .map_err(|e| keep_text(e.into()))?;
            eprintln!(
                "The workbook is open in another window, so your entry was left in its inbox \
                 ({}); the open workbook files it in a moment.",
                Inbox::of(dir).dir().display()
            );
            entry.id
        }
    };
    writeln!(std::io::stdout().lock(), "{id}")?;
    if let Target::Journal(session) = &mut target {
        // The process ends now: freeing a month of thousands of entries one by one would only
        // delay the exit (about a tenth of `journal add` at 1,000,000 entries). Only the
        // entries are left to the exit; the session (and its lock) is dropped as usual.
        std::mem::forget(std::mem::take(&mut session.book.journal));
    }
    Ok(ExitCode::SUCCESS)
}

/// The editor `journal add` opens on a terminal: none when none is set (the text is then read
/// from the terminal as from any stdin); an error when the variable cannot be read as a command.
fn own_editor_on_terminal() -> Result<Option<crate::own_editor::EditorCommand>, CliError> {
    use crate::own_editor::{EditorCommand, NoEditor};
    match EditorCommand::from_env() {
        Ok(editor) => Ok(Some(editor)),
        Err(NoEditor::NotSet) => Ok(None),
        Err(unusable) => Err(CliError::Other(format!(
            "{unusable}. Nothing was added; give the text as arguments, or fix the variable."
        ))),
    }
}

/// The entry written in the user's own editor, starting empty; an editor that fails or is
/// stopped adds nothing.
fn in_own_editor(
    editor: &crate::own_editor::EditorCommand,
    data_dir: &Path,
) -> Result<String, CliError> {
    crate::store::scratch::remove_leftovers(data_dir);
    let end = crate::own_editor::edit(editor, "", data_dir);
    match end {
        crate::own_editor::EditEnd::Wrote(text) => Ok(text.trim_end_matches('\n').to_string()),
        stopped => Err(CliError::Other(format!(
            "{}, so nothing was added.",
            stopped.why_not().unwrap_or_default()
        ))),
    }
}

/// Where `journal add` writes.
enum Target {
    /// The journal itself, with the writer's lock.
    Journal(Box<Session>),
    /// The inbox of the data folder at this path, because another window holds the lock.
    Inbox(std::path::PathBuf),
}

impl Target {
    /// The data folder written to.
    fn dir(&self) -> &Path {
        match self {
            Target::Journal(session) => session.store.dir(),
            Target::Inbox(dir) => dir,
        }
    }
}
