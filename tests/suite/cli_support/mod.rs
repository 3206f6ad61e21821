//! Running the real `rekindle` binary against a private temp data folder.
//!
//! Every command gets `--data-dir` *and* `REKINDLE_DATA_DIR` pointing into its own temp folder,
//! and `HOME` / `XDG_DATA_HOME` / `XDG_CONFIG_HOME` pointing there too (and no
//! `REKINDLE_CONFIG`), so a slip can never touch the user's real workbook or settings. `NO_COLOR` is removed and `TZ` is pinned so that local dates are predictable.

#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The zone the commands run in unless a test says otherwise: UTC.
pub const UTC: &str = "UTC0";
/// A zone fourteen hours ahead of UTC (POSIX spelling), so local dates differ from UTC ones.
pub const PLUS_14: &str = "<+14>-14";

/// The binary under test.
pub fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("rekindle")
}

/// A temp folder holding one data folder (`<tmp>/data`, not created yet) and room for files.
pub struct Sandbox {
    /// The temp folder; removed on drop.
    pub tmp: TempDir,
}

impl Sandbox {
    /// A fresh sandbox.
    pub fn new() -> Self {
        Self {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The data folder the commands use.
    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// A path for other files (exports, imports) beside the data folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// The journal folder.
    pub fn journal(&self) -> PathBuf {
        self.data().join("journal")
    }

    /// `rekindle --data-dir <data> ARGS…`, in UTC.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_in(&self.data(), args)
    }

    /// `rekindle --data-dir <dir> ARGS…`, in UTC, with the environment sealed into the sandbox.
    pub fn cmd_in(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--data-dir").arg(dir).env("REKINDLE_DATA_DIR", dir);
        cmd.args(args);
        cmd
    }

    /// `rekindle` with the sealed environment but no `--data-dir` and no `REKINDLE_DATA_DIR`.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(bin());
        let home = self.tmp.path().join("home");
        cmd.env_remove("REKINDLE_DATA_DIR")
            .env_remove("REKINDLE_CONFIG")
            .env_remove("REKINDLE_PASSPHRASE_FILE")
            .env_remove("NO_COLOR")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("TZ", UTC)
            .env("LC_ALL", "C.UTF-8");
        cmd
    }

    /// Runs `journal add TEXT` and returns the new entry's id.
    pub fn add(&self, text: &str) -> String {
        let out = self.cmd(&["journal", "add", text]).assert().success();
        let id = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let id = id.trim_end_matches('\n');
        assert!(!id.is_empty() && !id.contains('\n'), "one id: {id:?}");
        id.to_string()
    }

    /// `journal list` (must succeed with nothing on stderr): its stdout.
    pub fn list(&self) -> String {
        let out = self.cmd(&["journal", "list"]).assert().success().stderr("");
        stdout(out.get_output())
    }

    /// `export --format json`: the `entries` array.
    pub fn exported_entries(&self) -> Vec<serde_json::Value> {
        let out = self.cmd(&["export", "--format", "json"]).assert().success();
        let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        value["entries"].as_array().unwrap().clone()
    }

    /// Writes a rekindle JSON export holding `entries` (each `(id, created, text, step)`) to
    /// a file in the sandbox, and returns its path.
    pub fn export_file(&self, name: &str, entries: &[(&str, &str, &str, Option<&str>)]) -> PathBuf {
        let entries: Vec<_> = entries
            .iter()
            .map(|(id, created, text, step)| {
                serde_json::json!({
                    "id": id, "created": created, "edited": null, "text": text,
                    "step": step, "mood": null, "tags": [],
                })
            })
            .collect();
        let file = self.file(name);
        let value = serde_json::json!({
            "format": "rekindle-journal",
            "version": 1,
            "exported": "2026-03-31T00:00:00Z",
            "entries": entries,
        });
        fs::write(&file, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
        file
    }

    /// Imports `file` into the data folder (must succeed) and returns the summary line.
    pub fn import(&self, file: &Path) -> String {
        let out = self
            .cmd(&["import", file.to_str().unwrap()])
            .assert()
            .success();
        stdout(out.get_output())
    }
}

/// Three entries in three months (noon UTC), one tied to the `space` step.
pub const THREE_MONTHS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "20260110T120000000Z",
        "2026-01-10T12:00:00Z",
        "January: the first week alone",
        None,
    ),
    (
        "20260215T120000000Z",
        "2026-02-15T12:00:00Z",
        "February: quieter now\nsecond line",
        Some("space"),
    ),
    (
        "20260320T120000000Z",
        "2026-03-20T12:00:00Z",
        "March: spring",
        None,
    ),
];

/// A command's stdout as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// A command's stderr as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The permission bits of `path`.
pub fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every file and folder under `dir` (not `dir` itself), sorted.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Names of `.tmp-*` files anywhere in `dir`.
pub fn temps(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".rekindle-tmp."))
        })
        .collect()
}

/// The bytes of every file under `dir` but the lock file (which names its latest holder), to
/// prove a failed command changed nothing.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walk(dir)
        .into_iter()
        .filter(|p| p.is_file() && !p.ends_with(".lock"))
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}
