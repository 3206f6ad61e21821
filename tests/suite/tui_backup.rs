//! The backup key on the export screen: it waits for the months still loading behind the first
//! frame, so the file holds every entry, and writes nothing when a month could not be read.

use chrono::Utc;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rekindle::cli::Session;
use rekindle::content::default_guide;

use rekindle::store::Access;
use rekindle::tui::App;
use rekindle::tui::loader::JournalLoader;
use rekindle::tui::persist::MemoryPersist;
use rekindle::tui::screens::Screen;
use rekindle::tui::theme::Theme;

/// The workbook opened on `dir` with its older months loading behind, exporting to `exports`.
fn app(dir: &std::path::Path, exports: &std::path::Path) -> App {
    let (session, older) =
        Session::open_in(default_guide().unwrap(), dir, Access::ReadOnly).unwrap();
    let mut app = App::new(
        session.guide,
        session.book,
        Box::new(MemoryPersist::default()),
        Box::new(|| "2026-11-23T10:00:00Z".parse().unwrap()),
        Box::new(Utc),
        Theme::CALM,
    );
    app.loader = JournalLoader::spawn(dir.to_path_buf(), older);
    app.export_dir = exports.to_path_buf();
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.on_event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn message(app: &App) -> String {
    let Screen::Export(screen) = &app.screen else {
        panic!("on the export screen")
    };
    screen.message.clone().unwrap_or_default()
}

#[test]
fn the_backup_key_waits_for_every_month_and_writes_them_all() {
    let dir = crate::tui_support::three_months_on_disk(true);
    let exports = tempfile::TempDir::new().unwrap();
    let mut app = app(dir.path(), exports.path());
    press(&mut app, "Eb");
    let file = exports.path().join("rekindle-backup-2026-11-23.json");
    let said = message(&app);
    assert!(said.contains(&file.display().to_string()), "{said}");
    assert!(said.contains("and 4 journal entries"), "{said}");
    assert!(said.contains("anyone who has the file can read"), "{said}");
    let backup = rekindle::export::read_backup(&std::fs::read(&file).unwrap()).unwrap();
    let months: Vec<_> = backup.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2026-09", "2026-10", "2026-11"]);
    assert_eq!(backup.entries(), 4);
    assert!(backup.journey.unwrap().welcomed);
    press(&mut app, "b");
    assert!(
        exports
            .path()
            .join("rekindle-backup-2026-11-23-2.json")
            .is_file(),
        "a second backup never writes over the first"
    );
}

#[test]
fn a_month_that_could_not_be_read_stops_the_backup() {
    let dir = crate::tui_support::three_months_on_disk(true);
    std::fs::write(dir.path().join("journal/2026-09.json"), "{ broken").unwrap();
    let exports = tempfile::TempDir::new().unwrap();
    let mut app = app(dir.path(), exports.path());
    press(&mut app, "E");
    app.overlay = None;
    press(&mut app, "b");
    let said = message(&app);
    assert!(said.starts_with("No backup was written"), "{said}");
    assert!(said.contains("2026-09"), "{said}");
    assert_eq!(std::fs::read_dir(exports.path()).unwrap().count(), 0);
}
