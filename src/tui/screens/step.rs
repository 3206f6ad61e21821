//! One step: its text, the prompts with saved answers, its checklists to tick, its actions, and
//! "mark done".

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::content::{ChecklistEntries, StepAction};
use crate::engine::{Action, StepStatus, step_status};
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;

use super::{Screen, View, request_for};

/// The step screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct StepScreen {
    /// The step id.
    pub id: String,
    /// The focused item (prompt, checklist item, link or action).
    pub focus: usize,
    /// The scroll offset, kept between frames.
    pub scroll: Cell<u16>,
    shown: Cell<Shown>,
}

/// Something on the step that Enter or Space acts on.
#[derive(Debug, Clone, PartialEq)]
enum Focus {
    Text,
    Prompt(String),
    Situation(usize),
    Item { checklist: String, item: String },
    Page(String),
    Action(StepAction),
    Done,
}

impl StepScreen {
    /// The screen for step `id`.
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_string(),
            focus: 0,
            scroll: Cell::new(0),
            shown: Cell::default(),
        }
    }

    /// The step's own title.
    pub fn step_title(&self, view: &View) -> String {
        view.guide
            .step(&self.id)
            .map_or(self.id.clone(), |s| s.title.clone())
    }

    /// The header title: "Step 2 of 8: Give it space" on the user's path, else the title.
    pub fn title(&self, view: &View) -> String {
        let title = self.step_title(view);
        let Some(path) = view.guide.path(&view.book.journey.path) else {
            return title;
        };
        match path.steps.iter().position(|s| *s == self.id) {
            Some(at) => format!("Step {} of {}: {title}", at + 1, path.steps.len()),
            None => title,
        }
    }

    fn focusables(&self, view: &View) -> Vec<Focus> {
        let Some(step) = view.guide.step(&self.id) else {
            return Vec::new();
        };
        let mut items = vec![Focus::Text];
        items.extend(step.prompts.iter().map(|p| Focus::Prompt(p.id.clone())));
        items.extend(situation_prompts(view, step).map(|(i, _)| Focus::Situation(i)));
        for list in step
            .checklists
            .iter()
            .filter_map(|id| view.guide.checklist(id))
        {
            if let ChecklistEntries::Items(entries) = &list.entries {
                items.extend(entries.iter().map(|i| Focus::Item {
                    checklist: list.id.clone(),
                    item: i.id.clone(),
                }));
            }
        }
        items.extend(step.pages.iter().map(|p| Focus::Page(p.clone())));
        items.extend(shown_actions(view, step).into_iter().map(Focus::Action));
        items.push(Focus::Done);
        items
    }

    /// True when `command` does something now: Space ticks only a box in focus.
    pub fn offers(&self, command: Command, view: &View) -> bool {
        match command {
            Command::Toggle => matches!(
                self.focusables(view).get(self.focus),
                Some(Focus::Item { .. })
            ),
            _ => true,
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let items = self.focusables(view);
        let last = items.len().saturating_sub(1);
        match command {
            Command::Up | Command::Down => {
                self.shown
                    .get()
                    .navigate(command, &mut self.focus, last, &self.scroll);
            }
            Command::PageUp => self.focus = self.focus.saturating_sub(5),
            Command::PageDown => self.focus = (self.focus + 5).min(last),
            Command::Top => {
                self.focus = 0;
                self.scroll.set(0);
            }
            Command::Bottom => self.focus = last,
            Command::NextField => self.focus = next_group(&items, self.focus),
            Command::Enter if self.focus == 0 => {
                // From the text, Enter goes on to the first prompt not yet answered.
                let answers = &view.book.journey.step(&self.id).answers;
                self.focus = items
                    .iter()
                    .position(|f| matches!(f, Focus::Prompt(p) if !answers.contains_key(p)))
                    .or_else(|| items.iter().position(|f| matches!(f, Focus::Prompt(_))))
                    .unwrap_or(0);
                return match items.get(self.focus).filter(|_| self.focus > 0) {
                    Some(focus) => self.act(focus, command, view),
                    None => Effect::None,
                };
            }
            Command::Enter | Command::Toggle => {
                return match items.get(self.focus) {
                    Some(focus) => self.act(focus, command, view),
                    None => Effect::None,
                };
            }
            Command::MarkDone => return self.toggle_done(view),
            Command::New => {
                let target = EditTarget::NewEntry {
                    step: Some(self.id.clone()),
                };
                return request_for(&target, view).map_or(Effect::None, Effect::Edit);
            }
            _ => {}
        }
        Effect::None
    }

    fn act(&self, focus: &Focus, command: Command, view: &View) -> Effect {
        match (focus, command) {
            (Focus::Item { checklist, item }, _) => Effect::Apply(Action::ToggleItem {
                checklist: checklist.clone(),
                item: item.clone(),
            }),
            (_, Command::Toggle) | (Focus::Text, _) => Effect::None,
            (Focus::Prompt(prompt), _) => {
                if let Some(reason) = self.locked_reason(view) {
                    return Effect::Notice(reason);
                }
                let target = EditTarget::Prompt {
                    step: self.id.clone(),
                    prompt: prompt.clone(),
                };
                request_for(&target, view).map_or(Effect::None, Effect::Edit)
            }
            (Focus::Situation(index), _) => {
                let target = EditTarget::Situation {
                    step: self.id.clone(),
                    index: *index,
                };
                request_for(&target, view).map_or(Effect::None, Effect::Edit)
            }
            (Focus::Page(page), _) => Effect::Go(Screen::library(Some(page))),
            (Focus::Action(action), _) => self.action(*action, view),
            (Focus::Done, _) => self.toggle_done(view),
        }
    }

    fn action(&self, action: StepAction, view: &View) -> Effect {
        if matches!(
            action,
            StepAction::DraftMessage | StepAction::RecordResponse
        ) && let Some(first) =
            crate::engine::contact_closed(view.guide, &view.book.journey, view.now).first()
        {
            // With contact closed, nothing here prepares a message to {ex}.
            return Effect::Notice(format!("Closed. {}", view.fill(&first.describe())));
        }
        match action {
            StepAction::StartNoContact | StepAction::LogBreak => Effect::Go(Screen::no_contact()),
            StepAction::Journal => {
                let target = EditTarget::NewEntry {
                    step: Some(self.id.clone()),
                };
                request_for(&target, view).map_or(Effect::None, Effect::Edit)
            }
            StepAction::RetakeSafety => {
                Effect::Go(Screen::check(crate::engine::SAFETY_CHECK, view))
            }
            StepAction::UrgePause => Screen::urge(view),
            StepAction::DraftMessage => {
                let target = EditTarget::FirstMessage {
                    step: self.id.clone(),
                };
                request_for(&target, view).map_or(Effect::None, Effect::Edit)
            }
            StepAction::ReviewCommitment => {
                Effect::Go(Screen::Review(super::ReviewScreen::default()))
            }
            StepAction::LogContact => {
                Effect::Go(Screen::ContactLog(super::ContactLogScreen::default()))
            }
            StepAction::RecordResponse => Effect::Go(Screen::response(view)),
            StepAction::MoveOnCheck => Effect::Go(Screen::check("move-on", view)),
            StepAction::SwitchToHeal => Effect::Confirm {
                question: "Switch to the heal path? Your answers, ticks and journal all stay."
                    .to_string(),
                then: Box::new(Effect::Apply(Action::ChoosePath("heal".to_string()))),
            },
            _ => Effect::None,
        }
    }

    /// Marks the step done or not done, and says so where the user is, with the way back.
    fn toggle_done(&self, view: &View) -> Effect {
        let title = self.step_title(view);
        let (action, words) = if view.book.journey.step(&self.id).done.is_some() {
            (
                Action::Reopen(self.id.clone()),
                format!("\"{title}\" is open again (not done). u undoes this."),
            )
        } else {
            (
                Action::MarkDone(self.id.clone()),
                format!("\"{title}\" is marked done. u undoes this; c goes on."),
            )
        };
        Effect::All(vec![Effect::Apply(action), Effect::Notice(words)])
    }

    fn locked_reason(&self, view: &View) -> Option<String> {
        let step = view.guide.step(&self.id)?;
        match step_status(view.guide, &view.book.journey, step, view.now) {
            StepStatus::Locked(reasons) => Some(format!(
                "This step is not open yet. {}",
                view.fill(&super::reasons_text(&reasons))
            )),
            _ => None,
        }
    }

    /// Draws the step as a scrolling document.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let Some(step) = view.guide.step(&self.id) else {
            return;
        };
        let theme = view.theme;
        let items = self.focusables(view);
        let focus = self.focus.min(items.len().saturating_sub(1));
        let mut doc = Doc::new(area.width);
        let status = step_status(view.guide, &view.book.journey, step, view.now);
        doc.start_item();
        doc.text(&view.fill(&step.summary), theme.accent, 0);
        if let StepStatus::Locked(reasons) = &status {
            let heading = if reasons.iter().any(|r| r.is_protective()) {
                "Closed:"
            } else {
                "Not open yet:"
            };
            doc.text(heading, theme.locked, 0);
            for reason in reasons {
                doc.bullet(&view.fill(&reason.describe()), theme.locked, 0);
            }
        }
        doc.blank();
        doc.text(&view.prose(&step.body), theme.text, 0);
        for situation in crate::engine::situations(&view.book.journey, step) {
            doc.blank();
            doc.line(Line::styled(view.fill(&situation.heading), theme.title));
            doc.text(&view.prose(&situation.body), theme.text, 0);
        }
        doc.end_item(false, theme.selected);
        let mut index = 1;
        let section = |doc: &mut Doc, title: &str| {
            doc.blank();
            doc.line(Line::styled(title.to_string(), theme.title));
        };
        section(&mut doc, "Reflect");
        for prompt in &step.prompts {
            doc.start_item();
            doc.text(&format!("› {}", view.fill(&prompt.question)), theme.text, 0);
            match view.book.journey.step(&self.id).answers.get(&prompt.id) {
                Some(answer) => doc.text(&answer.text, theme.accent, 4),
                None => doc.text("(not answered yet: Enter to write)", theme.muted, 4),
            }
            doc.end_item(index == focus, theme.selected);
            index += 1;
        }
        for (_, prompt) in situation_prompts(view, step) {
            doc.start_item();
            doc.text(&format!("› {}", view.fill(prompt)), theme.text, 0);
            doc.text(
                "(for your situation: Enter writes it in your journal)",
                theme.muted,
                4,
            );
            doc.end_item(index == focus, theme.selected);
            index += 1;
        }
        for list in step
            .checklists
            .iter()
            .filter_map(|id| view.guide.checklist(id))
        {
            section(&mut doc, &list.title);
            doc.text(&view.prose(&list.intro), theme.muted, 0);
            if let Some(caution) = &list.caution {
                doc.text(
                    &format!("Remember: {}", view.prose(caution)),
                    theme.accent,
                    0,
                );
            }
            match &list.entries {
                ChecklistEntries::Items(entries) => {
                    for item in entries {
                        let ticked = view.book.journey.is_ticked(&list.id, &item.id);
                        doc.start_item();
                        let mark = if ticked { "[x]" } else { "[ ]" };
                        let style = if ticked { theme.done } else { theme.text };
                        doc.text(&format!("{mark} {}", view.fill(&item.text)), style, 0);
                        doc.end_item(index == focus, theme.selected);
                        index += 1;
                    }
                }
                ChecklistEntries::Pairs(pairs) => {
                    for pair in pairs {
                        doc.text(
                            &format!(
                                "+ {}   − {}",
                                view.fill(&pair.helps),
                                view.fill(&pair.hurts)
                            ),
                            theme.text,
                            0,
                        );
                    }
                }
            }
        }
        if !step.pages.is_empty() || !step.actions.is_empty() {
            section(&mut doc, "Go further");
        }
        for page in step.pages.iter().filter_map(|p| view.guide.page(p)) {
            doc.start_item();
            doc.line(Line::from(vec![
                Span::raw("→ Read: "),
                Span::raw(page.title.clone()),
            ]));
            doc.end_item(index == focus, theme.selected);
            index += 1;
        }
        for action in shown_actions(view, step) {
            doc.start_item();
            doc.line(Line::raw(format!("→ {}", view.fill(action_label(action)))));
            doc.end_item(index == focus, theme.selected);
            index += 1;
        }
        doc.blank();
        doc.start_item();
        let done_label = if matches!(status, StepStatus::Done) {
            "✓ Done (Enter to mark not done)"
        } else {
            "Mark this step done"
        };
        doc.line(Line::styled(done_label, theme.done));
        doc.end_item(index == focus, theme.selected);
        self.shown
            .set(doc.render(Some(focus), &self.scroll, area, buf));
    }
}

/// Actions this screen can carry out today.
/// The tools a step offers here: those the workbook has, and, while the step is closed to keep
/// someone safe, none of those that lead towards contact (drafting a message, logging a contact,
/// noting a reply).
fn shown_actions(view: &View, step: &crate::content::Step) -> Vec<StepAction> {
    let closed_for_safety = matches!(
        step_status(view.guide, &view.book.journey, step, view.now),
        StepStatus::Locked(reasons) if reasons.iter().any(|r| r.is_protective())
    );
    step.actions
        .iter()
        .copied()
        .filter(|a| supported(*a))
        .filter(|a| {
            !closed_for_safety
                || !matches!(
                    a,
                    StepAction::DraftMessage | StepAction::LogContact | StepAction::RecordResponse
                )
        })
        .collect()
}

fn supported(action: StepAction) -> bool {
    matches!(
        action,
        StepAction::StartNoContact
            | StepAction::LogBreak
            | StepAction::Journal
            | StepAction::RetakeSafety
            | StepAction::SwitchToHeal
            | StepAction::UrgePause
            | StepAction::ReviewCommitment
            | StepAction::LogContact
            | StepAction::DraftMessage
            | StepAction::RecordResponse
            | StepAction::MoveOnCheck
    )
}

/// The words for a step's action, as the step screen lists it (placeholders such as `{ex}` left
/// to fill).
pub fn action_label(action: StepAction) -> &'static str {
    match action {
        StepAction::StartNoContact => "Start or see the no-contact count",
        StepAction::LogBreak => "Log a slip in no contact",
        StepAction::Journal => "Write in your journal about this step",
        StepAction::RetakeSafety => "Take the safety check again",
        StepAction::SwitchToHeal => "Switch to the heal path",
        StepAction::UrgePause => "Pause before messaging {ex}",
        StepAction::ReviewCommitment => "Review what you wrote when no contact began",
        StepAction::LogContact => "Log a contact, and see how contact has gone",
        StepAction::DraftMessage => "Draft a first message here (never sent)",
        StepAction::RecordResponse => "Note how {ex} responded to your message",
        StepAction::MoveOnCheck => "Is it time to move on? (the move-on check)",
        _ => "",
    }
}

/// The first item of the next kind after `focus` (Tab jumps between prompts, items, links).
fn next_group(items: &[Focus], focus: usize) -> usize {
    let kind = |f: &Focus| std::mem::discriminant(f);
    let Some(current) = items.get(focus) else {
        return 0;
    };
    items
        .iter()
        .enumerate()
        .skip(focus + 1)
        .find(|(_, f)| kind(f) != kind(current))
        .map_or(0, |(i, _)| i)
}

/// The step's extra questions for the user's situation, with each situation's place in the pack.
fn situation_prompts<'s>(
    view: &View,
    step: &'s crate::content::Step,
) -> impl Iterator<Item = (usize, &'s String)> {
    let profile = view.book.journey.profile.clone();
    step.situations
        .iter()
        .enumerate()
        .filter_map(move |(i, s)| {
            let applies = s.when.holds(profile.get(&s.when.field).map(String::as_str));
            s.prompt.as_ref().filter(|_| applies).map(|p| (i, p))
        })
}
