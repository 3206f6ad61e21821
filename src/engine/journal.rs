//! Journal entries, kept apart from progress and sharded by month (`journal/2026-11.json`).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

/// The schema version written into each month file.
pub const JOURNAL_SCHEMA: u32 = 1;

/// One journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalMonth {
    /// Schema version of this file.
    pub schema: u32,
    /// The month, written `2026-11`.
    pub month: String,
    /// Entries, oldest first.
    pub entries: Vec<JournalEntry>,
}

/// Every loaded journal entry, by month, oldest first within a month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Journal {
    months: BTreeMap<MonthKey, Vec<JournalEntry>>,
    month_of: HashMap<String, MonthKey>,
}

impl Journal {
    /// A journal holding `entries`, sorted into months.
    pub fn from_entries(entries: impl IntoIterator<Item = JournalEntry>) -> Self {
        let mut journal = Self::default();
        journal.extend(entries);
        journal
    }

    /// Adds entries (a month as read from its file, or an import), each filed by its own date.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = JournalEntry>) {
        for entry in entries {
            self.insert(entry);
        }
    }

    /// Inserts an entry in date order, replacing one with the same id.
    pub fn insert(&mut self, entry: JournalEntry) {
        self.remove(&entry.id);
        let key = entry.month();
        self.month_of.insert(entry.id.clone(), key);
        let month = self.months.entry(key).or_default();
        let at = month.partition_point(|e| (e.created, &e.id) <= (entry.created, &entry.id));
        month.insert(at, entry);
    }

    /// Removes the entry with `id`, returning it and the month it was in.
    pub fn remove(&mut self, id: &str) -> Option<(MonthKey, JournalEntry)> {
        let key = self.month_of.remove(id)?;
        let month = self.months.get_mut(&key)?;
        let index = month.iter().position(|e| e.id == id)?;
        let entry = month.remove(index);
        if month.is_empty() {
            self.months.remove(&key);
        }
        Some((key, entry))
    }

    /// The entry with `id`.
    pub fn get(&self, id: &str) -> Option<&JournalEntry> {
        let key = self.month_of.get(id)?;
        self.months.get(key)?.iter().find(|e| e.id == id)
    }

    /// Every entry, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &JournalEntry> {
        self.months.values().flatten()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.month_of.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.month_of.is_empty()
    }

    /// The months that hold entries.
    pub fn months(&self) -> impl Iterator<Item = MonthKey> + '_ {
        self.months.keys().copied()
    }

    /// One month's entries as a file's contents.
    pub fn month_file(&self, key: MonthKey) -> JournalMonth {
        JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries: self.months.get(&key).cloned().unwrap_or_default(),
        }
    }

    /// A new id for an entry created at `at`, unique in this journal.
    pub fn new_id(&self, at: DateTime<Utc>) -> String {
        let base = at.format("%Y%m%dT%H%M%S%3fZ").to_string();
        let mut id = base.clone();
        let mut n = 1;
        while self.month_of.contains_key(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}
