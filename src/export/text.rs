//! The journal as plain text, wrapped to a width that reads well in a terminal or on paper.

use std::fmt::Write;

use super::document::{Document, EntryView, StepAnswers};
use super::wellbeing::{PROMISE, Wellbeing};
use super::wrap::wrap;

/// Lines are wrapped to this many characters where a space allows.
const WIDTH: usize = 78;

/// The title, when and what was exported: everything before the entries.
pub(super) fn head(out: &mut String, doc: &Document) {
    underline(out, doc.title, '=');
    if !doc.intro.is_empty() {
        out.push_str(&wrap(doc.intro, WIDTH, ""));
        out.push('\n');
    }
    let _ = writeln!(out, "Exported {}", doc.exported);
    if !doc.scope.is_empty() {
        let _ = writeln!(out, "Showing {}", doc.scope);
    }
    out.push('\n');
}

/// Everything after the entries: answers and wellbeing; `entries` says how many came before.
pub(super) fn tail(out: &mut String, doc: &Document, entries: usize) {
    if entries == 0 {
        out.push_str("No journal entries in this export.\n\n");
    }
    if !doc.answers.is_empty() {
        underline(out, "Your answers", '=');
        out.push('\n');
        for step in &doc.answers {
            write_step(out, step);
        }
    }
    write_wellbeing(out, &doc.wellbeing);
}

/// `title` with a line of `mark` under it as long as the title.
fn underline(out: &mut String, title: &str, mark: char) {
    let len = title.chars().count().min(WIDTH);
    let _ = writeln!(out, "{title}\n{}", mark.to_string().repeat(len));
}

/// One entry.
pub(super) fn entry(out: &mut String, entry: &EntryView) {
    underline(out, &entry.when, '-');
    for (label, value) in entry.facts() {
        let _ = writeln!(out, "{label}: {value}");
    }
    out.push('\n');
    out.push_str(&wrap(entry.text, WIDTH, ""));
    out.push('\n');
}

fn write_step(out: &mut String, step: &StepAnswers) {
    underline(out, step.title, '-');
    for answer in &step.answers {
        out.push_str(&wrap(&answer.question, WIDTH, ""));
        out.push_str(&wrap(answer.text, WIDTH - 4, "    "));
        let _ = writeln!(out, "    (answered {})\n", answer.when);
    }
}

fn write_wellbeing(out: &mut String, w: &Wellbeing) {
    if !w.moods.is_empty() {
        underline(out, "Mood check-ins", '=');
        out.push('\n');
        for mood in &w.moods {
            let mut line = format!("{}  {}", mood.when, mood.mood);
            if let Some(word) = &mood.word {
                line += &format!(" - \"{word}\"");
            }
            out.push_str(&wrap(&line, WIDTH, ""));
        }
        out.push('\n');
    }
    if let Some(count) = &w.no_contact {
        underline(out, "No contact", '=');
        for (label, value) in count.facts() {
            let _ = writeln!(out, "{label}: {value}");
        }
        out.push('\n');
        if let Some(promise) = w.promise {
            let _ = writeln!(out, "{PROMISE}:");
            out.push_str(&wrap(promise, WIDTH - 4, "    "));
            out.push('\n');
        }
        if !w.slips.is_empty() {
            underline(out, "Slips", '=');
            out.push('\n');
        }
        for slip in &w.slips {
            underline(out, &slip.when, '-');
            for (label, value) in slip.facts() {
                let _ = writeln!(out, "{label}: {value}");
            }
            if !slip.trigger.is_empty() {
                out.push_str("What set it off:\n");
                out.push_str(&wrap(slip.trigger, WIDTH - 4, "    "));
            }
            out.push('\n');
        }
    }
    if !w.urges.is_empty() {
        underline(out, "Urge pauses", '=');
        out.push('\n');
        for urge in &w.urges {
            underline(out, &urge.when, '-');
            let minutes = crate::content::words::count(urge.minutes, "minute", "minutes");
            let _ = writeln!(out, "Pause: {minutes}");
            let _ = writeln!(out, "How it ended: {}", urge.outcome);
            if !urge.draft.trim().is_empty() {
                out.push_str("Written here instead of sent:\n");
                out.push_str(&wrap(urge.draft, WIDTH - 4, "    "));
            }
            out.push('\n');
        }
    }
}
