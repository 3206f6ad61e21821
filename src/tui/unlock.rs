//! The unlock screen: an encrypted workbook opens on it. What is typed shows as dots; Enter
//! tries the passphrase; a wrong one says so and lets the user try again; Esc (or Ctrl-C) quits.
//! `q` does not: it may be the passphrase's first letter.

use std::path::Path;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::cli::CliError;
use crate::cli::Passphrase;
use crate::store::{StoreError, keyring};

use super::terminal::{StopSignals, TerminalGuard};
use super::theme::Theme;

/// The dot shown for each typed character.
const DOT: char = '•';

/// Room reserved for a typed passphrase, so typing one does not move it around memory (each
/// move would leave a copy behind that is not wiped).
const TYPED_ROOM: usize = 256;

fn empty_passphrase() -> Passphrase {
    Passphrase::new(String::with_capacity(TYPED_ROOM))
}

/// What a key did on the unlock screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnlockStep {
    /// Keep asking.
    Typing,
    /// Try this passphrase.
    Try(Passphrase),
    /// Leave without opening.
    Quit,
}

/// What the screen says under the passphrase line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Note {
    /// Nothing yet.
    Ask,
    /// The key is being opened (this takes a second).
    Opening,
    /// The last passphrase did not open it.
    Wrong,
    /// Something else went wrong, in words.
    Trouble(String),
}

/// The passphrase being typed and what the screen says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlockScreen {
    typed: Passphrase,
    note: Note,
}

impl Default for UnlockScreen {
    fn default() -> Self {
        Self {
            typed: empty_passphrase(),
            note: Note::Ask,
        }
    }
}

impl UnlockScreen {
    /// Takes one key.
    pub fn on_key(&mut self, key: KeyEvent) -> UnlockStep {
        if key.kind == KeyEventKind::Release {
            return UnlockStep::Typing;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return UnlockStep::Quit,
            KeyCode::Char('c' | 'd') if ctrl => return UnlockStep::Quit,
            KeyCode::Char('u') if ctrl => self.typed.clear(),
            KeyCode::Char(c) if !ctrl => self.typed.push(c),
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Enter if !self.typed.is_empty() => {
                self.note = Note::Opening;
                return UnlockStep::Try(std::mem::replace(&mut self.typed, empty_passphrase()));
            }
            _ => {}
        }
        UnlockStep::Typing
    }

    /// Takes pasted text (its first line).
    pub fn on_paste(&mut self, text: &str) {
        self.typed.push_str(text.lines().next().unwrap_or(""));
    }

    /// Says how the last try went.
    pub fn tried(&mut self, result: Result<(), StoreError>) {
        self.note = match result {
            Ok(()) => Note::Opening,
            Err(StoreError::WrongPassphrase { .. }) => Note::Wrong,
            Err(other) => Note::Trouble(other.to_string()),
        };
    }

    /// Draws the screen.
    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, theme.base);
        let width = area.width.saturating_sub(4).min(72);
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Fill(2),
        ])
        .areas(area);
        let [_, column, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width),
            Constraint::Fill(1),
        ])
        .areas(middle);
        let room = usize::from(width.saturating_sub(14));
        let dots: String = std::iter::repeat_n(DOT, self.typed.chars().count().min(room)).collect();
        let note = match &self.note {
            Note::Ask => Line::styled("Enter opens it. Esc leaves without opening.", theme.muted),
            Note::Opening => Line::styled("Opening…", theme.muted),
            Note::Wrong => Line::styled(
                "That passphrase does not open it. Take your time and try again.",
                theme.accent,
            ),
            Note::Trouble(words) => Line::styled(words.clone(), theme.error),
        };
        let lines = vec![
            Line::styled("rekindle", theme.title),
            Line::default(),
            Line::styled(
                "Your workbook is encrypted. Type your passphrase to open it.",
                theme.text,
            ),
            Line::default(),
            Line::from(vec![
                Span::styled("Passphrase: ", theme.text),
                Span::styled(dots, theme.accent),
                Span::styled("▏", theme.muted),
            ]),
            Line::default(),
            note,
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(column, buf);
    }
}

/// Whether the workbook may open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlocked {
    /// The folder is unlocked.
    Open,
    /// The user left.
    Left,
}

/// Shows the unlock screen until the passphrase opens `dir`, or the user leaves.
pub fn ask_to_unlock(dir: &Path, theme: &Theme, stop: &StopSignals) -> Result<Unlocked, CliError> {
    let mut guard = TerminalGuard::take()?;
    let mut screen = UnlockScreen::default();
    loop {
        guard
            .terminal
            .draw(|frame| screen.render(theme, frame.area(), frame.buffer_mut()))?;
        if stop.stopped() {
            return Ok(Unlocked::Left);
        }
        if !event::poll(Duration::from_millis(250))? {
            continue;
        }
        let step = match event::read()? {
            Event::Key(key) => screen.on_key(key),
            Event::Paste(text) => {
                screen.on_paste(&text);
                UnlockStep::Typing
            }
            _ => UnlockStep::Typing,
        };
        match step {
            UnlockStep::Typing => {}
            UnlockStep::Quit => return Ok(Unlocked::Left),
            UnlockStep::Try(passphrase) => {
                guard
                    .terminal
                    .draw(|frame| screen.render(theme, frame.area(), frame.buffer_mut()))?;
                let result = keyring::unlock(dir, &passphrase);
                if result.is_ok() {
                    return Ok(Unlocked::Open);
                }
                screen.tried(result);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_then_enter_tries_what_was_typed_and_clears_it() {
        let mut screen = UnlockScreen::default();
        for c in "a q".chars() {
            assert_eq!(screen.on_key(key(KeyCode::Char(c))), UnlockStep::Typing);
        }
        screen.on_key(key(KeyCode::Backspace));
        screen.on_key(key(KeyCode::Char('x')));
        assert_eq!(
            screen.on_key(key(KeyCode::Enter)),
            UnlockStep::Try(Passphrase::new("a x".into()))
        );
        assert!(screen.typed.is_empty());
    }

    #[test]
    fn a_typed_passphrase_stays_in_one_place_as_it_grows() {
        let mut screen = UnlockScreen::default();
        let at = screen.typed.as_ptr();
        for c in "a long passphrase of several ordinary words, typed slowly".chars() {
            screen.on_key(key(KeyCode::Char(c)));
        }
        screen.on_paste(&"é".repeat(60));
        assert_eq!(
            screen.typed.as_ptr(),
            at,
            "moving it would leave an unwiped copy"
        );
    }

    #[test]
    fn q_is_a_letter_of_the_passphrase_and_esc_quits() {
        let mut screen = UnlockScreen::default();
        assert_eq!(screen.on_key(key(KeyCode::Char('q'))), UnlockStep::Typing);
        assert_eq!(screen.typed.as_str(), "q");
        assert_eq!(screen.on_key(key(KeyCode::Esc)), UnlockStep::Quit);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(screen.on_key(ctrl_c), UnlockStep::Quit);
    }

    #[test]
    fn the_passphrase_never_shows_only_dots() {
        let mut screen = UnlockScreen::default();
        screen.on_paste("secret words\nsecond line");
        let area = Rect::new(0, 0, 80, 20);
        let mut buf = Buffer::empty(area);
        screen.render(&Theme::PLAIN, area, &mut buf);
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(!text.contains("secret"));
        assert!(text.contains(&DOT.to_string().repeat(12)));
        assert!(!text.contains("•••••••••••••"));
    }
}
