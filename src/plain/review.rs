//! The turns of the contact steps in plain mode: the no-contact review when the target is
//! reached, "How did {ex} respond?" after a message, and the region whose help numbers the help
//! page puts first.

use std::io::{BufRead, Write};

use crate::engine::{
    Action, Response, ResponseRoute, ReviewChoice, contact_closed, last_withdrawal, trend,
};

use super::reply;
use super::talk::{Go, Talk};
use super::words;

/// Days added when the user chooses to take more time (as the workbook's review).
const EXTEND_DAYS: u32 = 7;

/// What the review offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReviewOption {
    Choice(ReviewChoice),
    MoveOnCheck,
}

impl<R: BufRead, W: Write> Talk<R, W> {
    /// The no-contact review: what the user wrote when they began, beside their mood and slips,
    /// and a choice: reach out (only while nothing keeps contact closed), more time, or heal.
    pub fn review(&mut self) -> Go<()> {
        let view = self.view();
        let journey = &view.book.journey;
        let Some(record) = &journey.no_contact else {
            return self.say("No contact has not started yet.");
        };
        let text = &view.guide.tools.review;
        let mut lines = vec![
            text.title.clone(),
            format!(
                "Mood over 90 days: {}.",
                trend(&journey.moods, view.now).word()
            ),
        ];
        lines.extend(words::paragraphs(&view, &text.intro));
        lines.push("What you wrote when you began:".to_string());
        lines.push(match record.commitment.as_deref().map(str::trim) {
            Some(written) if !written.is_empty() => format!("“{written}”"),
            _ => "You did not write anything then.".to_string(),
        });
        let count = record.progress(view.now);
        lines.push(format!(
            "{} of no contact; {} logged; longest run {}.",
            words::counted(count.current_days as usize, "day"),
            words::counted(count.breaks, "slip"),
            words::counted(count.longest_days as usize, "day")
        ));
        let closed = contact_closed(view.guide, journey, view.now);
        if !closed.is_empty() {
            lines.push("Reaching out is not offered here, because:".to_string());
            lines.extend(closed.iter().map(|r| view.fill(&r.describe())));
        }
        if let Some(withdrawn) = last_withdrawal(journey) {
            lines.push(format!(
                "You took back a concern from a check on {}.",
                view.now.calendar.date_of(withdrawn.at).format("%-d %b %Y")
            ));
        }
        let mut options = Vec::new();
        let mut kinds = Vec::new();
        if closed.is_empty() {
            options.push(format!(
                "Go on to reaching out. {}",
                view.prose(&text.go_on)
            ));
            kinds.push(ReviewOption::Choice(ReviewChoice::GoOn));
        }
        options.push(format!(
            "Take more time ({EXTEND_DAYS} more days). {}",
            view.prose(&text.extend)
        ));
        kinds.push(ReviewOption::Choice(ReviewChoice::Extend(EXTEND_DAYS)));
        options.push(format!("Take the heal path. {}", view.prose(&text.heal)));
        kinds.push(ReviewOption::Choice(ReviewChoice::Heal));
        if view.guide.check("move-on").is_some() {
            options.push(format!(
                "Is it time to move on? (the move-on check) {}",
                view.fill("A few questions about how {ex} has responded so far.")
            ));
            kinds.push(ReviewOption::MoveOnCheck);
        }
        self.say_all(&lines)?;
        let heading = "What would you like to do now?";
        let Some(index) = self.choose(
            heading,
            &options,
            "Enter alone goes back; nothing is chosen.",
        )?
        else {
            return Ok(());
        };
        match kinds[index] {
            ReviewOption::Choice(choice) => {
                let done = match choice {
                    ReviewChoice::GoOn => {
                        "Saved. Reaching out is open when you are ready.".to_string()
                    }
                    ReviewChoice::Extend(days) => {
                        format!(
                            "Saved. Your target is {} longer.",
                            words::counted(days as usize, "day")
                        )
                    }
                    ReviewChoice::Heal => "Saved.".to_string(),
                };
                self.save(Action::Review(choice), &done)?;
                Ok(())
            }
            ReviewOption::MoveOnCheck => self.check("move-on"),
        }
    }

    /// "How did {ex} respond?": the answer noted, what follows from it, and where it leads.
    /// "Asked me to stop" is confirmed first: it is final.
    pub fn response(&mut self) -> Go<()> {
        let view = self.view();
        let text = &view.guide.tools.response;
        let mut lines = vec![view.fill(&text.title)];
        lines.extend(words::paragraphs(&view, &text.intro));
        if let Some(last) = view.book.journey.responses.last() {
            lines.push(format!(
                "Last noted on {}: {}.",
                view.now.calendar.date_of(last.at).format("%-d %b"),
                view.fill(&text.answers[last.response.index()].label)
            ));
        }
        let options: Vec<String> = Response::ALL
            .iter()
            .enumerate()
            .map(|(index, (response, _))| {
                let label = view.fill(&text.answers[index].label);
                match response {
                    Response::NoReply => format!("{label} ({} days)", text.wait_days),
                    _ => label,
                }
            })
            .collect();
        let stop_question = view.fill(
            "Note that {ex} asked you to stop? Every contact step closes for good; nothing \
             undoes it. Type yes or no.",
        );
        self.say_all(&lines)?;
        let Some(index) =
            self.choose("Choose what happened:", &options, "Enter alone goes back.")?
        else {
            return Ok(());
        };
        let (response, _) = Response::ALL[index];
        if response == Response::AskedToStop
            && self.ask_until(&[stop_question], reply::yes_no)? != Some(true)
        {
            return self.say("Nothing was noted.");
        }
        if !self.save(Action::RecordResponse(response), "Saved.")? {
            return Ok(());
        }
        let view = self.view();
        let answer = &view.guide.tools.response.answers[index];
        let mut lines = vec![view.fill(&answer.label)];
        lines.extend(words::paragraphs(&view, &answer.after));
        let next = next_contact_step(&view);
        self.say_all(&lines)?;
        let follow = match response.route() {
            ResponseRoute::GoOn if next.is_some() => "open the next step",
            ResponseRoute::MoveOnCheck => "take the move-on check",
            _ => return Ok(()),
        };
        let question = vec![format!(
            "Press Enter to {follow}, or type no to go back to the main menu."
        )];
        let go = self.ask_until(&question, |line| Ok(reply::yes_no(line)?.unwrap_or(true)))?;
        match (go, response.route(), next) {
            (true, ResponseRoute::GoOn, Some(step)) => self.step(&step),
            (true, ResponseRoute::MoveOnCheck, _) => self.check("move-on"),
            _ => Ok(()),
        }
    }

    /// Chooses the region whose official numbers the help page shows first, or none.
    pub fn region(&mut self) -> Go<()> {
        let view = self.view();
        let mut options: Vec<String> = view
            .guide
            .tools
            .regions
            .iter()
            .map(|r| r.name.clone())
            .collect();
        options.push("None: the help page stays region-neutral".to_string());
        let ids: Vec<Option<String>> = view
            .guide
            .tools
            .regions
            .iter()
            .map(|r| Some(r.id.clone()))
            .chain([None])
            .collect();
        let Some(index) = self.choose(
            "Where are you, for help numbers on the help page?",
            &options,
            "Enter alone goes back; nothing is changed.",
        )?
        else {
            return Ok(());
        };
        let done = format!("Saved. Help numbers: {}.", options[index]);
        self.save(Action::SetRegion(ids[index].clone()), &done)?;
        Ok(())
    }
}

/// The first step on the path that waits for a warm reply and is not done.
fn next_contact_step(view: &crate::tui::screens::View) -> Option<String> {
    let path = view.guide.path(&view.book.journey.path)?;
    view.guide
        .steps_of(path)
        .find(|s| s.gate.reply_warm && view.book.journey.step(&s.id).done.is_none())
        .map(|s| s.id.clone())
}
