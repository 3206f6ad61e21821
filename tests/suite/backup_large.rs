//! A backup of a large journal is written a month at a time: the backup process's peak memory
//! does not grow with the journal (four times the months, about the same peak), and the file
//! restores whole.

use crate::cli_support;

use std::path::Path;
use std::process::Stdio;

use chrono::{Datelike, Duration, TimeZone, Utc};
use cli_support::*;
use rekindle::engine::{JOURNAL_SCHEMA, JournalEntry, JournalMonth, MonthKey};
use rekindle::store::{Access, Store};
use serde_json::Value;

const PER_MONTH: usize = 1200;

/// Writes `months` months of `PER_MONTH` entries of about 1 KiB each into `dir` through the
/// store; returns the bytes the month files hold.
fn journal(dir: &Path, months: i64) -> u64 {
    let store = Store::open(dir, Access::ReadWrite).unwrap();
    let text = "I walked a long way today and thought about all of it. ".repeat(18);
    let mut bytes = 0;
    for m in 0..months {
        let first = Utc
            .with_ymd_and_hms(2022 + (m / 12) as i32, (m % 12) as u32 + 1, 1, 8, 0, 0)
            .unwrap();
        let entries = (0..PER_MONTH)
            .map(|n| {
                let created = first + Duration::minutes(n as i64 * 30);
                JournalEntry {
                    id: format!("{}-{n}", created.format("%Y%m%dT%H%M%S%3fZ")),
                    created,
                    edited: None,
                    text: format!("{n}: {text}"),
                    step: None,
                    mood: Some((n % 5) as u8 + 1),
                    tags: vec!["walk".into()],
                    extra: Default::default(),
                }
            })
            .collect();
        store
            .save_month(&JournalMonth {
                schema: JOURNAL_SCHEMA,
                month: format!("{:04}-{:02}", first.year(), first.month()),
                entries,
                extra: Default::default(),
            })
            .unwrap();
        bytes += std::fs::metadata(store.month_file(MonthKey::of(first)))
            .unwrap()
            .len();
    }
    bytes
}

/// Runs `rekindle backup -o FILE` on `dir` and returns its peak resident memory in bytes.
// The child is waited for with wait4, which also reports its own peak memory.
#[allow(clippy::zombie_processes)]
fn backup_peak(sb: &Sandbox, dir: &Path, file: &Path) -> u64 {
    let home = sb.tmp.path().join("home");
    let child = std::process::Command::new(bin())
        .arg("--data-dir")
        .arg(dir)
        .arg("backup")
        .arg("-o")
        .arg(file)
        .env_remove("REKINDLE_CONFIG")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("TZ", UTC)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: both out-pointers are to locals that live across the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "backup failed"
    );
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn a_large_journal_is_backed_up_in_the_memory_of_a_small_one_and_restores_whole() {
    let sb = Sandbox::new();
    let small = sb.file("small");
    let small_bytes = journal(&small, 12);
    let large_bytes = journal(&sb.data(), 48);
    let small_peak = backup_peak(&sb, &small, &sb.file("small.json"));
    let file = sb.file("backup.json");
    let large_peak = backup_peak(&sb, &sb.data(), &file);
    let grown = large_bytes - small_bytes;
    assert!(
        large_peak < small_peak + grown / 5,
        "the journal grew by {} MiB and the backup's peak from {} to {} MiB",
        grown >> 20,
        small_peak >> 20,
        large_peak >> 20
    );
    assert!(std::fs::metadata(&file).unwrap().len() > large_bytes / 2);

    let fresh = sb.file("fresh");
    sb.cmd_in(&fresh, &["restore", file.to_str().unwrap()])
        .assert()
        .success();
    let count = |dir: &Path| {
        let out = sb.cmd_in(dir, &["status", "--json"]).assert().success();
        let status: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        status["journal"].clone()
    };
    assert_eq!(count(&fresh)["entries"], 48 * PER_MONTH);
    assert_eq!(count(&fresh), count(&sb.data()));
}
