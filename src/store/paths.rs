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
/// The lock file's name.
pub(super) const LOCK_FILE: &str = ".lock";
/// How temporary files begin, so a crash's leftovers are recognised and removed.
pub(super) const TEMP_PREFIX: &str = ".tmp-";

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
    private::make_dir(path).map_err(StoreError::io("create the folder", path))?;
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
    fn backup_sits_beside_the_file() {
        assert_eq!(
            backup_of(Path::new("/d/journey.json")),
            Path::new("/d/journey.json.bak")
        );
    }
}
