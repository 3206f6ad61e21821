//! The writer's lock through the real binary: while this test process holds the workbook open
//! for writing, a second writer is refused and says who holds it; readers carry on.

use crate::cli_support;

use std::fs;

use cli_support::{Sandbox, THREE_MONTHS, snapshot, stderr, stdout};
use rekindle::store::{Access, Store};

#[test]
fn while_the_workbook_is_open_entries_wait_in_its_inbox_and_import_is_refused() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let held = Store::open(&sb.data(), Access::ReadWrite).expect("take the lock");
    let before = snapshot(&sb.data());

    // `journal add` waits a moment, then leaves the entry in the inbox instead of failing.
    let out = sb
        .cmd(&["journal", "add", "jotted", "from", "a", "second", "window"])
        .assert()
        .success();
    let err = stderr(out.get_output());
    assert!(err.contains("inbox"), "{err}");
    assert!(
        !stdout(out.get_output()).trim().is_empty(),
        "the id is printed"
    );
    sb.cmd(&["journal", "add"])
        .write_stdin("and one from stdin\n")
        .assert()
        .success();
    let inbox: Vec<_> = fs::read_dir(sb.data().join("inbox")).unwrap().collect();
    assert_eq!(inbox.len(), 2, "one record per entry");
    for (file, bytes) in &before {
        assert_eq!(
            fs::read(file).unwrap(),
            *bytes,
            "{} is the holder's to write",
            file.display()
        );
    }

    // Readers already see what waits in the inbox.
    let list = sb.list();
    assert!(list.contains("jotted from a second window"), "{list}");
    assert!(list.contains("and one from stdin"), "{list}");

    // Import needs the workbook closed, and says so; it writes nothing.
    let file = sb.export_file("more.json", &[("m", "2026-03-25T12:00:00Z", "more", None)]);
    let out = sb
        .cmd(&["import", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains("already open elsewhere"), "{err}");
    assert!(
        err.contains(&format!("by process {}", std::process::id())),
        "names this test's pid: {err}"
    );
    assert!(err.contains("quit the workbook"), "{err}");
    assert!(
        !err.contains("read-only"),
        "import has no read-only form: {err}"
    );
    assert!(!sb.list().contains("more"));

    // Once the holder lets go, the next writer files the inbox and removes its records.
    drop(held);
    sb.add("after the lock");
    let list = sb.list();
    assert!(list.contains("jotted from a second window"), "{list}");
    assert!(
        list.lines().next().unwrap().ends_with("after the lock"),
        "newest first: {list}"
    );
    assert_eq!(fs::read_dir(sb.data().join("inbox")).unwrap().count(), 0);
}

#[test]
fn a_lock_file_left_by_a_dead_process_does_not_block() {
    let sb = Sandbox::new();
    sb.add("before the crash");
    // The lock is the OS lock on the file, not the file's text: text naming a process that is
    // gone (as a crash leaves it) must not block anyone.
    fs::write(
        sb.data().join(".lock"),
        "pid 999999\nsince 2026-01-01T00:00:00+00:00\n",
    )
    .unwrap();
    sb.add("after the crash");
    let text = fs::read_to_string(sb.data().join(".lock")).unwrap();
    assert!(
        !text.contains("999999"),
        "the new holder wrote itself in: {text}"
    );
}

#[test]
fn a_read_only_store_does_not_block_writers() {
    let sb = Sandbox::new();
    sb.add("one");
    let _reader = Store::open(&sb.data(), Access::ReadOnly).unwrap();
    sb.add("two");
    assert_eq!(sb.list().lines().count(), 2);
}
