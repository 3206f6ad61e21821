//! Where `export -o` may write: anywhere but the data folder, whose files only the store writes,
//! under its lock and with a backup. Paths are compared as the filesystem resolves them.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many links are followed by hand before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

/// Refuses `target` (for `verb`: export, back up) when writing it would write inside `data_dir`: the target itself, or for one
/// that does not exist yet its folder, resolved through every link; a dangling link by where it
/// points; and a hard link to a file of the data folder by the file it is.
pub fn check(target: &Path, data_dir: &Path, verb: &str) -> Result<(), String> {
    let data = fs::canonicalize(data_dir)
        .or_else(|_| std::path::absolute(data_dir))
        .unwrap_or_else(|_| data_dir.to_path_buf());
    let refuse = |real: &Path| {
        Err(format!(
            "will not {verb} to {}: it is inside the data folder {} (as {}), where it would \
             overwrite what the workbook keeps. Nothing was written; choose a file outside it.",
            target.display(),
            data_dir.display(),
            real.display()
        ))
    };
    let real =
        resolve(target).map_err(|e| format!("cannot {verb} to {}: {e}", target.display()))?;
    if real.starts_with(&data) {
        return refuse(&real);
    }
    if let Some(stored) = same_file_in(&real, &data) {
        return refuse(&stored);
    }
    Ok(())
}

/// Where writing `path` would land: its real path when it exists, else (following a dangling
/// link by hand) the real path of its folder joined with its name.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut path = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        if let Ok(real) = fs::canonicalize(&path) {
            return Ok(real);
        }
        let folder = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        if let Ok(link) = fs::read_link(&path) {
            path = folder.join(link);
            continue;
        }
        let Some(name) = path.file_name() else {
            return Ok(path);
        };
        return Ok(match fs::canonicalize(&folder) {
            Ok(real) => real.join(name),
            Err(_) => path,
        });
    }
    Err(io::Error::other("too many links"))
}

/// The file of the data folder (top level or journal) that `real` is, if any: a hard link to it,
/// or the file behind a journey or month the user linked from the data folder on purpose.
fn same_file_in(real: &Path, data: &Path) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let target = fs::metadata(real).ok().filter(fs::Metadata::is_file)?;
        let key = (target.dev(), target.ino());
        [data.to_path_buf(), data.join("journal")]
            .iter()
            .filter_map(|dir| fs::read_dir(dir).ok())
            .flat_map(|entries| entries.flatten())
            .map(|entry| entry.path())
            .find(|path| fs::metadata(path).is_ok_and(|m| (m.dev(), m.ino()) == key))
    }
    #[cfg(not(unix))]
    {
        let _ = (real, data);
        None
    }
}
