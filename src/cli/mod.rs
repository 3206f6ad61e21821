//! The command line: what each command takes, and running it. `main` only parses and calls `run`.

mod content;
mod export;
mod export_target;
mod journal;
mod journal_list;
mod session;
mod status;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use session::{CliError, Session};

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
    /// Open the workbook for reading only, for example while another window has it open;
    /// nothing is saved from this window.
    #[arg(long)]
    pub read_only: bool,
    /// What to do; with none, the workbook opens where you left off.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands besides opening the workbook.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Where you are, what is next, the no-contact count and your journal, on one screen.
    Status {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Print one short line for a shell prompt: mood trend, no-contact day, next step.
        #[arg(long, conflicts_with = "json")]
        short: bool,
    },
    /// Write in or read your journal.
    #[command(subcommand)]
    Journal(journal::JournalCommand),
    /// Export your journal (and answers) to stdout or a file.
    Export(export::ExportArgs),
    /// Bring in entries from a rekindle JSON export, jrnl's JSON export or tui-journal's JSON.
    Import {
        /// The file to import.
        file: PathBuf,
    },
    /// Work with guide packs.
    #[command(subcommand)]
    Content(content::ContentCommand),
}

/// Runs the parsed command line: data to stdout, errors to stderr with exit code 1. Errors can
/// quote paths and text from files, so they are shown in their visible form.
pub fn run(cli: Cli) -> ExitCode {
    let result = match &cli.command {
        None => crate::tui::run::open_workbook(&cli),
        Some(Command::Status { json, short }) => status::run(&cli, *json, *short),
        Some(Command::Journal(command)) => journal::run(&cli, command),
        Some(Command::Export(args)) => export::run(&cli, args),
        Some(Command::Import { file }) => export::import(&cli, file),
        Some(Command::Content(command)) => content::run(&cli, command),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("rekindle: {}", crate::visible::visible(&error.to_string()));
            ExitCode::from(1)
        }
    }
}

/// True when colour is off: `--no-color`, or `NO_COLOR` set to anything non-empty.
pub fn no_color(cli: &Cli) -> bool {
    cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
