//! `apply`: the one function that changes a workbook, validating every action first.

use thiserror::Error;

use crate::content::Guide;

use super::action::Action;
use super::contact_log::{Contact, ContactBy};
use super::corrections::{BreakFix, ContactFix};
use super::drafts::{Draft, Drafts};
use super::journal::{Journal, JournalEntry, MonthKey};
use super::journey::{Journey, PromptAnswer};
use super::mood::MoodCheck;
use super::no_contact::{
    MAX_BACKDATE_DAYS, MAX_EXTENDED_DAYS, MAX_TARGET_DAYS, MIN_TARGET_DAYS, NoContact, Review,
    ReviewChoice,
};
use super::status::SAFETY_CHECK;
use super::status::{StepStatus, step_status};
use super::time::Now;
use super::urge::UrgePause;

/// Everything the user has: progress and journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// Progress and settings.
    pub journey: Journey,
    /// Journal entries.
    pub journal: Journal,
    /// Text being typed.
    pub drafts: Drafts,
}

/// What an applied action changed, so the store saves only that.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// `journey.json` must be saved.
    pub journey_changed: bool,
    /// `drafts.json` must be saved.
    pub drafts_changed: bool,
    /// These journal months must be saved.
    pub months_changed: Vec<MonthKey>,
    /// The id of an entry the action created.
    pub entry_id: Option<String>,
    /// Set when a check's answers moved the user to another path.
    pub routed_to: Option<String>,
}

impl Outcome {
    /// Adds what `later` changed to this, for one save of several actions.
    pub fn absorb(&mut self, later: Outcome) {
        self.journey_changed |= later.journey_changed;
        self.drafts_changed |= later.drafts_changed;
        for month in later.months_changed {
            if !self.months_changed.contains(&month) {
                self.months_changed.push(month);
            }
        }
        self.entry_id = later.entry_id.or(self.entry_id.take());
        self.routed_to = later.routed_to.or(self.routed_to.take());
    }
}

/// Why an action was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EngineError {
    /// No such step in the guide.
    #[error("there is no step `{0}` in this guide")]
    UnknownStep(String),
    /// The step's gate is closed.
    #[error("\"{title}\" {state}. {reason}")]
    StepLocked {
        /// The step's title.
        title: String,
        /// "is not open yet", or, when a reason is there to keep someone safe (it does not
        /// pass with time), "stays closed for now".
        state: &'static str,
        /// Why, in words.
        reason: String,
    },
    /// No such prompt in the step.
    #[error("step `{step}` has no prompt `{prompt}`")]
    UnknownPrompt {
        /// The step id.
        step: String,
        /// The prompt id.
        prompt: String,
    },
    /// No such checklist.
    #[error("there is no checklist `{0}` in this guide")]
    UnknownChecklist(String),
    /// No such item in the checklist.
    #[error("checklist `{checklist}` has no item `{item}`")]
    UnknownItem {
        /// The checklist id.
        checklist: String,
        /// The item id.
        item: String,
    },
    /// No such check.
    #[error("there is no check `{0}` in this guide")]
    UnknownCheck(String),
    /// A check's answers do not match its questions.
    #[error("check `{check}`: {problem}")]
    BadCheckAnswers {
        /// The check id.
        check: String,
        /// What is missing or extra.
        problem: String,
    },
    /// No such path.
    #[error("there is no path `{0}` in this guide")]
    UnknownPath(String),
    /// A journal entry with no words.
    #[error("the entry is empty; write something first")]
    EmptyEntry,
    /// An entry that holds what the journal cannot keep (a date it cannot name).
    #[error("the entry cannot be filed: {0}")]
    InvalidEntry(super::validate::Invalid),
    /// No such journal entry.
    #[error("there is no journal entry `{0}`")]
    UnknownEntry(String),
    /// Mood outside 1..=5.
    #[error("mood must be from 1 to 5, not {0}")]
    MoodOutOfRange(u8),
    /// Target outside 7..=90.
    #[error(
        "the no-contact target must be from {MIN_TARGET_DAYS} to {MAX_TARGET_DAYS} days, not {0}"
    )]
    TargetOutOfRange(u32),
    /// No contact has not begun.
    #[error("no contact has not been started")]
    NoContactNotStarted,
    /// A review before the target is reached.
    #[error("the review opens when the no-contact target is reached")]
    TargetNotReached,
    /// An extension that is zero or goes past the longest target.
    #[error("extend by 1 to {MAX_EXTENDED_DAYS} days in all, not {0} more")]
    ExtendOutOfRange(u32),
    /// A pause shorter than a minute or longer than an hour.
    #[error("a pause lasts from 1 to 60 minutes, not {0}")]
    PauseLength(u32),
    /// A word for a mood before any check-in.
    #[error("check in your mood first (m, then 1 to 5)")]
    NoMoodYet,
    /// No urge pause is open.
    #[error("there is no urge pause going on")]
    NoUrgePause,
    /// No contact is already running.
    #[error("no contact is already running; change its target or log a slip instead")]
    NoContactAlreadyStarted,
    /// A concern was taken back without a written reflection.
    #[error(
        "you are taking back an answer that raised a concern; write a few words about what changed first"
    )]
    ReflectionNeeded {
        /// The questions whose concern would be withdrawn.
        questions: Vec<String>,
    },
    /// "Go on" at the review while something keeps contact closed.
    #[error("reaching out is not open: {0}")]
    ContactClosed(String),
    /// A response noted before any message was sent.
    #[error(
        "there is no message of yours to respond to yet; mark reaching out done or log a contact first"
    )]
    NothingSent,
    /// "No reply" before the waiting time has passed.
    #[error(
        "silence counts as an answer only after {}; {} more to go",
        crate::content::words::count(*wait, "day", "days"),
        crate::content::words::count(*left, "day", "days")
    )]
    TooSoonForSilence {
        /// The pack's waiting time.
        wait: u32,
        /// Days still to wait.
        left: u32,
    },
    /// No such region in the pack.
    #[error("there are no help numbers for a region `{0}` in this guide")]
    UnknownRegion(String),
    /// No such field in the situation profile.
    #[error("the situation profile has no field `{0}`")]
    UnknownProfileField(String),
    /// An answer the field does not take.
    #[error("`{field}` cannot be `{answer}`")]
    BadProfileAnswer {
        /// The field key.
        field: String,
        /// The answer given.
        answer: String,
    },
    /// No slip at that place in the history.
    #[error("there is no slip number {0} in the no-contact history")]
    UnknownSlip(usize),
    /// No contact at that place in the log.
    #[error("there is no contact number {0} in the contact log")]
    UnknownContact(usize),
    /// A name or pronoun form that cannot be kept.
    #[error("{0}")]
    BadNaming(#[from] crate::content::BadNaming),
    /// A start set further back than a year, or on a stretch that has ended.
    #[error("the start can be set from 0 to {MAX_BACKDATE_DAYS} days back, not {0}")]
    BackdateOutOfRange(u32),
}

/// The profile key that holds the region chosen for help numbers.
pub const REGION_KEY: &str = "region";

/// Applies `action` to `book`, or changes nothing and says why.
pub fn apply(
    book: &mut Workbook,
    guide: &Guide,
    action: Action,
    now: Now<'_>,
) -> Result<Outcome, EngineError> {
    let mut outcome = Outcome {
        journey_changed: true,
        ..Outcome::default()
    };
    let journey = &mut book.journey;
    match action {
        Action::Welcome { ex_name, pronouns } => {
            let ex_name = checked_naming(ex_name, &pronouns)?;
            journey.welcomed = true;
            journey.settings.ex_name = ex_name;
            journey.settings.pronouns = pronouns;
        }
        Action::SetNaming { ex_name, pronouns } => {
            journey.settings.ex_name = checked_naming(ex_name, &pronouns)?;
            journey.settings.pronouns = pronouns;
        }
        Action::SetTheme(theme) => journey.settings.theme = theme,
        Action::AnswerCheck {
            check,
            answers,
            reflection,
        } => super::checks::answer_check(
            journey,
            guide,
            check,
            answers,
            reflection,
            now,
            &mut outcome,
        )?,
        Action::SetProfile { field, answer } => {
            let def = crate::content::profile_field(&field)
                .ok_or_else(|| EngineError::UnknownProfileField(field.clone()))?;
            match answer {
                Some(answer) if !def.options.contains(&answer.as_str()) => {
                    return Err(EngineError::BadProfileAnswer { field, answer });
                }
                Some(answer) => {
                    journey.profile.insert(field, answer);
                }
                None => {
                    journey.profile.remove(&field);
                }
            }
        }
        Action::SetRegion(region) => match region {
            Some(id) if !guide.tools.regions.iter().any(|r| r.id == id) => {
                return Err(EngineError::UnknownRegion(id));
            }
            Some(id) => {
                journey.profile.insert(REGION_KEY.to_string(), id);
            }
            None => {
                journey.profile.remove(REGION_KEY);
            }
        },
        Action::RecordResponse(response) => {
            super::checks::record_response(journey, guide, response, now, &mut outcome)?;
        }
        Action::BackdateNoContact { days_ago } => {
            if days_ago > MAX_BACKDATE_DAYS {
                return Err(EngineError::BackdateOutOfRange(days_ago));
            }
            let record = journey
                .no_contact
                .as_mut()
                .filter(|n| n.ended.is_none())
                .ok_or(EngineError::NoContactNotStarted)?;
            record.started = now.at - chrono::Duration::days(i64::from(days_ago));
        }
        Action::ChoosePath(path) => {
            if guide.path(&path).is_none() {
                return Err(EngineError::UnknownPath(path));
            }
            journey.path = path;
        }
        Action::OpenStep(step) => {
            open_step(guide, journey, &step, now)?;
            journey
                .steps
                .entry(step)
                .or_default()
                .started
                .get_or_insert(now.at);
        }
        Action::AnswerPrompt { step, prompt, text } => {
            open_step(guide, journey, &step, now)?;
            let def = guide
                .step(&step)
                .ok_or_else(|| EngineError::UnknownStep(step.clone()))?;
            if !def.prompts.iter().any(|p| p.id == prompt) {
                return Err(EngineError::UnknownPrompt { step, prompt });
            }
            let progress = journey.steps.entry(step).or_default();
            progress.started.get_or_insert(now.at);
            if text.trim().is_empty() {
                progress.answers.remove(&prompt);
            } else {
                progress.answers.insert(
                    prompt,
                    PromptAnswer {
                        text,
                        updated: now.at,
                        extra: Default::default(),
                    },
                );
            }
        }
        Action::ToggleItem { checklist, item } => {
            let list = guide
                .checklist(&checklist)
                .ok_or_else(|| EngineError::UnknownChecklist(checklist.clone()))?;
            if !list.entry_ids().contains(&item.as_str()) {
                return Err(EngineError::UnknownItem { checklist, item });
            }
            let ticks = journey.ticks.entry(checklist.clone()).or_default();
            if !ticks.remove(&item) {
                ticks.insert(item);
            }
            if ticks.is_empty() {
                journey.ticks.remove(&checklist);
            }
        }
        Action::MarkDone(step) => {
            open_step(guide, journey, &step, now)?;
            // Reaching out, the step the review's "go on" opens, ends the no-contact stretch.
            if guide.step(&step).is_some_and(|s| s.gate.review_go_on)
                && let Some(record) = journey.no_contact.as_mut()
            {
                record.ended.get_or_insert(now.at);
            }
            let progress = journey.steps.entry(step).or_default();
            progress.started.get_or_insert(now.at);
            progress.done = Some(now.at);
        }
        Action::Reopen(step) => {
            if guide.step(&step).is_none() {
                return Err(EngineError::UnknownStep(step));
            }
            if let Some(progress) = journey.steps.get_mut(&step) {
                progress.done = None;
            }
        }
        Action::StartNoContact {
            target_days,
            commitment,
        } => {
            check_target(target_days)?;
            if journey
                .no_contact
                .as_ref()
                .is_some_and(|n| n.ended.is_none())
            {
                return Err(EngineError::NoContactAlreadyStarted);
            }
            if let Some(past) = journey.no_contact.take() {
                journey.past_no_contact.push(past);
            }
            let commitment = commitment.filter(|c| !c.trim().is_empty());
            journey.no_contact = Some(NoContact::new(now.at, target_days, commitment));
        }
        Action::SetTarget(days) => {
            check_target(days)?;
            let record = journey
                .no_contact
                .as_mut()
                .ok_or(EngineError::NoContactNotStarted)?;
            record.target_days = days;
        }
        Action::LogBreak {
            what,
            trigger,
            felt,
            resets,
        } => {
            check_mood(felt)?;
            let record = journey
                .no_contact
                .as_mut()
                .ok_or(EngineError::NoContactNotStarted)?;
            record.breaks.push(super::no_contact::Break {
                at: now.at,
                what,
                trigger,
                felt,
                resets,
                corrected: None,
                extra: Default::default(),
            });
        }
        Action::EditBreak {
            index,
            what,
            trigger,
            felt,
            resets,
        } => {
            check_mood(felt)?;
            let fix = BreakFix {
                what,
                trigger,
                felt,
                resets,
            };
            super::corrections::edit_break(journey, index, fix, now, &mut outcome)?;
        }
        Action::DeleteBreak { index } => super::corrections::delete_break(journey, index)?,
        Action::Review(choice) => review(journey, guide, choice, now, &mut outcome)?,
        Action::StartUrgePause { minutes } => {
            if !(1..=60).contains(&minutes) {
                return Err(EngineError::PauseLength(minutes));
            }
            if journey.open_urge().is_none() {
                journey.urges.push(UrgePause::new(now.at, minutes));
            }
        }
        Action::UrgeDraft(text) => {
            let pause = open_urge(journey)?;
            pause.draft = text;
        }
        Action::EndUrgePause(how) => {
            let pause = open_urge(journey)?;
            pause.ended = Some((now.at, how));
        }
        Action::CheckMood { mood, word } => {
            check_mood(Some(mood))?;
            let word = word.map(|w| w.trim().to_string()).filter(|w| !w.is_empty());
            journey.moods.push(MoodCheck {
                at: now.at,
                mood,
                word,
                extra: Default::default(),
            });
        }
        Action::MoodWord(word) => {
            let last = journey.moods.last_mut().ok_or(EngineError::NoMoodYet)?;
            last.word = Some(word.trim().to_string()).filter(|w| !w.is_empty());
        }
        Action::LogContact {
            by,
            replied,
            went,
            felt,
        } => {
            check_mood(felt)?;
            journey.contacts.push(Contact {
                at: now.at,
                by,
                replied: by == ContactBy::Them || replied,
                went,
                felt,
                corrected: None,
                extra: Default::default(),
            });
        }
        Action::EditContact {
            index,
            by,
            replied,
            went,
            felt,
        } => {
            check_mood(felt)?;
            let fix = ContactFix {
                by,
                replied,
                went,
                felt,
            };
            super::corrections::edit_contact(journey, index, fix, now, &mut outcome)?;
        }
        Action::DeleteContact { index } => super::corrections::delete_contact(journey, index)?,
        Action::Undo(record) => super::undo::revert(book, *record, now.at, &mut outcome),
        Action::SaveDraft { key, text } => {
            outcome.journey_changed = false;
            let draft = Draft {
                text,
                updated: now.at,
            };
            outcome.drafts_changed = book.drafts.texts.get(&key) != Some(&draft);
            book.drafts.texts.insert(key, draft);
        }
        Action::ClearDraft(key) => {
            outcome.journey_changed = false;
            outcome.drafts_changed = book.drafts.texts.remove(&key).is_some();
        }
        Action::MoveTo(place) => {
            outcome.journey_changed = journey.place != place;
            journey.place = place;
        }
        Action::AddEntry {
            text,
            step,
            mood,
            tags,
        } => {
            outcome.journey_changed = false;
            let entry = prepare_entry(book, guide, text, step, mood, tags, now)?;
            outcome.entry_id = Some(entry.id.clone());
            outcome.months_changed.push(book.journal.insert(entry));
        }
        Action::FileEntry { entry, replaces } => {
            outcome.journey_changed = false;
            check_entry_text(&entry.text)?;
            check_mood(entry.mood)?;
            super::validate::check_entry(&entry).map_err(EngineError::InvalidEntry)?;
            outcome.entry_id = file_entry(&mut book.journal, entry, replaces)?;
            if let Some(id) = &outcome.entry_id {
                outcome
                    .months_changed
                    .extend(book.journal.month_holding(id));
            }
        }
        Action::EditEntry { id, text } => {
            outcome.journey_changed = false;
            let entry = edited_entry(book, &id, text, now)?;
            outcome.months_changed.push(book.journal.insert(entry));
        }
        Action::DeleteEntry(id) => {
            outcome.journey_changed = false;
            let (month, _) = book
                .journal
                .remove(&id)
                .ok_or(EngineError::UnknownEntry(id))?;
            outcome.months_changed.push(month);
        }
    }
    if outcome.journey_changed {
        book.journey.updated = book.journey.updated.max(now.at);
    }
    Ok(outcome)
}

fn open_step(guide: &Guide, journey: &Journey, id: &str, now: Now<'_>) -> Result<(), EngineError> {
    let step = guide
        .step(id)
        .ok_or_else(|| EngineError::UnknownStep(id.to_string()))?;
    match step_status(guide, journey, step, now) {
        StepStatus::Locked(reasons) => Err(EngineError::StepLocked {
            title: step.title.clone(),
            state: if reasons.iter().any(|r| r.is_protective()) {
                "stays closed for now"
            } else {
                "is not open yet"
            },
            reason: journey.naming().fill(
                &reasons
                    .iter()
                    .map(|r| r.describe())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }),
        _ => Ok(()),
    }
}

fn check_mood(mood: Option<u8>) -> Result<(), EngineError> {
    match mood {
        Some(mood) if !(1..=5).contains(&mood) => Err(EngineError::MoodOutOfRange(mood)),
        _ => Ok(()),
    }
}

fn open_urge(journey: &mut Journey) -> Result<&mut UrgePause, EngineError> {
    journey
        .urges
        .last_mut()
        .filter(|u| u.is_open())
        .ok_or(EngineError::NoUrgePause)
}

/// Records the choice made at the review; extending grows the target, healing changes the path.
fn review(
    journey: &mut Journey,
    guide: &Guide,
    choice: ReviewChoice,
    now: Now<'_>,
    outcome: &mut Outcome,
) -> Result<(), EngineError> {
    let record = journey
        .no_contact
        .as_mut()
        .ok_or(EngineError::NoContactNotStarted)?;
    if !record.progress(now).reached {
        return Err(EngineError::TargetNotReached);
    }
    let reached = record.target_days;
    match choice {
        ReviewChoice::Extend(days) => {
            let target = reached.saturating_add(days);
            if days == 0 || target > MAX_EXTENDED_DAYS {
                return Err(EngineError::ExtendOutOfRange(days));
            }
            record.target_days = target;
        }
        ReviewChoice::Heal => {
            let heal = guide
                .check(SAFETY_CHECK)
                .map(|c| c.route.clone())
                .ok_or_else(|| EngineError::UnknownPath("heal".to_string()))?;
            if journey.path != heal {
                outcome.routed_to = Some(heal.clone());
                journey.path = heal;
            }
        }
        ReviewChoice::GoOn => {
            let closed = super::status::contact_closed(guide, journey, now);
            if let Some(first) = closed.first() {
                return Err(EngineError::ContactClosed(
                    journey.naming().fill(&first.describe()),
                ));
            }
        }
    }
    let record = journey
        .no_contact
        .as_mut()
        .ok_or(EngineError::NoContactNotStarted)?;
    record.reviews.push(Review {
        at: now.at,
        target_days: reached,
        choice,
        extra: Default::default(),
    });
    Ok(())
}

fn check_target(days: u32) -> Result<(), EngineError> {
    if (MIN_TARGET_DAYS..=MAX_TARGET_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(EngineError::TargetOutOfRange(days))
    }
}

/// The name as kept (trimmed; empty is none), once it and the pronoun forms pass their checks.
fn checked_naming(
    name: Option<String>,
    pronouns: &crate::content::PronounSet,
) -> Result<Option<String>, EngineError> {
    pronouns.check()?;
    Ok(crate::content::clean_name(name.as_deref())?)
}

fn check_entry_text(text: &str) -> Result<(), EngineError> {
    if text.trim().is_empty() {
        return Err(EngineError::EmptyEntry);
    }
    Ok(())
}

/// Files `entry`: the id of the entry now holding it, or `None` when the same entry was already
/// there.
fn file_entry(
    journal: &mut Journal,
    mut entry: JournalEntry,
    replaces: bool,
) -> Result<Option<String>, EngineError> {
    match journal.get(&entry.id) {
        Some(there) if *there == entry => return Ok(None),
        Some(_) if !replaces => {
            // Filed once already under a new id (a crash before its record was removed)?
            if journal.holds_words(&entry) {
                return Ok(None);
            }
            entry.id = journal.new_id(entry.created);
        }
        _ => {}
    }
    let id = entry.id.clone();
    journal.insert(entry);
    Ok(Some(id))
}

/// A new entry as `AddEntry` would make it, checked but not yet added: for writing it somewhere
/// durable first and then filing it with [`Action::FileEntry`].
pub fn prepare_entry(
    book: &mut Workbook,
    guide: &Guide,
    text: String,
    step: Option<String>,
    mood: Option<u8>,
    tags: Vec<String>,
    now: Now<'_>,
) -> Result<JournalEntry, EngineError> {
    check_entry_text(&text)?;
    check_mood(mood)?;
    if let Some(step) = step.as_ref().filter(|s| guide.step(s).is_none()) {
        return Err(EngineError::UnknownStep(step.clone()));
    }
    Ok(JournalEntry {
        id: book.journal.new_id(now.at),
        created: now.at,
        edited: None,
        text,
        step,
        mood,
        tags: tags.into_iter().filter(|t| !t.trim().is_empty()).collect(),
        extra: Default::default(),
    })
}

/// The entry `id` with its text changed, as `EditEntry` would make it, not yet filed.
pub fn edited_entry(
    book: &Workbook,
    id: &str,
    text: String,
    now: Now<'_>,
) -> Result<JournalEntry, EngineError> {
    check_entry_text(&text)?;
    let mut entry = book
        .journal
        .get(id)
        .cloned()
        .ok_or_else(|| EngineError::UnknownEntry(id.to_string()))?;
    entry.text = text;
    entry.edited = Some(now.at);
    Ok(entry)
}
