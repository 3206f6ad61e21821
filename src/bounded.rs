//! Reading a file someone named (an import, a pack file) without trusting it: only a regular file
//! is read, and never more than a limit, so a named pipe, a device such as `/dev/zero` or a huge
//! file is refused at once instead of hanging or filling memory.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// One mebibyte.
const MIB: u64 = 1024 * 1024;

/// The most `import` reads: room for a million jrnl entries of about 600 bytes, with their JSON.
pub const IMPORT_LIMIT: u64 = 2048 * MIB;

/// The most read of one file of a guide pack; the built-in pack's largest file is a few KiB.
pub const PACK_FILE_LIMIT: u64 = 4 * MIB;

/// Why a named file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A folder, a named pipe, a device or a socket.
    #[error("it is {0}, not a regular file")]
    NotAFile(&'static str),
    /// Larger than the limit for this kind of file.
    #[error("it is larger than {} MiB, the most rekindle reads here", .limit / MIB)]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The file could not be opened or read.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// The bytes of `path` (links followed), when it is a regular file of at most `limit` bytes.
///
/// The kind is checked before opening, since opening a named pipe waits for a writer, and again
/// on the open file; the read itself stops past `limit`, whatever the file claims its size is.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    check(&fs::metadata(path)?, limit)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    check(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opens the regular file at `path` for reading as a stream of at most `limit` bytes (one more
/// than that, so a reader can tell the file grew past it), with the same checks as
/// [`read_regular`].
pub fn open_regular(path: &Path, limit: u64) -> Result<io::Take<File>, ReadError> {
    check(&fs::metadata(path)?, limit)?;
    let file = File::open(path)?;
    check(&file.metadata()?, limit)?;
    Ok(file.take(limit.saturating_add(1)))
}

fn check(meta: &Metadata, limit: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind(meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(())
}

/// What a file that is not a regular one is, in words.
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_refused_without_reading() {
        let error = read_regular(Path::new("/dev/zero"), 10).unwrap_err();
        assert_eq!(error.to_string(), "it is a device, not a regular file");
    }

    #[test]
    fn a_file_past_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big");
        fs::write(&file, [b'x'; 11]).unwrap();
        assert!(matches!(
            read_regular(&file, 10),
            Err(ReadError::TooLarge { limit: 10 })
        ));
        assert_eq!(read_regular(&file, 11).unwrap().len(), 11);
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotAFile("a folder"))
        ));
    }
}
