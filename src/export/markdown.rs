//! The journal as Markdown: a heading per entry, the user's text as written.

use std::fmt::Write;

use super::document::{Document, EntryView, StepAnswers};
use super::wellbeing::{PROMISE, Wellbeing, one_line};

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
    out.push_str("## ");
    out.push_str(&entry.when);
    out.push_str("\n\n");
    if push_facts(out, entry) {
        out.push_str("\n\n");
    }
    push_text(out, entry.text);
    out.push_str("\n\n");
}

/// The entry's step, mood and tags as [`facts`] writes them, written straight into `out`;
/// false when it has none.
fn push_facts(out: &mut String, entry: &EntryView) -> bool {
    let mut any = false;
    let mut label = |out: &mut String, name: &str| {
        if any {
            out.push_str(" · ");
        }
        any = true;
        let _ = write!(out, "**{name}:** ");
    };
    if let Some(step) = entry.step {
        label(out, "Step");
        out.push_str(step);
    }
    if let Some(mood) = entry.mood {
        label(out, "Mood");
        let _ = write!(out, "{mood}/5");
    }
    if let Some((first, rest)) = entry.tags.split_first() {
        label(out, "Tags");
        out.push_str(first);
        for tag in rest {
            out.push_str(", ");
            out.push_str(tag);
        }
    }
    any
}

/// The user's words as Markdown that reads back as the same text: each line stays its own line
/// (a hard break, two trailing spaces), blank lines stay paragraph breaks, and a line that
/// Markdown would read as a heading, list, quote, rule, code fence or table is escaped so it
/// stays text.
pub(super) fn as_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_text(&mut out, text);
    out
}

/// [`as_text`], written straight into `out`.
fn push_text(out: &mut String, text: &str) {
    let mut lines = text.trim_end().lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_end();
        push_line(out, line);
        if let Some(next) = lines.peek() {
            if !line.is_empty() && !next.trim().is_empty() {
                out.push_str("  ");
            }
            out.push('\n');
        }
    }
}

/// `line` with a backslash before the first character when Markdown would read the line as
/// block syntax rather than text; leading spaces are kept as non-breaking so an indented line is
/// not read as code.
fn push_line(out: &mut String, line: &str) {
    let body = line.trim_start_matches(' ');
    for _ in 0..line.len() - body.len() {
        out.push('\u{a0}');
    }
    let first = body.chars().next();
    let block = match first {
        Some('#' | '>' | '=' | '|' | '`' | '~' | '<') => true,
        Some('-' | '*' | '+' | '_') => body
            .chars()
            .nth(1)
            .is_none_or(|c| c == ' ' || c == first.unwrap_or(' ')),
        Some(c) if c.is_ascii_digit() => {
            let digits = body.chars().take_while(char::is_ascii_digit).count();
            matches!(body[digits..].chars().next(), Some('.' | ')'))
                && body[digits + 1..].chars().next().is_none_or(|c| c == ' ')
        }
        _ => false,
    };
    if !block {
        out.push_str(body);
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        out.push_str(&body[..digits]);
        out.push('\\');
        out.push_str(&body[digits..]);
    } else {
        out.push('\\');
        out.push_str(body);
    }
}

fn write_step(out: &mut String, step: &StepAnswers) {
    let _ = writeln!(out, "### {}\n", step.title);
    for answer in &step.answers {
        let _ = writeln!(out, "**{}**\n", answer.question);
        let _ = writeln!(out, "{}\n", as_text(answer.text));
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
        if let Some(promise) = w.promise {
            let _ = writeln!(out, "**{PROMISE}:**\n\n{}\n", as_text(promise));
        }
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
                    (
                        "Pause",
                        crate::content::words::count(urge.minutes, "minute", "minutes"),
                    ),
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

#[cfg(test)]
mod tests {
    use super::{EntryView, as_text, facts, push_facts};

    #[test]
    fn an_entry_s_facts_are_written_as_the_labelled_line() {
        let tags = ["evening".to_string(), "sleep".to_string()];
        for (step, mood, tags) in [
            (None, None, &tags[..0]),
            (Some("Give it space"), None, &tags[..0]),
            (None, Some(3), &tags[..1]),
            (Some("Give it space"), Some(5), &tags[..]),
            (None, None, &tags[..]),
        ] {
            let view = EntryView {
                when: String::new(),
                step,
                mood,
                tags,
                text: "",
            };
            let mut written = String::new();
            let any = push_facts(&mut written, &view);
            assert_eq!(written, facts(view.facts()));
            assert_eq!(any, !written.is_empty());
        }
    }

    #[test]
    fn single_line_breaks_become_hard_breaks_and_paragraphs_stay() {
        assert_eq!(
            as_text("first line\nsecond line\n\nnew paragraph"),
            "first line  \nsecond line\n\nnew paragraph"
        );
    }

    #[test]
    fn a_line_markdown_would_read_as_a_block_stays_text() {
        assert_eq!(as_text("# not a heading"), "\\# not a heading");
        assert_eq!(as_text("> not a quote"), "\\> not a quote");
        assert_eq!(as_text("- not a list"), "\\- not a list");
        assert_eq!(as_text("---"), "\\---");
        assert_eq!(as_text("1. not a list"), "1\\. not a list");
        assert_eq!(as_text("```"), "\\```");
        assert_eq!(as_text("  # indented"), "\u{a0}\u{a0}\\# indented");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        assert_eq!(as_text("-5 degrees today"), "-5 degrees today");
        assert_eq!(as_text("2026 was hard"), "2026 was hard");
        assert_eq!(as_text("a # in the middle"), "a # in the middle");
        assert_eq!(as_text(""), "");
    }
}
