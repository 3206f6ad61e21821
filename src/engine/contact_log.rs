//! The contact log of the contact steps: who reached out, how it went, how it felt, and a gentle
//! note when the user keeps reaching out without a reply.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Who reached out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactBy {
    /// The user.
    Me,
    /// The ex.
    Them,
}

/// One contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// When.
    pub at: DateTime<Utc>,
    /// Who reached out.
    pub by: ContactBy,
    /// For the user's own messages: whether the ex replied.
    pub replied: bool,
    /// How it went, in the user's words.
    #[serde(default)]
    pub went: String,
    /// How it felt, 1 to 5.
    #[serde(default)]
    pub felt: Option<u8>,
    /// When the user last corrected this entry, shown beside it; none if never corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<DateTime<Utc>>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// How many of the user's latest contacts in a row went unanswered.
pub fn unanswered_in_a_row(contacts: &[Contact]) -> usize {
    contacts
        .iter()
        .rev()
        .take_while(|c| c.by == ContactBy::Me && !c.replied)
        .count()
}
