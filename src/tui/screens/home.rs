//! Home: the path as a list of steps with their status, the no-contact count, the latest journal
//! lines, and "continue" to what is next.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Widget};

use crate::content::words;
use crate::engine::{Action, Next, StepStatus, next_step, step_status};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;
use crate::tui::text::truncate;

use super::{Screen, View, request_for};

/// The home screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeScreen {
    /// The selected row: a step of the path, then the extra rows.
    pub selected: usize,
    list_area: Cell<Rect>,
    /// Lines for the first lock reason of a row not selected: two while the whole list fits.
    reason_room: Cell<usize>,
    mood_pending: bool,
    /// True for the one key after a mood check-in: a letter then starts the mood's word.
    word_offer: bool,
}

/// A row of the home list.
enum Row<'g> {
    Review,
    Step(&'g crate::content::Step),
    SafetyCheck,
    Response,
    MoveOnCheck,
    Profile,
    OtherPath(&'g crate::content::Path),
}

impl HomeScreen {
    /// Home with the next step selected.
    pub fn new(view: &View) -> Self {
        let rows = Self::row_list(view);
        let next = match next_step(view.guide, &view.book.journey, view.now) {
            Next::Step(step) | Next::Waiting(step, _) => Some(step.id.clone()),
            Next::PathDone => None,
        };
        let selected = rows
            .iter()
            .position(|r| matches!(r, Row::Step(s) if Some(&s.id) == next.as_ref()))
            .unwrap_or(0);
        Self {
            selected,
            ..Self::default()
        }
    }

    /// Number of rows in the list.
    pub fn rows(&self, view: &View) -> usize {
        Self::row_list(view).len()
    }

    fn row_list<'g>(view: &View<'g>) -> Vec<Row<'g>> {
        let journey = &view.book.journey;
        let mut rows: Vec<Row> = Vec::new();
        if journey
            .no_contact
            .as_ref()
            .is_some_and(|n| n.review_due(view.now))
        {
            rows.push(Row::Review);
        }
        if let Some(path) = view.guide.path(&journey.path) {
            rows.extend(view.guide.steps_of(path).map(Row::Step));
        }
        if !journey.checks.contains_key(crate::engine::SAFETY_CHECK)
            && view.guide.check(crate::engine::SAFETY_CHECK).is_some()
        {
            rows.push(Row::SafetyCheck);
        }
        let stopped = journey
            .responses
            .iter()
            .any(|r| r.response == crate::engine::Response::AskedToStop);
        if !stopped && crate::engine::last_message(journey, view.guide).is_some() {
            rows.push(Row::Response);
        }
        if view.guide.check("move-on").is_some() {
            rows.push(Row::MoveOnCheck);
        }
        rows.push(Row::Profile);
        rows.extend(
            view.guide
                .paths
                .iter()
                .filter(|p| p.id != journey.path)
                .map(Row::OtherPath),
        );
        rows
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let rows = Self::row_list(view);
        let mood_pending = std::mem::take(&mut self.mood_pending);
        match command {
            Command::MoodCheck => {
                self.mood_pending = true;
                let mood = &view.guide.tools.mood;
                let choices: Vec<String> = mood
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{} {l}", i + 1))
                    .collect();
                return Effect::Notice(format!(
                    "{} {}",
                    view.fill(&mood.question),
                    choices.join(" · ")
                ));
            }
            Command::MoodWord => {
                return request_for(&EditTarget::MoodWord, view).map_or(
                    Effect::Notice("Check in first: m, then 1 to 5.".to_string()),
                    Effect::Edit,
                );
            }
            Command::Mood(n) if mood_pending => {
                self.word_offer = true;
                return Effect::All(vec![
                    Effect::Apply(Action::CheckMood {
                        mood: n,
                        word: None,
                    }),
                    Effect::Notice(format!(
                        "Noted: {}. Thank you for checking in. w adds a word (or just type it).",
                        view.guide.tools.mood.label(n)
                    )),
                ]);
            }
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(rows.len().saturating_sub(1)),
            Command::PageUp => self.selected = self.selected.saturating_sub(5),
            Command::PageDown => {
                self.selected = (self.selected + 5).min(rows.len().saturating_sub(1))
            }
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = rows.len().saturating_sub(1),
            Command::Enter => return self.open(rows.get(self.selected), view),
            Command::New => {
                let target = EditTarget::NewEntry { step: None };
                return request_for(&target, view).map_or(Effect::None, Effect::Edit);
            }
            Command::Back => {
                return Effect::Notice("Press q to quit; everything is saved.".to_string());
            }
            _ => {}
        }
        Effect::None
    }

    /// The key after a mood check-in: a lowercase letter begins the mood's word (so a word
    /// typed then is never taken as commands). `Some(true)` when the key should
    /// be typed into the word, `Some(false)` when it was only taken, `None` when it is a
    /// command as usual.
    pub fn starts_word(&mut self, key: crossterm::event::KeyEvent) -> Option<bool> {
        use crossterm::event::{KeyCode, KeyModifiers};
        if !std::mem::take(&mut self.word_offer) {
            return None;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('w') if plain => Some(false),
            KeyCode::Char(c) if plain && c.is_lowercase() => Some(true),
            _ => None,
        }
    }

    fn open(&self, row: Option<&Row>, view: &View) -> Effect {
        match row {
            Some(Row::Review) => Effect::Go(Screen::Review(super::ReviewScreen::default())),
            Some(Row::Step(step)) => Effect::Go(Screen::step(&step.id)),
            Some(Row::SafetyCheck) => Effect::Go(Screen::check(crate::engine::SAFETY_CHECK, view)),
            Some(Row::Response) => Effect::Go(Screen::response(view)),
            Some(Row::MoveOnCheck) => Effect::Go(Screen::check("move-on", view)),
            Some(Row::Profile) => Effect::Go(Screen::Profile(super::ProfileScreen::default())),
            Some(Row::OtherPath(path)) => Effect::Confirm {
                question: format!(
                    "Switch to \"{}\"? Your answers, ticks and journal all stay.",
                    path.title
                ),
                then: Box::new(Effect::Apply(Action::ChoosePath(path.id.clone()))),
            },
            None => Effect::None,
        }
    }

    /// Selects the row under a click.
    pub fn click(&mut self, _column: u16, row: u16, view: &View) -> Effect {
        let area = self.list_area.get();
        if row < area.y || row >= area.bottom() {
            return Effect::None;
        }
        let mut line = area.y;
        for (index, r) in Self::row_list(view).iter().enumerate() {
            let height = self
                .row_lines(r, view, area.width, index == self.selected)
                .len() as u16;
            if row < line + height {
                self.selected = index;
                return Effect::None;
            }
            line += height;
        }
        Effect::None
    }

    /// Draws the list beside the no-contact count and the journal.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let wide = area.width >= 72;
        let [list, side] = if wide {
            Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)])
                .spacing(1)
                .areas(area)
        } else {
            Layout::vertical([Constraint::Fill(1), Constraint::Length(7)]).areas(area)
        };
        self.render_list(view, list, buf);
        render_side(view, side, buf);
    }

    fn render_list(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let block = Block::new().borders(Borders::NONE);
        let inner = block.inner(area);
        self.list_area.set(inner);
        let rows = Self::row_list(view);
        self.reason_room.set(2);
        let needed: usize = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                self.row_lines(r, view, inner.width, i == self.selected)
                    .len()
            })
            .sum();
        if needed > usize::from(inner.height) {
            self.reason_room.set(1);
        }
        let mut lines: Vec<Line> = Vec::new();
        let mut selected_start = 0;
        for (index, row) in rows.iter().enumerate() {
            let mut row_lines = self.row_lines(row, view, inner.width, index == self.selected);
            if index == self.selected {
                selected_start = lines.len();
                row_lines[0] = view.theme.select(std::mem::take(&mut row_lines[0]));
            }
            lines.extend(row_lines);
        }
        let height = usize::from(inner.height);
        let skip = (selected_start + 2).saturating_sub(height);
        let visible: Vec<Line> = lines.into_iter().skip(skip).take(height).collect();
        Paragraph::new(visible).render(inner, buf);
    }

    fn row_lines(&self, row: &Row, view: &View, width: u16, selected: bool) -> Vec<Line<'static>> {
        let width = usize::from(width);
        let theme = view.theme;
        match row {
            Row::Step(step) => {
                let status = step_status(view.guide, &view.book.journey, step, view.now);
                let (mark, style) = match &status {
                    StepStatus::Done => ("✓", theme.done),
                    StepStatus::InProgress => ("•", theme.accent),
                    StepStatus::Available => ("○", theme.text),
                    StepStatus::Locked(_) => ("·", theme.locked),
                };
                let title = truncate(&format!("{mark} {}", step.title), width);
                let mut lines = vec![Line::styled(title, style)];
                if let StepStatus::Locked(reasons) = &status {
                    let room = self.reason_room.get().max(1);
                    lines.extend(reason_lines(reasons, selected, view, width, room));
                }
                lines
            }
            // One column short of the width, so it never runs into the column beside it.
            Row::Review => crate::tui::text::clip(
                "You reached your no-contact target: look back and choose",
                width.saturating_sub(3),
                2,
            )
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                Line::styled(
                    format!("{} {l}", if i == 0 { "»" } else { " " }),
                    theme.accent,
                )
            })
            .collect(),
            Row::SafetyCheck => vec![Line::styled(
                truncate("? Take the safety check (a few gentle questions)", width),
                theme.accent,
            )],
            Row::Response => vec![Line::styled(
                truncate(&view.fill("? How did {ex} respond? Note it here"), width),
                theme.accent,
            )],
            Row::MoveOnCheck => vec![Line::styled(
                truncate("? Is it time to move on? (the move-on check)", width),
                theme.muted,
            )],
            Row::Profile => vec![Line::styled(
                truncate(
                    if view.book.journey.profile.is_empty() {
                        "○ Your situation (optional): children, work, who ended it…"
                    } else {
                        "○ Your situation: change your answers"
                    },
                    width,
                ),
                theme.muted,
            )],
            Row::OtherPath(path) => vec![Line::styled(
                truncate(&format!("→ Switch to: {}", path.title), width),
                theme.muted,
            )],
        }
    }
}

/// Why a step is locked: every reason in full under the selected row, else the first reason on
/// one line with a count of the others.
fn reason_lines(
    reasons: &[crate::engine::LockReason],
    selected: bool,
    view: &View,
    width: usize,
    room: usize,
) -> Vec<Line<'static>> {
    let theme = view.theme;
    if selected {
        return reasons
            .iter()
            .flat_map(|r| {
                crate::tui::text::wrap(&view.fill(&r.describe()), width.saturating_sub(4))
            })
            .map(|l| Line::styled(format!("    {l}"), theme.muted))
            .collect();
    }
    let Some(first) = reasons.first() else {
        return Vec::new();
    };
    let more = match reasons.len() {
        1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    let first = crate::tui::text::clip_with_tail(
        &view.fill(&first.describe()),
        &more,
        width.saturating_sub(4),
        room,
    );
    first
        .into_iter()
        .map(|l| Line::styled(format!("    {l}"), theme.muted))
        .collect()
}

/// How many "very low" check-ins in a row bring the gentle offer of the help page.
const VERY_LOW_IN_A_ROW: usize = 3;

fn render_side(view: &View, area: Rect, buf: &mut Buffer) {
    let theme = view.theme;
    let [count, gauge, mood, journal] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_mood(view, mood, buf);
    match &view.book.journey.no_contact {
        Some(record) => {
            let c = record.progress(view.now);
            let text = format!("No contact: {}", c.headline());
            let lines = crate::tui::text::clip(&text, usize::from(count.width), 2);
            Paragraph::new(
                lines
                    .into_iter()
                    .map(|l| Line::styled(l, theme.accent))
                    .collect::<Vec<_>>(),
            )
            .render(count, buf);
            // With contact closed, the count is for the user's own sake, never a wait for contact.
            let closed =
                !crate::engine::contact_closed(view.guide, &view.book.journey, view.now).is_empty();
            let label = if closed || c.ended || c.reached {
                format!("{} kept", words::count(c.current_days, "day", "days"))
            } else {
                format!("{} to go", words::count(c.remaining_days, "day", "days"))
            };
            Gauge::default()
                .gauge_style(theme.base.patch(theme.accent))
                .ratio(c.ratio())
                .label(label)
                .render(Rect { height: 1, ..gauge }, buf);
        }
        None => {
            Paragraph::new(vec![
                Line::styled("No contact has not started.", theme.muted),
                Line::from(vec![
                    Span::styled("N", theme.key),
                    Span::styled(" to begin when you are ready", theme.muted),
                ]),
            ])
            .render(count.union(gauge), buf);
        }
    }
    let mut lines = Vec::new();
    let very_low = view
        .book
        .journey
        .moods
        .iter()
        .rev()
        .take_while(|m| m.mood == 1)
        .count();
    if very_low >= VERY_LOW_IN_A_ROW {
        // Gently, and every time: several very low check-ins in a row deserve more than a chart.
        lines.extend(
            crate::tui::text::wrap(
                "Several very low check-ins in a row. You don't have to carry this alone: ! shows who can help, today.",
                usize::from(journal.width),
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.accent)),
        );
    }
    lines.push(Line::styled("Journal", theme.title));
    let latest: Vec<_> = view
        .book
        .journal
        .iter()
        .rev()
        .take(usize::from(journal.height).saturating_sub(lines.len()))
        .collect();
    if latest.is_empty() {
        lines.push(Line::styled("Nothing yet. Press n to write.", theme.muted));
    }
    for entry in latest {
        let date = view
            .now
            .calendar
            .date_of(entry.created)
            .format("%-d %b")
            .to_string();
        let text = truncate(
            &format!("{date}  {}", entry.first_line()),
            usize::from(journal.width),
        );
        lines.push(Line::raw(text));
    }
    Paragraph::new(lines).render(journal, buf);
}

/// The last 30 days of mood check-ins as a sparkline, with the trend in words.
fn render_mood(view: &View, area: Rect, buf: &mut Buffer) {
    let theme = view.theme;
    let moods = &view.book.journey.moods;
    let trend = crate::engine::trend(moods, view.now);
    let title = match (moods.last(), trend) {
        (Some(last), crate::engine::Trend::Unknown) => {
            format!("Mood: {}", view.guide.tools.mood.label(last.mood))
        }
        (Some(last), trend) => format!(
            "Mood: {} · {}",
            view.guide.tools.mood.label(last.mood),
            trend.word()
        ),
        (None, _) => "Mood: m to check in".to_string(),
    };
    Line::styled(truncate(&title, usize::from(area.width)), theme.title).render(area, buf);
    let days = crate::engine::daily_moods(moods, view.now, u32::from(area.width.min(30)));
    let values: Vec<Option<u64>> = days
        .iter()
        .map(|d| d.map(|m| (m * 10.0).round() as u64))
        .collect();
    ratatui::widgets::Sparkline::default()
        .data(
            values
                .iter()
                .map(|v| ratatui::widgets::SparklineBar::from(*v))
                .collect::<Vec<_>>(),
        )
        .max(50)
        .style(theme.accent)
        .render(
            Rect {
                y: area.y + 1,
                height: area
                    .height
                    .saturating_sub(2)
                    .max(1)
                    .min(area.height.saturating_sub(1)),
                ..area
            },
            buf,
        );
}
