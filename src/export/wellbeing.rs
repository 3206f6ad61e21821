//! The wellbeing parts of a readable export: mood check-ins, the no-contact record with its
//! slips, and urge pauses, gathered once with their times already in local time.

use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::content::{Guide, Naming};
use crate::engine::{Break, Calendar, Journey, NoContact, Now, UrgePause};

use super::filter::ExportFilter;

/// How a local time is written in every readable export.
pub(super) const WHEN: &str = "%a %Y-%m-%d %H:%M";

/// How every readable export introduces the promise written when no contact began.
pub(super) const PROMISE: &str =
    "What would have to be true to reconnect (written when no contact began)";

/// How a local date is written in every readable export.
const DAY: &str = "%a %Y-%m-%d";

/// Mood check-ins, the no-contact record and urge pauses, ready to show.
#[derive(Default)]
pub(super) struct Wellbeing<'a> {
    /// Mood check-ins within the dates, oldest first.
    pub moods: Vec<MoodView>,
    /// The no-contact count as it stands at export time, when no contact was ever started.
    pub no_contact: Option<NoContactView>,
    /// What the user wrote, when no contact began, would have to be true to reconnect; shown
    /// with the count, whatever the dates.
    pub promise: Option<&'a str>,
    /// Times no contact was broken within the dates, oldest first.
    pub slips: Vec<SlipView<'a>>,
    /// Urge pauses begun within the dates, oldest first.
    pub urges: Vec<UrgeView<'a>>,
}

/// One mood check-in.
pub(super) struct MoodView {
    /// Local date and time.
    pub when: String,
    /// The mood and its label, such as "2/5 low".
    pub mood: String,
    /// The word the user chose, on one line.
    pub word: Option<String>,
}

/// The no-contact count at export time.
pub(super) struct NoContactView {
    /// The local date it first began.
    pub started: String,
    /// The target in days.
    pub target_days: u32,
    /// Days in the current run.
    pub current_days: u32,
    /// Which day of the current run the export was made on (the first day is day 1).
    pub day: u32,
    /// True when the current run has reached the target.
    pub reached: bool,
    /// The longest run so far.
    pub longest_days: u32,
    /// Days since it first began, slips and all.
    pub total_days: u32,
    /// Every slip ever logged, whatever the dates.
    pub breaks: usize,
}

impl NoContactView {
    /// The count as labelled parts.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let current = if self.reached {
            format!("{}, target reached", days(self.current_days))
        } else {
            crate::content::words::day_of_target(self.day, self.target_days)
        };
        vec![
            ("Started", self.started.clone()),
            ("Target", days(self.target_days)),
            ("Current run", current),
            ("Longest run", days(self.longest_days)),
            (
                "In all",
                format!("{} since it began", days(self.total_days)),
            ),
            (
                "Slips",
                crate::content::words::count(self.breaks, "slip", "slips"),
            ),
        ]
    }
}

/// One time no contact was broken.
pub(super) struct SlipView<'a> {
    /// Local date and time.
    pub when: String,
    /// What happened, in words.
    pub what: String,
    /// What set it off, as written.
    pub trigger: &'a str,
    /// How it felt, such as "2/5 low".
    pub felt: Option<String>,
    /// Whether the count started again from here.
    pub resets: bool,
    /// When the user corrected it (local date and time), if they did.
    pub corrected: Option<String>,
}

impl SlipView<'_> {
    /// What happened, how it felt and the count, as labelled parts (the trigger comes apart).
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let mut facts = vec![("What happened", self.what.to_string())];
        if let Some(felt) = &self.felt {
            facts.push(("Felt", felt.clone()));
        }
        facts.push((
            "Count",
            if self.resets {
                "started again".to_string()
            } else {
                "kept going".to_string()
            },
        ));
        if let Some(corrected) = &self.corrected {
            facts.push(("Corrected on", corrected.clone()));
        }
        facts
    }
}

/// One urge pause.
pub(super) struct UrgeView<'a> {
    /// Local date and time it began.
    pub when: String,
    /// How long the pause was meant to last, in minutes.
    pub minutes: u32,
    /// How it ended, in words.
    pub outcome: &'static str,
    /// The message written instead of sent; empty when there is none.
    pub draft: &'a str,
}

impl<'a> Wellbeing<'a> {
    /// What `journey` holds within the filter's dates, with the no-contact count at `now`.
    ///
    /// None of these belong to a step, so a filter naming a step leaves them all out.
    pub fn build(
        journey: &'a Journey,
        guide: &Guide,
        filter: &ExportFilter,
        tz: &dyn Calendar,
        now: DateTime<Utc>,
    ) -> Self {
        if filter.step.is_some() {
            return Self::default();
        }
        let admits = |at: DateTime<Utc>| filter.admits_time(at, tz);
        let moods = journey
            .moods
            .iter()
            .filter(|m| admits(m.at))
            .map(|m| MoodView {
                when: local(m.at, tz),
                mood: mood(guide, m.mood),
                word: m.word.as_deref().map(one_line).filter(|w| !w.is_empty()),
            })
            .collect();
        let no_contact = journey.no_contact.as_ref();
        let naming = journey.naming();
        let slips = no_contact
            .map(|n| &n.breaks[..])
            .unwrap_or_default()
            .iter()
            .filter(|b| admits(b.at))
            .map(|b| slip(b, guide, &naming, tz))
            .collect();
        let urges = journey
            .urges
            .iter()
            .filter(|u| admits(u.started))
            .map(|u| urge(u, tz))
            .collect();
        let promise = no_contact
            .and_then(|n| n.commitment.as_deref())
            .map(str::trim)
            .filter(|words| !words.is_empty());
        Self {
            moods,
            no_contact: no_contact.map(|n| count(n, Now::new(now, tz))),
            promise,
            slips,
            urges,
        }
    }
}

fn count(no_contact: &NoContact, now: Now<'_>) -> NoContactView {
    let c = no_contact.progress(now);
    NoContactView {
        started: now
            .calendar
            .local(no_contact.started)
            .format(DAY)
            .to_string(),
        target_days: c.target_days,
        current_days: c.current_days,
        day: c.day,
        reached: c.reached,
        longest_days: c.longest_days,
        total_days: c.total_days,
        breaks: c.breaks,
    }
}

fn slip<'a>(brk: &'a Break, guide: &Guide, naming: &Naming, tz: &dyn Calendar) -> SlipView<'a> {
    SlipView {
        when: local(brk.at, tz),
        what: brk.what.describe(naming),
        trigger: brk.trigger.trim(),
        felt: brk.felt.map(|f| mood(guide, f)),
        resets: brk.resets,
        corrected: brk.corrected.map(|at| local(at, tz)),
    }
}

fn urge<'a>(pause: &'a UrgePause, tz: &dyn Calendar) -> UrgeView<'a> {
    UrgeView {
        when: local(pause.started, tz),
        minutes: pause.minutes,
        outcome: pause
            .ended
            .map_or("Not ended yet", |(_, outcome)| outcome.label()),
        draft: pause.draft.trim_end(),
    }
}

/// A mood from 1 to 5 with the guide's label for it, such as "2/5 low".
fn mood(guide: &Guide, mood: u8) -> String {
    match guide.tools.mood.label(mood) {
        "" => format!("{mood}/5"),
        label => format!("{mood}/5 {label}"),
    }
}

/// `at` in the user's zone, as every readable export writes it ([`WHEN`]). Written directly
/// rather than through `format`, which reads the pattern again for each of many entries.
pub(super) fn local(at: DateTime<Utc>, tz: &dyn Calendar) -> String {
    let t = tz.local(at);
    if !(0..=9999).contains(&t.year()) {
        return t.format(WHEN).to_string();
    }
    format!(
        "{} {:04}-{:02}-{:02} {:02}:{:02}",
        t.weekday(),
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// `text` on one line: every run of whitespace, line breaks included, becomes one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1 day", "5 days".
fn days(n: u32) -> String {
    crate::content::words::count(n, "day", "days")
}

#[cfg(test)]
mod tests {
    use super::{days, one_line};

    #[test]
    fn one_line_joins_lines() {
        assert_eq!(one_line("  saw\n our  song \n"), "saw our song");
    }

    #[test]
    fn days_are_counted_in_words() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(0), "0 days");
    }
}

#[cfg(test)]
mod when_tests {
    use chrono::{FixedOffset, TimeZone};

    use super::*;

    /// The direct writing says what the pattern says, in a zone, at the ends of the years a
    /// file can hold and beyond them.
    #[test]
    fn local_time_is_written_as_the_pattern_says() {
        let zone = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        for text in [
            "2026-03-14T23:45:00Z",
            "2024-02-29T00:00:59Z",
            "1970-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+12000-06-01T12:00:00Z",
        ] {
            let at: DateTime<Utc> = text.parse().unwrap();
            assert_eq!(
                local(at, &zone),
                Calendar::local(&zone, at).format(WHEN).to_string(),
                "{text}"
            );
        }
        let at = Utc.with_ymd_and_hms(2026, 3, 14, 23, 45, 0).unwrap();
        assert_eq!(local(at, &zone), "Sun 2026-03-15 05:15");
    }
}
