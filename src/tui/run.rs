//! `rekindle` with no command: open the workbook in the terminal and run until quit.

use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::{Local, Utc};

use crate::cli::{Cli, CliError, Session, no_color};
use crate::config::Config;
use crate::engine::Theme as ThemeChoice;
use crate::store::{Access, StoreError};

use super::app::{App, Overlay};
use super::events::{Events, Wake};
use super::key_overrides::KeyOverrides;
use super::loader::JournalLoader;
use super::persist::{MemoryPersist, Persist};
use super::saver::StoreSaver;
use super::terminal::{TerminalGuard, stop_signal};
use super::theme::Theme;

/// How often the loop wakes without input (drafts, the inbox, what is not saved).
const TICK: Duration = Duration::from_millis(250);

/// Opens the workbook where the user left off; returns when they quit.
pub fn open_workbook(cli: &Cli, config: &Config) -> Result<ExitCode, CliError> {
    let access = if cli.read_only {
        Access::ReadOnly
    } else {
        Access::ReadWrite
    };
    let (session, older) = Session::open_newest(cli, access).map_err(explain_lock)?;
    let events = Events::new();
    let loader = JournalLoader::spawn_waking(
        session.store.dir().to_path_buf(),
        older,
        Some(events.waker()),
    );
    let theme = if no_color(cli) || session.book.journey.settings.theme == ThemeChoice::Plain {
        Theme::PLAIN
    } else {
        Theme::named(config.theme)
    };
    let warnings = session.warnings();
    let persist: Box<dyn Persist> = match access {
        Access::ReadWrite => Box::new(StoreSaver::spawn(session.store)),
        Access::ReadOnly => Box::new(MemoryPersist::default()),
    };
    let mut app = App::new(
        session.guide,
        session.book,
        persist,
        Box::new(Utc::now),
        Box::new(Local),
        theme,
    );
    app.export_dir = config
        .export_folder
        .as_ref()
        .map_or_else(export_dir, |folder| folder.path().to_path_buf());
    app.keys = KeyOverrides::for_terminal(&config.keys);
    app.read_only = access == Access::ReadOnly;
    app.loader = loader;
    if !warnings.is_empty() {
        app.overlay = Some(Overlay::Error(warnings.join("\n")));
    }
    let stop = stop_signal()?;
    let result = {
        let mut guard = TerminalGuard::take()?;
        event_loop(&mut app, &mut guard, &events, &stop)
    };
    let saved = app.flush();
    drop(app);
    result?;
    saved.map_err(CliError::Other)?;
    Ok(ExitCode::SUCCESS)
}

fn event_loop(
    app: &mut App,
    guard: &mut TerminalGuard,
    events: &Events,
    stop: &std::sync::atomic::AtomicBool,
) -> Result<(), CliError> {
    events.start()?;
    let stopped = || stop.load(Ordering::Relaxed);
    let mut dirty = true;
    let mut drawn_in = None;
    while !app.quit && !stopped() {
        // Draw only when something happened, or when the clock on screen moves on.
        let period = app.redraw_period();
        let slot = Utc::now().timestamp().div_euclid(period as i64);
        if dirty || drawn_in != Some((period, slot)) {
            guard
                .terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))?;
            dirty = false;
            drawn_in = Some((period, slot));
        }
        // Keys and arriving journal months wake the loop at once; the tick is for drafts, the
        // inbox and saving.
        let mut wake = events.next(TICK)?;
        while let Some(woke) = wake {
            match woke {
                Wake::Input(Ok(event)) => {
                    app.on_event(event);
                    dirty = true;
                }
                Wake::Input(Err(e)) => return Err(e.into()),
                Wake::Arrived => dirty |= app.merge_arrived(),
            }
            if app.quit || stopped() {
                break;
            }
            wake = events.ready()?;
        }
        dirty |= app.tick();
    }
    Ok(())
}

/// Where exports from the workbook go: the user's documents folder, else home, else here.
fn export_dir() -> std::path::PathBuf {
    let dirs = directories::UserDirs::new();
    dirs.as_ref()
        .and_then(|d| d.document_dir().map(|p| p.to_path_buf()))
        .filter(|p| p.is_dir())
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| std::path::PathBuf::from("."))
}

/// A held lock explained: who holds it, and what can be done alongside.
pub fn explain_lock(error: CliError) -> CliError {
    match error {
        CliError::Store(StoreError::Locked { dir, holder }) => {
            let who = holder.map_or("another rekindle".to_string(), |h| format!("rekindle {h}"));
            CliError::Other(format!(
                "the workbook in {} is already open ({who}). Close it there first, or open this \
                 one for reading with `rekindle --read-only`. Alongside it, `rekindle journal add` \
                 leaves entries in its inbox, and `status`, `journal list` and `export` read it.",
                dir.display()
            ))
        }
        other => other,
    }
}
