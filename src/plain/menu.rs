//! The conversation from its first line: the welcome on a first run, then the main menu of
//! numbered choices, with where the user is said above it each time.

use std::io::{BufRead, Write};

use crate::engine::{Next, next_step};

use super::talk::{Go, Talk};
use super::words;

/// What the main menu offers.
#[derive(Debug, Clone, PartialEq)]
enum MenuChoice {
    Step(String),
    Steps,
    Write,
    Read,
    Mood,
    NoContact,
    Urge,
    Check(&'static str),
    Review,
    Response,
    Region,
    Library,
    Support,
    Leave,
}

/// Said first: what this is and the words every question understands.
const OPENING: &str = "rekindle in plain mode: questions and numbered choices, one line at a \
time. Type q at any question to leave; everything is saved as you go. Type ! at any question to \
see where to find support now.";

/// Said first in a window that only reads.
const OPENING_READ_ONLY: &str = "rekindle in plain mode, read-only: questions and numbered \
choices, one line at a time. You can read here, and nothing you change is saved. Type q at any \
question to leave. Type ! at any question to see where to find support now.";

impl<R: BufRead, W: Write> Talk<R, W> {
    /// The whole conversation: the welcome on a first run, then the main menu until the user
    /// leaves.
    pub fn conversation(&mut self) -> Go<()> {
        self.say(if self.read_only() {
            OPENING_READ_ONLY
        } else {
            OPENING
        })?;
        if !self.session.book.journey.welcomed {
            self.say(String::new())?;
            self.welcome()?;
        } else {
            self.say("Welcome back.")?;
        }
        self.main_menu()
    }

    /// The main menu, again after each choice, until the user leaves.
    fn main_menu(&mut self) -> Go<()> {
        loop {
            self.say(String::new())?;
            let lines = self.where_you_are();
            self.say_all(&lines)?;
            let (options, choices) = self.menu_choices();
            let index = self
                .choose("Main menu.", &options, "Enter alone chooses 1.")?
                .unwrap_or(0);
            self.say(String::new())?;
            match choices[index].clone() {
                MenuChoice::Step(id) => self.step(&id)?,
                MenuChoice::Steps => self.steps()?,
                MenuChoice::Write => self.new_entry(None)?,
                MenuChoice::Read => self.read_entries()?,
                MenuChoice::Mood => self.mood()?,
                MenuChoice::NoContact => self.no_contact()?,
                MenuChoice::Urge => self.urge()?,
                MenuChoice::Check(id) => self.check(id)?,
                MenuChoice::Review => self.review()?,
                MenuChoice::Response => self.response()?,
                MenuChoice::Region => self.region()?,
                MenuChoice::Library => self.library()?,
                MenuChoice::Support => self.support()?,
                MenuChoice::Leave => return Ok(()),
            }
        }
    }

    /// Where the user is: the path, the next step, the no-contact count, and anything waiting.
    fn where_you_are(&self) -> Vec<String> {
        let view = self.view();
        let journey = &view.book.journey;
        let mut lines = Vec::new();
        if let Some(path) = view.guide.path(&journey.path) {
            lines.push(format!("You are on the path \"{}\".", path.title));
        }
        lines.push(match next_step(view.guide, journey, view.now) {
            Next::Step(step) => format!("Where you are: {}.", words::step_with_status(&view, step)),
            Next::Waiting(step, reasons) => format!(
                "Next is {}, which is {}; its page says why.",
                words::step_position(&view, step),
                words::status_words(&crate::engine::StepStatus::Locked(reasons))
            ),
            Next::PathDone => "Every step of this path is done.".to_string(),
        });
        lines.push(words::no_contact_line(&view));
        if journey
            .no_contact
            .as_ref()
            .is_some_and(|n| n.review_due(view.now))
        {
            lines.push("You reached your no-contact target: the review is waiting.".to_string());
        }
        if journey.open_urge().is_some() {
            lines.push("An urge pause is running.".to_string());
        }
        lines
    }

    /// The main menu's words and what each does.
    fn menu_choices(&self) -> (Vec<String>, Vec<MenuChoice>) {
        let view = self.view();
        let journey = &view.book.journey;
        let mut menu: Vec<(String, MenuChoice)> = Vec::new();
        if journey
            .no_contact
            .as_ref()
            .is_some_and(|n| n.review_due(view.now))
        {
            menu.push((
                "You reached your no-contact target: look back and choose".to_string(),
                MenuChoice::Review,
            ));
        }
        match next_step(view.guide, journey, view.now) {
            Next::Step(step) => menu.push((
                format!("Continue with {}", words::step_position(&view, step)),
                MenuChoice::Step(step.id.clone()),
            )),
            Next::Waiting(step, _) => menu.push((
                format!(
                    "See why {} is not open yet",
                    words::step_position(&view, step)
                ),
                MenuChoice::Step(step.id.clone()),
            )),
            Next::PathDone => {}
        }
        menu.push(("Choose a step".to_string(), MenuChoice::Steps));
        menu.push(("Write in your journal".to_string(), MenuChoice::Write));
        menu.push((
            "Read your latest journal entries".to_string(),
            MenuChoice::Read,
        ));
        menu.push(("Check in your mood".to_string(), MenuChoice::Mood));
        let count = match &journey.no_contact {
            Some(record) => record.progress(view.now).headline(),
            None => "not started".to_string(),
        };
        menu.push((format!("No contact ({count})"), MenuChoice::NoContact));
        let urge = if journey.open_urge().is_some() {
            "Go back to your urge pause (it is still running)".to_string()
        } else {
            view.fill("Pause before messaging {ex} (the urge pause)")
        };
        menu.push((urge, MenuChoice::Urge));
        let safety = crate::engine::SAFETY_CHECK;
        if view.guide.check(safety).is_some() {
            let label = if journey.checks.contains_key(safety) {
                "Take the safety check again"
            } else {
                "Take the safety check (a few gentle questions)"
            };
            menu.push((label.to_string(), MenuChoice::Check(safety)));
        }
        if view.guide.check("move-on").is_some() {
            menu.push((
                "Is it time to move on? (the move-on check)".to_string(),
                MenuChoice::Check("move-on"),
            ));
        }
        let stopped = journey
            .responses
            .iter()
            .any(|r| r.response == crate::engine::Response::AskedToStop);
        if !stopped && crate::engine::last_message(journey, view.guide).is_some() {
            menu.push((
                view.fill("How did {ex} respond? Note it here"),
                MenuChoice::Response,
            ));
        }
        menu.push(("Read the library".to_string(), MenuChoice::Library));
        menu.push(("Where to find support now".to_string(), MenuChoice::Support));
        let region = journey
            .profile
            .get(crate::engine::REGION_KEY)
            .and_then(|id| view.guide.tools.regions.iter().find(|r| &r.id == id))
            .map_or("none chosen".to_string(), |r| r.name.clone());
        menu.push((
            format!("Your region, for help numbers ({region})"),
            MenuChoice::Region,
        ));
        let leave = if self.read_only() {
            "Leave"
        } else {
            "Leave (everything is saved)"
        };
        menu.push((leave.to_string(), MenuChoice::Leave));
        menu.into_iter().unzip()
    }

    /// Every step of the path with its status; one chosen is opened.
    fn steps(&mut self) -> Go<()> {
        let view = self.view();
        let steps: Vec<(String, String)> = view
            .guide
            .path(&view.book.journey.path)
            .map(|path| {
                view.guide
                    .steps_of(path)
                    .map(|s| (words::step_with_status(&view, s), s.id.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let (options, ids): (Vec<String>, Vec<String>) = steps.into_iter().unzip();
        match self.choose("The steps:", &options, "Enter alone goes back.")? {
            Some(index) => self.step(&ids[index]),
            None => Ok(()),
        }
    }
}
