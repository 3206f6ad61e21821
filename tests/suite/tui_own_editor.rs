//! Writing in one's own editor from the workbook, with script editors: Ctrl-O in the editor and
//! `o`/`O` on the journal list hand the text out; what an editor that exits 0 leaves is saved as
//! Ctrl-S saves it; an editor that fails or is killed leaves the old text, and the footer says so.

use crate::own_editor_support;
use crate::tui_support;

use std::path::Path;

use own_editor_support::{Scripts, on_tmpfs};
use rekindle::own_editor::{EditorCommand, NoEditor, edit};
use rekindle::tui::app::OwnEdit;
use tui_support::{Rig, screen_text};

const PROMPT_KEY: &str = "prompt:space:why-space";

/// A rig whose user has set `script` as their editor.
fn rig_with(script: &Path) -> Rig {
    let mut rig = Rig::welcomed();
    rig.app.own_editor = Ok(EditorCommand {
        program: script.display().to_string(),
        args: Vec::new(),
    });
    rig
}

/// Does what the run loop does: hands the asked-for text to the editor and gives back the end.
fn run_own_editor(rig: &mut Rig, data: &Path) -> String {
    let request = rig.app.take_own_edit().expect("the text was asked for");
    assert_eq!(rig.app.take_own_edit(), None, "a request is taken once");
    let end = edit(&request.command, &request.text, data);
    rig.app.own_edit_done(end);
    request.text
}

fn entries(rig: &Rig) -> Vec<String> {
    rig.app
        .book
        .journal
        .iter()
        .map(|e| e.text.clone())
        .collect()
}

fn answer(rig: &Rig) -> Option<String> {
    let step = rig.app.book.journey.step("space");
    step.answers.get("why-space").map(|a| a.text.clone())
}

fn footer(rig: &Rig) -> String {
    screen_text(rig.draw(100, 30).backend().buffer())
}

#[test]
fn ctrl_o_saves_what_the_editor_appended_from_a_private_file_removed_after() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.appends("and a line from my editor"));
    rig.press("Jnfirst words<c-o>");
    assert_eq!(
        rig.app.own_edit,
        OwnEdit::Asked(rekindle::tui::app::Launch::Editor)
    );
    let handed = run_own_editor(&mut rig, data.path());
    assert_eq!(handed, "first words");

    assert!(rig.app.editor.is_none(), "saved, so the editor closed");
    assert_eq!(entries(&rig), ["first words\nand a line from my editor"]);
    assert!(!rig.app.book.drafts.contains_key("entry-new"));
    assert!(footer(&rig).contains("Saved"), "{}", footer(&rig));

    let seen = scripts.seen("append");
    assert_eq!(seen.text, "first words\n");
    assert_eq!(
        (seen.file_mode.as_str(), seen.folder_mode.as_str()),
        ("600", "700")
    );
    let folder = seen.path.parent().unwrap();
    assert!(
        // The folder itself is gone once empty, so ask about the place it was made in.
        folder.parent().is_some_and(on_tmpfs) || folder == data.path().join("editing"),
        "in memory, or in the data folder: {}",
        folder.display()
    );
    assert!(!seen.path.exists(), "the file is removed after");
}

#[test]
fn an_editor_that_exits_1_keeps_the_saved_answer_and_what_it_saved_as_a_draft() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.fails());
    rig.press("<enter><enter>first answer<c-s>");
    assert_eq!(answer(&rig).as_deref(), Some("first answer"));
    rig.press("<enter> and more<c-o>");
    run_own_editor(&mut rig, data.path());

    assert_eq!(answer(&rig).as_deref(), Some("first answer"));
    let editor = rig.app.editor.as_ref().expect("still writing here");
    assert_eq!(editor.text(), "first answer and more\nnot this");
    assert_eq!(
        rig.app.book.drafts.get(PROMPT_KEY).map(|d| d.text.as_str()),
        Some("first answer and more\nnot this"),
        "what the editor last saved is kept as a draft"
    );
    let screen = footer(&rig);
    assert!(
        screen.contains(
            "Your editor closed with exit status 1. What it last saved is shown here, kept as a \
             draft."
        ),
        "{screen}"
    );
    assert!(!scripts.seen("fail").path.exists());
}

#[test]
fn an_editor_killed_by_a_signal_leaves_the_entry_and_keeps_its_words_as_a_draft() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.killed());
    rig.press("Jnas it was<c-s>");
    rig.press("o");
    run_own_editor(&mut rig, data.path());

    assert_eq!(entries(&rig), ["as it was"]);
    assert!(rig.app.editor.is_none(), "back on the list");
    let id = rig.app.book.journal.iter().next().unwrap().id.clone();
    assert_eq!(
        rig.app
            .book
            .drafts
            .get(&format!("entry:{id}"))
            .map(|d| d.text.as_str()),
        Some("as it was\nnot this"),
        "what the editor last saved is the entry's draft"
    );
    let screen = footer(&rig);
    assert!(
        screen.contains(
            "Your editor was stopped (killed). What it last saved is kept as the entry's draft."
        ),
        "{screen}"
    );
    assert!(!scripts.seen("killed").path.exists());
    rig.press("e");
    assert_eq!(
        rig.app.editor.as_ref().map(|e| e.text()).as_deref(),
        Some("as it was\nnot this"),
        "opening the entry shows it"
    );
}

#[test]
fn o_on_the_list_edits_the_selected_entry_in_the_editor() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.replaces("said better"));
    rig.press("Jnsaid badly<c-s>o");
    assert_eq!(run_own_editor(&mut rig, data.path()), "said badly");
    assert_eq!(entries(&rig), ["said better"]);
    assert!(rig.app.editor.is_none());
}

#[test]
fn capital_o_writes_a_new_entry_and_emptying_one_is_refused_as_in_the_app() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.appends("a new day"));
    rig.press("JO");
    assert_eq!(run_own_editor(&mut rig, data.path()), "");
    assert_eq!(entries(&rig), ["a new day"]);

    rig.app.own_editor = Ok(EditorCommand {
        program: scripts.empties().display().to_string(),
        args: Vec::new(),
    });
    rig.press("O");
    run_own_editor(&mut rig, data.path());
    assert_eq!(entries(&rig), ["a new day"], "nothing added");
    assert!(
        rig.app.editor.is_none(),
        "an untouched new entry just closes"
    );
    assert!(footer(&rig).contains("Nothing was changed"));

    rig.press("o");
    run_own_editor(&mut rig, data.path());
    assert_eq!(
        entries(&rig),
        ["a new day"],
        "an entry is never saved empty"
    );
    let editor = rig
        .app
        .editor
        .as_ref()
        .expect("the emptied entry stays open");
    assert!(
        editor
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("empty")),
        "{:?}",
        editor.problem
    );
}

#[test]
fn an_unchanged_text_saves_nothing() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.script("same", "true"));
    rig.press("Jnleft alone<c-s>");
    let edited = rig.app.book.journal.iter().next().unwrap().edited;
    rig.press("o");
    run_own_editor(&mut rig, data.path());
    let entry = rig.app.book.journal.iter().next().unwrap();
    assert_eq!((entry.text.as_str(), entry.edited), ("left alone", edited));
    assert!(rig.app.editor.is_none());
    assert!(footer(&rig).contains("Nothing was changed"));
}

#[test]
fn with_no_editor_set_the_in_app_editor_stays_and_says_so() {
    let mut rig = Rig::welcomed();
    rig.app.own_editor = Err(NoEditor::NotSet);
    rig.press("Jnhere<c-o>");
    assert_eq!(rig.app.take_own_edit(), None);
    assert_eq!(rig.app.editor.as_ref().unwrap().text(), "here");
    assert!(
        footer(&rig).contains("No editor is set (VISUAL or EDITOR)"),
        "{}",
        footer(&rig)
    );
    rig.press("<c-s>O");
    assert_eq!(rig.app.take_own_edit(), None);
    assert!(rig.app.editor.is_some(), "the in-app editor opened instead");
    assert!(footer(&rig).contains("so you are writing here instead"));
}

#[test]
fn a_one_line_field_keeps_ctrl_o_to_itself() {
    let scripts = Scripts::new();
    let mut rig = Rig::new();
    rig.app.own_editor = Ok(EditorCommand {
        program: scripts.appends("x").display().to_string(),
        args: Vec::new(),
    });
    // The ex's name, on the welcome screen, is a one-line field.
    rig.press("<enter>Sam<c-o>");
    assert!(rig.app.editor.is_some());
    assert_eq!(rig.app.take_own_edit(), None);
    assert!(!footer(&rig).contains("Ctrl-O"));
}

#[test]
fn the_editor_shows_its_key() {
    let scripts = Scripts::new();
    let mut rig = rig_with(&scripts.appends("x"));
    rig.press("Jn");
    assert!(footer(&rig).contains("Ctrl-O your editor"));
    rig.press("<esc>?");
    let help = footer(&rig);
    assert!(
        help.contains("edit the selected entry in your own editor"),
        "{help}"
    );
    assert!(
        help.contains("write a new entry in your own editor"),
        "{help}"
    );
}

#[test]
fn the_idle_lock_counts_from_when_the_editor_returns_not_from_the_last_key() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let mut rig = rig_with(&scripts.appends("written over a long while"));
    rig.app.look.idle_lock = rekindle::config::IdleLock::Minutes(5);
    rig.press("Jnfirst words<c-o>");
    // A long time writing in the editor, with no key reaching the workbook.
    rig.advance_minutes(30);
    run_own_editor(&mut rig, data.path());
    rig.app.tick();
    assert_eq!(
        rig.app.overlay, None,
        "the screen stays when the editor returns"
    );
    rig.advance_minutes(5);
    rig.app.tick();
    assert_eq!(
        rig.app.overlay,
        Some(rekindle::tui::app::Overlay::Hidden),
        "five minutes after it returned, the lock hides the screen"
    );
}
