//! The settings screen with the real binary in tmux: a name given at the welcome shows in the
//! guide's questions, one Enter in the settings takes it back to "your ex" on every screen, a
//! theme chosen there is written to the settings file, and all of it is there after a restart.

use crate::e2e_support;

use e2e_support::Tmux;

fn safety_check_to_home(tmux: &Tmux) {
    tmux.wait_for("Are you in crisis right now");
    tmux.keys(&["n", "n", "n", "n", "n", "n", "n"]);
    tmux.wait_for("Nothing here stands in the way");
    tmux.keys(&["Enter"]);
}

#[test]
fn a_name_taken_back_to_your_ex_leaves_every_screen_and_stays_gone() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::new("settings");
    tmux.start(&data);
    tmux.wait_for("Their name:");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Their name (optional)");
    tmux.text("Quillon");
    tmux.keys(&["Enter", "Down", "Down", "Enter"]);
    safety_check_to_home(&tmux);
    tmux.wait_for("Do you and Quillon have children together?");
    tmux.keys(&["Escape"]);
    let home = tmux.wait_for("s settings");
    assert!(home.contains("Give it space"), "{home}");

    tmux.keys(&["s"]);
    let settings = tmux.wait_for("rekindle · Settings");
    assert!(settings.contains("Quillon"), "{settings}");
    assert!(
        settings.contains("Say \"your ex\" instead of their name"),
        "{settings}"
    );
    tmux.keys(&["Down", "Enter"]);
    let settings = tmux.wait_for("the guide says \"your ex\" again, on every screen");
    assert!(!settings.contains("Quillon"), "{settings}");
    assert!(
        settings.contains("none: the guide says \"your ex\""),
        "{settings}"
    );
    // Theme: three rows down from pronouns, one to the right.
    tmux.keys(&["Down", "Down", "Down", "Right"]);
    tmux.wait_for("theme = \"light\"");
    let config = std::fs::read_to_string(format!("{}.config/rekindle/config.toml", data.display()))
        .expect("the settings file was made");
    assert!(config.contains("\ntheme = \"light\"\n"), "{config}");
    assert!(
        config.starts_with("# rekindle settings."),
        "made from the commented default"
    );

    // The profile asks about "your ex" now.
    tmux.keys(&["Escape"]);
    tmux.wait_for("s settings");
    tmux.keys(&["c"]);
    let step = tmux.wait_for("rekindle · Step 1 of 8: Give it space");
    assert!(!step.contains("Quillon"), "{step}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");

    let again = Tmux::new("settings-again");
    again.start(&data);
    again.wait_for("rekindle · Step 1 of 8: Give it space");
    again.keys(&["h", "s"]);
    let settings = again.wait_for("rekindle · Settings");
    assert!(
        settings.contains("none: the guide says \"your ex\""),
        "{settings}"
    );
    assert!(settings.contains("‹ light ›"), "{settings}");
    assert!(!settings.contains("Quillon"), "{settings}");
}
