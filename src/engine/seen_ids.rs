//! The ids a reader has handed out while it goes through the journal a month at a time, so an
//! id taken in an earlier month is noticed without keeping the earlier months.

use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// A set of ids, each kept as a 64-bit hash in one flat table (open addressing, linear probing):
/// eight bytes a slot, about nine an id when sized for them up front. A standard hash set of the
/// same hashes takes about twice that, and three times while it grows. Two ids that share a hash
/// count as one (about one chance in 10^7 at 1,000,000 ids): the caller then gives the second a
/// new id, which loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenIds {
    /// Hashes, `EMPTY` where none is kept.
    slots: Vec<u64>,
    len: usize,
}

/// The mark of a free slot; a hash that comes out as it is kept as 1.
const EMPTY: u64 = 0;

/// At most seven slots in eight are used; a fuller table doubles.
fn slots_for(ids: usize) -> usize {
    (ids.saturating_mul(8) / 7 + 1).max(16)
}

fn hash(id: &str) -> u64 {
    match BuildHasherDefault::<DefaultHasher>::default().hash_one(id) {
        EMPTY => 1,
        h => h,
    }
}

impl Default for SeenIds {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl SeenIds {
    /// An empty set with room for `ids` ids before it has to grow.
    pub fn with_capacity(ids: usize) -> Self {
        Self {
            slots: vec![EMPTY; slots_for(ids)],
            len: 0,
        }
    }

    /// Empties the set, keeping its table when that has room for `ids` ids.
    pub fn clear_for(&mut self, ids: usize) {
        if slots_for(ids) > self.slots.len() {
            *self = Self::with_capacity(ids);
        } else {
            self.slots.fill(EMPTY);
            self.len = 0;
        }
    }

    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Notes `id`; false when it (or an id with the same hash) was noted before.
    pub fn insert(&mut self, id: &str) -> bool {
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow();
        }
        let inserted = Self::put(&mut self.slots, hash(id));
        self.len += usize::from(inserted);
        inserted
    }

    /// Puts `h` in the first free slot from its home; false when it is there already.
    fn put(slots: &mut [u64], h: u64) -> bool {
        let n = slots.len();
        // The hash's place scaled to the table (its high bits), with no division.
        let mut at = ((u128::from(h) * n as u128) >> 64) as usize;
        loop {
            match slots[at] {
                EMPTY => {
                    slots[at] = h;
                    return true;
                }
                kept if kept == h => return false,
                _ => at = if at + 1 == n { 0 } else { at + 1 },
            }
        }
    }

    fn grow(&mut self) {
        let mut slots = vec![EMPTY; self.slots.len() * 2];
        for h in self.slots.iter().copied().filter(|h| *h != EMPTY) {
            Self::put(&mut slots, h);
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::SeenIds;

    #[test]
    fn an_id_is_new_once() {
        let mut seen = SeenIds::with_capacity(2);
        assert!(seen.is_empty());
        assert!(seen.insert("a"));
        assert!(seen.insert("b"));
        assert!(!seen.insert("a"));
        assert!(!seen.insert("b"));
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn it_grows_past_its_size_and_keeps_every_id() {
        let mut seen = SeenIds::with_capacity(0);
        let ids: Vec<String> = (0..10_000).map(|n| format!("20260101T{n:09}Z")).collect();
        for id in &ids {
            assert!(seen.insert(id), "{id}");
        }
        assert_eq!(seen.len(), ids.len());
        assert!(ids.iter().all(|id| !seen.insert(id)));
        assert!(seen.insert("one more"));
        assert!(seen.slots.len() * 7 >= seen.len() * 8);
    }

    #[test]
    fn sized_up_front_it_takes_about_nine_bytes_an_id() {
        let mut seen = SeenIds::with_capacity(100_000);
        let slots = seen.slots.len();
        for n in 0..100_000 {
            seen.insert(&format!("g{n:08}"));
        }
        assert_eq!(seen.slots.len(), slots, "no growing");
        assert!(slots * 8 < 100_000 * 10);
    }
}
