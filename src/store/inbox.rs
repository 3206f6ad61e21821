//! The inbox (`inbox/`): small files, each written whole in one step, holding words that are
//! not yet in their place. Three kinds of writer use it:
//! - a second window (`rekindle journal add` while the workbook is open) leaves an entry there
//!   without the writer's lock; the open workbook takes it in, or the next opener does;
//! - `rekindle journal add` with the lock leaves an entry for a big month there rather than
//!   rewriting the month for it; up to 31 wait so, and the next one files them all (see
//!   `Session::open_for_entry`);
//! - the workbook writes what the user saved (an entry, an answer) there first, before filing it
//!   in its month or the journey, and removes the record only once that file is on disk.
//!
//! So every reader of the journal reads the inbox too.
//!
//! A record is removed only by the writer's lock holder, after what it holds is durably filed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::{Action, JournalEntry};

use super::StoreError;
use super::codec::{self, Sealing};
use super::keyring;
use super::paths::{self, INBOX_DIR};
use super::write::{random_u64, remove_durably, write_new};

/// The schema version written into each inbox record.
pub const INBOX_SCHEMA: u32 = 1;

/// One record waiting in the inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxRecord {
    /// Schema version of this record.
    pub schema: u32,
    /// When it was written.
    pub at: DateTime<Utc>,
    /// What it holds.
    pub item: InboxItem,
}

/// What an inbox record holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum InboxItem {
    /// A journal entry to file.
    Entry {
        /// The entry.
        entry: JournalEntry,
        /// True for an edit of the entry with this id; false for a new entry, which gets a new
        /// id if its own is taken by different words.
        replaces: bool,
    },
    /// Text the user saved into a field (an answer, a note), kept until that field's file is on
    /// disk; if it never gets there, it comes back as the field's draft.
    Text {
        /// The field's draft key.
        key: String,
        /// The text.
        text: String,
    },
}

impl InboxItem {
    /// The change that files this item: an entry is filed, a text comes back as its draft.
    pub fn into_action(self) -> Action {
        match self {
            InboxItem::Entry { entry, replaces } => Action::FileEntry { entry, replaces },
            InboxItem::Text { key, text } => Action::SaveDraft { key, text },
        }
    }
}

impl InboxRecord {
    /// A record of `item` written at `at`.
    pub fn new(at: DateTime<Utc>, item: InboxItem) -> Self {
        Self {
            schema: INBOX_SCHEMA,
            at,
            item,
        }
    }
}

/// A record found in the inbox, or why it could not be read (it is then left where it is).
#[derive(Debug)]
pub struct Found {
    /// The record's file.
    pub file: PathBuf,
    /// The record.
    pub record: Result<InboxRecord, StoreError>,
}

/// The inbox of a data folder. Writing needs no lock; taking records out does.
#[derive(Debug, Clone)]
pub struct Inbox {
    dir: PathBuf,
    data_dir: PathBuf,
}

/// Numbers records within this process, so two in one millisecond keep their order.
static RECORD_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Inbox {
    /// The inbox of the data folder `data_dir`.
    pub fn of(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join(INBOX_DIR),
            data_dir: data_dir.to_path_buf(),
        }
    }

    /// The inbox folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `record` as a new file, whole and flushed to disk before this returns.
    pub fn put(&self, record: &InboxRecord) -> Result<PathBuf, StoreError> {
        paths::ensure_private_dir(&self.dir)?;
        let name = format!(
            "{}-{:010}-{:06}-{:08x}.json",
            record.at.format("%Y%m%dT%H%M%S%3fZ"),
            std::process::id(),
            RECORD_COUNTER.fetch_add(1, Ordering::Relaxed),
            random_u64() as u32
        );
        let file = self.dir.join(name);
        let sealing = keyring::sealing_for(&self.data_dir)?;
        let bytes =
            codec::encode_sealed(record, &sealing).map_err(|source| StoreError::Encode {
                file: file.clone(),
                source,
            })?;
        write_new(&file, &bytes)?;
        Ok(file)
    }

    /// [`Inbox::put`] for a writer without the lock (`journal add` while another holds it).
    /// When the record went out sealed but the folder's key is gone by the time it is on disk
    /// (a `decrypt` finished meanwhile), it is written again plain and the sealed copy removed:
    /// nothing is left sealed to a key that no longer exists. (`decrypt` converts once more after
    /// removing the key, for a record that landed before this check.)
    pub fn put_without_lock(&self, record: &InboxRecord) -> Result<PathBuf, StoreError> {
        let sealed = keyring::sealing_for(&self.data_dir)?.write_key().is_some();
        let file = self.put(record)?;
        if !sealed || keyring::is_encrypted(&self.data_dir) {
            return Ok(file);
        }
        keyring::write_plain(&self.data_dir)?;
        let plain = self.put(record)?;
        remove_durably(&file)?;
        Ok(plain)
    }

    /// The records waiting, oldest first. A record that cannot be read is listed with its
    /// problem and never removed.
    pub fn list(&self) -> Result<Vec<Found>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("list", &self.dir)(e)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(StoreError::io("list", &self.dir))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !name.starts_with('.') && name.ends_with(".json") {
                files.push(entry.path());
            }
        }
        files.sort();
        let sealing = keyring::sealing_for(&self.data_dir)?;
        Ok(files
            .into_iter()
            .map(|file| Found {
                record: read_record(&file, &sealing),
                file,
            })
            .collect())
    }

    /// Removes records whose contents are now durably filed, flushing the folder once.
    pub fn retire_all(&self, files: &[PathBuf]) -> Result<(), StoreError> {
        for file in files {
            match fs::remove_file(file) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(StoreError::io("remove", file)(e));
                }
                _ => {}
            }
        }
        super::private::sync_dir(&self.dir).map_err(StoreError::io("flush the folder", &self.dir))
    }

    /// Removes a record whose contents are now durably filed.
    pub fn retire(&self, file: &Path) -> Result<(), StoreError> {
        remove_durably(file)
    }
}

fn read_record(file: &Path, sealing: &Sealing) -> Result<InboxRecord, StoreError> {
    let meta = fs::symlink_metadata(file).map_err(StoreError::io("look at", file))?;
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            file: file.to_path_buf(),
        });
    }
    let bytes = fs::read(file).map_err(StoreError::io("read", file))?;
    let record: InboxRecord =
        codec::decode_sealed(&bytes, sealing).map_err(|e| StoreError::Corrupt {
            file: file.to_path_buf(),
            line: e.line,
            column: e.column,
            message: e.message,
            backup: None,
        })?;
    if record.schema > INBOX_SCHEMA {
        return Err(StoreError::NewerSchema {
            file: file.to_path_buf(),
            found: record.schema.into(),
            supported: INBOX_SCHEMA,
        });
    }
    Ok(record)
}
