//! Deleting everything: the whole data folder, with every file rekindle keeps there (journey,
//! journal months, drafts, the index, `.bak` copies, inbox records, temporary files, the lock),
//! and then the folder itself.
//!
//! Only a folder of rekindle's own is deleted: when it holds anything rekindle does not make
//! (a `--data-dir` pointed at the wrong folder, a file the user keeps there), nothing at all is
//! deleted and the message names what is in the way. A link that the user made (a
//! `journey.json` kept elsewhere) is removed as a link; the file it leads to is outside the
//! folder, so it is left where it is and the report says so.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::open::{Access, Store};
use super::paths::{
    DRAFTS_FILE, INBOX_DIR, INDEX_FILE, JOURNAL_DIR, JOURNEY_FILE, KEY_FILE, LOCK_FILE,
    is_temp_name, month_of_file_name,
};
use super::private::sync_dir;
use super::scratch::{DATA_FOLDER as EDITING_DIR, RECOVERED_PREFIX, ScratchOwner, scratch_owner};
use super::write::resolve_links;

/// The word a person types to confirm deleting everything (in any case).
pub const CONFIRM_WORD: &str = "delete";

/// True when `typed` is the confirmation word.
pub fn is_confirmation(typed: &str) -> bool {
    typed.trim().eq_ignore_ascii_case(CONFIRM_WORD)
}

/// How to keep a copy before deleting, said the same way on the command line and in the
/// workbook.
pub const KEEP_A_COPY_FIRST: &str = "To keep a copy first: `rekindle backup` writes everything \
(your journey, journal and drafts) into one file that `rekindle restore` brings back, and \
`rekindle export --format md` writes your journal and answers to read.";

/// The same offer in the workbook, beside the way to the export screen.
pub const KEEP_A_COPY_HERE: &str = "To keep a copy first, open the export screen: b there writes \
a full backup (everything, brought back with `rekindle restore`), and markdown your journal and \
answers to read.";

/// What deleting never touches: the copies a person made themselves.
pub const COPIES_YOU_MADE: &str = "Backups and exports you wrote (into your export folder or \
wherever you named) are yours and are not touched: delete those yourself if you want them gone.";

/// What one file in the data folder is, for telling the user what goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Journey,
    Month,
    Drafts,
    Index,
    Inbox,
    Backup,
    SetAside,
    Temporary,
    Lock,
    /// A file handed to the user's editor (in `editing/`) by a rekindle no longer running.
    Scratch,
    /// Words kept from such a file (`rekindle-recovered-…`).
    Recovered,
    Key,
}

/// Everything in a data folder, sorted into what rekindle made and what it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasePlan {
    /// The data folder as named.
    pub dir: PathBuf,
    /// The folder the name leads to, when the data folder is a link.
    pub real_dir: Option<PathBuf>,
    files: Vec<(PathBuf, Kind)>,
    folders: Vec<PathBuf>,
    /// Links among the files, each with where it leads (outside the folder; left there).
    pub links: Vec<(PathBuf, PathBuf)>,
    /// What rekindle did not make, relative to the folder.
    pub foreign: Vec<PathBuf>,
    /// Whole earlier workbooks beside the folder, kept by `restore --replace` (left as they are).
    pub earlier_copies: Vec<PathBuf>,
    /// Files in `editing/` that a running rekindle's editor has, relative to the folder, with
    /// that rekindle's process id.
    pub in_an_editor: Vec<(PathBuf, i32)>,
}

/// What was deleted, for the last words the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    /// What went, as the plan described it.
    pub plan: ErasePlan,
}

/// Looks through data folder `dir` without changing anything; `None` when it does not exist.
pub fn survey(dir: &Path) -> Result<Option<ErasePlan>, StoreError> {
    let meta = match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        other => other.map_err(StoreError::io("look at", dir))?,
    };
    let real_dir = if meta.file_type().is_symlink() {
        Some(resolve_links(dir).map_err(StoreError::io("follow the link", dir))?)
    } else {
        None
    };
    let root = real_dir.clone().unwrap_or_else(|| dir.to_path_buf());
    if !root.is_dir() {
        return Err(StoreError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    let mut plan = ErasePlan {
        dir: dir.to_path_buf(),
        real_dir,
        files: Vec::new(),
        folders: Vec::new(),
        links: Vec::new(),
        foreign: Vec::new(),
        earlier_copies: super::restore::earlier_copies(&root),
        in_an_editor: Vec::new(),
    };
    plan.look(&root, Path::new(""))?;
    plan.files.sort();
    plan.foreign.sort();
    Ok(Some(plan))
}

impl ErasePlan {
    /// Every file that holds what a person wrote (the journey, months, drafts, index, inbox
    /// records, `.bak`s and copies set aside), as paths to read: not the key, lock or temp files.
    pub(super) fn data_files(&self) -> Vec<PathBuf> {
        let root = self.real_dir.as_deref().unwrap_or(&self.dir);
        self.files
            .iter()
            .filter(|(_, kind)| !matches!(kind, Kind::Temporary | Kind::Lock | Kind::Key))
            .map(|(path, _)| root.join(path))
            .collect()
    }

    /// Sorts the entries of `folder` (at `relative` inside the data folder).
    fn look(&mut self, root: &Path, relative: &Path) -> Result<(), StoreError> {
        let folder = root.join(relative);
        let entries = fs::read_dir(&folder).map_err(StoreError::io("list", &folder))?;
        for entry in entries {
            let entry = entry.map_err(StoreError::io("list", &folder))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = relative.join(&name);
            let kind = entry
                .file_type()
                .map_err(StoreError::io("look at", &entry.path()))?;
            let nested = relative.as_os_str().to_string_lossy().into_owned();
            if kind.is_dir() {
                let ours = nested.is_empty()
                    && (name == JOURNAL_DIR || name == INBOX_DIR || name == EDITING_DIR);
                if ours {
                    self.look(root, &path)?;
                    self.folders.push(path);
                } else {
                    self.foreign.push(path);
                }
                continue;
            }
            if nested == EDITING_DIR
                && let Some(ScratchOwner::Running(pid)) = scratch_owner(&name)
            {
                self.in_an_editor.push((path, pid));
                continue;
            }
            match file_kind(&nested, &name) {
                Some(what) if kind.is_symlink() => {
                    let target = resolve_links(&entry.path())
                        .map_err(StoreError::io("follow the link", &entry.path()))?;
                    self.links.push((path.clone(), target));
                    self.files.push((path, what));
                }
                Some(what) if kind.is_file() => self.files.push((path, what)),
                _ => self.foreign.push(path),
            }
        }
        Ok(())
    }

    /// The folder whose contents go (the link's target, when the data folder is a link).
    fn root(&self) -> &Path {
        self.real_dir.as_deref().unwrap_or(&self.dir)
    }

    /// How many files would go.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// What would go, in the user's words: "your progress, answers and settings
    /// (journey.json), 3 journal months, 4 backup copies (.bak), the lock file".
    pub fn describe(&self) -> String {
        let count = |kind: Kind| self.files.iter().filter(|(_, k)| *k == kind).count();
        let plural = |n: usize, one: &str, many: &str| crate::content::words::count(n, one, many);
        let mut parts = Vec::new();
        if count(Kind::Journey) > 0 {
            parts.push("your progress, answers and settings (journey.json)".to_string());
        }
        if count(Kind::Month) > 0 {
            parts.push(format!(
                "{} (journal/)",
                plural(count(Kind::Month), "journal month", "journal months")
            ));
        }
        if count(Kind::Drafts) > 0 {
            parts.push("text you were still writing (drafts.json)".to_string());
        }
        if count(Kind::Inbox) > 0 {
            parts.push(format!(
                "{} (inbox/)",
                plural(count(Kind::Inbox), "inbox record", "inbox records")
            ));
        }
        if count(Kind::Backup) > 0 {
            parts.push(format!(
                "{} (.bak)",
                plural(count(Kind::Backup), "backup copy", "backup copies")
            ));
        }
        if count(Kind::SetAside) > 0 {
            parts.push(plural(
                count(Kind::SetAside),
                "file set aside as damaged",
                "files set aside as damaged",
            ));
        }
        if count(Kind::Index) > 0 {
            parts.push("the journal index".to_string());
        }
        if count(Kind::Temporary) > 0 {
            parts.push(plural(
                count(Kind::Temporary),
                "unfinished temporary file",
                "unfinished temporary files",
            ));
        }
        if count(Kind::Scratch) > 0 {
            parts.push(format!(
                "{} (editing/)",
                plural(
                    count(Kind::Scratch),
                    "file left from your editor",
                    "files left from your editor"
                )
            ));
        }
        if count(Kind::Recovered) > 0 {
            parts.push(format!(
                "{} (rekindle-recovered-…)",
                plural(
                    count(Kind::Recovered),
                    "text kept from your editor",
                    "texts kept from your editor"
                )
            ));
        }
        if count(Kind::Key) > 0 {
            parts.push("the encryption key".to_string());
        }
        if count(Kind::Lock) > 0 {
            parts.push("the lock file".to_string());
        }
        match parts.len() {
            0 => "no files (the folder is empty)".to_string(),
            _ => parts.join(", "),
        }
    }

    /// What is left outside the folder, in sentences: each link's target.
    pub fn left_outside(&self) -> Vec<String> {
        self.links
            .iter()
            .map(|(link, target)| {
                format!(
                    "{} was a link to {}: the link is gone, but that file is outside the folder \
                     and was left where it is; delete it yourself if you want it gone.",
                    link.display(),
                    target.display()
                )
            })
            .chain(self.earlier_copies.iter().map(|copy| {
                format!(
                    "{} is a whole copy of an earlier workbook, kept when `rekindle restore \
                     --replace` replaced it: it was left as it is; delete it yourself if you want \
                     it gone.",
                    copy.display()
                )
            }))
            .chain(std::iter::once(COPIES_YOU_MADE.to_string()))
            .collect()
    }

    /// The refusal when anything here is not rekindle's, or a running editor has a file here.
    fn refuse_foreign(&self) -> Result<(), StoreError> {
        if let Some((file, pid)) = self.in_an_editor.first() {
            return Err(StoreError::InAnEditor {
                dir: self.dir.clone(),
                file: file.clone(),
                pid: *pid,
            });
        }
        if self.foreign.is_empty() {
            return Ok(());
        }
        Err(StoreError::NotOurs {
            dir: self.dir.clone(),
            names: self.foreign.clone(),
        })
    }
}

impl Erased {
    /// What was deleted and where, in plain sentences.
    pub fn report(&self) -> String {
        let plan = &self.plan;
        let place = match &plan.real_dir {
            Some(real) => format!(
                "{} (the folder the link {} led to, and the link)",
                real.display(),
                plan.dir.display()
            ),
            None => plan.dir.display().to_string(),
        };
        let mut text = format!(
            "Deleted {place} and everything rekindle kept in it: {} ({} in all). Nothing of \
             your workbook is left there.",
            plan.describe(),
            crate::content::words::count(plan.file_count(), "file", "files")
        );
        for line in plan.left_outside() {
            text.push('\n');
            text.push_str(&line);
        }
        text
    }
}

/// What a file at `name` in folder `nested` ("" for the top, "journal", "inbox") is, when it is
/// one rekindle makes: its own files, their `.bak` copies, the `.damaged` and `.moved` copies
/// its messages suggest, and its temporary files.
fn file_kind(nested: &str, name: &str) -> Option<Kind> {
    if is_temp_name(name) {
        return Some(Kind::Temporary);
    }
    if nested.is_empty() && name == LOCK_FILE {
        return Some(Kind::Lock);
    }
    if nested == EDITING_DIR {
        return (scratch_owner(name) == Some(ScratchOwner::Gone)).then_some(Kind::Scratch);
    }
    if nested.is_empty() && name.starts_with(RECOVERED_PREFIX) && name.ends_with(".txt") {
        return Some(Kind::Recovered);
    }
    if nested.is_empty() && name == KEY_FILE {
        return Some(Kind::Key);
    }
    let (base, kind_of_copy) = if let Some(base) = name
        .strip_suffix(".damaged")
        .or_else(|| name.strip_suffix(".moved"))
    {
        (
            base.strip_suffix(".bak").unwrap_or(base),
            Some(Kind::SetAside),
        )
    } else if let Some(base) = name.strip_suffix(".bak") {
        (base, Some(Kind::Backup))
    } else {
        (name, None)
    };
    let own = match nested {
        "" if base == JOURNEY_FILE => Kind::Journey,
        "" if base == DRAFTS_FILE => Kind::Drafts,
        "journal" if base == INDEX_FILE => Kind::Index,
        "journal" if month_of_file_name(base).is_some() => Kind::Month,
        "inbox" if base.ends_with(".json") => Kind::Inbox,
        _ => return None,
    };
    Some(kind_of_copy.unwrap_or(own))
}

/// Tries to delete everything a few times over when new files keep arriving (an entry left in
/// the inbox by `rekindle journal add` in another terminal at that very moment).
const ATTEMPTS: usize = 3;

impl Store {
    /// Deletes the data folder and everything in it. Needs the writer's lock (so no other
    /// window has the workbook open); refuses, deleting nothing, when the folder holds anything
    /// rekindle does not make. The lock file goes last, while still held.
    pub fn erase(&self) -> Result<Erased, StoreError> {
        if self.access() != Access::ReadWrite {
            return Err(StoreError::EraseReadOnly);
        }
        let mut gone: Option<ErasePlan> = None;
        for _ in 0..ATTEMPTS {
            let Some(plan) = survey(self.dir())? else {
                break;
            };
            plan.refuse_foreign()?;
            remove_all(&plan)?;
            gone = Some(match gone {
                Some(mut before) => {
                    before.files.extend(plan.files);
                    before.files.sort();
                    before.files.dedup();
                    before
                }
                None => plan,
            });
            if remove_folders(gone.as_ref().expect("set just above"))? {
                break;
            }
        }
        let plan = gone.ok_or_else(|| StoreError::NotADirectory {
            path: self.dir().to_path_buf(),
        })?;
        if self.dir().exists() || plan.real_dir.as_deref().is_some_and(Path::exists) {
            return Err(StoreError::Io {
                action: "delete",
                path: self.dir().to_path_buf(),
                source: io::Error::other("new files kept arriving in it; try again"),
            });
        }
        Ok(Erased { plan })
    }
}

/// Removes every file of `plan` (links as links), the lock last.
fn remove_all(plan: &ErasePlan) -> Result<(), StoreError> {
    let root = plan.root();
    let (lock, others): (Vec<_>, Vec<_>) =
        plan.files.iter().partition(|(_, kind)| *kind == Kind::Lock);
    for (file, _) in others.into_iter().chain(lock) {
        let path = root.join(file);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(StoreError::io("delete", &path)(e));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Removes the folders, deepest first, then the data folder (and the link to it); false when
/// one is not empty (something arrived meanwhile).
fn remove_folders(plan: &ErasePlan) -> Result<bool, StoreError> {
    let root = plan.root();
    let mut folders: Vec<PathBuf> = plan.folders.iter().map(|f| root.join(f)).collect();
    folders.push(root.to_path_buf());
    for folder in &folders {
        match fs::remove_dir(folder) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if e.kind() == io::ErrorKind::DirectoryNotEmpty => return Ok(false),
            Err(e) => return Err(StoreError::io("delete the folder", folder)(e)),
        }
    }
    if plan.real_dir.is_some() {
        fs::remove_file(&plan.dir).map_err(StoreError::io("delete the link", &plan.dir))?;
    }
    if let Some(parent) = plan.dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = sync_dir(parent);
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rekindles_own_names_are_ours() {
        for (nested, name) in [
            ("", "journey.json"),
            ("", "journey.json.bak"),
            ("", "journey.json.damaged"),
            ("", "drafts.json.moved"),
            ("", ".lock"),
            ("journal", "2026-11.json"),
            ("journal", "2026-11.json.bak"),
            ("journal", ".index.json"),
            (
                "inbox",
                "20261123T090000000Z-0000000042-000001-deadbeef.json",
            ),
        ] {
            assert!(file_kind(nested, name).is_some(), "{nested}/{name}");
        }
        for (nested, name) in [
            ("", "notes.txt"),
            ("", "2026-11.json"),
            ("journal", "journey.json"),
            ("journal", "notes.json"),
            ("inbox", "readme.txt"),
            ("", "journal.json"),
            ("editing", "notes.txt"),
            ("", "rekindle-edit-1-1.txt"),
            ("", "rekindle-recovered-notes.md"),
        ] {
            assert!(file_kind(nested, name).is_none(), "{nested}/{name}");
        }
    }
}
