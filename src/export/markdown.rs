//! The journal as Markdown: a heading per entry, the user's text as written.

use std::fmt::Write;

use super::document::{Document, EntryView, StepAnswers, TITLE};

/// The document as Markdown.
pub(super) fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {TITLE}\n");
    let _ = writeln!(out, "_Exported {}{}._\n", doc.exported, scope(&doc.scope));
    if doc.entries.is_empty() {
        out.push_str("No journal entries in this export.\n\n");
    }
    for entry in &doc.entries {
        write_entry(&mut out, entry);
    }
    if !doc.answers.is_empty() {
        out.push_str("## Your answers\n\n");
        for step in &doc.answers {
            write_step(&mut out, step);
        }
    }
    out
}

fn scope(scope: &str) -> String {
    if scope.is_empty() {
        String::new()
    } else {
        format!(", {scope}")
    }
}

fn write_entry(out: &mut String, entry: &EntryView) {
    let _ = writeln!(out, "## {}\n", entry.when);
    let facts: Vec<String> = entry
        .facts()
        .into_iter()
        .map(|(label, value)| format!("**{label}:** {value}"))
        .collect();
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join(" · "));
    }
    let _ = writeln!(out, "{}\n", entry.text.trim_end());
}

fn write_step(out: &mut String, step: &StepAnswers) {
    let _ = writeln!(out, "### {}\n", step.title);
    for answer in &step.answers {
        let _ = writeln!(out, "**{}**\n", answer.question);
        let _ = writeln!(out, "{}\n", answer.text.trim_end());
        let _ = writeln!(out, "_Answered {}_\n", answer.when);
    }
}
