//! The step engine: the journey, the journal, gates, the no-contact count, and `apply` for every
//! change. Pure: no terminal, no disk; the clock is passed in.

mod journal;
mod journey;
mod no_contact;
mod time;

pub use journal::*;
pub use journey::*;
pub use no_contact::*;
pub use time::{Calendar, Now};
