//! Settings: how the guide names the ex (a name, or "your ex"; pronouns, the user's own too),
//! the region for help numbers, the theme, the idle lock, and the way to delete everything.
//! Every change is saved at once and every screen follows it.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::config::{ConfigChange, IdleLock, ThemeName};
use crate::content::PronounSet;
use crate::engine::Action;
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;
use crate::tui::look::Look;

use super::{View, request_for};

/// One row of the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Name,
    YourEx,
    Pronouns,
    Region,
    Theme,
    IdleLock,
    Erase,
}

/// The settings screen's state: the row in focus, and the settings-file values it shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SettingsScreen {
    /// The row in focus.
    pub focus: usize,
    /// The theme and idle lock in force, and where they are written (the app keeps it current).
    pub look: Look,
    scroll: Cell<u16>,
    shown: Cell<Shown>,
}

/// The fixed pronoun sets, in the order ← → go through them; "your own" follows the last.
const SETS: [PronounSet; 3] = [PronounSet::They, PronounSet::She, PronounSet::He];

impl SettingsScreen {
    /// The screen, showing `look` for the settings-file values.
    pub fn new(look: Look) -> Self {
        Self {
            look,
            ..Self::default()
        }
    }

    fn rows(view: &View) -> Vec<Row> {
        let named = view.book.journey.settings.ex_name.is_some();
        let mut rows = vec![Row::Name];
        if named {
            rows.push(Row::YourEx);
        }
        rows.extend([
            Row::Pronouns,
            Row::Region,
            Row::Theme,
            Row::IdleLock,
            Row::Erase,
        ]);
        rows
    }

    /// Turns a command into an effect: ← → (or Enter) change a choice at once; Enter edits
    /// the name.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let rows = Self::rows(view);
        let last = rows.len() - 1;
        self.focus = self.focus.min(last);
        if self
            .shown
            .get()
            .navigate(command, &mut self.focus, last, &self.scroll)
        {
            return Effect::None;
        }
        let forward = match command {
            Command::Right | Command::Enter | Command::Toggle => true,
            Command::Left => false,
            _ => return Effect::None,
        };
        let enter = command == Command::Enter;
        match rows[self.focus] {
            Row::Name if enter => {
                request_for(&EditTarget::ExName, view).map_or(Effect::None, Effect::Edit)
            }
            Row::YourEx if enter => {
                self.focus = 0;
                your_ex(view)
            }
            Row::Pronouns => next_pronouns(view, forward),
            Row::Region => super::profile::next_region(view, forward),
            Row::Theme => {
                let at = ThemeName::ALL
                    .iter()
                    .position(|t| *t == self.look.theme)
                    .unwrap_or(0);
                Effect::Configure(ConfigChange::Theme(ThemeName::ALL[step(at, 3, forward)]))
            }
            Row::IdleLock => {
                let choices = IdleLock::CHOICES;
                let at = choices
                    .iter()
                    .position(|c| *c == self.look.idle_lock)
                    .unwrap_or(0);
                Effect::Configure(ConfigChange::IdleLock(
                    choices[step(at, choices.len(), forward)],
                ))
            }
            Row::Erase if enter => Effect::OpenErase,
            _ => Effect::None,
        }
    }

    /// Draws every setting with its value, and where each is kept.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let settings = &view.book.journey.settings;
        let mut doc = Doc::new(area.width);
        doc.text(
            "How the guide speaks about them, and how rekindle looks. Change anything, any \
             time: every screen follows at once.",
            theme.muted,
            0,
        );
        doc.blank();
        let rows = Self::rows(view);
        for (index, row) in rows.iter().enumerate() {
            doc.start_item();
            match row {
                Row::Name => {
                    doc.text("Their name", theme.text, 0);
                    match &settings.ex_name {
                        Some(name) => {
                            doc.text(&format!("{name}   (Enter to change)"), theme.accent, 4)
                        }
                        None => {
                            doc.text("none: the guide says \"your ex\"", theme.accent, 4);
                            doc.text("Enter to give a name, if you want to.", theme.muted, 4);
                        }
                    }
                }
                Row::YourEx => {
                    doc.text("Say \"your ex\" instead of their name", theme.text, 0);
                    doc.text(
                        "Enter, and their name leaves every screen at once. You can add it back \
                         whenever you like.",
                        theme.muted,
                        4,
                    );
                }
                Row::Pronouns => {
                    doc.text("Pronouns", theme.text, 0);
                    doc.text(
                        &format!("‹ {} ›", settings.pronouns.describe()),
                        theme.accent,
                        4,
                    );
                    if matches!(settings.pronouns, PronounSet::Custom(_)) {
                        doc.text(
                            "← → choose another set · Enter changes your own",
                            theme.muted,
                            4,
                        );
                    } else {
                        doc.text(
                            "← → choose; after \"he / him\" comes your own (like xe / xem / xyr)",
                            theme.muted,
                            4,
                        );
                    }
                }
                Row::Region => {
                    doc.text(
                        "Region, for the help numbers on the help page (!)",
                        theme.text,
                        0,
                    );
                    let region = super::profile::region_words(view);
                    doc.text(&format!("‹ {region} ›"), theme.accent, 4);
                }
                Row::Theme => {
                    doc.text("Theme", theme.text, 0);
                    doc.text(&format!("‹ {} ›", self.look.theme), theme.accent, 4);
                    if self.look.colour_off {
                        doc.text(
                            "Colour is off (NO_COLOR or --no-color), so the theme shows once \
                             colour is on again.",
                            theme.muted,
                            4,
                        );
                    }
                }
                Row::IdleLock => {
                    doc.text("Hide the screen when idle", theme.text, 0);
                    doc.text(&format!("‹ {} ›", self.look.idle_lock), theme.accent, 4);
                    doc.text(
                        "After this long without a key the screen goes blank, as the hide key \
                         does; any key brings it back.",
                        theme.muted,
                        4,
                    );
                }
                Row::Erase => {
                    doc.text("Delete everything…", theme.error, 0);
                    doc.text(
                        "Your journey, journal and drafts (with rekindle's own .bak copies), from this computer. You are \
                         asked to type a word first, and offered a copy.",
                        theme.muted,
                        4,
                    );
                }
            }
            doc.end_item(index == self.focus.min(rows.len() - 1), theme.selected);
        }
        doc.blank();
        let file = self
            .look
            .file
            .as_ref()
            .map_or("your settings file".to_string(), |f| {
                f.display().to_string()
            });
        doc.text(
            &format!(
                "Name, pronouns and region are kept with your journey; theme and idle lock in \
                 {file}, changing only their own lines."
            ),
            theme.muted,
            0,
        );
        doc.text(
            "↑ ↓ choose · ← → change · Enter edit · Esc done",
            theme.key,
            0,
        );
        self.shown
            .set(doc.render(Some(self.focus), &self.scroll, area, buf));
    }
}

/// Back to "your ex", keeping the pronouns.
fn your_ex(view: &View) -> Effect {
    Effect::All(vec![
        Effect::Apply(Action::SetNaming {
            ex_name: None,
            pronouns: view.book.journey.settings.pronouns.clone(),
        }),
        Effect::Notice("Done: the guide says \"your ex\" again, on every screen.".to_string()),
    ])
}

/// The next pronoun set; going past "he / him" (or back before "they / them") opens the
/// field for the user's own.
fn next_pronouns(view: &View, forward: bool) -> Effect {
    let settings = &view.book.journey.settings;
    let count = SETS.len() + 1;
    let at = SETS
        .iter()
        .position(|s| *s == settings.pronouns)
        .unwrap_or(SETS.len());
    let next = step(at, count, forward);
    match SETS.get(next) {
        Some(set) => Effect::Apply(Action::SetNaming {
            ex_name: settings.ex_name.clone(),
            pronouns: set.clone(),
        }),
        None => request_for(&EditTarget::Pronouns, view).map_or(Effect::None, Effect::Edit),
    }
}

/// The index after (or before) `at` among `count`, going round.
fn step(at: usize, count: usize, forward: bool) -> usize {
    if forward {
        (at + 1) % count
    } else {
        (at + count - 1) % count
    }
}

/// What the pronoun field's text becomes: the user's own set, checked by the engine (a
/// refusal keeps the field open with the reason).
pub fn saved_pronouns(view: &View, text: &str) -> Effect {
    let mut parts = text.splitn(3, '/').map(str::trim);
    let mut next = || parts.next().unwrap_or_default().to_string();
    let forms = crate::content::CustomPronouns {
        subject: next(),
        object: next(),
        possessive: next(),
    };
    let shown = format!(
        "{} / {} / {}",
        forms.subject, forms.object, forms.possessive
    );
    Effect::All(vec![
        Effect::Apply(Action::SetNaming {
            ex_name: view.book.journey.settings.ex_name.clone(),
            pronouns: PronounSet::Custom(forms),
        }),
        Effect::Notice(format!("Saved: the guide now says {shown}.")),
    ])
}

/// What the name field's text becomes in the settings.
pub fn saved_name(view: &View, text: &str) -> Effect {
    let notice = if text.trim().is_empty() {
        "Saved: the guide says \"your ex\".".to_string()
    } else {
        "Saved: the guide uses the name you gave.".to_string()
    };
    Effect::All(vec![
        Effect::Apply(Action::SetNaming {
            ex_name: Some(text.to_string()),
            pronouns: view.book.journey.settings.pronouns.clone(),
        }),
        Effect::Notice(notice),
    ])
}
