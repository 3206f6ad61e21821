//! The export screen writes a private file into the export folder, never over an earlier one,
//! and says where it went; the counsellor export holds what a counsellor would read.

use crate::tui_support;

use std::os::unix::fs::PermissionsExt;

use rekindle::engine::Action;
use rekindle::tui::screens::Screen;
use tui_support::Rig;

fn exported_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

#[test]
fn the_journal_export_is_written_privately_and_never_over_an_earlier_one() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut rig = Rig::welcomed();
    rig.app.export_dir = dir.path().to_path_buf();
    rig.app.apply(Action::AddEntry {
        text: "a quiet evening 🌙".into(),
        step: None,
        mood: Some(3),
        tags: vec![],
    });
    rig.press("E<down><down><enter>");
    rig.press("<enter>");
    let files = exported_files(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    let first = dir.path().join("rekindle-journal-2026-03-01.md");
    let second = dir.path().join("rekindle-journal-2026-03-01-2.md");
    assert!(
        files.contains(&first) && files.contains(&second),
        "{files:?}"
    );
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains("a quiet evening 🌙"), "{text}");
    let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let Screen::Export(screen) = &rig.app.screen else {
        panic!("still on export")
    };
    assert!(
        screen.message.as_deref().unwrap().starts_with("Saved to "),
        "{:?}",
        screen.message
    );
}

#[test]
fn the_counsellor_export_holds_entries_and_moods() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut rig = Rig::welcomed();
    rig.app.export_dir = dir.path().to_path_buf();
    rig.app.apply(Action::AddEntry {
        text: "talked to my sister".into(),
        step: None,
        mood: None,
        tags: vec![],
    });
    rig.app.apply(Action::CheckMood {
        mood: 2,
        word: Some("tired".into()),
    });
    rig.press("E<right><right><right><right><down><down><enter>");
    let files = exported_files(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].to_string_lossy().contains("for-my-counsellor"),
        "{files:?}"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("talked to my sister"), "{text}");
    assert!(text.contains("tired"), "{text}");
}

#[test]
fn a_drafted_first_message_is_kept_in_the_journal_with_its_tag() {
    use rekindle::tui::effect::{EditTarget, Effect};
    let mut rig = Rig::welcomed();
    let target = EditTarget::FirstMessage {
        step: "reach-out".into(),
    };
    let request = rekindle::tui::screens::request_for(&target, &rig.app.view()).unwrap();
    rig.app.run(Effect::Edit(request));
    rig.press("Hi, I hope the new job is going well.<c-s>");
    let entry = rig.app.book.journal.iter().next().expect("kept");
    assert_eq!(entry.text, "Hi, I hope the new job is going well.");
    assert_eq!(entry.step.as_deref(), Some("reach-out"));
    assert_eq!(entry.tags, [rekindle::tui::screens::FIRST_MESSAGE_TAG]);
}
