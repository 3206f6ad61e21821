//! Words with the real binary in tmux: a slip named by what happened and counted as "1 slip", a
//! long notice kept whole on two footer lines, and at 40 columns the screen names whole.

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::Tmux;

#[test]
fn counts_labels_and_names_read_whole_in_a_real_terminal() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("words");
    tmux.start(data.path());

    tmux.to_home();

    // No contact begun three days ago, and one slip: their social media.
    tmux.keys(&["N", "Up", "Up", "Up", "s"]);
    tmux.wait_for("what would have to be true");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Day 4 of no contact (3 days done)");
    tmux.keys(&["b", "Right", "Right", "Right"]);
    let form = tmux.wait_for("What happened: ‹ Checked their social media ›");
    assert!(!form.contains("checked-socials"), "{form}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("What set it off?");
    tmux.text("a photo came up");
    tmux.keys(&["C-s"]);
    let logged = tmux.wait_for("1 slip logged");
    assert!(
        logged.contains("Checked their social media  a photo came up"),
        "{logged}"
    );
    assert!(!logged.contains("1 slips"), "{logged}");

    // At 40 columns the header keeps the screen's name whole and the notice takes two lines.
    tmux.tmux(&["resize-window", "-x", "40", "-y", "12"]);
    let narrow = tmux.wait_for(" No contact ");
    assert!(narrow.contains("with yourself."), "{narrow}");
    tmux.keys(&["J"]);
    let journal = tmux.wait_for(" 0 entries");
    assert!(journal.starts_with(" Journal "), "{journal}");
    assert!(!journal.contains("0 of 0"), "{journal}");

    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
}
