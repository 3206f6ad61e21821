//! Everything that can go wrong with the data directory, each saying which file and what to do.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::codec::EncodeError;
use super::lock::LockHolder;

/// A problem with the data directory. Every message names the file and, where it can, the remedy.
#[derive(Debug, Error)]
pub enum StoreError {
    /// No data directory could be found for this user.
    #[error(
        "could not find where to keep rekindle's data (no home folder?); pass --data-dir or set \
         REKINDLE_DATA_DIR"
    )]
    NoDataDir,

    /// An operating-system error while doing `action` to `path`.
    #[error("could not {action} {}: {source}", .path.display())]
    Io {
        /// What was being done, e.g. "read" or "create the folder".
        action: &'static str,
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },

    /// Something other than a folder is where the data folder (or `journal/`) should be.
    #[error("{} should be a folder, but it is not; move it aside and try again", .path.display())]
    NotADirectory {
        /// The path that is not a folder.
        path: PathBuf,
    },

    /// Another process holds the workbook open for writing. The message says only what is
    /// true of every command; each command adds what it can offer.
    #[error(
        "the workbook in {} is already open elsewhere ({})",
        .dir.display(),
        holder_text(.holder.as_ref())
    )]
    Locked {
        /// The data directory.
        dir: PathBuf,
        /// Who holds it, when the lock file says.
        holder: Option<LockHolder>,
    },

    /// A save was asked of a store opened read-only.
    #[error("the workbook is open read-only, so {} was not saved", .file.display())]
    ReadOnly {
        /// The file that would have been written.
        file: PathBuf,
    },

    /// A file does not parse. It is left exactly as it is.
    #[error(
        "{}:{line}:{column}: {message}. {}",
        .file.display(),
        restore_hint(.file, .backup.as_deref())
    )]
    Corrupt {
        /// The damaged file.
        file: PathBuf,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What is wrong.
        message: String,
        /// The last good version, when one exists.
        backup: Option<PathBuf>,
    },

    /// A file that parses but holds what rekindle cannot keep or show (a date it cannot name, a
    /// mood of 9, an entry with no words). It is left exactly as it is.
    #[error(
        "{}: {invalid}, so it was left out and will not be saved over. {}",
        .file.display(),
        restore_hint(.file, .backup.as_deref())
    )]
    Invalid {
        /// The file.
        file: PathBuf,
        /// The field at fault and why.
        invalid: crate::engine::validate::Invalid,
        /// The last good version, when one exists.
        backup: Option<PathBuf>,
    },

    /// A file written by a newer rekindle; it is never downgraded.
    #[error(
        "{} was written by a newer rekindle (schema {found}; this one understands up to \
         {supported}). It is left untouched and will not be downgraded: update rekindle to open it",
        .file.display()
    )]
    NewerSchema {
        /// The file.
        file: PathBuf,
        /// Its schema version.
        found: u64,
        /// The newest schema this build reads.
        supported: u32,
    },

    /// A folder (or something else that is not a file) is where a file should be.
    #[error(
        "{} should be a file, but it is a folder or something else; move it aside \
         (mv '{}' '{}.moved') and open rekindle again",
        .file.display(), shell(.file), shell(.file)
    )]
    NotAFile {
        /// The path.
        file: PathBuf,
    },

    /// A `.json` file in `journal/` whose name is not a month such as `2026-11.json`.
    #[error(
        "{} is not a journal month (month files are named like 2026-11.json); it was left out. \
         Rename it to the month it holds, or move it out of the journal folder",
        .file.display()
    )]
    NotAMonth {
        /// The file.
        file: PathBuf,
    },

    /// A month file that says it holds a different month than its name.
    #[error(
        "{} says it holds month `{found}`, not the month in its name; it was left out. Rename it \
         to {found}.json if that is right, or fix the `month` field",
        .file.display()
    )]
    MonthMismatch {
        /// The file.
        file: PathBuf,
        /// The month written inside it.
        found: String,
    },

    /// A symlink in the data folder that leads to nothing; following it would make a file
    /// elsewhere.
    #[error(
        "{} is a link to {}, which does not exist; rekindle writes through a link only to a file \
         that exists. Remove the link or create its target, then try again",
        .link.display(), .target.display()
    )]
    DanglingLink {
        /// The link.
        link: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },

    /// The lock file is a symlink; it is never followed, so nothing outside is truncated.
    #[error(
        "{} is a symbolic link; rekindle never follows a link for its lock file. Remove it \
         (rm '{}') and try again",
        .file.display(), shell(.file)
    )]
    LockIsALink {
        /// The lock file.
        file: PathBuf,
    },

    /// A journal month to save whose `month` is not written `YYYY-MM`.
    #[error("cannot save journal month `{month}`: a month is written like 2026-11")]
    InvalidMonth {
        /// The month as given.
        month: String,
    },

    /// A save over a file that could not be read; the file is kept as it is.
    #[error(
        "did not save over {}: it could not be read, and rekindle never overwrites a file it \
         cannot read. Restore it or move it aside, then open rekindle again. The problem was: \
         {problem}",
        .file.display()
    )]
    WontOverwrite {
        /// The file that was not written.
        file: PathBuf,
        /// Why it could not be read.
        problem: String,
    },

    /// Deleting everything was asked of a folder holding files rekindle did not make; nothing
    /// was deleted.
    #[error(
        "{} holds {} that rekindle did not make ({}), so nothing was deleted: rekindle deletes \
         only a folder of its own. Move {} out of the folder (or delete {} yourself) and try again",
        .dir.display(),
        if .names.len() == 1 { "a file" } else { "files" },
        listed(.names),
        if .names.len() == 1 { "it" } else { "them" },
        if .names.len() == 1 { "it" } else { "them" },
    )]
    NotOurs {
        /// The data folder.
        dir: PathBuf,
        /// What rekindle did not make, relative to the folder.
        names: Vec<PathBuf>,
    },

    /// Deleting everything was asked while a rekindle's editor has a file in the data folder.
    #[error(
        "your editor has text from rekindle open ({} in {}, for rekindle process {pid}), so \
         nothing was deleted; close that editor, then try again",
        .file.display(),
        .dir.display()
    )]
    InAnEditor {
        /// The data folder.
        dir: PathBuf,
        /// The file the editor has, relative to the folder.
        file: PathBuf,
        /// The running rekindle's process id.
        pid: i32,
    },

    /// Deleting everything was asked of a window that only reads.
    #[error(
        "this window has the workbook open read-only, so it cannot delete it; close the window \
         that has it open, then try again"
    )]
    EraseReadOnly,

    /// The folder is encrypted and this process has not unlocked it.
    #[error(
        "the data folder {} is encrypted: give its passphrase on the terminal or with \
         --passphrase-file FILE",
        .dir.display()
    )]
    Encrypted {
        /// The data folder.
        dir: PathBuf,
    },

    /// The passphrase does not open the folder's key. Nothing was changed.
    #[error("that passphrase does not open the data folder {}; nothing was changed", .dir.display())]
    WrongPassphrase {
        /// The data folder.
        dir: PathBuf,
    },

    /// The key file is there but does not hold a key.
    #[error(
        "the key file {} is damaged ({why}); without it the encrypted files cannot be opened",
        .file.display()
    )]
    DamagedKey {
        /// The key file.
        file: PathBuf,
        /// What is wrong with it.
        why: String,
    },

    /// An operation that needs an encrypted folder was asked of a plain one.
    #[error("the data folder {} is not encrypted", .dir.display())]
    NotEncrypted {
        /// The data folder.
        dir: PathBuf,
    },

    /// The data could not be turned into bytes.
    #[error("could not save {}: {source}", .file.display())]
    Encode {
        /// The file that was not written.
        file: PathBuf,
        /// The underlying error.
        source: EncodeError,
    },
}

impl StoreError {
    /// The message with the cause first ("No space left on device: could not write …"), for
    /// places too narrow to show it all, where the cause is what the user needs.
    pub fn cause_first(&self) -> String {
        match self {
            Self::Io {
                action,
                path,
                source,
            } => format!("{source}: could not {action} {}", path.display()),
            other => other.to_string(),
        }
    }

    /// An [`StoreError::Io`] builder for `map_err`.
    pub(super) fn io(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Self {
        let path = path.to_path_buf();
        move |source| Self::Io {
            action,
            path,
            source,
        }
    }
}

/// Up to five names, then how many more.
fn listed(names: &[PathBuf]) -> String {
    let mut shown: Vec<String> = names
        .iter()
        .take(5)
        .map(|n| crate::visible::visible(&n.display().to_string()).into_owned())
        .collect();
    if names.len() > 5 {
        shown.push(format!("and {} more", names.len() - 5));
    }
    shown.join(", ")
}

/// Who holds the lock, in words.
fn holder_text(holder: Option<&LockHolder>) -> String {
    holder.map_or_else(|| "by another rekindle".into(), |h| h.to_string())
}

/// How to get back the last good version of `file`, or what to do without one.
fn restore_hint(file: &Path, backup: Option<&Path>) -> String {
    match backup {
        Some(bak) => format!(
            "rekindle has not changed it. A copy of the last good version is at {}: to restore it, \
             keeping the damaged file aside, run: mv '{}' '{}.damaged' && cp '{}' '{}'",
            bak.display(),
            shell(file),
            shell(file),
            shell(bak),
            shell(file)
        ),
        None => format!(
            "rekindle has not changed it, and there is no backup. Fix it in a text editor, or \
             move it aside to start this part afresh: mv '{}' '{}.damaged'",
            shell(file),
            shell(file)
        ),
    }
}

/// `path` ready to sit between single quotes in a shell command.
fn shell(path: &Path) -> String {
    path.display().to_string().replace('\'', r"'\''")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_names_file_line_column_and_the_restore_command() {
        let e = StoreError::Corrupt {
            file: "/d/journey.json".into(),
            line: 3,
            column: 17,
            message: "expected `,` or `}`".into(),
            backup: Some("/d/journey.json.bak".into()),
        };
        let text = e.to_string();
        assert!(
            text.starts_with("/d/journey.json:3:17: expected `,` or `}`."),
            "{text}"
        );
        assert!(
            text.contains("cp '/d/journey.json.bak' '/d/journey.json'"),
            "{text}"
        );
    }

    #[test]
    fn quotes_in_paths_are_escaped_for_the_shell() {
        assert_eq!(shell(Path::new("/it's")), r"/it'\''s");
    }

    #[test]
    fn without_a_backup_none_is_promised() {
        let text = restore_hint(Path::new("/d/j.json"), None);
        assert!(text.contains("no backup"), "{text}");
        assert!(!text.contains(".bak"), "{text}");
    }
}
