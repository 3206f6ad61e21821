//! `import` reads a large file twice instead of holding it: its peak memory does not grow with
//! the file (four times the entries, about the same peak), it stays all or nothing (a bad entry
//! near the end of a large file writes nothing), and it reads an export from stdin (`-`).

use crate::cli_support;

use std::path::Path;
use std::process::Stdio;

use chrono::{Duration, TimeZone, Utc};
use cli_support::*;
use serde_json::{Value, json};

/// Entries a month in the generated files.
const PER_MONTH: usize = 500;

/// A rekindle export of `months` months of `PER_MONTH` entries of about 600 bytes, fields in
/// the order rekindle writes them; entry `bad` (from 1), if any, has a mood of 9.
fn export_text(months: usize, bad: Option<usize>) -> String {
    let words = "I walked a long way today and thought about all of it. ".repeat(10);
    let mut out = String::from(
        "{\"format\": \"rekindle-journal\", \"version\": 1, \
         \"exported\": \"2026-03-31T00:00:00Z\", \"entries\": [",
    );
    let start = Utc.with_ymd_and_hms(2020, 1, 1, 8, 0, 0).unwrap();
    for n in 0..months * PER_MONTH {
        let month = n / PER_MONTH;
        let created = start + Duration::days(month as i64 * 31) + Duration::minutes(n as i64);
        let mood = if bad == Some(n + 1) { 9 } else { n % 5 + 1 };
        let entry = json!({
            "id": format!("g{n:08}"), "created": created, "edited": null,
            "text": format!("{n}: {words}"), "step": null, "mood": mood, "tags": ["walk"],
        });
        if n > 0 {
            out.push(',');
        }
        out.push_str(&entry.to_string());
    }
    out.push_str("]}\n");
    out
}

fn entries_in(sb: &Sandbox, dir: &Path) -> Value {
    let out = sb.cmd_in(dir, &["status", "--json"]).assert().success();
    let status: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    status["journal"]["entries"].clone()
}

/// Runs `rekindle import FILE` into `dir` and returns its peak resident memory in bytes.
///
/// Read from the running process's own `VmHWM`, polled until it exits: the peak that `wait4`
/// reports is not the child's own, since Linux carries over an exec the peak of the memory the
/// child was started from (this test binary's, running other tests meanwhile).
fn import_peak(sb: &Sandbox, dir: &Path, file: &Path) -> u64 {
    let home = sb.tmp.path().join("home");
    let mut child = std::process::Command::new(bin())
        .arg("--data-dir")
        .arg(dir)
        .arg("import")
        .arg(file)
        .env_remove("REKINDLE_CONFIG")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("TZ", UTC)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    let exit = loop {
        if let Some(kib) = std::fs::read_to_string(&status).ok().and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        }) {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert!(exit.success(), "import failed");
    peak_kib * 1024
}

#[test]
fn a_large_import_takes_the_memory_of_a_small_one() {
    let sb = Sandbox::new();
    let small = sb.file("small.json");
    std::fs::write(&small, export_text(12, None)).unwrap();
    let large = sb.file("large.json");
    std::fs::write(&large, export_text(48, None)).unwrap();
    let small_peak = import_peak(&sb, &sb.file("small-data"), &small);
    let large_peak = import_peak(&sb, &sb.data(), &large);
    let grown = std::fs::metadata(&large).unwrap().len() - std::fs::metadata(&small).unwrap().len();
    assert!(
        large_peak < small_peak + grown / 5,
        "the file grew by {} MiB and the import's peak from {} to {} MiB",
        grown >> 20,
        small_peak >> 20,
        large_peak >> 20
    );
    assert_eq!(entries_in(&sb, &sb.data()), 48 * PER_MONTH);
    assert_eq!(entries_in(&sb, &sb.file("small-data")), 12 * PER_MONTH);
    let again = sb.import(&large);
    assert!(
        again.starts_with(&format!(
            "Imported 0 entries from rekindle export ({} already there",
            48 * PER_MONTH
        )),
        "{again}"
    );
}

#[test]
fn a_bad_entry_near_the_end_of_a_large_file_writes_nothing() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("seed.json", THREE_MONTHS));
    let last = 40 * PER_MONTH;
    let file = sb.file("big.json");
    std::fs::write(&file, export_text(40, Some(last - 3))).unwrap();
    let before = snapshot(&sb.data());
    let out = sb
        .cmd(&["import", file.to_str().unwrap()])
        .assert()
        .failure();
    let said = stderr(out.get_output());
    let nth = rekindle::content::words::ordinal((last - 3) as u64);
    assert!(said.contains(&format!("the {nth} entry")), "{said}");
    assert!(said.contains("mood is 9"), "{said}");
    assert!(said.contains("Nothing was imported"), "{said}");
    assert_eq!(
        snapshot(&sb.data()),
        before,
        "a refused import changes nothing"
    );

    let mut cut = export_text(40, None);
    cut.truncate(cut.len() - 300);
    std::fs::write(&file, cut).unwrap();
    let out = sb
        .cmd(&["import", file.to_str().unwrap()])
        .assert()
        .failure();
    let said = stderr(out.get_output());
    assert!(said.contains("not JSON"), "{said}");
    assert_eq!(
        snapshot(&sb.data()),
        before,
        "a cut-off file changes nothing"
    );
}

#[test]
fn an_export_is_imported_from_stdin_and_leaves_no_file_behind() {
    let sb = Sandbox::new();
    let text = export_text(3, None);
    let out = sb
        .cmd(&["import", "-"])
        .write_stdin(text.clone())
        .assert()
        .success();
    assert_eq!(
        stdout(out.get_output()),
        format!(
            "Imported {} entries from rekindle export (0 already there, skipped)\n",
            rekindle::content::words::grouped(3 * PER_MONTH)
        )
    );
    assert_eq!(entries_in(&sb, &sb.data()), 3 * PER_MONTH);
    let again = sb
        .cmd(&["import", "-"])
        .write_stdin(text)
        .assert()
        .success();
    assert!(
        stdout(again.get_output()).starts_with("Imported 0 entries"),
        "nothing doubled"
    );
    let seed = std::fs::read(sb.export_file("seed.json", THREE_MONTHS)).unwrap();
    sb.cmd(&["import", "-"])
        .write_stdin(seed)
        .assert()
        .success();
    assert_eq!(entries_in(&sb, &sb.data()), 3 * PER_MONTH + 3);

    let before = snapshot(&sb.data());
    let out = sb
        .cmd(&["import", "-"])
        .write_stdin(export_text(2, Some(2 * PER_MONTH)))
        .assert()
        .failure();
    let said = stderr(out.get_output());
    assert!(
        said.starts_with("rekindle: stdin: the 1000th entry"),
        "{said}"
    );
    assert_eq!(
        snapshot(&sb.data()),
        before,
        "a refused import changes nothing"
    );
    let out = sb
        .cmd(&["import", "-"])
        .write_stdin("no json here")
        .assert()
        .failure();
    assert!(stderr(out.get_output()).contains("not JSON"));
    assert_eq!(
        snapshot(&sb.data()),
        before,
        "nothing spooled is left behind"
    );
}
