//! File and folder modes that keep the workbook private (folders 0700, files 0600), and the
//! few calls that differ by platform.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// Mode of every folder we create.
pub(super) const DIR_MODE: u32 = 0o700;
/// Mode of every file we write.
pub(super) const FILE_MODE: u32 = 0o600;

/// Creates `path` (and missing parents) as private folders; an existing folder is fine.
pub(super) fn make_dir(path: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(path)
}

/// Creates a new file, private from its first byte; fails if it exists.
pub(super) fn create_new_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path)
}

/// Opens (creating if needed) a private file for reading and writing, keeping its contents, and
/// never through a symlink (a link fails with [`is_link_refusal`]).
pub(super) fn open_rw_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// True when an open failed because the path is a symlink that was not followed.
pub(super) fn is_link_refusal(error: &io::Error) -> bool {
    #[cfg(unix)]
    return error.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
}

/// Sets `mode` on `path` when its current mode lets anyone else in.
pub(super) fn tighten(path: &Path, meta: &Metadata, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o777 & !mode != 0 {
            fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta, mode);
    Ok(())
}

/// Sets the private file mode on `path`.
pub(super) fn make_file_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(FILE_MODE))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Flushes a folder's entries (a rename inside it) to disk.
pub(super) fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(path)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes `bytes` to a file outside the data folder (an export), readable only by the user.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(FILE_MODE)
        .open(path)?;
    // The mode above applies only to a new file; an existing one is made private too.
    file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A file outside the data folder (an export) written as a stream, readable only by the user.
///
/// It is written beside its place under a temporary name and renamed over it by
/// [`PrivateFile::commit`], after one fsync, so a failure part way (a full disk, a kill) leaves
/// any earlier file at that path as it was. A path that exists and is not a regular file (a
/// pipe, a terminal, `/dev/null`) is written directly.
pub struct PrivateFile {
    out: io::BufWriter<File>,
    /// `(temporary, target)` while the file is written under a temporary name.
    rename: Option<(std::path::PathBuf, std::path::PathBuf)>,
    /// Bytes written so far, buffered ones included.
    written: u64,
    /// Bytes already handed to the disk to write behind (see [`WRITE_BEHIND`]).
    handed: u64,
}

/// How many bytes of a file being written are handed to the disk at a time, without waiting,
/// so the disk writes while the rest is being made and the final fsync has little left to do.
const WRITE_BEHIND: u64 = 8 << 20;

impl PrivateFile {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> io::Result<Self> {
        // A link is followed, so the file it names is the one replaced.
        let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let path = real.as_path();
        let special = fs::metadata(path).is_ok_and(|meta| !meta.is_file());
        let (file, rename) = if special {
            (OpenOptions::new().write(true).open(path)?, None)
        } else {
            let temp = super::write::temp_path(path, "");
            (create_new_file(&temp)?, Some((temp, path.to_path_buf())))
        };
        Ok(Self {
            out: io::BufWriter::with_capacity(1 << 20, file),
            rename,
            written: 0,
            handed: 0,
        })
    }

    /// Starts the disk writing what has reached the file since the last call, once that is
    /// [`WRITE_BEHIND`] bytes; returns at once. Only for a file that will be synced.
    fn write_behind(&mut self) {
        if self.rename.is_none() {
            return;
        }
        let on_file = self.written - self.out.buffer().len() as u64;
        if on_file - self.handed < WRITE_BEHIND {
            return;
        }
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            let fd = self.out.get_ref().as_raw_fd();
            let (from, len) = (
                self.handed as libc::off64_t,
                (on_file - self.handed) as libc::off64_t,
            );
            // SAFETY: `fd` is the open file `self.out` owns; the call reads no memory of ours.
            // Its result is only a hint: the fsync in `commit` is what makes the file safe.
            let _ = unsafe { libc::sync_file_range(fd, from, len, libc::SYNC_FILE_RANGE_WRITE) };
        }
        self.handed = on_file;
    }

    /// Finishes the file: everything flushed and synced, then put in its place.
    pub fn commit(mut self) -> io::Result<()> {
        use std::io::Write;
        self.out.flush()?;
        let Some((temp, target)) = self.rename.take() else {
            return Ok(());
        };
        let done = self
            .out
            .get_ref()
            .sync_all()
            .and_then(|()| fs::rename(&temp, &target));
        if done.is_err() {
            let _ = fs::remove_file(&temp);
        }
        done?;
        if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
            let _ = sync_dir(folder);
        }
        Ok(())
    }
}

impl io::Write for PrivateFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.out.write(buf)?;
        self.written += written as u64;
        self.write_behind();
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Drop for PrivateFile {
    /// A file never committed leaves no temporary behind.
    fn drop(&mut self) {
        if let Some((temp, _)) = &self.rename {
            let _ = fs::remove_file(temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A file larger than several write-behind spans, written in uneven pieces, arrives whole,
    /// private, in its place, with no temporary left.
    #[test]
    fn a_large_stream_arrives_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.md");
        fs::write(&path, "an earlier export").unwrap();
        let piece: Vec<u8> = (0..=250u8).cycle().take(777_777).collect();
        let mut file = PrivateFile::create(&path).unwrap();
        let mut expected = Vec::new();
        while expected.len() < 3 * WRITE_BEHIND as usize {
            file.write_all(&piece).unwrap();
            file.write_all(b"\n").unwrap();
            expected.extend_from_slice(&piece);
            expected.push(b'\n');
        }
        file.commit().unwrap();
        assert!(fs::read(&path).unwrap() == expected);
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the export is left");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, FILE_MODE);
        }
    }
}
