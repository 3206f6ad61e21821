//! No contact: a large day count, a gauge to the target, the target date, logging a break, the
//! history of breaks, and changing the target.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use crate::content::words;
use crate::engine::{
    Action, Break, BreakKind, DEFAULT_TARGET_DAYS, MAX_BACKDATE_DAYS, MAX_TARGET_DAYS,
    MIN_TARGET_DAYS, NoContact,
};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;
use crate::visible::visible;

use super::{View, request_for};

/// The no-contact screen's state: the target being chosen, the slip selected in the history
/// (0 for the newest) and the break being logged or corrected.
#[derive(Debug, Clone, PartialEq)]
pub struct NoContactScreen {
    target: u32,
    days_ago: u32,
    selected: usize,
    logging: Option<BreakForm>,
}

/// Choosing what a break was before writing its note.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BreakForm {
    focus: usize,
    kind: usize,
    felt: u8,
    resets: bool,
    /// The slip being corrected (its place in the record, 0 for the oldest), or none for a new one.
    editing: Option<usize>,
}

impl Default for NoContactScreen {
    fn default() -> Self {
        Self {
            target: DEFAULT_TARGET_DAYS,
            days_ago: 0,
            selected: 0,
            logging: None,
        }
    }
}

impl NoContactScreen {
    /// True while the slip form is open: Esc closes it first.
    pub fn has_inner_level(&self) -> bool {
        self.logging.is_some()
    }

    /// True when `command` does something now: starting before the count runs, logging a slip
    /// and the review while it runs.
    pub fn offers(&self, command: Command, view: &View) -> bool {
        let running = view
            .book
            .journey
            .no_contact
            .as_ref()
            .filter(|n| n.ended.is_none());
        if self.logging.is_some() {
            return !matches!(
                command,
                Command::Start | Command::LogBreak | Command::Review
            );
        }
        match command {
            Command::Start | Command::Enter => running.is_none(),
            Command::LogBreak => running.is_some(),
            Command::Review => running.is_some_and(|n| n.review_due(view.now)),
            _ => true,
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let running = view
            .book
            .journey
            .no_contact
            .as_ref()
            .filter(|n| n.ended.is_none());
        if let Some(form) = &mut self.logging {
            match command {
                Command::Up => form.focus = form.focus.saturating_sub(1),
                Command::Down | Command::NextField => form.focus = (form.focus + 1).min(2),
                Command::Left | Command::Right => {
                    let forward = command == Command::Right;
                    let kinds = BreakKind::ALL.len();
                    match form.focus {
                        0 if forward => form.kind = (form.kind + 1) % kinds,
                        0 => form.kind = (form.kind + kinds - 1) % kinds,
                        1 if forward => form.felt = (form.felt + 1).min(5),
                        1 => form.felt = (form.felt - 1).max(1),
                        _ => form.resets = !form.resets,
                    }
                }
                Command::Target => form.resets = !form.resets,
                Command::Enter => {
                    let what = BreakKind::ALL[form.kind].0;
                    let target = match form.editing {
                        Some(index) => EditTarget::BreakEdit {
                            index,
                            what,
                            resets: form.resets,
                            felt: form.felt,
                        },
                        None => EditTarget::BreakNote {
                            what,
                            resets: form.resets,
                            felt: form.felt,
                        },
                    };
                    self.logging = None;
                    return request_for(&target, view).map_or(Effect::None, Effect::Edit);
                }
                // Esc closes the form and stays on this screen.
                Command::Back => {
                    let words = if form.editing.is_some() {
                        "Nothing was changed."
                    } else {
                        "Nothing was logged."
                    };
                    self.logging = None;
                    return Effect::Notice(words.to_string());
                }
                _ => {}
            }
            return Effect::None;
        }
        match (command, running) {
            (Command::Left, _) => self.target = (self.target - 1).max(MIN_TARGET_DAYS),
            (Command::Right, _) => self.target = (self.target + 1).min(MAX_TARGET_DAYS),
            (Command::PageDown, None) => self.target = (self.target + 7).min(MAX_TARGET_DAYS),
            (Command::PageUp, None) => {
                self.target = (self.target.saturating_sub(7)).max(MIN_TARGET_DAYS)
            }
            (Command::Up, None) => self.days_ago = (self.days_ago + 1).min(MAX_BACKDATE_DAYS),
            (Command::Down, None) => self.days_ago = self.days_ago.saturating_sub(1),
            (Command::Start, None) | (Command::Enter, None) => {
                let target = EditTarget::Commitment {
                    target_days: self.target,
                    days_ago: self.days_ago,
                };
                return request_for(&target, view).map_or(Effect::None, Effect::Edit);
            }
            (Command::Start, Some(_)) => {
                return Effect::Notice("No contact is already running.".to_string());
            }
            (Command::LogBreak, Some(_)) => {
                self.logging = Some(BreakForm {
                    focus: 0,
                    kind: 0,
                    felt: 3,
                    resets: false,
                    editing: None,
                })
            }
            (Command::Up, Some(_)) => self.selected = self.selected.saturating_sub(1),
            (Command::Down, Some(record)) => {
                self.selected = (self.selected + 1).min(record.breaks.len().saturating_sub(1))
            }
            (Command::Edit, Some(record)) => match self.selected_slip(record) {
                Some((index, slip)) => {
                    self.logging = Some(BreakForm {
                        focus: 0,
                        kind: BreakKind::ALL
                            .iter()
                            .position(|(k, _)| *k == slip.what)
                            .unwrap_or(0),
                        felt: slip.felt.unwrap_or(3).clamp(1, 5),
                        resets: slip.resets,
                        editing: Some(index),
                    })
                }
                None => return Effect::Notice("There is no slip to correct.".to_string()),
            },
            (Command::Delete, Some(record)) => match self.selected_slip(record) {
                Some((index, slip)) => return remove_slip(index, slip, view),
                None => return Effect::Notice("There is no slip to remove.".to_string()),
            },
            (Command::Review, Some(record)) if record.review_due(view.now) => {
                return Effect::Go(super::Screen::Review(super::ReviewScreen::default()));
            }
            (Command::Review, _) => {
                return Effect::Notice(
                    "The review opens when you reach your target, once for each target."
                        .to_string(),
                );
            }
            (Command::LogBreak, None) => {
                return Effect::Notice("Start no contact first (s).".to_string());
            }
            (Command::Target, Some(record)) => {
                let next = if record.target_days >= MAX_TARGET_DAYS {
                    MIN_TARGET_DAYS
                } else {
                    (record.target_days / 7 + 1) * 7
                };
                return Effect::Apply(Action::SetTarget(next.min(MAX_TARGET_DAYS)));
            }
            _ => {}
        }
        Effect::None
    }

    /// The selected slip and its place in the record (0 for the oldest), if there is one.
    fn selected_slip<'a>(&self, record: &'a NoContact) -> Option<(usize, &'a Break)> {
        let newest_first = self.selected.min(record.breaks.len().checked_sub(1)?);
        let index = record.breaks.len() - 1 - newest_first;
        Some((index, &record.breaks[index]))
    }

    /// Draws the count, or the way to start it.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let record = view.book.journey.no_contact.as_ref();
        let Some(record) = record.filter(|n| n.ended.is_none()) else {
            let began = match self.days_ago {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                n => format!("{} ago", words::count(n, "day", "days")),
            };
            let first = match record.and_then(|n| n.ended.map(|e| (n, e))) {
                Some((n, ended)) => format!(
                    "No contact ended on {}, when you reached out, after {}. Its history is kept.",
                    view.now.calendar.date_of(ended).format("%-d %b"),
                    words::count(n.progress(view.now).current_days, "day", "days")
                ),
                None => "No contact has not started.".to_string(),
            };
            let text = vec![
                Line::styled(first, theme.title),
                Line::default(),
                Line::styled(
                    format!(
                        "Target: ‹ {} ›  (← → to change, {MIN_TARGET_DAYS} to {MAX_TARGET_DAYS})",
                        words::count(self.target, "day", "days")
                    ),
                    theme.accent,
                ),
                Line::styled(
                    format!("Began: ‹ {began} ›  (↑ ↓ if you stopped before today)"),
                    theme.accent,
                ),
                Line::default(),
                Line::styled("s or Enter to begin.", theme.key),
            ];
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        };
        let count = record.progress(view.now);
        let [big, gauge, facts, history] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(2),
            Constraint::Length(4),
            Constraint::Fill(1),
        ])
        .areas(area);
        Line::styled(
            format!(
                "Day {} of no contact ({} done)",
                count.day,
                words::count(count.current_days, "day", "days")
            ),
            theme.title,
        )
        .render(big, buf);
        Gauge::default()
            .gauge_style(theme.base.patch(theme.accent))
            .ratio(count.ratio())
            .label(format!(
                "{} of {}",
                count.current_days.min(count.target_days),
                words::count(count.target_days, "day", "days")
            ))
            .render(Rect { height: 1, ..gauge }, buf);
        let closed =
            !crate::engine::contact_closed(view.guide, &view.book.journey, view.now).is_empty();
        let target_line = if closed {
            "Contact steps are closed, so this count is for your own steadiness, not a wait for \
             contact."
                .to_string()
        } else if count.reached {
            "You reached your target. Take a moment: how do you feel about reaching out, or not?"
                .to_string()
        } else {
            format!(
                "Target date: {} ({} to go)",
                count.target_date.format("%a %-d %b %Y"),
                words::count(count.remaining_days, "day", "days")
            )
        };
        let facts_lines = vec![
            Line::styled(target_line, theme.text),
            Line::styled(
                format!(
                    "Longest run {} · {} since you began · {} logged",
                    words::count(count.longest_days, "day", "days"),
                    words::count(count.total_days, "day", "days"),
                    words::count(count.breaks, "slip", "slips"),
                ),
                theme.muted,
            ),
        ];
        Paragraph::new(facts_lines)
            .wrap(Wrap { trim: true })
            .render(facts, buf);
        let mut lines = Vec::new();
        if let Some(form) = &self.logging {
            let title = if form.editing.is_some() {
                "Correct a slip"
            } else {
                "Log a slip"
            };
            lines.push(Line::styled(title, theme.title));
            let resets = if form.resets {
                "yes, start the count again"
            } else {
                "no, keep the count"
            };
            let rows = [
                format!(
                    "What happened: ‹ {} ›",
                    BreakKind::ALL[form.kind].0.describe(&view.naming)
                ),
                format!(
                    "How it felt: ‹ {} ›",
                    view.guide.tools.mood.label(form.felt)
                ),
                if form.editing.is_some() {
                    format!("Start the count again from this slip: ‹ {resets} ›")
                } else {
                    format!("Start again from today: ‹ {resets} ›")
                },
            ];
            for (index, row) in rows.into_iter().enumerate() {
                let line = Line::styled(row, theme.accent);
                lines.push(if index == form.focus {
                    line.patch_style(theme.selected)
                } else {
                    line
                });
            }
            lines.push(Line::styled(
                "↑↓ choose · ← → change · Enter to say what set it off · Esc to cancel",
                theme.key,
            ));
        } else {
            lines.push(Line::styled("History", theme.title));
            if record.breaks.is_empty() {
                lines.push(Line::styled(
                    "No slips logged. If one happens, b logs it without judgement.",
                    theme.muted,
                ));
            } else {
                lines.push(Line::styled(
                    "↑↓ choose a slip · e correct it · x remove it",
                    theme.muted,
                ));
            }
            let selected = self.selected.min(record.breaks.len().saturating_sub(1));
            // Keep the selected slip in sight when the history is longer than the room.
            let room = usize::from(history.height)
                .saturating_sub(lines.len())
                .max(1);
            let skip = (selected + 1).saturating_sub(room);
            for (at, brk) in record.breaks.iter().rev().enumerate().skip(skip) {
                lines.push(if at == selected {
                    Line::raw(format!("› {}", slip_line(brk, view))).patch_style(theme.selected)
                } else {
                    Line::raw(format!("  {}", slip_line(brk, view)))
                });
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(history, buf);
    }
}

/// One slip in the history: date, what happened, whether the count restarted, the first line
/// of its note, and when it was corrected.
fn slip_line(slip: &Break, view: &View) -> String {
    let date = view.now.calendar.date_of(slip.at).format("%-d %b");
    let reset = if slip.resets {
        " (count restarted)"
    } else {
        ""
    };
    let corrected = slip
        .corrected
        .map(|at| {
            format!(
                "  · corrected on {}",
                view.now.calendar.date_of(at).format("%-d %b")
            )
        })
        .unwrap_or_default();
    format!(
        "{date}  {}{reset}  {}{corrected}",
        slip.what.describe(&view.naming),
        visible(slip.trigger.lines().next().unwrap_or(""))
    )
}

/// Asks before removing a slip from the history.
fn remove_slip(index: usize, slip: &Break, view: &View) -> Effect {
    let date = view.now.calendar.date_of(slip.at).format("%-d %b");
    let recount = if slip.resets {
        " Your count will be worked out again as if it had not restarted."
    } else {
        ""
    };
    Effect::Confirm {
        question: format!(
            "Remove the slip of {date} ({}) from your history?{recount} u undoes it while the workbook is open.",
            slip.what.describe(&view.naming)
        ),
        then: Box::new(Effect::All(vec![
            Effect::Apply(Action::DeleteBreak { index }),
            Effect::Notice("Removed from your history.".to_string()),
        ])),
    }
}
