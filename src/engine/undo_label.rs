//! The few words that name an undoable change, as "Undid: …" shows them.

use crate::content::{ChecklistEntries, Guide};

use super::action::Action;
use super::apply::Workbook;

/// The longest quoted text in a label, in characters.
const QUOTE_CHARS: usize = 40;

/// The words for `action` when it can be undone; none for every action that cannot.
pub(super) fn label(book: &Workbook, guide: &Guide, action: &Action) -> Option<String> {
    let journey = &book.journey;
    let naming = journey.naming();
    Some(match action {
        Action::ToggleItem { checklist, item } => {
            let verb = if journey.is_ticked(checklist, item) {
                "unticked"
            } else {
                "ticked"
            };
            let text = item_text(guide, checklist, item).unwrap_or_else(|| item.clone());
            format!("{verb} {}", quote(&naming.fill(&text)))
        }
        Action::MarkDone(step) => format!("marked {} done", step_title(guide, step)),
        Action::Reopen(step) => format!("marked {} not done", step_title(guide, step)),
        Action::AnswerPrompt { step, prompt, text } => {
            let question = guide
                .step(step)
                .and_then(|s| s.prompts.iter().find(|p| &p.id == prompt))
                .map_or(prompt.clone(), |p| naming.fill(&p.question));
            let verb = if text.trim().is_empty() {
                "cleared your answer to"
            } else {
                "saved your answer to"
            };
            format!("{verb} {}", quote(&question))
        }
        Action::LogBreak { resets: true, .. } => {
            "logged a slip that started the count again".to_string()
        }
        Action::LogBreak { .. } => "logged a slip".to_string(),
        Action::EditBreak { .. } => "corrected a slip".to_string(),
        Action::DeleteBreak { .. } => "removed a slip".to_string(),
        Action::SetTarget(days) => format!(
            "changed the target to {}",
            crate::content::words::count(*days, "day", "days")
        ),
        Action::BackdateNoContact { .. } => "moved the start of no contact".to_string(),
        Action::CheckMood { mood, .. } => format!("checked in your mood ({mood})"),
        Action::MoodWord(_) => "added a word to your mood".to_string(),
        Action::LogContact { .. } => "logged a contact".to_string(),
        Action::EditContact { .. } => "corrected a contact".to_string(),
        Action::DeleteContact { .. } => "removed a contact".to_string(),
        Action::EditEntry { .. } | Action::FileEntry { replaces: true, .. } => {
            "edited a journal entry".to_string()
        }
        Action::DeleteEntry(_) => "deleted a journal entry".to_string(),
        Action::Welcome { .. }
        | Action::SetNaming { .. }
        | Action::SetTheme(_)
        | Action::AnswerCheck { .. }
        | Action::SetProfile { .. }
        | Action::SetRegion(_)
        | Action::RecordResponse(_)
        | Action::ChoosePath(_)
        | Action::OpenStep(_)
        | Action::StartNoContact { .. }
        | Action::Review(_)
        | Action::StartUrgePause { .. }
        | Action::UrgeDraft(_)
        | Action::EndUrgePause(_)
        | Action::SaveDraft { .. }
        | Action::ClearDraft(_)
        | Action::MoveTo(_)
        | Action::AddEntry { .. }
        | Action::FileEntry { .. }
        | Action::Undo(_) => return None,
    })
}

fn item_text(guide: &Guide, checklist: &str, item: &str) -> Option<String> {
    match &guide.checklist(checklist)?.entries {
        ChecklistEntries::Items(items) => {
            items.iter().find(|i| i.id == item).map(|i| i.text.clone())
        }
        ChecklistEntries::Pairs(pairs) => {
            pairs.iter().find(|p| p.id == item).map(|p| p.helps.clone())
        }
    }
}

fn step_title(guide: &Guide, step: &str) -> String {
    quote(
        &guide
            .step(step)
            .map_or(step.to_string(), |s| s.title.clone()),
    )
}

/// `'text'`, cut after a whole word within [`QUOTE_CHARS`] with an ellipsis, on one line.
fn quote(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    let mut cut: String = line.chars().take(QUOTE_CHARS).collect();
    let whole = cut.chars().count() == line.chars().count();
    if !whole && let Some(space) = cut.rfind(char::is_whitespace) {
        cut.truncate(space);
    }
    if !whole || text.trim().lines().count() > 1 {
        format!("'{}…'", cut.trim_end())
    } else {
        format!("'{cut}'")
    }
}
