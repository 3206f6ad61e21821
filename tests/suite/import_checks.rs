//! `import` checks the whole file before writing anything: an entry rekindle cannot keep (a mood
//! outside 1 to 5, an empty id or text, a date no month file can name) refuses the import, names
//! the entry, and leaves every file byte-for-byte as it was. An entry whose id is taken by
//! different words is kept under a new id.

use crate::cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use cli_support::{Sandbox, THREE_MONTHS, snapshot, stderr, stdout};
use serde_json::{Value, json};

fn rekindle_file(sandbox: &Sandbox, name: &str, entries: Vec<Value>) -> PathBuf {
    let file = sandbox.file(name);
    let value = json!({
        "format": "rekindle-journal", "version": 1,
        "exported": "2026-03-31T00:00:00Z", "entries": entries,
    });
    fs::write(&file, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    file
}

fn entry(id: &str, created: &str, text: &str) -> Value {
    json!({"id": id, "created": created, "text": text, "mood": null, "tags": []})
}

/// A sandbox with three months of entries already written.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    let file = sandbox.export_file("seed.json", THREE_MONTHS);
    sandbox.import(&file);
    sandbox
}

/// Good entries in two months the store does not have yet, then `bad` as entry 3.
fn with_one_bad(bad: Value) -> Vec<Value> {
    vec![
        entry("good1", "2025-06-01T10:00:00Z", "June, all fine"),
        entry("good2", "2025-07-01T10:00:00Z", "July, all fine"),
        bad,
    ]
}

fn refused(sandbox: &Sandbox, file: &Path) -> String {
    let before = snapshot(&sandbox.data());
    let out = sandbox
        .cmd(&["import", file.to_str().unwrap()])
        .assert()
        .failure();
    assert_eq!(
        snapshot(&sandbox.data()),
        before,
        "a refused import changes nothing"
    );
    stderr(out.get_output())
}

#[test]
fn a_bad_entry_refuses_the_whole_import_and_is_named() {
    let cases = [
        (
            "mood 0",
            {
                let mut e = entry("m0", "2025-08-01T10:00:00Z", "Mood zero here");
                e["mood"] = json!(0);
                e
            },
            "mood is 0",
        ),
        (
            "mood 9",
            {
                let mut e = entry("m9", "2025-08-01T10:00:00Z", "Mood nine here");
                e["mood"] = json!(9);
                e
            },
            "mood is 9",
        ),
        (
            "empty id",
            entry("", "2025-08-01T10:00:00Z", "No id at all"),
            "id is empty",
        ),
        (
            "empty text",
            entry("blank", "2025-08-01T10:00:00Z", "  \n "),
            "text is empty",
        ),
        (
            "year 10000",
            entry("far", "9999-12-31T23:30:00-01:00", "Far in the future"),
            "outside the years 1 to 9999",
        ),
        (
            "year 0",
            entry("old", "0000-06-01T00:00:00Z", "Long ago"),
            "outside the years 1 to 9999",
        ),
    ];
    for (case, bad, says) in cases {
        let sandbox = sandbox();
        let file = rekindle_file(&sandbox, "in.json", with_one_bad(bad.clone()));
        let said = refused(&sandbox, &file);
        assert!(
            said.contains("the 3rd entry"),
            "{case}: names the entry: {said}"
        );
        assert!(said.contains(says), "{case}: says what is wrong: {said}");
        let first_words = bad["text"].as_str().unwrap().trim();
        if !first_words.is_empty() {
            assert!(said.contains(first_words), "{case}: quotes it: {said}");
        }
        assert!(said.contains("in.json"), "{case}: names the file: {said}");
        assert!(!sandbox.journal().join("2025-06.json").exists(), "{case}");
    }
}

#[test]
fn other_tools_entries_with_no_words_are_refused_and_named() {
    let sandbox = sandbox();
    let jrnl = sandbox.file("jrnl.json");
    fs::write(
        &jrnl,
        json!({"tags": {}, "entries": [
            {"title": "A day.", "body": "Fine.", "date": "2025-06-01", "time": "10:00", "tags": [], "starred": false},
            {"title": "", "body": "  ", "date": "2025-07-01", "time": "10:00", "tags": [], "starred": false},
        ]})
        .to_string(),
    )
    .unwrap();
    let said = refused(&sandbox, &jrnl);
    assert!(
        said.contains("the 2nd entry") && said.contains("text is empty"),
        "{said}"
    );
    let tui = sandbox.file("tui.json");
    fs::write(
        &tui,
        json!({"version": 100, "entries": [
            {"date": "2025-06-01T10:00:00Z", "title": "Fine", "content": "ok"},
            {"date": "9999-12-31T23:30:00-01:00", "title": "Far", "content": "away"},
        ]})
        .to_string(),
    )
    .unwrap();
    let said = refused(&sandbox, &tui);
    assert!(
        said.contains("the 2nd entry") && said.contains("Far"),
        "{said}"
    );
}

#[test]
fn a_known_id_with_other_words_is_kept_under_a_new_id() {
    let sandbox = sandbox();
    let (id, created, text, _) = THREE_MONTHS[0];
    let file = rekindle_file(
        &sandbox,
        "in.json",
        vec![
            entry(id, created, text),
            entry(id, created, "Other words, same id"),
            entry("twice", "2026-01-11T12:00:00Z", "first of two"),
            entry("twice", "2026-01-12T12:00:00Z", "second of two"),
        ],
    );
    let said = stdout(
        sandbox
            .cmd(&["import", file.to_str().unwrap()])
            .assert()
            .success()
            .get_output(),
    );
    assert!(said.contains("Imported 3 entries"), "{said}");
    assert!(said.contains("1 already there"), "{said}");
    let entries = sandbox.exported_entries();
    let texts: Vec<&str> = entries
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    for words in [
        text,
        "Other words, same id",
        "first of two",
        "second of two",
    ] {
        assert_eq!(
            texts.iter().filter(|t| **t == words).count(),
            1,
            "{words}: {texts:?}"
        );
    }
    let mut ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids stay unique");
    let kept = entries.iter().find(|e| e["text"] == text).unwrap();
    assert_eq!(kept["id"], id, "the entry already there keeps its id");
}

#[test]
fn an_export_of_format_version_0_is_refused() {
    let sandbox = sandbox();
    let file = sandbox.file("v0.json");
    let value = json!({
        "format": "rekindle-journal", "version": 0,
        "exported": "2026-03-31T00:00:00Z",
        "entries": [entry("a", "2025-06-01T10:00:00Z", "fine words")],
    });
    fs::write(&file, value.to_string()).unwrap();
    let said = refused(&sandbox, &file);
    assert!(said.contains("version is 0"), "{said}");
}
