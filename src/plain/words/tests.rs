//! What plain mode says, checked against the default guide.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};

use super::*;
use crate::content::Answer;
use crate::content::{Guide, default_guide};
use crate::engine::search::SearchIndex;
use crate::engine::{Action, Journal, Journey, Now, Workbook, apply};
use crate::tui::theme::Theme;

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 21, 0, 0).unwrap()
}

fn book(guide: &Guide, actions: Vec<Action>) -> Workbook {
    let mut book = Workbook {
        journey: Journey::new(guide, at()),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    for action in actions {
        apply(&mut book, guide, action, Now::new(at(), &Utc)).unwrap();
    }
    book
}

fn view<'a>(guide: &'a Guide, book: &'a Workbook, search: &'a SearchIndex) -> View<'a> {
    View {
        guide,
        book,
        now: Now::new(at(), &Utc),
        theme: &Theme::PLAIN,
        naming: book.journey.naming(),
        search,
        export_dir: std::path::Path::new("."),
        privacy: crate::tui::screens::Privacy::Plain,
    }
}

fn named() -> Action {
    Action::Welcome {
        ex_name: Some("Sam".into()),
        pronouns: crate::content::PronounSet::She,
    }
}

#[test]
fn a_step_is_placed_on_its_path_with_its_status() {
    let guide = default_guide().unwrap();
    let book = book(&guide, vec![]);
    let search = SearchIndex::default();
    let view = view(&guide, &book, &search);
    let growth = guide.step("growth").unwrap();
    assert_eq!(
        step_position(&view, growth),
        "Step 2 of 8: Grow for yourself"
    );
    assert_eq!(
        step_with_status(&view, growth),
        "Step 2 of 8: Grow for yourself (open)"
    );
    let grieve = guide.step("grieve").unwrap();
    assert!(step_position(&view, grieve).starts_with("Step 1 of 5: "));
}

#[test]
fn a_locked_step_says_why_in_whole_sentences_with_the_ex_named() {
    let guide = default_guide().unwrap();
    let book = book(&guide, vec![named()]);
    let search = SearchIndex::default();
    let view = view(&guide, &book, &search);
    let lines = step_intro(&view, guide.step("reach-out").unwrap());
    assert!(lines[0].ends_with("(not open yet)"), "{lines:?}");
    let at = lines.iter().position(|l| l == "Not open yet:").unwrap();
    assert!(
        lines[at + 1].starts_with("Opens after the safety check"),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| !l.contains("{ex}")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("Sam")), "{lines:?}");
}

#[test]
fn checklist_items_are_numbered_and_say_ticked_in_words() {
    let guide = default_guide().unwrap();
    let list = guide.checklist("mistakes").unwrap();
    let first = list.entry_ids()[0].to_string();
    let book = book(
        &guide,
        vec![Action::ToggleItem {
            checklist: "mistakes".into(),
            item: first,
        }],
    );
    let search = SearchIndex::default();
    let lines = checklist_lines(&view(&guide, &book, &search), list);
    assert_eq!(
        lines[0],
        format!("{}: 1 of {} ticked.", list.title, list.len())
    );
    assert!(
        lines.iter().any(|l| l.starts_with("1. ticked: ")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("2. not ticked: ")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("[x]") && !l.contains("[ ]"))
    );
}

#[test]
fn a_question_says_what_is_saved_and_what_enter_alone_does() {
    let guide = default_guide().unwrap();
    let book = book(&guide, vec![]);
    let search = SearchIndex::default();
    let view = view(&guide, &book, &search);
    let fresh = prompt_question(&view, (1, 4), "Why {ex}?", Some("A hint."), None, None);
    assert_eq!(fresh[0], "Question 1 of 4: Why your ex?");
    assert_eq!(fresh[1], "A hint.");
    assert_eq!(fresh[2], "Not answered yet.");
    assert!(fresh[3].ends_with("skips it for now."));
    let saved = prompt_question(&view, (2, 4), "Q", None, Some("one\ntwo"), None);
    assert_eq!(
        saved[1..5],
        [
            "Your saved answer:",
            "one",
            "two",
            "End of your saved answer."
        ]
    );
    assert!(saved[5].ends_with("keeps your saved answer."));
    let drafted = prompt_question(&view, (2, 4), "Q", None, Some("old"), Some("new"));
    assert!(drafted[1].contains("kept as a draft"));
    assert_eq!(drafted[2], "new");
    assert!(
        drafted
            .last()
            .unwrap()
            .ends_with("saves the draft above as your answer.")
    );
}

#[test]
fn a_concern_brings_the_kind_note_and_every_reason() {
    let guide = default_guide().unwrap();
    let book = book(&guide, vec![named()]);
    let search = SearchIndex::default();
    let view = view(&guide, &book, &search);
    let check = guide.check("safety").unwrap();
    let mut answers: BTreeMap<String, Answer> = check
        .questions
        .iter()
        .map(|q| (q.id.clone(), Answer::No))
        .collect();
    assert_eq!(
        check_summary(&view, check, &answers, &[]),
        ["Thank you. Nothing here stands in the way."]
    );
    answers.insert("my-behaviour".into(), Answer::Yes);
    let lines = check_summary(&view, check, &answers, &[]);
    assert!(
        lines[0].starts_with("Thank you for answering honestly."),
        "{lines:?}"
    );
    let reason = view.fill(&check.questions[2].reason);
    assert!(lines.contains(&reason), "{lines:?}");
    let page = guide.page("if-you-hurt-them").unwrap();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("\"{}\"", page.title))),
        "the page for this concern is named: {lines:?}"
    );
}

#[test]
fn the_help_page_puts_the_chosen_regions_numbers_first() {
    let guide = default_guide().unwrap();
    let book = book(&guide, vec![Action::SetRegion(Some("uk".into()))]);
    let search = SearchIndex::default();
    let view = view(&guide, &book, &search);
    let lines = page_lines(&view, guide.page(&guide.help_page).unwrap());
    let region = lines
        .iter()
        .position(|l| l.starts_with("In United Kingdom"))
        .unwrap();
    let first_section = lines
        .iter()
        .position(|l| l == "In danger or in crisis right now")
        .unwrap();
    assert!(region < first_section, "{lines:?}");
    assert_eq!(
        lines[region + 1],
        "Emergency services: 999. If you or someone else is in danger now."
    );
}

#[test]
fn an_entry_reads_with_its_date_mood_and_step_and_ends_clearly() {
    let guide = default_guide().unwrap();
    let book = book(
        &guide,
        vec![Action::AddEntry {
            text: "first\nsecond".into(),
            step: Some("space".into()),
            mood: Some(2),
            tags: vec![],
        }],
    );
    let search = SearchIndex::default();
    let view = view(&guide, &book, &search);
    let entry = book.journal.iter().next().unwrap();
    assert_eq!(
        entry_lines(&view, entry, 3),
        [
            "Entry 3, written Sun 1 Mar 2026 at 21:00, mood 2 of 5, low, about \"Give it space\":",
            "first",
            "second",
            "End of entry 3.",
        ]
    );
}

#[test]
fn the_no_contact_count_and_its_slips_are_sentences() {
    let guide = default_guide().unwrap();
    let book = book(
        &guide,
        vec![
            Action::StartNoContact {
                target_days: 21,
                commitment: None,
            },
            Action::LogBreak {
                what: crate::engine::BreakKind::CheckedSocials,
                trigger: "a photo".into(),
                felt: Some(2),
                resets: false,
            },
        ],
    );
    let search = SearchIndex::default();
    let lines = no_contact_lines(&view(&guide, &book, &search));
    assert_eq!(
        lines[0],
        "Day 1 of no contact (0 days done), aiming for 21 days."
    );
    assert!(lines[2].contains("1 slip logged."), "{lines:?}");
    assert_eq!(lines[3], "Slip on 1 Mar: checked socials. a photo");
}
