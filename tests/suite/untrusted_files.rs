//! Files that are not what they seem never hang or exhaust rekindle: `import` and `content check`
//! read only regular files, up to a size limit, and say clearly what they refused; a pack's
//! folder links cannot loop.

use crate::cli_support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cli_support::{Sandbox, snapshot, stderr};

/// Far more than any refusal needs; a hang is what these tests catch.
const PATIENCE: Duration = Duration::from_secs(20);

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn import_refused(sandbox: &Sandbox, file: &Path) -> String {
    let before = snapshot(&sandbox.data());
    let start = Instant::now();
    let out = sandbox
        .cmd(&["import", file.to_str().unwrap()])
        .timeout(PATIENCE)
        .assert()
        .failure();
    assert!(start.elapsed() < PATIENCE);
    assert_eq!(snapshot(&sandbox.data()), before, "nothing changed");
    let said = stderr(out.get_output());
    assert!(
        said.contains(file.to_str().unwrap()),
        "names the file: {said}"
    );
    said
}

#[test]
fn importing_dev_zero_is_refused_at_once() {
    let sandbox = Sandbox::new();
    sandbox.add("already here");
    let said = import_refused(&sandbox, Path::new("/dev/zero"));
    assert!(said.contains("a device, not a regular file"), "{said}");
}

#[test]
fn importing_a_named_pipe_is_refused_at_once() {
    let sandbox = Sandbox::new();
    sandbox.add("already here");
    let fifo = sandbox.file("journal.json");
    mkfifo(&fifo);
    let said = import_refused(&sandbox, &fifo);
    assert!(said.contains("a named pipe, not a regular file"), "{said}");
}

#[test]
fn importing_a_file_past_the_limit_is_refused_unread() {
    let sandbox = Sandbox::new();
    sandbox.add("already here");
    let huge = sandbox.file("huge.json");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(rekindle::bounded::IMPORT_LIMIT + 1).unwrap();
    let said = import_refused(&sandbox, &huge);
    assert!(said.contains("larger than 2048 MiB"), "{said}");
}

fn pack(sandbox: &Sandbox) -> std::path::PathBuf {
    let pack = sandbox.file("pack");
    let status = Command::new("cp")
        .arg("-r")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .arg(&pack)
        .status()
        .unwrap();
    assert!(status.success());
    pack
}

fn check_fails(sandbox: &Sandbox, pack: &Path) -> String {
    let start = Instant::now();
    let out = sandbox
        .cmd(&["content", "check", pack.to_str().unwrap()])
        .timeout(PATIENCE)
        .assert()
        .failure();
    assert!(start.elapsed() < PATIENCE);
    stderr(out.get_output())
}

#[test]
fn a_named_pipe_in_a_pack_is_a_problem_not_a_hang() {
    let sandbox = Sandbox::new();
    let pack = pack(&sandbox);
    mkfifo(&pack.join("steps").join("extra.toml"));
    let said = check_fails(&sandbox, &pack);
    assert!(
        said.contains("extra.toml") && said.contains("a named pipe, not a regular file"),
        "{said}"
    );
}

#[test]
fn a_folder_link_loop_in_a_pack_is_a_problem_not_a_hang() {
    let sandbox = Sandbox::new();
    let pack = pack(&sandbox);
    std::os::unix::fs::symlink("..", pack.join("steps").join("up")).unwrap();
    std::os::unix::fs::symlink("self", pack.join("self")).unwrap();
    let said = check_fails(&sandbox, &pack);
    assert!(said.contains("steps/up") && said.contains("loop"), "{said}");
}

#[test]
fn a_pack_file_past_the_limit_is_a_problem() {
    let sandbox = Sandbox::new();
    let pack = pack(&sandbox);
    let file = fs::File::create(pack.join("pages").join("huge.toml")).unwrap();
    file.set_len(rekindle::bounded::PACK_FILE_LIMIT + 1)
        .unwrap();
    let said = check_fails(&sandbox, &pack);
    assert!(
        said.contains("huge.toml") && said.contains("larger than 4 MiB"),
        "{said}"
    );
}

#[test]
fn a_pack_file_linked_to_dev_zero_is_a_problem_not_read() {
    let sandbox = Sandbox::new();
    let pack = pack(&sandbox);
    std::os::unix::fs::symlink("/dev/zero", pack.join("pages").join("zero.toml")).unwrap();
    let said = check_fails(&sandbox, &pack);
    assert!(
        said.contains("zero.toml") && said.contains("a device, not a regular file"),
        "{said}"
    );
}
