//! The engine with a fixed clock: gates, the no-contact count, breaks, path switches and refusals.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Europe::London;
use rekindle::content::{Answer, Guide, PronounSet, default_guide};
use rekindle::engine::*;

fn guide() -> Guide {
    default_guide().unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn book(guide: &Guide, now: DateTime<Utc>) -> Workbook {
    Workbook {
        journey: Journey::new(guide, now),
        journal: Journal::default(),
        drafts: Default::default(),
    }
}

fn now(instant: DateTime<Utc>) -> Now<'static> {
    Now::new(instant, &Utc)
}

fn safety_answers(guide: &Guide, answer_for: impl Fn(&str) -> Answer) -> BTreeMap<String, Answer> {
    guide
        .check(SAFETY_CHECK)
        .unwrap()
        .questions
        .iter()
        .map(|q| (q.id.clone(), answer_for(&q.id)))
        .collect()
}

fn status_of(guide: &Guide, book: &Workbook, id: &str, t: Now<'_>) -> StepStatus {
    step_status(guide, &book.journey, guide.step(id).unwrap(), t)
}

#[test]
fn reaching_out_lists_every_reason_it_is_locked() {
    let guide = guide();
    let t = now(at("2026-03-01T21:00:00Z"));
    let book = book(&guide, t.at);
    let StepStatus::Locked(reasons) = status_of(&guide, &book, "reach-out", t) else {
        panic!("reach-out should be locked at the start");
    };
    let words: Vec<String> = reasons.iter().map(LockReason::describe).collect();
    assert_eq!(
        words[0], "Opens after the safety check, a few gentle questions.",
        "the safety check comes first"
    );
    assert!(
        words
            .iter()
            .any(|w| w.contains("when \"") && w.contains("is done.")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.starts_with(
            "Opens after your no-contact review: start no contact with a target you choose"
        )),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.contains("is ticked (0 of")),
        "{words:?}"
    );
    for w in &words {
        assert!(
            w.chars().next().unwrap().is_uppercase() && w.ends_with('.'),
            "whole sentence: {w}"
        );
    }
    assert_eq!(status_of(&guide, &book, "space", t), StepStatus::Available);
}

#[test]
fn reaching_out_opens_when_every_condition_holds_and_says_when() {
    let guide = guide();
    let start = at("2026-03-01T21:00:00Z");
    let mut book = book(&guide, start);
    let t0 = now(start);
    apply(
        &mut book,
        &guide,
        Action::StartNoContact {
            target_days: 21,
            commitment: None,
        },
        t0,
    )
    .unwrap();
    apply(&mut book, &guide, Action::MarkDone("reflect".into()), t0).unwrap();
    let answers = safety_answers(&guide, |_| Answer::No);
    apply(
        &mut book,
        &guide,
        Action::AnswerCheck {
            check: "safety".into(),
            answers,
            reflection: None,
        },
        t0,
    )
    .unwrap();
    for item in guide.checklist("readiness").unwrap().entry_ids() {
        let action = Action::ToggleItem {
            checklist: "readiness".into(),
            item: item.into(),
        };
        apply(&mut book, &guide, action, t0).unwrap();
    }
    let day9 = now(start + Duration::days(9));
    let StepStatus::Locked(reasons) = status_of(&guide, &book, "reach-out", day9) else {
        panic!("still locked on day 9");
    };
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert_eq!(
        reasons[0].describe(),
        "Opens after your no-contact review, which comes when your 21-day target is reached \
         (on Sun 22 Mar) and only if you then choose to go on. The days of no contact are for \
         getting steady in yourself, not a strategy to win {ex} back."
    );
    // The user's own target, not a fixed count: day 14 is not enough.
    let day14 = now(start + Duration::days(14));
    assert!(!status_of(&guide, &book, "reach-out", day14).is_open());
    let day21 = now(start + Duration::days(21));
    let StepStatus::Locked(reasons) = status_of(&guide, &book, "reach-out", day21) else {
        panic!("the review comes first");
    };
    assert!(
        reasons[0].describe().contains("you reached your target"),
        "{reasons:?}"
    );
    apply(&mut book, &guide, Action::Review(ReviewChoice::GoOn), day21).unwrap();
    assert_eq!(
        status_of(&guide, &book, "reach-out", day21),
        StepStatus::Available
    );
    assert!(matches!(next_step(&guide, &book.journey, day21), Next::Step(s) if s.id == "space"));
}

#[test]
fn a_locked_step_refuses_changes_and_nothing_changes() {
    let guide = guide();
    let t = now(at("2026-03-01T21:00:00Z"));
    let mut book = book(&guide, t.at);
    let before = book.clone();
    let prompt = guide.step("reach-out").unwrap().prompts[0].id.clone();
    let err = apply(
        &mut book,
        &guide,
        Action::AnswerPrompt {
            step: "reach-out".into(),
            prompt,
            text: "hi".into(),
        },
        t,
    )
    .unwrap_err();
    assert!(matches!(err, EngineError::StepLocked { .. }), "{err}");
    assert!(err.to_string().contains("is not open yet"), "{err}");
    let err = apply(&mut book, &guide, Action::MarkDone("nope".into()), t).unwrap_err();
    assert_eq!(err, EngineError::UnknownStep("nope".into()));
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::AddEntry {
                text: "  \n".into(),
                step: None,
                mood: None,
                tags: vec![]
            },
            t
        ),
        Err(EngineError::EmptyEntry)
    );
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::AddEntry {
                text: "x".into(),
                step: None,
                mood: Some(6),
                tags: vec![]
            },
            t
        ),
        Err(EngineError::MoodOutOfRange(6))
    );
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::StartNoContact {
                target_days: 6,
                commitment: None
            },
            t
        ),
        Err(EngineError::TargetOutOfRange(6))
    );
    assert_eq!(
        apply(
            &mut book,
            &guide,
            Action::StartNoContact {
                target_days: 91,
                commitment: None
            },
            t
        ),
        Err(EngineError::TargetOutOfRange(91))
    );
    assert_eq!(
        apply(&mut book, &guide, Action::SetTarget(20), t),
        Err(EngineError::NoContactNotStarted)
    );
    assert_eq!(book, before);
}

#[test]
fn answering_a_prompt_begins_the_step_and_keeps_emoji_and_lines() {
    let guide = guide();
    let t = now(at("2026-03-01T21:00:00Z"));
    let mut book = book(&guide, t.at);
    let prompt = guide.step("space").unwrap().prompts[0].id.clone();
    let text = "I miss the mornings ☕️💛\nbut not the silences.".to_string();
    let action = Action::AnswerPrompt {
        step: "space".into(),
        prompt: prompt.clone(),
        text: text.clone(),
    };
    let outcome = apply(&mut book, &guide, action, t).unwrap();
    assert!(outcome.journey_changed);
    assert_eq!(book.journey.step("space").answers[&prompt].text, text);
    assert_eq!(status_of(&guide, &book, "space", t), StepStatus::InProgress);
    apply(&mut book, &guide, Action::MarkDone("space".into()), t).unwrap();
    assert_eq!(status_of(&guide, &book, "space", t), StepStatus::Done);
}

#[test]
fn the_count_uses_local_calendar_days_across_a_dst_change() {
    // Clocks in London go forward at 01:00 UTC on 29 March 2026: that day has 23 hours.
    let start = London
        .with_ymd_and_hms(2026, 3, 28, 23, 30, 0)
        .unwrap()
        .with_timezone(&Utc);
    let later = London
        .with_ymd_and_hms(2026, 3, 30, 0, 30, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert!(
        later - start < Duration::hours(48),
        "fewer than 48 hours pass"
    );
    let record = NoContact::new(start, 14, None);
    let count = record.progress(Now::new(later, &London));
    assert_eq!(
        count.current_days, 2,
        "28 Mar to 30 Mar is two calendar days"
    );
    assert_eq!(
        count.target_date,
        chrono::NaiveDate::from_ymd_opt(2026, 4, 11).unwrap()
    );
    // And the autumn change (25 Oct 2026, a 25-hour day) is counted once too.
    let start = London
        .with_ymd_and_hms(2026, 10, 24, 12, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let later = London
        .with_ymd_and_hms(2026, 10, 26, 0, 10, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        NoContact::new(start, 14, None)
            .progress(Now::new(later, &London))
            .current_days,
        2
    );
}

#[test]
fn a_clock_that_jumps_back_gives_zero_days_never_negative() {
    let start = at("2026-05-10T12:00:00Z");
    let record = NoContact::new(start, 21, None);
    let count = record.progress(now(at("2026-05-01T12:00:00Z")));
    assert_eq!(count.current_days, 0);
    assert_eq!(count.total_days, 0);
    assert_eq!(count.remaining_days, 21);
    assert!(!count.reached);
}

#[test]
fn breaks_keep_history_and_reset_only_when_the_user_chooses() {
    let guide = guide();
    let start = at("2026-01-01T10:00:00Z");
    let mut book = book(&guide, start);
    apply(
        &mut book,
        &guide,
        Action::StartNoContact {
            target_days: 14,
            commitment: Some("They apologise first".into()),
        },
        now(start),
    )
    .unwrap();
    let day5 = now(start + Duration::days(5));
    apply(
        &mut book,
        &guide,
        Action::LogBreak {
            what: BreakKind::CheckedSocials,
            trigger: "late night".into(),
            felt: Some(2),
            resets: false,
        },
        day5,
    )
    .unwrap();
    let count = book.journey.no_contact.as_ref().unwrap().progress(day5);
    assert_eq!(
        count.current_days, 5,
        "a break that does not reset keeps the run"
    );
    let day8 = now(start + Duration::days(8));
    apply(
        &mut book,
        &guide,
        Action::LogBreak {
            what: BreakKind::Messaged,
            trigger: "sent a long text".into(),
            felt: None,
            resets: true,
        },
        day8,
    )
    .unwrap();
    let day11 = now(start + Duration::days(11));
    let count = book.journey.no_contact.as_ref().unwrap().progress(day11);
    assert_eq!(count.current_days, 3);
    assert_eq!(count.longest_days, 8);
    assert_eq!(count.total_days, 11);
    assert_eq!(count.breaks, 2);
    assert_eq!(count.milestone, Some(3));
    let record = book.journey.no_contact.as_ref().unwrap();
    assert_eq!(record.breaks[0].trigger, "late night", "history stays");
    assert_eq!(record.commitment.as_deref(), Some("They apologise first"));
}

#[test]
fn a_safety_concern_routes_to_healing_and_keeps_everything() {
    let guide = guide();
    let t = now(at("2026-02-01T20:00:00Z"));
    let mut book = book(&guide, t.at);
    apply(
        &mut book,
        &guide,
        Action::Welcome {
            ex_name: Some(" Sam ".into()),
            pronouns: PronounSet::She,
        },
        t,
    )
    .unwrap();
    let prompt = guide.step("space").unwrap().prompts[0].id.clone();
    apply(
        &mut book,
        &guide,
        Action::AnswerPrompt {
            step: "space".into(),
            prompt: prompt.clone(),
            text: "kept".into(),
        },
        t,
    )
    .unwrap();
    apply(
        &mut book,
        &guide,
        Action::AddEntry {
            text: "first entry".into(),
            step: Some("space".into()),
            mood: Some(2),
            tags: vec![],
        },
        t,
    )
    .unwrap();
    let first_question = guide.check(SAFETY_CHECK).unwrap().questions[0].id.clone();
    let answers = safety_answers(&guide, |q| {
        if q == first_question {
            Answer::Unsure
        } else {
            Answer::No
        }
    });
    let outcome = apply(
        &mut book,
        &guide,
        Action::AnswerCheck {
            check: "safety".into(),
            answers,
            reflection: None,
        },
        t,
    )
    .unwrap();
    assert_eq!(outcome.routed_to.as_deref(), Some("heal"));
    assert_eq!(book.journey.path, "heal");
    assert_eq!(book.journey.step("space").answers[&prompt].text, "kept");
    assert_eq!(book.journal.len(), 1);
    assert_eq!(book.journey.settings.ex_name.as_deref(), Some("Sam"));
    let StepStatus::Locked(reasons) = status_of(&guide, &book, "reconnect", t) else {
        panic!("contact steps lock")
    };
    let reason = &guide.check(SAFETY_CHECK).unwrap().questions[0].reason;
    assert!(
        reasons.contains(&LockReason::Concern {
            check: "safety".into(),
            reason: reason.clone()
        }),
        "{reasons:?}"
    );
    assert!(matches!(next_step(&guide, &book.journey, t), Next::Step(s) if s.id == "grieve"));
    apply(&mut book, &guide, Action::ChoosePath("reconcile".into()), t).unwrap();
    assert_eq!(
        book.journey.step("space").answers[&prompt].text,
        "kept",
        "switching back keeps answers"
    );
}

#[test]
fn an_incomplete_check_is_refused() {
    let guide = guide();
    let t = now(at("2026-02-01T20:00:00Z"));
    let mut book = book(&guide, t.at);
    let err = apply(
        &mut book,
        &guide,
        Action::AnswerCheck {
            check: "safety".into(),
            answers: BTreeMap::new(),
            reflection: None,
        },
        t,
    )
    .unwrap_err();
    assert!(matches!(err, EngineError::BadCheckAnswers { .. }), "{err}");
    assert!(book.journey.checks.is_empty());
}

#[test]
fn journal_entries_are_added_edited_and_deleted_by_month() {
    let guide = guide();
    let t = now(at("2026-11-30T23:59:59Z"));
    let mut book = book(&guide, t.at);
    let outcome = apply(
        &mut book,
        &guide,
        Action::AddEntry {
            text: "one".into(),
            step: None,
            mood: Some(3),
            tags: vec!["night".into()],
        },
        t,
    )
    .unwrap();
    assert!(!outcome.journey_changed);
    assert_eq!(
        outcome.months_changed,
        vec![MonthKey {
            year: 2026,
            month: 11
        }]
    );
    let id = outcome.entry_id.unwrap();
    let t2 = now(at("2026-12-01T00:00:01Z"));
    let second = apply(
        &mut book,
        &guide,
        Action::AddEntry {
            text: "two".into(),
            step: None,
            mood: None,
            tags: vec![],
        },
        t2,
    )
    .unwrap();
    assert_eq!(
        second.months_changed,
        vec![MonthKey {
            year: 2026,
            month: 12
        }]
    );
    apply(
        &mut book,
        &guide,
        Action::EditEntry {
            id: id.clone(),
            text: "one, edited".into(),
        },
        t2,
    )
    .unwrap();
    let entry = book.journal.get(&id).unwrap();
    assert_eq!(entry.text, "one, edited");
    assert_eq!(entry.edited, Some(t2.at));
    apply(&mut book, &guide, Action::DeleteEntry(id.clone()), t2).unwrap();
    assert!(book.journal.get(&id).is_none());
    assert_eq!(book.journal.len(), 1);
}

#[test]
fn a_word_joins_the_latest_mood_and_needs_one_first() {
    let guide = guide();
    let t = now(at("2026-02-01T20:00:00Z"));
    let mut book = book(&guide, t.at);
    let refused = apply(&mut book, &guide, Action::MoodWord("tired".into()), t);
    assert_eq!(refused, Err(EngineError::NoMoodYet));
    apply(
        &mut book,
        &guide,
        Action::CheckMood {
            mood: 2,
            word: None,
        },
        t,
    )
    .unwrap();
    apply(&mut book, &guide, Action::MoodWord("  tired  ".into()), t).unwrap();
    assert_eq!(
        book.journey.moods.last().unwrap().word.as_deref(),
        Some("tired")
    );
    apply(&mut book, &guide, Action::MoodWord(" ".into()), t).unwrap();
    assert_eq!(book.journey.moods.last().unwrap().word, None);
}
