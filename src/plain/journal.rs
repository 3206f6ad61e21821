//! The journal: writing an entry of several lines with an optional mood, and reading the latest
//! entries, newest first, a few at a time.

use std::io::{BufRead, Write};

use crate::engine::Action;
use crate::tui::effect::EditTarget;
use crate::tui::screens::request_for;

use super::reply;
use super::talk::{Go, Stop, Talk};
use super::words;

/// How many entries are read out at a time.
const ENTRIES_AT_A_TIME: usize = 5;

impl<R: BufRead, W: Write> Talk<R, W> {
    /// Writes a journal entry, tied to `step` if given: its text, then a mood from 1 to 5 or
    /// none. Leaving at the mood question still saves the entry, without a mood.
    pub fn new_entry(&mut self, step: Option<&str>) -> Go<()> {
        let target = EditTarget::NewEntry {
            step: step.map(str::to_string),
        };
        let key = target.key();
        let view = self.view();
        let Some(request) = request_for(&target, &view) else {
            return Ok(());
        };
        let draft = view.book.drafts.get(&key).map(|d| d.text.clone());
        let mut lines = vec![request.title];
        lines.extend(request.hint);
        if draft.is_some() {
            lines.extend(words::saved_text(None, draft.as_deref(), "entry"));
        }
        lines.push(format!(
            "Write your entry. {} Enter alone on the first line {}.",
            words::HOW_TO_END,
            if draft.is_some() {
                "saves the draft above"
            } else {
                "writes nothing"
            }
        ));
        let Some(text) = self.write_text(&lines, &key)?.or(draft) else {
            return self.say("Nothing written, so nothing was saved.");
        };
        let question = vec![format!(
            "Your mood with this entry: {}. Type 1 to 5, or press Enter alone for none.",
            words::mood_choices(&self.view())
        )];
        let (mood, stop) = match self.ask_until(&question, |line| reply::number_in(line, 1, 5)) {
            Ok(mood) => (mood, None),
            Err(stop @ (Stop::Leave | Stop::EndOfInput)) => (None, Some(stop)),
            Err(stop) => return Err(stop),
        };
        let action = Action::AddEntry {
            text: text.clone(),
            step: step.map(str::to_string),
            mood: mood.and_then(|m| u8::try_from(m).ok()),
            tags: Vec::new(),
        };
        let done = match (&stop, mood) {
            (Some(_), _) => "Saved to your journal, without a mood.",
            _ => "Saved to your journal.",
        };
        self.save_words(action, done, &key, &text)?;
        stop.map_or(Ok(()), Err)
    }

    /// Reads the latest entries out, newest first, a few at a time; older months are read from
    /// disk only when they are reached.
    pub fn read_entries(&mut self) -> Go<()> {
        let mut unread = self
            .session
            .store
            .journal_months()
            .map_err(|e| super::talk::Stop::Failed(e.into()))?;
        let mut shown = 0;
        loop {
            while self.session.book.journal.len() < shown + ENTRIES_AT_A_TIME + 1
                && let Some(key) = unread.pop()
            {
                self.session.ensure_month(key).map_err(Stop::Failed)?;
            }
            let view = self.view();
            let mut lines = Vec::new();
            let mut count = 0;
            for entry in view
                .book
                .journal
                .iter()
                .rev()
                .skip(shown)
                .take(ENTRIES_AT_A_TIME)
            {
                count += 1;
                lines.push(String::new());
                lines.extend(words::entry_lines(&view, entry, shown + count));
            }
            let total = view.book.journal.len();
            if count == 0 {
                return self.say(
                    "Your journal is empty. \"Write in your journal\" on the main menu begins it.",
                );
            }
            if shown == 0 {
                self.say("Your journal, newest first.")?;
            }
            shown += count;
            self.say_all(&lines)?;
            if shown >= total && unread.is_empty() {
                return self.say("That was every entry.");
            }
            let question = vec![format!(
                "Type more and press Enter for the next {ENTRIES_AT_A_TIME} entries, or press \
                 Enter alone to go back."
            )];
            let more = self.ask_until(&question, |line| match line.trim().to_lowercase().as_str() {
                "" => Ok(false),
                "more" | "m" => Ok(true),
                other => Err(format!(
                    "\"{other}\" is not an answer here. Type more, or press Enter alone to go back."
                )),
            })?;
            if !more {
                return Ok(());
            }
        }
    }
}
