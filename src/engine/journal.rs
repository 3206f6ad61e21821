//! Journal entries, kept apart from progress and sharded by month (`journal/2026-11.json`).

use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;

use super::journal_ids::{IdMonths, Months, Pending};

/// The schema version written into each month file.
pub const JOURNAL_SCHEMA: u32 = 1;

/// One journal entry. Read by hand (see `journal_de.rs`), so unknown fields are kept without
/// serde's slow `flatten`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalEntry {
    /// Unique, stable id (time-based).
    pub id: String,
    /// When it was written (UTC; shown in local time).
    pub created: DateTime<Utc>,
    /// When it was last edited.
    #[serde(default)]
    pub edited: Option<DateTime<Utc>>,
    /// The text.
    pub text: String,
    /// The step it belongs to, if any.
    #[serde(default)]
    pub step: Option<String>,
    /// Mood from 1 (low) to 5 (good).
    #[serde(default)]
    pub mood: Option<u8>,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl JournalEntry {
    /// The month file this entry is kept in.
    pub fn month(&self) -> MonthKey {
        MonthKey::of(self.created)
    }

    /// The first non-empty line, for lists.
    pub fn first_line(&self) -> &str {
        self.text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
    }
}

/// A calendar month (UTC) naming a journal shard, written `2026-11`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthKey {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
}

impl MonthKey {
    /// The month an instant falls in (UTC).
    pub fn of(at: DateTime<Utc>) -> Self {
        Self {
            year: at.year(),
            month: at.month(),
        }
    }

    /// Parses `2026-11` (as in a file name).
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        let month: u32 = month.parse().ok()?;
        (1..=12).contains(&month).then_some(())?;
        (year.len() == 4).then_some(())?;
        Some(Self {
            year: year.parse().ok()?,
            month,
        })
    }
}

impl std::fmt::Display for MonthKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The contents of one month file.
/// Read by hand (see `journal_de.rs`), like [`JournalEntry`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalMonth {
    /// Schema version of this file.
    pub schema: u32,
    /// The month, written `2026-11`.
    pub month: String,
    /// Entries, oldest first.
    pub entries: Vec<JournalEntry>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A month file's contents borrowed from the journal: written exactly as the
/// [`JournalMonth`] holding the same would be.
#[derive(Debug, Clone, Serialize)]
pub struct MonthFileView<'a> {
    /// Schema version of this file.
    pub schema: u32,
    /// The month, written `2026-11`.
    pub month: String,
    /// Entries, oldest first.
    pub entries: &'a [JournalEntry],
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: &'a Extra,
}

/// Fields a file holds that this build does not know, kept so a save writes them back.
///
/// A file written by a newer rekindle, or edited by hand, must not lose anything by being opened
/// and saved here.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// Every loaded journal entry, by the month file it lives in, in date order within a month.
///
/// A new entry goes to the month it was written in. An entry read from a file stays in that
/// file's month even when its date says otherwise (a hand-edited or moved file): moving it would
/// need two files written in order, and keeping it loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Journal {
    /// Shared, so a thread can read a month (the search index) without a copy; a change to a
    /// month a thread still reads copies that one month first.
    months: Months,
    /// Which month holds each id.
    ids: IdMonths,
    /// What each month file held that this build does not know, written back on save.
    month_extra: HashMap<MonthKey, Extra>,
    /// The highest suffix handed out per id base, so a burst of entries in one millisecond
    /// gets its ids in constant time each.
    suffixes: FxHashMap<String, u32>,
    /// Which change last touched each month, so a search index knows what it must read again.
    revisions: Revisions,
}

/// Change counters: per month, the number of the change that last touched it.
///
/// Bookkeeping, not content: two journals holding the same entries are equal whatever their
/// counters say.
#[derive(Debug, Clone, Default)]
struct Revisions {
    last: u64,
    months: HashMap<MonthKey, u64>,
}

impl PartialEq for Revisions {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Eq for Revisions {}

impl Revisions {
    fn touch(&mut self, key: MonthKey) {
        self.last += 1;
        self.months.insert(key, self.last);
    }
}

/// Entries read from one month file whose ids were already taken, and the ids they were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renamed {
    /// `(old id, new id)` pairs, in file order.
    pub ids: Vec<(String, String)>,
}

impl Renamed {
    /// True when no entry needed a new id.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Journal {
    /// A journal holding `entries`, each filed by its own date.
    pub fn from_entries(entries: impl IntoIterator<Item = JournalEntry>) -> Self {
        let mut journal = Self::default();
        journal.extend(entries);
        journal
    }

    /// Adds many entries at once (an import), each filed by its own date; an entry whose id is
    /// already here replaces that one where it lives. Sorts each touched month once.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = JournalEntry>) {
        let mut touched = BTreeSet::new();
        for entry in entries {
            if self.holds_id(&entry.id) {
                self.insert(entry);
                continue;
            }
            let key = entry.month();
            self.note_id(&entry.id, key);
            Arc::make_mut(self.months.entry(key).or_default()).push(entry);
            touched.insert(key);
        }
        for key in touched {
            self.revisions.touch(key);
            if let Some(month) = self.months.get_mut(&key) {
                Arc::make_mut(month).sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
            }
        }
    }

    /// Takes in the month file `key` as read. Its entries stay in that month whatever their
    /// dates say. An id already taken (in this file or another) gets a new one, so both texts
    /// are kept; the renames are returned so the caller can save the month with them.
    pub fn add_file_month(&mut self, key: MonthKey, file: JournalMonth) -> Renamed {
        let entries = file.entries;
        if !file.extra.is_empty() {
            self.month_extra.insert(key, file.extra);
        }
        let mut renamed = Renamed::default();
        let mut month = self
            .months
            .remove(&key)
            .map(Arc::unwrap_or_clone)
            .unwrap_or_default();
        month.reserve(entries.len());
        for mut entry in entries {
            let pending = Some((key, month.as_slice()));
            if self.ids.locate(&entry.id, &self.months, pending).is_some() {
                let fresh = self.fresh_id(entry.created, pending);
                renamed
                    .ids
                    .push((std::mem::replace(&mut entry.id, fresh), entry.id.clone()));
            }
            self.note_id(&entry.id, key);
            month.push(entry);
        }
        month.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        self.revisions.touch(key);
        if month.is_empty() {
            self.months.remove(&key);
        } else {
            self.months.insert(key, Arc::new(month));
        }
        renamed
    }

    /// Inserts an entry in date order and returns the month it is kept in. An entry with the
    /// same id is replaced where it lives; a new one goes to the month it was written in.
    pub fn insert(&mut self, entry: JournalEntry) -> MonthKey {
        let key = match self.remove(&entry.id) {
            Some((key, _)) => key,
            None => entry.month(),
        };
        self.note_id(&entry.id, key);
        self.revisions.touch(key);
        let month = Arc::make_mut(self.months.entry(key).or_default());
        let at = month.partition_point(|e| (e.created, &e.id) <= (entry.created, &entry.id));
        month.insert(at, entry);
        key
    }

    /// Removes the entry with `id`, returning it and the month it was in.
    pub fn remove(&mut self, id: &str) -> Option<(MonthKey, JournalEntry)> {
        let (key, index) = self.ids.locate(id, &self.months, None)?;
        self.ids.remove(id, key);
        let month = Arc::make_mut(self.months.get_mut(&key)?);
        let entry = month.remove(index);
        self.revisions.touch(key);
        if month.is_empty() {
            self.months.remove(&key);
        }
        Some((key, entry))
    }

    /// The entry with `id`.
    pub fn get(&self, id: &str) -> Option<&JournalEntry> {
        let (key, at) = self.ids.locate(id, &self.months, None)?;
        self.months.get(&key)?.get(at)
    }

    /// True when an entry written at the same moment with the same words is already here,
    /// whatever its id.
    pub fn holds_words(&self, entry: &JournalEntry) -> bool {
        self.months.get(&entry.month()).is_some_and(|month| {
            month
                .iter()
                .any(|e| e.created == entry.created && e.text == entry.text)
        })
    }

    /// The month file the entry with `id` is kept in.
    pub fn month_holding(&self, id: &str) -> Option<MonthKey> {
        self.ids.locate(id, &self.months, None).map(|(key, _)| key)
    }

    /// Every entry, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &JournalEntry> {
        self.months.values().flat_map(|m| m.iter())
    }

    /// Takes month `key`'s entries out of the journal (their ids are free again), in date
    /// order; for reading a journal a month at a time.
    pub fn take_month(&mut self, key: MonthKey) -> Vec<JournalEntry> {
        let entries = self
            .months
            .remove(&key)
            .map(Arc::unwrap_or_clone)
            .unwrap_or_default();
        for entry in &entries {
            self.ids.remove(&entry.id, key);
        }
        self.month_extra.remove(&key);
        entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.ids.len() == 0
    }

    /// One month's entries, oldest first (empty when it has none).
    pub fn month_entries(&self, key: MonthKey) -> &[JournalEntry] {
        self.months.get(&key).map_or(&[], |m| m.as_slice())
    }

    /// Month `key`'s entries, shared rather than copied, for a thread that reads them while the
    /// journal goes on changing (a change then copies the month, not the thread's view).
    pub fn month_shared(&self, key: MonthKey) -> Option<Arc<Vec<JournalEntry>>> {
        self.months.get(&key).cloned()
    }

    /// The number of the change that last touched month `key` (0: never); it grows with every
    /// change, so a copy of a month made at one revision is current while this still says so.
    pub fn revision(&self, key: MonthKey) -> u64 {
        self.revisions.months.get(&key).copied().unwrap_or(0)
    }

    /// The number of the last change to any month: positions into months taken at one
    /// generation hold while this still says so.
    pub fn generation(&self) -> u64 {
        self.revisions.last
    }

    /// The months that hold entries.
    pub fn months(&self) -> impl Iterator<Item = MonthKey> + '_ {
        self.months.keys().copied()
    }

    /// What else month `key`'s file held besides its entries (fields a newer build added).
    pub fn month_file_extra(&self, key: MonthKey) -> Extra {
        self.month_extra.get(&key).cloned().unwrap_or_default()
    }

    /// One month's entries as a file's contents, with whatever else its file held.
    pub fn month_file(&self, key: MonthKey) -> JournalMonth {
        JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries: self
                .months
                .get(&key)
                .map(|m| m.as_ref().clone())
                .unwrap_or_default(),
            extra: self.month_extra.get(&key).cloned().unwrap_or_default(),
        }
    }

    /// One month's file as [`Journal::month_file`] gives it, borrowing the entries instead of
    /// copying them, for a save.
    pub fn month_file_view(&self, key: MonthKey) -> MonthFileView<'_> {
        static NO_EXTRA: Extra = BTreeMap::new();
        MonthFileView {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries: self.month_entries(key),
            extra: self.month_extra.get(&key).unwrap_or(&NO_EXTRA),
        }
    }

    /// A new id for an entry created at `at`, unique in this journal.
    pub fn new_id(&mut self, at: DateTime<Utc>) -> String {
        self.fresh_id(at, None)
    }

    /// A new id for an entry created at `at`, unique in this journal and in `pending`.
    fn fresh_id(&mut self, at: DateTime<Utc>, pending: Pending) -> String {
        let base = at.format("%Y%m%dT%H%M%S%3fZ").to_string();
        let taken = |id: &str| self.ids.locate(id, &self.months, pending).is_some();
        if !taken(&base) && !self.suffixes.contains_key(&base) {
            return base;
        }
        let mut n = self.suffixes.get(&base).copied().unwrap_or(1);
        let id = loop {
            n += 1;
            let id = format!("{base}-{n}");
            if !taken(&id) {
                break id;
            }
        };
        self.suffixes.insert(base, n);
        id
    }

    /// True when an entry here has `id`.
    fn holds_id(&self, id: &str) -> bool {
        self.ids.locate(id, &self.months, None).is_some()
    }

    fn note_id(&mut self, id: &str, key: MonthKey) {
        self.ids.insert(id, key);
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
            mood: Some(2),
            tags: vec!["walk".into()],
            extra: Default::default(),
        }
    }

    #[test]
    fn a_month_view_is_written_exactly_as_the_month_file() {
        let march = MonthKey {
            year: 2026,
            month: 3,
        };
        let april = MonthKey {
            year: 2026,
            month: 4,
        };
        let mut extra = Extra::new();
        extra.insert("weather".into(), serde_json::json!({"sky": "grey"}));
        let mut journal = Journal::default();
        journal.add_file_month(
            march,
            JournalMonth {
                schema: JOURNAL_SCHEMA,
                month: "2026-03".into(),
                entries: vec![
                    entry("b", "2026-03-02T00:00:00Z"),
                    entry("a", "2026-03-01T00:00:00Z"),
                ],
                extra,
            },
        );
        journal.insert(entry("c", "2026-04-01T00:00:00Z"));
        for key in [march, april] {
            assert_eq!(
                serde_json::to_string_pretty(&journal.month_file_view(key)).unwrap(),
                serde_json::to_string_pretty(&journal.month_file(key)).unwrap(),
            );
        }
    }

    #[test]
    fn a_doubled_id_in_one_file_is_renamed_and_both_are_found() {
        let march = MonthKey {
            year: 2026,
            month: 3,
        };
        let mut journal = Journal::default();
        let renamed = journal.add_file_month(
            march,
            JournalMonth {
                schema: JOURNAL_SCHEMA,
                month: "2026-03".into(),
                entries: vec![
                    entry("20260301T000000000Z", "2026-03-01T00:00:00Z"),
                    entry("20260301T000000000Z", "2026-03-01T00:00:00Z"),
                ],
                extra: Extra::new(),
            },
        );
        assert_eq!(renamed.ids.len(), 1);
        let (_, fresh) = &renamed.ids[0];
        assert_eq!(fresh, "20260301T000000000Z-2");
        assert_eq!(journal.len(), 2);
        assert!(journal.get("20260301T000000000Z").is_some());
        assert_eq!(journal.month_holding(fresh), Some(march));
        let (key, removed) = journal.remove(fresh).unwrap();
        assert_eq!((key, removed.id.as_str()), (march, fresh.as_str()));
        assert_eq!(journal.len(), 1);
        assert!(journal.get(fresh).is_none());
        assert_eq!(journal.take_month(march).len(), 1);
        assert!(journal.is_empty());
    }
}
