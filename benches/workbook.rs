//! Timings for the numbers DESIGN names: load + first frame, one keystroke + redraw, a save, and an
//! export, with 1k, 10k and 100k journal entries. Run with `cargo bench --bench workbook`.
//!
//! No timing is asserted anywhere; this prints medians over repeated runs.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rekindle::cli::Session;
use rekindle::content::default_guide;
use rekindle::engine::Outcome;
use rekindle::engine::{Journal, JournalEntry, Journey, MonthKey, Workbook};
use rekindle::export::{ExportFilter, Format, export};
use rekindle::store::{Access, Found, InboxRecord, Store};
use rekindle::tui::App;
use rekindle::tui::persist::{Persist, Unsaved};
use rekindle::tui::theme::Theme;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    println!(
        "{:<38} {:>10} {:>10} {:>10}",
        "median of runs", "1k", "10k", "100k"
    );
    let mut rows: Vec<(&str, Vec<Duration>)> = vec![
        ("open + first frame (newest month)", vec![]),
        ("load every month (behind the frame)", vec![]),
        ("keystroke + redraw (journal list)", vec![]),
        ("keystroke + redraw (typing)", vec![]),
        ("save one month (atomic)", vec![]),
        ("export markdown", vec![]),
    ];
    for size in SIZES {
        let dir = tempfile::TempDir::new().unwrap();
        let start: DateTime<Utc> = "2024-01-01T08:00:00Z".parse().unwrap();
        let book = fill(size, start);
        {
            let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
            store.save_journey(&book.journey).unwrap();
            for month in book.journal.months() {
                store.save_month(&book.journal.month_file(month)).unwrap();
            }
        }
        let runs = if size >= 100_000 { 5 } else { 15 };
        rows[0].1.push(median(runs, || {
            let guide = default_guide().unwrap();
            let (session, _older) = Session::open_in(guide, dir.path(), Access::ReadOnly).unwrap();
            let app = app(session.book);
            draw(&app);
        }));
        rows[1].1.push(median(runs, || {
            let store = Store::open(dir.path(), Access::ReadOnly).unwrap();
            std::hint::black_box(store.load_journal().unwrap());
        }));
        let mut journal_app = app(book.clone());
        press(&mut journal_app, KeyCode::Char('J'));
        rows[2].1.push(median(runs * 4, || {
            press(&mut journal_app, KeyCode::Down);
            draw(&journal_app);
        }));
        let mut typing_app = app(book.clone());
        press(&mut typing_app, KeyCode::Char('n'));
        rows[3].1.push(median(runs * 4, || {
            press(&mut typing_app, KeyCode::Char('a'));
            draw(&typing_app);
        }));
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let newest = book.journal.months().last().unwrap_or(MonthKey {
            year: 2024,
            month: 1,
        });
        let month = book.journal.month_file(newest);
        rows[4]
            .1
            .push(median(runs, || store.save_month(&month).unwrap()));
        let guide = default_guide().unwrap();
        rows[5].1.push(median(runs, || {
            let text = export(
                Format::Markdown,
                &book.journal,
                Some(&book.journey),
                &guide,
                &ExportFilter::default(),
                &Utc,
                start,
            );
            std::hint::black_box(text);
        }));
    }
    rows.push((
        "keystroke + redraw (10 MB entry)",
        vec![long_entry_keystroke()],
    ));
    for (name, times) in rows {
        let cells: String = times
            .iter()
            .map(|t| format!(" {:>10}", format!("{:.2} ms", t.as_secs_f64() * 1000.0)))
            .collect();
        println!("{name:<38}{cells}");
    }
}

/// A workbook with `size` entries, a few a day, of realistic length.
fn fill(size: usize, start: DateTime<Utc>) -> Workbook {
    let guide = default_guide().unwrap();
    let entries = (0..size).map(|i| JournalEntry {
        id: format!("bench-{i:06}"),
        created: start + Days::minutes(i as i64 * 97),
        edited: None,
        text: format!(
            "Entry {i}. Today I thought about the mornings and the long walks 🌱\n\
             It was quieter than last week. I wrote instead of texting, and that felt like a small win."
        ),
        step: (i % 3 == 0).then(|| "reflect".to_string()),
        mood: Some((i % 5) as u8 + 1),
        tags: vec!["evening".to_string()],
        extra: Default::default(),
    });
    let mut journey = Journey::new(&guide, start);
    journey.welcomed = true;
    Workbook {
        journey,
        journal: Journal::from_entries(entries),
        drafts: Default::default(),
    }
}

/// A key typed at the end of a 10 MB entry (150,000 lines), with a redraw: the same for every
/// journal size, so it fills one column.
fn long_entry_keystroke() -> Duration {
    let start: DateTime<Utc> = "2024-01-01T08:00:00Z".parse().unwrap();
    let mut typing = app(fill(0, start));
    press(&mut typing, KeyCode::Char('J'));
    press(&mut typing, KeyCode::Char('n'));
    let line = "I keep thinking about the mornings and the long walks by the river. ";
    let text: String = std::iter::repeat_n(format!("{line}\n"), 150_000).collect();
    typing.on_event(crossterm::event::Event::Paste(text));
    median(41, || {
        press(&mut typing, KeyCode::Char('a'));
        draw(&typing);
    })
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

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
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
