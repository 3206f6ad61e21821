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
    let written = write_backup(cli, &path)?;
    writeln!(
        std::io::stdout().lock(),
        "Backed up {} to {}\n\
         It is plain text: anyone who has the file can read it, so keep it somewhere safe. \
         Bring it back with `rekindle restore FILE`. Your settings file (theme, keys, idle \
         lock; `rekindle config --path` says where) is not in it: copy it yourself if you want it \
         on the other computer too.",
        contents(written.journey, written.drafts, written.entries),
        visible(&path.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Streams the backup into `path`, a month at a time, and puts it in place only when every part
/// was read; a month, drafts or inbox record that could not be read stops it with nothing
/// written, since a backup that quietly lacked them would not be one.
fn write_backup(cli: &Cli, path: &Path) -> Result<Written, CliError> {
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
    let mut writer = BackupWriter::begin(
        file,
        Utc::now(),
        has_journey.then_some(&journey),
        has_drafts.then_some(&drafts),
    )
    .map_err(cannot)?;
    for key in months {
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
    writer.finish().map_err(cannot)?.commit().map_err(cannot)?;
    Ok(Written {
        journey: has_journey,
        drafts: has_drafts,
        entries,
    })
}
