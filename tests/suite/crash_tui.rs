//! Crash safety of the workbook itself: the real binary runs in a pseudo-terminal of the test's
//! own; each run opens the journal, types an entry, presses Ctrl-S and is SIGKILLed 0 to 20 ms
//! later. An entry counts as acknowledged when "Saved to your journal." was on the screen before
//! the kill. Afterwards every acknowledged entry is in the journal (as the next opener sees it),
//! and no file in the data folder is torn.
//!
//! `REKINDLE_CRASH_TRIALS=1000 cargo test --release --test crash_tui -- --nocapture` runs the
//! full-sized trial; `cargo test` runs a smaller one.

use crate::cli_support;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cli_support::{Sandbox, walk};
use rekindle::content::default_guide;
use rekindle::engine::Journey;
use rekindle::store::{Access, Store};

/// Runs in `cargo test`; the env var asks for more.
const DEFAULT_TRIALS: usize = 200;

/// The workbook in a pseudo-terminal, its screen kept by a terminal emulator.
struct Workbook {
    child: Child,
    master: std::fs::File,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Workbook {
    fn start(sb: &Sandbox) -> Self {
        let (master, slave) = open_pty(30, 100);
        let home = sb.tmp.path().join("home");
        let mut cmd = Command::new(cli_support::bin());
        cmd.env("REKINDLE_DATA_DIR", sb.data())
            .env("HOME", &home)
            .env("TERM", "xterm-256color")
            .env("TZ", cli_support::UTC)
            .env_remove("NO_COLOR")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() == -1 || libc::ioctl(0, libc::TIOCSCTTY, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start the workbook");
        let master = std::fs::File::from(master);
        let size = |n: u16| std::num::NonZero::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(30), size(100), 0)));
        let mut reader = master.try_clone().unwrap();
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Self {
            child,
            master,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) -> bool {
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            if self.contents().contains(text) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        false
    }

    fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).unwrap();
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn open_pty(rows: u16, cols: u16) -> (OwnedFd, OwnedFd) {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors we then own.
    let done = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(done, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both are fresh descriptors from openpty.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// A welcomed journey, so the workbook opens on home.
fn welcomed(sb: &Sandbox) {
    let guide = default_guide().unwrap();
    let mut journey = Journey::new(&guide, chrono::Utc::now());
    journey.welcomed = true;
    let store = Store::open(&sb.data(), Access::ReadWrite).unwrap();
    store.save_journey(&journey).unwrap();
}

/// Every stored JSON file parses: nothing was left half-written.
fn nothing_torn(data: &Path, trial: usize) {
    for file in walk(data) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if file.is_file() && name.ends_with(".json") && !name.starts_with('.') {
            let bytes = std::fs::read(&file).unwrap();
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                panic!("trial {trial}: {} is torn: {e}", file.display());
            }
        }
    }
}

/// A small deterministic generator for the kill delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

#[test]
fn sigkill_after_ctrl_s_never_loses_an_acknowledged_entry() {
    let trials = std::env::var("REKINDLE_CRASH_TRIALS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_TRIALS);
    let sb = Sandbox::new();
    welcomed(&sb);
    let mut rng = Lcg(0x5eed);
    let mut acknowledged = BTreeMap::new();
    let started = Instant::now();
    for trial in 0..trials {
        let text = format!("entry {trial} written just before the crash");
        let mut book = Workbook::start(&sb);
        assert!(book.wait_for("rekindle ·"), "trial {trial}: no first frame");
        book.send(b"J");
        assert!(
            book.wait_for("rekindle · Journal"),
            "trial {trial}: {}",
            book.contents()
        );
        book.send(b"n");
        assert!(
            book.wait_for("New journal entry"),
            "trial {trial}: {}",
            book.contents()
        );
        book.send(text.as_bytes());
        assert!(book.wait_for(&text), "trial {trial}: {}", book.contents());
        book.send(b"\x13");
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        if book.contents().contains("Saved to your journal.") {
            acknowledged.insert(trial, text);
        }
        book.kill();
        nothing_torn(&sb.data(), trial);
    }
    let list = sb.list();
    let lost: Vec<_> = acknowledged
        .values()
        .filter(|text| !list.contains(text.as_str()))
        .collect();
    println!(
        "{trials} trials in {:.1} s: {} acknowledged, {} lost",
        started.elapsed().as_secs_f64(),
        acknowledged.len(),
        lost.len()
    );
    assert!(lost.is_empty(), "lost after acknowledgement: {lost:?}");
    assert!(
        !acknowledged.is_empty(),
        "no run got as far as the acknowledgement, so nothing was tested"
    );
    // The next writer files everything the kills left in the inbox and removes the records.
    sb.add("after the storm");
    let inbox = sb.data().join("inbox");
    let left = std::fs::read_dir(&inbox).map_or(0, |d| d.count());
    assert_eq!(left, 0, "records left in {}", inbox.display());
    let list = sb.list();
    for text in acknowledged.values() {
        assert!(list.contains(text.as_str()), "{text} after filing");
    }
}
