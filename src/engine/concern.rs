//! What keeps contact steps closed whatever else happens: a concern in any check, a concern
//! withdrawn too recently, and {ex} having asked the user to stop. Answers keep their history.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{Answer, Check, Guide};

use super::journey::Journey;
use super::response::Response;
use super::time::Now;

/// One taking of a check, kept for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckTaken {
    /// The check id.
    pub check: String,
    /// When.
    pub taken: DateTime<Utc>,
    /// Answer per question id.
    pub answers: BTreeMap<String, Answer>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// Concerns the user took back when retaking a check, with what they wrote about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    /// The check id.
    pub check: String,
    /// The questions whose concern was withdrawn.
    pub questions: Vec<String>,
    /// When.
    pub at: DateTime<Utc>,
    /// The user's written reflection.
    pub reflection: String,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// The questions of `check` whose answer in `answers` raises a concern.
pub fn concerns_in<'c>(
    check: &'c Check,
    answers: &BTreeMap<String, Answer>,
) -> Vec<&'c crate::content::Question> {
    check
        .questions
        .iter()
        .filter(|q| answers.get(&q.id).is_some_and(|a| q.is_concern(*a)))
        .collect()
}

/// Questions whose concern `new` takes back from the answers last given.
pub fn withdrawn(journey: &Journey, check: &Check, new: &BTreeMap<String, Answer>) -> Vec<String> {
    let Some(before) = journey.checks.get(&check.id) else {
        return Vec::new();
    };
    check
        .questions
        .iter()
        .filter(|q| before.answers.get(&q.id).is_some_and(|a| q.is_concern(*a)))
        .filter(|q| new.get(&q.id).is_some_and(|a| !q.is_concern(*a)))
        .map(|q| q.id.clone())
        .collect()
}

/// Why contact steps are closed now, most serious first; empty when nothing protective holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protection {
    /// {ex} asked the user to stop.
    AskedToStop {
        /// When the user noted it.
        on: NaiveDate,
    },
    /// A check holds a concern.
    Concern {
        /// The check id.
        check: String,
        /// The pack's reason for that answer.
        reason: String,
    },
    /// A concern was withdrawn; contact stays closed until the cooling period ends.
    Cooling {
        /// The local date the concern was withdrawn.
        withdrawn_on: NaiveDate,
        /// The first local date contact steps may open again.
        until: NaiveDate,
    },
}

/// Everything that keeps contact steps closed at `now`: a stop first, then concerns (the
/// safety check's before others), then a cooling period.
pub fn protections(guide: &Guide, journey: &Journey, now: Now<'_>) -> Vec<Protection> {
    let mut out = Vec::new();
    if let Some(stop) = journey
        .responses
        .iter()
        .find(|r| r.response == Response::AskedToStop)
    {
        out.push(Protection::AskedToStop {
            on: now.calendar.date_of(stop.at),
        });
    }
    let mut checks: Vec<&Check> = guide.checks.iter().collect();
    checks.sort_by_key(|c| c.id != super::status::SAFETY_CHECK);
    for check in checks {
        if let Some(record) = journey.checks.get(&check.id) {
            out.extend(concerns_in(check, &record.answers).into_iter().map(|q| {
                Protection::Concern {
                    check: check.id.clone(),
                    reason: q.reason.clone(),
                }
            }));
        }
    }
    if let Some(cooling) = cooling(guide, journey, now) {
        out.push(cooling);
    }
    out
}

/// The cooling period after the latest withdrawn concern, if it has not ended.
fn cooling(guide: &Guide, journey: &Journey, now: Now<'_>) -> Option<Protection> {
    journey
        .withdrawals
        .iter()
        .filter_map(|w| {
            let days = guide.check(&w.check)?.cooling_days;
            let withdrawn_on = now.calendar.date_of(w.at);
            let until = withdrawn_on.checked_add_days(chrono::Days::new(u64::from(days)))?;
            (days > 0 && now.today() < until).then_some(Protection::Cooling {
                withdrawn_on,
                until,
            })
        })
        .max_by_key(|p| match p {
            Protection::Cooling { until, .. } => *until,
            _ => NaiveDate::MIN,
        })
}

/// The latest withdrawal, for status and the review to mention.
pub fn last_withdrawal(journey: &Journey) -> Option<&Withdrawal> {
    journey.withdrawals.last()
}
