//! An export written as its entries arrive, a month at a time, so that memory stays the same
//! whatever the size of the journal.

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use crate::content::Guide;
use crate::engine::{Calendar, JournalEntry, Journey};
use crate::visible::{json_escaped, visible};

use super::document::{Document, EntryView, Kind};
use super::filter::ExportFilter;
use super::{Format, html, json, markdown, text};

/// Text is handed to the writer in pieces of about this size.
const CHUNK: usize = 256 * 1024;

/// An export being written to `W`: its head on [`ExportWriter::begin`], the entries the filter
/// admits as they are given (oldest first), and the rest on [`ExportWriter::finish`].
///
/// What it writes is byte for byte what [`super::export`] returns for the same entries.
pub struct ExportWriter<'a, W: Write> {
    format: Format,
    document: Document<'a>,
    guide: &'a Guide,
    filter: &'a ExportFilter,
    tz: &'a dyn Calendar,
    out: W,
    pending: String,
    written: usize,
}

impl<'a, W: Write> ExportWriter<'a, W> {
    /// Starts an export in `format` to `out` and writes its head. The journey's answers and
    /// wellbeing (for the readable formats) come after the entries.
    pub fn begin(
        format: Format,
        journey: Option<&'a Journey>,
        guide: &'a Guide,
        filter: &'a ExportFilter,
        tz: &'a dyn Calendar,
        now: DateTime<Utc>,
        out: W,
    ) -> io::Result<Self> {
        let journey = journey.filter(|_| format != Format::Json);
        let document = Document::build(
            Kind::Journal,
            std::iter::empty(),
            journey,
            guide,
            filter,
            tz,
            now,
        );
        let mut writer = Self {
            format,
            document,
            guide,
            filter,
            tz,
            out,
            pending: String::with_capacity(CHUNK + CHUNK / 4),
            written: 0,
        };
        match format {
            Format::Json => json::head(&mut writer.pending, now),
            Format::Markdown => markdown::head(&mut writer.pending, &writer.document),
            Format::Text => text::head(&mut writer.pending, &writer.document),
            Format::Html => html::head(&mut writer.pending, &writer.document),
        }
        Ok(writer)
    }

    /// Writes the entries the filter admits, in the order given.
    pub fn entries<'e>(
        &mut self,
        entries: impl IntoIterator<Item = &'e JournalEntry>,
    ) -> io::Result<()> {
        for entry in entries {
            if !self.filter.admits_entry(entry, self.tz) {
                continue;
            }
            let out = &mut self.pending;
            match self.format {
                Format::Json => json::entry(out, entry, self.written == 0),
                Format::Markdown => {
                    markdown::entry(out, &EntryView::of(entry, self.guide, self.tz))
                }
                Format::Text => text::entry(out, &EntryView::of(entry, self.guide, self.tz)),
                Format::Html => html::entry(out, &EntryView::of(entry, self.guide, self.tz)),
            }
            self.written += 1;
            if self.pending.len() >= CHUNK {
                self.flush_pending()?;
            }
        }
        Ok(())
    }

    /// How many entries have been written so far.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes the rest (answers and wellbeing, or JSON's closing brackets), flushes, and gives
    /// the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        let out = &mut self.pending;
        match self.format {
            Format::Json => json::tail(out, self.written),
            Format::Markdown => markdown::tail(out, &self.document, self.written),
            Format::Text => text::tail(out, &self.document, self.written),
            Format::Html => html::tail(out, &self.document, self.written),
        }
        self.flush_pending()?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Hands the pending text to the writer in its safe form: characters a terminal would obey
    /// are shown (readable formats) or escaped (JSON). Pieces end between entries, so no
    /// `\r\n` pair is split.
    fn flush_pending(&mut self) -> io::Result<()> {
        let shown = match self.format {
            Format::Json => json_escaped(&self.pending),
            _ => visible(&self.pending),
        };
        self.out.write_all(shown.as_bytes())?;
        self.pending.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, FixedOffset};
    use serde::Serialize;

    use super::*;
    use crate::content::default_guide;
    use crate::export::document::Document;

    fn start() -> DateTime<Utc> {
        "2026-03-01T08:00:00Z".parse().unwrap()
    }

    /// Enough entries to cross several pieces, with text a terminal would obey, line breaks,
    /// a step, moods, tags and a field from a newer build.
    fn entries(n: usize) -> Vec<JournalEntry> {
        (0..n)
            .map(|i| JournalEntry {
                id: format!("e{i}"),
                created: start() + Duration::minutes(i as i64 * 37),
                edited: None,
                text: format!(
                    "Entry {i}\r\nline two \u{1b}[2J \u{202e}é 💛\n{}",
                    "x".repeat(500)
                ),
                step: (i % 3 == 0).then(|| "no-contact".to_string()),
                mood: Some((i % 5) as u8 + 1),
                tags: vec!["evening".into()],
                extra: [(
                    "future".to_string(),
                    serde_json::json!({"a": [1, {"b": 2}]}),
                )]
                .into_iter()
                .collect(),
            })
            .collect()
    }

    fn streamed(format: Format, entries: &[JournalEntry], journey: Option<&Journey>) -> String {
        let guide = default_guide().unwrap();
        let filter = ExportFilter::default();
        let tz = FixedOffset::east_opt(3600).unwrap();
        let mut writer =
            ExportWriter::begin(format, journey, &guide, &filter, &tz, start(), Vec::new())
                .unwrap();
        for month in entries.chunks(700) {
            writer.entries(month).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    #[test]
    fn json_is_what_serde_prints_for_the_whole_file() {
        #[derive(Serialize)]
        struct Whole<'a> {
            format: &'static str,
            version: u32,
            exported: DateTime<Utc>,
            entries: &'a [JournalEntry],
        }
        for n in [0, 1, 2000] {
            let entries = entries(n);
            let whole = Whole {
                format: json::EXPORT_FORMAT,
                version: json::EXPORT_VERSION,
                exported: start(),
                entries: &entries,
            };
            let expected = format!(
                "{}\n",
                json_escaped(&serde_json::to_string_pretty(&whole).unwrap())
            );
            assert_eq!(
                streamed(Format::Json, &entries, None),
                expected,
                "{n} entries"
            );
        }
    }

    #[test]
    fn readable_formats_stream_to_what_the_whole_document_renders() {
        let guide = default_guide().unwrap();
        let journey = Journey::new(&guide, start());
        let filter = ExportFilter::default();
        let tz = FixedOffset::east_opt(3600).unwrap();
        for n in [0, 3, 2000] {
            let entries = entries(n);
            for format in [Format::Markdown, Format::Text, Format::Html] {
                let document = Document::build(
                    Kind::Journal,
                    &entries,
                    Some(&journey),
                    &guide,
                    &filter,
                    &tz,
                    start(),
                );
                let whole = super::super::render(format, &document);
                assert!(!whole.contains('\u{1b}'), "escapes are shown, not obeyed");
                assert_eq!(
                    streamed(format, &entries, Some(&journey)),
                    whole,
                    "{format:?} with {n} entries"
                );
            }
        }
    }
}
