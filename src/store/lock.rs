//! The writer's lock: one process at a time may write a data directory.
//!
//! The lock file holds plain text (not through the codec) so that whoever finds it locked can
//! always say who holds it, even once files are encrypted.

use std::fmt;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, Utc};

use super::StoreError;
use super::paths::LOCK_FILE;
use super::private;

/// Who holds a workbook open for writing, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    /// The holder's process id.
    pub pid: u32,
    /// When it took the lock.
    pub since: DateTime<Utc>,
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let since = self.since.with_timezone(&Local).format("%Y-%m-%d %H:%M");
        write!(f, "by process {}, since {since}", self.pid)
    }
}

impl LockHolder {
    /// The lock file's text for this holder.
    fn to_text(&self) -> String {
        format!("pid {}\nsince {}\n", self.pid, self.since.to_rfc3339())
    }

    /// Reads a holder back from lock file text; `None` when it says nothing usable.
    fn from_text(text: &str) -> Option<Self> {
        let mut pid = None;
        let mut since = None;
        for line in text.lines() {
            if let Some(value) = line.strip_prefix("pid ") {
                pid = value.trim().parse().ok();
            } else if let Some(value) = line.strip_prefix("since ") {
                since = DateTime::parse_from_rfc3339(value.trim()).ok();
            }
        }
        Some(Self {
            pid: pid?,
            since: since?.with_timezone(&Utc),
        })
    }
}

/// How a writer waits when another process holds the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// It does not wait.
    No,
    /// Up to this long, but only while the holder took the lock moments ago (a command that is
    /// about to finish); an open workbook holds it for as long as it is open, so a quick
    /// command does not wait for it.
    ForACommand(Duration),
    /// Up to this long, whoever holds it (a workbook that is closing lets go within moments).
    ForAnyone(Duration),
}

/// How long a holder may have held the lock and still be worth waiting for.
const BRIEFLY: chrono::TimeDelta = chrono::TimeDelta::seconds(3);

/// How long a lock this process took, and no longer holds, may take to be let go: a program
/// this process is starting shares its open files until it has started, so a lock closed here
/// a moment before is held by that copy for a moment longer.
const LETTING_GO: Duration = Duration::from_millis(500);

/// How often a waiting writer tries the lock again.
const RETRY_EVERY: Duration = Duration::from_millis(25);

/// A held writer's lock on a data directory; dropping it lets go.
#[derive(Debug)]
pub(super) struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Takes the lock on `dir`, trying again as `wait` says while another process holds it, or
    /// says who holds it.
    pub(super) fn take(dir: &Path, wait: LockWait) -> Result<Self, StoreError> {
        let path = dir.join(LOCK_FILE);
        let mut file = private::open_rw_no_follow(&path).map_err(|e| {
            if private::is_link_refusal(&e) {
                StoreError::LockIsALink { file: path.clone() }
            } else {
                StoreError::io("open the lock file", &path)(e)
            }
        })?;
        let (limit, only_briefly) = match wait {
            LockWait::No => (Duration::ZERO, false),
            LockWait::ForACommand(limit) => (limit, true),
            LockWait::ForAnyone(limit) => (limit, false),
        };
        let until = Instant::now() + limit;
        let letting_go_until = Instant::now() + LETTING_GO;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock)
                    if Instant::now() < until && (!only_briefly || held_briefly(&mut file)) =>
                {
                    std::thread::sleep(RETRY_EVERY);
                }
                Err(TryLockError::WouldBlock)
                    if Instant::now() < letting_go_until && held_by_this_process(&mut file) =>
                {
                    std::thread::sleep(RETRY_EVERY);
                }
                Err(TryLockError::WouldBlock) => {
                    let holder = read_holder(&mut file);
                    return Err(StoreError::Locked {
                        dir: dir.to_path_buf(),
                        holder,
                    });
                }
                Err(TryLockError::Error(e)) => return Err(StoreError::io("lock", &path)(e)),
            }
        }
        let holder = LockHolder {
            pid: std::process::id(),
            since: Utc::now(),
        };
        write_holder(&mut file, &holder).map_err(StoreError::io("write the lock file", &path))?;
        Ok(Self { _file: file })
    }
}

/// True when the holder took the lock moments ago (a command that will soon be done), so
/// waiting for it is worth it; an open workbook holds it for as long as it is open.
fn held_briefly(file: &mut File) -> bool {
    read_holder(file).is_none_or(|holder| Utc::now() - holder.since < BRIEFLY)
}

/// True when the lock file names this process as the holder (see [`LETTING_GO`]).
fn held_by_this_process(file: &mut File) -> bool {
    read_holder(file).is_some_and(|holder| holder.pid == std::process::id())
}

fn read_holder(file: &mut File) -> Option<LockHolder> {
    file.seek(SeekFrom::Start(0)).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    LockHolder::from_text(&text)
}

fn write_holder(file: &mut File, holder: &LockHolder) -> std::io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(holder.to_text().as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_text_round_trips() {
        let holder = LockHolder {
            pid: 42,
            since: "2026-11-03T21:04:00Z".parse().unwrap(),
        };
        assert_eq!(LockHolder::from_text(&holder.to_text()), Some(holder));
        assert_eq!(LockHolder::from_text(""), None);
        assert_eq!(LockHolder::from_text("pid x\nsince y"), None);
    }
}
