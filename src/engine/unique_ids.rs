//! Ids made unique while the journal is read a month at a time, oldest first, as export and
//! backup read it: an id handed out before gets a new one, made from its entry's time.

use super::journal::{JournalEntry, id_at};
use super::month_ids::IdRange;
use super::seen_ids::SeenIds;

/// The ids that can have been handed out in another month than the one being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watch {
    /// Any id: nothing is known of the months' ids, so every id read is kept in mind (about
    /// nine bytes each).
    All,
    /// Only the ids in these ranges (in order, none meeting another: see
    /// [`super::month_ids::ranges_to_watch`]); any other id can only be taken twice within its
    /// month.
    Ranges(Vec<IdRange>),
}

/// Hands out ids no earlier entry had, keeping in mind the ids of the month being read and the
/// watched ids of every month before it.
#[derive(Debug, Clone)]
pub struct UniqueIds {
    watch: Watch,
    /// Watched ids handed out so far (every id, under [`Watch::All`]).
    watched: SeenIds,
    /// Unwatched ids handed out in the month being read.
    month: SeenIds,
}

impl UniqueIds {
    /// Keeps every id in mind, with room for `expected` before its table grows.
    pub fn watching_all(expected: usize) -> Self {
        Self {
            watch: Watch::All,
            watched: SeenIds::with_capacity(expected),
            month: SeenIds::default(),
        }
    }

    /// Keeps in mind the ids in `ranges` (in order, none meeting another) across months, and
    /// any other id within its month only.
    pub fn watching(ranges: Vec<IdRange>) -> Self {
        Self {
            watch: Watch::Ranges(ranges),
            watched: SeenIds::default(),
            month: SeenIds::default(),
        }
    }

    /// What it keeps in mind across months.
    pub fn watch(&self) -> &Watch {
        &self.watch
    }

    /// Begins a month of about `entries` entries: the ids of the month before are forgotten,
    /// unless watched.
    pub fn start_month(&mut self, entries: usize) {
        if matches!(self.watch, Watch::Ranges(_)) {
            self.month.clear_for(entries);
        }
    }

    /// Notes `id` as handed out; false when it was handed out before (or shares its hash with
    /// an id that was, about one chance in 10^7 at 1,000,000 ids: it is then renamed, which
    /// loses nothing).
    fn claim(&mut self, id: &str) -> bool {
        match &self.watch {
            Watch::Ranges(ranges) if !in_ranges(ranges, id) => self.month.insert(id),
            _ => self.watched.insert(id),
        }
    }

    /// Gives `entry` a new id when its id was handed out before (in an earlier month, or
    /// earlier in this one): made from its time as the journal makes ids, with `-2`, `-3`...
    /// while that too was handed out.
    pub fn keep(&mut self, entry: &mut JournalEntry) {
        if self.claim(&entry.id) {
            return;
        }
        let base = id_at(entry.created);
        let mut id = base.clone();
        let mut n = 1;
        while !self.claim(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        entry.id = id;
    }
}

/// True when `id` is in one of `ranges` (in order, none meeting another).
fn in_ranges(ranges: &[IdRange], id: &str) -> bool {
    let after = ranges.partition_point(|range| range.first.as_str() <= id);
    after > 0 && ranges[after - 1].holds(id)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn entry(id: &str, minute: u32) -> JournalEntry {
        JournalEntry::words_at(id, Utc.with_ymd_and_hms(2024, 3, 1, 9, minute, 0).unwrap())
    }

    fn kept(ids: &mut UniqueIds, id: &str, minute: u32) -> String {
        let mut entry = entry(id, minute);
        ids.keep(&mut entry);
        entry.id
    }

    #[test]
    fn an_id_taken_before_gets_one_from_its_time() {
        let mut ids = UniqueIds::watching_all(4);
        assert_eq!(kept(&mut ids, "a", 0), "a");
        assert_eq!(kept(&mut ids, "a", 5), "20240301T090500000Z");
        assert_eq!(
            kept(&mut ids, "20240301T090500000Z", 5),
            "20240301T090500000Z-2"
        );
        ids.start_month(4);
        assert_eq!(
            kept(&mut ids, "a", 7),
            "20240301T090700000Z",
            "watching all: across months"
        );
    }

    #[test]
    fn unwatched_ids_are_forgotten_with_their_month_and_watched_ones_are_not() {
        let mut ids = UniqueIds::watching(vec![IdRange::of("x")]);
        ids.start_month(2);
        assert_eq!(kept(&mut ids, "202403a", 0), "202403a");
        assert_eq!(kept(&mut ids, "202403a", 1), "20240301T090100000Z");
        assert_eq!(kept(&mut ids, "x", 2), "x");
        ids.start_month(2);
        assert_eq!(
            kept(&mut ids, "202403a", 3),
            "202403a",
            "another month's own id"
        );
        assert_eq!(
            kept(&mut ids, "x", 4),
            "20240301T090400000Z",
            "watched across months"
        );
    }

    #[test]
    fn an_id_is_watched_when_a_range_holds_it() {
        let ranges = [IdRange::of("b"), IdRange::of("d")]
            .into_iter()
            .map(|mut r| {
                r.take_in(&format!("{}z", r.first));
                r
            })
            .collect::<Vec<_>>();
        for (id, held) in [
            ("a", false),
            ("b", true),
            ("bm", true),
            ("bz", true),
            ("c", false),
            ("dz", true),
            ("e", false),
        ] {
            assert_eq!(in_ranges(&ranges, id), held, "{id}");
        }
        assert!(!in_ranges(&[], "a"));
    }

    #[test]
    fn a_new_id_that_is_watched_is_kept_in_mind_across_months() {
        let made = "20240301T090000000Z".to_string();
        let mut ids = UniqueIds::watching(vec![IdRange::of(&made), IdRange::of("y")]);
        ids.start_month(2);
        assert_eq!(kept(&mut ids, "y", 0), "y");
        assert_eq!(kept(&mut ids, "y", 0), made);
        ids.start_month(2);
        assert_eq!(kept(&mut ids, &made, 0), format!("{made}-2"));
    }
}
