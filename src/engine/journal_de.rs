//! Reading journal entries and month files field by field, keeping fields this build does not
//! know. Written by hand because serde's `flatten` buffers every value before reading it, which
//! at 100,000 entries doubles the cost of opening the journal.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::journal::{Extra, JournalEntry, JournalMonth};

/// Stores `value` in `slot`, refusing a field given twice (as serde's derive does).
fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.replace(value).is_some() {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

impl<'de> Deserialize<'de> for JournalEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = JournalEntry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a journal entry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JournalEntry, A::Error> {
        let (mut id, mut created, mut edited, mut text) = (None, None, None, None);
        let (mut step, mut mood, mut tags) = (None, None, None);
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => once(&mut id, map.next_value()?, "id")?,
                "created" => once(&mut created, map.next_value()?, "created")?,
                "edited" => once(&mut edited, map.next_value()?, "edited")?,
                "text" => once(&mut text, map.next_value()?, "text")?,
                "step" => once(&mut step, map.next_value()?, "step")?,
                "mood" => once(&mut mood, map.next_value()?, "mood")?,
                "tags" => once(&mut tags, map.next_value()?, "tags")?,
                _ => {
                    extra.insert(key, map.next_value()?);
                }
            }
        }
        Ok(JournalEntry {
            id: id.ok_or_else(|| de::Error::missing_field("id"))?,
            created: created.ok_or_else(|| de::Error::missing_field("created"))?,
            edited: edited.unwrap_or_default(),
            text: text.ok_or_else(|| de::Error::missing_field("text"))?,
            step: step.unwrap_or_default(),
            mood: mood.unwrap_or_default(),
            tags: tags.unwrap_or_default(),
            extra,
        })
    }
}

impl<'de> Deserialize<'de> for JournalMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MonthVisitor)
    }
}

struct MonthVisitor;

impl<'de> Visitor<'de> for MonthVisitor {
    type Value = JournalMonth;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a journal month")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JournalMonth, A::Error> {
        let (mut schema, mut month, mut entries) = (None, None, None);
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "schema" => once(&mut schema, map.next_value()?, "schema")?,
                "month" => once(&mut month, map.next_value()?, "month")?,
                "entries" => once(&mut entries, map.next_value()?, "entries")?,
                _ => {
                    extra.insert(key, map.next_value()?);
                }
            }
        }
        Ok(JournalMonth {
            schema: schema.ok_or_else(|| de::Error::missing_field("schema"))?,
            month: month.ok_or_else(|| de::Error::missing_field("month"))?,
            entries: entries.ok_or_else(|| de::Error::missing_field("entries"))?,
            extra,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields_read_and_unknown_ones_are_kept() {
        let entry: JournalEntry = serde_json::from_str(
            r#"{"id": "a", "created": "2026-11-02T08:00:00Z", "text": "x", "weather": {"sky": "grey"}}"#,
        )
        .unwrap();
        assert_eq!(entry.extra["weather"]["sky"], "grey");
        assert_eq!(
            (entry.edited, entry.step.as_deref(), entry.mood),
            (None, None, None)
        );
        let again = serde_json::to_string(&entry).unwrap();
        assert_eq!(serde_json::from_str::<JournalEntry>(&again).unwrap(), entry);
    }

    #[test]
    fn missing_and_doubled_fields_are_errors_named_like_serdes() {
        let missing = serde_json::from_str::<JournalEntry>(r#"{"id": "a", "text": "x"}"#);
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .starts_with("missing field `created`")
        );
        let doubled = serde_json::from_str::<JournalMonth>(
            r#"{"schema": 1, "schema": 2, "month": "2026-11", "entries": []}"#,
        );
        assert!(
            doubled
                .unwrap_err()
                .to_string()
                .starts_with("duplicate field `schema`")
        );
        let wrong = serde_json::from_str::<JournalEntry>(
            r#"{"id": "a", "created": "2026-11-02T08:00:00Z", "text": 5}"#,
        );
        assert!(wrong.unwrap_err().to_string().starts_with("invalid type"));
    }
}
