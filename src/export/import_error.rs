//! Why a file could not be imported, in words the user can act on.

use crate::content::words::ordinal;
use crate::engine::Invalid;

use super::import::ImportFormat;

/// The formats `import` accepts, for messages.
pub(super) const ACCEPTED: &str = "rekindle's own JSON export (rekindle export --format json), \
     jrnl's JSON export (jrnl --export json) and tui-journal's JSON export";

/// A file that could not be imported. Nothing is imported when any entry is bad.
///
/// The messages name the entry and may quote its words; whoever prints them shows them through
/// [`crate::visible`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The bytes are not JSON at all.
    #[error(
        "this file is not JSON: {message} (line {line}, column {column}). Accepted: {ACCEPTED}"
    )]
    NotJson {
        /// Line of the first problem, from 1.
        line: usize,
        /// Column of the first problem, from 1.
        column: usize,
        /// What the parser found.
        message: String,
    },
    /// JSON, but not a journal in any format we know.
    #[error("this JSON is not a journal export rekindle can read. Accepted: {ACCEPTED}")]
    UnknownShape,
    /// Our own export, from a newer rekindle.
    #[error(
        "this export was written by a newer rekindle (format version {0}); update rekindle to \
         import it"
    )]
    NewerVersion(u64),
    /// The file has the shape of a known format but a part of it is missing or wrong.
    #[error("this {format} cannot be read: {reason}")]
    BadFile {
        /// The format it was taken for.
        format: ImportFormat,
        /// What is wrong.
        reason: String,
    },
    /// An entry's date or time cannot be read.
    #[error(
        "the {} entry of this {format} has a date that cannot be read ({value:?}): {reason}",
        ordinal(*entry as u64)
    )]
    BadDate {
        /// The format it was taken for.
        format: ImportFormat,
        /// The entry's position in the file, from 1.
        entry: usize,
        /// The date as written.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An entry reads well but holds what rekindle cannot keep (see [`crate::engine::check_entry`]).
    #[error(
        "the {} entry of this {format} ({about}) cannot be imported: its {problem}",
        ordinal(*entry as u64)
    )]
    Invalid {
        /// The format it was taken for.
        format: ImportFormat,
        /// The entry's position in the file, from 1.
        entry: usize,
        /// Its id (from a rekindle export) and first words, to find it by.
        about: String,
        /// What is wrong, and in which field.
        problem: Invalid,
    },
    /// An entry is missing a field or has one of the wrong kind.
    #[error(
        "the {} entry of this {format} cannot be read: {reason}",
        ordinal(*entry as u64)
    )]
    BadEntry {
        /// The format it was taken for.
        format: ImportFormat,
        /// The entry's position in the file, from 1.
        entry: usize,
        /// What is wrong.
        reason: String,
    },
}
