//! `export -o` never writes inside the data folder, however the path is spelled: directly, through
//! a link (to a file, a dangling one, or to the folder), relatively, or as a hard link to a stored
//! file. The refusal says why, and every file stays byte-for-byte as it was.

use crate::cli_support;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use cli_support::{Sandbox, THREE_MONTHS, snapshot, stderr};

fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    let seed = sandbox.export_file("seed.json", THREE_MONTHS);
    sandbox.import(&seed);
    let guide = rekindle::content::default_guide().unwrap();
    let journey = rekindle::engine::Journey::new(&guide, "2026-03-01T12:00:00Z".parse().unwrap());
    fs::write(
        sandbox.data().join("journey.json"),
        serde_json::to_vec(&journey).unwrap(),
    )
    .unwrap();
    sandbox
}

fn refused_in(sandbox: &Sandbox, target: &Path, cwd: Option<&Path>) {
    let outside = sandbox.tmp.path().to_path_buf();
    let before = (snapshot(&sandbox.data()), snapshot_outside(&outside));
    let mut cmd = sandbox.cmd(&["export", "--format", "md", "-o", target.to_str().unwrap()]);
    if let Some(cwd) = cwd {
        cmd.current_dir(cwd);
    }
    let out = cmd.assert().failure();
    let said = stderr(out.get_output());
    assert!(
        said.contains("inside the data folder") && said.contains(target.to_str().unwrap()),
        "{}: {said}",
        target.display()
    );
    assert_eq!(
        (snapshot(&sandbox.data()), snapshot_outside(&outside)),
        before,
        "{}: nothing changed",
        target.display()
    );
}

/// Every file under the sandbox but the data folder (links listed, not followed).
fn snapshot_outside(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        if path.file_name().is_some_and(|n| n == "data") {
            continue;
        }
        if meta.is_file() {
            found.push((path.clone(), fs::read(&path).unwrap()));
        } else if meta.file_type().is_symlink() {
            found.push((
                path.clone(),
                fs::read_link(&path)
                    .unwrap()
                    .into_os_string()
                    .into_encoded_bytes(),
            ));
        }
    }
    found.sort();
    found
}

#[test]
fn a_stored_file_named_directly_is_refused() {
    let sandbox = sandbox();
    refused_in(&sandbox, &sandbox.data().join("journey.json"), None);
    refused_in(&sandbox, &sandbox.journal().join("2026-01.json"), None);
    refused_in(&sandbox, &sandbox.journal().join("2026-01.json.bak"), None);
}

#[test]
fn a_new_file_inside_the_data_folder_is_refused() {
    let sandbox = sandbox();
    refused_in(&sandbox, &sandbox.data().join("notes.md"), None);
    refused_in(&sandbox, &sandbox.journal().join("2099-01.json"), None);
    refused_in(
        &sandbox,
        &sandbox.journal().join("..").join("journey.json"),
        None,
    );
    refused_in(&sandbox, &sandbox.data(), None);
}

#[test]
fn a_relative_path_from_inside_is_refused() {
    let sandbox = sandbox();
    refused_in(&sandbox, Path::new("journey.json"), Some(&sandbox.data()));
    refused_in(
        &sandbox,
        Path::new("../data/journal/2026-02.json"),
        Some(&sandbox.journal()),
    );
}

#[test]
fn links_into_the_data_folder_are_refused() {
    let sandbox = sandbox();
    let to_file = sandbox.file("link.md");
    symlink(sandbox.data().join("journey.json"), &to_file).unwrap();
    refused_in(&sandbox, &to_file, None);
    let dangling = sandbox.file("dangling.md");
    symlink(sandbox.journal().join("2099-02.json"), &dangling).unwrap();
    refused_in(&sandbox, &dangling, None);
    let chain = sandbox.file("chain.md");
    symlink(&dangling, &chain).unwrap();
    refused_in(&sandbox, &chain, None);
    let to_folder = sandbox.file("folder");
    symlink(sandbox.data(), &to_folder).unwrap();
    refused_in(&sandbox, &to_folder.join("journey.json"), None);
    refused_in(&sandbox, &to_folder.join("new.md"), None);
}

#[test]
fn a_hard_link_to_a_stored_file_is_refused() {
    let sandbox = sandbox();
    let month = sandbox.journal().join("2026-03.json");
    let hard = sandbox.file("hard.json");
    fs::hard_link(&month, &hard).unwrap();
    refused_in(&sandbox, &hard, None);
}

#[test]
fn the_file_behind_a_linked_journey_is_refused() {
    let sandbox = sandbox();
    let journey = sandbox.data().join("journey.json");
    let real = sandbox.file("my-journey.json");
    fs::rename(&journey, &real).unwrap();
    symlink(&real, &journey).unwrap();
    refused_in(&sandbox, &real, None);
}

#[test]
fn a_file_outside_is_written() {
    let sandbox = sandbox();
    let target = sandbox.file("journal.md");
    sandbox
        .cmd(&["export", "--format", "md", "-o", target.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("March: spring")
    );
}
