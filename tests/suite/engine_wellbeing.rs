//! The wellbeing tools in the engine with a fixed clock: the urge pause and its cooldown, the
//! no-contact review, mood check-ins and their trend, the contact log, and break details.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use engine_support::{fresh_book as book, guide, now, t0};
use rekindle::content::Guide;
use rekindle::engine::*;

use crate::engine_support;

fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// Applies an action that must succeed.
fn ok(book: &mut Workbook, guide: &Guide, action: Action, at: DateTime<Utc>) -> Outcome {
    let shown = format!("{action:?}");
    apply(book, guide, action, now(at)).unwrap_or_else(|e| panic!("{shown} refused: {e}"))
}

/// Applies an action that must be refused with `expected`, and checks nothing changed.
fn refused(
    book: &mut Workbook,
    guide: &Guide,
    action: Action,
    at: DateTime<Utc>,
    expected: EngineError,
) {
    let before = book.clone();
    let result = apply(book, guide, action, now(at));
    assert_eq!(result, Err(expected));
    assert_eq!(*book, before, "a refused action changed the workbook");
}

// ---- the urge pause ----------------------------------------------------------------------------

#[test]
fn the_cooldown_counts_down_and_never_grows_past_the_pause() {
    let pause = UrgePause::new(t0(), DEFAULT_PAUSE_MINUTES);
    assert_eq!(DEFAULT_PAUSE_MINUTES, 10);
    assert_eq!(pause.remaining(t0()), minutes(10));
    assert!(!pause.cooled(t0()));
    assert_eq!(pause.remaining(t0() + minutes(6)), minutes(4));
    assert!(!pause.cooled(t0() + minutes(6)));
    assert_eq!(
        pause.remaining(t0() + minutes(9) + Duration::seconds(59)),
        Duration::seconds(1)
    );
    assert_eq!(pause.remaining(t0() + minutes(10)), Duration::zero());
    assert!(pause.cooled(t0() + minutes(10)));
    assert_eq!(pause.remaining(t0() + minutes(12)), Duration::zero());
    assert!(pause.cooled(t0() + minutes(12)));
    assert_eq!(pause.remaining(t0() - minutes(5)), minutes(10));
    assert_eq!(pause.remaining(t0() - days(3)), minutes(10));
    assert!(!pause.cooled(t0() - minutes(5)));
}

#[test]
fn starting_a_pause_twice_keeps_the_one_already_open() {
    let guide = guide();
    let mut book = book(&guide);
    ok(
        &mut book,
        &guide,
        Action::StartUrgePause { minutes: 10 },
        t0(),
    );
    ok(
        &mut book,
        &guide,
        Action::StartUrgePause { minutes: 20 },
        t0() + minutes(3),
    );
    assert_eq!(book.journey.urges.len(), 1);
    let open = book.journey.open_urge().expect("a pause is open");
    assert_eq!(open.started, t0());
    assert_eq!(open.minutes, 10);
    assert!(open.draft.is_empty());
}

#[test]
fn a_draft_and_how_the_pause_ended_are_kept() {
    let guide = guide();
    let mut book = book(&guide);
    ok(
        &mut book,
        &guide,
        Action::StartUrgePause { minutes: 10 },
        t0(),
    );
    let words = "I miss you.\nCan we talk? 🙂";
    ok(
        &mut book,
        &guide,
        Action::UrgeDraft(words.to_string()),
        t0() + minutes(2),
    );
    assert_eq!(book.journey.open_urge().unwrap().draft, words);
    let end = t0() + minutes(11);
    ok(
        &mut book,
        &guide,
        Action::EndUrgePause(UrgeOutcome::WroteItHere),
        end,
    );
    assert!(book.journey.open_urge().is_none());
    let pause = &book.journey.urges[0];
    assert_eq!(pause.ended, Some((end, UrgeOutcome::WroteItHere)));
    assert_eq!(pause.draft, words, "the draft stays after the pause ends");
    assert!(!pause.is_open());

    ok(
        &mut book,
        &guide,
        Action::StartUrgePause { minutes: 5 },
        t0() + days(1),
    );
    assert_eq!(book.journey.urges.len(), 2, "a new pause after one ended");
    assert!(book.journey.open_urge().unwrap().draft.is_empty());
    assert_eq!(book.journey.urges[0].draft, words);
}

#[test]
fn ending_or_drafting_with_no_pause_open_is_refused() {
    let guide = guide();
    let mut book = book(&guide);
    refused(
        &mut book,
        &guide,
        Action::EndUrgePause(UrgeOutcome::Waited),
        t0(),
        EngineError::NoUrgePause,
    );
    refused(
        &mut book,
        &guide,
        Action::UrgeDraft("hello".to_string()),
        t0(),
        EngineError::NoUrgePause,
    );
    ok(
        &mut book,
        &guide,
        Action::StartUrgePause { minutes: 1 },
        t0(),
    );
    ok(
        &mut book,
        &guide,
        Action::EndUrgePause(UrgeOutcome::Waited),
        t0() + minutes(1),
    );
    refused(
        &mut book,
        &guide,
        Action::EndUrgePause(UrgeOutcome::ContactedThem),
        t0() + minutes(2),
        EngineError::NoUrgePause,
    );
    assert_eq!(
        book.journey.urges[0].ended,
        Some((t0() + minutes(1), UrgeOutcome::Waited))
    );
}

#[test]
fn a_pause_lasts_from_one_minute_to_an_hour() {
    let guide = guide();
    let mut book = book(&guide);
    for bad in [0, 61] {
        refused(
            &mut book,
            &guide,
            Action::StartUrgePause { minutes: bad },
            t0(),
            EngineError::PauseLength(bad),
        );
    }
    ok(
        &mut book,
        &guide,
        Action::StartUrgePause { minutes: 60 },
        t0(),
    );
    assert_eq!(book.journey.open_urge().unwrap().minutes, 60);
}

// ---- the no-contact review ---------------------------------------------------------------------

/// A workbook with no contact begun at `t0` for 21 days.
fn with_no_contact(guide: &Guide) -> Workbook {
    let mut book = book(guide);
    ok(
        &mut book,
        guide,
        Action::StartNoContact {
            target_days: 21,
            commitment: Some("They would want it too.".to_string()),
        },
        t0(),
    );
    book
}

fn record(book: &Workbook) -> &NoContact {
    book.journey.no_contact.as_ref().unwrap()
}

#[test]
fn the_review_is_refused_before_the_target_is_reached() {
    let guide = guide();
    let mut book = book(&guide);
    refused(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::GoOn),
        t0(),
        EngineError::NoContactNotStarted,
    );
    let mut book = with_no_contact(&guide);
    let day_20 = t0() + days(20);
    assert!(!record(&book).review_due(now(day_20)));
    for choice in [
        ReviewChoice::GoOn,
        ReviewChoice::Extend(7),
        ReviewChoice::Heal,
    ] {
        refused(
            &mut book,
            &guide,
            Action::Review(choice),
            day_20,
            EngineError::TargetNotReached,
        );
    }
    assert!(record(&book).review_due(now(t0() + days(21))));
}

#[test]
fn extending_grows_the_target_and_the_review_comes_again_when_it_is_reached() {
    let guide = guide();
    let mut book = with_no_contact(&guide);
    let day_21 = t0() + days(21);
    let outcome = ok(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::Extend(7)),
        day_21,
    );
    assert_eq!(outcome.routed_to, None);
    let nc = record(&book);
    assert_eq!(nc.target_days, 28);
    assert_eq!(
        nc.reviews,
        vec![Review {
            at: day_21,
            target_days: 21,
            choice: ReviewChoice::Extend(7),
            extra: Default::default(),
        }]
    );
    assert!(!nc.review_due(now(day_21)));
    assert!(!nc.review_due(now(t0() + days(27))));
    assert!(nc.review_due(now(t0() + days(28))));
    assert_eq!(book.journey.path, "reconcile");
}

#[test]
fn extending_past_a_hundred_and_twenty_days_in_all_is_refused() {
    let guide = guide();
    let mut book = with_no_contact(&guide);
    let day_21 = t0() + days(21);
    for bad in [0, 100] {
        refused(
            &mut book,
            &guide,
            Action::Review(ReviewChoice::Extend(bad)),
            day_21,
            EngineError::ExtendOutOfRange(bad),
        );
    }
    ok(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::Extend(99)),
        day_21,
    );
    assert_eq!(record(&book).target_days, MAX_EXTENDED_DAYS);
    let day_90 = t0() + days(120);
    refused(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::Extend(1)),
        day_90,
        EngineError::ExtendOutOfRange(1),
    );
}

#[test]
fn healing_switches_the_path_and_keeps_the_answers() {
    let guide = guide();
    let mut book = with_no_contact(&guide);
    ok(
        &mut book,
        &guide,
        Action::AnswerPrompt {
            step: "reflect".to_string(),
            prompt: "what-was-good".to_string(),
            text: "Sunday mornings".to_string(),
        },
        t0() + days(2),
    );
    let day_21 = t0() + days(21);
    let outcome = ok(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::Heal),
        day_21,
    );
    assert_eq!(outcome.routed_to.as_deref(), Some("heal"));
    assert_eq!(book.journey.path, "heal");
    assert_eq!(
        book.journey.step("reflect").answers["what-was-good"].text,
        "Sunday mornings"
    );
    let nc = record(&book);
    assert_eq!(nc.target_days, 21);
    assert_eq!(nc.reviews.last().unwrap().choice, ReviewChoice::Heal);
    assert!(!nc.review_due(now(day_21)));
}

#[test]
fn going_on_is_recorded_and_changes_nothing_else() {
    let guide = guide();
    let mut book = with_no_contact(&guide);
    let day_22 = t0() + days(22);
    assert!(record(&book).review_due(now(day_22)));
    let outcome = ok(
        &mut book,
        &guide,
        Action::Review(ReviewChoice::GoOn),
        day_22,
    );
    assert_eq!(outcome.routed_to, None);
    assert_eq!(book.journey.path, "reconcile");
    let nc = record(&book);
    assert_eq!(nc.target_days, 21);
    assert_eq!(
        nc.reviews,
        vec![Review {
            at: day_22,
            target_days: 21,
            choice: ReviewChoice::GoOn,
            extra: Default::default(),
        }]
    );
    assert!(!nc.review_due(now(day_22)));
}

// ---- mood ---------------------------------------------------------------------------------------

fn mood_at(at: DateTime<Utc>, mood: u8) -> MoodCheck {
    MoodCheck {
        at,
        mood,
        word: None,
        extra: Default::default(),
    }
}

#[test]
fn a_mood_outside_one_to_five_is_refused() {
    let guide = guide();
    let mut book = book(&guide);
    for bad in [0, 6] {
        refused(
            &mut book,
            &guide,
            Action::CheckMood {
                mood: bad,
                word: None,
            },
            t0(),
            EngineError::MoodOutOfRange(bad),
        );
    }
    ok(
        &mut book,
        &guide,
        Action::CheckMood {
            mood: 5,
            word: Some("  hopeful ".to_string()),
        },
        t0(),
    );
    assert_eq!(
        book.journey.moods,
        vec![MoodCheck {
            at: t0(),
            mood: 5,
            word: Some("hopeful".to_string()),
            extra: Default::default(),
        }]
    );
}

#[test]
fn daily_moods_average_each_day_and_leave_gaps() {
    let today = t0();
    let checks = [
        mood_at(today - days(10), 1),
        mood_at(today - days(2) - minutes(60), 2),
        mood_at(today - days(2), 5),
        mood_at(today - minutes(30), 4),
    ];
    assert_eq!(
        daily_moods(&checks, now(today), 4),
        vec![None, Some(3.5), None, Some(4.0)]
    );
    assert_eq!(daily_moods(&[], now(today), 3), vec![None, None, None]);
}

#[test]
fn daily_moods_follow_the_local_calendar() {
    // 21:00 UTC on 1 March is already 2 March at UTC+5.
    let east = FixedOffset::east_opt(5 * 3600).unwrap();
    let late = t0() + minutes(30);
    let checks = [mood_at(t0() - minutes(180), 2), mood_at(late, 4)];
    assert_eq!(
        daily_moods(&checks, Now::new(late, &east), 2),
        vec![Some(2.0), Some(4.0)]
    );
    assert_eq!(
        daily_moods(&checks, Now::new(late, &Utc), 2),
        vec![None, Some(3.0)]
    );
}

/// Check-ins of `before` on days 7 to 13 back and of `recent` on days 0 to 6 back.
fn two_weeks(before: u8, recent: u8) -> Vec<MoodCheck> {
    (0..14)
        .map(|back| mood_at(t0() - days(back), if back >= 7 { before } else { recent }))
        .collect()
}

#[test]
fn the_trend_compares_the_last_week_with_the_one_before() {
    let t = now(t0());
    assert_eq!(trend(&two_weeks(2, 4), t), Trend::Rising);
    assert_eq!(trend(&two_weeks(4, 2), t), Trend::Falling);
    assert_eq!(trend(&two_weeks(3, 3), t), Trend::Steady);
    assert_eq!(trend(&[], t), Trend::Unknown);
    let only_recent: Vec<_> = two_weeks(1, 5).into_iter().take(7).collect();
    assert_eq!(trend(&only_recent, t), Trend::Unknown);
    let only_before: Vec<_> = two_weeks(1, 5).into_iter().skip(7).collect();
    assert_eq!(trend(&only_before, t), Trend::Unknown);
}

#[test]
fn the_trend_needs_half_a_point_either_way() {
    let t = now(t0());
    // Day 7 back belongs to the week before; day 6 back to the last week.
    let pair = |before: u8, recent: u8| {
        vec![
            mood_at(t0() - days(7), before),
            mood_at(t0() - days(6), recent),
        ]
    };
    assert_eq!(trend(&pair(2, 3), t), Trend::Rising);
    assert_eq!(trend(&pair(3, 2), t), Trend::Falling);
    let mut nearly = pair(3, 3);
    nearly.push(mood_at(t0(), 4));
    assert_eq!(trend(&nearly, t), Trend::Rising, "3.5 against 3");
    let mut steady = pair(3, 3);
    steady.extend([mood_at(t0(), 4), mood_at(t0(), 3)]);
    assert_eq!(trend(&steady, t), Trend::Steady, "3.33 against 3");
    let too_old = vec![mood_at(t0() - days(14), 1), mood_at(t0(), 5)];
    assert_eq!(trend(&too_old, t), Trend::Unknown);
}

// ---- the contact log ---------------------------------------------------------------------------

fn contact(by: ContactBy, replied: bool) -> Contact {
    Contact {
        at: t0(),
        by,
        replied,
        went: String::new(),
        felt: None,
        corrected: None,
        extra: Default::default(),
    }
}

#[test]
fn only_the_latest_unanswered_contacts_of_mine_count() {
    use ContactBy::{Me, Them};
    assert_eq!(unanswered_in_a_row(&[]), 0);
    let mut log = vec![contact(Me, false), contact(Me, false), contact(Me, true)];
    assert_eq!(unanswered_in_a_row(&log), 0, "the last one had a reply");
    log.extend([contact(Me, false), contact(Me, false)]);
    assert_eq!(unanswered_in_a_row(&log), 2);
    log.push(contact(Me, false));
    assert_eq!(unanswered_in_a_row(&log), 3);
    log.push(contact(Them, true));
    assert_eq!(unanswered_in_a_row(&log), 0, "they reached out");
    log.push(contact(Me, false));
    assert_eq!(unanswered_in_a_row(&log), 1);
}

#[test]
fn a_contact_from_them_always_counts_as_answered() {
    let guide = guide();
    let mut book = book(&guide);
    let log = |by, replied| Action::LogContact {
        by,
        replied,
        went: "short and kind".to_string(),
        felt: Some(4),
    };
    ok(&mut book, &guide, log(ContactBy::Me, false), t0());
    ok(&mut book, &guide, log(ContactBy::Me, false), t0() + days(1));
    assert_eq!(unanswered_in_a_row(&book.journey.contacts), 2);
    ok(
        &mut book,
        &guide,
        log(ContactBy::Them, false),
        t0() + days(2),
    );
    let last = book.journey.contacts.last().unwrap();
    assert_eq!(last.by, ContactBy::Them);
    assert!(last.replied);
    assert_eq!(last.went, "short and kind");
    assert_eq!(last.felt, Some(4));
    assert_eq!(last.at, t0() + days(2));
    assert!(!book.journey.contacts[0].replied);
    assert_eq!(unanswered_in_a_row(&book.journey.contacts), 0);
    refused(
        &mut book,
        &guide,
        Action::LogContact {
            by: ContactBy::Me,
            replied: true,
            went: String::new(),
            felt: Some(0),
        },
        t0() + days(3),
        EngineError::MoodOutOfRange(0),
    );
}

// ---- breaks -------------------------------------------------------------------------------------

#[test]
fn a_break_keeps_what_set_it_off_and_how_it_felt() {
    let guide = guide();
    let mut book = with_no_contact(&guide);
    let at = t0() + days(3);
    ok(
        &mut book,
        &guide,
        Action::LogBreak {
            what: BreakKind::CheckedSocials,
            trigger: "a song in the café".to_string(),
            felt: Some(2),
            resets: false,
        },
        at,
    );
    assert_eq!(
        record(&book).breaks,
        vec![Break {
            at,
            what: BreakKind::CheckedSocials,
            trigger: "a song in the café".to_string(),
            felt: Some(2),
            resets: false,
            corrected: None,
            extra: Default::default(),
        }]
    );
    refused(
        &mut book,
        &guide,
        Action::LogBreak {
            what: BreakKind::Messaged,
            trigger: "late night".to_string(),
            felt: Some(9),
            resets: true,
        },
        at,
        EngineError::MoodOutOfRange(9),
    );
    ok(
        &mut book,
        &guide,
        Action::LogBreak {
            what: BreakKind::Other,
            trigger: String::new(),
            felt: None,
            resets: false,
        },
        at,
    );
    assert_eq!(record(&book).breaks[1].felt, None);
}
