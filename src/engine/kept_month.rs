//! One month as the journal keeps it: open (its entries as they are), or packed (their text
//! compressed, see [`PackedMonth`]) and unpacked on first read into a cache that the journal
//! drops again once the month has not been read for a while.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use super::journal::JournalEntry;
use super::packed_month::PackedMonth;

/// A month's entries, open or packed.
#[derive(Debug)]
pub(super) struct KeptMonth {
    form: Form,
    /// Read since the journal last looked ([`KeptMonth::take_used`]).
    used: AtomicBool,
}

#[derive(Debug)]
enum Form {
    /// Shared, so a thread can read the month (the search index) without a copy; a change
    /// while a thread still reads it copies the month first.
    Open(Arc<Vec<JournalEntry>>),
    Packed(Arc<PackedMonth>, Unpacked),
}

/// A packed month's entries as read so far: the whole month, or single blocks of it.
#[derive(Debug)]
struct Unpacked {
    whole: OnceLock<Vec<JournalEntry>>,
    blocks: Box<[OnceLock<Vec<JournalEntry>>]>,
}

impl Unpacked {
    fn new(packed: &PackedMonth) -> Self {
        Self {
            whole: OnceLock::new(),
            blocks: (0..packed.block_count()).map(|_| OnceLock::new()).collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.whole.get().is_none() && self.blocks.iter().all(|b| b.get().is_none())
    }
}

/// A month's entries shared with another thread, open or packed.
#[derive(Debug, Clone)]
pub enum SharedMonth {
    /// The entries as they are.
    Open(Arc<Vec<JournalEntry>>),
    /// The entries packed.
    Packed(Arc<PackedMonth>),
}

impl SharedMonth {
    /// How many entries it holds.
    pub fn len(&self) -> usize {
        match self {
            Self::Open(entries) => entries.len(),
            Self::Packed(packed) => packed.len(),
        }
    }

    /// True when it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries, unpacked for the caller alone when packed (nothing is kept).
    pub fn entries(&self) -> Cow<'_, [JournalEntry]> {
        match self {
            Self::Open(entries) => Cow::Borrowed(entries.as_slice()),
            Self::Packed(packed) => Cow::Owned(packed.unpack()),
        }
    }
}

impl KeptMonth {
    /// A month of `entries`, open.
    pub(super) fn open(entries: Vec<JournalEntry>) -> Self {
        Self::of(Form::Open(Arc::new(entries)))
    }

    /// A packed month.
    pub(super) fn packed(packed: PackedMonth) -> Self {
        let unpacked = Unpacked::new(&packed);
        Self::of(Form::Packed(Arc::new(packed), unpacked))
    }

    fn of(form: Form) -> Self {
        Self {
            form,
            used: AtomicBool::new(false),
        }
    }

    /// How many entries it holds.
    pub(super) fn len(&self) -> usize {
        match &self.form {
            Form::Open(entries) => entries.len(),
            Form::Packed(packed, _) => packed.len(),
        }
    }

    /// True when its text is packed.
    pub(super) fn is_packed(&self) -> bool {
        matches!(self.form, Form::Packed(..))
    }

    /// The place of the entry with `id`, found without unpacking.
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        match &self.form {
            Form::Open(entries) => entries.iter().position(|e| e.id == id),
            Form::Packed(packed, _) => packed.ids().position(|i| i == id),
        }
    }

    /// The step entry `at` is tied to, read without unpacking.
    pub(super) fn step(&self, at: usize) -> Option<&str> {
        match &self.form {
            Form::Open(entries) => entries.get(at).and_then(|e| e.step.as_deref()),
            Form::Packed(packed, _) => packed.step(at),
        }
    }

    /// Every entry, unpacked (and kept unpacked until dropped) when packed.
    pub(super) fn entries(&self) -> &[JournalEntry] {
        self.used.store(true, Ordering::Relaxed);
        match &self.form {
            Form::Open(entries) => entries,
            Form::Packed(packed, unpacked) => unpacked.whole.get_or_init(|| packed.unpack()),
        }
    }

    /// Entry `at`; when packed, only the block holding it is unpacked (and kept).
    pub(super) fn get(&self, at: usize) -> Option<&JournalEntry> {
        self.used.store(true, Ordering::Relaxed);
        match &self.form {
            Form::Open(entries) => entries.get(at),
            Form::Packed(packed, unpacked) => {
                if let Some(whole) = unpacked.whole.get() {
                    return whole.get(at);
                }
                if at >= packed.len() {
                    return None;
                }
                let block = packed.block_of(at);
                let entries = unpacked.blocks[block].get_or_init(|| packed.unpack_block(block));
                entries.get(at - packed.block_start(block))
            }
        }
    }

    /// Every entry in order, unpacking block by block when packed.
    pub(super) fn iter(&self) -> impl DoubleEndedIterator<Item = &JournalEntry> {
        (0..self.len()).filter_map(move |at| self.get(at))
    }

    /// The entries shared with another thread.
    pub(super) fn shared(&self) -> SharedMonth {
        match &self.form {
            Form::Open(entries) => SharedMonth::Open(Arc::clone(entries)),
            Form::Packed(packed, _) => SharedMonth::Packed(Arc::clone(packed)),
        }
    }

    /// The entries to change, opening the month first when packed.
    pub(super) fn make_mut(&mut self) -> &mut Vec<JournalEntry> {
        *self.used.get_mut() = true;
        if let Form::Packed(packed, unpacked) = &mut self.form {
            let entries = unpacked.whole.take().unwrap_or_else(|| packed.unpack());
            self.form = Form::Open(Arc::new(entries));
        }
        match &mut self.form {
            Form::Open(entries) => Arc::make_mut(entries),
            Form::Packed(..) => unreachable!("opened above"),
        }
    }

    /// The entries, owned (a copy only when still shared).
    pub(super) fn into_vec(self) -> Vec<JournalEntry> {
        match self.form {
            Form::Open(entries) => Arc::unwrap_or_clone(entries),
            Form::Packed(packed, mut unpacked) => {
                unpacked.whole.take().unwrap_or_else(|| packed.unpack())
            }
        }
    }

    /// True when it was read since last asked; asking starts again.
    pub(super) fn take_used(&mut self) -> bool {
        std::mem::take(self.used.get_mut())
    }

    /// True when it is packed and some of it is unpacked now.
    pub(super) fn holds_unpacked(&self) -> bool {
        matches!(&self.form, Form::Packed(_, unpacked) if !unpacked.is_empty())
    }

    /// Drops what was unpacked of a packed month; true when there was any.
    pub(super) fn drop_unpacked(&mut self) -> bool {
        let Form::Packed(packed, unpacked) = &mut self.form else {
            return false;
        };
        if unpacked.is_empty() {
            return false;
        }
        *unpacked = Unpacked::new(packed);
        true
    }

    /// Packs an open month; false when it is packed already or cannot be.
    pub(super) fn pack(&mut self) -> bool {
        let Form::Open(entries) = &mut self.form else {
            return false;
        };
        if Arc::strong_count(entries) > 1 {
            // A thread still reads it (the search index): packing would copy it.
            return false;
        }
        let entries = std::mem::take(entries);
        match PackedMonth::pack(Arc::unwrap_or_clone(entries)) {
            Ok(packed) => {
                *self = Self::packed(packed);
                true
            }
            Err(entries) => {
                self.form = Form::Open(Arc::new(entries));
                false
            }
        }
    }
}

impl Clone for KeptMonth {
    fn clone(&self) -> Self {
        match &self.form {
            Form::Open(entries) => Self::of(Form::Open(Arc::clone(entries))),
            Form::Packed(packed, _) => {
                Self::of(Form::Packed(Arc::clone(packed), Unpacked::new(packed)))
            }
        }
    }
}

impl PartialEq for KeptMonth {
    /// The same entries, however each is kept.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for KeptMonth {}
