//! The urge pause: a calm countdown, the user's own reasons it ended, a draft that is never sent,
//! a few questions, and how it ended.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Widget};

use crate::engine::{Action, UrgeOutcome};
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;

use super::{View, request_for};

/// The urge pause screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrgeScreen {
    /// 0 is the text, 1 writes the draft, 2 to 4 end the pause with an outcome.
    pub focus: usize,
    scroll: Cell<u16>,
    shown: Cell<Shown>,
}

impl UrgeScreen {
    /// The screen with item `focus` selected (0 the text, 1 the draft).
    pub fn at(focus: usize) -> Self {
        Self {
            focus,
            ..Self::default()
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let open = view.book.journey.open_urge().is_some();
        if self.shown.get().navigate(
            command,
            &mut self.focus,
            UrgeOutcome::ALL.len() + 1,
            &self.scroll,
        ) {
            return Effect::None;
        }
        match command {
            Command::Enter if !open => return Effect::Back,
            Command::Enter if self.focus <= 1 => {
                self.focus = 1;
                return request_for(&EditTarget::UrgeDraft, view)
                    .map_or(Effect::None, Effect::Edit);
            }
            Command::Enter => {
                let (outcome, _) = UrgeOutcome::ALL[self.focus - 2];
                if outcome == UrgeOutcome::ContactedThem {
                    return Effect::All(vec![
                        Effect::Apply(Action::EndUrgePause(outcome)),
                        Effect::Notice("Logged.".to_string()),
                        super::offer_slip(view, "after an urge pause", None),
                    ]);
                }
                return Effect::All(vec![
                    Effect::Apply(Action::EndUrgePause(outcome)),
                    Effect::Notice("Logged. Nothing was sent.".to_string()),
                ]);
            }
            _ => {}
        }
        Effect::None
    }

    /// Draws the countdown above the reasons, questions, draft and choices.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let text = &view.guide.tools.urge_pause;
        let journey = &view.book.journey;
        let [clock, rest] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let mut doc = Doc::new(rest.width);
        match journey.open_urge() {
            Some(pause) => {
                let left = pause.remaining(view.now.at);
                let whole = f64::from(pause.minutes * 60);
                let label = if pause.cooled(view.now.at) {
                    "The pause is over. How did it go?".to_string()
                } else {
                    format!(
                        "{}:{:02} left. Breathe; nothing needs deciding yet.",
                        left.num_minutes(),
                        left.num_seconds() % 60
                    )
                };
                Gauge::default()
                    .gauge_style(theme.base.patch(theme.accent))
                    .ratio(1.0 - (left.num_seconds() as f64 / whole).clamp(0.0, 1.0))
                    .label(crate::tui::text::truncate(&label, usize::from(clock.width)))
                    .render(Rect { height: 1, ..clock }, buf);
                doc.start_item();
                doc.text(&view.prose(&text.intro), theme.text, 0);
                self.reasons(view, &mut doc);
                doc.blank();
                doc.line(Line::styled("Ask yourself", theme.title));
                for question in &text.questions {
                    doc.text(&format!("• {}", view.fill(question)), theme.text, 0);
                }
                doc.blank();
                doc.text(&view.fill(&text.never_sent), theme.accent, 0);
                doc.end_item(false, theme.selected);
                doc.start_item();
                if pause.draft.is_empty() {
                    doc.text("Write the message here (Enter)", theme.text, 2);
                } else {
                    doc.text("Your message, kept here (Enter to change):", theme.text, 2);
                    doc.text(&pause.draft, theme.muted, 4);
                }
                doc.end_item(self.focus == 1, theme.selected);
                doc.blank();
                doc.line(Line::styled(
                    "When you are ready, how did it end?",
                    theme.title,
                ));
                for (index, (_, label)) in UrgeOutcome::ALL.iter().enumerate() {
                    doc.start_item();
                    doc.text(label, theme.text, 2);
                    doc.end_item(self.focus == index + 2, theme.selected);
                }
            }
            None => {
                Line::styled(
                    "This pause has ended. Enter or Esc to go back.",
                    theme.muted,
                )
                .render(clock, buf);
                if journey.urges.last().is_some_and(|u| u.ended.is_some()) {
                    doc.text(&view.prose(&text.done), theme.accent, 0);
                    doc.blank();
                }
                self.earlier_drafts(view, &mut doc);
            }
        }
        let shown = doc.render(
            Some(self.focus).filter(|_| journey.open_urge().is_some()),
            &self.scroll,
            rest,
            buf,
        );
        self.shown.set(shown);
    }

    fn reasons(&self, view: &View, doc: &mut Doc) {
        let text = &view.guide.tools.urge_pause;
        let answers: Vec<String> = text
            .reasons_from
            .iter()
            .flat_map(|step| view.book.journey.step(step).answers.into_values())
            .map(|a| a.text)
            .collect();
        if answers.is_empty() {
            return;
        }
        doc.blank();
        doc.line(Line::styled(
            view.fill(&text.reasons_heading),
            view.theme.title,
        ));
        for answer in answers {
            doc.text(&format!("“{answer}”"), view.theme.accent, 2);
        }
    }

    fn earlier_drafts(&self, view: &View, doc: &mut Doc) {
        let kept: Vec<_> = view
            .book
            .journey
            .urges
            .iter()
            .rev()
            .filter(|u| !u.draft.is_empty())
            .collect();
        if kept.is_empty() {
            return;
        }
        doc.line(Line::styled(
            "Messages you wrote here instead of sending",
            view.theme.title,
        ));
        for pause in kept {
            let date = view
                .now
                .calendar
                .local(pause.started)
                .format("%a %-d %b, %H:%M");
            let how = pause.ended.map_or("", |(_, o)| o.label());
            doc.text(&format!("{date} · {how}"), view.theme.muted, 0);
            doc.text(&pause.draft, view.theme.text, 2);
            doc.blank();
        }
    }
}
