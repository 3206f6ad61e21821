//! Applying a check's answers (history kept, a withdrawn concern needs a reflection) and a noted
//! response to the user's message ("no reply" waits, "asked me to stop" is final).

use crate::content::Guide;

use super::apply::{EngineError, Outcome};
use super::contact_log::ContactBy;
use super::journey::{CheckRecord, Journey};
use super::status::SAFETY_CHECK;
use super::time::Now;

/// Records a check's answers, keeping the history; a withdrawn concern needs a reflection.
pub(super) fn answer_check(
    journey: &mut Journey,
    guide: &Guide,
    check: String,
    answers: std::collections::BTreeMap<String, crate::content::Answer>,
    reflection: Option<String>,
    now: Now<'_>,
    outcome: &mut Outcome,
) -> Result<(), EngineError> {
    let def = guide
        .check(&check)
        .ok_or_else(|| EngineError::UnknownCheck(check.clone()))?;
    if let Some(q) = def.questions.iter().find(|q| !answers.contains_key(&q.id)) {
        return Err(EngineError::BadCheckAnswers {
            check,
            problem: format!("question `{}` is not answered", q.id),
        });
    }
    if let Some(extra) = answers
        .keys()
        .find(|a| !def.questions.iter().any(|q| &q.id == *a))
    {
        return Err(EngineError::BadCheckAnswers {
            check,
            problem: format!("there is no question `{extra}`"),
        });
    }
    let withdrawn = super::concern::withdrawn(journey, def, &answers);
    if !withdrawn.is_empty() {
        let reflection = reflection
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .ok_or_else(|| EngineError::ReflectionNeeded {
                questions: withdrawn.clone(),
            })?;
        journey.withdrawals.push(super::concern::Withdrawal {
            check: check.clone(),
            questions: withdrawn,
            at: now.at,
            reflection,
            extra: Default::default(),
        });
    }
    let concern = !super::concern::concerns_in(def, &answers).is_empty();
    if concern && journey.path != def.route {
        journey.path = def.route.clone();
        outcome.routed_to = Some(def.route.clone());
    }
    journey.check_history.push(super::concern::CheckTaken {
        check: check.clone(),
        taken: now.at,
        answers: answers.clone(),
        extra: Default::default(),
    });
    journey.checks.insert(
        check,
        CheckRecord {
            taken: now.at,
            answers,
            extra: Default::default(),
        },
    );
    Ok(())
}

/// Notes how {ex} responded; "no reply" waits for the pack's time, "asked me to stop" takes the
/// heal path and closes contact steps for good.
pub(super) fn record_response(
    journey: &mut Journey,
    guide: &Guide,
    response: super::Response,
    now: Now<'_>,
    outcome: &mut Outcome,
) -> Result<(), EngineError> {
    let last_sent = last_message(journey, guide).ok_or(EngineError::NothingSent)?;
    if response == super::Response::NoReply {
        let wait = guide.tools.response.wait_days;
        let since = now.days_since(last_sent);
        if since < wait {
            return Err(EngineError::TooSoonForSilence {
                wait,
                left: wait - since,
            });
        }
    }
    if response == super::Response::AskedToStop {
        let heal = guide
            .check(SAFETY_CHECK)
            .map(|c| c.route.clone())
            .filter(|route| guide.path(route).is_some());
        if let Some(heal) = heal.filter(|h| *h != journey.path) {
            outcome.routed_to = Some(heal.clone());
            journey.path = heal;
        }
    }
    journey.responses.push(super::ResponseRecord {
        at: now.at,
        response,
        extra: Default::default(),
    });
    Ok(())
}

/// When the user last reached out: reaching out marked done, or a logged message of theirs.
pub fn last_message(journey: &Journey, guide: &Guide) -> Option<chrono::DateTime<chrono::Utc>> {
    let reached_out = guide
        .steps
        .iter()
        .filter(|s| s.gate.review_go_on)
        .filter_map(|s| journey.steps.get(&s.id).and_then(|p| p.done));
    let logged = journey
        .contacts
        .iter()
        .filter(|c| c.by == ContactBy::Me)
        .map(|c| c.at);
    reached_out.chain(logged).max()
}
