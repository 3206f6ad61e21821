//! `rekindle backup [-o FILE]`: everything in the data folder that a person made, as one file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, Utc};
use clap::Args;

use crate::config::Config;
use crate::content::words;
use crate::export::BackupWriter;
use crate::export_place::{export_folder, free_path};
use crate::store::PrivateFile;
use crate::visible::visible;

use super::export_target;
use super::session::data_dir;
use super::{Cli, CliError, Session};

/// `rekindle backup` options.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup to this file (replaced if it exists); a relative name goes in
    /// `export_folder` when the settings give one. Without it, a dated name not yet taken in
    /// the export folder (or your documents folder, or home).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Encrypt the backup with a passphrase of its own (asked twice, not shown), so it can be
    /// kept or moved without anyone else reading it; `restore` asks for it.
    #[arg(long)]
    pub encrypt: bool,
    /// With --encrypt: read the backup's passphrase from FILE (only you may read it).
    #[arg(long, value_name = "FILE", requires = "encrypt")]
    pub backup_passphrase_file: Option<PathBuf>,
}

/// How the backup file is written.
enum Sealed {
    /// Plain JSON.
    Plain,
    /// age, to this passphrase (scrypt).
    Passphrase(super::passphrase::Passphrase),
}

/// What a finished backup holds, for the line that says where it went.
struct Written {
    journey: bool,
    drafts: bool,
    entries: usize,
}

/// What a backup holds, in words: "your journey, drafts and 3 journal entries".
pub(super) fn contents(journey: bool, drafts: bool, entries: usize) -> String {
    let mut parts = Vec::new();
    if journey {
        parts.push("your journey".to_string());
    }
    if drafts {
        parts.push("drafts".to_string());
    }
    parts.push(words::count(entries, "journal entry", "journal entries"));
    words::listed(&parts)
}

/// Writes the backup and says where it went.
pub fn run(cli: &Cli, args: &BackupArgs, config: &Config) -> Result<ExitCode, CliError> {
    let path = match &args.output {
        Some(path) => match &config.export_folder {
            Some(folder) if path.is_relative() => folder.path().join(path),
            _ => path.clone(),
        },
        None => {
            let stem = format!("rekindle-backup-{}", Local::now().format("%Y-%m-%d"));
            free_path(&export_folder(config), &stem, "json")
        }
    };
    export_target::check(&path, &data_dir(cli)?, "back up").map_err(CliError::Other)?;
    let sealed = if args.encrypt {
        eprintln!(
            "The backup gets a passphrase of its own (it may be the same as your workbook's). \
             Without it the backup cannot be opened: it cannot be recovered."
        );
        Sealed::Passphrase(super::passphrase::new_one(
            args.backup_passphrase_file.as_deref(),
            "--backup-passphrase-file",
        )?)
    } else {
        Sealed::Plain
    };
    let written = write_backup(cli, &path, &sealed)?;
    let what = contents(written.journey, written.drafts, written.entries);
    let shown = visible(&path.display().to_string()).into_owned();
    let mut out = std::io::stdout().lock();
    match sealed {
        Sealed::Plain => writeln!(
            out,
            "Backed up {what} to {shown}\n\
             It is plain text, not encrypted: anyone who has the file can read it, so keep it \
             somewhere safe (or use --encrypt). Bring it back with `rekindle restore FILE`. Your \
             settings file (theme, keys, idle lock; `rekindle config --path` says where) is not \
             in it: copy it yourself if you want it on the other computer too.",
        )?,
        Sealed::Passphrase(_) => writeln!(
            out,
            "Backed up {what}, encrypted with the backup's passphrase, to {shown}\n\
             Bring it back with `rekindle restore FILE`; it asks for that passphrase. Your \
             settings file (theme, keys, idle lock) is not in it.",
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What goes into a backup.
struct Parts<'a> {
    journey: Option<&'a crate::engine::Journey>,
    drafts: Option<&'a crate::engine::Drafts>,
    months: Vec<crate::engine::MonthKey>,
}

/// Writes the backup document into `out`, a month at a time; returns `out` and how many
/// entries went in. Stops, with an error, when part of the workbook could not be read.
fn fill<W: Write>(
    out: W,
    session: &mut Session,
    parts: Parts<'_>,
    cannot: &impl Fn(std::io::Error) -> CliError,
) -> Result<(W, usize), CliError> {
    let mut writer =
        BackupWriter::begin(out, Utc::now(), parts.journey, parts.drafts).map_err(cannot)?;
    for key in parts.months {
        let month = session.read_month_file(key)?;
        writer.month(&month).map_err(cannot)?;
    }
    let warnings = session.warnings();
    if !warnings.is_empty() {
        return Err(CliError::Other(format!(
            "no backup was written, because part of the workbook could not be read:\n{}\n\
             Restore or move what it names (each damaged file has a .bak beside it), then back \
             up again.",
            warnings.join("\n")
        )));
    }
    let (_, entries) = writer.counts();
    Ok((writer.finish().map_err(cannot)?, entries))
}

/// Streams the backup into `path`, a month at a time, and puts it in place only when every part
/// was read; a month, drafts or inbox record that could not be read stops it with nothing
/// written, since a backup that quietly lacked them would not be one.
fn write_backup(cli: &Cli, path: &Path, sealed: &Sealed) -> Result<Written, CliError> {
    let cannot = |e: std::io::Error| {
        CliError::Other(format!(
            "cannot write {}: {e}. No backup was written.",
            path.display()
        ))
    };
    let (mut session, months) = Session::open_month_by_month(cli)?;
    let has_journey = std::fs::symlink_metadata(session.store.journey_file()).is_ok();
    let has_drafts = std::fs::symlink_metadata(session.store.drafts_file()).is_ok()
        || !session.book.drafts.texts.is_empty();
    if !has_journey && !has_drafts && months.is_empty() {
        return Err(CliError::Other(format!(
            "there is nothing to back up in {}: it holds no workbook (no journey.json, no \
             journal months). No backup was written; is --data-dir (or REKINDLE_DATA_DIR) \
             the folder you meant?",
            session.store.dir().display()
        )));
    }
    let journey = session.book.journey.clone();
    let drafts = session.book.drafts.clone();
    let file = PrivateFile::create(path).map_err(cannot)?;
    let parts = Parts {
        journey: has_journey.then_some(&journey),
        drafts: has_drafts.then_some(&drafts),
        months,
    };
    let (file, entries) = match sealed {
        Sealed::Plain => fill(file, &mut session, parts, &cannot)?,
        Sealed::Passphrase(passphrase) => {
            let recipient = crate::store::keyring::passphrase_recipient(passphrase);
            let stream =
                age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                    .map_err(|e| cannot(std::io::Error::other(e.to_string())))?
                    .wrap_output(file)
                    .map_err(cannot)?;
            let (stream, entries) = fill(stream, &mut session, parts, &cannot)?;
            (stream.finish().map_err(cannot)?, entries)
        }
    };
    file.commit().map_err(cannot)?;
    Ok(Written {
        journey: has_journey,
        drafts: has_drafts,
        entries,
    })
}
