//! `rekindle encrypt`, `rekindle decrypt` and `rekindle passphrase`: turning encryption at rest
//! on and off, and changing the passphrase. Each holds the writer's lock throughout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::store::keyring;
use crate::store::{Access, LockWait, Store};
use crate::visible::visible;

use super::passphrase;
use super::session::{WRITER_WAIT, data_dir};
use super::{Cli, CliError};

/// What cannot be undone about encryption, said before and after turning it on.
pub const NO_RECOVERY: &str = "Keep your passphrase safe: if it is forgotten, nothing can open \
these files again, not even rekindle. There is no way to recover it.";

/// What encryption cannot reach: copies written before it was turned on.
pub const OLDER_COPIES: &str = "Older plain copies may remain: the disk's free space can still \
hold earlier versions of these files until it is written over, and backups or exports made \
before now are plain text. Delete those you no longer need.";

/// `rekindle passphrase` options.
#[derive(Debug, Args)]
pub struct PassphraseArgs {
    /// Read the new passphrase from FILE (only you may be able to read it) instead of asking.
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
}

/// Test hook: stop (as a crash would) after this many files are converted.
const STOP_AFTER: &str = "REKINDLE_TEST_STOP_AFTER_FILES";

/// Runs `rekindle encrypt`: makes the folder's key (or opens it, when a conversion is being
/// finished) and rewrites every file encrypted.
pub fn encrypt(cli: &Cli) -> Result<ExitCode, CliError> {
    let dir = data_dir(cli)?;
    let shown = visible(&dir.display().to_string()).into_owned();
    let resuming = keyring::is_encrypted(&dir);
    let new_passphrase = if resuming {
        eprintln!("{shown} is already encrypted, or was being encrypted: finishing the job.");
        passphrase::unlock_if_needed(cli, &dir)?;
        None
    } else {
        eprintln!("{NO_RECOVERY}\n");
        Some(passphrase::new_one(
            cli.passphrase_file.as_deref(),
            "--passphrase-file",
        )?)
    };
    let mut store =
        Store::open_waiting(&dir, Access::ReadWrite, LockWait::ForACommand(WRITER_WAIT))?;
    if let Some(new_passphrase) = new_passphrase {
        keyring::create_key(&dir, &new_passphrase)?;
        store.refresh_sealing()?;
    }
    let done = convert_all(&store)?;
    println!(
        "Encrypted: {} {} rewritten, {} already encrypted, in {shown}.",
        done.rewritten,
        crate::content::words::noun(done.rewritten, "file", "files"),
        done.already
    );
    println!("From now on rekindle asks for your passphrase before it opens your workbook.");
    println!("\n{NO_RECOVERY}\n\n{OLDER_COPIES}");
    Ok(ExitCode::SUCCESS)
}

/// Runs `rekindle decrypt`: rewrites every file plain, then removes the key.
pub fn decrypt(cli: &Cli) -> Result<ExitCode, CliError> {
    let dir = data_dir(cli)?;
    let shown = visible(&dir.display().to_string()).into_owned();
    if !keyring::is_encrypted(&dir) {
        println!("{shown} is not encrypted; nothing to do.");
        return Ok(ExitCode::SUCCESS);
    }
    passphrase::unlock_if_needed(cli, &dir)?;
    let mut store =
        Store::open_waiting(&dir, Access::ReadWrite, LockWait::ForACommand(WRITER_WAIT))?;
    keyring::write_plain(&dir)?;
    store.refresh_sealing()?;
    let mut done = convert_all(&store)?;
    keyring::remove_key(&dir)?;
    // A `journal add` in another terminal may have sealed an inbox record just before the key
    // went; this store still holds the key to open it.
    done.rewritten += convert_all(&store)?.rewritten;
    println!(
        "Decrypted: {} {} rewritten as plain text in {shown}; the key is removed.",
        done.rewritten,
        crate::content::words::noun(done.rewritten, "file", "files"),
    );
    println!("Anyone who can open that folder can now read everything in it.");
    Ok(ExitCode::SUCCESS)
}

/// Runs `rekindle passphrase`: the key is wrapped again with a new passphrase; no other file
/// changes.
pub fn change(cli: &Cli, args: &PassphraseArgs) -> Result<ExitCode, CliError> {
    let dir = data_dir(cli)?;
    let shown = visible(&dir.display().to_string()).into_owned();
    if !keyring::is_encrypted(&dir) {
        return Err(CliError::Other(format!(
            "{shown} is not encrypted, so it has no passphrase; `rekindle encrypt` sets one"
        )));
    }
    let old = passphrase::current(cli, "Current passphrase: ")?;
    keyring::unlock(&dir, &old)?;
    let _store = Store::open_waiting(&dir, Access::ReadWrite, LockWait::ForACommand(WRITER_WAIT))?;
    let new_passphrase =
        passphrase::new_one(args.new_passphrase_file.as_deref(), "--new-passphrase-file")?;
    keyring::rewrap(&dir, &new_passphrase)?;
    println!("The passphrase is changed; the old one no longer opens {shown}.");
    println!("{NO_RECOVERY}");
    Ok(ExitCode::SUCCESS)
}

/// Converts the folder, and again while a pass still found files to rewrite: `journal add` in
/// another terminal writes inbox records without the lock, in the form it began with.
fn convert_all(store: &Store) -> Result<crate::store::Converted, CliError> {
    let mut hook = stop_hook();
    let mut done = store.convert_files(&mut hook)?;
    loop {
        let again = store.convert_files(&mut hook)?;
        if again.rewritten == 0 {
            return Ok(done);
        }
        done.rewritten += again.rewritten;
    }
}

/// What to call after each converted file: nothing, unless the test hook asks to stop.
fn stop_hook() -> impl FnMut(&Path) {
    let limit = std::env::var(STOP_AFTER)
        .ok()
        .and_then(|n| n.parse::<usize>().ok());
    let mut count = 0;
    move |_file| {
        count += 1;
        if limit == Some(count) {
            std::process::exit(3);
        }
    }
}
