//! The journal as Markdown: a heading per entry, the user's text as written.

use std::fmt::Write;

use super::document::{Document, EntryView, StepAnswers};
use super::wellbeing::{Wellbeing, one_line};

/// The title, when and what was exported: everything before the entries.
pub(super) fn head(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "# {}\n", doc.title);
    if !doc.intro.is_empty() {
        let _ = writeln!(out, "{}\n", doc.intro);
    }
    let _ = writeln!(out, "_Exported {}{}._\n", doc.exported, scope(&doc.scope));
}

/// Everything after the entries: answers and wellbeing; `entries` says how many came before.
pub(super) fn tail(out: &mut String, doc: &Document, entries: usize) {
    if entries == 0 {
        out.push_str("No journal entries in this export.\n\n");
    }
    if !doc.answers.is_empty() {
        out.push_str("## Your answers\n\n");
        for step in &doc.answers {
            write_step(out, step);
        }
    }
    write_wellbeing(out, &doc.wellbeing);
}

fn scope(scope: &str) -> String {
    if scope.is_empty() {
        String::new()
    } else {
        format!(", {scope}")
    }
}

/// One entry.
pub(super) fn entry(out: &mut String, entry: &EntryView) {
    let _ = writeln!(out, "## {}\n", entry.when);
    let facts = facts(entry.facts());
    if !facts.is_empty() {
        let _ = writeln!(out, "{facts}\n");
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

/// Labelled parts on one line: `**Label:** value · **Label:** value`.
fn facts(facts: Vec<(&'static str, String)>) -> String {
    facts
        .into_iter()
        .map(|(label, value)| format!("**{label}:** {value}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn write_wellbeing(out: &mut String, w: &Wellbeing) {
    if !w.moods.is_empty() {
        out.push_str("## Mood check-ins\n\n");
        for mood in &w.moods {
            let _ = write!(out, "- **{}** · {}", mood.when, mood.mood);
            if let Some(word) = &mood.word {
                let _ = write!(out, " · “{word}”");
            }
            out.push('\n');
        }
        out.push('\n');
    }
    if let Some(count) = &w.no_contact {
        out.push_str("## No contact\n\n");
        let _ = writeln!(out, "{}\n", facts(count.facts()));
        if !w.slips.is_empty() {
            out.push_str("### Slips\n\n");
        }
        for slip in &w.slips {
            let _ = writeln!(out, "#### {}\n", slip.when);
            let _ = writeln!(out, "{}\n", facts(slip.facts()));
            if !slip.trigger.is_empty() {
                let _ = writeln!(out, "**What set it off:** {}\n", one_line(slip.trigger));
            }
        }
    }
    if !w.urges.is_empty() {
        out.push_str("## Urge pauses\n\n");
        for urge in &w.urges {
            let _ = writeln!(out, "### {}\n", urge.when);
            let _ = writeln!(
                out,
                "{}\n",
                facts(vec![
                    ("Pause", format!("{} minutes", urge.minutes)),
                    ("How it ended", urge.outcome.to_string()),
                ])
            );
            if !urge.draft.trim().is_empty() {
                out.push_str("**Written here instead of sent:**\n\n");
                for line in urge.draft.lines() {
                    match line.trim_end() {
                        "" => out.push_str(">\n"),
                        line => {
                            let _ = writeln!(out, "> {line}");
                        }
                    }
                }
                out.push('\n');
            }
        }
    }
}
