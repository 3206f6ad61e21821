//! The urge pause with the real binary in tmux: opened from home, a message written and kept,
//! ended with "I waited", then counted by `status --json` and kept in `journey.json`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A tmux server of our own, with the workbook running in one window.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(name: &str) -> Self {
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

    fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn start(&self, data: &Path) {
        let command = format!(
            "env -u NO_COLOR REKINDLE_DATA_DIR='{}' '{}'; echo EXITED=$?; sleep 30",
            data.display(),
            binary().display()
        );
        self.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    fn wait_for(&self, wanted: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(wanted) {
                return screen;
            }
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

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("rekindle")
}

/// The message written in the pause instead of being sent.
const MESSAGE: &str = "I miss you 💛 can we talk tonight?";

#[test]
fn an_urge_pause_is_written_ended_and_counted() {
    let data = TempDir::new().unwrap();
    let tmux = Tmux::new("urge");
    tmux.start(data.path());

    tmux.wait_for("Their name:");
    tmux.keys(&["Down", "Down", "Enter", "n", "n", "n", "Enter"]);
    tmux.wait_for("Give it space");

    tmux.keys(&["u"]);
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
        journey["drafts"]
            .as_object()
            .is_none_or(|d| !d.contains_key("urge-draft")),
        "the editor's draft is cleared once saved:\n{journey:#}"
    );
}
