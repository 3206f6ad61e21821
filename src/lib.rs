//! rekindle: a calm, private terminal workbook for deciding whether, and how, to reconnect with an
//! ex, and for healing when the answer is no.

pub mod bounded;
pub mod cli;
pub mod config;
pub mod content;
pub mod engine;
pub mod export;
pub mod export_place;
pub mod own_editor;
pub mod plain;
pub mod store;
pub mod tui;
pub mod visible;
