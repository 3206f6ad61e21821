//! Older journal months kept packed (their text compressed) by the real binary in tmux: a
//! session that only scrolls, opens an old entry and searches leaves every month file byte for
//! byte as it was; an entry of the oldest month edited there is saved with every other word of
//! that month, and the other months are not touched.

use std::path::Path;

use chrono::Utc;
use rekindle::content::default_guide;
use rekindle::engine::Journey;
use rekindle::store::{Access, Store};
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::e2e_support::Tmux;

const MONTHS: u32 = 8;
const PER_MONTH: usize = 300;

/// Entry `n` of month `month`: accents, emoji, escapes, a text of one emoji, a 200 KB text in
/// the oldest month, and fields this build does not know (an empty text is refused on disk;
/// packing one is covered by the unit tests).
fn entry(month: u32, n: usize) -> Value {
    let text = match n {
        0 if month == 3 => "The very first entry 🌱, written at the kitchen table.".to_string(),
        1 if month == 3 => "Long day. ".repeat(20_000),
        _ if n % 37 == 5 => "🌧️".to_string(),
        _ => format!(
            "Month {month}, entry {n}: café déjà-vu 😌 coração 心 💛 \u{1b}[31m not red\n\nLater, a walk by the river. {}",
            "slow breath ".repeat(n % 25)
        ),
    };
    json!({
        "id": format!("2026{month:02}{:02}T1000{n:05}Z", 1 + n % 28),
        "created": format!("2026-{month:02}-{:02}T10:{:02}:{:02}.{:03}Z", 1 + n % 28, n % 60, n / 60, n),
        "text": text,
        "mood": 1 + n % 5,
        "tags": if n.is_multiple_of(4) { json!(["evening"]) } else { json!([]) },
        "weather": {"sky": "grey", "n": n},
    })
}

/// A welcomed workbook whose journal is `MONTHS` months of `PER_MONTH` entries (March to
/// October 2026), each month file written compactly by hand with a field this build does not
/// know: any save by the workbook would change its bytes.
fn journal_on_disk() -> TempDir {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let mut journey = Journey::new(&default_guide().unwrap(), Utc::now());
    journey.welcomed = true;
    store.save_journey(&journey).unwrap();
    for month in 3..3 + MONTHS {
        let key = format!("2026-{month:02}");
        let file = json!({
            "schema": 1,
            "month": key,
            "entries": (0..PER_MONTH).map(|n| entry(month, n)).collect::<Vec<_>>(),
            "made_by": "a newer rekindle",
        });
        // Saved once by the store (the folder and the file's mode), then written compactly.
        store
            .save_month(&serde_json::from_value(file.clone()).unwrap())
            .unwrap();
        std::fs::write(month_path(dir.path(), &key), file.to_string()).unwrap();
        let _ = std::fs::remove_file(dir.path().join("journal").join(format!("{key}.json.bak")));
    }
    dir
}

fn month_path(data: &Path, key: &str) -> std::path::PathBuf {
    data.join("journal").join(format!("{key}.json"))
}

/// Every file under the journal folder and its bytes.
fn journal_files(data: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(data.join("journal"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn start(tmux: &Tmux, data: &Path) {
    tmux.start(data);
    tmux.wait_for("Give it space");
    tmux.keys(&["J"]);
    tmux.wait_for(&format!(
        "{} entries",
        rekindle::content::words::grouped(MONTHS as usize * PER_MONTH)
    ));
}

#[test]
fn a_session_that_only_reads_old_months_changes_no_file() {
    let data = journal_on_disk();
    let before = journal_files(data.path());
    let tmux = Tmux::new("packed-read");
    start(&tmux, data.path());

    tmux.keys(&["End"]);
    tmux.wait_for("The very first entry 🌱");
    for _ in 0..3 {
        tmux.keys(&["PageUp"]);
    }
    tmux.wait_for("Month 3, entry");
    tmux.keys(&["End", "Enter"]);
    tmux.wait_for("at the kitchen table.");
    tmux.keys(&["Escape", "Home"]);
    tmux.wait_for("Month 10, entry");
    tmux.keys(&["/"]);
    tmux.text("kitchen");
    let found = tmux.wait_for("1 of 2,400 entries");
    assert!(found.contains("The very first entry"), "{found}");
    tmux.keys(&["Escape", "Escape", "Escape", "q"]);
    tmux.wait_for("EXITED=0");

    assert!(
        journal_files(data.path()) == before,
        "every month file byte for byte, and nothing else written"
    );
}

#[test]
fn an_entry_of_an_old_packed_month_is_edited_and_saved_with_every_other_word() {
    let data = journal_on_disk();
    let before = journal_files(data.path());
    let tmux = Tmux::new("packed-edit");
    start(&tmux, data.path());

    // Past several months first, so the oldest is read from its packed form.
    tmux.keys(&["Home", "End"]);
    tmux.wait_for("The very first entry 🌱");
    tmux.keys(&["e"]);
    tmux.wait_for("Edit journal entry");
    tmux.text(" And a new line of thanks 🌿.");
    tmux.keys(&["C-s"]);
    let saved = tmux.wait_for("And a new line of thanks");
    assert!(saved.contains("(edited)"), "{saved}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");

    let after = journal_files(data.path());
    let march: Value =
        serde_json::from_slice(&std::fs::read(month_path(data.path(), "2026-03")).unwrap())
            .unwrap();
    let was: Value = serde_json::from_slice(
        &before
            .iter()
            .find(|(name, _)| name == "2026-03.json")
            .unwrap()
            .1,
    )
    .unwrap();
    assert_eq!(march["made_by"], "a newer rekindle", "the file's own field");
    let entries = march["entries"].as_array().unwrap();
    let old = was["entries"].as_array().unwrap();
    assert_eq!(entries.len(), PER_MONTH);
    let edited = entries
        .iter()
        .find(|e| e["id"] == old[0]["id"])
        .expect("the edited entry");
    assert_eq!(
        edited["text"],
        "The very first entry 🌱, written at the kitchen table. And a new line of thanks 🌿."
    );
    assert_eq!(edited["weather"], old[0]["weather"], "its unknown field");
    for entry in old.iter().skip(1) {
        let now = entries
            .iter()
            .find(|e| e["id"] == entry["id"])
            .unwrap_or_else(|| panic!("{} is kept", entry["id"]));
        for (field, value) in now.as_object().unwrap() {
            let was = entry.get(field).unwrap_or(&Value::Null);
            assert_eq!(value, was, "{} {field} word for word", entry["id"]);
        }
    }
    // The index describes March as it is now; every other month is as it was.
    for (name, bytes) in &before {
        if name != "2026-03.json" && name != ".index.json" {
            let now = after.iter().find(|(n, _)| n == name).map(|(_, b)| b);
            assert!(now == Some(bytes), "{name} untouched");
        }
    }
    assert!(
        after
            .iter()
            .all(|(name, _)| name.starts_with("2026-03") || before.iter().any(|(n, _)| n == name)),
        "only March was written"
    );
}
