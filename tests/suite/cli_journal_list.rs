//! `journal list` flags: --grep, --tag, --since, --until, -n and --reverse, newest first by
//! default, and clear errors for bad input.

use crate::cli_support;

use std::fs;

use cli_support::{PLUS_14, Sandbox, stderr, stdout};

/// Five entries over four months (noon UTC), with tags in their text and one stored tag.
fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.export_file(
        "five.json",
        &[
            (
                "a",
                "2026-01-10T12:00:00Z",
                "January: slept badly #sleep",
                None,
            ),
            (
                "b",
                "2026-02-15T12:00:00Z",
                "February: quieter now #calm",
                Some("space"),
            ),
            (
                "c",
                "2026-03-20T12:00:00Z",
                "March: SLEEPING better #sleep #calm",
                None,
            ),
            (
                "d",
                "2026-03-21T12:00:00Z",
                "Coffee with Sam, see http://x/#sleep",
                None,
            ),
            ("e", "2026-04-02T12:00:00Z", "April: Ärger about work", None),
        ],
    );
    sb.import(&file);
    sb
}

/// The text after the date and time of each listed line.
fn texts(sb: &Sandbox, args: &[&str]) -> Vec<String> {
    let mut all = vec!["journal", "list"];
    all.extend(args);
    let out = sb.cmd(&all).assert().success().stderr("");
    stdout(out.get_output())
        .lines()
        .map(|l| l.split_once("  ").map(|x| x.1).unwrap_or(l).to_string())
        .collect()
}

fn firsts(lines: &[String]) -> Vec<&str> {
    lines.iter().map(|l| l.split(':').next().unwrap()).collect()
}

#[test]
fn newest_first_by_default_and_oldest_first_with_reverse() {
    let sb = sandbox();
    let all = texts(&sb, &[]);
    assert_eq!(
        firsts(&all),
        [
            "April",
            "Coffee with Sam, see http",
            "March",
            "[Give it space] February",
            "January"
        ]
    );
    let reversed = texts(&sb, &["--reverse"]);
    assert_eq!(reversed, all.into_iter().rev().collect::<Vec<_>>());
}

#[test]
fn lines_show_local_date_and_time() {
    let sb = sandbox();
    let out = sb
        .cmd(&["journal", "list", "-n", "1"])
        .env("TZ", PLUS_14)
        .assert()
        .success();
    assert_eq!(
        stdout(out.get_output()),
        "2026-04-03 02:00  April: Ärger about work\n"
    );
}

#[test]
fn n_shows_the_first_n_in_the_order_listed() {
    let sb = sandbox();
    assert_eq!(
        firsts(&texts(&sb, &["-n", "2"])),
        ["April", "Coffee with Sam, see http"]
    );
    assert_eq!(
        firsts(&texts(&sb, &["-n", "2", "--reverse"])),
        ["January", "[Give it space] February"]
    );
    assert!(texts(&sb, &["-n", "0"]).is_empty());
    assert_eq!(texts(&sb, &["--limit", "9"]).len(), 5);
}

#[test]
fn n_reads_only_the_months_it_needs() {
    let sb = sandbox();
    // A damaged old month is never read when the newest months fill the list.
    fs::write(sb.journal().join("2026-01.json"), b"{ not json").unwrap();
    let out = sb
        .cmd(&["journal", "list", "-n", "2"])
        .assert()
        .success()
        .stderr("");
    assert_eq!(stdout(out.get_output()).lines().count(), 2);
    // Reading it says so, and lists the rest.
    let out = sb.cmd(&["journal", "list"]).assert().success();
    assert!(
        stderr(out.get_output()).contains("2026-01"),
        "names the month"
    );
    assert_eq!(stdout(out.get_output()).lines().count(), 4);
}

#[test]
fn grep_matches_words_by_their_start_in_any_case() {
    let sb = sandbox();
    assert_eq!(
        firsts(&texts(&sb, &["--grep", "sle"])),
        ["Coffee with Sam, see http", "March", "January"],
        "words in a link are words too"
    );
    assert_eq!(firsts(&texts(&sb, &["--grep", "ärger WORK"])), ["April"]);
    assert!(
        texts(&sb, &["--grep", "leep"]).is_empty(),
        "not the middle of a word"
    );
    assert_eq!(
        firsts(&texts(&sb, &["--grep", "give"])),
        ["[Give it space] February"],
        "the step's title"
    );
    assert_eq!(
        firsts(&texts(&sb, &["--grep", "#cal"])),
        ["March", "[Give it space] February"]
    );
}

#[test]
fn tags_come_from_hashtags_and_all_must_match() {
    let sb = sandbox();
    assert_eq!(
        firsts(&texts(&sb, &["--tag", "sleep"])),
        ["March", "January"],
        "a # inside a link is not a tag"
    );
    assert_eq!(
        firsts(&texts(&sb, &["--tag", "#Sleep", "--tag", "calm"])),
        ["March"]
    );
    assert!(texts(&sb, &["--tag", "sleep", "--tag", "nothing"]).is_empty());
    sb.cmd(&["journal", "add", "--tag", "Night", "stored tag"])
        .assert()
        .success();
    assert_eq!(texts(&sb, &["--tag", "night"]), ["stored tag"]);
}

#[test]
fn since_and_until_are_inclusive_local_dates() {
    let sb = sandbox();
    assert_eq!(
        firsts(&texts(
            &sb,
            &["--since", "2026-03-20", "--until", "2026-03-21"]
        )),
        ["Coffee with Sam, see http", "March"]
    );
    assert_eq!(firsts(&texts(&sb, &["--until", "2026-01-10"])), ["January"]);
    assert_eq!(
        firsts(&texts(
            &sb,
            &["--since", "2026-03-21", "--reverse", "-n", "1"]
        )),
        ["Coffee with Sam, see http"]
    );
    // 2026-01-10T12:00Z is already the 11th fourteen hours east.
    let out = sb
        .cmd(&[
            "journal",
            "list",
            "--since",
            "2026-01-11",
            "--until",
            "2026-01-11",
        ])
        .env("TZ", PLUS_14)
        .assert()
        .success();
    assert!(stdout(out.get_output()).contains("January"));
}

#[test]
fn filters_combine() {
    let sb = sandbox();
    assert_eq!(
        firsts(&texts(
            &sb,
            &["--grep", "better", "--tag", "calm", "--since", "2026-03-01"]
        )),
        ["March"]
    );
}

#[test]
fn bad_dates_and_tags_are_refused_clearly() {
    let sb = sandbox();
    for bad in ["2026-13-01", "yesterday", "2026-02-30", ""] {
        let out = sb
            .cmd(&["journal", "list", "--since", bad])
            .assert()
            .failure();
        let err = stderr(out.get_output());
        assert!(
            err.contains("--since") && err.contains("YYYY-MM-DD"),
            "{bad}: {err}"
        );
    }
    let out = sb
        .cmd(&["journal", "list", "--until", "31/12/2026"])
        .assert()
        .failure();
    assert!(stderr(out.get_output()).contains("--until"));
    let out = sb
        .cmd(&[
            "journal",
            "list",
            "--since",
            "2026-03-02",
            "--until",
            "2026-03-01",
        ])
        .assert()
        .failure()
        .stdout("");
    assert!(stderr(out.get_output()).contains("is after --until"));
    let out = sb
        .cmd(&["journal", "list", "--tag", " # "])
        .assert()
        .failure();
    assert!(stderr(out.get_output()).contains("--tag"));
    for bad in ["-3", "x", "1.5"] {
        let out = sb.cmd(&["journal", "list", "-n", bad]).assert().failure();
        assert!(stderr(out.get_output()).contains(bad), "{bad}");
    }
}

#[test]
fn help_says_the_order() {
    let sb = Sandbox::new();
    let out = sb.cmd(&["journal", "list", "--help"]).assert().success();
    let help = stdout(out.get_output());
    assert!(help.contains("newest first"), "{help}");
    for flag in ["--grep", "--tag", "--since", "--until", "-n", "--reverse"] {
        assert!(help.contains(flag), "{flag}");
    }
}

#[test]
fn escape_sequences_in_text_are_shown_not_obeyed() {
    let sb = Sandbox::new();
    sb.add("bad \u{1b}[31mred #sleep");
    let out = sb
        .cmd(&["journal", "list", "--grep", "bad"])
        .assert()
        .success();
    let text = stdout(out.get_output());
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("red"));
}
