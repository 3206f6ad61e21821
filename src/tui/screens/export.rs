//! Export: choose a format and a range, write the file, and show where it went.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::View;

/// The export screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportScreen {
    /// The last message (where the file went, or what failed).
    pub message: Option<String>,
}

impl ExportScreen {
    /// Turns a command into an effect.
    pub fn on(&mut self, _command: Command, _view: &View) -> Effect {
        Effect::None
    }

    /// Draws the export choices.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let lines = vec![
            Line::styled("Export your journal", view.theme.title),
            Line::styled(
                "From the command line: rekindle export --format md -o journal.md",
                view.theme.muted,
            ),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}
