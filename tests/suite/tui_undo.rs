//! Correct and undo in the workbook: `u` undoes ticks, done marks, slips, contacts, a deleted
//! entry and answers, saving the result and saying what was undone; slips and contacts are
//! corrected and removed from their screens, with a "corrected on" note; `u` still types a u
//! wherever text is being written, and still answers "not sure" in a check.

use chrono::Duration;
use rekindle::content::{ChecklistEntries, Guide};
use rekindle::engine::{Action, BreakKind, ContactBy};
use rekindle::tui::effect::Effect;
use rekindle::tui::keymap::ScreenKind;
use rekindle::tui::screens::Screen;
use tui_support::{Rig, screen_text, t0};

use crate::tui_support;

fn text(rig: &Rig) -> String {
    screen_text(rig.draw(100, 30).backend().buffer())
}

/// The footer line, as drawn at 100 × 30.
fn footer(rig: &Rig) -> String {
    let terminal = rig.draw(100, 30);
    tui_support::row_text(terminal.backend().buffer(), 29)
}

/// The first list of plain items, and the text of its first item.
fn first_item_list(guide: &Guide) -> (usize, String, String) {
    let (at, list) = guide
        .checklists
        .iter()
        .enumerate()
        .find(|(_, c)| matches!(c.entries, ChecklistEntries::Items(_)))
        .expect("a list of items");
    let ChecklistEntries::Items(items) = &list.entries else {
        unreachable!()
    };
    (at, list.id.clone(), items[0].text.clone())
}

/// What the store last saved.
fn saved(rig: &Rig) -> rekindle::engine::Workbook {
    rig.store
        .borrow()
        .last
        .clone()
        .expect("something was saved")
}

fn started(rig: &mut Rig) {
    rig.app.apply(Action::StartNoContact {
        target_days: 21,
        commitment: None,
    });
}

#[test]
fn a_tick_is_undone_saved_and_named() {
    let mut rig = Rig::welcomed();
    let (at, list, item_text) = first_item_list(&rig.app.guide);
    assert!(!footer(&rig).contains("u undo"), "nothing to undo yet");
    rig.press(&format!("C{}<space>", "<right>".repeat(at)));
    assert!(rig.app.book.journey.ticks.contains_key(&list));
    assert!(footer(&rig).contains("u undo"), "{}", footer(&rig));
    let saves = rig.store.borrow().saves;
    rig.press("u");
    assert!(!rig.app.book.journey.ticks.contains_key(&list));
    assert!(rig.store.borrow().saves > saves, "the undo is saved");
    assert!(!saved(&rig).journey.ticks.contains_key(&list));
    let shown = footer(&rig);
    let quoted: String = item_text.chars().take(20).collect();
    assert!(
        shown.contains(&format!("Undid: ticked '{quoted}")),
        "{shown}"
    );
    rig.press("u");
    assert!(footer(&rig).contains("Nothing to undo."));
}

#[test]
fn a_step_marked_done_is_undone_on_the_step_screen() {
    let mut rig = Rig::welcomed();
    rig.app.run(Effect::Go(Screen::step("reflect")));
    rig.press("d");
    assert!(rig.app.book.journey.step("reflect").done.is_some());
    rig.press("u");
    assert!(rig.app.book.journey.step("reflect").done.is_none());
    assert!(saved(&rig).journey.step("reflect").done.is_none());
    assert!(text(&rig).contains("Undid: marked 'Look back honestly' done."));
}

#[test]
fn a_slip_that_restarted_the_count_by_mistake_is_undone_and_the_count_comes_back() {
    let mut rig = Rig::welcomed();
    started(&mut rig);
    rig.advance_days(9);
    rig.press("N");
    assert!(text(&rig).contains("Day 10 of no contact (9 days done)"));
    // b, then down to "Start again from today" and switch it on, then the note.
    rig.press("b<down><down><right><enter>a bad night<c-s>");
    let record = rig.app.book.journey.no_contact.clone().unwrap();
    assert!(record.breaks[0].resets);
    assert!(text(&rig).contains("Day 1 of no contact (0 days done)"));
    rig.press("u");
    let shown = text(&rig);
    assert!(
        shown.contains("Day 10 of no contact (9 days done)"),
        "{shown}"
    );
    assert!(shown.contains("Undid: logged a slip that started the count again."));
    assert!(
        rig.app
            .book
            .journey
            .no_contact
            .as_ref()
            .unwrap()
            .breaks
            .is_empty()
    );
    assert!(saved(&rig).journey.no_contact.unwrap().breaks.is_empty());
}

#[test]
fn a_slip_is_corrected_on_its_screen_and_shows_when() {
    let mut rig = Rig::welcomed();
    started(&mut rig);
    rig.app.apply(Action::LogBreak {
        what: BreakKind::Messaged,
        trigger: "an old photo".into(),
        felt: Some(2),
        resets: true,
    });
    rig.app.apply(Action::LogBreak {
        what: BreakKind::Called,
        trigger: "their birthday".into(),
        felt: Some(1),
        resets: false,
    });
    rig.advance_days(2);
    rig.press("N");
    assert!(text(&rig).contains("e correct it"));
    // The oldest slip is second in the history, newest first.
    rig.press("<down>e");
    let shown = text(&rig);
    assert!(shown.contains("Correct a slip"), "{shown}");
    assert!(
        shown.contains("What happened: ‹ Messaged your ex ›"),
        "{shown}"
    );
    assert!(shown.contains("‹ yes, start the count again ›"), "{shown}");
    rig.press("<down><down><right><enter>");
    let editor = rig.app.editor.as_ref().expect("the note opens to correct");
    assert_eq!(editor.text(), "an old photo");
    rig.press(", then I looked at it for an hour<c-s>");
    let slip = rig.app.book.journey.no_contact.as_ref().unwrap().breaks[0].clone();
    assert_eq!(
        slip.trigger,
        "an old photo, then I looked at it for an hour"
    );
    assert!(!slip.resets);
    assert_eq!(slip.corrected, Some(t0() + Duration::days(2)));
    let on_disk = saved(&rig).journey.no_contact.unwrap().breaks[0].clone();
    assert_eq!(on_disk, slip);
    let shown = text(&rig);
    let date = (t0() + Duration::days(2)).format("%-d %b").to_string();
    assert!(
        shown.contains(&format!("corrected on {date}")),
        "the history shows the correction:\n{shown}"
    );
    assert!(
        shown.contains("2 days done"),
        "the count no longer restarts:\n{shown}"
    );
    rig.press("u");
    assert!(rig.app.book.journey.no_contact.as_ref().unwrap().breaks[0].resets);
    assert!(text(&rig).contains("Undid: corrected a slip."));
}

#[test]
fn a_slip_is_removed_after_a_question_and_comes_back_with_u() {
    let mut rig = Rig::welcomed();
    started(&mut rig);
    rig.app.apply(Action::LogBreak {
        what: BreakKind::CheckedSocials,
        trigger: "scrolled".into(),
        felt: None,
        resets: false,
    });
    rig.press("Nx");
    let shown = text(&rig);
    assert!(shown.contains("Remove the slip of"), "{shown}");
    rig.press("n");
    assert_eq!(
        rig.app
            .book
            .journey
            .no_contact
            .as_ref()
            .unwrap()
            .breaks
            .len(),
        1
    );
    rig.press("xy");
    assert!(
        rig.app
            .book
            .journey
            .no_contact
            .as_ref()
            .unwrap()
            .breaks
            .is_empty()
    );
    assert!(saved(&rig).journey.no_contact.unwrap().breaks.is_empty());
    rig.press("u");
    assert_eq!(
        rig.app
            .book
            .journey
            .no_contact
            .as_ref()
            .unwrap()
            .breaks
            .len(),
        1
    );
    assert!(text(&rig).contains("Undid: removed a slip."));
}

#[test]
fn a_contact_is_corrected_and_removed_on_the_contact_log() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::LogContact {
        by: ContactBy::Me,
        replied: false,
        went: "said hello".into(),
        felt: Some(3),
    });
    rig.advance_days(1);
    rig.app
        .run(Effect::Go(Screen::ContactLog(Default::default())));
    // The first logged contact sits below the form's six rows.
    rig.press("<down><down><down><down><down><down>e");
    let shown = text(&rig);
    assert!(shown.contains("Correcting the contact of"), "{shown}");
    assert!(shown.contains("Who reached out: ‹ I did ›"), "{shown}");
    // They had written first: change who, then correct the words.
    rig.press("<right><down><down><down><enter>");
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "said hello");
    rig.press(" back<c-s>");
    let contact = rig.app.book.journey.contacts[0].clone();
    assert_eq!(contact.by, ContactBy::Them);
    assert_eq!(contact.went, "said hello back");
    assert_eq!(contact.corrected, Some(t0() + Duration::days(1)));
    assert_eq!(
        rig.app.book.journey.contacts.len(),
        1,
        "corrected, not added"
    );
    let date = (t0() + Duration::days(1)).format("%-d %b").to_string();
    let shown = text(&rig);
    assert!(shown.contains(&format!("corrected on {date}")), "{shown}");
    assert!(
        shown.contains("Who reached out: ‹ I did ›") && !shown.contains("Correcting"),
        "the form is for new contacts again:\n{shown}"
    );
    assert_eq!(saved(&rig).journey.contacts[0], contact);

    rig.app
        .run(Effect::Replace(Screen::ContactLog(Default::default())));
    rig.press("<down><down><down><down><down><down>x");
    assert!(text(&rig).contains("Remove the contact of"));
    rig.press("y");
    assert!(rig.app.book.journey.contacts.is_empty());
    rig.press("u");
    assert_eq!(rig.app.book.journey.contacts, vec![contact]);
    assert!(text(&rig).contains("Undid: removed a contact."));
}

#[test]
fn esc_while_correcting_a_contact_stops_and_changes_nothing() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::LogContact {
        by: ContactBy::Them,
        replied: true,
        went: "they asked how I was".into(),
        felt: Some(4),
    });
    let before = rig.app.book.journey.contacts.clone();
    rig.app
        .run(Effect::Go(Screen::ContactLog(Default::default())));
    rig.press("<down><down><down><down><down><down>e<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::ContactLog);
    assert!(!text(&rig).contains("Correcting the contact"));
    assert_eq!(rig.app.book.journey.contacts, before);
}

#[test]
fn a_deleted_journal_entry_comes_back_with_u() {
    let mut rig = Rig::welcomed();
    rig.press("Jnone good morning<c-s>");
    assert_eq!(rig.app.book.journal.len(), 1);
    let entry = rig.app.book.journal.iter().next().unwrap().clone();
    rig.press("xy");
    assert_eq!(rig.app.book.journal.len(), 0);
    rig.press("u");
    assert_eq!(rig.app.book.journal.get(&entry.id), Some(&entry));
    assert_eq!(saved(&rig).journal.get(&entry.id), Some(&entry));
    let shown = text(&rig);
    assert!(
        shown.contains("one good morning"),
        "the list shows it again:\n{shown}"
    );
    assert!(shown.contains("Undid: deleted a journal entry."));
}

#[test]
fn an_answer_saved_over_comes_back() {
    let mut rig = Rig::welcomed();
    let answer = |text: &str| Action::AnswerPrompt {
        step: "reflect".to_string(),
        prompt: "what-kept-coming-back".to_string(),
        text: text.to_string(),
    };
    rig.app.apply(answer("what I wrote first"));
    rig.app.apply(answer(""));
    rig.press("u");
    let step = rig.app.book.journey.step("reflect");
    assert_eq!(
        step.answers["what-kept-coming-back"].text,
        "what I wrote first"
    );
    assert!(text(&rig).contains("Undid: cleared your answer to"));
}

#[test]
fn undo_goes_back_several_changes_newest_first() {
    let mut rig = Rig::welcomed();
    rig.press("m3");
    rig.app.run(Effect::Go(Screen::step("reflect")));
    rig.press("d");
    rig.press("u");
    assert!(rig.app.book.journey.step("reflect").done.is_none());
    assert_eq!(rig.app.book.journey.moods.len(), 1);
    rig.press("u");
    assert!(rig.app.book.journey.moods.is_empty());
    assert!(text(&rig).contains("Undid: checked in your mood (3)."));
}

#[test]
fn u_types_a_u_while_writing_and_while_searching() {
    let mut rig = Rig::welcomed();
    rig.app.run(Effect::Go(Screen::step("reflect")));
    rig.press("d");
    rig.press("Jnunusual<c-s>");
    assert_eq!(rig.app.book.journal.iter().next().unwrap().text, "unusual");
    assert!(
        rig.app.book.journey.step("reflect").done.is_some(),
        "nothing undone"
    );
    rig.press("/u");
    assert!(
        rig.app.book.journey.step("reflect").done.is_some(),
        "nothing undone"
    );
    assert!(text(&rig).contains("unusual"));
}

#[test]
fn in_a_check_u_still_answers_not_sure_and_ctrl_z_undoes() {
    let mut rig = Rig::welcomed();
    rig.app.run(Effect::Go(Screen::step("reflect")));
    rig.press("d");
    rig.press("S");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check);
    rig.press("u");
    assert!(rig.app.book.journey.step("reflect").done.is_some());
    rig.press("<c-z>");
    assert!(rig.app.book.journey.step("reflect").done.is_none());
}

#[test]
fn the_urge_pause_is_on_capital_u() {
    let mut rig = Rig::welcomed();
    rig.press("U");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Urge);
    assert_eq!(rig.app.book.journey.urges.len(), 1);
}

#[test]
fn a_read_only_window_keeps_what_it_cannot_undo() {
    let mut rig = Rig::welcomed();
    rig.app.run(Effect::Go(Screen::step("reflect")));
    rig.press("d");
    rig.app.read_only = true;
    rig.press("u");
    assert!(rig.app.book.journey.step("reflect").done.is_some());
    assert!(text(&rig).contains("Read-only window"));
    rig.app.read_only = false;
    rig.press("u");
    assert!(rig.app.book.journey.step("reflect").done.is_none());
}

#[test]
fn esc_in_the_slip_form_stays_on_the_count() {
    let mut rig = Rig::welcomed();
    started(&mut rig);
    rig.press("Nb<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::NoContact);
    assert!(text(&rig).contains("Nothing was logged."));
    rig.app.apply(Action::LogBreak {
        what: BreakKind::Met,
        trigger: "by chance".into(),
        felt: Some(3),
        resets: false,
    });
    rig.press("e<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::NoContact);
    assert!(text(&rig).contains("Nothing was changed."));
    let shown = text(&rig);
    let row = shown.lines().find(|l| l.contains("by chance")).unwrap();
    assert!(
        row.starts_with(" › "),
        "the selected slip is marked:\n{shown}"
    );
}

#[test]
fn what_was_undone_stays_undone_when_the_workbook_opens_again() {
    let mut rig = Rig::welcomed();
    started(&mut rig);
    rig.advance_days(5);
    rig.press("Nb<down><down><right><enter>a hard evening<c-s>u");
    let on_disk = saved(&rig);
    assert!(
        on_disk
            .journey
            .no_contact
            .as_ref()
            .unwrap()
            .breaks
            .is_empty()
    );
    let now = rig.clock.get();
    let again = Rig::at(
        rig.app.guide.clone(),
        on_disk,
        rekindle::tui::theme::Theme::CALM,
        now,
    );
    let shown = text(&again);
    assert!(
        shown.contains("Day 6 of no contact (5 days done)"),
        "{shown}"
    );
    assert!(shown.contains("No slips logged"), "{shown}");
    assert!(!again.app.can_undo(), "the stack itself is not kept");
}
