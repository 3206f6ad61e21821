//! `rekindle steps`: every step id with its title, path by path, as `--step` takes them; and the
//! answer to an unknown step id anywhere.

use std::io::Write;
use std::process::ExitCode;

use crate::content::Guide;
use crate::visible::visible;

use super::session::load_guide;
use super::{Cli, CliError};

/// Prints the step ids and titles of the guide in use.
pub fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
    writeln!(std::io::stdout().lock(), "{}", visible(&listing(&guide)))?;
    Ok(ExitCode::SUCCESS)
}

/// The steps of every path, one per line: id, then title.
pub fn listing(guide: &Guide) -> String {
    let width = guide
        .steps
        .iter()
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for path in &guide.paths {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("{} ({}):", path.title, path.id));
        for step in guide.steps_of(path) {
            lines.push(format!("  {:<width$}  {}", step.id, step.title));
        }
    }
    lines.join("\n")
}

/// What to say about a step id the guide does not have: that, and the ones it has.
pub fn unknown(guide: &Guide, id: &str) -> String {
    format!(
        "there is no step `{id}` in this guide. The step ids are:\n{}",
        listing(guide)
    )
}
