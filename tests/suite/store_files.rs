//! The data directory on disk: round trips, modes, backups, crash leftovers, links and the lock.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{DateTime, Utc};
use rekindle::engine::{JOURNAL_SCHEMA, Journal, JournalEntry, JournalMonth, Journey, MonthKey};
use rekindle::store::{Access, Store, StoreError};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn journey(path: &str) -> Journey {
    serde_json::from_value(serde_json::json!({
        "schema": 1,
        "created": "2026-11-01T20:00:00Z",
        "updated": "2026-11-02T21:30:00Z",
        "guide": { "id": "rekindle", "version": "1" },
        "path": path,
    }))
    .unwrap()
}

fn entry(id: &str, created: &str, text: &str) -> JournalEntry {
    JournalEntry {
        id: id.into(),
        created: at(created),
        edited: None,
        text: text.into(),
        step: Some("space".into()),
        mood: Some(3),
        tags: vec!["night".into()],
        extra: Default::default(),
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn open(dir: &Path) -> Store {
    Store::open(dir, Access::ReadWrite).unwrap()
}

#[test]
fn journey_round_trips_and_is_absent_at_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert_eq!(store.load_journey().unwrap(), None);
    let mut saved = journey("reconcile");
    saved.settings.ex_name = Some("Sam".into());
    store.save_journey(&saved).unwrap();
    drop(store);
    let store = open(dir.path());
    assert_eq!(store.load_journey().unwrap(), Some(saved));
}

#[test]
fn journal_months_round_trip_and_list_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let journal = Journal::from_entries([
        entry("a", "2026-10-31T23:00:00Z", "late october"),
        entry("b", "2026-11-02T08:00:00Z", "first of november"),
        entry("c", "2026-11-20T08:00:00Z", "later"),
    ]);
    for key in journal.months() {
        store.save_month(&journal.month_file(key)).unwrap();
    }
    let nov = MonthKey::parse("2026-11").unwrap();
    let oct = MonthKey::parse("2026-10").unwrap();
    assert_eq!(store.journal_months().unwrap(), vec![oct, nov]);
    assert_eq!(
        store.load_month(nov).unwrap(),
        Some(journal.month_file(nov))
    );
    assert_eq!(
        store
            .load_month(MonthKey::parse("2026-09").unwrap())
            .unwrap(),
        None
    );
    let load = store.load_journal().unwrap();
    assert!(load.set_aside.is_empty());
    assert_eq!(load.journal, journal);
}

#[test]
fn an_empty_month_is_written_with_no_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let empty = JournalMonth {
        schema: JOURNAL_SCHEMA,
        month: "2026-11".into(),
        entries: vec![],
        extra: Default::default(),
    };
    store.save_month(&empty).unwrap();
    let key = MonthKey::parse("2026-11").unwrap();
    assert_eq!(store.load_month(key).unwrap(), Some(empty));
}

#[test]
fn a_month_not_written_yyyy_mm_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    for month in ["2026-1", "../../x", "2026-13", ""] {
        let bad = JournalMonth {
            schema: 1,
            month: month.into(),
            entries: vec![],
            extra: Default::default(),
        };
        let err = store.save_month(&bad).unwrap_err();
        assert!(matches!(err, StoreError::InvalidMonth { .. }), "{err}");
    }
    assert_eq!(fs::read_dir(store.journal_dir()).unwrap().count(), 0);
}

#[test]
fn folders_are_0700_and_files_0600() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("deep/data");
    let store = open(&data);
    store.save_journey(&journey("reconcile")).unwrap();
    store.save_journey(&journey("heal")).unwrap();
    let month = Journal::from_entries([entry("a", "2026-11-02T08:00:00Z", "x")]);
    store
        .save_month(&month.month_file(MonthKey::parse("2026-11").unwrap()))
        .unwrap();
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("journal")), 0o700);
    for file in [
        "journey.json",
        "journey.json.bak",
        ".lock",
        "journal/2026-11.json",
    ] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
}

#[test]
fn looser_folder_modes_are_tightened_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(data.join("journal")).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(data.join("journal"), fs::Permissions::from_mode(0o777)).unwrap();
    let _store = open(&data);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("journal")), 0o700);
}

#[test]
fn a_loose_file_becomes_0600_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.json");
    fs::write(&file, serde_json::to_vec(&journey("reconcile")).unwrap()).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let store = open(dir.path());
    store.save_journey(&journey("heal")).unwrap();
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&dir.path().join("journey.json.bak")), 0o600);
}

#[test]
fn bak_holds_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    store.save_journey(&journey("reconcile")).unwrap();
    assert!(!dir.path().join("journey.json.bak").exists());
    let first = fs::read(dir.path().join("journey.json")).unwrap();
    store.save_journey(&journey("heal")).unwrap();
    assert_eq!(
        fs::read(dir.path().join("journey.json.bak")).unwrap(),
        first
    );
    let second = fs::read(dir.path().join("journey.json")).unwrap();
    store.save_journey(&journey("third")).unwrap();
    assert_eq!(
        fs::read(dir.path().join("journey.json.bak")).unwrap(),
        second
    );
    assert_eq!(store.load_journey().unwrap().unwrap().path, "third");
}

#[test]
fn month_files_keep_a_bak_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let key = MonthKey::parse("2026-11").unwrap();
    let mut journal = Journal::from_entries([entry("a", "2026-11-02T08:00:00Z", "one")]);
    store.save_month(&journal.month_file(key)).unwrap();
    let first = fs::read(store.month_file(key)).unwrap();
    journal.insert(entry("b", "2026-11-03T08:00:00Z", "two"));
    store.save_month(&journal.month_file(key)).unwrap();
    let bak = store.journal_dir().join("2026-11.json.bak");
    assert_eq!(fs::read(bak).unwrap(), first);
    // The backup is not mistaken for a month.
    assert_eq!(store.journal_months().unwrap(), vec![key]);
    assert!(store.load_journal().unwrap().set_aside.is_empty());
}

#[test]
fn stale_temp_files_are_removed_at_open_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("journal")).unwrap();
    let stale = [
        ".rekindle-tmp.journey.json.999.0.0123456789abcdef.partial",
        ".rekindle-tmp.journey.json.bak.999.1.0123456789abcdef.partial",
        "journal/.rekindle-tmp.2026-11.json.999.2.fedcba9876543210.partial",
    ];
    for name in stale {
        fs::write(dir.path().join(name), b"half a sav").unwrap();
    }
    // The user's own files, even ones that look like temp files, are left alone.
    let theirs = [
        "notes.txt",
        ".tmp-notes",
        ".tmp-journey.json-999-0",
        "journal/.tmp-2026-11.json-999-2",
        ".rekindle-tmp.journey.json.partial",
    ];
    for name in theirs {
        fs::write(dir.path().join(name), b"mine").unwrap();
    }
    fs::create_dir(dir.path().join(".tmp-keep")).unwrap();
    fs::create_dir(
        dir.path()
            .join(".rekindle-tmp.x.1.2.0123456789abcdef.partial"),
    )
    .unwrap();
    let store = open(dir.path());
    for name in stale {
        assert!(!dir.path().join(name).exists(), "{name}");
    }
    for name in theirs {
        assert_eq!(fs::read(dir.path().join(name)).unwrap(), b"mine", "{name}");
    }
    assert!(dir.path().join(".tmp-keep").is_dir());
    // A folder in the way of nothing we write does not stop saving.
    store.save_journey(&journey("reconcile")).unwrap();
    store.save_journey(&journey("heal")).unwrap();
    assert_eq!(store.load_journey().unwrap().unwrap().path, "heal");
}

#[test]
fn a_symlinked_lock_is_refused_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let notes = dir.path().join("notes.txt");
    fs::write(&notes, b"my own notes").unwrap();
    std::os::unix::fs::symlink(&notes, data.join(".lock")).unwrap();
    let err = Store::open(&data, Access::ReadWrite).unwrap_err();
    assert!(matches!(err, StoreError::LockIsALink { .. }), "{err}");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(fs::read(&notes).unwrap(), b"my own notes");

    // A dangling lock link makes no file where it points.
    let elsewhere = dir.path().join("elsewhere.txt");
    fs::remove_file(data.join(".lock")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, data.join(".lock")).unwrap();
    assert!(Store::open(&data, Access::ReadWrite).is_err());
    assert!(!elsewhere.exists());
}

#[test]
fn a_month_link_to_nothing_is_refused_and_makes_no_file_outside() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(data.join("journal")).unwrap();
    let outside = dir.path().join("outside.json");
    std::os::unix::fs::symlink(&outside, data.join("journal/2026-11.json")).unwrap();
    let store = open(&data);
    let month = Journal::from_entries([entry("a", "2026-11-02T08:00:00Z", "x")]);
    let key = month.months().next().unwrap();
    let err = store.save_month(&month.month_file(key)).unwrap_err();
    assert!(matches!(err, StoreError::DanglingLink { .. }), "{err}");
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!outside.exists());
}

#[test]
fn no_temp_files_are_left_after_saves() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    store.save_journey(&journey("a")).unwrap();
    store.save_journey(&journey("b")).unwrap();
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".lock", "journal", "journey.json", "journey.json.bak"]
    );
}

#[test]
fn a_symlinked_journey_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let synced = dir.path().join("synced");
    fs::create_dir_all(&data).unwrap();
    fs::create_dir_all(&synced).unwrap();
    let target = synced.join("my-journey.json");
    let link = data.join("journey.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let store = open(&data);
    assert_eq!(
        store.load_journey().unwrap(),
        None,
        "a link to nothing yet reads as absent"
    );
    assert!(
        store.save_journey(&journey("reconcile")).is_err(),
        "nothing is made outside the data folder by following a link"
    );
    assert!(!target.exists());
    fs::write(
        &target,
        rekindle::store::codec::encode(&journey("linked")).unwrap(),
    )
    .unwrap();
    let store = {
        drop(store);
        open(&data)
    };
    store.load_journey().unwrap();
    store.save_journey(&journey("reconcile")).unwrap();
    store.save_journey(&journey("heal")).unwrap();

    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_link(&link).unwrap(), target);
    assert_eq!(store.load_journey().unwrap().unwrap().path, "heal");
    assert!(synced.join("my-journey.json.bak").is_file());
    assert_eq!(mode(&target), 0o600);
}

#[test]
fn a_second_writer_is_told_who_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    let err = Store::open(dir.path(), Access::ReadWrite).unwrap_err();
    let StoreError::Locked { holder, .. } = &err else {
        panic!("expected Locked, got {err}");
    };
    assert_eq!(holder.as_ref().unwrap().pid, std::process::id());
    let text = err.to_string();
    assert!(
        text.contains(&format!("process {}", std::process::id())),
        "{text}"
    );
    assert!(text.contains("since"), "{text}");
    assert!(text.contains("open elsewhere"), "{text}");

    first.save_journey(&journey("reconcile")).unwrap();
    let reader = Store::open(dir.path(), Access::ReadOnly).unwrap();
    assert_eq!(reader.load_journey().unwrap().unwrap().path, "reconcile");

    drop(first);
    let _again = open(dir.path());
}

#[test]
fn read_only_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data, Access::ReadOnly).unwrap();
    assert!(!data.exists(), "read-only does not create the folder");
    assert_eq!(store.load_journey().unwrap(), None);
    assert!(store.load_journal().unwrap().journal.is_empty());
    let err = store.save_journey(&journey("reconcile")).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("journey.json"), "{err}");
    let month = JournalMonth {
        schema: 1,
        month: "2026-11".into(),
        entries: vec![],
        extra: Default::default(),
    };
    assert!(matches!(
        store.save_month(&month),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(!data.exists());
}

#[test]
fn read_only_leaves_temp_files_and_modes_alone() {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::write(
        dir.path()
            .join(".rekindle-tmp.journey.json.1.0.0123456789abcdef.partial"),
        b"x",
    )
    .unwrap();
    let _store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    assert!(
        dir.path()
            .join(".rekindle-tmp.journey.json.1.0.0123456789abcdef.partial")
            .exists()
    );
    assert_eq!(mode(dir.path()), 0o755);
    assert!(!dir.path().join(".lock").exists());
}

#[test]
fn a_file_where_the_folder_should_be_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::write(&data, b"not a folder").unwrap();
    for access in [Access::ReadWrite, Access::ReadOnly] {
        let err = Store::open(&data, access).unwrap_err();
        assert!(matches!(err, StoreError::NotADirectory { .. }), "{err}");
        assert!(err.to_string().contains("data"), "{err}");
    }
    assert_eq!(fs::read(&data).unwrap(), b"not a folder");
}

#[test]
fn saves_can_run_on_another_thread() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(open(dir.path()));
    let saver = {
        let store = store.clone();
        std::thread::spawn(move || store.save_journey(&journey("heal")))
    };
    saver.join().unwrap().unwrap();
    assert_eq!(store.load_journey().unwrap().unwrap().path, "heal");
}

#[test]
fn default_data_dir_names_rekindle() {
    if let Ok(dir) = rekindle::store::default_data_dir() {
        assert!(
            dir.to_string_lossy().contains("rekindle"),
            "{}",
            dir.display()
        );
    }
}
