//! Mood check-ins (1 to 5 and an optional word) and their trend.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::time::Now;

/// One mood check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoodCheck {
    /// When.
    pub at: DateTime<Utc>,
    /// From 1 (very low) to 5 (good).
    pub mood: u8,
    /// An optional word.
    #[serde(default)]
    pub word: Option<String>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// Which way mood has been going: the last 7 days against the 7 before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Higher on average.
    Rising,
    /// About the same.
    Steady,
    /// Lower on average.
    Falling,
    /// Not enough check-ins to say.
    Unknown,
}

impl Trend {
    /// A word for the trend.
    pub fn word(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
            Trend::Steady => "steady",
            Trend::Falling => "lower",
            Trend::Unknown => "too early to tell",
        }
    }
}

/// The average mood of each of the last `days` local days, oldest first; `None` for a day
/// without a check-in.
pub fn daily_moods(checks: &[MoodCheck], now: Now<'_>, days: u32) -> Vec<Option<f64>> {
    let today = now.today();
    (0..days)
        .rev()
        .map(|back| {
            let day = today.checked_sub_days(Days::new(u64::from(back)));
            average(
                checks
                    .iter()
                    .filter(|c| Some(now.calendar.date_of(c.at)) == day),
            )
        })
        .collect()
}

/// The trend of the last 7 local days against the 7 before them.
pub fn trend(checks: &[MoodCheck], now: Now<'_>) -> Trend {
    let today = now.today();
    let within = |from: u64, to: u64| {
        let newest = today
            .checked_sub_days(Days::new(from))
            .unwrap_or(NaiveDate::MIN);
        let oldest = today
            .checked_sub_days(Days::new(to))
            .unwrap_or(NaiveDate::MIN);
        average(checks.iter().filter(move |c| {
            let day = now.calendar.date_of(c.at);
            day > oldest && day <= newest
        }))
    };
    match (within(0, 7), within(7, 14)) {
        (Some(recent), Some(before)) if recent - before >= 0.5 => Trend::Rising,
        (Some(recent), Some(before)) if before - recent >= 0.5 => Trend::Falling,
        (Some(_), Some(_)) => Trend::Steady,
        _ => Trend::Unknown,
    }
}

fn average<'a>(checks: impl Iterator<Item = &'a MoodCheck>) -> Option<f64> {
    let (sum, count) = checks.fold((0u32, 0u32), |(s, n), c| (s + u32::from(c.mood), n + 1));
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}
