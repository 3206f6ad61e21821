//! The real binary in a tmux server of the test's own: start it, type, read the screen.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own, with the workbook running in one window.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn new(name: &str) -> Self {
        let available = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            available,
            "tmux is needed for this test: apt-get install -y tmux"
        );
        Self {
            socket: format!("rekindle-e2e-{name}-{}", std::process::id()),
        }
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn start(&self, data: &Path) {
        self.start_with_config(data, None);
    }

    /// Starts the workbook with the settings file `config`; with none, no settings file is
    /// found (the user's own is never read) and the defaults apply.
    pub fn start_with_config(&self, data: &Path, config: Option<&Path>) {
        let config = config.map_or(String::new(), |c| {
            format!("REKINDLE_CONFIG='{}' ", c.display())
        });
        let command = format!(
            "env -u NO_COLOR -u REKINDLE_CONFIG XDG_CONFIG_HOME='{}.config' {config}\
             REKINDLE_DATA_DIR='{}' '{}'; echo EXITED=$?; sleep 30",
            data.display(),
            data.display(),
            binary().display()
        );
        self.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// The screen with its colours, as the escape sequences tmux keeps for each cell.
    pub fn screen_with_colours(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e"])
    }

    /// From a first start to home: the welcome without a name, "no" to every safety question,
    /// the situation questions skipped.
    pub fn to_home(&self) {
        self.wait_for("Their name:");
        self.keys(&[
            "Down", "Down", "Enter", "n", "n", "n", "n", "n", "n", "n", "Enter",
        ]);
        self.wait_for("Your situation");
        self.keys(&["Escape"]);
        self.wait_for("Give it space");
    }

    /// The screen once it shows `wanted` and has stopped changing (the same in two captures
    /// 50 ms apart), so a frame still being drawn is never read half-way.
    pub fn wait_for(&self, wanted: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if screen.contains(wanted) && screen == last {
                return screen;
            }
            last = screen.clone();
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {wanted:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// The rekindle binary cargo built for the tests.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("rekindle")
}
