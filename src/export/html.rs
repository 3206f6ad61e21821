//! The journal as one self-contained, printable HTML page.
//!
//! No scripts and no outside resources: the style is inline and a content security policy forbids
//! loading anything, so opening the file never touches the network. Every user string is escaped.

use std::fmt::Write;

use super::document::{Document, EntryView, StepAnswers};
use super::wellbeing::{PROMISE, Wellbeing};

/// Calm on screen, plain black on white in print, entries never split across pages if avoidable.
const STYLE: &str = "\
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.55; color: #2b2b2b;
  background: #faf8f4; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-weight: normal; margin-bottom: 0.2rem; }
h2 { font-weight: normal; border-bottom: 1px solid #d8d2c8; margin-top: 2.5rem; }
h3 { font-size: 1rem; color: #6b6259; margin: 0 0 0.3rem; }
h4 { font-size: 1rem; font-weight: normal; color: #6b6259; margin: 0 0 0.3rem; }
.meta { color: #6b6259; font-size: 0.9rem; }
.facts { color: #6b6259; font-size: 0.9rem; margin: 0 0 0.6rem; }
.facts span + span::before { content: ' \u{b7} '; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
article { margin: 1.6rem 0; }
.question { font-style: italic; margin: 1rem 0 0.3rem; }
.intro { font-style: italic; }
ul.moods { list-style: none; padding: 0; }
ul.moods li { margin: 0.2rem 0; }
.label { color: #6b6259; }
@media print {
  body { background: #fff; color: #000; max-width: none; margin: 0; font-size: 11pt; }
  .meta, .facts, h3, h4 { color: #333; }
  article, .answer { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
";

/// The page's head, title, and when and what was exported: everything before the entries.
pub(super) fn head(out: &mut String, doc: &Document) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(doc.title));
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<h1>{}</h1>", escape(doc.title));
    if !doc.intro.is_empty() {
        let _ = writeln!(out, "<p class=\"intro\">{}</p>", escape(doc.intro));
    }
    let _ = write!(out, "<p class=\"meta\">Exported {}", escape(&doc.exported));
    if !doc.scope.is_empty() {
        let _ = write!(out, ", {}", escape(&doc.scope));
    }
    out.push_str("</p>\n");
}

/// Everything after the entries, to the end of the page; `entries` says how many came before.
pub(super) fn tail(out: &mut String, doc: &Document, entries: usize) {
    if entries == 0 {
        out.push_str("<p>No journal entries in this export.</p>\n");
    }
    if !doc.answers.is_empty() {
        out.push_str("<h2>Your answers</h2>\n");
        for step in &doc.answers {
            write_step(out, step);
        }
    }
    write_wellbeing(out, &doc.wellbeing);
    out.push_str("</body>\n</html>\n");
}

/// One entry.
pub(super) fn entry(out: &mut String, entry: &EntryView) {
    let _ = writeln!(out, "<article>\n<h2>{}</h2>", escape(&entry.when));
    write_facts(out, entry.facts());
    let _ = writeln!(
        out,
        "<p class=\"text\">{}</p>\n</article>",
        escape(entry.text.trim_end())
    );
}

/// Labelled parts as a line of facts.
fn write_facts(out: &mut String, facts: Vec<(&'static str, String)>) {
    if facts.is_empty() {
        return;
    }
    out.push_str("<p class=\"facts\">");
    for (label, value) in facts {
        let _ = write!(out, "<span>{label}: {}</span>", escape(&value));
    }
    out.push_str("</p>\n");
}

fn write_wellbeing(out: &mut String, w: &Wellbeing) {
    if !w.moods.is_empty() {
        out.push_str("<section>\n<h2>Mood check-ins</h2>\n<ul class=\"moods\">\n");
        for mood in &w.moods {
            let _ = write!(
                out,
                "<li><span class=\"label\">{}</span> \u{b7} {}",
                escape(&mood.when),
                escape(&mood.mood)
            );
            if let Some(word) = &mood.word {
                let _ = write!(out, " \u{b7} \u{201c}{}\u{201d}", escape(word));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    if let Some(count) = &w.no_contact {
        out.push_str("<section>\n<h2>No contact</h2>\n");
        write_facts(out, count.facts());
        if let Some(promise) = w.promise {
            let _ = writeln!(
                out,
                "<p class=\"question\">{PROMISE}:</p>\n<p class=\"text\">{}</p>",
                escape(promise)
            );
        }
        if !w.slips.is_empty() {
            out.push_str("<h3>Slips</h3>\n");
        }
        for slip in &w.slips {
            let _ = writeln!(out, "<article>\n<h4>{}</h4>", escape(&slip.when));
            write_facts(out, slip.facts());
            if !slip.trigger.is_empty() {
                let _ = writeln!(
                    out,
                    "<p class=\"text\"><span class=\"label\">What set it off:</span> {}</p>",
                    escape(slip.trigger)
                );
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    if !w.urges.is_empty() {
        out.push_str("<section>\n<h2>Urge pauses</h2>\n");
        for urge in &w.urges {
            let _ = writeln!(out, "<article>\n<h3>{}</h3>", escape(&urge.when));
            write_facts(
                out,
                vec![
                    (
                        "Pause",
                        crate::content::words::count(urge.minutes, "minute", "minutes"),
                    ),
                    ("How it ended", urge.outcome.to_string()),
                ],
            );
            if !urge.draft.trim().is_empty() {
                let _ = writeln!(
                    out,
                    "<p class=\"question\">Written here instead of sent:</p>\n\
                     <p class=\"text\">{}</p>",
                    escape(urge.draft)
                );
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
}

fn write_step(out: &mut String, step: &StepAnswers) {
    let _ = writeln!(out, "<section>\n<h3>{}</h3>", escape(step.title));
    for answer in &step.answers {
        let _ = writeln!(
            out,
            "<div class=\"answer\">\n<p class=\"question\">{}</p>\n<p class=\"text\">{}</p>\n\
             <p class=\"facts\">Answered {}</p>\n</div>",
            escape(&answer.question),
            escape(answer.text.trim_end()),
            escape(&answer.when)
        );
    }
    out.push_str("</section>\n");
}

/// `text` safe to place in HTML text or a quoted attribute, with characters a terminal would
/// obey in their visible form first (see [`crate::visible`]).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::visible::visible(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jo'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;"
        );
    }
}
