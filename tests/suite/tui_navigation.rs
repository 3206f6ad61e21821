//! Navigation that never surprises: Esc goes back exactly one level on every screen and inner
//! level, every footer hint is a key that does something where it is shown, long entries and
//! library pages scroll with a mark saying where the reader is, and library links are followed
//! and come back.

use crossterm::event::KeyModifiers;
use crossterm::event::{Event, KeyEvent, MouseEvent, MouseEventKind};
use rekindle::engine::Action;
use rekindle::tui::App;
use rekindle::tui::app::Overlay;
use rekindle::tui::keymap::ScreenKind;
use rekindle::tui::theme::Theme;

use crate::tui_support::{self, Rig, SCENARIOS, scenario, screen_text};

/// The screen as text at 80 × 24.
fn text(rig: &Rig) -> String {
    screen_text(rig.draw(80, 24).backend().buffer())
}

fn entry(rig: &mut Rig, text: &str) {
    rig.app.apply(Action::AddEntry {
        text: text.to_string(),
        step: None,
        mood: None,
        tags: Vec::new(),
    });
    rig.advance_minutes(5);
}

/// An entry of 40 numbered lines.
fn long_entry() -> String {
    (1..=40)
        .map(|n| format!("Line {n} of a long night's thinking."))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The journal with three entries (the newest, of 40 lines, first), on the list.
fn journal_of_three() -> Rig {
    let mut rig = Rig::welcomed();
    entry(&mut rig, "The oldest, about #sleep.");
    entry(&mut rig, "The middle one.");
    entry(&mut rig, &long_entry());
    rig.press("J");
    rig
}

/// The library's page `id` opened from the list.
fn library_page(id: &str) -> Rig {
    let mut rig = Rig::welcomed();
    let at = rig
        .app
        .guide
        .pages
        .iter()
        .position(|p| p.id == id)
        .expect("the page is in the guide");
    rig.press(&format!("L{}<enter>", "<down>".repeat(at)));
    rig
}

fn started(rig: &mut Rig) {
    rig.app.apply(Action::StartNoContact {
        target_days: 21,
        commitment: None,
    });
}

fn open_page(app: &App) -> Option<String> {
    match &app.screen {
        rekindle::tui::screens::Screen::Library(s) => s.page.clone(),
        _ => None,
    }
}

/// One row of the Esc table: how to get there, and where one Esc must land.
struct EscRow {
    name: &'static str,
    setup: fn() -> Rig,
    lands_on: ScreenKind,
    /// Whether the screen landed on still has an inner level open.
    inner_after: bool,
}

fn esc_table() -> Vec<EscRow> {
    fn with(keys: &'static str) -> impl Fn() -> Rig {
        move || {
            let mut rig = Rig::welcomed();
            rig.press(keys);
            rig
        }
    }
    macro_rules! row {
        ($name:expr, $setup:expr, $kind:ident, $inner:expr) => {
            EscRow {
                name: $name,
                setup: $setup,
                lands_on: ScreenKind::$kind,
                inner_after: $inner,
            }
        };
    }
    vec![
        row!("welcome (nothing behind it)", Rig::new, Welcome, false),
        // The welcome is done once the check begins: home is the level behind it, and it
        // offers the check again there.
        // With answers not saved yet, Esc asks first (a confirmation over the check; y then
        // goes home): see tui_journey's leaving_a_check_with_answers_not_saved test.
        row!(
            "first safety check, midway",
            || {
                let mut rig = Rig::new();
                rig.press("<down><down><enter>n");
                rig
            },
            Check,
            false
        ),
        row!("home", || with("")(), Home, false),
        row!("step", || with("c")(), Home, false),
        row!("checklists", || with("C")(), Home, false),
        row!("journal list", || with("J")(), Home, false),
        row!("no contact", || with("N")(), Home, false),
        row!("library list", || with("L")(), Home, false),
        row!("export", || with("E")(), Home, false),
        row!("urge pause", || with("U")(), Home, false),
        row!("settings", || with("s")(), Home, false),
        row!("safety check", || with("S")(), Home, false),
        row!(
            "journal reader",
            || {
                let mut rig = journal_of_three();
                rig.press("<enter>");
                rig
            },
            Journal,
            false
        ),
        row!(
            "journal reader, scrolled",
            || {
                let mut rig = journal_of_three();
                rig.press("<enter><pgdn>j");
                rig
            },
            Journal,
            false
        ),
        row!(
            "journal search kept",
            || {
                let mut rig = journal_of_three();
                rig.press("/nothing like this<enter>");
                rig
            },
            Journal,
            false
        ),
        row!(
            "journal search typing",
            || {
                let mut rig = journal_of_three();
                rig.press("/nothing");
                rig
            },
            Journal,
            false
        ),
        row!(
            "journal tag list",
            || {
                let mut rig = journal_of_three();
                rig.press("t");
                rig
            },
            Journal,
            false
        ),
        row!(
            "journal tag filter",
            || {
                let mut rig = journal_of_three();
                rig.press("t<enter>");
                rig
            },
            Journal,
            false
        ),
        row!(
            "journal reader of a filtered list",
            || {
                let mut rig = journal_of_three();
                rig.press("t<enter><enter>");
                rig
            },
            Journal,
            true
        ),
        row!(
            "slip form",
            || {
                let mut rig = Rig::welcomed();
                started(&mut rig);
                rig.press("Nb");
                rig
            },
            NoContact,
            false
        ),
        row!("library page", || library_page("faq"), Library, false),
        row!(
            "library page from a link",
            || {
                let mut rig = library_page("faq");
                rig.press("<tab><enter>");
                rig
            },
            Library,
            true
        ),
        row!("library page from support (!)", || with("!")(), Home, false),
        row!(
            "library page from a step's link",
            || {
                let mut rig = Rig::welcomed();
                rig.press("c");
                let step = match &rig.app.screen {
                    rekindle::tui::screens::Screen::Step(s) => s.id.clone(),
                    _ => unreachable!("c opens a step"),
                };
                let page = rig.app.guide.step(&step).unwrap().pages.first().cloned();
                let page = page.expect("the first step links a page");
                rig.app.run(rekindle::tui::effect::Effect::Go(
                    rekindle::tui::screens::Screen::library(Some(&page)),
                ));
                rig
            },
            Step,
            false
        ),
    ]
}

#[test]
fn esc_goes_back_exactly_one_level_on_every_screen() {
    let mut wrong = Vec::new();
    for row in esc_table() {
        let mut rig = (row.setup)();
        let before = rig.app.screen_kind();
        rig.press("<esc>");
        let landed = (rig.app.screen_kind(), rig.app.screen.has_inner_level());
        if landed != (row.lands_on, row.inner_after) || rig.app.quit {
            wrong.push(format!(
                "{} ({before:?}): Esc landed on {landed:?}, expected {:?}\n{}",
                row.name,
                (row.lands_on, row.inner_after),
                text(&rig)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn esc_closes_every_dialog_and_window_and_nothing_more() {
    // The keys list, a delete question, unsaved text, the editor with nothing typed.
    let mut rig = journal_of_three();
    rig.press("?<esc>");
    assert_eq!(rig.app.overlay, None);
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
    rig.press("x");
    assert!(matches!(rig.app.overlay, Some(Overlay::Confirm { .. })));
    rig.press("<esc>");
    assert_eq!(rig.app.overlay, None);
    assert_eq!(rig.app.book.journal.len(), 3, "Esc deleted nothing");
    rig.press("nhalf a thought<esc>");
    assert!(matches!(rig.app.overlay, Some(Overlay::Unsaved { .. })));
    rig.press("<esc>");
    assert_eq!(rig.app.overlay, None);
    assert!(rig.app.editor.is_some(), "Esc in the dialog keeps writing");
    let editor = rig.app.editor.as_ref().unwrap();
    assert!(editor.text().contains("half a thought"));
    rig.press("<esc>d");
    assert!(rig.app.editor.is_none());
    rig.press("n<esc>");
    assert!(rig.app.editor.is_none(), "an untouched editor closes");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
}

/// A way to reach a state from a first start.
type Setup = Box<dyn Fn() -> Rig>;

/// Every state the footer test visits: the shared scenarios and the inner levels of this file.
fn footer_states() -> Vec<(String, Setup)> {
    let mut states: Vec<(String, Setup)> = SCENARIOS
        .iter()
        .map(|name| {
            let make: Setup = Box::new(move || scenario(name, Theme::CALM));
            (name.to_string(), make)
        })
        .collect();
    let mut more: Vec<(&str, Setup)> = vec![
        ("journal of three", Box::new(journal_of_three)),
        (
            "journal reader",
            Box::new(|| {
                let mut rig = journal_of_three();
                rig.press("<enter>");
                rig
            }),
        ),
        (
            "journal reader, last entry",
            Box::new(|| {
                let mut rig = journal_of_three();
                rig.press("<enter>]]");
                rig
            }),
        ),
        (
            "journal tag list",
            Box::new(|| {
                let mut rig = journal_of_three();
                rig.press("t");
                rig
            }),
        ),
        ("library page with links", Box::new(|| library_page("faq"))),
        (
            "library link chosen",
            Box::new(|| {
                let mut rig = library_page("faq");
                rig.press("<tab>");
                rig
            }),
        ),
        (
            "step with a box in focus",
            Box::new(|| {
                let mut rig = Rig::welcomed();
                rig.press("c<tab><tab>");
                rig
            }),
        ),
        (
            "home after a mood",
            Box::new(|| {
                let mut rig = Rig::welcomed();
                rig.press("m3");
                rig.app.notice = None;
                rig
            }),
        ),
        (
            "something to undo",
            Box::new(|| {
                let mut rig = Rig::welcomed();
                rig.press("cd");
                rig
            }),
        ),
        (
            "settings",
            Box::new(|| {
                let mut rig = Rig::welcomed();
                rig.press("s");
                rig
            }),
        ),
        (
            "urge pause",
            Box::new(|| {
                let mut rig = Rig::welcomed();
                rig.press("U");
                rig
            }),
        ),
        (
            "export",
            Box::new(|| {
                let mut rig = Rig::welcomed();
                rig.press("E");
                rig
            }),
        ),
    ];
    states.extend(more.drain(..).map(|(n, f)| (n.to_string(), f)));
    states
}

/// Everything a key can visibly change: the screen drawn, and whether the app quits.
fn state(rig: &Rig) -> (String, bool) {
    (text(rig), rig.app.quit)
}

#[test]
fn every_footer_hint_is_a_key_that_does_something_there() {
    let mut idle = Vec::new();
    let mut walked = 0;
    for (name, make) in footer_states() {
        let rig = make();
        if rig.app.overlay.is_some() || rig.app.editor.is_some() {
            // Dialogs and the editor show their own keys, tested on their own.
            continue;
        }
        let view = rig.app.view();
        let hints = rekindle::tui::frame::footer_hints(&rig.app, &view);
        drop(view);
        for hint in hints {
            let mut rig = make();
            rig.app.notice = None;
            let before = state(&rig);
            rig.app
                .on_event(Event::Key(KeyEvent::new(hint.code, hint.modifiers)));
            walked += 1;
            if state(&rig) == before {
                idle.push(format!("{} ({}) on {name}", hint.label, hint.description));
            }
        }
    }
    assert!(walked > 100, "only {walked} hints walked");
    assert!(
        idle.is_empty(),
        "hints that did nothing:\n{}",
        idle.join("\n")
    );
}

#[test]
fn the_footer_while_typing_shows_only_editor_keys() {
    let mut rig = Rig::welcomed();
    rig.press("Jn");
    let terminal = rig.draw(100, 30);
    let footer = tui_support::row_text(terminal.backend().buffer(), 29);
    assert!(footer.contains("Ctrl-S save"), "{footer}");
    assert!(footer.contains("Ctrl-W delete a word"), "{footer}");
    for stray in ["q quit", "Space tick", "? all keys", "n write"] {
        assert!(!footer.contains(stray), "{stray} in {footer}");
    }
}

#[test]
fn ctrl_w_deletes_a_word_and_ctrl_z_undoes_typing() {
    let mut rig = Rig::welcomed();
    rig.press("Jnit was a long day<c-w>");
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "it was a long ");
    rig.press("<c-w><c-w>");
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "it was ");
    rig.press("<c-z>");
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "it was a ");
}

#[test]
fn q_in_the_unsaved_dialog_quits_keeping_the_draft() {
    let mut rig = Rig::welcomed();
    rig.press("Jnhalf a thought<esc>");
    let dialog = text(&rig);
    assert!(dialog.contains("q quit, keeping it as a draft"), "{dialog}");
    rig.press("q");
    assert!(rig.app.quit);
    let key = rig
        .app
        .editor
        .as_ref()
        .expect("the field opens again next time");
    let key = key.request.target.key();
    let kept = rig.app.book.drafts.get(&key).map(|d| d.text.as_str());
    assert_eq!(kept, Some("half a thought"));
}

#[test]
fn a_word_typed_after_a_mood_goes_into_the_word_never_into_commands() {
    let mut rig = Rig::welcomed();
    rig.press("m2");
    assert!(text(&rig).contains("w adds a word"));
    rig.press("tired");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "tired");
    rig.press("<enter>");
    let mood = rig.app.book.journey.moods.last().unwrap();
    assert_eq!((mood.mood, mood.word.as_deref()), (2, Some("tired")));
    // w itself opens the word, with what was kept.
    rig.press("w");
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "tired");
    rig.press("<esc>");
    // Only the key right after the mood starts a word: later, keys are commands again.
    rig.press("m4<down>c");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
}

#[test]
fn the_reader_scrolls_a_long_entry_to_its_end_and_says_where_it_is() {
    let mut rig = journal_of_three();
    rig.press("<enter>");
    let top = text(&rig);
    assert!(top.contains("Line 1 of"), "{top}");
    assert!(top.contains("Entry 1 of 3 · lines 1-"), "{top}");
    assert!(top.contains(" of 42 ↓"), "{top}");
    assert!(!top.contains("Line 40 of"));
    rig.press("<pgdn>");
    let paged = text(&rig);
    assert!(paged.contains("↑↓"), "{paged}");
    assert!(!paged.contains("Line 1 of"), "{paged}");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Journal);
    rig.press("<end>");
    let end = text(&rig);
    assert!(end.contains("Line 40 of"), "{end}");
    assert!(end.contains("of 42 ↑"), "{end}");
    rig.press("kkk");
    assert!(!text(&rig).contains("Line 40 of"));
    rig.press("jjj");
    assert!(text(&rig).contains("Line 40 of"));
    rig.press("<home>");
    assert!(text(&rig).contains("Line 1 of"));
    // Down and j scroll; they never move to another entry.
    rig.press("<down>j<down>");
    let scrolled = text(&rig);
    assert!(scrolled.contains("Entry 1 of 3"), "{scrolled}");
    assert!(scrolled.contains("lines 4-"), "{scrolled}");
    // The mouse wheel scrolls too.
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    rig.app.on_event(wheel(MouseEventKind::ScrollDown));
    assert!(text(&rig).contains("lines 5-"));
    rig.app.on_event(wheel(MouseEventKind::ScrollUp));
    assert!(text(&rig).contains("lines 4-"));
}

#[test]
fn brackets_move_between_entries_and_say_which() {
    let mut rig = journal_of_three();
    rig.press("<enter>]");
    let second = text(&rig);
    assert!(second.contains("The middle one."), "{second}");
    assert!(second.contains("Entry 2 of 3"), "{second}");
    rig.press("]");
    assert!(text(&rig).contains("The oldest"));
    rig.press("]");
    assert!(text(&rig).contains("This is the last entry."));
    rig.press("[[");
    assert!(text(&rig).contains("Line 1 of"));
    rig.press("<esc>");
    assert!(!rig.app.screen.has_inner_level(), "back on the list");
    assert!(text(&rig).contains("3 entries"));
}

#[test]
fn a_library_page_scrolls_and_its_links_are_followed_and_come_back() {
    let mut rig = library_page("faq");
    let first = text(&rig);
    assert!(
        first.contains("rekindle · Library · Questions people ask"),
        "{first}"
    );
    assert!(first.contains("lines 1-"), "{first}");
    rig.press("<end>");
    let end = text(&rig);
    assert!(end.contains("Related pages"), "{end}");
    assert!(
        end.contains("→ When it is time to move on") || end.contains("→ "),
        "{end}"
    );
    rig.press("<home><tab>");
    // Choosing a link brings it into view.
    let chosen = text(&rig);
    assert!(chosen.contains("Related pages"), "{chosen}");
    let faq = rig.app.guide.page("faq").unwrap().clone();
    let target = rig.app.guide.page(&faq.links[0]).unwrap().title.clone();
    rig.press("<enter>");
    assert_eq!(open_page(&rig.app).as_deref(), Some(faq.links[0].as_str()));
    let followed = text(&rig);
    assert!(
        followed.contains(&format!("Library · {target}"))
            || followed.contains(&format!("· {target}")),
        "{followed}"
    );
    assert!(followed.contains("Esc goes back to \"Questions people ask\""));
    rig.press("<esc>");
    assert_eq!(open_page(&rig.app).as_deref(), Some("faq"));
    assert!(text(&rig).contains("Related pages"), "back where it was");
    rig.press("<esc>");
    assert_eq!(open_page(&rig.app), None);
    assert_eq!(rig.app.screen_kind(), ScreenKind::Library);
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home);
}

#[test]
fn steps_say_where_they_are_and_d_and_c_answer_where_the_user_is() {
    let mut rig = Rig::welcomed();
    rig.press("c");
    let step = text(&rig);
    assert!(step.contains("rekindle · Step 1 of 8: "), "{step}");
    rig.press("c");
    assert!(text(&rig).contains("This is the next step."));
    rig.press("d");
    let done = text(&rig);
    assert!(
        done.contains("is marked done. u undoes this; c goes on."),
        "{done}"
    );
    rig.press("c");
    let next = text(&rig);
    assert!(next.contains("rekindle · Step 2 of 8: "), "{next}");
    rig.press("<esc>");
    assert_eq!(
        rig.app.screen_kind(),
        ScreenKind::Home,
        "one Esc back to home"
    );
    for screen in ["J", "N", "L", "C", "E"] {
        let mut rig = Rig::welcomed();
        rig.press(&format!("{screen}c"));
        assert_eq!(rig.app.screen_kind(), ScreenKind::Step, "c on {screen}");
    }
}

#[test]
fn the_keys_list_names_each_key_once_and_scrolls_in_a_small_window() {
    let mut rig = Rig::welcomed();
    rig.press("?");
    let all: String = {
        let terminal = rig.draw(100, 60);
        screen_text(terminal.backend().buffer())
    };
    assert_eq!(all.matches("F12").count(), 1, "{all}");
    assert_eq!(all.matches("Ctrl-B").count(), 1, "{all}");
    assert!(all.contains("1-5"), "{all}");
    assert!(!all.contains("mood 2"), "{all}");
    let small = |rig: &Rig| screen_text(rig.draw(40, 12).backend().buffer());
    let first = small(&rig);
    assert!(first.contains("move up"), "{first}");
    rig.press("<end>");
    let last = small(&rig);
    assert!(!last.contains("move up"), "{last}");
    assert!(last.contains("other key closes it."), "{last}");
    assert_eq!(
        rig.app.overlay,
        Some(Overlay::Help),
        "scrolling keeps it open"
    );
    rig.press("<home>");
    assert!(small(&rig).contains("move up"));
}

#[test]
fn the_not_started_count_has_no_line_about_a_missing_link() {
    let mut rig = Rig::welcomed();
    rig.press("N");
    let shown = text(&rig);
    assert!(!shown.contains("What no contact is"), "{shown}");
    assert!(shown.contains("s or Enter to begin."));
}

#[test]
fn reader_scrolled_snapshot() {
    let mut rig = journal_of_three();
    rig.press("<enter>");
    // A page is as tall as the window last drawn.
    rig.draw(80, 24);
    rig.press("<pgdn>");
    insta::assert_snapshot!("reader_scrolled", rig.draw(80, 24).backend());
}

#[test]
fn wide_window_snapshot() {
    let mut rig = library_page("faq");
    rig.press("<down><down>");
    insta::assert_snapshot!("library_page_200_columns", rig.draw(200, 30).backend());
}

#[test]
fn library_links_snapshot() {
    let mut rig = library_page("faq");
    rig.press("<tab><tab>");
    insta::assert_snapshot!("library_page_links", rig.draw(80, 24).backend());
}

#[test]
fn esc_from_a_step_reached_after_the_first_run_goes_home_not_to_the_onboarding() {
    let mut rig = Rig::new();
    let questions = rig.app.guide.check("safety").unwrap().questions.len();
    rig.press(&format!(
        "<down><down><enter>{}<enter>",
        "n".repeat(questions)
    ));
    assert_eq!(rig.app.screen_kind(), ScreenKind::Profile);
    // c straight from the situation questions, as a new user does.
    rig.press("cdc");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Step);
    rig.press("<esc>");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Home, "{}", text(&rig));
}

#[test]
fn the_reader_shows_the_step_mood_and_tags_kept_with_an_entry() {
    let mut rig = Rig::welcomed();
    rig.app.apply(rekindle::engine::Action::AddEntry {
        text: "Went to the gym".into(),
        step: Some("space".into()),
        mood: Some(4),
        tags: vec!["gym".into()],
    });
    rig.press("J<enter>");
    let screen = text(&rig);
    assert!(screen.contains("Give it space"), "{screen}");
    assert!(screen.contains("mood 4 of 5"), "{screen}");
    assert!(screen.contains("#gym"), "{screen}");
}
