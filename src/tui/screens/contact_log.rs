//! The contact log of the contact steps: who reached out, whether they replied, how it felt and
//! how it went, with a gentle note when the user keeps reaching out without a reply.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::ChecklistEntries;
use crate::engine::{Action, ContactBy, unanswered_in_a_row};
use crate::tui::doc::Doc;
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;

use super::{View, request_for};

/// The focus index of the newest logged contact; the form and two links come before it.
const FIRST_ENTRY: usize = 6;

/// The contact log's state: the contact being described, and the logged one being corrected.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactLogScreen {
    focus: usize,
    by_me: bool,
    replied: bool,
    felt: u8,
    /// The contact the form corrects (its place in the log, 0 for the oldest), or none for a
    /// new one.
    editing: Option<usize>,
    scroll: Cell<u16>,
}

impl Default for ContactLogScreen {
    fn default() -> Self {
        Self {
            focus: 0,
            by_me: true,
            replied: false,
            felt: 3,
            editing: None,
            scroll: Cell::default(),
        }
    }
}

impl ContactLogScreen {
    /// True while a contact is being corrected: Esc stops that first.
    pub fn has_inner_level(&self) -> bool {
        self.editing.is_some()
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        match command {
            Command::Up => self.focus = self.focus.saturating_sub(1),
            Command::Down | Command::NextField => {
                self.focus =
                    (self.focus + 1).min(FIRST_ENTRY - 1 + view.book.journey.contacts.len())
            }
            Command::PageDown => {
                self.focus =
                    (self.focus + 5).min(FIRST_ENTRY - 1 + view.book.journey.contacts.len())
            }
            Command::PageUp => self.focus = self.focus.saturating_sub(5),
            Command::Left | Command::Right | Command::Toggle => match self.focus {
                0 => self.by_me = !self.by_me,
                1 => self.replied = !self.replied,
                2 if command == Command::Left => self.felt = (self.felt - 1).max(1),
                2 => self.felt = (self.felt + 1).min(5),
                _ => {}
            },
            Command::Enter if self.focus == 3 => {
                let by = if self.by_me {
                    ContactBy::Me
                } else {
                    ContactBy::Them
                };
                let target = match self.editing.take() {
                    Some(index) => {
                        let target = EditTarget::ContactEdit {
                            index,
                            by,
                            replied: self.replied,
                            felt: self.felt,
                        };
                        // The form is for new contacts again once the correction is written.
                        *self = Self {
                            focus: self.focus,
                            ..Self::default()
                        };
                        target
                    }
                    None => EditTarget::ContactNote {
                        by,
                        replied: self.replied,
                        felt: self.felt,
                    },
                };
                return request_for(&target, view).map_or(Effect::None, Effect::Edit);
            }
            Command::Back if self.editing.is_some() => {
                *self = Self::default();
                return Effect::Notice("Nothing was changed.".to_string());
            }
            Command::Edit => match self.selected_contact(view) {
                Some(index) => {
                    let contact = &view.book.journey.contacts[index];
                    self.by_me = contact.by == ContactBy::Me;
                    self.replied = contact.replied;
                    self.felt = contact.felt.unwrap_or(3).clamp(1, 5);
                    self.editing = Some(index);
                    self.focus = 0;
                }
                None => {
                    return Effect::Notice(
                        "Choose a logged contact first (↓ to the list).".to_string(),
                    );
                }
            },
            Command::Delete => match self.selected_contact(view) {
                Some(index) => return remove_contact(index, view),
                None => {
                    return Effect::Notice(
                        "Choose a logged contact first (↓ to the list).".to_string(),
                    );
                }
            },
            Command::Enter if self.focus < 3 => self.focus += 1,
            Command::Enter if self.focus == 4 => {
                let stopped = view
                    .book
                    .journey
                    .responses
                    .iter()
                    .any(|r| r.response == crate::engine::Response::AskedToStop);
                if stopped {
                    let why = crate::engine::LockReason::AskedToStop.describe();
                    return Effect::Notice(view.fill(&why));
                }
                return Effect::Go(super::Screen::response(view));
            }
            Command::Enter if self.focus == 5 => {
                return Effect::Go(super::Screen::check("move-on", view));
            }
            _ => {}
        }
        Effect::None
    }

    /// The place in the log (0 for the oldest) of the contact selected in the list, if any.
    fn selected_contact(&self, view: &View) -> Option<usize> {
        let newest_first = self.focus.checked_sub(FIRST_ENTRY)?;
        view.book
            .journey
            .contacts
            .len()
            .checked_sub(newest_first + 1)
    }

    /// Draws the form, the gentle note when due, and the log.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let words = &view.guide.tools.contact_log;
        let contacts = &view.book.journey.contacts;
        let mut doc = Doc::new(area.width);
        doc.text(&view.prose(&words.intro), theme.muted, 0);
        let unanswered = unanswered_in_a_row(contacts);
        if unanswered >= words.over_contact_after as usize {
            doc.blank();
            doc.text(&view.prose(&words.over_contact), theme.accent, 0);
            if let Some(mistake) = mistake_text(view) {
                doc.text(
                    &format!("From the common mistakes: “{mistake}”"),
                    theme.muted,
                    2,
                );
            }
        }
        doc.blank();
        let editing = self.editing.and_then(|i| contacts.get(i));
        if let Some(contact) = editing {
            let when = view.now.calendar.local(contact.at).format("%-d %b %H:%M");
            doc.text(
                &format!("Correcting the contact of {when} (Esc to stop)"),
                theme.title,
                0,
            );
        }
        let rows = [
            format!(
                "Who reached out: ‹ {} ›",
                if self.by_me { "I did" } else { "they did" }
            ),
            format!(
                "Did they reply: ‹ {} ›",
                if !self.by_me {
                    "not asked"
                } else if self.replied {
                    "yes"
                } else {
                    "not yet"
                }
            ),
            format!(
                "How it felt: ‹ {} ›",
                view.guide.tools.mood.label(self.felt)
            ),
            if editing.is_some() {
                "Correct how it went, and save (Enter)".to_string()
            } else {
                "Write how it went, and save (Enter)".to_string()
            },
            view.fill("How did {ex} respond to your message? Note it (Enter)"),
            "Is it time to move on? Take the move-on check (Enter)".to_string(),
        ];
        for (index, row) in rows.iter().enumerate() {
            doc.start_item();
            doc.text(row, if index >= 3 { theme.accent } else { theme.text }, 2);
            doc.end_item(index == self.focus, theme.selected);
        }
        doc.blank();
        doc.line(Line::styled("Logged so far", theme.title));
        if contacts.is_empty() {
            doc.text("Nothing yet.", theme.muted, 2);
        } else {
            doc.text(
                "↓ to choose one · e correct it · x remove it",
                theme.muted,
                2,
            );
        }
        for (index, contact) in contacts.iter().rev().enumerate() {
            doc.start_item();
            let when = view.now.calendar.local(contact.at).format("%-d %b %H:%M");
            let who = match (contact.by, contact.replied) {
                (ContactBy::Them, _) => "they reached out",
                (ContactBy::Me, true) => "I reached out, they replied",
                (ContactBy::Me, false) => "I reached out, no reply",
            };
            let felt = contact
                .felt
                .map(|f| view.guide.tools.mood.label(f).to_string())
                .unwrap_or_default();
            let corrected = contact
                .corrected
                .map(|at| {
                    format!(
                        " · corrected on {}",
                        view.now.calendar.date_of(at).format("%-d %b")
                    )
                })
                .unwrap_or_default();
            doc.text(
                &format!("{when} · {who} · {felt}{corrected}"),
                theme.text,
                0,
            );
            if !contact.went.is_empty() {
                doc.text(&contact.went, theme.muted, 2);
            }
            doc.end_item(index + FIRST_ENTRY == self.focus, theme.selected);
        }
        doc.render(Some(self.focus), &self.scroll, area, buf);
    }
}

/// Asks before removing a contact from the log.
fn remove_contact(index: usize, view: &View) -> Effect {
    let when = view
        .book
        .journey
        .contacts
        .get(index)
        .map(|c| {
            view.now
                .calendar
                .local(c.at)
                .format("%-d %b %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    Effect::Confirm {
        question: format!(
            "Remove the contact of {when} from the log? u undoes it while the workbook is open."
        ),
        then: Box::new(Effect::All(vec![
            Effect::Apply(Action::DeleteContact { index }),
            Effect::Notice("Removed from the log.".to_string()),
        ])),
    }
}

/// The words of the guide's "constantly contacting" mistake, quoted beside the note.
/// The common mistake the over-contact note quotes, with its hint.
pub fn mistake_text(view: &View) -> Option<String> {
    let words = &view.guide.tools.contact_log;
    let list = view.guide.checklist(&words.mistake_checklist)?;
    match &list.entries {
        ChecklistEntries::Items(items) => {
            items
                .iter()
                .find(|i| i.id == words.mistake_item)
                .map(|i| match &i.hint {
                    Some(hint) => format!("{}. {}", view.fill(&i.text), view.fill(hint)),
                    None => view.fill(&i.text),
                })
        }
        ChecklistEntries::Pairs(_) => None,
    }
}
