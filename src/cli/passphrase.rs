//! Getting a passphrase: on the terminal without echo, or from `--passphrase-file FILE` (which
//! must be private to its owner), and unlocking an encrypted data folder with it.

use std::fs;
use std::io::{self, IsTerminal};
use std::path::Path;

use crate::store::keyring;
use crate::visible::visible;

use super::{Cli, CliError};

/// A passphrase in memory, wiped when dropped.
pub type Passphrase = zeroize::Zeroizing<String>;

/// Shortest passphrase `encrypt` and `passphrase` accept.
const MIN_CHARS: usize = 8;

/// Unlocks the data folder `dir` for this process when it is encrypted and not yet unlocked:
/// the passphrase from `--passphrase-file`, or asked on the terminal. A wrong one changes
/// nothing.
pub fn unlock_if_needed(cli: &Cli, dir: &Path) -> Result<(), CliError> {
    if !keyring::is_encrypted(dir) || keyring::is_unlocked(dir) {
        return Ok(());
    }
    let passphrase = current(cli, "Passphrase for your rekindle data: ")?;
    keyring::unlock(dir, &passphrase)?;
    Ok(())
}

/// The passphrase the folder has now: from `--passphrase-file`, else asked once.
pub fn current(cli: &Cli, prompt: &str) -> Result<Passphrase, CliError> {
    match &cli.passphrase_file {
        Some(file) => from_file(file),
        None => ask(prompt, "--passphrase-file"),
    }
}

/// A new passphrase: from `file` when given, else asked twice on the terminal (`option` is the
/// option that gives the file, named when there is no terminal). Refuses one shorter than
/// eight characters, or two that differ.
pub fn new_one(file: Option<&Path>, option: &str) -> Result<Passphrase, CliError> {
    let passphrase = match file {
        Some(file) => from_file(file)?,
        None => {
            let first = ask("New passphrase: ", option)?;
            check_length(&first)?;
            let second = ask("The same passphrase again: ", option)?;
            if first != second {
                return Err(CliError::Other(
                    "the two passphrases differ; nothing was changed".into(),
                ));
            }
            first
        }
    };
    check_length(&passphrase)?;
    Ok(passphrase)
}

fn check_length(passphrase: &str) -> Result<(), CliError> {
    if passphrase.chars().count() < MIN_CHARS {
        return Err(CliError::Other(format!(
            "a passphrase needs at least {MIN_CHARS} characters (a few words you will remember \
             work well); nothing was changed"
        )));
    }
    Ok(())
}

/// Asks once on the terminal without showing what is typed.
pub fn ask_once(prompt: &str, option: &str) -> Result<Passphrase, CliError> {
    ask(prompt, option)
}

/// Asks on the terminal without showing what is typed.
fn ask(prompt: &str, option: &str) -> Result<Passphrase, CliError> {
    if !io::stdin().is_terminal() && !io::stderr().is_terminal() {
        return Err(CliError::Other(format!(
            "there is no terminal to ask the passphrase on; give it with {option} FILE (a file \
             only you can read)"
        )));
    }
    let typed = rpassword::prompt_password(prompt).map_err(|e| {
        CliError::Other(format!(
            "could not read the passphrase from the terminal: {e}"
        ))
    })?;
    Ok(Passphrase::new(typed))
}

/// The first line of `file`, refusing a file that its group or others may read.
pub fn from_file(file: &Path) -> Result<Passphrase, CliError> {
    let shown = visible(&file.display().to_string()).into_owned();
    let meta = fs::metadata(file)
        .map_err(|e| CliError::Other(format!("could not read the passphrase file {shown}: {e}")))?;
    if !meta.is_file() {
        return Err(CliError::Other(format!(
            "the passphrase file {shown} is not a file"
        )));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(CliError::Other(format!(
                "the passphrase file {shown} can be read by others (mode {mode:03o}); make it \
                 yours alone with `chmod 600`, then try again. Nothing was read"
            )));
        }
    }
    let text = Passphrase::new(fs::read_to_string(file).map_err(|e| {
        CliError::Other(format!("could not read the passphrase file {shown}: {e}"))
    })?);
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(CliError::Other(format!(
            "the passphrase file {shown} is empty"
        )));
    }
    Ok(Passphrase::new(line.to_string()))
}
