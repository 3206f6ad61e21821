//! jrnl's JSON export (`jrnl --export json`): `{"tags": {...}, "entries": [...]}`, each entry with
//! `title`, `body`, a local `date` (`YYYY-MM-DD`) and `time` (`HH:MM`), `tags` and `starred`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use serde_json::Value;

use crate::engine::JournalEntry;

use super::import::ImportFormat;
use super::import_error::ImportError;

/// The tag given to entries the user starred in jrnl.
const STARRED_TAG: &str = "starred";

/// True when `value` has jrnl's shape: a `tags` map beside the entries, or entries with a body.
pub(super) fn is_jrnl(value: &Value) -> bool {
    let Some(entries) = value.get("entries").and_then(Value::as_array) else {
        return false;
    };
    let entry_shaped = entries
        .first()
        .is_some_and(|e| e.get("body").is_some() && e.get("date").is_some());
    value.get("tags").is_some_and(Value::is_object) || entry_shaped
}

/// jrnl's entries, their local times read in `tz`, each with a provisional id.
pub(super) fn read<Tz: TimeZone>(value: &Value, tz: &Tz) -> Result<Vec<JournalEntry>, ImportError> {
    let entries = value
        .get("entries")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| read_entry(i + 1, entry, tz))
        .collect()
}

fn read_entry<Tz: TimeZone>(
    number: usize,
    entry: &Value,
    tz: &Tz,
) -> Result<JournalEntry, ImportError> {
    let text_of = |field: &str| entry.get(field).and_then(Value::as_str).unwrap_or("");
    let created = created(number, text_of("date"), text_of("time"), tz)?;
    let mut tags: Vec<String> = entry
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|t| t.trim_start_matches(['@', '#']).to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if entry.get("starred").and_then(Value::as_bool) == Some(true) {
        tags.push(STARRED_TAG.to_string());
    }
    Ok(JournalEntry {
        id: format!("jrnl-{number}"),
        created,
        edited: None,
        text: join(text_of("title"), text_of("body")),
        step: None,
        mood: None,
        tags,
        extra: Default::default(),
    })
}

/// jrnl splits an entry into a title and a body: the first line when there are several lines,
/// else the first sentence. This puts them back together as closely as can be told.
fn join(title: &str, body: &str) -> String {
    let ends_sentence = title
        .trim_end_matches(['\'', '"', '\u{2019}', '\u{201D}', ')', ']'])
        .ends_with(['.', '!', '?', '\u{2026}']);
    match (title.is_empty(), body.is_empty()) {
        (_, true) => title.to_string(),
        (true, false) => body.to_string(),
        _ if ends_sentence && !body.contains('\n') => format!("{title} {body}"),
        _ => format!("{title}\n{body}"),
    }
}

/// The UTC instant of jrnl's local `date` and `time` in `tz`. A time skipped by a clock change is
/// read an hour later, as the clock would have shown it; a repeated one is the earlier.
fn created<Tz: TimeZone>(
    number: usize,
    date: &str,
    time: &str,
    tz: &Tz,
) -> Result<DateTime<Utc>, ImportError> {
    let bad = |reason: &str| ImportError::BadDate {
        format: ImportFormat::Jrnl,
        entry: number,
        value: format!("{date} {time}").trim().to_string(),
        reason: reason.to_string(),
    };
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| bad("the date should read like 2024-03-01"))?;
    let clock = match time {
        "" => NaiveTime::MIN,
        _ => NaiveTime::parse_from_str(time, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
            .map_err(|_| bad("the time should read like 21:30"))?,
    };
    let local = NaiveDateTime::new(day, clock);
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            let later = local.checked_add_signed(TimeDelta::hours(1))?;
            tz.from_local_datetime(&later).earliest()
        })
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| bad("that time does not exist in this time zone"))
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn a_title_line_goes_back_on_its_own_line() {
        assert_eq!(
            join("Sunday", "Walked a lot.\nSlept."),
            "Sunday\nWalked a lot.\nSlept."
        );
    }

    #[test]
    fn a_first_sentence_rejoins_its_line() {
        assert_eq!(join("Rough day.", "Called mum."), "Rough day. Called mum.");
        assert_eq!(join("Only a title.", ""), "Only a title.");
    }
}
