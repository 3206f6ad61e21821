//! Correcting and removing what was logged by mistake: slips of the running no-contact record and
//! entries of the contact log. A correction keeps the entry's time and notes when it was made.

use super::apply::{EngineError, Outcome};
use super::contact_log::ContactBy;
use super::journey::Journey;
use super::no_contact::BreakKind;
use super::time::Now;

/// A slip as the user corrected it.
pub(super) struct BreakFix {
    /// What happened.
    pub what: BreakKind,
    /// What set it off.
    pub trigger: String,
    /// How it felt.
    pub felt: Option<u8>,
    /// Whether the count starts again from it.
    pub resets: bool,
}

/// A contact as the user corrected it.
pub(super) struct ContactFix {
    /// Who reached out.
    pub by: ContactBy,
    /// Whether the ex replied.
    pub replied: bool,
    /// How it went.
    pub went: String,
    /// How it felt.
    pub felt: Option<u8>,
}

/// Corrects slip `index`; a correction that changes nothing leaves it (and its note) alone.
pub(super) fn edit_break(
    journey: &mut Journey,
    index: usize,
    fix: BreakFix,
    now: Now<'_>,
    outcome: &mut Outcome,
) -> Result<(), EngineError> {
    let record = journey
        .no_contact
        .as_mut()
        .ok_or(EngineError::NoContactNotStarted)?;
    let slip = record
        .breaks
        .get_mut(index)
        .ok_or(EngineError::UnknownSlip(index))?;
    let same = slip.what == fix.what
        && slip.trigger == fix.trigger
        && slip.felt == fix.felt
        && slip.resets == fix.resets;
    if same {
        outcome.journey_changed = false;
        return Ok(());
    }
    slip.what = fix.what;
    slip.trigger = fix.trigger;
    slip.felt = fix.felt;
    slip.resets = fix.resets;
    slip.corrected = Some(now.at);
    Ok(())
}

/// Removes slip `index` from the running record.
pub(super) fn delete_break(journey: &mut Journey, index: usize) -> Result<(), EngineError> {
    let record = journey
        .no_contact
        .as_mut()
        .ok_or(EngineError::NoContactNotStarted)?;
    if index >= record.breaks.len() {
        return Err(EngineError::UnknownSlip(index));
    }
    record.breaks.remove(index);
    Ok(())
}

/// Corrects contact `index`; a correction that changes nothing leaves it alone.
pub(super) fn edit_contact(
    journey: &mut Journey,
    index: usize,
    fix: ContactFix,
    now: Now<'_>,
    outcome: &mut Outcome,
) -> Result<(), EngineError> {
    let contact = journey
        .contacts
        .get_mut(index)
        .ok_or(EngineError::UnknownContact(index))?;
    let replied = fix.by == ContactBy::Them || fix.replied;
    let same = contact.by == fix.by
        && contact.replied == replied
        && contact.went == fix.went
        && contact.felt == fix.felt;
    if same {
        outcome.journey_changed = false;
        return Ok(());
    }
    contact.by = fix.by;
    contact.replied = replied;
    contact.went = fix.went;
    contact.felt = fix.felt;
    contact.corrected = Some(now.at);
    Ok(())
}

/// Removes contact `index` from the log.
pub(super) fn delete_contact(journey: &mut Journey, index: usize) -> Result<(), EngineError> {
    if index >= journey.contacts.len() {
        return Err(EngineError::UnknownContact(index));
    }
    journey.contacts.remove(index);
    Ok(())
}
