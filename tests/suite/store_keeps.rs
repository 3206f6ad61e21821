//! Valid but odd files lose nothing on the next save: entries whose date belongs to another
//! month, ids used twice, fields this build does not know. Driven through the real binary, as a
//! user (or a newer rekindle, or a hand-edit) would leave the files.

use crate::cli_support;

use std::fs;

use cli_support::Sandbox;
use serde_json::{Value, json};

fn entry(id: &str, created: &str, text: &str) -> Value {
    json!({"id": id, "created": created, "edited": null, "text": text,
           "step": null, "mood": null, "tags": []})
}

fn write_month(sb: &Sandbox, month: &str, entries: Vec<Value>) {
    fs::create_dir_all(sb.journal()).unwrap();
    let file = sb.journal().join(format!("{month}.json"));
    let value = json!({"schema": 1, "month": month, "entries": entries});
    fs::write(file, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
}

fn month(sb: &Sandbox, month: &str) -> Value {
    let bytes = fs::read(sb.journal().join(format!("{month}.json"))).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// Every entry text on disk, in month files and inbox records.
fn texts_on_disk(sb: &Sandbox) -> Vec<String> {
    let mut texts = Vec::new();
    for file in cli_support::walk(&sb.data()) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with('.') {
            continue;
        }
        let value: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
        for entry in value["entries"].as_array().into_iter().flatten() {
            texts.push(entry["text"].as_str().unwrap().to_string());
        }
    }
    texts.sort();
    texts
}

#[test]
fn an_entry_dated_in_another_month_stays_through_the_next_save() {
    let sb = Sandbox::new();
    write_month(
        &sb,
        "2026-11",
        vec![
            entry("a", "2026-11-02T08:00:00Z", "november, as filed"),
            entry("b", "2026-10-30T08:00:00Z", "october, filed in november"),
        ],
    );
    sb.add("a new line");
    let texts = texts_on_disk(&sb);
    assert!(
        texts.contains(&"october, filed in november".to_string()),
        "{texts:?}"
    );
    let list = sb.list();
    assert!(list.contains("october, filed in november"), "{list}");
}

#[test]
fn ids_used_twice_keep_both_texts() {
    let sb = Sandbox::new();
    write_month(
        &sb,
        "2026-10",
        vec![entry("same", "2026-10-02T08:00:00Z", "the october one")],
    );
    write_month(
        &sb,
        "2026-11",
        vec![
            entry("same", "2026-11-02T08:00:00Z", "the november one"),
            entry("twice", "2026-11-03T08:00:00Z", "first of a pair"),
            entry("twice", "2026-11-04T08:00:00Z", "second of a pair"),
        ],
    );
    sb.add("a new line");
    let texts = texts_on_disk(&sb);
    for text in [
        "the october one",
        "the november one",
        "first of a pair",
        "second of a pair",
        "a new line",
    ] {
        assert!(texts.contains(&text.to_string()), "{text}: {texts:?}");
    }
    let ids: Vec<String> = sb
        .exported_entries()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ids.len(),
        "every entry has its own id: {ids:?}"
    );
}

#[test]
fn fields_this_build_does_not_know_survive_a_save() {
    let sb = Sandbox::new();
    let mut e = entry("a", "2026-11-02T08:00:00Z", "with a future field");
    e["weather"] = json!({"sky": "grey"});
    fs::create_dir_all(sb.journal()).unwrap();
    let value = json!({"schema": 1, "month": "2026-11", "entries": [e], "cover": "blue"});
    fs::write(
        sb.journal().join("2026-11.json"),
        serde_json::to_vec_pretty(&value).unwrap(),
    )
    .unwrap();
    sb.add("a new line");
    let saved = month(&sb, "2026-11");
    assert_eq!(saved["cover"], "blue", "{saved:#}");
    let kept = saved["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "a")
        .unwrap();
    assert_eq!(kept["weather"]["sky"], "grey", "{kept:#}");
}

#[test]
fn a_journey_field_this_build_does_not_know_survives_a_save() {
    let sb = Sandbox::new();
    sb.cmd(&["status"]).assert().success();
    // Make a journey file, then add a field a newer rekindle might write.
    let guide = rekindle::content::default_guide().unwrap();
    let mut journey = rekindle::engine::Journey::new(&guide, chrono::Utc::now());
    journey.welcomed = true;
    let mut value = serde_json::to_value(&journey).unwrap();
    value["garden"] = json!({"planted": 3});
    value["settings"]["font"] = json!("serif");
    value["moods"] =
        json!([{"at": "2026-11-02T08:00:00Z", "mood": 3, "word": null, "colour": "blue"}]);
    value["place"]["zoom"] = json!(1.25);
    fs::create_dir_all(sb.data()).unwrap();
    fs::write(
        sb.data().join("journey.json"),
        serde_json::to_vec_pretty(&value).unwrap(),
    )
    .unwrap();
    let file = sb.export_file("one.json", &[("x", "2026-11-02T08:00:00Z", "one", None)]);
    // A session that saves the journey: moving legacy drafts out of it forces a save.
    let mut with_drafts = value.clone();
    with_drafts["drafts"] =
        json!({"entry-new": {"text": "kept draft", "updated": "2026-11-02T08:00:00Z"}});
    fs::write(
        sb.data().join("journey.json"),
        serde_json::to_vec_pretty(&with_drafts).unwrap(),
    )
    .unwrap();
    sb.import(&file);
    let saved: Value =
        serde_json::from_slice(&fs::read(sb.data().join("journey.json")).unwrap()).unwrap();
    assert_eq!(saved["garden"]["planted"], 3, "{saved:#}");
    assert_eq!(saved["settings"]["font"], "serif", "{saved:#}");
    assert_eq!(saved["moods"][0]["colour"], "blue", "{saved:#}");
    assert_eq!(saved["place"]["zoom"], 1.25, "{saved:#}");
    assert!(saved.get("drafts").is_none(), "drafts moved out: {saved:#}");
    let drafts: Value =
        serde_json::from_slice(&fs::read(sb.data().join("drafts.json")).unwrap()).unwrap();
    assert_eq!(drafts["texts"]["entry-new"]["text"], "kept draft");
}

#[test]
fn an_import_keeps_misfiled_entries_where_they_are_and_month_fields_too() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.journal()).unwrap();
    let value = json!({"schema": 1, "month": "2026-11", "cover": "blue", "entries": [
        entry("a", "2026-11-02T08:00:00Z", "november, as filed"),
        entry("b", "2026-10-30T08:00:00Z", "october, filed in november"),
    ]});
    fs::write(
        sb.journal().join("2026-11.json"),
        serde_json::to_vec_pretty(&value).unwrap(),
    )
    .unwrap();
    let file = sb.export_file(
        "more.json",
        &[
            ("n1", "2026-11-20T08:00:00Z", "imported in november", None),
            ("o1", "2026-10-20T08:00:00Z", "imported in october", None),
        ],
    );
    sb.import(&file);
    let texts = texts_on_disk(&sb);
    let misfiled = texts
        .iter()
        .filter(|t| *t == "october, filed in november")
        .count();
    assert_eq!(misfiled, 1, "kept once: {texts:?}");
    assert_eq!(month(&sb, "2026-11")["cover"], "blue");
    assert!(
        texts.contains(&"imported in october".to_string()),
        "{texts:?}"
    );
}
