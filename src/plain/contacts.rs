//! The contact log in plain mode: who reached out, whether they replied, how it felt and how it
//! went, with the gentle note when the user keeps reaching out without a reply.

use std::io::{BufRead, Write};

use crate::engine::{Action, ContactBy, Response, unanswered_in_a_row};
use crate::tui::effect::EditTarget;
use crate::tui::screens::{mistake_text, request_for};

use super::reply;
use super::talk::{Go, Talk};
use super::words;

/// What the contact log offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LogChoice {
    Log,
    Response,
    MoveOnCheck,
}

impl<R: BufRead, W: Write> Talk<R, W> {
    /// The contact log: what it is for, the note when it is due, the contacts logged so far,
    /// and what can be done from here.
    pub fn contact_log(&mut self) -> Go<()> {
        loop {
            let lines = contact_lines(&self.view());
            self.say_all(&lines)?;
            let view = self.view();
            let stopped = view
                .book
                .journey
                .responses
                .iter()
                .any(|r| r.response == Response::AskedToStop);
            let mut options = vec!["Log a contact".to_string()];
            let mut choices = vec![LogChoice::Log];
            if !stopped {
                options.push(view.fill("How did {ex} respond to your message? Note it"));
                choices.push(LogChoice::Response);
            }
            options.push("Is it time to move on? Take the move-on check".to_string());
            choices.push(LogChoice::MoveOnCheck);
            let Some(index) = self.choose(
                "What would you like to do?",
                &options,
                "Enter alone goes back.",
            )?
            else {
                return Ok(());
            };
            match choices[index] {
                LogChoice::Log => self.log_contact()?,
                LogChoice::Response => self.response()?,
                LogChoice::MoveOnCheck => self.check("move-on")?,
            }
        }
    }

    /// Logs one contact: who, whether they replied, how it felt, how it went; a message of the
    /// user's own while no contact runs may be logged as a slip too.
    fn log_contact(&mut self) -> Go<()> {
        let who = ["I did".to_string(), "They did".to_string()];
        let Some(index) = self.choose("Who reached out?", &who, "Enter alone goes back.")? else {
            return Ok(());
        };
        let by = if index == 0 {
            ContactBy::Me
        } else {
            ContactBy::Them
        };
        let replied = by == ContactBy::Me
            && self
                .ask_until(
                    &["Did they reply? Type yes or no; Enter alone for not yet.".to_string()],
                    reply::yes_no,
                )?
                .unwrap_or(false);
        let question = vec![format!(
            "How did it feel? {}. Type 1 to 5; Enter alone for 3.",
            words::mood_choices(&self.view())
        )];
        let felt = self
            .ask_until(&question, |l| reply::number_in(l, 1, 5))?
            .and_then(|f| u8::try_from(f).ok())
            .unwrap_or(3);
        let target = EditTarget::ContactNote { by, replied, felt };
        let view = self.view();
        let Some(request) = request_for(&target, &view) else {
            return Ok(());
        };
        let lines = words::note_question(request);
        let wait_days = view.guide.tools.response.wait_days;
        let next = match (by, replied) {
            (ContactBy::Them, _) => "Logged.".to_string(),
            (ContactBy::Me, true) => {
                "Logged. Note how {ex} responded with \"How did {ex} respond?\" in this log."
                    .to_string()
            }
            (ContactBy::Me, false) => format!(
                "Logged. When {{ex}} answers, or after {} days of silence, note it with \"How did \
                 {{ex}} respond?\" in this log.",
                wait_days
            ),
        };
        let next = view.fill(&next);
        let went = self.write_text(&lines, &target.key())?.unwrap_or_default();
        let action = Action::LogContact {
            by,
            replied,
            went: went.clone(),
            felt: Some(felt),
        };
        if !self.save_words(action, &next, &target.key(), &went)? {
            return Ok(());
        }
        if by == ContactBy::Me {
            self.offer_slip(went, Some(felt))?;
        }
        Ok(())
    }
}

/// The log as its screen shows it: what it is for, the gentle note when due, and every contact,
/// newest first.
fn contact_lines(view: &crate::tui::screens::View) -> Vec<String> {
    let text = &view.guide.tools.contact_log;
    let contacts = &view.book.journey.contacts;
    let mut lines = vec!["Contact log".to_string()];
    lines.extend(words::paragraphs(view, &text.intro));
    if unanswered_in_a_row(contacts) >= text.over_contact_after as usize {
        lines.push(String::new());
        lines.extend(words::paragraphs(view, &text.over_contact));
        if let Some(mistake) = mistake_text(view) {
            lines.push(format!("From the common mistakes: “{mistake}”"));
        }
    }
    lines.push(String::new());
    if contacts.is_empty() {
        lines.push("Logged so far: nothing yet.".to_string());
    } else {
        lines.push(format!(
            "Logged so far, newest first: {}.",
            words::counted(contacts.len(), "contact")
        ));
    }
    for contact in contacts.iter().rev() {
        let who = match (contact.by, contact.replied) {
            (ContactBy::Them, _) => "they reached out",
            (ContactBy::Me, true) => "I reached out, they replied",
            (ContactBy::Me, false) => "I reached out, no reply",
        };
        let felt = contact
            .felt
            .map(|f| format!(", it felt {}", view.guide.tools.mood.label(f)))
            .unwrap_or_default();
        let went = contact.went.lines().next().unwrap_or("");
        lines.push(format!(
            "{}: {who}{felt}. {went}",
            view.now
                .calendar
                .local(contact.at)
                .format("%-d %b at %H:%M")
        ));
    }
    lines
}
