//! The settings screen in the workbook: the ex's name (and back to "your ex"), pronouns with the
//! user's own forms, region, theme and idle lock, each reflected at once on every screen that
//! fills a placeholder; the idle lock hiding the screen by the app's clock; and deleting
//! everything through the real store.

use crate::tui_support;

use std::cell::RefCell;
use std::rc::Rc;

use rekindle::cli::Session;
use rekindle::config::{DEFAULT_FILE, IdleLock, ThemeName};
use rekindle::content::{CustomPronouns, PronounSet};
use rekindle::store::{Access, Store};
use rekindle::tui::App;
use rekindle::tui::app::Overlay;
use rekindle::tui::look::Look;
use rekindle::tui::saver::StoreSaver;
use rekindle::tui::screens::Screen;
use rekindle::tui::theme::Theme;
use tui_support::{Rig, guide, screen_text};

/// The text of every screen that shows pack text: each step, each library page, each
/// checklist and the urge pause, drawn tall enough to need no scrolling.
fn every_screen(rig: &mut Rig) -> String {
    let mut all = String::new();
    let guide = rig.app.guide.clone();
    let mut screens: Vec<Screen> = guide.steps.iter().map(|s| Screen::step(&s.id)).collect();
    screens.extend(guide.pages.iter().map(|p| Screen::library(Some(&p.id))));
    for screen in screens {
        rig.app.screen = screen;
        all.push_str(&screen_text(rig.draw(100, 400).backend().buffer()));
    }
    rig.app.screen = Screen::checklists();
    for _ in &guide.checklists {
        all.push_str(&screen_text(rig.draw(100, 400).backend().buffer()));
        rig.press("<right>");
    }
    rig.app.screen = Screen::home(&rig.app.view());
    all
}

fn count(text: &str, word: &str) -> usize {
    text.matches(word).count()
}

/// Opens the settings from home.
fn settings(rig: &mut Rig) {
    rig.press("h");
    rig.press("s");
    assert!(
        matches!(rig.app.screen, Screen::Settings(_)),
        "s opens the settings"
    );
}

#[test]
fn a_name_and_custom_pronouns_reach_every_placeholder_at_once_and_your_ex_takes_them_back() {
    let mut rig = Rig::welcomed();
    let before = every_screen(&mut rig);
    assert!(
        count(&before, "your ex") + count(&before, "Your ex") > 20,
        "{before}"
    );
    assert_eq!(count(&before, "Quillon"), 0);

    settings(&mut rig);
    rig.press("<enter>Quillon<enter>");
    assert_eq!(
        rig.app.book.journey.settings.ex_name.as_deref(),
        Some("Quillon")
    );
    // Name, "your ex", pronouns: three rights past they, she, he reach "your own".
    rig.press("<down><down><right><right><right>xe/xem/xyr<enter>");
    let forms = CustomPronouns::new("xe", "xem", "xyr").unwrap();
    assert_eq!(
        rig.app.book.journey.settings.pronouns,
        PronounSet::Custom(forms)
    );

    let named = every_screen(&mut rig);
    for placeholder in ["{ex}", "{Ex}", "{they}", "{them}", "{their}", "{theirs}"] {
        assert_eq!(count(&named, placeholder), 0, "{placeholder} left unfilled");
    }
    assert!(count(&named, "Quillon") > 20, "the name on every screen");
    // Only where the pack writes the words themselves: a library page's title.
    assert_eq!(
        count(&named, "your ex") + count(&named, "Your ex"),
        count(&named, "If your ex replies"),
        "\"your ex\" only in the page title that writes it as words:\n{named}"
    );
    assert!(count(&named, " xem") >= 5, "object form used");
    assert!(count(&named, " xyr ") >= 5, "possessive form used");
    assert!(
        count(&named, " them ") < count(&before, " them "),
        "them replaced"
    );
    let saved = rig.store.borrow().last.clone().expect("saved");
    assert_eq!(saved.journey.settings.ex_name.as_deref(), Some("Quillon"));

    // "your ex" is the row right under the name, and one Enter.
    settings(&mut rig);
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(
        screen.contains("Say \"your ex\" instead of their name"),
        "{screen}"
    );
    rig.press("<down><enter>");
    assert_eq!(rig.app.book.journey.settings.ex_name, None);
    assert!(
        rig.app
            .notice
            .as_deref()
            .unwrap_or_default()
            .contains("\"your ex\" again")
    );
    let cleared = every_screen(&mut rig);
    assert_eq!(
        count(&cleared, "Quillon"),
        0,
        "the name is gone from every screen"
    );
    // Lines wrap a little differently with other pronouns, so a few may break mid-phrase.
    let (now, then) = (
        count(&cleared, "your ex") + count(&cleared, "Your ex"),
        count(&before, "your ex") + count(&before, "Your ex"),
    );
    assert!(
        now * 10 >= then * 9,
        "\"your ex\" back on every screen: {now} of {then}"
    );
    let saved = rig.store.borrow().last.clone().expect("saved");
    assert_eq!(saved.journey.settings.ex_name, None);
}

#[test]
fn settings_are_kept_and_come_back_after_a_restart() {
    let mut rig = Rig::welcomed();
    settings(&mut rig);
    rig.press("<enter>Robin<enter><down><down><right>");
    let saved = rig.store.borrow().last.clone().expect("saved");
    assert_eq!(saved.journey.settings.pronouns, PronounSet::She);
    let again = Rig::with_book(guide(), saved, Theme::CALM);
    assert_eq!(
        again.app.book.journey.settings.ex_name.as_deref(),
        Some("Robin")
    );
    let mut again = again;
    settings(&mut again);
    let screen = screen_text(again.draw(100, 30).backend().buffer());
    assert!(screen.contains("Robin"), "{screen}");
    assert!(screen.contains("‹ she / her ›"), "{screen}");
}

#[test]
fn a_broken_name_or_pronoun_is_refused_in_the_editor_and_changes_nothing() {
    let mut rig = Rig::welcomed();
    settings(&mut rig);
    rig.press("<down><right><right><right>xe/xem<enter>");
    let editor = rig.app.editor.as_ref().expect("the field stays open");
    let problem = editor.problem.clone().unwrap_or_default();
    assert!(problem.contains("possessive pronoun is empty"), "{problem}");
    assert_eq!(
        rig.app.book.journey.settings.pronouns,
        PronounSet::He,
        "still the last set chosen"
    );
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(
        screen.contains("Not saved: the possessive pronoun is empty"),
        "{screen}"
    );
    assert!(
        screen.contains("xe/xem"),
        "the text is still there: {screen}"
    );
    rig.press("<esc>d");
    assert!(rig.app.editor.is_none());

    rig.press("<up><enter>");
    let long = "n".repeat(61);
    rig.press(&format!("{long}<enter>"));
    let problem = rig.app.editor.as_ref().and_then(|e| e.problem.clone());
    assert!(problem.unwrap_or_default().contains("longer than 60"));
    assert_eq!(rig.app.book.journey.settings.ex_name, None);
}

#[test]
fn region_choice_leads_the_help_overlay() {
    let mut rig = Rig::welcomed();
    settings(&mut rig);
    rig.press("<down><down><right>");
    let region = rig.app.book.journey.profile.get("region").cloned();
    let first = rig.app.guide.tools.regions[0].clone();
    assert_eq!(region.as_deref(), Some(first.id.as_str()));
    rig.press("<esc>!");
    let screen = screen_text(rig.draw(100, 60).backend().buffer());
    let at_top = screen.lines().take(8).collect::<Vec<_>>().join("\n");
    assert!(at_top.contains(&first.name), "{screen}");
}

fn look_with_file(dir: &std::path::Path, text: Option<&str>) -> (Look, std::path::PathBuf) {
    let file = dir.join("config.toml");
    if let Some(text) = text {
        std::fs::write(&file, text).unwrap();
    }
    let look = Look {
        file: Some(file.clone()),
        ..Look::default()
    };
    (look, file)
}

#[test]
fn theme_and_idle_lock_change_one_line_of_the_settings_file_and_apply_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let mine = "# my own notes\ntheme = \"dark\" # dark at night\n\n[keys]\n# F10 is free\nhide = \"F10\"\n";
    let (look, file) = look_with_file(tmp.path(), Some(mine));
    let mut rig = Rig::welcomed();
    rig.app.look = look;
    settings(&mut rig);
    rig.press("<down><down><down><right>");
    assert_eq!(rig.app.look.theme, ThemeName::Light);
    assert_eq!(
        rig.app.theme,
        Theme::LIGHT,
        "the new theme is drawn at once"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text,
        mine.replace("theme = \"dark\"", "theme = \"light\""),
        "only the theme line changed, its comment kept"
    );
    rig.press("<down><right><right>");
    assert_eq!(rig.app.look.idle_lock, IdleLock::Minutes(2));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("\nidle_lock = 2\n\n[keys]\n# F10 is free\nhide = \"F10\"\n"),
        "{text}"
    );
    assert!(
        text.starts_with("# my own notes\ntheme = \"light\" # dark at night\n"),
        "{text}"
    );
    assert_eq!(
        rekindle::config::parse("c", &text).unwrap().idle_lock,
        IdleLock::Minutes(2)
    );
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(screen.contains("‹ after 2 minutes ›"), "{screen}");
}

#[test]
fn a_missing_settings_file_starts_as_the_commented_default() {
    let tmp = tempfile::tempdir().unwrap();
    let (look, file) = look_with_file(&tmp.path().join("new-folder"), None);
    let mut rig = Rig::welcomed();
    rig.app.look = look;
    settings(&mut rig);
    rig.press("<down><down><down><right>");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text,
        DEFAULT_FILE.replace("theme = \"dark\"", "theme = \"light\"")
    );
}

#[test]
fn a_settings_file_that_cannot_be_edited_safely_is_left_alone_and_said_so() {
    let tmp = tempfile::tempdir().unwrap();
    let odd = "\"theme\" = \"dark\"\n";
    let (look, file) = look_with_file(tmp.path(), Some(odd));
    let mut rig = Rig::welcomed();
    rig.app.look = look;
    settings(&mut rig);
    rig.press("<down><down><down><right>");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), odd);
    assert_eq!(rig.app.theme, Theme::CALM, "nothing changed");
    match &rig.app.overlay {
        Some(Overlay::Error(problem)) => {
            assert!(
                problem.contains("write `theme = \"light\"` there yourself"),
                "{problem}"
            )
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn the_idle_lock_hides_the_screen_after_its_time_by_the_apps_clock() {
    let mut rig = Rig::welcomed();
    rig.app.look.idle_lock = IdleLock::Minutes(5);
    rig.press("J");
    rig.advance_minutes(4);
    assert!(!rig.app.tick() || rig.app.overlay.is_none());
    assert_eq!(rig.app.overlay, None, "not yet");
    rig.press("j");
    rig.advance_minutes(4);
    rig.app.tick();
    assert_eq!(rig.app.overlay, None, "a key starts the count again");
    rig.advance_minutes(1);
    assert!(rig.app.tick(), "the screen changed, so it is drawn");
    assert_eq!(rig.app.overlay, Some(Overlay::Hidden));
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(
        screen.trim().is_empty(),
        "hidden as the hide key hides it: {screen}"
    );
    assert!(!rig.app.tick(), "nothing more to draw while hidden");
    rig.press("x");
    assert_eq!(rig.app.overlay, None, "any key brings it back");
    assert!(
        matches!(rig.app.screen, Screen::Journal(_)),
        "and does nothing else"
    );
}

#[test]
fn the_idle_lock_keeps_what_is_being_typed_and_off_never_hides() {
    let mut rig = Rig::welcomed();
    rig.app.look.idle_lock = IdleLock::Minutes(1);
    rig.press("nhalf a sentence");
    rig.advance_minutes(2);
    rig.app.tick();
    assert_eq!(rig.app.overlay, Some(Overlay::Hidden));
    let draft = rig.app.book.drafts.get("entry-new").map(|d| d.text.clone());
    assert_eq!(draft.as_deref(), Some("half a sentence"));
    rig.press("x");
    assert_eq!(
        rig.app.editor.as_ref().map(|e| e.text()).as_deref(),
        Some("half a sentence")
    );

    let mut off = Rig::welcomed();
    off.advance_days(3);
    off.app.tick();
    assert_eq!(off.app.overlay, None);
    // A clock that goes back is no time at all.
    let mut back = Rig::welcomed();
    back.app.look.idle_lock = IdleLock::Minutes(1);
    back.advance_minutes(-30);
    back.app.tick();
    assert_eq!(back.app.overlay, None);
}

/// An app over a real data folder, with the saving thread, as the workbook runs.
fn real_app(dir: &std::path::Path) -> App {
    let (session, _) = Session::open_in(guide(), dir, Access::ReadWrite).unwrap();
    let clock = Rc::new(RefCell::new(tui_support::t0()));
    let reading = Rc::clone(&clock);
    App::new(
        session.guide,
        session.book,
        Box::new(StoreSaver::spawn(session.store)),
        Box::new(move || *reading.borrow()),
        Box::new(chrono::Utc),
        Theme::CALM,
    )
}

/// Walks a fresh app through the welcome and the safety check to home.
fn to_home(app: &mut App) {
    let questions = app.guide.check("safety").map_or(0, |c| c.questions.len());
    tui_support::press(
        app,
        &format!("<down><down><enter>{}<enter><esc>", "n".repeat(questions)),
    );
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            found.push(entry.path());
            found.extend(files_under(&entry.path()));
        }
    }
    found
}

#[test]
fn delete_everything_asks_for_the_word_then_leaves_no_file_and_quits_saying_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut app = real_app(&dir);
    to_home(&mut app);
    // Saved once here and again below, so the journey has a .bak whatever the saver coalesces.
    assert_eq!(app.flush(), Ok(()));
    tui_support::press(&mut app, "JnA night I want gone.<c-s>");
    tui_support::press(&mut app, "nhalf a thought");
    app.keep_draft(true);
    tui_support::press(&mut app, "<esc>s<esc>h");
    assert_eq!(app.flush(), Ok(()));
    let before = files_under(&dir);
    assert!(
        before.iter().any(|f| f.ends_with("journey.json.bak")),
        "{before:?}"
    );
    assert!(
        before
            .iter()
            .any(|f| f.to_string_lossy().contains("journal/")),
        "{before:?}"
    );

    tui_support::press(&mut app, &format!("s{}", "<down>".repeat(8)));
    let screen = screen_text(tui_support::draw(&app, 100, 30).backend().buffer());
    assert!(screen.contains("Delete everything…"), "{screen}");
    tui_support::press(&mut app, "<enter>");
    let Screen::Erase(erase) = &app.screen else {
        panic!("the delete screen opens");
    };
    assert!(erase.what.contains("journey.json"), "{}", erase.what);
    let screen = screen_text(tui_support::draw(&app, 100, 30).backend().buffer());
    assert!(screen.contains("It cannot be undone"), "{screen}");
    assert!(
        screen.contains("Keep a copy first: open the export screen"),
        "{screen}"
    );

    // A copy first: the export screen, and back.
    tui_support::press(&mut app, "<enter>");
    assert!(matches!(app.screen, Screen::Export(_)));
    tui_support::press(&mut app, "<esc><down><enter>");
    // Anything but the word deletes nothing; Esc steps back.
    tui_support::press(&mut app, "yes<enter>");
    assert!(!app.quit);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or_default()
            .contains("Type delete")
    );
    tui_support::press(&mut app, "<esc>");
    for file in &before {
        assert!(file.exists(), "nothing deleted: {}", file.display());
    }
    assert!(!app.quit);

    tui_support::press(&mut app, "<enter>delete<enter>");
    assert!(app.quit, "the workbook closes");
    assert!(
        !dir.exists(),
        "the data folder is gone: {:?}",
        files_under(&dir)
    );
    let report = app.erased.clone().expect("what was deleted");
    assert!(report.contains(&dir.display().to_string()), "{report}");
    assert!(report.contains("1 journal month"), "{report}");
    assert!(report.contains("backup"), "{report}");
    assert_eq!(app.flush(), Ok(()), "nothing is saved after");
    drop(app);
    assert!(!dir.exists(), "nothing came back after closing");
}

#[test]
fn delete_everything_refuses_a_folder_holding_what_rekindle_did_not_make() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut app = real_app(&dir);
    to_home(&mut app);
    assert_eq!(app.flush(), Ok(()));
    std::fs::write(dir.join("my-notes.txt"), "mine").unwrap();
    tui_support::press(&mut app, &format!("s{}<enter>", "<down>".repeat(8)));
    match &app.overlay {
        Some(Overlay::Error(problem)) => {
            assert!(problem.contains("my-notes.txt"), "{problem}");
            assert!(problem.contains("nothing was deleted"), "{problem}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(dir.join("journey.json").exists());
    assert!(dir.join("my-notes.txt").exists());
}

#[test]
fn a_read_only_window_cannot_delete() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let _writer = Store::open(&dir, Access::ReadWrite).unwrap();
    let mut rig = Rig::welcomed();
    rig.app.read_only = true;
    rig.press(&format!("s{}<enter>", "<down>".repeat(8)));
    assert!(!matches!(rig.app.screen, Screen::Erase(_)));
    assert!(
        rig.app
            .notice
            .as_deref()
            .unwrap_or_default()
            .contains("Read-only window"),
        "{:?}",
        rig.app.notice
    );
}

#[test]
fn pronouns_of_your_own_set_before_the_first_run_survive_the_welcome() {
    let guide = guide();
    let mut book = tui_support::fresh_book(&guide);
    let own = PronounSet::Custom(CustomPronouns::new("ze", "hir", "hir").unwrap());
    book.journey.settings.pronouns = own.clone();
    let mut rig = Rig::with_book(guide, book, Theme::CALM);
    let screen = screen_text(rig.draw(100, 30).backend().buffer());
    assert!(screen.contains("Pronouns: ‹ ze / hir / hir ›"), "{screen}");
    rig.press("<down><down><enter>");
    assert_eq!(rig.app.book.journey.settings.pronouns, own);
}

#[test]
fn a_read_only_window_never_says_done_for_a_change_it_did_not_make() {
    let mut rig = Rig::welcomed();
    settings(&mut rig);
    rig.press("<enter>Quillon<enter>");
    rig.app.read_only = true;
    settings(&mut rig);
    rig.press("<down><enter>");
    assert_eq!(
        rig.app.book.journey.settings.ex_name.as_deref(),
        Some("Quillon"),
        "nothing changes in a read-only window"
    );
    let notice = rig.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("Read-only window"), "{notice}");
    assert!(!notice.contains("Done"), "{notice}");
}
