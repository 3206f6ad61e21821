//! Older journal months load behind the first frame, and a save into a month still loading waits
//! for it, so no older entry is ever lost.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rekindle::cli::Session;
use rekindle::content::default_guide;
use rekindle::engine::{Action, Journal, MonthKey};
use rekindle::store::{Access, Store};
use rekindle::tui::App;
use rekindle::tui::loader::{JournalLoader, Loaded};
use rekindle::tui::persist::MemoryPersist;
use rekindle::tui::theme::Theme;

fn app_at(dir: &std::path::Path, now: DateTime<Utc>) -> App {
    let (session, older) =
        Session::open_in(default_guide().unwrap(), dir, Access::ReadOnly).unwrap();
    assert_eq!(
        session.book.journal.len(),
        1,
        "only the newest month is read before the first frame"
    );
    let mut app = App::new(
        session.guide,
        session.book,
        Box::new(MemoryPersist::default()),
        Box::new(move || now),
        Box::new(Utc),
        Theme::CALM,
    );
    app.loader = JournalLoader::spawn(dir.to_path_buf(), older);
    app
}

#[test]
fn older_months_arrive_behind_the_first_frame() {
    let dir = crate::tui_support::three_months_on_disk(false);
    let mut app = app_at(dir.path(), "2026-11-23T10:00:00Z".parse().unwrap());
    let start = Instant::now();
    while app.book.journal.len() < 4 {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "older months never arrived"
        );
        app.tick();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!app.loader.is_loading());
}

#[test]
fn writing_into_a_month_still_loading_waits_for_it() {
    let dir = crate::tui_support::three_months_on_disk(false);
    // The clock jumped back into October, a month that is still loading.
    let mut app = app_at(dir.path(), "2026-10-25T10:00:00Z".parse().unwrap());
    app.apply(Action::AddEntry {
        text: "written in October".into(),
        step: None,
        mood: None,
        tags: vec![],
    });
    let october = app.book.journal.month_file(MonthKey {
        year: 2026,
        month: 10,
    });
    let texts: Vec<&str> = october.entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["entry b", "entry c", "written in October"]);
}

#[test]
fn each_arriving_month_wakes_the_loop_instead_of_waiting_for_a_tick() {
    use rekindle::tui::events::{Events, Wake};
    let dir = crate::tui_support::three_months_on_disk(false);
    let (session, older) =
        Session::open_in(default_guide().unwrap(), dir.path(), Access::ReadOnly).unwrap();
    let events = Events::new();
    let mut loader = JournalLoader::spawn_waking(
        dir.path().to_path_buf(),
        older.clone(),
        Some(events.waker()),
    );
    let mut wakes = 0;
    while wakes < older.len() {
        match events.next(Duration::from_secs(10)).unwrap() {
            Some(Wake::Arrived) => wakes += 1,
            Some(Wake::Input(_)) => panic!("no terminal here"),
            None => panic!("a month arrived without waking the loop"),
        }
    }
    assert_eq!(older.len(), 2);
    assert_eq!(loader.arrived().len(), 2, "each wake had its month waiting");
    assert!(!loader.is_loading());
    drop(session);
}

/// Two threads read the months, yet they arrive newest first, each once, a damaged one set
/// aside in its place: the order is what decides which copy of an id found twice is renamed.
#[test]
fn months_read_on_two_threads_arrive_in_order() {
    let dir = tempfile::TempDir::new().unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let entries = (1..=9).map(|m| {
        crate::tui_support::dated_entry(&format!("m{m}"), &format!("2026-0{m}-03T10:00:00Z"))
    });
    let journal = Journal::from_entries(entries);
    for month in journal.months() {
        store.save_month(&journal.month_file(month)).unwrap();
    }
    drop(store);
    let damaged = MonthKey {
        year: 2026,
        month: 4,
    };
    std::fs::write(dir.path().join("journal/2026-04.json"), "{ not json").unwrap();
    let months: Vec<MonthKey> = journal.months().collect();
    let mut loader = JournalLoader::spawn(dir.path().to_path_buf(), months.clone());
    let arrived = loader.wait_for(&months);
    let order: Vec<(MonthKey, bool)> = arrived
        .iter()
        .map(|loaded| match loaded {
            Loaded::Packed(key, month) => {
                assert_eq!(month.entries.len(), 1, "{key}");
                (*key, true)
            }
            Loaded::Month(key, _) => panic!("{key} arrived unpacked"),
            Loaded::SetAside(key, _) => (*key, false),
        })
        .collect();
    let expected: Vec<(MonthKey, bool)> =
        months.iter().rev().map(|k| (*k, *k != damaged)).collect();
    assert_eq!(order, expected);
    assert!(!loader.is_loading());
}

/// Months arrive from the loader packed and stay packed: the search thread indexes each from
/// its packed form without leaving it unpacked, and every search finds what it finds in the
/// same months read plainly.
#[test]
fn months_arrive_packed_and_are_searched_as_read_plainly() {
    use rekindle::engine::search::{EntryRef, Filter, Query, SearchIndex};
    use rekindle::tui::search::Searcher;

    let dir = crate::tui_support::three_months_on_disk(true);
    let store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let plain = store.load_journal().unwrap().journal;
    let months: Vec<MonthKey> = plain.months().collect();
    let mut loader = JournalLoader::spawn(dir.path().to_path_buf(), months.clone());
    let mut journal = Journal::default();
    for loaded in loader.wait_for(&months) {
        match loaded {
            Loaded::Packed(key, month) => assert!(journal.add_packed_month(key, month).is_empty()),
            Loaded::Month(key, _) | Loaded::SetAside(key, _) => panic!("{key} not packed"),
        }
    }
    assert_eq!(journal.packed_months(), (3, 0));

    let guide = default_guide().unwrap();
    let mut searcher = Searcher::default();
    searcher.wait(&journal, &guide);
    assert_eq!(
        journal.packed_months(),
        (3, 0),
        "indexed without being left unpacked"
    );
    let title = |id: &str| guide.step(id).map(|s| s.title.clone());
    let plain_index = SearchIndex::build(&plain, &title);
    let ids = |journal: &Journal, found: Vec<EntryRef>| -> Vec<String> {
        found
            .into_iter()
            .map(|r| r.get(journal).unwrap().id.clone())
            .collect()
    };
    for typed in ["entry", "entry c", "ent", "nothing", ""] {
        let filter = Filter {
            query: Query::parse(typed),
            ..Filter::default()
        };
        let found = searcher.index().search(&journal, &filter, &title);
        let expected = plain_index.search(&plain, &filter, &title);
        assert_eq!(ids(&journal, found), ids(&plain, expected), "{typed:?}");
    }
    assert_eq!(
        searcher.index().tag_counts(&journal),
        plain_index.tag_counts(&plain)
    );
    assert_eq!(journal, plain, "the same entries, word for word");
}

/// A month file holding two entries with one id, the later one first.
fn month_with_a_duplicate_id_out_of_order() -> rekindle::engine::JournalMonth {
    use rekindle::engine::{JOURNAL_SCHEMA, JournalEntry, JournalMonth};
    let entry = |at: &str, text: &str| JournalEntry {
        id: "20260310T120000000Z".to_string(),
        created: at.parse().unwrap(),
        edited: None,
        text: text.to_string(),
        step: None,
        mood: None,
        tags: vec![],
        extra: Default::default(),
    };
    JournalMonth {
        schema: JOURNAL_SCHEMA,
        month: "2026-03".to_string(),
        entries: vec![
            entry("2026-03-20T09:00:00Z", "the later words, first in the file"),
            entry("2026-03-10T12:00:00Z", "the earlier words"),
        ],
        extra: Default::default(),
    }
}

#[test]
fn a_month_arriving_packed_renames_a_duplicate_id_as_the_month_read_plainly_does() {
    let key = MonthKey::of("2026-03-10T12:00:00Z".parse::<DateTime<Utc>>().unwrap());
    let mut plainly = Journal::default();
    let renamed_plainly = plainly.add_file_month(key, month_with_a_duplicate_id_out_of_order());
    let mut packed = Journal::default();
    let file = month_with_a_duplicate_id_out_of_order();
    let renamed_packed = match file.packed() {
        Ok(file) => packed.add_packed_month(key, file),
        Err(file) => packed.add_file_month(key, file),
    };
    assert_eq!(renamed_packed.ids, renamed_plainly.ids);
    let ids = |journal: &Journal| -> Vec<(String, String)> {
        journal
            .iter()
            .map(|e| (e.id.clone(), e.text.clone()))
            .collect()
    };
    assert_eq!(
        ids(&packed),
        ids(&plainly),
        "the workbook (months packed) and the command line (months read plainly) give each \
         entry the same id"
    );
}

#[test]
fn a_record_for_a_month_set_aside_keeps_only_itself_in_the_inbox() {
    use rekindle::store::{Inbox, InboxItem, InboxRecord};
    use rekindle::tui::saver::StoreSaver;
    let dir = crate::tui_support::three_months_on_disk(true);
    let october = dir.path().join("journal").join("2026-10.json");
    std::fs::write(&october, b"{ not json").unwrap();
    let inbox = Inbox::of(dir.path());
    let put = |id: &str, at: &str| {
        let entry = crate::tui_support::dated_entry(id, at);
        let record = InboxRecord::new(
            entry.created,
            InboxItem::Entry {
                entry,
                replaces: false,
            },
        );
        inbox.put(&record).unwrap()
    };
    let for_october = put("oct-waiting", "2026-10-25T10:00:00Z");
    let for_november = put("nov-waiting", "2026-11-25T10:00:00Z");

    let (session, older) =
        Session::open_in(default_guide().unwrap(), dir.path(), Access::ReadWrite).unwrap();
    let now: DateTime<Utc> = "2026-11-26T10:00:00Z".parse().unwrap();
    let mut app = App::new(
        session.guide,
        session.book,
        Box::new(StoreSaver::spawn(session.store)),
        Box::new(move || now),
        Box::new(Utc),
        Theme::CALM,
    );
    app.loader = JournalLoader::spawn(dir.path().to_path_buf(), older);
    let start = Instant::now();
    while app.loader.is_loading() || app.book.journal.get("nov-waiting").is_none() {
        assert!(start.elapsed() < Duration::from_secs(5), "never filed");
        app.tick();
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = app.flush();

    let store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let november = store
        .load_month(MonthKey {
            year: 2026,
            month: 11,
        })
        .unwrap()
        .unwrap();
    assert!(november.entries.iter().any(|e| e.id == "nov-waiting"));
    assert!(
        for_october.exists(),
        "its month could not be read: it waits"
    );
    assert!(
        !for_november.exists(),
        "filed into November, so its record is removed (else it is counted twice)"
    );
    assert_eq!(std::fs::read(&october).unwrap(), b"{ not json");
}
