//! A corpus of broken files: each gives a clear error naming the file (and line and column where
//! they apply), and the bytes on disk are unchanged after a load and an attempted save.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rekindle::engine::{Journal, JournalEntry, JournalMonth, Journey, MonthKey};
use rekindle::store::{Access, Store, StoreError};

const GOOD: &str = r#"{
  "schema": 1,
  "created": "2026-11-01T20:00:00Z",
  "updated": "2026-11-02T21:30:00Z",
  "guide": { "id": "rekindle", "version": "1" },
  "path": "reconcile"
}
"#;

fn journey() -> Journey {
    serde_json::from_str(GOOD).unwrap()
}

/// What a broken file should be reported as.
enum Expect {
    /// `Corrupt` at this line and column, with this in the message.
    At(usize, usize, &'static str),
    /// `Corrupt` anywhere, with this in the message.
    Says(&'static str),
    /// `NewerSchema` with this version found.
    Newer(u64),
}

fn journey_corpus() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let good = GOOD.as_bytes();
    let with = |from: &str, to: &str| GOOD.replacen(from, to, 1).into_bytes();
    let mut bad_utf8 = GOOD.replacen("reconcile", "recon\u{1}cile", 1).into_bytes();
    let at = bad_utf8.iter().position(|&b| b == 1).unwrap();
    bad_utf8[at] = 0xFF;
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(good);
    let mut trailing = good.to_vec();
    trailing.extend_from_slice(b"}\n");
    vec![
        (
            "truncated",
            good[..70].to_vec(),
            Expect::Says("ends too soon"),
        ),
        (
            "cut mid-word",
            good[..good.len() - 10].to_vec(),
            Expect::Says("cut off"),
        ),
        (
            "missing comma",
            with(r#""schema": 1,"#, r#""schema": 1"#),
            Expect::At(3, 3, "expected `,`"),
        ),
        ("bad utf-8", bad_utf8, Expect::At(6, 17, "not valid UTF-8")),
        (
            "schema is a string",
            with(r#""schema": 1"#, r#""schema": "one""#),
            Expect::At(2, 17, "in `schema`: invalid type: string"),
        ),
        (
            "path is a number",
            with(r#""path": "reconcile""#, r#""path": 5"#),
            Expect::At(6, 11, "in `path`: invalid type: integer"),
        ),
        (
            "date is not a date",
            with("2026-11-01T20:00:00Z", "yesterday"),
            Expect::At(3, 24, "wrong content in `created`"),
        ),
        (
            "negative schema",
            with(r#""schema": 1"#, r#""schema": -1"#),
            Expect::At(2, 14, "invalid value"),
        ),
        (
            "future schema",
            with(r#""schema": 1"#, r#""schema": 2"#),
            Expect::Newer(2),
        ),
        (
            "future shape",
            br#"{"schema": 7, "chapters": []}"#.to_vec(),
            Expect::Newer(7),
        ),
        (
            "schema beyond u32",
            with(r#""schema": 1"#, r#""schema": 4294967296"#),
            Expect::Newer(4_294_967_296),
        ),
        (
            "huge schema",
            with(r#""schema": 1"#, r#""schema": 99999999999999999999999"#),
            Expect::At(
                2,
                35,
                "wrong content in `schema`: invalid type: floating point",
            ),
        ),
        ("empty", Vec::new(), Expect::At(1, 1, "the file is empty")),
        (
            "only whitespace",
            b"\n\n  \n".to_vec(),
            Expect::Says("the file is empty"),
        ),
        (
            "bare null",
            b"null".to_vec(),
            Expect::At(
                1,
                4,
                "should hold one object ({ … }) but holds something else (invalid type: null",
            ),
        ),
        (
            "an array",
            b"[1, 2]\n".to_vec(),
            Expect::Says("should hold one object"),
        ),
        (
            "a string",
            b"\"journey\"".to_vec(),
            Expect::Says("should hold one object"),
        ),
        ("bom", bom, Expect::At(1, 1, "byte-order mark")),
        (
            "trailing garbage",
            trailing,
            Expect::At(8, 1, "unexpected text after the end"),
        ),
        (
            "missing field",
            with(r#"  "guide": { "id": "rekindle", "version": "1" },"#, ""),
            Expect::Says("missing field `guide`"),
        ),
        (
            "nul in the middle",
            with("reconcile", "recon\0cile"),
            Expect::At(6, 17, "NUL bytes"),
        ),
        (
            "zeroed by a crash",
            vec![0; 4096],
            Expect::At(1, 1, "NUL bytes"),
        ),
    ]
}

fn assert_reported(err: &StoreError, file: &Path, expect: &Expect, case: &str) {
    let text = err.to_string();
    assert!(
        text.contains(&file.display().to_string()),
        "{case}: file not named: {text}"
    );
    match (expect, err) {
        (
            Expect::At(line, column, says),
            StoreError::Corrupt {
                line: l,
                column: c,
                message,
                ..
            },
        ) => {
            assert_eq!((*l, *c), (*line, *column), "{case}: {text}");
            assert!(message.contains(says), "{case}: {text}");
            let located = format!("{}:{line}:{column}: ", file.display());
            assert!(text.starts_with(&located), "{case}: {text}");
        }
        (Expect::Says(says), StoreError::Corrupt { line, .. }) => {
            assert!(text.contains(says), "{case}: {text}");
            assert!(text.contains(&format!(":{line}:")), "{case}: {text}");
        }
        (
            Expect::Newer(found),
            StoreError::NewerSchema {
                found: f,
                supported: 1,
                ..
            },
        ) => {
            assert_eq!(f, found, "{case}");
            assert!(text.contains("newer rekindle"), "{case}: {text}");
            assert!(text.contains("will not be downgraded"), "{case}: {text}");
        }
        _ => panic!("{case}: unexpected error: {err:?}"),
    }
    if let StoreError::Corrupt { .. } = err {
        assert!(text.contains("not changed it"), "{case}: {text}");
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_broken_journey_is_reported_and_left_byte_for_byte() {
    let corpus = journey_corpus();
    assert!(corpus.len() >= 15);
    for (case, bytes, expect) in corpus {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("journey.json");
        fs::write(&file, &bytes).unwrap();

        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let err = store.load_journey().unwrap_err();
        eprintln!("{case}: {err}");
        assert_reported(&err, &file, &expect, case);
        let refused = store.save_journey(&journey()).unwrap_err();
        assert!(
            matches!(refused, StoreError::WontOverwrite { .. }),
            "{case}: {refused}"
        );
        assert!(
            refused.to_string().contains("journey.json"),
            "{case}: {refused}"
        );
        drop(store);

        // A store that never loaded it checks before saving, and refuses too.
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let refused = store.save_journey(&journey()).unwrap_err();
        assert!(
            matches!(refused, StoreError::WontOverwrite { .. }),
            "{case}: {refused}"
        );

        assert_eq!(fs::read(&file).unwrap(), bytes, "{case}: bytes changed");
        assert_eq!(
            listing(dir.path()),
            [".lock", "journal", "journey.json"],
            "{case}"
        );
    }
}

#[test]
fn a_damaged_journey_points_to_its_backup_and_how_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.save_journey(&journey()).unwrap();
    store.save_journey(&journey()).unwrap();
    drop(store);
    let file = dir.path().join("journey.json");
    let bak = dir.path().join("journey.json.bak");
    fs::write(&file, &GOOD.as_bytes()[..50]).unwrap();
    let bak_bytes = fs::read(&bak).unwrap();

    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let err = store.load_journey().unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(&format!("last good version is at {}", bak.display())),
        "{text}"
    );
    let restore = format!("cp '{}' '{}'", bak.display(), file.display());
    assert!(text.contains(&restore), "{text}");
    assert!(store.save_journey(&journey()).is_err());
    assert_eq!(
        fs::read(&bak).unwrap(),
        bak_bytes,
        "the backup is untouched too"
    );

    // Following the advice brings the journey back.
    fs::copy(&bak, &file).unwrap();
    assert_eq!(store.load_journey().unwrap(), Some(journey()));
    store.save_journey(&journey()).unwrap();
}

#[test]
fn without_a_backup_the_message_does_not_promise_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("journey.json"), b"{").unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let text = store.load_journey().unwrap_err().to_string();
    assert!(text.contains("no backup"), "{text}");
    assert!(!text.contains(".bak"), "{text}");
}

#[test]
fn a_folder_where_the_journey_should_be_is_named_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.json");
    fs::create_dir(&file).unwrap();
    fs::write(file.join("inside"), b"keep me").unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let err = store.load_journey().unwrap_err();
    assert!(matches!(err, StoreError::NotAFile { .. }), "{err}");
    assert!(
        err.to_string().contains(&file.display().to_string()),
        "{err}"
    );
    assert!(store.save_journey(&journey()).is_err());
    assert_eq!(fs::read(file.join("inside")).unwrap(), b"keep me");
}

#[test]
fn an_unreadable_journey_is_named_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.json");
    fs::write(&file, GOOD).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    if fs::read(&file).is_ok() {
        // Running as root: permissions do not stop reading, so the file simply loads.
        assert_eq!(store.load_journey().unwrap(), Some(journey()));
        return;
    }
    let err = store.load_journey().unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("could not read") && text.contains("journey.json"),
        "{text}"
    );
    assert!(text.contains("ermission denied"), "{text}");
    assert!(store.save_journey(&journey()).is_err());
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(fs::read(&file).unwrap(), GOOD.as_bytes());
}

fn entry(id: &str, created: &str) -> JournalEntry {
    JournalEntry {
        id: id.into(),
        created: created.parse().unwrap(),
        edited: None,
        text: format!("entry {id}"),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    }
}

fn month(key: &str) -> MonthKey {
    MonthKey::parse(key).unwrap()
}

/// A data dir with good months 2026-09 and 2026-11 and a bad file written at `name`.
fn journal_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let journal = Journal::from_entries([
        entry("sep", "2026-09-10T10:00:00Z"),
        entry("nov", "2026-11-10T10:00:00Z"),
    ]);
    for key in journal.months() {
        store.save_month(&journal.month_file(key)).unwrap();
    }
    let file = store.journal_dir().join(name);
    fs::write(&file, bytes).unwrap();
    (dir, file)
}

#[test]
fn one_bad_month_is_set_aside_and_never_overwritten() {
    let bad =
        b"{\n  \"schema\": 1,\n  \"month\": \"2026-10\",\n  \"entries\": [ {\"id\": 3} ]\n}\n";
    let (dir, file) = journal_with("2026-10.json", bad);
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();

    assert_eq!(
        store.journal_months().unwrap(),
        [month("2026-09"), month("2026-10"), month("2026-11")]
    );
    let load = store.load_journal().unwrap();
    let ids: Vec<&str> = load.journal.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["sep", "nov"]);
    assert_eq!(load.set_aside.len(), 1);
    let aside = &load.set_aside[0];
    assert_eq!(aside.file, file);
    let StoreError::Corrupt { line, column, .. } = aside.error else {
        panic!("expected Corrupt, got {:?}", aside.error);
    };
    assert_eq!((line, column), (4, 23));
    let text = aside.error.to_string();
    assert!(
        text.starts_with(&format!("{}:4:23: ", file.display())),
        "{text}"
    );

    let attempt = JournalMonth {
        schema: 1,
        month: "2026-10".into(),
        entries: vec![],
        extra: Default::default(),
    };
    let err = store.save_month(&attempt).unwrap_err();
    assert!(matches!(err, StoreError::WontOverwrite { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("2026-10.json") && text.contains("Restore it or move it aside"),
        "{text}"
    );
    assert_eq!(fs::read(&file).unwrap(), bad);

    // The good months still save.
    let nov = Journal::from_entries([entry("nov2", "2026-11-12T10:00:00Z")]);
    store.save_month(&nov.month_file(month("2026-11"))).unwrap();
    assert_eq!(fs::read(&file).unwrap(), bad);
    assert!(!store.journal_dir().join("2026-10.json.bak").exists());
}

#[test]
fn every_broken_month_is_reported_and_left_byte_for_byte() {
    let future = br#"{"schema": 9, "month": "2026-10", "entries": "elsewhere"}"#.to_vec();
    let corpus: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", br#"{"schema": 1, "month": "2026-10", "entries": [{"id""#.to_vec(), "ends too soon"),
        ("entries not a list", br#"{"schema": 1, "month": "2026-10", "entries": {}}"#.to_vec(), ":1:45: wrong content in `entries`: invalid type: map"),
        ("mood too big", br#"{"schema":1,"month":"2026-10","entries":[{"id":"a","created":"2026-10-01T00:00:00Z","text":"","mood":300}]}"#.to_vec(), "invalid value: integer `300`"),
        ("future schema", future, "newer rekindle"),
        ("says another month", br#"{"schema": 1, "month": "2026-12", "entries": []}"#.to_vec(), "holds month `2026-12`"),
        ("missing month", br#"{"schema": 1, "entries": []}"#.to_vec(), "missing field `month`"),
        ("empty", Vec::new(), "the file is empty"),
        ("bare null", b"null".to_vec(), "should hold one object"),
    ];
    for (case, bytes, says) in corpus {
        let (dir, file) = journal_with("2026-10.json", &bytes);
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let load = store.load_journal().unwrap();
        assert_eq!(load.journal.len(), 2, "{case}: the other months still load");
        assert_eq!(load.set_aside.len(), 1, "{case}");
        let text = load.set_aside[0].error.to_string();
        assert!(text.contains(&file.display().to_string()), "{case}: {text}");
        assert!(text.contains(says), "{case}: {text}");
        let attempt = JournalMonth {
            schema: 1,
            month: "2026-10".into(),
            entries: vec![],
            extra: Default::default(),
        };
        assert!(store.save_month(&attempt).is_err(), "{case}");
        assert!(store.load_month(month("2026-10")).is_err(), "{case}");
        assert!(store.save_month(&attempt).is_err(), "{case}");
        assert_eq!(fs::read(&file).unwrap(), bytes, "{case}: bytes changed");
    }
}

#[test]
fn files_whose_names_are_not_months_are_set_aside_and_kept() {
    for name in ["notes.json", "2026-13.json", "2026-1.json", "november.json"] {
        let (dir, file) = journal_with(name, b"{\"schema\": 1}");
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        assert_eq!(
            store.journal_months().unwrap(),
            [month("2026-09"), month("2026-11")],
            "{name}"
        );
        let load = store.load_journal().unwrap();
        assert_eq!(load.journal.len(), 2, "{name}");
        assert_eq!(load.set_aside.len(), 1, "{name}");
        assert!(
            matches!(load.set_aside[0].error, StoreError::NotAMonth { .. }),
            "{name}"
        );
        let text = load.set_aside[0].error.to_string();
        assert!(
            text.contains(&file.display().to_string()) && text.contains("2026-11.json"),
            "{text}"
        );
        assert_eq!(fs::read(&file).unwrap(), b"{\"schema\": 1}", "{name}");
    }
}

#[test]
fn a_folder_named_like_a_month_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let file = store.journal_dir().join("2026-10.json");
    fs::create_dir(&file).unwrap();
    let load = store.load_journal().unwrap();
    assert!(matches!(
        load.set_aside[0].error,
        StoreError::NotAFile { .. }
    ));
    let attempt = JournalMonth {
        schema: 1,
        month: "2026-10".into(),
        entries: vec![],
        extra: Default::default(),
    };
    assert!(store.save_month(&attempt).is_err());
    assert!(file.is_dir());
}

#[test]
fn other_files_in_the_journal_folder_are_ignored() {
    let (dir, _) = journal_with("README.txt", b"my notes");
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let load = store.load_journal().unwrap();
    assert!(load.set_aside.is_empty());
    assert_eq!(load.journal.len(), 2);
}
