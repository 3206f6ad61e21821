//! `rekindle import FILE` (or `-` for stdin): all or nothing, in bounded memory.
//!
//! The file is read twice rather than held: the first reading checks every entry and keeps only
//! a count and a fingerprint per month (see [`ImportTally`]); nothing is written unless every
//! entry passed and every month it adds to can be read. The second reading hands on each
//! month's entries as soon as its last one is read, and that month is merged with its file and
//! saved at once; the index is brought up to date after the last month. Text from stdin is first
//! spooled to a private file with no name, so it can be read twice: in the data folder, or in
//! memory when the folder is encrypted.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::Local;

use crate::bounded::{IMPORT_LIMIT, open_regular, read_regular};
use crate::engine::{JOURNAL_SCHEMA, JournalEntry, JournalMonth, MonthKey};
use crate::export::{
    ImportTally, Imported, MonthGatherer, MonthMerge, import as import_bytes, reread_stream,
    tally_stream,
};
use crate::store::{MonthBatch, Store, StoreError};
use crate::visible::visible;

use super::{Cli, CliError, Session};

/// Where the export comes from.
enum Source<'a> {
    /// A file named on the command line.
    File(&'a Path),
    /// Stdin, spooled to a private file with no name.
    Spooled(File),
}

impl Source<'_> {
    /// What to call it in messages.
    fn name(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Spooled(_) => "stdin".to_string(),
        }
    }

    /// A reader from its beginning.
    fn reader(&self) -> Result<Box<dyn Read + '_>, String> {
        match self {
            Source::File(path) => open_regular(path, IMPORT_LIMIT)
                .map(|file| Box::new(file) as Box<dyn Read>)
                .map_err(|e| e.to_string()),
            Source::Spooled(file) => {
                let mut file = file.try_clone().map_err(|e| e.to_string())?;
                file.rewind().map_err(|e| e.to_string())?;
                Ok(Box::new(file))
            }
        }
    }

    /// Its bytes, whole: for another tool's file, or to say what is wrong with one.
    fn bytes(&self) -> Result<Vec<u8>, String> {
        match self {
            Source::File(path) => read_regular(path, IMPORT_LIMIT).map_err(|e| e.to_string()),
            Source::Spooled(_) => {
                let mut bytes = Vec::new();
                self.reader()?
                    .read_to_end(&mut bytes)
                    .map_err(|e| e.to_string())?;
                Ok(bytes)
            }
        }
    }
}

/// What the first reading found.
enum Checked {
    /// A rekindle export, to be read again as a stream.
    Streamed(ImportTally),
    /// Another tool's file, read whole (they are small), with its tally.
    Whole(Imported, ImportTally),
}

impl Checked {
    fn tally(&self) -> &ImportTally {
        match self {
            Checked::Streamed(tally) | Checked::Whole(_, tally) => tally,
        }
    }
}

/// Imports `file` (`-`: stdin) into the journal and prints a summary.
pub fn run(cli: &Cli, file: &Path) -> Result<ExitCode, CliError> {
    let (session, source) = if file == Path::new("-") {
        if std::io::stdin().is_terminal() {
            return Err(CliError::Other(
                "import - reads an export from stdin: pipe one in (rekindle import - < FILE), \
                 or name the file. Nothing was imported."
                    .to_string(),
            ));
        }
        let session = open(cli)?;
        let spooled = spool_stdin(session.store.dir()).map_err(|e| {
            CliError::Other(format!("cannot read stdin: {e}. Nothing was imported."))
        })?;
        (Some(session), Source::Spooled(spooled))
    } else {
        (None, Source::File(file))
    };
    let name = source.name();
    let refused = |e: String| CliError::Other(format!("{name}: {e}. Nothing was imported."));
    let checked = check(&source).map_err(|e| match e {
        Unread::Cannot(e) => {
            CliError::Other(format!("cannot import {name}: {e}. Nothing was imported."))
        }
        Unread::Refused(e) => refused(e),
    })?;
    let session = match session {
        Some(session) => session,
        None => open(cli)?,
    };
    let format = checked.tally().format;
    let mut merge = MonthMerge::new(format);
    note_journal(&session.store, checked.tally(), &mut merge)?;

    let mut writer = MonthWriter {
        store: &session.store,
        batch: session.store.month_batch(),
        merge,
    };
    let written = writer.write_all(&source, checked);
    let summary = writer.merge.summary();
    if let Err(e) = written {
        let saved: Vec<String> = writer.batch.saved().map(|k| k.to_string()).collect();
        let kept = match saved.len() {
            0 => "Nothing was imported.".to_string(),
            _ => format!(
                "What was imported into {} before this is kept there.",
                saved.join(", ")
            ),
        };
        return Err(CliError::Other(format!("{name}: {e}. {kept}")));
    }
    writer.batch.finish()?;
    let renamed = match summary.renamed {
        0 => String::new(),
        n => format!(
            "; {} kept under a new id, as theirs was taken by other words",
            crate::content::words::count(n, "entry", "entries")
        ),
    };
    writeln!(
        std::io::stdout().lock(),
        "Imported {} from {format} ({} already there, skipped{renamed})",
        crate::content::words::count(summary.added, "entry", "entries"),
        summary.skipped_duplicates
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the data folder to write, with what waits in the inbox filed; a workbook open
/// elsewhere refuses the import.
fn open(cli: &Cli) -> Result<Session, CliError> {
    Session::open_filed(cli).map_err(|e| match e {
        CliError::Store(locked @ StoreError::Locked { .. }) => CliError::Other(format!(
            "{locked}. Nothing was imported: quit the workbook there, then run the import again."
        )),
        e => e,
    })
}

/// Copies stdin (at most the import limit) to a private file with no name: in the data folder
/// `dir`, or, when that folder is encrypted, in memory, so the export's words are never written
/// unencrypted to its disk.
fn spool_stdin(dir: &Path) -> std::io::Result<File> {
    let mut spool = if crate::store::keyring::is_encrypted(dir) {
        memory_file()?
    } else {
        tempfile::tempfile_in(dir)?
    };
    let copied = std::io::copy(
        &mut std::io::stdin().lock().take(IMPORT_LIMIT + 1),
        &mut spool,
    )?;
    if copied > IMPORT_LIMIT {
        return Err(std::io::Error::other(format!(
            "it is larger than {} MiB, the most rekindle reads here",
            IMPORT_LIMIT >> 20
        )));
    }
    Ok(spool)
}

/// A file with no name that lives in memory only (Linux's `memfd_create`).
fn memory_file() -> std::io::Result<File> {
    use std::os::fd::FromRawFd;
    // SAFETY: the name is a valid C string; the descriptor returned is new and owned here only.
    let fd = unsafe { libc::memfd_create(c"rekindle-import".as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `fd` is a freshly made descriptor that nothing else owns.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// Why the first reading stopped.
enum Unread {
    /// The file could not be read at all.
    Cannot(String),
    /// It was read, and refused: what is wrong, and where.
    Refused(String),
}

/// The first reading: every entry checked, nothing kept but the tally (and, for another
/// tool's file, its entries).
fn check(source: &Source) -> Result<Checked, Unread> {
    let streamed = source.reader().ok().and_then(tally_stream);
    match streamed {
        Some(Ok(tally)) => Ok(Checked::Streamed(tally)),
        Some(Err(e)) => Err(Unread::Refused(e.to_string())),
        None => {
            let bytes = source.bytes().map_err(Unread::Cannot)?;
            let imported =
                import_bytes(&bytes, &Local).map_err(|e| Unread::Refused(e.to_string()))?;
            let tally = ImportTally::of(&imported);
            Ok(Checked::Whole(imported, tally))
        }
    }
}

/// Notes every month of the journal in `merge`, one at a time; refuses (with nothing written)
/// when a month the file has entries for cannot be read.
fn note_journal(
    store: &Store,
    tally: &ImportTally,
    merge: &mut MonthMerge,
) -> Result<(), CliError> {
    let wanted: BTreeSet<MonthKey> = tally.months().collect();
    let mut unreadable = Vec::new();
    for key in store.journal_months()? {
        match store.load_month(key) {
            Ok(Some(month)) => merge.note_month(key, &month.entries),
            Ok(None) => {}
            Err(_) if wanted.contains(&key) => {
                unreadable.push(store.month_file(key).display().to_string());
            }
            Err(_) => {}
        }
    }
    if unreadable.is_empty() {
        return Ok(());
    }
    Err(CliError::Other(format!(
        "nothing was imported: {} could not be read, and the import has entries for it. \
         Restore or move it first.",
        visible(&unreadable.join(", "))
    )))
}

/// The second reading: each month merged with its file and saved as soon as it is whole.
struct MonthWriter<'a> {
    store: &'a Store,
    batch: MonthBatch<'a>,
    merge: MonthMerge,
}

impl MonthWriter<'_> {
    fn write_all(&mut self, source: &Source, checked: Checked) -> Result<(), String> {
        match checked {
            Checked::Whole(imported, tally) => {
                let mut gather = tally.gatherer();
                for entry in imported.entries {
                    self.take(&mut gather, entry)?;
                }
                gather.finish().map_err(|e| e.to_string())
            }
            Checked::Streamed(tally) => {
                let mut gather = tally.gatherer();
                let reader = source.reader()?;
                match reread_stream(reader, |entry| self.take(&mut gather, entry)) {
                    Some(read) => read?,
                    None => return Err("the file changed while it was being imported".into()),
                }
                gather.finish().map_err(|e| e.to_string())
            }
        }
    }

    /// Takes the next entry of the file; writes its month when it was that month's last.
    fn take(&mut self, gather: &mut MonthGatherer, entry: JournalEntry) -> Result<(), String> {
        match gather.push(entry).map_err(|e| e.to_string())? {
            Some((key, entries)) => self.write_month(key, entries).map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    /// Merges one month of the file with that month's file and saves it, when anything is new.
    fn write_month(
        &mut self,
        key: MonthKey,
        incoming: Vec<JournalEntry>,
    ) -> Result<(), StoreError> {
        let mut month = self.store.load_month(key)?.unwrap_or_else(|| JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries: Vec::new(),
            extra: Default::default(),
        });
        let newcomers = self.merge.merge_month(&month.entries, incoming);
        if newcomers.is_empty() {
            return Ok(());
        }
        month.schema = JOURNAL_SCHEMA;
        month.entries.extend(newcomers);
        month
            .entries
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        self.batch.save(&month)
    }
}
