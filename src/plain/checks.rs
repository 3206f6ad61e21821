//! The first run (the welcome: how to name the ex) and the gentle checks (safety, move-on), one
//! yes / no / unsure question at a time, with the same routing and support as the workbook.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use crate::content::{Answer, PronounSet};
use crate::engine::{Action, SAFETY_CHECK, concerns_in, withdrawn};
use crate::tui::effect::EditTarget;
use crate::tui::screens::request_for;

use super::reply;
use super::talk::{Go, Stop, Talk};
use super::words;

impl<R: BufRead, W: Write> Talk<R, W> {
    /// The first run: what this is, the ex's name and pronouns (both optional), then the safety
    /// check.
    pub fn welcome(&mut self) -> Go<()> {
        let view = self.view();
        let mut lines = vec![view.guide.title.clone(), String::new()];
        lines.extend(words::paragraphs(&view, &view.guide.welcome));
        lines.push(String::new());
        if let Some(note) = view.privacy.welcome_note() {
            lines.push(note.to_string());
            lines.push(String::new());
        }
        lines.push("The guide can use their name and pronouns. Both are optional.".to_string());
        self.say_all(&lines)?;
        let name = self.ask(&[
            "Their name: type it and press Enter, or press Enter alone and the guide will say \
             \"your ex\"."
                .to_string(),
        ])?;
        let name = Some(name.trim().to_string()).filter(|n| !n.is_empty());
        let sets = [PronounSet::They, PronounSet::She, PronounSet::He];
        let options: Vec<String> = sets.iter().map(PronounSet::describe).collect();
        let pick = self
            .choose(
                "Their pronouns:",
                &options,
                "Enter alone chooses they / them.",
            )?
            .unwrap_or(0);
        let pronouns = sets[pick].clone();
        let label = pronouns.describe();
        let said = format!(
            "Saved. The guide will say \"{}\", with {label}.",
            name.as_deref().unwrap_or("your ex")
        );
        self.save(
            Action::Welcome {
                ex_name: name,
                pronouns,
            },
            &said,
        )?;
        self.say("Next, a few gentle safety questions.")?;
        self.say(String::new())?;
        self.check(SAFETY_CHECK)
    }

    /// Check `id`, one question at a time from the answers last given, then what the answers
    /// mean, then saved. A "yes" that means someone may be in crisis shows the help page at
    /// once. Stopping before the end saves none of this check's answers, and says so.
    pub fn check(&mut self, id: &str) -> Go<()> {
        let Some(check) = self.session.guide.check(id).cloned() else {
            return Ok(());
        };
        let view = self.view();
        let mut lines = vec![check.title.clone()];
        lines.extend(words::paragraphs(&view, &check.intro));
        lines.push(format!(
            "There are {} questions. Answer each with yes, no or unsure (or y, n or u).",
            check.questions.len()
        ));
        let answers = view
            .book
            .journey
            .checks
            .get(id)
            .map(|r| r.answers.clone())
            .unwrap_or_default();
        self.say_all(&lines)?;
        let answers = match self.check_questions(&check, answers) {
            Ok(answers) => answers,
            Err(stop @ (Stop::Leave | Stop::EndOfInput)) => {
                self.say(format!(
                    "\"{}\" was not finished, so none of its answers were saved; it can be taken \
                     again from the main menu.",
                    check.title
                ))?;
                return Err(stop);
            }
            Err(stop) => return Err(stop),
        };
        let view = self.view();
        let taken_back = withdrawn(&view.book.journey, &check, &answers);
        let summary = words::check_summary(&view, &check, &answers, &taken_back);
        let concern = !concerns_in(&check, &answers).is_empty();
        self.say(String::new())?;
        self.say_all(&summary)?;
        let target = EditTarget::Withdrawal {
            check: id.to_string(),
            answers: answers.clone(),
        };
        let reflection = if taken_back.is_empty() {
            None
        } else {
            match self.reflection(&target)? {
                Some(text) => Some(text),
                None => {
                    return self.say("Nothing written, so your answers were not changed.");
                }
            }
        };
        let action = Action::AnswerCheck {
            check: id.to_string(),
            answers,
            reflection: reflection.clone(),
        };
        let done = "Your answers are saved.";
        match reflection {
            Some(text) => self.save_words(action, done, &target.key(), &text)?,
            None => self.save(action, done)?,
        };
        if concern {
            self.say("Type ! at any question to see where to find support now.")?;
        }
        Ok(())
    }

    /// Asks every question of `check`, starting from `answers`.
    fn check_questions(
        &mut self,
        check: &crate::content::Check,
        mut answers: BTreeMap<String, Answer>,
    ) -> Go<BTreeMap<String, Answer>> {
        let count = check.questions.len();
        for (index, question) in check.questions.iter().enumerate() {
            let last = answers.get(&question.id).copied();
            let lines = words::check_question(&self.view(), (index + 1, count), question, last);
            let answer = self.ask_until(&lines, |line| match reply::check_answer(line)? {
                Some(answer) => Ok(answer),
                None => last.ok_or_else(|| {
                    "This question has no answer yet. Type yes, no or unsure.".to_string()
                }),
            })?;
            answers.insert(question.id.clone(), answer);
            if question.urgent && question.is_concern(answer) {
                // Someone in crisis sees where to get help before anything else.
                self.say(
                    "Please reach out to someone now. Here is where to find help, emergency and \
                     crisis numbers first. (Your answers are saved once the last question is \
                     answered.)",
                )?;
                self.support()?;
                self.ask(&[
                    "When you are ready, press Enter to come back to the questions.".to_string(),
                ])?;
            }
        }
        Ok(answers)
    }

    /// The written reflection a withdrawn concern needs; `None` when nothing was written.
    fn reflection(&mut self, target: &EditTarget) -> Go<Option<String>> {
        let view = self.view();
        let Some(request) = request_for(target, &view) else {
            return Ok(None);
        };
        let draft = view.book.drafts.get(&target.key()).map(|d| d.text.clone());
        let mut lines = vec![request.title];
        lines.extend(request.hint);
        if draft.is_some() {
            lines.extend(words::saved_text(None, draft.as_deref(), "reflection"));
        }
        lines.push(format!(
            "Write it. {} Enter alone on the first line {}.",
            words::HOW_TO_END,
            if draft.is_some() {
                "saves the draft above"
            } else {
                "leaves your answers as they were"
            }
        ));
        let written = self.write_text(&lines, &target.key())?;
        Ok(written.or(draft))
    }
}
