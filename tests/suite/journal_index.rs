//! The journal index is never trusted over the months: a month changed by hand, a damaged or
//! missing index, all give the same counts as reading every month.

use crate::cli_support;

use std::fs;

use cli_support::Sandbox;
use serde_json::Value;

fn status_entries(sb: &Sandbox) -> (u64, String) {
    let out = sb.cmd(&["status", "--json"]).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    (
        json["journal"]["entries"].as_u64().unwrap(),
        json["journal"]["last"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

#[test]
fn status_counts_from_the_index_and_never_trusts_a_stale_one() {
    let sb = Sandbox::new();
    sb.add("one");
    sb.add("two");
    let index = sb.journal().join(".index.json");
    assert!(index.is_file(), "the index is written with the month");
    assert_eq!(status_entries(&sb).0, 2);

    // A month edited by hand: the index no longer describes it, so the month is read.
    let month = fs::read_dir(sb.journal())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            !p.file_name().unwrap().to_string_lossy().starts_with('.')
                && p.extension().is_some_and(|x| x == "json")
        })
        .unwrap();
    let mut value: Value = serde_json::from_slice(&fs::read(&month).unwrap()).unwrap();
    let mut copy = value["entries"][0].clone();
    copy["id"] = "by-hand".into();
    copy["created"] = "2099-01-01T00:00:00Z".into();
    value["entries"].as_array_mut().unwrap().push(copy);
    fs::write(&month, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    assert_eq!(status_entries(&sb), (3, "2099-01-01 00:00".to_string()));

    // A damaged index, then none at all: the same answer.
    fs::write(&index, b"{ not json").unwrap();
    assert_eq!(status_entries(&sb).0, 3);
    fs::remove_file(&index).unwrap();
    assert_eq!(status_entries(&sb).0, 3);
    sb.add("three");
    assert_eq!(status_entries(&sb).0, 4);
    let index: Value =
        serde_json::from_slice(&fs::read(sb.journal().join(".index.json")).unwrap()).unwrap();
    assert!(
        index["months"].as_object().is_some_and(|m| !m.is_empty()),
        "{index}"
    );
}

#[test]
fn an_import_leaves_an_index_that_describes_every_month_it_wrote() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", cli_support::THREE_MONTHS));
    let index: Value =
        serde_json::from_slice(&fs::read(sb.journal().join(".index.json")).unwrap()).unwrap();
    let months: Vec<&String> = index["months"].as_object().unwrap().keys().collect();
    assert_eq!(months, ["2026-01", "2026-02", "2026-03"], "{index}");
    for month in months {
        let summary = &index["months"][month];
        assert_eq!(summary["entries"], 1, "{month}: {summary}");
        let file = sb.journal().join(format!("{month}.json"));
        assert_eq!(
            summary["len"],
            fs::metadata(&file).unwrap().len(),
            "{month}"
        );
    }
    assert_eq!(status_entries(&sb).0, 3);
}

#[test]
fn an_index_that_counts_absurdly_many_entries_never_stops_an_export_or_a_backup() {
    let sb = Sandbox::new();
    sb.add("words the index must not keep from the export");
    let index = sb.journal().join(".index.json");
    let mut value: Value = serde_json::from_slice(&fs::read(&index).unwrap()).unwrap();
    for month in value["months"].as_object_mut().unwrap().values_mut() {
        month["entries"] = u64::MAX.into();
    }
    // A second month counted as many again: adding the two up must not overflow either.
    let first = value["months"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .clone();
    value["months"]["1999-01"] = first;
    fs::write(&index, serde_json::to_vec(&value).unwrap()).unwrap();

    let entries = sb.exported_entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0]["text"],
        "words the index must not keep from the export"
    );
    let backup = sb.file("backup.json");
    sb.cmd(&["backup", "-o", backup.to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn an_index_that_counts_absurdly_many_entries_never_stops_status() {
    use rekindle::store::{Inbox, InboxItem, InboxRecord};
    let sb = Sandbox::new();
    let id = sb.add("counted");
    let index = sb.journal().join(".index.json");
    let mut value: Value = serde_json::from_slice(&fs::read(&index).unwrap()).unwrap();
    for month in value["months"].as_object_mut().unwrap().values_mut() {
        month["entries"] = u64::MAX.into();
    }
    fs::write(&index, serde_json::to_vec(&value).unwrap()).unwrap();
    // And one entry waiting in the inbox, counted on top.
    let entry = rekindle::engine::JournalEntry {
        id: format!("{id}-waiting"),
        created: chrono::Utc::now(),
        edited: None,
        text: "waiting".into(),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    };
    Inbox::of(&sb.data())
        .put(&InboxRecord::new(
            chrono::Utc::now(),
            InboxItem::Entry {
                entry,
                replaces: false,
            },
        ))
        .unwrap();
    sb.cmd(&["status"]).assert().success();
    sb.cmd(&["status", "--short"]).assert().success();
}
