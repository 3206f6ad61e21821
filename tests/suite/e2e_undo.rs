//! Undo with the real binary in tmux: an item ticked, then a slip that restarted the count, each
//! undone with `u`; the workbook quits and opens again and both undos are still there, on screen
//! and in `journey.json`.

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::Tmux;

#[test]
fn undo_is_saved_and_kept_after_a_restart() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("undo");
    tmux.start(data.path());

    tmux.to_home();

    // The first list is a table of pairs; the next one has items to tick.
    tmux.keys(&["C", "Right"]);
    tmux.wait_for("[ ]");
    tmux.keys(&["Space"]);
    let ticked = tmux.wait_for("[x]");
    assert!(
        ticked.contains("u undo"),
        "the footer offers undo:\n{ticked}"
    );
    tmux.keys(&["u"]);
    let undone = tmux.wait_for("Undid: ticked '");
    assert!(!undone.contains("[x]"), "the tick is gone:\n{undone}");

    // No contact begun three days ago, then a slip logged as a restart by mistake.
    tmux.keys(&["N", "Up", "Up", "Up", "s"]);
    tmux.wait_for("what would have to be true");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Day 4 of no contact (3 days done)");
    tmux.keys(&["b", "Down", "Down", "Right", "Enter"]);
    tmux.wait_for("What set it off?");
    tmux.text("a late night");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Day 1 of no contact (0 days done)");
    tmux.keys(&["u"]);
    let back = tmux.wait_for("Undid: logged a slip that started the count again.");
    assert!(
        back.contains("Day 4 of no contact (3 days done)"),
        "the count is as before:\n{back}"
    );

    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);

    let journey = std::fs::read_to_string(data.path().join("journey.json")).unwrap();
    let journey: serde_json::Value = serde_json::from_str(&journey).unwrap();
    assert_eq!(journey["ticks"], serde_json::json!({}), "{journey:#}");
    assert_eq!(
        journey["no_contact"]["breaks"],
        serde_json::json!([]),
        "{journey:#}"
    );

    let tmux = Tmux::new("undo-again");
    tmux.start(data.path());
    tmux.wait_for("Day 4 of no contact (3 days done)");
    // Waited for on its own: the first capture with the day count may be half drawn.
    tmux.wait_for("No slips logged");
    tmux.keys(&["C", "Right"]);
    let lists = tmux.wait_for("[ ]");
    assert!(
        !lists.contains("[x]"),
        "the undone tick stays undone:\n{lists}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);
}
