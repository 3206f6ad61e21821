//! The export for a counsellor: the entries the user chooses, their answers, mood check-ins and
//! slips, in one file under a short header saying what it is.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::content::Guide;
use crate::engine::{Calendar, Journal, Journey};

use super::document::{Document, Kind};
use super::filter::ExportFilter;
use super::format::Format;

/// Why the export for a counsellor could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CounsellorError {
    /// Only Markdown and HTML are offered: they read well and print well.
    #[error("the export for a counsellor is written as md or html, not {0}")]
    Format(Format),
    /// A chosen entry id is not in the journal.
    #[error("there is no journal entry `{0}`")]
    UnknownEntry(String),
}

/// Writes the pages to share with a counsellor, in Markdown or HTML.
///
/// With `entry_ids`, exactly those entries are included (oldest first, each once), whatever the
/// filter says; an id not in the journal is an error naming it. Without, the entries the filter
/// admits are included. The answers, mood check-ins, slips and no-contact count follow the filter
/// as in [`super::export`]. Urge pauses are left out: their drafts were written to the ex and stay
/// private. Times are shown in `tz`; `now` is the export time.
#[allow(clippy::too_many_arguments)]
pub fn export_for_counsellor(
    format: Format,
    journal: &Journal,
    journey: &Journey,
    guide: &Guide,
    entry_ids: Option<&[String]>,
    filter: &ExportFilter,
    tz: &dyn Calendar,
    now: DateTime<Utc>,
) -> Result<String, CounsellorError> {
    if !matches!(format, Format::Markdown | Format::Html) {
        return Err(CounsellorError::Format(format));
    }
    let entries: Vec<_> = match entry_ids {
        None => journal
            .iter()
            .filter(|e| filter.admits_entry(e, tz))
            .collect(),
        Some(ids) => {
            if let Some(unknown) = ids.iter().find(|id| journal.get(id).is_none()) {
                return Err(CounsellorError::UnknownEntry(unknown.clone()));
            }
            let chosen: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
            journal
                .iter()
                .filter(|e| chosen.contains(e.id.as_str()))
                .collect()
        }
    };
    let document = Document::build(
        Kind::Counsellor,
        entries,
        Some(journey),
        guide,
        filter,
        tz,
        now,
    );
    Ok(super::render(format, &document))
}
