//! What a restore needs of a data folder: whether it holds anything a person made, and moving a
//! whole folder aside (under the writer's lock) so a restore can begin in an empty one. Nothing
//! here deletes anything.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::lock::{LockWait, WriterLock};
use super::paths::{INBOX_DIR, JOURNAL_DIR, LOCK_FILE};
use super::private;

/// What a data folder holds besides what rekindle makes empty (the lock file, an empty
/// `journal/`, `inbox/` or `editing/` folder), each named for a person: `journey.json`, `journal/ (3
/// files)`. Empty when the folder is missing or holds nothing else.
pub fn made_here(dir: &Path) -> Result<Vec<String>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(_) if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) => {
            return Err(StoreError::NotADirectory {
                path: dir.to_path_buf(),
            });
        }
        Err(e) => return Err(StoreError::io("list", dir)(e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(StoreError::io("list", dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if name == LOCK_FILE && !is_dir {
            continue;
        }
        if is_dir {
            let inside = count_files(&entry.path())?;
            if inside == 0
                && (name == JOURNAL_DIR || name == INBOX_DIR || name == super::scratch::DATA_FOLDER)
            {
                continue;
            }
            let files = crate::content::words::count(inside, "file", "files");
            found.push(format!("{name}/ ({files})"));
        } else {
            found.push(name);
        }
    }
    found.sort();
    Ok(found)
}

/// How many files (not folders) lie anywhere under `dir`.
fn count_files(dir: &Path) -> Result<usize, StoreError> {
    let mut count = 0;
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in fs::read_dir(&next).map_err(StoreError::io("list", &next))? {
            let entry = entry.map_err(StoreError::io("list", &next))?;
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(entry.path());
            } else {
                count += 1;
            }
        }
    }
    Ok(count)
}

/// `<dir>-before-restore-<stamp>`, or with `-2`, `-3`… when that name is taken.
pub fn aside_name(dir: &Path, stamp: &str) -> PathBuf {
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    (1..)
        .map(|n| match n {
            1 => dir.with_file_name(format!("{name}-before-restore-{stamp}")),
            n => dir.with_file_name(format!("{name}-before-restore-{stamp}-{n}")),
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| dir.with_file_name(format!("{name}-before-restore-{stamp}")))
}

/// The earlier workbooks `restore --replace` kept beside `dir` (`<dir>-before-restore-…`).
pub fn earlier_copies(dir: &Path) -> Vec<PathBuf> {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return Vec::new();
    };
    let prefix = format!("{}-before-restore-", name.to_string_lossy());
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| dir.with_file_name(e.file_name()))
        .collect();
    copies.sort();
    copies
}

/// Renames the data folder `dir` to `aside` whole, holding its writer's lock while it does (an
/// open workbook there makes this fail with [`StoreError::Locked`]), and flushes the rename to
/// disk; `wait` says how long to wait for a command that holds it. `aside` must not exist; nothing is deleted or copied.
pub fn move_aside(dir: &Path, aside: &Path, wait: LockWait) -> Result<(), StoreError> {
    let meta = fs::symlink_metadata(dir).map_err(StoreError::io("look at", dir))?;
    if !meta.is_dir() {
        return Err(StoreError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    if fs::symlink_metadata(aside).is_ok() {
        return Err(StoreError::io("move the data folder to", aside)(
            io::ErrorKind::AlreadyExists.into(),
        ));
    }
    let lock = WriterLock::take(dir, wait)?;
    fs::rename(dir, aside).map_err(StoreError::io("move the data folder to", aside))?;
    drop(lock);
    let parent = aside.parent().unwrap_or(Path::new("."));
    private::sync_dir(parent).map_err(StoreError::io("flush the folder", parent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_a_person_made_counts() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        assert!(made_here(&dir).unwrap().is_empty(), "missing is empty");
        fs::create_dir_all(dir.join("journal")).unwrap();
        fs::create_dir_all(dir.join("inbox")).unwrap();
        fs::create_dir_all(dir.join("editing")).unwrap();
        fs::write(dir.join(".lock"), "pid 1\n").unwrap();
        assert!(made_here(&dir).unwrap().is_empty());
        fs::write(dir.join("journal/2026-11.json"), "{}").unwrap();
        fs::write(dir.join("journey.json"), "{}").unwrap();
        assert_eq!(
            made_here(&dir).unwrap(),
            ["journal/ (1 file)", "journey.json"]
        );
    }

    #[test]
    fn moving_aside_keeps_everything_and_takes_a_free_name() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        fs::create_dir_all(dir.join("journal")).unwrap();
        fs::write(dir.join("journey.json"), "mine").unwrap();
        let aside = aside_name(&dir, "2026-12-06-2215");
        assert_eq!(
            aside,
            tmp.path().join("data-before-restore-2026-12-06-2215")
        );
        move_aside(&dir, &aside, LockWait::No).unwrap();
        assert!(!dir.exists());
        assert_eq!(fs::read(aside.join("journey.json")).unwrap(), b"mine");
        assert_eq!(
            aside_name(&dir, "2026-12-06-2215"),
            tmp.path().join("data-before-restore-2026-12-06-2215-2")
        );
    }
}
