//! A text area that holds only a window of a long text, so a key costs the same however long the
//! text is: ratatui-textarea re-lays out all its lines after every edit, so only the lines around
//! the cursor are given to it, and the rest wait above and below.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Lines handed to the text area at a time.
const WINDOW: usize = 600;
/// How close to an edge of the window the cursor may come before the window moves.
const MARGIN: usize = 120;

/// A long text, edited through a window of its lines.
pub struct TextWindow {
    above: Vec<String>,
    area: TextArea<'static>,
    below: Vec<String>,
    style: Style,
}

impl TextWindow {
    /// Holds `text`, with the cursor at its very end.
    pub fn new(text: &str, style: Style) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut window = Self {
            above: Vec::new(),
            area: TextArea::default(),
            below: Vec::new(),
            style,
        };
        let last = lines.len() - 1;
        let end = lines[last].chars().count();
        window.place(lines, (last, end));
        window
    }

    /// Holds `text` instead of what it held, with the cursor at its very end.
    pub fn replace(&mut self, text: &str) {
        *self = Self::new(text, self.style);
    }

    /// Passes a key to the text area; true when the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        self.follow_cursor();
        let changed = self.area.input(key);
        self.follow_cursor();
        changed
    }

    /// Deletes the word before the cursor; true when anything was deleted.
    pub fn delete_word(&mut self) -> bool {
        self.follow_cursor();
        let changed = self.area.delete_word();
        self.follow_cursor();
        changed
    }

    /// Undoes the last edit of the typing; true when anything changed.
    pub fn undo(&mut self) -> bool {
        let changed = self.area.undo();
        self.follow_cursor();
        changed
    }

    /// Inserts text at the cursor; true when anything was inserted.
    pub fn insert_str(&mut self, text: String) -> bool {
        let inserted = self.area.insert_str(text);
        self.follow_cursor();
        inserted
    }

    /// The whole text.
    pub fn text(&self) -> String {
        let lines = self
            .above
            .iter()
            .chain(self.area.lines())
            .chain(&self.below);
        let mut text = String::with_capacity(self.len_hint());
        for (i, line) in lines.enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(line);
        }
        text
    }

    /// Draws the window's lines.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        (&self.area).render(area, buf);
    }

    fn len_hint(&self) -> usize {
        let count = |lines: &[String]| lines.iter().map(|l| l.len() + 1).sum::<usize>();
        count(&self.above) + count(self.area.lines()) + count(&self.below)
    }

    /// Moves the window when the cursor nears an edge with more text beyond it, or when the
    /// window has grown (a paste) far past its size.
    fn follow_cursor(&mut self) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let len = self.area.lines().len();
        let near_top = row < MARGIN && !self.above.is_empty();
        let near_bottom = row + MARGIN >= len && !self.below.is_empty();
        if !(near_top || near_bottom || len > 2 * WINDOW) {
            return;
        }
        let absolute = self.above.len() + row;
        let mut lines = std::mem::take(&mut self.above);
        lines.extend(self.area.lines().iter().cloned());
        lines.append(&mut self.below);
        self.place(lines, (absolute, col));
    }

    /// Splits `lines` into above, window and below, with the window around `cursor`.
    fn place(&mut self, mut lines: Vec<String>, (row, col): (usize, usize)) {
        let start = row.saturating_sub(WINDOW / 2);
        let end = (start + WINDOW).min(lines.len());
        let start = end.saturating_sub(WINDOW).min(start);
        self.below = lines.split_off(end);
        let window = lines.split_off(start);
        self.above = lines;
        let mut area = TextArea::new(window);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_style(self.style);
        area.set_cursor_line_style(Style::new());
        let row = u16::try_from(row - start).unwrap_or(u16::MAX);
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        area.move_cursor(CursorMove::Jump(row, col));
        self.area = area;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn long_text(lines: usize) -> String {
        (0..lines)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_text_comes_back_whole_after_moving_through_it() {
        let text = long_text(5_000);
        let mut window = TextWindow::new(&text, Style::new());
        assert_eq!(window.text(), text);
        for _ in 0..4_000 {
            window.input(key(KeyCode::Up));
        }
        window.input(key(KeyCode::Home));
        window.input(key(KeyCode::Char('>')));
        let mut expected: Vec<String> = text.split('\n').map(str::to_string).collect();
        expected[999].insert(0, '>');
        assert_eq!(window.text(), expected.join("\n"));
        for _ in 0..4_500 {
            window.input(key(KeyCode::Down));
        }
        window.input(key(KeyCode::End));
        window.input(key(KeyCode::Char('!')));
        expected[4_999].push('!');
        assert_eq!(window.text(), expected.join("\n"));
    }

    #[test]
    fn a_long_paste_is_kept_whole_and_the_window_stays_small() {
        let mut window = TextWindow::new("start", Style::new());
        let paste = format!("\n{}", long_text(3_000));
        window.insert_str(paste.clone());
        assert_eq!(window.text(), format!("start{paste}"));
        assert!(window.area.lines().len() <= WINDOW);
        window.input(key(KeyCode::Char('.')));
        assert!(window.text().ends_with("line 2999."));
    }
}
