//! Saving what the user wrote so that "saved" is always true: the words go to the inbox first,
//! then into their file; and, at quit, plain words about anything that is not in its place.

use std::path::Path;

use crate::content::Guide;
use crate::engine::{Action, EngineError, Now, Workbook, edited_entry, prepare_entry};
use crate::store::InboxItem;

use super::effect::{EditTarget, Effect, MoodField};
use super::persist::Unsaved;

/// What saving the editor's text does: the action that files the words, the inbox record that
/// keeps them until that action's save is on disk, and what follows once it succeeded.
pub struct Commit {
    /// The action holding the words, when there is one.
    pub action: Option<Action>,
    /// The record of the words, written before the action is applied.
    pub record: Option<InboxItem>,
    /// What the screen asked for besides (a notice, a second action), run only after success.
    pub then: Effect,
}

/// Plans saving `text` from the field `target`, whose screen answered with `effect`; a
/// journal entry takes the `mood` chosen in the editor.
///
/// A new or edited entry is made here, whole, so that its record and the entry filed are the
/// same; other fields keep their text as a record for their draft key. Refusals (an empty
/// entry, an unknown step) come back before anything is written.
pub fn plan(
    book: &mut Workbook,
    guide: &Guide,
    effect: Effect,
    target: &EditTarget,
    text: &str,
    mood: MoodField,
    now: Now<'_>,
) -> Result<Commit, EngineError> {
    let (action, then) = match effect {
        Effect::Apply(action) => (Some(action), Effect::None),
        Effect::All(mut effects) => {
            match effects.iter().position(|e| matches!(e, Effect::Apply(_))) {
                Some(at) => match effects.remove(at) {
                    Effect::Apply(action) => (Some(action), Effect::All(effects)),
                    _ => unreachable!("the effect at {at} is an Apply"),
                },
                None => (None, Effect::All(effects)),
            }
        }
        other => (None, other),
    };
    let Some(action) = action else {
        return Ok(Commit {
            action: None,
            record: None,
            then,
        });
    };
    let (action, record) = match action {
        Action::AddEntry {
            text,
            step,
            mood: asked,
            tags,
        } => {
            let mood = match mood {
                MoodField::Asked(chosen) => chosen,
                MoodField::NotAsked => asked,
            };
            filing(
                prepare_entry(book, guide, text, step, mood, tags, now)?,
                false,
            )
        }
        Action::EditEntry { id, text } => {
            let mut entry = edited_entry(book, &id, text, now)?;
            if let MoodField::Asked(chosen) = mood {
                entry.mood = chosen;
            }
            filing(entry, true)
        }
        action if target.keeps_draft() => {
            let item = InboxItem::Text {
                key: target.key(),
                text: text.to_string(),
            };
            (action, Some(item))
        }
        action => (action, None),
    };
    Ok(Commit {
        action: Some(action),
        record,
        then,
    })
}

fn filing(entry: crate::engine::JournalEntry, replaces: bool) -> (Action, Option<InboxItem>) {
    let item = InboxItem::Entry {
        entry: entry.clone(),
        replaces,
    };
    (Action::FileEntry { entry, replaces }, Some(item))
}

/// What to tell the user at quit when something could not be saved: each file and why, where
/// the words are, and the open editor's text itself when it is nowhere else.
pub fn quit_report(
    unsaved: &[Unsaved],
    inbox: Option<(&Path, usize)>,
    open_text: Option<String>,
) -> String {
    let mut report = String::from("some of your changes could not be saved:\n");
    for u in unsaved {
        report.push_str(&format!("  - {}: {}\n", u.what.describe(), u.problem));
    }
    if let Some((inbox, waiting)) = inbox.filter(|(_, waiting)| *waiting > 0) {
        let what = if waiting == 1 {
            "One thing you saved is".to_string()
        } else {
            format!("{waiting} things you saved are")
        };
        report.push_str(&format!(
            "{what} kept safe in {} and filed the next time rekindle opens and can write.\n",
            inbox.display()
        ));
    }
    if let Some(text) = open_text {
        report.push_str(
            "The text you were typing could not be kept as a draft, so here it is; copy it \
             somewhere safe:\n\n",
        );
        report.push_str(&text);
        report.push('\n');
    }
    report
}
