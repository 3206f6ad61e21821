//! Opening a data directory, and the rule that a file which could not be read is never saved
//! over.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::engine::MonthKey;

use super::StoreError;
use super::codec::{self, Sealing};
use super::keyring;
use super::lock::{LockWait, WriterLock};
use super::paths::{self, DRAFTS_FILE, INBOX_DIR, JOURNAL_DIR, JOURNEY_FILE};
use super::read::{Versioned, read_versioned};
use super::write::{remove_stale_temps, write_atomic};

/// Whether a [`Store`] may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Takes the writer's lock; saves are allowed.
    ReadWrite,
    /// Never locks and never writes; every save returns [`StoreError::ReadOnly`].
    ReadOnly,
}

/// What this store knows about a file it has touched.
#[derive(Debug, Clone)]
enum FileState {
    /// Read cleanly (or absent), or written by us: safe to replace.
    Good,
    /// Could not be read: it must not be replaced. Holds the problem, in words.
    Refused(String),
}

/// An open data directory. Shareable across threads: saving may run off the input thread.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    access: Access,
    _lock: Option<WriterLock>,
    files: Mutex<HashMap<PathBuf, FileState>>,
    sealing: Sealing,
}

impl Store {
    /// Opens the data directory `dir`.
    ///
    /// For [`Access::ReadWrite`]: creates `dir` and `dir/journal` as 0700 (tightening looser
    /// modes), takes the writer's lock ([`StoreError::Locked`] names who holds it), then removes
    /// temp files a crash left behind. [`Access::ReadOnly`] changes nothing on disk, and a
    /// missing `dir` simply reads as empty.
    pub fn open(dir: &Path, access: Access) -> Result<Self, StoreError> {
        Self::open_waiting(dir, access, LockWait::No)
    }

    /// Like [`Store::open`], but a writer waits for another writer as `wait` says, so two quick
    /// commands, or a workbook opened as another closes, never fail on each other.
    pub fn open_waiting(dir: &Path, access: Access, wait: LockWait) -> Result<Self, StoreError> {
        let sealing = keyring::sealing_for(dir)?;
        Self::open_sealed(dir, access, wait, sealing)
    }

    /// Takes the writer's lock on `dir` to delete it, whether or not it is encrypted and
    /// unlocked: deleting reads no file, so it needs no passphrase.
    pub fn open_to_erase(dir: &Path, wait: LockWait) -> Result<Self, StoreError> {
        let sealing = keyring::sealing_for(dir).unwrap_or_default();
        Self::open_sealed(dir, Access::ReadWrite, wait, sealing)
    }

    /// Reads this folder's key again from the process's unlocked folders (after a conversion
    /// began or a key was made).
    pub fn refresh_sealing(&mut self) -> Result<(), StoreError> {
        self.sealing = keyring::sealing_for(&self.dir)?;
        Ok(())
    }

    fn open_sealed(
        dir: &Path,
        access: Access,
        wait: LockWait,
        sealing: Sealing,
    ) -> Result<Self, StoreError> {
        let lock = match access {
            Access::ReadWrite => {
                paths::ensure_private_dir(dir)?;
                paths::ensure_private_dir(&dir.join(JOURNAL_DIR))?;
                let lock = WriterLock::take(dir, wait)?;
                remove_stale_temps(dir)?;
                remove_stale_temps(&dir.join(JOURNAL_DIR))?;
                remove_stale_temps(&dir.join(INBOX_DIR))?;
                Some(lock)
            }
            Access::ReadOnly => {
                if dir.exists() && !dir.is_dir() {
                    return Err(StoreError::NotADirectory {
                        path: dir.to_path_buf(),
                    });
                }
                None
            }
        };
        Ok(Self {
            dir: dir.to_path_buf(),
            access,
            _lock: lock,
            files: Mutex::new(HashMap::new()),
            sealing,
        })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How it was opened.
    pub fn access(&self) -> Access {
        self.access
    }

    /// How this store's files are read and written (plain, or through the folder's key).
    pub fn sealing(&self) -> &Sealing {
        &self.sealing
    }

    /// Where the journey is kept.
    pub fn journey_file(&self) -> PathBuf {
        self.dir.join(JOURNEY_FILE)
    }

    /// Where drafts are kept.
    pub fn drafts_file(&self) -> PathBuf {
        self.dir.join(DRAFTS_FILE)
    }

    /// True when this store holds the writer's lock.
    pub fn is_writer(&self) -> bool {
        self.access == Access::ReadWrite
    }

    /// The folder of journal month files.
    pub fn journal_dir(&self) -> PathBuf {
        self.dir.join(JOURNAL_DIR)
    }

    /// Where one month of the journal is kept.
    pub fn month_file(&self, key: MonthKey) -> PathBuf {
        self.journal_dir().join(paths::month_file_name(key))
    }

    /// Reads `file`, remembering whether it may later be replaced.
    pub(super) fn load<T: Versioned>(&self, file: &Path) -> Result<Option<T>, StoreError> {
        let result = read_versioned::<T>(file, &self.sealing);
        self.remember(file, &result);
        result
    }

    /// Records the outcome of reading `file` (also used for checks done beyond parsing).
    pub(super) fn remember<T>(&self, file: &Path, result: &Result<T, StoreError>) {
        let state = match result {
            Ok(_) => FileState::Good,
            Err(e) => FileState::Refused(e.to_string()),
        };
        self.files().insert(file.to_path_buf(), state);
    }

    /// Saves `value` to `file` atomically, unless read-only or `file` could not be read.
    pub(super) fn save<T: serde::Serialize>(
        &self,
        file: &Path,
        value: &T,
        check: impl FnOnce() -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if self.access == Access::ReadOnly {
            return Err(StoreError::ReadOnly {
                file: file.to_path_buf(),
            });
        }
        let known = self.files().get(file).cloned();
        match known {
            Some(FileState::Good) => {}
            Some(FileState::Refused(problem)) => {
                return Err(StoreError::WontOverwrite {
                    file: file.to_path_buf(),
                    problem,
                });
            }
            None => check().map_err(|e| StoreError::WontOverwrite {
                file: file.to_path_buf(),
                problem: e.to_string(),
            })?,
        }
        let bytes =
            codec::encode_sealed(value, &self.sealing).map_err(|source| StoreError::Encode {
                file: file.to_path_buf(),
                source,
            })?;
        write_atomic(file, &bytes)?;
        self.files().insert(file.to_path_buf(), FileState::Good);
        Ok(())
    }

    fn files(&self) -> MutexGuard<'_, HashMap<PathBuf, FileState>> {
        // A panic elsewhere while holding the map leaves it usable: entries are whole values.
        self.files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
