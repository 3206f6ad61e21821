//! A small index of the journal (`journal/.index.json`): per month file, how many entries it holds
//! and its newest entry, whether they are in time order and the range of its ids that are not
//! the month's own, with the file's size and modification time. Commands that need only counts
//! (`status`) read it instead of every month; export reads each month an entry at a time.
//!
//! The months are the truth: an index entry is used only while its month file still has the
//! size and time it records; a missing, stale or damaged index is rebuilt from the months. It is
//! written after the month it describes (the commit order), so a crash between the two leaves it
//! stale, never wrong.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::{Extra, JournalEntry, MonthIds, MonthKey};

use super::codec;
use super::paths::INDEX_FILE;
use super::write::write_new;
use super::{LockWait, Store, StoreError};

/// The schema version written into the index.
pub const INDEX_SCHEMA: u32 = 1;

/// Fewer bytes than the smallest entry a month file can hold (`{"id":"x","created":"…",
/// "text":"x"}` alone is longer).
const SMALLEST_ENTRY_BYTES: u64 = 40;

/// What the index keeps of one month file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSummary {
    /// How many entries the file holds.
    pub entries: usize,
    /// The newest entry's time.
    pub newest: Option<DateTime<Utc>>,
    /// The file's size when summarised.
    pub len: u64,
    /// The file's modification time when summarised, in nanoseconds since 1970.
    pub modified: u128,
    /// Its order and the ids that are not its own, for reading it an entry at a time; `None`
    /// when they do not allow it, or when an older build wrote the summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<MonthIds>,
}

/// The index file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct IndexFile {
    schema: u32,
    months: BTreeMap<String, MonthSummary>,
    #[serde(flatten)]
    extra: Extra,
}

/// The journal as counted from the index (and the months it had to read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalSummary {
    /// Entries in every readable month.
    pub entries: usize,
    /// The newest entry's time.
    pub newest: Option<DateTime<Utc>>,
    /// Month files that could not be read, with why.
    pub set_aside: Vec<(MonthKey, String)>,
}

/// A file's size and modification time (nanoseconds since 1970), to tell whether a summary
/// still describes it.
pub type Stamp = (u64, u128);

/// The stamp of the file at `file` (followed when a link).
fn stamp(file: &Path) -> Option<Stamp> {
    stamp_of(&fs::metadata(file).ok()?)
}

/// The stamp of a file already looked at.
pub(super) fn stamp_of(meta: &fs::Metadata) -> Option<Stamp> {
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

fn summarise(key: MonthKey, file: &Path, entries: &[JournalEntry]) -> Option<MonthSummary> {
    let (len, modified) = stamp(file)?;
    Some(MonthSummary {
        entries: entries.len(),
        newest: entries.iter().map(|e| e.created).max(),
        len,
        modified,
        ids: MonthIds::of(key, entries),
    })
}

impl MonthSummary {
    /// True when it describes a file with `stamp`.
    pub fn describes(&self, stamp: Option<Stamp>) -> bool {
        stamp == Some((self.len, self.modified))
    }
}

impl Store {
    /// Counts the journal: from the index where it still describes a month, from the month
    /// itself where not. A writer saves the index again when it had to read any month.
    pub fn journal_summary(&self) -> Result<JournalSummary, StoreError> {
        let mut index = self.read_index();
        let mut summary = JournalSummary::default();
        let mut changed = false;
        let months = self.journal_months()?;
        index
            .months
            .retain(|name, _| months.iter().any(|m| m.to_string() == *name));
        for key in months {
            let file = self.month_file(key);
            let current = index
                .months
                .get(&key.to_string())
                .filter(|s| stamp(&file) == Some((s.len, s.modified)));
            let month = match current {
                Some(month) => month.clone(),
                None => match self.load_month(key) {
                    Ok(month) => {
                        let entries = month.map(|m| m.entries).unwrap_or_default();
                        let Some(month) = summarise(key, &file, &entries) else {
                            continue;
                        };
                        index.months.insert(key.to_string(), month.clone());
                        changed = true;
                        month
                    }
                    Err(e) => {
                        summary.set_aside.push((key, e.to_string()));
                        continue;
                    }
                },
            };
            summary.entries = summary.entries.saturating_add(month.entries);
            summary.newest = summary.newest.max(month.newest);
        }
        if changed && self.is_writer() {
            self.write_index(&index)?;
        }
        Ok(summary)
    }

    /// What the index says of month `key`, only while it still describes the month's file as it
    /// is on disk (same size and time); `None` when the index is missing, stale or damaged.
    pub fn current_month_summary(&self, key: MonthKey) -> Option<MonthSummary> {
        let file = self.month_file(key);
        self.read_index()
            .months
            .remove(&key.to_string())
            .filter(|s| stamp(&file) == Some((s.len, s.modified)))
    }

    /// What the index says of each month it still describes as the month's file is on disk;
    /// months it does not describe (or all, without an index) are left out. A count is never
    /// more than the file's size could hold, so a damaged index never asks for more room than
    /// the journal could need.
    pub fn current_month_summaries(&self) -> BTreeMap<MonthKey, MonthSummary> {
        self.read_index()
            .months
            .into_iter()
            .filter_map(|(name, mut summary)| {
                let key = MonthKey::parse(&name)?;
                let stamp = stamp(&self.month_file(key))?;
                let could_hold = usize::try_from(summary.len / SMALLEST_ENTRY_BYTES).ok()?;
                summary.entries = summary.entries.min(could_hold);
                (stamp == (summary.len, summary.modified)).then_some((key, summary))
            })
            .collect()
    }

    /// How many entries the index counts, without looking whether it still describes the
    /// months (0 without one): a hint for sizing what holds one thing per entry, never a count
    /// to show.
    ///
    /// Only months the index still describes count, each at most as many entries as its file's
    /// size could hold: a damaged index never asks for more room than the journal could need.
    pub fn indexed_entries_hint(&self) -> usize {
        self.read_index()
            .months
            .iter()
            .filter_map(|(name, m)| {
                let key = MonthKey::parse(name)?;
                let described = stamp(&self.month_file(key)) == Some((m.len, m.modified));
                let could_hold = usize::try_from(m.len / SMALLEST_ENTRY_BYTES).ok()?;
                described.then_some(m.entries.min(could_hold))
            })
            .fold(0, usize::saturating_add)
    }

    /// What the index should say of `month`, just saved as month `key`'s file.
    pub(super) fn summarise_month(
        &self,
        key: MonthKey,
        entries: &[JournalEntry],
    ) -> Option<MonthSummary> {
        summarise(key, &self.month_file(key), entries)
    }

    /// Adds to the index what a reader learnt of months whose summaries an older build wrote
    /// without their ids: each `(month, stamp, ids)` is taken only while the index and the
    /// month's file both still have the stamp the reader saw. Done only when no one else holds
    /// the writer's lock (it never waits); false when it was not done.
    pub fn add_month_ids(&self, learnt: Vec<(MonthKey, Stamp, MonthIds)>) -> bool {
        if learnt.is_empty() {
            return true;
        }
        let Ok(writer) = Store::open_waiting(self.dir(), super::Access::ReadWrite, LockWait::No)
        else {
            return false;
        };
        let mut index = writer.read_index();
        let mut changed = false;
        for (key, seen, ids) in learnt {
            let on_disk = stamp(&writer.month_file(key));
            if let Some(summary) = index.months.get_mut(&key.to_string())
                && summary.ids.is_none()
                && summary.describes(Some(seen))
                && on_disk == Some(seen)
            {
                summary.ids = Some(ids);
                changed = true;
            }
        }
        !changed || writer.write_index(&index).is_ok()
    }

    /// Notes in the index what each month now holds on disk (`None`: nothing known, so the
    /// month is read when next counted); called after they were saved.
    pub(super) fn index_months(
        &self,
        months: Vec<(MonthKey, Option<MonthSummary>)>,
    ) -> Result<(), StoreError> {
        if months.is_empty() {
            return Ok(());
        }
        let mut index = self.read_index();
        for (key, summary) in months {
            match summary {
                Some(summary) => index.months.insert(key.to_string(), summary),
                None => index.months.remove(&key.to_string()),
            };
        }
        self.write_index(&index)
    }

    fn read_index(&self) -> IndexFile {
        let fresh = || IndexFile {
            schema: INDEX_SCHEMA,
            months: BTreeMap::new(),
            extra: Extra::new(),
        };
        let file = self.journal_dir().join(INDEX_FILE);
        fs::read(&file)
            .ok()
            .and_then(|bytes| codec::decode_sealed::<IndexFile>(&bytes, self.sealing()).ok())
            .filter(|index| index.schema == INDEX_SCHEMA)
            .unwrap_or_else(fresh)
    }

    fn write_index(&self, index: &IndexFile) -> Result<(), StoreError> {
        let file = self.journal_dir().join(INDEX_FILE);
        let bytes =
            codec::encode_sealed(index, self.sealing()).map_err(|source| StoreError::Encode {
                file: file.clone(),
                source,
            })?;
        write_new(&file, &bytes)
    }
}
