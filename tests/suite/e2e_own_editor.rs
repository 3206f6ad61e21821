//! Writing in one's own editor with the real binary in tmux: $VISUAL is preferred over $EDITOR,
//! the workbook gives the terminal to it and takes it back, its words are saved, the scratch file
//! is private and gone after, a crash's leftovers are gone at the start, and Ctrl-C typed in the
//! editor stops only the editor.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

use crate::e2e_support;
use crate::own_editor_support;

use e2e_support::{Tmux, binary};
use own_editor_support::{Scripts, finished_pid};
use rekindle::store::scratch::places;

/// Starts the workbook on `data` with these editor variables (unset when `None`).
fn start(tmux: &Tmux, data: &Path, visual: Option<&Path>, editor: Option<&Path>) {
    // env takes every -u before the first assignment.
    let (mut unset, mut set) = (String::new(), String::new());
    for (name, value) in [("VISUAL", visual), ("EDITOR", editor)] {
        match value {
            Some(v) => set.push_str(&format!("{name}='{}' ", v.display())),
            None => unset.push_str(&format!("-u {name} ")),
        }
    }
    let command = format!(
        "env -u NO_COLOR -u REKINDLE_CONFIG {unset}{set}XDG_CONFIG_HOME='{}.config' \
         REKINDLE_DATA_DIR='{}' '{}'; echo EXITED=$?; sleep 30",
        data.display(),
        data.display(),
        binary().display()
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
}

/// Goes through the welcome and the safety check to the journal.
fn to_the_journal(tmux: &Tmux) {
    tmux.to_home();
    tmux.keys(&["J"]);
    tmux.wait_for("rekindle · Journal");
}

fn journal_list(data: &Path) -> String {
    let output = Command::new(binary())
        .arg("--data-dir")
        .arg(data)
        .args(["journal", "list"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn visual_gets_the_text_and_its_words_are_saved_with_nothing_left_behind() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    let visual = scripts.appends("and this, written in my own editor");
    let editor = scripts.fails();
    // What a crash left: a scratch file of a process that is gone, in every place.
    let dead = finished_pid();
    let leftovers: Vec<_> = places(data.path())
        .into_iter()
        .map(|place| {
            std::fs::create_dir_all(&place).unwrap();
            // The note naming the data folder first, as rekindle writes it, so another test's
            // start leaves the file alone.
            std::fs::write(
                place.join(format!("rekindle-edit-{dead}-4.txt.where")),
                data.path().as_os_str().as_encoded_bytes(),
            )
            .unwrap();
            let file = place.join(format!("rekindle-edit-{dead}-4.txt"));
            std::fs::write(&file, "words from before the crash").unwrap();
            file
        })
        .collect();

    let tmux = Tmux::new("own-editor");
    start(&tmux, data.path(), Some(&visual), Some(&editor));
    let first = tmux.wait_for("Words you were writing in your editor");
    assert!(
        first.contains("Your words are kept") && first.contains("rekindle-recovered-"),
        "the start says where the words are:\n{first}"
    );
    tmux.keys(&["Escape"]);
    to_the_journal(&tmux);
    for file in &leftovers {
        assert!(
            !file.exists(),
            "{} was removed at the start",
            file.display()
        );
    }
    let recovered: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("rekindle-recovered-")
        })
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(
        recovered.len(),
        leftovers.len(),
        "its words were kept first"
    );
    assert!(recovered.iter().all(|t| t == "words from before the crash"));
    tmux.keys(&["n"]);
    tmux.wait_for("Ctrl-O your editor");
    tmux.text("typed here first");
    tmux.keys(&["C-o"]);
    let screen = tmux.wait_for("Saved");
    assert!(
        screen.contains("and this, written in my own editor"),
        "the entry is shown with the editor's line:\n{screen}"
    );
    assert!(screen.contains(" 1 entry"), "{screen}");

    let seen = scripts.seen("append");
    assert_eq!(seen.text, "typed here first\n");
    assert_eq!(
        (seen.file_mode.as_str(), seen.folder_mode.as_str()),
        ("600", "700")
    );
    assert!(!seen.path.exists(), "the scratch file is gone");
    assert!(
        !scripts.dir.path().join("fail.seen").exists(),
        "$EDITOR is not run when $VISUAL is set"
    );

    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);
    let list = journal_list(data.path());
    assert!(list.contains("typed here first"), "{list}");
}

#[test]
fn ctrl_c_in_the_editor_stops_the_editor_and_not_the_workbook() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    let slow = scripts.script(
        "slow",
        "echo 'THE EDITOR IS RUNNING'; echo 'never saved' >> \"$1\"; sleep 20",
    );
    let tmux = Tmux::new("own-editor-ctrl-c");
    start(&tmux, data.path(), None, Some(&slow));
    to_the_journal(&tmux);
    tmux.keys(&["O"]);
    let editing = tmux.wait_for("THE EDITOR IS RUNNING");
    assert!(
        !editing.contains("rekindle ·"),
        "the editor has the whole terminal:\n{editing}"
    );
    tmux.keys(&["C-c"]);
    let back = tmux.wait_for("Your editor was stopped (interrupted)");
    assert!(
        back.contains("What it last saved is kept as a draft"),
        "{back}"
    );
    assert!(back.contains(" 0 entries"), "{back}");
    assert!(
        !back.contains("THE EDITOR IS RUNNING"),
        "redrawn whole:\n{back}"
    );
    assert!(!scripts.seen("slow").path.exists());

    // Still running, and still taking keys.
    tmux.keys(&["n"]);
    tmux.wait_for("Ctrl-O your editor");
    tmux.wait_for("never saved");
    tmux.text(" and still here");
    tmux.keys(&["C-s"]);
    tmux.wait_for(" 1 entry");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
    tmux.tmux(&["kill-server"]);
    let list = journal_list(data.path());
    assert!(list.contains("never saved"), "{list}");
}

#[test]
fn journal_add_on_a_terminal_opens_the_editor_and_a_failing_one_adds_nothing_but_keeps_a_draft() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    let writes = scripts.appends("an entry from the command line");
    let fails = scripts.fails();
    let tmux = Tmux::new("own-editor-cli");
    let command = format!(
        "env -u VISUAL EDITOR='{writes}' '{bin}' --data-dir '{dir}' journal add; \
         echo FIRST=$?; env -u VISUAL EDITOR='{fails}' '{bin}' --data-dir '{dir}' journal add; \
         echo SECOND=$?; VISUAL=\"'vim\" '{bin}' --data-dir '{dir}' journal add; \
         echo THIRD=$?; sleep 30",
        writes = writes.display(),
        fails = fails.display(),
        bin = binary().display(),
        dir = data.path().display(),
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    let screen = tmux.wait_for("THIRD=");
    assert!(screen.contains("THIRD=1"), "{screen}");
    assert!(
        screen.contains("Your VISUAL could not be read as a command: a ' quote is not closed"),
        "{screen}"
    );
    assert!(screen.contains("FIRST=0"), "{screen}");
    assert!(screen.contains("SECOND=1"), "{screen}");
    assert!(
        screen.contains("Your editor closed with exit status 1. What it last saved is kept as a"),
        "{screen}"
    );
    assert!(
        screen.contains("Nothing was added to your journal."),
        "{screen}"
    );
    tmux.tmux(&["kill-server"]);
    let list = journal_list(data.path());
    assert!(list.contains("an entry from the command line"), "{list}");
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(!scripts.seen("fail").path.exists());
    let drafts = std::fs::read_to_string(data.path().join("drafts.json")).unwrap();
    assert!(
        drafts.contains("entry-new") && drafts.contains("not this"),
        "{drafts}"
    );
}

#[test]
fn every_key_typed_in_the_editor_reaches_the_editor() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    let reads = scripts.script(
        "reads",
        "printf 'TYPE A LINE: '; read line; printf '%s\\n' \"$line\" >> \"$1\"",
    );
    let tmux = Tmux::new("own-editor-keys");
    start(&tmux, data.path(), Some(&reads), None);
    to_the_journal(&tmux);
    tmux.keys(&["O"]);
    tmux.wait_for("TYPE A LINE:");
    let line = "every key I type here reaches my editor, not the workbook";
    for word in line.split_inclusive(' ') {
        tmux.text(word);
    }
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(" 1 entry");
    assert!(screen.contains(line), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");
}

#[test]
fn journal_add_does_not_hold_the_workbook_while_the_editor_is_open() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    let inner = scripts.dir.path().join("inner.err");
    // While this editor is open, another command writes to the same workbook.
    let alongside = scripts.script(
        "alongside",
        &format!(
            "'{bin}' --data-dir '{dir}' journal add 'written alongside' 2> '{inner}'; \
             echo INNER=$? >> '{inner}'; printf '%s\\n' 'written in the editor' >> \"$1\"",
            bin = binary().display(),
            dir = data.path().display(),
            inner = inner.display(),
        ),
    );
    let tmux = Tmux::new("own-editor-cli-lock");
    let command = format!(
        "env -u VISUAL EDITOR='{editor}' '{bin}' --data-dir '{dir}' journal add; \
         echo OUTER=$?; sleep 30",
        editor = alongside.display(),
        bin = binary().display(),
        dir = data.path().display(),
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    let screen = tmux.wait_for("OUTER=");
    assert!(screen.contains("OUTER=0"), "{screen}");
    tmux.tmux(&["kill-server"]);
    let inner = std::fs::read_to_string(&inner).unwrap();
    assert!(inner.contains("INNER=0"), "{inner}");
    assert!(
        !inner.contains("inbox"),
        "the workbook was free, so the entry went straight in: {inner}"
    );
    let list = journal_list(data.path());
    assert!(list.contains("written alongside"), "{list}");
    assert!(list.contains("written in the editor"), "{list}");
}

#[test]
fn journal_add_keeps_the_words_when_the_terminal_hangs_up_mid_edit() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    // The editor saves, then the session hangs up: rekindle gets SIGHUP while the editor runs.
    let hangup = scripts.script(
        "hangup",
        "printf '%s\\n' 'saved before the hangup' >> \"$1\"; kill -HUP $PPID; sleep 1; exit 1",
    );
    let tmux = Tmux::new("own-editor-cli-hup");
    let command = format!(
        "env -u VISUAL EDITOR='{editor}' '{bin}' --data-dir '{dir}' journal add; \
         echo CODE=$?; sleep 30",
        editor = hangup.display(),
        bin = binary().display(),
        dir = data.path().display(),
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    let screen = tmux.wait_for("CODE=");
    assert!(
        screen.contains("CODE=1"),
        "rekindle was not ended by the hangup: {screen}"
    );
    assert!(
        screen.contains("What it last saved is kept as a draft"),
        "{screen}"
    );
    tmux.tmux(&["kill-server"]);
    let drafts = std::fs::read_to_string(data.path().join("drafts.json")).unwrap();
    assert!(drafts.contains("saved before the hangup"), "{drafts}");
    assert!(
        journal_list(data.path()).trim().is_empty(),
        "nothing was added"
    );
    assert!(
        !scripts.seen("hangup").path.exists(),
        "and the scratch file is gone"
    );
}

#[test]
fn journal_add_with_the_workbook_open_elsewhere_keeps_a_failed_editors_words_in_a_file() {
    let data = TempDir::new().unwrap();
    let scripts = Scripts::new();
    let fails = scripts.fails();
    // Another window has the workbook open (and may be writing its own new entry).
    std::fs::create_dir_all(data.path()).unwrap();
    let open =
        rekindle::store::Store::open(data.path(), rekindle::store::Access::ReadWrite).unwrap();
    let tmux = Tmux::new("own-editor-cli-open");
    let command = format!(
        "env -u VISUAL EDITOR='{editor}' '{bin}' --data-dir '{dir}' journal add; \
         echo CODE=$?; sleep 30",
        editor = fails.display(),
        bin = binary().display(),
        dir = data.path().display(),
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    let screen = tmux.wait_for("CODE=");
    tmux.tmux(&["kill-server"]);
    drop(open);
    assert!(screen.contains("CODE=1"), "{screen}");
    let joined = screen.replace('\n', "");
    assert!(
        joined.contains("(the workbook is open in another window), so it is kept in")
            && joined.contains("Nothing was added to your journal."),
        "{screen}"
    );
    let kept: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("rekindle-recovered-")
        })
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(kept, ["not this\n"], "the editor's words, as it left them");
    let inbox = data.path().join("inbox");
    assert!(
        !inbox.exists() || std::fs::read_dir(&inbox).unwrap().count() == 0,
        "nothing went to the open window's inbox"
    );
}
