//! The data directory: a writer's lock, atomic saves with a `.bak` of the previous version, schema
//! checks, private file modes, and clear errors for damaged files, which are never overwritten.
//!
//! Layout of a data directory:
//! ```text
//! <dir>/.lock              who holds the workbook open for writing
//! <dir>/journey.json       progress (may be a symlink; saves write through it)
//! <dir>/journey.json.bak   the previous good version
//! <dir>/journal/2026-11.json  one file per month of journal entries (+ .bak)
//! ```
//! Nothing here touches the network or the terminal.

pub mod codec;
mod drafts;
mod error;
mod inbox;
mod journal;
mod journey;
mod lock;
mod open;
mod paths;
mod private;
mod read;
mod write;

pub use error::StoreError;
pub use inbox::{Found, INBOX_SCHEMA, Inbox, InboxItem, InboxRecord};
pub use journal::{JournalLoad, SetAside};
pub use lock::LockHolder;
pub use open::{Access, Store};
pub use paths::default_data_dir;
pub use private::write_private_file;
