//! `rekindle export` and `rekindle import FILE`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate, Utc};
use clap::Args;

use crate::config::Config;
use crate::content::{Guide, words};
use crate::engine::Journey;
use crate::export::{ExportFilter, ExportWriter, Format, export_for_counsellor};
use crate::store::{Access, PrivateFile, write_private_file};
use crate::visible::visible;

use super::dates::parse_date;
use super::export_target;
use super::session::{MonthPlan, data_dir, load_guide};
use super::{Cli, CliError, Session};

/// `rekindle export` options.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// md, json, txt or html. md, txt and html are to read, print or keep: entries, answers,
    /// the promise, moods, slips and urge pauses. json holds the journal entries only, for other
    /// tools and `rekindle import`; to move everything to another computer, use `rekindle backup`.
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
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        return Err(CliError::Usage(format!(
            "--since {since} is after --until {until}"
        )));
    }
    if let Some(step) = &args.step {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        if guide.step(step).is_none() {
            return Err(CliError::Usage(super::steps::unknown(&guide, step)));
        }
    }
    let output = args
        .output
        .as_ref()
        .map(|path| match &config.export_folder {
            Some(folder) if path.is_relative() => folder.path().join(path),
            _ => path.clone(),
        });
    if let Some(target) = &output {
        export_target::check(target, &data_dir(cli)?, "export").map_err(CliError::Other)?;
    }
    let filter = ExportFilter {
        since: args.since,
        until: args.until,
        step: args.step.clone(),
    };
    if args.for_counsellor {
        return export_for_counsellor_to(cli, args, output.as_deref(), &filter);
    }
    let (mut session, months) = Session::open_streaming(cli)?;
    let guide = session.guide.clone();
    let journey = session.book.journey.clone();
    let written = match &output {
        None => {
            let stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            stream_export(
                &mut session,
                &months,
                args.format,
                &journey,
                &guide,
                &filter,
                stdout,
            )?;
            None
        }
        Some(path) => {
            let cannot = |e: std::io::Error| {
                CliError::Other(format!(
                    "cannot write {}: {e}. Nothing was exported.",
                    path.display()
                ))
            };
            let file = PrivateFile::create(path).map_err(cannot)?;
            let (file, written) = stream_export(
                &mut session,
                &months,
                args.format,
                &journey,
                &guide,
                &filter,
                file,
            )
            .map_err(|e| match e {
                CliError::Io(e) => cannot(e),
                CliError::Other(why) => CliError::Other(format!("{why} Nothing was exported.")),
                e => e,
            })?;
            file.commit().map_err(cannot)?;
            Some((path, written))
        }
    };
    for warning in session.warnings() {
        eprintln!("{}", visible(&warning));
    }
    if let Some((path, written)) = written {
        eprintln!(
            "Exported {} to {}",
            words::count(written, "entry", "entries"),
            visible(&path.display().to_string())
        );
        plain_notice(cli)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the export to `out` a month at a time, oldest first, and returns the writer and how
/// many entries it holds.
fn stream_export<W: Write>(
    session: &mut Session,
    months: &[MonthPlan],
    format: Format,
    journey: &Journey,
    guide: &Guide,
    filter: &ExportFilter,
    out: W,
) -> Result<(W, usize), CliError> {
    let mut writer = ExportWriter::begin(
        format,
        Some(journey),
        guide,
        filter,
        &Local,
        Utc::now(),
        out,
    )?;
    session.stream_months(months, |entries| Ok(writer.entries(entries)?))?;
    let written = writer.written();
    Ok((writer.finish()?, written))
}

/// The export for a counsellor: chosen entries, read with the whole journal.
fn export_for_counsellor_to(
    cli: &Cli,
    args: &ExportArgs,
    output: Option<&Path>,
    filter: &ExportFilter,
) -> Result<ExitCode, CliError> {
    let session = Session::open(cli, Access::ReadOnly)?;
    for warning in session.warnings() {
        eprintln!("{}", visible(&warning));
    }
    let ids: Option<Vec<String>> = args.entries.as_ref().map(|ids| {
        ids.iter()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .collect()
    });
    let text = export_for_counsellor(
        args.format,
        &session.book.journal,
        &session.book.journey,
        &session.guide,
        ids.as_deref(),
        filter,
        &Local,
        Utc::now(),
    )
    .map_err(|e| CliError::Other(e.to_string()))?;
    match output {
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
        Some(path) => {
            write_private_file(path, text.as_bytes())
                .map_err(|e| CliError::Other(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("Exported to {}", visible(&path.display().to_string()));
            plain_notice(cli)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Says, when the data folder is encrypted, that the file just written is not.
fn plain_notice(cli: &Cli) -> Result<(), CliError> {
    if crate::store::keyring::is_encrypted(&super::session::data_dir(cli)?) {
        eprintln!("This file is not encrypted: anyone who has it can read it.");
    }
    Ok(())
}
