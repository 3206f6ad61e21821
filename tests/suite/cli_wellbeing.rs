//! The real binary: moods, slips and urge pauses in exports, the export for a counsellor, and
//! `status --short` for a shell prompt.

use crate::cli_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use chrono::{DateTime, Duration, Utc};
use cli_support::*;
use rekindle::content::default_guide;
use rekindle::engine::{
    Break, BreakKind, Journey, MoodCheck, Next, NoContact, Now, UrgeOutcome, UrgePause, next_step,
};
use serde_json::Value;

/// A journey started now, with or without a no-contact stretch begun five days ago, two mood
/// check-ins (the same mood a day ago and eight days ago, so the trend is steady), one slip and
/// one urge pause.
fn journey(now: DateTime<Utc>, no_contact: bool) -> Journey {
    let guide = default_guide().unwrap();
    let mut journey = Journey::new(&guide, now);
    journey.moods = vec![
        MoodCheck {
            at: now - Duration::days(8),
            mood: 3,
            word: Some("numb".into()),
            extra: Default::default(),
        },
        MoodCheck {
            at: now - Duration::days(1),
            mood: 3,
            word: Some("<tired>".into()),
            extra: Default::default(),
        },
    ];
    if no_contact {
        let mut stretch = NoContact::new(now - Duration::days(5), 21, None);
        stretch.breaks.push(Break {
            at: now - Duration::days(3),
            what: BreakKind::Called,
            trigger: "our anniversary".into(),
            felt: Some(1),
            resets: false,
            corrected: None,
            extra: Default::default(),
        });
        journey.no_contact = Some(stretch);
    }
    journey.urges.push(UrgePause {
        started: now - Duration::days(2),
        minutes: 10,
        draft: "Are you awake?".into(),
        ended: Some((now - Duration::days(2), UrgeOutcome::WroteItHere)),
        extra: Default::default(),
    });
    journey
}

/// Writes `journey` as the sandbox's journey.json (the data folder is created if need be).
fn write_journey(sb: &Sandbox, journey: &Journey) {
    fs::create_dir_all(sb.data()).unwrap();
    fs::set_permissions(sb.data(), fs::Permissions::from_mode(0o700)).unwrap();
    fs::write(
        sb.data().join("journey.json"),
        serde_json::to_vec_pretty(journey).unwrap(),
    )
    .unwrap();
}

/// The title `status` names as next for `journey` (the sandbox runs in UTC).
fn next_title(journey: &Journey, now: DateTime<Utc>) -> String {
    let guide = default_guide().unwrap();
    match next_step(&guide, journey, Now::new(now, &Utc)) {
        Next::Step(step) => step.title.clone(),
        other => panic!("a fresh journey has a step to do, not {other:?}"),
    }
}

/// A sandbox with two entries and the wellbeing journey; returns the two entry ids.
fn sandbox_with_wellbeing() -> (Sandbox, String, String) {
    let sb = Sandbox::new();
    let first = sb.add("Rough evening, kept checking my phone");
    let second = sb.add("Coffee with Ana & <friends>");
    write_journey(&sb, &journey(Utc::now(), true));
    (sb, first, second)
}

#[test]
fn exports_show_moods_slips_and_urge_pauses() {
    let (sb, _, _) = sandbox_with_wellbeing();
    for format in ["md", "txt", "html"] {
        let out = sb.cmd(&["export", "--format", format]).assert().success();
        let out = stdout(out.get_output());
        for word in [
            "Mood check-ins",
            "3/5 in between",
            "numb",
            "No contact",
            "day 6 of 21",
            "Called your ex",
            "our anniversary",
            "1/5 very low",
            "kept going",
            "Urge pauses",
            "I wrote it here instead",
            "Are you awake?",
            "Rough evening",
        ] {
            assert!(out.contains(word), "{format}: no {word:?}\n{out}");
        }
        if format == "html" {
            assert!(
                out.contains("&lt;tired&gt;") && !out.contains("<tired>"),
                "{out}"
            );
            assert!(out.contains("&lt;friends&gt;") && !out.contains("<friends>"));
        }
    }
}

#[test]
fn json_export_is_unchanged_by_the_journey() {
    let (sb, _, _) = sandbox_with_wellbeing();
    let out = sb.cmd(&["export", "--format", "json"]).assert().success();
    let value: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["entries", "exported", "format", "version"]);
    assert_eq!(value["entries"].as_array().unwrap().len(), 2);
}

#[test]
fn counsellor_export_holds_only_the_chosen_entries_and_the_moods() {
    let (sb, first, _) = sandbox_with_wellbeing();
    for format in ["md", "html"] {
        let out = sb
            .cmd(&["export", "--for-counsellor", "--format", format])
            .arg("--entries")
            .arg(&first)
            .assert()
            .success()
            .stderr("");
        let out = stdout(out.get_output());
        assert!(out.contains("For my counsellor"), "{format}\n{out}");
        assert!(out.contains("Rough evening"), "{format}\n{out}");
        assert!(!out.contains("Coffee with Ana"), "{format}\n{out}");
        for word in [
            "Mood check-ins",
            "numb",
            "our anniversary",
            "Called your ex",
        ] {
            assert!(out.contains(word), "{format}: no {word:?}\n{out}");
        }
        assert!(
            !out.contains("Are you awake?"),
            "drafts stay private\n{out}"
        );
    }
}

#[test]
fn counsellor_export_takes_a_comma_list_and_writes_a_file() {
    let (sb, first, second) = sandbox_with_wellbeing();
    let file = sb.file("for-counsellor.html");
    sb.cmd(&["export", "--for-counsellor", "--format", "html", "-o"])
        .arg(&file)
        .arg("--entries")
        .arg(format!("{first},{second}"))
        .assert()
        .success()
        .stdout("");
    let out = fs::read_to_string(&file).unwrap();
    assert!(out.contains("Rough evening") && out.contains("Coffee with Ana &amp; &lt;friends&gt;"));
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn counsellor_export_refuses_an_unknown_entry() {
    let (sb, first, _) = sandbox_with_wellbeing();
    let out = sb
        .cmd(&["export", "--for-counsellor", "--entries"])
        .arg(format!("{first},no-such-entry"))
        .assert()
        .code(1)
        .stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains("no-such-entry"), "{err}");
}

#[test]
fn counsellor_export_refuses_txt_and_json() {
    let (sb, _, _) = sandbox_with_wellbeing();
    for format in ["txt", "json"] {
        let out = sb
            .cmd(&["export", "--for-counsellor", "--format", format])
            .assert()
            .code(1)
            .stdout("");
        let err = stderr(out.get_output());
        assert!(err.contains("md or html"), "{format}: {err}");
    }
}

#[test]
fn entries_needs_for_counsellor() {
    let (sb, first, _) = sandbox_with_wellbeing();
    sb.cmd(&["export", "--entries", &first])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn status_short_without_no_contact_or_moods() {
    let sb = Sandbox::new();
    let now = Utc::now();
    let fresh = Journey::new(&default_guide().unwrap(), now);
    let out = sb.cmd(&["status", "--short"]).assert().success().stderr("");
    assert_eq!(
        stdout(out.get_output()),
        format!("next: {}\n", next_title(&fresh, now))
    );
}

#[test]
fn status_short_with_mood_but_no_no_contact() {
    let sb = Sandbox::new();
    let now = Utc::now();
    let journey = journey(now, false);
    write_journey(&sb, &journey);
    let out = sb.cmd(&["status", "--short"]).assert().success().stderr("");
    assert_eq!(
        stdout(out.get_output()),
        format!("mood steady · next: {}\n", next_title(&journey, now))
    );
}

#[test]
fn status_short_with_no_contact() {
    let sb = Sandbox::new();
    let now = Utc::now();
    let journey = journey(now, true);
    write_journey(&sb, &journey);
    let out = sb.cmd(&["status", "--short"]).assert().success().stderr("");
    let line = stdout(out.get_output());
    assert_eq!(
        line,
        format!(
            "mood steady · no contact day 6/21 · next: {}\n",
            next_title(&journey, now)
        )
    );
    assert_eq!(line.lines().count(), 1);
}

#[test]
fn status_short_and_json_do_not_mix() {
    Sandbox::new()
        .cmd(&["status", "--short", "--json"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn status_json_counts_moods_slips_and_urges() {
    let sb = Sandbox::new();
    write_journey(&sb, &journey(Utc::now(), true));
    let out = sb.cmd(&["status", "--json"]).assert().success().stderr("");
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["mood"]["trend"], "steady");
    assert_eq!(json["mood"]["check_ins"], 2);
    assert_eq!(json["mood"]["last"]["mood"], 3);
    assert_eq!(json["mood"]["last"]["word"], "<tired>");
    assert_eq!(json["slips"], 1);
    assert_eq!(json["urges"]["count"], 1);
    assert_eq!(json["urges"]["wrote_it_here"], 1);
    assert_eq!(json["urges"]["open"], 0);
    // Five whole days done: today is day 6.
    assert_eq!(json["no_contact"]["day"], 6);
    assert_eq!(json["no_contact"]["days_done"], 5);
    // What was there before is still there.
    assert!(json["path"]["id"].is_string() && json["journal"]["entries"] == 0);
}

#[test]
fn status_text_is_unchanged_in_shape() {
    let sb = Sandbox::new();
    write_journey(&sb, &journey(Utc::now(), true));
    let out = sb.cmd(&["status"]).assert().success().stderr("");
    let text = stdout(out.get_output());
    assert!(text.starts_with("Path: "), "{text}");
    assert!(text.contains("No contact: day 6 of 21"), "{text}");
}
