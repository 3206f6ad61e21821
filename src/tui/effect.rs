//! What a screen asks the app to do after a command: apply an engine action, move, edit, confirm.

use crate::engine::{Action, BreakKind, ContactBy};

use super::screens::Screen;

/// A screen's answer to a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing to do.
    None,
    /// Apply an engine action (and save what it changed).
    Apply(Action),
    /// Open another screen; Esc comes back.
    Go(Screen),
    /// Replace the current screen without keeping it for Esc.
    Replace(Screen),
    /// Show another screen in the current one's place, keeping the way back as it was (one
    /// step to the next: Esc still returns to where the steps were opened from).
    Swap(Screen),
    /// Go back one screen.
    Back,
    /// Go home, as the workbook now stands.
    Home,
    /// Open the text editor.
    Edit(EditRequest),
    /// Ask before a change the user should be sure of.
    Confirm {
        /// The question.
        question: String,
        /// What happens on yes.
        then: Box<Effect>,
    },
    /// Write an export file and say where it went.
    Export {
        /// The format.
        format: crate::export::Format,
        /// What goes in.
        kind: ExportKind,
        /// Which entries.
        filter: crate::export::ExportFilter,
    },
    /// Write a full backup into the export folder and say where it went.
    Backup,
    /// Change a setting kept in the settings file (`config.toml`).
    Configure(crate::config::ConfigChange),
    /// Open the delete-everything screen, with what it would delete.
    OpenErase,
    /// Delete the whole data folder and quit, saying what was deleted.
    Erase,
    /// Say something briefly in the footer.
    Notice(String),
    /// Several effects, in order.
    All(Vec<Effect>),
}

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The journal and everything written, for the user.
    Journal,
    /// Entries, answers, moods and slips, to share with a counsellor.
    Counsellor,
}

/// A request to open the text editor on one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    /// What is being written, shown as the editor's title.
    pub title: String,
    /// A line of help under the title (the prompt's hint).
    pub hint: Option<String>,
    /// The saved text to start from.
    pub initial: String,
    /// Where the text goes when saved.
    pub target: EditTarget,
    /// The mood that goes with the text, for a journal entry.
    pub mood: MoodField,
}

/// Whether the editor asks for a mood with the text, and the one chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoodField {
    /// This field has no mood (not a journal entry).
    #[default]
    NotAsked,
    /// A journal entry's mood, 1 (low) to 5 (good), or none chosen.
    Asked(Option<u8>),
}

/// Where edited text goes. Its `key` names the draft kept while typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// The answer to a step's prompt.
    Prompt {
        /// The step id.
        step: String,
        /// The prompt id.
        prompt: String,
    },
    /// A new journal entry, maybe tied to a step.
    NewEntry {
        /// The step id.
        step: Option<String>,
    },
    /// An existing journal entry.
    Entry {
        /// The entry id.
        id: String,
    },
    /// The ex's name (on the welcome screen or in the settings).
    ExName,
    /// The user's own pronouns, typed as `subject/object/possessive`.
    Pronouns,
    /// What would have to be true to reconnect, written when no contact starts.
    Commitment {
        /// The target chosen.
        target_days: u32,
        /// How many days before today no contact began.
        days_ago: u32,
    },
    /// What changed, written when a check's answers take back a concern.
    Withdrawal {
        /// The check id.
        check: String,
        /// The new answers, saved with the reflection.
        answers: std::collections::BTreeMap<String, crate::content::Answer>,
    },
    /// The note of a no-contact break.
    BreakNote {
        /// What happened.
        what: BreakKind,
        /// Whether the count starts again.
        resets: bool,
        /// How it felt, 1 to 5.
        felt: u8,
    },
    /// The corrected note of a logged slip.
    BreakEdit {
        /// Which slip, 0 for the oldest.
        index: usize,
        /// What happened.
        what: BreakKind,
        /// Whether the count starts again from it.
        resets: bool,
        /// How it felt, 1 to 5.
        felt: u8,
    },
    /// The message written during an urge pause (never sent).
    UrgeDraft,
    /// A word for the latest mood check-in.
    MoodWord,
    /// A first message drafted on a step, kept in the journal and never sent.
    FirstMessage {
        /// The step it was drafted on.
        step: String,
    },
    /// An answer to a step's extra question for the user's situation, kept in the journal.
    Situation {
        /// The step id.
        step: String,
        /// Which of the step's situations (in pack order).
        index: usize,
    },
    /// How a logged contact went.
    ContactNote {
        /// Who reached out.
        by: ContactBy,
        /// For the user's own messages: whether the ex replied.
        replied: bool,
        /// How it felt, 1 to 5.
        felt: u8,
    },
    /// How a logged contact went, corrected.
    ContactEdit {
        /// Which contact, 0 for the oldest.
        index: usize,
        /// Who reached out.
        by: ContactBy,
        /// For the user's own messages: whether the ex replied.
        replied: bool,
        /// How it felt, 1 to 5.
        felt: u8,
    },
}

impl EditTarget {
    /// The draft key for this field: stable across runs, so a draft finds its field again.
    pub fn key(&self) -> String {
        match self {
            EditTarget::Prompt { step, prompt } => format!("prompt:{step}:{prompt}"),
            EditTarget::NewEntry { step: None } => "entry-new".to_string(),
            EditTarget::NewEntry { step: Some(step) } => format!("entry-new:{step}"),
            EditTarget::Entry { id } => format!("entry:{id}"),
            EditTarget::ExName => "ex-name".to_string(),
            EditTarget::Pronouns => "pronouns".to_string(),
            EditTarget::Commitment {
                target_days,
                days_ago,
            } => format!("commitment:{target_days}:{days_ago}"),
            EditTarget::Withdrawal { check, answers } => format!(
                "withdrawal:{check}:{}",
                answers
                    .iter()
                    .map(|(q, a)| format!("{q}={}", answer_name(*a)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            EditTarget::BreakNote { what, resets, felt } => {
                crate::engine::slip_note_key(*what, *resets, *felt)
            }
            EditTarget::BreakEdit {
                index,
                what,
                resets,
                felt,
            } => format!(
                "break-edit:{index}:{}:{}:{felt}",
                what.name(),
                if *resets { "reset" } else { "keep" }
            ),
            EditTarget::UrgeDraft => "urge-draft".to_string(),
            EditTarget::MoodWord => crate::engine::MOOD_WORD_KEY.to_string(),
            EditTarget::FirstMessage { step } => format!("first-message:{step}"),
            EditTarget::Situation { step, index } => format!("situation:{step}:{index}"),
            EditTarget::ContactNote { by, replied, felt } => {
                crate::engine::contact_note_key(*by, *replied, *felt)
            }
            EditTarget::ContactEdit {
                index,
                by,
                replied,
                felt,
            } => format!(
                "contact-edit:{index}:{}:{}:{felt}",
                if *by == ContactBy::Me { "me" } else { "them" },
                if *replied { "replied" } else { "waiting" }
            ),
        }
    }

    /// The field a draft key names.
    pub fn from_key(key: &str) -> Option<Self> {
        let parts: Vec<&str> = key.split(':').collect();
        Some(match parts.as_slice() {
            ["prompt", step, prompt] => EditTarget::Prompt {
                step: step.to_string(),
                prompt: prompt.to_string(),
            },
            ["entry-new"] => EditTarget::NewEntry { step: None },
            ["entry-new", step] => EditTarget::NewEntry {
                step: Some(step.to_string()),
            },
            ["entry", id] => EditTarget::Entry { id: id.to_string() },
            ["ex-name"] => EditTarget::ExName,
            ["pronouns"] => EditTarget::Pronouns,
            ["commitment", days] => EditTarget::Commitment {
                target_days: days.parse().ok()?,
                days_ago: 0,
            },
            ["commitment", days, ago] => EditTarget::Commitment {
                target_days: days.parse().ok()?,
                days_ago: ago.parse().ok()?,
            },
            ["withdrawal", check, answers] => EditTarget::Withdrawal {
                check: check.to_string(),
                answers: answers
                    .split(',')
                    .map(|pair| {
                        let (q, a) = pair.split_once('=')?;
                        Some((q.to_string(), crate::content::Answer::from_name(a)?))
                    })
                    .collect::<Option<_>>()?,
            },
            ["break", what, resets, felt] => EditTarget::BreakNote {
                what: BreakKind::from_name(what)?,
                resets: *resets == "reset",
                felt: felt.parse().ok()?,
            },
            ["break-edit", index, what, resets, felt] => EditTarget::BreakEdit {
                index: index.parse().ok()?,
                what: BreakKind::from_name(what)?,
                resets: *resets == "reset",
                felt: felt.parse().ok()?,
            },
            ["contact-edit", index, by, replied, felt] => EditTarget::ContactEdit {
                index: index.parse().ok()?,
                by: if *by == "me" {
                    ContactBy::Me
                } else {
                    ContactBy::Them
                },
                replied: *replied == "replied",
                felt: felt.parse().ok()?,
            },
            ["urge-draft"] => EditTarget::UrgeDraft,
            ["mood-word"] => EditTarget::MoodWord,
            ["situation", step, index] => EditTarget::Situation {
                step: step.to_string(),
                index: index.parse().ok()?,
            },
            ["first-message", step] => EditTarget::FirstMessage {
                step: step.to_string(),
            },
            ["contact", by, replied, felt] => EditTarget::ContactNote {
                by: if *by == "me" {
                    ContactBy::Me
                } else {
                    ContactBy::Them
                },
                replied: *replied == "replied",
                felt: felt.parse().ok()?,
            },
            _ => return None,
        })
    }

    /// True for one-line fields, where Enter saves instead of starting a new line.
    pub fn single_line(&self) -> bool {
        matches!(
            self,
            EditTarget::ExName | EditTarget::Pronouns | EditTarget::MoodWord
        )
    }

    /// True when a draft of this field is worth keeping across runs: every field's is (the
    /// journal's search line is not an editor field).
    pub fn keeps_draft(&self) -> bool {
        true
    }
}

fn answer_name(answer: crate::content::Answer) -> &'static str {
    crate::content::Answer::ALL
        .iter()
        .find(|(a, _)| *a == answer)
        .map_or("unsure", |(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_finds_itself_from_its_key() {
        let targets = [
            EditTarget::Prompt {
                step: "space".into(),
                prompt: "why".into(),
            },
            EditTarget::NewEntry { step: None },
            EditTarget::NewEntry {
                step: Some("reflect".into()),
            },
            EditTarget::Entry {
                id: "20261123T090000000Z-2".into(),
            },
            EditTarget::ExName,
            EditTarget::Pronouns,
            EditTarget::Commitment {
                target_days: 21,
                days_ago: 3,
            },
            EditTarget::BreakNote {
                what: BreakKind::CheckedSocials,
                resets: true,
                felt: 2,
            },
            EditTarget::UrgeDraft,
            EditTarget::MoodWord,
            EditTarget::FirstMessage {
                step: "reach-out".into(),
            },
            EditTarget::Situation {
                step: "space".into(),
                index: 2,
            },
            EditTarget::ContactNote {
                by: ContactBy::Me,
                replied: false,
                felt: 2,
            },
            EditTarget::BreakEdit {
                index: 3,
                what: BreakKind::Called,
                resets: false,
                felt: 4,
            },
            EditTarget::ContactEdit {
                index: 0,
                by: ContactBy::Them,
                replied: true,
                felt: 5,
            },
        ];
        for target in targets {
            assert_eq!(EditTarget::from_key(&target.key()), Some(target.clone()));
        }
        assert_eq!(EditTarget::from_key("nonsense"), None);
    }
}
