//! Every export format carries the entries, their local times, steps, moods and tags, and the
//! answers where it should; HTML is self-contained and escaped.

use crate::export_support;

use export_support::*;
use rekindle::engine::Journal;
use rekindle::export::{ExportFilter, Format, export};

fn all() -> ExportFilter {
    ExportFilter::default()
}

#[test]
fn format_names_parse_both_short_and_long() {
    assert_eq!(Format::from_name("md"), Some(Format::Markdown));
    assert_eq!(Format::from_name("Markdown"), Some(Format::Markdown));
    assert_eq!(Format::from_name("json"), Some(Format::Json));
    assert_eq!(Format::from_name("txt"), Some(Format::Text));
    assert_eq!(Format::from_name("text"), Some(Format::Text));
    assert_eq!(Format::from_name(" HTML "), Some(Format::Html));
    assert_eq!(Format::from_name("pdf"), None);
    assert_eq!(
        Format::names().collect::<Vec<_>>(),
        ["md", "json", "txt", "html"]
    );
    assert_eq!(Format::Html.to_string(), "html");
}

#[test]
fn every_format_keeps_emoji_and_line_breaks() {
    for format in [Format::Markdown, Format::Text, Format::Html, Format::Json] {
        let out = exported(format, &all());
        for needle in ["😔", "🌊"] {
            assert!(out.contains(needle), "{format} lost {needle}:\n{out}");
        }
        let (night, river) = if format == Format::Json {
            (
                "First night alone.\\nCould not sleep",
                "river 🌊\\n\\nFelt lighter",
            )
        } else if format == Format::Markdown {
            // A single break is a Markdown hard break (two trailing spaces), so it is kept when
            // the file is read as Markdown.
            (
                "First night alone.  \nCould not sleep",
                "river 🌊\n\nFelt lighter",
            )
        } else {
            (
                "First night alone.\nCould not sleep",
                "river 🌊\n\nFelt lighter",
            )
        };
        assert!(out.contains(night), "{format} lost a line break:\n{out}");
        assert!(out.contains(river), "{format} lost a blank line:\n{out}");
    }
}

#[test]
fn readable_formats_show_local_time_step_mood_and_tags() {
    for format in READABLE {
        let out = exported(format, &all());
        // 02:30 UTC on 1 March is 21:30 on 28 February five hours west.
        assert!(
            out.contains("2026-02-28 21:30"),
            "{format}: no local time\n{out}"
        );
        assert!(
            out.contains("2026-03-04 23:59"),
            "{format}: no local time\n{out}"
        );
        assert!(!out.contains("02:30"), "{format}: shows UTC time\n{out}");
        assert!(
            out.contains(&title("space")),
            "{format}: no step title\n{out}"
        );
        assert!(
            out.contains(&title("growth")),
            "{format}: no step title\n{out}"
        );
        let moods = out.matches("Mood").count();
        assert_eq!(
            moods, 2,
            "{format}: a mood for each entry that has one\n{out}"
        );
        assert!(
            out.contains("2/5") && out.contains("4/5"),
            "{format}: no mood\n{out}"
        );
        assert!(
            out.contains("night, no-contact"),
            "{format}: no tags\n{out}"
        );
        assert!(
            out.contains("Exported Tue 2026-03-10 10:00"),
            "{format}\n{out}"
        );
    }
}

#[test]
fn readable_formats_list_entries_oldest_first() {
    for format in READABLE {
        let out = exported(format, &all());
        let night = out.find("First night").unwrap();
        let river = out.find("Walked by the river").unwrap();
        let script = out.find("alert(").unwrap();
        assert!(night < river && river < script, "{format}: out of order");
    }
}

#[test]
fn readable_formats_include_answers_with_named_questions() {
    for format in READABLE {
        let out = exported(format, &all());
        let asked = question("space", "want-or-lonely");
        assert!(asked.contains("Sam"), "the question names the ex: {asked}");
        assert!(out.contains(&asked), "{format}: no question\n{out}");
        assert!(shows(&out, SPACE_ANSWER), "{format}: no answer\n{out}");
        assert!(
            out.contains(&question("growth", "body-care")),
            "{format}\n{out}"
        );
        assert!(out.contains(GROWTH_ANSWER), "{format}: no answer\n{out}");
        assert!(out.contains("Your answers"), "{format}\n{out}");
        // The answers follow the entries, in guide order.
        let space = out.find("Honestly, the closeness").unwrap();
        assert!(out.find("alert(").unwrap() < space);
        assert!(space < out.find(GROWTH_ANSWER).unwrap());
    }
}

#[test]
fn without_a_journey_there_are_no_answers() {
    let out = export(
        Format::Markdown,
        &journal(),
        None,
        &guide(),
        &all(),
        &zone(),
        now(),
    );
    assert!(out.contains("Walked by the river"));
    assert!(!out.contains("Your answers"));
    assert!(!out.contains(SPACE_ANSWER));
}

#[test]
fn an_empty_journal_says_so() {
    for format in READABLE {
        let out = export(
            format,
            &Journal::default(),
            None,
            &guide(),
            &all(),
            &zone(),
            now(),
        );
        assert!(out.contains("No journal entries"), "{format}\n{out}");
    }
}

#[test]
fn markdown_gives_each_entry_a_heading() {
    let out = exported(Format::Markdown, &all());
    assert!(out.starts_with("# "));
    assert!(out.contains("## Sat 2026-02-28 21:30\n"));
    assert!(out.contains(&format!("**Step:** {}", title("space"))));
}

#[test]
fn text_wraps_long_lines_at_words() {
    let mut entries = entries();
    let long = "word ".repeat(60);
    entries[1].text = format!("{long}\n  indented line kept");
    let journal = Journal::from_entries(entries);
    let out = export(
        Format::Text,
        &journal,
        None,
        &guide(),
        &all(),
        &zone(),
        now(),
    );
    assert!(out.lines().all(|l| l.chars().count() <= 78), "{out}");
    assert!(out.contains("\n  indented line kept\n"), "{out}");
    assert_eq!(out.matches("word").count(), 60);
}

#[test]
fn html_escapes_every_user_string() {
    let out = exported(Format::Html, &all());
    assert!(!out.contains("<script"), "{out}");
    assert!(!out.contains("<img"), "{out}");
    assert!(out.contains(
        "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;img src=x&gt;"
    ));
    assert!(out.contains("Tags: a&amp;b"), "{out}");
}

#[test]
fn html_is_one_self_contained_printable_page() {
    let out = exported(Format::Html, &all());
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("<style>") && out.contains("@media print"));
    assert!(
        out.contains("default-src 'none'"),
        "a policy forbids loading anything"
    );
    for banned in [
        "http://", "https://", "<link", "<script", "@import", "url(", "<iframe",
    ] {
        assert!(!out.to_lowercase().contains(banned), "found {banned}");
    }
    assert!(out.trim_end().ends_with("</html>"));
}

#[test]
fn json_is_our_marked_format_without_answers() {
    let out = exported(Format::Json, &all());
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["format"], "rekindle-journal");
    assert_eq!(value["version"], 1);
    assert_eq!(value["exported"], "2026-03-10T15:00:00Z");
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["step"], "space");
    assert_eq!(entries[0]["mood"], 2);
    assert_eq!(entries[0]["created"], "2026-03-01T02:30:00Z");
    assert!(!out.contains("Honestly, the closeness"));
}

/// The workbook keeps older months packed: every format exports them exactly as it exports
/// them open, and the export leaves nothing unpacked behind.
#[test]
fn packed_months_export_as_open_ones() {
    let mut three_months = entries();
    for (n, days) in [(1, 40), (2, 80)] {
        three_months.extend(entries().into_iter().map(|mut e| {
            e.id = format!("{}-{n}", e.id);
            e.created -= chrono::Duration::days(days);
            e
        }));
    }
    let open = Journal::from_entries(three_months.clone());
    let mut packed = Journal::from_entries(three_months);
    for _ in 0..2 * packed.months().count() {
        packed.pack_unread(|_| false);
    }
    assert_eq!(
        packed.packed_months(),
        (2, 0),
        "the older two months packed"
    );
    for format in [Format::Markdown, Format::Json, Format::Text, Format::Html] {
        let export_of =
            |journal: &Journal| export(format, journal, None, &guide(), &all(), &zone(), now());
        assert_eq!(export_of(&packed), export_of(&open), "{format}");
    }
    assert_eq!(packed.packed_months().1, 0, "nothing kept unpacked");
}
