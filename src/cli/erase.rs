//! `rekindle delete-everything`: the whole data folder deleted, after a typed confirmation on
//! the terminal (or `--yes`), and only while no other window has the workbook open.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;

use crate::store::{
    CONFIRM_WORD, KEEP_A_COPY_FIRST, LockWait, Store, StoreError, is_confirmation, survey,
};
use crate::visible::visible;

use super::session::{WRITER_WAIT, data_dir};
use super::{Cli, CliError};

/// `rekindle delete-everything` options.
#[derive(Debug, Args)]
pub struct EraseArgs {
    /// Do not ask: delete at once (for scripts; without it, the command asks on the terminal
    /// and refuses when there is none).
    #[arg(long)]
    pub yes: bool,
}

/// Runs `rekindle delete-everything`.
pub fn run(cli: &Cli, args: &EraseArgs) -> Result<ExitCode, CliError> {
    let dir = data_dir(cli)?;
    let shown = visible(&dir.display().to_string()).into_owned();
    let Some(plan) = survey(&dir)? else {
        println!("There is nothing to delete: {shown} does not exist.");
        return Ok(ExitCode::SUCCESS);
    };
    if !plan.foreign.is_empty() {
        return Err(StoreError::NotOurs {
            dir,
            names: plan.foreign,
        }
        .into());
    }
    let store =
        Store::open_to_erase(&dir, LockWait::ForACommand(WRITER_WAIT)).map_err(explain_lock)?;
    let mut err = std::io::stderr().lock();
    if !args.yes {
        writeln!(
            err,
            "This deletes {shown} and everything in it: {}. It cannot be undone.\n\n\
             {KEEP_A_COPY_FIRST}\n",
            plan.describe()
        )?;
        if !std::io::stdin().is_terminal() {
            return Err(CliError::Other(format!(
                "nothing was deleted: not run in a terminal, so there is no one to ask. Add --yes \
                 to delete {shown} without asking"
            )));
        }
        write!(
            err,
            "Type {CONFIRM_WORD} and press Enter to delete it all; anything else keeps everything: "
        )?;
        err.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !is_confirmation(&answer) {
            writeln!(err, "Nothing was deleted; everything is as it was.")?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    drop(err);
    let erased = store.erase()?;
    drop(store);
    println!("{}", visible(&erased.report()));
    if let Some(config) = super::settings::config_path(cli)
        .ok()
        .filter(|c| c.path.exists())
    {
        println!("{}", crate::config::left_after_erase(&config.path));
    }
    Ok(ExitCode::SUCCESS)
}

/// A locked workbook, said for this command.
fn explain_lock(error: StoreError) -> CliError {
    match error {
        StoreError::Locked { dir, holder } => {
            let who = holder.map_or("another rekindle".to_string(), |h| format!("rekindle {h}"));
            CliError::Other(format!(
                "the workbook in {} is open in another window ({who}), so nothing was deleted. \
                 Close it there first (or delete from its settings screen), then try again.",
                dir.display()
            ))
        }
        other => other.into(),
    }
}
