//! No contact: a large day count, a gauge to the target, the target date, logging a break, the
//! history of breaks, and changing the target.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use crate::engine::{
    Action, BreakKind, DEFAULT_TARGET_DAYS, MAX_BACKDATE_DAYS, MAX_TARGET_DAYS, MIN_TARGET_DAYS,
};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;
use crate::visible::visible;

use super::{View, request_for};

/// The no-contact screen's state: the target being chosen and the break being logged.
#[derive(Debug, Clone, PartialEq)]
pub struct NoContactScreen {
    target: u32,
    days_ago: u32,
    logging: Option<BreakForm>,
}

/// Choosing what a break was before writing its note.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BreakForm {
    focus: usize,
    kind: usize,
    felt: u8,
    resets: bool,
}

impl Default for NoContactScreen {
    fn default() -> Self {
        Self {
            target: DEFAULT_TARGET_DAYS,
            days_ago: 0,
            logging: None,
        }
    }
}

impl NoContactScreen {
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
                    let target = EditTarget::BreakNote {
                        what: BreakKind::ALL[form.kind].0,
                        resets: form.resets,
                        felt: form.felt,
                    };
                    self.logging = None;
                    return request_for(&target, view).map_or(Effect::None, Effect::Edit);
                }
                Command::Back => self.logging = None,
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
                })
            }
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

    /// Draws the count, or the way to start it.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let record = view.book.journey.no_contact.as_ref();
        let Some(record) = record.filter(|n| n.ended.is_none()) else {
            let began = match self.days_ago {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                n => format!("{n} days ago"),
            };
            let first = match record.and_then(|n| n.ended.map(|e| (n, e))) {
                Some((n, ended)) => format!(
                    "No contact ended on {}, when you reached out, after {} days. Its history is kept.",
                    view.now.calendar.date_of(ended).format("%-d %b"),
                    n.progress(view.now).current_days
                ),
                None => "No contact has not started.".to_string(),
            };
            let text = vec![
                Line::styled(first, theme.title),
                Line::default(),
                Line::styled(
                    view.guide
                        .page(&view.guide.no_contact_page)
                        .map(|p| view.fill(&p.summary))
                        .unwrap_or_default(),
                    theme.text,
                ),
                Line::default(),
                Line::styled(
                    format!(
                        "Target: ‹ {} days ›  (← → to change, {MIN_TARGET_DAYS} to {MAX_TARGET_DAYS})",
                        self.target
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
        let day_word = if count.current_days == 1 {
            "day"
        } else {
            "days"
        };
        Line::styled(
            format!(
                "Day {} of no contact ({} {day_word} done)",
                count.day, count.current_days
            ),
            theme.title,
        )
        .render(big, buf);
        Gauge::default()
            .gauge_style(theme.base.patch(theme.accent))
            .ratio(count.ratio())
            .label(format!(
                "{} of {} days",
                count.current_days.min(count.target_days),
                count.target_days
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
                "Target date: {} ({} days to go)",
                count.target_date.format("%a %-d %b %Y"),
                count.remaining_days
            )
        };
        let facts_lines = vec![
            Line::styled(target_line, theme.text),
            Line::styled(
                format!(
                    "Longest run {} · {} since you began · {} logged",
                    counted(count.longest_days as usize, "day"),
                    counted(count.total_days as usize, "day"),
                    counted(count.breaks, "slip"),
                ),
                theme.muted,
            ),
        ];
        Paragraph::new(facts_lines)
            .wrap(Wrap { trim: true })
            .render(facts, buf);
        let mut lines = Vec::new();
        if let Some(form) = &self.logging {
            lines.push(Line::styled("Log a slip", theme.title));
            let resets = if form.resets {
                "yes, start the count again"
            } else {
                "no, keep the count"
            };
            let rows = [
                format!("What happened: ‹ {} ›", BreakKind::ALL[form.kind].1),
                format!(
                    "How it felt: ‹ {} ›",
                    view.guide.tools.mood.label(form.felt)
                ),
                format!("Start again from today: ‹ {resets} ›"),
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
            }
            for brk in record.breaks.iter().rev() {
                let date = view.now.calendar.date_of(brk.at).format("%-d %b");
                let reset = if brk.resets { " (count restarted)" } else { "" };
                lines.push(Line::raw(format!(
                    "{date}  {}{reset}  {}",
                    brk.what.name(),
                    visible(brk.trigger.lines().next().unwrap_or(""))
                )));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(history, buf);
    }
}

/// "1 day", "3 days".
fn counted(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
