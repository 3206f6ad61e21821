//! Script editors for the tests of writing in one's own editor: small shell scripts written into
//! a temp folder, each doing one thing to the file it is given, and recording what it saw.

#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A folder of script editors and what they recorded.
pub struct Scripts {
    pub dir: tempfile::TempDir,
}

impl Scripts {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Writes an executable script `name` whose body runs with `$1` the file to edit; before
    /// the body it records the file's path and the modes of the file and its folder.
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        let seen = self.dir.path().join(format!("{name}.seen"));
        let text = format!(
            "#!/bin/sh\n\
             {{ echo \"$1\"; stat -c '%a' \"$1\"; stat -c '%a' \"$(dirname \"$1\")\"; \
             cat \"$1\"; }} > '{}'\n\
             {body}\n",
            seen.display()
        );
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    /// Appends a line to the file.
    pub fn appends(&self, line: &str) -> PathBuf {
        self.script("append", &format!("printf '%s\\n' '{line}' >> \"$1\""))
    }

    /// Replaces the file's text.
    pub fn replaces(&self, text: &str) -> PathBuf {
        self.script("replace", &format!("printf '%s\\n' '{text}' > \"$1\""))
    }

    /// Exits 1 after writing to the file.
    pub fn fails(&self) -> PathBuf {
        self.script("fail", "echo 'not this' >> \"$1\"; exit 1")
    }

    /// Kills itself with SIGKILL after writing to the file.
    pub fn killed(&self) -> PathBuf {
        self.script("killed", "echo 'not this' >> \"$1\"; kill -9 $$")
    }

    /// Empties the file.
    pub fn empties(&self) -> PathBuf {
        self.script("empty", ": > \"$1\"")
    }

    /// What script `name` saw when it ran: the file's path, its mode, its folder's mode and the
    /// text it was given.
    pub fn seen(&self, name: &str) -> Seen {
        let text = std::fs::read_to_string(self.dir.path().join(format!("{name}.seen")))
            .unwrap_or_else(|e| panic!("script {name} never ran: {e}"));
        let mut lines = text.splitn(4, '\n');
        let mut next = || lines.next().unwrap_or_default().to_string();
        Seen {
            path: PathBuf::from(next()),
            file_mode: next(),
            folder_mode: next(),
            text: next(),
        }
    }
}

/// What a script editor saw.
#[derive(Debug)]
pub struct Seen {
    pub path: PathBuf,
    pub file_mode: String,
    pub folder_mode: String,
    pub text: String,
}

/// A process id no process has now: one that just finished.
pub fn finished_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// True when `path` is on a memory-backed filesystem, as `df` reports it.
pub fn on_tmpfs(path: &Path) -> bool {
    let out = std::process::Command::new("stat")
        .args(["-f", "-c", "%T"])
        .arg(path)
        .output()
        .unwrap();
    let kind = String::from_utf8_lossy(&out.stdout);
    kind.trim() == "tmpfs" || kind.trim() == "ramfs"
}
