//! The text editor overlay: a multi-line text area that keeps a draft while you type.

use std::time::{Duration, Instant};

use super::effect::{EditRequest, MoodField};
use super::text_window::TextWindow;
use super::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

/// How long typed text may go unsaved before a draft is written.
pub const DRAFT_EVERY: Duration = Duration::from_millis(500);

/// An open text field.
pub struct Editor {
    /// What is being edited, and where it goes.
    pub request: EditRequest,
    area: TextWindow,
    unsaved_since: Option<Instant>,
    /// True when the text came from a draft rather than the saved value.
    pub restored: bool,
    /// Why the last Ctrl-S could not save; the text stays here until it can.
    pub problem: Option<String>,
    /// The mood chosen with Alt-1..5 (Alt-0 clears it), for a journal entry.
    pub mood: MoodField,
}

impl Editor {
    /// Opens `request`, starting from `draft` when one was kept.
    pub fn open(request: EditRequest, draft: Option<&str>, theme: &Theme) -> Self {
        let restored = draft.is_some_and(|d| d != request.initial);
        let start = draft.unwrap_or(&request.initial);
        let area = TextWindow::new(start, theme.text);
        Self {
            area,
            unsaved_since: None,
            restored,
            problem: None,
            mood: request.mood,
            request,
        }
    }

    /// Passes a key to the text area; Alt-1..5 set a journal entry's mood, Alt-0 clears it.
    pub fn input(&mut self, key: KeyEvent, now: Instant) {
        if let (MoodField::Asked(_), KeyCode::Char(digit @ '0'..='5')) = (self.mood, key.code)
            && key.modifiers.contains(KeyModifiers::ALT)
        {
            let mood = digit.to_digit(10).filter(|d| *d > 0).map(|d| d as u8);
            self.mood = MoodField::Asked(mood);
            return;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let changed = match key.code {
            KeyCode::Char('w') if ctrl => self.area.delete_word(),
            KeyCode::Char('z') if ctrl => self.area.undo(),
            _ => self.area.input(key),
        };
        if changed {
            self.unsaved_since.get_or_insert(now);
        }
    }

    /// The keys that work while typing here, for the footer.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        if self.request.target.single_line() {
            vec![
                ("Enter", "save"),
                ("Esc", "cancel"),
                ("Ctrl-W", "delete a word"),
            ]
        } else {
            vec![
                ("Ctrl-S", "save"),
                ("Esc", "close"),
                ("Ctrl-W", "delete a word"),
                ("Ctrl-Z", "undo typing"),
            ]
        }
    }

    /// Holds `text` instead of what was typed (what the user's own editor left), to be kept as
    /// a draft like typing.
    pub fn replace_text(&mut self, text: &str, now: Instant) {
        self.area.replace(text);
        self.unsaved_since.get_or_insert(now);
    }

    /// True when the text can go to the user's own editor: every field of more than one line.
    pub fn takes_own_editor(&self) -> bool {
        !self.request.target.single_line()
    }

    /// Inserts pasted text.
    pub fn paste(&mut self, text: &str, now: Instant) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if self.area.insert_str(text) {
            self.unsaved_since.get_or_insert(now);
        }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.text()
    }

    /// True when the text (or the mood) differs from the saved value.
    pub fn changed(&self) -> bool {
        self.text() != self.request.initial || self.mood != self.request.mood
    }

    /// The text to keep as a draft, when typing has gone unsaved for long enough (or `force`).
    pub fn draft_due(&mut self, now: Instant, force: bool) -> Option<String> {
        let since = self.unsaved_since?;
        if force || now.duration_since(since) >= DRAFT_EVERY {
            self.unsaved_since = None;
            return Some(self.text());
        }
        None
    }

    /// Draws the editor as a centred window over `area`.
    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let single = self.request.target.single_line();
        let height = if single {
            Constraint::Length(7)
        } else {
            Constraint::Percentage(80)
        };
        let window = area.centered(Constraint::Percentage(90), height);
        Clear.render(window, buf);
        buf.set_style(window, theme.base);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border)
            .title(Line::styled(
                format!(" {} ", self.request.title),
                theme.title,
            ));
        let inner = block.inner(window);
        block.render(window, buf);
        let hint_height = self.request.hint.as_ref().map_or(0, |h| {
            let lines = super::text::wrap(h, inner.width.max(1) as usize).len();
            lines.min(3) as u16
        });
        let problem_height = self.problem.as_ref().map_or(0, |p| {
            let lines = super::text::wrap(&not_saved(p), inner.width.max(1) as usize).len();
            lines.min(4) as u16
        });
        let [hint, text, problem, keys] = Layout::vertical([
            Constraint::Length(hint_height),
            Constraint::Fill(1),
            Constraint::Length(problem_height),
            Constraint::Length(1),
        ])
        .areas(inner);
        if let Some(p) = &self.problem {
            Paragraph::new(not_saved(p))
                .style(theme.error)
                .wrap(Wrap { trim: true })
                .render(problem, buf);
        }
        if let Some(h) = &self.request.hint {
            Paragraph::new(h.as_str())
                .style(theme.muted)
                .wrap(Wrap { trim: true })
                .render(hint, buf);
        }
        self.area.render(text, buf);
        Line::styled(self.keys_line(usize::from(keys.width)), theme.muted).render(keys, buf);
    }

    /// The editor's keys in one line of at most `width` columns where it can: the least needed
    /// ("Enter new line") goes first when the line is too long.
    fn keys_line(&self, width: usize) -> String {
        let mood = match self.mood {
            MoodField::NotAsked => None,
            MoodField::Asked(None) => Some("Alt-1…5 mood".to_string()),
            MoodField::Asked(Some(mood)) => Some(format!("mood {mood}/5 (Alt-0 clears)")),
        };
        let pieces = |with_enter: bool| -> String {
            let mut pieces: Vec<String> = Vec::new();
            if self.request.target.single_line() {
                pieces.extend(["Enter save".into(), "Esc cancel".into()]);
            } else {
                pieces.push("Ctrl-S save".into());
                if with_enter && !self.restored {
                    pieces.push("Enter new line".into());
                }
                pieces.push("Esc close".into());
                pieces.push("Ctrl-O your editor".into());
                if self.restored {
                    pieces.push("restored the text you were typing".into());
                }
            }
            pieces.extend(mood.clone());
            pieces.join(" · ")
        };
        let full = pieces(true);
        if super::text::width(&full) <= width {
            full
        } else {
            pieces(false)
        }
    }
}

/// The line shown in the editor when Ctrl-S could not save.
fn not_saved(problem: &str) -> String {
    format!("Not saved: {problem}. Your text is still here; Ctrl-S tries again.")
}
