//! The real binary in tmux with a settings file: the chosen theme's colours reach the terminal,
//! and inside tmux (where Ctrl-B is tmux's prefix) only F12 hides the screen.

use crate::e2e_support;

use e2e_support::Tmux;

/// The light theme's background and hint colour, as tmux writes them back (`48;2;R;G;B`).
const LIGHT_BACKGROUND: &str = "48;2;251;250;247";
const LIGHT_HINT: &str = "38;2;84;93;104";

#[test]
fn the_theme_from_the_settings_colours_the_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "theme = \"light\"\n").unwrap();
    let tmux = Tmux::new("theme");
    tmux.start_with_config(&tmp.path().join("data"), Some(&config));
    tmux.wait_for("Continue to a few gentle safety questions");
    let coloured = tmux.screen_with_colours();
    assert!(coloured.contains(LIGHT_BACKGROUND), "{coloured}");
    let footer = coloured.lines().last().unwrap_or_default();
    assert!(
        footer.contains(LIGHT_HINT),
        "hints in the light muted colour: {footer}"
    );
}

#[test]
fn inside_tmux_ctrl_b_does_not_hide_but_f12_does() {
    let tmp = tempfile::tempdir().unwrap();
    let tmux = Tmux::new("hide");
    tmux.start_with_config(&tmp.path().join("data"), None);
    tmux.wait_for("Continue to a few gentle safety questions");
    tmux.keys(&["C-b"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        tmux.screen()
            .contains("Continue to a few gentle safety questions"),
        "Ctrl-B inside tmux is left to tmux"
    );
    tmux.keys(&["F12"]);
    let start = std::time::Instant::now();
    while !tmux.screen().trim().is_empty() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "F12 did not blank the screen:\n{}",
            tmux.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    tmux.keys(&["x"]);
    tmux.wait_for("Continue to a few gentle safety questions");
}
