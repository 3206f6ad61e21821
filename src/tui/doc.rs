//! A scrolling document of wrapped text with focusable items: the shape of the step, library and
//! check screens.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::wrap;

/// Lines built for one width, with the line ranges of focusable items.
#[derive(Debug, Default)]
pub struct Doc {
    width: usize,
    lines: Vec<Line<'static>>,
    items: Vec<(usize, usize)>,
}

impl Doc {
    /// An empty document for a given width.
    pub fn new(width: u16) -> Self {
        Self {
            width: usize::from(width.max(1)),
            ..Self::default()
        }
    }

    /// The width lines are wrapped to.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Wrapped text, each line in `style`, with `indent` spaces before it.
    pub fn text(&mut self, text: &str, style: Style, indent: usize) {
        let indent = indent.min(self.width.saturating_sub(1));
        for line in wrap(text, self.width - indent) {
            self.lines.push(Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(line, style),
            ]));
        }
    }

    /// One line as given (the caller keeps it within the width).
    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// Starts a focusable item; the lines added until `end_item` belong to it.
    pub fn start_item(&mut self) {
        self.items.push((self.lines.len(), self.lines.len()));
    }

    /// Ends the item begun by `start_item`, styling its lines when it is selected.
    pub fn end_item(&mut self, selected: bool, style: Style) {
        if let Some(last) = self.items.last_mut() {
            last.1 = self.lines.len();
            if selected {
                for line in &mut self.lines[last.0..last.1] {
                    *line = std::mem::take(line).patch_style(style);
                }
            }
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Draws the document, scrolled so that item `focus` is in view; `scroll` keeps the offset
    /// between frames.
    pub fn render(&self, focus: Option<usize>, scroll: &Cell<u16>, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height);
        let mut top = usize::from(scroll.get());
        if let Some(&(start, end)) = focus.and_then(|f| self.items.get(f)) {
            if focus == Some(0) && end <= height {
                top = 0;
            } else if start < top {
                top = start;
            } else if end > top + height {
                top = end.saturating_sub(height).min(start);
            }
        }
        top = top.min(self.lines.len().saturating_sub(height));
        scroll.set(u16::try_from(top).unwrap_or(u16::MAX));
        let visible: Vec<Line> = self.lines.iter().skip(top).take(height).cloned().collect();
        Paragraph::new(visible).render(area, buf);
    }
}
