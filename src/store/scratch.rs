//! Scratch files for text handed to the user's own editor: private (0600, in a 0700 folder of
//! rekindle's own), in memory where the machine has a memory-backed folder, removed as soon as
//! the editor returns, and at the next start when a crash left them behind (their words kept
//! first in a `rekindle-recovered-…` file in the data folder).
//!
//! Where, in order (as `pass` does): `$XDG_RUNTIME_DIR/rekindle-editing` when that folder is a
//! tmpfs, else `/dev/shm/rekindle-editing-<uid>` when that is one, else `<data>/editing`, so the
//! words never reach a shared `/tmp` on disk.
//!
//! Names: `rekindle-edit-<pid>-<n>.txt`, with a note `….txt.where` naming the data folder it is
//! for; the folder is removed too once it is empty. An editor's own files beside it (vim's
//! `.rekindle-edit-…txt.swp`, emacs's `…txt~`) carry the same name inside theirs, so rekindle
//! removes exactly those, and at a start only those of processes no longer running: a second
//! rekindle editing at that moment keeps its file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::private;

/// The start of every scratch file's name.
const PREFIX: &str = "rekindle-edit-";
/// The folder under the data folder used when no memory-backed folder is there.
pub const DATA_FOLDER: &str = "editing";
/// The most text read back from the editor.
pub const EDITED_LIMIT: u64 = 64 * 1024 * 1024;

/// A file holding text while the user's editor has it; removed (with the editor's own files
/// named after it) when dropped.
#[derive(Debug)]
pub struct ScratchFile {
    path: PathBuf,
}

impl ScratchFile {
    /// Writes `text` (with a final newline, as editors keep one) to a new private file in the
    /// first place that can hold it: see the module notes.
    ///
    /// In an encrypted data folder the data folder's own place is never used: the text would
    /// sit there unencrypted, so without a memory-backed folder this refuses and says why.
    pub fn write(data_dir: &Path, text: &str) -> io::Result<Self> {
        Self::write_among(places(data_dir), data_dir, text)
    }

    /// [`ScratchFile::write`] trying `folders` in order.
    fn write_among(folders: Vec<PathBuf>, data_dir: &Path, text: &str) -> io::Result<Self> {
        let mut last = None;
        let encrypted = super::keyring::is_encrypted(data_dir);
        let own = data_dir.join(DATA_FOLDER);
        for folder in folders {
            if encrypted && folder == own {
                return Err(io::Error::other(
                    "this machine has no memory-backed folder for the editor's file, and your \
                     data folder is encrypted, so the text would have to sit unencrypted on the \
                     disk; write it here instead",
                ));
            }
            if folder.parent() == Some(data_dir) {
                // The data folder's own place: the data folder may not be made yet.
                let _ = super::paths::ensure_private_dir(data_dir);
            }
            match Self::write_in(&folder, text) {
                Ok(file) => {
                    file.note_data_folder(data_dir);
                    return Ok(file);
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no private folder for the text")))
    }

    /// Writes `text` to a new private file in `folder`, made private first.
    pub fn write_in(folder: &Path, text: &str) -> io::Result<Self> {
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!("{PREFIX}{}-{n}{nanos:09}.txt", std::process::id());
        let path = folder.join(name);
        let mut tries = 0;
        let mut file = loop {
            own_private_folder(folder)?;
            match create_private(&path) {
                // Another rekindle removed the folder as it emptied: make it again.
                Err(e) if e.kind() == io::ErrorKind::NotFound && tries < 3 => tries += 1,
                created => break created?,
            }
        };
        let scratch = Self { path };
        file.write_all(text.as_bytes())?;
        if !text.is_empty() && !text.ends_with('\n') {
            file.write_all(b"\n")?;
        }
        Ok(scratch)
    }

    /// Notes beside the file which data folder it is for (`….txt.where`), so a start after a
    /// crash keeps its words in that folder and no other. Best effort: without the note, the
    /// next start of any data folder keeps them.
    fn note_data_folder(&self, data_dir: &Path) {
        use std::os::unix::ffi::OsStrExt;
        if let Ok(mut note) = create_private(&where_note(&self.path)) {
            let _ = note.write_all(data_dir.as_os_str().as_bytes());
        }
    }

    /// Where the file is, to hand to the editor.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text the editor left: line ends made `\n`, the one final newline taken off.
    pub fn read(&self) -> Result<String, crate::bounded::ReadError> {
        match self.read_lossy()? {
            (text, true) => Ok(text),
            (_, false) => {
                Err(io::Error::new(io::ErrorKind::InvalidData, "the file is not UTF-8 text").into())
            }
        }
    }

    /// The text the editor left, as [`ScratchFile::read`] reads it, with bytes that are not
    /// UTF-8 read as U+FFFD; true when every byte was UTF-8.
    pub fn read_lossy(&self) -> Result<(String, bool), crate::bounded::ReadError> {
        let bytes = crate::bounded::read_regular(&self.path, EDITED_LIMIT)?;
        let (text, whole) = match String::from_utf8(bytes) {
            Ok(text) => (text, true),
            Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
        };
        let mut text = text.replace("\r\n", "\n");
        if text.ends_with('\n') {
            text.pop();
        }
        Ok((text, whole))
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let (Some(folder), Some(name)) = (self.path.parent(), self.path.file_name()) else {
            return;
        };
        let name = name.to_string_lossy();
        let stem = name.trim_end_matches(".txt");
        remove_where(folder, |entry| entry.contains(stem));
        // An empty folder goes too (one in use by another rekindle is not empty).
        let _ = fs::remove_dir(folder);
    }
}

/// The start of the name of a file holding words kept from a scratch file.
pub const RECOVERED_PREFIX: &str = "rekindle-recovered-";

/// Copies the scratch file at `path` (its bytes as they are) into a new private file
/// `rekindle-recovered-<time>-<n>.txt` in `data_dir`, flushed to disk; where it is. The scratch
/// file itself is left for its owner to remove.
///
/// An encrypted data folder takes no plain text: then this refuses, and the words stay where
/// they are (for an encrypted folder, always a memory-backed place), which the caller says.
pub fn recover_into(path: &Path, data_dir: &Path) -> io::Result<PathBuf> {
    if super::keyring::is_encrypted(data_dir) {
        return Err(io::Error::other(
            "your data folder is encrypted, so they are not copied into it as plain text",
        ));
    }
    let mut source = open_no_link(path)?;
    super::paths::ensure_private_dir(data_dir).map_err(io::Error::other)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    for n in 0..1000 {
        let kept = data_dir.join(format!("{RECOVERED_PREFIX}{stamp}-{n}.txt"));
        let mut file = match create_private(&kept) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => other?,
        };
        io::copy(&mut source, &mut file)?;
        file.sync_all()?;
        private::sync_dir(data_dir)?;
        return Ok(kept);
    }
    Err(io::Error::other("no free name for the kept words"))
}

/// Every folder a scratch file may be in, in the order they are tried: memory-backed ones
/// first (only those that are), then the data folder's own.
pub fn places(data_dir: &Path) -> Vec<PathBuf> {
    let mut places = Vec::new();
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from)
        && runtime.is_absolute()
        && in_memory(&runtime)
    {
        places.push(runtime.join("rekindle-editing"));
    }
    let shm = Path::new("/dev/shm");
    if in_memory(shm) {
        places.push(shm.join(format!("rekindle-editing-{}", user_id())));
    }
    places.push(data_dir.join(DATA_FOLDER));
    places
}

/// What a start did with the scratch files that rekindles no longer running left behind.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Leftovers {
    /// How many files were removed (scratch files and the editors' files beside them).
    pub removed: usize,
    /// Where the words of each left-behind scratch file that held any are kept now.
    pub kept: Vec<PathBuf>,
    /// Left-behind scratch files whose words could not be kept, so they stay where they are,
    /// each with why.
    pub left: Vec<(PathBuf, String)>,
}

impl Leftovers {
    /// What to tell the user at the start: where their words are; `None` when there are none.
    pub fn notice(&self) -> Option<String> {
        let mut lines = Vec::new();
        match self.kept.as_slice() {
            [] => {}
            [one] => lines.push(format!(
                "Words you were writing in your editor when rekindle last stopped are kept in \
                 {}; open it to copy them back.",
                one.display()
            )),
            many => lines.push(format!(
                "Words you were writing in your editor when rekindle last stopped are kept in \
                 these files; open them to copy them back:\n{}",
                many.iter()
                    .map(|p| format!("  {}", p.display()))
                    .collect::<Vec<_>>()
                    .join("\n")
            )),
        }
        for (file, why) in &self.left {
            lines.push(format!(
                "Words left in {} by your editor could not be kept elsewhere ({why}), so that \
                 file stays where it is.",
                file.display()
            ));
        }
        (!lines.is_empty()).then(|| lines.join("\n"))
    }
}

/// Tidies up after rekindles no longer running, in every place: the words of each scratch file
/// they left are first kept in a `rekindle-recovered-….txt` file in `data_dir` (see
/// [`recover_into`]), then the scratch files and the editors' files named after them are
/// removed. A file whose words cannot be kept is not removed.
pub fn remove_leftovers(data_dir: &Path) -> Leftovers {
    let mut leftovers = Leftovers::default();
    for folder in places(data_dir)
        .iter()
        .filter(|folder| is_own_private_folder(folder))
    {
        let (texts, mut kept_back) = left_texts(folder, data_dir);
        for file in texts {
            match recover_into(&file, data_dir) {
                Ok(kept) => leftovers.kept.push(kept),
                Err(e) => {
                    if let Some(name) = file.file_name() {
                        kept_back.push(name.to_string_lossy().into_owned());
                    }
                    leftovers.left.push((file, e.to_string()));
                }
            }
        }
        leftovers.removed += remove_where(folder, |name| {
            let note_for_another = name.strip_suffix(".where").is_some_and(|text| {
                name.starts_with(PREFIX) && for_another_folder(&folder.join(text), data_dir)
            });
            left_by_the_dead(name)
                && !note_for_another
                && !kept_back.iter().any(|kept| name.contains(kept.as_str()))
        });
        let _ = fs::remove_dir(folder);
    }
    leftovers
}

/// The note beside scratch file `path` naming its data folder.
fn where_note(path: &Path) -> PathBuf {
    let mut note = path.as_os_str().to_owned();
    note.push(".where");
    PathBuf::from(note)
}

/// True when the note beside scratch file `path` names a data folder other than `data_dir`
/// that is still there: that folder's own next start keeps the words.
fn for_another_folder(path: &Path, data_dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(bytes) = crate::bounded::read_regular(&where_note(path), 64 * 1024) else {
        return false;
    };
    let named = Path::new(std::ffi::OsStr::from_bytes(&bytes));
    let same = |a: &Path, b: &Path| {
        a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
    };
    !same(named, data_dir) && named.is_dir()
}

/// The scratch files themselves (not the editors' files beside them) in `folder` that a
/// rekindle no longer running left: those for `data_dir` with words in them, and (second) the
/// names of those that belong to another data folder.
fn left_texts(folder: &Path, data_dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let Ok(entries) = fs::read_dir(folder) else {
        return (Vec::new(), Vec::new());
    };
    let mut texts = Vec::new();
    let mut elsewhere = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(PREFIX) && name.ends_with(".txt") && left_by_the_dead(&name)) {
            continue;
        }
        let path = entry.path();
        if for_another_folder(&path, data_dir) {
            elsewhere.push(name);
        } else if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() > 0) {
            texts.push(path);
        }
    }
    (texts, elsewhere)
}

/// True when `name` holds a scratch file's name whose process is gone.
fn left_by_the_dead(name: &str) -> bool {
    scratch_owner(name) == Some(ScratchOwner::Gone)
}

/// Whose a scratch file (or an editor's own file named after one) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScratchOwner {
    /// A rekindle no longer running: the file is a leftover.
    Gone,
    /// The rekindle with this process id, still running: its editor may have the file open.
    Running(i32),
}

/// Whose scratch file `name` holds the name of; `None` when it holds none.
pub fn scratch_owner(name: &str) -> Option<ScratchOwner> {
    let at = name.find(PREFIX)?;
    let rest = &name[at + PREFIX.len()..];
    let (pid, tail) = rest.split_once('-')?;
    let pid = pid.parse::<i32>().ok().filter(|pid| *pid > 0)?;
    let numbered = tail
        .split_once(".txt")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !numbered {
        return None;
    }
    Some(if running(pid) {
        ScratchOwner::Running(pid)
    } else {
        ScratchOwner::Gone
    })
}

/// Removes the plain files in `folder` whose names `matches`; how many went.
fn remove_where(folder: &Path, matches: impl Fn(&str) -> bool) -> usize {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .filter(|e| matches(&e.file_name().to_string_lossy()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Makes `folder` (its parent must exist) a folder of this user's that no one else can enter;
/// refuses a link, something not a folder, or a folder someone else owns.
fn own_private_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, private::DIR_MODE);
    match builder.create(folder) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = fs::symlink_metadata(folder)?;
    if !meta.is_dir() {
        return Err(io::Error::other(format!(
            "{} is not a folder of rekindle's",
            folder.display()
        )));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != user_id() {
            return Err(io::Error::other(format!(
                "{} belongs to someone else",
                folder.display()
            )));
        }
    }
    private::tighten(folder, &meta, private::DIR_MODE)
}

/// True when `folder` is a real folder of this user's (not a link), so its files may be removed.
fn is_own_private_folder(folder: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(folder) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.is_dir() && meta.uid() == user_id()
    }
    #[cfg(not(unix))]
    meta.is_dir()
}

/// Creates a new file readable only by the user, never through a link.
fn create_private(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(private::FILE_MODE)
            .custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Opens `path` for reading, never through a link.
fn open_no_link(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// True when `folder` is on a memory-backed filesystem (tmpfs or ramfs).
fn in_memory(folder: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(path) = std::ffi::CString::new(folder.as_os_str().as_bytes()) else {
            return false;
        };
        let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
        // SAFETY: `path` is a valid C string and `stat` a writable statfs.
        if unsafe { libc::statfs(path.as_ptr(), &mut stat) } != 0 {
            return false;
        }
        const RAMFS_MAGIC: i64 = 0x8584_58f6;
        // The field's and the constant's types differ between platforms.
        #[allow(clippy::unnecessary_cast)]
        let (kind, tmpfs) = (stat.f_type as i64, libc::TMPFS_MAGIC as i64);
        kind == tmpfs || kind == RAMFS_MAGIC
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        false
    }
}

/// True when process `pid` is running (or belongs to someone else, so cannot be asked).
fn running(pid: i32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only asks whether the process exists.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return true;
        }
        io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

fn user_id() -> u32 {
    #[cfg(unix)]
    // SAFETY: geteuid has no preconditions.
    return unsafe { libc::geteuid() };
    #[cfg(not(unix))]
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_finished_processes_are_leftovers() {
        let dead = {
            let mut child = std::process::Command::new("true").spawn().unwrap();
            let pid = child.id();
            child.wait().unwrap();
            pid
        };
        let me = std::process::id();
        assert!(left_by_the_dead(&format!("rekindle-edit-{dead}-17.txt")));
        assert!(left_by_the_dead(&format!(
            ".rekindle-edit-{dead}-17.txt.swp"
        )));
        assert!(left_by_the_dead(&format!("rekindle-edit-{dead}-17.txt~")));
        assert!(!left_by_the_dead(&format!("rekindle-edit-{me}-17.txt")));
        assert!(!left_by_the_dead(&format!("notes-{dead}-17.txt")));
        assert!(!left_by_the_dead(&format!("rekindle-edit-{dead}-.txt")));
        assert!(!left_by_the_dead("rekindle-edit-x-1.txt"));
    }

    #[test]
    fn the_text_comes_back_without_the_newline_added_for_the_editor() {
        let dir = tempfile::tempdir().unwrap();
        let file = ScratchFile::write_in(&dir.path().join("f"), "two\nlines").unwrap();
        assert_eq!(fs::read_to_string(file.path()).unwrap(), "two\nlines\n");
        assert_eq!(file.read().unwrap(), "two\nlines");
        fs::write(file.path(), "crlf\r\nends\r\n").unwrap();
        assert_eq!(file.read().unwrap(), "crlf\nends");
    }

    #[test]
    fn an_encrypted_folder_never_gets_the_text_in_its_own_place() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join(DATA_FOLDER);
        let plain = ScratchFile::write_among(vec![own.clone()], dir.path(), "words").unwrap();
        assert!(plain.path().starts_with(&own));
        drop(plain);
        fs::write(dir.path().join("key.age"), b"age-encryption.org/v1\n").unwrap();
        let refused = ScratchFile::write_among(vec![own.clone()], dir.path(), "words");
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("encrypted"), "{message}");
        assert!(!own.exists() || fs::read_dir(&own).unwrap().next().is_none());
    }

    #[test]
    fn a_link_in_place_of_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let link = dir.path().join("editing");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        assert!(ScratchFile::write_in(&link, "words").is_err());
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    }
}
