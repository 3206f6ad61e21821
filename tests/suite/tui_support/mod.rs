//! A test rig for the terminal app: the real `App` over the built-in guide, a clock the test can
//! move, an in-memory store the test can read, keys typed from a small string language, and drawing
//! on a `TestBackend`.

#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rekindle::content::{ChecklistEntries, Guide, default_guide};
use rekindle::engine::{Journal, Journey, Outcome, Workbook};
use rekindle::store::{Found, InboxRecord};
use rekindle::tui::App;
use rekindle::tui::persist::{MemoryPersist, Persist, Unsaved};
use rekindle::tui::theme::Theme;

/// The moment every test starts at: a Sunday evening.
pub const T0: &str = "2026-03-01T21:00:00Z";

/// `T0` as an instant.
pub fn t0() -> DateTime<Utc> {
    T0.parse().expect("T0 is a valid instant")
}

/// The built-in guide.
pub fn guide() -> Guide {
    default_guide().expect("the built-in guide loads")
}

/// A workbook as on a first run.
pub fn fresh_book(guide: &Guide) -> Workbook {
    Workbook {
        journey: Journey::new(guide, t0()),
        journal: Journal::default(),
        drafts: Default::default(),
    }
}

/// A `Persist` that hands every call to a `MemoryPersist` the test keeps a handle on.
pub struct SharedPersist(pub Rc<RefCell<MemoryPersist>>);

impl Persist for SharedPersist {
    fn record(&mut self, record: &InboxRecord) -> Result<Option<PathBuf>, String> {
        self.0.borrow_mut().record(record)
    }

    fn save(&mut self, book: &Workbook, outcome: &Outcome, retire: Vec<PathBuf>) {
        self.0.borrow_mut().save(book, outcome, retire);
    }

    fn status(&mut self) -> Option<Vec<Unsaved>> {
        self.0.borrow_mut().status()
    }

    fn flush(&mut self) -> Vec<Unsaved> {
        self.0.borrow_mut().flush()
    }

    fn waiting(&mut self) -> Vec<Found> {
        self.0.borrow_mut().waiting()
    }

    fn inbox_dir(&self) -> Option<PathBuf> {
        None
    }
}

/// The app with handles on its clock and its store.
pub struct Rig {
    /// The app under test.
    pub app: App,
    /// What the app's clock reads; set it to move time.
    pub clock: Rc<Cell<DateTime<Utc>>>,
    /// What the app has saved.
    pub store: Rc<RefCell<MemoryPersist>>,
}

impl Rig {
    /// A first run in the calm theme.
    pub fn new() -> Self {
        let guide = guide();
        let book = fresh_book(&guide);
        Self::with_book(guide, book, Theme::CALM)
    }

    /// An app over `book`, as if relaunched with it, at `T0`.
    pub fn with_book(guide: Guide, book: Workbook, theme: Theme) -> Self {
        Self::at(guide, book, theme, t0())
    }

    /// An app over `book` with the clock at `now`.
    pub fn at(guide: Guide, book: Workbook, theme: Theme, now: DateTime<Utc>) -> Self {
        let clock = Rc::new(Cell::new(now));
        let store = Rc::new(RefCell::new(MemoryPersist::default()));
        let reading = Rc::clone(&clock);
        let app = App::new(
            guide,
            book,
            Box::new(SharedPersist(Rc::clone(&store))),
            Box::new(move || reading.get()),
            Box::new(Utc),
            theme,
        );
        Self { app, clock, store }
    }

    /// A first run that has gone through the welcome and the safety check answering "no" to
    /// everything: home on the reconcile path.
    pub fn welcomed() -> Self {
        Self::welcomed_in(Theme::CALM)
    }

    /// As `welcomed`, in a given theme.
    pub fn welcomed_in(theme: Theme) -> Self {
        let guide = guide();
        let book = fresh_book(&guide);
        let questions = guide.check("safety").map_or(0, |c| c.questions.len());
        let mut rig = Self::with_book(guide, book, theme);
        // Esc skips the optional situation profile that follows a clear check.
        rig.press(&format!(
            "<down><down><enter>{}<enter><esc>",
            "n".repeat(questions)
        ));
        rig
    }

    /// Types `keys` (see [`keys`]).
    pub fn press(&mut self, keys: &str) {
        press(&mut self.app, keys);
    }

    /// Draws the app at `width` × `height`.
    pub fn draw(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        draw(&self.app, width, height)
    }

    /// Moves the clock on by `days`.
    pub fn advance_days(&self, days: i64) {
        self.clock.set(self.clock.get() + Duration::days(days));
    }

    /// Moves the clock on by `minutes`.
    pub fn advance_minutes(&self, minutes: i64) {
        self.clock
            .set(self.clock.get() + Duration::minutes(minutes));
    }
}

impl Default for Rig {
    fn default() -> Self {
        Self::new()
    }
}

/// Sends each key of `keys` to the app as a terminal event.
pub fn press(app: &mut App, keys: &str) {
    for key in self::keys(keys) {
        app.on_event(Event::Key(key));
    }
}

/// Parses a key string: every character is one key press (a space too, so text types as
/// written), and `<name>` is a named key: `<enter>`, `<esc>`, `<tab>`, `<backtab>`, `<up>`,
/// `<down>`, `<left>`, `<right>`, `<pgup>`, `<pgdn>`, `<home>`, `<end>`, `<bs>`, `<del>`,
/// `<space>`, `<lt>` (a literal `<`), or `<c-x>` for Ctrl with a letter.
pub fn keys(text: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            out.push(named(&rest[1..end]));
            rest = &rest[end + 1..];
            continue;
        }
        out.push(char_key(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn char_key(c: char) -> KeyEvent {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

fn named(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "enter" | "cr" => plain(KeyCode::Enter),
        "esc" => plain(KeyCode::Esc),
        "tab" => plain(KeyCode::Tab),
        "backtab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "up" => plain(KeyCode::Up),
        "down" => plain(KeyCode::Down),
        "left" => plain(KeyCode::Left),
        "right" => plain(KeyCode::Right),
        "pgup" => plain(KeyCode::PageUp),
        "pgdn" => plain(KeyCode::PageDown),
        "home" => plain(KeyCode::Home),
        "end" => plain(KeyCode::End),
        "bs" => plain(KeyCode::Backspace),
        "del" => plain(KeyCode::Delete),
        "space" => plain(KeyCode::Char(' ')),
        "lt" => plain(KeyCode::Char('<')),
        _ => match name
            .strip_prefix("c-")
            .map(|k| k.chars().collect::<Vec<_>>())
        {
            Some(k) if k.len() == 1 => KeyEvent::new(KeyCode::Char(k[0]), KeyModifiers::CONTROL),
            _ => panic!("unknown key <{name}>"),
        },
    }
}

/// Draws the app on a fresh test terminal of `width` × `height`.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing never fails on a test backend");
    terminal
}

/// The text of row `y`, one string per row with wide characters' trailing cells skipped.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    let area = buf.area;
    let mut text = String::new();
    let mut skip = 0;
    for x in area.x..area.right() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buf[(x, y)].symbol();
        skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        text.push_str(symbol);
    }
    text
}

/// Every row's text.
pub fn rows(buf: &Buffer) -> Vec<String> {
    (buf.area.y..buf.area.bottom())
        .map(|y| row_text(buf, y))
        .collect()
}

/// The whole screen as text, for messages.
pub fn screen_text(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// The first cell `(x, y)` where `needle` starts, searching cell by cell.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area: Rect = buf.area;
    let first = needle.chars().next()?.to_string();
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            if buf[(x, y)].symbol() != first {
                continue;
            }
            if text_from(buf, x, y).starts_with(needle) {
                return Some((x, y));
            }
        }
    }
    None
}

/// The text of row `y` from column `x` to the right edge.
pub fn text_from(buf: &Buffer, x: u16, y: u16) -> String {
    let mut text = String::new();
    let mut skip = 0;
    for col in x..buf.area.right() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buf[(col, y)].symbol();
        skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        text.push_str(symbol);
    }
    text
}

/// Every screen state the snapshot and size tests visit, by name.
pub const SCENARIOS: &[&str] = &[
    "welcome",
    "welcome_name_editor",
    "welcome_pronouns",
    "check_midway",
    "check_concern_summary",
    "home_reconcile",
    "home_heal",
    "step_space_answered",
    "step_space_checklist",
    "step_locked_reach_out",
    "checklists_items",
    "checklists_pairs",
    "journal_empty",
    "journal_entries",
    "journal_entry_open",
    "journal_delete_confirm",
    "no_contact_not_started",
    "no_contact_started",
    "no_contact_log_break",
    "library_list",
    "library_faq",
    "export",
    "help_overlay",
    "unsaved_overlay",
    "not_saved",
];

/// An answer with emoji on two lines, typed into the first prompt of "Give it space".
pub const EMOJI_ANSWER: &str = "I need room 🌱🙂<enter>and time to breathe ✨";

/// Two journal entries written through the UI, a day apart, from the journal screen.
pub fn write_two_entries(rig: &mut Rig) {
    rig.press("nFirst night on my own.<enter>It was quieter than I feared.<c-s>");
    rig.advance_days(1);
    rig.press("nA better day 🙂 walked by the river<c-s>");
}

/// The rig for scenario `name` (one of [`SCENARIOS`]) in `theme`.
pub fn scenario(name: &str, theme: Theme) -> Rig {
    let fresh = || Rig::with_book(guide(), fresh_book(&guide()), theme);
    let welcomed = || Rig::welcomed_in(theme);
    let with = |mut rig: Rig, keys: &str| {
        rig.press(keys);
        rig
    };
    match name {
        "welcome" => fresh(),
        "welcome_name_editor" => with(fresh(), "<enter>Sam"),
        "welcome_pronouns" => with(fresh(), "<enter>Sam<enter><right>"),
        "check_midway" => with(fresh(), "<down><down><enter>n"),
        "check_concern_summary" => with(fresh(), "<down><down><enter>nynnnnn"),
        "home_reconcile" => welcomed(),
        "home_heal" => with(fresh(), "<down><down><enter>nynnnnn<enter>"),
        "step_space_answered" => with(welcomed(), &format!("<enter><enter>{EMOJI_ANSWER}<c-s>")),
        "step_space_checklist" => with(
            welcomed(),
            &format!("<enter><enter>{EMOJI_ANSWER}<c-s><tab>"),
        ),
        "step_locked_reach_out" => with(welcomed(), "<down><down><down><enter>"),
        "checklists_items" => {
            let rig = welcomed();
            let at = rig
                .app
                .guide
                .checklists
                .iter()
                .position(|c| matches!(c.entries, ChecklistEntries::Items(_)))
                .expect("the guide has a list of items");
            with(rig, &format!("C{}<space><down>", "<right>".repeat(at)))
        }
        "checklists_pairs" => {
            let rig = welcomed();
            let at = rig
                .app
                .guide
                .checklists
                .iter()
                .position(|c| c.id == "behaviours")
                .expect("the guide has the behaviours table");
            with(rig, &format!("C{}", "<right>".repeat(at)))
        }
        "journal_empty" => with(welcomed(), "J"),
        "journal_entries" | "journal_entry_open" | "journal_delete_confirm" => {
            let mut rig = with(welcomed(), "J");
            write_two_entries(&mut rig);
            match name {
                "journal_entry_open" => with(rig, "<enter>"),
                "journal_delete_confirm" => with(rig, "x"),
                _ => rig,
            }
        }
        "no_contact_not_started" => with(welcomed(), "N"),
        "no_contact_started" | "no_contact_log_break" => {
            let rig = with(welcomed(), "NsNo messages, no checking.<c-s>");
            rig.advance_days(5);
            match name {
                "no_contact_log_break" => with(rig, "b"),
                _ => rig,
            }
        }
        "library_list" => with(welcomed(), "L"),
        "library_faq" => {
            let rig = welcomed();
            let at = rig
                .app
                .guide
                .pages
                .iter()
                .position(|p| p.id == "faq")
                .expect("the guide has the faq");
            with(rig, &format!("L{}<enter>", "<down>".repeat(at)))
        }
        "export" => {
            let mut rig = welcomed();
            rig.app.export_dir = std::path::PathBuf::from("/home/you/Documents");
            with(rig, "E")
        }
        "help_overlay" => with(welcomed(), "?"),
        "unsaved_overlay" => with(welcomed(), "Jnhalf a thought<esc>"),
        "not_saved" => {
            let mut rig = welcomed();
            rig.store.borrow_mut().failing =
                Some("could not write journey.json: No space left on device".to_string());
            rig.press("J");
            rig.app.tick();
            rig
        }
        other => panic!("no scenario called {other}"),
    }
}

/// A journal entry `id` written at `at` (RFC 3339), its text "entry <id>".
pub fn dated_entry(id: &str, at: &str) -> rekindle::engine::JournalEntry {
    rekindle::engine::JournalEntry {
        id: id.to_string(),
        created: at.parse().unwrap(),
        edited: None,
        text: format!("entry {id}"),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    }
}

/// A data folder on disk with four entries in three months (September to November 2026) and a
/// journey, welcomed or not.
pub fn three_months_on_disk(welcomed: bool) -> tempfile::TempDir {
    use rekindle::store::{Access, Store};
    let dir = tempfile::TempDir::new().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let journal = Journal::from_entries([
        dated_entry("a", "2026-09-03T10:00:00Z"),
        dated_entry("b", "2026-10-03T10:00:00Z"),
        dated_entry("c", "2026-10-20T10:00:00Z"),
        dated_entry("d", "2026-11-03T10:00:00Z"),
    ]);
    for month in journal.months() {
        store.save_month(&journal.month_file(month)).unwrap();
    }
    let mut journey = Journey::new(&default_guide().unwrap(), Utc::now());
    journey.welcomed = welcomed;
    store.save_journey(&journey).unwrap();
    dir
}
