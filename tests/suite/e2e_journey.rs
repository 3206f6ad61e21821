//! The reconcile path with the real binary in tmux, past the first message: a backdated no
//! contact reaches a 7-day target, the review says go on, reaching out ends no contact, and then
//! either a warm reply opens the next step, or "asked me to stop" closes contact for good.

use std::process::Command;

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::{Tmux, binary};

/// From a first run to reaching out marked done, with every step on the way.
fn walk_to_reached_out(tmux: &Tmux) {
    tmux.wait_for("Their name:");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Their name (optional)");
    tmux.text("Sam");
    tmux.keys(&["Enter", "Down", "Right", "Down", "Enter"]);
    tmux.wait_for("Are you in crisis right now");
    tmux.keys(&["n", "n", "n", "n", "n", "n", "n"]);
    tmux.wait_for("Nothing here stands in the way");
    tmux.keys(&["Enter"]);
    // The optional situation profile follows a clear check; one answer, then on.
    tmux.wait_for("Do you and Sam have children together?");
    tmux.keys(&["Right", "Escape"]);
    tmux.wait_for("Give it space");
    for step in ["Give it space", "Grow for yourself", "Look back honestly"] {
        tmux.keys(&["c"]);
        tmux.wait_for(&format!("of 8: {step}"));
        tmux.keys(&["d", "Escape"]);
        tmux.wait_for(&format!("✓ {step}"));
    }
    // Most people stop before they install: a 7-day target that began 7 days ago.
    tmux.keys(&["N"]);
    tmux.wait_for("No contact has not started");
    tmux.keys(&["Left"; 14]);
    tmux.keys(&["Up"; 7]);
    tmux.wait_for("Began: ‹ 7 days ago ›");
    tmux.keys(&["s"]);
    tmux.wait_for("what would have to be true");
    tmux.text("We can both talk calmly.");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Day 8 of no contact (7 days done)");
    tmux.keys(&["r"]);
    tmux.wait_for("“We can both talk calmly.”");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("Day 8 of no contact");
    tmux.keys(&["h", "c"]);
    let step = tmux.wait_for("of 8: Reach out lightly");
    assert!(
        step.contains("Opens when every item of \"Am I ready to reach out?\" is ticked (0 of 7"),
        "only the readiness list is left:\n{step}"
    );
    tmux.keys(&["Tab", "Tab"]);
    for _ in 0..7 {
        tmux.keys(&["Space", "Down"]);
    }
    tmux.keys(&["d"]);
    tmux.wait_for("no contact: ended after 7 days");
    tmux.keys(&["h"]);
    let home = tmux.wait_for("? How did Sam respond? Note it here");
    assert!(home.contains("✓ Reach out lightly"), "{home}");
    assert!(
        home.contains("Opens when Sam has answered your message warmly"),
        "reconnect waits for a warm reply:\n{home}"
    );
    tmux.keys(&["j", "j", "j", "j", "Enter"]);
    tmux.wait_for("Note what actually happened after your message");
}

fn status(data: &std::path::Path) -> String {
    let out = Command::new(binary())
        .arg("--data-dir")
        .arg(data)
        .arg("status")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_warm_reply_opens_the_rest_of_the_reconcile_path() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("warm");
    tmux.start(data.path());
    walk_to_reached_out(&tmux);

    tmux.keys(&["Enter"]);
    tmux.wait_for("Enter: open the next step");
    tmux.keys(&["Enter"]);
    let step = tmux.wait_for("of 8: Rebuild the connection");
    assert!(!step.contains("Not open yet"), "{step}");
    tmux.keys(&["d", "h"]);
    tmux.wait_for("✓ Rebuild the connection");
    tmux.keys(&["c"]);
    let next = tmux.wait_for("of 8: Talk about what went wrong");
    assert!(!next.contains("Not open yet"), "{next}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");

    let text = status(data.path());
    assert!(
        text.contains("Path: Reconnect, carefully (5 of 8 steps done)"),
        "{text}"
    );
    assert!(
        text.contains("Next: Talk about what went wrong\n"),
        "{text}"
    );
    assert!(
        text.contains("No contact: ended when you reached out, after 7 days"),
        "{text}"
    );
    assert!(text.contains("Last response noted: warm"), "{text}");
    assert!(!text.contains("Contact steps: closed"), "{text}");
}

#[test]
fn asked_to_stop_closes_every_contact_step_for_good() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("stop");
    tmux.start(data.path());
    walk_to_reached_out(&tmux);

    tmux.keys(&["Down", "Down", "Down", "Down", "Enter"]);
    tmux.wait_for("Every contact step closes for good");
    tmux.keys(&["y"]);
    let after = tmux.wait_for("this will not change if you retake a check");
    assert!(after.contains("Enter: go home to the heal path"), "{after}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("rekindle · Heal and move forward");

    // Retaking the safety check with every answer "no" does not reopen anything.
    tmux.keys(&["S"]);
    tmux.wait_for("Are you in crisis right now");
    tmux.keys(&["n", "n", "n", "n", "n", "n", "n", "Enter"]);
    tmux.wait_for("rekindle · Heal and move forward");
    let home = tmux.screen();
    assert!(!home.contains("How did Sam respond?"), "{home}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");

    let text = status(data.path());
    assert!(text.contains("Contact steps: closed"), "{text}");
    assert!(
        text.contains(
            "Sam asked you to stop contacting them, so every contact step is closed for good."
        ),
        "{text}"
    );
    assert!(
        text.contains("Last response noted: asked-to-stop"),
        "{text}"
    );
}
