//! `rekindle config`: check the settings file, print where it is, or print a commented file with
//! every setting and its default. Also loading the settings for the other commands.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use crate::config::{Config, ConfigPath, DEFAULT_FILE};
use crate::visible::visible;

use super::{Cli, CliError};

/// `rekindle config` options; with none, the settings file is checked.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print a settings file holding every setting with its default, each explained.
    #[arg(long, conflicts_with = "path")]
    pub default: bool,
    /// Print where the settings file is read from.
    #[arg(long)]
    pub path: bool,
}

/// Where the settings come from: `--config`, `REKINDLE_CONFIG`, or the user config folder.
pub fn config_path(cli: &Cli) -> Result<ConfigPath, CliError> {
    ConfigPath::resolve(cli.config.as_deref()).ok_or_else(|| {
        CliError::Other(
            "cannot find your config folder (is HOME set?); name a settings file with --config"
                .to_string(),
        )
    })
}

/// The settings in force; a file with a problem stops the command with its place.
pub fn load(cli: &Cli) -> Result<Config, CliError> {
    let path = config_path(cli)?;
    path.load().map_err(|problem| {
        if !path.path.exists() {
            return CliError::Other(problem.to_string());
        }
        let what_to_do = if problem.line > 1 || problem.column > 1 {
            "Fix that line, or move the file aside to use the defaults"
        } else {
            "Fix the file, or move it aside to use the defaults"
        };
        CliError::Other(format!(
            "{problem}\nrekindle did not start, so that it does not run on half your settings. \
             {what_to_do} (`rekindle config --default` shows every setting)."
        ))
    })
}

/// Runs `rekindle config`.
pub fn run(cli: &Cli, args: &ConfigArgs) -> Result<ExitCode, CliError> {
    let mut out = std::io::stdout().lock();
    if args.default {
        out.write_all(DEFAULT_FILE.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = config_path(cli)?;
    let shown = visible(&path.path.display().to_string()).to_string();
    if args.path {
        writeln!(out, "{shown}")?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Err(problem) = path.load() {
        return Err(CliError::Other(format!(
            "{problem}\nUntil it is fixed, the workbook and its commands do not start. \
             `rekindle config --default` shows every setting with its default."
        )));
    }
    if path.path.exists() {
        writeln!(out, "{shown} is fine")?;
    } else {
        writeln!(
            out,
            "There is no settings file at {shown}, so the defaults are in use. To change them, \
             save the output of `rekindle config --default` there and edit it."
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
