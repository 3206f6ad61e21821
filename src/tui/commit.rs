//! Saving what the user wrote so that "saved" is always true: the words go to the inbox first,
//! then into their file; and, at quit, plain words about anything that is not in its place.

use std::path::Path;

use crate::content::Guide;
use crate::engine::{Action, EngineError, Now, Workbook, edited_entry, prepare_entry};
use crate::store::InboxItem;

use super::effect::{EditTarget, Effect};
use super::persist::Unsaved;

/// What saving `text` from the field `target` does, and the inbox record that keeps its words
/// until that is on disk.
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
    now: Now<'_>,
) -> Result<(Effect, Option<InboxItem>), EngineError> {
    match effect {
        Effect::Apply(Action::AddEntry {
            text,
            step,
            mood,
            tags,
        }) => {
            let entry = prepare_entry(book, guide, text, step, mood, tags, now)?;
            Ok(filing(entry, false))
        }
        Effect::Apply(Action::EditEntry { id, text }) => {
            let entry = edited_entry(book, &id, text, now)?;
            Ok(filing(entry, true))
        }
        Effect::Apply(action) if target.keeps_draft() => {
            let item = InboxItem::Text {
                key: target.key(),
                text: text.to_string(),
            };
            Ok((Effect::Apply(action), Some(item)))
        }
        Effect::All(effects) => {
            let mut kept = None;
            let mut planned = Vec::with_capacity(effects.len());
            for effect in effects {
                let (effect, item) = plan(book, guide, effect, target, text, now)?;
                kept = kept.or(item);
                planned.push(effect);
            }
            Ok((Effect::All(planned), kept))
        }
        other => Ok((other, None)),
    }
}

fn filing(entry: crate::engine::JournalEntry, replaces: bool) -> (Effect, Option<InboxItem>) {
    let item = InboxItem::Entry {
        entry: entry.clone(),
        replaces,
    };
    (
        Effect::Apply(Action::FileEntry { entry, replaces }),
        Some(item),
    )
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
