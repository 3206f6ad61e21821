//! rekindle's own JSON export: every field of every entry, read back exactly by `import`.

use std::fmt::Write;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::DeserializeSeed;
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

/// Reads a rekindle export from `reader` as a stream, handing each entry to `each` in file
/// order as soon as it is read, so the file is never held whole, as a JSON tree or as a list of
/// entries.
///
/// `None` when the file is not one that reads cleanly this way: another tool's, or one with a
/// problem; the caller then reads it the careful way, with [`read`], to say what is wrong.
/// `Some(Err(_))` when `each` refused an entry (it stops the reading there) of a file already
/// known to be ours (its `format` and `version` come before its entries, as rekindle writes
/// them; when they come after, a refusal gives `None`). Entries handed on before the file is
/// known to be ours are handed on all the same: the caller keeps nothing of them unless this
/// returns `Some(Ok(()))`.
pub(super) fn stream_entries<E>(
    reader: impl std::io::Read,
    each: impl FnMut(JournalEntry) -> Result<(), E>,
) -> Option<Result<(), E>> {
    let reader = std::io::BufReader::with_capacity(1 << 20, reader);
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut stream = EntryStream {
        each,
        refused: None,
        known_first: false,
    };
    let read = (&mut stream).deserialize(&mut de).and_then(|()| de.end());
    match (read, stream.refused) {
        (_, Some(refused)) if stream.known_first => Some(Err(refused)),
        (_, Some(_)) => None,
        (Ok(()), None) => Some(Ok(())),
        (Err(_), None) => None,
    }
}

/// The file read as a stream: the object's fields, then each entry handed on.
struct EntryStream<F, E> {
    each: F,
    /// What `each` said when it refused an entry.
    refused: Option<E>,
    /// True when the file was known to be ours before its entries began.
    known_first: bool,
}

impl<'de, F, E> serde::de::DeserializeSeed<'de> for &mut EntryStream<F, E>
where
    F: FnMut(JournalEntry) -> Result<(), E>,
{
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, F, E> serde::de::Visitor<'de> for &mut EntryStream<F, E>
where
    F: FnMut(JournalEntry) -> Result<(), E>,
{
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a rekindle journal export")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::Error;
        let (mut ours, mut version_read, mut entries_read) = (false, false, false);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => ours = map.next_value::<String>()? == EXPORT_FORMAT,
                "version" => {
                    let version = map.next_value::<u64>()?;
                    version_read = (1..=u64::from(EXPORT_VERSION)).contains(&version);
                }
                "entries" if !entries_read => {
                    entries_read = true;
                    self.known_first = ours && version_read;
                    map.next_value_seed(EntrySeq(&mut *self))?;
                }
                "entries" => return Err(A::Error::duplicate_field("entries")),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        if ours && version_read && entries_read {
            Ok(())
        } else {
            Err(A::Error::custom("not a rekindle export"))
        }
    }
}

/// The list of entries, each handed on as it is read.
struct EntrySeq<'s, F, E>(&'s mut EntryStream<F, E>);

impl<'de, F, E> serde::de::DeserializeSeed<'de> for EntrySeq<'_, F, E>
where
    F: FnMut(JournalEntry) -> Result<(), E>,
{
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, F, E> serde::de::Visitor<'de> for EntrySeq<'_, F, E>
where
    F: FnMut(JournalEntry) -> Result<(), E>,
{
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of journal entries")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<JournalEntry>()? {
            if let Err(refused) = (self.0.each)(entry) {
                self.0.refused = Some(refused);
                return Err(serde::de::Error::custom("an entry was refused"));
            }
        }
        Ok(())
    }
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
