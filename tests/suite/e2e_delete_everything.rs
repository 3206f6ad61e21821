//! Deleting everything from the workbook with the real binary in tmux: the screen says what and
//! where, offers a copy first, wants the word typed, then the data folder is gone and the
//! terminal says so.

use crate::e2e_support;

use e2e_support::Tmux;

#[test]
fn typing_delete_removes_the_data_folder_and_the_workbook_says_what_went() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::new("delete");
    tmux.start(&data);
    tmux.wait_for("Their name:");
    tmux.keys(&["Down", "Down", "Enter"]);
    tmux.wait_for("Are you in crisis right now");
    tmux.keys(&["n", "n", "n", "n", "n", "n", "n"]);
    tmux.wait_for("Nothing here stands in the way");
    tmux.keys(&["Enter"]);
    tmux.wait_for("children together?");
    tmux.keys(&["Escape"]);
    tmux.wait_for("s settings");
    tmux.keys(&["J", "n"]);
    tmux.wait_for("New journal entry");
    tmux.text("Something I want gone.");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Saved to your journal.");
    tmux.keys(&["h", "s"]);
    tmux.wait_for("rekindle · Settings");
    tmux.keys(&["Down"; 8]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("rekindle · Delete everything");
    assert!(screen.contains("It cannot be undone"), "{screen}");
    assert!(screen.contains("Keep a copy first"), "{screen}");
    assert!(screen.contains("1 journal month"), "{screen}");
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("Type delete and press Enter");
    tmux.text("delet");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Type delete to delete, or Esc to keep everything.");
    assert!(data.join("journey.json").exists(), "nothing deleted yet");
    tmux.text("e");
    tmux.keys(&["Enter"]);
    let after = tmux.wait_for("EXITED=0");
    let shown: String = after
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("Deleted"), "{after}");
    assert!(shown.contains("everything rekindle kept in it"), "{after}");
    assert!(!data.exists(), "the data folder is gone");
}

#[test]
fn on_the_command_line_it_asks_on_the_terminal_for_the_word() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let add = std::process::Command::new(e2e_support::binary())
        .arg("--data-dir")
        .arg(&data)
        .args(["journal", "add", "words to go"])
        .output()
        .unwrap();
    assert!(add.status.success());
    let tmux = Tmux::new("delete-cli");
    let command = format!(
        "'{}' --data-dir '{}' delete-everything; echo EXITED=$?; sleep 30",
        e2e_support::binary().display(),
        data.display()
    );
    let run = |keys: &str| {
        tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
        let asked = tmux.wait_for("Type delete and press Enter");
        assert!(asked.contains("It cannot be undone"), "{asked}");
        assert!(asked.contains("rekindle export --format md"), "{asked}");
        tmux.text(keys);
        tmux.keys(&["Enter"]);
        let done = tmux.wait_for("EXITED=0");
        tmux.tmux(&["kill-server"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        done
    };
    let kept = run("no");
    assert!(kept.contains("Nothing was deleted"), "{kept}");
    assert!(data.join("journal").exists(), "nothing deleted");
    let gone = run("Delete");
    assert!(gone.contains("Deleted"), "{gone}");
    assert!(!data.exists());
}
