//! What someone who answered "yes" to the harm question sees: the lock reasons on home, on the
//! step, after `c` and at the review, with the concern first and no countdown to contact. Then the
//! response screen and the slip offered with a logged contact.

use crate::tui_support;

use rekindle::content::Answer;
use rekindle::engine::{Action, Response};
use rekindle::tui::keymap::ScreenKind;
use rekindle::tui::screens::Screen;
use tui_support::{Rig, screen_text};

/// Welcomed, "yes" to harm and "no" to the rest, then back on the reconcile path by choice, with
/// no contact running.
fn with_a_concern() -> Rig {
    let mut rig = Rig::new();
    let questions = rig.app.guide.check("safety").unwrap().questions.len();
    let answers: String = (0..questions)
        .map(|i| if i == 1 { 'y' } else { 'n' })
        .collect();
    rig.press(&format!("<down><down><enter>{answers}<enter>"));
    assert_eq!(rig.app.book.journey.path, "heal");
    assert_eq!(
        rig.app.book.journey.checks["safety"].answers["harm"],
        Answer::Yes
    );
    rig.app.apply(Action::ChoosePath("reconcile".into()));
    rig.app.apply(Action::StartNoContact {
        target_days: 14,
        commitment: None,
    });
    rig
}

fn screen(rig: &Rig, width: u16, height: u16) -> String {
    screen_text(rig.draw(width, height).backend().buffer())
}

/// No countdown to contact anywhere on the screen.
fn assert_no_countdown(text: &str) {
    for countdown in [
        "opens after",
        "Opens after",
        "opens in",
        "Opens in",
        "days to go",
    ] {
        assert!(
            !text.contains(countdown),
            "{countdown:?} on screen:\n{text}"
        );
    }
}

#[test]
fn home_with_a_concern_shows_the_concern_under_the_contact_steps() {
    let mut rig = with_a_concern();
    rig.press("hjjj");
    let text = screen(&rig, 80, 24);
    assert!(
        text.contains("When a relationship has felt unsafe"),
        "{text}"
    );
    assert_no_countdown(&text);
    insta::assert_snapshot!("home_with_a_concern", rig.draw(80, 24).backend());
}

#[test]
fn the_reach_out_step_with_a_concern_is_closed_and_says_why() {
    let mut rig = with_a_concern();
    rig.press("hjjj<enter>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
    let text = screen(&rig, 80, 24);
    assert!(text.contains("Closed:"), "{text}");
    assert!(
        text.contains("• When a relationship has felt unsafe"),
        "{text}"
    );
    assert_no_countdown(&text);
    insta::assert_snapshot!("step_with_a_concern", rig.draw(80, 24).backend());
}

#[test]
fn continue_with_a_concern_names_the_concern_not_a_wait() {
    let mut rig = with_a_concern();
    for step in ["space", "growth", "reflect"] {
        rig.app.apply(Action::MarkDone(step.into()));
    }
    rig.press("hc");
    let notice = rig.app.notice.clone().expect("c says what is next");
    assert_eq!(
        notice,
        "Next is \"Reach out lightly\", which is closed: why is at the top."
    );
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
    let text = screen(&rig, 80, 24);
    assert!(
        text.contains("• When a relationship has felt unsafe"),
        "{text}"
    );
    assert_no_countdown(&text);
    insta::assert_snapshot!("continue_with_a_concern", rig.draw(80, 24).backend());
}

#[test]
fn the_review_with_a_concern_offers_no_contact_and_quotes_no_empty_promise() {
    let mut rig = with_a_concern();
    rig.app.apply(Action::ChoosePath("reconcile".into()));
    rig.advance_days(14);
    rig.press("h");
    let text = screen(&rig, 80, 24);
    assert!(
        text.contains("You reached your no-contact target"),
        "{text}"
    );
    rig.press("Nr");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Review);
    rig.press("<down><down><down>");
    let text = screen(&rig, 80, 40);
    assert!(!text.contains("Go on to reaching out"), "{text}");
    assert!(!text.contains("“”"), "{text}");
    assert!(text.contains("(you did not write anything then)"), "{text}");
    assert!(text.contains("Reaching out is not offered here"), "{text}");
    assert!(text.contains("Take more time"), "{text}");
    insta::assert_snapshot!("review_with_a_concern", rig.draw(80, 40).backend());
}

#[test]
fn a_crisis_answer_opens_the_help_page_at_once() {
    let mut rig = Rig::new();
    rig.press("<down><down><enter>y");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Library);
    let text = screen(&rig, 80, 24);
    assert!(text.contains("988"), "crisis lines first:\n{text}");
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check, "Esc comes back");
}

#[test]
fn taking_back_a_concern_shows_its_reason_and_asks_for_a_reflection() {
    let mut rig = with_a_concern();
    rig.press("S");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check);
    let questions = rig.app.guide.check("safety").unwrap().questions.len();
    rig.press(&"n".repeat(questions));
    let text = screen(&rig, 80, 40);
    assert!(text.contains("You are taking back an answer"), "{text}");
    assert!(
        text.contains("When a relationship has felt unsafe"),
        "{text}"
    );
    rig.press("<enter>");
    assert!(rig.app.editor.is_some(), "a reflection is asked for");
    rig.press("We both had counselling since.<c-s>");
    let journey = &rig.app.book.journey;
    assert_eq!(journey.withdrawals.len(), 1);
    assert_eq!(journey.check_history.len(), 2);
    let text = screen(&rig, 80, 24);
    assert!(!text.contains("Opens in"), "{text}");
}

#[test]
fn a_logged_contact_during_no_contact_is_offered_as_a_slip() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::StartNoContact {
        target_days: 21,
        commitment: None,
    });
    rig.app.run(rekindle::tui::effect::Effect::Go(
        rekindle::tui::screens::Screen::ContactLog(Default::default()),
    ));
    rig.press("<enter><enter><enter><enter>I wrote to say happy birthday.<c-s>");
    assert_eq!(rig.app.book.journey.contacts.len(), 1);
    rig.press("y");
    let record = rig.app.book.journey.no_contact.as_ref().unwrap();
    assert_eq!(record.breaks.len(), 1);
    assert_eq!(record.breaks[0].trigger, "I wrote to say happy birthday.");
    assert!(!record.breaks[0].resets, "the count is kept");
}

#[test]
fn a_warm_reply_noted_on_the_response_screen_opens_the_next_step() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::LogContact {
        by: rekindle::engine::ContactBy::Me,
        replied: true,
        went: "hello".into(),
        felt: Some(4),
    });
    rig.press("h");
    let text = screen(&rig, 80, 24);
    assert!(text.contains("How did your ex respond?"), "{text}");
    rig.app.run(rekindle::tui::effect::Effect::Go(
        rekindle::tui::screens::Screen::response(&rig.app.view()),
    ));
    insta::assert_snapshot!("response_choices", rig.draw(80, 24).backend());
    rig.press("<enter>");
    assert_eq!(
        rig.app.book.journey.responses.last().map(|r| r.response),
        Some(Response::Warm)
    );
    let text = screen(&rig, 80, 24);
    assert!(text.contains("Enter: open the next step"), "{text}");
    rig.press("<enter>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
}

#[test]
fn asked_to_stop_is_confirmed_first_and_then_final() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::LogContact {
        by: rekindle::engine::ContactBy::Me,
        replied: false,
        went: "hello".into(),
        felt: Some(2),
    });
    rig.app.run(rekindle::tui::effect::Effect::Go(
        rekindle::tui::screens::Screen::response(&rig.app.view()),
    ));
    rig.press("<down><down><down><down><enter>");
    assert!(rig.app.book.journey.responses.is_empty(), "asks first");
    rig.press("y");
    assert_eq!(
        rig.app.book.journey.responses.last().map(|r| r.response),
        Some(Response::AskedToStop)
    );
    assert_eq!(rig.app.book.journey.path, "heal");
    let text = screen(&rig, 80, 24);
    assert!(text.contains("closed for good"), "{text}");
    // The contact log no longer leads to noting another response.
    rig.app
        .run(rekindle::tui::effect::Effect::Go(Screen::ContactLog(
            Default::default(),
        )));
    rig.press("<down><down><down><down><enter>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::ContactLog);
    let notice = rig.app.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("Your ex asked you to stop"), "{notice}");
}

#[test]
fn several_very_low_check_ins_in_a_row_gently_offer_the_help_page() {
    let mut rig = Rig::welcomed();
    for mood in [3, 1, 1] {
        rig.app.apply(Action::CheckMood { mood, word: None });
    }
    let text = screen(&rig, 80, 24);
    assert!(
        !text.contains("Several very low"),
        "two are not several:\n{text}"
    );
    rig.app.apply(Action::CheckMood {
        mood: 1,
        word: None,
    });
    let text = screen(&rig, 80, 24);
    assert!(text.contains("Several very low check-ins in a"), "{text}");
    assert!(text.contains("! shows who can"), "{text}");
}

#[test]
fn the_profile_is_reached_from_home_and_its_words_appear_on_the_step() {
    let mut rig = Rig::welcomed();
    let rows = {
        let text = screen(&rig, 80, 24);
        text.lines()
            .position(|l| l.contains("Your situation (optional)"))
            .expect("home offers the profile")
    };
    assert!(rows > 0);
    rig.app.run(rekindle::tui::effect::Effect::Go(
        rekindle::tui::screens::Screen::Profile(Default::default()),
    ));
    rig.press("<right>");
    assert_eq!(rig.app.book.journey.profile["children"], "yes");
    insta::assert_snapshot!("profile_children_yes", rig.draw(80, 24).backend());
    rig.press("<left>");
    assert!(rig.app.book.journey.profile.is_empty(), "back to skipped");
    rig.press("<right><esc>h<enter>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
    let text = screen(&rig, 80, 60);
    assert!(
        text.contains("No contact when you share children"),
        "{text}"
    );
}

#[test]
fn a_region_in_the_profile_puts_its_official_numbers_first_on_the_help_page() {
    let mut rig = Rig::welcomed();
    rig.press("!");
    let neutral = screen(&rig, 80, 40);
    assert!(!neutral.contains("numbers last checked"), "{neutral}");
    rig.press("<esc>");
    rig.app.run(rekindle::tui::effect::Effect::Go(
        rekindle::tui::screens::Screen::Profile(Default::default()),
    ));
    let fields = rekindle::content::PROFILE_FIELDS.len();
    rig.press(&format!("{}<right>", "<down>".repeat(fields)));
    assert_eq!(rig.app.book.journey.profile["region"], "uk");
    rig.press("<esc>!");
    let text = screen(&rig, 80, 40);
    let region = text.find("In United Kingdom (numbers last checked 23 November 2026)");
    let first_section = text.find("In danger or in crisis right now");
    assert!(
        region.is_some() && region < first_section,
        "the region comes first:\n{text}"
    );
    assert!(text.contains("Samaritans: 116 123."), "{text}");
    assert!(
        text.contains("National Domestic Abuse Helpline (Refuge): 0808 2000 247."),
        "{text}"
    );
}

#[test]
fn ending_an_urge_pause_with_i_contacted_them_offers_the_slip_in_one_step() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::StartNoContact {
        target_days: 21,
        commitment: None,
    });
    rig.press("U");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Urge);
    rig.app.run(rekindle::tui::effect::Effect::Replace(
        rekindle::tui::screens::Screen::Urge(rekindle::tui::screens::UrgeScreen::at(4)),
    ));
    rig.press("<enter>");
    let text = screen(&rig, 80, 24);
    assert!(text.contains("Log this as a slip too?"), "{text}");
    assert!(!text.contains("Nothing was sent"), "{text}");
    rig.press("y");
    let record = rig.app.book.journey.no_contact.as_ref().unwrap();
    assert_eq!(record.breaks.len(), 1, "logged as a slip");
    assert_eq!(record.breaks[0].what, rekindle::engine::BreakKind::Messaged);
}

#[test]
fn at_40_by_12_the_closed_step_leads_with_its_concern() {
    let mut rig = with_a_concern();
    rig.press("hjjj<enter>");
    insta::assert_snapshot!("step_with_a_concern_40x12", rig.draw(40, 12).backend());
    let text = screen(&rig, 40, 12);
    assert!(text.contains("Closed:"), "{text}");
    assert!(text.contains("• When a relationship has felt"), "{text}");
}

#[test]
fn at_40_by_12_the_response_screen_still_shows_its_answers() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::LogContact {
        by: rekindle::engine::ContactBy::Me,
        replied: true,
        went: "hello".into(),
        felt: Some(4),
    });
    rig.app.run(rekindle::tui::effect::Effect::Go(
        rekindle::tui::screens::Screen::response(&rig.app.view()),
    ));
    insta::assert_snapshot!("response_40x12", rig.draw(40, 12).backend());
    assert!(screen(&rig, 40, 12).contains("› Warmly"));
}

#[test]
fn with_a_concern_the_step_offers_no_way_to_draft_a_message() {
    let mut rig = with_a_concern();
    rig.press("hjjj<enter>");
    assert!(matches!(rig.app.screen, Screen::Step(_)), "on the step");
    let drafted_before = rig.app.book.journal.len();
    // Every row of the step, Enter on each: none opens an editor for a message to the ex.
    for _ in 0..40 {
        let text = screen(&rig, 80, 24);
        assert!(!text.contains("→ Draft a first message"), "{text}");
        rig.press("<down>");
    }
    assert!(
        rig.app.editor.is_none(),
        "no editor for a message to the ex"
    );
    assert_eq!(rig.app.book.journal.len(), drafted_before);
}

#[test]
fn a_clear_first_check_offers_the_profile_and_a_concern_goes_straight_home() {
    let questions = tui_support::guide()
        .check("safety")
        .unwrap()
        .questions
        .len();
    let mut clear = Rig::new();
    clear.press(&format!(
        "<down><down><enter>{}<enter>",
        "n".repeat(questions)
    ));
    assert_eq!(clear.app.screen_kind(), ScreenKind::Profile);
    clear.press("<esc>");
    assert_eq!(clear.app.screen_kind(), ScreenKind::Home, "Esc skips it");
    assert!(clear.app.book.journey.profile.is_empty());

    let mut worried = Rig::new();
    let answers: String = (0..questions)
        .map(|i| if i == 1 { 'y' } else { 'n' })
        .collect();
    worried.press(&format!("<down><down><enter>{answers}<enter>"));
    assert_eq!(worried.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn a_question_for_the_users_situation_is_answered_into_the_journal() {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::SetProfile {
        field: "children".into(),
        answer: Some("yes".into()),
    });
    rig.press("h<enter>");
    let guide = rig.app.guide.clone();
    let space = guide.step("space").unwrap();
    let Screen::Step(state) = &mut rig.app.screen else {
        panic!("on the step")
    };
    // The situation's question comes right after the step's own prompts.
    state.focus = 1 + space.prompts.len();
    rig.press("<enter>");
    assert!(rig.app.editor.is_some(), "the editor opens");
    let text = screen(&rig, 80, 24);
    assert!(
        text.contains("What has to be shared with your ex"),
        "{text}"
    );
    rig.press("Only the Saturday handover.<c-s>");
    let entry = rig.app.book.journal.iter().next().expect("saved");
    assert_eq!(entry.text, "Only the Saturday handover.");
    assert_eq!(entry.step.as_deref(), Some("space"));
    assert_eq!(entry.tags, vec!["situation".to_string()]);
}

#[test]
fn leaving_a_check_with_answers_not_saved_is_asked_and_never_silent() {
    let mut rig = Rig::welcomed();
    rig.press("S");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check);
    let before = rig.app.book.journey.checks.get("safety").cloned();
    // "Have you ever frightened your ex…": unsure, a concern with a library page.
    rig.press("nnu");
    let questions = rig.app.guide.check("safety").unwrap().questions.len();
    rig.press(&"n".repeat(questions - 3));
    rig.press("<esc>");
    assert!(
        matches!(
            rig.app.overlay,
            Some(rekindle::tui::app::Overlay::Confirm { .. })
        ),
        "Esc asks first"
    );
    rig.press("n");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check, "n stays");

    rig.press("L");
    assert_eq!(
        rig.app.screen_kind(),
        ScreenKind::Library,
        "L opens the page named"
    );
    let text = screen(&rig, 100, 30);
    assert!(
        text.contains("If you hurt or frightened a partner"),
        "{text}"
    );
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Check, "Esc comes back");
    let text = screen(&rig, 100, 60);
    assert!(
        text.contains("Enter to save your answers"),
        "the answers wait: {text}"
    );

    rig.press("<esc>y");
    assert_ne!(rig.app.screen_kind(), ScreenKind::Check, "y leaves");
    assert_eq!(
        rig.app.book.journey.checks.get("safety").cloned(),
        before,
        "leaving saved nothing"
    );
}

#[test]
fn at_40_by_12_the_checks_summary_scrolls_to_enter_to_save() {
    let mut rig = Rig::welcomed();
    rig.press("S");
    // Concerns make the summary long: "yes" to harm, "not sure" about one's own behaviour.
    rig.press("nyu");
    let questions = rig.app.guide.check("safety").unwrap().questions.len();
    rig.press(&"n".repeat(questions - 3));
    let first = screen(&rig, 40, 12);
    assert!(!first.contains("Enter to save"), "{first}");
    let mut seen = false;
    for _ in 0..20 {
        rig.press("<pgdn>");
        if screen(&rig, 40, 12).contains("Enter to save your answers") {
            seen = true;
            break;
        }
    }
    assert!(seen, "PgDn reaches the end of the summary");
}

#[test]
fn a_step_closed_for_safety_offers_no_tool_that_leads_towards_contact() {
    let mut rig = with_a_concern();
    rig.app
        .run(rekindle::tui::effect::Effect::Go(Screen::step("reach-out")));
    let text = screen(&rig, 100, 80);
    assert!(text.contains("Take the safety check again"), "{text}");
    for tool in [
        "Draft a first message",
        "Log a contact",
        "responded to your message",
    ] {
        assert!(
            !text.contains(tool),
            "{tool} offered on a closed step:\n{text}"
        );
    }
}
