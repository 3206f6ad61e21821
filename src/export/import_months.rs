//! An import read twice instead of held whole: the first reading checks every entry and counts
//! what each month gets; the second hands on each month's entries as soon as its last one has
//! been read, so memory holds one month at a time (for a file in date order, as every export
//! is; a file whose months are interleaved holds the months it has begun).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use crate::engine::{JournalEntry, MonthKey};

use super::import::{ImportFormat, Imported, checked_entry};
use super::import_error::ImportError;
use super::json;

/// What the first reading of an import found: how many entries each month gets, and a
/// fingerprint of them to tell that the second reading sees the same ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTally {
    /// The tool that wrote the file.
    pub format: ImportFormat,
    months: BTreeMap<MonthKey, MonthTally>,
}

/// One month's count and fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct MonthTally {
    entries: usize,
    fingerprint: u64,
}

impl MonthTally {
    fn add(&mut self, entry: &JournalEntry) {
        let mut hasher = FxHasher::default();
        self.fingerprint.hash(&mut hasher);
        (&entry.id, entry.created, entry.edited, &entry.text).hash(&mut hasher);
        (&entry.step, entry.mood, &entry.tags, entry.extra.len()).hash(&mut hasher);
        self.fingerprint = hasher.finish();
        self.entries += 1;
    }
}

impl ImportTally {
    fn new(format: ImportFormat) -> Self {
        Self {
            format,
            months: BTreeMap::new(),
        }
    }

    /// The tally of entries already read whole (another tool's file).
    pub fn of(imported: &Imported) -> Self {
        let mut tally = Self::new(imported.format);
        for entry in &imported.entries {
            tally.add(entry);
        }
        tally
    }

    fn add(&mut self, entry: &JournalEntry) {
        self.months.entry(entry.month()).or_default().add(entry);
    }

    /// The months the file has entries for, oldest first.
    pub fn months(&self) -> impl Iterator<Item = MonthKey> + '_ {
        self.months.keys().copied()
    }

    /// How many entries the file holds.
    pub fn entries(&self) -> usize {
        self.months.values().map(|m| m.entries).sum()
    }

    /// Gathers the entries of a second reading into whole months (see [`MonthGatherer`]).
    pub fn gatherer(&self) -> MonthGatherer {
        MonthGatherer {
            expected: self.months.clone(),
            pending: FxHashMap::default(),
        }
    }
}

/// Checks a rekindle export read as a stream (see [`super::import_stream`]), keeping only the
/// tally: every entry must pass [`crate::engine::check_entry`], or an error names the first
/// that does not. `None` when the file does not read cleanly this way; read it whole with
/// [`super::import`], which says what is wrong.
pub fn tally_stream(reader: impl std::io::Read) -> Option<Result<ImportTally, ImportError>> {
    let format = ImportFormat::Rekindle;
    let mut tally = ImportTally::new(format);
    let mut n = 0;
    let read = json::stream_entries(reader, |entry| {
        n += 1;
        checked_entry(format, n, &entry)?;
        tally.add(&entry);
        Ok(())
    })?;
    Some(read.map(|()| tally))
}

/// Reads a rekindle export again as a stream (the second reading of an import), handing each
/// entry to `each` in file order; `None` when it no longer reads cleanly.
pub fn reread_stream<E>(
    reader: impl std::io::Read,
    each: impl FnMut(JournalEntry) -> Result<(), E>,
) -> Option<Result<(), E>> {
    json::stream_entries(reader, each)
}

/// The second reading did not find what the first one counted: the file changed in between.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the file changed while it was being imported (month {month} no longer holds what was checked)"
)]
pub struct ChangedMeanwhile {
    /// The first month found different.
    pub month: MonthKey,
}

/// Collects the entries of an import's second reading, in file order, and hands on each
/// month's entries once its last one has arrived, after checking they are the ones the first
/// reading counted.
#[derive(Debug)]
pub struct MonthGatherer {
    expected: BTreeMap<MonthKey, MonthTally>,
    pending: FxHashMap<MonthKey, (Vec<JournalEntry>, MonthTally)>,
}

impl MonthGatherer {
    /// Takes the next entry; returns its month's entries, in file order, when it was the last.
    pub fn push(
        &mut self,
        entry: JournalEntry,
    ) -> Result<Option<(MonthKey, Vec<JournalEntry>)>, ChangedMeanwhile> {
        let month = entry.month();
        let changed = ChangedMeanwhile { month };
        let expected = *self.expected.get(&month).ok_or(changed.clone())?;
        let (entries, seen) = self.pending.entry(month).or_default();
        seen.add(&entry);
        entries.push(entry);
        if seen.entries < expected.entries {
            return Ok(None);
        }
        if *seen != expected {
            return Err(changed);
        }
        self.expected.remove(&month);
        let (entries, _) = self.pending.remove(&month).unwrap_or_default();
        Ok(Some((month, entries)))
    }

    /// Ends the second reading: an error when a month counted in the first never completed.
    pub fn finish(self) -> Result<(), ChangedMeanwhile> {
        match self.expected.keys().next() {
            Some(&month) => Err(ChangedMeanwhile { month }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, created: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            created: created.parse().unwrap(),
            edited: None,
            text: format!("words of {id}"),
            step: None,
            mood: None,
            tags: Vec::new(),
            extra: Default::default(),
        }
    }

    fn tally(entries: &[JournalEntry]) -> ImportTally {
        ImportTally::of(&Imported {
            format: ImportFormat::Rekindle,
            entries: entries.to_vec(),
        })
    }

    #[test]
    fn each_month_is_handed_on_with_its_last_entry_even_when_months_interleave() {
        let entries = [
            entry("a", "2026-01-03T00:00:00Z"),
            entry("b", "2026-02-03T00:00:00Z"),
            entry("c", "2026-01-04T00:00:00Z"),
            entry("d", "2026-03-01T00:00:00Z"),
        ];
        let mut gather = tally(&entries).gatherer();
        let mut out = Vec::new();
        for e in entries.iter().cloned() {
            if let Some((month, got)) = gather.push(e).unwrap() {
                let ids: Vec<String> = got.into_iter().map(|e| e.id).collect();
                out.push((month.to_string(), ids.join("")));
            }
        }
        gather.finish().unwrap();
        let want = [("2026-02", "b"), ("2026-01", "ac"), ("2026-03", "d")];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(m, i)| (m.to_string(), i.to_string()))
            .collect();
        assert_eq!(out, want);
    }

    #[test]
    fn a_second_reading_that_differs_is_caught() {
        let first = [
            entry("a", "2026-01-03T00:00:00Z"),
            entry("b", "2026-01-04T00:00:00Z"),
        ];
        let mut other = first.clone();
        other[1].text.push('!');
        let mut gather = tally(&first).gatherer();
        gather.push(other[0].clone()).unwrap();
        assert!(gather.push(other[1].clone()).is_err(), "changed words");

        let mut gather = tally(&first).gatherer();
        gather.push(first[0].clone()).unwrap();
        assert!(gather.finish().is_err(), "an entry missing");

        let mut gather = tally(&first).gatherer();
        assert!(
            gather.push(entry("z", "2026-05-01T00:00:00Z")).is_err(),
            "a month not counted"
        );
    }
}
