//! Which month file holds each journal entry, found by its id without a second copy of the ids.

use rustc_hash::{FxHashMap, FxHasher};
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use super::journal::{JournalEntry, MonthKey};
use super::kept_month::KeptMonth;

/// A journal's months, as [`IdMonths`] searches them.
pub(super) type Months = BTreeMap<MonthKey, KeptMonth>;

/// A month being filled that is not among the months yet: its key and entries so far.
pub(super) type Pending<'a> = Option<(MonthKey, &'a [JournalEntry])>;

/// Which month holds each id.
///
/// Keyed by a 64-bit hash of the id, not the id: the entries hold their ids already, and a second
/// copy of each cost about 50 bytes an entry (5 MB at 100,000 entries). A hash names the months
/// that may hold the id, and that month is then searched for the id itself, so two ids sharing a
/// hash are still told apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct IdMonths {
    first: FxHashMap<u64, MonthKey>,
    /// Further months for a hash that several ids share (rare).
    more: FxHashMap<u64, Vec<MonthKey>>,
    len: usize,
}

fn hash(id: &str) -> u64 {
    let mut hasher = FxHasher::default();
    id.hash(&mut hasher);
    hasher.finish()
}

impl IdMonths {
    /// The month holding `id` and its place there, looked for in `months`, or in `pending` for
    /// that month.
    pub(super) fn locate(
        &self,
        id: &str,
        months: &Months,
        pending: Pending,
    ) -> Option<(MonthKey, usize)> {
        let h = hash(id);
        let first = self.first.get(&h).copied();
        let more = self.more.get(&h).map_or(&[][..], Vec::as_slice);
        first
            .into_iter()
            .chain(more.iter().copied())
            .find_map(|key| {
                let at = match pending {
                    Some((pending, entries)) if pending == key => {
                        entries.iter().position(|e| e.id == id)
                    }
                    _ => months.get(&key)?.position(id),
                }?;
                Some((key, at))
            })
    }

    /// Notes that month `key` holds `id`, which no month held.
    pub(super) fn insert(&mut self, id: &str, key: MonthKey) {
        let h = hash(id);
        self.len += 1;
        match self.first.entry(h) {
            Entry::Vacant(slot) => {
                slot.insert(key);
            }
            Entry::Occupied(_) => self.more.entry(h).or_default().push(key),
        }
    }

    /// Forgets that month `key` holds `id`.
    pub(super) fn remove(&mut self, id: &str, key: MonthKey) {
        let h = hash(id);
        let mut more = self.more.remove(&h).unwrap_or_default();
        if let Some(at) = more.iter().position(|k| *k == key) {
            more.swap_remove(at);
            self.len -= 1;
        } else if self.first.get(&h) == Some(&key) {
            self.len -= 1;
            match more.pop() {
                Some(next) => self.first.insert(h, next),
                None => self.first.remove(&h),
            };
        }
        if !more.is_empty() {
            self.more.insert(h, more);
        }
    }

    /// Makes room for `more` ids at once, so taking in months later never stops to grow the
    /// table (at a million ids, one growth moves 16 MB while the user waits for a key).
    pub(super) fn reserve(&mut self, more: usize) {
        self.first.reserve(more);
    }

    /// How many ids are noted.
    pub(super) fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> JournalEntry {
        JournalEntry::words_at(id, "2026-03-01T12:00:00Z".parse().unwrap())
    }

    fn key(month: u32) -> MonthKey {
        MonthKey { year: 2026, month }
    }

    /// An id noted under a hash that another id's month holds first (as when two ids share a
    /// hash): it is found in its own month, and forgetting it there keeps the other.
    #[test]
    fn ids_sharing_a_hash_are_told_apart_by_their_months() {
        let mut months = Months::new();
        months.insert(key(1), KeptMonth::open(vec![entry("other")]));
        months.insert(key(2), KeptMonth::open(vec![entry("x"), entry("a")]));
        let mut ids = IdMonths::default();
        let h = hash("a");
        ids.first.insert(h, key(1));
        ids.more.insert(h, vec![key(2)]);
        ids.len = 2;
        assert_eq!(ids.locate("a", &months, None), Some((key(2), 1)));
        ids.remove("a", key(2));
        assert_eq!(ids.len(), 1);
        assert_eq!(ids.first.get(&h), Some(&key(1)));
        assert!(ids.more.is_empty());

        ids.more.insert(h, vec![key(2)]);
        ids.len = 2;
        ids.remove("a", key(1));
        assert_eq!(
            ids.first.get(&h),
            Some(&key(2)),
            "the further month moves up"
        );
        assert!(ids.more.is_empty());
        assert_eq!(ids.locate("a", &months, None), Some((key(2), 1)));
    }

    #[test]
    fn an_id_is_found_in_a_month_being_filled() {
        let months = Months::new();
        let mut ids = IdMonths::default();
        ids.insert("a", key(3));
        let pending = [entry("z"), entry("a")];
        assert_eq!(
            ids.locate("a", &months, Some((key(3), &pending))),
            Some((key(3), 1))
        );
        assert_eq!(
            ids.locate("a", &months, None),
            None,
            "not in the months yet"
        );
        assert_eq!(ids.locate("q", &months, Some((key(3), &pending))), None);
        ids.remove("a", key(3));
        assert_eq!(ids.len(), 0);
        assert_eq!(ids.locate("a", &months, Some((key(3), &pending))), None);
    }
}
