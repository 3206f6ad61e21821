//! The writer's lock through the real binary: while this test process holds the workbook open
//! for writing, a second writer is refused and says who holds it; readers carry on.

mod cli_support;

use std::fs;

use cli_support::{Sandbox, THREE_MONTHS, snapshot, stderr, stdout};
use rekindle::store::{Access, Store};

#[test]
fn a_second_writer_is_refused_and_names_the_holder() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let list = sb.list();
    let held = Store::open(&sb.data(), Access::ReadWrite).expect("take the lock");
    let before = snapshot(&sb.data());

    let out = sb.cmd(&["journal", "add", "x"]).assert().code(1).stdout("");
    let err = stderr(out.get_output());
    assert!(err.contains("already open elsewhere"), "{err}");
    assert!(
        err.contains(&format!("by process {}", std::process::id())),
        "names this test's pid: {err}"
    );
    assert!(err.contains(sb.data().to_str().unwrap()), "{err}");

    // Other writers are refused the same way, stdin included.
    let out = sb
        .cmd(&["journal", "add"])
        .write_stdin("from stdin\n")
        .assert()
        .code(1)
        .stdout("");
    assert!(stderr(out.get_output()).contains("already open elsewhere"));
    let file = sb.export_file("more.json", &[("m", "2026-03-25T12:00:00Z", "more", None)]);
    let out = sb
        .cmd(&["import", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("");
    assert!(stderr(out.get_output()).contains("already open elsewhere"));
    assert_eq!(
        snapshot(&sb.data()),
        before,
        "refused writers changed nothing"
    );

    // Readers do not need the lock.
    assert_eq!(sb.list(), list);
    let out = sb.cmd(&["status", "--json"]).assert().success().stderr("");
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["journal"]["entries"], 3);
    sb.cmd(&["status"]).assert().success().stderr("");
    let out = sb
        .cmd(&["export", "--format", "md"])
        .assert()
        .success()
        .stderr("");
    assert!(stdout(out.get_output()).contains("March: spring"));

    // Once the holder lets go, writing works again.
    drop(held);
    sb.add("after the lock");
    assert!(sb.list().ends_with("after the lock\n"));
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
