//! The wellbeing screens at 80×24, driven by keys: the urge pause, the no-contact review, the
//! contact log and the mood check-in on home; the support key, quick-hide and the support overlay.

use crate::tui_support;

use rekindle::engine::{Action, ContactBy, ReviewChoice, UrgeOutcome};
use rekindle::tui::app::Overlay;
use rekindle::tui::effect::Effect;
use rekindle::tui::keymap::ScreenKind;
use rekindle::tui::screens::Screen;
use tui_support::{Rig, draw, find, rows, screen_text};

/// What the user wrote in "Look back honestly", quoted back during an urge pause.
const REFLECTION: &str = "We kept having the same fight about moving.";
/// The message written in the pause instead of being sent.
const DRAFT: &str = "I still think about you. Can we talk?";

fn screen(rig: &Rig) -> String {
    screen_text(rig.draw(80, 24).backend().buffer())
}

fn assert_on_screen(rig: &Rig, wanted: &str) {
    let text = screen(rig);
    assert!(text.contains(wanted), "no {wanted:?} on screen:\n{text}");
}

/// Home after the welcome, with a reflection answered, and the urge pause just opened with `u`.
fn urge_opened() -> Rig {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::AnswerPrompt {
        step: "reflect".to_string(),
        prompt: "what-kept-coming-back".to_string(),
        text: REFLECTION.to_string(),
    });
    rig.press("U");
    rig
}

fn urge_with_draft() -> Rig {
    let mut rig = urge_opened();
    rig.press(&format!("<enter>{DRAFT}<c-s>"));
    rig
}

fn urge_ended() -> Rig {
    let mut rig = urge_with_draft();
    rig.advance_minutes(11);
    rig.press("<down><enter>");
    rig
}

#[test]
fn urge_opened_from_home() {
    let rig = urge_opened();
    assert_eq!(rig.app.screen_kind(), ScreenKind::Urge);
    let pause = rig.app.book.journey.open_urge().expect("u starts a pause");
    assert_eq!(pause.started, tui_support::t0());
    assert_on_screen(&rig, "10:00 left");
    assert_on_screen(&rig, &format!("“{REFLECTION}”"));
    insta::assert_snapshot!("urge_opened", rig.draw(80, 24).backend());
}

#[test]
fn urge_with_a_draft() {
    let rig = urge_with_draft();
    assert!(rig.app.editor.is_none(), "Ctrl-S closed the editor");
    assert_eq!(rig.app.book.journey.open_urge().unwrap().draft, DRAFT);
    assert!(!rig.app.book.drafts.contains_key("urge-draft"));
    assert_on_screen(&rig, DRAFT);
    insta::assert_snapshot!("urge_draft", rig.draw(80, 24).backend());
}

#[test]
fn urge_after_four_minutes() {
    let rig = urge_with_draft();
    rig.advance_minutes(4);
    assert_on_screen(&rig, "6:00 left");
    insta::assert_snapshot!("urge_after_four_minutes", rig.draw(80, 24).backend());
}

#[test]
fn urge_over_when_the_cooldown_ends() {
    let rig = urge_with_draft();
    rig.advance_minutes(10);
    assert_on_screen(&rig, "The pause is over. How did it go?");
    assert!(rig.app.book.journey.open_urge().is_some(), "still open");
}

#[test]
fn urge_ended_shows_earlier_drafts() {
    let rig = urge_ended();
    let journey = &rig.app.book.journey;
    assert!(journey.open_urge().is_none());
    assert_eq!(journey.urges.len(), 1);
    assert_eq!(
        journey.urges[0].ended.map(|(_, o)| o),
        Some(UrgeOutcome::Waited)
    );
    assert_eq!(journey.urges[0].draft, DRAFT);
    assert_on_screen(&rig, "Messages you wrote here instead of sending");
    assert_on_screen(&rig, DRAFT);
    assert_on_screen(&rig, "I waited, and the urge passed");
    insta::assert_snapshot!("urge_ended", rig.draw(80, 24).backend());
}

#[test]
fn pressing_u_again_returns_to_the_open_pause() {
    let mut rig = urge_with_draft();
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
    rig.advance_minutes(3);
    rig.press("U");
    assert_eq!(rig.app.book.journey.urges.len(), 1);
    assert_on_screen(&rig, "7:00 left");
    assert_on_screen(&rig, DRAFT);
}

/// No contact begun through its screen with a commitment, then 21 days on, on the review.
fn review_reached() -> Rig {
    let mut rig = Rig::welcomed();
    rig.press("NsThey would have to want it too.<c-s>");
    assert!(rig.app.book.journey.no_contact.is_some());
    rig.advance_days(20);
    rig.press("r");
    assert_eq!(
        rig.app.screen_kind(),
        ScreenKind::NoContact,
        "no review before the target"
    );
    rig.advance_days(1);
    rig.press("r");
    rig
}

#[test]
fn review_when_the_target_is_reached() {
    let rig = review_reached();
    assert!(matches!(rig.app.screen, Screen::Review(_)));
    assert_on_screen(&rig, "“They would have to want it too.”");
    insta::assert_snapshot!("review_reached", rig.draw(80, 24).backend());
}

#[test]
fn review_after_taking_more_time() {
    let mut rig = review_reached();
    rig.press("<down><down><enter>");
    let record = rig.app.book.journey.no_contact.as_ref().unwrap();
    assert_eq!(record.target_days, 28);
    assert_eq!(record.reviews.len(), 1);
    assert_eq!(record.reviews[0].choice, ReviewChoice::Extend(7));
    assert_eq!(rig.app.screen_kind(), ScreenKind::NoContact);
    assert_on_screen(&rig, "day 22 of 28");
    rig.press("r");
    assert_eq!(
        rig.app.screen_kind(),
        ScreenKind::NoContact,
        "not due again"
    );
    insta::assert_snapshot!("review_after_extend", rig.draw(80, 24).backend());
}

/// The contact log with three of the user's messages logged, none answered.
fn contact_log_over_contact() -> Rig {
    let mut rig = Rig::welcomed();
    rig.app
        .run(Effect::Go(Screen::ContactLog(Default::default())));
    rig.press("<down><down><down>");
    for note in [
        "Asked how the new job is going.",
        "Sent a photo of the dog.",
        "Said happy birthday.",
    ] {
        rig.advance_minutes(90);
        rig.press(&format!("<enter>{note}<c-s>"));
    }
    rig
}

#[test]
fn contact_log_over_contact_note() {
    let rig = contact_log_over_contact();
    let contacts = &rig.app.book.journey.contacts;
    assert_eq!(contacts.len(), 3);
    assert!(
        contacts
            .iter()
            .all(|c| c.by == ContactBy::Me && !c.replied && c.felt == Some(3))
    );
    assert_eq!(contacts[2].went, "Said happy birthday.");
    assert_on_screen(&rig, "have not heard back");
    assert_on_screen(
        &rig,
        "From the common mistakes: “Messaging or calling again",
    );
    insta::assert_snapshot!("contact_log_over_contact", rig.draw(80, 24).backend());
}

#[test]
fn contact_log_notes_one_unanswered_message_and_not_a_replied_one() {
    let mut rig = Rig::welcomed();
    rig.app
        .run(Effect::Go(Screen::ContactLog(Default::default())));
    // "Did they reply: yes", then one message of the user's own without a reply.
    rig.press("<down><right><down><down><enter>one<c-s>");
    assert!(rig.app.book.journey.contacts[0].replied);
    let text = screen(&rig);
    assert!(!text.contains("From the common mistakes"), "{text}");
    rig.press("<up><up><left><down><down><enter>two<c-s>");
    assert_eq!(rig.app.book.journey.contacts.len(), 2);
    assert!(!rig.app.book.journey.contacts[1].replied);
    let text = screen(&rig);
    assert!(
        text.contains("From the common mistakes"),
        "one unanswered message is enough:
{text}"
    );
}

#[test]
fn home_after_a_mood_check() {
    let mut rig = Rig::welcomed();
    rig.press("4");
    assert!(rig.app.book.journey.moods.is_empty(), "4 alone is no mood");
    rig.press("m4");
    let moods = &rig.app.book.journey.moods;
    assert_eq!(moods.len(), 1);
    assert_eq!(moods[0].mood, 4);
    assert_eq!(moods[0].at, tui_support::t0());
    assert_on_screen(&rig, "Mood: okay");
    insta::assert_snapshot!("home_mood", rig.draw(80, 24).backend());
}

/// Asserts every cell of an 80×24 drawing is a space.
fn assert_blank(rig: &Rig) {
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let lit: Vec<String> = rows(buf)
        .into_iter()
        .filter(|r| r.chars().any(|c| c != ' '))
        .collect();
    assert!(
        lit.is_empty(),
        "the screen is not blank:\n{}",
        lit.join("\n")
    );
}

#[test]
fn quick_hide_blanks_everything_even_while_writing() {
    for hide in ["<c-b>", "<f12>"] {
        let mut rig = Rig::welcomed();
        rig.press("nsecret words");
        assert!(rig.app.editor.is_some());
        assert_on_screen(&rig, "secret words");
        press_hide(&mut rig, hide);
        assert_eq!(rig.app.overlay, Some(Overlay::Hidden), "{hide}");
        assert_blank(&rig);
        rig.press("x");
        assert_eq!(rig.app.overlay, None, "any key brings it back");
        let editor = rig.app.editor.as_ref().expect("the editor is still open");
        assert_eq!(
            editor.text(),
            "secret words",
            "the key that woke it typed nothing"
        );
        assert_on_screen(&rig, "secret words");
    }
}

#[test]
fn quick_hide_on_home() {
    let mut rig = Rig::welcomed();
    press_hide(&mut rig, "<f12>");
    assert_blank(&rig);
    rig.press("q");
    assert!(
        !rig.app.quit,
        "the key that brings the screen back does nothing else"
    );
    assert_on_screen(&rig, "Give it space");
}

/// The key parser knows no function keys, so F12 is sent here.
fn press_hide(rig: &mut Rig, key: &str) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    match key {
        "<f12>" => rig.app.on_event(Event::Key(KeyEvent::new(
            KeyCode::F(12),
            KeyModifiers::NONE,
        ))),
        other => rig.press(other),
    }
}

#[test]
fn bang_opens_the_library_on_the_help_page() {
    let mut rig = Rig::welcomed();
    rig.press("!");
    let help = rig.app.guide.help_page.clone();
    match &rig.app.screen {
        Screen::Library(library) => assert_eq!(library.page.as_deref(), Some(help.as_str())),
        other => panic!("! opened {other:?}"),
    }
    let title = rig.app.guide.page(&help).unwrap().title.clone();
    assert_on_screen(&rig, &title);
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn f1_while_writing_shows_support_and_keeps_the_text() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut rig = urge_opened();
    rig.press("<enter>Please answer me");
    rig.app
        .on_event(Event::Key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)));
    assert_eq!(rig.app.overlay, Some(Overlay::Support));
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    assert!(
        find(buf, "Where to find support now").is_some(),
        "{}",
        screen_text(buf)
    );
    let first = &rig.app.guide.page("help").unwrap().sections[0].heading;
    assert!(find(buf, first).is_some(), "{}", screen_text(buf));
    rig.press("<esc>");
    assert_eq!(rig.app.overlay, None);
    let editor = rig.app.editor.as_ref().expect("still writing");
    assert_eq!(editor.text(), "Please answer me");
    assert_on_screen(&rig, "Please answer me");
    rig.press(" soon<c-s>");
    assert_eq!(
        rig.app.book.journey.open_urge().unwrap().draft,
        "Please answer me soon"
    );
}

#[test]
fn the_urge_draft_outlives_a_quit_while_typing() {
    let mut rig = urge_opened();
    rig.press("<enter>half a message<c-c>");
    assert!(rig.app.quit);
    let saved = rig.store.borrow().last.clone().expect("saved");
    assert_eq!(saved.drafts["urge-draft"].text, "half a message");
    assert_eq!(saved.journey.place.editing.as_deref(), Some("urge-draft"));
    let again = Rig::with_book(
        tui_support::guide(),
        saved,
        rekindle::tui::theme::Theme::CALM,
    );
    assert_eq!(again.app.screen_kind(), ScreenKind::Urge);
    assert_eq!(again.app.editor.as_ref().unwrap().text(), "half a message");
}

#[test]
fn draw_does_not_panic_on_small_sizes() {
    for rig in [
        urge_with_draft(),
        review_reached(),
        contact_log_over_contact(),
    ] {
        for (w, h) in [(40, 12), (60, 16), (120, 40)] {
            let _ = draw(&rig.app, w, h);
        }
    }
}

#[test]
fn the_whole_support_overlay_fits_at_80_by_24() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut rig = Rig::welcomed();
    rig.app
        .on_event(Event::Key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)));
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    for section in &rig.app.guide.page("help").unwrap().sections {
        assert!(
            find(buf, &section.heading).is_some(),
            "{}",
            screen_text(buf)
        );
    }
    assert!(
        find(buf, "your text is kept").is_some(),
        "{}",
        screen_text(buf)
    );
}

#[test]
fn contact_log_lists_contacts_newest_first() {
    let rig = contact_log_over_contact();
    let tall = draw(&rig.app, 80, 40);
    let text = screen_text(tall.backend().buffer());
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("no {needle:?}:\n{text}"))
    };
    assert!(at("Said happy birthday.") < at("Sent a photo of the dog."));
    assert!(at("Sent a photo of the dog.") < at("Asked how the new job is going."));
    assert!(at("2 Mar 01:30 · I reached out, no reply · in between") < at("Said happy birthday."));
}

#[test]
fn contact_log_entries_can_be_scrolled_into_view_at_80_by_24() {
    let mut rig = contact_log_over_contact();
    rig.press("<pgdn><pgdn><down><down>");
    assert_on_screen(&rig, "Said happy birthday.");
}
