//! Text being typed, kept in its own small file (`drafts.json`) so that typing never rewrites
//! progress, and a crash or a closed window loses at most the last half second.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::journal::Extra;

/// The schema version written into `drafts.json`.
pub const DRAFTS_SCHEMA: u32 = 1;

/// Unsaved text of a field, kept across quits and crashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The text so far.
    pub text: String,
    /// When it was typed.
    pub updated: DateTime<Utc>,
}

/// Every draft, per field key (e.g. `prompt:space:why`, `entry-new`), as `drafts.json` holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    /// Schema version of this file.
    pub schema: u32,
    /// Draft per field key.
    #[serde(default)]
    pub texts: BTreeMap<String, Draft>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Drafts {
    fn default() -> Self {
        Self {
            schema: DRAFTS_SCHEMA,
            texts: BTreeMap::new(),
            extra: Extra::new(),
        }
    }
}

impl Drafts {
    /// The draft kept for `key`.
    pub fn get(&self, key: &str) -> Option<&Draft> {
        self.texts.get(key)
    }

    /// True when a draft is kept for `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    /// True when no draft is kept.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Takes in drafts from a journey file written before drafts had a file of their own;
    /// a draft already kept here is newer and stays. True when anything was taken in.
    pub fn adopt(&mut self, older: BTreeMap<String, Draft>) -> bool {
        let mut adopted = false;
        for (key, draft) in older {
            if let std::collections::btree_map::Entry::Vacant(slot) = self.texts.entry(key) {
                slot.insert(draft);
                adopted = true;
            }
        }
        adopted
    }
}

impl std::ops::Index<&str> for Drafts {
    type Output = Draft;

    fn index(&self, key: &str) -> &Draft {
        &self.texts[key]
    }
}

/// The draft key of the note of a new slip logged with these choices (the form's own key, so a
/// note kept here is found when the form is opened with the same choices).
pub fn slip_note_key(what: super::BreakKind, resets: bool, felt: u8) -> String {
    format!(
        "break:{}:{}:{felt}",
        what.name(),
        if resets { "reset" } else { "keep" }
    )
}

/// The draft key of the note of a new contact logged with these choices.
pub fn contact_note_key(by: super::ContactBy, replied: bool, felt: u8) -> String {
    format!(
        "contact:{}:{}:{felt}",
        if by == super::ContactBy::Me {
            "me"
        } else {
            "them"
        },
        if replied { "replied" } else { "waiting" }
    )
}

/// The draft key of the word of a mood check-in.
pub const MOOD_WORD_KEY: &str = "mood-word";
