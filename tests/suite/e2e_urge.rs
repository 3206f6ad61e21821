//! The urge pause with the real binary in tmux: opened from home, a message written and kept,
//! ended with "I waited", then counted by `status --json` and kept in `journey.json`.

use std::process::Command;

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::{Tmux, binary};

/// The message written in the pause instead of being sent.
const MESSAGE: &str = "I miss you 💛 can we talk tonight?";

#[test]
fn an_urge_pause_is_written_ended_and_counted() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("urge");
    tmux.start(data.path());

    tmux.to_home();

    tmux.keys(&["U"]);
    let pause = tmux.wait_for(" left. Breathe");
    assert!(
        pause.contains("Pause before you reach out"),
        "the pause has its title:\n{pause}"
    );
    assert!(
        pause.contains("10:00 left") || pause.contains("9:"),
        "the countdown starts at ten minutes:\n{pause}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ctrl-S save");
    tmux.text(MESSAGE);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Your message, kept here");
    tmux.wait_for(MESSAGE);

    tmux.keys(&["Down"]);
    tmux.wait_for("I waited, and the urge passed");
    tmux.keys(&["Enter"]);
    let done = tmux.wait_for("However this pause ended");
    assert!(done.contains("This pause has ended"), "{done}");
    assert!(done.contains(MESSAGE), "the draft is shown after:\n{done}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);

    let output = Command::new(binary())
        .arg("--data-dir")
        .arg(data.path())
        .args(["status", "--json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let urges = &status["urges"];
    assert_eq!(urges["count"], 1, "{status:#}");
    assert_eq!(urges["waited"], 1, "{status:#}");
    assert_eq!(urges["open"], 0, "{status:#}");
    assert_eq!(urges["wrote_it_here"], 0, "{status:#}");
    assert_eq!(urges["contacted_them"], 0, "{status:#}");

    let journey = std::fs::read_to_string(data.path().join("journey.json")).unwrap();
    let journey: serde_json::Value = serde_json::from_str(&journey).unwrap();
    let pauses = journey["urges"].as_array().expect("urges are saved");
    assert_eq!(pauses.len(), 1);
    assert_eq!(pauses[0]["draft"], MESSAGE);
    assert_eq!(pauses[0]["ended"][1], "waited", "{journey:#}");
    assert!(
        journey.get("drafts").is_none(),
        "drafts have a file of their own"
    );
    let drafts = std::fs::read_to_string(data.path().join("drafts.json")).unwrap_or_default();
    assert!(
        !drafts.contains("urge-draft"),
        "the editor's draft is cleared once saved:\n{drafts}"
    );
}
