//! Where each step stands, and why a locked step is locked: gates evaluated against the journey.

use chrono::NaiveDate;

use crate::content::{Guide, Step};

use super::journey::Journey;
use super::time::Now;

/// The id of the check that `safety = "clear"` gates refer to.
pub const SAFETY_CHECK: &str = "safety";

/// Where a step stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepStatus {
    /// Not open yet; every reason is listed.
    Locked(Vec<LockReason>),
    /// Open and untouched.
    Available,
    /// Open and begun.
    InProgress,
    /// Marked done.
    Done,
}

impl StepStatus {
    /// True when the user may work on the step.
    pub fn is_open(&self) -> bool {
        !matches!(self, StepStatus::Locked(_))
    }

    /// A one-word label for lists and `status`.
    pub fn label(&self) -> &'static str {
        match self {
            StepStatus::Locked(_) => "locked",
            StepStatus::Available => "open",
            StepStatus::InProgress => "in progress",
            StepStatus::Done => "done",
        }
    }
}

/// One reason a step is not open yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockReason {
    /// An earlier step must be marked done.
    WaitingFor {
        /// The step's title.
        title: String,
    },
    /// No contact has not been started.
    NoContactNotStarted {
        /// Days the gate asks for.
        needed: u32,
    },
    /// The current no-contact run is not long enough yet.
    NoContactDays {
        /// Days the gate asks for.
        needed: u32,
        /// Days so far.
        have: u32,
        /// The local date it opens if the run continues.
        opens_on: NaiveDate,
    },
    /// A checklist is not fully ticked.
    Checklist {
        /// The checklist's title.
        title: String,
        /// Items ticked.
        ticked: usize,
        /// Items in all.
        total: usize,
    },
    /// The safety check has not been taken.
    SafetyNotTaken,
    /// The safety check raised a concern.
    SafetyConcern {
        /// The pack's kind explanation for the answer given.
        reason: String,
    },
}

impl LockReason {
    /// The reason in plain words, e.g. "opens in 5 days, on Tue 1 Dec, when no contact reaches 14 days".
    pub fn describe(&self) -> String {
        match self {
            LockReason::WaitingFor { title } => format!("opens when \"{title}\" is done"),
            LockReason::NoContactNotStarted { needed } => {
                format!("opens after {needed} days of no contact, which has not started yet")
            }
            LockReason::NoContactDays {
                needed,
                have,
                opens_on,
            } => {
                let left = needed.saturating_sub(*have);
                format!(
                    "opens in {left} day{}, on {}, when no contact reaches {needed} days",
                    if left == 1 { "" } else { "s" },
                    opens_on.format("%a %-d %b")
                )
            }
            LockReason::Checklist {
                title,
                ticked,
                total,
            } => format!("opens when \"{title}\" is all ticked ({ticked} of {total} so far)"),
            LockReason::SafetyNotTaken => "opens after the safety check".to_string(),
            LockReason::SafetyConcern { reason } => reason.clone(),
        }
    }
}

/// The status of `step` for this journey at `now`.
pub fn step_status(guide: &Guide, journey: &Journey, step: &Step, now: Now<'_>) -> StepStatus {
    let progress = journey.steps.get(&step.id);
    if progress.is_some_and(|p| p.done.is_some()) {
        return StepStatus::Done;
    }
    let reasons = lock_reasons(guide, journey, step, now);
    if !reasons.is_empty() {
        return StepStatus::Locked(reasons);
    }
    let begun = progress.is_some_and(|p| p.started.is_some() || !p.answers.is_empty());
    if begun {
        StepStatus::InProgress
    } else {
        StepStatus::Available
    }
}

/// Every unmet condition of the step's gate; empty when it is open.
pub fn lock_reasons(
    guide: &Guide,
    journey: &Journey,
    step: &Step,
    now: Now<'_>,
) -> Vec<LockReason> {
    let gate = &step.gate;
    let mut reasons = Vec::new();
    for id in &gate.after {
        if journey.steps.get(id).is_none_or(|p| p.done.is_none()) {
            let title = guide.step(id).map_or(id.clone(), |s| s.title.clone());
            reasons.push(LockReason::WaitingFor { title });
        }
    }
    if let Some(needed) = gate.no_contact_days {
        match &journey.no_contact {
            None => reasons.push(LockReason::NoContactNotStarted { needed }),
            Some(record) => {
                let have = now.days_since(record.run_started());
                if have < needed {
                    let start = now.calendar.date_of(record.run_started());
                    let opens_on = start
                        .checked_add_days(chrono::Days::new(u64::from(needed)))
                        .unwrap_or(NaiveDate::MAX);
                    reasons.push(LockReason::NoContactDays {
                        needed,
                        have,
                        opens_on,
                    });
                }
            }
        }
    }
    if let Some(list_id) = &gate.checklist_done
        && let Some(list) = guide.checklist(list_id)
    {
        let ids = list.entry_ids();
        let ticked = ids.iter().filter(|i| journey.is_ticked(list_id, i)).count();
        if ticked < ids.len() {
            reasons.push(LockReason::Checklist {
                title: list.title.clone(),
                ticked,
                total: ids.len(),
            });
        }
    }
    if gate.safety_clear {
        reasons.extend(safety_reasons(guide, journey));
    }
    reasons
}

/// Why the safety check does not count as clear; empty when it does.
pub fn safety_reasons(guide: &Guide, journey: &Journey) -> Vec<LockReason> {
    let Some(check) = guide.check(SAFETY_CHECK) else {
        return Vec::new();
    };
    let Some(record) = journey.checks.get(SAFETY_CHECK) else {
        return vec![LockReason::SafetyNotTaken];
    };
    let concerns: Vec<LockReason> = check
        .questions
        .iter()
        .filter(|q| record.answers.get(&q.id).is_some_and(|a| q.is_concern(*a)))
        .map(|q| LockReason::SafetyConcern {
            reason: q.reason.clone(),
        })
        .collect();
    let unanswered = check
        .questions
        .iter()
        .any(|q| !record.answers.contains_key(&q.id));
    if concerns.is_empty() && unanswered {
        vec![LockReason::SafetyNotTaken]
    } else {
        concerns
    }
}

/// What the user might do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Next<'g> {
    /// Work on this step.
    Step(&'g Step),
    /// Every open step is done, but this one is still locked.
    Waiting(&'g Step, Vec<LockReason>),
    /// Every step of the path is done.
    PathDone,
}

/// The first thing to do on the journey's path: the first open step not done, else the first
/// locked one with its reasons.
pub fn next_step<'g>(guide: &'g Guide, journey: &Journey, now: Now<'_>) -> Next<'g> {
    let Some(path) = guide.path(&journey.path) else {
        return Next::PathDone;
    };
    let mut first_locked = None;
    for step in guide.steps_of(path) {
        match step_status(guide, journey, step, now) {
            StepStatus::Done => {}
            StepStatus::Locked(reasons) => {
                first_locked.get_or_insert((step, reasons));
            }
            StepStatus::Available | StepStatus::InProgress => return Next::Step(step),
        }
    }
    match first_locked {
        Some((step, reasons)) => Next::Waiting(step, reasons),
        None => Next::PathDone,
    }
}
