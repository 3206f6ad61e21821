//! A check (safety, move-on): one gentle yes / no / not-sure question at a time, then what the
//! answers mean, before they are saved.

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::Answer;
use crate::engine::{Action, withdrawn};
use crate::tui::doc::Doc;
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;

use super::View;

/// The check screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckScreen {
    id: String,
    answers: BTreeMap<String, Answer>,
    question: usize,
    first_run: bool,
    scroll: std::cell::Cell<u16>,
}

impl CheckScreen {
    /// Check `id`, starting from the answers last given; `first_run` leads home afterwards.
    pub fn new(id: &str, view: &View, first_run: bool) -> Self {
        let answers = view
            .book
            .journey
            .checks
            .get(id)
            .map(|r| r.answers.clone())
            .unwrap_or_default();
        Self {
            id: id.to_string(),
            answers,
            question: 0,
            first_run,
            scroll: Default::default(),
        }
    }

    /// The header title.
    pub fn title(&self, view: &View) -> String {
        view.guide
            .check(&self.id)
            .map_or(self.id.clone(), |c| c.title.clone())
    }

    fn count(&self, view: &View) -> usize {
        view.guide.check(&self.id).map_or(0, |c| c.questions.len())
    }

    /// True when `command` does something now: the answers only while a question is shown.
    pub fn offers(&self, command: Command, view: &View) -> bool {
        match command {
            Command::Yes | Command::No | Command::Unsure => self.question < self.count(view),
            Command::Library => self.concern_page(view).is_some(),
            _ => true,
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let Some(check) = view.guide.check(&self.id) else {
            return Effect::Back;
        };
        let count = self.count(view);
        if command == Command::Back && self.unsaved_answers(view) {
            // Answers are saved only at the end: leaving with new ones is asked, never silent
            // (an answer may be the one that keeps the contact steps closed).
            return Effect::Confirm {
                question: "Your answers here are not saved yet (Enter on the last page saves \
                           them). Leave without saving them? y leave · n stay"
                    .to_string(),
                then: Box::new(Effect::Back),
            };
        }
        if command == Command::Library {
            // The summary's "Read in the library (L)": the first page it names. The answers
            // wait here, on this screen, for Esc to come back to.
            return match self.concern_page(view) {
                Some(page) => Effect::Go(super::Screen::library(Some(&page))),
                None => Effect::None,
            };
        }
        let answer = match command {
            Command::Yes => Some(Answer::Yes),
            Command::No => Some(Answer::No),
            Command::Unsure => Some(Answer::Unsure),
            Command::Up => {
                self.question = self.question.saturating_sub(1);
                None
            }
            // The summary can be longer than a small window: the keys that move on scroll it.
            Command::Down | Command::PageDown if self.question >= count => {
                let by = if command == Command::Down { 1 } else { 5 };
                self.scroll.set(self.scroll.get().saturating_add(by));
                None
            }
            Command::PageUp if self.question >= count => {
                self.scroll.set(self.scroll.get().saturating_sub(5));
                None
            }
            Command::Down => {
                self.question = (self.question + 1).min(count);
                None
            }
            Command::Enter if self.question >= count => return self.submit(check, view),
            Command::Enter => {
                self.question = (self.question + 1).min(count);
                None
            }
            _ => None,
        };
        if let (Some(answer), Some(q)) = (answer, check.questions.get(self.question)) {
            self.answers.insert(q.id.clone(), answer);
            self.question += 1;
            if q.urgent && q.is_concern(answer) {
                // Someone in crisis sees where to get help before anything else.
                return Effect::All(vec![
                    Effect::Go(super::Screen::library(Some(&view.guide.help_page))),
                    Effect::Notice(
                        "Please reach out to someone now. Esc comes back to the questions."
                            .to_string(),
                    ),
                ]);
            }
        }
        Effect::None
    }

    /// The library page the summary names first, once every question is answered.
    fn concern_page(&self, view: &View) -> Option<String> {
        let check = view.guide.check(&self.id)?;
        if self.question < check.questions.len() {
            return None;
        }
        crate::engine::concerns_in(check, &self.answers)
            .into_iter()
            .find_map(|q| q.page.clone())
            .filter(|p| view.guide.page(p).is_some())
    }

    /// True when answers were given here that are not the ones last saved.
    fn unsaved_answers(&self, view: &View) -> bool {
        let saved = view.book.journey.checks.get(&self.id).map(|r| &r.answers);
        !self.answers.is_empty() && saved != Some(&self.answers)
    }

    fn submit(&self, check: &crate::content::Check, view: &View) -> Effect {
        if let Some(index) = check
            .questions
            .iter()
            .position(|q| !self.answers.contains_key(&q.id))
        {
            return Effect::Notice(format!("Question {} is not answered yet.", index + 1));
        }
        if !withdrawn(&view.book.journey, check, &self.answers).is_empty() {
            let target = EditTarget::Withdrawal {
                check: self.id.clone(),
                answers: self.answers.clone(),
            };
            return super::request_for(&target, view).map_or(Effect::None, Effect::Edit);
        }
        let save = Effect::Apply(Action::AnswerCheck {
            check: self.id.clone(),
            answers: self.answers.clone(),
            reflection: None,
        });
        let concern = !crate::engine::concerns_in(check, &self.answers).is_empty();
        let leave = match (self.first_run, concern) {
            // At the start, and only when nothing worrying was shared, the optional situation
            // profile follows; Esc skips it and lands home.
            (true, false) => Effect::All(vec![
                Effect::Home,
                Effect::Go(super::Screen::Profile(super::ProfileScreen::default())),
            ]),
            (true, true) => Effect::Home,
            (false, _) => Effect::Back,
        };
        Effect::All(vec![save, leave])
    }

    /// Draws the current question, or the summary once all are answered.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let Some(check) = view.guide.check(&self.id) else {
            return;
        };
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        doc.text(&view.prose(&check.intro), theme.muted, 0);
        doc.blank();
        let mut focus = None;
        for (index, q) in check.questions.iter().enumerate() {
            let answer = self.answers.get(&q.id);
            let mark = match answer {
                Some(Answer::Yes) => "yes",
                Some(Answer::No) => "no",
                Some(Answer::Unsure) => "not sure",
                None => "…",
            };
            doc.start_item();
            doc.text(
                &format!("{}. {}  [{mark}]", index + 1, view.fill(&q.question)),
                theme.text,
                0,
            );
            if index == self.question {
                if let Some(hint) = &q.hint {
                    doc.text(&view.fill(hint), theme.muted, 3);
                }
                doc.text("y yes · n no · u not sure", theme.key, 3);
                focus = Some(index);
            }
            doc.end_item(index == self.question, theme.selected);
            doc.blank();
        }
        let all_answered = check
            .questions
            .iter()
            .all(|q| self.answers.contains_key(&q.id));
        if self.question >= check.questions.len() {
            let concerns: Vec<_> = check
                .questions
                .iter()
                .filter(|q| self.answers.get(&q.id).is_some_and(|a| q.is_concern(*a)))
                .collect();
            let taken_back = withdrawn(&view.book.journey, check, &self.answers);
            doc.start_item();
            if !all_answered {
                doc.text(
                    "Some questions are not answered yet: ↑ to go back to them.",
                    theme.accent,
                    0,
                );
            } else if !taken_back.is_empty() {
                doc.text(
                    "You are taking back an answer that raised a concern. This is why it mattered:",
                    theme.accent,
                    0,
                );
                for q in check
                    .questions
                    .iter()
                    .filter(|q| taken_back.contains(&q.id))
                {
                    doc.bullet(&view.fill(&q.reason), theme.text, 0);
                }
                doc.text(
                    &format!(
                        "Your earlier answers stay on record. Before this is saved you will be asked \
                         to write what has changed, and contact steps stay closed for {} after.",
                        crate::content::words::count(check.cooling_days, "day", "days")
                    ),
                    theme.muted,
                    0,
                );
                if !concerns.is_empty() {
                    doc.blank();
                    doc.text(&view.prose(&check.concern_note), theme.accent, 0);
                    for q in &concerns {
                        doc.bullet(&view.fill(&q.reason), theme.text, 0);
                    }
                }
                doc.blank();
                doc.line(Line::styled("Enter to write it.", theme.accent));
            } else if concerns.is_empty() {
                doc.text(
                    "Thank you. Nothing here stands in the way. Enter to save and go on.",
                    theme.accent,
                    0,
                );
            } else {
                doc.text(&view.prose(&check.concern_note), theme.accent, 0);
                for q in concerns {
                    doc.bullet(&view.fill(&q.reason), theme.text, 0);
                    if let Some(page) = q.page.as_deref().and_then(|p| view.guide.page(p)) {
                        doc.text(
                            &format!("  Read in the library (L): {}", page.title),
                            theme.muted,
                            2,
                        );
                    }
                }
                doc.blank();
                doc.line(Line::styled("Enter to save your answers.", theme.accent));
            }
            doc.end_item(true, theme.text);
            focus = Some(check.questions.len());
        }
        doc.render(focus, &self.scroll, area, buf);
    }
}
