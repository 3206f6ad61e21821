//! `journal add` reads only the month it writes, and never drops what that month's file holds,
//! even when the month it read is not the month the entry lands in (a month boundary passing
//! between opening and adding).

use chrono::Utc;
use clap::Parser;
use rekindle::cli::{Cli, EntryPlace, Session};
use rekindle::engine::{Action, Journal, JournalEntry};
use rekindle::store::{Access, Store};

fn entry(id: &str, text: &str) -> JournalEntry {
    JournalEntry {
        id: id.into(),
        created: Utc::now() - chrono::TimeDelta::seconds(60),
        edited: None,
        text: text.into(),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    }
}

#[test]
fn adding_into_a_month_the_session_had_not_read_keeps_that_months_entries() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::from_entries([entry("a", "already there"), entry("b", "and this")]);
    let this_month = journal.months().next().unwrap();
    {
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        store.save_month(&journal.month_file(this_month)).unwrap();
    }
    let cli = Cli::parse_from(["rekindle", "--data-dir", dir.path().to_str().unwrap()]);
    let in_another_month = "2001-01-15T12:00:00Z".parse().unwrap();
    let (mut session, place) = Session::open_for_entry(&cli, in_another_month).unwrap();
    assert!(matches!(place, EntryPlace::Month), "{place:?}");
    assert!(
        session.book.journal.is_empty(),
        "only the asked month was read"
    );
    session
        .apply(Action::AddEntry {
            text: "new".into(),
            step: None,
            mood: None,
            tags: vec![],
        })
        .unwrap();
    drop(session);
    let store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let month = store.load_month(this_month).unwrap().unwrap();
    let texts: Vec<&str> = month.entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    for text in ["already there", "and this", "new"] {
        assert!(texts.contains(&text), "{texts:?}");
    }
}
