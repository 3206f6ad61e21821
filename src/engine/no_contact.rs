//! The no-contact record: when it began, its target, and every break, never erased.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::time::Now;
use crate::content::Naming;

/// The shortest target a user can set, in days.
pub const MIN_TARGET_DAYS: u32 = 7;
/// The longest target a user can set, in days.
pub const MAX_TARGET_DAYS: u32 = 90;
/// The target when the user does not choose one.
pub const DEFAULT_TARGET_DAYS: u32 = 21;
/// The longest a target can grow by extending at reviews, in days.
pub const MAX_EXTENDED_DAYS: u32 = 120;
/// Day counts worth a quiet word.
pub const MILESTONES: [u32; 8] = [1, 3, 7, 14, 21, 28, 60, 90];
/// The furthest back a start can be set, in days.
pub const MAX_BACKDATE_DAYS: u32 = 365;

/// A stretch of no contact and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoContact {
    /// When it began.
    pub started: DateTime<Utc>,
    /// Days the user aims for (7 to 90).
    pub target_days: u32,
    /// Every break, oldest first.
    #[serde(default)]
    pub breaks: Vec<Break>,
    /// What would have to be true to reconnect, written when it began.
    #[serde(default)]
    pub commitment: Option<String>,
    /// The choices made at each review, oldest first.
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// When the stretch ended because the user reached out as planned; the count stops there.
    #[serde(default)]
    pub ended: Option<DateTime<Utc>>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// A choice made when the target was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// When.
    pub at: DateTime<Utc>,
    /// The target that had been reached.
    pub target_days: u32,
    /// What the user chose.
    pub choice: ReviewChoice,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// What to do once the no-contact target is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewChoice {
    /// Go on to reaching out.
    GoOn,
    /// Take more time: the target grows by this many days.
    Extend(u32),
    /// Take the heal path.
    Heal,
}

/// A moment no contact was broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Break {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// What happened.
    pub what: BreakKind,
    /// What set it off, in the user's words.
    #[serde(default, alias = "note")]
    pub trigger: String,
    /// How it felt, 1 (very low) to 5.
    #[serde(default)]
    pub felt: Option<u8>,
    /// Whether the user chose to start the count again from here.
    pub resets: bool,
    /// When the user last corrected this slip, shown beside it; none if never corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<DateTime<Utc>>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// What kind of contact broke the stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BreakKind {
    /// Sent a message.
    Messaged,
    /// Called.
    Called,
    /// Met in person.
    Met,
    /// Looked at their social media.
    CheckedSocials,
    /// Something else.
    Other,
}

impl BreakKind {
    /// Every kind with the word used for it on the command line and in files.
    pub const ALL: [(BreakKind, &'static str); 5] = [
        (BreakKind::Messaged, "messaged"),
        (BreakKind::Called, "called"),
        (BreakKind::Met, "met"),
        (BreakKind::CheckedSocials, "checked-socials"),
        (BreakKind::Other, "other"),
    ];

    /// The kind a word names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
    }

    /// What happened, in words a user reads, naming the ex as `naming` says ("Messaged Sam",
    /// "Checked her social media"); `name` is the id for files and the command line.
    pub fn describe(self, naming: &Naming) -> String {
        naming.fill(match self {
            BreakKind::Messaged => "Messaged {ex}",
            BreakKind::Called => "Called {ex}",
            BreakKind::Met => "Met in person",
            BreakKind::CheckedSocials => "Checked {their} social media",
            BreakKind::Other => "Something else",
        })
    }

    /// The word for this kind.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("other", |(_, n)| n)
    }
}

impl NoContact {
    /// A new stretch starting at `at`.
    pub fn new(at: DateTime<Utc>, target_days: u32, commitment: Option<String>) -> Self {
        Self {
            started: at,
            target_days,
            breaks: Vec::new(),
            commitment,
            reviews: Vec::new(),
            ended: None,
            extra: Default::default(),
        }
    }

    /// The latest choice made at a review, if any.
    pub fn last_choice(&self) -> Option<ReviewChoice> {
        self.reviews.last().map(|r| r.choice)
    }

    /// True when the target is reached and no choice has been made for this target yet.
    pub fn review_due(&self, now: Now<'_>) -> bool {
        self.ended.is_none()
            && self.progress(now).reached
            && !self
                .reviews
                .iter()
                .any(|r| r.target_days == self.target_days)
    }

    /// When the current run began: the start, or the last break that reset the count.
    pub fn run_started(&self) -> DateTime<Utc> {
        self.breaks
            .iter()
            .filter(|b| b.resets)
            .map(|b| b.at)
            .fold(self.started, DateTime::max)
    }

    /// The count as it stands now.
    pub fn progress(&self, now: Now<'_>) -> Countdown {
        let now = match self.ended {
            Some(end) if end < now.at => Now::new(end, now.calendar),
            _ => now,
        };
        let run_start = self.run_started();
        let current = now.days_since(run_start);
        let target_date = now
            .calendar
            .date_of(run_start)
            .checked_add_days(chrono::Days::new(u64::from(self.target_days)))
            .unwrap_or(NaiveDate::MAX);
        Countdown {
            current_days: current,
            day: current.saturating_add(1),
            ended: self.ended.is_some(),
            target_days: self.target_days,
            remaining_days: self.target_days.saturating_sub(current),
            target_date,
            total_days: now.days_since(self.started),
            longest_days: self.longest_run(now),
            breaks: self.breaks.len(),
            reached: current >= self.target_days,
            milestone: MILESTONES.iter().rev().copied().find(|m| *m <= current),
        }
    }

    /// The longest run between resets, the current one included.
    fn longest_run(&self, now: Now<'_>) -> u32 {
        let mut starts = vec![self.started];
        let mut longest = 0;
        for reset in self.breaks.iter().filter(|b| b.resets) {
            let start = *starts.last().unwrap_or(&self.started);
            let run = now.calendar.date_of(reset.at) - now.calendar.date_of(start);
            longest = longest.max(u32::try_from(run.num_days().max(0)).unwrap_or(0));
            starts.push(reset.at);
        }
        longest.max(now.days_since(self.run_started()))
    }
}

/// The no-contact count at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    /// Whole local calendar days completed in the current run (0 on the day it began).
    pub current_days: u32,
    /// Which day of the run today is: the day it began is day 1.
    pub day: u32,
    /// True when the stretch ended because the user reached out; the count stopped then.
    pub ended: bool,
    /// The target.
    pub target_days: u32,
    /// Days left to the target (0 once reached).
    pub remaining_days: u32,
    /// The local date the current run reaches its target.
    pub target_date: NaiveDate,
    /// Days since no contact first began, breaks and all.
    pub total_days: u32,
    /// The longest run so far.
    pub longest_days: u32,
    /// How many breaks are logged.
    pub breaks: usize,
    /// True when the current run has reached the target.
    pub reached: bool,
    /// The highest milestone reached in the current run.
    pub milestone: Option<u32>,
}

impl Countdown {
    /// The count in a few words: "day 5 of 21", "21 days, target reached", or how long the
    /// stretch lasted once it ended.
    pub fn headline(&self) -> String {
        if self.ended {
            format!("ended after {}", days(self.current_days))
        } else if self.reached {
            format!("{}, target reached", days(self.current_days))
        } else {
            crate::content::words::day_of_target(self.day, self.target_days)
        }
    }

    /// Progress toward the target, from 0.0 to 1.0.
    pub fn ratio(&self) -> f64 {
        if self.target_days == 0 {
            return 1.0;
        }
        (f64::from(self.current_days) / f64::from(self.target_days)).min(1.0)
    }
}

/// "1 day", "3 days".
fn days(n: u32) -> String {
    crate::content::words::count(n, "day", "days")
}
