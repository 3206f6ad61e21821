//! `rekindle export` and `rekindle import FILE`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate, Utc};
use clap::Args;

use crate::bounded::{IMPORT_LIMIT, read_regular};
use crate::config::Config;
use crate::export::{
    ExportFilter, Format, add_planned, export, export_for_counsellor, import as import_bytes,
    plan_merge,
};
use crate::store::{Access, write_private_file};
use crate::visible::visible;

use super::dates::parse_date;
use super::export_target;
use super::session::save_months;
use super::{Cli, CliError, Session};

/// `rekindle export` options.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// md, json, txt or html.
    #[arg(long, short, default_value = "md", value_parser = parse_format)]
    pub format: Format,
    /// Only entries on or after this local date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only entries on or before this local date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Only entries (and answers) of this step (`rekindle steps` lists the ids).
    #[arg(long)]
    pub step: Option<String>,
    /// Write to this file instead of stdout; a relative name goes in `export_folder` when the
    /// settings give one.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Pages to share with a counsellor (md or html): entries, answers, moods and slips.
    #[arg(long)]
    pub for_counsellor: bool,
    /// With --for-counsellor: only these entries (ids as `journal add` prints them).
    #[arg(
        long,
        value_name = "ID,ID...",
        value_delimiter = ',',
        requires = "for_counsellor"
    )]
    pub entries: Option<Vec<String>>,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format `{name}`; use md, json, txt or html"))
}

/// Writes the export to stdout or `-o FILE`.
pub fn run(cli: &Cli, args: &ExportArgs, config: &Config) -> Result<ExitCode, CliError> {
    let session = Session::open(cli, Access::ReadOnly)?;
    for warning in session.warnings() {
        eprintln!("{}", visible(&warning));
    }
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        return Err(CliError::Other(format!(
            "--since {since} is after --until {until}"
        )));
    }
    if let Some(step) = &args.step
        && session.guide.step(step).is_none()
    {
        return Err(CliError::Other(super::steps::unknown(&session.guide, step)));
    }
    let output = args
        .output
        .as_ref()
        .map(|path| match &config.export_folder {
            Some(folder) if path.is_relative() => folder.path().join(path),
            _ => path.clone(),
        });
    if let Some(target) = &output {
        export_target::check(target, session.store.dir()).map_err(CliError::Other)?;
    }
    let filter = ExportFilter {
        since: args.since,
        until: args.until,
        step: args.step.clone(),
    };
    let text = if args.for_counsellor {
        let ids: Option<Vec<String>> = args.entries.as_ref().map(|ids| {
            ids.iter()
                .map(|id| id.trim().to_string())
                .filter(|id| !id.is_empty())
                .collect()
        });
        export_for_counsellor(
            args.format,
            &session.book.journal,
            &session.book.journey,
            &session.guide,
            ids.as_deref(),
            &filter,
            &Local,
            Utc::now(),
        )
        .map_err(|e| CliError::Other(e.to_string()))?
    } else {
        export(
            args.format,
            &session.book.journal,
            Some(&session.book.journey),
            &session.guide,
            &filter,
            &Local,
            Utc::now(),
        )
    };
    match &output {
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
        Some(path) => {
            write_private_file(path, text.as_bytes())
                .map_err(|e| CliError::Other(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("Exported to {}", visible(&path.display().to_string()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Imports a file into the journal and prints a summary.
///
/// All or nothing: the whole file is read, checked and planned (every entry valid, every month
/// it adds to readable) before anything is written; a refusal names the file and the entry.
pub fn import(cli: &Cli, file: &Path) -> Result<ExitCode, CliError> {
    let bytes = read_regular(file, IMPORT_LIMIT).map_err(|e| {
        CliError::Other(format!(
            "cannot import {}: {e}. Nothing was imported.",
            file.display()
        ))
    })?;
    let imported = import_bytes(&bytes, &Local)
        .map_err(|e| CliError::Other(format!("{}: {e}. Nothing was imported.", file.display())))?;
    let format = imported.format;
    let mut session = Session::open(cli, Access::ReadWrite).map_err(|e| match e {
        CliError::Store(locked @ crate::store::StoreError::Locked { .. }) => CliError::Other(
            format!("{locked}. Nothing was imported: quit the workbook there, then run the import again."),
        ),
        e => e,
    })?;
    let plan = plan_merge(&session.book.journal, imported);
    let mut months: Vec<_> = plan.newcomers.iter().map(|e| e.month()).collect();
    months.sort();
    months.dedup();
    let set_aside: Vec<String> = session
        .set_aside
        .iter()
        .filter(|s| {
            months
                .iter()
                .any(|m| s.file == session.store.month_file(*m))
        })
        .map(|s| s.file.display().to_string())
        .collect();
    if !set_aside.is_empty() {
        return Err(CliError::Other(format!(
            "nothing was imported: {} could not be read, and the import has entries for it. \
             Restore or move it first.",
            set_aside.join(", ")
        )));
    }
    let summary = plan.summary;
    add_planned(&mut session.book.journal, plan.newcomers);
    if summary.added > 0 {
        save_months(&session.store, &session.book.journal, &months)?;
    }
    let renamed = match summary.renamed {
        0 => String::new(),
        n => format!("; {n} kept under a new id, as theirs was taken by other words"),
    };
    writeln!(
        std::io::stdout().lock(),
        "Imported {} entr{} from {format} ({} already there, skipped{renamed})",
        summary.added,
        if summary.added == 1 { "y" } else { "ies" },
        summary.skipped_duplicates
    )?;
    Ok(ExitCode::SUCCESS)
}
