//! The clock, passed in: an instant plus the user's calendar, so tests can fix both.

use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// The years an instant is shown in a time zone: those a valid file can hold. Outside them (a
/// damaged file) the instant is shown in UTC: zone rules are not safe to consult there, and the
/// local time may not fit the calendar at all.
pub const ZONED_YEARS: RangeInclusive<i32> = super::validate::YEARS;

/// Turns an instant into the user's local calendar date. Never panics, whatever the instant.
pub trait Calendar {
    /// The local date at `at`.
    fn date_of(&self, at: DateTime<Utc>) -> NaiveDate;
    /// The local date and time at `at`, for display.
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime;
}

impl<T: TimeZone> Calendar for T {
    fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let utc = at.naive_utc();
        if !ZONED_YEARS.contains(&utc.year()) {
            return utc;
        }
        let offset = self.offset_from_utc_datetime(&utc).fix();
        utc.checked_add_offset(offset).unwrap_or(utc)
    }
}

/// The moment the engine works at.
#[derive(Clone, Copy)]
pub struct Now<'a> {
    /// The instant.
    pub at: DateTime<Utc>,
    /// The user's calendar, for counting days.
    pub calendar: &'a dyn Calendar,
}

impl<'a> Now<'a> {
    /// A fixed moment in a given calendar (tests, and the CLI with a real clock).
    pub fn new(at: DateTime<Utc>, calendar: &'a dyn Calendar) -> Self {
        Self { at, calendar }
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.calendar.date_of(self.at)
    }

    /// Whole local calendar days from `from` to now; 0 when the clock reads earlier than `from`.
    pub fn days_since(&self, from: DateTime<Utc>) -> u32 {
        let days = (self.today() - self.calendar.date_of(from)).num_days();
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }
}

impl Now<'static> {
    /// The system clock in the machine's time zone.
    pub fn system() -> Self {
        Self {
            at: Utc::now(),
            calendar: &Local,
        }
    }
}

impl std::fmt::Debug for Now<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Now({})", self.at)
    }
}
