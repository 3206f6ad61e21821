//! Encryption at rest through the real binary: after `encrypt` every file in the data folder is
//! age ciphertext and words written in the workbook appear nowhere in it; a conversion stopped
//! after any file reads and finishes when run again; a wrong passphrase changes nothing; the
//! passphrase can be changed; `decrypt` brings back exactly what was there; a passphrase file
//! others can read is refused.

use crate::backup_restore::{assert_same_views, rich_workbook, views_by};
use crate::cli_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use cli_support::*;

const PASSPHRASE: &str = "a calm and fairly long passphrase";
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// A sandbox with a private passphrase file beside the data folder.
struct Vault {
    sb: Sandbox,
    passphrase: PathBuf,
}

impl Vault {
    fn new() -> Self {
        let sb = Sandbox::new();
        let passphrase = sb.file("passphrase");
        write_private(&passphrase, &format!("{PASSPHRASE}\n"));
        Self { sb, passphrase }
    }

    /// `rekindle ARGS` with a cheap scrypt and no passphrase.
    fn bare(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.sb.cmd(args);
        cmd.env("REKINDLE_TEST_SCRYPT_LOG_N", "10");
        cmd
    }

    /// `rekindle ARGS` with the passphrase file (through the environment, as a script would).
    fn with(&self, file: &Path, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.bare(args);
        cmd.env("REKINDLE_PASSPHRASE_FILE", file);
        cmd
    }

    fn unlocked(&self, args: &[&str]) -> assert_cmd::Command {
        self.with(&self.passphrase, args)
    }

    fn views(&self) -> Vec<(String, String)> {
        views_by(|args| self.unlocked(args))
    }

    fn status_json(&self) -> String {
        stdout(
            self.unlocked(&["status", "--json"])
                .assert()
                .success()
                .get_output(),
        )
    }
}

fn write_private(file: &Path, text: &str) {
    fs::write(file, text).unwrap();
    fs::set_permissions(file, fs::Permissions::from_mode(0o600)).unwrap();
}

/// Words no one else writes, to look for on disk.
fn marker() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "MARKER-harbour-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// Every file under `dir` but the lock (which says only who holds it).
fn data_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| p.is_file() && !p.ends_with(".lock"))
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Files under `dir` that hold `words`.
fn holding(dir: &Path, words: &str) -> Vec<PathBuf> {
    if !dir.exists() {
        return Vec::new();
    }
    walk(dir)
        .into_iter()
        .filter(|p| p.is_file() && fs::read(p).is_ok_and(|bytes| contains(&bytes, words)))
        .collect()
}

/// The places rekindle may put text for the user's editor.
fn scratch_places() -> Vec<PathBuf> {
    let uid = unsafe { libc::getuid() };
    let mut places = vec![PathBuf::from(format!("/dev/shm/rekindle-editing-{uid}"))];
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR") {
        places.push(PathBuf::from(runtime).join("rekindle-editing"));
    }
    places
}

fn assert_all_encrypted(data: &Path) {
    let files = data_files(data);
    assert!(
        files.len() >= 8,
        "a rich workbook has many files: {files:?}"
    );
    for file in files {
        let bytes = fs::read(&file).unwrap();
        assert!(
            bytes.starts_with(AGE_HEADER) && bytes[0] != b'{',
            "{} is not age ciphertext: {:?}",
            file.display(),
            String::from_utf8_lossy(&bytes[..bytes.len().min(40)])
        );
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    assert_eq!(mode(data), 0o700);
}

/// Every file the store reads is whole, plain or age; the temporary file a killed write leaves
/// (never read, removed by the next writer: see the end of the test) is not one of them.
fn assert_all_readable_plain_or_age(data: &Path) {
    let unfinished = temps(data);
    for file in data_files(data)
        .into_iter()
        .filter(|f| !unfinished.contains(f))
    {
        let bytes = fs::read(&file).unwrap();
        let plain = serde_json::from_slice::<serde_json::Value>(&bytes).is_ok();
        assert!(
            plain || bytes.starts_with(AGE_HEADER),
            "{} is neither",
            file.display()
        );
    }
}

/// A rich workbook plus an entry holding `marker`, encrypted; returns what every view said
/// before.
fn encrypted_rich(vault: &Vault, marker: &str) -> Vec<(String, String)> {
    rich_workbook(&vault.sb.data());
    vault
        .bare(&["journal", "add", &format!("I wrote {marker} tonight")])
        .assert()
        .success();
    let before = vault.views();
    let out = vault.unlocked(&["encrypt"]).assert().success();
    let said = stdout(out.get_output());
    assert!(
        said.contains("cannot be") || said.contains("no way to recover"),
        "{said}"
    );
    assert!(said.contains("free space"), "{said}");
    before
}

#[test]
fn after_encrypt_every_file_is_ciphertext_and_the_words_are_nowhere_on_disk() {
    let vault = Vault::new();
    let marker = marker();
    let before = encrypted_rich(&vault, &marker);
    let data = vault.sb.data();
    assert!(data.join("key.age").exists());
    assert_all_encrypted(&data);
    assert_eq!(holding(&data, &marker), Vec::<PathBuf>::new());
    assert_eq!(
        holding(&data, "Sam"),
        Vec::<PathBuf>::new(),
        "the ex's name"
    );
    // Every view reads the same through the passphrase.
    assert_same_views(&before, &vault.views());
    // Adding, while encrypted, writes ciphertext too (month, .bak, index, inbox).
    let later = marker.replace("MARKER", "LATER");
    vault
        .unlocked(&["journal", "add", &later])
        .assert()
        .success();
    assert_all_encrypted(&data);
    assert_eq!(holding(&data, &later), Vec::<PathBuf>::new());
    // Nowhere beside the folder either (only the passphrase file is there), nor in the
    // places text goes for the user's editor.
    assert_eq!(holding(vault.sb.tmp.path(), &marker), Vec::<PathBuf>::new());
    for place in scratch_places() {
        assert_eq!(holding(&place, &marker), Vec::<PathBuf>::new());
    }
    assert!(
        stdout(
            vault
                .unlocked(&["journal", "list"])
                .assert()
                .success()
                .get_output()
        )
        .contains(&later)
    );
}

#[test]
fn without_the_passphrase_commands_refuse_and_say_how_to_give_it() {
    let vault = Vault::new();
    encrypted_rich(&vault, &marker());
    let snapshot_before = snapshot(&vault.sb.data());
    for args in [
        &["status"][..],
        &["journal", "list"],
        &["journal", "add", "hello"],
        &["export", "--format", "md"],
        &["backup", "-o", "/dev/null"],
    ] {
        let out = vault.bare(args).assert().failure();
        let said = stderr(out.get_output());
        assert!(said.contains("--passphrase-file"), "{args:?}: {said}");
    }
    assert_eq!(snapshot(&vault.sb.data()), snapshot_before);
}

#[test]
fn a_wrong_passphrase_changes_nothing() {
    let vault = Vault::new();
    encrypted_rich(&vault, &marker());
    let wrong = vault.sb.file("wrong");
    write_private(&wrong, "not the passphrase at all\n");
    let data = vault.sb.data();
    let before = snapshot(&data);
    for args in [
        &["status", "--json"][..],
        &["journal", "add", "never saved"],
        &["settings", "--ex-name", "Alex"],
        &["decrypt"],
        &["encrypt"],
        &["passphrase"],
    ] {
        let out = vault.with(&wrong, args).assert().failure();
        let said = stderr(out.get_output());
        assert!(
            said.contains("does not open") && said.contains("nothing was changed"),
            "{args:?}: {said}"
        );
        assert_eq!(snapshot(&data), before, "{args:?} changed the folder");
    }
}

#[test]
fn a_conversion_stopped_after_any_file_reads_and_finishes_when_run_again() {
    let vault = Vault::new();
    rich_workbook(&vault.sb.data());
    let data = vault.sb.data();
    let status = vault.status_json();
    let files = data_files(&data).len();
    // Each run converts one file and stops as a crash would; every state in between reads.
    let mut runs = 0;
    loop {
        runs += 1;
        assert!(runs <= files + 1, "encrypt never finished");
        let out = vault
            .unlocked(&["encrypt"])
            .env("REKINDLE_TEST_STOP_AFTER_FILES", "1")
            .output()
            .unwrap();
        assert_all_readable_plain_or_age(&data);
        assert_eq!(vault.status_json(), status, "after {runs} runs");
        if out.status.success() {
            break;
        }
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    }
    assert!(runs > 3, "stopped part-way several times: {runs}");
    assert_all_encrypted(&data);
    // And back, the same way.
    let mut runs = 0;
    loop {
        runs += 1;
        assert!(runs <= files + 1, "decrypt never finished");
        let out = vault
            .unlocked(&["decrypt"])
            .env("REKINDLE_TEST_STOP_AFTER_FILES", "1")
            .output()
            .unwrap();
        assert_all_readable_plain_or_age(&data);
        assert_eq!(vault.status_json(), status);
        if out.status.success() {
            break;
        }
        assert!(data.join("key.age").exists(), "the key goes last");
    }
    assert!(!data.join("key.age").exists());
    for file in data_files(&data) {
        assert!(!fs::read(&file).unwrap().starts_with(AGE_HEADER));
    }
}

#[test]
fn decrypt_brings_back_exactly_what_was_there() {
    let vault = Vault::new();
    let marker = marker();
    let before = encrypted_rich(&vault, &marker);
    let status = vault.status_json();
    let out = vault.unlocked(&["decrypt"]).assert().success();
    assert!(stdout(out.get_output()).contains("Decrypted"));
    let data = vault.sb.data();
    assert!(!data.join("key.age").exists());
    // No passphrase needed any more, and everything reads as it did.
    let plain = stdout(
        vault
            .bare(&["status", "--json"])
            .assert()
            .success()
            .get_output(),
    );
    assert_eq!(plain, status);
    assert_same_views(&before, &views_by(|args| vault.bare(args)));
    assert!(!holding(&data, &marker).is_empty());
    let again = vault.bare(&["decrypt"]).assert().success();
    assert!(stdout(again.get_output()).contains("not encrypted"));
}

#[test]
fn a_changed_passphrase_opens_and_the_old_one_no_longer_does() {
    let vault = Vault::new();
    encrypted_rich(&vault, &marker());
    let data = vault.sb.data();
    let others = |snap: Vec<(PathBuf, Vec<u8>)>| {
        snap.into_iter()
            .filter(|(p, _)| !p.ends_with("key.age"))
            .collect::<Vec<_>>()
    };
    let before = others(snapshot(&data));
    let status = vault.status_json();
    let new = vault.sb.file("new");
    write_private(&new, "a different passphrase, also long\n");
    vault
        .unlocked(&["passphrase", "--new-passphrase-file", new.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        others(snapshot(&data)),
        before,
        "only the key was rewrapped"
    );
    assert!(
        !data.join("key.age.bak").exists(),
        "no copy the old one opens"
    );
    let old = vault.unlocked(&["status"]).assert().failure();
    assert!(stderr(old.get_output()).contains("does not open"));
    let now = stdout(
        vault
            .with(&new, &["status", "--json"])
            .assert()
            .success()
            .get_output(),
    );
    assert_eq!(now, status);
}

#[test]
fn a_passphrase_file_others_can_read_is_refused_and_nothing_is_encrypted() {
    let vault = Vault::new();
    vault
        .bare(&["journal", "add", "plain words"])
        .assert()
        .success();
    let data = vault.sb.data();
    let before = snapshot(&data);
    for mode in [0o644, 0o640, 0o604] {
        fs::set_permissions(&vault.passphrase, fs::Permissions::from_mode(mode)).unwrap();
        let out = vault
            .bare(&[
                "--passphrase-file",
                vault.passphrase.to_str().unwrap(),
                "encrypt",
            ])
            .assert()
            .failure();
        let said = stderr(out.get_output());
        assert!(said.contains("can be read by others"), "{said}");
        assert!(said.contains("chmod 600"), "{said}");
        assert_eq!(snapshot(&data), before);
        assert!(!data.join("key.age").exists());
    }
    let short = vault.sb.file("short");
    write_private(&short, "abc\n");
    let out = vault.with(&short, &["encrypt"]).assert().failure();
    assert!(stderr(out.get_output()).contains("at least 8 characters"));
    assert_eq!(snapshot(&data), before);
}

#[test]
fn delete_everything_needs_no_passphrase_and_knows_the_key() {
    let vault = Vault::new();
    encrypted_rich(&vault, &marker());
    let out = vault
        .bare(&["delete-everything", "--yes"])
        .assert()
        .success();
    assert!(stdout(out.get_output()).contains("encryption key") || !vault.sb.data().exists());
    assert!(!vault.sb.data().exists());
}

#[test]
fn an_encrypted_backup_holds_no_plain_words_and_restores_with_its_own_passphrase() {
    let vault = Vault::new();
    let marker = marker();
    let before = encrypted_rich(&vault, &marker);
    let backup_pass = vault.sb.file("backup-pass");
    write_private(&backup_pass, "the backup's own passphrase\n");
    let backup = vault.sb.file("backup.age");
    let out = vault
        .unlocked(&[
            "backup",
            "-o",
            backup.to_str().unwrap(),
            "--encrypt",
            "--backup-passphrase-file",
            backup_pass.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(stdout(out.get_output()).contains("encrypted with the backup's passphrase"));
    let bytes = fs::read(&backup).unwrap();
    assert!(bytes.starts_with(AGE_HEADER));
    assert!(!contains(&bytes, &marker));
    assert_eq!(mode(&backup), 0o600);
    // Into a fresh folder: the wrong passphrase restores nothing, the right one everything.
    let fresh = vault.sb.file("fresh");
    let restore = |pass: &Path| {
        let mut cmd = vault
            .sb
            .cmd_in(&fresh, &["restore", backup.to_str().unwrap()]);
        cmd.args(["--backup-passphrase-file", pass.to_str().unwrap()]);
        cmd
    };
    let out = restore(&vault.passphrase).assert().failure();
    assert!(stderr(out.get_output()).contains("does not open the backup"));
    assert!(!fresh.join("journey.json").exists());
    let out = restore(&backup_pass).assert().success();
    assert!(stdout(out.get_output()).contains("rekindle encrypt"));
    assert_same_views(&before, &views_by(|args| vault.sb.cmd_in(&fresh, args)));
}

#[test]
fn exports_of_an_encrypted_folder_say_the_file_is_not_encrypted() {
    let vault = Vault::new();
    encrypted_rich(&vault, &marker());
    let file = vault.sb.file("journal.md");
    let out = vault
        .unlocked(&["export", "--format", "md", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        stderr(out.get_output()).contains("This file is not encrypted"),
        "{}",
        stderr(out.get_output())
    );
    let plain = vault.sb.file("backup.json");
    let out = vault
        .unlocked(&["backup", "-o", plain.to_str().unwrap()])
        .assert()
        .success();
    assert!(stdout(out.get_output()).contains("not encrypted"));
}

#[test]
fn encrypt_killed_at_random_moments_leaves_a_readable_folder_and_finishes_when_run_again() {
    let vault = Vault::new();
    // Sixty months of entries, so the conversion takes long enough to be cut.
    let dates: Vec<(String, String)> = (0..60)
        .map(|m| {
            let (year, month) = (2020 + m / 12, m % 12 + 1);
            (
                format!("{year}{month:02}01T100000000Z"),
                format!("{year}-{month:02}-01T10:00:00Z"),
            )
        })
        .collect();
    let entries: Vec<(&str, &str, &str, Option<&str>)> = dates
        .iter()
        .map(|(id, at)| (id.as_str(), at.as_str(), "a month of quiet", None))
        .collect();
    let file = vault.sb.export_file("months.json", &entries);
    vault.sb.import(&file);
    let data = vault.sb.data();
    let status = vault.status_json();
    // A seed of our own: each run kills at other moments, all of them reported on failure.
    let mut seed = u64::from(std::process::id()) | 1;
    let mut killed = 0;
    for run in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = std::time::Duration::from_millis(5 + seed % 120);
        let mut child = std::process::Command::new(bin())
            .args(["--data-dir", data.to_str().unwrap(), "encrypt"])
            .env("REKINDLE_PASSPHRASE_FILE", &vault.passphrase)
            .env("REKINDLE_TEST_SCRYPT_LOG_N", "10")
            .env("HOME", vault.sb.tmp.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        assert_all_readable_plain_or_age(&data);
        assert_eq!(
            vault.status_json(),
            status,
            "run {run}, killed after {delay:?}"
        );
    }
    vault.unlocked(&["encrypt"]).assert().success();
    assert_all_encrypted(&data);
    assert_eq!(vault.status_json(), status);
    assert!(temps(&data).is_empty(), "{:?}", temps(&data));
    eprintln!("killed {killed} of 8 runs part-way");
}

#[test]
fn plain_mode_opens_an_encrypted_folder_with_its_passphrase_and_refuses_without() {
    let vault = Vault::new();
    let marker = marker();
    encrypted_rich(&vault, &marker);
    let out = vault
        .bare(&["--plain"])
        .write_stdin("q\n")
        .assert()
        .failure();
    assert!(
        stderr(out.get_output()).contains("--passphrase-file"),
        "{}",
        stderr(out.get_output())
    );
    // With the passphrase file it opens on the main menu.
    let out = vault
        .unlocked(&["--plain"])
        .write_stdin("q\n")
        .assert()
        .success();
    let said = stdout(out.get_output());
    assert!(
        said.contains("Main menu") || said.contains("Where you are"),
        "{said}"
    );
}

#[test]
fn an_entry_waiting_beside_a_big_encrypted_month_is_ciphertext_too() {
    use chrono::{Datelike, TimeZone, Utc};
    let vault = Vault::new();
    let now = Utc::now();
    let month_start = Utc
        .with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .unwrap();
    // This month's file, big, every entry older than now (a millisecond apart from its start).
    let times: Vec<String> = (0..1_400)
        .map(|i| (month_start + chrono::TimeDelta::milliseconds(i)).to_rfc3339())
        .collect();
    let ids: Vec<String> = (0..1_400).map(|i| format!("old-{i}")).collect();
    let text = "a long and ordinary evening, written down 🌱 ".repeat(20);
    let entries: Vec<_> = (0..1_400)
        .map(|i| (ids[i].as_str(), times[i].as_str(), text.as_str(), None))
        .collect();
    vault.sb.import(&vault.sb.export_file("old.json", &entries));
    vault.unlocked(&["encrypt"]).assert().success();
    let month_file = vault
        .sb
        .journal()
        .join(format!("{}.json", month_start.format("%Y-%m")));
    assert!(fs::metadata(&month_file).unwrap().len() >= rekindle::cli::WAIT_FROM_BYTES);

    let words = marker();
    vault
        .unlocked(&["journal", "add", &words])
        .assert()
        .success();
    let inbox: Vec<PathBuf> = walk(&vault.sb.data().join("inbox"))
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(inbox.len(), 1, "the entry waits beside the big month");
    assert!(fs::read(&inbox[0]).unwrap().starts_with(AGE_HEADER));
    assert!(holding(&vault.sb.data(), &words).is_empty());
    let list = stdout(
        vault
            .unlocked(&["journal", "list", "-n", "1"])
            .assert()
            .success()
            .get_output(),
    );
    assert!(list.contains(&words), "{list}");
}

#[test]
fn import_from_stdin_into_an_encrypted_folder_spools_in_memory_not_on_its_disk() {
    use std::io::Write;
    use std::process::Stdio;
    let vault = Vault::new();
    vault.sb.add("a first entry");
    vault.unlocked(&["encrypt"]).assert().success();
    let export = fs::read(
        vault
            .sb
            .export_file("in.json", crate::cli_support::THREE_MONTHS),
    )
    .unwrap();

    let mut child = std::process::Command::new(crate::cli_support::bin())
        .arg("--data-dir")
        .arg(vault.sb.data())
        .args(["import", "-"])
        .env("REKINDLE_TEST_SCRYPT_LOG_N", "10")
        .env("REKINDLE_PASSPHRASE_FILE", &vault.passphrase)
        .env("HOME", vault.sb.tmp.path())
        .env_remove("REKINDLE_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Half the export, then wait while the spool is open: where is it?
    stdin.write_all(&export[..export.len() / 2]).unwrap();
    stdin.flush().unwrap();
    let fds = std::path::PathBuf::from(format!("/proc/{}/fd", child.id()));
    let start = std::time::Instant::now();
    let links = loop {
        let links: Vec<String> = fs::read_dir(&fds)
            .map(|dir| {
                dir.filter_map(|e| fs::read_link(e.ok()?.path()).ok())
                    .map(|l| l.display().to_string())
                    .collect()
            })
            .unwrap_or_default();
        if links.iter().any(|l| l.contains("memfd:rekindle-import"))
            || start.elapsed() > std::time::Duration::from_secs(10)
        {
            break links;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(
        links.iter().any(|l| l.contains("memfd:rekindle-import")),
        "the spool is in memory: {links:?}"
    );
    let data = vault.sb.data().display().to_string();
    assert!(
        !links
            .iter()
            .any(|l| l.starts_with(&data) && l.contains("(deleted)")),
        "no unnamed file in the data folder: {links:?}"
    );
    stdin.write_all(&export[export.len() / 2..]).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = stdout(
        vault
            .unlocked(&["journal", "list"])
            .assert()
            .success()
            .get_output(),
    );
    assert!(list.contains("March: spring"), "{list}");
    assert_all_encrypted_files(&vault.sb.data());
}

/// Every store file under `data` is age ciphertext (however few there are).
fn assert_all_encrypted_files(data: &Path) {
    for file in data_files(data) {
        let bytes = fs::read(&file).unwrap();
        assert!(bytes.starts_with(AGE_HEADER), "{}", file.display());
    }
}

#[test]
fn an_inbox_record_sealed_as_decrypt_removes_the_key_is_written_again_plain() {
    use rekindle::store::{Inbox, InboxItem, InboxRecord, keyring};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    keyring::create_key(&dir, PASSPHRASE).unwrap();
    let inbox = Inbox::of(&dir);
    let record = |text: &str| {
        let at = chrono::Utc::now();
        InboxRecord::new(
            at,
            InboxItem::Text {
                key: "entry-new".into(),
                text: text.into(),
            },
        )
    };
    let sealed = inbox.put_without_lock(&record("while encrypted")).unwrap();
    assert!(fs::read(&sealed).unwrap().starts_with(AGE_HEADER));
    fs::remove_file(&sealed).unwrap();

    // `decrypt` removed the key while this writer, unlocked before, was writing.
    fs::remove_file(dir.join("key.age")).unwrap();
    let kept = inbox.put_without_lock(&record("as the key went")).unwrap();
    let bytes = fs::read(&kept).unwrap();
    assert!(
        bytes.starts_with(b"{"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert!(contains(&bytes, "as the key went"));
    let left: Vec<PathBuf> = walk(&dir.join("inbox"))
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(left, [kept], "the sealed copy is gone");
}
