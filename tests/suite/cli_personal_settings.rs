//! `rekindle settings` through the real binary: every setting shown, the ex's name set and
//! taken back to "your ex", pronouns with custom forms, region, theme and idle lock; each
//! reflected in what the other commands print, kept on disk, and broken values refused with a
//! message that names the problem while nothing on disk changes.

use crate::cli_support;

use std::fs;

use chrono::{Local, Utc};
use cli_support::{Sandbox, snapshot, stderr, stdout};
use rekindle::config::DEFAULT_FILE;
use rekindle::content::default_guide;
use rekindle::engine::{Action, Journal, Journey, Now, Workbook, apply};
use rekindle::store::{Access, Store};

/// A workbook with an answer to "When is the pull to contact {ex} strongest…", so exports
/// carry a question that names the ex.
fn with_an_answer(sandbox: &Sandbox) {
    let guide = default_guide().unwrap();
    let mut book = Workbook {
        journey: Journey::new(&guide, Utc::now()),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    let now = Now::new(Utc::now(), &Local);
    let answer = Action::AnswerPrompt {
        step: "space".into(),
        prompt: "urge-moments".into(),
        text: "Late at night.".into(),
    };
    apply(&mut book, &guide, answer, now).unwrap();
    let store = Store::open(&sandbox.data(), Access::ReadWrite).unwrap();
    store.save_journey(&book.journey).unwrap();
}

fn run(sandbox: &Sandbox, args: &[&str]) -> std::process::Output {
    sandbox.cmd(args).output().unwrap()
}

fn ok(sandbox: &Sandbox, args: &[&str]) -> String {
    let out = run(sandbox, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn markdown(sandbox: &Sandbox) -> String {
    ok(sandbox, &["export", "--format", "md"])
}

fn config_file(sandbox: &Sandbox) -> std::path::PathBuf {
    sandbox.tmp.path().join("home/.config/rekindle/config.toml")
}

#[test]
fn with_no_option_every_setting_is_shown_with_its_default() {
    let sandbox = Sandbox::new();
    let shown = ok(&sandbox, &["settings"]);
    for line in [
        "Their name   none: the guide says \"your ex\"",
        "Pronouns     they / them",
        "Region       none: the help page stays region-neutral",
        "Theme        dark",
        "Idle lock    off",
        "--no-ex-name",
    ] {
        assert!(shown.contains(line), "{line}\n{shown}");
    }
    assert!(
        !config_file(&sandbox).exists(),
        "showing writes no settings file"
    );
}

#[test]
fn the_name_reaches_the_exports_and_no_ex_name_takes_it_back() {
    let sandbox = Sandbox::new();
    with_an_answer(&sandbox);
    assert!(markdown(&sandbox).contains("When is the pull to contact your ex strongest"));

    let shown = ok(&sandbox, &["settings", "--ex-name", "Quillon"]);
    assert!(shown.contains("Their name   Quillon"), "{shown}");
    assert!(markdown(&sandbox).contains("When is the pull to contact Quillon strongest"));
    let journey = fs::read_to_string(sandbox.data().join("journey.json")).unwrap();
    assert!(journey.contains("\"ex_name\": \"Quillon\""), "{journey}");

    let shown = ok(&sandbox, &["settings", "--no-ex-name"]);
    assert!(
        shown.starts_with("Saved: the guide says \"your ex\" again, everywhere."),
        "{shown}"
    );
    let md = markdown(&sandbox);
    assert!(
        md.contains("When is the pull to contact your ex strongest"),
        "{md}"
    );
    assert!(!md.contains("Quillon"), "{md}");

    ok(&sandbox, &["settings", "--ex-name", "Quillon"]);
    ok(&sandbox, &["settings", "--ex-name", ""]);
    assert!(
        !markdown(&sandbox).contains("Quillon"),
        "an empty name is \"your ex\" too"
    );
    let journey = fs::read_to_string(sandbox.data().join("journey.json")).unwrap();
    assert!(
        !journey.contains("Quillon"),
        "the name is not kept: {journey}"
    );
}

#[test]
fn custom_pronouns_are_kept_and_shown() {
    let sandbox = Sandbox::new();
    let args = [
        "settings",
        "--pronouns",
        "custom",
        "--subject",
        "xe",
        "--object",
        "xem",
        "--possessive",
        "xyr",
    ];
    ok(&sandbox, &args);
    let shown = ok(&sandbox, &["settings"]);
    assert!(shown.contains("Pronouns     xe / xem / xyr"), "{shown}");
    let journey: serde_json::Value =
        serde_json::from_slice(&fs::read(sandbox.data().join("journey.json")).unwrap()).unwrap();
    assert_eq!(
        journey["settings"]["pronouns"],
        serde_json::json!({"custom": {"subject": "xe", "object": "xem", "possessive": "xyr"}})
    );
    ok(&sandbox, &["settings", "--pronouns", "she"]);
    assert!(ok(&sandbox, &["settings"]).contains("Pronouns     she / her"));
}

#[test]
fn region_theme_and_idle_lock_are_kept() {
    let sandbox = Sandbox::new();
    ok(
        &sandbox,
        &[
            "settings",
            "--region",
            "uk",
            "--theme",
            "high-contrast",
            "--idle-lock",
            "15",
        ],
    );
    let shown = ok(&sandbox, &["settings"]);
    assert!(
        shown.contains("Region       United Kingdom (uk)"),
        "{shown}"
    );
    assert!(shown.contains("Theme        high-contrast"), "{shown}");
    assert!(shown.contains("Idle lock    after 15 minutes"), "{shown}");
    let text = fs::read_to_string(config_file(&sandbox)).unwrap();
    let expected = DEFAULT_FILE
        .replace("theme = \"dark\"", "theme = \"high-contrast\"")
        .replace("idle_lock = \"off\"", "idle_lock = 15");
    assert_eq!(text, expected, "the default file with two lines changed");
    ok(
        &sandbox,
        &["settings", "--region", "none", "--idle-lock", "off"],
    );
    let shown = ok(&sandbox, &["settings"]);
    assert!(shown.contains("Region       none"), "{shown}");
    assert!(shown.contains("Idle lock    off"), "{shown}");
}

#[test]
fn a_users_own_settings_file_keeps_every_comment() {
    let sandbox = Sandbox::new();
    let file = config_file(&sandbox);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mine = "# Written by me.\n\n# Light in the day.\ntheme = 'light'  # see README\ndate_format = \"%-d %b\"\n\n[keys]\n# Ctrl-G is my panic key.\nhide = \"ctrl-g\"\n";
    fs::write(&file, mine).unwrap();
    ok(
        &sandbox,
        &["settings", "--theme", "dark", "--idle-lock", "5"],
    );
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# Written by me.\n\n# Light in the day.\ntheme = \"dark\" # see README\ndate_format = \"%-d %b\"\n"),
        "{text}"
    );
    assert!(
        text.contains("idle_lock = 5\n\n[keys]\n# Ctrl-G is my panic key.\nhide = \"ctrl-g\"\n"),
        "{text}"
    );
    assert!(ok(&sandbox, &["config"]).contains("is fine"));
}

#[test]
fn broken_values_are_refused_with_a_clear_message_and_nothing_changes() {
    let sandbox = Sandbox::new();
    ok(
        &sandbox,
        &["settings", "--ex-name", "Quillon", "--theme", "light"],
    );
    let before = snapshot(&sandbox.data());
    let config_before = fs::read(config_file(&sandbox)).unwrap();
    let refusals: [(&[&str], i32, &str); 8] = [
        (
            &["--pronouns", "custom", "--subject", "xe"],
            1,
            "needs all three forms",
        ),
        (
            &[
                "--pronouns",
                "custom",
                "--subject",
                "x e",
                "--object",
                "xem",
                "--possessive",
                "xyr",
            ],
            1,
            "not one word",
        ),
        (
            &["--pronouns", "she", "--subject", "xe"],
            1,
            "go with --pronouns custom",
        ),
        (&["--ex-name", "Quillon\u{1b}[2J"], 1, "control characters"),
        (
            &["--ex-name", "Robin", "--region", "atlantis"],
            1,
            "choose one of uk",
        ),
        (
            &["--theme", "blue"],
            2,
            "choose dark, light or high-contrast",
        ),
        (&["--idle-lock", "soon"], 2, "whole number of minutes"),
        (&["--idle-lock", "9999"], 2, "from 1 to 1440"),
    ];
    for (args, code, message) in refusals {
        let mut all = vec!["settings"];
        all.extend_from_slice(args);
        let out = run(&sandbox, &all);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(
            snapshot(&sandbox.data()),
            before,
            "{args:?} changed the data"
        );
        assert_eq!(fs::read(config_file(&sandbox)).unwrap(), config_before);
    }
}

#[test]
fn an_open_workbook_elsewhere_stops_a_change_and_says_where_to_make_it() {
    let sandbox = Sandbox::new();
    ok(&sandbox, &["settings", "--ex-name", "Quillon"]);
    let before = snapshot(&sandbox.data());
    let _open = Store::open(&sandbox.data(), Access::ReadWrite).unwrap();
    let out = run(&sandbox, &["settings", "--no-ex-name"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("open in another window"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("nothing was changed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&sandbox.data()), before);
    assert!(
        ok(&sandbox, &["settings"]).contains("Quillon"),
        "showing still works"
    );
}

#[test]
fn a_settings_file_change_that_is_refused_changes_the_journey_neither() {
    let sandbox = Sandbox::new();
    with_an_answer(&sandbox);
    let config = config_file(&sandbox);
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(&config, "\"theme\" = \"dark\"\n").unwrap();
    let journey = fs::read(sandbox.data().join("journey.json")).unwrap();
    let out = run(
        &sandbox,
        &["settings", "--ex-name", "Jordan", "--theme", "light"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("theme"), "{}", stderr(&out));
    assert_eq!(
        fs::read(sandbox.data().join("journey.json")).unwrap(),
        journey,
        "the name was not saved either"
    );
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        "\"theme\" = \"dark\"\n"
    );
}
