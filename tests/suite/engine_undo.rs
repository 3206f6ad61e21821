//! Correcting and undoing in the engine: every undoable change put back exactly, slips and
//! contacts corrected (with their "corrected" time) and removed, a mistaken reset undone, the
//! stack's order and limits, and files without the new fields still read.

use chrono::{DateTime, Duration, Utc};
use engine_support::{fresh_book, guide, now, t0};
use rekindle::content::Guide;
use rekindle::engine::undo::{AfterApply, UNDO_DEPTH, prepare};
use rekindle::engine::*;

use crate::engine_support;

fn day(n: i64) -> DateTime<Utc> {
    t0() + Duration::days(n)
}

/// A workbook and its undo stack, changed the way the workbook changes them.
struct Desk {
    guide: Guide,
    book: Workbook,
    stack: UndoStack,
}

impl Desk {
    fn new() -> Self {
        let guide = guide();
        let mut book = fresh_book(&guide);
        book.journey.welcomed = true;
        Self {
            guide,
            book,
            stack: UndoStack::default(),
        }
    }

    /// Applies `action` at `at` (it must succeed) and notes it on the stack.
    fn act(&mut self, action: Action, at: DateTime<Utc>) -> Outcome {
        let shown = format!("{action:?}");
        let prepared = prepare(&self.book, &self.guide, &action);
        let outcome = apply(&mut self.book, &self.guide, action, now(at))
            .unwrap_or_else(|e| panic!("{shown} refused: {e}"));
        self.stack.note(prepared.finish(&self.book));
        outcome
    }

    /// Undoes the newest change at `at`; returns its words and what must be saved.
    fn undo(&mut self, at: DateTime<Utc>) -> (String, Outcome) {
        let record = self.stack.pop().expect("something to undo");
        let label = record.label.clone();
        let outcome = self.act(Action::Undo(Box::new(record)), at);
        (label, outcome)
    }

    fn start_no_contact(&mut self, at: DateTime<Utc>) {
        self.act(
            Action::StartNoContact {
                target_days: 21,
                commitment: None,
            },
            at,
        );
    }

    fn record(&self) -> &NoContact {
        self.book
            .journey
            .no_contact
            .as_ref()
            .expect("no contact runs")
    }
}

/// The journey as the user sees it: everything but when it was last written.
fn progress(journey: &Journey) -> Journey {
    let mut journey = journey.clone();
    journey.updated = t0();
    journey
}

fn slip(resets: bool) -> Action {
    Action::LogBreak {
        what: BreakKind::Messaged,
        trigger: "our song came on".into(),
        felt: Some(2),
        resets,
    }
}

fn contact() -> Action {
    Action::LogContact {
        by: ContactBy::Me,
        replied: false,
        went: "I said happy birthday".into(),
        felt: Some(3),
    }
}

fn first_readiness_item(guide: &Guide) -> String {
    guide.checklist("readiness").unwrap().entry_ids()[0].to_string()
}

#[test]
fn a_tick_is_undone_and_says_which_item() {
    let mut desk = Desk::new();
    let before = progress(&desk.book.journey);
    let item = first_readiness_item(&desk.guide);
    let outcome = desk.act(
        Action::ToggleItem {
            checklist: "readiness".into(),
            item: item.clone(),
        },
        day(0),
    );
    assert!(outcome.journey_changed);
    assert!(desk.book.journey.is_ticked("readiness", &item));
    let (label, outcome) = desk.undo(day(0));
    assert!(label.starts_with("ticked '"), "{label}");
    assert!(outcome.journey_changed, "the undo is saved like a change");
    assert!(outcome.months_changed.is_empty());
    assert_eq!(progress(&desk.book.journey), before);
    assert!(desk.stack.is_empty());
}

#[test]
fn unticking_is_undone_too() {
    let mut desk = Desk::new();
    let item = first_readiness_item(&desk.guide);
    let tick = Action::ToggleItem {
        checklist: "readiness".into(),
        item: item.clone(),
    };
    desk.act(tick.clone(), day(0));
    desk.act(tick, day(0));
    let (label, _) = desk.undo(day(0));
    assert!(label.starts_with("unticked '"), "{label}");
    assert!(desk.book.journey.is_ticked("readiness", &item));
}

#[test]
fn a_step_marked_done_is_undone() {
    let mut desk = Desk::new();
    let before = progress(&desk.book.journey);
    desk.act(Action::MarkDone("reflect".into()), day(0));
    assert!(desk.book.journey.step("reflect").done.is_some());
    let (label, _) = desk.undo(day(0));
    assert!(
        label.starts_with("marked '") && label.ends_with("' done"),
        "{label}"
    );
    assert_eq!(progress(&desk.book.journey), before);
}

#[test]
fn an_answer_changed_by_mistake_comes_back_as_it_was() {
    let mut desk = Desk::new();
    let answer = |text: &str| Action::AnswerPrompt {
        step: "reflect".into(),
        prompt: "what-kept-coming-back".into(),
        text: text.into(),
    };
    desk.act(answer("the first answer"), day(0));
    let before = progress(&desk.book.journey);
    desk.act(answer("typed over it"), day(1));
    let (label, _) = desk.undo(day(1));
    assert!(label.starts_with("saved your answer to '"), "{label}");
    assert_eq!(progress(&desk.book.journey), before);
    let step = desk.book.journey.step("reflect");
    assert_eq!(
        step.answers["what-kept-coming-back"].text,
        "the first answer"
    );
    assert_eq!(step.answers["what-kept-coming-back"].updated, day(0));
    let kept = &desk.book.drafts.texts["prompt:reflect:what-kept-coming-back"];
    assert_eq!(
        kept.text, "typed over it",
        "the undone words wait as a draft"
    );
}

#[test]
fn undoing_a_first_answer_keeps_its_words_as_the_draft_of_the_prompt() {
    let mut desk = Desk::new();
    desk.act(
        Action::AnswerPrompt {
            step: "reflect".into(),
            prompt: "what-kept-coming-back".into(),
            text: "words I meant to keep".into(),
        },
        day(0),
    );
    let (label, outcome) = desk.undo(day(0));
    assert!(label.starts_with("saved your answer to '"), "{label}");
    let step = desk.book.journey.step("reflect");
    assert!(!step.answers.contains_key("what-kept-coming-back"));
    assert!(outcome.drafts_changed, "the draft is saved with the undo");
    let kept = &desk.book.drafts.texts["prompt:reflect:what-kept-coming-back"];
    assert_eq!(kept.text, "words I meant to keep");
}

#[test]
fn a_slip_that_started_the_count_again_by_mistake_is_undone_and_the_count_is_as_before() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(false), day(3));
    let before = desk.record().clone();
    let count_before = before.progress(now(day(12)));
    assert_eq!(count_before.current_days, 12);
    desk.act(slip(true), day(12));
    assert_eq!(desk.record().progress(now(day(12))).current_days, 0);
    let (label, _) = desk.undo(day(12));
    assert_eq!(label, "logged a slip that started the count again");
    assert_eq!(desk.record(), &before);
    assert_eq!(desk.record().progress(now(day(12))), count_before);
    assert_eq!(desk.record().run_started(), day(0));
}

#[test]
fn a_mistaken_reset_corrected_to_keep_the_count_restores_it_and_notes_the_correction() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(true), day(10));
    assert_eq!(desk.record().progress(now(day(14))).current_days, 4);
    desk.act(
        Action::EditBreak {
            index: 0,
            what: BreakKind::CheckedSocials,
            trigger: "only looked at their page".into(),
            felt: Some(3),
            resets: false,
        },
        day(14),
    );
    let corrected = &desk.record().breaks[0];
    assert_eq!(corrected.at, day(10), "a correction keeps the slip's time");
    assert_eq!(corrected.what, BreakKind::CheckedSocials);
    assert_eq!(corrected.trigger, "only looked at their page");
    assert_eq!(corrected.felt, Some(3));
    assert!(!corrected.resets);
    assert_eq!(corrected.corrected, Some(day(14)));
    assert_eq!(desk.record().progress(now(day(14))).current_days, 14);
    let (label, _) = desk.undo(day(14));
    assert_eq!(label, "corrected a slip");
    assert!(desk.record().breaks[0].resets);
    assert_eq!(desk.record().breaks[0].corrected, None);
}

#[test]
fn a_correction_that_changes_nothing_leaves_no_note_and_nothing_to_undo() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(false), day(2));
    desk.stack.clear();
    let outcome = desk.act(
        Action::EditBreak {
            index: 0,
            what: BreakKind::Messaged,
            trigger: "our song came on".into(),
            felt: Some(2),
            resets: false,
        },
        day(3),
    );
    assert!(!outcome.journey_changed);
    assert_eq!(desk.record().breaks[0].corrected, None);
    assert!(desk.stack.is_empty());
}

#[test]
fn a_slip_removed_by_mistake_comes_back() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(false), day(2));
    desk.act(slip(true), day(5));
    let before = desk.record().clone();
    desk.act(Action::DeleteBreak { index: 1 }, day(6));
    assert_eq!(desk.record().breaks.len(), 1);
    assert_eq!(desk.record().run_started(), day(0));
    let (label, _) = desk.undo(day(6));
    assert_eq!(label, "removed a slip");
    assert_eq!(desk.record(), &before);
}

#[test]
fn slips_that_are_not_there_are_refused_and_nothing_changes() {
    let mut desk = Desk::new();
    let untouched = desk.book.clone();
    let result = apply(
        &mut desk.book,
        &desk.guide,
        Action::DeleteBreak { index: 0 },
        now(day(0)),
    );
    assert_eq!(result, Err(EngineError::NoContactNotStarted));
    desk.start_no_contact(day(0));
    let untouched_again = desk.book.clone();
    for action in [
        Action::DeleteBreak { index: 0 },
        Action::EditBreak {
            index: 0,
            what: BreakKind::Other,
            trigger: String::new(),
            felt: None,
            resets: false,
        },
    ] {
        let result = apply(&mut desk.book, &desk.guide, action, now(day(1)));
        assert_eq!(result, Err(EngineError::UnknownSlip(0)));
        assert_eq!(desk.book, untouched_again);
    }
    assert_ne!(untouched, untouched_again);
}

#[test]
fn a_contact_is_corrected_removed_and_each_is_undone() {
    let mut desk = Desk::new();
    desk.act(contact(), day(1));
    let logged = desk.book.journey.contacts.clone();
    desk.act(
        Action::EditContact {
            index: 0,
            by: ContactBy::Them,
            replied: false,
            went: "they wrote first, actually".into(),
            felt: Some(4),
        },
        day(2),
    );
    let fixed = &desk.book.journey.contacts[0];
    assert_eq!(fixed.at, day(1));
    assert_eq!(fixed.by, ContactBy::Them);
    assert!(fixed.replied, "their own message counts as a reply");
    assert_eq!(fixed.went, "they wrote first, actually");
    assert_eq!(fixed.corrected, Some(day(2)));
    let corrected = desk.book.journey.contacts.clone();
    desk.act(Action::DeleteContact { index: 0 }, day(3));
    assert!(desk.book.journey.contacts.is_empty());
    assert_eq!(desk.undo(day(3)).0, "removed a contact");
    assert_eq!(desk.book.journey.contacts, corrected);
    assert_eq!(desk.undo(day(3)).0, "corrected a contact");
    assert_eq!(desk.book.journey.contacts, logged);
    assert_eq!(desk.undo(day(3)).0, "logged a contact");
    assert!(desk.book.journey.contacts.is_empty());
    let result = apply(
        &mut desk.book,
        &desk.guide,
        Action::DeleteContact { index: 0 },
        now(day(3)),
    );
    assert_eq!(result, Err(EngineError::UnknownContact(0)));
}

#[test]
fn a_deleted_journal_entry_comes_back_whole_and_its_month_is_saved() {
    let mut desk = Desk::new();
    let outcome = desk.act(
        Action::AddEntry {
            text: "a long walk, and I felt lighter".into(),
            step: Some("reflect".into()),
            mood: Some(4),
            tags: vec!["walk".into()],
        },
        day(0),
    );
    assert!(
        desk.stack.is_empty(),
        "a new entry is not undone (x deletes it)"
    );
    let id = outcome.entry_id.unwrap();
    let entry = desk.book.journal.get(&id).unwrap().clone();
    desk.act(Action::DeleteEntry(id.clone()), day(1));
    assert!(desk.book.journal.get(&id).is_none());
    let (label, outcome) = desk.undo(day(1));
    assert_eq!(label, "deleted a journal entry");
    assert_eq!(outcome.months_changed, vec![entry.month()]);
    assert_eq!(desk.book.journal.get(&id), Some(&entry));
}

#[test]
fn an_entry_edited_in_the_editor_goes_back_to_its_old_words() {
    let mut desk = Desk::new();
    let id = desk
        .act(
            Action::AddEntry {
                text: "first words".into(),
                step: None,
                mood: None,
                tags: vec![],
            },
            day(0),
        )
        .entry_id
        .unwrap();
    let entry = desk.book.journal.get(&id).unwrap().clone();
    let edited = edited_entry(&desk.book, &id, "second thoughts".into(), now(day(1))).unwrap();
    desk.act(
        Action::FileEntry {
            entry: edited,
            replaces: true,
        },
        day(1),
    );
    assert_eq!(desk.book.journal.get(&id).unwrap().text, "second thoughts");
    assert_eq!(desk.undo(day(1)).0, "edited a journal entry");
    assert_eq!(desk.book.journal.get(&id), Some(&entry));
    let kept = &desk.book.drafts.texts[format!("entry:{id}").as_str()];
    assert_eq!(
        kept.text, "second thoughts",
        "the newer words wait as a draft"
    );
}

#[test]
fn moods_are_undone() {
    let mut desk = Desk::new();
    desk.act(
        Action::CheckMood {
            mood: 2,
            word: None,
        },
        day(0),
    );
    desk.act(Action::MoodWord("tired".into()), day(0));
    assert_eq!(desk.undo(day(0)).0, "added a word to your mood");
    assert_eq!(desk.book.journey.moods[0].word, None);
    assert_eq!(desk.undo(day(0)).0, "checked in your mood (2)");
    assert!(desk.book.journey.moods.is_empty());
}

#[test]
fn changes_are_undone_newest_first_and_only_the_last_twenty_are_kept() {
    let mut desk = Desk::new();
    let start = progress(&desk.book.journey);
    let items: Vec<String> = desk
        .guide
        .checklist("readiness")
        .unwrap()
        .entry_ids()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut states = vec![start.clone()];
    for round in 0..(UNDO_DEPTH + 2) {
        let item = items[round % items.len()].clone();
        desk.act(
            Action::ToggleItem {
                checklist: "readiness".into(),
                item,
            },
            day(0),
        );
        states.push(progress(&desk.book.journey));
    }
    states.pop();
    for _ in 0..UNDO_DEPTH {
        desk.undo(day(0));
        assert_eq!(progress(&desk.book.journey), states.pop().unwrap());
    }
    assert!(desk.stack.is_empty(), "only {UNDO_DEPTH} are kept");
    assert_ne!(progress(&desk.book.journey), start);
}

#[test]
fn moving_about_keeps_the_stack_and_a_change_that_is_not_undone_here_empties_it() {
    let mut desk = Desk::new();
    desk.act(Action::MarkDone("reflect".into()), day(0));
    desk.act(
        Action::MoveTo(Place {
            screen: ScreenId::Journal,
            ..Place::default()
        }),
        day(0),
    );
    desk.act(
        Action::SaveDraft {
            key: "entry-new".into(),
            text: "half a thought".into(),
        },
        day(0),
    );
    assert_eq!(
        desk.stack.next_label(),
        Some("marked 'Look back honestly' done")
    );
    let place = desk.book.journey.place.clone();
    desk.undo(day(0));
    assert_eq!(desk.book.journey.place, place, "undo never moves the user");
    desk.act(Action::MarkDone("reflect".into()), day(0));
    desk.act(
        Action::SetNaming {
            ex_name: Some("Sam".into()),
            pronouns: Default::default(),
        },
        day(0),
    );
    assert!(desk.stack.is_empty());
}

#[test]
fn a_change_that_altered_nothing_leaves_nothing_to_undo() {
    let desk = Desk::new();
    let prepared = prepare(&desk.book, &desk.guide, &Action::Reopen("reflect".into()));
    assert_eq!(prepared.finish(&desk.book), AfterApply::Keep);
}

#[test]
fn old_files_without_the_correction_note_still_read_and_new_ones_keep_it() {
    let old = r#"{"at":"2026-03-04T21:00:00Z","what":"messaged","trigger":"late","felt":2,"resets":true}"#;
    let slip: Break = serde_json::from_str(old).unwrap();
    assert_eq!(slip.corrected, None);
    assert_eq!(
        serde_json::to_string(&slip).unwrap(),
        old,
        "an uncorrected slip is written as before"
    );
    let old = r#"{"at":"2026-03-04T21:00:00Z","by":"me","replied":false,"went":"hi","felt":3}"#;
    let logged: Contact = serde_json::from_str(old).unwrap();
    assert_eq!(logged.corrected, None);
    assert_eq!(serde_json::to_string(&logged).unwrap(), old);
}

#[test]
fn corrections_survive_a_save_and_a_load() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(true), day(4));
    desk.act(contact(), day(5));
    desk.act(
        Action::EditBreak {
            index: 0,
            what: BreakKind::Called,
            trigger: "fixed".into(),
            felt: Some(4),
            resets: false,
        },
        day(6),
    );
    desk.act(
        Action::EditContact {
            index: 0,
            by: ContactBy::Me,
            replied: true,
            went: "they answered after all".into(),
            felt: Some(4),
        },
        day(6),
    );
    let folder = tempfile::tempdir().unwrap();
    let store =
        rekindle::store::Store::open(folder.path(), rekindle::store::Access::ReadWrite).unwrap();
    store.save_journey(&desk.book.journey).unwrap();
    let text = std::fs::read_to_string(store.journey_file()).unwrap();
    assert_eq!(text.matches("\"corrected\"").count(), 2, "{text}");
    let loaded = store.load_journey().unwrap().unwrap();
    assert_eq!(loaded, desk.book.journey);
    let record = loaded.no_contact.unwrap();
    assert_eq!(record.breaks[0].corrected, Some(day(6)));
    assert_eq!(loaded.contacts[0].corrected, Some(day(6)));
}

#[test]
fn the_words_of_an_undone_slip_contact_or_mood_wait_for_the_form_that_logs_one_again() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(false), day(1));
    desk.undo(day(1));
    let key = slip_note_key(BreakKind::Messaged, false, 2);
    assert_eq!(
        desk.book.drafts.texts[key.as_str()].text,
        "our song came on"
    );

    desk.act(contact(), day(2));
    desk.undo(day(2));
    let key = contact_note_key(ContactBy::Me, false, 3);
    assert_eq!(
        desk.book.drafts.texts[key.as_str()].text,
        "I said happy birthday"
    );

    desk.act(
        Action::CheckMood {
            mood: 2,
            word: Some("hollow".into()),
        },
        day(3),
    );
    desk.undo(day(3));
    assert_eq!(desk.book.drafts.texts[MOOD_WORD_KEY].text, "hollow");
}

#[test]
fn an_undone_correction_keeps_the_corrected_words() {
    let mut desk = Desk::new();
    desk.start_no_contact(day(0));
    desk.act(slip(false), day(1));
    desk.act(
        Action::EditBreak {
            index: 0,
            what: BreakKind::Messaged,
            trigger: "our song came on, and I was tired".into(),
            felt: Some(2),
            resets: false,
        },
        day(2),
    );
    desk.undo(day(2));
    assert_eq!(desk.record().breaks[0].trigger, "our song came on");
    let key = slip_note_key(BreakKind::Messaged, false, 2);
    assert_eq!(
        desk.book.drafts.texts[key.as_str()].text,
        "our song came on, and I was tired"
    );
}
