//! rekindle's own JSON export: every field of every entry, read back exactly by `import`.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::engine::JournalEntry;
use crate::visible::json_escaped;

use super::import::ImportFormat;
use super::import_error::ImportError;

/// The `format` field that marks a rekindle journal export.
pub const EXPORT_FORMAT: &str = "rekindle-journal";

/// The version of the export format written; a newer one is refused on import.
pub const EXPORT_VERSION: u32 = 1;

/// The file as written.
#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    version: u32,
    exported: DateTime<Utc>,
    entries: Vec<&'a JournalEntry>,
}

/// `entries` as a rekindle export, pretty-printed, ending in a newline; characters a terminal
/// would obey are `\u` escapes, so printing it is safe and reading it back gives the same text.
pub(super) fn write<'a>(
    entries: impl Iterator<Item = &'a JournalEntry>,
    now: DateTime<Utc>,
) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported: now,
        entries: entries.collect(),
    };
    let json = serde_json::to_string_pretty(&file).unwrap_or_default();
    let mut out = match json_escaped(&json) {
        Cow::Owned(escaped) => escaped,
        Cow::Borrowed(_) => json,
    };
    out.push('\n');
    out
}

/// True when `value` says it is a rekindle export.
pub(super) fn is_ours(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(EXPORT_FORMAT)
}

/// The entries of a rekindle export, exactly as they were written.
pub(super) fn read(value: Value) -> Result<Vec<JournalEntry>, ImportError> {
    let version = value.get("version").and_then(Value::as_u64);
    match version {
        Some(v) if v > u64::from(EXPORT_VERSION) => return Err(ImportError::NewerVersion(v)),
        Some(0) => return Err(bad_file("its format version is 0; versions start at 1")),
        Some(_) => {}
        None => return Err(bad_file("it has no version number")),
    }
    let Some(Value::Array(entries)) = value.get("entries") else {
        return Err(bad_file("it has no list of entries"));
    };
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| read_entry(i + 1, entry))
        .collect()
}

fn bad_file(reason: &str) -> ImportError {
    ImportError::BadFile {
        format: ImportFormat::Rekindle,
        reason: reason.to_string(),
    }
}

fn read_entry(number: usize, value: &Value) -> Result<JournalEntry, ImportError> {
    for field in ["created", "edited"] {
        if let Some(Value::String(text)) = value.get(field) {
            DateTime::parse_from_rfc3339(text).map_err(|e| ImportError::BadDate {
                format: ImportFormat::Rekindle,
                entry: number,
                value: text.clone(),
                reason: e.to_string(),
            })?;
        }
    }
    let bad = |reason: String| ImportError::BadEntry {
        format: ImportFormat::Rekindle,
        entry: number,
        reason,
    };
    JournalEntry::deserialize(value).map_err(|e| bad(e.to_string()))
}
