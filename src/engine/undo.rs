//! Undo: a record of what one change altered, enough to put it back exactly, and a short stack of
//! them. Pure, like the rest of the engine: the front end asks [`prepare`] before applying an
//! action, [`Prepared::finish`] after, and applies [`super::Action::Undo`] to go back.
//!
//! Records are undone newest first, and only the parts of the workbook a change touched are put
//! back (a step's progress, a checklist's ticks, the no-contact record, moods, the contact log, one
//! journal entry). So that putting a part back never loses a later change to it, every action
//! that changes such a part either leaves a record or empties the stack ([`Prepared::Final`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use crate::content::Guide;

use super::action::Action;
use super::apply::{Outcome, Workbook};
use super::contact_log::Contact;
use super::drafts::{Draft, Drafts, MOOD_WORD_KEY, contact_note_key, slip_note_key};
use super::journal::JournalEntry;
use super::journey::{Journey, StepProgress};
use super::mood::MoodCheck;
use super::no_contact::{Break, NoContact};

/// How many changes can be undone, newest first.
pub const UNDO_DEPTH: usize = 20;

/// What one change altered, as it was before: applying [`Action::Undo`] with it puts it back.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoRecord {
    /// What the change was, in a few words ("ticked 'Unfollowed on socials'").
    pub label: String,
    parts: Vec<Part>,
}

/// One part of the workbook as it was before the change.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    /// A step's progress (none: the step was untouched).
    Step(String, Option<StepProgress>),
    /// A checklist's ticks (none: nothing was ticked).
    Ticks(String, Option<BTreeSet<String>>),
    /// The running no-contact record.
    NoContact(Option<NoContact>),
    /// Every mood check-in.
    Moods(Vec<MoodCheck>),
    /// The contact log.
    Contacts(Vec<Contact>),
    /// One journal entry (none: it did not exist).
    Entry(String, Option<JournalEntry>),
}

/// What an action means for undo, worked out before it is applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Prepared {
    /// The action can be undone: the journey (and the entry it changes) as they were.
    Undoable {
        /// The words for the change.
        label: String,
        /// The workbook's parts before.
        before: Box<Before>,
    },
    /// The action leaves nothing to undo and touches nothing a record would put back (moving
    /// about, drafts, a new entry, the urge pause, an undo itself).
    Quiet,
    /// The action is not undone here (naming, checks, a response, starting or reviewing no
    /// contact); the parts it changes may be in the stack, so the stack is emptied.
    Final,
}

/// The journey, and the journal entry an action changes, as they were before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Before {
    journey: Journey,
    /// The id of the entry, and the entry (none: it did not exist).
    entry: Option<(String, Option<JournalEntry>)>,
}

/// What to do with the stack once the action was applied.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterApply {
    /// Push this record.
    Push(UndoRecord),
    /// Leave the stack as it is.
    Keep,
    /// Empty the stack.
    Clear,
}

/// Works out, before `action` is applied to `book`, how it could be undone.
pub fn prepare(book: &Workbook, guide: &Guide, action: &Action) -> Prepared {
    let Some(label) = super::undo_label::label(book, guide, action) else {
        return match action {
            Action::MoveTo(_)
            | Action::SaveDraft { .. }
            | Action::ClearDraft(_)
            | Action::OpenStep(_)
            | Action::AddEntry { .. }
            | Action::FileEntry {
                replaces: false, ..
            }
            | Action::StartUrgePause { .. }
            | Action::UrgeDraft(_)
            | Action::EndUrgePause(_)
            | Action::Undo(_) => Prepared::Quiet,
            _ => Prepared::Final,
        };
    };
    let entry = match action {
        Action::EditEntry { id, .. } | Action::DeleteEntry(id) => Some(id.clone()),
        Action::FileEntry { entry, .. } => Some(entry.id.clone()),
        _ => None,
    }
    .map(|id| {
        let before = book.journal.get(&id).cloned();
        (id, before)
    });
    Prepared::Undoable {
        label,
        before: Box::new(Before {
            journey: book.journey.clone(),
            entry,
        }),
    }
}

impl Prepared {
    /// What the applied action means for the stack, now that `book` holds its result.
    pub fn finish(self, book: &Workbook) -> AfterApply {
        match self {
            Prepared::Quiet => AfterApply::Keep,
            Prepared::Final => AfterApply::Clear,
            Prepared::Undoable { label, before } => {
                let Before { journey, entry } = *before;
                let Some(mut parts) = journey_parts(journey, &book.journey) else {
                    return AfterApply::Clear;
                };
                if let Some((id, before)) = entry
                    && book.journal.get(&id) != before.as_ref()
                {
                    parts.push(Part::Entry(id, before));
                }
                if parts.is_empty() {
                    AfterApply::Keep
                } else {
                    AfterApply::Push(UndoRecord { label, parts })
                }
            }
        }
    }
}

/// The parts that differ between `before` and `after`, as they were; none when anything else
/// changed too (that change could not be put back).
fn journey_parts(mut before: Journey, after: &Journey) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    for id in changed_keys(&before.steps, &after.steps) {
        let was = before.steps.remove(&id);
        parts.push(Part::Step(id, was));
    }
    for id in changed_keys(&before.ticks, &after.ticks) {
        let was = before.ticks.remove(&id);
        parts.push(Part::Ticks(id, was));
    }
    if before.no_contact != after.no_contact {
        parts.push(Part::NoContact(before.no_contact.take()));
    }
    if before.moods != after.moods {
        parts.push(Part::Moods(std::mem::take(&mut before.moods)));
    }
    if before.contacts != after.contacts {
        parts.push(Part::Contacts(std::mem::take(&mut before.contacts)));
    }
    before.steps = after.steps.clone();
    before.ticks = after.ticks.clone();
    before.no_contact = after.no_contact.clone();
    before.moods = after.moods.clone();
    before.contacts = after.contacts.clone();
    before.updated = after.updated;
    (before == *after).then_some(parts)
}

fn changed_keys<V: PartialEq>(
    before: &BTreeMap<String, V>,
    after: &BTreeMap<String, V>,
) -> Vec<String> {
    let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

/// Puts back every part `record` holds; `outcome` says what must be saved.
///
/// Words are never lost to an undo: an answer or an entry's text that the undo takes away is kept
/// as the draft of its field (`at` is when), so opening the field again shows it.
pub(super) fn revert(
    book: &mut Workbook,
    record: UndoRecord,
    at: DateTime<Utc>,
    outcome: &mut Outcome,
) {
    outcome.journey_changed = false;
    for part in &record.parts {
        for (key, text) in words_taken_away(book, part) {
            outcome.drafts_changed |= keep_as_draft(&mut book.drafts, key, text, at);
        }
    }
    let journey = &mut book.journey;
    for part in record.parts {
        match part {
            Part::Entry(id, before) => {
                let month = match before {
                    Some(entry) => Some(book.journal.insert(entry)),
                    None => book.journal.remove(&id).map(|(month, _)| month),
                };
                outcome.months_changed.extend(month);
                continue;
            }
            Part::Step(id, Some(progress)) => {
                journey.steps.insert(id, progress);
            }
            Part::Step(id, None) => {
                journey.steps.remove(&id);
            }
            Part::Ticks(id, Some(ticks)) => {
                journey.ticks.insert(id, ticks);
            }
            Part::Ticks(id, None) => {
                journey.ticks.remove(&id);
            }
            Part::NoContact(record) => journey.no_contact = record,
            Part::Moods(moods) => journey.moods = moods,
            Part::Contacts(contacts) => journey.contacts = contacts,
        }
        outcome.journey_changed = true;
    }
}

/// The texts that putting `part` back would take away, with the draft key of their field: an
/// answer changed or written since, an entry's newer text, the note of a slip or a contact and a
/// mood's word logged or corrected since (kept for the form that logs one with the same choices).
fn words_taken_away(book: &Workbook, part: &Part) -> Vec<(String, String)> {
    match part {
        Part::Step(id, before) => {
            let Some(now) = book.journey.steps.get(id) else {
                return Vec::new();
            };
            now.answers
                .iter()
                .filter(|(prompt, answer)| {
                    let earlier = before.as_ref().and_then(|b| b.answers.get(*prompt));
                    !answer.text.trim().is_empty() && earlier.is_none_or(|e| e.text != answer.text)
                })
                .map(|(prompt, answer)| (format!("prompt:{id}:{prompt}"), answer.text.clone()))
                .collect()
        }
        Part::Entry(id, before) => {
            let Some(now) = book.journal.get(id) else {
                return Vec::new();
            };
            let key = match before {
                Some(earlier) if earlier.text == now.text => return Vec::new(),
                Some(_) => format!("entry:{id}"),
                None => "entry-new".to_string(),
            };
            vec![(key, now.text.to_string())]
        }
        Part::NoContact(before) => {
            let earlier: &[Break] = before.as_ref().map_or(&[], |r| &r.breaks);
            let now: &[Break] = book.journey.no_contact.as_ref().map_or(&[], |r| &r.breaks);
            now.iter()
                .filter(|slip| !slip.trigger.trim().is_empty())
                .filter(|slip| !earlier.iter().any(|e| e.trigger == slip.trigger))
                .map(|slip| {
                    let felt = slip.felt.unwrap_or(3).clamp(1, 5);
                    let key = slip_note_key(slip.what, slip.resets, felt);
                    (key, slip.trigger.clone())
                })
                .collect()
        }
        Part::Contacts(earlier) => book
            .journey
            .contacts
            .iter()
            .filter(|contact| !contact.went.trim().is_empty())
            .filter(|contact| !earlier.iter().any(|e| e.went == contact.went))
            .map(|contact| {
                let felt = contact.felt.unwrap_or(3).clamp(1, 5);
                let key = contact_note_key(contact.by, contact.replied, felt);
                (key, contact.went.clone())
            })
            .collect(),
        Part::Moods(earlier) => book
            .journey
            .moods
            .iter()
            .filter_map(|mood| mood.word.as_ref())
            .filter(|word| !word.trim().is_empty())
            .filter(|word| !earlier.iter().any(|e| e.word.as_ref() == Some(*word)))
            .map(|word| (MOOD_WORD_KEY.to_string(), word.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Keeps `text` as the draft of `key`, after any draft already there; true when drafts changed.
fn keep_as_draft(drafts: &mut Drafts, key: String, text: String, at: DateTime<Utc>) -> bool {
    let text = match drafts.get(&key) {
        Some(draft) if draft.text.contains(&text) => return false,
        Some(draft) => format!("{}\n\n{text}", draft.text),
        None => text,
    };
    drafts.texts.insert(key, Draft { text, updated: at });
    true
}

/// The changes that can be undone, newest last, at most [`UNDO_DEPTH`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UndoStack {
    records: Vec<UndoRecord>,
}

impl UndoStack {
    /// Takes in what an applied action means for the stack.
    pub fn note(&mut self, after: AfterApply) {
        match after {
            AfterApply::Push(record) => {
                if self.records.len() == UNDO_DEPTH {
                    self.records.remove(0);
                }
                self.records.push(record);
            }
            AfterApply::Keep => {}
            AfterApply::Clear => self.records.clear(),
        }
    }

    /// The newest change, taken off the stack to be undone.
    pub fn pop(&mut self) -> Option<UndoRecord> {
        self.records.pop()
    }

    /// Puts a record back on top (its undo was refused).
    pub fn restore(&mut self, record: UndoRecord) {
        self.records.push(record);
    }

    /// The words for the change `u` would undo next.
    pub fn next_label(&self) -> Option<&str> {
        self.records.last().map(|r| r.label.as_str())
    }

    /// True when there is nothing to undo.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Forgets every record.
    pub fn clear(&mut self) {
        self.records.clear();
    }
}
