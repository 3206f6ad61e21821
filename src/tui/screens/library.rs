//! The library: FAQs, when to move on, the no-contact rule, first messages, where to find help.
//! A page scrolls like any long text, and its related pages are links: Tab moves between them,
//! Enter follows one, and Esc comes back to the page it was followed from.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::Page;
use crate::tui::doc::Doc;
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;
use crate::tui::scroll::Scroll;

use super::View;

/// The library's state: the page list, or one page open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LibraryScreen {
    /// The open page, if any.
    pub page: Option<String>,
    /// The selected page in the list.
    pub selected: usize,
    /// The scroll offset of the list or of the open page.
    pub scroll: Cell<u16>,
    /// The open page, scrolled.
    reading: Scroll,
    /// The chosen link of the open page, if any.
    link: Option<usize>,
    /// True for the frame after a link was chosen, which scrolls it into view.
    reveal: Cell<bool>,
    /// The pages links were followed from, with where each was scrolled to: Esc goes back
    /// through them.
    trail: Vec<(String, u16)>,
    /// True when the open page was opened from the list (Esc goes back to it), not from
    /// another screen (Esc goes back there).
    from_list: bool,
}

impl LibraryScreen {
    /// The library, with a page open if given.
    pub fn new(page: Option<&str>) -> Self {
        Self {
            page: page.map(str::to_string),
            ..Self::default()
        }
    }

    /// Back where a saved place left it; a page reopened after a restart goes back to the list.
    pub fn restore(&mut self, selected: usize, scroll: u16) {
        self.selected = selected;
        if self.page.is_some() {
            self.reading = Scroll::at(scroll);
            self.from_list = true;
        } else {
            self.scroll.set(scroll);
        }
    }

    /// Where the open page (or the list) is scrolled to, to save.
    pub fn scroll_place(&self) -> u16 {
        match self.page {
            Some(_) => self.reading.top.get(),
            None => self.scroll.get(),
        }
    }

    /// The header title: the library, and the open page's title.
    pub fn title(&self, view: &View) -> String {
        match self.open_page(view) {
            Some(page) => format!("Library · {}", page.title),
            None => "Library".to_string(),
        }
    }

    /// The open page's title, if a page is open.
    pub fn page_title(&self, view: &View) -> Option<String> {
        self.open_page(view).map(|p| p.title.clone())
    }

    /// True while Esc has a level to close here: a page opened from the list or from a link.
    pub fn has_inner_level(&self) -> bool {
        self.page.is_some() && (self.from_list || !self.trail.is_empty())
    }

    /// True when `command` does something now.
    pub fn offers(&self, command: Command, view: &View) -> bool {
        match (self.open_page(view), command) {
            (Some(page), Command::NextField) => !links(view, page).is_empty(),
            (Some(_), Command::Enter) => self.link.is_some(),
            (None, Command::NextField) => false,
            _ => true,
        }
    }

    fn open_page<'g>(&self, view: &View<'g>) -> Option<&'g Page> {
        self.page.as_ref().and_then(|id| view.guide.page(id))
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        match self.open_page(view) {
            None => self.on_list(command, view),
            Some(page) => self.on_page(page, command, view),
        }
    }

    fn on_list(&mut self, command: Command, view: &View) -> Effect {
        let last = view.guide.pages.len().saturating_sub(1);
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageUp | Command::Top => self.selected = 0,
            Command::PageDown | Command::Bottom => self.selected = last,
            Command::Enter => {
                if let Some(page) = view.guide.pages.get(self.selected) {
                    self.open(page.id.clone(), 0);
                    self.from_list = true;
                    self.trail.clear();
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn on_page(&mut self, page: &Page, command: Command, view: &View) -> Effect {
        let links = links(view, page);
        if self.reading.on(command) {
            return Effect::None;
        }
        match command {
            Command::NextField if !links.is_empty() => {
                self.link = Some(self.link.map_or(0, |l| (l + 1) % links.len()));
                self.reveal.set(true);
            }
            Command::Enter => {
                if let Some(target) = self.link.and_then(|l| links.get(l)) {
                    let from = (page.id.clone(), self.reading.top.get());
                    self.trail.push(from);
                    self.open(target.id.clone(), 0);
                    return Effect::Notice(format!(
                        "Opened \"{}\". Esc goes back to \"{}\".",
                        target.title, page.title
                    ));
                }
            }
            Command::Back => {
                if let Some((id, top)) = self.trail.pop() {
                    self.open(id, top);
                } else if self.from_list {
                    let id = self.page.take();
                    self.selected = view
                        .guide
                        .pages
                        .iter()
                        .position(|p| Some(&p.id) == id.as_ref())
                        .unwrap_or(0);
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn open(&mut self, id: String, top: u16) {
        self.page = Some(id);
        self.link = None;
        self.reading = Scroll::at(top);
    }

    /// Draws the page list or the open page.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        match self.open_page(view) {
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
                self.page_doc(view, page, &mut doc);
                let focus = self.link.filter(|_| self.reveal.take());
                self.reading
                    .render(&doc, focus, None, theme.muted, area, buf);
            }
        }
    }

    fn page_doc(&self, view: &View, page: &Page, doc: &mut Doc) {
        let theme = view.theme;
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
            region_lines(view, doc);
        }
        for section in &page.sections {
            doc.blank();
            doc.text(&view.fill(&section.heading), theme.accent, 0);
            doc.text(&view.prose(&section.body), theme.text, 0);
        }
        let links = links(view, page);
        if links.is_empty() {
            return;
        }
        doc.blank();
        doc.text(
            "Related pages (Tab chooses one, Enter opens it)",
            theme.title,
            0,
        );
        for (index, target) in links.iter().enumerate() {
            doc.start_item();
            doc.marked('→', &target.title, theme.key, 0);
            doc.end_item(self.link == Some(index), theme.selected);
        }
    }
}

/// The pages `page` links to that the guide has.
fn links<'g>(view: &View<'g>, page: &Page) -> Vec<&'g Page> {
    page.links
        .iter()
        .filter_map(|id| view.guide.page(id))
        .collect()
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
