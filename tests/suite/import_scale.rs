//! Importing many entries that share one timestamp takes time in proportion to their number, not
//! its square. The bound here is generous on purpose (a debug build on a busy machine); the real
//! figures come from `benches/import-timing.sh`.

use std::time::{Duration, Instant};

use rekindle::engine::{Journal, JournalEntry};
use rekindle::export::{ImportFormat, Imported, merge};

const COUNT: usize = 20_000;

fn entry(n: usize) -> JournalEntry {
    JournalEntry {
        id: format!("jrnl-{n}"),
        created: "2025-06-01T10:00:00Z".parse().unwrap(),
        edited: None,
        text: format!("Entry {n}."),
        step: None,
        mood: None,
        tags: Vec::new(),
        extra: Default::default(),
    }
}

#[test]
fn twenty_thousand_entries_with_one_timestamp_import_quickly() {
    let mut journal = Journal::from_entries([JournalEntry {
        id: "20250601T100000000Z".into(),
        ..entry(0)
    }]);
    let start = Instant::now();
    let summary = merge(
        &mut journal,
        Imported {
            format: ImportFormat::Jrnl,
            entries: (1..=COUNT).map(entry).collect(),
        },
    );
    let again = merge(
        &mut journal,
        Imported {
            format: ImportFormat::Jrnl,
            entries: (1..=COUNT).map(entry).collect(),
        },
    );
    let took = start.elapsed();
    assert_eq!(summary.added, COUNT);
    assert_eq!(again.skipped_duplicates, COUNT);
    assert_eq!(journal.len(), COUNT + 1);
    assert!(
        took < Duration::from_secs(20),
        "{COUNT} entries took {took:?}"
    );
}

#[test]
fn entries_imported_before_later_ones_of_their_month_keep_the_order() {
    let later: Vec<JournalEntry> = (0..COUNT)
        .map(|n| JournalEntry {
            id: format!("later-{n:05}"),
            created: "2025-06-30T10:00:00Z".parse().unwrap(),
            ..entry(n)
        })
        .collect();
    let mut journal = Journal::from_entries(later);
    let start = Instant::now();
    let summary = merge(
        &mut journal,
        Imported {
            format: ImportFormat::Jrnl,
            entries: (0..COUNT)
                .map(|n| JournalEntry {
                    text: format!("early {n}"),
                    ..entry(n)
                })
                .collect(),
        },
    );
    let took = start.elapsed();
    assert_eq!(summary.added, COUNT);
    let order: Vec<_> = journal.iter().map(|e| (e.created, e.id.clone())).collect();
    assert!(order.is_sorted(), "oldest first, then by id");
    assert_eq!(order.len(), 2 * COUNT);
    assert!(took < Duration::from_secs(20), "took {took:?}");
}
