//! What every bench shares: the journal sizes, and a journal generated the same way each time.

#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use rekindle::content::default_guide;
use rekindle::engine::{Journal, JournalEntry, Journey, Workbook};
use rekindle::store::{Access, Store};

/// The sizes every row is measured at: 1k, 10k and 100k entries, and 1M when
/// `REKINDLE_BENCH_1M=1` is set (generating it takes a minute and 600 MB of disk).
pub fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("REKINDLE_BENCH_1M").is_some_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

/// How many years a generated journal of `size` entries spans: three, or ten above 100,000 (a
/// decade of jrnl).
fn years(size: usize) -> i64 {
    if size <= 100_000 { 3 } else { 10 }
}

/// When the generated journal of `size` entries begins: [`years`] before today's midnight (UTC),
/// so that it ends today, as a returning writer's does, and nothing in it is dated after now
/// (this month's file is then as full as the day of the month makes it).
pub fn start(size: usize) -> DateTime<Utc> {
    let today = Utc::now()
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    today - Duration::seconds(years(size) * 365 * 86_400)
}

const WORDS: &[&str] = &[
    "morning",
    "walk",
    "river",
    "quiet",
    "flat",
    "tea",
    "sister",
    "phone",
    "evening",
    "window",
    "rain",
    "memory",
    "laugh",
    "silence",
    "argument",
    "letter",
    "photo",
    "song",
    "café",
    "naïve",
    "déjà-vu",
    "rêve",
    "coração",
    "心",
    "😌",
    "🌱",
    "💛",
    "small",
    "win",
    "tomorrow",
    "again",
    "miss",
    "maybe",
    "honest",
    "slow",
    "breath",
    "kitchen",
    "train",
    "station",
    "friend",
    "message",
    "unsent",
    "list",
    "#sleep",
    "#walks",
];

/// A small deterministic generator (xorshift64*), so every run writes the same journal.
pub struct Seeded(u64);

impl Seeded {
    /// Seeded with `seed` (not 0).
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// `size` entries over three years (ten above 100,000, as a decade of jrnl), 250 to 1,000 bytes of words with
/// accents, CJK and emoji, some in two paragraphs, a third tied to a step, moods and tags.
pub fn entries(size: usize) -> Vec<JournalEntry> {
    let mut rng = Seeded::new(7);
    let span = years(size) * 365 * 86_400;
    let start = start(size);
    let step = span as f64 / size.max(1) as f64;
    (0..size)
        .map(|i| {
            let at =
                start + Duration::seconds((i as f64 * step) as i64 + rng.below(step as u64) as i64);
            let target = 250 + rng.below(750) as usize;
            let mut text = String::with_capacity(target + 16);
            while text.len() < target {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
            }
            if rng.below(10) < 3 {
                text.push_str(".\n\nLater: ");
                text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
            }
            JournalEntry {
                id: format!("g{i:08}"),
                created: at,
                edited: None,
                text,
                step: (i % 3 == 0).then(|| "reflect".to_string()),
                mood: Some((i % 5) as u8 + 1),
                tags: if i % 4 == 0 {
                    vec!["evening".into()]
                } else {
                    vec![]
                },
                extra: Default::default(),
            }
        })
        .collect()
}

/// A welcomed workbook holding the generated journal of `size` entries.
pub fn workbook(size: usize) -> Workbook {
    let guide = default_guide().unwrap();
    let mut journey = Journey::new(&guide, start(size));
    journey.welcomed = true;
    Workbook {
        journey,
        journal: Journal::from_entries(entries(size)),
        drafts: Default::default(),
    }
}

/// A data folder in a temporary directory holding `book`, saved through the store.
pub fn data_folder(book: &Workbook) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.save_journey(&book.journey).unwrap();
    store
        .save_months(book.journal.months().map(|m| book.journal.month_file(m)))
        .unwrap();
    dir
}

/// A rekindle JSON export of the generated journal of `size` entries, written to `path` an
/// entry at a time.
pub fn export_file(size: usize, path: &std::path::Path) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    out.write_all(
        br#"{"format":"rekindle-journal","version":1,"exported":"2026-11-01T00:00:00Z","entries":["#,
    )
    .unwrap();
    for (i, entry) in entries(size).iter().enumerate() {
        if i > 0 {
            out.write_all(b",").unwrap();
        }
        serde_json::to_writer(&mut out, entry).unwrap();
    }
    out.write_all(b"]}\n").unwrap();
    out.flush().unwrap();
}
