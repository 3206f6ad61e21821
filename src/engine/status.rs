//! Where each step stands, and why a locked step is locked: gates evaluated against the journey.

use chrono::NaiveDate;

use crate::content::words::count;
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
    /// {ex} asked the user to stop: contact steps are closed for good.
    AskedToStop,
    /// A check raised a concern.
    Concern {
        /// The check id.
        check: String,
        /// The pack's kind explanation for the answer given, a whole sentence.
        reason: String,
    },
    /// A concern was withdrawn; contact steps stay closed for the pack's cooling period.
    Cooling {
        /// When the concern was withdrawn.
        withdrawn_on: NaiveDate,
        /// The first day contact steps may open again.
        until: NaiveDate,
    },
    /// The safety check has not been taken.
    SafetyNotTaken,
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
    /// The no-contact review has not chosen "go on".
    Review(ReviewWait),
    /// No warm reply has been noted.
    NoWarmReply,
    /// A checklist is not fully ticked.
    Checklist {
        /// The checklist's title.
        title: String,
        /// Items ticked.
        ticked: usize,
        /// Items in all.
        total: usize,
    },
}

/// Where the user stands on the way to the no-contact review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewWait {
    /// No contact has not begun.
    NotStarted,
    /// The target is not reached yet.
    Running {
        /// The user's target.
        target: u32,
        /// The local date it is reached if the run continues.
        on: NaiveDate,
    },
    /// The target is reached and the review is waiting.
    Due,
    /// The review chose to take more time or the heal path.
    ChoseOtherwise,
}

/// Why no contact comes before reaching out, said wherever reaching out is locked by it.
const TIME_IS_FOR: &str =
    "The days of no contact are for getting steady in yourself, not a strategy to win {ex} back.";

impl LockReason {
    /// The reason as a whole sentence, with placeholders such as `{ex}` left for the caller to
    /// fill.
    pub fn describe(&self) -> String {
        match self {
            LockReason::AskedToStop => "{Ex} asked you to stop contacting {them}, so every \
                contact step is closed for good. Respecting that is the caring thing to do now, \
                for {them} and for you."
                .to_string(),
            LockReason::Concern { reason, .. } => sentence(reason),
            LockReason::Cooling {
                withdrawn_on,
                until,
            } => format!(
                "You took back a concern on {}. Contact steps stay closed until at least {} so \
                 that the change has time to settle; what you shared before still matters.",
                withdrawn_on.format("%a %-d %b"),
                until.format("%a %-d %b")
            ),
            LockReason::SafetyNotTaken => {
                "Opens after the safety check, a few gentle questions.".to_string()
            }
            LockReason::WaitingFor { title } => format!("Opens when \"{title}\" is done."),
            LockReason::NoContactNotStarted { needed } => format!(
                "Opens after {} of no contact, which has not started yet. {TIME_IS_FOR}",
                count(*needed, "day", "days")
            ),
            LockReason::NoContactDays {
                needed,
                have,
                opens_on,
            } => {
                let left = needed.saturating_sub(*have);
                format!(
                    "Opens in {}, on {}, when no contact reaches {}. {TIME_IS_FOR}",
                    count(left, "day", "days"),
                    opens_on.format("%a %-d %b"),
                    count(*needed, "day", "days")
                )
            }
            LockReason::Review(wait) => match wait {
                ReviewWait::NotStarted => format!(
                    "Opens after your no-contact review: start no contact with a target you \
                     choose, and when you reach it, look back and decide. {TIME_IS_FOR}"
                ),
                ReviewWait::Running { target, on } => format!(
                    "Opens after your no-contact review, which comes when your {target}-day \
                     target is reached (on {}) and only if you then choose to go on. \
                     {TIME_IS_FOR}",
                    on.format("%a %-d %b")
                ),
                ReviewWait::Due => "Opens after your no-contact review: you reached your \
                    target, so look back at what you wrote and choose what comes next."
                    .to_string(),
                ReviewWait::ChoseOtherwise => "Opens only if you choose to go on at a \
                    no-contact review; at your last one you chose otherwise, and that choice \
                    stands."
                    .to_string(),
            },
            LockReason::NoWarmReply => "Opens when {ex} has answered your message warmly and \
                you have noted it under \"How did {ex} respond?\"."
                .to_string(),
            LockReason::Checklist {
                title,
                ticked,
                total,
            } => format!(
                "Opens when every item of \"{title}\" is ticked ({ticked} of {total} so far)."
            ),
        }
    }

    /// True for the reasons that protect someone: a stop, a concern, a cooling period.
    pub fn is_protective(&self) -> bool {
        matches!(
            self,
            LockReason::AskedToStop | LockReason::Concern { .. } | LockReason::Cooling { .. }
        )
    }
}

/// `text` with a capital first letter and a closing full stop.
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
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

/// Every unmet condition of the step's gate, a safety reason first; empty when it is open.
///
/// When something protective holds (a stop, a concern, a cooling period) only those reasons are
/// given: the other conditions would read as a way to contact that is not there.
pub fn lock_reasons(
    guide: &Guide,
    journey: &Journey,
    step: &Step,
    now: Now<'_>,
) -> Vec<LockReason> {
    let gate = &step.gate;
    if gate.safety_clear {
        let protective = contact_closed(guide, journey, now);
        if !protective.is_empty() {
            return protective;
        }
    }
    let mut reasons = Vec::new();
    if gate.safety_clear {
        reasons.extend(safety_reasons(guide, journey));
    }
    for id in &gate.after {
        if journey.steps.get(id).is_none_or(|p| p.done.is_none()) {
            let title = guide.step(id).map_or(id.clone(), |s| s.title.clone());
            reasons.push(LockReason::WaitingFor { title });
        }
    }
    if let Some(needed) = gate.no_contact_days {
        reasons.extend(days_reason(journey, needed, now));
    }
    if gate.review_go_on {
        reasons.extend(review_reason(journey, now));
    }
    if gate.reply_warm
        && journey.responses.last().map(|r| r.response) != Some(super::Response::Warm)
    {
        reasons.push(LockReason::NoWarmReply);
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
    reasons
}

fn days_reason(journey: &Journey, needed: u32, now: Now<'_>) -> Option<LockReason> {
    let Some(record) = &journey.no_contact else {
        return Some(LockReason::NoContactNotStarted { needed });
    };
    let have = record.progress(now).current_days;
    (have < needed).then(|| {
        let start = now.calendar.date_of(record.run_started());
        let opens_on = start
            .checked_add_days(chrono::Days::new(u64::from(needed)))
            .unwrap_or(NaiveDate::MAX);
        LockReason::NoContactDays {
            needed,
            have,
            opens_on,
        }
    })
}

/// Why the review's "go on" has not been given; none when it has (this stretch or an earlier one).
fn review_reason(journey: &Journey, now: Now<'_>) -> Option<LockReason> {
    let went_on = |n: &super::NoContact| n.last_choice() == Some(super::ReviewChoice::GoOn);
    if journey.past_no_contact.iter().any(went_on) {
        return None;
    }
    let Some(record) = &journey.no_contact else {
        return Some(LockReason::Review(ReviewWait::NotStarted));
    };
    if went_on(record) {
        return None;
    }
    let count = record.progress(now);
    let wait = if !count.reached {
        ReviewWait::Running {
            target: count.target_days,
            on: count.target_date,
        }
    } else if record.review_due(now) {
        ReviewWait::Due
    } else {
        ReviewWait::ChoseOtherwise
    };
    Some(LockReason::Review(wait))
}

/// What keeps every contact step closed now, most serious first; empty when nothing does.
pub fn contact_closed(guide: &Guide, journey: &Journey, now: Now<'_>) -> Vec<LockReason> {
    super::concern::protections(guide, journey, now)
        .into_iter()
        .map(|p| match p {
            super::concern::Protection::AskedToStop { .. } => LockReason::AskedToStop,
            super::concern::Protection::Concern { check, reason } => {
                LockReason::Concern { check, reason }
            }
            super::concern::Protection::Cooling {
                withdrawn_on,
                until,
            } => LockReason::Cooling {
                withdrawn_on,
                until,
            },
        })
        .collect()
}

/// Whether the safety check still needs answers; concerns are in [`contact_closed`].
pub fn safety_reasons(guide: &Guide, journey: &Journey) -> Vec<LockReason> {
    let Some(check) = guide.check(SAFETY_CHECK) else {
        return Vec::new();
    };
    let answered = journey.checks.get(SAFETY_CHECK).is_some_and(|r| {
        check
            .questions
            .iter()
            .all(|q| r.answers.contains_key(&q.id))
    });
    if answered {
        Vec::new()
    } else {
        vec![LockReason::SafetyNotTaken]
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
