//! Atomic saves: a private temp file beside the target, fsync, the previous version kept as
//! `.bak`, rename over the target, fsync the folder. A symlink is written through only when it
//! leads to a file that exists (the user linked it on purpose); a link to nothing is refused, so
//! no file is ever made outside the data folder by following one.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::StoreError;
use super::paths::{backup_of, is_temp_name, temp_name};
use super::private;

/// How many symlinks deep a target may lie (as the kernel's own limit).
const MAX_LINKS: usize = 40;

/// Numbers temp files within this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `file` with `bytes` so that a crash leaves either the old or the new file, never a
/// mix; the old one is kept as `<file>.bak`. A symlink is resolved and its target replaced.
pub(super) fn write_atomic(file: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = writable_target(file)?;
    replace_with(&target, bytes, true)
}

/// Replaces `file` (through its links, as [`write_atomic`]) whole, keeping no `.bak`: for
/// rewriting the same content in another form, where the `.bak` must stay the previous version.
pub(super) fn rewrite_in_place(file: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = writable_target(file)?;
    replace_with(&target, bytes, false)
}

/// Writes a file that no one else writes (an inbox record) in one step: a crash leaves it
/// whole or absent. No `.bak`: there is no previous version.
pub(super) fn write_new(file: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace_with(file, bytes, false)
}

fn replace_with(target: &Path, bytes: &[u8], backup: bool) -> Result<(), StoreError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let temp = temp_path(target, "");
    // Errors name the file being saved, not the temp name the user never sees.
    let result = write_temp(&temp, bytes)
        .map_err(|e| match e {
            StoreError::Io { action, source, .. } => StoreError::Io {
                action,
                path: target.to_path_buf(),
                source,
            },
            other => other,
        })
        .and_then(|()| if backup { keep_backup(target) } else { Ok(()) })
        .and_then(|()| fs::rename(&temp, target).map_err(StoreError::io("replace", target)))
        .and_then(|()| private::sync_dir(dir).map_err(StoreError::io("flush the folder", dir)));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The file a save of `file` replaces: `file` itself, or the existing file its links lead to.
fn writable_target(file: &Path) -> Result<PathBuf, StoreError> {
    let target = resolve_links(file).map_err(StoreError::io("follow the link", file))?;
    if target != file && fs::symlink_metadata(&target).is_err() {
        return Err(StoreError::DanglingLink {
            link: file.to_path_buf(),
            target,
        });
    }
    Ok(target)
}

/// Removes a file rekindle made (an inbox record once filed) and flushes its folder.
pub(super) fn remove_durably(file: &Path) -> Result<(), StoreError> {
    match fs::remove_file(file) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(StoreError::io("remove", file)(e));
        }
        _ => {}
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    private::sync_dir(dir).map_err(StoreError::io("flush the folder", dir))
}

/// Where `file` finally points, following symlinks (relative ones from the link's folder).
pub(super) fn resolve_links(file: &Path) -> io::Result<PathBuf> {
    let mut path = file.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Removes temp files a crash left in `dir`: only regular files with the names rekindle makes.
/// Call only while holding the writer's lock.
pub(super) fn remove_stale_temps(dir: &Path) -> Result<(), StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io("list", dir)(e)),
    };
    for entry in entries {
        let entry = entry.map_err(StoreError::io("list", dir))?;
        let ours = is_temp_name(&entry.file_name().to_string_lossy())
            && entry.file_type().is_ok_and(|t| t.is_file());
        if ours {
            let path = entry.path();
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(StoreError::io("remove the leftover", &path)(e));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// A fresh temp path beside `target`, named as only rekindle names files.
pub(super) fn temp_path(target: &Path, tag: &str) -> PathBuf {
    let name = format!(
        "{}{tag}",
        target.file_name().unwrap_or_default().to_string_lossy()
    );
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(temp_name(&name, std::process::id(), n, random_u64()))
}

/// A number no other process will guess, from the standard library's per-process random keys.
pub(super) fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(TEMP_COUNTER.load(Ordering::Relaxed));
    hasher.finish()
}

fn write_temp(temp: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut out = private::create_new_file(temp).map_err(StoreError::io("create", temp))?;
    out.write_all(bytes)
        .map_err(StoreError::io("write", temp))?;
    out.sync_all().map_err(StoreError::io("flush", temp))
}

/// Keeps the current `target` (if any) as `<target>.bak`, replacing the older backup atomically.
fn keep_backup(target: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_file() => {}
        _ => return Ok(()),
    }
    let bak = backup_of(target);
    let temp = temp_path(target, ".bak");
    let result = fs::hard_link(target, &temp)
        .or_else(|_| fs::copy(target, &temp).map(drop))
        .and_then(|()| private::make_file_private(&temp))
        .and_then(|()| fs::rename(&temp, &bak));
    // rename(2) does nothing when both names are already the same file (a crash can leave the
    // file and its .bak hard-linked), so the temp name may still be there either way.
    let _ = fs::remove_file(&temp);
    result.map_err(StoreError::io("keep a backup of", target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let in_the_way = dir.path().join("f.json");
        fs::create_dir(&in_the_way).unwrap();
        fs::write(in_the_way.join("keep"), b"x").unwrap();
        assert!(write_atomic(&in_the_way, b"{}").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn relative_links_resolve_from_the_links_folder() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("real/f.json", dir.path().join("f.json")).unwrap();
            let target = resolve_links(&dir.path().join("f.json")).unwrap();
            assert_eq!(target, dir.path().join("real/f.json"));
        }
    }

    #[test]
    fn temp_names_are_recognisable_and_unique() {
        let a = temp_path(Path::new("/d/journey.json"), "");
        let b = temp_path(Path::new("/d/journey.json"), "");
        assert_ne!(a, b);
        let name = a.file_name().unwrap().to_string_lossy().to_string();
        assert!(name.starts_with(".rekindle-tmp.journey.json."), "{name}");
        assert!(is_temp_name(&name), "{name}");
    }
}
