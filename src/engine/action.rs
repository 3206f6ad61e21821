//! Every change a user can make, as a value: the TUI and the CLI both send these to `apply`.

use std::collections::BTreeMap;

use crate::content::{Answer, PronounSet};

use super::contact_log::ContactBy;
use super::journal::JournalEntry;
use super::journey::{Place, Theme};
use super::no_contact::{BreakKind, ReviewChoice};
use super::response::Response;
use super::undo::UndoRecord;
use super::urge::UrgeOutcome;

/// One change to the workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Finish the welcome, naming the ex as the user likes.
    Welcome {
        /// The ex's name, or none for "your ex".
        ex_name: Option<String>,
        /// Pronouns for the ex.
        pronouns: PronounSet,
    },
    /// Change how the ex is named.
    SetNaming {
        /// The ex's name, or none for "your ex".
        ex_name: Option<String>,
        /// Pronouns for the ex.
        pronouns: PronounSet,
    },
    /// Change the colour theme.
    SetTheme(Theme),
    /// Record the answers to a check; a concern routes to the check's path.
    AnswerCheck {
        /// The check id.
        check: String,
        /// Answer per question id; every question must be answered.
        answers: BTreeMap<String, Answer>,
        /// What the user wrote about taking back a concern; required when an answer that raised
        /// a concern is changed to one that does not.
        reflection: Option<String>,
    },
    /// Answer (or, with none, skip) one field of the situation profile.
    SetProfile {
        /// The field key, such as `children`.
        field: String,
        /// One of the field's answers, or none to leave it unanswered.
        answer: Option<String>,
    },
    /// Choose the region whose official help numbers the help page shows first (none: the
    /// region-neutral page).
    SetRegion(Option<String>),
    /// Note how {ex} responded to the user's message; "asked me to stop" is never undone.
    RecordResponse(Response),
    /// Move the start of the running no-contact stretch to this many days before today (most
    /// people begin before they open the workbook).
    BackdateNoContact {
        /// Days before today, 0 for today.
        days_ago: u32,
    },
    /// Follow another path; all answers and entries are kept.
    ChoosePath(String),
    /// Begin work on an open step.
    OpenStep(String),
    /// Save (or, with empty text, clear) the answer to a prompt.
    AnswerPrompt {
        /// The step id.
        step: String,
        /// The prompt id.
        prompt: String,
        /// The answer.
        text: String,
    },
    /// Tick or untick a checklist item.
    ToggleItem {
        /// The checklist id.
        checklist: String,
        /// The item (or pair) id.
        item: String,
    },
    /// Mark an open step done.
    MarkDone(String),
    /// Take back a step's done mark.
    Reopen(String),
    /// Begin no contact.
    StartNoContact {
        /// Days to aim for (7 to 90).
        target_days: u32,
        /// What would have to be true to reconnect.
        commitment: Option<String>,
    },
    /// Change the no-contact target.
    SetTarget(u32),
    /// Log a break in no contact; history is never erased.
    LogBreak {
        /// What happened.
        what: BreakKind,
        /// What set it off.
        trigger: String,
        /// How it felt, 1 to 5.
        felt: Option<u8>,
        /// Start the count again from now.
        resets: bool,
    },
    /// Correct a logged slip; it keeps its time and shows when it was corrected.
    EditBreak {
        /// Which slip of the running record, 0 for the oldest.
        index: usize,
        /// What happened.
        what: BreakKind,
        /// What set it off.
        trigger: String,
        /// How it felt, 1 to 5.
        felt: Option<u8>,
        /// Whether the count starts again from this slip.
        resets: bool,
    },
    /// Remove a slip logged by mistake; the count is worked out again without it.
    DeleteBreak {
        /// Which slip of the running record, 0 for the oldest.
        index: usize,
    },
    /// Choose what comes after reaching the no-contact target.
    Review(ReviewChoice),
    /// Begin an urge pause.
    StartUrgePause {
        /// Cooldown minutes (1 to 60).
        minutes: u32,
    },
    /// Keep the message written during the open urge pause.
    UrgeDraft(String),
    /// End the open urge pause.
    EndUrgePause(UrgeOutcome),
    /// Record a mood check-in.
    CheckMood {
        /// 1 to 5.
        mood: u8,
        /// An optional word.
        word: Option<String>,
    },
    /// Add (or change) the word of the latest mood check-in.
    MoodWord(String),
    /// Log a contact in the contact steps.
    LogContact {
        /// Who reached out.
        by: ContactBy,
        /// For the user's own messages: whether the ex replied.
        replied: bool,
        /// How it went.
        went: String,
        /// How it felt, 1 to 5.
        felt: Option<u8>,
    },
    /// Correct a logged contact; it keeps its time and shows when it was corrected.
    EditContact {
        /// Which contact, 0 for the oldest.
        index: usize,
        /// Who reached out.
        by: ContactBy,
        /// For the user's own messages: whether the ex replied.
        replied: bool,
        /// How it went.
        went: String,
        /// How it felt, 1 to 5.
        felt: Option<u8>,
    },
    /// Remove a logged contact.
    DeleteContact {
        /// Which contact, 0 for the oldest.
        index: usize,
    },
    /// Put back what one earlier change altered (see [`super::undo`]).
    Undo(Box<UndoRecord>),
    /// Keep text being typed in a field.
    SaveDraft {
        /// Which field (e.g. `prompt:space:why`, `journal:new`).
        key: String,
        /// The text so far.
        text: String,
    },
    /// Forget a field's draft (it was saved or discarded).
    ClearDraft(String),
    /// Remember where the user is.
    MoveTo(Place),
    /// Write a journal entry.
    AddEntry {
        /// The text.
        text: String,
        /// The step it belongs to.
        step: Option<String>,
        /// Mood, 1 to 5.
        mood: Option<u8>,
        /// Tags.
        tags: Vec<String>,
    },
    /// File an entry made before (a second window's, or one whose record was written before it
    /// was applied). An entry with its id and the same content is left alone; with different
    /// content it is replaced when `replaces`, otherwise the newcomer gets a new id.
    FileEntry {
        /// The entry.
        entry: JournalEntry,
        /// True for an edit of the entry with this id; false for a new entry.
        replaces: bool,
    },
    /// Change an entry's text.
    EditEntry {
        /// The entry id.
        id: String,
        /// The new text.
        text: String,
    },
    /// Delete an entry.
    DeleteEntry(String),
}
