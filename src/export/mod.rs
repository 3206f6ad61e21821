//! The journal (and the answers to prompts) written out to read, print or keep, and journals
//! brought in from other tools.
//!
//! Pure functions only: the caller reads and writes files and passes in the clock and time zone.
//! Every export shows times in the zone it is given; every import stores UTC.

mod backup;
mod backup_read;
mod counsellor;
mod document;
mod filter;
mod format;
mod html;
mod import;
mod import_error;
mod import_months;
mod jrnl;
mod json;
mod markdown;
mod merge;
mod stream;
mod text;
mod tui_journal;
mod wellbeing;
mod wrap;

use std::borrow::Cow;

use crate::engine::Calendar;

use chrono::{DateTime, Utc};

use crate::content::Guide;
use crate::engine::{Journal, Journey};
use crate::visible::visible;

pub use backup::{BACKUP_FORMAT, BACKUP_VERSION, BackupWriter};
pub use backup_read::{Backup, BackupError, read_backup};
pub use counsellor::{CounsellorError, export_for_counsellor};
pub use filter::ExportFilter;
pub use format::Format;
pub use import::{ImportFormat, Imported, import, import_stream};
pub use import_error::ImportError;
pub use import_months::{
    ChangedMeanwhile, ImportTally, MonthGatherer, reread_stream, tally_stream,
};
pub use json::{EXPORT_FORMAT, EXPORT_VERSION};
pub use merge::{ImportSummary, MergePlan, MonthMerge, add_planned, merge, plan_merge};
pub use stream::ExportWriter;

/// Writes the journal entries the filter admits, oldest first, in `format`.
///
/// Times are shown in `tz`; `now` is the export time written into the file. Markdown, text and
/// HTML also carry, when a `journey` is given, the answers to reflection prompts (only the
/// filtered step's answers when the filter names a step, only answers changed within the dates
/// when it names dates), and the mood check-ins, slips and urge pauses within the dates with the
/// no-contact count as it stands at `now` (none of these belong to a step, so a filter naming a
/// step leaves them out). JSON carries entries only, in the form [`import`] reads back exactly.
pub fn export(
    format: Format,
    journal: &Journal,
    journey: Option<&Journey>,
    guide: &Guide,
    filter: &ExportFilter,
    tz: &dyn Calendar,
    now: DateTime<Utc>,
) -> String {
    let written = ExportWriter::begin(format, journey, guide, filter, tz, now, Vec::new())
        .and_then(|mut writer| {
            // A month at a time, a packed one unpacked for this alone and dropped after it.
            for key in journal.months() {
                if let Some(month) = journal.month_shared(key) {
                    writer.entries(month.entries().iter())?;
                }
            }
            writer.finish()
        })
        .unwrap_or_default();
    String::from_utf8(written).unwrap_or_default()
}

/// A whole readable document in `format` (JSON is not a readable format and gives nothing),
/// with characters a terminal would obey shown in their visible form (see [`crate::visible`]):
/// the words stay, the escapes cannot act.
fn render(format: Format, document: &document::Document) -> String {
    let mut text = String::new();
    let entries = &document.entries;
    match format {
        Format::Markdown => {
            markdown::head(&mut text, document);
            entries.iter().for_each(|e| markdown::entry(&mut text, e));
            markdown::tail(&mut text, document, entries.len());
        }
        Format::Text => {
            text::head(&mut text, document);
            entries.iter().for_each(|e| text::entry(&mut text, e));
            text::tail(&mut text, document, entries.len());
        }
        Format::Html => {
            html::head(&mut text, document);
            entries.iter().for_each(|e| html::entry(&mut text, e));
            html::tail(&mut text, document, entries.len());
        }
        Format::Json => {}
    }
    match visible(&text) {
        Cow::Owned(shown) => shown,
        Cow::Borrowed(_) => text,
    }
}
