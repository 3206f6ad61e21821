//! The workbook in-process, at 1k, 10k and 100k journal entries (1M with `REKINDLE_BENCH_1M=1`):
//! open + first frame, loading every month behind it, `J` (home to the journal list), a key in
//! the list, a key while typing (and in a 10 MB entry), packing and unpacking one month (and
//! unpacking one block of it), saving a month, and a streamed export.
//!
//! Run with `cargo bench --bench workbook`; the end-to-end figures through a real terminal come
//! from `benches/pty-timing.py`.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rekindle::cli::Session;
use rekindle::content::default_guide;
use rekindle::engine::{Journal, JournalEntry, MonthKey, Outcome, PackedMonth, Workbook};
use rekindle::export::{ExportFilter, ExportWriter, Format};
use rekindle::store::{Access, Found, InboxRecord, Store};
use rekindle::tui::App;
use rekindle::tui::loader::{JournalLoader, Loaded};
use rekindle::tui::persist::{Persist, Unsaved};
use rekindle::tui::theme::Theme;

fn workbook(c: &mut Criterion) {
    let mut group = c.benchmark_group("workbook");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for size in support::sizes() {
        let book = support::workbook(size);
        let dir = support::data_folder(&book);
        let guide = default_guide().unwrap();
        group.bench_with_input(
            BenchmarkId::new("open + first frame", size),
            &size,
            |b, _| {
                b.iter(|| {
                    let (session, _older) =
                        Session::open_in(guide.clone(), dir.path(), Access::ReadOnly).unwrap();
                    draw(&app(session.book));
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("load every month", size), &size, |b, _| {
            let store = Store::open(dir.path(), Access::ReadOnly).unwrap();
            b.iter(|| std::hint::black_box(store.load_journal().unwrap()))
        });
        group.bench_with_input(
            BenchmarkId::new("loader: every month merged", size),
            &size,
            |b, _| {
                let months: Vec<MonthKey> = book.journal.months().collect();
                b.iter(|| {
                    let mut loader = JournalLoader::spawn(dir.path().to_path_buf(), months.clone());
                    let mut journal = Journal::default();
                    for loaded in loader.wait_for(&months) {
                        match loaded {
                            Loaded::Packed(key, month) => {
                                journal.add_packed_month(key, month);
                            }
                            Loaded::Month(key, month) => {
                                journal.add_file_month(key, month);
                            }
                            Loaded::SetAside(..) => {}
                        }
                    }
                    assert_eq!(journal.len(), book.journal.len());
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("J: home to journal list", size),
            &size,
            |b, _| {
                b.iter_batched_ref(
                    || app(book.clone()),
                    |app| {
                        press(app, KeyCode::Char('J'));
                        draw(app);
                    },
                    BatchSize::LargeInput,
                )
            },
        );
        let mut listing = app(book.clone());
        press(&mut listing, KeyCode::Char('J'));
        group.bench_with_input(
            BenchmarkId::new("key in journal list", size),
            &size,
            |b, _| {
                b.iter(|| {
                    press(&mut listing, KeyCode::Down);
                    draw(&listing);
                })
            },
        );
        let mut typing = app(book.clone());
        press(&mut typing, KeyCode::Char('J'));
        press(&mut typing, KeyCode::Char('n'));
        group.bench_with_input(BenchmarkId::new("key while typing", size), &size, |b, _| {
            b.iter(|| {
                press(&mut typing, KeyCode::Char('a'));
                draw(&typing);
            })
        });
        let largest = book
            .journal
            .months()
            .max_by_key(|k| book.journal.month_len(*k))
            .unwrap();
        let packed = PackedMonth::pack(book.journal.month_entries(largest).to_vec()).unwrap();
        eprintln!(
            "{size}: a month of {} entries, {} bytes of entries packed into {} ({:.2}:1)",
            packed.len(),
            packed.raw_bytes(),
            packed.packed_bytes(),
            packed.raw_bytes() as f64 / packed.packed_bytes() as f64
        );
        let prose = PackedMonth::pack(prose_entries(packed.len())).unwrap();
        eprintln!(
            "{size}: the same number of entries of the guide's own prose: {} bytes packed into {} ({:.2}:1)",
            prose.raw_bytes(),
            prose.packed_bytes(),
            prose.raw_bytes() as f64 / prose.packed_bytes() as f64
        );
        group.bench_with_input(BenchmarkId::new("unpack one month", size), &size, |b, _| {
            b.iter(|| std::hint::black_box(packed.unpack()))
        });
        let entries = book.journal.month_entries(largest).to_vec();
        group.bench_with_input(
            BenchmarkId::new("pack one month (after an edit)", size),
            &size,
            |b, _| {
                b.iter_batched(
                    || entries.clone(),
                    |entries| std::hint::black_box(PackedMonth::pack(entries)),
                    BatchSize::LargeInput,
                )
            },
        );
        group.bench_with_input(
            BenchmarkId::new("unpack one entry's block", size),
            &size,
            |b, _| b.iter(|| std::hint::black_box(packed.unpack_block(packed.block_of(0)))),
        );
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let newest = book.journal.months().last().unwrap_or(MonthKey {
            year: 2023,
            month: 11,
        });
        let month = book.journal.month_file(newest);
        group.bench_with_input(BenchmarkId::new("save one month", size), &size, |b, _| {
            b.iter(|| store.save_month(&month).unwrap())
        });
        drop(store);
        let filter = ExportFilter::default();
        group.bench_with_input(
            BenchmarkId::new("export md (in memory)", size),
            &size,
            |b, _| {
                b.iter(|| {
                    let mut writer = ExportWriter::begin(
                        Format::Markdown,
                        Some(&book.journey),
                        &guide,
                        &filter,
                        &Utc,
                        support::start(size),
                        std::io::sink(),
                    )
                    .unwrap();
                    writer.entries(book.journal.iter()).unwrap();
                    writer.finish().unwrap();
                })
            },
        );
    }
    group.finish();
}

/// A key typed at the end of a 10 MB entry (150,000 lines), with a redraw.
fn long_entry(c: &mut Criterion) {
    let mut typing = app(support::workbook(0));
    press(&mut typing, KeyCode::Char('J'));
    press(&mut typing, KeyCode::Char('n'));
    let line = "I keep thinking about the mornings and the long walks by the river. ";
    let text: String = std::iter::repeat_n(format!("{line}\n"), 150_000).collect();
    typing.on_event(crossterm::event::Event::Paste(text));
    c.bench_function("workbook/key in a 10 MB entry", |b| {
        b.iter(|| {
            press(&mut typing, KeyCode::Char('a'));
            draw(&typing);
        })
    });
}

/// `count` entries of about 600 bytes cut in turn from the guide's own text (`content/`): real
/// prose, which compresses far less than the generated journal's fifty words.
fn prose_entries(count: usize) -> Vec<JournalEntry> {
    fn read_all(dir: &std::path::Path, into: &mut String) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                read_all(&path, into);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                into.push_str(&text);
            }
        }
    }
    let mut corpus = String::new();
    read_all(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &mut corpus,
    );
    let words: Vec<&str> = corpus.split_whitespace().collect();
    let mut next = 0;
    (0..count)
        .map(|i| {
            let mut text = String::new();
            while text.len() < 600 {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(words[next % words.len()]);
                next += 1;
            }
            JournalEntry {
                id: format!("p{i:08}"),
                created: support::start(count),
                edited: None,
                text,
                step: None,
                mood: None,
                tags: Vec::new(),
                extra: Default::default(),
            }
        })
        .collect()
}

fn app(book: Workbook) -> App {
    let now: DateTime<Utc> = "2026-11-23T21:00:00Z".parse().unwrap();
    App::new(
        default_guide().unwrap(),
        book,
        Box::new(LikeTheSaver),
        Box::new(move || now),
        Box::new(Utc),
        Theme::CALM,
    )
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
}

/// Copies what the real saving thread is handed for each change, without the disk.
struct LikeTheSaver;

impl Persist for LikeTheSaver {
    fn record(&mut self, record: &InboxRecord) -> Result<Option<PathBuf>, String> {
        std::hint::black_box(rekindle::store::codec::encode(record).map_err(|e| e.to_string())?);
        Ok(None)
    }

    fn save(&mut self, book: &Workbook, outcome: &Outcome, _retire: Vec<PathBuf>) {
        if outcome.journey_changed {
            std::hint::black_box(book.journey.clone());
        }
        if outcome.drafts_changed {
            std::hint::black_box(book.drafts.clone());
        }
        for month in &outcome.months_changed {
            std::hint::black_box(book.journal.month_file(*month));
        }
    }

    fn status(&mut self) -> Option<Vec<Unsaved>> {
        None
    }

    fn flush(&mut self) -> Vec<Unsaved> {
        Vec::new()
    }

    fn waiting(&mut self) -> Vec<Found> {
        Vec::new()
    }

    fn inbox_dir(&self) -> Option<PathBuf> {
        None
    }
}

criterion_group!(benches, workbook, long_entry);
criterion_main!(benches);
