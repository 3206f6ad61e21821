//! `rekindle content check [DIR]`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::{Cli, CliError};
use crate::visible::visible;

/// `rekindle content ...`
#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check a pack (default: the one in use) and list every problem with its file, line and column.
    Check {
        /// The pack folder to check.
        dir: Option<PathBuf>,
    },
}

/// Runs a content command.
pub fn run(cli: &Cli, command: &ContentCommand) -> Result<ExitCode, CliError> {
    let ContentCommand::Check { dir } = command;
    let dir = dir.as_ref().or(cli.content.as_ref());
    let origin = dir.map_or("the built-in guide".to_string(), |d| {
        d.display().to_string()
    });
    let checked = match dir {
        Some(dir) => crate::content::load_dir(dir),
        None => crate::content::check_default_guide(),
    };
    match checked {
        Ok(guide) => {
            let s = guide.summary();
            use crate::content::words::count;
            let line = format!(
                "{origin}: {} v{} is fine\n  {}, {}, {}, {} ({}), {}, {}",
                guide.title,
                guide.version,
                count(s.paths, "path", "paths"),
                count(s.steps, "step", "steps"),
                count(s.prompts, "prompt", "prompts"),
                count(s.checklists, "checklist", "checklists"),
                count(s.checklist_items, "item", "items"),
                count(s.checks, "check", "checks"),
                count(s.pages, "page", "pages")
            );
            writeln!(std::io::stdout().lock(), "{}", visible(&line))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            let mut err = std::io::stderr().lock();
            for problem in problems.iter() {
                let file = dir.map_or(problem.file.clone(), |d| {
                    d.join(&problem.file).display().to_string()
                });
                let line = format!(
                    "{file}:{}:{}: {}",
                    problem.line, problem.column, problem.message
                );
                writeln!(err, "{}", visible(&line))?;
            }
            let n = problems.len();
            let line = format!(
                "{origin}: {}",
                crate::content::words::count(n, "problem", "problems")
            );
            writeln!(err, "{}", visible(&line))?;
            Ok(ExitCode::from(1))
        }
    }
}
