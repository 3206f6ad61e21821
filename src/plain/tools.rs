//! The workbook's own tools in plain mode: a mood check-in, no contact (start it with a target
//! and what would have to be true, see the count, log a slip, change the target), the urge
//! pause, and the library.

use std::io::{BufRead, Write};

use crate::engine::{
    Action, BreakKind, DEFAULT_PAUSE_MINUTES, DEFAULT_TARGET_DAYS, MAX_BACKDATE_DAYS,
    MAX_TARGET_DAYS, MIN_TARGET_DAYS, UrgeOutcome,
};
use crate::tui::effect::EditTarget;
use crate::tui::screens::request_for;

use super::reply;
use super::talk::{Go, Stop, Talk};
use super::words;

/// How many "very low" check-ins in a row bring the gentle offer of the help page (as home).
const VERY_LOW_IN_A_ROW: usize = 3;

impl<R: BufRead, W: Write> Talk<R, W> {
    /// A mood check-in: 1 to 5 and an optional word. Leaving at the word still saves the mood.
    pub fn mood(&mut self) -> Go<()> {
        let view = self.view();
        let question = vec![
            view.fill(&view.guide.tools.mood.question),
            format!(
                "{}. Type 1 to 5 and press Enter, or press Enter alone to go back.",
                words::mood_choices(&view)
            ),
        ];
        let Some(mood) = self.ask_until(&question, |line| reply::number_in(line, 1, 5))? else {
            return Ok(());
        };
        let mood = u8::try_from(mood).unwrap_or(3);
        let (word, stop) = match self.ask(&[
            "A word for how you feel (optional): type it and press Enter, or press Enter alone \
             to skip."
                .to_string(),
        ]) {
            Ok(word) => (Some(word), None),
            Err(stop @ (Stop::Leave | Stop::EndOfInput)) => (None, Some(stop)),
            Err(stop) => return Err(stop),
        };
        let done = format!(
            "Noted: {}. Thank you for checking in.",
            self.session.guide.tools.mood.label(mood)
        );
        if self.save(Action::CheckMood { mood, word }, &done)? {
            let moods = &self.session.book.journey.moods;
            if moods.iter().rev().take_while(|m| m.mood == 1).count() >= VERY_LOW_IN_A_ROW {
                self.say(
                    "Several very low check-ins in a row. You don't have to carry this alone: \
                     type ! at any question to see who can help, today.",
                )?;
            }
        }
        stop.map_or(Ok(()), Err)
    }

    /// No contact: the count and its history, and what can be done with it.
    pub fn no_contact(&mut self) -> Go<()> {
        loop {
            let lines = words::no_contact_lines(&self.view());
            self.say_all(&lines)?;
            let running = self
                .session
                .book
                .journey
                .no_contact
                .as_ref()
                .filter(|n| n.ended.is_none())
                .map(|n| n.target_days);
            let Some(target) = running else {
                let question = vec![
                    "Start no contact now? Type yes or no; Enter alone goes back.".to_string(),
                ];
                if self.ask_until(&question, reply::yes_no)? == Some(true) {
                    self.start_no_contact()?;
                }
                return Ok(());
            };
            let options = vec![
                "Log a slip".to_string(),
                format!(
                    "Change the target (now {})",
                    words::counted(target as usize, "day")
                ),
            ];
            match self.choose(
                "What would you like to do?",
                &options,
                "Enter alone goes back.",
            )? {
                Some(0) => self.log_slip()?,
                Some(_) => self.change_target()?,
                None => return Ok(()),
            }
        }
    }

    /// Starts no contact: the target, when it began, and what would have to be true to
    /// reconnect.
    fn start_no_contact(&mut self) -> Go<()> {
        let question = vec![format!(
            "How many days do you aim for? A number from {MIN_TARGET_DAYS} to {MAX_TARGET_DAYS}; \
             Enter alone for {DEFAULT_TARGET_DAYS}."
        )];
        let target_days = self
            .ask_until(&question, |l| {
                reply::number_in(l, MIN_TARGET_DAYS, MAX_TARGET_DAYS)
            })?
            .unwrap_or(DEFAULT_TARGET_DAYS);
        let question = vec![format!(
            "When did you stop contact? Type how many days ago, from 0 (today) to \
             {MAX_BACKDATE_DAYS}; Enter alone for today."
        )];
        let days_ago = self
            .ask_until(&question, |l| reply::number_in(l, 0, MAX_BACKDATE_DAYS))?
            .unwrap_or(0);
        let target = EditTarget::Commitment {
            target_days,
            days_ago,
        };
        let view = self.view();
        let Some(request) = request_for(&target, &view) else {
            return Ok(());
        };
        let lines = words::note_question(request);
        let commitment = self.write_text(&lines, &target.key())?;
        let start = Action::StartNoContact {
            target_days,
            commitment: commitment.clone(),
        };
        if let Err(why) = self.commit(start) {
            self.say(why)?;
            if let Some(text) = commitment {
                self.keep_draft(&target.key(), &text)?;
            }
            return Ok(());
        }
        self.clear_draft(&target.key());
        if days_ago > 0
            && let Err(why) = self.commit(Action::BackdateNoContact { days_ago })
        {
            self.say(why)?;
        }
        let view = self.view();
        let headline = view
            .book
            .journey
            .no_contact
            .as_ref()
            .map(|n| n.progress(view.now).headline())
            .unwrap_or_default();
        self.say(format!("Saved. No contact has begun: {headline}."))
    }

    /// Logs a slip: what happened, how it felt, whether the count starts again, and what set it
    /// off. History is never erased.
    fn log_slip(&mut self) -> Go<()> {
        let kinds: Vec<String> = BreakKind::ALL
            .iter()
            .map(|(k, _)| words::slip_words(*k))
            .collect();
        let Some(kind) = self.choose("What happened?", &kinds, "Enter alone goes back.")? else {
            return Ok(());
        };
        let question = vec![format!(
            "How did it feel? {}. Type 1 to 5; Enter alone for 3.",
            words::mood_choices(&self.view())
        )];
        let felt = self
            .ask_until(&question, |l| reply::number_in(l, 1, 5))?
            .and_then(|f| u8::try_from(f).ok())
            .unwrap_or(3);
        let question = vec![
            "Start the count again from today? Type yes or no; Enter alone for no, which keeps \
             the count."
                .to_string(),
        ];
        let resets = self.ask_until(&question, reply::yes_no)?.unwrap_or(false);
        let what = BreakKind::ALL[kind].0;
        let target = EditTarget::BreakNote { what, resets, felt };
        let view = self.view();
        let Some(request) = request_for(&target, &view) else {
            return Ok(());
        };
        let lines = words::note_question(request);
        let trigger = self.write_text(&lines, &target.key())?.unwrap_or_default();
        let action = Action::LogBreak {
            what,
            trigger: trigger.clone(),
            felt: Some(felt),
            resets,
        };
        let done = "Logged. Your history is kept; be gentle with yourself.";
        self.save_words(action, done, &target.key(), &trigger)?;
        Ok(())
    }

    /// Changes the running target.
    fn change_target(&mut self) -> Go<()> {
        let question = vec![format!(
            "Your new target in days, from {MIN_TARGET_DAYS} to {MAX_TARGET_DAYS}; Enter alone \
             keeps it."
        )];
        let Some(days) = self.ask_until(&question, |l| {
            reply::number_in(l, MIN_TARGET_DAYS, MAX_TARGET_DAYS)
        })?
        else {
            return self.say("Nothing was changed.");
        };
        let done = format!(
            "Saved. Your target is now {}.",
            words::counted(days as usize, "day")
        );
        self.save(Action::SetTarget(days), &done)?;
        Ok(())
    }

    /// The urge pause: begun if none is open, its calm text, the message written instead of
    /// sent, and how it ended (or left running).
    pub fn urge(&mut self) -> Go<()> {
        if self.session.book.journey.open_urge().is_none() {
            let begun = format!("Saved. A pause of {DEFAULT_PAUSE_MINUTES} minutes has begun.");
            let start = Action::StartUrgePause {
                minutes: DEFAULT_PAUSE_MINUTES,
            };
            if !self.save(start, &begun)? {
                return Ok(());
            }
        }
        let view = self.view();
        let Some(pause) = view.book.journey.open_urge() else {
            return Ok(());
        };
        let mut lines = vec![view.guide.tools.urge_pause.title.clone()];
        lines.extend(words::urge_lines(&view, pause));
        let kept = Some(pause.draft.clone()).filter(|d| !d.is_empty());
        let target = EditTarget::UrgeDraft;
        let draft = view.book.drafts.get(&target.key()).map(|d| d.text.clone());
        let request = request_for(&target, &view);
        self.say_all(&lines)?;
        if let Some(request) = request {
            let mut lines = vec![
                String::new(),
                format!("{}: the message you would have sent.", request.title),
            ];
            lines.extend(words::saved_text(
                kept.as_deref(),
                draft.as_deref(),
                "message",
            ));
            lines.push(format!(
                "Write it. {} Enter alone on the first line {}.",
                words::HOW_TO_END,
                match (&draft, &kept) {
                    (Some(_), _) => "keeps the draft above",
                    (None, Some(_)) => "keeps the message above",
                    (None, None) => "skips it",
                }
            ));
            if let Some(text) = self.write_text(&lines, &target.key())?.or(draft) {
                let action = Action::UrgeDraft(text.clone());
                self.save_words(action, "Kept here. Nothing was sent.", &target.key(), &text)?;
            }
        }
        self.say(String::new())?;
        let Some(index) = self.choose(
            "When you are ready, how did it end?",
            &words::urge_endings(),
            "Enter alone leaves the pause running; the main menu comes back to it.",
        )?
        else {
            return Ok(());
        };
        let (outcome, _) = UrgeOutcome::ALL[index];
        let done = if outcome == UrgeOutcome::ContactedThem {
            "Logged."
        } else {
            "Logged. Nothing was sent."
        };
        if !self.save(Action::EndUrgePause(outcome), done)? {
            return Ok(());
        }
        let view = self.view();
        let closing = words::paragraphs(&view, &view.guide.tools.urge_pause.done);
        self.say_all(&closing)?;
        if outcome == UrgeOutcome::ContactedThem {
            self.offer_slip("after an urge pause".to_string(), None)?;
        }
        Ok(())
    }

    /// While no contact runs, asks whether a message the user sent should be logged as a slip
    /// too, and logs it (with `trigger` and `felt`) on yes.
    pub(super) fn offer_slip(&mut self, trigger: String, felt: Option<u8>) -> Go<()> {
        let running = self
            .session
            .book
            .journey
            .no_contact
            .as_ref()
            .is_some_and(|n| n.ended.is_none());
        if !running {
            return Ok(());
        }
        let question = vec![
            "No contact is running. Log this as a slip too? Your count and history are kept. \
             Type yes or no."
                .to_string(),
        ];
        if self.ask_until(&question, reply::yes_no)? == Some(true) {
            let slip = Action::LogBreak {
                what: BreakKind::Messaged,
                trigger,
                felt,
                resets: false,
            };
            self.save(slip, "Logged as a slip. Be gentle with yourself.")?;
        }
        Ok(())
    }

    /// The library: its pages by title, one read out in full.
    pub fn library(&mut self) -> Go<()> {
        let titles: Vec<String> = self
            .session
            .guide
            .pages
            .iter()
            .map(|p| format!("{}: {}", p.title, self.view().fill(&p.summary)))
            .collect();
        let Some(index) = self.choose("The library:", &titles, "Enter alone goes back.")? else {
            return Ok(());
        };
        let id = self.session.guide.pages[index].id.clone();
        self.page(&id)
    }

    /// A library page read out in full.
    pub fn page(&mut self, id: &str) -> Go<()> {
        let view = self.view();
        let Some(page) = view.guide.page(id) else {
            return Ok(());
        };
        let mut lines = words::page_lines(&view, page);
        lines.push(format!("End of \"{}\".", page.title));
        self.say_all(&lines)
    }
}
