//! `rekindle status` for someone whose safety check raised a concern, and after a concern was
//! taken back: every reason in whole sentences, the concern first, and no countdown to contact.

use crate::cli_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use chrono::{Duration, Utc};
use cli_support::*;
use rekindle::content::{Answer, default_guide};
use rekindle::engine::{Action, Journal, Journey, Now, Workbook, apply};
use serde_json::Value;

fn write(sb: &Sandbox, journey: &Journey) {
    fs::create_dir_all(sb.data()).unwrap();
    fs::set_permissions(sb.data(), fs::Permissions::from_mode(0o700)).unwrap();
    fs::write(
        sb.data().join("journey.json"),
        serde_json::to_vec_pretty(journey).unwrap(),
    )
    .unwrap();
}

/// Reconcile path by choice, no contact running 3 days, "yes" to harm, every open step done.
fn with_harm(withdrawn: bool) -> Journey {
    let guide = default_guide().unwrap();
    let start = Utc::now() - Duration::days(3);
    let at = |t| Now::new(t, &Utc);
    let mut book = Workbook {
        journey: Journey::new(&guide, start),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    let answers = |harm| {
        guide
            .check("safety")
            .unwrap()
            .questions
            .iter()
            .map(|q| (q.id.clone(), if q.id == "harm" { harm } else { Answer::No }))
            .collect()
    };
    let mut run = |action| apply(&mut book, &guide, action, at(start)).unwrap();
    run(Action::Welcome {
        ex_name: Some("Sam".into()),
        pronouns: Default::default(),
    });
    run(Action::StartNoContact {
        target_days: 21,
        commitment: None,
    });
    run(Action::AnswerCheck {
        check: "safety".into(),
        answers: answers(Answer::Yes),
        reflection: None,
    });
    run(Action::ChoosePath("reconcile".into()));
    for step in ["space", "growth", "reflect"] {
        run(Action::MarkDone(step.into()));
    }
    if withdrawn {
        run(Action::AnswerCheck {
            check: "safety".into(),
            answers: answers(Answer::No),
            reflection: Some("It was never like that; I misread the question.".into()),
        });
    }
    book.journey
}

#[test]
fn status_with_a_concern_names_it_first_and_counts_down_to_nothing() {
    let sb = Sandbox::new();
    write(&sb, &with_harm(false));
    let out = sb.cmd(&["status"]).assert().success();
    let text = stdout(out.get_output());
    assert!(
        text.contains(
            "Next: Reach out lightly, not open yet:\n  - When a relationship has felt unsafe"
        ),
        "{text}"
    );
    assert!(
        text.contains("Contact steps: closed\n  - When a relationship has felt unsafe"),
        "{text}"
    );
    assert!(
        text.contains("No contact: day 4, kept for your own sake"),
        "{text}"
    );
    for countdown in ["to go", "opens after", "Opens after", "Opens in"] {
        assert!(!text.contains(countdown), "{countdown:?} in:\n{text}");
    }
    let out = sb.cmd(&["status", "--json"]).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let reasons = json["next"]["reasons"].as_array().unwrap();
    assert_eq!(reasons.len(), 1);
    assert!(
        reasons[0]
            .as_str()
            .unwrap()
            .starts_with("When a relationship has felt unsafe")
    );
    assert_eq!(json["contact_closed"].as_array().unwrap().len(), 1);
    assert_eq!(json["concern_withdrawn"], Value::Null);
}

#[test]
fn status_after_a_concern_was_taken_back_says_so_and_when() {
    let sb = Sandbox::new();
    write(&sb, &with_harm(true));
    let out = sb.cmd(&["status"]).assert().success();
    let text = stdout(out.get_output());
    assert!(text.contains("  - You took back a concern on "), "{text}");
    assert!(
        text.contains("Contact steps stay closed until at least"),
        "{text}"
    );
    assert!(text.contains("A concern was withdrawn on "), "{text}");
    let out = sb.cmd(&["status", "--json"]).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(json["concern_withdrawn"].is_string(), "{json}");
}
