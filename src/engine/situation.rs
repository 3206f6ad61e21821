//! The situation profile applied: which of a step's extra words fit the user's situation.

use crate::content::{Situation, Step};

use super::journey::Journey;

/// The step's extra words for the user's situation, in pack order.
pub fn situations<'s>(journey: &Journey, step: &'s Step) -> Vec<&'s Situation> {
    step.situations
        .iter()
        .filter(|s| {
            s.when
                .holds(journey.profile.get(&s.when.field).map(String::as_str))
        })
        .collect()
}
