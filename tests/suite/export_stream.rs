//! `export` reads the journal a month at a time and writes as it goes: what a reader sees
//! (inbox entries included, in date order), and where it writes (a file replaced only when the
//! export is whole, a link's file, a device).

use crate::cli_support;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command as Process;

use cli_support::{Sandbox, THREE_MONTHS, stderr, temps};
use rekindle::store::{Access, Store};

fn texts(entries: &[serde_json::Value]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn entries_waiting_in_the_inbox_are_exported_once_in_date_order() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let held = Store::open(&sb.data(), Access::ReadWrite).expect("take the lock");
    sb.cmd(&["journal", "add", "waiting", "in", "the", "inbox"])
        .assert()
        .success();
    let exported = texts(&sb.exported_entries());
    let months: Vec<String> = THREE_MONTHS.iter().map(|e| e.2.to_string()).collect();
    assert_eq!(exported[..3], months[..], "the months, oldest first");
    assert_eq!(
        exported[3..],
        ["waiting in the inbox"],
        "then the inbox, once"
    );
    let md = sb.cmd(&["export", "--format", "md"]).assert().success();
    let md = String::from_utf8_lossy(&md.get_output().stdout).to_string();
    let at = |text: &str| md.find(text).unwrap_or_else(|| panic!("{text} in {md}"));
    assert!(at(&months[2]) < at("waiting in the inbox"));
    drop(held);
}

#[test]
fn a_failed_export_leaves_the_earlier_file_and_no_temporary() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let target = sb.file("journal.md");
    fs::write(&target, "the export from last week\n").unwrap();
    // The folder is not writable, so the new export cannot even begin beside the old one.
    let folder = sb.file("locked");
    fs::create_dir(&folder).unwrap();
    let inside = folder.join("journal.md");
    fs::write(&inside, "kept\n").unwrap();
    fs::set_permissions(&folder, std::os::unix::fs::PermissionsExt::from_mode(0o500)).unwrap();
    let writable_anyway = fs::write(folder.join("probe"), "").is_ok(); // root ignores modes
    if !writable_anyway {
        let out = sb
            .cmd(&["export", "-o", inside.to_str().unwrap()])
            .assert()
            .code(1);
        let err = stderr(out.get_output());
        assert!(err.contains("Nothing was exported"), "{err}");
        assert_eq!(fs::read_to_string(&inside).unwrap(), "kept\n");
    }
    fs::set_permissions(&folder, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();

    sb.cmd(&["export", "-o", target.to_str().unwrap()])
        .assert()
        .success();
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.contains(THREE_MONTHS[2].2), "{written}");
    assert!(
        temps(sb.tmp.path()).is_empty(),
        "{:?}",
        temps(sb.tmp.path())
    );
}

/// A tmpfs too small for the export, mounted for one test (needs root, as CI runs).
fn small_disk(dir: &Path) -> bool {
    Process::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs"])
        .arg(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_full_disk_keeps_the_earlier_export_whole() {
    let sb = Sandbox::new();
    let long = "a long evening of writing, ".repeat(40);
    let entries: Vec<(String, String)> = (0..300)
        .map(|i| {
            (
                format!("e{i}"),
                format!("2026-{:02}-10T12:{:02}:00Z", 1 + i % 9, i % 60),
            )
        })
        .collect();
    let rows: Vec<(&str, &str, &str, Option<&str>)> = entries
        .iter()
        .map(|(id, at)| (id.as_str(), at.as_str(), long.as_str(), None))
        .collect();
    sb.import(&sb.export_file("many.json", &rows));
    let disk = sb.file("disk");
    fs::create_dir(&disk).unwrap();
    if !small_disk(&disk) {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    }
    let target = disk.join("journal.md");
    fs::write(&target, "the export from last week\n").unwrap();
    let out = sb
        .cmd(&["export", "-o", target.to_str().unwrap()])
        .output()
        .unwrap();
    let left: Vec<_> = fs::read_dir(&disk)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let kept = fs::read_to_string(&target).unwrap();
    let _ = Process::new("umount").arg("-l").arg(&disk).output();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Nothing was exported"), "{err}");
    assert_eq!(kept, "the export from last week\n");
    assert_eq!(left, ["journal.md"], "no temporary is left behind");
}

#[test]
fn exporting_to_a_link_writes_the_file_it_names_and_a_device_works() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let real = sb.file("real.json");
    fs::write(&real, "old").unwrap();
    let link = sb.file("link.json");
    symlink(&real, &link).unwrap();
    sb.cmd(&["export", "--format", "json", "-o", link.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let value: serde_json::Value = serde_json::from_slice(&fs::read(&real).unwrap()).unwrap();
    assert_eq!(value["entries"].as_array().unwrap().len(), 3);
    sb.cmd(&["export", "-o", "/dev/null"]).assert().success();
    assert!(Path::new("/dev/null").exists());
}

/// Writes month `month`'s file by hand, holding `entries` (`(id, created, text)`) in the order
/// given, as an edited or copied file could.
fn month_file(sb: &Sandbox, month: &str, entries: &[(&str, &str, &str)]) {
    use std::os::unix::fs::PermissionsExt;
    let dir = sb.data().join("journal");
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(sb.data(), fs::Permissions::from_mode(0o700)).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let entries: Vec<serde_json::Value> = entries
        .iter()
        .map(|(id, created, text)| {
            serde_json::json!({"id": id, "created": created, "edited": null, "text": text,
                "step": null, "mood": null, "tags": []})
        })
        .collect();
    let file = dir.join(format!("{month}.json"));
    let value = serde_json::json!({
        "schema": rekindle::engine::JOURNAL_SCHEMA, "month": month, "entries": entries});
    fs::write(&file, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
}

/// An id found in two months, or twice in one, is exported under a new id (the later copy, in
/// file order), in date order, exactly as the whole journal reads: export never holds the
/// whole journal, and a new id that is itself taken gets `-2`.
#[test]
fn ids_found_twice_are_exported_as_the_whole_journal_reads_them() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("one.json", &THREE_MONTHS[..1]));
    month_file(
        &sb,
        "2026-01",
        &[
            ("twice", "2026-01-06T12:00:00Z", "b"),
            ("same", "2026-01-05T12:00:00Z", "a"),
            ("twice", "2026-01-07T12:00:00Z", "c"),
            ("20260201T120000000Z", "2026-01-08T12:00:00Z", "x"),
        ],
    );
    month_file(
        &sb,
        "2026-02",
        &[
            ("same", "2026-02-01T12:00:00Z", "d"),
            ("20260201T120000000Z", "2026-02-01T12:00:00Z", "e"),
        ],
    );
    let exported = sb.exported_entries();
    let ids: Vec<&str> = exported.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let store = Store::open(&sb.data(), Access::ReadOnly).unwrap();
    let whole = store.load_journal().unwrap().journal;
    let expected: Vec<(String, String)> = whole
        .months()
        .flat_map(|m| whole.month_entries(m).to_vec())
        .map(|e| (e.id, e.text))
        .collect();
    let got: Vec<(String, String)> = exported
        .iter()
        .map(|e| {
            let field = |name: &str| e[name].as_str().unwrap().to_string();
            (field("id"), field("text"))
        })
        .collect();
    assert_eq!(got, expected);
    let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts[texts.len() - 6..], ["a", "b", "c", "x", "d", "e"]);
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ids.len(), "{ids:?}");
    assert!(ids.contains(&"20260201T120000000Z-2"), "{ids:?}");
    let md = sb.cmd(&["export", "--format", "md"]).assert().success();
    let md = String::from_utf8_lossy(&md.get_output().stdout).to_string();
    assert!(
        md.find("\n\nb\n").unwrap() < md.find("\n\nc\n").unwrap(),
        "{md}"
    );
}
