//! Mood check-ins, slips, the no-contact count and urge pauses in the readable exports, and the
//! export for a counsellor.

use crate::export_support;

use chrono::NaiveDate;
use export_support::*;
use rekindle::engine::{
    Break, BreakKind, Journal, Journey, MoodCheck, NoContact, UrgeOutcome, UrgePause,
};
use rekindle::export::{CounsellorError, ExportFilter, Format, export, export_for_counsellor};

fn all() -> ExportFilter {
    ExportFilter::default()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The shared journey plus two moods, two slips and two urge pauses (local zone is UTC-5).
fn journey_with_wellbeing() -> Journey {
    let mut journey = journey();
    journey.moods = vec![
        MoodCheck {
            // Sat 2026-02-28 22:00 local.
            at: at("2026-03-01T03:00:00Z"),
            mood: 2,
            word: Some("lonely".into()),
            extra: Default::default(),
        },
        MoodCheck {
            // Fri 2026-03-06 09:00 local.
            at: at("2026-03-06T14:00:00Z"),
            mood: 4,
            word: Some("<b>hopeful</b> & \"ok\"".into()),
            extra: Default::default(),
        },
    ];
    let mut no_contact = NoContact::new(at("2026-02-27T12:00:00Z"), 21, None);
    no_contact.breaks = vec![
        Break {
            // Mon 2026-03-02 21:00 local.
            at: at("2026-03-03T02:00:00Z"),
            what: BreakKind::Messaged,
            trigger: "saw our song <3".into(),
            felt: Some(2),
            resets: true,
            corrected: None,
            extra: Default::default(),
        },
        Break {
            // Sun 2026-03-08 11:00 local.
            at: at("2026-03-08T16:00:00Z"),
            what: BreakKind::CheckedSocials,
            trigger: "bored".into(),
            felt: None,
            resets: false,
            corrected: None,
            extra: Default::default(),
        },
    ];
    journey.no_contact = Some(no_contact);
    journey.urges = vec![
        UrgePause {
            // Tue 2026-03-03 20:00 local.
            started: at("2026-03-04T01:00:00Z"),
            minutes: 10,
            draft: "I miss you.\nCan we talk?".into(),
            ended: Some((at("2026-03-04T01:12:00Z"), UrgeOutcome::Waited)),
            extra: Default::default(),
        },
        UrgePause {
            // Mon 2026-03-09 07:00 local.
            started: at("2026-03-09T12:00:00Z"),
            minutes: 15,
            draft: String::new(),
            ended: None,
            extra: Default::default(),
        },
    ];
    journey
}

fn exported_with(format: Format, filter: &ExportFilter) -> String {
    export(
        format,
        &journal(),
        Some(&journey_with_wellbeing()),
        &guide(),
        filter,
        &zone(),
        now(),
    )
}

fn counsellor(format: Format, ids: Option<&[&str]>) -> Result<String, CounsellorError> {
    let ids: Option<Vec<String>> = ids.map(|ids| ids.iter().map(|s| s.to_string()).collect());
    export_for_counsellor(
        format,
        &journal(),
        &journey_with_wellbeing(),
        &guide(),
        ids.as_deref(),
        &all(),
        &zone(),
        now(),
    )
}

/// Words from the moods, the slips and the urge pauses that every readable export shows.
const MOODS: [&str; 4] = [
    "Mood check-ins",
    "Sat 2026-02-28 22:00",
    "2/5 low",
    "lonely",
];
const SLIPS: [&str; 8] = [
    "Slips",
    "Mon 2026-03-02 21:00",
    "Messaged Sam",
    "saw our song",
    "2/5 low",
    "started again",
    "Checked their social media",
    "kept going",
];
const URGES: [&str; 6] = [
    "Urge pauses",
    "Tue 2026-03-03 20:00",
    "I waited, and the urge passed",
    "I miss you.",
    "Can we talk?",
    "Not ended yet",
];

#[test]
fn readable_formats_show_moods_slips_and_urge_pauses() {
    for format in READABLE {
        let out = exported_with(format, &all());
        for word in MOODS.iter().chain(&SLIPS).chain(&URGES) {
            assert!(out.contains(word), "{format}: no {word:?}\n{out}");
        }
        assert!(out.contains("4/5 okay"), "{format}\n{out}");
    }
}

#[test]
fn readable_formats_sum_up_no_contact() {
    // The run restarted on 2 March (local); on 10 March 8 days are done and it is day 9, as the
    // workbook counts it, and 11 days since 27 Feb.
    for format in READABLE {
        let out = exported_with(format, &all());
        for word in [
            "No contact",
            "Fri 2026-02-27",
            "21 days",
            "day 9 of 21",
            "Longest run",
            "8 days",
            "11 days since it began",
        ] {
            assert!(out.contains(word), "{format}: no {word:?}\n{out}");
        }
    }
}

#[test]
fn sections_come_after_entries_and_answers_in_order() {
    for format in READABLE {
        let out = exported_with(format, &all());
        let pos = |w: &str| {
            out.find(w)
                .unwrap_or_else(|| panic!("{format}: no {w}\n{out}"))
        };
        assert!(pos("Walked by the river") < pos("Your answers"), "{format}");
        assert!(pos("Your answers") < pos("Mood check-ins"), "{format}");
        assert!(pos("Mood check-ins") < pos("No contact"), "{format}");
        assert!(pos("No contact") < pos("Urge pauses"), "{format}");
    }
}

#[test]
fn dates_narrow_moods_slips_and_urges_but_not_the_count() {
    let since = ExportFilter {
        since: Some(day("2026-03-05")),
        ..all()
    };
    for format in READABLE {
        let out = exported_with(format, &since);
        for gone in ["lonely", "saw our song", "I miss you."] {
            assert!(
                !out.contains(gone),
                "{format}: {gone:?} is before --since\n{out}"
            );
        }
        for kept in [
            "hopeful",
            "Checked their social media",
            "Not ended yet",
            "day 9 of 21",
        ] {
            assert!(out.contains(kept), "{format}: no {kept:?}\n{out}");
        }
    }
    // 1 March 03:00 UTC is still 28 February where the user lives.
    let until = ExportFilter {
        until: Some(day("2026-02-28")),
        ..all()
    };
    for format in READABLE {
        let out = exported_with(format, &until);
        assert!(out.contains("lonely"), "{format}\n{out}");
        for gone in [
            "hopeful",
            "saw our song",
            "bored",
            "Messaged Sam",
            "Urge pauses",
        ] {
            assert!(
                !out.contains(gone),
                "{format}: {gone:?} is after --until\n{out}"
            );
        }
        assert!(
            out.contains("day 9 of 21"),
            "{format}: the count stays\n{out}"
        );
    }
}

#[test]
fn a_step_filter_leaves_out_what_belongs_to_no_step() {
    let filter = ExportFilter {
        step: Some("space".into()),
        ..all()
    };
    for format in READABLE {
        let out = exported_with(format, &filter);
        assert!(out.contains("First night"), "{format}\n{out}");
        for gone in ["Mood check-ins", "lonely", "saw our song", "Urge pauses"] {
            assert!(!out.contains(gone), "{format}: {gone:?}\n{out}");
        }
    }
}

#[test]
fn nothing_logged_means_no_sections() {
    for format in READABLE {
        let out = exported(format, &all());
        for gone in ["Mood check-ins", "No contact", "Slips", "Urge pauses"] {
            assert!(!out.contains(gone), "{format}: {gone:?}\n{out}");
        }
    }
}

#[test]
fn json_still_carries_the_journal_only() {
    let with = exported_with(Format::Json, &all());
    let without = export(
        Format::Json,
        &journal(),
        None,
        &guide(),
        &all(),
        &zone(),
        now(),
    );
    assert_eq!(with, without);
    assert!(!with.contains("lonely") && !with.contains("I miss you"));
}

#[test]
fn html_escapes_moods_slips_and_drafts_and_stays_self_contained() {
    let out = exported_with(Format::Html, &all());
    assert!(!out.contains("<b>hopeful"), "{out}");
    assert!(
        out.contains("&lt;b&gt;hopeful&lt;/b&gt; &amp; &quot;ok&quot;"),
        "{out}"
    );
    assert!(out.contains("saw our song &lt;3"), "{out}");
    assert!(
        out.contains("I miss you.\nCan we talk?"),
        "line breaks kept\n{out}"
    );
    for banned in [
        "http://", "https://", "<link", "<script", "@import", "url(", "<iframe",
    ] {
        assert!(!out.to_lowercase().contains(banned), "found {banned}");
    }
    assert!(out.trim_end().ends_with("</html>"));
}

#[test]
fn text_stays_within_its_width() {
    let mut journey = journey_with_wellbeing();
    journey.urges[0].draft = "so much to say ".repeat(20);
    journey.no_contact.as_mut().unwrap().breaks[0].trigger = "a long story ".repeat(20);
    let out = export(
        Format::Text,
        &journal(),
        Some(&journey),
        &guide(),
        &all(),
        &zone(),
        now(),
    );
    assert!(out.lines().all(|l| l.chars().count() <= 78), "{out}");
    assert_eq!(out.matches("so much to say").count(), 20);
}

#[test]
fn markdown_quotes_the_draft() {
    let out = exported_with(Format::Markdown, &all());
    assert!(out.contains("> I miss you.\n> Can we talk?\n"), "{out}");
    assert!(
        out.contains("- **Sat 2026-02-28 22:00** · 2/5 low · “lonely”\n"),
        "{out}"
    );
}

#[test]
fn counsellor_export_holds_only_the_chosen_entries() {
    for format in [Format::Markdown, Format::Html] {
        let out = counsellor(format, Some(&["20260302T140000000Z"])).unwrap();
        assert!(out.contains("For my counsellor"), "{format}\n{out}");
        assert!(out.contains("chose to share"), "{format}\n{out}");
        assert!(out.contains("Walked by the river"), "{format}\n{out}");
        assert!(!out.contains("First night"), "{format}\n{out}");
        assert!(!out.contains("alert("), "{format}\n{out}");
        assert!(!out.contains("My rekindle journal"), "{format}\n{out}");
    }
}

#[test]
fn counsellor_export_carries_answers_moods_and_slips_but_no_drafts() {
    for format in [Format::Markdown, Format::Html] {
        let out = counsellor(format, Some(&["20260302T140000000Z"])).unwrap();
        assert!(shows(&out, "Not sure it is Sam."), "{format}\n{out}");
        for word in MOODS.iter().chain(&SLIPS) {
            assert!(out.contains(word), "{format}: no {word:?}\n{out}");
        }
        assert!(out.contains("day 9 of 21"), "{format}\n{out}");
        for gone in ["Urge pauses", "I miss you", "Not ended yet"] {
            assert!(
                !out.contains(gone),
                "{format}: {gone:?} stays private\n{out}"
            );
        }
    }
}

#[test]
fn counsellor_export_without_ids_holds_every_entry_once_in_order() {
    let out = counsellor(Format::Markdown, None).unwrap();
    for word in ["First night", "Walked by the river", "alert("] {
        assert!(out.contains(word), "{out}");
    }
    let twice = counsellor(
        Format::Markdown,
        Some(&[
            "20260302T140000000Z",
            "20260301T023000000Z",
            "20260302T140000000Z",
        ]),
    )
    .unwrap();
    assert_eq!(twice.matches("Walked by the river").count(), 1);
    assert!(twice.find("First night").unwrap() < twice.find("Walked by the river").unwrap());
}

#[test]
fn counsellor_export_follows_the_dates_for_entries_without_ids() {
    let filter = ExportFilter {
        since: Some(day("2026-03-02")),
        ..all()
    };
    let out = export_for_counsellor(
        Format::Markdown,
        &journal(),
        &journey_with_wellbeing(),
        &guide(),
        None,
        &filter,
        &zone(),
        now(),
    )
    .unwrap();
    assert!(
        !out.contains("First night") && !out.contains("lonely"),
        "{out}"
    );
    assert!(out.contains("Walked by the river") && out.contains("saw our song"));
    assert!(out.contains("from 2026-03-02"), "the scope is said\n{out}");
}

#[test]
fn counsellor_export_names_an_unknown_entry() {
    let err = counsellor(Format::Markdown, Some(&["20260302T140000000Z", "nope"])).unwrap_err();
    assert_eq!(err, CounsellorError::UnknownEntry("nope".into()));
    assert!(err.to_string().contains("`nope`"), "{err}");
}

#[test]
fn counsellor_export_is_markdown_or_html_only() {
    for format in [Format::Text, Format::Json] {
        let err = counsellor(format, None).unwrap_err();
        assert_eq!(err, CounsellorError::Format(format));
        assert!(err.to_string().contains("md or html"), "{err}");
    }
}

#[test]
fn counsellor_html_is_escaped_and_self_contained() {
    let out = counsellor(Format::Html, None).unwrap();
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("<title>For my counsellor</title>"));
    assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("<b>hopeful"));
    assert!(out.contains("&lt;script&gt;alert("), "{out}");
    assert!(out.contains("default-src 'none'"));
    assert!(out.trim_end().ends_with("</html>"));
}

#[test]
fn an_empty_journal_still_exports_for_a_counsellor() {
    let out = export_for_counsellor(
        Format::Markdown,
        &Journal::default(),
        &journey_with_wellbeing(),
        &guide(),
        None,
        &all(),
        &zone(),
        now(),
    )
    .unwrap();
    assert!(out.contains("No journal entries"), "{out}");
    assert!(out.contains("lonely"), "{out}");
}
