//! The journal: entries newest first (local date and time, step, first line), searched as you
//! type (the matched words highlighted) and filtered by tag and by step; read, write, edit, and
//! delete with a confirm.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::engine::search::{EntryRef, Filter, Query};
use crate::engine::{Action, JournalEntry};
use crate::tui::doc::Doc;
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;
use crate::tui::scroll::Scroll;
use crate::tui::text::truncate;
use crate::tui::theme::Theme;
use crate::visible::visible;

use super::{View, request_for};

/// The journal screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JournalScreen {
    /// The selected row of the filtered list.
    pub selected: usize,
    /// What was typed on the search line.
    typed: String,
    /// True while keys go to the search line.
    typing: bool,
    filter: Filter,
    reading: bool,
    /// The open entry, scrolled.
    reader: Scroll,
    /// The tag list, while it is open.
    tags: Option<TagList>,
    visible: Vec<EntryRef>,
    /// Months the search has not looked in yet, their index not being built.
    left_out: usize,
    /// The journal's generation `visible` was taken at; positions hold only while it is current.
    generation: u64,
    list_area: Cell<Rect>,
    /// The step the journal was opened from: new entries are tied to it.
    from_step: Option<String>,
}

/// Every tag with how many entries have it, to choose one to filter by.
#[derive(Debug, Clone, PartialEq, Default)]
struct TagList {
    tags: Vec<(String, usize)>,
    selected: usize,
}

/// How many entries of months not yet indexed a search reads directly, newest first: about
/// 15 ms of a key's time on a slow, busy machine (7 to 18 microseconds an entry at 1,000,000
/// entries). The entries past it are searched as their month's index arrives, and the list
/// says so meanwhile.
const DIRECT_BUDGET: usize = 1_000;

/// Esc was taken here (it closed or cleared something), so the screen stays: a bare
/// `Effect::None` for Esc means "go back".
fn stay() -> Effect {
    Effect::All(Vec::new())
}

/// How a matched word is shown: emphasised and underlined, in every theme.
fn match_style(theme: &Theme) -> Style {
    theme
        .accent
        .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
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
        let title = |id: &str| view.guide.step(id).map(|s| s.title.clone());
        let found =
            view.search
                .search_within(&view.book.journal, &self.filter, &title, DIRECT_BUDGET);
        self.visible = found.entries;
        self.left_out = found.months_left_out;
        self.generation = view.book.journal.generation();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// Months not searched yet (see [`DIRECT_BUDGET`]).
    pub fn months_left_out(&self) -> usize {
        self.left_out
    }

    /// True while keys go to the search line.
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// A key typed on the search line: the list follows every letter. Enter keeps the search
    /// and goes back to the list's keys; Esc clears it.
    pub fn on_text_key(&mut self, key: KeyEvent, view: &View) -> Effect {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.typing = false;
                self.typed.clear();
            }
            KeyCode::Enter => self.typing = false,
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Char('u') if ctrl => self.typed.clear(),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                self.typed.push(c)
            }
            KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown => {
                let command = match key.code {
                    KeyCode::Up => Command::Up,
                    KeyCode::Down => Command::Down,
                    KeyCode::PageUp => Command::PageUp,
                    _ => Command::PageDown,
                };
                return self.on(command, view);
            }
            _ => return Effect::None,
        }
        let query = Query::parse(&self.typed);
        if query != self.filter.query {
            self.filter.query = query;
            self.selected = 0;
            self.refresh(view);
        }
        Effect::None
    }

    /// True while Esc has a level to close here: an open entry, the tag list, or a filter.
    pub fn has_inner_level(&self) -> bool {
        self.reading || self.tags.is_some() || !self.filter.is_empty()
    }

    /// True when `command` does something now: moving between entries while one is open,
    /// editing and deleting with an entry selected.
    pub fn offers(&self, command: Command, view: &View) -> bool {
        if self.tags.is_some() {
            // The tag list takes the moving keys, Enter and Esc only.
            return !matches!(
                command,
                Command::New
                    | Command::Edit
                    | Command::Delete
                    | Command::Filter
                    | Command::Tags
                    | Command::StepFilter
                    | Command::EditOutside
                    | Command::NewOutside
                    | Command::NextEntry
                    | Command::PrevEntry
            );
        }
        match command {
            Command::NextEntry => self.reading && self.selected + 1 < self.visible.len(),
            Command::PrevEntry => self.reading && self.selected > 0,
            // Enter opens an entry; in the reader, Esc is the way back.
            Command::Enter => !self.reading && self.current(view).is_some(),
            Command::Edit | Command::Delete | Command::EditOutside => self.current(view).is_some(),
            _ => true,
        }
    }

    /// Keys while an entry is open: the arrows, pages, Home and End scroll it; `]` and `[` move
    /// to the next and previous entry and say which it is.
    fn on_reader(&mut self, command: Command) -> Option<Effect> {
        if self.reader.on(command) {
            return Some(Effect::None);
        }
        let last = self.visible.len().saturating_sub(1);
        let to = match command {
            Command::NextEntry if self.selected < last => self.selected + 1,
            Command::PrevEntry if self.selected > 0 => self.selected - 1,
            Command::NextEntry => return Some(Effect::Notice("This is the last entry.".into())),
            Command::PrevEntry => return Some(Effect::Notice("This is the first entry.".into())),
            _ => return None,
        };
        self.selected = to;
        self.reader.reset();
        Some(Effect::Notice(self.entry_of()))
    }

    /// "Entry 2 of 3": the open entry's place in the list shown.
    fn entry_of(&self) -> String {
        format!("Entry {} of {}", self.selected + 1, self.visible.len())
    }

    fn current<'v>(&self, view: &View<'v>) -> Option<&'v JournalEntry> {
        if self.generation != view.book.journal.generation() {
            return None;
        }
        self.visible
            .get(self.selected)
            .and_then(|r| r.get(&view.book.journal))
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        if let Some(tags) = &mut self.tags {
            return match tags.on(command) {
                Some(Some(tag)) => {
                    self.tags = None;
                    self.filter.tag = Some(tag);
                    self.selected = 0;
                    self.refresh(view);
                    Effect::None
                }
                Some(None) => {
                    self.tags = None;
                    stay()
                }
                None => Effect::None,
            };
        }
        if self.reading
            && let Some(effect) = self.on_reader(command)
        {
            return effect;
        }
        let last = self.visible.len().saturating_sub(1);
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = last,
            Command::NextEntry => self.selected = (self.selected + 1).min(last),
            Command::PrevEntry => self.selected = self.selected.saturating_sub(1),
            Command::Enter => {
                self.reading = !self.reading && self.current(view).is_some();
                self.reader.reset();
            }
            Command::Back if self.reading => self.reading = false,
            Command::Back if !self.filter.is_empty() => {
                self.typed.clear();
                self.filter = Filter::default();
                self.refresh(view);
                return stay();
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
                            "Delete the entry \"{}\"? u undoes it while the workbook is open.",
                            truncate(entry.first_line(), 40)
                        ),
                        then: Box::new(Effect::Apply(Action::DeleteEntry(entry.id.clone()))),
                    };
                }
            }
            Command::Filter => {
                self.reading = false;
                self.typing = true;
            }
            Command::Tags => {
                let tags = view.search.tag_counts(&view.book.journal);
                if tags.is_empty() {
                    return Effect::Notice(
                        "No tags yet. Write #word in an entry (like #sleep) to tag it.".to_string(),
                    );
                }
                self.reading = false;
                self.tags = Some(TagList { tags, selected: 0 });
            }
            Command::StepFilter => {
                self.filter.step = next_step_filter(view, self.filter.step.as_deref());
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

    /// Draws the search and filter line, the list (or the tag list) and the selected entry.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let [filters, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        self.filter_line(view, usize::from(area.width))
            .render(filters, buf);
        if let Some(tags) = &self.tags {
            tags.render(theme, body, buf);
            return;
        }
        if self.visible.is_empty() {
            let text = if view.book.journal.is_empty() {
                "Your journal is empty. Press n to write the first entry; only you will read it."
            } else if self.typing {
                "No entries match. Backspace to change the search; Esc clears it."
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
            self.render_reader(view, body, buf);
            return;
        }
        let [list, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(body.height / 3)])
                .areas(body);
        self.list_area.set(list);
        let top = self.top(list.height);
        let fresh = self.generation == view.book.journal.generation();
        let lines: Vec<Line> = self
            .visible
            .iter()
            .enumerate()
            .skip(top)
            .take(usize::from(list.height))
            .filter(|_| fresh)
            .filter_map(|(index, r)| {
                let entry = r.get(&view.book.journal)?;
                let selected = index == self.selected;
                let line = self.row(view, entry, usize::from(list.width), selected);
                Some(if selected {
                    line.patch_style(theme.selected)
                } else {
                    line
                })
            })
            .collect();
        Paragraph::new(lines).render(list, buf);
        self.render_entry(view, detail, buf);
    }

    /// "3 of 120 entries", what they are filtered by, and the search line while typing.
    fn filter_line(&self, view: &View, width: usize) -> Line<'static> {
        let theme = view.theme;
        let mut parts = vec![crate::content::words::part_of(
            self.visible.len(),
            view.book.journal.len(),
            "entry",
            "entries",
        )];
        if let Some(tag) = &self.filter.tag {
            parts.push(format!("tag #{}", visible(tag)));
        }
        if let Some(title) = self.filter.step.as_ref().and_then(|s| view.guide.step(s)) {
            parts.push(format!("step: {}", title.title));
        }
        if self.left_out > 0 {
            parts.push("still searching older months".to_string());
        }
        let counts = parts.join(" · ");
        if !self.typing && self.typed.trim().is_empty() {
            return Line::styled(truncate(&counts, width), theme.muted);
        }
        let cursor = if self.typing { "▏" } else { "" };
        let hint = if self.typing {
            " (Enter keeps it, Esc clears)"
        } else {
            ""
        };
        Line::from(vec![
            Span::styled("Search: ", theme.title),
            Span::styled(format!("{}{cursor}", visible(&self.typed)), theme.text),
            Span::styled(truncate(&format!("  {counts}{hint}"), width), theme.muted),
        ])
    }

    /// One row of the list: local date and time, step, first line; the words the search
    /// matched are highlighted.
    fn row(
        &self,
        view: &View,
        entry: &JournalEntry,
        width: usize,
        selected: bool,
    ) -> Line<'static> {
        // On the selected row the match keeps the row's colours, so it stays readable.
        let matched = if selected {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            match_style(view.theme)
        };
        let when = view
            .now
            .calendar
            .local(entry.created)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let step = entry
            .step
            .as_ref()
            .and_then(|s| view.guide.step(s))
            .map(|s| format!("[{}] ", s.title))
            .unwrap_or_default();
        let mood = entry.mood.map(|m| format!(" ({m}/5)")).unwrap_or_default();
        let words = truncate(
            &visible(&format!("{step}{}{mood}", entry.first_line())),
            width.saturating_sub(when.chars().count() + 2),
        );
        let mut spans = vec![Span::raw(format!("{when}  "))];
        let mut at = 0;
        for range in self.filter.query.highlights(&words) {
            spans.push(Span::raw(words[at..range.start].to_string()));
            spans.push(Span::styled(words[range.clone()].to_string(), matched));
            at = range.end;
        }
        spans.push(Span::raw(words[at..].to_string()));
        Line::from(spans)
    }

    /// The open entry on the whole body, scrolled, with its place in the list and in the text.
    fn render_reader(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let Some(entry) = self.current(view) else {
            return;
        };
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        doc.text(&entry_heading(view, entry), theme.muted, 0);
        doc.blank();
        for line in visible(&entry.text).lines() {
            if line.trim().is_empty() {
                doc.blank();
            } else {
                doc.text(line, theme.text, 0);
            }
        }
        let label = self.entry_of();
        self.reader
            .render(&doc, None, Some(&label), theme.muted, area, buf);
    }

    fn render_entry(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let Some(entry) = self.current(view) else {
            return;
        };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(view.theme.border);
        let mut lines = vec![Line::styled(entry_heading(view, entry), view.theme.muted)];
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

/// An entry's local date and time, whether it was edited, and what was kept with it: its step,
/// its mood and its tags.
fn entry_heading(view: &View, entry: &JournalEntry) -> String {
    let local = view.now.calendar.local(entry.created);
    let edited = if entry.edited.is_some() {
        " (edited)"
    } else {
        ""
    };
    let mut heading = format!("{}{edited}", local.format("%a %-d %b %Y, %H:%M"));
    if let Some(step) = entry.step.as_deref() {
        let title = view.guide.step(step).map_or(step, |s| s.title.as_str());
        heading.push_str(&format!(" · {}", view.fill(title)));
    }
    if let Some(mood) = entry.mood {
        heading.push_str(&format!(" · mood {mood} of 5"));
    }
    for tag in &entry.tags {
        heading.push_str(&format!(" #{tag}"));
    }
    visible(&heading).into_owned()
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

impl TagList {
    /// Moves or chooses: `Some(Some(tag))` chose a tag, `Some(None)` closed the list.
    fn on(&mut self, command: Command) -> Option<Option<String>> {
        let last = self.tags.len().saturating_sub(1);
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::Enter => return Some(self.tags.get(self.selected).map(|t| t.0.clone())),
            Command::Back => return Some(None),
            _ => {}
        }
        None
    }

    fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let [head, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        Line::styled(
            "Tags, from the #words in your entries. Enter shows the entries with one; Esc closes.",
            theme.muted,
        )
        .render(head, buf);
        let top = (self.selected + 1).saturating_sub(usize::from(list.height.max(1)));
        let lines: Vec<Line> = self
            .tags
            .iter()
            .enumerate()
            .skip(top)
            .take(usize::from(list.height))
            .map(|(index, (tag, count))| {
                let line = Line::raw(truncate(
                    &format!(
                        "#{}  {}",
                        visible(tag),
                        crate::content::words::count(*count, "entry", "entries")
                    ),
                    usize::from(list.width),
                ));
                if index == self.selected {
                    line.patch_style(theme.selected)
                } else {
                    line
                }
            })
            .collect();
        Paragraph::new(lines).render(list, buf);
    }
}
