//! `rekindle` with no command: open the workbook in the terminal and run until quit.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{Local, Utc};

use crate::cli::{Cli, CliError, Session, no_color};
use crate::config::Config;
use crate::engine::Theme as ThemeChoice;
use crate::store::{Access, StoreError, keyring};

use super::app::{App, Overlay, OwnEditRequest};
use super::events::{Events, Wake};
use super::key_overrides::KeyOverrides;
use super::loader::JournalLoader;
use super::look::Look;
use super::persist::{MemoryPersist, Persist};
use super::saver::StoreSaver;
use super::terminal::{StopSignals, TerminalGuard};
use super::theme::Theme;
use super::unlock::{Unlocked, ask_to_unlock};

/// How often the loop wakes without input (drafts, the inbox, what is not saved).
const TICK: Duration = Duration::from_millis(250);

/// Opens the workbook where the user left off; returns when they quit.
pub fn open_workbook(cli: &Cli, config: &Config) -> Result<ExitCode, CliError> {
    one_malloc_arena();
    let access = if cli.read_only {
        Access::ReadOnly
    } else {
        Access::ReadWrite
    };
    let stop = StopSignals::listen()?;
    if unlock(cli, config, &stop)? == Unlocked::Left {
        return Ok(ExitCode::SUCCESS);
    }
    let (session, older) = Session::open_newest(cli, access).map_err(explain_lock)?;
    let data_dir = session.store.dir().to_path_buf();
    let leftovers = crate::store::scratch::remove_leftovers(&data_dir);
    let events = Events::new();
    let loader = JournalLoader::spawn_waking(
        session.store.dir().to_path_buf(),
        older,
        Some(events.waker()),
    );
    let app_plain = session.book.journey.settings.theme == ThemeChoice::Plain;
    let theme = if no_color(cli) || app_plain {
        Theme::PLAIN
    } else {
        Theme::named(config.theme)
    };
    let warnings = session.warnings();
    let persist: Box<dyn Persist> = match access {
        Access::ReadWrite => Box::new(StoreSaver::spawn(session.store)),
        Access::ReadOnly => Box::new(MemoryPersist::reading(crate::store::Inbox::of(&data_dir))),
    };
    let mut app = App::new(
        session.guide,
        session.book,
        persist,
        Box::new(Utc::now),
        Box::new(Local),
        theme,
    );
    app.export_dir = crate::export_place::export_folder(config);
    app.keys = KeyOverrides::for_terminal(&config.keys);
    app.look = Look {
        theme: config.theme,
        idle_lock: config.idle_lock,
        file: crate::cli::settings::config_path(cli).ok().map(|c| c.path),
        colour_off: no_color(cli) || app_plain,
    };
    app.read_only = access == Access::ReadOnly;
    app.encrypted = keyring::is_encrypted(&data_dir).then(|| data_dir.clone());
    app.loader = loader;
    app.own_editor = crate::own_editor::EditorCommand::from_env();
    let kept = leftovers.notice();
    if !warnings.is_empty() {
        let all: Vec<String> = warnings.into_iter().chain(kept).collect();
        app.overlay = Some(Overlay::Error(all.join("\n")));
    } else if let Some(kept) = kept {
        app.overlay = Some(Overlay::Kept(kept));
    }
    let result = {
        let mut guard = TerminalGuard::take()?;
        let mut room = Room {
            guard: &mut guard,
            events: &events,
            stop: &stop,
            data_dir: &data_dir,
        };
        event_loop(&mut app, &mut room)
    };
    if let Some(report) = app.erased.take() {
        let settings_file = app.look.file.clone().filter(|f| f.exists());
        drop(app);
        println!("{}", crate::visible::visible(&report));
        if let Some(file) = settings_file {
            println!("{}", crate::config::left_after_erase(&file));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let saved = app.flush();
    drop(app);
    result?;
    saved.map_err(CliError::Other)?;
    Ok(ExitCode::SUCCESS)
}

/// Unlocks an encrypted data folder before anything is read: through `--passphrase-file` when
/// given, else on the unlock screen.
fn unlock(cli: &Cli, config: &Config, stop: &StopSignals) -> Result<Unlocked, CliError> {
    let dir = crate::cli::data_dir(cli)?;
    if !keyring::is_encrypted(&dir) || keyring::is_unlocked(&dir) {
        return Ok(Unlocked::Open);
    }
    if cli.passphrase_file.is_some() {
        crate::cli::unlock_if_needed(cli, &dir)?;
        return Ok(Unlocked::Open);
    }
    let theme = if no_color(cli) {
        Theme::PLAIN
    } else {
        Theme::named(config.theme)
    };
    ask_to_unlock(&dir, &theme, stop)
}

/// What the loop runs in: the terminal, its events, the signals that end it, the data folder.
struct Room<'a> {
    guard: &'a mut TerminalGuard,
    events: &'a Events,
    stop: &'a StopSignals,
    data_dir: &'a Path,
}

fn event_loop(app: &mut App, room: &mut Room) -> Result<(), CliError> {
    let events = room.events;
    let stop = room.stop;
    events.start()?;
    let stopped = || stop.stopped();
    let mut dirty = true;
    let mut drawn_in = None;
    while !app.quit && !stopped() {
        // Draw only when something happened, or when the clock on screen moves on.
        let period = app.redraw_period();
        let slot = Utc::now().timestamp().div_euclid(period as i64);
        if dirty || drawn_in != Some((period, slot)) {
            room.guard
                .terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))?;
            dirty = false;
            drawn_in = Some((period, slot));
            app.pack_unread();
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
            if app.quit || stopped() || app.wants_own_editor() {
                break;
            }
            wake = events.ready()?;
        }
        if let Some(request) = app.take_own_edit() {
            let (end, resumed) = hand_to_own_editor(room, &request);
            // What the editor wrote is saved even when the terminal cannot be taken back.
            app.own_edit_done(end);
            resumed?;
            dirty = true;
        }
        dirty |= app.tick();
    }
    Ok(())
}

/// Gives the terminal to the user's editor with `request`'s text, and takes it back (redrawn
/// whole) when the editor returns. Keys are not read meanwhile, and the Ctrl-C the user types in
/// their editor does not end the workbook.
fn hand_to_own_editor(
    room: &mut Room,
    request: &OwnEditRequest,
) -> (crate::own_editor::Edited, std::io::Result<()>) {
    room.events.pause();
    let suspended = room.guard.suspend();
    let end = match suspended {
        Ok(()) => crate::own_editor::edit(&request.command, &request.text, room.data_dir),
        Err(e) => crate::own_editor::Edited::trouble(format!("the terminal: {e}")),
    };
    room.stop.forget_interrupt();
    let resumed = room.guard.resume();
    room.events.resume();
    (end, resumed)
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

/// Asks the C allocator to keep one heap for every thread. The journal's months are read on
/// the loader's thread and kept by the main one, and the search index is built on a third: with
/// a heap per thread (glibc's default), memory freed in one cannot be reused by another, which
/// at 100,000 entries costs about 6 MiB of the workbook's peak. The threads allocate little
/// once the journal is loaded, so sharing one heap costs no time a person can see.
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of the allocator; it is called before any thread of
    // ours starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
