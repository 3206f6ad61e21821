//! `--since`, `--until` and `--step` narrow an export by local date and step.

use crate::export_support;

use chrono::NaiveDate;
use export_support::*;
use rekindle::export::{ExportFilter, Format};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn dates(since: Option<&str>, until: Option<&str>) -> ExportFilter {
    ExportFilter {
        since: since.map(day),
        until: until.map(day),
        step: None,
    }
}

fn step(id: &str) -> ExportFilter {
    ExportFilter {
        step: Some(id.into()),
        ..ExportFilter::default()
    }
}

/// Which of the three fixture entries an export holds, by a word from each.
fn shown(out: &str) -> [bool; 3] {
    ["First night", "Walked by the river", "alert("].map(|w| out.contains(w))
}

#[test]
fn since_reads_the_local_calendar() {
    // The first entry is 1 March in UTC but 28 February where the user lives.
    let filter = dates(Some("2026-03-01"), None);
    for format in [Format::Markdown, Format::Text, Format::Html, Format::Json] {
        assert_eq!(
            shown(&exported(format, &filter)),
            [false, true, true],
            "{format}"
        );
    }
    let filter = dates(Some("2026-02-28"), None);
    assert_eq!(shown(&exported(Format::Text, &filter)), [true, true, true]);
}

#[test]
fn until_is_inclusive_in_local_time() {
    // The last entry is 5 March in UTC but 23:59 on 4 March locally.
    let filter = dates(None, Some("2026-03-04"));
    assert_eq!(
        shown(&exported(Format::Markdown, &filter)),
        [true, true, true]
    );
    let filter = dates(None, Some("2026-03-03"));
    assert_eq!(
        shown(&exported(Format::Markdown, &filter)),
        [true, true, false]
    );
}

#[test]
fn a_single_day_range_holds_that_day_only() {
    let filter = dates(Some("2026-03-02"), Some("2026-03-02"));
    for format in [Format::Markdown, Format::Text, Format::Html, Format::Json] {
        assert_eq!(
            shown(&exported(format, &filter)),
            [false, true, false],
            "{format}"
        );
    }
}

#[test]
fn step_keeps_that_steps_entries_and_answers() {
    for format in READABLE {
        let out = exported(format, &step("space"));
        assert_eq!(shown(&out), [true, false, false], "{format}");
        assert!(shows(&out, SPACE_ANSWER), "{format}\n{out}");
        assert!(!out.contains(GROWTH_ANSWER), "{format}\n{out}");
        assert!(
            out.contains(&format!("step: {}", title("space"))),
            "{format}\n{out}"
        );
    }
    assert_eq!(
        shown(&exported(Format::Json, &step("growth"))),
        [false, true, false]
    );
}

#[test]
fn dates_also_limit_the_answers() {
    // The space answer was last changed on 1 March, the growth answer on 3 March.
    let out = exported(Format::Markdown, &dates(Some("2026-03-02"), None));
    assert!(!out.contains("Honestly, the closeness"), "{out}");
    assert!(out.contains(GROWTH_ANSWER), "{out}");
    assert!(out.contains("from 2026-03-02"), "{out}");
}

#[test]
fn a_step_with_nothing_in_it_exports_an_empty_journal() {
    let out = exported(Format::Text, &step("trust"));
    assert_eq!(shown(&out), [false, false, false]);
    assert!(out.contains("No journal entries"));
    assert!(!out.contains("Your answers"));
}

#[test]
fn the_filter_itself_checks_bounds_inclusively() {
    let filter = dates(Some("2026-03-01"), Some("2026-03-03"));
    assert!(!filter.admits_date(day("2026-02-28")));
    assert!(filter.admits_date(day("2026-03-01")));
    assert!(filter.admits_date(day("2026-03-03")));
    assert!(!filter.admits_date(day("2026-03-04")));
    assert!(ExportFilter::default().is_open());
    assert!(step("space").admits_step(Some("space")));
    assert!(!step("space").admits_step(None));
    assert!(ExportFilter::default().admits_step(None));
}
