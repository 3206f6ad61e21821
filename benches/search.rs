//! The journal search: building the index, and one key of the search line (typing a word one
//! letter at a time, then a second word) at 1k, 10k and 100k entries, and 1M with
//! `REKINDLE_BENCH_1M=1`. Run with `cargo bench --bench search`.
//!
//! The journal is made here from a fixed seed: entries of about 600 bytes of everyday words,
//! some in other scripts and with emoji, a few #tags each, spread over ten years of months.
//! No timing is asserted; criterion prints the figures.

use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rekindle::engine::search::{Filter, Query, SearchIndex};
use rekindle::engine::{Journal, JournalEntry};

/// Words the entries are made of: common ones often, the rest now and then.
const WORDS: &[&str] = &[
    "I",
    "the",
    "and",
    "to",
    "a",
    "was",
    "it",
    "my",
    "of",
    "that",
    "me",
    "in",
    "today",
    "feel",
    "felt",
    "still",
    "not",
    "sleep",
    "slept",
    "sleeping",
    "walk",
    "walked",
    "calm",
    "tired",
    "angry",
    "sad",
    "better",
    "worse",
    "message",
    "messages",
    "phone",
    "friend",
    "friends",
    "work",
    "working",
    "weekend",
    "morning",
    "night",
    "coffee",
    "tea",
    "river",
    "park",
    "sister",
    "mother",
    "therapy",
    "therapist",
    "breathe",
    "breathing",
    "cried",
    "laughed",
    "remember",
    "remembered",
    "photos",
    "music",
    "song",
    "alone",
    "lonely",
    "quiet",
    "space",
    "time",
    "healing",
    "hope",
    "hopeful",
    "miss",
    "missed",
    "missing",
    "them",
    "their",
    "again",
    "maybe",
    "because",
    "without",
    "through",
    "something",
    "nothing",
    "everything",
    "ça",
    "déjà",
    "naïve",
    "Ärger",
    "über",
    "schön",
    "niño",
    "café",
    "Москва",
    "тихо",
    "夜",
    "静か",
    "🙂",
    "🌙",
    "💔",
    "—",
    "don't",
    "can't",
    "2am",
    "3pm",
];

const TAGS: &[&str] = &[
    "#sleep", "#work", "#calm", "#hope", "#family", "#urge", "#anger",
];

/// A small deterministic random number generator (xorshift), so every run writes the same
/// journal.
struct Seed(u64);

impl Seed {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A word, the common ones (the start of the list) more often.
    fn word(&mut self) -> &'static str {
        let a = self.below(WORDS.len());
        let b = self.below(WORDS.len());
        WORDS[a.min(b)]
    }
}

/// About 600 bytes of sentences with a couple of tags.
fn text(seed: &mut Seed) -> String {
    let mut text = String::with_capacity(700);
    let target = 450 + seed.below(300);
    while text.len() < target {
        let sentence = 6 + seed.below(12);
        for i in 0..sentence {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(seed.word());
        }
        text.push_str(". ");
        if seed.below(8) == 0 {
            text.push('\n');
        }
    }
    for _ in 0..seed.below(3) {
        text.push_str(TAGS[seed.below(TAGS.len())]);
        text.push(' ');
    }
    text.trim_end().to_string()
}

/// `size` entries spread evenly over ten years.
fn journal(size: usize) -> Journal {
    let mut seed = Seed(0x5eed_1e55_c0ff_ee11);
    let start: DateTime<Utc> = "2016-01-01T08:00:00Z".parse().unwrap();
    let step = Span::minutes(10 * 365 * 24 * 60) / size as i32;
    Journal::from_entries((0..size).map(|i| {
        let created = start + step * i as i32;
        JournalEntry {
            id: format!("{}-{i}", created.format("%Y%m%dT%H%M%S%3fZ")),
            created,
            edited: None,
            text: text(&mut seed),
            step: (seed.below(5) == 0).then(|| "space".to_string()),
            mood: Some(1 + seed.below(5) as u8),
            tags: Vec::new(),
            extra: Default::default(),
        }
    }))
}

fn title(step: &str) -> Option<String> {
    (step == "space").then(|| "Give it space".to_string())
}

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("REKINDLE_BENCH_1M").is_some_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

/// What is typed, one key at a time: a word, then a second one.
const KEYS: &[&str] = &["s", "sl", "sle", "slee", "sleep", "sleep w", "sleep wa"];

fn search(c: &mut Criterion) {
    for size in sizes() {
        let journal = journal(size);
        let started = Instant::now();
        let index = SearchIndex::build(&journal, &title);
        println!(
            "search index build, {size} entries: {:.1?} (one run)",
            started.elapsed()
        );
        let mut build = c.benchmark_group("index build");
        build.sample_size(10);
        build.measurement_time(Duration::from_secs(if size >= 100_000 { 20 } else { 5 }));
        if size <= 100_000 {
            build.bench_function(BenchmarkId::from_parameter(size), |b| {
                b.iter(|| SearchIndex::build(&journal, &title))
            });
        }
        build.finish();

        let mut keys = c.benchmark_group(format!("per key, {size} entries"));
        keys.sample_size(20);
        for typed in KEYS {
            let filter = Filter {
                query: Query::parse(typed),
                ..Filter::default()
            };
            keys.bench_function(BenchmarkId::from_parameter(typed), |b| {
                b.iter(|| index.search(&journal, &filter, &title))
            });
        }
        keys.finish();

        if size == 100_000 {
            // Before the index is built (the first seconds after opening) months are read
            // directly: slower, same results.
            let mut unindexed = c.benchmark_group("per key before the index, 100000 entries");
            unindexed.sample_size(10);
            let none = SearchIndex::default();
            for typed in ["s", "sleep"] {
                let filter = Filter {
                    query: Query::parse(typed),
                    ..Filter::default()
                };
                unindexed.bench_function(BenchmarkId::from_parameter(typed), |b| {
                    b.iter(|| none.search(&journal, &filter, &title))
                });
            }
            unindexed.finish();
        }
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
