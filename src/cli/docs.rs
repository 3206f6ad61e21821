//! `rekindle completions SHELL` and `rekindle man`: generated from the same command definition
//! that parses the command line, so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, CliError};

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<ExitCode, CliError> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "rekindle", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page (roff), for `rekindle man > rekindle.1`.
pub fn man() -> Result<ExitCode, CliError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}
