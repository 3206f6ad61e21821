//! tui-journal's JSON export (its entries transfer file): `{"version": 100, "entries": [...]}`,
//! each entry with a UTC `date`, `title`, `content`, and optionally `tags`, `priority`, `folder`.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::engine::JournalEntry;

use super::import::ImportFormat;
use super::import_error::ImportError;

/// True when `value` has tui-journal's shape: a numeric `version` and entries with `content`.
pub(super) fn is_tui_journal(value: &Value) -> bool {
    let Some(entries) = value.get("entries").and_then(Value::as_array) else {
        return false;
    };
    value.get("version").is_some_and(Value::is_u64)
        && entries
            .first()
            .is_none_or(|e| e.get("content").is_some() && e.get("date").is_some())
}

/// tui-journal's entries, each with a provisional id.
pub(super) fn read(value: &Value) -> Result<Vec<JournalEntry>, ImportError> {
    let entries = value
        .get("entries")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| read_entry(i + 1, entry))
        .collect()
}

fn read_entry(number: usize, entry: &Value) -> Result<JournalEntry, ImportError> {
    let text_of = |field: &str| entry.get(field).and_then(Value::as_str).unwrap_or("");
    let date = text_of("date");
    let created = DateTime::parse_from_rfc3339(date)
        .map_err(|e| ImportError::BadDate {
            format: ImportFormat::TuiJournal,
            entry: number,
            value: date.to_string(),
            reason: e.to_string(),
        })?
        .with_timezone(&Utc);
    let tags = entry
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    Ok(JournalEntry {
        id: format!("tui-journal-{number}"),
        created,
        edited: None,
        text: join(text_of("title"), text_of("content")),
        step: None,
        mood: None,
        tags,
        extra: Default::default(),
    })
}

/// tui-journal keeps a title apart from the content; the title becomes the entry's first line.
fn join(title: &str, content: &str) -> String {
    let (title, content) = (title.trim_end(), content.trim_end());
    match (title.is_empty(), content.is_empty()) {
        (_, true) => title.to_string(),
        (true, false) => content.to_string(),
        (false, false) => format!("{title}\n\n{content}"),
    }
}
