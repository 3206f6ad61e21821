//! The no-contact review: when the target is reached, the user's own pre-commitment beside their
//! mood trend and slips, and a choice: reach out, take more time, or take the heal path.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Sparkline, SparklineBar, Widget};

use crate::engine::{Action, ReviewChoice, daily_moods, trend};
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::View;

/// Days added when the user chooses to take more time.
const EXTEND_DAYS: u32 = 7;

const CHOICES: [ReviewChoice; 3] = [
    ReviewChoice::GoOn,
    ReviewChoice::Extend(EXTEND_DAYS),
    ReviewChoice::Heal,
];

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
    pub fn on(&mut self, command: Command, _view: &View) -> Effect {
        if self
            .shown
            .get()
            .navigate(command, &mut self.focus, CHOICES.len(), &self.scroll)
        {
            return Effect::None;
        }
        match command {
            Command::Enter if self.focus == 0 => self.focus = 1,
            Command::Enter => {
                return Effect::All(vec![
                    Effect::Apply(Action::Review(CHOICES[self.focus - 1])),
                    Effect::Back,
                ]);
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
        match &record.commitment {
            Some(words) => doc.text(&format!("“{words}”"), theme.accent, 2),
            None => doc.text("(you did not write anything then)", theme.muted, 2),
        }
        doc.blank();
        let count = record.progress(view.now);
        doc.text(
            &format!(
                "Day {} of no contact · {} slips logged · longest run {} days",
                count.current_days, count.breaks, count.longest_days
            ),
            theme.muted,
            0,
        );
        for slip in record.breaks.iter().rev().take(5) {
            let date = view.now.calendar.date_of(slip.at).format("%-d %b");
            doc.text(
                &format!("{date}: {} {}", slip.what.name(), slip.trigger),
                theme.muted,
                2,
            );
        }
        doc.end_item(false, theme.selected);
        doc.blank();
        let labels = [
            ("Go on to reaching out", &text.go_on),
            ("Take more time (7 more days)", &text.extend),
            ("Take the heal path", &text.heal),
        ];
        for (index, (label, about)) in labels.iter().enumerate() {
            doc.start_item();
            doc.line(Line::styled(label.to_string(), theme.text));
            doc.text(&view.prose(about), theme.muted, 2);
            doc.end_item(index + 1 == self.focus, theme.selected);
        }
        self.shown
            .set(doc.render(Some(self.focus), &self.scroll, rest, buf));
    }
}
