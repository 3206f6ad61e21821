//! Filing what waits in the inbox never doubles words: a record filed under a new id (its own
//! was taken) and then found again after a crash is recognised by its words.

use chrono::{DateTime, Local, Utc};
use rekindle::content::default_guide;
use rekindle::engine::{Action, Journal, JournalEntry, Journey, Now, Workbook, apply};

fn entry(id: &str, created: &str, text: &str) -> JournalEntry {
    JournalEntry {
        id: id.into(),
        created: created.parse::<DateTime<Utc>>().unwrap(),
        edited: None,
        text: text.into(),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    }
}

#[test]
fn a_record_whose_id_was_taken_is_filed_once_however_often_it_is_found() {
    let guide = default_guide().unwrap();
    let now: DateTime<Utc> = "2026-11-23T21:00:00Z".parse().unwrap();
    let mut book = Workbook {
        journey: Journey::new(&guide, now),
        journal: Journal::from_entries([entry(
            "x",
            "2026-11-02T08:00:00Z",
            "someone else's words",
        )]),
        drafts: Default::default(),
    };
    let record = entry("x", "2026-11-02T09:00:00Z", "words from the second window");
    for _ in 0..3 {
        apply(
            &mut book,
            &guide,
            Action::FileEntry {
                entry: record.clone(),
                replaces: false,
            },
            Now::new(now, &Local),
        )
        .unwrap();
    }
    let texts: Vec<&str> = book.journal.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        ["someone else's words", "words from the second window"]
    );
}
