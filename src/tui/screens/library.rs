//! The library: FAQs, when to move on, the no-contact rule, first messages, where to find help.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::doc::Doc;
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::View;

/// The library's state: the page list, or one page open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LibraryScreen {
    /// The open page, if any.
    pub page: Option<String>,
    /// The selected page in the list, or the focused section of an open page.
    pub selected: usize,
    /// The scroll offset of an open page.
    pub scroll: Cell<u16>,
}

impl LibraryScreen {
    /// The library, with a page open if given.
    pub fn new(page: Option<&str>) -> Self {
        Self {
            page: page.map(str::to_string),
            ..Self::default()
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        match (&self.page, command) {
            (None, Command::Up) => self.selected = self.selected.saturating_sub(1),
            (None, Command::Down) => {
                self.selected = (self.selected + 1).min(view.guide.pages.len().saturating_sub(1))
            }
            (None, Command::Enter) => {
                self.page = view.guide.pages.get(self.selected).map(|p| p.id.clone());
                self.scroll.set(0);
            }
            (Some(_), Command::Up) => self.scroll.set(self.scroll.get().saturating_sub(1)),
            (Some(_), Command::Down) => self.scroll.set(self.scroll.get().saturating_add(1)),
            (Some(_), Command::PageUp) => self.scroll.set(self.scroll.get().saturating_sub(10)),
            (Some(_), Command::PageDown) => self.scroll.set(self.scroll.get().saturating_add(10)),
            (Some(_), Command::Back) => {
                let id = self.page.take();
                self.selected = view
                    .guide
                    .pages
                    .iter()
                    .position(|p| Some(&p.id) == id.as_ref())
                    .unwrap_or(0);
            }
            _ => {}
        }
        Effect::None
    }

    /// Draws the page list or the open page.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        match self.page.as_ref().and_then(|id| view.guide.page(id)) {
            None => {
                for (index, page) in view.guide.pages.iter().enumerate() {
                    doc.start_item();
                    doc.line(Line::styled(page.title.clone(), theme.text));
                    doc.text(&view.fill(&page.summary), theme.muted, 2);
                    doc.end_item(index == self.selected, theme.selected);
                }
                doc.render(Some(self.selected), &self.scroll, area, buf);
            }
            Some(page) => {
                doc.line(Line::styled(page.title.clone(), theme.title));
                doc.text(&view.fill(&page.summary), theme.muted, 0);
                if let Some(date) = page.last_checked {
                    doc.text(
                        &format!("Last checked {}", date.format("%-d %B %Y")),
                        theme.muted,
                        0,
                    );
                }
                if page.id == view.guide.help_page {
                    region_lines(view, &mut doc);
                }
                for section in &page.sections {
                    doc.blank();
                    doc.text(&view.fill(&section.heading), theme.accent, 0);
                    doc.text(&view.prose(&section.body), theme.text, 0);
                }
                doc.render(None, &self.scroll, area, buf);
            }
        }
    }
}

/// The official numbers for the user's region, before anything else on the help page.
fn region_lines(view: &View, doc: &mut Doc) {
    let theme = view.theme;
    let Some(region) = view
        .book
        .journey
        .profile
        .get(crate::engine::REGION_KEY)
        .and_then(|id| view.guide.tools.regions.iter().find(|r| &r.id == id))
    else {
        return;
    };
    doc.blank();
    doc.text(
        &format!(
            "In {} (numbers last checked {})",
            region.name,
            region.last_checked.format("%-d %B %Y")
        ),
        theme.accent,
        0,
    );
    for line in &region.lines {
        doc.text(
            &format!("{}: {}. {}", line.organisation, line.number, line.about),
            theme.text,
            2,
        );
    }
}
