//! Commands that describe themselves: every key binding with its name and description. The footer
//! hints and the `?` help are generated from this table, so what the screen promises is what the
//! keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which keys apply: one screen's, or everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenKind {
    /// First run: welcome and naming.
    Welcome,
    /// A check (safety, move-on).
    Check,
    /// The path overview.
    Home,
    /// One step.
    Step,
    /// All checklists.
    Checklists,
    /// The journal.
    Journal,
    /// The no-contact countdown.
    NoContact,
    /// Library pages.
    Library,
    /// Export.
    Export,
    /// The urge pause.
    Urge,
    /// The no-contact review.
    Review,
    /// The contact log.
    ContactLog,
    /// How {ex} responded.
    Response,
    /// The situation profile.
    Profile,
    /// Settings: how the ex is named, region, theme, idle lock.
    Settings,
    /// Deleting everything, with a typed confirmation.
    Erase,
}

/// A user intent, before any screen interprets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Previous choice / column.
    Left,
    /// Next choice / column.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// To the top of what scrolls.
    Top,
    /// To the bottom of what scrolls.
    Bottom,
    /// The next journal entry, while reading one.
    NextEntry,
    /// The previous journal entry, while reading one.
    PrevEntry,
    /// Select / open / confirm.
    Enter,
    /// Tick or untick.
    Toggle,
    /// Next field.
    NextField,
    /// Go back.
    Back,
    /// Quit.
    Quit,
    /// Show the keys.
    Help,
    /// Go home.
    Home,
    /// Open what is next.
    Continue,
    /// Open the journal.
    Journal,
    /// Open the no-contact screen.
    NoContact,
    /// Open the checklists.
    Checklists,
    /// Open the library.
    Library,
    /// Open export.
    Export,
    /// Write something new.
    New,
    /// Edit the selected thing.
    Edit,
    /// Delete the selected thing.
    Delete,
    /// Edit the selected entry in the user's own editor ($VISUAL or $EDITOR).
    EditOutside,
    /// Write a new entry in the user's own editor.
    NewOutside,
    /// Mark a step done (or not).
    MarkDone,
    /// Filter a list.
    Filter,
    /// Cycle a step filter.
    StepFilter,
    /// Choose a tag to filter by.
    Tags,
    /// Start no contact.
    Start,
    /// Log a break in no contact.
    LogBreak,
    /// Change the target.
    Target,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Answer not sure.
    Unsure,
    /// Retake the safety check.
    Safety,
    /// Pause before messaging the ex.
    UrgePause,
    /// Begin a mood check-in.
    MoodCheck,
    /// Add a word to the latest mood.
    MoodWord,
    /// A mood from 1 to 5, after the mood key.
    Mood(u8),
    /// Where to find support now.
    Support,
    /// Blank the screen at once.
    Hide,
    /// Open the no-contact review.
    Review,
    /// Write a full backup of everything.
    Backup,
    /// Undo the last change.
    Undo,
    /// Open the settings.
    Settings,
}

/// One key binding: the key, where it works, and what it does, in words.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The key as shown to the user.
    pub label: &'static str,
    /// The key code.
    pub code: KeyCode,
    /// Modifiers that must be held.
    pub modifiers: KeyModifiers,
    /// The command.
    pub command: Command,
    /// What it does, in a few words.
    pub description: &'static str,
    /// Screens it applies on; empty means every screen.
    pub screens: &'static [ScreenKind],
    /// Shown in the one-line footer (the rest are in `?`).
    pub hint: bool,
}

use ScreenKind as S;

/// Every screen.
const LISTS: &[ScreenKind] = &[
    S::Home,
    S::Step,
    S::Checklists,
    S::Journal,
    S::NoContact,
    S::Library,
    S::Export,
    S::Check,
    S::Welcome,
    S::Urge,
    S::Review,
    S::ContactLog,
    S::Response,
    S::Profile,
    S::Settings,
    S::Erase,
];
const BROWSE: &[ScreenKind] = &[
    S::Home,
    S::Step,
    S::Checklists,
    S::Journal,
    S::NoContact,
    S::Library,
    S::Export,
    S::Urge,
    S::Review,
    S::ContactLog,
    S::Response,
    S::Profile,
    S::Settings,
];

/// The screens where Home and End go to the top and the bottom.
const SCROLLS: &[ScreenKind] = &[S::Home, S::Step, S::Checklists, S::Journal, S::Library];

/// Every screen but the checks, where `u` answers "not sure".
const UNDO: &[ScreenKind] = &[
    S::Welcome,
    S::Home,
    S::Step,
    S::Checklists,
    S::Journal,
    S::NoContact,
    S::Library,
    S::Export,
    S::Urge,
    S::Review,
    S::ContactLog,
    S::Response,
    S::Profile,
];

const fn key(
    label: &'static str,
    code: KeyCode,
    command: Command,
    description: &'static str,
    screens: &'static [ScreenKind],
    hint: bool,
) -> Binding {
    Binding {
        label,
        code,
        modifiers: KeyModifiers::NONE,
        command,
        description,
        screens,
        hint,
    }
}

/// Every binding. Order matters: the first match wins and hints are shown in this order.
pub const BINDINGS: &[Binding] = &[
    key("↑/k", KeyCode::Up, Command::Up, "move up", LISTS, false),
    key(
        "k",
        KeyCode::Char('k'),
        Command::Up,
        "move up",
        LISTS,
        false,
    ),
    key(
        "↓/j",
        KeyCode::Down,
        Command::Down,
        "move down",
        LISTS,
        false,
    ),
    key(
        "j",
        KeyCode::Char('j'),
        Command::Down,
        "move down",
        LISTS,
        false,
    ),
    key(
        "←",
        KeyCode::Left,
        Command::Left,
        "previous choice",
        &[
            S::Export,
            S::Welcome,
            S::NoContact,
            S::Checklists,
            S::ContactLog,
            S::Profile,
            S::Settings,
        ],
        false,
    ),
    key(
        "→",
        KeyCode::Right,
        Command::Right,
        "next choice",
        &[
            S::Export,
            S::Welcome,
            S::NoContact,
            S::Checklists,
            S::ContactLog,
            S::Profile,
            S::Settings,
        ],
        false,
    ),
    key(
        "PgUp",
        KeyCode::PageUp,
        Command::PageUp,
        "scroll a page up",
        LISTS,
        false,
    ),
    key(
        "PgDn",
        KeyCode::PageDown,
        Command::PageDown,
        "scroll a page down",
        LISTS,
        false,
    ),
    key(
        "Home",
        KeyCode::Home,
        Command::Top,
        "to the top",
        SCROLLS,
        false,
    ),
    key(
        "End",
        KeyCode::End,
        Command::Bottom,
        "to the bottom",
        SCROLLS,
        false,
    ),
    key(
        "Enter",
        KeyCode::Enter,
        Command::Enter,
        "open or choose",
        LISTS,
        true,
    ),
    key(
        "]",
        KeyCode::Char(']'),
        Command::NextEntry,
        "next entry",
        &[S::Journal],
        true,
    ),
    key(
        "[",
        KeyCode::Char('['),
        Command::PrevEntry,
        "previous entry",
        &[S::Journal],
        true,
    ),
    key(
        "Tab",
        KeyCode::Tab,
        Command::NextField,
        "next link",
        &[S::Library],
        true,
    ),
    key(
        "Space",
        KeyCode::Char(' '),
        Command::Toggle,
        "tick",
        &[S::Step, S::Checklists, S::ContactLog],
        true,
    ),
    key(
        "Tab",
        KeyCode::Tab,
        Command::NextField,
        "next section",
        &[S::Step, S::Welcome, S::Export, S::Checklists],
        false,
    ),
    key(
        "d",
        KeyCode::Char('d'),
        Command::MarkDone,
        "done / not done",
        &[S::Step],
        true,
    ),
    key(
        "b",
        KeyCode::Char('b'),
        Command::Backup,
        "full backup",
        &[S::Export],
        true,
    ),
    key(
        "y",
        KeyCode::Char('y'),
        Command::Yes,
        "answer yes",
        &[S::Check],
        true,
    ),
    key(
        "n",
        KeyCode::Char('n'),
        Command::No,
        "answer no",
        &[S::Check],
        true,
    ),
    key(
        "u",
        KeyCode::Char('u'),
        Command::Unsure,
        "answer not sure",
        &[S::Check],
        true,
    ),
    key(
        "c",
        KeyCode::Char('c'),
        Command::Continue,
        "continue",
        &[S::Home],
        true,
    ),
    key(
        "n",
        KeyCode::Char('n'),
        Command::New,
        "write",
        &[S::Journal, S::Home, S::Step],
        true,
    ),
    key(
        "e",
        KeyCode::Char('e'),
        Command::Edit,
        "edit the selected entry",
        &[S::Journal],
        true,
    ),
    key(
        "o",
        KeyCode::Char('o'),
        Command::EditOutside,
        "edit the selected entry in your own editor",
        &[S::Journal],
        false,
    ),
    key(
        "O",
        KeyCode::Char('O'),
        Command::NewOutside,
        "write a new entry in your own editor",
        &[S::Journal],
        false,
    ),
    key(
        "x",
        KeyCode::Char('x'),
        Command::Delete,
        "delete the selected entry",
        &[S::Journal],
        false,
    ),
    key(
        "e",
        KeyCode::Char('e'),
        Command::Edit,
        "correct the selected slip",
        &[S::NoContact],
        false,
    ),
    key(
        "x",
        KeyCode::Char('x'),
        Command::Delete,
        "remove the selected slip",
        &[S::NoContact],
        false,
    ),
    key(
        "e",
        KeyCode::Char('e'),
        Command::Edit,
        "correct the selected contact",
        &[S::ContactLog],
        false,
    ),
    key(
        "x",
        KeyCode::Char('x'),
        Command::Delete,
        "remove the selected contact",
        &[S::ContactLog],
        false,
    ),
    key(
        "/",
        KeyCode::Char('/'),
        Command::Filter,
        "search as you type",
        &[S::Journal],
        true,
    ),
    key(
        "t",
        KeyCode::Char('t'),
        Command::Tags,
        "filter by tag",
        &[S::Journal],
        true,
    ),
    key(
        "s",
        KeyCode::Char('s'),
        Command::StepFilter,
        "filter entries by step",
        &[S::Journal],
        false,
    ),
    key(
        "s",
        KeyCode::Char('s'),
        Command::Start,
        "start no contact",
        &[S::NoContact],
        true,
    ),
    key(
        "b",
        KeyCode::Char('b'),
        Command::LogBreak,
        "log a slip",
        &[S::NoContact],
        true,
    ),
    key(
        "t",
        KeyCode::Char('t'),
        Command::Target,
        "change the target",
        &[S::NoContact],
        false,
    ),
    key(
        "h",
        KeyCode::Char('h'),
        Command::Home,
        "home",
        BROWSE,
        false,
    ),
    key(
        "J",
        KeyCode::Char('J'),
        Command::Journal,
        "journal",
        BROWSE,
        false,
    ),
    key(
        "N",
        KeyCode::Char('N'),
        Command::NoContact,
        "no contact",
        BROWSE,
        false,
    ),
    key(
        "C",
        KeyCode::Char('C'),
        Command::Checklists,
        "checklists",
        BROWSE,
        false,
    ),
    key(
        "L",
        KeyCode::Char('L'),
        Command::Library,
        "library",
        BROWSE,
        false,
    ),
    key(
        "L",
        KeyCode::Char('L'),
        Command::Library,
        "read the library page the answers name",
        &[S::Check],
        false,
    ),
    key(
        "E",
        KeyCode::Char('E'),
        Command::Export,
        "export",
        BROWSE,
        false,
    ),
    key(
        "S",
        KeyCode::Char('S'),
        Command::Safety,
        "take the safety check again",
        BROWSE,
        false,
    ),
    key(
        "U",
        KeyCode::Char('U'),
        Command::UrgePause,
        "urge pause",
        &[S::Home, S::Step, S::NoContact],
        true,
    ),
    key(
        "u",
        KeyCode::Char('u'),
        Command::Undo,
        "undo the last change",
        UNDO,
        true,
    ),
    key(
        "m",
        KeyCode::Char('m'),
        Command::MoodCheck,
        "mood (then 1-5)",
        &[S::Home],
        true,
    ),
    key(
        "w",
        KeyCode::Char('w'),
        Command::MoodWord,
        "a word for your mood",
        &[S::Home],
        false,
    ),
    key(
        "1-5",
        KeyCode::Char('1'),
        Command::Mood(1),
        "your mood, after m",
        &[S::Home],
        false,
    ),
    key(
        "2",
        KeyCode::Char('2'),
        Command::Mood(2),
        "your mood, after m",
        &[S::Home],
        false,
    ),
    key(
        "3",
        KeyCode::Char('3'),
        Command::Mood(3),
        "your mood, after m",
        &[S::Home],
        false,
    ),
    key(
        "4",
        KeyCode::Char('4'),
        Command::Mood(4),
        "your mood, after m",
        &[S::Home],
        false,
    ),
    key(
        "5",
        KeyCode::Char('5'),
        Command::Mood(5),
        "your mood, after m",
        &[S::Home],
        false,
    ),
    key(
        "s",
        KeyCode::Char('s'),
        Command::Settings,
        "settings",
        &[S::Home],
        true,
    ),
    key(
        "r",
        KeyCode::Char('r'),
        Command::Review,
        "review once the target is reached",
        &[S::NoContact],
        true,
    ),
    key(
        "c",
        KeyCode::Char('c'),
        Command::Continue,
        "continue",
        BROWSE,
        true,
    ),
    key("Esc", KeyCode::Esc, Command::Back, "back", &[], true),
    key(
        "!",
        KeyCode::Char('!'),
        Command::Support,
        "support",
        &[],
        true,
    ),
    key(
        "F1",
        KeyCode::F(1),
        Command::Support,
        "where to find support now (also while writing)",
        &[],
        false,
    ),
    key(
        "F12",
        KeyCode::F(12),
        Command::Hide,
        "hide the screen at once (also Ctrl-B)",
        &[],
        false,
    ),
    Binding {
        label: "Ctrl-B",
        code: KeyCode::Char('b'),
        modifiers: KeyModifiers::CONTROL,
        command: Command::Hide,
        description: "hide the screen at once (also F12)",
        screens: &[],
        hint: false,
    },
    Binding {
        label: "Ctrl-Z",
        code: KeyCode::Char('z'),
        modifiers: KeyModifiers::CONTROL,
        command: Command::Undo,
        description: "undo the last change (also u, but not in a check)",
        screens: &[],
        hint: false,
    },
    key(
        "?",
        KeyCode::Char('?'),
        Command::Help,
        "all keys",
        &[],
        true,
    ),
    key("q", KeyCode::Char('q'), Command::Quit, "quit", &[], true),
    Binding {
        label: "Ctrl-C",
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
        command: Command::Quit,
        description: "quit, saving everything",
        screens: &[],
        hint: false,
    },
];

impl Binding {
    fn applies_to(&self, screen: ScreenKind) -> bool {
        self.screens.is_empty() || self.screens.contains(&screen)
    }

    fn matches(&self, key: KeyEvent) -> bool {
        let mods = key.modifiers - KeyModifiers::SHIFT;
        self.code == key.code && mods == self.modifiers
    }
}

/// The command a key means on `screen`, if any.
pub fn lookup(screen: ScreenKind, key: KeyEvent) -> Option<Command> {
    BINDINGS
        .iter()
        .find(|b| b.applies_to(screen) && b.matches(key))
        .map(|b| b.command)
}

/// The bindings of `screen` for the help overlay: one row per description (`k` beside `↑/k` is
/// left out, and the five mood keys are the one row `1-5`; Ctrl-C, which also saves, is listed).
pub fn for_screen(screen: ScreenKind) -> Vec<&'static Binding> {
    let mut shown: Vec<&'static Binding> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.applies_to(screen)) {
        let repeat = shown.iter().any(|s| s.description == binding.description);
        if !repeat {
            shown.push(binding);
        }
    }
    shown
}

/// The footer hints of `screen`.
pub fn hints(screen: ScreenKind) -> Vec<&'static Binding> {
    for_screen(screen).into_iter().filter(|b| b.hint).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn the_same_key_means_what_its_screen_says() {
        assert_eq!(lookup(ScreenKind::Journal, press('n')), Some(Command::New));
        assert_eq!(lookup(ScreenKind::Check, press('n')), Some(Command::No));
        assert_eq!(
            lookup(ScreenKind::NoContact, press('s')),
            Some(Command::Start)
        );
        assert_eq!(
            lookup(ScreenKind::Journal, press('s')),
            Some(Command::StepFilter)
        );
        let shift_o = KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT);
        assert_eq!(
            lookup(ScreenKind::Journal, shift_o),
            Some(Command::NewOutside)
        );
        assert_eq!(
            lookup(ScreenKind::Journal, press('o')),
            Some(Command::EditOutside)
        );
    }

    #[test]
    fn shifted_letters_are_their_own_keys() {
        let shift_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(lookup(ScreenKind::Home, shift_j), Some(Command::Journal));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(ScreenKind::Home, ctrl_c), Some(Command::Quit));
        assert_eq!(
            lookup(ScreenKind::Home, press('c')),
            Some(Command::Continue)
        );
    }

    #[test]
    fn every_hint_is_a_binding_of_its_screen() {
        for screen in LISTS.iter().copied() {
            for hint in hints(screen) {
                let key = KeyEvent::new(hint.code, hint.modifiers);
                assert_eq!(
                    lookup(screen, key),
                    Some(hint.command),
                    "{} on {screen:?}",
                    hint.label
                );
            }
        }
    }
}
