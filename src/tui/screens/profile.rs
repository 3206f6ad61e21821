//! The situation profile: a few optional questions (children, living together, a shared circle,
//! who ended it, cheating, earlier break-ups, how long ago) that bring the pack's words for that
//! situation onto the steps. Every answer can be skipped and changed later.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::content::PROFILE_FIELDS;
use crate::engine::Action;
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::View;

/// The profile screen's state: the field in focus.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProfileScreen {
    /// The field in focus.
    pub focus: usize,
    scroll: Cell<u16>,
    shown: Cell<Shown>,
}

impl ProfileScreen {
    /// Turns a command into an effect: ← → (or Space) change the answer at once.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let last = PROFILE_FIELDS.len();
        if self
            .shown
            .get()
            .navigate(command, &mut self.focus, last, &self.scroll)
        {
            return Effect::None;
        }
        let forward = match command {
            Command::Right | Command::Toggle => true,
            Command::Left => false,
            Command::Enter if self.focus < last => {
                self.focus += 1;
                return Effect::None;
            }
            Command::Enter => return Effect::Back,
            _ => return Effect::None,
        };
        let Some(field) = PROFILE_FIELDS.get(self.focus) else {
            return next_region(view, forward);
        };
        // Choices cycle through "skipped" and then each answer.
        let current = view
            .book
            .journey
            .profile
            .get(field.key)
            .and_then(|a| field.options.iter().position(|o| o == a))
            .map_or(0, |i| i + 1);
        let count = field.options.len() + 1;
        let next = if forward {
            (current + 1) % count
        } else {
            (current + count - 1) % count
        };
        Effect::Apply(Action::SetProfile {
            field: field.key.to_string(),
            answer: next.checked_sub(1).map(|i| field.options[i].to_string()),
        })
    }

    /// Draws the questions with their answers.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        doc.text(
            "Optional, and only for you: answers here bring extra words for your situation onto \
             the steps. Skip anything; change it whenever you like.",
            theme.muted,
            0,
        );
        doc.blank();
        for (index, field) in PROFILE_FIELDS.iter().enumerate() {
            let answer = view
                .book
                .journey
                .profile
                .get(field.key)
                .map_or("skipped", String::as_str);
            doc.start_item();
            doc.text(&view.fill(field.question), theme.text, 0);
            doc.text(
                &format!("‹ {} ›", answer_words(field.key, answer)),
                theme.accent,
                4,
            );
            doc.end_item(index == self.focus, theme.selected);
        }
        let region = region_words(view);
        doc.start_item();
        doc.text(
            "Where are you, for help numbers on the help page?",
            theme.text,
            0,
        );
        doc.text(&format!("‹ {region} ›"), theme.accent, 4);
        doc.end_item(self.focus == PROFILE_FIELDS.len(), theme.selected);
        doc.blank();
        doc.text("← → change · Enter next · Esc done", theme.key, 0);
        self.shown
            .set(doc.render(Some(self.focus), &self.scroll, area, buf));
    }
}

/// An answer as the user reads it.
fn answer_words(field: &str, answer: &str) -> String {
    match (field, answer) {
        (_, "skipped") => "skipped".to_string(),
        ("ended" | "cheating", "me") => "I did".to_string(),
        ("ended" | "cheating", "them") => "they did".to_string(),
        ("ended" | "cheating", "both") => "we both did".to_string(),
        ("circle", "both") => "both".to_string(),
        (_, other) => other.to_string(),
    }
}

/// The region chosen for help numbers, in words.
pub(super) fn region_words(view: &View) -> String {
    view.book
        .journey
        .profile
        .get(crate::engine::REGION_KEY)
        .and_then(|id| view.guide.tools.regions.iter().find(|r| &r.id == id))
        .map_or(
            "none: the help page stays region-neutral".to_string(),
            |r| r.name.clone(),
        )
}

/// The region after (or before) the one chosen; "none" sits between the last and the first.
pub(super) fn next_region(view: &View, forward: bool) -> Effect {
    let regions = &view.guide.tools.regions;
    let current = view
        .book
        .journey
        .profile
        .get(crate::engine::REGION_KEY)
        .and_then(|id| regions.iter().position(|r| &r.id == id))
        .map_or(0, |i| i + 1);
    let count = regions.len() + 1;
    let next = if forward {
        (current + 1) % count
    } else {
        (current + count - 1) % count
    };
    Effect::Apply(Action::SetRegion(
        next.checked_sub(1).map(|i| regions[i].id.clone()),
    ))
}
