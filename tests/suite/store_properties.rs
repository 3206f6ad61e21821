//! Properties of the stored files, over generated journals: any month or drafts file (unknown
//! fields included) comes back equal after save and load; random damage to a file is either read
//! as a whole file or refused with the file left byte for byte as it was.

use std::collections::BTreeMap;
use std::fs;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::engine::{
    Draft, Drafts, JOURNAL_SCHEMA, JournalEntry, JournalMonth, MonthKey, PackedMonth,
};
use rekindle::store::{Access, Store};
use serde_json::Value;

/// A moment in November 2026, to the millisecond.
fn in_november() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..30 * 24 * 3_600_000).prop_map(|ms| {
        Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap() + chrono::TimeDelta::milliseconds(ms)
    })
}

/// Text as people write it: any characters, emoji and control characters included, with at
/// least one that is not white space (the store refuses an entry with no words).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,80}",
        any::<String>(),
        "[a-z 😔🌱\\n\\t\u{1b}\u{202e}]{1,40}",
    ]
    .prop_filter("has words", |s| !s.trim().is_empty())
}

/// Fields a newer rekindle might add, named so they never clash with ours.
fn extra() -> impl Strategy<Value = BTreeMap<String, Value>> {
    prop::collection::btree_map(
        "x_[a-z]{1,8}",
        prop_oneof![
            any::<i64>().prop_map(Value::from),
            "\\PC{0,12}".prop_map(Value::from),
            any::<bool>().prop_map(Value::from),
        ],
        0..3,
    )
}

fn entry() -> impl Strategy<Value = JournalEntry> {
    (
        "[0-9A-Za-z-]{1,24}",
        in_november(),
        prop::option::of(in_november()),
        text(),
        prop::option::of("[a-z-]{1,12}"),
        prop::option::of(1u8..=5),
        prop::collection::vec("\\PC{1,10}", 0..3),
        extra(),
    )
        .prop_map(
            |(id, created, edited, text, step, mood, tags, extra)| JournalEntry {
                id,
                created,
                edited,
                text,
                step,
                mood,
                tags,
                extra,
            },
        )
}

fn month() -> impl Strategy<Value = JournalMonth> {
    (prop::collection::vec(entry(), 0..12), extra()).prop_map(|(entries, extra)| {
        let mut seen = std::collections::HashSet::new();
        let entries = entries
            .into_iter()
            .filter(|e| seen.insert(e.id.clone()))
            .collect();
        JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: "2026-11".to_string(),
            entries,
            extra,
        }
    })
}

fn drafts() -> impl Strategy<Value = Drafts> {
    (
        prop::collection::btree_map("[a-z:-]{1,20}", (text(), in_november()), 0..5),
        extra(),
    )
        .prop_map(|(texts, extra)| Drafts {
            texts: texts
                .into_iter()
                .map(|(key, (text, updated))| (key, Draft { text, updated }))
                .collect(),
            extra,
            ..Drafts::default()
        })
}

const NOVEMBER: MonthKey = MonthKey {
    year: 2026,
    month: 11,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_month_round_trips_with_unknown_fields(month in month()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        store.save_month(&month).unwrap();
        let loaded = store.load_month(NOVEMBER).unwrap().unwrap();
        prop_assert_eq!(&loaded, &month);
        store.save_month(&loaded).unwrap();
        prop_assert_eq!(store.load_month(NOVEMBER).unwrap().unwrap(), month);
    }

    #[test]
    fn any_month_packed_in_memory_unpacks_to_exactly_what_it_held(
        month in month(),
        long in prop::option::of((0usize..12, 1usize..4)),
    ) {
        let mut entries = month.entries;
        // One text longer than a block (64 KiB), so entries spread over several blocks.
        if let Some((at, blocks)) = long.filter(|(at, _)| *at < entries.len()) {
            entries[at].text = "é 🌱 \u{1b}[2J ".repeat(blocks * 8_000);
        }
        let packed = PackedMonth::pack(entries.clone()).expect("a month this size packs");
        prop_assert_eq!(packed.len(), entries.len());
        prop_assert_eq!(packed.unpack(), entries);
    }

    #[test]
    fn any_drafts_file_round_trips(drafts in drafts()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        store.save_drafts(&drafts).unwrap();
        prop_assert_eq!(store.load_drafts().unwrap().unwrap(), drafts);
    }

    #[test]
    fn damage_is_read_whole_or_refused_unchanged(
        month in month(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
            store.save_month(&month).unwrap();
        }
        let file = dir.path().join("journal/2026-11.json");
        let mut bytes = fs::read(&file).unwrap();
        for (at, byte, how) in cuts {
            let i = at.index(bytes.len().max(1));
            match how {
                0 if i < bytes.len() => bytes[i] = byte,
                1 if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i.min(bytes.len()), byte),
            }
        }
        fs::write(&file, &bytes).unwrap();
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        match store.load_month(NOVEMBER) {
            Ok(Some(loaded)) => {
                store.save_month(&loaded).unwrap();
                prop_assert_eq!(store.load_month(NOVEMBER).unwrap().unwrap(), loaded);
            }
            Ok(None) => prop_assert!(false, "the file is there"),
            Err(_) => {
                prop_assert!(store.save_month(&month).is_err(), "a refused file is not saved over");
                prop_assert_eq!(fs::read(&file).unwrap(), bytes);
            }
        }
    }
}
