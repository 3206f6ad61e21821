//! Searching a month larger than what a key may read directly, with the real binary in tmux:
//! every match shows, newest first, with nothing left "still searching". (By the time a person
//! has typed, a month this size is indexed; the search before that is tested in-process in
//! `tui_search`.)

use std::process::Command;

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::{Tmux, binary};

/// A rekindle export of 3,000 entries in March 2026, every hundredth about the harbour.
fn one_big_month(file: &std::path::Path) {
    let start: chrono::DateTime<chrono::Utc> = "2026-03-01T00:00:00Z".parse().unwrap();
    let entries: Vec<serde_json::Value> = (0..3_000i64)
        .map(|n| {
            let text = if n % 100 == 0 {
                format!("Walked to the harbour, day {n}")
            } else {
                format!("A quiet day, number {n}")
            };
            serde_json::json!({
                "id": format!("big{n:05}"),
                "created": start + chrono::Duration::minutes(n * 14),
                "edited": null, "text": text, "step": null, "mood": null, "tags": [],
            })
        })
        .collect();
    let export = serde_json::json!({
        "format": "rekindle-journal", "version": 1,
        "exported": "2026-04-01T00:00:00Z", "entries": entries,
    });
    std::fs::write(file, serde_json::to_vec(&export).unwrap()).unwrap();
}

#[test]
fn a_search_in_a_big_month_finds_every_match_once_indexed() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("big.json");
    one_big_month(&file);
    let imported = Command::new(binary())
        .arg("--data-dir")
        .arg(&data)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(imported.status.success(), "{imported:?}");

    let tmux = Tmux::new("search-big-month");
    tmux.start(&data);
    tmux.to_home();
    tmux.keys(&["J"]);
    tmux.wait_for("3,000 entries");
    tmux.keys(&["/"]);
    tmux.text("harbour");
    let found = tmux.wait_for("30 of 3,000 entries");
    assert!(!found.contains("still searching"), "{found}");
    assert!(
        found.contains("Walked to the harbour, day 2900"),
        "newest first:\n{found}"
    );
    tmux.keys(&["Enter", "q"]);
    tmux.wait_for("EXITED=0");
}
