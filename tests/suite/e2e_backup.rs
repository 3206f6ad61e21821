//! The real binary in tmux: the export screen offers the full backup, says where it will go and
//! that anyone with the file can read it; `b` writes it privately into the export folder, and
//! it restores into a fresh folder with the same status.

use crate::e2e_support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use chrono::Utc;
use e2e_support::{Tmux, binary};
use rekindle::content::{Answer, default_guide};
use rekindle::engine::{Action, Journal, Journey, Now, Workbook, apply};
use rekindle::store::{Access, Store};

/// A welcomed workbook, safety check answered, with a promise, a mood and one entry.
fn workbook(dir: &Path) {
    let guide = default_guide().unwrap();
    let now = Utc::now() - chrono::Duration::days(3);
    let mut book = Workbook {
        journey: Journey::new(&guide, now),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    let mut run = |action| apply(&mut book, &guide, action, Now::new(now, &Utc)).unwrap();
    run(Action::Welcome {
        ex_name: None,
        pronouns: Default::default(),
    });
    let answers = guide
        .check("safety")
        .unwrap()
        .questions
        .iter()
        .map(|q| (q.id.clone(), Answer::No))
        .collect();
    run(Action::AnswerCheck {
        check: "safety".into(),
        answers,
        reflection: None,
    });
    run(Action::StartNoContact {
        target_days: 21,
        commitment: Some("We both want to try again, calmly.".into()),
    });
    run(Action::CheckMood {
        mood: 3,
        word: Some("steady".into()),
    });
    run(Action::AddEntry {
        text: "A long walk by the sea tonight.".into(),
        step: None,
        mood: Some(3),
        tags: vec![],
    });
    let store = Store::open(dir, Access::ReadWrite).unwrap();
    let months: Vec<_> = book.journal.months().collect();
    store
        .save_months(months.iter().map(|k| book.journal.month_file(*k)))
        .unwrap();
    store.save_journey(&book.journey).unwrap();
}

fn status(data: &Path) -> String {
    let out = Command::new(binary())
        .args(["status", "--json"])
        .env("REKINDLE_DATA_DIR", data)
        .env_remove("REKINDLE_CONFIG")
        .env("XDG_CONFIG_HOME", data.with_file_name("no-config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_export_screen_writes_a_full_backup_that_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    workbook(&data);
    let exports = tmp.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        format!("export_folder = \"{}\"\n", exports.display()),
    )
    .unwrap();

    let tmux = Tmux::new("backup");
    tmux.start_with_config(&data, Some(&config));
    tmux.wait_for("No contact");
    tmux.keys(&["E"]);
    let screen = tmux.wait_for("Moving to another computer?");
    let joined = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains("Press b for a full backup"), "{screen}");
    assert!(joined.contains(&exports.display().to_string()), "{screen}");
    assert!(
        joined.contains("anyone who has the file can read it"),
        "{screen}"
    );
    assert!(screen.lines().last().unwrap().contains("b full backup"));

    tmux.keys(&["b"]);
    let screen = tmux.wait_for("Backed up your journey, drafts and 1 journal entry");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("rekindle-backup-") && name.ends_with(".json"),
        "{name}"
    );
    let joined = screen.split_whitespace().collect::<Vec<_>>().join("");
    assert!(
        joined.contains(&name),
        "the screen names the file: {screen}"
    );
    let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let backup = rekindle::export::read_backup(&std::fs::read(file).unwrap()).unwrap();
    assert_eq!(backup.entries(), 1);
    assert_eq!(
        backup
            .journey
            .unwrap()
            .no_contact
            .unwrap()
            .commitment
            .as_deref(),
        Some("We both want to try again, calmly.")
    );
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED=0");

    let fresh = tmp.path().join("fresh");
    let restored = Command::new(binary())
        .arg("restore")
        .arg(file)
        .env("REKINDLE_DATA_DIR", &fresh)
        .env_remove("REKINDLE_CONFIG")
        .output()
        .unwrap();
    assert!(restored.status.success(), "{restored:?}");
    assert_eq!(status(&fresh), status(&data));
}
