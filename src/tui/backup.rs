//! The full backup written from the workbook's export screen: the same document as
//! `rekindle backup`, made from what the workbook holds, into the export folder under a dated
//! name no file has yet.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::engine::{Calendar, Workbook};
use crate::export::BackupWriter;
use crate::export_place::free_path;
use crate::store::PrivateFile;

/// Writes a backup of `book` (every month of its journal, oldest first) into `folder`, private
/// and in place only once whole; returns where it went and how many entries it holds.
pub fn write_backup(
    book: &Workbook,
    folder: &Path,
    now: DateTime<Utc>,
    calendar: &dyn Calendar,
) -> Result<(PathBuf, usize), String> {
    let stem = format!("rekindle-backup-{}", calendar.date_of(now));
    let path = free_path(folder, &stem, "json");
    let cannot = |e: std::io::Error| format!("Could not write {}: {e}", path.display());
    let file = PrivateFile::create(&path).map_err(cannot)?;
    let mut writer =
        BackupWriter::begin(file, now, Some(&book.journey), Some(&book.drafts)).map_err(cannot)?;
    let mut months: Vec<_> = book.journal.months().collect();
    months.sort();
    for key in months {
        writer
            .month(&book.journal.month_file(key))
            .map_err(cannot)?;
    }
    let (_, entries) = writer.counts();
    writer.finish().map_err(cannot)?.commit().map_err(cannot)?;
    Ok((path, entries))
}
