//! Importing our own export (exactly), jrnl's and tui-journal's, merging without doubles, and
//! clear errors for anything else.

use crate::export_support;

use export_support::*;
use rekindle::engine::{Journal, JournalEntry};
use rekindle::export::{
    ExportFilter, Format, ImportError, ImportFormat, ImportSummary, export, import, merge,
};

/// What `jrnl --export json` writes for a small journal.
const JRNL: &str = r#"{
  "tags": {
    "@sam": 1,
    "@walk": 1
  },
  "entries": [
    {
      "title": "Day three of no contact.",
      "body": "Deleted the old chat from my home screen. @sam",
      "date": "2026-01-12",
      "time": "22:15",
      "tags": [
        "@sam"
      ],
      "starred": false
    },
    {
      "title": "Better morning",
      "body": "Went for a long walk 🌲 before work.\nFelt almost normal. @walk",
      "date": "2026-01-13",
      "time": "07:40",
      "tags": [
        "@walk"
      ],
      "starred": true
    }
  ]
}"#;

/// What tui-journal's export writes for two entries.
const TUI_JOURNAL: &str = r#"{
  "version": 100,
  "entries": [
    {
      "date": "2026-01-20T21:05:00Z",
      "title": "Therapy notes",
      "content": "She asked what I actually miss.\n- the routine\n- being known 🫶",
      "tags": [
        "therapy"
      ],
      "priority": 1
    },
    {
      "date": "2026-01-22T08:30:12.500Z",
      "title": "Quick one",
      "content": "",
      "tags": [],
      "priority": null,
      "folder": ""
    }
  ]
}"#;

fn our_export() -> String {
    export(
        Format::Json,
        &journal(),
        None,
        &guide(),
        &ExportFilter::default(),
        &zone(),
        now(),
    )
}

#[test]
fn our_export_round_trips_exactly() {
    let imported = import(our_export().as_bytes(), &zone()).unwrap();
    assert_eq!(imported.format, ImportFormat::Rekindle);
    assert_eq!(
        imported.entries,
        entries(),
        "ids, times, text, step, mood and tags kept"
    );
    let mut journal = Journal::default();
    let summary = merge(&mut journal, imported);
    assert_eq!(
        summary,
        ImportSummary {
            added: 3,
            skipped_duplicates: 0,
            renamed: 0
        }
    );
    assert_eq!(journal.iter().cloned().collect::<Vec<_>>(), entries());
    assert_eq!(journal, export_support::journal());
}

#[test]
fn merging_the_same_export_twice_adds_nothing() {
    let mut journal = Journal::default();
    merge(
        &mut journal,
        import(our_export().as_bytes(), &zone()).unwrap(),
    );
    let again = merge(
        &mut journal,
        import(our_export().as_bytes(), &zone()).unwrap(),
    );
    assert_eq!(
        again,
        ImportSummary {
            added: 0,
            skipped_duplicates: 3,
            renamed: 0
        }
    );
    assert_eq!(journal.len(), 3);
}

#[test]
fn same_time_and_text_under_another_id_is_a_duplicate() {
    let mut copy = entries()[1].clone();
    copy.id = "another-id".into();
    let mut journal = Journal::from_entries(entries());
    let other = JournalEntry {
        id: "new-one".into(),
        text: "A new entry".into(),
        ..copy.clone()
    };
    let file = export(
        Format::Json,
        &Journal::from_entries([copy, other]),
        None,
        &guide(),
        &ExportFilter::default(),
        &zone(),
        now(),
    );
    let summary = merge(&mut journal, import(file.as_bytes(), &zone()).unwrap());
    assert_eq!(
        summary,
        ImportSummary {
            added: 1,
            skipped_duplicates: 1,
            renamed: 0
        }
    );
    assert!(journal.get("new-one").is_some());
    assert!(journal.get("another-id").is_none());
}

#[test]
fn jrnl_entries_come_in_with_their_local_times_and_tags() {
    let imported = import(JRNL.as_bytes(), &zone()).unwrap();
    assert_eq!(imported.format, ImportFormat::Jrnl);
    let [first, second] = &imported.entries[..] else {
        panic!("two entries expected: {:?}", imported.entries);
    };
    assert_eq!(
        first.text,
        "Day three of no contact. Deleted the old chat from my home screen. @sam"
    );
    // 22:15 five hours west of UTC.
    assert_eq!(first.created, at("2026-01-13T03:15:00Z"));
    assert_eq!(first.tags, ["sam"]);
    assert_eq!(
        second.text,
        "Better morning\nWent for a long walk 🌲 before work.\nFelt almost normal. @walk"
    );
    assert_eq!(second.created, at("2026-01-13T12:40:00Z"));
    assert_eq!(second.tags, ["walk", "starred"]);
    assert_eq!(
        (second.step.as_deref(), second.mood, second.edited),
        (None, None, None)
    );
}

#[test]
fn jrnl_entries_get_new_ids_and_import_once() {
    let mut journal = export_support::journal();
    let summary = merge(&mut journal, import(JRNL.as_bytes(), &zone()).unwrap());
    assert_eq!(
        summary,
        ImportSummary {
            added: 2,
            skipped_duplicates: 0,
            renamed: 0
        }
    );
    assert!(
        journal.get("20260113T031500000Z").is_some(),
        "ids are rekindle ids"
    );
    assert!(journal.get("20260113T124000000Z").is_some());
    let again = merge(&mut journal, import(JRNL.as_bytes(), &zone()).unwrap());
    assert_eq!(
        again,
        ImportSummary {
            added: 0,
            skipped_duplicates: 2,
            renamed: 0
        }
    );
    assert_eq!(journal.len(), 5);
}

#[test]
fn tui_journal_entries_keep_title_content_time_and_tags() {
    let imported = import(TUI_JOURNAL.as_bytes(), &zone()).unwrap();
    assert_eq!(imported.format, ImportFormat::TuiJournal);
    let [first, second] = &imported.entries[..] else {
        panic!("two entries expected: {:?}", imported.entries);
    };
    assert_eq!(
        first.text,
        "Therapy notes\n\nShe asked what I actually miss.\n- the routine\n- being known 🫶"
    );
    assert_eq!(first.created, at("2026-01-20T21:05:00Z"));
    assert_eq!(first.tags, ["therapy"]);
    assert_eq!(second.text, "Quick one");
    assert_eq!(second.created, at("2026-01-22T08:30:12.5Z"));
    let mut journal = Journal::default();
    assert_eq!(merge(&mut journal, imported).added, 2);
    let again = merge(
        &mut journal,
        import(TUI_JOURNAL.as_bytes(), &zone()).unwrap(),
    );
    assert_eq!(again.skipped_duplicates, 2);
}

#[test]
fn imported_entries_export_again_with_emoji_intact() {
    let mut journal = Journal::default();
    merge(
        &mut journal,
        import(TUI_JOURNAL.as_bytes(), &zone()).unwrap(),
    );
    merge(&mut journal, import(JRNL.as_bytes(), &zone()).unwrap());
    for format in [Format::Markdown, Format::Text, Format::Html, Format::Json] {
        let out = export(
            format,
            &journal,
            None,
            &guide(),
            &ExportFilter::default(),
            &zone(),
            now(),
        );
        assert!(out.contains("🌲") && out.contains("🫶"), "{format}\n{out}");
    }
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let with_bom = format!("\u{feff}{JRNL}");
    assert_eq!(
        import(with_bom.as_bytes(), &zone()).unwrap().entries.len(),
        2
    );
}

#[test]
fn not_json_says_where() {
    let err = import(b"{\n  \"entries\": [\n  }\n", &zone()).unwrap_err();
    let ImportError::NotJson { line, column, .. } = &err else {
        panic!("wrong error: {err:?}");
    };
    assert_eq!((*line, *column), (3, 3));
    assert!(err.to_string().contains("line 3, column 3"), "{err}");
    let err = import(b"# My journal\n\ntext", &zone()).unwrap_err();
    assert!(
        matches!(err, ImportError::NotJson { line: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn unknown_json_names_the_accepted_formats() {
    for input in [
        r#"{"notes": []}"#,
        "[1, 2]",
        r#"{"entries": [{"text": "x"}]}"#,
        "42",
    ] {
        let err = import(input.as_bytes(), &zone()).unwrap_err();
        assert_eq!(err, ImportError::UnknownShape, "{input}");
        let message = err.to_string();
        for name in ["rekindle", "jrnl", "tui-journal"] {
            assert!(message.contains(name), "{message}");
        }
    }
}

#[test]
fn a_bad_jrnl_date_names_the_entry() {
    let bad = JRNL.replace("\"2026-01-13\"", "\"2026-13-01\"");
    let err = import(bad.as_bytes(), &zone()).unwrap_err();
    let ImportError::BadDate {
        format,
        entry,
        value,
        ..
    } = &err
    else {
        panic!("wrong error: {err:?}");
    };
    assert_eq!(
        (*format, *entry, value.as_str()),
        (ImportFormat::Jrnl, 2, "2026-13-01 07:40")
    );
    assert!(
        err.to_string()
            .contains("the 2nd entry of this jrnl export"),
        "{err}"
    );
    let bad = JRNL.replace("\"22:15\"", "\"10pm\"");
    let err = import(bad.as_bytes(), &zone()).unwrap_err();
    assert!(
        matches!(err, ImportError::BadDate { entry: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn a_bad_tui_journal_date_names_the_entry() {
    let bad = TUI_JOURNAL.replace("2026-01-22T08:30:12.500Z", "yesterday");
    let err = import(bad.as_bytes(), &zone()).unwrap_err();
    assert!(
        matches!(&err, ImportError::BadDate { format: ImportFormat::TuiJournal, entry: 2, value, .. } if value == "yesterday"),
        "{err:?}"
    );
}

#[test]
fn a_damaged_export_of_ours_says_what_is_wrong() {
    let good = our_export();
    let newer = good.replace("\"version\": 1", "\"version\": 2");
    assert_eq!(
        import(newer.as_bytes(), &zone()).unwrap_err(),
        ImportError::NewerVersion(2)
    );
    let bad_date = good.replace("2026-03-02T14:00:00Z", "2026-03-02 at nine");
    let err = import(bad_date.as_bytes(), &zone()).unwrap_err();
    assert!(
        matches!(err, ImportError::BadDate { entry: 2, .. }),
        "{err:?}"
    );
    let bad_mood = good.replace("\"mood\": 4", "\"mood\": 9");
    let err = import(bad_mood.as_bytes(), &zone()).unwrap_err();
    assert!(
        matches!(err, ImportError::Invalid { entry: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("mood is 9"), "{err}");
    let no_text = good.replacen("\"text\":", "\"words\":", 1);
    let err = import(no_text.as_bytes(), &zone()).unwrap_err();
    assert!(
        matches!(err, ImportError::BadEntry { entry: 1, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("text"), "{err}");
}
