//! What every readable export shows, gathered once: entries and answers with their times already
//! in local time and their step titles and questions already looked up.

use crate::engine::Calendar;

use chrono::{DateTime, NaiveDate, Utc};

use crate::content::{Guide, Naming};
use crate::engine::{JournalEntry, Journey, StepProgress};

use super::filter::ExportFilter;
use super::wellbeing::{Wellbeing, local};

/// The title a journal export starts with.
const TITLE: &str = "My rekindle journal";

/// The title of the export for a counsellor.
const COUNSELLOR_TITLE: &str = "For my counsellor";

/// What the export for a counsellor is, said under its title.
const COUNSELLOR_INTRO: &str = "These are pages from my rekindle workbook, a private \
    journal I keep after a breakup, that I chose to share with you: journal entries, my answers to \
    its reflection prompts, my mood check-ins, and any times I broke no contact with my ex.";

/// Which readable export a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The journal, to read, print or keep.
    Journal,
    /// Chosen pages to share with a counsellor: no urge pauses, whose drafts stay private.
    Counsellor,
}

/// A readable export's contents.
pub(super) struct Document<'a> {
    /// The title.
    pub title: &'static str,
    /// A few words under the title on what the document is; empty for none.
    pub intro: &'static str,
    /// When it was exported, local time.
    pub exported: String,
    /// What the filter limited it to, in words; empty when it is not limited.
    pub scope: String,
    /// Entries, oldest first.
    pub entries: Vec<EntryView<'a>>,
    /// Answers to prompts, step by step in guide order.
    pub answers: Vec<StepAnswers<'a>>,
    /// Mood check-ins, the no-contact count, slips and urge pauses.
    pub wellbeing: Wellbeing<'a>,
}

/// One journal entry, ready to show.
pub(super) struct EntryView<'a> {
    /// Local date and time it was written.
    pub when: String,
    /// The title of its step, if it is tied to one.
    pub step: Option<&'a str>,
    /// Mood 1-5.
    pub mood: Option<u8>,
    /// Tags.
    pub tags: &'a [String],
    /// The text, as written.
    pub text: &'a str,
}

impl<'a> EntryView<'a> {
    /// `entry` ready to show, with its time in `tz` and its step's title from `guide`.
    pub fn of(entry: &'a JournalEntry, guide: &'a Guide, tz: &dyn Calendar) -> Self {
        EntryView {
            when: local(entry.created, tz),
            step: entry.step.as_deref().map(|id| step_title(guide, id)),
            mood: entry.mood,
            tags: &entry.tags,
            text: &entry.text,
        }
    }

    /// The step, mood and tags as labelled parts, for a line under the heading.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let mut facts = Vec::new();
        if let Some(step) = self.step {
            facts.push(("Step", step.to_string()));
        }
        if let Some(mood) = self.mood {
            facts.push(("Mood", format!("{mood}/5")));
        }
        if !self.tags.is_empty() {
            facts.push(("Tags", self.tags.join(", ")));
        }
        facts
    }
}

/// The answers given on one step.
pub(super) struct StepAnswers<'a> {
    /// The step's title.
    pub title: &'a str,
    /// Question and answer pairs, in the step's prompt order.
    pub answers: Vec<AnswerView<'a>>,
}

/// One answer to a prompt.
pub(super) struct AnswerView<'a> {
    /// The question, with the ex named as the user chose.
    pub question: String,
    /// The answer, as written.
    pub text: &'a str,
    /// When it was last changed, local time.
    pub when: String,
}

impl<'a> Document<'a> {
    /// Gathers `entries` (already chosen) and what of the journey the filter admits, with times
    /// in `tz`.
    pub fn build(
        kind: Kind,
        entries: impl IntoIterator<Item = &'a JournalEntry>,
        journey: Option<&'a Journey>,
        guide: &'a Guide,
        filter: &ExportFilter,
        tz: &dyn Calendar,
        now: DateTime<Utc>,
    ) -> Self {
        let entries = entries
            .into_iter()
            .map(|e| EntryView::of(e, guide, tz))
            .collect();
        let answers = journey.map_or_else(Vec::new, |j| answers(j, guide, filter, tz));
        let mut wellbeing = journey.map_or_else(Wellbeing::default, |j| {
            Wellbeing::build(j, guide, filter, tz, now)
        });
        let (title, intro) = match kind {
            Kind::Journal => (TITLE, ""),
            Kind::Counsellor => {
                wellbeing.urges.clear();
                (COUNSELLOR_TITLE, COUNSELLOR_INTRO)
            }
        };
        Self {
            title,
            intro,
            exported: local(now, tz),
            scope: scope(filter, guide),
            entries,
            answers,
            wellbeing,
        }
    }
}

/// The step's title, or its id when the guide no longer has it.
fn step_title<'a>(guide: &'a Guide, id: &'a str) -> &'a str {
    guide.step(id).map_or(id, |s| s.title.as_str())
}

/// Every non-empty answer the filter admits: guide steps in order, then steps the guide has lost.
fn answers<'a>(
    journey: &'a Journey,
    guide: &'a Guide,
    filter: &ExportFilter,
    tz: &dyn Calendar,
) -> Vec<StepAnswers<'a>> {
    let naming = journey.naming();
    let known = guide.steps.iter().map(|s| s.id.as_str());
    let lost = journey
        .steps
        .keys()
        .map(String::as_str)
        .filter(|id| guide.step(id).is_none());
    known
        .chain(lost)
        .filter(|id| filter.admits_step(Some(id)))
        .filter_map(|id| Some((id, journey.steps.get(id)?)))
        .map(|(id, progress)| StepAnswers {
            title: step_title(guide, id),
            answers: step_answers(id, progress, guide, &naming, filter, tz),
        })
        .filter(|s| !s.answers.is_empty())
        .collect()
}

/// One step's answers, in prompt order; answers to prompts the guide has lost come last.
fn step_answers<'a>(
    step_id: &str,
    progress: &'a StepProgress,
    guide: &Guide,
    naming: &Naming,
    filter: &ExportFilter,
    tz: &dyn Calendar,
) -> Vec<AnswerView<'a>> {
    let prompts = guide.step(step_id).map_or(&[][..], |s| &s.prompts[..]);
    let question = |prompt_id: &str| {
        prompts
            .iter()
            .find(|p| p.id == prompt_id)
            .map_or_else(|| prompt_id.to_string(), |p| naming.fill(&p.question))
    };
    let order = |prompt_id: &str| {
        prompts
            .iter()
            .position(|p| p.id == prompt_id)
            .unwrap_or(usize::MAX)
    };
    let mut answers: Vec<_> = progress
        .answers
        .iter()
        .filter(|(_, a)| !a.text.trim().is_empty() && filter.admits_time(a.updated, tz))
        .collect();
    answers.sort_by_key(|(id, _)| order(id));
    answers
        .into_iter()
        .map(|(id, a)| AnswerView {
            question: question(id),
            text: &a.text,
            when: local(a.updated, tz),
        })
        .collect()
}

/// The filter in words, such as "from 2026-03-01 to 2026-03-31, step: Give it space".
fn scope(filter: &ExportFilter, guide: &Guide) -> String {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut parts = Vec::new();
    match (filter.since, filter.until) {
        (Some(since), Some(until)) => parts.push(format!("from {} to {}", day(since), day(until))),
        (Some(since), None) => parts.push(format!("from {}", day(since))),
        (None, Some(until)) => parts.push(format!("up to {}", day(until))),
        (None, None) => {}
    }
    if let Some(step) = &filter.step {
        parts.push(format!("step: {}", step_title(guide, step)));
    }
    parts.join(", ")
}
