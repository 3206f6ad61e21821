//! Reading a long text: a document scrolled by line, page, top and bottom, with a mark saying
//! where the reader is ("lines 12-30 of 40 ↓"). The journal's entry reader and the library pages
//! use it.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::doc::{Doc, Shown};
use super::keymap::Command;

/// Where a scrolled text is: its first shown line (kept between frames) and what the last frame
/// showed, so a page is as tall as the window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scroll {
    /// The first line shown.
    pub top: Cell<u16>,
    shown: Cell<Shown>,
}

impl Scroll {
    /// Back to the top, for a new text.
    pub fn reset(&self) {
        self.top.set(0);
        self.shown.set(Shown::default());
    }

    /// Starts at line `top` (a place saved before a restart).
    pub fn at(top: u16) -> Self {
        Self {
            top: Cell::new(top),
            shown: Cell::default(),
        }
    }

    /// Scrolls for a moving command (up, down, a page, top, bottom); false for any other.
    pub fn on(&self, command: Command) -> bool {
        let shown = self.shown.get();
        let page = shown.height.saturating_sub(1).max(1);
        let last = shown.total.saturating_sub(shown.height.max(1));
        let top = usize::from(self.top.get());
        let top = match command {
            Command::Up => top.saturating_sub(1),
            Command::Down => top + 1,
            Command::PageUp => top.saturating_sub(page),
            Command::PageDown => top + page,
            Command::Top => 0,
            Command::Bottom => last,
            _ => return false,
        };
        // Before the first frame nothing is known of the height: the frame clamps instead.
        let top = if shown.total > 0 { top.min(last) } else { top };
        self.top.set(u16::try_from(top).unwrap_or(u16::MAX));
        true
    }

    /// Draws `doc` in `area`, scrolled, with item `focus` brought into view when given. When the
    /// text is longer than the area, or `label` is given, the last row holds the label and the
    /// position mark.
    pub fn render(
        &self,
        doc: &Doc,
        focus: Option<usize>,
        label: Option<&str>,
        style: Style,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let overflows = doc.len() > usize::from(area.height);
        if !(overflows || label.is_some()) || area.height < 2 {
            self.shown.set(doc.render(focus, &self.top, area, buf));
            return;
        }
        let [text, mark] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let shown = doc.render(focus, &self.top, text, buf);
        self.shown.set(shown);
        let words = [label.map(str::to_string), position_mark(&shown)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let width = usize::from(mark.width);
        let words = super::text::truncate(&words, width);
        let gap = width.saturating_sub(super::text::width(&words));
        Line::styled(format!("{}{words}", " ".repeat(gap)), style).render(mark, buf);
    }
}

/// "lines 12-30 of 40 ↓": the lines shown, of how many, and an arrow to where there is more;
/// `None` when everything fits.
pub fn position_mark(shown: &Shown) -> Option<String> {
    if shown.total <= shown.height || shown.height == 0 {
        return None;
    }
    let first = shown.top + 1;
    let last = (shown.top + shown.height).min(shown.total);
    let arrow = match (shown.top > 0, last < shown.total) {
        (true, true) => " ↑↓",
        (true, false) => " ↑",
        (false, true) => " ↓",
        (false, false) => "",
    };
    Some(format!("lines {first}-{last} of {}{arrow}", shown.total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(top: usize, height: usize, total: usize) -> Shown {
        Shown {
            top,
            height,
            span: None,
            total,
        }
    }

    #[test]
    fn the_mark_says_where_the_reader_is_and_where_more_is() {
        assert_eq!(
            position_mark(&shown(0, 12, 40)).as_deref(),
            Some("lines 1-12 of 40 ↓")
        );
        assert_eq!(
            position_mark(&shown(11, 19, 40)).as_deref(),
            Some("lines 12-30 of 40 ↑↓")
        );
        assert_eq!(
            position_mark(&shown(28, 12, 40)).as_deref(),
            Some("lines 29-40 of 40 ↑")
        );
        assert_eq!(position_mark(&shown(0, 12, 12)), None);
    }

    #[test]
    fn a_page_down_never_passes_the_end() {
        let scroll = Scroll::default();
        scroll.shown.set(shown(0, 12, 40));
        scroll.on(Command::PageDown);
        assert_eq!(scroll.top.get(), 11);
        scroll.on(Command::PageDown);
        scroll.on(Command::PageDown);
        assert_eq!(scroll.top.get(), 28);
        scroll.on(Command::Top);
        assert_eq!(scroll.top.get(), 0);
        scroll.on(Command::Bottom);
        assert_eq!(scroll.top.get(), 28);
    }
}
