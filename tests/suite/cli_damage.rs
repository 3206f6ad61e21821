//! Damaged and newer files through the real binary: a clear error naming the file and position,
//! exit 1, and the file's bytes left exactly as they were. A damaged journal month costs only
//! that month.

use crate::cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Utc;
use cli_support::{Sandbox, THREE_MONTHS, snapshot, stderr, stdout, temps};
use rekindle::content::default_guide;
use rekindle::engine::{Journey, MonthKey};
use rekindle::store::{Access, Store};

/// Saves a fresh journey into the sandbox's data folder (twice, so a `.bak` exists too) and
/// returns the journey file's path.
fn saved_journey(sb: &Sandbox) -> PathBuf {
    let guide = default_guide().expect("built-in guide");
    let store = Store::open(&sb.data(), Access::ReadWrite).unwrap();
    let journey = Journey::new(&guide, Utc::now());
    store.save_journey(&journey).unwrap();
    store.save_journey(&journey).unwrap();
    store.journey_file()
}

/// Runs `args`, expecting exit 1 with nothing on stdout; returns stderr.
fn fails(sb: &Sandbox, args: &[&str]) -> String {
    let out = sb.cmd(args).assert().code(1).stdout("");
    stderr(out.get_output())
}

/// The current UTC month's journal file (where `journal add` writes).
fn this_month(sb: &Sandbox) -> PathBuf {
    sb.journal()
        .join(format!("{}.json", MonthKey::of(Utc::now())))
}

#[test]
fn a_truncated_journey_stops_add_and_status_and_is_left_alone() {
    let sb = Sandbox::new();
    let file = saved_journey(&sb);
    let good = fs::read(&file).unwrap();
    fs::write(&file, &good[..good.len() / 2]).unwrap();
    let before = snapshot(&sb.data());

    for args in [
        &["journal", "add", "a new entry"][..],
        &["status"],
        &["status", "--json"],
        &["journal", "list"],
        &["export"],
    ] {
        let err = fails(&sb, args);
        let at = format!("{}:", file.display());
        assert!(err.contains(&at), "{args:?} names journey.json: {err}");
        // `journey.json:LINE:COLUMN: what`
        let after = &err[err.find(&at).unwrap() + at.len()..];
        let mut parts = after.splitn(3, ':');
        let line = parts.next().unwrap();
        let column = parts.next().unwrap();
        assert!(
            line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
            "{args:?}: line and column: {err}"
        );
        assert!(err.contains("cut off"), "{args:?} says why: {err}");
        assert!(
            err.contains("journey.json.bak"),
            "{args:?} points at the backup: {err}"
        );
        assert_eq!(snapshot(&sb.data()), before, "{args:?} changed nothing");
    }
    assert!(temps(&sb.data()).is_empty());
}

#[test]
fn a_journey_syntax_error_is_located_exactly() {
    let sb = Sandbox::new();
    let file = saved_journey(&sb);
    fs::remove_file(sb.data().join("journey.json.bak")).unwrap();
    let good = fs::read_to_string(&file).unwrap();
    // Line 2 is `  "schema": 1,`; dropping its comma breaks line 3 at column 3.
    let lines: Vec<&str> = good.lines().collect();
    assert_eq!(lines[1], "  \"schema\": 1,");
    let broken = good.replacen("\"schema\": 1,", "\"schema\": 1", 1);
    fs::write(&file, &broken).unwrap();

    let err = fails(&sb, &["journal", "add", "x"]);
    assert!(
        err.contains(&format!("{}:3:3: expected `,` or `}}`", file.display())),
        "{err}"
    );
    assert!(err.contains("no backup"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
    let err = fails(&sb, &["status"]);
    assert!(err.contains(&format!("{}:3:3:", file.display())), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
    assert!(
        !this_month(&sb).exists(),
        "the entry was not saved elsewhere"
    );
}

#[test]
fn a_journey_from_a_newer_schema_is_refused_and_never_downgraded() {
    let sb = Sandbox::new();
    let file = saved_journey(&sb);
    let good = fs::read_to_string(&file).unwrap();
    let newer_same_shape = good.replacen("\"schema\": 1,", "\"schema\": 99,", 1);
    // A newer file may also have a shape this build cannot read at all.
    let newer_new_shape = "{\n  \"schema\": 99,\n  \"path\": { \"future\": true }\n}\n";
    for newer in [newer_same_shape.as_str(), newer_new_shape] {
        fs::write(&file, newer).unwrap();
        let before = snapshot(&sb.data());
        for args in [
            &["journal", "add", "x"][..],
            &["status"],
            &["status", "--json"],
        ] {
            let err = fails(&sb, args);
            assert!(err.contains(file.to_str().unwrap()), "{args:?}: {err}");
            assert!(err.contains("newer rekindle (schema 99"), "{args:?}: {err}");
            assert_eq!(snapshot(&sb.data()), before, "{args:?} changed nothing");
        }
        assert_eq!(fs::read_to_string(&file).unwrap(), newer);
    }
}

/// Imports three months (January to March 2026) into the sandbox.
fn three_months(sb: &Sandbox) {
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
}

/// Truncates `file` to half its length and returns the damaged bytes.
fn truncate(file: &Path) -> Vec<u8> {
    let good = fs::read(file).unwrap();
    let bad = good[..good.len() / 2].to_vec();
    fs::write(file, &bad).unwrap();
    bad
}

#[test]
fn one_damaged_month_is_set_aside_and_the_others_still_list() {
    let sb = Sandbox::new();
    three_months(&sb);
    let january = sb.journal().join("2026-01.json");
    let bad = truncate(&january);
    let before = snapshot(&sb.data());

    let out = sb.cmd(&["journal", "list"]).assert().success();
    let list = stdout(out.get_output());
    let err = stderr(out.get_output());
    assert!(!list.contains("January"), "{list}");
    assert!(list.contains("February: quieter now"), "{list}");
    assert!(list.contains("March: spring"), "{list}");
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(err.starts_with("warning: journal month"), "{err}");
    assert!(
        err.contains(&format!("{}:", january.display())) && err.contains("set aside"),
        "names the month: {err}"
    );
    assert!(
        !err.contains("2026-02") && !err.contains("2026-03"),
        "{err}"
    );

    // status and export carry on with the same warning.
    let out = sb.cmd(&["status", "--json"]).assert().success();
    assert!(stderr(out.get_output()).contains("2026-01.json"));
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["journal"]["entries"], 2);
    let out = sb.cmd(&["export", "--format", "txt"]).assert().success();
    assert!(stderr(out.get_output()).contains("2026-01.json"));
    assert!(stdout(out.get_output()).contains("March: spring"));

    // Adding in another month works, and never touches the damaged one.
    sb.add("written today");
    assert_eq!(fs::read(&january).unwrap(), bad);
    let old_months = |files: Vec<(PathBuf, Vec<u8>)>| {
        files
            .into_iter()
            .filter(|(p, _)| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("2026-0")
            })
            .collect::<Vec<_>>()
    };
    let old = old_months(before);
    assert_eq!(old.len(), 3, "three months, written once (no backups yet)");
    assert_eq!(old_months(snapshot(&sb.data())), old);
}

#[test]
fn adding_to_a_damaged_month_is_refused_and_the_file_kept() {
    let sb = Sandbox::new();
    sb.add("the first entry this month");
    sb.add("the second");
    let month = this_month(&sb);
    for damage in [&b"{\n  \"schema\": 1,\n  \"month\": "[..], b"", b"\0\0\0\0"] {
        fs::write(&month, damage).unwrap();
        let before = snapshot(&sb.data());
        let err = fails(&sb, &["journal", "add", "lost?"]);
        assert!(
            err.contains(month.to_str().unwrap()),
            "names the month: {err}"
        );
        assert!(err.contains("did not save over"), "{err}");
        assert_eq!(snapshot(&sb.data()), before, "nothing changed");
        assert_eq!(fs::read(&month).unwrap(), damage);
        assert!(temps(&sb.data()).is_empty());
    }
    // The warning says how to get the last good version back.
    let out = sb.cmd(&["journal", "list"]).assert().success().stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains(".json.bak"), "{err}");
}

#[test]
fn importing_into_a_damaged_month_fails_without_touching_it() {
    let sb = Sandbox::new();
    three_months(&sb);
    let february = sb.journal().join("2026-02.json");
    let bad = truncate(&february);
    let extra = sb.export_file(
        "feb.json",
        &[(
            "20260220T120000000Z",
            "2026-02-20T12:00:00Z",
            "later in February",
            None,
        )],
    );
    let err = fails(&sb, &["import", extra.to_str().unwrap()]);
    assert!(err.contains(february.to_str().unwrap()), "{err}");
    assert_eq!(fs::read(&february).unwrap(), bad);
}

#[test]
fn strange_files_in_the_journal_folder_are_set_aside_with_a_reason() {
    let sb = Sandbox::new();
    three_months(&sb);
    // A month file that says it holds another month, and a file that is not a month at all.
    let march = fs::read_to_string(sb.journal().join("2026-03.json")).unwrap();
    let mismatched = sb.journal().join("2025-12.json");
    fs::write(&mismatched, &march).unwrap();
    let notes = sb.journal().join("notes.json");
    fs::write(&notes, "{}").unwrap();

    let out = sb.cmd(&["journal", "list"]).assert().success();
    let list = stdout(out.get_output());
    let err = stderr(out.get_output());
    assert_eq!(list.lines().count(), 3, "{list}");
    assert_eq!(list.matches("March: spring").count(), 1, "{list}");
    assert!(
        err.contains("2025-12.json") && err.contains("2026-03"),
        "{err}"
    );
    assert!(
        err.contains("notes.json") && err.contains("not a journal month"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&mismatched).unwrap(), march);
    assert_eq!(fs::read_to_string(&notes).unwrap(), "{}");
}

#[test]
fn an_import_refused_for_one_month_imports_nothing() {
    let sb = Sandbox::new();
    let feb = sb.export_file(
        "feb.json",
        &[(
            "20260210T120000000Z",
            "2026-02-10T12:00:00Z",
            "feb one",
            None,
        )],
    );
    sb.import(&feb);
    truncate(&sb.journal().join("2026-02.json"));
    let file = sb.export_file("three.json", THREE_MONTHS);
    let err = fails(&sb, &["import", file.to_str().unwrap()]);
    assert!(err.contains("2026-02.json"), "{err}");
    assert!(
        !sb.journal().join("2026-01.json").exists(),
        "January was imported although the command failed"
    );
}
