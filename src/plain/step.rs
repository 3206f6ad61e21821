//! One step: its text, its reflection questions one at a time, its checklists as numbered items
//! to tick, its pages and tools, and marking it done (or why it cannot be).

use std::io::{BufRead, Write};

use crate::content::{ChecklistEntries, Step, StepAction};
use crate::engine::{Action, Next, StepStatus, next_step, step_status};
use crate::tui::effect::EditTarget;
use crate::tui::screens::{FIRST_MESSAGE_TAG, action_label, reasons_text, request_for};

use super::reply;
use super::talk::{Go, Talk};
use super::words;

/// What can be chosen on a step.
#[derive(Debug, Clone, PartialEq)]
enum StepChoice {
    Prompts,
    Tick(String),
    Read(String),
    Done,
    Reopen,
    Page(String),
    Tool(StepAction),
    Text,
}

impl<R: BufRead, W: Write> Talk<R, W> {
    /// Step `id`: its text, then a menu of what can be done on it until the user goes back or
    /// marks it done.
    pub fn step(&mut self, id: &str) -> Go<()> {
        let Some(step) = self.session.guide.step(id).cloned() else {
            return Ok(());
        };
        let intro = words::step_intro(&self.view(), &step);
        self.say_all(&intro)?;
        loop {
            let (options, choices) = self.step_choices(&step);
            let heading = format!(
                "{}. What would you like to do?",
                words::step_with_status(&self.view(), &step)
            );
            self.say(String::new())?;
            let Some(index) = self.choose(
                &heading,
                &options,
                "Enter alone goes back to the main menu.",
            )?
            else {
                return Ok(());
            };
            match &choices[index] {
                StepChoice::Prompts => self.prompts(&step)?,
                StepChoice::Tick(list) => self.tick(list)?,
                StepChoice::Read(list) => {
                    let view = self.view();
                    let lines = view
                        .guide
                        .checklist(list)
                        .map(|l| words::checklist_lines(&view, l))
                        .unwrap_or_default();
                    self.say_all(&lines)?;
                }
                StepChoice::Done => {
                    if self.mark_done(&step)? {
                        return Ok(());
                    }
                }
                StepChoice::Reopen => {
                    let done = format!("Saved. \"{}\" is marked not done.", step.title);
                    self.save(Action::Reopen(step.id.clone()), &done)?;
                }
                StepChoice::Page(page) => self.page(page)?,
                StepChoice::Tool(action) => self.step_tool(&step, *action)?,
                StepChoice::Text => {
                    let intro = words::step_intro(&self.view(), &step);
                    self.say_all(&intro)?;
                }
            }
        }
    }

    /// The step's menu: its words and what each does.
    fn step_choices(&self, step: &Step) -> (Vec<String>, Vec<StepChoice>) {
        let view = self.view();
        let progress = view.book.journey.step(&step.id);
        let mut options = Vec::new();
        let mut choices = Vec::new();
        if !step.prompts.is_empty() {
            let answered = step
                .prompts
                .iter()
                .filter(|p| progress.answers.contains_key(&p.id))
                .count();
            options.push(format!(
                "Answer the reflection questions, one at a time ({answered} of {} answered)",
                step.prompts.len()
            ));
            choices.push(StepChoice::Prompts);
        }
        for list in step
            .checklists
            .iter()
            .filter_map(|id| view.guide.checklist(id))
        {
            let count = words::ticked_count(&view, list);
            match list.entries {
                ChecklistEntries::Items(_) => {
                    options.push(format!("Tick items of \"{}\" ({count})", list.title));
                    choices.push(StepChoice::Tick(list.id.clone()));
                }
                ChecklistEntries::Pairs(_) => {
                    options.push(format!("Read \"{}\" ({count})", list.title));
                    choices.push(StepChoice::Read(list.id.clone()));
                }
            }
        }
        if progress.done.is_some() {
            options.push("Mark this step not done (it is marked done)".to_string());
            choices.push(StepChoice::Reopen);
        } else {
            options.push("Mark this step done".to_string());
            choices.push(StepChoice::Done);
        }
        for page in step.pages.iter().filter_map(|p| view.guide.page(p)) {
            options.push(format!("Read: {}", page.title));
            choices.push(StepChoice::Page(page.id.clone()));
        }
        for action in step.actions.iter().copied() {
            let label = match action {
                StepAction::MoodCheck => "Check in your mood",
                other => action_label(other),
            };
            options.push(view.fill(label));
            choices.push(StepChoice::Tool(action));
        }
        options.push("Read this step's text again".to_string());
        choices.push(StepChoice::Text);
        (options, choices)
    }

    /// The step's reflection questions, one at a time, each saved as it is answered.
    fn prompts(&mut self, step: &Step) -> Go<()> {
        let view = self.view();
        if let StepStatus::Locked(reasons) =
            step_status(view.guide, &view.book.journey, step, view.now)
        {
            let why = view.fill(&reasons_text(&reasons));
            return self.say(format!("This step is not open yet. {why}"));
        }
        let count = step.prompts.len();
        for (index, prompt) in step.prompts.iter().enumerate() {
            let target = EditTarget::Prompt {
                step: step.id.clone(),
                prompt: prompt.id.clone(),
            };
            let key = target.key();
            let view = self.view();
            let saved = view
                .book
                .journey
                .step(&step.id)
                .answers
                .get(&prompt.id)
                .map(|a| a.text.clone());
            let draft = view.book.drafts.get(&key).map(|d| d.text.clone());
            let lines = words::prompt_question(
                &view,
                (index + 1, count),
                &prompt.question,
                prompt.hint.as_deref(),
                saved.as_deref(),
                draft.as_deref(),
            );
            self.say(String::new())?;
            let text = match (self.write_text(&lines, &key)?, draft) {
                (Some(text), _) | (None, Some(text)) => text,
                (None, None) if saved.is_some() => {
                    self.say("Kept as it was.")?;
                    continue;
                }
                (None, None) => {
                    self.say("Skipped for now.")?;
                    continue;
                }
            };
            let action = Action::AnswerPrompt {
                step: step.id.clone(),
                prompt: prompt.id.clone(),
                text: text.clone(),
            };
            self.save_words(action, "Saved.", &key, &text)?;
        }
        self.say("That was the last question of this step.")
    }

    /// A checklist as numbered items; typed numbers tick or untick them, each saved at once.
    pub fn tick(&mut self, list_id: &str) -> Go<()> {
        let Some(list) = self.session.guide.checklist(list_id).cloned() else {
            return Ok(());
        };
        let ChecklistEntries::Items(items) = &list.entries else {
            return Ok(());
        };
        let ask = "Type the numbers of the items to tick or untick, such as 1 3, and press \
                   Enter. Press Enter alone when you are done."
            .to_string();
        let mut question = words::checklist_lines(&self.view(), &list);
        question.push(ask.clone());
        loop {
            let picked = self.ask_until(&question, |line| reply::numbers(line, items.len()))?;
            if picked.is_empty() {
                return Ok(());
            }
            for index in picked {
                let item = &items[index];
                let action = Action::ToggleItem {
                    checklist: list.id.clone(),
                    item: item.id.clone(),
                };
                if let Err(why) = self.commit(action) {
                    self.say(why)?;
                    continue;
                }
                let now = if self.session.book.journey.is_ticked(&list.id, &item.id) {
                    "ticked"
                } else {
                    "not ticked"
                };
                let text = self.view().fill(&item.text);
                self.say(format!("Saved: item {} is {now}: {text}", index + 1))?;
            }
            let count = words::ticked_count(&self.view(), &list);
            question = vec![format!("{}: {count}.", list.title), ask.clone()];
        }
    }

    /// Marks the step done and says what is next; or says plainly why it cannot be. True when
    /// it was saved.
    fn mark_done(&mut self, step: &Step) -> Go<bool> {
        let done = format!("Saved. \"{}\" is marked done.", step.title);
        if !self.save(Action::MarkDone(step.id.clone()), &done)? {
            return Ok(false);
        }
        let view = self.view();
        let lines = match next_step(view.guide, &view.book.journey, view.now) {
            Next::Step(next) => vec![format!("Next: {}.", words::step_position(&view, next))],
            Next::Waiting(next, reasons) => {
                let mut lines = vec![format!(
                    "Next is {}, which is {}:",
                    words::step_position(&view, next),
                    words::status_words(&StepStatus::Locked(reasons.clone()))
                )];
                lines.extend(reasons.iter().map(|r| view.fill(&r.describe())));
                lines
            }
            Next::PathDone => vec!["Every step of this path is done.".to_string()],
        };
        self.say_all(&lines)?;
        Ok(true)
    }

    /// A tool a step offers.
    fn step_tool(&mut self, step: &Step, action: StepAction) -> Go<()> {
        match action {
            StepAction::StartNoContact | StepAction::LogBreak => self.no_contact(),
            StepAction::Journal => self.new_entry(Some(&step.id)),
            StepAction::MoodCheck => self.mood(),
            StepAction::UrgePause => self.urge(),
            StepAction::RetakeSafety => self.check(crate::engine::SAFETY_CHECK),
            StepAction::MoveOnCheck => self.check("move-on"),
            StepAction::SwitchToHeal => {
                let question = vec![
                    "Switch to the heal path? Your answers, ticks and journal all stay. Type yes \
                     or no."
                        .to_string(),
                ];
                if self.ask_until(&question, reply::yes_no)? == Some(true) {
                    self.save(Action::ChoosePath("heal".to_string()), "Saved.")?;
                } else {
                    self.say("Nothing was changed.")?;
                }
                Ok(())
            }
            StepAction::DraftMessage => self.first_message(step),
            StepAction::ReviewCommitment => self.review(),
            StepAction::LogContact => self.contact_log(),
            StepAction::RecordResponse => {
                let view = self.view();
                match crate::engine::contact_closed(view.guide, &view.book.journey, view.now)
                    .first()
                {
                    // With contact closed, nothing here prepares a message to {ex}.
                    Some(first) => {
                        let why = view.fill(&first.describe());
                        self.say(format!("Closed. {why}"))
                    }
                    None => self.response(),
                }
            }
        }
    }

    /// A first message drafted here, kept in the journal and never sent; not while contact is
    /// closed.
    fn first_message(&mut self, step: &Step) -> Go<()> {
        let view = self.view();
        let closed = crate::engine::contact_closed(view.guide, &view.book.journey, view.now);
        if let Some(first) = closed.first() {
            let why = view.fill(&first.describe());
            return self.say(format!("Closed. {why}"));
        }
        let target = EditTarget::FirstMessage {
            step: step.id.clone(),
        };
        let Some(request) = request_for(&target, &view) else {
            return Ok(());
        };
        let key = target.key();
        let draft = view.book.drafts.get(&key).map(|d| d.text.clone());
        let mut lines = vec![request.title];
        lines.extend(request.hint);
        if draft.is_some() {
            lines.extend(words::saved_text(None, draft.as_deref(), "message"));
        }
        lines.push(format!(
            "Write it. {} Enter alone on the first line {}.",
            words::HOW_TO_END,
            if draft.is_some() {
                "keeps the draft above"
            } else {
                "writes nothing"
            }
        ));
        let Some(text) = self.write_text(&lines, &key)?.or(draft) else {
            return self.say("Nothing written, so nothing was saved.");
        };
        let action = Action::AddEntry {
            text: text.clone(),
            step: Some(step.id.clone()),
            mood: None,
            tags: vec![FIRST_MESSAGE_TAG.to_string()],
        };
        let done = "Kept in your journal, tagged first-message. Nothing was sent.";
        self.save_words(action, done, &key, &text)?;
        Ok(())
    }
}
