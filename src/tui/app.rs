//! The app: screens, the editor and overlays, keys turned into engine actions, saving after each.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use crate::config::{ConfigChange, ConfigPath};
use crate::content::Guide;
use crate::engine::{Action, Calendar, MonthKey, Now, Outcome, UndoStack, Workbook, apply};
use crate::store::{InboxItem, InboxRecord};

use super::commit;
use super::editor::Editor;
use super::effect::{EditRequest, EditTarget, Effect, ExportKind};
use super::key_overrides::{KeyMeaning, KeyOverrides};
use super::keymap::{self, Command, ScreenKind};
use super::loader::{JournalLoader, Loaded};
use super::look::Look;
use super::persist::{Persist, SaveTarget, Unsaved};
use super::screens::{EraseScreen, SettingsScreen};
use super::screens::{Privacy, Screen, View};
use super::search::Searcher;
use super::theme::Theme;

mod own_edit;

pub use own_edit::{Launch, OwnEdit, OwnEditRequest};

/// A window over the screen that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The keys of the current screen.
    Help,
    /// A yes/no question before an effect.
    Confirm {
        /// The question.
        question: String,
        /// What yes does.
        then: Effect,
    },
    /// The editor has unsaved text and the user is leaving it.
    Unsaved {
        /// Quit after deciding.
        then_quit: bool,
    },
    /// Something went wrong; the text stays on screen.
    Error(String),
    /// Where words the user wrote are kept (a start that found an editor's text left behind).
    Kept(String),
    /// Where to find support now: the guide's help page.
    Support,
    /// The screen is blanked; any key brings it back.
    Hidden,
    /// The idle lock of an encrypted workbook: only the passphrase brings the screen back.
    Locked(super::unlock::UnlockScreen),
}

/// What a read-only window says when asked to change something.
const READ_ONLY_NOTICE: &str =
    "Read-only window: nothing can be changed here. Write in the window that has it open.";

/// The clock the app reads: real time in the app, fixed time in tests.
pub type Clock = Box<dyn Fn() -> DateTime<Utc>>;

/// Everything the terminal front end holds.
pub struct App {
    /// The guide in use.
    pub guide: Guide,
    /// The user's workbook.
    pub book: Workbook,
    /// The screen shown.
    pub screen: Screen,
    back: Vec<Screen>,
    /// An overlay taking the keys, if any.
    pub overlay: Option<Overlay>,
    /// The open text field, if any.
    pub editor: Option<Editor>,
    persist: Box<dyn Persist>,
    clock: Clock,
    calendar: Box<dyn Calendar>,
    /// Colours in use.
    pub theme: Theme,
    /// The hide and support keys from the user's settings.
    pub keys: KeyOverrides,
    /// A brief message for the footer.
    pub notice: Option<String>,
    /// True once the user has asked to quit.
    pub quit: bool,
    /// Where the export screen writes files.
    pub export_dir: PathBuf,
    /// Older journal months still loading behind the first frame.
    pub loader: JournalLoader,
    /// Months that could not be read, named for the user.
    pub set_aside: Vec<String>,
    /// Files that could not be written at the last try; shown until they are.
    pub unsaved: Vec<Unsaved>,
    /// True when this window only reads (another window writes); changes are refused.
    pub read_only: bool,
    /// The data folder, when it is encrypted: what is written outside it then says it is not,
    /// and the idle lock asks for the passphrase again.
    pub encrypted: Option<std::path::PathBuf>,
    /// Months that could not be read; they are never saved over from here.
    unread: BTreeSet<MonthKey>,
    /// Inbox records this app wrote or took in and has not yet seen removed.
    taken: BTreeSet<PathBuf>,
    /// The journal's search index, built behind the screen.
    pub search: Searcher,
    /// The changes `u` can undo, newest last; kept while the workbook is open.
    undo: UndoStack,
    /// The user's own editor ($VISUAL, else $EDITOR), or why there is none.
    pub own_editor: Result<crate::own_editor::EditorCommand, crate::own_editor::NoEditor>,
    /// Where an edit in the user's own editor stands.
    pub own_edit: OwnEdit,
    /// The settings-file values in force (theme, idle lock) and where they are written.
    pub look: Look,
    /// When the user last pressed a key (or used the mouse), by the app's clock.
    last_input: DateTime<Utc>,
    /// Set once everything was deleted: what was deleted, for the last words after quitting.
    pub erased: Option<String>,
    /// How far the keys overlay is scrolled, and the most it can be (known once drawn).
    pub help_scroll: (u16, std::cell::Cell<u16>),
}

impl App {
    /// An app over a loaded workbook, resuming where the user was.
    pub fn new(
        guide: Guide,
        book: Workbook,
        persist: Box<dyn Persist>,
        clock: Clock,
        calendar: Box<dyn Calendar>,
        theme: Theme,
    ) -> Self {
        let mut app = Self {
            guide,
            book,
            screen: Screen::placeholder(),
            back: Vec::new(),
            overlay: None,
            editor: None,
            persist,
            clock,
            calendar,
            theme,
            keys: KeyOverrides::default(),
            notice: None,
            quit: false,
            export_dir: std::env::temp_dir(),
            loader: JournalLoader::done(),
            set_aside: Vec::new(),
            unsaved: Vec::new(),
            read_only: false,
            encrypted: None,
            taken: BTreeSet::new(),
            unread: BTreeSet::new(),
            search: Searcher::default(),
            undo: UndoStack::default(),
            own_editor: Err(crate::own_editor::NoEditor::NotSet),
            own_edit: OwnEdit::Idle,
            look: Look::default(),
            last_input: DateTime::<Utc>::MIN_UTC,
            erased: None,
            help_scroll: (0, std::cell::Cell::new(u16::MAX)),
        };
        app.last_input = (app.clock)();
        app.screen = Screen::resume(&app.view());
        app.reopen_editor();
        app
    }

    /// The read-only context screens render from.
    pub fn view(&self) -> View<'_> {
        View {
            guide: &self.guide,
            book: &self.book,
            now: Now::new((self.clock)(), &*self.calendar),
            theme: &self.theme,
            naming: self.book.journey.naming(),
            search: self.search.index(),
            export_dir: &self.export_dir,
            privacy: match self.encrypted {
                Some(_) => Privacy::Encrypted,
                None => Privacy::Plain,
            },
        }
    }

    /// Lends the current screen mutably alongside a view of everything else.
    fn with_screen<R>(&mut self, f: impl FnOnce(&mut Screen, &View) -> R) -> R {
        let mut screen = std::mem::replace(&mut self.screen, Screen::placeholder());
        let result = f(&mut screen, &self.view());
        self.screen = screen;
        result
    }

    /// The kind of the current screen, for key lookup and hints.
    pub fn screen_kind(&self) -> ScreenKind {
        self.screen.kind()
    }

    /// Handles one terminal event.
    pub fn on_event(&mut self, event: Event) {
        if matches!(event, Event::Key(_) | Event::Mouse(_) | Event::Paste(_)) {
            self.last_input = (self.clock)();
        }
        if let Some(Overlay::Locked(_)) = &self.overlay {
            self.on_locked_event(event);
            return;
        }
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.on_key(key),
            Event::Paste(text) => {
                if let Some(editor) = &mut self.editor {
                    editor.paste(&text, Instant::now());
                }
            }
            Event::Mouse(mouse) if self.overlay.is_none() && self.editor.is_none() => {
                match mouse.kind {
                    MouseEventKind::ScrollUp => self.on_command(Command::Up),
                    MouseEventKind::ScrollDown => self.on_command(Command::Down),
                    MouseEventKind::Down(_) => {
                        let effect = self.with_screen(|s, v| s.click(mouse.column, mouse.row, v));
                        self.run(effect);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Takes an event while the idle lock asks for the passphrase: typing, paste, Enter (which
    /// checks the passphrase), Esc or Ctrl-C (which quit, keeping drafts as quitting does).
    fn on_locked_event(&mut self, event: Event) {
        let Some(Overlay::Locked(mut screen)) = self.overlay.take() else {
            return;
        };
        let step = match event {
            Event::Key(key) => screen.on_key(key),
            Event::Paste(text) => {
                screen.on_paste(&text);
                super::unlock::UnlockStep::Typing
            }
            _ => super::unlock::UnlockStep::Typing,
        };
        match step {
            super::unlock::UnlockStep::Typing => self.overlay = Some(Overlay::Locked(screen)),
            super::unlock::UnlockStep::Quit => self.quit = true,
            super::unlock::UnlockStep::Try(passphrase) => {
                let Some(dir) = &self.encrypted else {
                    return;
                };
                let result = crate::store::keyring::check_passphrase(dir, &passphrase);
                if result.is_err() {
                    screen.tried(result);
                    self.overlay = Some(Overlay::Locked(screen));
                }
            }
        }
    }

    /// Handles one key: the overlay or editor first, then the screen's bindings.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.notice = None;
        // Keys can come faster than ticks: the index thread is fed here too.
        self.search.sync(&self.book.journal, &self.guide);
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            self.keep_draft(true);
            self.quit = true;
            return;
        }
        let meaning = self.keys.meaning(key);
        if meaning == KeyMeaning::Hide {
            self.keep_draft(true);
            self.overlay = Some(Overlay::Hidden);
            return;
        }
        if meaning == KeyMeaning::Support && self.overlay.is_none() {
            self.overlay = Some(Overlay::Support);
            return;
        }
        if let Some(overlay) = self.overlay.take() {
            self.on_overlay_key(overlay, key);
            return;
        }
        if self.editor.is_some() {
            self.on_editor_key(key);
            return;
        }
        let word = match &mut self.screen {
            Screen::Home(home) => home.starts_word(key),
            _ => None,
        };
        if let Some(type_it) = word {
            self.on_command(Command::MoodWord);
            if type_it && let Some(editor) = &mut self.editor {
                editor.input(key, Instant::now());
            }
            return;
        }
        if self.screen.takes_text() {
            let effect = self.with_screen(|s, v| s.on_text_key(key, v));
            self.run(effect);
            self.remember_place();
            return;
        }
        if meaning == KeyMeaning::Unbound {
            return;
        }
        if let Some(command) = keymap::lookup(self.screen_kind(), key) {
            self.on_command(command);
        }
    }

    fn on_editor_key(&mut self, key: KeyEvent) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let ctrl_s =
            key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
        let enter_saves = key.code == KeyCode::Enter && editor.request.target.single_line();
        let ctrl_o =
            key.code == KeyCode::Char('o') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_s || enter_saves {
            self.save_editor();
        } else if ctrl_o && editor.takes_own_editor() {
            self.own_editor_from_editor();
        } else if key.code == KeyCode::Esc {
            if editor.changed() {
                self.overlay = Some(Overlay::Unsaved { then_quit: false });
            } else {
                self.close_editor();
            }
        } else {
            editor.input(key, Instant::now());
        }
    }

    fn on_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) {
        match overlay {
            Overlay::Help => {
                // The keys scroll a long list (a small window); any other key closes it.
                let (top, most) = (self.help_scroll.0, self.help_scroll.1.get());
                let top = match key.code {
                    KeyCode::Up | KeyCode::Char('k') => Some(top.saturating_sub(1)),
                    KeyCode::Down | KeyCode::Char('j') => Some(top.saturating_add(1)),
                    KeyCode::PageUp => Some(top.saturating_sub(5)),
                    KeyCode::PageDown => Some(top.saturating_add(5)),
                    KeyCode::Home => Some(0),
                    KeyCode::End => Some(most),
                    _ => None,
                };
                if let Some(top) = top {
                    self.help_scroll.0 = top.min(most);
                    self.overlay = Some(Overlay::Help);
                }
            }
            Overlay::Error(_) | Overlay::Kept(_) | Overlay::Support | Overlay::Hidden => {}
            Overlay::Locked(_) => {}
            Overlay::Confirm { question, then } => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.run(then),
                KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {}
                _ => self.overlay = Some(Overlay::Confirm { question, then }),
            },
            Overlay::Unsaved { then_quit } => match key.code {
                KeyCode::Char('s') | KeyCode::Char('S') => {
                    self.save_editor();
                    self.quit |= then_quit && self.editor.is_none();
                }
                KeyCode::Char('d') | KeyCode::Char('D') => {
                    self.close_editor();
                    self.quit |= then_quit;
                }
                KeyCode::Char('q') | KeyCode::Char('Q') => {
                    // The text is kept as a draft and the field opens again at the next start.
                    self.keep_draft(true);
                    self.quit = true;
                }
                KeyCode::Esc | KeyCode::Char('c') | KeyCode::Char('C') => {}
                _ => self.overlay = Some(Overlay::Unsaved { then_quit }),
            },
        }
    }

    /// Carries out a command on the current screen.
    pub fn on_command(&mut self, command: Command) {
        let effect = match command {
            Command::Help => {
                self.help_scroll.0 = 0;
                self.overlay = Some(Overlay::Help);
                return;
            }
            Command::Quit => {
                self.quit = true;
                return;
            }
            Command::Support => Effect::Go(Screen::library(Some(&self.guide.help_page))),
            Command::Hide => {
                self.overlay = Some(Overlay::Hidden);
                return;
            }
            Command::UrgePause => Screen::urge(&self.view()),
            Command::Home => Effect::Replace(Screen::home(&self.view())),
            Command::Journal => Effect::Go(Screen::journal(&self.view())),
            Command::NoContact => Effect::Go(Screen::no_contact()),
            Command::Checklists => Effect::Go(Screen::checklists()),
            Command::Library if matches!(self.screen, Screen::Check(_)) => {
                self.with_screen(|s, v| s.on(command, v))
            }
            Command::Library => Effect::Go(Screen::library(None)),
            Command::Export => Effect::Go(Screen::export()),
            Command::Safety => Effect::Go(Screen::check(crate::engine::SAFETY_CHECK, &self.view())),
            Command::Undo => {
                self.undo_last();
                return;
            }
            Command::EditOutside | Command::NewOutside => {
                self.own_editor_from_list(command);
                return;
            }
            Command::Continue => self.continue_effect(),
            Command::Settings => {
                Effect::Go(Screen::Settings(SettingsScreen::new(self.look.clone())))
            }
            _ => self.with_screen(|s, v| s.on(command, v)),
        };
        self.run(effect);
        self.remember_place();
    }

    /// What `c` does here: the next step, opened in place of a step being read.
    fn continue_effect(&self) -> Effect {
        let from = match &self.screen {
            Screen::Step(step) => Some(step.id.as_str()),
            _ => None,
        };
        let effect = super::screens::continue_effect(&self.view(), from);
        if matches!(self.screen, Screen::Profile(_)) {
            // The situation questions are a side room: going on from them starts from home, so
            // Esc from the step goes home, not back into the questions.
            return Effect::All(vec![Effect::Home, effect]);
        }
        match effect {
            Effect::Go(next) if from.is_some() => Effect::Swap(next),
            Effect::All(effects) if from.is_some() => Effect::All(
                effects
                    .into_iter()
                    .map(|e| match e {
                        Effect::Go(next) => Effect::Swap(next),
                        other => other,
                    })
                    .collect(),
            ),
            effect => effect,
        }
    }

    /// Carries out what a screen asked for.
    pub fn run(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Apply(action) => self.apply(action),
            Effect::Go(screen) => {
                let previous = std::mem::replace(&mut self.screen, screen);
                self.back.push(previous);
                self.remember_place();
            }
            Effect::Replace(screen) => {
                self.screen = screen;
                self.back.clear();
                self.remember_place();
            }
            Effect::Swap(screen) => {
                self.screen = screen;
                self.remember_place();
            }
            Effect::Home => self.run(Effect::Replace(Screen::home(&self.view()))),
            Effect::Back => {
                if let Some(previous) = self.back.pop() {
                    self.screen = previous;
                    self.with_screen(|s, v| s.refresh(v));
                } else if self.screen_kind() != ScreenKind::Home && self.book.journey.welcomed {
                    self.screen = Screen::home(&self.view());
                }
                self.remember_place();
            }
            Effect::Edit(request) => self.open_editor(request),
            Effect::Confirm { question, then } => {
                self.overlay = Some(Overlay::Confirm {
                    question,
                    then: *then,
                })
            }
            Effect::Notice(text) => self.notice = Some(text),
            Effect::Configure(change) => self.configure(change),
            Effect::OpenErase => self.open_erase(),
            Effect::Erase => self.erase(),
            Effect::Export {
                format,
                kind,
                filter,
            } => self.export(format, kind, &filter),
            Effect::Backup => self.backup(),
            Effect::All(effects) => {
                for effect in effects {
                    if let Effect::Apply(action) = effect {
                        // A refused change ends the sequence: what follows it (a notice that it
                        // was done, a screen after it) would not be true.
                        if let Err(refused) = self.apply_filing(action, Vec::new()) {
                            self.notice = Some(refused);
                            break;
                        }
                    } else {
                        self.run(effect);
                    }
                }
            }
        }
    }

    /// Applies an engine action and queues a save of what changed; a refusal becomes a notice.
    pub fn apply(&mut self, action: Action) {
        if let Err(error) = self.apply_filing(action, Vec::new()) {
            self.notice = Some(error);
        }
    }

    /// Applies `action` and queues its save, with the removal of the inbox records `retire`
    /// (the words it files) once that save is on disk; a refusal changes nothing and is
    /// returned, in words.
    fn apply_filing(&mut self, action: Action, retire: Vec<PathBuf>) -> Result<(), String> {
        if self.read_only && !matches!(action, Action::MoveTo(_)) {
            return Err(READ_ONLY_NOTICE.to_string());
        }
        let now = Now::new((self.clock)(), &*self.calendar);
        let undo = crate::engine::undo::prepare(&self.book, &self.guide, &action);
        let outcome = apply(&mut self.book, &self.guide, action, now).map_err(|e| e.to_string())?;
        self.undo.note(undo.finish(&self.book));
        if let Some(path) = &outcome.routed_to {
            let title = self
                .guide
                .path(path)
                .map_or(path.clone(), |p| p.title.clone());
            self.notice = Some(format!("Your path is now \"{title}\"."));
        }
        self.save_filing(&outcome, retire);
        // Only the journal list depends on more than the workbook it reads while drawing.
        if !outcome.months_changed.is_empty() {
            self.with_screen(|s, v| s.refresh(v));
        }
        Ok(())
    }

    fn save(&mut self, outcome: &Outcome) {
        self.save_filing(outcome, Vec::new());
    }

    /// True when `u` has a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Undoes the newest change still on the stack, saving the result like any change, and says
    /// what was undone.
    fn undo_last(&mut self) {
        let Some(record) = self.undo.pop() else {
            self.notice = Some("Nothing to undo.".to_string());
            return;
        };
        let label = record.label.clone();
        // Words an undo takes away are kept as drafts (few and small: compared whole).
        let drafts_before = self.book.drafts.texts.clone();
        match self.apply_filing(Action::Undo(Box::new(record.clone())), Vec::new()) {
            Ok(()) => {
                self.with_screen(|s, v| s.refresh(v));
                self.notice = Some(if self.book.drafts.texts != drafts_before {
                    format!("Undid: {label}. Your words are kept as a draft.")
                } else {
                    format!("Undid: {label}.")
                });
            }
            Err(problem) => {
                self.undo.restore(record);
                self.notice = Some(problem);
            }
        }
    }

    /// Queues a save of what `outcome` changed, and the removal of the inbox records `retire`
    /// once it is on disk.
    ///
    /// A month that could not be read is left out (never saved over, whatever is in memory for
    /// it), and then the records are kept in the inbox: their words are on disk only there.
    fn save_filing(&mut self, outcome: &Outcome, mut retire: Vec<PathBuf>) {
        let mut outcome = outcome.clone();
        let before = outcome.months_changed.len();
        outcome.months_changed.retain(|m| !self.unread.contains(m));
        if outcome.months_changed.len() < before {
            retire.clear();
            self.notice = Some(
                "That month's file could not be read, so it is not saved over; what you wrote \
                 waits safely in the inbox."
                    .to_string(),
            );
        }
        let outcome = &outcome;
        if outcome
            .months_changed
            .iter()
            .any(|m| self.loader.pending.contains(m))
        {
            // A month still loading must be whole before it is written, or its older entries
            // would be lost.
            let loaded = self.loader.wait_for(&outcome.months_changed);
            self.take_loaded(loaded);
        }
        let changed =
            outcome.journey_changed || outcome.drafts_changed || !outcome.months_changed.is_empty();
        if changed || !retire.is_empty() {
            self.persist.save(&self.book, outcome, retire);
        }
    }

    /// Adds months the loader brought to the journal, and notes those set aside.
    fn take_loaded(&mut self, loaded: Vec<Loaded>) {
        if loaded.is_empty() {
            return;
        }
        for month in loaded {
            let taken = match month {
                Loaded::Packed(key, month) => {
                    Some((key, self.book.journal.add_packed_month(key, month)))
                }
                Loaded::Month(key, month) => {
                    Some((key, self.book.journal.add_file_month(key, month)))
                }
                Loaded::SetAside(key, why) => {
                    self.unread.insert(key);
                    self.overlay = Some(Overlay::Error(format!(
                        "A journal month could not be read and is set aside (nothing in it was changed): {why}"
                    )));
                    self.set_aside.push(why);
                    None
                }
            };
            if let Some((key, renamed)) = taken
                && !renamed.is_empty()
            {
                self.save(&Outcome {
                    months_changed: vec![key],
                    ..Outcome::default()
                });
            }
        }
        self.with_screen(|s, v| s.refresh(v));
    }

    /// Packs again the journal months nothing read since the last call (see
    /// [`crate::engine::Journal::pack_unread`]); called after each frame, so the months on
    /// screen stay unpacked. A month whose save failed is kept open.
    pub fn pack_unread(&mut self) {
        let unsaved: Vec<MonthKey> = self
            .unsaved
            .iter()
            .filter_map(|u| match u.what {
                SaveTarget::Month(key) => Some(key),
                _ => None,
            })
            .collect();
        self.book.journal.pack_unread(|key| unsaved.contains(&key));
    }

    /// Takes in the journal months that have arrived from the loader; true when any had.
    pub fn merge_arrived(&mut self) -> bool {
        let loaded = self.loader.arrived();
        let changed = !loaded.is_empty();
        self.take_loaded(loaded);
        changed
    }

    /// Regular work between keys: takes in loaded months and the inbox, keeps drafts, and
    /// notes what is not saved (shown until it is; never a window that takes keys).
    ///
    /// True when anything on screen may have changed, so the loop knows to draw.
    pub fn tick(&mut self) -> bool {
        if self.erased.is_some() {
            return false;
        }
        let mut changed = self.hide_when_idle();
        changed |= self.merge_arrived();
        changed |= self.take_inbox();
        if self.search.sync(&self.book.journal, &self.guide) && self.screen.search_left_out() {
            self.with_screen(|s, v| s.refresh(v));
            changed = true;
        }
        self.keep_draft(false);
        if let Some(unsaved) = self.persist.status() {
            changed |= unsaved != self.unsaved;
            self.unsaved = unsaved;
        }
        changed
    }

    /// Hides the screen, as the hide key does, once the idle lock's time has passed without a
    /// key; true when it just did. A clock that went back counts as no time passed.
    fn hide_when_idle(&mut self) -> bool {
        let Some(after) = self.look.idle_lock.after() else {
            return false;
        };
        if matches!(self.overlay, Some(Overlay::Hidden | Overlay::Locked(_))) {
            return false;
        }
        let idle = ((self.clock)() - self.last_input)
            .to_std()
            .unwrap_or_default();
        if idle < after {
            return false;
        }
        self.keep_draft(true);
        self.overlay = Some(match self.encrypted {
            Some(_) => Overlay::Locked(super::unlock::UnlockScreen::default()),
            None => Overlay::Hidden,
        });
        true
    }

    /// Writes a change of theme or idle lock to the settings file and uses it at once.
    fn configure(&mut self, change: ConfigChange) {
        if let Some(file) = &self.look.file {
            let path = ConfigPath {
                path: file.clone(),
                named: true,
            };
            if let Err(problem) = path.change(change) {
                self.overlay = Some(Overlay::Error(problem.to_string()));
                return;
            }
        }
        match change {
            ConfigChange::Theme(name) => {
                self.look.theme = name;
                if !self.look.colour_off {
                    self.theme = Theme::named(name);
                }
            }
            ConfigChange::IdleLock(lock) => self.look.idle_lock = lock,
        }
        if let Screen::Settings(screen) = &mut self.screen {
            screen.look = self.look.clone();
        }
        self.notice = Some(match &self.look.file {
            Some(file) => format!("Saved in {} ({}).", file.display(), change.line()),
            None => format!("Changed for this window ({}).", change.line()),
        });
    }

    /// Opens the delete-everything screen with what it would delete.
    fn open_erase(&mut self) {
        if self.read_only {
            self.notice = Some(
                "Read-only window: deleting is done from the window that has the workbook open."
                    .to_string(),
            );
            return;
        }
        match self.persist.erase_plan() {
            Ok(Some(plan)) if !plan.foreign.is_empty() => {
                let refusal = crate::store::StoreError::NotOurs {
                    dir: plan.dir,
                    names: plan.foreign,
                };
                self.overlay = Some(Overlay::Error(refusal.to_string()));
            }
            Ok(Some(plan)) => {
                let dir = crate::visible::visible(&plan.dir.display().to_string()).into_owned();
                let earlier = plan
                    .earlier_copies
                    .iter()
                    .map(|p| crate::visible::visible(&p.display().to_string()).into_owned())
                    .collect();
                let screen = EraseScreen::new(dir, plan.describe(), earlier);
                self.run(Effect::Go(Screen::Erase(screen)));
            }
            Ok(None) => self.notice = Some("Nothing is kept on disk by this window.".to_string()),
            Err(problem) => self.overlay = Some(Overlay::Error(problem)),
        }
    }

    /// Deletes everything and quits, keeping what was deleted to say after the screen closes.
    fn erase(&mut self) {
        if self.read_only {
            self.notice = Some(READ_ONLY_NOTICE.to_string());
            return;
        }
        match self.persist.erase() {
            Ok(report) => {
                self.erased = Some(report);
                self.editor = None;
                self.quit = true;
            }
            Err(problem) => {
                self.overlay = Some(Overlay::Error(format!(
                    "Nothing more was deleted: {problem}"
                )))
            }
        }
    }

    /// How often the screen must be drawn with nothing else happening, in seconds: every
    /// second while an urge pause counts down its seconds, else once a minute (the clock and
    /// the no-contact count).
    pub fn redraw_period(&self) -> u64 {
        if self.screen_kind() == ScreenKind::Urge && self.book.journey.open_urge().is_some() {
            1
        } else {
            60
        }
    }

    /// Files what other windows left in the inbox (and what a crash left there), once each;
    /// true when it took anything.
    fn take_inbox(&mut self) -> bool {
        let mut took = false;
        let mut filed = Outcome::default();
        let mut kept_back = Outcome::default();
        let mut retire = Vec::new();
        let found = self.persist.waiting();
        let present: BTreeSet<PathBuf> = found.iter().map(|f| f.file.clone()).collect();
        self.taken.retain(|file| present.contains(file));
        for found in found {
            if !self.taken.insert(found.file.clone()) {
                continue;
            }
            took = true;
            match found.record {
                Ok(record) => {
                    if let InboxItem::Entry { entry, .. } = &record.item {
                        // The month must be whole before the entry is matched against it.
                        let loaded = self.loader.wait_for(&[entry.month()]);
                        self.take_loaded(loaded);
                    }
                    let now = Now::new((self.clock)(), &*self.calendar);
                    let action = record.item.into_action();
                    match apply(&mut self.book, &self.guide, action, now) {
                        // A record for a month that could not be read stays in the inbox
                        // (that month is never saved over); it keeps no other record there.
                        Ok(outcome)
                            if outcome
                                .months_changed
                                .iter()
                                .any(|m| self.unread.contains(m)) =>
                        {
                            kept_back.absorb(outcome);
                        }
                        Ok(outcome) => {
                            filed.absorb(outcome);
                            retire.push(found.file);
                        }
                        Err(problem) => {
                            let file = found.file.display();
                            self.notice = Some(format!("{file} was left in the inbox: {problem}"));
                        }
                    }
                }
                Err(problem) => {
                    self.set_aside.push(problem.to_string());
                    self.notice = Some(format!("An inbox record could not be read: {problem}"));
                }
            }
        }
        if !kept_back.months_changed.is_empty() {
            self.undo.clear();
            // Saves nothing into those months, and says why their words wait in the inbox.
            self.save_filing(&kept_back, Vec::new());
            self.with_screen(|s, v| s.refresh(v));
        }
        if !retire.is_empty() {
            // Words from another window may change what a record would put back, so nothing
            // earlier is undone over them.
            self.undo.clear();
            // One save for them all: a month with many entries waiting is written once.
            self.save_filing(&filed, retire);
            if !filed.months_changed.is_empty() {
                self.with_screen(|s, v| s.refresh(v));
            }
        }
        took
    }

    /// Saves typed text as a draft when it is due, or now when `force`.
    pub fn keep_draft(&mut self, force: bool) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        if !editor.request.target.keeps_draft() {
            return;
        }
        if let Some(text) = editor.draft_due(Instant::now(), force) {
            let key = editor.request.target.key();
            self.apply(Action::SaveDraft { key, text });
        }
    }

    /// Waits for every queued save; called before the process exits. Returns what could not
    /// be saved, in words for the user, with where their text is.
    pub fn flush(&mut self) -> Result<(), String> {
        if self.erased.is_some() {
            return Ok(());
        }
        self.keep_draft(true);
        self.remember_place();
        let unsaved = self.persist.flush();
        if unsaved.is_empty() {
            return Ok(());
        }
        let open_text = self
            .editor
            .as_ref()
            .filter(|e| e.changed())
            .map(|e| e.text());
        let waiting = self.persist.waiting().len();
        let inbox = self.persist.inbox_dir();
        let inbox = inbox.as_deref().map(|dir| (dir, waiting));
        Err(commit::quit_report(&unsaved, inbox, open_text))
    }

    fn open_editor(&mut self, request: EditRequest) {
        if self.read_only && request.target.keeps_draft() {
            self.notice = Some(READ_ONLY_NOTICE.to_string());
            return;
        }
        let key = request.target.key();
        let draft = self.book.drafts.get(&key).map(|d| d.text.clone());
        self.editor = Some(Editor::open(request, draft.as_deref(), &self.theme));
        self.remember_place();
    }

    fn reopen_editor(&mut self) {
        let Some(key) = self.book.journey.place.editing.clone() else {
            return;
        };
        let Some(target) = EditTarget::from_key(&key) else {
            return;
        };
        let view = self.view();
        if let Some(request) = self.screen.edit_request(&target, &view) {
            self.open_editor(request);
        }
    }

    /// Saves the editor's text. The words are first written to the inbox, whole and flushed,
    /// so "saved" is true the moment it shows, and the record is removed only with the save of
    /// the action that files them. If the record cannot be written, or the action is refused,
    /// the editor stays open with its text and says why, and its draft is kept.
    fn save_editor(&mut self) {
        let Some(editor) = &self.editor else {
            return;
        };
        let text = editor.text();
        let mood = editor.mood;
        let target = editor.request.target.clone();
        let effect = self.with_screen(|s, v| s.on_saved_text(&target, text.clone(), v));
        let now = Now::new((self.clock)(), &*self.calendar);
        let commit = match commit::plan(
            &mut self.book,
            &self.guide,
            effect,
            &target,
            &text,
            mood,
            now,
        ) {
            Ok(commit) => commit,
            Err(error) => return self.keep_editor_open(error.to_string()),
        };
        let mut records = Vec::new();
        if let Some(item) = commit.record {
            match self.persist.record(&InboxRecord::new(now.at, item)) {
                Ok(file) => records.extend(file.inspect(|f| {
                    self.taken.insert(f.clone());
                })),
                Err(problem) => return self.keep_editor_open(problem),
            }
        }
        if let Some(action) = commit.action
            && let Err(refused) = self.apply_filing(action, records.clone())
        {
            // Nothing was filed: the record goes, the text stays in the editor and its draft.
            self.save_filing(&Outcome::default(), records);
            return self.keep_editor_open(refused);
        }
        self.editor = None;
        self.run(commit.then);
        self.apply(Action::ClearDraft(target.key()));
        self.remember_place();
    }

    /// Leaves the editor open with its text, saying why it was not saved.
    fn keep_editor_open(&mut self, problem: String) {
        if let Some(editor) = &mut self.editor {
            editor.problem = Some(problem);
        }
    }

    fn close_editor(&mut self) {
        if let Some(editor) = self.editor.take() {
            self.apply(Action::ClearDraft(editor.request.target.key()));
        }
        self.remember_place();
    }

    /// Writes an export into the export folder under a name not yet taken, and says where.
    fn export(
        &mut self,
        format: crate::export::Format,
        kind: ExportKind,
        filter: &crate::export::ExportFilter,
    ) {
        let now = (self.clock)();
        let (journal, journey, guide) = (&self.book.journal, &self.book.journey, &self.guide);
        let text = match kind {
            ExportKind::Journal => crate::export::export(
                format,
                journal,
                Some(journey),
                guide,
                filter,
                &*self.calendar,
                now,
            ),
            ExportKind::Counsellor => {
                match crate::export::export_for_counsellor(
                    format,
                    journal,
                    journey,
                    guide,
                    None,
                    filter,
                    &*self.calendar,
                    now,
                ) {
                    Ok(text) => text,
                    Err(e) => {
                        self.overlay = Some(Overlay::Error(e.to_string()));
                        return;
                    }
                }
            }
        };
        let name = match kind {
            ExportKind::Journal => "rekindle-journal",
            ExportKind::Counsellor => "rekindle-for-my-counsellor",
        };
        let stem = format!("{name}-{}", self.calendar.date_of(now));
        let path = crate::export_place::free_path(&self.export_dir, &stem, format.name());
        let message = match crate::store::write_private_file(&path, text.as_bytes()) {
            Ok(()) if self.encrypted.is_some() => format!(
                "Saved to {}. This file is not encrypted: anyone who has it can read it.",
                path.display()
            ),
            Ok(()) => format!("Saved to {}", path.display()),
            Err(e) => {
                self.overlay = Some(Overlay::Error(format!(
                    "Could not write {}: {e}",
                    path.display()
                )));
                format!("Nothing was written: {e}")
            }
        };
        if let Screen::Export(screen) = &mut self.screen {
            screen.message = Some(message);
        }
    }

    /// Writes a full backup into the export folder once every journal month is in, and says
    /// where it went; with a month that could not be read, writes nothing and says why.
    fn backup(&mut self) {
        let pending: Vec<MonthKey> = self.loader.pending.iter().copied().collect();
        let loaded = self.loader.wait_for(&pending);
        self.take_loaded(loaded);
        let message = if self.unread.is_empty() {
            let now = (self.clock)();
            match super::backup::write_backup(&self.book, &self.export_dir, now, &*self.calendar) {
                Ok((path, entries)) => format!(
                    "Backed up your journey, drafts and {} to {}. Keep it somewhere safe: it is \
                     plain text that anyone who has the file can read. On the other computer: \
                     rekindle restore FILE. The settings file (theme, keys, idle lock) is not in \
                     it: copy it yourself if you want it there too.",
                    crate::content::words::count(entries, "journal entry", "journal entries"),
                    path.display()
                ),
                Err(problem) => {
                    self.overlay = Some(Overlay::Error(problem.clone()));
                    format!("No backup was written: {problem}")
                }
            }
        } else {
            let months: Vec<String> = self.unread.iter().map(ToString::to_string).collect();
            let problem = format!(
                "No backup was written: journal month {} could not be read, and a backup \
                 without it would not be whole. Restore it from its .bak first.",
                months.join(", ")
            );
            self.overlay = Some(Overlay::Error(problem.clone()));
            problem
        };
        if let Screen::Export(screen) = &mut self.screen {
            screen.message = Some(message);
        }
    }

    /// Records the screen, selection and open field in the journey, so relaunching lands here.
    pub fn remember_place(&mut self) {
        let mut place = self.screen.place();
        place.editing = self.editor.as_ref().map(|e| e.request.target.key());
        if place != self.book.journey.place {
            self.apply_quietly(Action::MoveTo(place));
        }
    }

    fn apply_quietly(&mut self, action: Action) {
        let now = Now::new((self.clock)(), &*self.calendar);
        if let Ok(outcome) = apply(&mut self.book, &self.guide, action, now) {
            self.save(&outcome);
        }
    }
}
