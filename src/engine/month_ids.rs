//! Which ids of a month file are the month's own. An id made from a time (`20240315T…Z`)
//! begins with the digits of the month it was made in, and every entry's time falls in its
//! file's month, so the own ids of two months are never the same id. Other ids (ones an import
//! brought, ones edited by hand) can be: the index keeps, for each month, the first and last of
//! them as text is ordered, and only where those ranges meet another month's ids does a reader
//! that goes through the journal a month at a time have to keep ids in mind across months.

use serde::{Deserialize, Serialize};

use super::journal::{JournalEntry, MonthKey};

/// What the journal index keeps of a month file's ids and order, so that a reader can go
/// through it an entry at a time, holding neither the month nor the ids of earlier months.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthIds {
    /// Each entry in the file is at or after the one before it.
    pub in_order: bool,
    /// The first and last (as text is ordered) of the ids that are not the month's own (see
    /// [`is_own_id`]); none when every id is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign: Option<IdRange>,
}

/// Every id from `first` to `last`, as text is ordered (both included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdRange {
    /// The first id.
    pub first: String,
    /// The last id.
    pub last: String,
}

impl IdRange {
    /// The range holding only `id`.
    pub fn of(id: &str) -> Self {
        Self {
            first: id.to_string(),
            last: id.to_string(),
        }
    }

    /// Widens the range to hold `id`.
    pub fn take_in(&mut self, id: &str) {
        if id < self.first.as_str() {
            self.first = id.to_string();
        }
        if id > self.last.as_str() {
            self.last = id.to_string();
        }
    }

    /// True when `id` is in the range.
    pub fn holds(&self, id: &str) -> bool {
        self.first.as_str() <= id && id <= self.last.as_str()
    }

    /// True when some id is in both ranges.
    pub fn meets(&self, other: &IdRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// True when some id in the range is one month `key` could call its own.
    pub fn meets_own_ids_of(&self, key: MonthKey) -> bool {
        let Some(digits) = own_digits(key) else {
            return false;
        };
        // Every id that begins with the digits is at least the digits and below the digits
        // with the last one raised.
        let mut past = digits;
        past[5] += 1;
        self.last.as_bytes() >= digits.as_slice() && self.first.as_bytes() < past.as_slice()
    }
}

impl MonthIds {
    /// What `entries`, month `key`'s file, allow. `None` when an entry's time falls in another
    /// month (the ids made for it would then be another month's own).
    pub fn of(key: MonthKey, entries: &[JournalEntry]) -> Option<Self> {
        let mut foreign: Option<IdRange> = None;
        for entry in entries {
            if entry.month() != key {
                return None;
            }
            if !is_own_id(key, &entry.id) {
                match &mut foreign {
                    Some(range) => range.take_in(&entry.id),
                    None => foreign = Some(IdRange::of(&entry.id)),
                }
            }
        }
        let in_order = entries.is_sorted_by(|a, b| a.created <= b.created);
        Some(Self { in_order, foreign })
    }
}

/// The six digits every id made from a time in month `key` begins with (`202403`); `None` for
/// a year that does not take four digits.
fn own_digits(key: MonthKey) -> Option<[u8; 6]> {
    if !(0..=9999).contains(&key.year) {
        return None;
    }
    let text = format!("{:04}{:02}", key.year, key.month);
    text.as_bytes().try_into().ok()
}

/// True when `id` begins with month `key`'s digits, as every id made from a time in that month
/// does: no other month's own id can be the same.
pub fn is_own_id(key: MonthKey, id: &str) -> bool {
    own_digits(key).is_some_and(|digits| id.as_bytes().starts_with(&digits))
}

/// The ranges of ids to keep in mind across months, given each month read with the range of
/// its ids that are not its own: those of a range that meets another month's range, or ids
/// another month could call its own. Merged, in order, none meeting another.
pub fn ranges_to_watch(months: &[(MonthKey, Option<IdRange>)]) -> Vec<IdRange> {
    let mut watched: Vec<IdRange> = Vec::new();
    for (key, range) in months {
        let Some(range) = range else { continue };
        let meets_another = months.iter().any(|(other, theirs)| {
            other != key
                && (range.meets_own_ids_of(*other)
                    || theirs.as_ref().is_some_and(|theirs| range.meets(theirs)))
        });
        if meets_another {
            watched.push(range.clone());
        }
    }
    watched.sort_by(|a, b| a.first.cmp(&b.first));
    let mut merged: Vec<IdRange> = Vec::with_capacity(watched.len());
    for range in watched {
        match merged.last_mut() {
            Some(last) if range.first <= last.last => {
                if range.last > last.last {
                    last.last = range.last;
                }
            }
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn entry(id: &str, day: u32) -> JournalEntry {
        JournalEntry::words_at(id, Utc.with_ymd_and_hms(2024, 3, day, 9, 0, 0).unwrap())
    }

    fn month(name: &str) -> MonthKey {
        MonthKey::parse(name).unwrap()
    }

    fn range(first: &str, last: &str) -> IdRange {
        IdRange {
            first: first.into(),
            last: last.into(),
        }
    }

    #[test]
    fn ids_made_in_the_month_are_its_own_and_the_others_make_a_range() {
        let entries = [
            entry("20240301T090000000Z", 1),
            entry("imported-7", 2),
            entry("20240303T090000000Z-2", 3),
            entry("20240401T090000000Z", 4),
        ];
        let ids = MonthIds::of(month("2024-03"), &entries).unwrap();
        assert!(ids.in_order);
        assert_eq!(
            ids.foreign,
            Some(range("20240401T090000000Z", "imported-7"))
        );
        assert!(is_own_id(month("2024-03"), "202403"));
        assert!(!is_own_id(month("2024-03"), "20240"));
        let own = [entry("20240301T090000000Z", 1)];
        assert_eq!(MonthIds::of(month("2024-03"), &own).unwrap().foreign, None);
    }

    #[test]
    fn order_is_by_time_and_equal_times_are_in_order() {
        let sorted = [
            entry("202403a", 1),
            entry("202403b", 1),
            entry("202403c", 2),
        ];
        assert!(MonthIds::of(month("2024-03"), &sorted).unwrap().in_order);
        let unsorted = [entry("202403a", 2), entry("202403b", 1)];
        assert!(!MonthIds::of(month("2024-03"), &unsorted).unwrap().in_order);
    }

    #[test]
    fn an_entry_of_another_month_leaves_the_month_undescribed() {
        let mut misplaced = entry("202403a", 1);
        misplaced.created = Utc.with_ymd_and_hms(2024, 4, 1, 0, 0, 0).unwrap();
        assert_eq!(MonthIds::of(month("2024-03"), &[misplaced]), None);
    }

    #[test]
    fn a_range_meets_the_ids_a_month_could_call_its_own() {
        let march = month("2024-03");
        assert!(range("2024031", "2024032").meets_own_ids_of(march));
        assert!(range("1", "3").meets_own_ids_of(march));
        assert!(range("202402z", "202403").meets_own_ids_of(march));
        assert!(!range("202402", "202402zzz").meets_own_ids_of(march));
        assert!(!range("202404", "g").meets_own_ids_of(march));
        assert!(range("202403zzz", "g").meets_own_ids_of(march));
        assert!(range("g1", "g5").meets(&range("g5", "g9")));
        assert!(!range("g1", "g4").meets(&range("g5", "g9")));
        assert_eq!(
            own_digits(MonthKey {
                year: 10000,
                month: 1
            }),
            None
        );
    }

    #[test]
    fn only_ranges_that_meet_another_months_ids_are_watched_and_they_are_merged() {
        let months = [
            (month("2024-01"), Some(range("g001", "g100"))),
            (month("2024-02"), Some(range("g101", "g200"))),
            (month("2024-03"), None),
        ];
        assert!(
            ranges_to_watch(&months).is_empty(),
            "apart: nothing watched"
        );
        let months = [
            (month("2024-01"), Some(range("g001", "g150"))),
            (month("2024-02"), Some(range("g101", "g200"))),
            (month("2024-03"), None),
            (month("2024-04"), Some(range("20240301T1", "20240301T1"))),
            (month("2024-05"), Some(range("x", "y"))),
        ];
        assert_eq!(
            ranges_to_watch(&months),
            [range("20240301T1", "20240301T1"), range("g001", "g200")],
            "a range over another's, and one over March's own ids"
        );
    }
}
