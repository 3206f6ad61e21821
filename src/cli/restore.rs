//! `rekindle restore FILE [--replace]`: a backup brought back into an empty data folder.
//!
//! The whole file is read and checked before anything is touched. A folder that already holds a
//! workbook is refused, or with `--replace` moved aside whole under a dated name; nothing is
//! ever deleted. Every file is then written through the store (atomic saves, private modes)
//! while holding its lock, in the store's commit order: the months, the journey, the drafts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::Local;

use crate::bounded::{IMPORT_LIMIT, read_regular};
use crate::export::{Backup, read_backup};
use crate::store::{Access, LockWait, Store, StoreError, aside_name, made_here, move_aside};
use crate::visible::visible;

use super::session::{WRITER_WAIT, data_dir};
use std::os::unix::fs::DirBuilderExt;

use super::{Cli, CliError};

/// Restores `file` into the data folder, moving a non-empty one aside when `replace`.
pub fn run(
    cli: &Cli,
    file: &Path,
    replace: bool,
    passphrase_file: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let (backup, was_encrypted) = read(file, passphrase_file)?;
    let dir = data_dir(cli)?;
    let was_encrypted = was_encrypted || crate::store::keyring::is_encrypted(&dir);
    let there = made_here(&dir)?;
    let mut out = std::io::stdout().lock();
    if !there.is_empty() {
        if !replace {
            return Err(not_empty(file, &dir, &there));
        }
        let stamp = Local::now().format("%Y-%m-%d-%H%M").to_string();
        // A data folder that is a link keeps its link: the folder it leads to is moved aside
        // beside itself and made again, empty.
        let linked = std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink());
        let real = if linked {
            std::fs::canonicalize(&dir).map_err(|e| {
                CliError::Other(format!(
                    "cannot follow the link {}: {e}. Nothing was restored.",
                    dir.display()
                ))
            })?
        } else {
            dir.clone()
        };
        let aside = aside_name(&real, &stamp);
        move_aside(&real, &aside, LockWait::ForACommand(WRITER_WAIT)).map_err(|e| {
            CliError::Other(format!(
                "{}. Nothing was restored and the data folder was not changed.",
                locked_hint(e)
            ))
        })?;
        if linked {
            std::fs::DirBuilder::new()
                .mode(0o700)
                .create(&real)
                .map_err(|e| {
                    CliError::Other(format!(
                        "the old folder was moved aside to {}, but {} could not be made again: \
                         {e}. Nothing was restored.",
                        aside.display(),
                        real.display()
                    ))
                })?;
        }
        writeln!(
            out,
            "Moved the data folder that was there, whole, to {}",
            visible(&aside.display().to_string())
        )?;
    }
    let store = Store::open_waiting(&dir, Access::ReadWrite, LockWait::ForACommand(WRITER_WAIT))
        .map_err(|e| CliError::Other(format!("{}. Nothing was restored.", locked_hint(e))))?;
    let there = made_here(&dir)?;
    if !there.is_empty() {
        return Err(not_empty(file, &dir, &there));
    }
    write_all(&store, &backup).map_err(|e| {
        CliError::Other(format!(
            "the restore stopped part way: {e}. What was written so far is in {}; once the \
             problem is fixed, run `rekindle restore {} --replace` (that folder is then kept \
             aside, not deleted).",
            dir.display(),
            file.display()
        ))
    })?;
    writeln!(
        out,
        "Restored {} from {} (backed up {}) into {}",
        super::backup::contents(
            backup.journey.is_some(),
            backup.drafts.is_some(),
            backup.entries()
        ),
        visible(&file.display().to_string()),
        backup.made.with_timezone(&Local).format("%Y-%m-%d %H:%M"),
        visible(&dir.display().to_string())
    )?;
    if was_encrypted {
        writeln!(
            out,
            "The restored folder is not encrypted yet: run `rekindle encrypt` to encrypt it."
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The whole backup, read and checked, and whether it was encrypted; a refusal names the file
/// and what is wrong where.
fn read(file: &Path, passphrase_file: Option<&Path>) -> Result<(Backup, bool), CliError> {
    let bytes = read_regular(file, IMPORT_LIMIT).map_err(|e| {
        CliError::Other(format!(
            "cannot restore {}: {e}. Nothing was changed.",
            file.display()
        ))
    })?;
    let sealed = crate::store::codec::is_sealed(&bytes);
    let bytes = if sealed {
        open_sealed(file, &bytes, passphrase_file)?
    } else {
        bytes
    };
    let backup = read_backup(&bytes).map_err(|e| {
        CliError::Other(format!(
            "{}: {e}. Nothing was restored and the data folder was not changed.",
            file.display()
        ))
    })?;
    Ok((backup, sealed))
}

/// The plain bytes of an encrypted backup, opened with its passphrase.
fn open_sealed(
    file: &Path,
    bytes: &[u8],
    passphrase_file: Option<&Path>,
) -> Result<Vec<u8>, CliError> {
    let passphrase = match passphrase_file {
        Some(path) => super::passphrase::from_file(path)?,
        None => {
            super::passphrase::ask_once("Passphrase of this backup: ", "--backup-passphrase-file")?
        }
    };
    let identity = age::scrypt::Identity::new(passphrase.as_str().to_owned().into());
    age::decrypt(&identity, bytes).map_err(|_| {
        CliError::Other(format!(
            "that passphrase does not open the backup {} (or the file is damaged). Nothing was \
             restored and the data folder was not changed.",
            file.display()
        ))
    })
}

/// The refusal of a folder that already holds a workbook: what is there, and what `--replace`
/// would do.
fn not_empty(file: &Path, dir: &Path, there: &[String]) -> CliError {
    let stamp = Local::now().format("%Y-%m-%d-%H%M").to_string();
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    CliError::Other(format!(
        "the data folder {} is not empty (it holds {}), so nothing was restored and nothing \
         there was changed. To restore over it, run `rekindle restore {} --replace`: the folder \
         is kept whole beside it as {} and a new one is made from the backup.",
        dir.display(),
        there.join(", "),
        file.display(),
        aside_name(&real, &stamp).display()
    ))
}

/// A store error, with what to do when the workbook is open elsewhere.
fn locked_hint(error: StoreError) -> String {
    match error {
        locked @ StoreError::Locked { .. } => {
            format!("{locked}; quit the workbook there first")
        }
        other => other.to_string(),
    }
}

/// Writes every part through the store, in its commit order: the months, the journey, the drafts.
fn write_all(store: &Store, backup: &Backup) -> Result<(), StoreError> {
    store.save_months(&backup.months)?;
    if let Some(journey) = &backup.journey {
        store.save_journey(journey)?;
    }
    if let Some(drafts) = &backup.drafts {
        store.save_drafts(drafts)?;
    }
    Ok(())
}
