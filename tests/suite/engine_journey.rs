//! The journey past the first message, with a fixed clock: safety that looks both ways, concerns
//! withdrawn and cooling, each response and where it leads, reaching out ending no contact, a
//! backdated start, and the range of targets.

use std::collections::BTreeMap;

use chrono::Duration;
use engine_support::{fresh_book as fresh, guide, now, t0};
use rekindle::content::{Answer, Guide};
use rekindle::engine::*;

use crate::engine_support;

fn day(n: i64) -> Now<'static> {
    now(t0() + Duration::days(n))
}

fn ok(book: &mut Workbook, guide: &Guide, action: Action, at: Now<'_>) -> Outcome {
    apply(book, guide, action, at).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn answers(guide: &Guide, check: &str, pick: impl Fn(&str) -> Answer) -> BTreeMap<String, Answer> {
    guide
        .check(check)
        .unwrap()
        .questions
        .iter()
        .map(|q| (q.id.clone(), pick(&q.id)))
        .collect()
}

fn take(
    book: &mut Workbook,
    guide: &Guide,
    check: &str,
    pick: impl Fn(&str) -> Answer,
    reflection: Option<&str>,
    at: Now<'_>,
) -> Result<Outcome, EngineError> {
    let action = Action::AnswerCheck {
        check: check.into(),
        answers: answers(guide, check, pick),
        reflection: reflection.map(str::to_string),
    };
    apply(book, guide, action, at)
}

fn status(guide: &Guide, book: &Workbook, step: &str, at: Now<'_>) -> StepStatus {
    step_status(guide, &book.journey, guide.step(step).unwrap(), at)
}

fn reasons(guide: &Guide, book: &Workbook, step: &str, at: Now<'_>) -> Vec<LockReason> {
    match status(guide, book, step, at) {
        StepStatus::Locked(reasons) => reasons,
        other => panic!("{step} should be locked, is {other:?}"),
    }
}

/// Everything ready up to "go on" at the review on day 21, safety all "no".
fn ready_to_reach_out(guide: &Guide) -> Workbook {
    let mut book = fresh(guide);
    let start = Action::StartNoContact {
        target_days: 21,
        commitment: Some("Both of us calm".into()),
    };
    ok(&mut book, guide, start, day(0));
    ok(&mut book, guide, Action::MarkDone("reflect".into()), day(0));
    take(&mut book, guide, "safety", |_| Answer::No, None, day(0)).unwrap();
    for item in guide.checklist("readiness").unwrap().entry_ids() {
        let tick = Action::ToggleItem {
            checklist: "readiness".into(),
            item: item.into(),
        };
        ok(&mut book, guide, tick, day(0));
    }
    ok(
        &mut book,
        guide,
        Action::Review(ReviewChoice::GoOn),
        day(21),
    );
    assert!(status(guide, &book, "reach-out", day(21)).is_open());
    book
}

/// `ready_to_reach_out`, with reaching out marked done on day 22.
fn reached_out(guide: &Guide) -> Workbook {
    let mut book = ready_to_reach_out(guide);
    ok(
        &mut book,
        guide,
        Action::MarkDone("reach-out".into()),
        day(22),
    );
    book
}

fn is_whole_sentence(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase) && text.ends_with(['.', '?', '!'])
}

// ---- 1. lock reasons honest ---------------------------------------------------------------------

#[test]
fn harm_routes_to_heal_and_shows_only_the_concern_never_a_countdown() {
    let guide = guide();
    let mut book = fresh(&guide);
    ok(
        &mut book,
        &guide,
        Action::StartNoContact {
            target_days: 14,
            commitment: None,
        },
        day(0),
    );
    let out = take(
        &mut book,
        &guide,
        "safety",
        |q| if q == "harm" { Answer::Yes } else { Answer::No },
        None,
        day(0),
    )
    .unwrap();
    assert_eq!(out.routed_to.as_deref(), Some("heal"));
    for step in ["reach-out", "reconnect", "address", "slow-down", "trust"] {
        for at in [day(0), day(14), day(100)] {
            let reasons = reasons(&guide, &book, step, at);
            assert!(
                matches!(&reasons[0], LockReason::Concern { check, .. } if check == "safety"),
                "{step}: {reasons:?}"
            );
            for reason in &reasons {
                let words = reason.describe();
                assert!(is_whole_sentence(&words), "{words}");
                assert!(!words.contains("day"), "no countdown for {step}: {words}");
            }
        }
    }
    let review = apply(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::GoOn),
        day(14),
    );
    assert!(
        matches!(review, Err(EngineError::ContactClosed(ref why)) if why.contains("unsafe")),
        "{review:?}"
    );
}

#[test]
fn unsure_about_harm_keeps_contact_closed_and_so_do_the_questions_that_look_the_other_way() {
    let guide = guide();
    for (question, answer) in [
        ("harm", Answer::Unsure),
        ("my-behaviour", Answer::Yes),
        ("my-behaviour", Answer::Unsure),
        ("legal-order", Answer::Unsure),
        ("blocked", Answer::Yes),
        ("crisis", Answer::Unsure),
    ] {
        let mut book = ready_to_reach_out(&guide);
        take(
            &mut book,
            &guide,
            "safety",
            |q| if q == question { answer } else { Answer::No },
            None,
            day(21),
        )
        .unwrap();
        let reasons = reasons(&guide, &book, "reach-out", day(21));
        assert_eq!(reasons.len(), 1, "{question}: {reasons:?}");
        assert!(reasons[0].is_protective(), "{question}");
        assert_eq!(book.journey.path, "heal", "{question}");
    }
}

#[test]
fn the_crisis_question_is_asked_first_and_opens_help_at_once() {
    let guide = guide();
    let check = guide.check("safety").unwrap();
    assert_eq!(check.questions[0].id, "crisis");
    assert!(check.questions[0].urgent);
    assert!(check.questions.iter().filter(|q| q.urgent).count() == 1);
    let hurt = check
        .questions
        .iter()
        .find(|q| q.id == "my-behaviour")
        .unwrap();
    assert_eq!(hurt.page.as_deref(), Some("if-you-hurt-them"));
    assert!(guide.page("if-you-hurt-them").is_some());
}

// ---- 2. answers keep their history; a withdrawn concern cools ----------------------------------

#[test]
fn a_withdrawn_concern_needs_a_reflection_and_keeps_contact_closed_while_it_cools() {
    let guide = guide();
    let mut book = ready_to_reach_out(&guide);
    let harm = |q: &str| if q == "harm" { Answer::Yes } else { Answer::No };
    take(&mut book, &guide, "safety", harm, None, day(21)).unwrap();
    ok(
        &mut book,
        &guide,
        Action::ChoosePath("reconcile".into()),
        day(21),
    );

    let before = book.clone();
    let refused = take(
        &mut book,
        &guide,
        "safety",
        |_| Answer::No,
        Some("  "),
        day(22),
    );
    assert_eq!(
        refused,
        Err(EngineError::ReflectionNeeded {
            questions: vec!["harm".into()]
        })
    );
    assert_eq!(book, before, "nothing changes without a reflection");

    take(
        &mut book,
        &guide,
        "safety",
        |_| Answer::No,
        Some("It was one argument and I have talked it through with a counsellor."),
        day(22),
    )
    .unwrap();
    assert_eq!(book.journey.check_history.len(), 3, "every taking is kept");
    assert_eq!(book.journey.check_history[1].answers["harm"], Answer::Yes);
    let withdrawn = &book.journey.withdrawals[0];
    assert_eq!(withdrawn.questions, vec!["harm".to_string()]);
    assert_eq!(withdrawn.at, day(22).at);

    let cooling = guide.check("safety").unwrap().cooling_days;
    assert_eq!(cooling, 30);
    let reasons = reasons(&guide, &book, "reach-out", day(30));
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    let LockReason::Cooling { until, .. } = &reasons[0] else {
        panic!("{reasons:?}")
    };
    assert_eq!(*until, day(22 + 30).today());
    assert!(is_whole_sentence(&reasons[0].describe()));
    assert!(!status(&guide, &book, "reach-out", day(22 + 29)).is_open());
    assert!(status(&guide, &book, "reach-out", day(22 + 30)).is_open());
}

#[test]
fn answering_no_again_is_not_a_withdrawal() {
    let guide = guide();
    let mut book = ready_to_reach_out(&guide);
    take(&mut book, &guide, "safety", |_| Answer::No, None, day(21)).unwrap();
    assert!(book.journey.withdrawals.is_empty());
    assert!(status(&guide, &book, "reach-out", day(21)).is_open());
}

// ---- 3. after the first message -----------------------------------------------------------------

#[test]
fn reconnect_waits_for_a_warm_reply_noted_after_reaching_out() {
    let guide = guide();
    let mut book = ready_to_reach_out(&guide);
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::RecordResponse(Response::Warm),
            day(21)
        ),
        Err(EngineError::NothingSent)
    );
    ok(
        &mut book,
        &guide,
        Action::MarkDone("reach-out".into()),
        day(22),
    );
    let reasons = reasons(&guide, &book, "reconnect", day(22));
    assert_eq!(reasons, vec![LockReason::NoWarmReply]);
    ok(
        &mut book,
        &guide,
        Action::RecordResponse(Response::Warm),
        day(23),
    );
    assert_eq!(
        status(&guide, &book, "reconnect", day(23)),
        StepStatus::Available
    );
    ok(
        &mut book,
        &guide,
        Action::MarkDone("reconnect".into()),
        day(30),
    );
    assert!(status(&guide, &book, "address", day(30)).is_open());
}

#[test]
fn each_response_leads_where_it_should() {
    assert_eq!(Response::Warm.route(), ResponseRoute::GoOn);
    assert_eq!(Response::Brief.route(), ResponseRoute::WaitAndMirror);
    assert_eq!(Response::Cold.route(), ResponseRoute::MoveOnCheck);
    assert_eq!(Response::NoReply.route(), ResponseRoute::MoveOnCheck);
    assert_eq!(Response::AskedToStop.route(), ResponseRoute::Stopped);

    let guide = guide();
    for response in [Response::Brief, Response::Cold] {
        let mut book = reached_out(&guide);
        ok(&mut book, &guide, Action::RecordResponse(response), day(23));
        assert_eq!(
            reasons(&guide, &book, "reconnect", day(23)),
            vec![LockReason::NoWarmReply],
            "{response:?}"
        );
        assert_eq!(book.journey.path, "reconcile", "{response:?} only suggests");
    }
}

#[test]
fn silence_counts_as_an_answer_only_after_the_waiting_time() {
    let guide = guide();
    let mut book = reached_out(&guide);
    let wait = guide.tools.response.wait_days;
    assert_eq!(wait, 7);
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::RecordResponse(Response::NoReply),
            day(25)
        ),
        Err(EngineError::TooSoonForSilence { wait: 7, left: 4 })
    );
    ok(
        &mut book,
        &guide,
        Action::RecordResponse(Response::NoReply),
        day(29),
    );
    assert!(!status(&guide, &book, "reconnect", day(29)).is_open());
}

#[test]
fn asked_to_stop_closes_every_contact_step_for_good() {
    let guide = guide();
    let mut book = reached_out(&guide);
    ok(
        &mut book,
        &guide,
        Action::RecordResponse(Response::Warm),
        day(23),
    );
    let out = ok(
        &mut book,
        &guide,
        Action::RecordResponse(Response::AskedToStop),
        day(25),
    );
    assert_eq!(out.routed_to.as_deref(), Some("heal"));
    let contact_steps = ["reach-out", "reconnect", "address", "slow-down", "trust"];
    let closed = |book: &Workbook, at: Now<'_>| {
        for step in contact_steps {
            if book.journey.step(step).done.is_some() {
                continue;
            }
            let reasons = reasons(&guide, book, step, at);
            assert_eq!(reasons[0], LockReason::AskedToStop, "{step}");
        }
    };
    closed(&book, day(25));
    // Nothing undoes it: not a retaken check, not the other path, not a later warm reply, not time.
    take(&mut book, &guide, "safety", |_| Answer::No, None, day(26)).unwrap();
    take(&mut book, &guide, "move-on", |_| Answer::No, None, day(26)).unwrap();
    ok(
        &mut book,
        &guide,
        Action::ChoosePath("reconcile".into()),
        day(26),
    );
    ok(
        &mut book,
        &guide,
        Action::RecordResponse(Response::Warm),
        day(27),
    );
    closed(&book, day(400));
    let words = book
        .journey
        .naming()
        .fill(&LockReason::AskedToStop.describe());
    assert!(words.starts_with("Your ex asked you to stop"), "{words}");
    assert!(
        words.contains("for good") && is_whole_sentence(&words),
        "{words}"
    );
    let refused = apply(
        &mut book,
        &guide,
        Action::OpenStep("reconnect".into()),
        day(400),
    );
    assert!(matches!(refused, Err(EngineError::StepLocked { .. })));
    // A reason that keeps someone safe does not pass with time: never "not open yet".
    let said = refused.unwrap_err().to_string();
    assert!(said.contains("stays closed for now"), "{said}");
    assert!(!said.contains("not open yet"), "{said}");
}

#[test]
fn a_concern_in_the_move_on_check_locks_contact_steps_too() {
    let guide = guide();
    let mut book = reached_out(&guide);
    ok(
        &mut book,
        &guide,
        Action::RecordResponse(Response::Warm),
        day(23),
    );
    let out = take(
        &mut book,
        &guide,
        "move-on",
        |q| {
            if q == "unresponsive" {
                Answer::Yes
            } else {
                Answer::No
            }
        },
        None,
        day(24),
    )
    .unwrap();
    assert_eq!(out.routed_to.as_deref(), Some("heal"));
    let reasons = reasons(&guide, &book, "reconnect", day(24));
    assert!(
        matches!(&reasons[0], LockReason::Concern { check, .. } if check == "move-on"),
        "{reasons:?}"
    );
}

// ---- 4. gates that honour the user's plan -------------------------------------------------------

#[test]
fn reaching_out_waits_for_the_users_own_target_and_a_go_on() {
    let guide = guide();
    let mut book = fresh(&guide);
    let start = Action::StartNoContact {
        target_days: 35,
        commitment: None,
    };
    ok(&mut book, &guide, start, day(0));
    ok(
        &mut book,
        &guide,
        Action::MarkDone("reflect".into()),
        day(0),
    );
    take(&mut book, &guide, "safety", |_| Answer::No, None, day(0)).unwrap();
    for item in guide.checklist("readiness").unwrap().entry_ids() {
        let tick = Action::ToggleItem {
            checklist: "readiness".into(),
            item: item.into(),
        };
        ok(&mut book, &guide, tick, day(0));
    }
    let words = reasons(&guide, &book, "reach-out", day(21))[0].describe();
    assert!(words.contains("35-day target"), "{words}");
    assert!(words.contains("not a strategy"), "{words}");
    ok(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::Extend(7)),
        day(35),
    );
    assert!(!status(&guide, &book, "reach-out", day(36)).is_open());
    let words = reasons(&guide, &book, "reach-out", day(42))[0].describe();
    assert!(words.contains("you reached your target"), "{words}");
    ok(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::GoOn),
        day(42),
    );
    assert!(status(&guide, &book, "reach-out", day(42)).is_open());
}

// ---- 5. contact and no contact as one story ----------------------------------------------------

#[test]
fn reaching_out_ends_the_no_contact_stretch_and_keeps_its_count() {
    let guide = guide();
    let book = reached_out(&guide);
    let record = book.journey.no_contact.as_ref().unwrap();
    assert_eq!(record.ended, Some(day(22).at));
    let later = record.progress(day(60));
    assert!(later.ended);
    assert_eq!(
        later.current_days, 22,
        "the count stops when reaching out is done"
    );
    assert_eq!(later.headline(), "ended after 22 days");
    assert!(!record.review_due(day(60)));

    let mut book = book;
    let again = Action::StartNoContact {
        target_days: 30,
        commitment: None,
    };
    ok(&mut book, &guide, again, day(60));
    assert_eq!(
        book.journey.past_no_contact.len(),
        1,
        "the old stretch is kept"
    );
    assert_eq!(book.journey.past_no_contact[0].ended, Some(day(22).at));
    assert!(
        status(&guide, &book, "reach-out", day(60)) == StepStatus::Done,
        "done stays done"
    );
}

#[test]
fn the_start_can_be_backdated_and_day_one_is_day_one() {
    let guide = guide();
    let mut book = fresh(&guide);
    let start = Action::StartNoContact {
        target_days: 21,
        commitment: None,
    };
    ok(&mut book, &guide, start, day(0));
    let count = book.journey.no_contact.as_ref().unwrap().progress(day(0));
    assert_eq!((count.day, count.current_days), (1, 0));
    assert_eq!(count.headline(), "day 1 of 21");
    ok(
        &mut book,
        &guide,
        Action::BackdateNoContact { days_ago: 10 },
        day(0),
    );
    let count = book.journey.no_contact.as_ref().unwrap().progress(day(0));
    assert_eq!((count.day, count.current_days), (11, 10));
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::BackdateNoContact { days_ago: 366 },
            day(0)
        ),
        Err(EngineError::BackdateOutOfRange(366))
    );
}

#[test]
fn targets_go_from_seven_to_ninety_days() {
    let guide = guide();
    for target in [7, 90] {
        let mut book = fresh(&guide);
        let start = Action::StartNoContact {
            target_days: target,
            commitment: None,
        };
        ok(&mut book, &guide, start, day(0));
        let record = book.journey.no_contact.as_ref().unwrap();
        let before = record.progress(day(i64::from(target) - 1));
        assert!(!before.reached, "{target}");
        assert_eq!(before.day, target, "the last day of the stretch");
        let reached = record.progress(day(i64::from(target)));
        assert!(reached.reached && record.review_due(day(i64::from(target))));
        ok(&mut book, &guide, Action::SetTarget(target), day(1));
    }
    for bad in [6, 91] {
        let mut book = fresh(&guide);
        let start = Action::StartNoContact {
            target_days: bad,
            commitment: None,
        };
        assert_eq!(
            apply(&mut book, &guide, start, day(0)),
            Err(EngineError::TargetOutOfRange(bad))
        );
    }
}

// ---- the situation profile ----------------------------------------------------------------------

#[test]
fn the_profile_is_optional_and_brings_the_words_for_a_situation() {
    let guide = guide();
    let mut book = fresh(&guide);
    let space = guide.step("space").unwrap();
    assert!(
        situations(&book.journey, space).is_empty(),
        "nothing until answered"
    );
    let set = |field: &str, answer: Option<&str>| Action::SetProfile {
        field: field.into(),
        answer: answer.map(str::to_string),
    };
    ok(&mut book, &guide, set("children", Some("yes")), day(0));
    let shown: Vec<_> = situations(&book.journey, space)
        .iter()
        .map(|s| s.heading.clone())
        .collect();
    assert_eq!(
        shown,
        vec!["No contact when you share children".to_string()]
    );
    ok(&mut book, &guide, set("circle", Some("both")), day(0));
    assert_eq!(situations(&book.journey, space).len(), 3);
    ok(&mut book, &guide, set("children", None), day(0));
    assert_eq!(
        situations(&book.journey, space).len(),
        2,
        "skipping takes it away"
    );
    assert_eq!(
        apply(&mut book, &guide, set("kids", Some("yes")), day(0)),
        Err(EngineError::UnknownProfileField("kids".into()))
    );
    assert_eq!(
        apply(&mut book, &guide, set("ended", Some("nobody")), day(0)),
        Err(EngineError::BadProfileAnswer {
            field: "ended".into(),
            answer: "nobody".into()
        })
    );
}

#[test]
fn a_region_must_be_one_the_pack_has_numbers_for() {
    let guide = guide();
    let mut book = fresh(&guide);
    ok(
        &mut book,
        &guide,
        Action::SetRegion(Some("uk".into())),
        day(0),
    );
    assert_eq!(book.journey.profile[REGION_KEY], "uk");
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::SetRegion(Some("xx".into())),
            day(0)
        ),
        Err(EngineError::UnknownRegion("xx".into()))
    );
    ok(&mut book, &guide, Action::SetRegion(None), day(0));
    assert!(book.journey.profile.is_empty());
    for region in &guide.tools.regions {
        assert!(
            region
                .lines
                .iter()
                .any(|l| l.organisation == "Emergency services"),
            "{} gives its emergency number",
            region.id
        );
    }
}
