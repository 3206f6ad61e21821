//! The real binary's commands: journal add/list, status, export, import, help and file modes.
//! Every test has its own temp data folder (see `cli_support`).

use crate::cli_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use chrono::{DateTime, Duration, Utc};
use cli_support::{PLUS_14, Sandbox, THREE_MONTHS, mode, snapshot, stderr, stdout, walk};
use serde_json::Value;

/// Lines of `journal list`, without their date and time.
fn listed_texts(list: &str) -> Vec<String> {
    list.lines()
        .map(|line| {
            let (when, text) = line.split_at(16);
            assert!(
                when.len() == 16 && text.starts_with("  "),
                "a list line starts with `YYYY-MM-DD HH:MM  `: {line:?}"
            );
            text[2..].to_string()
        })
        .collect()
}

#[test]
fn journal_add_from_arguments_and_from_stdin_then_list_shows_first_lines() {
    let sb = Sandbox::new();
    let first = sb.add("hello, world");
    // Several words as separate arguments are joined with spaces.
    let out = sb
        .cmd(&["journal", "add", "two", "words"])
        .assert()
        .success();
    let second = stdout(out.get_output()).trim_end().to_string();
    let text = "\n  Tonight I miss them 🌙💔\nbut I did not write.\n\n";
    let out = sb
        .cmd(&[
            "journal", "add", "--step", "space", "--mood", "2", "--tag", "night", "--tag", "hard",
        ])
        .write_stdin(text)
        .assert()
        .success()
        .stderr("");
    let third = stdout(out.get_output()).trim_end().to_string();
    // `-` also means stdin.
    let out = sb
        .cmd(&["journal", "add", "-"])
        .write_stdin("from a dash\n")
        .assert()
        .success();
    let fourth = stdout(out.get_output()).trim_end().to_string();

    let ids = [&first, &second, &third, &fourth];
    for id in ids {
        let time_based = id.len() >= 19
            && id[..8].bytes().all(|b| b.is_ascii_digit())
            && id[8..].starts_with('T')
            && id.contains('Z');
        assert!(time_based, "a time-based id: {id:?}");
    }
    let mut unique = ids.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "ids are unique: {ids:?}");

    let list = sb.list();
    assert_eq!(
        listed_texts(&list),
        [
            "from a dash",
            "[Give it space] Tonight I miss them 🌙💔 (2/5)",
            "two words",
            "hello, world",
        ],
        "newest first, with the mood: {list}"
    );

    // The whole text, with its inner lines and emoji, is kept; only trailing newlines go.
    let entries = sb.exported_entries();
    let ids_exported: Vec<_> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids_exported, ids.map(String::as_str));
    assert_eq!(
        entries[2]["text"],
        "\n  Tonight I miss them 🌙💔\nbut I did not write."
    );
    assert_eq!(entries[2]["step"], "space");
    assert_eq!(entries[2]["mood"], 2);
    assert_eq!(entries[2]["tags"], serde_json::json!(["night", "hard"]));
    assert_eq!(entries[0]["step"], Value::Null);
    assert_eq!(entries[0]["mood"], Value::Null);
}

#[test]
fn journal_list_shows_local_date_and_time() {
    let sb = Sandbox::new();
    sb.cmd(&["journal", "add", "late at night"])
        .env("TZ", PLUS_14)
        .assert()
        .success();
    let entries = sb.exported_entries();
    let created: DateTime<Utc> = entries[0]["created"].as_str().unwrap().parse().unwrap();

    let utc = sb.list();
    let expected_utc = created
        .format("%Y-%m-%d %H:%M  late at night\n")
        .to_string();
    let out = sb
        .cmd(&["journal", "list"])
        .env("TZ", PLUS_14)
        .assert()
        .success();
    let local = stdout(out.get_output());
    let expected_local = (created + Duration::hours(14))
        .format("%Y-%m-%d %H:%M  late at night\n")
        .to_string();
    assert_eq!(utc, expected_utc);
    assert_eq!(local, expected_local);
    assert_ne!(utc, local);
}

#[test]
fn journal_list_of_an_empty_or_missing_folder_is_empty_and_creates_nothing() {
    let sb = Sandbox::new();
    sb.cmd(&["journal", "list"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(!sb.data().exists(), "a read-only command creates nothing");
}

#[test]
fn mood_out_of_range_is_refused_before_anything_is_written() {
    let sb = Sandbox::new();
    for mood in ["0", "6", "-1", "many", "300"] {
        let flag = format!("--mood={mood}");
        let out = sb
            .cmd(&["journal", "add", &flag, "some text"])
            .assert()
            // A usage error: clap's exit code 2 (runtime errors are 1).
            .code(2)
            .stdout("");
        let err = stderr(out.get_output());
        assert!(
            err.contains("--mood") && err.contains(mood),
            "names the flag and the value: {err}"
        );
    }
    let out = sb
        .cmd(&["journal", "add", "--mood", "9", "x"])
        .assert()
        .code(2);
    assert!(stderr(out.get_output()).contains("1..=5"));
    assert!(
        !sb.data().exists(),
        "nothing written: {:?}",
        walk(sb.tmp.path())
    );
}

#[test]
fn unknown_step_is_refused_with_exit_2_and_nothing_saved() {
    let sb = Sandbox::new();
    let out = sb
        .cmd(&["journal", "add", "--step", "no-such-step", "some text"])
        .assert()
        .code(2)
        .stdout("");
    let err = stderr(out.get_output());
    assert!(
        err.contains("rekindle: there is no step `no-such-step`"),
        "{err}"
    );
    assert!(
        fs::read_dir(sb.journal()).map_or(true, |mut d| d.next().is_none()),
        "no month file written"
    );
    sb.cmd(&["journal", "list"]).assert().success().stdout("");
}

#[test]
fn empty_entries_are_refused() {
    let sb = Sandbox::new();
    for input in ["", "\n\n", "   \n"] {
        let out = sb
            .cmd(&["journal", "add"])
            .write_stdin(input)
            .assert()
            .code(1)
            .stdout("");
        assert!(stderr(out.get_output()).contains("empty"), "{input:?}");
    }
    sb.cmd(&["journal", "add", "  "])
        .assert()
        .code(1)
        .stdout("");
    sb.cmd(&["journal", "list"]).assert().success().stdout("");
}

#[test]
fn status_as_text_and_as_json() {
    let sb = Sandbox::new();
    let out = sb.cmd(&["status"]).assert().success().stderr("");
    let text = stdout(out.get_output());
    assert!(text.starts_with("Path: "), "{text}");
    assert!(text.contains("0 of "), "{text}");
    assert!(text.contains("Next: "), "{text}");
    assert!(text.contains("No contact: not started"), "{text}");
    assert!(text.contains("Journal: no entries yet"), "{text}");
    assert!(!text.contains('\x1b'), "no escape codes in piped output");
    assert!(
        !sb.data().exists(),
        "status is read-only and creates nothing"
    );

    sb.add("one");
    sb.add("two");
    let out = sb.cmd(&["status"]).assert().success();
    assert!(stdout(out.get_output()).contains("Journal: 2 entries, the last on "));

    let out = sb.cmd(&["status", "--json"]).assert().success().stderr("");
    let json: Value = serde_json::from_slice(&out.get_output().stdout).expect("status --json");
    assert_eq!(json["journal"]["entries"], 2);
    assert!(json["journal"]["last"].is_string());
    assert_eq!(json["path"]["id"], "reconcile");
    assert_eq!(json["path"]["done"], 0);
    assert!(json["path"]["steps"].as_u64().unwrap() > 0);
    assert!(json["no_contact"].is_null());
    assert!(json["next"]["step"].is_string());
}

#[test]
fn exports_every_format_to_stdout() {
    let sb = Sandbox::new();
    sb.add("plain words");
    sb.add("<b>bold</b> & \"quoted\"");

    let out = sb
        .cmd(&["export", "--format", "md"])
        .assert()
        .success()
        .stderr("");
    let md = stdout(out.get_output());
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("plain words"), "{md}");

    // md is the default.
    let out = sb.cmd(&["export"]).assert().success();
    assert!(stdout(out.get_output()).starts_with("# "));

    let out = sb.cmd(&["export", "--format", "txt"]).assert().success();
    let txt = stdout(out.get_output());
    assert!(txt.contains("plain words"), "{txt}");
    assert!(!txt.starts_with('#'), "{txt}");
    assert!(
        txt.contains("<b>bold</b> & \"quoted\""),
        "text is left as written: {txt}"
    );

    let out = sb.cmd(&["export", "--format", "html"]).assert().success();
    let html = stdout(out.get_output());
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("&lt;b&gt;bold&lt;/b&gt; &amp;"),
        "escaped: {html}"
    );
    assert!(!html.contains("<b>bold"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));

    let out = sb.cmd(&["export", "--format", "json"]).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["format"], "rekindle-journal");
    let texts: Vec<_> = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["plain words", "<b>bold</b> & \"quoted\""]);
}

#[test]
fn export_to_a_file_is_private_and_says_where_it_went() {
    let sb = Sandbox::new();
    sb.add("for the file");
    let stdout_json = sb.exported_entries();
    for format in ["md", "txt", "html", "json"] {
        let path = sb.file(&format!("journal.{format}"));
        let out = sb
            .cmd(&["export", "--format", format, "-o", path.to_str().unwrap()])
            .assert()
            .success()
            .stdout("");
        let err = stderr(out.get_output());
        assert!(
            err.contains("Exported 1 entry to") && err.contains(path.to_str().unwrap()),
            "{err}"
        );
        assert_eq!(mode(&path), 0o600, "{format}");
        let written = fs::read_to_string(&path).unwrap();
        assert!(written.contains("for the file"), "{format}: {written}");
        if format == "json" {
            let json: Value = serde_json::from_str(&written).unwrap();
            assert_eq!(json["entries"].as_array().unwrap(), &stdout_json);
        }
    }
    // --output is the long form, and an existing file is replaced.
    let path = sb.file("journal.md");
    fs::write(
        &path,
        "old contents that are much longer than the export would ever be ".repeat(50),
    )
    .unwrap();
    sb.cmd(&["export", "--output", path.to_str().unwrap()])
        .assert()
        .success();
    let written = fs::read_to_string(&path).unwrap();
    assert!(!written.contains("old contents"), "{written}");
    // A folder that does not exist is an error naming the file.
    let bad = sb.file("no/such/folder/out.md");
    let out = sb
        .cmd(&["export", "-o", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
    assert!(stderr(out.get_output()).contains("out.md"));
}

#[test]
fn export_over_an_existing_readable_file_makes_it_private() {
    let sb = Sandbox::new();
    sb.add("secret");
    let path = sb.file("old.md");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    sb.cmd(&["export", "-o", path.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(mode(&path), 0o600);
}

/// Entry texts an export with `args` holds (JSON, in `tz`).
fn exported_texts(sb: &Sandbox, tz: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["export", "--format", "json"];
    all.extend_from_slice(args);
    let out = sb.cmd(&all).env("TZ", tz).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["text"]
                .as_str()
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn since_and_until_filter_by_inclusive_local_dates() {
    let sb = Sandbox::new();
    let file = sb.export_file("three.json", THREE_MONTHS);
    sb.import(&file);
    let utc = cli_support::UTC;
    let all = [
        "January: the first week alone",
        "February: quieter now",
        "March: spring",
    ];
    assert_eq!(exported_texts(&sb, utc, &[]), all);
    assert_eq!(
        exported_texts(
            &sb,
            utc,
            &["--since", "2026-02-01", "--until", "2026-02-28"]
        ),
        [all[1]]
    );
    // Both bounds are inclusive.
    assert_eq!(
        exported_texts(
            &sb,
            utc,
            &["--since", "2026-02-15", "--until", "2026-02-15"]
        ),
        [all[1]]
    );
    assert_eq!(
        exported_texts(&sb, utc, &["--since", "2026-02-15"]),
        all[1..]
    );
    assert_eq!(
        exported_texts(&sb, utc, &["--until", "2026-02-15"]),
        all[..2]
    );
    assert!(exported_texts(&sb, utc, &["--since", "2026-04-01"]).is_empty());
    // --step too.
    assert_eq!(exported_texts(&sb, utc, &["--step", "space"]), [all[1]]);
    // The readable formats filter the same way.
    let out = sb
        .cmd(&["export", "--format", "txt", "--since", "2026-03-01"])
        .assert()
        .success();
    let txt = stdout(out.get_output());
    assert!(txt.contains("March") && !txt.contains("January"), "{txt}");
}

#[test]
fn date_filters_use_the_local_calendar() {
    let sb = Sandbox::new();
    // 20:00 UTC on 1 March is already 2 March fourteen hours east.
    let file = sb.export_file(
        "evening.json",
        &[(
            "20260301T200000000Z",
            "2026-03-01T20:00:00Z",
            "evening",
            None,
        )],
    );
    sb.import(&file);
    let day = ["--since", "2026-03-02", "--until", "2026-03-02"];
    assert_eq!(exported_texts(&sb, PLUS_14, &day), ["evening"]);
    assert!(exported_texts(&sb, cli_support::UTC, &day).is_empty());
}

#[test]
fn since_after_until_and_unknown_steps_are_errors() {
    let sb = Sandbox::new();
    sb.add("x");
    let out = sb
        .cmd(&["export", "--since", "2026-02-02", "--until", "2026-01-01"])
        .assert()
        .code(2)
        .stdout("");
    let err = stderr(out.get_output());
    assert!(
        err.contains("--since 2026-02-02 is after --until 2026-01-01"),
        "{err}"
    );
    let out = sb
        .cmd(&["export", "--step", "nope"])
        .assert()
        .code(2)
        .stdout("");
    assert!(stderr(out.get_output()).contains("no step `nope`"));
    // A date that is not a date is a usage error naming the flag.
    let out = sb
        .cmd(&["export", "--since", "yesterday"])
        .assert()
        .code(2)
        .stdout("");
    assert!(stderr(out.get_output()).contains("--since"));
}

#[test]
fn unknown_format_is_an_error_naming_the_choices() {
    let sb = Sandbox::new();
    let out = sb
        .cmd(&["export", "--format", "pdf"])
        .assert()
        .failure()
        .stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains("pdf"), "{err}");
    for choice in ["md", "json", "txt", "html"] {
        assert!(err.contains(choice), "names {choice}: {err}");
    }
    assert!(!sb.data().exists());
}

#[test]
fn json_export_imported_into_a_fresh_folder_reproduces_the_journal() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    sb.add("today, with ✨ emoji");
    sb.cmd(&[
        "journal", "add", "--step", "space", "--mood", "4", "--tag", "t",
    ])
    .write_stdin("multi\nline\n")
    .assert()
    .success();
    let before_list = sb.list();
    let before_entries = sb.exported_entries();
    assert_eq!(before_entries.len(), 5);

    let export = sb.file("export.json");
    sb.cmd(&["export", "--format", "json", "-o", export.to_str().unwrap()])
        .assert()
        .success();
    let fresh = sb.file("fresh");
    let out = sb
        .cmd_in(&fresh, &["import", export.to_str().unwrap()])
        .assert()
        .success()
        .stderr("");
    let summary = stdout(out.get_output());
    assert!(summary.contains("Imported 5 entries"), "{summary}");
    assert!(summary.contains("0 already there"), "{summary}");

    let out = sb
        .cmd_in(&fresh, &["journal", "list"])
        .assert()
        .success()
        .stderr("");
    assert_eq!(stdout(out.get_output()), before_list);
    let out = sb
        .cmd_in(&fresh, &["export", "--format", "json"])
        .assert()
        .success();
    let after: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(after["entries"].as_array().unwrap(), &before_entries);
    // One file per month, as the store shards them.
    let mut months: Vec<_> = fs::read_dir(fresh.join("journal"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .collect();
    months.sort();
    assert!(months.len() >= 4, "{months:?}");
    assert_eq!(
        &months[..3],
        ["2026-01.json", "2026-02.json", "2026-03.json"]
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let sb = Sandbox::new();
    let file = sb.export_file("three.json", THREE_MONTHS);
    let first = sb.import(&file);
    assert_eq!(
        first,
        "Imported 3 entries from rekindle export (0 already there, skipped)\n"
    );
    let list = sb.list();
    let files = snapshot(&sb.data());
    let second = sb.import(&file);
    assert_eq!(
        second,
        "Imported 0 entries from rekindle export (3 already there, skipped)\n"
    );
    assert_eq!(sb.list(), list);
    assert_eq!(snapshot(&sb.data()), files, "nothing rewritten");
}

#[test]
fn importing_a_file_that_is_not_json_names_the_file() {
    let sb = Sandbox::new();
    sb.add("keep me");
    let before = snapshot(&sb.data());
    let file = sb.file("notes.txt");
    fs::write(&file, "Dear diary,\ntoday was hard.\n").unwrap();
    let out = sb
        .cmd(&["import", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains(file.to_str().unwrap()), "{err}");
    assert!(err.contains("not JSON"), "{err}");
    assert_eq!(snapshot(&sb.data()), before);

    // JSON of the wrong shape and a missing file are errors naming the file, too.
    let shape = sb.file("shape.json");
    fs::write(&shape, r#"{"hello": "world"}"#).unwrap();
    let out = sb
        .cmd(&["import", shape.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
    assert!(stderr(out.get_output()).contains(shape.to_str().unwrap()));
    let missing = sb.file("missing.json");
    let out = sb
        .cmd(&["import", missing.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
    assert!(stderr(out.get_output()).contains(missing.to_str().unwrap()));
    assert_eq!(snapshot(&sb.data()), before);
}

#[test]
fn wrong_flags_and_commands_get_clap_messages() {
    let sb = Sandbox::new();
    let out = sb
        .cmd(&["journal", "add", "--bogus", "x"])
        .assert()
        .code(2)
        .stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    assert!(err.contains("Usage:"), "{err}");

    let out = sb.cmd(&["frobnicate"]).assert().code(2).stdout("");
    assert!(stderr(out.get_output()).contains("unrecognized subcommand 'frobnicate'"));
    sb.cmd(&["status", "extra"]).assert().code(2).stdout("");
    assert!(!sb.data().exists());
}

#[test]
fn help_lists_the_commands() {
    let sb = Sandbox::new();
    let out = sb.bare().arg("--help").assert().success().stderr("");
    let help = stdout(out.get_output());
    for command in ["status", "journal", "export", "import", "content"] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(command)),
            "lists {command}: {help}"
        );
    }
    for flag in ["--data-dir", "--content", "--no-color"] {
        assert!(help.contains(flag), "{help}");
    }
    let out = sb.bare().args(["journal", "--help"]).assert().success();
    let help = stdout(out.get_output());
    assert!(help.contains("add") && help.contains("list"), "{help}");
    let out = sb.bare().args(["export", "--help"]).assert().success();
    let help = stdout(out.get_output());
    for flag in ["--format", "--since", "--until", "--step", "--output"] {
        assert!(help.contains(flag), "{help}");
    }
    sb.bare().arg("--version").assert().success();
}

#[test]
fn content_check_of_the_built_in_guide_passes() {
    let sb = Sandbox::new();
    let out = sb.cmd(&["content", "check"]).assert().success().stderr("");
    assert!(stdout(out.get_output()).contains("is fine"));
    let missing = sb.file("no-pack");
    sb.cmd(&["content", "check", missing.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn data_dir_comes_from_the_flag_or_the_environment() {
    let sb = Sandbox::new();
    let from_env = sb.file("from-env");
    let from_flag = sb.file("from-flag");
    sb.bare()
        .env("REKINDLE_DATA_DIR", &from_env)
        .args(["journal", "add", "via env"])
        .assert()
        .success();
    // The flag wins over the environment.
    sb.bare()
        .env("REKINDLE_DATA_DIR", &from_env)
        .arg("--data-dir")
        .arg(&from_flag)
        .args(["journal", "add", "via flag"])
        .assert()
        .success();
    let listed = |dir: &std::path::Path| {
        let out = sb.cmd_in(dir, &["journal", "list"]).assert().success();
        listed_texts(&stdout(out.get_output()))
    };
    assert_eq!(listed(&from_env), ["via env"]);
    assert_eq!(listed(&from_flag), ["via flag"]);
    // Nothing reached the sandboxed home.
    assert!(!sb.file("home").exists());
    // An empty --data-dir (or REKINDLE_DATA_DIR) is a usage error, never the default folder.
    let out = sb
        .bare()
        .args(["--data-dir", "", "journal", "add", "x"])
        .assert()
        .code(2)
        .stdout("");
    assert!(stderr(out.get_output()).contains("--data-dir"));
    sb.bare()
        .env("REKINDLE_DATA_DIR", "")
        .args(["journal", "add", "x"])
        .assert()
        .code(2)
        .stdout("");
    assert!(!sb.file("home").exists());
}

#[test]
fn files_are_0600_in_0700_folders() {
    let sb = Sandbox::new();
    sb.add("one");
    sb.add("two");
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let data = sb.data();
    assert_eq!(mode(&data), 0o700);
    let all = walk(&data);
    assert!(
        all.iter()
            .any(|p| p.to_string_lossy().ends_with(".json.bak")),
        "backups kept: {all:?}"
    );
    for path in &all {
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(path), want, "{}", path.display());
    }
}

#[test]
fn a_loose_data_folder_is_tightened_on_write() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.journal()).unwrap();
    fs::set_permissions(sb.data(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(sb.journal(), fs::Permissions::from_mode(0o777)).unwrap();
    sb.add("private");
    assert_eq!(mode(&sb.data()), 0o700);
    assert_eq!(mode(&sb.journal()), 0o700);
}
