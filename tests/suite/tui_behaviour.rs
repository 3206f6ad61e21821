//! What keys do: editors take their keys, unsaved text is never lost silently, saving, quitting,
//! and resuming where the user was.

use crate::tui_support;

use rekindle::engine::ScreenId;
use rekindle::tui::app::Overlay;
use rekindle::tui::effect::EditTarget;
use rekindle::tui::keymap::ScreenKind;
use rekindle::tui::screens::Screen;
use rekindle::tui::theme::Theme;
use tui_support::{EMOJI_ANSWER, Rig, guide, screen_text};

const FIRST_PROMPT: &str = "why-space";
const FIRST_PROMPT_KEY: &str = "prompt:space:why-space";

fn editor_text(rig: &Rig) -> String {
    rig.app.editor.as_ref().expect("an editor is open").text()
}

fn answer(rig: &Rig, step: &str, prompt: &str) -> Option<String> {
    rig.app
        .book
        .journey
        .step(step)
        .answers
        .get(prompt)
        .map(|a| a.text.clone())
}

#[test]
fn q_on_a_screen_quits() {
    let mut rig = Rig::welcomed();
    rig.press("q");
    assert!(rig.app.quit);
}

#[test]
fn q_inside_an_editor_types_a_q() {
    let mut rig = Rig::welcomed();
    rig.press("Jnquiet quarrel");
    assert!(!rig.app.quit);
    assert_eq!(editor_text(&rig), "quiet quarrel");
    // So do the other screen keys.
    rig.press(" hJNCLE?xd");
    assert_eq!(editor_text(&rig), "quiet quarrel hJNCLE?xd");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
    assert_eq!(rig.app.overlay, None);
}

#[test]
fn esc_with_unsaved_text_asks_and_d_discards() {
    let mut rig = Rig::welcomed();
    rig.press("Jnsomething I regret<esc>");
    assert_eq!(rig.app.overlay, Some(Overlay::Unsaved { then_quit: false }));
    assert!(rig.app.editor.is_some(), "the text is kept while asking");
    rig.press("d");
    assert_eq!(rig.app.overlay, None);
    assert!(rig.app.editor.is_none());
    assert!(rig.app.book.journal.is_empty());
    assert!(rig.app.book.drafts.is_empty());
    assert!(!rig.app.quit);
}

#[test]
fn esc_then_esc_keeps_writing_and_s_saves() {
    let mut rig = Rig::welcomed();
    rig.press("Jnkeep this<esc><esc>");
    assert_eq!(rig.app.overlay, None);
    assert_eq!(editor_text(&rig), "keep this");
    rig.press(" please<esc>s");
    assert!(rig.app.editor.is_none());
    let texts: Vec<_> = rig
        .app
        .book
        .journal
        .iter()
        .map(|e| e.text.clone())
        .collect();
    assert_eq!(texts, ["keep this please"]);
}

#[test]
fn esc_in_an_untouched_editor_just_closes_it() {
    let mut rig = Rig::welcomed();
    rig.press("Jn<esc>");
    assert_eq!(rig.app.overlay, None);
    assert!(rig.app.editor.is_none());
}

#[test]
fn ctrl_s_saves_an_answer_with_emoji_and_lines() {
    let mut rig = Rig::welcomed();
    rig.press(&format!("<enter><enter>{EMOJI_ANSWER}<c-s>"));
    assert!(rig.app.editor.is_none());
    assert_eq!(
        answer(&rig, "space", FIRST_PROMPT).as_deref(),
        Some("I need room 🌱🙂\nand time to breathe ✨")
    );
    assert!(!rig.app.book.drafts.contains_key(FIRST_PROMPT_KEY));
    let saved = rig.store.borrow().last.clone().expect("a save happened");
    assert_eq!(saved.journey, rig.app.book.journey);
}

#[test]
fn reopening_an_answer_starts_from_the_saved_text() {
    let mut rig = Rig::welcomed();
    rig.press("<enter><enter>first<c-s><enter>");
    assert_eq!(editor_text(&rig), "first");
    rig.press(" and second<c-s>");
    assert_eq!(
        answer(&rig, "space", FIRST_PROMPT).as_deref(),
        Some("first and second")
    );
}

#[test]
fn ctrl_c_quits_and_keeps_what_was_being_typed_as_a_draft() {
    let mut rig = Rig::welcomed();
    rig.press("<enter><enter>half a sentence<c-c>");
    assert!(rig.app.quit);
    let saved = rig.store.borrow().last.clone().expect("a save happened");
    let draft = saved
        .drafts
        .get(FIRST_PROMPT_KEY)
        .expect("the typed text was saved as a draft");
    assert_eq!(draft.text, "half a sentence");
    assert_eq!(
        saved.journey.place.editing.as_deref(),
        Some(FIRST_PROMPT_KEY)
    );
    assert_eq!(
        answer(&rig, "space", FIRST_PROMPT),
        None,
        "not saved as the answer"
    );
}

#[test]
fn a_tick_keeps_no_draft_before_the_text_has_waited() {
    let mut rig = Rig::welcomed();
    rig.press("<enter><enter>typing");
    rig.app.tick();
    assert!(!rig.app.book.drafts.contains_key(FIRST_PROMPT_KEY));
}

#[test]
fn moving_to_a_step_is_remembered_as_the_place() {
    let mut rig = Rig::welcomed();
    rig.press("<down><enter>");
    let place = &rig.app.book.journey.place;
    assert_eq!(place.screen, ScreenId::Step);
    assert_eq!(place.step.as_deref(), Some("growth"));
    assert_eq!(place.editing, None);
    let saved = rig.store.borrow().last.clone().unwrap();
    assert_eq!(&saved.journey.place, place, "the place was saved");
}

#[test]
fn a_relaunch_resumes_on_the_same_step() {
    let mut first = Rig::welcomed();
    first.press("<down><enter><down>");
    first
        .app
        .flush()
        .expect("the memory store never fails to flush");
    let book = first.store.borrow().last.clone().unwrap();
    let second = Rig::with_book(guide(), book, Theme::CALM);
    match &second.app.screen {
        Screen::Step(step) => {
            assert_eq!(step.id, "growth");
            assert_eq!(step.focus, 1, "the focused prompt is kept");
        }
        other => panic!("resumed on {other:?}"),
    }
    assert!(second.app.editor.is_none());
}

#[test]
fn a_relaunch_reopens_the_editor_with_the_draft() {
    let mut first = Rig::welcomed();
    first.press("<enter><enter>I was writing this<c-c>");
    let book = first.store.borrow().last.clone().unwrap();
    let second = Rig::with_book(guide(), book, Theme::CALM);
    assert_eq!(second.app.screen_kind(), ScreenKind::Step);
    let editor = second
        .app
        .editor
        .as_ref()
        .expect("the editor is open again");
    assert_eq!(
        editor.request.target,
        EditTarget::Prompt {
            step: "space".into(),
            prompt: FIRST_PROMPT.into()
        }
    );
    assert_eq!(editor.text(), "I was writing this");
    assert!(editor.restored);
}

#[test]
fn a_relaunch_after_the_welcome_lands_home_not_on_the_welcome() {
    let first = Rig::welcomed();
    let book = first.store.borrow().last.clone().unwrap();
    let second = Rig::with_book(guide(), book, Theme::CALM);
    assert_eq!(second.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn the_welcome_saves_the_name_and_pronouns() {
    let mut rig = Rig::new();
    rig.press("<enter>  Sam  <enter><right><down><enter>");
    let settings = &rig.app.book.journey.settings;
    assert_eq!(settings.ex_name.as_deref(), Some("Sam"));
    assert_eq!(settings.pronouns, rekindle::content::PronounSet::She);
    assert!(rig.app.book.journey.welcomed);
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check);
}

#[test]
fn a_concern_in_the_safety_check_moves_to_the_heal_path() {
    let mut rig = Rig::new();
    rig.press("<down><down><enter>nynnnnn<enter>");
    assert_eq!(rig.app.book.journey.path, "heal");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn the_check_will_not_submit_with_a_question_unanswered() {
    let mut rig = Rig::new();
    rig.press("<down><down><enter><enter><enter><enter><enter><enter><enter><enter><enter>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check);
    assert_eq!(
        rig.app.notice.as_deref(),
        Some("Question 1 is not answered yet.")
    );
}

#[test]
fn deleting_an_entry_asks_first() {
    let mut rig = Rig::welcomed();
    rig.press("J");
    tui_support::write_two_entries(&mut rig);
    rig.press("xn");
    assert_eq!(rig.app.book.journal.len(), 2);
    rig.press("xy");
    assert_eq!(rig.app.book.journal.len(), 1);
    let left = rig.app.book.journal.iter().next().unwrap();
    assert!(
        left.text.starts_with("First night"),
        "the selected (newest) one went"
    );
}

#[test]
fn the_no_contact_count_follows_the_clock() {
    let mut rig = Rig::welcomed();
    rig.press("Ns<c-s>");
    let record = rig.app.book.journey.no_contact.clone().expect("started");
    assert_eq!(record.target_days, 21);
    for days in [1, 6, 14] {
        rig.advance_days(days - rig.app.view().now.days_since(record.started) as i64);
        let text = tui_support::screen_text(rig.draw(80, 24).backend().buffer());
        // The day no contact begins is day 1.
        assert!(text.contains(&format!("day {} of 21", days + 1)), "{text}");
        let done = if days == 1 {
            "1 day done".to_string()
        } else {
            format!("{days} days done")
        };
        assert!(
            text.contains(&format!("Day {} of no contact ({done})", days + 1)),
            "{text}"
        );
    }
}

#[test]
fn a_failing_save_is_marked_until_it_succeeds_and_never_takes_a_key() {
    let mut rig = Rig::welcomed();
    assert!(
        !rig.app.tick(),
        "an idle tick changes nothing, so nothing is drawn"
    );
    rig.store.borrow_mut().failing = Some("disk full".into());
    rig.press("J");
    assert!(
        rig.app.tick(),
        "the not-saved mark appears, so the screen is drawn"
    );
    assert!(!rig.app.tick(), "and only once");
    assert_eq!(rig.app.overlay, None, "no window that takes the next key");
    assert_eq!(rig.app.unsaved.len(), 1, "{:?}", rig.app.unsaved);
    rig.press("n");
    assert!(rig.app.editor.is_some(), "the next key did its own work");
    rig.app.tick();
    rig.press("<esc>");
    rig.store.borrow_mut().failing = None;
    rig.press("h");
    rig.app.tick();
    assert!(rig.app.unsaved.is_empty(), "{:?}", rig.app.unsaved);
}

#[test]
fn ctrl_s_on_a_full_disk_keeps_the_text_in_the_open_editor_and_changes_nothing() {
    let mut rig = Rig::welcomed();
    rig.press("Jnthe words I must not lose");
    rig.store.borrow_mut().failing = Some("No space left on device".into());
    rig.press("<c-s>");
    let editor = rig.app.editor.as_ref().expect("the editor stays open");
    assert_eq!(editor.text(), "the words I must not lose");
    assert!(
        editor.problem.as_deref().unwrap().contains("No space left"),
        "{:?}",
        editor.problem
    );
    assert!(rig.app.book.journal.is_empty(), "nothing was filed");
    assert!(
        !rig.app.notice.as_deref().unwrap_or("").contains("Saved"),
        "{:?}",
        rig.app.notice
    );
    let terminal = rig.draw(80, 24);
    let screen = screen_text(terminal.backend().buffer());
    assert!(screen.contains("Not saved: No space left"), "{screen}");

    rig.store.borrow_mut().failing = None;
    rig.press("<c-s>");
    assert!(rig.app.editor.is_none());
    assert_eq!(rig.app.book.journal.len(), 1);
    assert_eq!(rig.app.notice.as_deref(), Some("Saved to your journal."));
    let records = &rig.store.borrow().records;
    assert_eq!(records.len(), 1, "the words were recorded before filing");
}

#[test]
fn the_help_overlay_swallows_the_key_that_closes_it() {
    let mut rig = Rig::welcomed();
    rig.press("?");
    assert_eq!(rig.app.overlay, Some(Overlay::Help));
    rig.press("J");
    assert_eq!(rig.app.overlay, None);
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn esc_from_a_screen_goes_back() {
    let mut rig = Rig::welcomed();
    rig.press("<enter>L<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn the_keys_parser_reads_names_and_text() {
    use crossterm::event::{KeyCode, KeyModifiers};
    let keys = tui_support::keys("a <enter><c-s>J<lt>");
    let codes: Vec<_> = keys.iter().map(|k| (k.code, k.modifiers)).collect();
    assert_eq!(
        codes,
        [
            (KeyCode::Char('a'), KeyModifiers::NONE),
            (KeyCode::Char(' '), KeyModifiers::NONE),
            (KeyCode::Enter, KeyModifiers::NONE),
            (KeyCode::Char('s'), KeyModifiers::CONTROL),
            (KeyCode::Char('J'), KeyModifiers::SHIFT),
            (KeyCode::Char('<'), KeyModifiers::NONE),
        ]
    );
}

#[test]
fn ctrl_s_refused_by_the_engine_keeps_the_text_and_its_draft_and_drops_only_the_record() {
    // A field reopened after a restart on a step that has since closed: saving is refused.
    let guide = guide();
    let mut book = tui_support::fresh_book(&guide);
    book.journey.welcomed = true;
    book.journey.place.screen = ScreenId::Step;
    book.journey.place.step = Some("reach-out".into());
    book.journey.place.editing = Some("prompt:reach-out:why-now".into());
    book.drafts.texts.insert(
        "prompt:reach-out:why-now".into(),
        rekindle::engine::Draft {
            text: "my precious words".into(),
            updated: tui_support::t0(),
        },
    );
    let mut rig = Rig::with_book(guide, book, Theme::CALM);
    assert!(rig.app.editor.is_some(), "the field reopens with its draft");
    rig.press("<c-s>");
    let editor = rig.app.editor.as_ref().expect("the editor stays open");
    assert_eq!(editor.text(), "my precious words");
    assert!(editor.problem.is_some(), "it says why");
    assert_eq!(
        rig.app
            .book
            .drafts
            .get("prompt:reach-out:why-now")
            .map(|d| d.text.as_str()),
        Some("my precious words"),
        "the draft is kept"
    );
    let store = rig.store.borrow();
    assert_eq!(store.records.len(), 1, "the words were recorded first");
    assert!(
        store.waiting.is_empty(),
        "and the record went with the refusal"
    );
    assert!(
        !rig.app.notice.as_deref().unwrap_or("").contains("Saved"),
        "{:?}",
        rig.app.notice
    );
}
