//! The promise written when no contact began (what would have to be true to reconnect) and the
//! answers to prompts travel in every readable export, beside the no-contact count; JSON stays
//! the journal's entries only.

use crate::export_support;

use export_support::*;
use rekindle::engine::{Journey, NoContact};
use rekindle::export::{ExportFilter, Format, export};

const PROMISE: &str = "They say sorry for the <shouting> & mean it.\nWe both want to try.";

fn journey_with_promise() -> Journey {
    let mut journey = journey();
    journey.no_contact = Some(NoContact::new(
        at("2026-02-27T12:00:00Z"),
        21,
        Some(PROMISE.into()),
    ));
    journey
}

fn exported(format: Format, journey: &Journey) -> String {
    export(
        format,
        &journal(),
        Some(journey),
        &guide(),
        &ExportFilter::default(),
        &zone(),
        now(),
    )
}

#[test]
fn readable_exports_carry_the_promise_after_the_count() {
    let journey = journey_with_promise();
    let md = exported(Format::Markdown, &journey);
    let label = "What would have to be true to reconnect (written when no contact began)";
    let at = md.find(&format!("**{label}:**")).expect(&md);
    assert!(md.find("## No contact").unwrap() < at, "{md}");
    assert!(
        md[at..].contains("They say sorry for the <shouting> & mean it.  \nWe both want to try."),
        "{md}"
    );
    let txt = exported(Format::Text, &journey);
    assert!(
        txt.contains(&format!("{label}:\n    They say sorry")),
        "{txt}"
    );
    assert!(txt.contains("    We both want to try."), "{txt}");
    let html = exported(Format::Html, &journey);
    assert!(
        html.contains("They say sorry for the &lt;shouting&gt; &amp; mean it."),
        "{html}"
    );
    assert!(!html.contains("<shouting>"), "escaped: {html}");
}

#[test]
fn readable_exports_carry_the_answers_too() {
    let journey = journey_with_promise();
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let text = exported(format, &journey);
        let answer = journey
            .steps
            .values()
            .flat_map(|s| s.answers.values())
            .find(|a| !a.text.trim().is_empty())
            .expect("the shared journey has an answer");
        let first = answer.text.lines().next().unwrap();
        assert!(text.contains(first), "{format:?} lacks {first:?}: {text}");
    }
}

#[test]
fn no_promise_written_means_no_promise_shown_and_json_holds_entries_only() {
    let mut journey = journey_with_promise();
    journey.no_contact.as_mut().unwrap().commitment = Some("  \n ".into());
    let md = exported(Format::Markdown, &journey);
    assert!(md.contains("## No contact"), "{md}");
    assert!(!md.contains("would have to be true"), "{md}");
    let json = exported(Format::Json, &journey_with_promise());
    assert!(!json.contains("They say sorry"), "{json}");
}
