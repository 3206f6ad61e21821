//! Where a file written for the user (an export, a backup) goes when they name no path: the
//! export folder from the settings, else their documents folder, else home; and a dated name
//! there that no file has yet, so nothing earlier is ever written over.

use std::path::{Path, PathBuf};

use crate::config::Config;

/// The folder exports and backups go to: `export_folder` from the settings, else the user's
/// documents folder, else home, else the current folder.
pub fn export_folder(config: &Config) -> PathBuf {
    config
        .export_folder
        .as_ref()
        .map_or_else(default_folder, |folder| folder.path().to_path_buf())
}

/// The documents folder, else home, else here.
pub fn default_folder() -> PathBuf {
    let dirs = directories::UserDirs::new();
    dirs.as_ref()
        .and_then(|d| d.document_dir().map(Path::to_path_buf))
        .filter(|p| p.is_dir())
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `<folder>/<stem>.<extension>`, or `<stem>-2.<extension>`, `-3`… : the first that does not
/// exist (a dangling link counts as existing, so nothing is written through one).
pub fn free_path(folder: &Path, stem: &str, extension: &str) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => folder.join(format!("{stem}.{extension}")),
            n => folder.join(format!("{stem}-{n}.{extension}")),
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| folder.join(format!("{stem}.{extension}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_gets_the_next_number() {
        let dir = tempfile::tempdir().unwrap();
        let first = free_path(dir.path(), "rekindle-backup-2026-12-06", "json");
        assert_eq!(first, dir.path().join("rekindle-backup-2026-12-06.json"));
        std::fs::write(&first, "taken").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("nowhere", dir.path().join("x-2.json")).unwrap();
        assert_eq!(
            free_path(dir.path(), "rekindle-backup-2026-12-06", "json"),
            dir.path().join("rekindle-backup-2026-12-06-2.json")
        );
        assert_eq!(
            free_path(dir.path(), "x", "json"),
            dir.path().join("x.json")
        );
    }
}
