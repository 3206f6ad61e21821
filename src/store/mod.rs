//! The data directory: a writer's lock, atomic saves with a `.bak` of the previous version, schema
//! checks, private file modes, and clear errors for damaged files, which are never overwritten.
//!
//! Layout of a data directory:
//! ```text
//! <dir>/.lock                 who holds the workbook open for writing (plain text, never a link)
//! <dir>/journey.json          progress, answers, settings (may be a link to an existing file)
//! <dir>/drafts.json           text being typed, written only when a draft changed
//! <dir>/journal/2026-11.json  one file per month of journal entries
//! <dir>/journal/.index.json   counts, order and outside ids per month, rebuilt when stale
//! <dir>/inbox/*.json          words not yet in their place, one small file each
//! <dir>/editing/             text handed to the user's own editor, only when the machine has
//!                             no memory-backed folder for it (see [`scratch`]); removed after
//! <file>.bak                  the previous good version of each of the files above
//! <dir>/key.age               only in an encrypted folder: its key, wrapped with the passphrase
//!                             (see [`keyring`]); every file above is then age ciphertext
//! ```
//!
//! Every name rekindle makes here is also known to `erase.rs` (deleting everything deletes only
//! a folder holding nothing else): a new kind of file must be added there too.
//!
//! # The commit order
//! A change that touches several files writes them in one order, each file whole (temp file,
//! fsync, rename, fsync of the folder) before the next begins:
//! 1. **The words first.** What the user saved goes to an inbox record, or straight to its month
//!    file, and is on disk before anything says "saved".
//! 2. **Then where they belong**: the journal months, then `journey.json`.
//! 3. **Then what only refers to them**: `drafts.json` (a draft cleared because its text is now
//!    saved) is written only after every month and the journey before it succeeded, and an
//!    inbox record is removed only after that.
//!
//! So any prefix of a save that a crash leaves still holds every word: at worst a word is in two
//! places (a month and its inbox record, or an answer and its draft), and the next opener files
//! the inbox by id, so nothing is doubled. A save that fails leaves the files it did not get to
//! as they were, and is tried again.
//!
//! # What is trusted
//! - A file that does not read is never saved over; a newer schema is never downgraded.
//! - Temporary files have names only rekindle makes (`.rekindle-tmp.<file>.<pid>.<n>.<random>.partial`);
//!   nothing else is ever removed.
//! - The lock is opened without following links. `journey.json` and month files may be links to
//!   files that exist (the user linked them on purpose); a link to nothing is refused, so no file
//!   is ever made outside the data folder by following one.
//! - Fields this build does not know are kept through a save.
//! - A data folder is never deleted: a restore over one moves it aside whole (`restore.rs`).
//!
//! Nothing here touches the network or the terminal.

pub mod codec;
mod convert;
mod drafts;
mod erase;
mod error;
mod inbox;
mod index;
mod journal;
mod journey;
pub mod keyring;
mod lock;
mod month_stream;
mod open;
mod paths;
mod private;
mod read;
mod restore;
pub mod scratch;
mod write;

pub use convert::Converted;
pub use erase::{
    CONFIRM_WORD, ErasePlan, Erased, KEEP_A_COPY_FIRST, KEEP_A_COPY_HERE, is_confirmation, survey,
};
pub use error::StoreError;
pub use inbox::{Found, INBOX_SCHEMA, Inbox, InboxItem, InboxRecord};
pub use index::{JournalSummary, MonthSummary, Stamp};
pub use journal::{JournalLoad, MonthBatch, MonthToSave, SetAside};
pub use lock::{LockHolder, LockWait};
pub use month_stream::MonthEntries;
pub use open::{Access, Store};
pub use paths::default_data_dir;
pub use private::{PrivateFile, write_private_file};
pub use restore::{aside_name, made_here, move_aside};
