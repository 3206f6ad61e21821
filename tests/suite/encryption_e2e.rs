//! The encrypted workbook in tmux: it opens on the unlock screen, what is typed shows only as
//! dots, a wrong passphrase is said calmly and can be tried again, the right one opens the
//! workbook, and Esc leaves without changing anything.

use crate::cli_support;
use crate::e2e_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use cli_support::{Sandbox, snapshot};
use e2e_support::{Tmux, binary};

const PASSPHRASE: &str = "quiet evening tea";

/// An encrypted data folder holding one entry.
fn encrypted(sb: &Sandbox) {
    let file = sb.file("passphrase");
    fs::write(&file, format!("{PASSPHRASE}\n")).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
    sb.cmd(&["journal", "add", "the first night was the hardest"])
        .assert()
        .success();
    sb.cmd(&["--passphrase-file", file.to_str().unwrap(), "encrypt"])
        .env("REKINDLE_TEST_SCRYPT_LOG_N", "10")
        .assert()
        .success();
}

fn start(tmux: &Tmux, data: &Path) {
    let command = format!(
        "env -u NO_COLOR -u REKINDLE_CONFIG -u REKINDLE_PASSPHRASE_FILE \
         XDG_CONFIG_HOME='{}.config' REKINDLE_DATA_DIR='{}' '{}'; echo EXITED=$?; sleep 30",
        data.display(),
        data.display(),
        binary().display()
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
}

#[test]
fn a_wrong_passphrase_is_said_calmly_and_the_right_one_opens_the_workbook() {
    let sb = Sandbox::new();
    encrypted(&sb);
    let tmux = Tmux::new("unlock");
    start(&tmux, &sb.data());
    tmux.wait_for("Your workbook is encrypted");
    tmux.text("not it at all");
    let screen = tmux.wait_for("•••••••••••••");
    assert!(!screen.contains("not it"), "typed text shows:\n{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("does not open it");
    assert!(screen.contains("try again"), "{screen}");
    assert!(!screen.contains('•'), "the field is empty again:\n{screen}");
    tmux.text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Continue to a few gentle safety questions");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
}

#[test]
fn esc_leaves_the_unlock_screen_and_changes_nothing() {
    let sb = Sandbox::new();
    encrypted(&sb);
    let before = snapshot(&sb.data());
    let tmux = Tmux::new("unlock-esc");
    start(&tmux, &sb.data());
    tmux.wait_for("Your workbook is encrypted");
    tmux.text("half typ");
    tmux.keys(&["Escape"]);
    tmux.wait_for("EXITED=0");
    assert_eq!(snapshot(&sb.data()), before);
}
