//! Reading a journal export, whichever supported tool wrote it.

use chrono::TimeZone;
use serde_json::Value;

use crate::engine::{JournalEntry, check_entry};

use super::import_error::ImportError;
use super::{jrnl, json, tui_journal};

/// The tool that wrote an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// rekindle's own JSON export: ids and every field are kept.
    Rekindle,
    /// `jrnl --export json`.
    Jrnl,
    /// tui-journal's JSON export (its entries transfer file).
    TuiJournal,
}

impl ImportFormat {
    /// A short name for messages, such as `jrnl`.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Rekindle => "rekindle",
            ImportFormat::Jrnl => "jrnl",
            ImportFormat::TuiJournal => "tui-journal",
        }
    }

    /// True when the file's ids are rekindle ids and are kept; other tools' entries get new ids.
    pub fn keeps_ids(self) -> bool {
        self == ImportFormat::Rekindle
    }
}

impl std::fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} export", self.name())
    }
}

/// Entries read from a file, not yet in the journal (see [`merge`](super::merge)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The tool that wrote the file.
    pub format: ImportFormat,
    /// The entries, in file order. From other tools their ids are provisional: `merge` gives
    /// each a new id from the journal it joins.
    pub entries: Vec<JournalEntry>,
}

/// Reads an export from rekindle, jrnl or tui-journal, telling them apart by their shape.
///
/// `tz` is the zone jrnl's local dates and times were written in (the user's own, normally).
/// Either every entry is read and passes [`check_entry`] (an id and words, a date a month file
/// can name, a mood from 1 to 5), or an error names the first one that does not.
pub fn import<Tz: TimeZone>(bytes: &[u8], tz: &Tz) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: describe(&e),
    })?;
    let format = detect(&value).ok_or(ImportError::UnknownShape)?;
    let entries = match format {
        ImportFormat::Rekindle => json::read(value)?,
        ImportFormat::Jrnl => jrnl::read(&value, tz)?,
        ImportFormat::TuiJournal => tui_journal::read(&value)?,
    };
    checked(format, entries)
}

/// Reads a rekindle export from `reader` as a stream, so the file is never held whole;
/// `None` when the file is not one that reads cleanly this way (another tool's, or one with a
/// problem): read it whole with [`import`], which says what is wrong.
pub fn import_stream(reader: impl std::io::Read) -> Option<Result<Imported, ImportError>> {
    let format = ImportFormat::Rekindle;
    let mut entries = Vec::new();
    let read = json::stream_entries(reader, |entry| {
        checked_entry(format, entries.len() + 1, &entry)?;
        entries.push(entry);
        Ok(())
    })?;
    Some(read.map(|()| Imported { format, entries }))
}

/// The entries, when every one passes [`check_entry`]; else an error naming the first that
/// does not.
fn checked(format: ImportFormat, entries: Vec<JournalEntry>) -> Result<Imported, ImportError> {
    for (n, entry) in entries.iter().enumerate() {
        checked_entry(format, n + 1, entry)?;
    }
    Ok(Imported { format, entries })
}

/// Entry number `n` (from 1) of a file, when it passes [`check_entry`]; else an error naming it.
pub(super) fn checked_entry(
    format: ImportFormat,
    n: usize,
    entry: &JournalEntry,
) -> Result<(), ImportError> {
    check_entry(entry).map_err(|problem| ImportError::Invalid {
        format,
        entry: n,
        about: about(entry, format),
        problem,
    })
}

/// An entry's id (when the file's ids are kept) and first words, quoted, to find it by.
fn about(entry: &JournalEntry, format: ImportFormat) -> String {
    const WORDS: usize = 40;
    let line = entry.first_line();
    let mut words: String = line.chars().take(WORDS).collect();
    if line.chars().nth(WORDS).is_some() {
        words.push('…');
    }
    let words = if words.is_empty() {
        "no words".to_string()
    } else {
        format!("{words:?}")
    };
    if format.keeps_ids() {
        format!("id {:?}, {words}", entry.id)
    } else {
        words
    }
}

/// The parser's message without its own "at line ... column ..." suffix, which we word ourselves.
fn describe(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Which tool wrote `value`, judged by its marker or by the fields of its entries.
fn detect(value: &Value) -> Option<ImportFormat> {
    if json::is_ours(value) {
        return Some(ImportFormat::Rekindle);
    }
    if jrnl::is_jrnl(value) {
        return Some(ImportFormat::Jrnl);
    }
    if tui_journal::is_tui_journal(value) {
        return Some(ImportFormat::TuiJournal);
    }
    None
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use serde_json::json;

    use super::*;

    /// A rekindle export, its fields in the order rekindle writes them.
    fn file(entries: serde_json::Value) -> Vec<u8> {
        let entries = serde_json::to_string_pretty(&entries).unwrap();
        format!(
            "{{\"format\": \"rekindle-journal\", \"version\": 1, \
             \"exported\": \"2026-03-31T00:00:00Z\", \"entries\": {entries}}}"
        )
        .into_bytes()
    }

    /// The same, its fields in alphabetical order (entries first).
    fn sorted_file(entries: serde_json::Value) -> Vec<u8> {
        serde_json::to_vec_pretty(&json!({
            "format": "rekindle-journal", "version": 1,
            "exported": "2026-03-31T00:00:00Z", "entries": entries,
        }))
        .unwrap()
    }

    #[test]
    fn a_rekindle_export_streams_to_what_reading_it_whole_gives() {
        let bytes = file(json!([
            {"id": "a", "created": "2026-01-10T12:00:00Z", "edited": null,
             "text": "é 💛\r\n\u{1b}[2J", "step": "no-contact", "mood": 3, "tags": ["x"],
             "weather": {"sky": ["grey", 1.5]}},
            {"id": "b", "created": "2026-02-10T12:00:00.123456789Z", "text": "only the words"},
        ]));
        let whole = import(&bytes, &Utc).unwrap();
        let streamed = import_stream(&bytes[..]).expect("ours").unwrap();
        assert_eq!(streamed, whole);
        assert_eq!(streamed.entries.len(), 2);
    }

    #[test]
    fn what_the_stream_cannot_read_is_left_to_the_whole_reading_that_names_it() {
        let bad_date = file(json!([{"id": "a", "created": "yesterday", "text": "words"}]));
        assert!(import_stream(&bad_date[..]).is_none());
        assert!(matches!(
            import(&bad_date, &Utc),
            Err(ImportError::BadDate { entry: 1, .. })
        ));
        let newer = String::from_utf8(file(json!([])))
            .unwrap()
            .replace("\"version\": 1", "\"version\": 2");
        assert!(import_stream(newer.as_bytes()).is_none());
        assert!(matches!(
            import(newer.as_bytes(), &Utc),
            Err(ImportError::NewerVersion(2))
        ));
        let jrnl = br#"{"tags": {}, "entries": [{"date": "2026-01-01", "time": "10:00", "title": "t", "body": "b"}]}"#;
        assert!(import_stream(&jrnl[..]).is_none());
        let no_words = file(json!([{"id": "a", "created": "2026-01-10T12:00:00Z", "text": " "}]));
        let streamed = import_stream(&no_words[..]).expect("reads as ours");
        assert_eq!(
            streamed.unwrap_err().to_string(),
            import(&no_words, &Utc).unwrap_err().to_string(),
            "an entry that fails the checks is refused the same way"
        );
        let late_format =
            sorted_file(json!([{"id": "a", "created": "2026-01-10T12:00:00Z", "text": " "}]));
        assert!(
            import_stream(&late_format[..]).is_none(),
            "refused before the file was known to be ours: left to the whole reading"
        );
    }

    #[test]
    fn a_file_naming_its_format_after_its_entries_still_streams() {
        let bytes = sorted_file(json!([
            {"id": "a", "created": "2026-01-10T12:00:00Z", "text": "words"},
        ]));
        let streamed = import_stream(&bytes[..]).expect("ours").unwrap();
        assert_eq!(streamed, import(&bytes, &Utc).unwrap());
        let theirs = String::from_utf8(bytes)
            .unwrap()
            .replace("rekindle-journal", "other");
        assert!(import_stream(theirs.as_bytes()).is_none());
    }
}
