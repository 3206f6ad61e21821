//! Where things live in the data directory, and the default directory itself.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::engine::MonthKey;

use super::StoreError;
use super::private;

/// The journey file's name.
pub(super) const JOURNEY_FILE: &str = "journey.json";
/// The journal folder's name.
pub(super) const JOURNAL_DIR: &str = "journal";
/// The drafts file's name.
pub(super) const DRAFTS_FILE: &str = "drafts.json";
/// The journal index's name, inside the journal folder (hidden, so never taken for a month).
pub(super) const INDEX_FILE: &str = ".index.json";
/// The inbox folder's name.
pub(super) const INBOX_DIR: &str = "inbox";
/// The name of the folder's key (its age identity, encrypted with the passphrase).
pub(super) const KEY_FILE: &str = "key.age";
/// The lock file's name.
pub(super) const LOCK_FILE: &str = ".lock";
/// How temporary files begin; only names that also end in [`TEMP_MARK`] and have rekindle's
/// shape in between are ever removed as a crash's leftovers.
pub(super) const TEMP_PREFIX: &str = ".rekindle-tmp.";
/// How temporary files end.
pub(super) const TEMP_MARK: &str = ".partial";

/// A temp name for `target_name`: `.rekindle-tmp.<name>.<pid>.<n>.<16 hex digits>.partial`.
pub(super) fn temp_name(target_name: &str, pid: u32, n: u64, random: u64) -> String {
    format!("{TEMP_PREFIX}{target_name}.{pid}.{n}.{random:016x}{TEMP_MARK}")
}

/// True only for names [`temp_name`] makes, so a user's own files are never taken for ours.
pub(super) fn is_temp_name(name: &str) -> bool {
    let Some(middle) = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_MARK))
    else {
        return false;
    };
    let mut fields = middle.rsplitn(4, '.');
    let (Some(random), Some(n), Some(pid), Some(target)) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return false;
    };
    random.len() == 16
        && random.bytes().all(|b| b.is_ascii_hexdigit())
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && !target.is_empty()
}

/// The platform's data directory for rekindle (XDG on Linux). The command line may override it
/// with `--data-dir` or `REKINDLE_DATA_DIR`; that choice is the caller's.
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    ProjectDirs::from("", "", "rekindle")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// The file name of a month's journal shard, e.g. `2026-11.json`.
pub(super) fn month_file_name(key: MonthKey) -> String {
    format!("{key}.json")
}

/// The month a journal file name stands for, only when written exactly as we write it.
pub(super) fn month_of_file_name(name: &str) -> Option<MonthKey> {
    let stem = name.strip_suffix(".json")?;
    MonthKey::parse(stem).filter(|key| key.to_string() == stem)
}

/// The backup kept beside `file`: `<name>.bak`.
pub(super) fn backup_of(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    file.with_file_name(name)
}

/// Makes `path` a folder only the user can enter (0700), creating it or tightening its mode.
pub(super) fn ensure_private_dir(path: &Path) -> Result<(), StoreError> {
    let not_a_dir = || StoreError::NotADirectory {
        path: path.to_path_buf(),
    };
    if std::fs::metadata(path).is_ok_and(|meta| !meta.is_dir()) {
        return Err(not_a_dir());
    }
    let existed = path.is_dir();
    private::make_dir(path).map_err(StoreError::io("create the folder", path))?;
    if !existed && let Some(parent) = path.parent() {
        // A new folder's own name must be on disk before anything saved in it counts as saved.
        private::sync_dir(parent).map_err(StoreError::io("flush the folder", parent))?;
    }
    let meta = std::fs::metadata(path).map_err(StoreError::io("look at", path))?;
    if !meta.is_dir() {
        return Err(not_a_dir());
    }
    private::tighten(path, &meta, private::DIR_MODE).map_err(StoreError::io("make private", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_month_names_are_months() {
        let key = month_of_file_name("2026-11.json").unwrap();
        assert_eq!(month_file_name(key), "2026-11.json");
        assert!(month_of_file_name("2026-1.json").is_none());
        assert!(month_of_file_name("2026-13.json").is_none());
        assert!(month_of_file_name("notes.json").is_none());
        assert!(month_of_file_name("2026-11.json.bak").is_none());
    }

    #[test]
    fn only_names_we_make_are_temp_names() {
        let ours = temp_name("journey.json", 42, 7, 0xdead_beef);
        assert!(is_temp_name(&ours), "{ours}");
        assert!(is_temp_name(&temp_name("2026-11.json.bak", 1, 0, u64::MAX)));
        for theirs in [
            ".tmp-notes",
            ".tmp-keep",
            ".rekindle-tmp.journey.json.partial",
            ".rekindle-tmp.journey.json.42.7.xyz.partial",
            ".rekindle-tmp.journey.json.42.7.00000000deadbeef",
            "journey.json",
        ] {
            assert!(!is_temp_name(theirs), "{theirs}");
        }
    }

    #[test]
    fn backup_sits_beside_the_file() {
        assert_eq!(
            backup_of(Path::new("/d/journey.json")),
            Path::new("/d/journey.json.bak")
        );
    }
}
