//! `rekindle backup` and `rekindle restore` through the real binary: a workbook holding every
//! kind of data goes through a backup into a fresh folder and reads back the same, a non-empty
//! folder is refused (or, with --replace, kept whole beside the new one), and a broken or newer
//! backup changes nothing.

use crate::cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use cli_support::*;
use rekindle::content::{Answer, default_guide};
use rekindle::engine::{
    Action, BreakKind, ContactBy, Journal, Journey, Now, UrgeOutcome, Workbook, apply,
};
use rekindle::store::{Access, Inbox, InboxItem, InboxRecord, Store};
use serde_json::Value;

/// Writes, through the library's own actions and store, a workbook with every kind of data: a
/// name, the safety check, answers, ticks, the promise and no contact, a slip, an urge pause
/// with its message, moods, the contact log, a profile answer, entries over three months (one
/// with text a terminal would obey), a draft, fields from a newer build, and an entry still
/// waiting in the inbox.
pub(crate) fn rich_workbook(dir: &Path) {
    let guide = default_guide().unwrap();
    let start = Utc::now() - Duration::days(70);
    let mut book = Workbook {
        journey: Journey::new(&guide, start),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    let mut run = |action: Action, at: DateTime<Utc>| {
        apply(&mut book, &guide, action, Now::new(at, &Utc)).unwrap_or_else(|e| panic!("{e}"));
    };
    run(
        Action::Welcome {
            ex_name: Some("Sam".into()),
            pronouns: Default::default(),
        },
        start,
    );
    let answers = guide
        .check("safety")
        .unwrap()
        .questions
        .iter()
        .map(|q| (q.id.clone(), Answer::No))
        .collect();
    run(
        Action::AnswerCheck {
            check: "safety".into(),
            answers,
            reflection: None,
        },
        start,
    );
    run(
        Action::StartNoContact {
            target_days: 30,
            commitment: Some("Sam says sorry and means it.\nI feel steady first.".into()),
        },
        start,
    );
    let space = guide.step("space").unwrap();
    run(
        Action::AnswerPrompt {
            step: "space".into(),
            prompt: space.prompts[0].id.clone(),
            text: "Because I kept checking my phone.".into(),
        },
        start + Duration::hours(1),
    );
    for checklist in guide.checklists.iter().take(2) {
        run(
            Action::ToggleItem {
                checklist: checklist.id.clone(),
                item: checklist.entry_ids()[0].to_string(),
            },
            start + Duration::hours(2),
        );
    }
    run(
        Action::SetProfile {
            field: "children".into(),
            answer: Some("no".into()),
        },
        start + Duration::hours(2),
    );
    for (day, mood, word) in [(3, 2, "heavy"), (20, 3, "calmer"), (45, 4, "hopeful")] {
        run(
            Action::CheckMood {
                mood,
                word: Some(word.into()),
            },
            start + Duration::days(day),
        );
    }
    run(
        Action::LogBreak {
            what: BreakKind::Messaged,
            trigger: "our song on the radio".into(),
            felt: Some(2),
            resets: true,
        },
        start + Duration::days(10),
    );
    let urge = start + Duration::days(12);
    run(Action::StartUrgePause { minutes: 10 }, urge);
    run(Action::UrgeDraft("I miss you.\nCan we talk?".into()), urge);
    run(
        Action::EndUrgePause(UrgeOutcome::WroteItHere),
        urge + Duration::minutes(11),
    );
    run(
        Action::LogContact {
            by: ContactBy::Them,
            replied: false,
            went: "a short hello about the cat".into(),
            felt: Some(3),
        },
        start + Duration::days(15),
    );
    for n in 0..12 {
        run(
            Action::AddEntry {
                text: format!("Day {n}: walked by the river.\n\u{1b}[2J still \u{202e}here"),
                step: (n % 3 == 0).then(|| "space".to_string()),
                mood: Some(n % 5 + 1),
                tags: vec!["evening".into()],
            },
            start + Duration::days(n as i64 * 6),
        );
    }
    run(
        Action::SaveDraft {
            key: "journal:new".into(),
            text: "half a thought, not saved yet".into(),
        },
        start + Duration::days(50),
    );
    book.journey.extra.insert(
        "from_a_newer_build".into(),
        serde_json::json!({"kept": [1, 2]}),
    );
    let store = Store::open(dir, Access::ReadWrite).unwrap();
    let mut months: Vec<_> = book.journal.months().collect();
    months.sort();
    let mut files: Vec<_> = months.iter().map(|k| book.journal.month_file(*k)).collect();
    files[0]
        .extra
        .insert("month_note".into(), serde_json::json!("from a newer build"));
    store.save_months(&files).unwrap();
    store.save_journey(&book.journey).unwrap();
    store.save_drafts(&book.drafts).unwrap();
    drop(store);
    let waiting = book.journal.iter().next().unwrap().clone();
    let mut entry = waiting;
    entry.id = "20261101T090000000Z".into();
    entry.created = Utc::now() - Duration::days(1);
    entry.text = "written in a second window, still in the inbox".into();
    Inbox::of(dir)
        .put(&InboxRecord::new(
            Utc::now(),
            InboxItem::Entry {
                entry,
                replaces: false,
            },
        ))
        .unwrap();
}

/// Every way a person sees their workbook from the command line, with the export time (the
/// one line that says when a file was made) masked.
fn views(sb: &Sandbox, dir: &Path) -> Vec<(String, String)> {
    views_by(|args| sb.cmd_in(dir, args))
}

/// [`views`], each command made by `command` (to give it more than the sandbox does).
pub(crate) fn views_by(command: impl Fn(&[&str]) -> assert_cmd::Command) -> Vec<(String, String)> {
    let commands: &[&[&str]] = &[
        &["status", "--json"],
        &["status"],
        &["status", "--short"],
        &["journal", "list"],
        &["journal", "list", "--ids"],
        &["export", "--format", "md"],
        &["export", "--format", "txt"],
        &["export", "--format", "html"],
        &["export", "--format", "json"],
        &["export", "--for-counsellor", "--format", "md"],
        &["export", "--for-counsellor", "--format", "html"],
    ];
    commands
        .iter()
        .map(|args| {
            let out = command(args).assert().success();
            let text = stdout(out.get_output())
                .lines()
                .map(|line| {
                    if line.contains("Exported ") || line.contains("\"exported\":") {
                        "<when exported>"
                    } else {
                        line
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            (args.join(" "), text)
        })
        .collect()
}

fn backup_to(sb: &Sandbox, dir: &Path, name: &str) -> PathBuf {
    let file = sb.file(name);
    let out = sb
        .cmd_in(dir, &["backup", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let said = stdout(out.get_output());
    assert!(said.contains(&file.display().to_string()), "{said}");
    assert!(
        said.contains("anyone who has the file can read it"),
        "{said}"
    );
    file
}

pub(crate) fn assert_same_views(before: &[(String, String)], after: &[(String, String)]) {
    for ((command, was), (_, now)) in before.iter().zip(after) {
        assert!(
            was == now,
            "`{command}` differs:\n--- before\n{was}\n--- after\n{now}"
        );
    }
}

#[test]
fn a_backup_restored_into_a_fresh_folder_reads_back_exactly() {
    let sb = Sandbox::new();
    rich_workbook(&sb.data());
    let before = views(&sb, &sb.data());
    let status: Value = serde_json::from_str(&before[0].1).unwrap();
    assert_eq!(status["slips"], 1, "{status}");
    assert_eq!(status["journal"]["entries"], 13, "{status}");
    let file = backup_to(&sb, &sb.data(), "backup.json");
    assert_eq!(mode(&file), 0o600);
    let document: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(document["format"], "rekindle-backup");
    assert_eq!(document["version"], 1);
    assert_eq!(
        document["journey"]["no_contact"]["commitment"],
        "Sam says sorry and means it.\nI feel steady first."
    );
    assert_eq!(
        document["drafts"]["texts"]["journal:new"]["text"],
        "half a thought, not saved yet"
    );
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "escaped"
    );

    let fresh = sb.file("new-computer/data");
    let out = sb
        .cmd_in(&fresh, &["restore", file.to_str().unwrap()])
        .assert()
        .success();
    let said = stdout(out.get_output());
    assert!(
        said.contains("Restored your journey, drafts and 13 journal entries"),
        "{said}"
    );
    assert_same_views(&before, &views(&sb, &fresh));

    for path in walk(&fresh) {
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&path), want, "{}", path.display());
    }
    assert!(temps(&fresh).is_empty());
    let journey: Value =
        serde_json::from_slice(&fs::read(fresh.join("journey.json")).unwrap()).unwrap();
    assert_eq!(journey["from_a_newer_build"]["kept"][1], 2);
    let first_month = fs::read_dir(fresh.join("journal"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .min()
        .unwrap();
    let month: Value = serde_json::from_slice(&fs::read(first_month).unwrap()).unwrap();
    assert_eq!(month["month_note"], "from a newer build");

    // And back again: a backup of the restored folder holds the same parts.
    let again = backup_to(&sb, &fresh, "again.json");
    let mut second: Value = serde_json::from_slice(&fs::read(&again).unwrap()).unwrap();
    let mut first = document;
    first["made"] = Value::Null;
    second["made"] = Value::Null;
    assert_eq!(first, second);
}

#[test]
fn without_a_name_the_backup_gets_a_dated_name_that_is_free() {
    let sb = Sandbox::new();
    sb.add("one entry");
    let folder = sb.file("exports");
    fs::create_dir_all(&folder).unwrap();
    let config = sb.file("config.toml");
    fs::write(
        &config,
        format!("export_folder = \"{}\"\n", folder.display()),
    )
    .unwrap();
    let run = || {
        let out = sb
            .cmd(&["--config", config.to_str().unwrap(), "backup"])
            .assert()
            .success();
        stdout(out.get_output())
    };
    let day = chrono::Local::now().format("%Y-%m-%d").to_string();
    let first = folder.join(format!("rekindle-backup-{day}.json"));
    let second = folder.join(format!("rekindle-backup-{day}-2.json"));
    assert!(run().contains(&first.display().to_string()));
    let kept = fs::read(&first).unwrap();
    assert!(run().contains(&second.display().to_string()));
    assert_eq!(
        fs::read(&first).unwrap(),
        kept,
        "the first is not written over"
    );
    assert_eq!(mode(&second), 0o600);
}

#[test]
fn restore_refuses_a_folder_that_holds_a_workbook_and_changes_nothing() {
    let sb = Sandbox::new();
    rich_workbook(&sb.data());
    let file = backup_to(&sb, &sb.data(), "backup.json");
    let before = snapshot(&sb.data());
    let out = sb
        .cmd(&["restore", file.to_str().unwrap()])
        .assert()
        .failure()
        .code(1);
    let said = stderr(out.get_output());
    for words in [
        "is not empty",
        "journey.json",
        "drafts.json",
        "journal/ (",
        "nothing was restored",
        "--replace",
        "data-before-restore-",
    ] {
        assert!(said.contains(words), "{words:?} in {said}");
    }
    assert_eq!(snapshot(&sb.data()), before);
    let parent: Vec<_> = fs::read_dir(sb.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("before-restore"))
        .collect();
    assert!(parent.is_empty(), "{parent:?}");
}

#[test]
fn replace_keeps_the_old_folder_whole_beside_the_new_one() {
    let sb = Sandbox::new();
    // The workbook to bring back, made elsewhere.
    let elsewhere = sb.file("elsewhere");
    rich_workbook(&elsewhere);
    let wanted = views(&sb, &elsewhere);
    let file = backup_to(&sb, &elsewhere, "backup.json");
    // What is in the data folder now: a different workbook.
    sb.add("the old folder's own entry");
    let old = snapshot(&sb.data());
    let out = sb
        .cmd(&["restore", file.to_str().unwrap(), "--replace"])
        .assert()
        .success();
    let said = stdout(out.get_output());
    let aside: Vec<PathBuf> = fs::read_dir(sb.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("data-before-restore-")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let aside = &aside[0];
    assert!(said.contains(&aside.display().to_string()), "{said}");
    let stamp =
        aside.file_name().unwrap().to_string_lossy()["data-before-restore-".len()..].to_string();
    assert!(
        chrono::NaiveDateTime::parse_from_str(&stamp, "%Y-%m-%d-%H%M").is_ok(),
        "{stamp}"
    );
    let kept: Vec<_> = snapshot(aside)
        .into_iter()
        .map(|(p, b)| (sb.data().join(p.strip_prefix(aside).unwrap()), b))
        .collect();
    assert_eq!(kept, old, "the old folder is kept byte for byte");
    assert_same_views(&wanted, &views(&sb, &sb.data()));
}

#[test]
fn replace_through_a_linked_data_folder_keeps_the_link_and_the_old_folder() {
    let sb = Sandbox::new();
    let elsewhere = sb.file("elsewhere");
    rich_workbook(&elsewhere);
    let wanted = views(&sb, &elsewhere);
    let file = backup_to(&sb, &elsewhere, "backup.json");
    let real = sb.file("real");
    let linked = sb.file("linked");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, &linked).unwrap();
    sb.cmd_in(&linked, &["journal", "add", "the old folder's own entry"])
        .assert()
        .success();
    let old = snapshot(&real);
    sb.cmd_in(&linked, &["restore", file.to_str().unwrap(), "--replace"])
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&linked)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let aside: Vec<PathBuf> = fs::read_dir(sb.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("real-before-restore-")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept: Vec<_> = snapshot(&aside[0])
        .into_iter()
        .map(|(p, b)| (real.join(p.strip_prefix(&aside[0]).unwrap()), b))
        .collect();
    assert_eq!(kept, old, "the old folder is kept byte for byte");
    assert_same_views(&wanted, &views(&sb, &linked));
}

/// Restores `bytes` as a backup into a missing folder and an empty one; both must fail with a
/// message naming the file and holding `words`, and leave the folders as they were.
fn refused(sb: &Sandbox, name: &str, bytes: &[u8], words: &str) {
    let file = sb.file(name);
    fs::write(&file, bytes).unwrap();
    let missing = sb.file(&format!("missing-{name}"));
    let empty = sb.file(&format!("empty-{name}"));
    fs::create_dir_all(&empty).unwrap();
    for dir in [&missing, &empty] {
        let out = sb
            .cmd_in(dir, &["restore", file.to_str().unwrap()])
            .assert()
            .failure()
            .code(1);
        let said = stderr(out.get_output());
        assert!(said.contains(&file.display().to_string()), "{said}");
        assert!(said.contains(words), "{words:?} in {said}");
        assert!(said.contains("Nothing was restored"), "{said}");
    }
    assert!(!missing.exists(), "{name}: nothing made");
    assert!(walk(&empty).is_empty(), "{name}: nothing written");
}

#[test]
fn a_broken_or_newer_backup_is_refused_with_nothing_written() {
    let sb = Sandbox::new();
    rich_workbook(&sb.data());
    let good = fs::read_to_string(backup_to(&sb, &sb.data(), "backup.json")).unwrap();
    refused(
        &sb,
        "cut.json",
        &good.as_bytes()[..good.len() * 2 / 3],
        "ends too soon",
    );
    refused(
        &sb,
        "newer.json",
        good.replacen("\"version\": 1", "\"version\": 2", 1)
            .as_bytes(),
        "made by a newer rekindle (backup version 2",
    );
    refused(
        &sb,
        "mood.json",
        good.replacen("\"mood\": 1", "\"mood\": 9", 1).as_bytes(),
        "mood is 9, outside 1 to 5",
    );
    let mut value: Value = serde_json::from_str(&good).unwrap();
    let first_id = value["months"][0]["entries"][0]["id"].clone();
    value["months"][1]["entries"][0]["id"] = first_id;
    refused(
        &sb,
        "twice.json",
        &serde_json::to_vec(&value).unwrap(),
        "is there twice",
    );
    let mut value: Value = serde_json::from_str(&good).unwrap();
    value["journey"]["created"] = Value::String("not a date".into());
    refused(
        &sb,
        "date.json",
        &serde_json::to_vec(&value).unwrap(),
        "line 1, column",
    );
    refused(
        &sb,
        "export.json",
        &stdout(
            sb.cmd(&["export", "--format", "json"])
                .output()
                .as_ref()
                .unwrap(),
        )
        .into_bytes(),
        "rekindle import",
    );
}

#[test]
fn a_backup_that_could_not_read_a_month_is_not_written() {
    let sb = Sandbox::new();
    rich_workbook(&sb.data());
    let month = walk(&sb.journal())
        .into_iter()
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .unwrap();
    fs::write(&month, "{ \"schema\": 1, \"month\": ").unwrap();
    let file = sb.file("backup.json");
    let out = sb
        .cmd(&["backup", "-o", file.to_str().unwrap()])
        .assert()
        .failure()
        .code(1);
    let said = stderr(out.get_output());
    assert!(said.contains("no backup was written"), "{said}");
    assert!(said.contains(&month.display().to_string()), "{said}");
    assert!(!file.exists());
    assert!(temps(sb.tmp.path()).is_empty());
}

#[test]
fn an_empty_or_missing_folder_is_not_backed_up_as_if_it_were_a_workbook() {
    let sb = Sandbox::new();
    let file = sb.file("backup.json");
    let out = sb
        .cmd(&["backup", "-o", file.to_str().unwrap()])
        .assert()
        .failure()
        .code(1);
    let said = stderr(out.get_output());
    assert!(said.contains("there is nothing to back up in"), "{said}");
    assert!(!file.exists());
    assert!(!sb.data().exists(), "nothing made");
}

#[test]
fn a_backup_is_never_written_inside_the_data_folder() {
    let sb = Sandbox::new();
    sb.add("one entry");
    let before = snapshot(&sb.data());
    let inside = sb.data().join("journal/backup.json");
    let out = sb
        .cmd(&["backup", "-o", inside.to_str().unwrap()])
        .assert()
        .failure();
    assert!(stderr(out.get_output()).contains("will not back up to"));
    assert_eq!(snapshot(&sb.data()), before);
}

#[test]
fn replace_waits_for_no_open_workbook_and_then_changes_nothing() {
    let sb = Sandbox::new();
    let elsewhere = sb.file("elsewhere");
    rich_workbook(&elsewhere);
    let file = backup_to(&sb, &elsewhere, "backup.json");
    sb.add("the open workbook's entry");
    let before = snapshot(&sb.data());
    let held = Store::open(&sb.data(), Access::ReadWrite).expect("take the lock");
    let out = sb
        .cmd(&["restore", file.to_str().unwrap(), "--replace"])
        .assert()
        .failure()
        .code(1);
    let said = stderr(out.get_output());
    assert!(said.contains("already open elsewhere"), "{said}");
    assert!(said.contains("quit the workbook there first"), "{said}");
    assert!(said.contains("Nothing was restored"), "{said}");
    drop(held);
    assert_eq!(snapshot(&sb.data()), before);
    assert!(
        !fs::read_dir(sb.tmp.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("before-restore")),
        "nothing moved aside"
    );
}
