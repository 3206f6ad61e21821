//! A small journal, journey and zone shared by the export tests.

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, Utc};
use rekindle::content::{Guide, default_guide};
use rekindle::engine::{Journal, JournalEntry, Journey, PromptAnswer};
use rekindle::export::{ExportFilter, Format, export};

/// The user's zone: five hours behind UTC, so local dates differ from UTC dates at night.
pub fn zone() -> FixedOffset {
    FixedOffset::west_opt(5 * 3600).unwrap()
}

/// An instant from RFC 3339 text.
pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// When the tests export.
pub fn now() -> DateTime<Utc> {
    at("2026-03-10T15:00:00Z")
}

/// The built-in guide.
pub fn guide() -> Guide {
    default_guide().unwrap_or_else(|p| panic!("built-in pack: {p}"))
}

/// The title of a step of the built-in guide.
pub fn title(step: &str) -> String {
    guide().step(step).unwrap().title.clone()
}

/// Three entries: a night one tied to `space`, a morning one tied to `growth`, one with markup.
pub fn entries() -> Vec<JournalEntry> {
    vec![
        JournalEntry {
            id: "20260301T023000000Z".into(),
            // 2026-02-28 21:30 local.
            created: at("2026-03-01T02:30:00Z"),
            edited: Some(at("2026-03-01T02:45:10.123456789Z")),
            text: "First night alone.\nCould not sleep 😔".into(),
            step: Some("space".into()),
            mood: Some(2),
            tags: vec!["night".into(), "no-contact".into()],
            extra: Default::default(),
        },
        JournalEntry {
            id: "20260302T140000000Z".into(),
            // 2026-03-02 09:00 local.
            created: at("2026-03-02T14:00:00Z"),
            edited: None,
            text: "Walked by the river 🌊\n\nFelt lighter afterwards.".into(),
            step: Some("growth".into()),
            mood: Some(4),
            tags: vec![],
            extra: Default::default(),
        },
        JournalEntry {
            id: "20260305T045900000Z".into(),
            // 2026-03-04 23:59 local.
            created: at("2026-03-05T04:59:00Z"),
            edited: None,
            text: "<script>alert('hi')</script> & \"quotes\" <img src=x>".into(),
            step: None,
            mood: None,
            tags: vec!["a&b".into()],
            extra: Default::default(),
        },
    ]
}

/// The entries as a journal.
pub fn journal() -> Journal {
    Journal::from_entries(entries())
}

/// A journey naming the ex "Sam", with one answer on `space` and one on `growth`.
pub fn journey() -> Journey {
    let guide = guide();
    let mut journey = Journey::new(&guide, at("2026-02-27T12:00:00Z"));
    journey.settings.ex_name = Some("Sam".into());
    answer(
        &mut journey,
        "space",
        "want-or-lonely",
        SPACE_ANSWER,
        "2026-03-01T12:00:00Z",
    );
    answer(
        &mut journey,
        "growth",
        "body-care",
        GROWTH_ANSWER,
        "2026-03-03T12:00:00Z",
    );
    journey
}

/// The answer given on `space` (updated 2026-03-01 07:00 local).
pub const SPACE_ANSWER: &str = "Honestly, the closeness 💛\nNot sure it is Sam.";
/// The answer given on `growth` (updated 2026-03-03 07:00 local).
pub const GROWTH_ANSWER: &str = "Sleeping badly, walking more.";

fn answer(journey: &mut Journey, step: &str, prompt: &str, text: &str, updated: &str) {
    journey
        .steps
        .entry(step.into())
        .or_default()
        .answers
        .insert(
            prompt.into(),
            PromptAnswer {
                text: text.into(),
                updated: at(updated),
                extra: Default::default(),
            },
        );
}

/// The question of a prompt as the export shows it, with the ex named "Sam".
pub fn question(step: &str, prompt: &str) -> String {
    let guide = guide();
    let prompt = guide
        .step(step)
        .unwrap()
        .prompts
        .iter()
        .find(|p| p.id == prompt)
        .unwrap();
    journey().naming().fill(&prompt.question)
}

/// The fixture exported in `format` with `filter`, journey included.
pub fn exported(format: Format, filter: &ExportFilter) -> String {
    let journal = journal();
    let journey = journey();
    export(
        format,
        &journal,
        Some(&journey),
        &guide(),
        filter,
        &zone(),
        now(),
    )
}

/// The readable formats.
pub const READABLE: [Format; 3] = [Format::Markdown, Format::Text, Format::Html];

/// True when every line of `text` appears in `out` (plain text indents answers).
pub fn shows(out: &str, text: &str) -> bool {
    text.lines().all(|line| out.contains(line))
}
