//! Reading a versioned file: bytes through the codec, then the schema check.

use std::fs;
use std::io;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::engine::validate::{Invalid, check_journey, check_month};
use crate::engine::{DRAFTS_SCHEMA, Drafts, JOURNAL_SCHEMA, JOURNEY_SCHEMA, JournalMonth, Journey};

use super::StoreError;
use super::codec::{self, Sealing};
use super::paths::backup_of;
use super::write::resolve_links;

/// A stored document that carries a schema version.
pub(super) trait Versioned: Serialize + DeserializeOwned {
    /// The newest schema this build reads and writes.
    const SUPPORTED: u32;
    /// The schema this value was read with.
    fn schema(&self) -> u32;
    /// Whether the value holds only what rekindle can keep and show (dates it can name, moods
    /// from 1 to 5, words where words are needed).
    fn check(&self) -> Result<(), Invalid> {
        Ok(())
    }
}

impl Versioned for Journey {
    const SUPPORTED: u32 = JOURNEY_SCHEMA;
    fn schema(&self) -> u32 {
        self.schema
    }
    fn check(&self) -> Result<(), Invalid> {
        check_journey(self)
    }
}

impl Versioned for JournalMonth {
    const SUPPORTED: u32 = JOURNAL_SCHEMA;
    fn schema(&self) -> u32 {
        self.schema
    }
    fn check(&self) -> Result<(), Invalid> {
        check_month(self)
    }
}

impl Versioned for Drafts {
    const SUPPORTED: u32 = DRAFTS_SCHEMA;
    fn schema(&self) -> u32 {
        self.schema
    }
}

/// Just the schema of a file that did not read as a whole, to tell "newer" from "damaged".
#[derive(Deserialize)]
struct SchemaProbe {
    schema: u64,
}

/// The document in `file`; `None` when there is no file. Never writes.
pub(super) fn read_versioned<T: Versioned>(
    file: &Path,
    sealing: &Sealing,
) -> Result<Option<T>, StoreError> {
    let Some(stored) = read_bytes(file)? else {
        return Ok(None);
    };
    let bytes = match codec::unseal(&stored, sealing) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Err(StoreError::Corrupt {
                file: file.to_path_buf(),
                line: e.line,
                column: e.column,
                message: e.message,
                backup: existing_backup(file),
            });
        }
    };
    let newer = |found: u64| StoreError::NewerSchema {
        file: file.to_path_buf(),
        found,
        supported: T::SUPPORTED,
    };
    match codec::decode::<T>(&bytes) {
        Ok(value) if value.schema() > T::SUPPORTED => Err(newer(value.schema().into())),
        Ok(value) => match value.check() {
            Ok(()) => Ok(Some(value)),
            Err(invalid) => Err(StoreError::Invalid {
                file: file.to_path_buf(),
                invalid,
                backup: existing_backup(file),
            }),
        },
        Err(e) => match codec::decode::<SchemaProbe>(&bytes) {
            Ok(probe) if probe.schema > u64::from(T::SUPPORTED) => Err(newer(probe.schema)),
            _ => Err(StoreError::Corrupt {
                file: file.to_path_buf(),
                line: e.line,
                column: e.column,
                message: e.message,
                backup: existing_backup(file),
            }),
        },
    }
}

/// The file's bytes; `None` when it does not exist (or is a link to nothing yet).
fn read_bytes(file: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::metadata(file) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io("look at", file)(e)),
        Ok(meta) if !meta.is_file() => {
            return Err(StoreError::NotAFile {
                file: file.to_path_buf(),
            });
        }
        Ok(_) => {}
    }
    fs::read(file)
        .map(Some)
        .map_err(StoreError::io("read", file))
}

/// The `.bak` of `file` (beside the link's target), when there is one.
pub(super) fn existing_backup(file: &Path) -> Option<std::path::PathBuf> {
    let bak = backup_of(&resolve_links(file).ok()?);
    bak.is_file().then_some(bak)
}
