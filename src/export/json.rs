//! rekindle's own JSON export: every field of every entry, read back exactly by `import`.

use std::fmt::Write;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::engine::JournalEntry;

use super::import::ImportFormat;
use super::import_error::ImportError;

/// The `format` field that marks a rekindle journal export.
pub const EXPORT_FORMAT: &str = "rekindle-journal";

/// The version of the export format written; a newer one is refused on import.
pub const EXPORT_VERSION: u32 = 1;

/// The file's opening, up to the list of entries: the same bytes `serde_json`'s pretty printer
/// writes for `{ format, version, exported, entries: [...] }`.
pub(super) fn head(out: &mut String, now: DateTime<Utc>) {
    let exported = serde_json::to_string(&now).unwrap_or_default();
    let _ = write!(
        out,
        "{{\n  \"format\": \"{EXPORT_FORMAT}\",\n  \"version\": {EXPORT_VERSION},\n  \
         \"exported\": {exported},\n  \"entries\": ["
    );
}

/// One entry of the list, pretty-printed at the list's depth; `first` for the first one.
pub(super) fn entry(out: &mut String, entry: &JournalEntry, first: bool) {
    out.push_str(if first { "\n" } else { ",\n" });
    let json = serde_json::to_string_pretty(entry).unwrap_or_default();
    for (i, line) in json.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
}

/// The list's and the file's closing, after `entries` entries, and a final newline.
pub(super) fn tail(out: &mut String, entries: usize) {
    out.push_str(if entries == 0 { "]\n}\n" } else { "\n  ]\n}\n" });
}

/// A rekindle export as read straight into entries.
#[derive(Deserialize)]
struct Direct {
    format: String,
    version: u64,
    entries: Vec<JournalEntry>,
}

/// The entries of a rekindle export read straight from `reader`, without the file ever held
/// whole or as a JSON tree; `None` for anything else (another tool's file, or one with a
/// problem), which the caller reads the careful way, with [`read`], to say what is wrong.
pub(super) fn read_direct(reader: impl std::io::Read) -> Option<Vec<JournalEntry>> {
    let file: Direct =
        serde_json::from_reader(std::io::BufReader::with_capacity(1 << 20, reader)).ok()?;
    let ours =
        file.format == EXPORT_FORMAT && (1..=u64::from(EXPORT_VERSION)).contains(&file.version);
    ours.then_some(file.entries)
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
