//! The journal list searched as you type, its highlights, the tag list, Esc one level at a time,
//! and the mood set in the editor.

use crate::tui_support;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use rekindle::tui::keymap::ScreenKind;
use tui_support::{Rig, find, screen_text};

/// A journal of three entries, a day apart, opened on the journal screen.
fn journal() -> Rig {
    let mut rig = Rig::welcomed();
    rig.press("J");
    rig.press("nSlept badly again #sleep<c-s>");
    rig.advance_days(1);
    rig.press("nA calm walk by the sea #calm #sleep<c-s>");
    rig.advance_days(1);
    rig.press("nCoffee with Sam, talked about work<c-s>");
    rig
}

fn screen(rig: &Rig) -> String {
    screen_text(rig.draw(100, 30).backend().buffer())
}

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

#[test]
fn the_list_follows_every_letter_typed() {
    let mut rig = journal();
    rig.press("/s");
    let text = screen(&rig);
    assert!(text.contains("Search: s"), "{text}");
    assert!(all_three(&text), "sea, sam and sleep: {text}");
    rig.press("l");
    let text = screen(&rig);
    assert!(text.contains("2 of 3 entries"), "{text}");
    assert!(!text.contains("Coffee with Sam"), "{text}");
    rig.press("ept");
    let text = screen(&rig);
    assert!(text.contains("1 of 3 entries"), "{text}");
    assert!(text.contains("Slept badly again"), "{text}");
    rig.press("<bs><bs><bs><bs><bs>");
    assert!(all_three(&screen(&rig)));
}

#[test]
fn keys_typed_into_the_search_are_text_not_commands() {
    let mut rig = journal();
    rig.press("/qnex");
    assert!(!rig.app.quit, "q typed a q");
    assert!(rig.app.editor.is_none(), "n did not open the editor");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
    assert!(screen(&rig).contains("Search: qnex"));
}

#[test]
fn words_are_and_tags_are_searched_with_a_hash() {
    let mut rig = journal();
    rig.press("/sea calm");
    assert!(screen(&rig).contains("1 of 3 entries"));
    rig.press("<c-u>#sle");
    let text = screen(&rig);
    assert!(text.contains("2 of 3 entries"), "{text}");
    rig.press("<c-u>SAM");
    assert!(screen(&rig).contains("1 of 3 entries"), "any case");
}

#[test]
fn matched_words_are_highlighted_in_the_list() {
    let mut rig = journal();
    rig.press("/wal<enter>");
    let terminal = rig.draw(100, 30);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "walk by").expect("the matching row is listed");
    for dx in 0..4 {
        let cell = &buf[(x + dx, y)];
        assert!(
            cell.modifier.contains(Modifier::UNDERLINED),
            "{dx}: {cell:?}"
        );
    }
    assert!(
        !buf[(x + 5, y)].modifier.contains(Modifier::UNDERLINED),
        "by is not"
    );
    let (x, y) = find(buf, "calm walk").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn esc_clears_the_search_before_it_leaves_the_journal() {
    let mut rig = journal();
    rig.press("/nothing like this");
    assert!(screen(&rig).contains("No entries match"));
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
    assert!(all_three(&screen(&rig)));
    rig.press("<esc>");
    assert_ne!(rig.app.screen_kind(), ScreenKind::Journal);
}

#[test]
fn a_kept_search_is_cleared_by_esc_then_esc_leaves() {
    let mut rig = journal();
    rig.press("/zzz<enter>");
    let text = screen(&rig);
    assert!(
        text.contains("No entries match. Esc clears the filters."),
        "{text}"
    );
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
    assert!(all_three(&screen(&rig)));
    rig.press("<esc>");
    assert_ne!(rig.app.screen_kind(), ScreenKind::Journal);
}

#[test]
fn the_tag_list_counts_tags_and_filters_by_one() {
    let mut rig = journal();
    rig.press("t");
    let text = screen(&rig);
    assert!(text.contains("#sleep  2 entries"), "{text}");
    assert!(text.contains("#calm  1 entry"), "{text}");
    // Most used first: sleep, then calm.
    rig.press("<down><enter>");
    let text = screen(&rig);
    assert!(text.contains("1 of 3 entries · tag #calm"), "{text}");
    rig.press("<esc>");
    assert!(all_three(&screen(&rig)));
    rig.press("t<esc>");
    assert_eq!(
        rig.app.screen_kind(),
        ScreenKind::Journal,
        "Esc closes the list only"
    );
    assert!(all_three(&screen(&rig)));
}

#[test]
fn with_no_tags_t_says_how_to_make_one() {
    let mut rig = Rig::welcomed();
    rig.press("Jnno tags here<c-s>t");
    let notice = rig.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("#word"), "{notice}");
}

#[test]
fn the_search_gives_the_same_list_once_the_index_is_built() {
    let mut rig = journal();
    rig.press("/sl");
    let before = screen(&rig);
    let (journal, guide) = (rig.app.book.journal.clone(), rig.app.guide.clone());
    rig.app.search.wait(&journal, &guide);
    assert!(
        journal
            .months()
            .all(|m| rig.app.search.index().current(&journal, m).is_some())
    );
    rig.press("<bs>l");
    assert_eq!(screen(&rig), before);
}

#[test]
fn the_mood_chosen_in_the_editor_is_saved_with_the_entry() {
    let mut rig = Rig::welcomed();
    rig.press("Jnheavy day");
    rig.app.on_event(alt('2'));
    let text = screen(&rig);
    assert!(text.contains("mood 2/5"), "{text}");
    rig.press("<c-s>");
    let entry = rig.app.book.journal.iter().next().unwrap().clone();
    assert_eq!(entry.mood, Some(2));
    assert_eq!(entry.text, "heavy day", "Alt-2 typed nothing");
    assert!(screen(&rig).contains("heavy day (2/5)"));
    // Changing only the mood is a change to save; Alt-0 clears it.
    rig.press("e");
    rig.app.on_event(alt('0'));
    rig.press("<esc>");
    assert!(rig.app.overlay.is_some(), "asks before dropping the change");
    rig.press("s");
    assert_eq!(rig.app.book.journal.iter().next().unwrap().mood, None);
}

#[test]
fn the_list_shows_local_date_and_time_newest_first() {
    let rig = journal();
    let text = screen(&rig);
    let coffee = text.find("2026-03-03 21:00  Coffee").expect(&text);
    let slept = text.find("2026-03-01 21:00  Slept").expect(&text);
    assert!(coffee < slept);
}

/// Typed before the index is built, a search reads the newest months directly and says it is
/// still searching the older ones; once their index exists, every month is searched.
#[test]
fn a_search_before_the_index_says_it_is_still_searching() {
    use chrono::Utc;
    use crossterm::event::KeyEvent;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use rekindle::content::default_guide;
    use rekindle::engine::Now;
    use rekindle::engine::search::SearchIndex;
    use rekindle::tui::screens::{JournalScreen, Privacy, View};
    use rekindle::tui::theme::Theme;

    let guide = default_guide().unwrap();
    let book = quiet_book(
        &guide,
        "2026-01-01T12:00:00Z",
        9_000,
        25,
        (1_000, "rain again"),
    );
    assert!(book.journal.months().count() >= 4);
    let title = |id: &str| guide.step(id).map(|s| s.title.clone());
    let built = SearchIndex::build(&book.journal, &title);
    let not_built = SearchIndex::default();
    let at = Utc::now();
    let view = |search| View {
        guide: &guide,
        book: &book,
        now: Now::new(at, &Utc),
        theme: &Theme::DARK,
        naming: book.journey.naming(),
        search,
        export_dir: std::path::Path::new("/exports"),
        privacy: Privacy::Plain,
    };
    let line = |screen: &JournalScreen, search| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
        screen.render(&view(search), buf.area, &mut buf);
        (0..100)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect::<String>()
    };
    let mut screen = JournalScreen::new(&view(&not_built));
    for key in "/rain".chars() {
        screen.on_text_key(KeyEvent::from(KeyCode::Char(key)), &view(&not_built));
    }
    assert!(screen.months_left_out() > 0);
    let early = line(&screen, &not_built);
    assert!(early.contains("still searching older months"), "{early}");
    screen.refresh(&view(&built));
    assert_eq!(screen.months_left_out(), 0);
    let late = line(&screen, &built);
    assert!(late.contains("9 of 9,000 entries"), "{late}");
    assert!(!late.contains("still searching"), "{late}");
}

/// One month larger than what a key reads directly: before its index exists, a search reads
/// its newest entries only and says it is still searching; once indexed, every match shows.
#[test]
fn a_month_larger_than_a_key_may_read_is_searched_in_part_until_indexed() {
    use chrono::Utc;
    use crossterm::event::KeyEvent;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use rekindle::content::default_guide;
    use rekindle::engine::Now;
    use rekindle::engine::search::SearchIndex;
    use rekindle::tui::screens::{JournalScreen, Privacy, View};
    use rekindle::tui::theme::Theme;

    let guide = default_guide().unwrap();
    let book = quiet_book(
        &guide,
        "2026-03-01T00:00:00Z",
        3_000,
        14,
        (100, "the harbour"),
    );
    assert_eq!(book.journal.months().count(), 1);
    let title = |id: &str| guide.step(id).map(|s| s.title.clone());
    let built = SearchIndex::build(&book.journal, &title);
    let not_built = SearchIndex::default();
    let at = Utc::now();
    let view = |search| View {
        guide: &guide,
        book: &book,
        now: Now::new(at, &Utc),
        theme: &Theme::DARK,
        naming: book.journey.naming(),
        search,
        export_dir: std::path::Path::new("/exports"),
        privacy: Privacy::Plain,
    };
    let line = |screen: &JournalScreen, search| {
        let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
        screen.render(&view(search), buf.area, &mut buf);
        (0..100)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect::<String>()
    };
    let mut screen = JournalScreen::new(&view(&not_built));
    for key in "/harbour".chars() {
        screen.on_text_key(KeyEvent::from(KeyCode::Char(key)), &view(&not_built));
    }
    assert_eq!(screen.months_left_out(), 1, "the month was read in part");
    let early = line(&screen, &not_built);
    assert!(
        early.contains("10 of 3,000 entries · still searching older months"),
        "the newest 1,000 entries hold 10 matches: {early}"
    );
    screen.refresh(&view(&built));
    assert_eq!(screen.months_left_out(), 0);
    let late = line(&screen, &built);
    assert!(late.contains("30 of 3,000 entries"), "{late}");
    assert!(!late.contains("still searching"), "{late}");
}

/// True when the filter line counts all three entries as "3 entries", not "3 of 3 entries".
fn all_three(text: &str) -> bool {
    text.contains(" 3 entries") && !text.contains("of 3 entries")
}

#[test]
fn while_typing_a_search_the_footer_shows_only_keys_that_work_while_typing() {
    let mut rig = tui_support::Rig::welcomed();
    rig.press("J/");
    let footer = tui_support::screen_text(rig.draw(100, 30).backend().buffer());
    let last = footer.lines().last().unwrap_or_default().to_string();
    assert!(last.contains("Esc clear it"), "{last}");
    assert!(last.contains("F1 support"), "{last}");
    for letter_key in ["! support", "n write", "q quit", "t filter"] {
        assert!(
            !last.contains(letter_key),
            "{letter_key} would be typed: {last}"
        );
    }
}

/// A workbook of `count` entries from `start`, `minutes` apart, saying "a quiet day" but every
/// `nth` one, which says `words`.
fn quiet_book(
    guide: &rekindle::content::Guide,
    start: &str,
    count: i64,
    minutes: i64,
    (nth, words): (i64, &str),
) -> rekindle::engine::Workbook {
    use rekindle::engine::{Journal, JournalEntry, Journey, Workbook};
    let start: chrono::DateTime<chrono::Utc> = start.parse().unwrap();
    let entries = (0..count).map(|n| JournalEntry {
        id: format!("e{n}"),
        created: start + chrono::Duration::minutes(n * minutes),
        edited: None,
        text: if n % nth == 0 { words } else { "a quiet day" }.into(),
        step: None,
        mood: None,
        tags: Vec::new(),
        extra: Default::default(),
    });
    Workbook {
        journey: Journey::new(guide, start),
        journal: Journal::from_entries(entries),
        drafts: Default::default(),
    }
}
