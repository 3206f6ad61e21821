//! The urge pause: a calm cooldown before acting on the wish to message the ex, a draft that is
//! never sent, and how it ended.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Minutes a pause lasts unless the user chooses otherwise.
pub const DEFAULT_PAUSE_MINUTES: u32 = 10;

/// One urge pause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgePause {
    /// When it began.
    pub started: DateTime<Utc>,
    /// How long the cooldown lasts.
    pub minutes: u32,
    /// The message written here instead of sent.
    #[serde(default)]
    pub draft: String,
    /// When it ended, and how.
    #[serde(default)]
    pub ended: Option<(DateTime<Utc>, UrgeOutcome)>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// How an urge pause ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UrgeOutcome {
    /// The urge passed.
    Waited,
    /// The message was written here and kept.
    WroteItHere,
    /// The user contacted the ex after all.
    ContactedThem,
}

impl UrgeOutcome {
    /// Every outcome with the words shown for it.
    pub const ALL: [(UrgeOutcome, &'static str); 3] = [
        (UrgeOutcome::Waited, "I waited, and the urge passed"),
        (UrgeOutcome::WroteItHere, "I wrote it here instead"),
        (UrgeOutcome::ContactedThem, "I contacted them"),
    ];

    /// The words for this outcome.
    pub fn label(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(o, _)| *o == self)
            .map_or("", |(_, l)| l)
    }
}

impl UrgePause {
    /// A pause starting at `at`.
    pub fn new(at: DateTime<Utc>, minutes: u32) -> Self {
        Self {
            started: at,
            minutes,
            draft: String::new(),
            ended: None,
            extra: Default::default(),
        }
    }

    /// Time left in the cooldown: never negative, and never more than the whole pause even if
    /// the clock jumped back.
    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        let whole = Duration::minutes(i64::from(self.minutes));
        let passed = (now - self.started).clamp(Duration::zero(), whole);
        whole - passed
    }

    /// True once the cooldown has run out.
    pub fn cooled(&self, now: DateTime<Utc>) -> bool {
        self.remaining(now) == Duration::zero()
    }

    /// True while the pause has not been ended.
    pub fn is_open(&self) -> bool {
        self.ended.is_none()
    }
}
