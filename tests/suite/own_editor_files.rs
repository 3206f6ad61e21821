//! One edit in the user's own editor, with script editors: how each way of ending is reported,
//! that the scratch file (and the editor's own files beside it) are gone afterwards, and that
//! what a crash left behind is removed at the next start, and only that.

use crate::own_editor_support;

use std::fs;

use own_editor_support::{Scripts, finished_pid};
use rekindle::own_editor::{EditEnd, EditorCommand, edit};
use rekindle::store::scratch::{ScratchFile, places, remove_leftovers};

fn command(script: &std::path::Path) -> EditorCommand {
    EditorCommand {
        program: script.display().to_string(),
        args: Vec::new(),
    }
}

#[test]
fn each_way_an_editor_ends_is_told_apart_and_the_file_goes_once_its_words_are_taken() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let cases = [
        (
            scripts.appends("one more"),
            "append",
            EditEnd::Wrote("before\none more".into()),
            None,
        ),
        (
            scripts.fails(),
            "fail",
            EditEnd::Failed(1),
            Some("before\nnot this"),
        ),
        (
            scripts.killed(),
            "killed",
            EditEnd::Killed(9),
            Some("before\nnot this"),
        ),
        (
            scripts.script("unchanged", "exit 3"),
            "unchanged",
            EditEnd::Failed(3),
            None,
        ),
    ];
    for (script, name, wanted, left) in cases {
        let edited = edit(&command(&script), "before", data.path());
        assert_eq!(edited.end, wanted, "{name}");
        assert_eq!(edited.left.as_deref(), left, "{name}: what it last saved");
        let seen = scripts.seen(name);
        assert_eq!(seen.text, "before\n");
        assert_eq!(seen.file_mode, "600");
        assert_eq!(seen.folder_mode, "700");
        assert!(seen.path.exists(), "{name}: kept until its words are taken");
        drop(edited);
        assert!(
            !seen.path.exists(),
            "{name}: {} is gone",
            seen.path.display()
        );
    }
}

#[test]
fn text_that_is_not_utf8_is_kept_with_its_bad_bytes_marked() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let script = scripts.script("latin1", "printf 'caf\\351 au lait\\n' > \"$1\"");
    let edited = edit(&command(&script), "before", data.path());
    assert_eq!(
        edited.end,
        EditEnd::Trouble("its file is not UTF-8 text".into())
    );
    assert_eq!(edited.left.as_deref(), Some("caf\u{FFFD} au lait"));
    assert!(
        edited
            .kept_as_draft_notice("What it last saved is kept as a draft.")
            .starts_with("Your editor could not be used (its file is not UTF-8 text). What it last saved is kept as a draft")
    );
}

#[test]
fn the_command_keeps_its_own_words_before_the_file() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let script = scripts.dir.path().join("args");
    fs::write(&script, "printf '%s|' \"$@\" > \"$0.args\"\n").unwrap();
    let shell = format!("sh '{}' --wait", script.display());
    let editor = EditorCommand::from_values(None, Some(&shell)).unwrap();
    assert!(matches!(
        edit(&editor, "x", data.path()).end,
        EditEnd::Wrote(_)
    ));
    let args = fs::read_to_string(scripts.dir.path().join("args.args")).unwrap();
    let (wait, file) = args.split_once('|').unwrap();
    assert_eq!(wait, "--wait");
    assert!(file.contains("rekindle-edit-"), "{args}");
}

#[test]
fn an_editor_that_is_not_there_is_named() {
    let data = tempfile::tempdir().unwrap();
    let editor = EditorCommand::from_values(Some("no-such-editor-here -w"), None).unwrap();
    let end = edit(&editor, "kept", data.path()).end;
    assert_eq!(
        end,
        EditEnd::Trouble("no-such-editor-here was not found".into())
    );
}

#[test]
fn the_editors_own_files_beside_the_text_go_with_it() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let script = scripts.script(
        "swap",
        "d=$(dirname \"$1\"); b=$(basename \"$1\"); echo swap > \"$d/.$b.swp\"; \
         echo backup > \"$1~\"; echo \"$d/.$b.swp\" > \"$0.where\"",
    );
    edit(&command(&script), "words", data.path());
    let swap = fs::read_to_string(scripts.dir.path().join("swap.where")).unwrap();
    let swap = std::path::Path::new(swap.trim());
    assert!(!swap.exists(), "{} is gone", swap.display());
    let seen = scripts.seen("swap");
    let backup = format!("{}~", seen.path.display());
    assert!(!std::path::Path::new(&backup).exists());
}

#[test]
fn leftovers_of_a_crash_are_removed_in_every_place_and_nothing_else() {
    let data = tempfile::tempdir().unwrap();
    let dead = finished_pid();
    let me = std::process::id();
    let mut planted = Vec::new();
    // Another test's scratch file going may take the folder with it: plant again if so.
    let plant_with = |file: &std::path::Path, text: &[u8]| {
        for _ in 0..5 {
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            if fs::write(file, text).is_ok() {
                return;
            }
        }
        panic!("could not plant {}", file.display());
    };
    let plant = |file: &std::path::Path| plant_with(file, b"private words");
    for place in places(data.path()) {
        let left = place.join(format!("rekindle-edit-{dead}-7.txt"));
        // The note saying which data folder the file was for, as rekindle writes it (first,
        // so a start of another test's data folder leaves the file alone).
        let note = place.join(format!("rekindle-edit-{dead}-7.txt.where"));
        plant_with(&note, data.path().as_os_str().as_encoded_bytes());
        let swap = place.join(format!(".rekindle-edit-{dead}-7.txt.swp"));
        let live = place.join(format!("rekindle-edit-{me}-99999.txt"));
        let other = place.join(format!("notes-{dead}-7.txt"));
        for file in [&live, &left, &swap, &other] {
            plant(file);
        }
        planted.push((left, swap, live, other));
    }
    assert!(!planted.is_empty());
    let leftovers = remove_leftovers(data.path());
    assert!(leftovers.removed >= 3 * planted.len());
    assert_eq!(leftovers.kept.len(), planted.len(), "{leftovers:?}");
    for kept in &leftovers.kept {
        assert_eq!(kept.parent(), Some(data.path()), "kept in the data folder");
        assert!(
            kept.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("rekindle-recovered-")
        );
        assert_eq!(fs::read_to_string(kept).unwrap(), "private words");
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let notice = leftovers.notice().unwrap();
    assert!(
        notice.starts_with("Words you were writing in your editor when rekindle last stopped")
            && notice.contains(&leftovers.kept[0].display().to_string()),
        "{notice}"
    );
    for (left, swap, live, other) in planted {
        assert!(!left.exists(), "{} removed", left.display());
        assert!(!swap.exists(), "{} removed", swap.display());
        assert!(live.exists(), "a running rekindle's file is kept");
        assert!(other.exists(), "a name rekindle does not make is kept");
        fs::remove_file(live).unwrap();
        fs::remove_file(other).unwrap();
    }
}

#[test]
fn the_data_folder_is_the_last_place_and_memory_comes_first() {
    let data = tempfile::tempdir().unwrap();
    let places = places(data.path());
    assert_eq!(places.last(), Some(&data.path().join("editing")));
    for memory in &places[..places.len() - 1] {
        let parent = memory.parent().unwrap();
        assert!(own_editor_support::on_tmpfs(parent), "{}", memory.display());
    }
    if own_editor_support::on_tmpfs(std::path::Path::new("/dev/shm")) {
        assert!(places.len() >= 2, "a tmpfs /dev/shm is used: {places:?}");
    }
}

#[test]
fn a_folder_someone_else_could_enter_is_made_private_again() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("editing");
    fs::create_dir(&folder).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let file = ScratchFile::write_in(&folder, "words").unwrap();
    let mode = fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    let mode = fs::metadata(file.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn leftovers_for_another_data_folder_are_left_for_it_and_empty_ones_just_go() {
    let data = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let dead = finished_pid();
    let editing = data.path().join("editing");
    fs::create_dir(&editing).unwrap();
    let theirs = editing.join(format!("rekindle-edit-{dead}-8.txt"));
    fs::write(&theirs, "their words").unwrap();
    fs::write(
        editing.join(format!("rekindle-edit-{dead}-8.txt.where")),
        other.path().as_os_str().as_encoded_bytes(),
    )
    .unwrap();
    let empty = editing.join(format!("rekindle-edit-{dead}-9.txt"));
    fs::write(&empty, "").unwrap();
    let leftovers = remove_leftovers(data.path());
    assert!(theirs.exists(), "kept for the folder it belongs to");
    assert!(!empty.exists(), "an empty one holds no words");
    assert!(leftovers.kept.is_empty(), "{leftovers:?}");
    assert_eq!(leftovers.notice(), None);
}

#[test]
fn a_scratch_file_notes_its_data_folder_and_the_note_goes_with_it() {
    let scripts = Scripts::new();
    let data = tempfile::tempdir().unwrap();
    let script = scripts.script("note", "cat \"$1.where\" > \"$0.where\"");
    let edited = edit(&command(&script), "words", data.path());
    let note = fs::read_to_string(scripts.dir.path().join("note.where")).unwrap();
    assert_eq!(std::path::Path::new(&note), data.path());
    let seen = scripts.seen("note");
    drop(edited);
    assert!(!std::path::PathBuf::from(format!("{}.where", seen.path.display())).exists());
}

#[test]
fn leftovers_for_an_encrypted_folder_stay_in_memory_and_nothing_plain_reaches_the_folder() {
    let data = tempfile::tempdir().unwrap();
    // A folder with a key file is an encrypted one.
    fs::write(data.path().join("key.age"), b"age-encryption.org/v1\n").unwrap();
    let Some(memory) = places(data.path())
        .into_iter()
        .find(|p| !p.starts_with(data.path()))
    else {
        return; // no memory-backed place on this machine: nothing is ever left there
    };
    let dead = finished_pid();
    fs::create_dir_all(&memory).unwrap();
    let note = memory.join(format!("rekindle-edit-{dead}-11.txt.where"));
    fs::write(&note, data.path().as_os_str().as_encoded_bytes()).unwrap();
    let left = memory.join(format!("rekindle-edit-{dead}-11.txt"));
    fs::write(&left, "words for an encrypted journal").unwrap();
    let leftovers = remove_leftovers(data.path());
    assert!(leftovers.kept.is_empty(), "{leftovers:?}");
    assert!(left.exists(), "the words stay where they are");
    let names: Vec<_> = fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["key.age"], "nothing plain in the folder");
    let notice = leftovers.notice().unwrap();
    assert!(notice.contains("encrypted"), "{notice}");
    fs::remove_file(left).unwrap();
    let _ = fs::remove_file(note);
}
