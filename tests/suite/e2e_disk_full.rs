//! A full disk, for real: the data folder sits on a tiny tmpfs of the test's own (mounting one
//! needs root, as CI and the developers' machines run; elsewhere the test says so and stops).
//! The CLI and the workbook both keep every word, say plainly what was not saved, and exit 1.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::e2e_support;

use e2e_support::{Tmux, binary};

/// A small tmpfs mounted for one test, unmounted when dropped.
struct SmallDisk {
    dir: TempDir,
}

impl SmallDisk {
    fn mount() -> Option<Self> {
        Self::mount_of("512k")
    }

    /// A tmpfs of `size` (as mount writes it: `4m`).
    fn mount_of(size: &str) -> Option<Self> {
        let dir = TempDir::new().unwrap();
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then_some(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what space is left with a file of its own.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=4k", "count=1000"])
            .arg(format!("of={}", filler.display()))
            .output();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .output();
    }
}

fn rekindle(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "UTC0")
        .output()
        .unwrap()
}

#[test]
fn a_full_disk_loses_no_word_in_the_cli_or_the_workbook() {
    let Some(disk) = SmallDisk::mount() else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let data = disk.path().join("data");
    assert!(
        rekindle(&data, &["journal", "add", "written while there was room"])
            .status
            .success()
    );
    welcome(&data);
    let month = fs::read_dir(data.join("journal"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let before = fs::read(&month).unwrap();

    let filler = disk.fill();
    let out = rekindle(&data, &["journal", "add", "words on a full disk"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("No space left"), "{err}");
    assert!(
        err.contains("words on a full disk"),
        "the text is handed back: {err}"
    );
    assert_eq!(fs::read(&month).unwrap(), before, "the month is untouched");

    // The workbook: Ctrl-S on a full disk keeps the text in the editor and says why.
    fs::remove_file(&filler).unwrap();
    let tmux = Tmux::new("diskfull");
    tmux.start(&data);
    tmux.wait_for("rekindle ·");
    tmux.keys(&["J"]);
    tmux.wait_for("rekindle · Journal");
    tmux.keys(&["n"]);
    tmux.wait_for("New journal entry");
    let filler = disk.fill();
    tmux.text("a line I typed when the disk was full");
    tmux.keys(&["C-s"]);
    let screen = tmux.wait_for("Not saved:");
    assert!(squashed(&screen).contains("Nospaceleft"), "{screen}");
    assert!(
        screen.contains("a line I typed when the disk was full"),
        "{screen}"
    );
    assert!(!screen.contains("Saved to your journal"), "{screen}");

    // Room again: Ctrl-S saves, and the mark goes.
    fs::remove_file(&filler).unwrap();
    tmux.keys(&["C-s"]);
    tmux.wait_for("Saved to your journal.");

    // Full again while typing, then quit: told what was not saved, the text handed back, exit 1.
    tmux.keys(&["n"]);
    tmux.wait_for("New journal entry");
    let _filler = disk.fill();
    tmux.text("unfinished when I closed it");
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("EXITED=");
    assert!(screen.contains("EXITED=1"), "{screen}");
    assert!(screen.contains("could not be saved"), "{screen}");
    assert!(screen.contains("unfinished when I closed it"), "{screen}");
    let list = rekindle(&data, &["journal", "list"]);
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains("a line I typed when the disk was full"),
        "{list}"
    );
    assert!(list.contains("written while there was room"), "{list}");
}

#[test]
fn an_entry_for_a_big_month_on_a_full_disk_is_handed_back_and_nothing_waits() {
    let Some(disk) = SmallDisk::mount_of("4m") else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let data = disk.path().join("data");
    let key = crate::journal_add_waiting::month_of(&data, 1_400);
    let month = data.join("journal").join(format!("{key}.json"));
    let before = fs::read(&month).unwrap();

    let _filler = disk.fill();
    let out = rekindle(
        &data,
        &["journal", "add", "words for a big month, disk full"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("No space left"), "{err}");
    assert!(
        err.contains("words for a big month, disk full"),
        "the text is handed back: {err}"
    );
    assert!(out.stdout.is_empty(), "no id: nothing was saved");
    assert_eq!(fs::read(&month).unwrap(), before, "the month is untouched");
    let left: Vec<_> = fs::read_dir(data.join("inbox"))
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "no record, whole or partial: {left:?}");
}

/// The screen without spaces or box edges, so words wrapped inside a window can be found.
fn squashed(screen: &str) -> String {
    screen
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect()
}

/// Marks the journey welcomed, so the workbook opens on home.
fn welcome(data: &Path) {
    let guide = rekindle::content::default_guide().unwrap();
    let mut journey = rekindle::engine::Journey::new(&guide, chrono::Utc::now());
    journey.welcomed = true;
    let store = rekindle::store::Store::open(data, rekindle::store::Access::ReadWrite).unwrap();
    store.save_journey(&journey).unwrap();
}
