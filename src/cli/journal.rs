//! `rekindle journal add|list`.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, Utc};
use clap::Subcommand;

use crate::config::Config;
use crate::engine::{Action, Journal, JournalEntry, Now, Workbook, prepare_entry};
use crate::own_editor::{EditEnd, Edited};
use crate::store::{Inbox, InboxItem, InboxRecord, StoreError};

use super::session::{EntryPlace, load_guide};
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
/// a command that cannot save it; text written in the user's editor is written first, and the
/// files opened after, so the workbook is not held while they write. When the workbook is open
/// in another window (its lock is held past a short wait), the entry goes to the inbox instead,
/// which that window files.
fn add(
    cli: &Cli,
    text: &[String],
    step: Option<String>,
    mood: Option<u8>,
    tags: Vec<String>,
) -> Result<ExitCode, CliError> {
    let editor = if text.is_empty() && std::io::stdin().is_terminal() {
        own_editor_on_terminal()?
    } else {
        None
    };
    // The editor runs before the store is opened, so its lock is not held while the user
    // writes (the workbook, restore and delete everything stay usable meanwhile).
    // The scratch file stays until the entry is saved (dropped at the end of this function).
    let (mut target, text, _scratch) = if let Some(editor) = editor {
        let dir = super::session::data_dir(cli)?;
        match in_own_editor(&editor, &dir) {
            Ok((text, scratch)) => {
                let target = open_target(cli).map_err(|e| with_text(e, &text))?;
                (target, text, Some(scratch))
            }
            Err(edited) => {
                let target = open_target(cli);
                return keep_unfinished(target, &dir, *edited, step.as_deref());
            }
        }
    } else {
        let target = open_target(cli)?;
        let text = if text.is_empty() || text == ["-"] {
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input)?;
            input.trim_end_matches('\n').to_string()
        } else {
            text.join(" ")
        };
        (target, text, None)
    };
    let keep_text = |e: CliError| match e {
        CliError::Store(_) => with_text(e, &text),
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
        Target::Waiting(session, waiting) => {
            // The month is not read: the entry's id is kept apart from the others waiting for
            // it (the month's own are all older, see `Session::open_for_entry`).
            session.book.journal = Journal::from_entries(std::mem::take(waiting));
            let now = Now::new(Utc::now(), &Local);
            let entry = prepare_entry(
                &mut session.book,
                &session.guide,
                text.clone(),
                step,
                mood,
                tags,
                now,
            )?;
            let filing = Action::FileEntry {
                entry: entry.clone(),
                replaces: false,
            };
            // Checked as the filing will check it, so the record never waits in vain.
            crate::engine::apply(&mut session.book, &session.guide, filing, now)?;
            let record = InboxRecord::new(
                now.at,
                InboxItem::Entry {
                    entry: entry.clone(),
                    replaces: false,
                },
            );
            Inbox::of(session.store.dir())
                .put(&record)
                .map_err(|e| keep_text(e.into()))?;
            entry.id
        }
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
                .put_without_lock(&record)
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
    if let Target::Journal(session) | Target::Waiting(session, _) = &mut target {
        // What was left alone on the way (an inbox record whose month cannot be read).
        for note in &session.notes {
            eprintln!("{note}");
        }
        // The process ends now: freeing a month of thousands of entries one by one would only
        // delay the exit (about a tenth of `journal add` at 1,000,000 entries). Only the
        // entries are left to the exit; the session (and its lock) is dropped as usual.
        std::mem::forget(std::mem::take(&mut session.book.journal));
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens where `journal add` writes: the journal (its month, or beside a big month the entries
/// waiting for it), or its inbox when another window holds the lock past a short wait.
fn open_target(cli: &Cli) -> Result<Target, CliError> {
    match Session::open_for_entry(cli, Utc::now()) {
        Ok((session, EntryPlace::Month)) => Ok(Target::Journal(Box::new(session))),
        Ok((session, EntryPlace::Waiting(waiting))) => {
            Ok(Target::Waiting(Box::new(session), waiting))
        }
        Err(CliError::Store(StoreError::Locked { dir, .. })) => Ok(Target::Inbox(dir)),
        Err(e) => Err(e),
    }
}

/// `e`, with the entry's `text` after it so nothing is lost when the entry was not saved.
fn with_text(e: CliError, text: &str) -> CliError {
    if text.trim().is_empty() {
        return e;
    }
    CliError::Other(format!(
        "{e}\nYour entry was not saved; here it is so nothing is lost:\n{text}"
    ))
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

/// The entry written in the user's own editor, starting empty, with the edit (whose scratch
/// file goes when it is dropped); how it ended when it did not close with text to add (exit 0,
/// and rekindle not asked to stop meanwhile).
fn in_own_editor(
    editor: &crate::own_editor::EditorCommand,
    data_dir: &Path,
) -> Result<(String, Edited), Box<Edited>> {
    if let Some(notice) = crate::store::scratch::remove_leftovers(data_dir).notice() {
        eprintln!("{notice}");
    }
    let edited = crate::own_editor::edit(editor, "", data_dir);
    match &edited.end {
        EditEnd::Wrote(text) if !edited.asked_to_stop => {
            let text = text.trim_end_matches('\n').to_string();
            Ok((text, edited))
        }
        _ => Err(Box::new(edited)),
    }
}

/// After an editor that did not close cleanly: keeps what it last saved as the draft of a new
/// entry (after any draft already there), or, when another window has the workbook, in a
/// `rekindle-recovered-…` file of the data folder; adds nothing, and says where. The scratch file goes only once the words are kept.
fn keep_unfinished(
    target: Result<Target, CliError>,
    data_dir: &Path,
    mut edited: Edited,
    step: Option<&str>,
) -> Result<ExitCode, CliError> {
    let why = edited
        .end
        .why_not()
        .unwrap_or_else(|| "rekindle was asked to stop while your editor was open".to_string());
    if let EditEnd::Wrote(text) = &edited.end {
        edited.left = Some(text.clone()).filter(|t| !t.trim().is_empty());
    }
    let Some(text) = edited.left.clone() else {
        return Err(CliError::Other(format!("{why}, so nothing was added.")));
    };
    let key = match step {
        None => "entry-new".to_string(),
        Some(step) => format!("entry-new:{step}"),
    };
    let kept = match target {
        Err(e) => Err(e),
        Ok(Target::Journal(mut session) | Target::Waiting(mut session, _)) => {
            let text = match session.book.drafts.get(&key) {
                Some(draft) if draft.text.contains(&text) => draft.text.clone(),
                Some(draft) => format!("{}\n\n{text}", draft.text),
                None => text.clone(),
            };
            session.apply(Action::SaveDraft { key, text }).map(|_| ())
        }
        // The open window would write its own draft of a new entry over this one.
        Ok(Target::Inbox(_)) => Err(CliError::Other(
            "the workbook is open in another window".to_string(),
        )),
    };
    let message = match kept {
        Ok(()) => format!(
            "{why}. What it last saved is kept as a draft: open the workbook (rekindle) and start \
             a new journal entry to see it. Nothing was added to your journal."
        ),
        Err(e) => match edited.set_aside(data_dir) {
            Ok(path) => format!(
                "{why}. What it last saved could not be kept as a draft ({e}), so it is kept in \
                 {}. Nothing was added to your journal.",
                path.display()
            ),
            Err(_) => format!(
                "{why}. What it last saved could not be kept ({e}); here it is so nothing is \
                 lost:\n{text}"
            ),
        },
    };
    drop(edited);
    // The terminal may be gone (a hangup): the words are kept already, so a failed write is
    // not a problem.
    let _ = writeln!(std::io::stderr().lock(), "{message}");
    Ok(ExitCode::FAILURE)
}

/// Where `journal add` writes.
enum Target {
    /// The journal itself, with the writer's lock and the entry's month read.
    Journal(Box<Session>),
    /// The journal, with the writer's lock; the entry's month is big and not read, and the
    /// entry joins these, waiting for it in the inbox.
    Waiting(Box<Session>, Vec<JournalEntry>),
    /// The inbox of the data folder at this path, because another window holds the lock.
    Inbox(std::path::PathBuf),
}
