//! Reading with the real binary in tmux: a journal entry of 40 lines read to its end in the
//! reader (it scrolls; it never jumps to another entry), Esc back one level at a time, and a
//! library page's related page followed and come back from.

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::Tmux;

#[test]
fn a_long_entry_is_read_to_its_end_and_a_library_link_is_followed_and_back() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("reading");
    tmux.start(data.path());

    tmux.to_home();

    // A 40-line entry, typed line by line.
    tmux.keys(&["J", "n"]);
    tmux.wait_for("New journal entry");
    for line in 1..=40 {
        tmux.text(&format!("Line {line} of the night."));
        if line < 40 {
            tmux.keys(&["Enter"]);
        }
    }
    tmux.keys(&["C-s"]);
    tmux.wait_for("Saved to your journal.");

    tmux.keys(&["Enter"]);
    let top = tmux.wait_for("Entry 1 of 1");
    assert!(top.contains("Line 1 of the night."), "{top}");
    assert!(top.contains(" ↓"), "the mark says there is more:\n{top}");
    assert!(!top.contains("Line 40 of the night."), "{top}");
    for _ in 0..4 {
        tmux.keys(&["PageDown"]);
    }
    let end = tmux.wait_for("Line 40 of the night.");
    assert!(end.contains("Entry 1 of 1 · lines "), "{end}");
    assert!(end.contains(" ↑"), "{end}");
    tmux.keys(&["k", "k", "Up"]);
    tmux.keys(&["Home"]);
    tmux.wait_for("Line 1 of the night.");

    // Esc: the reader closes to the list, then the list goes home.
    tmux.keys(&["Escape"]);
    let list = tmux.wait_for("1 entry");
    assert!(!list.contains("Entry 1 of 1"), "{list}");
    assert!(list.contains("rekindle · Journal"), "{list}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Give it space");

    // The library: a page, its related page followed, and back.
    tmux.keys(&["L", "Enter"]);
    tmux.wait_for("rekindle · Library · Questions people ask");
    tmux.keys(&["Tab"]);
    tmux.wait_for("Related pages");
    tmux.keys(&["Enter"]);
    let followed = tmux.wait_for("rekindle · Library · When to move on");
    assert!(
        followed.contains("Esc goes back to \"Questions people ask\""),
        "{followed}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("rekindle · Library · Questions people ask");
    tmux.keys(&["Escape"]);
    // The list shows each page's summary under its title.
    let library = tmux.wait_for("   Light, low-pressure openers");
    let header = library.lines().next().unwrap_or_default().trim_end();
    assert_eq!(header, " rekindle · Library", "{library}");

    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
}
