use chrono::{DateTime, Duration, Utc};

use super::*;

fn entry(id: &str, days: i64, text: &str) -> JournalEntry {
    JournalEntry {
        id: id.to_string(),
        created: "2026-01-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::days(days),
        edited: None,
        text: text.to_string(),
        step: None,
        mood: None,
        tags: Vec::new(),
        extra: Default::default(),
    }
}

fn journal() -> Journal {
    let mut stepped = entry("e", 70, "Wrote it down.");
    stepped.step = Some("space".to_string());
    let mut tagged = entry("f", 71, "Nothing special");
    tagged.tags = vec!["Work".to_string()];
    Journal::from_entries([
        entry("a", 0, "Slept badly again. #sleep"),
        entry("b", 1, "ÄRGER über alles, then SLEEPING"),
        entry("c", 40, "A calm day by the sea #calm #sleepless"),
        entry("d", 41, "Cafés and coffee"),
        stepped,
        tagged,
    ])
}

fn title(step: &str) -> Option<String> {
    (step == "space").then(|| "Give it space".to_string())
}

fn ids(journal: &Journal, found: &[EntryRef]) -> Vec<String> {
    found
        .iter()
        .map(|r| r.get(journal).unwrap().id.clone())
        .collect()
}

/// [`journal`] with every month but the newest packed, as the workbook keeps older months.
fn packed_journal() -> Journal {
    let mut journal = journal();
    for _ in 0..6 {
        journal.pack_unread(|_| false);
    }
    assert_eq!(journal.packed_months(), (2, 0));
    journal
}

/// Searches with the index and without it, with older months open and packed, checks all
/// agree, and returns the ids found.
fn find(filter: &Filter) -> Vec<String> {
    let journal = journal();
    let indexed = SearchIndex::build(&journal, &title).search(&journal, filter, &title);
    let read = SearchIndex::default().search(&journal, filter, &title);
    assert_eq!(ids(&journal, &indexed), ids(&journal, &read), "{filter:?}");
    let packed = packed_journal();
    let index = SearchIndex::build(&packed, &title);
    assert_eq!(packed.packed_months(), (2, 0), "indexing keeps nothing");
    let found = index.search(&packed, filter, &title);
    assert_eq!(
        packed.packed_months(),
        (2, 0),
        "an indexed search reads no text"
    );
    assert_eq!(ids(&packed, &found), ids(&journal, &indexed), "{filter:?}");
    let read = SearchIndex::default().search(&packed, filter, &title);
    assert_eq!(ids(&packed, &read), ids(&journal, &indexed), "{filter:?}");
    ids(&journal, &indexed)
}

fn typed(text: &str) -> Filter {
    Filter {
        query: Query::parse(text),
        ..Filter::default()
    }
}

#[test]
fn an_empty_query_lists_every_entry_newest_first() {
    assert_eq!(find(&typed("  ")), ["f", "e", "d", "c", "b", "a"]);
}

#[test]
fn a_word_being_typed_matches_words_it_starts() {
    assert_eq!(find(&typed("s")), ["f", "e", "c", "b", "a"]);
    assert_eq!(find(&typed("sle")), ["c", "b", "a"]);
    assert_eq!(find(&typed("sleepi")), ["b"]);
    assert!(
        find(&typed("leep")).is_empty(),
        "the middle of a word is not a match"
    );
}

#[test]
fn case_is_folded_in_any_script() {
    assert_eq!(find(&typed("ärger")), ["b"]);
    assert_eq!(find(&typed("ÜBER")), ["b"]);
    assert_eq!(find(&typed("CAFÉ")), ["d"]);
    assert_eq!(find(&typed("Ä")), ["b"], "one letter, folded");
    assert_eq!(find(&typed("c")), ["d", "c"]);
    assert!(find(&typed("cafe")).is_empty(), "accents are kept");
}

#[test]
fn several_words_must_all_match() {
    assert_eq!(find(&typed("sl ba")), ["a"]);
    assert_eq!(find(&typed("calm sea")), ["c"]);
    assert!(find(&typed("calm coffee")).is_empty());
}

#[test]
fn tags_and_steps_are_searched_too() {
    assert_eq!(find(&typed("#sleep")), ["c", "a"]);
    assert_eq!(find(&typed("#sleepl")), ["c"]);
    assert_eq!(find(&typed("work")), ["f"], "a stored tag's words");
    assert_eq!(find(&typed("#WORK")), ["f"]);
    assert_eq!(find(&typed("give spa")), ["e"], "the step's title");
    assert!(find(&typed("#")).len() == 6, "a lone # asks for nothing");
}

#[test]
fn a_tag_or_step_filter_is_exact() {
    let sleep = Filter {
        tag: Some("sleep".to_string()),
        ..Filter::default()
    };
    assert_eq!(find(&sleep), ["a"], "#sleepless is another tag");
    let step = Filter {
        step: Some("space".to_string()),
        ..Filter::default()
    };
    assert_eq!(find(&step), ["e"]);
    let both = Filter {
        query: Query::parse("wrote"),
        step: Some("space".to_string()),
        tag: None,
    };
    assert_eq!(find(&both), ["e"]);
}

#[test]
fn a_month_changed_since_it_was_indexed_is_read_directly() {
    let mut journal = journal();
    let index = SearchIndex::build(&journal, &title);
    journal.insert(entry("g", 41, "sleep came at last"));
    let found = index.search(&journal, &typed("slee"), &title);
    assert_eq!(ids(&journal, &found), ["g", "c", "b", "a"]);
    let key = journal.month_holding("g").unwrap();
    assert!(index.current(&journal, key).is_none());
    assert!(
        index
            .current(&journal, journal.month_holding("a").unwrap())
            .is_some()
    );
}

#[test]
fn an_older_segment_never_replaces_a_newer_one() {
    let journal = journal();
    let key = journal.month_holding("a").unwrap();
    let mut index = SearchIndex::build(&journal, &title);
    index.put(key, Segment::build(&[], 0));
    assert!(index.current(&journal, key).is_some());
}

#[test]
fn tags_are_counted_most_used_first() {
    let journal = journal();
    let counts = SearchIndex::build(&journal, &title).tag_counts(&journal);
    let read = SearchIndex::default().tag_counts(&journal);
    assert_eq!(counts, read);
    let packed = packed_journal();
    assert_eq!(
        SearchIndex::build(&packed, &title).tag_counts(&packed),
        counts
    );
    assert_eq!(packed.packed_months(), (2, 0), "counted from the index");
    assert_eq!(SearchIndex::default().tag_counts(&packed), counts);
    assert_eq!(
        counts,
        [
            ("calm".to_string(), 1),
            ("sleep".to_string(), 1),
            ("sleepless".to_string(), 1),
            ("work".to_string(), 1)
        ]
    );
}

#[test]
fn highlights_cover_the_words_that_matched() {
    let query = Query::parse("sle #ca");
    let text = "Sleepless, #calm; asleep calm";
    let ranges = query.highlights(text);
    let shown: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(shown, ["Sleepless", "#calm"]);
    assert!(Query::parse("").highlights(text).is_empty());
}

#[test]
fn words_split_on_anything_but_letters_and_digits() {
    let found: Vec<&str> = words("don't—stop 2am, naïve 夜は")
        .map(|(_, w)| w)
        .collect();
    assert_eq!(found, ["don", "t", "stop", "2am", "naïve", "夜は"]);
}

#[test]
fn bit_sets_list_places_highest_first() {
    let mut bits = Bits::empty(130);
    for p in [0, 63, 64, 129] {
        bits.set(p);
    }
    assert_eq!(bits.newest_first().collect::<Vec<_>>(), [129, 64, 63, 0]);
    assert_eq!(Bits::full(65).newest_first().count(), 65);
}

/// A month far larger than any real one: places past one and two bytes of gap are found
/// exactly, by a whole word and by a prefix.
#[test]
fn places_far_apart_in_a_large_month_are_found() {
    let rare = [0u32, 127, 128, 16_383, 16_384, 40_000];
    let docs: Vec<SearchDoc> = (0..40_001u32)
        .map(|place| SearchDoc {
            texts: vec![if rare.contains(&place) {
                format!("everyday raremark{place}")
            } else {
                "everyday".to_string()
            }],
            tags: Vec::new(),
        })
        .collect();
    let segment = Segment::build(&docs, 1);
    let found = |word: &str| -> Vec<u32> {
        let mut places: Vec<u32> = segment.holding(word).newest_first().collect();
        places.reverse();
        places
    };
    assert_eq!(found("raremark"), rare);
    assert_eq!(found("raremark16383"), [16_383]);
    assert_eq!(found("raremark4"), [40_000]);
    assert_eq!(found("everyday").len(), 40_001);
    assert!(found("nowhere").is_empty());
}

/// Before the index is built, a search reads the newest month (its newest entries only when it
/// holds more than the budget) and as many more as its budget allows, and counts the months it
/// left out or read in part; months already indexed are always searched.
#[test]
fn a_search_within_a_budget_counts_the_months_it_left_out() {
    let journal = journal();
    let sleep = typed("sleep");
    let none = SearchIndex::default();
    let found = none.search_within(&journal, &sleep, &title, 1);
    assert!(found.entries.is_empty(), "March has no sleep");
    assert_eq!(found.months_left_out, 3, "March was read in part");
    let found = none.search_within(&journal, &sleep, &title, 2);
    assert_eq!(found.months_left_out, 2, "March was read whole");
    let found = none.search_within(&journal, &sleep, &title, 4);
    assert_eq!(ids(&journal, &found.entries), ["c"]);
    assert_eq!(found.months_left_out, 1, "January did not fit");
    let mut partly = SearchIndex::default();
    let january = journal.months().next().unwrap();
    let docs = docs_of(journal.month_entries(january), &title);
    partly.put(january, Segment::build(&docs, journal.revision(january)));
    let found = partly.search_within(&journal, &sleep, &title, 1);
    assert_eq!(ids(&journal, &found.entries), ["b", "a"]);
    assert_eq!(
        found.months_left_out, 2,
        "March was read in part and February did not fit"
    );
    let found = none.search_within(&journal, &sleep, &title, usize::MAX);
    assert_eq!(ids(&journal, &found.entries), ["c", "b", "a"]);
    assert_eq!(found.months_left_out, 0);
}

/// A month larger than the budget is read in its newest entries only: a key costs the budget,
/// not the month, and the newest matches still show.
#[test]
fn a_month_larger_than_the_budget_is_read_in_its_newest_part() {
    let journal = Journal::from_entries([
        entry("old", 60, "sleep well"),
        entry("mid", 61, "sleep again"),
        entry("new", 62, "no sleep"),
    ]);
    let none = SearchIndex::default();
    let found = none.search_within(&journal, &typed("sleep"), &title, 2);
    assert_eq!(ids(&journal, &found.entries), ["new", "mid"]);
    assert_eq!(found.months_left_out, 1);
    let found = none.search_within(&journal, &typed("sleep"), &title, 3);
    assert_eq!(ids(&journal, &found.entries), ["new", "mid", "old"]);
    assert_eq!(found.months_left_out, 0);
}
