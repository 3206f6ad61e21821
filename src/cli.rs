//! The command line: what each command takes, and running it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::content::{self, Guide, Problems};

/// rekindle: a calm, private workbook for deciding whether, and how, to reconnect with an ex.
#[derive(Debug, Parser)]
#[command(name = "rekindle", version, about)]
pub struct Cli {
    /// Where your journey and journal are kept (default: your user data folder).
    #[arg(long, global = true, env = "REKINDLE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Use the guide pack in DIR instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Show no colour (also when NO_COLOR is set).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// What to do; with none, the workbook opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands besides opening the workbook.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Work with guide packs.
    #[command(subcommand)]
    Content(ContentCommand),
}

/// `rekindle content ...`
#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check a pack (default: the one in use) and list every problem with its file, line and column.
    Check {
        /// The pack folder to check.
        dir: Option<PathBuf>,
    },
}

/// Runs the parsed command line; errors go to stderr and give exit code 1.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        None => {
            println!(
                "rekindle: the workbook screens are not built yet; try `rekindle content check` \
                 or `rekindle --help`."
            );
            ExitCode::SUCCESS
        }
        Some(Command::Content(ContentCommand::Check { dir })) => {
            content_check(dir.as_ref().or(cli.content.as_ref()))
        }
    }
}

/// The guide in use: `--content DIR` or the built-in pack.
pub fn load_guide(content_dir: Option<&PathBuf>) -> Result<Guide, Problems> {
    match content_dir {
        Some(dir) => content::load_dir(dir),
        None => content::default_guide(),
    }
}

fn content_check(dir: Option<&PathBuf>) -> ExitCode {
    let origin = dir.map_or("the built-in guide".to_string(), |d| {
        d.display().to_string()
    });
    match load_guide(dir) {
        Ok(guide) => {
            let s = guide.summary();
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "{origin}: {} v{} is fine\n  {} paths, {} steps, {} prompts, {} checklists ({} items), {} checks, {} pages",
                guide.title,
                guide.version,
                s.paths,
                s.steps,
                s.prompts,
                s.checklists,
                s.checklist_items,
                s.checks,
                s.pages
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            let mut err = std::io::stderr().lock();
            for problem in problems.iter() {
                let file = dir.map_or(problem.file.clone(), |d| {
                    d.join(&problem.file).display().to_string()
                });
                let shown = format!(
                    "{file}:{}:{}: {}",
                    problem.line, problem.column, problem.message
                );
                let _ = writeln!(err, "{shown}");
            }
            let n = problems.len();
            let _ = writeln!(
                err,
                "{origin}: {n} problem{}",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}
