//! A scrolling document of wrapped text with focusable items: the shape of the step, library and
//! check screens.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::keymap::Command;
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

    /// A bulleted paragraph at `indent`, its later lines hanging under the text, not the bullet.
    pub fn bullet(&mut self, text: &str, style: Style, indent: usize) {
        self.marked('•', text, style, indent);
    }

    /// A paragraph after a one-character `marker` (such as `›`), later lines hanging under the
    /// text.
    pub fn marked(&mut self, marker: char, text: &str, style: Style, indent: usize) {
        let hang = (indent + 2).min(self.width.saturating_sub(1));
        for (index, line) in wrap(text, self.width - hang).into_iter().enumerate() {
            let lead = if index == 0 {
                format!("{}{marker} ", " ".repeat(hang.saturating_sub(2)))
            } else {
                " ".repeat(hang)
            };
            self.lines
                .push(Line::from(vec![Span::raw(lead), Span::styled(line, style)]));
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
                    // The row's hints and dates take the selected colours too, so they stay
                    // readable on its background.
                    for span in &mut line.spans {
                        span.style = span.style.patch(style);
                    }
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

    /// Draws the document, scrolled so that item `focus` is in view (an item taller than the area
    /// is scrolled within); `scroll` keeps the offset between frames. Returns what was shown.
    pub fn render(
        &self,
        focus: Option<usize>,
        scroll: &Cell<u16>,
        area: Rect,
        buf: &mut Buffer,
    ) -> Shown {
        let height = usize::from(area.height);
        let mut top = usize::from(scroll.get());
        let span = focus.and_then(|f| self.items.get(f)).copied();
        if let Some((start, end)) = span {
            if end - start >= height {
                top = top.clamp(start, end.saturating_sub(height).max(start));
            } else if focus == Some(0) && end <= height {
                top = 0;
            } else if start < top {
                top = start;
            } else if end > top + height {
                top = end - height;
            }
        }
        top = top.min(self.lines.len().saturating_sub(height));
        scroll.set(u16::try_from(top).unwrap_or(u16::MAX));
        let visible: Vec<Line> = self.lines.iter().skip(top).take(height).cloned().collect();
        Paragraph::new(visible).render(area, buf);
        Shown {
            top,
            height,
            span,
            total: self.lines.len(),
        }
    }
}

/// What a rendered document showed: enough for a screen to scroll within a tall item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    /// The first line shown.
    pub top: usize,
    /// Lines shown.
    pub height: usize,
    /// The focused item's lines, if any.
    pub span: Option<(usize, usize)>,
    /// Lines in the whole document.
    pub total: usize,
}

impl Shown {
    /// Up, Down and Tab on a document of focusable items: Up and Down scroll within a focused
    /// item taller than the area before moving on; Tab always moves on. Returns false for any
    /// other command.
    pub fn navigate(
        &self,
        command: Command,
        focus: &mut usize,
        last: usize,
        scroll: &Cell<u16>,
    ) -> bool {
        match command {
            Command::Up => match self.scroll_up() {
                Some(top) => scroll.set(top),
                None => *focus = focus.saturating_sub(1),
            },
            Command::Down => match self.scroll_down() {
                Some(top) => scroll.set(top),
                None => *focus = (*focus + 1).min(last),
            },
            Command::NextField => *focus = (*focus + 1).min(last),
            _ => return false,
        }
        true
    }

    /// Where to scroll for Down: within the focused item while its end is below the area, else
    /// `None` (move the focus instead).
    pub fn scroll_down(&self) -> Option<u16> {
        let (_, end) = self.span?;
        (end > self.top + self.height).then(|| {
            let step = self.height.saturating_sub(2).max(1);
            u16::try_from((self.top + step).min(end - self.height)).unwrap_or(u16::MAX)
        })
    }

    /// Where to scroll for Up: within the focused item while its start is above the area.
    pub fn scroll_up(&self) -> Option<u16> {
        let (start, _) = self.span?;
        (start < self.top).then(|| {
            let step = self.height.saturating_sub(2).max(1);
            u16::try_from(self.top.saturating_sub(step).max(start)).unwrap_or(0)
        })
    }
}
