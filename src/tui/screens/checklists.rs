//! Every checklist on its own: tick items, and the behaviours table as two columns.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Row, Table, Widget};

use crate::content::ChecklistEntries;
use crate::engine::Action;
use crate::tui::doc::Doc;
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;
use crate::tui::text::wrap;

use super::View;

/// The checklists screen's state: which list, and which item in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChecklistsScreen {
    /// The selected item of the open list.
    pub selected: usize,
    list: usize,
    scroll: Cell<u16>,
}

impl ChecklistsScreen {
    /// True when `command` does something now: ticking only on a list of items.
    pub fn offers(&self, command: Command, view: &View) -> bool {
        match command {
            Command::Toggle | Command::Enter => view
                .guide
                .checklists
                .get(self.list)
                .is_some_and(|l| matches!(l.entries, ChecklistEntries::Items(_))),
            _ => true,
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let lists = &view.guide.checklists;
        let Some(list) = lists.get(self.list) else {
            return Effect::None;
        };
        let last = list.len().saturating_sub(1);
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = last,
            Command::Right | Command::NextField => {
                self.list = (self.list + 1) % lists.len();
                self.selected = 0;
                self.scroll.set(0);
            }
            Command::Left => {
                self.list = (self.list + lists.len() - 1) % lists.len();
                self.selected = 0;
                self.scroll.set(0);
            }
            Command::Toggle | Command::Enter => {
                if let ChecklistEntries::Items(items) = &list.entries
                    && let Some(item) = items.get(self.selected)
                {
                    return Effect::Apply(Action::ToggleItem {
                        checklist: list.id.clone(),
                        item: item.id.clone(),
                    });
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// Draws the tabs line and the open list.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let Some(list) = view.guide.checklists.get(self.list) else {
            return;
        };
        let mut doc = Doc::new(area.width);
        let heading = format!(
            "‹ {} ›  ({} of {}, ← → for others)",
            list.title,
            self.list + 1,
            view.guide.checklists.len()
        );
        // Too wide for one line, it wraps between words rather than losing its end.
        if crate::tui::text::width(&heading) <= doc.width() {
            doc.line(Line::styled(heading, theme.title));
        } else {
            doc.text(&heading, theme.title, 0);
        }
        doc.text(&view.prose(&list.intro), theme.muted, 0);
        if let Some(caution) = &list.caution {
            doc.text(
                &format!("Remember: {}", view.prose(caution)),
                theme.accent,
                0,
            );
        }
        doc.blank();
        match &list.entries {
            ChecklistEntries::Items(items) => {
                for (index, item) in items.iter().enumerate() {
                    let ticked = view.book.journey.is_ticked(&list.id, &item.id);
                    doc.start_item();
                    let style = if ticked { theme.done } else { theme.text };
                    doc.text(
                        &format!(
                            "{} {}",
                            if ticked { "[x]" } else { "[ ]" },
                            view.fill(&item.text)
                        ),
                        style,
                        0,
                    );
                    if let Some(hint) = &item.hint {
                        doc.text(&view.fill(hint), theme.muted, 4);
                    }
                    doc.end_item(index == self.selected, theme.selected);
                }
                doc.render(Some(self.selected), &self.scroll, area, buf);
            }
            ChecklistEntries::Pairs(pairs) => {
                let top = doc.len() as u16;
                doc.render(None, &self.scroll, area, buf);
                let column = usize::from(area.width.saturating_sub(2) / 2).max(1);
                let rows = pairs.iter().map(|p| {
                    let helps = wrap(&view.fill(&p.helps), column);
                    let hurts = wrap(&view.fill(&p.hurts), column);
                    let height = helps.len().max(hurts.len()) as u16;
                    Row::new(vec![
                        Text::from(helps.join("\n")),
                        Text::from(hurts.join("\n")),
                    ])
                    .height(height)
                    .bottom_margin(1)
                });
                let table = Table::new(rows, [Constraint::Fill(1), Constraint::Fill(1)])
                    .header(Row::new(vec!["Helps", "Hurts"]).style(theme.title))
                    .column_spacing(2);
                let table_area = Rect {
                    y: area.y + top.min(area.height),
                    height: area.height.saturating_sub(top),
                    ..area
                };
                table.render(table_area, buf);
            }
        }
    }
}
