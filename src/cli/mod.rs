//! The command line: what each command takes, and running it. `main` only parses and calls `run`.

mod backup;
mod content;
pub mod dates;
mod docs;
mod encryption;
mod erase;
mod export;
mod export_target;
mod import;
mod journal;
mod journal_list;
mod passphrase;
mod restore;
mod session;
mod set;
pub mod settings;
mod status;
pub mod steps;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use passphrase::{Passphrase, unlock_if_needed};
pub use session::{CliError, EntryPlace, FOLD_AT, Session, WAIT_FROM_BYTES, data_dir};

/// How `--help` ends: what the exit codes mean.
const EXIT_CODES: &str = "Exit codes: 0 done; 1 something went wrong (the message on stderr says \
what); 2 the command line was not understood (a misspelt option, a bad date, an unknown step id).";

/// rekindle: a calm, private workbook for deciding whether, and how, to reconnect with an ex.
#[derive(Debug, Parser)]
#[command(name = "rekindle", version, about, propagate_version = true, after_help = EXIT_CODES)]
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
    /// Read settings from FILE (default: config.toml in your user config folder).
    #[arg(long, global = true, env = "REKINDLE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When the data folder is encrypted, read its passphrase from the first line of FILE
    /// instead of asking (the file must be readable by you alone).
    #[arg(
        long,
        global = true,
        env = "REKINDLE_PASSPHRASE_FILE",
        value_name = "FILE"
    )]
    pub passphrase_file: Option<PathBuf>,
    /// Open the workbook for reading only, for example while another window has it open;
    /// nothing is saved from this window.
    #[arg(long)]
    pub read_only: bool,
    /// Talk in plain numbered questions and answers, one line at a time, for a screen reader
    /// or a pipe: no cursor movement, no colour, no redraws. Chosen by itself when standard
    /// output is not a terminal or TERM=dumb.
    #[arg(long)]
    pub plain: bool,
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
    /// Export your journal (and answers) to read, print or keep; to move everything, use backup.
    Export(export::ExportArgs),
    /// Bring in entries from a rekindle JSON export, jrnl's JSON export or tui-journal's JSON.
    Import {
        /// The file to import, or `-` to read it from stdin.
        file: PathBuf,
    },
    /// Write everything you made to one file, to keep or to move to another computer.
    ///
    /// Your journey (answers, ticks, moods, no contact, slips, urge pauses, contact log, the
    /// promise written when no contact began), every journal month and your drafts, as one JSON
    /// document. It is plain text, which anyone who has the file can read, unless you give
    /// --encrypt (then it has a passphrase of its own, asked by `restore`).
    Backup(backup::BackupArgs),
    /// Bring a backup back into an empty data folder (--replace sets a full one aside).
    Restore {
        /// The backup file (from `rekindle backup`).
        file: PathBuf,
        /// When the data folder already holds a workbook: move it aside whole, as
        /// `<folder>-before-restore-<date>-<time>`, and restore into a new one.
        #[arg(long)]
        replace: bool,
        /// For an encrypted backup: read its passphrase from FILE (only you may read it)
        /// instead of asking.
        #[arg(long, value_name = "FILE")]
        backup_passphrase_file: Option<PathBuf>,
    },
    /// Work with guide packs.
    #[command(subcommand)]
    Content(content::ContentCommand),
    /// List the step ids (for --step) with their titles, path by path.
    Steps,
    /// Check your settings file, show where it is, or print one with every setting.
    Config(settings::ConfigArgs),
    /// Show your settings, or change them: their name (or "your ex"), pronouns, region,
    /// theme, idle lock.
    Settings(set::SettingsArgs),
    /// Encrypt your data folder with a passphrase (asked twice, not shown), file by file.
    ///
    /// Every file becomes unreadable without the passphrase; from then on rekindle asks for it
    /// before opening. A forgotten passphrase cannot be recovered. If it stops half-way, run it
    /// again to finish.
    Encrypt,
    /// Turn encryption off: every file back to plain text, the key removed.
    Decrypt,
    /// Change the passphrase of an encrypted data folder.
    Passphrase(encryption::PassphraseArgs),
    /// Delete the whole data folder: journey, journal, drafts, inbox and their .bak copies. Asks first.
    DeleteEverything(erase::EraseArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `rekindle man > ~/.local/share/man/man1/rekindle.1`.
    Man,
}

/// Runs the parsed command line: data to stdout, errors to stderr with exit code 1 (2 for a
/// request the command line cannot make, such as an unknown step id). Errors can
/// quote paths and text from files, so they are shown in their visible form.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(&cli) {
        Ok(code) => code,
        Err(error) => {
            let message = match &error {
                CliError::Engine(crate::engine::EngineError::UnknownStep(id)) => {
                    session::load_guide(cli.content.as_ref())
                        .map_or(error.to_string(), |guide| steps::unknown(&guide, id))
                }
                _ => error.to_string(),
            };
            eprintln!("rekindle: {}", crate::visible::visible(&message));
            // 2 for what the command line asked (as clap does for a misspelt option), else 1.
            match error {
                CliError::Usage(_)
                | CliError::Engine(crate::engine::EngineError::UnknownStep(_)) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
        }
    }
}

/// Runs the command. Those that read the workbook read the settings first, and a settings file
/// with a problem stops them before anything opens.
fn dispatch(cli: &Cli) -> Result<ExitCode, CliError> {
    let config = match &cli.command {
        Some(Command::Content(command)) => return content::run(cli, command),
        Some(Command::Steps) => return steps::run(cli),
        Some(Command::Config(args)) => return settings::run(cli, args),
        Some(Command::DeleteEverything(args)) => return erase::run(cli, args),
        Some(Command::Completions { shell }) => return docs::completions(*shell),
        Some(Command::Man) => return docs::man(),
        Some(Command::Restore {
            file,
            replace,
            backup_passphrase_file,
        }) => return restore::run(cli, file, *replace, backup_passphrase_file.as_deref()),
        Some(Command::Encrypt) => return encryption::encrypt(cli),
        Some(Command::Decrypt) => return encryption::decrypt(cli),
        Some(Command::Passphrase(args)) => return encryption::change(cli, args),
        _ => settings::load(cli)?,
    };
    // The workbook has its own unlock screen; every other way in (plain mode among them) asks
    // here, on the terminal without echo, or reads --passphrase-file.
    if cli.command.is_some() || crate::plain::wanted(cli) {
        passphrase::unlock_if_needed(cli, &session::data_dir(cli)?)?;
    }
    match &cli.command {
        None if crate::plain::wanted(cli) => crate::plain::run(cli),
        None => crate::tui::run::open_workbook(cli, &config),
        Some(Command::Status { json, short }) => status::run(cli, *json, *short),
        Some(Command::Journal(command)) => journal::run(cli, command, &config),
        Some(Command::Export(args)) => export::run(cli, args, &config),
        Some(Command::Import { file }) => import::run(cli, file),
        Some(Command::Backup(args)) => backup::run(cli, args, &config),
        Some(Command::Settings(args)) => set::run(cli, args, &config),
        Some(_) => unreachable!("handled above"),
    }
}

/// True when colour is off: `--no-color`, or `NO_COLOR` set to anything non-empty.
pub fn no_color(cli: &Cli) -> bool {
    cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
