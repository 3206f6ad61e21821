//! Instants at the edges of what the calendar can hold never crash a command or the workbook, in
//! any time zone: `status`, `journal list`, every export and the workbook's screens either show
//! them or refuse them with a clear error, never a panic (exit 101).

use crate::cli_support;
use crate::tui_support;

use std::fs;

use chrono::{DateTime, Utc};
use cli_support::Sandbox;
use rekindle::engine::{
    Calendar, Journal, JournalEntry, MoodCheck, NoContact, UrgePause, Workbook,
};
use rekindle::tui::App;
use rekindle::tui::persist::MemoryPersist;
use rekindle::tui::theme::Theme;
use tui_support::{draw, fresh_book, guide, press};

/// Zones far from UTC on either side, written as the tz database names them.
const ZONES: &[&str] = &[
    "America/New_York",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
];

/// The first and last instants chrono can hold, and the edges of the years a month file can name.
const EDGES: &[&str] = &[
    "-262143-01-01T00:00:00Z",
    "+262142-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
];

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn entries() -> Vec<JournalEntry> {
    EDGES
        .iter()
        .enumerate()
        .map(|(n, created)| JournalEntry {
            id: format!("edge{n}"),
            created: at(created),
            edited: Some(at(EDGES[EDGES.len() - 1 - n])),
            text: format!("written at the edge {created}"),
            step: None,
            mood: Some(3),
            tags: Vec::new(),
            extra: Default::default(),
        })
        .collect()
}

/// A workbook whose journal and journey hold the edge instants.
fn book() -> Workbook {
    let guide = guide();
    let mut book = fresh_book(&guide);
    book.journey.welcomed = true;
    for edge in EDGES {
        book.journey.moods.push(MoodCheck {
            at: at(edge),
            mood: 2,
            word: None,
            extra: Default::default(),
        });
        book.journey.urges.push(UrgePause::new(at(edge), 10));
    }
    book.journey.no_contact = Some(NoContact::new(at(EDGES[1]), 21, None));
    book.journal = Journal::from_entries(entries());
    book
}

fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    fs::create_dir_all(sandbox.journal()).unwrap();
    let month = serde_json::json!({"schema": 1, "month": "2026-03", "entries": entries()});
    fs::write(
        sandbox.journal().join("2026-03.json"),
        serde_json::to_vec(&month).unwrap(),
    )
    .unwrap();
    fs::write(
        sandbox.data().join("journey.json"),
        serde_json::to_vec(&book().journey).unwrap(),
    )
    .unwrap();
    sandbox
}

#[test]
fn no_command_panics_on_edge_dates_in_any_zone() {
    let sandbox = sandbox();
    let commands: &[&[&str]] = &[
        &["status"],
        &["status", "--json"],
        &["status", "--short"],
        &["journal", "list"],
        &["export", "--format", "md"],
        &["export", "--format", "txt"],
        &["export", "--format", "html"],
        &["export", "--format", "json"],
        &["export", "--for-counsellor"],
        &["export", "--since", "2026-01-01"],
    ];
    for zone in ZONES.iter().chain(&["UTC0"]) {
        for args in commands {
            let out = sandbox.cmd(args).env("TZ", zone).output().unwrap();
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.code() == Some(0) || out.status.code() == Some(1),
                "TZ={zone} rekindle {} ended with {:?}: {said}",
                args.join(" "),
                out.status
            );
            assert!(!said.contains("panicked"), "TZ={zone} {args:?}: {said}");
        }
    }
}

#[test]
fn calendars_give_a_date_for_every_instant() {
    for zone in ZONES {
        let tz: chrono_tz::Tz = zone.parse().unwrap();
        for edge in EDGES {
            let local = tz.local(at(edge));
            assert_eq!(tz.date_of(at(edge)), local.date(), "{zone} {edge}");
        }
    }
}

#[test]
fn the_workbook_draws_edge_dates_in_any_zone() {
    for zone in ZONES {
        let tz: chrono_tz::Tz = zone.parse().unwrap();
        let mut app = App::new(
            guide(),
            book(),
            Box::new(MemoryPersist::default()),
            Box::new(|| at("2026-03-01T21:00:00Z")),
            Box::new(tz),
            Theme::PLAIN,
        );
        for keys in [
            "", "J", "<down>", "<down>", "<enter>", "<esc>", "N", "E", "H",
        ] {
            press(&mut app, keys);
            draw(&app, 80, 24);
        }
    }
}
