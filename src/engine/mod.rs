//! The step engine: the journey, the journal, gates, the no-contact count, and `apply` for every
//! change. Pure: no terminal, no disk; the clock is passed in.

mod action;
mod apply;
mod checks;
mod concern;
mod contact_log;
mod corrections;
mod drafts;
mod journal;
mod journal_de;
mod journal_ids;
mod journey;
mod kept_month;
mod mood;
mod no_contact;
mod packed_month;
mod response;
pub mod search;
mod situation;
mod status;
mod tags;
mod time;
pub mod undo;
mod undo_label;
mod urge;
pub mod validate;

pub use action::Action;
pub use apply::{EngineError, Outcome, REGION_KEY, Workbook, apply, edited_entry, prepare_entry};
pub use checks::last_message;
pub use concern::*;
pub use contact_log::*;
pub use drafts::*;
pub use journal::*;
pub use journey::*;
pub use kept_month::SharedMonth;
pub use mood::*;
pub use no_contact::*;
pub use packed_month::PackedMonth;
pub use response::*;
pub use situation::situations;
pub use status::*;
pub use tags::{entry_tags, hashtags, normal_tag};
pub use time::{Calendar, Now};
pub use undo::{AfterApply, Prepared, UndoRecord, UndoStack};
pub use urge::*;
pub use validate::{Invalid, check_entry, check_journey, check_month};
