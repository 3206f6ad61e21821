//! `journal add` into a big month leaves the entry waiting in the inbox instead of rewriting the
//! month, and every reader still sees it; the entries waiting are filed into the month with one
//! save, by the workbook or by the add that makes them too many.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Datelike, TimeZone, Utc};
use rekindle::cli::{FOLD_AT, WAIT_FROM_BYTES};
use rekindle::engine::{JOURNAL_SCHEMA, JournalEntry, JournalMonth, MonthKey};
use rekindle::store::{Access, Store};

use crate::cli_support::{Sandbox, stdout};

/// The first moment of this month (UTC).
fn month_start() -> DateTime<Utc> {
    let now = Utc::now();
    Utc.with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .unwrap()
}

/// Writes this month's file holding `n` entries of about 800 bytes, a millisecond apart from the
/// month's start (older than now), through the store, so the index describes it.
pub(crate) fn month_of(data: &Path, n: usize) -> MonthKey {
    let start = month_start();
    let entries: Vec<JournalEntry> = (0..n)
        .map(|i| JournalEntry {
            id: format!("old-{i:05}"),
            created: start + chrono::TimeDelta::milliseconds(i as i64),
            edited: None,
            text: format!(
                "entry {i}: {}",
                "quiet evening, tea, a long walk 🌱 ".repeat(22)
            ),
            step: None,
            mood: Some(3),
            tags: vec![],
            extra: Default::default(),
        })
        .collect();
    let key = MonthKey::of(start);
    let store = Store::open(data, Access::ReadWrite).unwrap();
    store
        .save_month(&JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries,
            extra: Default::default(),
        })
        .unwrap();
    key
}

/// A sandbox whose current month's file is just over the size at which entries wait.
fn big_month() -> (Sandbox, MonthKey) {
    let sandbox = Sandbox::new();
    let key = month_of(&sandbox.data(), 1_400);
    let len = fs::metadata(month_file(&sandbox, key)).unwrap().len();
    assert!(len >= WAIT_FROM_BYTES, "the month is big: {len} bytes");
    (sandbox, key)
}

fn month_file(sandbox: &Sandbox, key: MonthKey) -> std::path::PathBuf {
    sandbox.journal().join(format!("{key}.json"))
}

fn inbox_records(sandbox: &Sandbox) -> usize {
    match fs::read_dir(sandbox.data().join("inbox")) {
        Ok(dir) => dir
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".json")
            })
            .count(),
        Err(_) => 0,
    }
}

/// The texts of month `key`'s file.
fn texts_in_file(sandbox: &Sandbox, key: MonthKey) -> Vec<String> {
    let store = Store::open(&sandbox.data(), Access::ReadOnly).unwrap();
    let month = store.load_month(key).unwrap().unwrap();
    month.entries.into_iter().map(|e| e.text).collect()
}

/// Adds `text` with `journal add` and checks it went straight into month `key`'s file, with
/// nothing left waiting in the inbox.
fn added_into_the_month(sandbox: &Sandbox, key: MonthKey, text: &str) {
    sandbox.add(text);
    assert_eq!(inbox_records(sandbox), 0);
    assert!(
        texts_in_file(sandbox, key).iter().any(|t| t == text),
        "{text}"
    );
}

fn status_count(sandbox: &Sandbox) -> u64 {
    let out = sandbox.cmd(&["status", "--json"]).assert().success();
    let value: serde_json::Value = serde_json::from_str(&stdout(out.get_output())).unwrap();
    value["journal"]["entries"]
        .as_u64()
        .unwrap_or_else(|| panic!("entries in {value}"))
}

#[test]
fn an_entry_for_a_big_month_waits_beside_it_and_every_reader_sees_it() {
    let (sandbox, key) = big_month();
    let file = month_file(&sandbox, key);
    let before = fs::read(&file).unwrap();
    let id = sandbox.add("the words that must not wait in vain");

    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the month was not rewritten"
    );
    assert_eq!(inbox_records(&sandbox), 1);
    assert!(
        sandbox
            .list()
            .contains("the words that must not wait in vain")
    );
    assert_eq!(status_count(&sandbox), 1_401);
    let exported = sandbox.exported_entries();
    assert_eq!(exported.len(), 1_401);
    let mine: Vec<_> = exported.iter().filter(|e| e["id"] == id.as_str()).collect();
    assert_eq!(mine.len(), 1, "the id printed is the entry's id");
    assert_eq!(mine[0]["text"], "the words that must not wait in vain");
}

#[test]
fn the_add_that_makes_too_many_wait_files_them_all_with_the_month_once() {
    let (sandbox, key) = big_month();
    let mut ids = Vec::new();
    for i in 0..FOLD_AT - 1 {
        ids.push(sandbox.add(&format!("waiting {i}")));
    }
    assert_eq!(inbox_records(&sandbox), FOLD_AT - 1);
    ids.push(sandbox.add("the one that files them"));

    assert_eq!(inbox_records(&sandbox), 0, "every record was filed");
    let texts = texts_in_file(&sandbox, key);
    assert_eq!(texts.len(), 1_400 + FOLD_AT);
    for i in 0..FOLD_AT - 1 {
        let text = format!("waiting {i}");
        assert_eq!(texts.iter().filter(|t| **t == text).count(), 1, "{text}");
    }
    assert!(texts.iter().any(|t| t == "the one that files them"));
    // Written once for all of them: the month's previous version is the one before any waited.
    let bak = month_file(&sandbox, key).with_extension("json.bak");
    let before: serde_json::Value = serde_json::from_slice(&fs::read(bak).unwrap()).unwrap();
    assert_eq!(before["entries"].as_array().unwrap().len(), 1_400);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "every add got its own id: {ids:?}");
    assert_eq!(status_count(&sandbox), (1_400 + FOLD_AT) as u64);
}

#[test]
fn a_small_month_is_written_at_once() {
    let sandbox = Sandbox::new();
    let key = month_of(&sandbox.data(), 10);
    added_into_the_month(&sandbox, key, "straight into the month");
}

#[test]
fn a_month_the_index_no_longer_describes_is_read_and_written() {
    let (sandbox, key) = big_month();
    // Changed behind the index's back (copied back from elsewhere, say): its size and time
    // no longer match, so its entries' times are not known without reading it.
    let file = month_file(&sandbox, key);
    let mut bytes = fs::read(&file).unwrap();
    bytes.push(b'\n');
    fs::write(&file, bytes).unwrap();
    added_into_the_month(&sandbox, key, "after the change");
}

#[test]
fn a_month_holding_an_entry_from_later_than_now_is_read_and_written() {
    let (sandbox, key) = big_month();
    let store = Store::open(&sandbox.data(), Access::ReadWrite).unwrap();
    let mut month = store.load_month(key).unwrap().unwrap();
    // A clock that was ahead once: an entry dated after now, in this month.
    month.entries[0].created = Utc::now() + chrono::TimeDelta::seconds(1);
    if MonthKey::of(month.entries[0].created) != key {
        return; // the last second of the month: nothing to show here
    }
    store.save_month(&month).unwrap();
    drop(store);
    added_into_the_month(&sandbox, key, "after the clock jumped");
}

#[test]
fn entries_waiting_survive_a_restore_of_their_backup() {
    let (sandbox, _) = big_month();
    sandbox.add("kept through a backup");
    let backup = sandbox.file("backup.json");
    sandbox
        .cmd(&["backup", "-o", backup.to_str().unwrap()])
        .assert()
        .success();
    let elsewhere = sandbox.file("restored");
    sandbox
        .cmd_in(&elsewhere, &["restore", backup.to_str().unwrap()])
        .assert()
        .success();
    let out = sandbox
        .cmd_in(&elsewhere, &["journal", "list", "-n", "1"])
        .assert()
        .success();
    assert!(stdout(out.get_output()).contains("kept through a backup"));
}

#[test]
fn the_workbook_files_the_entries_waiting_and_shows_them() {
    use crate::e2e_support::Tmux;
    let (sandbox, key) = big_month();
    for i in 0..3 {
        sandbox.add(&format!("waiting for the workbook {i}"));
    }
    assert_eq!(inbox_records(&sandbox), 3);
    let tmux = Tmux::new("waiting");
    tmux.start(&sandbox.data());
    tmux.to_home();
    tmux.keys(&["J"]);
    let list = tmux.wait_for("waiting for the workbook 2");
    assert!(list.contains("waiting for the workbook 0"), "{list}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);

    assert_eq!(inbox_records(&sandbox), 0, "filed, and the records removed");
    let texts = texts_in_file(&sandbox, key);
    assert_eq!(texts.len(), 1_403);
    for i in 0..3 {
        let text = format!("waiting for the workbook {i}");
        assert_eq!(texts.iter().filter(|t| **t == text).count(), 1, "{text}");
    }
}

/// Runs `rekindle --plain ARGS` with `script` on stdin, asserting it exited 0; its stdout.
fn plain(sandbox: &Sandbox, args: &[&str], script: &str) -> String {
    let mut all = vec!["--plain"];
    all.extend_from_slice(args);
    let out = sandbox.cmd(&all).write_stdin(script).assert().success();
    stdout(out.get_output())
}

/// [`big_month`], with the welcome and the safety questions answered (no to each) in plain mode.
fn welcomed_big_month() -> (Sandbox, MonthKey) {
    let (sandbox, key) = big_month();
    let guide = rekindle::content::default_guide().unwrap();
    let safety = guide.check("safety").unwrap().questions.len();
    plain(
        &sandbox,
        &[],
        &format!("Sam\n2\n{}q\n", "no\n".repeat(safety)),
    );
    (sandbox, key)
}

#[test]
fn a_read_only_plain_window_shows_the_entries_waiting() {
    let (sandbox, _) = welcomed_big_month();
    sandbox.add("words a read-only window must still read");
    assert_eq!(inbox_records(&sandbox), 1, "the entry waits");

    let out = plain(&sandbox, &["--read-only"], "4\nq\n");
    assert!(out.contains("Your journal, newest first."), "{out}");
    assert!(
        out.contains("words a read-only window must still read"),
        "the newest entry is missing from the list:\n{out}"
    );
    assert_eq!(inbox_records(&sandbox), 1, "a reader files nothing");
}

#[test]
fn a_read_only_workbook_shows_the_entries_waiting() {
    use crate::e2e_support::{Tmux, binary};
    let (sandbox, key) = welcomed_big_month();
    sandbox.add("words a read-only workbook must still show");
    assert_eq!(inbox_records(&sandbox), 1, "the entry waits");

    let tmux = Tmux::new("waiting-ro");
    let data = sandbox.data();
    let command = format!(
        "env -u NO_COLOR -u REKINDLE_CONFIG XDG_CONFIG_HOME='{}.config' REKINDLE_DATA_DIR='{}' \
         '{}' --read-only; echo EXITED=$?; sleep 30",
        data.display(),
        data.display(),
        binary().display()
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    tmux.wait_for("Give it space");
    tmux.keys(&["J"]);
    let list = tmux.wait_for("entry 1399");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);
    assert!(
        list.contains("words a read-only workbook must still show"),
        "the newest entry is missing from the list:\n{list}"
    );
    assert_eq!(inbox_records(&sandbox), 1, "a reader files nothing");
    assert_eq!(texts_in_file(&sandbox, key).len(), 1_400);
}

#[test]
fn an_entry_waiting_for_a_damaged_month_waits_on_and_other_entries_are_added() {
    use rekindle::store::{Inbox, InboxItem, InboxRecord};
    let sandbox = Sandbox::new();
    sandbox.add("a first entry");
    let january = sandbox.journal().join("2026-01.json");
    fs::write(&january, b"{ this is not a month").unwrap();
    let waiting = JournalEntry {
        id: "jan-words".into(),
        created: "2026-01-15T10:00:00Z".parse().unwrap(),
        edited: None,
        text: "words for a month that cannot be read".into(),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    };
    Inbox::of(&sandbox.data())
        .put(&InboxRecord::new(
            Utc::now(),
            InboxItem::Entry {
                entry: waiting,
                replaces: false,
            },
        ))
        .unwrap();

    let out = sandbox
        .cmd(&["journal", "add", "today, whatever January holds"])
        .assert()
        .success();
    let said = crate::cli_support::stderr(out.get_output());
    assert!(said.contains("left in the inbox"), "{said}");
    assert!(said.contains("2026-01"), "{said}");
    assert_eq!(inbox_records(&sandbox), 1, "the January entry still waits");
    assert_eq!(
        fs::read(&january).unwrap(),
        b"{ this is not a month",
        "the damaged month is left as it was"
    );
    let listed = sandbox.cmd(&["journal", "list"]).assert().success();
    assert!(stdout(listed.get_output()).contains("today, whatever January holds"));
}
