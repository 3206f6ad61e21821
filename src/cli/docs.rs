//! `rekindle completions SHELL` and `rekindle man`: generated from the same command definition
//! that parses the command line, so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, CliError};

/// Prints the completion script for `shell`; `--step` completes to the built-in guide's step ids.
pub fn completions(shell: Shell) -> Result<ExitCode, CliError> {
    let ids: Vec<String> = crate::content::default_guide()
        .map(|guide| guide.steps.iter().map(|step| step.id.clone()).collect())
        .unwrap_or_default();
    let mut command = with_step_ids(Cli::command(), &ids);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "rekindle", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page (roff), for `rekindle man > rekindle.1`: rekindle's own page, then the
/// page of each command it names (`rekindle-journal(1)`, `rekindle-journal-add(1)`, ...), one
/// after the other, so every page it points to is there.
pub fn man() -> Result<ExitCode, CliError> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut out = Vec::new();
    render_pages(&command, &mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `command`'s page, then its commands' pages, depth first.
fn render_pages(command: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    clap_mangen::Man::new(command.clone()).render(out)?;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        render_pages(sub, out)?;
    }
    Ok(())
}

/// `command` with every `--step` option, in it and its subcommands, offering `ids`.
fn with_step_ids(command: clap::Command, ids: &[String]) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    let mut command = command.mut_args(|arg| {
        if arg.get_id() == "step" {
            arg.value_parser(clap::builder::PossibleValuesParser::new(ids.to_vec()))
        } else {
            arg
        }
    });
    for name in names {
        command = command.mut_subcommand(name, |sub| with_step_ids(sub, ids));
    }
    command
}
