//! The whole walk with the real binary in tmux: first run through the safety check, an answer with
//! emoji over two lines, a ticked item, no contact started, a journal entry, quit, relaunch, find
//! everything where it was, and export it.

use std::process::Command;
use std::time::Duration;

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::{Tmux, binary};

#[test]
fn the_whole_walk_survives_quit_and_relaunch() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("walk");
    tmux.start(data.path());

    tmux.wait_for("Their name:");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Their name (optional)");
    tmux.text("Sam");
    tmux.keys(&["Enter", "Down", "Right", "Down", "Enter"]);
    tmux.wait_for("Is Sam seeing someone new?");
    tmux.keys(&["n", "n", "n", "n", "n", "n", "n"]);
    tmux.wait_for("Nothing here stands in the way");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Do you and Sam have children together?");
    tmux.keys(&["Escape"]);
    let home = tmux.wait_for("Give it space");
    assert!(home.contains("Opens when"), "locked steps say why:\n{home}");

    tmux.keys(&["Enter"]);
    tmux.wait_for("Reflect");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ctrl-S save");
    tmux.text("I miss the mornings 💛");
    tmux.keys(&["Enter"]);
    tmux.text("but not the silences.");
    tmux.keys(&["C-s"]);
    let step = tmux.wait_for("but not the silences.");
    assert!(step.contains("I miss the mornings 💛"), "{step}");

    tmux.keys(&["Tab", "Space"]);
    tmux.wait_for("[x]");

    tmux.keys(&["N"]);
    tmux.wait_for("No contact has not started");
    tmux.keys(&["s"]);
    tmux.wait_for("what would have to be true");
    tmux.text("They would want it too.");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Day 1 of no contact");

    tmux.keys(&["J"]);
    tmux.wait_for("Your journal is empty");
    tmux.keys(&["n"]);
    tmux.wait_for("New journal entry");
    tmux.text("First entry 🌱 a long day");
    tmux.keys(&["C-s"]);
    tmux.wait_for(" 1 entry");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);

    let tmux = Tmux::new("again");
    tmux.start(data.path());
    let journal = tmux.wait_for("First entry 🌱 a long day");
    assert!(
        journal.contains("Journal"),
        "relaunch lands on the journal:\n{journal}"
    );
    tmux.keys(&["h"]);
    let home = tmux.wait_for("No contact: day 1 of 21");
    assert!(
        home.contains("✓") || home.contains("•"),
        "the begun step shows progress:\n{home}"
    );
    tmux.keys(&["Enter"]);
    let step = tmux.wait_for("Reflect");
    assert!(
        step.contains("I miss the mornings"),
        "the answer is still there:\n{step}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");

    let output = Command::new(binary())
        .args(["--data-dir"])
        .arg(data.path())
        .args(["export", "--format", "md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.contains("First entry 🌱 a long day"), "{markdown}");
    assert!(markdown.contains("but not the silences."), "{markdown}");
    let journey = std::fs::read_to_string(data.path().join("journey.json")).unwrap();
    assert!(
        journey.contains("\"ticks\": {\n    \"mistakes\""),
        "the tick was saved:\n{journey}"
    );
}

#[test]
fn a_closed_window_keeps_the_text_being_typed() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("hangup");
    tmux.start(data.path());
    tmux.to_home();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Reflect");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ctrl-S save");
    tmux.text("half a sentence when the window closed");
    tmux.wait_for("half a sentence when the window closed");
    std::thread::sleep(Duration::from_millis(700));
    tmux.tmux(&["kill-server"]);
    // The closed window's process keeps the draft and lets go of the lock as it exits.
    let drafts = data.path().join("drafts.json");
    let start = std::time::Instant::now();
    while !std::fs::read_to_string(&drafts)
        .is_ok_and(|d| d.contains("half a sentence when the window closed"))
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the draft was never kept in {}",
            drafts.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(800));

    let tmux = Tmux::new("hangup-again");
    tmux.start(data.path());
    tmux.wait_for("half a sentence when the window closed");
    // The whole frame, not one caught half-painted: the note comes with the restored text.
    let screen = tmux.wait_for("restored the text you were typing");
    assert!(
        screen.contains("half a sentence when the window closed"),
        "{screen}"
    );
}
