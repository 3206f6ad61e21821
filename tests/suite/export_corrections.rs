//! A corrected slip says so in the readable exports, with the local time of the correction; an
//! uncorrected one says nothing about corrections.

use crate::export_support;

use export_support::*;
use rekindle::engine::{Break, BreakKind, NoContact};
use rekindle::export::{ExportFilter, Format, export};

fn exported_with_slips(slips: Vec<Break>) -> Vec<(Format, String)> {
    let mut journey = journey();
    let mut record = NoContact::new(at("2026-02-27T12:00:00Z"), 21, None);
    record.breaks = slips;
    journey.no_contact = Some(record);
    READABLE
        .into_iter()
        .map(|format| {
            let out = export(
                format,
                &journal(),
                Some(&journey),
                &guide(),
                &ExportFilter::default(),
                &zone(),
                now(),
            );
            (format, out)
        })
        .collect()
}

fn slip(corrected: Option<&str>) -> Break {
    Break {
        at: at("2026-03-03T02:00:00Z"),
        what: BreakKind::Messaged,
        trigger: "an old song".into(),
        felt: Some(2),
        resets: false,
        corrected: corrected.map(at),
        extra: Default::default(),
    }
}

#[test]
fn a_corrected_slip_shows_when_it_was_corrected() {
    for (format, out) in exported_with_slips(vec![slip(Some("2026-03-05T15:30:00Z"))]) {
        assert!(out.contains("an old song"), "{format}\n{out}");
        // 15:30 UTC is 10:30 in the export's zone.
        let line = out
            .lines()
            .find(|l| l.contains("Corrected on"))
            .unwrap_or_else(|| panic!("{format}: no correction\n{out}"));
        assert!(line.contains("Thu 2026-03-05 10:30"), "{format}: {line}");
    }
}

#[test]
fn an_uncorrected_slip_says_nothing_about_corrections() {
    for (format, out) in exported_with_slips(vec![slip(None)]) {
        assert!(out.contains("an old song"), "{format}\n{out}");
        assert!(!out.contains("Corrected"), "{format}\n{out}");
    }
}
