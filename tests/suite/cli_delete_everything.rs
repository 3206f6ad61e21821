//! `rekindle delete-everything` through the real binary: with `--yes` the whole data folder
//! goes (store files, backups, drafts, index, inbox, lock) and the report says what and where;
//! without a terminal to ask and no `--yes` it refuses; it refuses while another window holds
//! the workbook, and for a folder holding anything rekindle did not make.

use crate::cli_support;

use std::fs;

use cli_support::{Sandbox, snapshot, stderr, stdout, walk};
use rekindle::engine::{Action, Journal, Now, Workbook, apply};
use rekindle::store::{Access, Inbox, InboxItem, InboxRecord, Store};

/// A data folder with every kind of file: a journey and its backup, two months, the index,
/// drafts, an inbox record, the lock.
fn full_folder(sandbox: &Sandbox) {
    let out = sandbox.cmd(&["journal", "add", "first"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [["--ex-name", "Quillon"], ["--pronouns", "she"]] {
        let out = sandbox
            .cmd(&["settings", args[0], args[1]])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let guide = rekindle::content::default_guide().unwrap();
    let store = Store::open(&sandbox.data(), Access::ReadWrite).unwrap();
    let mut book = Workbook {
        journey: store.load_journey().unwrap().unwrap(),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    let now = Now::new("2025-05-05T10:00:00Z".parse().unwrap(), &chrono::Utc);
    let actions = [
        Action::AddEntry {
            text: "an older month".into(),
            step: None,
            mood: None,
            tags: vec![],
        },
        Action::SaveDraft {
            key: "entry-new".into(),
            text: "half a thought".into(),
        },
    ];
    for action in actions {
        let outcome = apply(&mut book, &guide, action, now).unwrap();
        for key in outcome.months_changed {
            store.save_month(&book.journal.month_file(key)).unwrap();
        }
    }
    store.save_drafts(&book.drafts).unwrap();
    drop(store);
    let record = InboxRecord::new(
        chrono::Utc::now(),
        InboxItem::Text {
            key: "entry-new".into(),
            text: "still on its way".into(),
        },
    );
    Inbox::of(&sandbox.data()).put(&record).unwrap();
}

fn names(sandbox: &Sandbox) -> Vec<String> {
    walk(&sandbox.data())
        .iter()
        .map(|p| {
            p.strip_prefix(sandbox.data())
                .unwrap()
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn with_yes_every_file_and_the_folder_are_gone_and_the_report_says_what() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    let before = names(&sandbox);
    for kind in [
        "journey.json",
        "journey.json.bak",
        "drafts.json",
        ".lock",
        "journal/.index.json",
        "inbox/",
    ] {
        assert!(
            before.iter().any(|n| n.contains(kind)),
            "{kind} in {before:?}"
        );
    }
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!sandbox.data().exists(), "left: {:?}", names(&sandbox));
    let report = stdout(&out);
    let dir = sandbox.data().display().to_string();
    assert!(
        report.contains(&format!("Deleted {dir} and everything rekindle kept in it")),
        "{report}"
    );
    for part in [
        "your progress, answers and settings (journey.json)",
        "journal months (journal/)",
        "text you were still writing (drafts.json)",
        "1 inbox record",
        "backup cop",
        "the journal index",
        "the lock file",
        &format!(
            "{} files in all",
            before
                .iter()
                .filter(|n| !n.ends_with("journal") && !n.ends_with("inbox"))
                .count()
        ),
    ] {
        assert!(report.contains(part), "{part}\n{report}");
    }
    assert!(!report.contains("Quillon"), "the report names no one");
}

#[test]
fn without_yes_and_without_a_terminal_nothing_is_deleted() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    let before = snapshot(&sandbox.data());
    let out = sandbox.cmd(&["delete-everything"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nothing was deleted"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert!(
        err.contains("rekindle export --format md"),
        "a copy is offered: {err}"
    );
    assert_eq!(snapshot(&sandbox.data()), before);
    let out = sandbox
        .cmd(&["delete-everything"])
        .write_stdin("delete\n")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "piped words are not a person typing"
    );
    assert_eq!(snapshot(&sandbox.data()), before);
}

#[test]
fn while_another_window_has_it_open_nothing_is_deleted() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    let before = snapshot(&sandbox.data());
    let open = Store::open(&sandbox.data(), Access::ReadWrite).unwrap();
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("open in another window"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("nothing was deleted"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&sandbox.data()), before);
    drop(open);
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "once it is closed: {}", stderr(&out));
    assert!(!sandbox.data().exists());
}

#[test]
fn a_folder_holding_anything_rekindle_did_not_make_is_not_touched() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    fs::write(sandbox.data().join("my-notes.txt"), "mine").unwrap();
    fs::create_dir(sandbox.data().join("photos")).unwrap();
    let before = snapshot(&sandbox.data());
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("my-notes.txt") && err.contains("photos"),
        "{err}"
    );
    assert!(err.contains("nothing was deleted"), "{err}");
    assert_eq!(snapshot(&sandbox.data()), before);
    // A home folder given by mistake is refused the same way, before anything is made there.
    let home = sandbox.tmp.path().join("a-home");
    fs::create_dir_all(home.join("Documents")).unwrap();
    fs::write(home.join(".bashrc"), "").unwrap();
    let out = sandbox
        .cmd_in(&home, &["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let mut left: Vec<_> = fs::read_dir(&home)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(left, [".bashrc", "Documents"], "nothing added or removed");
}

#[test]
fn a_linked_journey_is_unlinked_and_its_file_left_and_said_so() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    let elsewhere = sandbox.file("kept-elsewhere.json");
    fs::rename(sandbox.data().join("journey.json"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, sandbox.data().join("journey.json")).unwrap();
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!sandbox.data().exists());
    assert!(
        elsewhere.exists(),
        "a file outside the folder is never deleted"
    );
    let report = stdout(&out);
    assert!(report.contains("journey.json was a link to"), "{report}");
    assert!(report.contains("delete it yourself"), "{report}");
}

#[test]
fn a_folder_that_does_not_exist_is_nothing_to_delete() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("There is nothing to delete"));
    assert!(!sandbox.data().exists(), "and nothing is made");
}

#[test]
fn a_data_folder_that_is_a_link_goes_with_its_link() {
    let sandbox = Sandbox::new();
    let real = sandbox.file("real-data");
    let out = sandbox
        .cmd_in(&real, &["journal", "add", "hello"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    std::os::unix::fs::symlink(&real, sandbox.data()).unwrap();
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!real.exists(), "the folder the link led to is gone");
    assert!(
        fs::symlink_metadata(sandbox.data()).is_err(),
        "and the link"
    );
    assert!(
        stdout(&out).contains("the folder the link"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_editing_folder_of_a_rekindle_that_is_gone_goes_with_the_rest() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    let dead = crate::own_editor_support::finished_pid();
    let editing = sandbox.data().join("editing");
    fs::create_dir(&editing).unwrap();
    fs::write(editing.join(format!("rekindle-edit-{dead}-3.txt")), "").unwrap();
    fs::write(
        editing.join(format!(".rekindle-edit-{dead}-3.txt.swp")),
        "x",
    )
    .unwrap();
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!sandbox.data().exists());
}

#[test]
fn while_an_editor_has_a_file_in_the_editing_folder_nothing_is_deleted() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    // This test's own process stands for a rekindle whose editor is still open.
    let running = std::process::id();
    let editing = sandbox.data().join("editing");
    fs::create_dir(&editing).unwrap();
    fs::write(
        editing.join(format!("rekindle-edit-{running}-3.txt")),
        "still writing",
    )
    .unwrap();
    let before = snapshot(&sandbox.data());
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("your editor has text from rekindle open")
            && err.contains(&format!("rekindle-edit-{running}-3.txt"))
            && err.contains("nothing was deleted")
            && err.contains("close that editor"),
        "{err}"
    );
    assert_eq!(snapshot(&sandbox.data()), before);
}

#[test]
fn earlier_workbooks_kept_by_restore_replace_are_named_and_left() {
    let sandbox = Sandbox::new();
    full_folder(&sandbox);
    let data = sandbox.data();
    let earlier = data.with_file_name(format!(
        "{}-before-restore-2026-12-01-0930",
        data.file_name().unwrap().to_string_lossy()
    ));
    fs::create_dir(&earlier).unwrap();
    fs::write(earlier.join("journey.json"), "{}").unwrap();
    let out = sandbox
        .cmd(&["delete-everything", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out) + &stderr(&out);
    assert!(!data.exists());
    assert!(
        earlier.join("journey.json").exists(),
        "the earlier copy is left"
    );
    assert!(
        said.contains(&earlier.display().to_string()) && said.contains("left as it is"),
        "{said}"
    );
    assert!(said.contains("Backups and exports you wrote"), "{said}");
}
