//! The guide as the rest of the program sees it: a loaded, checked pack.
//!
//! Every reference in a `Guide` resolves; the loader guarantees it, so lookups by id that come from
//! the guide itself can be trusted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A whole guide pack: paths of steps, checklists, checks and library pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    /// The pack's id, stored in a journey so a different pack is noticed.
    pub id: String,
    /// The pack's title.
    pub title: String,
    /// The pack's version.
    pub version: String,
    /// Language tag, such as `en`.
    pub language: String,
    /// Text shown on first run.
    pub welcome: String,
    /// The page the help key shows.
    pub help_page: String,
    /// The page about when to move on.
    pub move_on_page: String,
    /// The page about the no-contact rule.
    pub no_contact_page: String,
    /// The paths, first one the default.
    pub paths: Vec<Path>,
    /// Every step of every path.
    pub steps: Vec<Step>,
    /// Every checklist.
    pub checklists: Vec<Checklist>,
    /// The gentle checks (safety, move-on).
    pub checks: Vec<Check>,
    /// The library pages.
    pub pages: Vec<Page>,
    /// The words of the workbook's own tools.
    pub tools: super::tools::Tools,
}

impl Guide {
    /// The path with this id.
    pub fn path(&self, id: &str) -> Option<&Path> {
        self.paths.iter().find(|p| p.id == id)
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The checklist with this id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// The check with this id.
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// The path a step belongs to.
    pub fn path_of(&self, step_id: &str) -> Option<&Path> {
        self.paths
            .iter()
            .find(|p| p.steps.iter().any(|s| s == step_id))
    }

    /// The steps of a path, in order.
    pub fn steps_of<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = &'a Step> + 'a {
        path.steps.iter().filter_map(|id| self.step(id))
    }

    /// Counts for a one-line summary of the pack.
    pub fn summary(&self) -> PackSummary {
        PackSummary {
            paths: self.paths.len(),
            steps: self.steps.len(),
            prompts: self.steps.iter().map(|s| s.prompts.len()).sum(),
            checklists: self.checklists.len(),
            checklist_items: self.checklists.iter().map(Checklist::len).sum(),
            checks: self.checks.len(),
            pages: self.pages.len(),
        }
    }
}

/// How much a pack holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackSummary {
    /// Number of paths.
    pub paths: usize,
    /// Number of steps.
    pub steps: usize,
    /// Number of reflection prompts.
    pub prompts: usize,
    /// Number of checklists.
    pub checklists: usize,
    /// Number of items and pairs over all checklists.
    pub checklist_items: usize,
    /// Number of checks.
    pub checks: usize,
    /// Number of library pages.
    pub pages: usize,
}

/// An ordered route through the steps: the reconcile plan or the heal path.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Unique path id.
    pub id: String,
    /// Title shown above the step list.
    pub title: String,
    /// One line about the path.
    pub summary: String,
    /// Step ids, in order.
    pub steps: Vec<String>,
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Unique step id.
    pub id: String,
    /// Title.
    pub title: String,
    /// One line shown in lists.
    pub summary: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
    /// Reflection prompts.
    pub prompts: Vec<Prompt>,
    /// Checklists shown on the step.
    pub checklists: Vec<String>,
    /// Library pages linked from the step.
    pub pages: Vec<String>,
    /// What the step lets the user do.
    pub actions: Vec<StepAction>,
    /// What must hold before the step opens.
    pub gate: Gate,
    /// Extra words shown only in some situations of the user's profile.
    pub situations: Vec<super::profile::Situation>,
}

/// A reflection question the user answers in their own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// Id, unique within its step.
    pub id: String,
    /// The question.
    pub question: String,
    /// An optional nudge shown under the question.
    pub hint: Option<String>,
}

/// What a step offers beyond its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepAction {
    /// Start the no-contact countdown.
    StartNoContact,
    /// Log a break in no contact.
    LogBreak,
    /// Write a journal entry.
    Journal,
    /// Record a mood check-in.
    MoodCheck,
    /// Draft a first message (never sent).
    DraftMessage,
    /// Pause before acting on an urge to message.
    UrgePause,
    /// Log a contact with the ex.
    LogContact,
    /// Take the safety check again.
    RetakeSafety,
    /// Move to the heal path.
    SwitchToHeal,
    /// Review what was committed to when no contact began.
    ReviewCommitment,
    /// Note how {ex} responded to the user's message.
    RecordResponse,
    /// Take the move-on check.
    MoveOnCheck,
}

impl StepAction {
    /// Every action, with the name a pack uses for it.
    pub const ALL: [(StepAction, &'static str); 12] = [
        (StepAction::StartNoContact, "start-no-contact"),
        (StepAction::LogBreak, "log-break"),
        (StepAction::Journal, "journal"),
        (StepAction::MoodCheck, "mood-check"),
        (StepAction::DraftMessage, "draft-message"),
        (StepAction::UrgePause, "urge-pause"),
        (StepAction::LogContact, "log-contact"),
        (StepAction::RetakeSafety, "retake-safety"),
        (StepAction::SwitchToHeal, "switch-to-heal"),
        (StepAction::ReviewCommitment, "review-commitment"),
        (StepAction::RecordResponse, "record-response"),
        (StepAction::MoveOnCheck, "move-on-check"),
    ];

    /// The action a pack names, if it is known.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }

    /// The name a pack uses for the action.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("", |(_, n)| n)
    }
}

/// The conditions under which a step opens; all must hold. The default gate is open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gate {
    /// Steps that must be done first.
    pub after: Vec<String>,
    /// The current no-contact run must have reached this many days.
    pub no_contact_days: Option<u32>,
    /// Every item of this checklist must be ticked.
    pub checklist_done: Option<String>,
    /// The safety check must be answered with no concern, no check may hold a concern, no
    /// concern may be cooling, and {ex} must not have asked the user to stop.
    pub safety_clear: bool,
    /// The no-contact review must have been held and its latest choice was "go on".
    pub review_go_on: bool,
    /// The latest response to the user's message, as the user noted it, was warm.
    pub reply_warm: bool,
}

impl Gate {
    /// Every condition a gate may name in a pack.
    pub const CONDITIONS: [&'static str; 6] = [
        "after",
        "no_contact_days",
        "checklist_done",
        "safety",
        "review",
        "reply",
    ];

    /// True when the gate names no condition.
    pub fn is_open(&self) -> bool {
        *self == Gate::default()
    }
}

/// A list to tick, or a table of helpful and harmful behaviours.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// Unique checklist id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Shown above the entries.
    pub intro: String,
    /// A caution shown beside the entries, such as "politeness is not interest".
    pub caution: Option<String>,
    /// The entries.
    pub entries: ChecklistEntries,
}

impl Checklist {
    /// Number of items or pairs.
    pub fn len(&self) -> usize {
        match &self.entries {
            ChecklistEntries::Items(items) => items.len(),
            ChecklistEntries::Pairs(pairs) => pairs.len(),
        }
    }

    /// True when the checklist has no entries (a loaded pack never has such a list).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The ids of every item or pair, in order: what can be ticked.
    pub fn entry_ids(&self) -> Vec<&str> {
        match &self.entries {
            ChecklistEntries::Items(items) => items.iter().map(|i| i.id.as_str()).collect(),
            ChecklistEntries::Pairs(pairs) => pairs.iter().map(|p| p.id.as_str()).collect(),
        }
    }
}

/// The entries of a checklist: plain items, or pairs shown as two columns.
#[derive(Debug, Clone, PartialEq)]
pub enum ChecklistEntries {
    /// Items to tick.
    Items(Vec<Item>),
    /// Helpful versus harmful behaviours.
    Pairs(Vec<Pair>),
}

/// One item to tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Id, unique within the checklist.
    pub id: String,
    /// The item.
    pub text: String,
    /// Optional detail.
    pub hint: Option<String>,
}

/// A helpful behaviour beside its harmful opposite.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Id, unique within the checklist.
    pub id: String,
    /// What helps.
    pub helps: String,
    /// What hurts.
    pub hurts: String,
}

/// A short set of yes / no / unsure questions whose answers can route the user to another path.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Unique check id (`safety`, `move-on`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Why we ask.
    pub intro: String,
    /// The path suggested when an answer raises a concern.
    pub route: String,
    /// Shown, kindly, when an answer raises a concern.
    pub concern_note: String,
    /// Days contact steps stay closed after a concern is withdrawn (0: none).
    pub cooling_days: u32,
    /// The questions.
    pub questions: Vec<Question>,
}

/// One question of a check.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Id, unique within the check.
    pub id: String,
    /// The question.
    pub question: String,
    /// Optional nudge.
    pub hint: Option<String>,
    /// Answers that raise a concern.
    pub concern: Vec<Answer>,
    /// Why such an answer changes the route, in a sentence.
    pub reason: String,
    /// A concern here means the person may be in danger now: the help page opens at once.
    pub urgent: bool,
    /// A library page for someone who gave a concerning answer.
    pub page: Option<String>,
}

impl Question {
    /// True when `answer` raises this question's concern.
    pub fn is_concern(&self, answer: Answer) -> bool {
        self.concern.contains(&answer)
    }
}

/// An answer to a check question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not sure.
    Unsure,
}

impl Answer {
    /// Every answer, with the word a pack uses for it.
    pub const ALL: [(Answer, &'static str); 3] = [
        (Answer::Yes, "yes"),
        (Answer::No, "no"),
        (Answer::Unsure, "unsure"),
    ];

    /// The answer a pack names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }
}

/// A library page: FAQs, when to move on, first messages, where to find help.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Unique page id.
    pub id: String,
    /// Title.
    pub title: String,
    /// One line.
    pub summary: String,
    /// When the facts on the page were last checked.
    pub last_checked: Option<NaiveDate>,
    /// Related pages.
    pub links: Vec<String>,
    /// The sections.
    pub sections: Vec<Section>,
}

/// A headed part of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Heading (for a FAQ, the question).
    pub heading: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
}
