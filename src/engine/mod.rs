//! The step engine: the journey, the journal, gates, the no-contact count, and `apply` for every
//! change. Pure: no terminal, no disk; the clock is passed in.

mod action;
mod apply;
mod checks;
mod concern;
mod contact_log;
mod journal;
mod journey;
mod mood;
mod no_contact;
mod response;
mod situation;
mod status;
mod time;
mod urge;

pub use action::Action;
pub use apply::{EngineError, Outcome, REGION_KEY, Workbook, apply};
pub use checks::last_message;
pub use concern::*;
pub use contact_log::*;
pub use journal::*;
pub use journey::*;
pub use mood::*;
pub use no_contact::*;
pub use response::*;
pub use situation::situations;
pub use status::*;
pub use time::{Calendar, Now};
pub use urge::*;
