//! The guide as data: the pack model, where packs come from, and the checks that load them.
//!
//! No IO beyond reading the pack folder; the default pack is embedded in the binary.

mod glossary;
mod model;
pub mod placeholder;
mod problem;
mod profile;
mod raw;
mod source;
mod tools;
mod validate;
pub mod words;

pub use glossary::{OFF_GLOSSARY, off_glossary};
pub use model::*;
pub use placeholder::{
    BadNaming, CustomPronouns, MAX_NAME_CHARS, MAX_PRONOUN_CHARS, Naming, PronounSet, clean_name,
};
pub use problem::{Problem, Problems, line_column};
pub use profile::*;
pub use source::{PackSource, SourceFile};
pub use tools::*;
pub use validate::{Rules, load, load_with};

/// The default pack, built into the binary, loaded with the rules the workbook needs to run.
pub fn default_guide() -> Result<Guide, Problems> {
    load_with(&PackSource::embedded(), Rules::Running)
}

/// The default pack held to every rule, as `content check` does.
pub fn check_default_guide() -> Result<Guide, Problems> {
    load(&PackSource::embedded())
}

/// The pack at `dir`, or every problem found in it.
pub fn load_dir(dir: &std::path::Path) -> Result<Guide, Problems> {
    let source = PackSource::from_dir(dir).map_err(Problems)?;
    load(&source)
}
