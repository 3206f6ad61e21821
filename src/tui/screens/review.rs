//! The no-contact review: when the target is reached, the user's own pre-commitment beside their
//! mood trend and slips, and a choice: reach out, take more time, or take the heal path.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Sparkline, SparklineBar, Widget};

use crate::content::words;
use crate::engine::{Action, ReviewChoice, contact_closed, daily_moods, trend};
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::View;

/// Days added when the user chooses to take more time.
const EXTEND_DAYS: u32 = 7;

/// What the review offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// A choice the engine records.
    Review(ReviewChoice),
    /// Open the move-on check.
    MoveOnCheck,
}

/// The choices: "go on" only while nothing keeps contact closed.
fn choices(view: &View) -> Vec<Choice> {
    let closed = !contact_closed(view.guide, &view.book.journey, view.now).is_empty();
    let mut list = Vec::new();
    if !closed {
        list.push(Choice::Review(ReviewChoice::GoOn));
    }
    list.push(Choice::Review(ReviewChoice::Extend(EXTEND_DAYS)));
    list.push(Choice::Review(ReviewChoice::Heal));
    if view.guide.check("move-on").is_some() {
        list.push(Choice::MoveOnCheck);
    }
    list
}

/// The review screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewScreen {
    /// 0 is the text; 1 to 3 are the choices.
    pub focus: usize,
    scroll: Cell<u16>,
    shown: Cell<Shown>,
}

impl ReviewScreen {
    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let choices = choices(view);
        if self
            .shown
            .get()
            .navigate(command, &mut self.focus, choices.len(), &self.scroll)
        {
            return Effect::None;
        }
        match command {
            Command::Enter if self.focus == 0 => self.focus = 1,
            Command::Enter => {
                return match choices.get(self.focus - 1) {
                    Some(Choice::Review(choice)) => {
                        Effect::All(vec![Effect::Apply(Action::Review(*choice)), Effect::Back])
                    }
                    Some(Choice::MoveOnCheck) => Effect::Go(super::Screen::check("move-on", view)),
                    None => Effect::None,
                };
            }
            _ => {}
        }
        Effect::None
    }

    /// Draws the commitment, the mood chart, the slips and the choices.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let text = &view.guide.tools.review;
        let journey = &view.book.journey;
        let Some(record) = &journey.no_contact else {
            Line::styled("No contact has not started yet.", theme.muted).render(area, buf);
            return;
        };
        let [chart, rest] =
            Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
        let days = daily_moods(&journey.moods, view.now, 90);
        Line::styled(
            format!(
                "Mood over 90 days: {}",
                trend(&journey.moods, view.now).word()
            ),
            theme.title,
        )
        .render(chart, buf);
        let shown = &days[days.len().saturating_sub(usize::from(chart.width))..];
        Sparkline::default()
            .data(
                shown
                    .iter()
                    .map(|d| SparklineBar::from(d.map(|m| (m * 10.0).round() as u64)))
                    .collect::<Vec<_>>(),
            )
            .max(50)
            .style(theme.accent)
            .render(
                Rect {
                    y: chart.y + 1,
                    height: 1,
                    ..chart
                },
                buf,
            );
        let mut doc = Doc::new(rest.width);
        doc.start_item();
        doc.text(&view.prose(&text.intro), theme.text, 0);
        doc.blank();
        doc.line(Line::styled("What you wrote when you began", theme.title));
        match record.commitment.as_deref().map(str::trim) {
            Some(words) if !words.is_empty() => doc.text(&format!("“{words}”"), theme.accent, 2),
            _ => doc.text("(you did not write anything then)", theme.muted, 2),
        }
        doc.blank();
        let count = record.progress(view.now);
        doc.text(
            &format!(
                "{} of no contact · {} logged · longest run {}",
                words::count(count.current_days, "day", "days"),
                words::count(count.breaks, "slip", "slips"),
                words::count(count.longest_days, "day", "days")
            ),
            theme.muted,
            0,
        );
        for slip in record.breaks.iter().rev().take(5) {
            let date = view.now.calendar.date_of(slip.at).format("%-d %b");
            doc.text(
                &match slip.trigger.trim() {
                    "" => format!("{date}: {}", slip.what.describe(&view.naming)),
                    trigger => format!("{date}: {} · {trigger}", slip.what.describe(&view.naming)),
                },
                theme.muted,
                2,
            );
        }
        doc.end_item(false, theme.selected);
        doc.blank();
        let closed = contact_closed(view.guide, journey, view.now);
        if !closed.is_empty() {
            doc.line(Line::styled(
                "Reaching out is not offered here, because:",
                theme.title,
            ));
            for reason in &closed {
                doc.bullet(&view.fill(&reason.describe()), theme.text, 0);
            }
            doc.blank();
        }
        if let Some(withdrawn) = crate::engine::last_withdrawal(journey) {
            let date = view.now.calendar.date_of(withdrawn.at).format("%-d %b %Y");
            doc.text(
                &format!("You took back a concern from a check on {date}."),
                theme.muted,
                0,
            );
            doc.blank();
        }
        for (index, choice) in choices(view).iter().enumerate() {
            let (label, about) = match choice {
                Choice::Review(ReviewChoice::GoOn) => {
                    ("Go on to reaching out", text.go_on.as_str())
                }
                Choice::Review(ReviewChoice::Extend(_)) => {
                    ("Take more time (7 more days)", text.extend.as_str())
                }
                Choice::Review(ReviewChoice::Heal) => ("Take the heal path", text.heal.as_str()),
                Choice::MoveOnCheck => (
                    "Is it time to move on? (the move-on check)",
                    "A few questions about how {ex} has responded so far.",
                ),
            };
            doc.start_item();
            doc.line(Line::styled(label.to_string(), theme.text));
            doc.text(&view.prose(about), theme.muted, 2);
            doc.end_item(index + 1 == self.focus, theme.selected);
        }
        self.shown
            .set(doc.render(Some(self.focus), &self.scroll, rest, buf));
    }
}
