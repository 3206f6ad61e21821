//! Which entries and answers an export includes.

use crate::engine::Calendar;
use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::JournalEntry;

/// Limits an export to a range of local dates and, optionally, one step.
///
/// Both dates are inclusive and read in the user's local calendar; an unset bound is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// The first local date to include.
    pub since: Option<NaiveDate>,
    /// The last local date to include.
    pub until: Option<NaiveDate>,
    /// Only entries (and answers) of this step id.
    pub step: Option<String>,
}

impl ExportFilter {
    /// True when the filter lets everything through.
    pub fn is_open(&self) -> bool {
        *self == Self::default()
    }

    /// True when the local date of `at` lies within `since..=until`.
    pub fn admits_time(&self, at: DateTime<Utc>, tz: &dyn Calendar) -> bool {
        self.admits_date(tz.date_of(at))
    }

    /// True when `date` lies within `since..=until`.
    pub fn admits_date(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|since| date >= since) && self.until.is_none_or(|until| date <= until)
    }

    /// True when `step` is the filtered step, or no step is filtered.
    pub fn admits_step(&self, step: Option<&str>) -> bool {
        self.step
            .as_deref()
            .is_none_or(|wanted| step == Some(wanted))
    }

    /// True when the entry falls within the dates and belongs to the filtered step.
    pub fn admits_entry(&self, entry: &JournalEntry, tz: &dyn Calendar) -> bool {
        self.admits_step(entry.step.as_deref()) && self.admits_time(entry.created, tz)
    }
}
