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

/// The index, brought up to date as a writer does, describing every month file (their order
/// and the ids that are not their own).
fn index_every_month(sb: &Sandbox) -> serde_json::Value {
    Store::open(&sb.data(), Access::ReadWrite)
        .unwrap()
        .journal_summary()
        .unwrap();
    let index = fs::read(sb.data().join("journal/.index.json")).unwrap();
    serde_json::from_slice(&index).unwrap()
}

/// What export gives, and what md export gives, as `(id, text)` pairs and text.
fn export_both(sb: &Sandbox) -> (Vec<(String, String)>, String) {
    let pairs = sb
        .exported_entries()
        .iter()
        .map(|e| {
            let field = |name: &str| e[name].as_str().unwrap().to_string();
            (field("id"), field("text"))
        })
        .collect();
    let md = sb.cmd(&["export", "--format", "md"]).assert().success();
    (
        pairs,
        String::from_utf8_lossy(&md.get_output().stdout).to_string(),
    )
}

/// With the index describing every month, export keeps in mind across months only the ids in
/// ranges that meet another month's ids, and passes months in order on as it reads them: what it writes is byte for
/// byte what it writes without the index, reading every id, and what the whole journal holds.
#[test]
fn with_the_index_export_reads_entry_by_entry_and_writes_the_same() {
    let sb = Sandbox::new();
    month_file(
        &sb,
        "2026-01",
        &[
            ("same", "2026-01-05T12:00:00Z", "a"),
            ("twice", "2026-01-06T12:00:00Z", "b"),
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
    // In time order, two entries at the same time with their ids the other way round, and an
    // own id twice.
    month_file(
        &sb,
        "2026-03",
        &[
            ("20260301T9", "2026-03-01T12:00:00Z", "f"),
            ("20260301T1", "2026-03-01T12:00:00Z", "g"),
            ("20260301T9", "2026-03-02T12:00:00Z", "h"),
        ],
    );
    // Out of time order: read whole and sorted.
    month_file(
        &sb,
        "2026-04",
        &[
            ("20260402", "2026-04-02T12:00:00Z", "j"),
            ("20260401", "2026-04-01T12:00:00Z", "i"),
        ],
    );
    let index = index_every_month(&sb);
    let months = &index["months"];
    let foreign = &months["2026-01"]["ids"]["foreign"];
    assert_eq!(foreign["first"], "20260201T120000000Z");
    assert_eq!(foreign["last"], "twice");
    assert_eq!(months["2026-03"]["ids"]["in_order"], true);
    assert_eq!(months["2026-04"]["ids"]["in_order"], false);
    let (streamed, streamed_md) = export_both(&sb);

    let store = Store::open(&sb.data(), Access::ReadOnly).unwrap();
    let whole = store.load_journal().unwrap().journal;
    let texts: Vec<&str> = streamed.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["a", "b", "c", "x", "d", "e", "g", "f", "h", "i", "j"]
    );
    let ids: Vec<&str> = streamed.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "same",
            "twice",
            "20260107T120000000Z",
            "20260201T120000000Z",
            "20260201T120000000Z-2",
            "20260201T120000000Z-3",
            "20260301T1",
            "20260301T9",
            "20260302T120000000Z",
            "20260401",
            "20260402"
        ],
        "renamed oldest first, as export always has"
    );
    assert_eq!(whole.len(), streamed.len());

    fs::remove_file(sb.data().join("journal/.index.json")).unwrap();
    let (read_whole, read_whole_md) = export_both(&sb);
    assert_eq!(streamed, read_whole);
    assert_eq!(streamed_md, read_whole_md);
}

/// A month the index describes but that was damaged in place since (same size, same time), so
/// export is already writing it when the damage shows: it stops with an error naming the file,
/// and `-o` leaves no file.
#[test]
fn a_month_damaged_part_way_through_stops_the_export_and_writes_no_file() {
    let sb = Sandbox::new();
    let rows: Vec<(String, String, String)> = (0..600)
        .map(|n| {
            let at = format!(
                "2026-01-{:02}T{:02}:{:02}:00Z",
                1 + n / 60,
                n / 3 % 20,
                n % 60
            );
            let text = format!("entry number {n} {}", "words ".repeat(40));
            (format!("202601{n:05}"), at, text)
        })
        .collect();
    let entries: Vec<(&str, &str, &str, Option<&str>)> = rows
        .iter()
        .map(|(id, at, text)| (id.as_str(), at.as_str(), text.as_str(), None))
        .collect();
    sb.import(&sb.export_file("many.json", &entries));
    index_every_month(&sb);
    let file = sb.data().join("journal/2026-01.json");
    let before = fs::metadata(&file).unwrap().modified().unwrap();
    let mut bytes = fs::read(&file).unwrap();
    let late = bytes.len() * 3 / 4;
    let quote = late + bytes[late..].iter().position(|b| *b == b'"').unwrap();
    bytes[quote] = b'}';
    fs::write(&file, &bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(before)
        .unwrap();

    let target = sb.file("journal.md");
    let out = sb
        .cmd(&["export", "-o", target.to_str().unwrap()])
        .assert()
        .failure();
    let err = stderr(out.get_output());
    assert!(err.contains("2026-01.json"), "{err}");
    assert!(err.contains("stopped part way through 2026-01"), "{err}");
    assert!(err.contains("Nothing was exported."), "{err}");
    assert!(!err.contains(":0:"), "a column is counted from 1: {err}");
    assert!(!target.exists());
    assert!(temps(target.parent().unwrap()).is_empty());
}

/// An index an older build wrote says nothing of the months' ids: export then reads each month
/// whole, as before, and adds what it learnt to the index, so the next export reads them an
/// entry at a time. The words and ids it writes are the same both times.
#[test]
fn an_export_adds_the_ids_an_older_index_lacks_and_the_next_export_is_the_same() {
    let sb = Sandbox::new();
    sb.import(&sb.export_file("three.json", THREE_MONTHS));
    let mut index = index_every_month(&sb);
    let file = sb.data().join("journal/.index.json");
    for (_, month) in index["months"].as_object_mut().unwrap() {
        assert!(month.as_object_mut().unwrap().remove("ids").is_some());
    }
    fs::write(&file, serde_json::to_vec(&index).unwrap()).unwrap();

    let first = export_both(&sb);
    let index: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    for (name, month) in index["months"].as_object().unwrap() {
        assert_eq!(month["ids"]["in_order"], true, "{name}: {month}");
    }
    assert_eq!(export_both(&sb), first);
    assert_eq!(first.0.len(), THREE_MONTHS.len());
}
