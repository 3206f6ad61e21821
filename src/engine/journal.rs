//! Journal entries, kept apart from progress and sharded by month (`journal/2026-11.json`).

use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;

use super::journal_ids::{IdMonths, Months, Pending};
use super::kept_month::{KeptMonth, SharedMonth};
use super::packed_month::PackedMonth;

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

/// The id an entry made at `at` is given when no entry has it yet (`20261102T080000000Z`);
/// `-2`, `-3`... follow it when it is taken.
pub fn id_at(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%S%3fZ").to_string()
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

impl JournalMonth {
    /// The month with its entries in the order the journal keeps them and packed (see
    /// [`PackedMonth`]), for a month that is not read now; itself when it cannot be packed.
    ///
    /// A month holding one id twice is given back as it is, in file order: taking it in renames
    /// the second, and only the file's order says which that is (as every other reader sees it).
    pub fn packed(mut self) -> Result<PackedFile, JournalMonth> {
        let mut ids = rustc_hash::FxHashSet::default();
        if !self.entries.iter().all(|e| ids.insert(e.id.as_str())) {
            return Err(self);
        }
        drop(ids);
        self.entries
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        match PackedMonth::pack(self.entries) {
            Ok(entries) => Ok(PackedFile {
                entries,
                extra: self.extra,
            }),
            Err(entries) => Err(JournalMonth { entries, ..self }),
        }
    }
}

/// A month file's contents with its entries packed: the workbook's older months arrive so from
/// the loader, and their text is never held plainly until read.
#[derive(Debug)]
pub struct PackedFile {
    /// The entries, in date order, packed.
    pub entries: PackedMonth,
    /// Fields this build does not know, kept as they were.
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
    /// Each month open or packed (see [`KeptMonth`]). Open months are shared, so a thread can
    /// read a month (the search index) without a copy; a change to a month a thread still
    /// reads copies that one month first.
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
            self.month_mut(key).push(entry);
            touched.insert(key);
        }
        for key in touched {
            self.revisions.touch(key);
            if let Some(month) = self.months.get_mut(&key) {
                month
                    .make_mut()
                    .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
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
            .map(KeptMonth::into_vec)
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
            self.months.insert(key, KeptMonth::open(month));
        }
        renamed
    }

    /// Makes room for about `entries` more entries' ids, for a journal about to take in that
    /// many (a hint: more or fewer are taken in as well).
    pub fn reserve_ids(&mut self, entries: usize) {
        self.ids.reserve(entries);
    }

    /// Takes in the month file `key` as read and packed, keeping it packed, as
    /// [`Journal::add_file_month`] would take it in unpacked. A month with an id already taken,
    /// or a month already here, is unpacked and taken in as that does.
    pub fn add_packed_month(&mut self, key: MonthKey, file: PackedFile) -> Renamed {
        let mut seen = rustc_hash::FxHashSet::default();
        let clash = self.months.contains_key(&key)
            || file
                .entries
                .ids()
                .any(|id| !seen.insert(id) || self.ids.locate(id, &self.months, None).is_some());
        if clash {
            let entries = file.entries.unpack();
            return self.add_file_month(
                key,
                JournalMonth {
                    schema: JOURNAL_SCHEMA,
                    month: key.to_string(),
                    entries,
                    extra: file.extra,
                },
            );
        }
        if !file.extra.is_empty() {
            self.month_extra.insert(key, file.extra);
        }
        for id in file.entries.ids() {
            self.ids.insert(id, key);
        }
        self.revisions.touch(key);
        if !file.entries.is_empty() {
            self.months.insert(key, KeptMonth::packed(file.entries));
        }
        Renamed::default()
    }

    /// Month `key`'s entries to change, the month opened (unpacked) first when packed.
    fn month_mut(&mut self, key: MonthKey) -> &mut Vec<JournalEntry> {
        self.months
            .entry(key)
            .or_insert_with(|| KeptMonth::open(Vec::new()))
            .make_mut()
    }

    /// Packs again what was not read since the last call: what was unpacked of packed months
    /// is dropped, and one open month is packed, never the newest nor one `keep` names. A
    /// month read since the last call is left as it is, so the months on screen stay unpacked.
    pub fn pack_unread(&mut self, keep: impl Fn(MonthKey) -> bool) {
        let newest = self.months.keys().next_back().copied();
        let mut packed_one = false;
        for (key, month) in self.months.iter_mut() {
            if month.take_used() {
                continue;
            }
            if month.is_packed() {
                month.drop_unpacked();
            } else if !packed_one && Some(*key) != newest && !keep(*key) {
                packed_one = month.pack();
            }
        }
    }

    /// How many of the months are packed, and how many of those are partly unpacked now
    /// (tests, benches).
    pub fn packed_months(&self) -> (usize, usize) {
        let packed = self.months.values().filter(|m| m.is_packed()).count();
        let unpacked = self.months.values().filter(|m| m.holds_unpacked()).count();
        (packed, unpacked)
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
        let month = self.month_mut(key);
        let at = month.partition_point(|e| (e.created, &e.id) <= (entry.created, &entry.id));
        month.insert(at, entry);
        key
    }

    /// Removes the entry with `id`, returning it and the month it was in.
    pub fn remove(&mut self, id: &str) -> Option<(MonthKey, JournalEntry)> {
        let (key, index) = self.ids.locate(id, &self.months, None)?;
        self.ids.remove(id, key);
        let month = self.months.get_mut(&key)?.make_mut();
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

    /// Entry `at` of month `key` (oldest first); of a packed month only the part holding it
    /// is unpacked.
    pub fn entry(&self, key: MonthKey, at: usize) -> Option<&JournalEntry> {
        self.months.get(&key)?.get(at)
    }

    /// The step entry `at` of month `key` is tied to, read without unpacking.
    pub fn entry_step(&self, key: MonthKey, at: usize) -> Option<&str> {
        self.months.get(&key)?.step(at)
    }

    /// How many entries month `key` holds, counted without unpacking.
    pub fn month_len(&self, key: MonthKey) -> usize {
        self.months.get(&key).map_or(0, KeptMonth::len)
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
            .map(KeptMonth::into_vec)
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

    /// One month's entries, oldest first (empty when it has none). A packed month is unpacked
    /// whole and kept so until [`Journal::pack_unread`]: for reading every entry; for one, see
    /// [`Journal::entry`].
    pub fn month_entries(&self, key: MonthKey) -> &[JournalEntry] {
        self.months.get(&key).map_or(&[], KeptMonth::entries)
    }

    /// Month `key`'s entries, shared rather than copied (packed when packed), for a thread that
    /// reads them while the journal goes on changing (a change then copies the month, not the
    /// thread's view).
    pub fn month_shared(&self, key: MonthKey) -> Option<SharedMonth> {
        self.months.get(&key).map(KeptMonth::shared)
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
                .map(|m| m.shared().entries().into_owned())
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
        let base = id_at(at);
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
impl JournalEntry {
    /// An entry with `id`, written at `created`, saying "words" and nothing else: for tests.
    pub(crate) fn words_at(id: &str, created: DateTime<Utc>) -> Self {
        Self {
            id: id.into(),
            created,
            edited: None,
            text: "words".into(),
            step: None,
            mood: None,
            tags: Vec::new(),
            extra: Default::default(),
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

    fn key(month: u32) -> MonthKey {
        MonthKey { year: 2026, month }
    }

    /// Entries over three months with everything a text and an entry can hold.
    fn varied() -> Vec<JournalEntry> {
        let texts = [
            String::new(),
            "Slept badly. 😴 Missed them; wrote instead. 🌧️💔 #sleep".to_string(),
            "日本語, עברית, العربية, 👩‍👩‍👧‍👦 and \u{1b}[31m an escape".to_string(),
            "x".repeat(10 * 1024 * 1024),
            "line one\n\nline three\r\n".to_string(),
        ];
        (0..600)
            .map(|n| {
                let mut e = entry(
                    &format!("id{n:04}"),
                    &format!("2026-0{}-{:02}T10:00:00Z", 1 + n % 3, 1 + n % 28),
                );
                e.text = match n % 50 {
                    0..5 => texts[n % 50].clone(),
                    _ => format!("{n}: walked by the river. {}", "ünïcode ".repeat(n % 30)),
                };
                if n.is_multiple_of(7) {
                    e.extra
                        .insert("weather".into(), serde_json::json!({"sky": "grey", "n": n}));
                }
                e.step = n.is_multiple_of(4).then(|| "space".to_string());
                e
            })
            .collect()
    }

    /// Packs every month but the newest, as the loader and the workbook leave them.
    fn pack_older(journal: &mut Journal) {
        for _ in 0..2 * journal.months().count() {
            journal.pack_unread(|_| false);
        }
    }

    fn files(journal: &Journal) -> Vec<String> {
        journal
            .months()
            .map(|k| serde_json::to_string_pretty(&journal.month_file_view(k)).unwrap())
            .collect()
    }

    #[test]
    fn a_packed_month_is_read_and_saved_exactly_as_it_was() {
        let mut journal = Journal::from_entries(varied());
        journal.month_extra.insert(
            key(1),
            [("kept".to_string(), serde_json::json!([1, "two"]))].into(),
        );
        let before = files(&journal);
        let entries: Vec<JournalEntry> = journal.iter().cloned().collect();
        pack_older(&mut journal);
        assert_eq!(journal.packed_months(), (2, 0), "all but the newest");
        assert_eq!(journal.month_len(key(1)), 200);
        assert_eq!(journal.packed_months(), (2, 0), "counting unpacks nothing");
        assert_eq!(journal.entry_step(key(1), 0), Some("space"));
        assert_eq!(journal.packed_months(), (2, 0), "nor does a step");
        let one = journal.entry(key(2), 5).unwrap().clone();
        assert_eq!(journal.packed_months(), (2, 1), "only the month read");
        assert_eq!(journal.get(&one.id), Some(&one));
        assert_eq!(journal.iter().cloned().collect::<Vec<_>>(), entries);
        assert_eq!(files(&journal), before, "saved word for word");
        journal.pack_unread(|_| false);
        assert_eq!(journal.packed_months(), (2, 2), "read since: kept");
        journal.pack_unread(|_| false);
        assert_eq!(journal.packed_months(), (2, 0), "not read since: dropped");
        assert_eq!(files(&journal), before);
        let file = journal.month_file(key(1));
        assert_eq!(file.entries, journal.month_entries(key(1)));
        assert_eq!(file.extra["kept"], serde_json::json!([1, "two"]));
    }

    #[test]
    fn a_change_to_a_packed_month_opens_it_and_is_kept() {
        let mut journal = Journal::from_entries(varied());
        pack_older(&mut journal);
        let revision = journal.revision(key(1));
        let mut edited = journal.entry(key(1), 3).unwrap().clone();
        edited.text = "changed words 🌱".into();
        assert_eq!(journal.insert(edited.clone()), key(1));
        assert!(journal.revision(key(1)) > revision);
        assert_eq!(journal.packed_months().0, 1, "the changed month is open");
        assert_eq!(journal.get(&edited.id), Some(&edited));
        journal.pack_unread(|k| k == key(1));
        journal.pack_unread(|k| k == key(1));
        assert_eq!(journal.packed_months().0, 1, "kept open while asked to");
        journal.pack_unread(|_| false);
        assert_eq!(journal.packed_months().0, 2, "packed again once let go");
        assert_eq!(journal.get(&edited.id), Some(&edited));
        let removed = journal.entry(key(2), 0).unwrap().id.clone();
        assert!(journal.remove(&removed).is_some());
        assert_eq!(journal.month_len(key(2)), 199);
    }

    #[test]
    fn a_month_arriving_packed_stays_packed_unless_an_id_clashes() {
        let mut journal = Journal::default();
        journal.insert(entry("taken", "2026-05-01T00:00:00Z"));
        let month = |entries: Vec<JournalEntry>| JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: "2026-03".into(),
            entries,
            extra: Extra::new(),
        };
        let file = month(vec![
            entry("b", "2026-03-02T00:00:00Z"),
            entry("a", "2026-03-01T00:00:00Z"),
        ])
        .packed()
        .unwrap();
        assert!(journal.add_packed_month(key(3), file).is_empty());
        assert_eq!(journal.packed_months(), (1, 0));
        assert_eq!(journal.entry(key(3), 0).unwrap().id, "a", "in date order");
        assert_eq!(journal.month_holding("b"), Some(key(3)));
        assert_eq!(journal.len(), 3);

        let clash = month(vec![
            entry("taken", "2026-04-02T00:00:00Z"),
            entry("c", "2026-04-01T00:00:00Z"),
        ])
        .packed()
        .unwrap();
        let renamed = journal.add_packed_month(key(4), clash);
        assert_eq!(renamed.ids.len(), 1, "{renamed:?}");
        assert_eq!(journal.len(), 5);
        assert_eq!(journal.packed_months().0, 1, "taken in open, to be saved");
        assert_eq!(journal.month_len(key(4)), 2);

        let doubled = month(vec![
            entry("d", "2026-03-05T00:00:00Z"),
            entry("d", "2026-03-04T00:00:00Z"),
        ]);
        let kept = doubled
            .packed()
            .expect_err("an id held twice is not packed");
        assert_eq!(
            kept.entries[0].created.to_rfc3339(),
            "2026-03-05T00:00:00+00:00"
        );
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
