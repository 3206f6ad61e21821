//! The journal: entries newest first (local date, step, first line), filtered by text and by
//! step; read, write, edit, and delete with a confirm.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::engine::{Action, JournalEntry};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;
use crate::tui::text::truncate;
use crate::visible::visible;

use super::{View, request_for};

/// The journal screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JournalScreen {
    /// The selected row of the filtered list.
    pub selected: usize,
    filter: String,
    step: Option<String>,
    reading: bool,
    visible: Vec<String>,
    list_area: Cell<Rect>,
    /// The step the journal was opened from: new entries are tied to it.
    from_step: Option<String>,
}

impl JournalScreen {
    /// The journal, newest first, unfiltered.
    pub fn new(view: &View) -> Self {
        let place = &view.book.journey.place;
        let mut screen = Self {
            from_step: (place.screen == crate::engine::ScreenId::Step)
                .then(|| place.step.clone())
                .flatten(),
            ..Self::default()
        };
        screen.refresh(view);
        screen
    }

    /// Recomputes which entries show, after the journal or a filter changed.
    pub fn refresh(&mut self, view: &View) {
        let needle = self.filter.to_lowercase();
        self.visible = view
            .book
            .journal
            .iter()
            .rev()
            .filter(|e| self.step.is_none() || e.step == self.step)
            .filter(|e| needle.is_empty() || e.text.to_lowercase().contains(&needle))
            .map(|e| e.id.clone())
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// Sets the text filter typed in the editor.
    pub fn set_filter(&mut self, text: String, view: &View) -> Effect {
        self.filter = text.trim().to_string();
        self.selected = 0;
        self.refresh(view);
        Effect::None
    }

    fn current<'v>(&self, view: &View<'v>) -> Option<&'v JournalEntry> {
        self.visible
            .get(self.selected)
            .and_then(|id| view.book.journal.get(id))
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let last = self.visible.len().saturating_sub(1);
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::Enter => self.reading = !self.reading && self.current(view).is_some(),
            Command::Back if self.reading => self.reading = false,
            Command::Back if !self.filter.is_empty() || self.step.is_some() => {
                self.filter.clear();
                self.step = None;
                self.refresh(view);
            }
            Command::New => {
                let step = self.from_step.clone();
                return request_for(&EditTarget::NewEntry { step }, view)
                    .map_or(Effect::None, Effect::Edit);
            }
            Command::Edit => {
                if let Some(entry) = self.current(view) {
                    let target = EditTarget::Entry {
                        id: entry.id.clone(),
                    };
                    return request_for(&target, view).map_or(Effect::None, Effect::Edit);
                }
            }
            Command::Delete => {
                if let Some(entry) = self.current(view) {
                    return Effect::Confirm {
                        question: format!(
                            "Delete the entry \"{}\"? This cannot be undone.",
                            truncate(entry.first_line(), 40)
                        ),
                        then: Box::new(Effect::Apply(Action::DeleteEntry(entry.id.clone()))),
                    };
                }
            }
            Command::Filter => {
                return request_for(&EditTarget::JournalFilter, view)
                    .map_or(Effect::None, Effect::Edit);
            }
            Command::StepFilter => {
                self.step = next_step_filter(view, self.step.as_deref());
                self.selected = 0;
                self.refresh(view);
            }
            _ => {}
        }
        Effect::None
    }

    /// Selects the entry under a click.
    pub fn click(&mut self, _column: u16, row: u16, _view: &View) -> Effect {
        let area = self.list_area.get();
        if row >= area.y && row < area.bottom() {
            let top = self.top(area.height);
            self.selected =
                (top + usize::from(row - area.y)).min(self.visible.len().saturating_sub(1));
        }
        Effect::None
    }

    fn top(&self, height: u16) -> usize {
        (self.selected + 1).saturating_sub(usize::from(height.max(1)))
    }

    /// Draws the filter line, the list and the selected entry.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let [filters, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let step_title = self
            .step
            .as_ref()
            .and_then(|s| view.guide.step(s))
            .map(|s| s.title.clone());
        let filter_line = format!(
            "{} of {} entries{}{}",
            self.visible.len(),
            view.book.journal.len(),
            if self.filter.is_empty() {
                String::new()
            } else {
                format!(" · containing \"{}\"", self.filter)
            },
            step_title
                .map(|t| format!(" · step: {t}"))
                .unwrap_or_default()
        );
        Line::styled(truncate(&filter_line, usize::from(area.width)), theme.muted)
            .render(filters, buf);
        if self.visible.is_empty() {
            let text = if view.book.journal.is_empty() {
                "Your journal is empty. Press n to write the first entry; only you will read it."
            } else {
                "No entries match. Esc clears the filters."
            };
            Paragraph::new(text)
                .style(theme.muted)
                .wrap(Wrap { trim: true })
                .render(body, buf);
            return;
        }
        if self.reading {
            self.render_entry(view, body, buf);
            return;
        }
        let [list, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(body.height / 3)])
                .areas(body);
        self.list_area.set(list);
        let top = self.top(list.height);
        let lines: Vec<Line> = self
            .visible
            .iter()
            .enumerate()
            .skip(top)
            .take(usize::from(list.height))
            .filter_map(|(index, id)| {
                let entry = view.book.journal.get(id)?;
                let line = Line::raw(truncate(
                    &self.row_text(view, entry),
                    usize::from(list.width),
                ));
                Some(if index == self.selected {
                    line.patch_style(theme.selected)
                } else {
                    line
                })
            })
            .collect();
        Paragraph::new(lines).render(list, buf);
        self.render_entry(view, detail, buf);
    }

    fn row_text(&self, view: &View, entry: &JournalEntry) -> String {
        let date = view.now.calendar.date_of(entry.created).format("%Y-%m-%d");
        let step = entry
            .step
            .as_ref()
            .and_then(|s| view.guide.step(s))
            .map(|s| format!("[{}] ", s.title))
            .unwrap_or_default();
        format!("{date}  {step}{}", entry.first_line())
    }

    fn render_entry(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let Some(entry) = self.current(view) else {
            return;
        };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(view.theme.border);
        let local = view.now.calendar.local(entry.created);
        let mut lines = vec![Line::styled(
            format!(
                "{}{}",
                local.format("%a %-d %b %Y, %H:%M"),
                if entry.edited.is_some() {
                    " (edited)"
                } else {
                    ""
                }
            ),
            view.theme.muted,
        )];
        lines.extend(
            visible(&entry.text)
                .lines()
                .map(|l| Line::raw(l.to_string())),
        );
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

/// The next step to filter by: none, then each step that has entries, in path order.
fn next_step_filter(view: &View, current: Option<&str>) -> Option<String> {
    let used: Vec<&str> = view
        .guide
        .steps
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| {
            view.book
                .journal
                .iter()
                .any(|e| e.step.as_deref() == Some(id))
        })
        .collect();
    match current {
        None => used.first().map(|s| s.to_string()),
        Some(step) => {
            let at = used.iter().position(|s| *s == step);
            at.and_then(|i| used.get(i + 1)).map(|s| s.to_string())
        }
    }
}
