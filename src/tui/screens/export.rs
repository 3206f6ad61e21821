//! Export: choose a format and a range, write the file, and show where it went; or write a full
//! backup of everything with one key.

use chrono::Days;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::export::{ExportFilter, Format};
use crate::tui::doc::Doc;
use crate::tui::effect::{Effect, ExportKind};
use crate::tui::keymap::Command;

use super::View;

const FORMATS: [(Format, ExportKind, &str); 6] = [
    (
        Format::Markdown,
        ExportKind::Journal,
        "Markdown (.md), to read or keep",
    ),
    (
        Format::Html,
        ExportKind::Journal,
        "Web page (.html), to print",
    ),
    (Format::Text, ExportKind::Journal, "Plain text (.txt)"),
    (
        Format::Json,
        ExportKind::Journal,
        "JSON (.json), journal entries only, for other tools",
    ),
    (
        Format::Markdown,
        ExportKind::Counsellor,
        "For my counsellor (.md): entries, answers, moods, slips",
    ),
    (
        Format::Html,
        ExportKind::Counsellor,
        "For my counsellor, to print (.html)",
    ),
];

const RANGES: [(Option<u64>, &str); 4] = [
    (None, "everything"),
    (Some(7), "the last 7 days"),
    (Some(30), "the last 30 days"),
    (Some(90), "the last 90 days"),
];

/// The export screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportScreen {
    format: usize,
    range: usize,
    focus: usize,
    scroll: std::cell::Cell<u16>,
    /// Where the last file went, or what failed.
    pub message: Option<String>,
}

impl ExportScreen {
    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let step = |value: &mut usize, len: usize, forward: bool| {
            *value = if forward {
                (*value + 1) % len
            } else {
                (*value + len - 1) % len
            };
        };
        match command {
            Command::Up => self.focus = self.focus.saturating_sub(1),
            Command::Down | Command::NextField => self.focus = (self.focus + 1).min(2),
            Command::Left | Command::Right => {
                let forward = command == Command::Right;
                match self.focus {
                    0 => step(&mut self.format, FORMATS.len(), forward),
                    1 => step(&mut self.range, RANGES.len(), forward),
                    _ => {}
                }
            }
            Command::Enter => match self.focus {
                0 => step(&mut self.format, FORMATS.len(), true),
                1 => step(&mut self.range, RANGES.len(), true),
                _ => {
                    let since = RANGES[self.range]
                        .0
                        .and_then(|days| view.now.today().checked_sub_days(Days::new(days - 1)));
                    return Effect::Export {
                        format: FORMATS[self.format].0,
                        kind: FORMATS[self.format].1,
                        filter: ExportFilter {
                            since,
                            until: None,
                            step: None,
                        },
                    };
                }
            },
            Command::Backup => return Effect::Backup,
            _ => {}
        }
        Effect::None
    }

    /// Draws the choices and the result of the last export.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        doc.text(
            "Write your journal and your answers to a file you can read, print or keep. \
             The file is readable only by you.",
            theme.muted,
            0,
        );
        doc.blank();
        doc.start_item();
        doc.text(
            &format!("Format: ‹ {} ›", FORMATS[self.format].2),
            theme.text,
            2,
        );
        doc.end_item(self.focus == 0, theme.selected);
        doc.start_item();
        doc.text(
            &format!("Entries from: ‹ {} ›", RANGES[self.range].1),
            theme.text,
            2,
        );
        doc.end_item(self.focus == 1, theme.selected);
        doc.blank();
        doc.start_item();
        doc.text("Write the file", theme.accent, 2);
        doc.end_item(self.focus == 2, theme.selected);
        doc.blank();
        doc.line(Line::styled("Moving to another computer?", theme.title));
        doc.text(
            &format!(
                "Press b for a full backup: your journey, answers, ticks, moods, no contact, \
                 slips, urge pauses, contact log, every journal entry and your drafts, in one \
                 file in {}. It is plain text: anyone who has the file can read it. Bring it \
                 back with `rekindle restore FILE`.",
                view.export_dir.display()
            ),
            theme.muted,
            0,
        );
        if let Some(message) = &self.message {
            doc.blank();
            doc.line(Line::styled("Done", theme.title));
            doc.text(message, theme.text, 0);
        }
        doc.render(Some(self.focus), &self.scroll, area, buf);
    }
}
