//! The full backup: everything a person made in their data folder (the journey with its answers,
//! ticks, moods, no-contact record, slips, urge pauses, contact log and promise; every journal
//! month; drafts) as one versioned JSON document, written a month at a time.
//!
//! ```text
//! {
//!   "format": "rekindle-backup",
//!   "version": 1,
//!   "made": "2026-12-06T22:15:00Z",
//!   "journey": { …journey.json… } or null,
//!   "drafts": { …drafts.json… } or null,
//!   "months": [ { …journal/2026-11.json… }, … ]
//! }
//! ```
//! Each part is the value its own file holds, so a restore writes it back through the store as
//! it was. [`super::backup_read`] reads it back and checks it.

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::engine::{Drafts, JournalMonth, Journey};
use crate::visible::json_escaped;

/// What the `format` field of a backup says.
pub const BACKUP_FORMAT: &str = "rekindle-backup";

/// The version of the backup document this build writes, and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;

/// A backup being written to `W`: the head and the journey on [`BackupWriter::begin`], the months
/// one at a time (oldest first) with [`BackupWriter::month`], the end on [`BackupWriter::finish`].
/// Nothing of a month is kept once it is written.
pub struct BackupWriter<W: Write> {
    out: W,
    months: usize,
    entries: usize,
}

impl<W: Write> BackupWriter<W> {
    /// Starts a backup made at `made`: its header, the journey and the drafts (`None` when the
    /// data folder has no such file).
    pub fn begin(
        mut out: W,
        made: DateTime<Utc>,
        journey: Option<&Journey>,
        drafts: Option<&Drafts>,
    ) -> io::Result<Self> {
        let made = serde_json::to_string(&made).map_err(io::Error::other)?;
        write!(
            out,
            "{{\n  \"format\": \"{BACKUP_FORMAT}\",\n  \"version\": {BACKUP_VERSION},\n  \
             \"made\": {made},\n  \"journey\": "
        )?;
        write_part(&mut out, &journey)?;
        out.write_all(b",\n  \"drafts\": ")?;
        write_part(&mut out, &drafts)?;
        out.write_all(b",\n  \"months\": [")?;
        Ok(Self {
            out,
            months: 0,
            entries: 0,
        })
    }

    /// Writes one month's file as it stands.
    pub fn month(&mut self, month: &JournalMonth) -> io::Result<()> {
        let lead: &[u8] = if self.months == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        self.out.write_all(lead)?;
        write_indented(&mut self.out, month, "    ")?;
        self.months += 1;
        self.entries += month.entries.len();
        Ok(())
    }

    /// How many months and entries have been written so far.
    pub fn counts(&self) -> (usize, usize) {
        (self.months, self.entries)
    }

    /// Closes the document, flushes, and gives the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        let close: &[u8] = if self.months == 0 {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        };
        self.out.write_all(close)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A part at the top level: pretty JSON indented to sit under its key.
fn write_part<W: Write>(out: &mut W, value: &impl Serialize) -> io::Result<()> {
    write_indented(out, value, "  ")
}

/// `value` as pretty JSON, each line after the first indented by `indent`. A JSON string never
/// holds a raw line break, so only the layout's own line breaks are indented. Characters a
/// terminal would obey are written as `\uXXXX`, so `cat` on a backup is safe.
fn write_indented<W: Write>(out: &mut W, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let text = json_escaped(&text);
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_guide;
    use crate::engine::{JOURNAL_SCHEMA, JournalEntry};

    fn month(key: &str, texts: &[&str]) -> JournalMonth {
        JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries: texts
                .iter()
                .enumerate()
                .map(|(n, text)| JournalEntry {
                    id: format!("{key}-{n}"),
                    created: format!("{key}-0{}T12:00:00Z", n + 1).parse().unwrap(),
                    edited: None,
                    text: text.to_string(),
                    step: None,
                    mood: Some(3),
                    tags: vec![],
                    extra: Default::default(),
                })
                .collect(),
            extra: [("future".to_string(), serde_json::json!([1, 2]))]
                .into_iter()
                .collect(),
        }
    }

    /// What is streamed is what serde prints for the whole document, parsed back.
    #[test]
    fn the_stream_is_one_json_document() {
        let guide = default_guide().unwrap();
        let made: DateTime<Utc> = "2026-12-06T22:15:00Z".parse().unwrap();
        let journey = Journey::new(&guide, made);
        let months = [
            month("2026-10", &["one\nline \u{1b}[2J \u{202e}"]),
            month("2026-11", &["two", "three"]),
        ];
        for (journey, months) in [(None, &months[..0]), (Some(&journey), &months[..])] {
            let mut writer = BackupWriter::begin(Vec::new(), made, journey, None).unwrap();
            for m in months {
                writer.month(m).unwrap();
            }
            let text = String::from_utf8(writer.finish().unwrap()).unwrap();
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{202e}'),
                "{text}"
            );
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let expected = serde_json::json!({
                "format": BACKUP_FORMAT,
                "version": BACKUP_VERSION,
                "made": made,
                "journey": journey,
                "drafts": null,
                "months": months,
            });
            assert_eq!(value, expected);
        }
    }
}
