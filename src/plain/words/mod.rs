//! What plain mode says: every question and every page as lines of text, built from the guide
//! and the workbook with the workbook screens' own wording. Pure: no input, no output.
//!
//! Each line is meant to make sense on its own, read aloud by a screen reader or passed through
//! a pipe: no marks that only a picture explains (no `[x]`, no arrows), keys named in words.

mod journey;
mod tools;

use crate::tui::screens::View;

pub use journey::*;
pub use tools::*;

/// How a text of several lines is ended, said after every question that takes one.
pub const HOW_TO_END: &str = "A line holding only a full stop (.) ends it.";

/// What is said before an optional note is written: the field's title, its hint, and how the
/// text ends (Enter alone on the first line leaves it empty).
pub fn note_question(request: crate::tui::effect::EditRequest) -> Vec<String> {
    let mut lines = vec![request.title];
    lines.extend(request.hint);
    lines.push(format!(
        "Write it. {HOW_TO_END} Enter alone on the first line leaves it empty."
    ));
    lines
}

/// Pack text as lines: its paragraphs, placeholders filled, each paragraph on one line and a
/// blank line between them.
pub fn paragraphs(view: &View, text: &str) -> Vec<String> {
    let prose = view.prose(text);
    let mut lines = Vec::new();
    for (index, paragraph) in prose.split("\n\n").enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        lines.push(paragraph.to_string());
    }
    lines
}

/// Numbered options, one a line: "1. Write in your journal".
pub fn numbered(options: &[String]) -> Vec<String> {
    options
        .iter()
        .enumerate()
        .map(|(index, option)| format!("{}. {option}", index + 1))
        .collect()
}

/// What is already written for a field: a draft kept from an earlier visit comes first, as the
/// workbook's editor opens with it.
pub fn saved_text(saved: Option<&str>, draft: Option<&str>, what: &str) -> Vec<String> {
    let mut lines = Vec::new();
    match (draft, saved) {
        (Some(draft), _) => {
            lines.push(format!(
                "You had started writing this {what}; it was kept as a draft:"
            ));
            lines.extend(draft.lines().map(str::to_string));
            lines.push("End of the draft.".to_string());
        }
        (None, Some(saved)) => {
            lines.push(format!("Your saved {what}:"));
            lines.extend(saved.lines().map(str::to_string));
            lines.push(format!("End of your saved {what}."));
        }
        (None, None) => lines.push("Not answered yet.".to_string()),
    }
    lines
}

/// The moods to choose from: "1 very low, 2 low, 3 in between, 4 okay, 5 good".
pub fn mood_choices(view: &View) -> String {
    view.guide
        .tools
        .mood
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{} {l}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 day", "3 slips": a word whose plural takes an s, counted as every count is.
pub fn counted(n: usize, word: &str) -> String {
    crate::content::words::count(n, word, &format!("{word}s"))
}

/// `text` ending in a full stop (or its own closing mark).
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests;
