//! Delete everything: what would go and where, the offer of a copy first, and then a typed
//! word before anything is deleted. Esc at any point keeps everything.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::store::{CONFIRM_WORD, KEEP_A_COPY_HERE, is_confirmation};
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::{Screen, View};

/// The longest confirmation kept as typed (it only has to hold the word).
const MAX_TYPED: usize = 32;

/// The delete-everything screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct EraseScreen {
    /// The data folder, as the user reads it.
    pub dir: String,
    /// What would be deleted, in words.
    pub what: String,
    /// Earlier workbooks kept beside the folder by `restore --replace`, which are left.
    pub earlier: Vec<String>,
    /// The choice in focus: 0 a copy first, 1 delete.
    pub focus: usize,
    /// The confirmation being typed, once the user chose to delete.
    pub typed: Option<String>,
    scroll: Cell<u16>,
    shown: Cell<Shown>,
}

impl EraseScreen {
    /// The screen for deleting `dir`, which holds `what`; `earlier` are the earlier workbooks
    /// beside it, which are left.
    pub fn new(dir: String, what: String, earlier: Vec<String>) -> Self {
        Self {
            dir,
            what,
            earlier,
            focus: 0,
            typed: None,
            scroll: Cell::new(0),
            shown: Cell::new(Shown::default()),
        }
    }

    /// True while the confirmation is being typed: keys are text then.
    pub fn typing(&self) -> bool {
        self.typed.is_some()
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, _view: &View) -> Effect {
        if self
            .shown
            .get()
            .navigate(command, &mut self.focus, 1, &self.scroll)
        {
            return Effect::None;
        }
        match command {
            Command::Enter if self.focus == 0 => Effect::Go(Screen::export()),
            Command::Enter => {
                self.typed = Some(String::new());
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// A key while the confirmation is typed: Enter deletes when it is the word, Esc stops.
    pub fn on_text_key(&mut self, key: KeyEvent) -> Effect {
        let Some(typed) = &mut self.typed else {
            return Effect::None;
        };
        match key.code {
            KeyCode::Esc => {
                self.typed = None;
                Effect::Notice("Nothing was deleted.".to_string())
            }
            KeyCode::Enter if is_confirmation(typed) => Effect::Erase,
            KeyCode::Enter => Effect::Notice(format!(
                "Type {CONFIRM_WORD} to delete, or Esc to keep everything."
            )),
            KeyCode::Backspace => {
                typed.pop();
                Effect::None
            }
            KeyCode::Char(c) if typed.chars().count() < MAX_TYPED && !c.is_control() => {
                typed.push(c);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// Draws what would go, the two choices, and the confirmation line.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        doc.text(
            &format!(
                "This deletes everything rekindle keeps for you in {}: {}.",
                self.dir, self.what
            ),
            theme.text,
            0,
        );
        doc.blank();
        doc.text(
            "It cannot be undone. Backups and exports you wrote yourself are not touched, and \
             neither is the settings file (theme, keys, idle lock), which holds nothing about \
             you. When it is done, rekindle closes and says what was deleted and what was left.",
            theme.muted,
            0,
        );
        if !self.earlier.is_empty() {
            doc.blank();
            doc.text(
                &format!(
                    "Left as they are, beside it: {} (whole earlier workbooks, kept when `rekindle \
                     restore --replace` replaced one); delete them yourself if you want them gone.",
                    self.earlier.join(", ")
                ),
                theme.muted,
                0,
            );
        }
        doc.blank();
        doc.text(KEEP_A_COPY_HERE, theme.text, 0);
        doc.blank();
        doc.start_item();
        doc.text("Keep a copy first: open the export screen", theme.accent, 2);
        doc.end_item(self.focus == 0 && self.typed.is_none(), theme.selected);
        doc.start_item();
        doc.text("Delete everything…", theme.error, 2);
        doc.end_item(self.focus == 1 && self.typed.is_none(), theme.selected);
        doc.blank();
        match &self.typed {
            Some(typed) => {
                doc.text(
                    &format!(
                        "Type {CONFIRM_WORD} and press Enter to delete it all. Esc keeps \
                         everything."
                    ),
                    theme.accent,
                    0,
                );
                doc.text(&format!("> {typed}_"), theme.text, 2);
            }
            None => doc.text(
                "↑ ↓ choose · Enter go on · Esc keeps everything and goes back",
                theme.key,
                0,
            ),
        }
        self.shown
            .set(doc.render(Some(self.focus), &self.scroll, area, buf));
    }
}
