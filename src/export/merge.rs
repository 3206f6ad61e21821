//! Adding imported entries to the journal without doubling any and without losing any.
//!
//! The whole import is planned before the journal changes: which entries are new, and the id each
//! gets. Planning takes O(n log n) for n entries in the journal and the file together, however
//! many share one timestamp.

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{DateTime, Utc};

use crate::engine::{Journal, JournalEntry, MonthKey};

use super::import::{ImportFormat, Imported};

/// What a merge did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Entries added to the journal.
    pub added: usize,
    /// Entries left out because the journal already had them.
    pub skipped_duplicates: usize,
    /// Added entries from a rekindle export whose id was already taken by other words; they were
    /// given a new id, and both texts are kept.
    pub renamed: usize,
}

/// The entries an import adds, with their final ids, and what it will have done.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergePlan {
    /// The entries to add, in file order, with their final ids.
    pub newcomers: Vec<JournalEntry>,
    /// What adding them does.
    pub summary: ImportSummary,
}

/// Adds the imported entries the journal does not have yet (see [`plan_merge`]).
pub fn merge(journal: &mut Journal, imported: Imported) -> ImportSummary {
    let plan = plan_merge(journal, imported);
    add_planned(journal, plan.newcomers);
    plan.summary
}

/// Adds a plan's newcomers to `journal` in O(n log n) for n entries in all, each month sorted
/// once. Entries already there stay in the month file they came from, with whatever else that
/// file held.
pub fn add_planned(journal: &mut Journal, newcomers: Vec<JournalEntry>) {
    journal.extend(newcomers);
}

/// Works out what merging `imported` into `journal` adds, without changing the journal.
///
/// An entry is already there when the journal, or an earlier entry of the file, has the same
/// creation time and text: importing a file twice adds nothing the second time. Every other entry
/// is added. A rekindle export's entry keeps its id unless that id is taken (by other words); then,
/// like every entry from another tool, it gets a new id in the journal's form.
pub fn plan_merge(journal: &Journal, imported: Imported) -> MergePlan {
    let mut seen: FxHashSet<(DateTime<Utc>, &str)> = journal
        .iter()
        .map(|e| (e.created, e.text.as_str()))
        .collect();
    let mut ids = Ids::new(journal);
    let keeps_ids = imported.format.keeps_ids();
    let mut plan = MergePlan::default();
    let mut fresh = Vec::new();
    for (n, entry) in imported.entries.iter().enumerate() {
        if !seen.insert((entry.created, entry.text.as_str())) {
            plan.summary.skipped_duplicates += 1;
            continue;
        }
        let id = if keeps_ids && ids.take(&entry.id) {
            entry.id.clone()
        } else {
            plan.summary.renamed += usize::from(keeps_ids);
            ids.fresh(entry.created)
        };
        fresh.push((n, id));
    }
    plan.summary.added = fresh.len();
    let mut fresh = fresh.into_iter().peekable();
    plan.newcomers = imported
        .entries
        .into_iter()
        .enumerate()
        .filter_map(|(n, entry)| {
            let (_, id) = fresh.next_if(|(m, _)| *m == n)?;
            Some(JournalEntry { id, ..entry })
        })
        .collect();
    plan
}

/// The ids in use, and new ones in the journal's form (`20260301T120000000Z`, then `-2`, `-3`...),
/// each found in constant time on average: a counter per timestamp remembers the last suffix used.
struct Ids {
    taken: FxHashSet<String>,
    next: FxHashMap<String, u32>,
}

impl Ids {
    fn new(journal: &Journal) -> Self {
        Self {
            taken: journal.iter().map(|e| e.id.clone()).collect(),
            next: FxHashMap::default(),
        }
    }

    /// Claims `id`; false when it is already in use.
    fn take(&mut self, id: &str) -> bool {
        !self.taken.contains(id) && self.taken.insert(id.to_string())
    }

    /// A new unused id for an entry created at `at`, claimed.
    fn fresh(&mut self, at: DateTime<Utc>) -> String {
        let base = at.format("%Y%m%dT%H%M%S%3fZ").to_string();
        if self.take(&base) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// An import merged a month at a time, for a journal and a file too large to hold at once.
///
/// What it needs of the journal, its ids (as hashes) and the words of entries kept in another
/// month's file than their date's, is noted month by month with [`MonthMerge::note_month`];
/// then each month of the file is merged with that month as it is on disk. The rules are
/// [`plan_merge`]'s: an entry is skipped when the same creation time and text are already
/// there (compared in full, never by hash), and a rekindle id is kept unless taken. Ids are told
/// apart by a 64-bit hash, so in the rare case two differ with the same hash, the newcomer is
/// given a new id; its words are kept either way.
#[derive(Debug)]
pub struct MonthMerge {
    keeps_ids: bool,
    taken: FxHashSet<u64>,
    next: FxHashMap<String, u32>,
    /// Words of entries whose file is another month than their date's, by their date's month.
    misplaced: FxHashMap<MonthKey, Vec<(DateTime<Utc>, String)>>,
    summary: ImportSummary,
}

impl MonthMerge {
    /// A merge of a file in `format` into a journal not yet noted.
    pub fn new(format: ImportFormat) -> Self {
        Self {
            keeps_ids: format.keeps_ids(),
            taken: FxHashSet::default(),
            next: FxHashMap::default(),
            misplaced: FxHashMap::default(),
            summary: ImportSummary::default(),
        }
    }

    /// Notes the journal's month file `key`, holding `entries`.
    pub fn note_month(&mut self, key: MonthKey, entries: &[JournalEntry]) {
        for entry in entries {
            self.taken.insert(id_hash(&entry.id));
            if entry.month() != key {
                self.misplaced
                    .entry(entry.month())
                    .or_default()
                    .push((entry.created, entry.text.clone()));
            }
        }
    }

    /// The entries of `incoming` (one month of the file, in file order) to add to that month,
    /// whose file holds `existing`, with their final ids.
    pub fn merge_month(
        &mut self,
        existing: &[JournalEntry],
        incoming: Vec<JournalEntry>,
    ) -> Vec<JournalEntry> {
        let Some(key) = incoming.first().map(JournalEntry::month) else {
            return Vec::new();
        };
        let misplaced = self.misplaced.remove(&key).unwrap_or_default();
        let mut seen: FxHashSet<(DateTime<Utc>, &str)> = existing
            .iter()
            .map(|e| (e.created, e.text.as_str()))
            .chain(misplaced.iter().map(|(at, text)| (*at, text.as_str())))
            .collect();
        let mut ids = Vec::with_capacity(incoming.len());
        for entry in &incoming {
            if !seen.insert((entry.created, entry.text.as_str())) {
                self.summary.skipped_duplicates += 1;
                ids.push(None);
                continue;
            }
            let id = if self.keeps_ids && self.taken.insert(id_hash(&entry.id)) {
                None
            } else {
                self.summary.renamed += usize::from(self.keeps_ids);
                Some(self.fresh(entry.created))
            };
            ids.push(Some(id));
        }
        drop(seen);
        let newcomers: Vec<JournalEntry> = incoming
            .into_iter()
            .zip(ids)
            .filter_map(|(entry, id)| match id? {
                Some(id) => Some(JournalEntry { id, ..entry }),
                None => Some(entry),
            })
            .collect();
        self.summary.added += newcomers.len();
        newcomers
    }

    /// What the merge has done so far.
    pub fn summary(&self) -> ImportSummary {
        self.summary
    }

    /// A new unused id for an entry created at `at`, claimed (the journal's form, as
    /// [`Ids::fresh`] makes it).
    fn fresh(&mut self, at: DateTime<Utc>) -> String {
        let base = at.format("%Y%m%dT%H%M%S%3fZ").to_string();
        if self.taken.insert(id_hash(&base)) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id_hash(&id)) {
                return id;
            }
        }
    }
}

/// An id's hash, for telling ids apart without keeping them.
fn id_hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, text: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            created: "2026-03-01T12:00:00Z".parse().unwrap(),
            edited: None,
            text: text.into(),
            step: None,
            mood: None,
            tags: Vec::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn entries_sharing_a_timestamp_get_distinct_ids_in_order() {
        let journal = Journal::from_entries([entry("20260301T120000000Z", "there")]);
        let imported = Imported {
            format: ImportFormat::Jrnl,
            entries: (0..5).map(|n| entry("p", &format!("new {n}"))).collect(),
        };
        let plan = plan_merge(&journal, imported);
        let ids: Vec<&str> = plan.newcomers.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "20260301T120000000Z-2",
                "20260301T120000000Z-3",
                "20260301T120000000Z-4",
                "20260301T120000000Z-5",
                "20260301T120000000Z-6"
            ]
        );
        assert_eq!(plan.summary.added, 5);
        assert_eq!(plan.summary.renamed, 0);
    }

    #[test]
    fn a_taken_id_with_other_words_is_renamed_and_the_same_words_skipped() {
        let mut journal = Journal::from_entries([entry("a", "mine")]);
        let imported = Imported {
            format: ImportFormat::Rekindle,
            entries: vec![entry("a", "mine"), entry("a", "theirs"), entry("b", "new")],
        };
        let summary = merge(&mut journal, imported);
        assert_eq!(
            summary,
            ImportSummary {
                added: 2,
                skipped_duplicates: 1,
                renamed: 1
            }
        );
        assert_eq!(journal.get("a").unwrap().text, "mine");
        assert_eq!(journal.get("b").unwrap().text, "new");
        assert_eq!(journal.len(), 3);
    }
}
