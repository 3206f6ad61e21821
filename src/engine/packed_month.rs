//! A journal month kept small: its entries' fields as they are, and their text compressed in
//! blocks of about 64 KiB, each compressed on its own so one entry's text, or a whole month's,
//! comes back in a fraction of a millisecond per block.
//!
//! LZ4 (`lz4_flex`, pure Rust): it decompresses at gigabytes a second, so a month of 7.6 MB of
//! text (a month at 1,000,000 entries) comes back in a few milliseconds; a stronger compressor
//! would keep less but cost a key its frame.

use chrono::{DateTime, Utc};

use super::journal::{Extra, JournalEntry};

/// About how many bytes of text one block holds (an entry's text is never split, so a long one
/// makes a block of its own).
const BLOCK_TEXT: usize = 64 * 1024;

/// A month's entries with their text compressed. Made by [`PackedMonth::pack`]; the entries
/// come back whole only through [`PackedMonth::unpack`] or [`PackedMonth::unpack_block`], so
/// nothing can read (or save) an entry without its text.
#[derive(Debug)]
pub struct PackedMonth {
    fields: Vec<EntryFields>,
    /// The byte length of each entry's text.
    text_lens: Vec<u32>,
    blocks: Vec<TextBlock>,
}

/// An entry without its text.
#[derive(Debug)]
struct EntryFields {
    id: String,
    created: DateTime<Utc>,
    edited: Option<DateTime<Utc>>,
    step: Option<String>,
    mood: Option<u8>,
    tags: Vec<String>,
    extra: Extra,
}

/// The texts of some entries in a row, one after another, compressed together.
#[derive(Debug)]
struct TextBlock {
    /// The first entry whose text is here.
    first: usize,
    /// The texts' length before compression.
    raw_len: usize,
    compressed: Box<[u8]>,
}

impl PackedMonth {
    /// Packs `entries` (kept in their order). Gives them back when one text is too long to
    /// note (4 GiB or more), to be kept as they are.
    pub fn pack(entries: Vec<JournalEntry>) -> Result<Self, Vec<JournalEntry>> {
        if entries.iter().any(|e| u32::try_from(e.text.len()).is_err()) {
            return Err(entries);
        }
        let mut packed = Self {
            fields: Vec::with_capacity(entries.len()),
            text_lens: Vec::with_capacity(entries.len()),
            blocks: Vec::new(),
        };
        let mut text = String::new();
        let mut first = 0;
        for (at, entry) in entries.into_iter().enumerate() {
            if !text.is_empty() && text.len() + entry.text.len() > BLOCK_TEXT {
                packed.seal(first, &text);
                text.clear();
                first = at;
            }
            text.push_str(&entry.text);
            packed.text_lens.push(entry.text.len() as u32);
            packed.fields.push(EntryFields {
                id: entry.id,
                created: entry.created,
                edited: entry.edited,
                step: entry.step,
                mood: entry.mood,
                tags: entry.tags,
                extra: entry.extra,
            });
        }
        if !packed.fields.is_empty() {
            packed.seal(first, &text);
        }
        packed.fields.shrink_to_fit();
        packed.blocks.shrink_to_fit();
        Ok(packed)
    }

    /// Compresses `text`, the texts of the entries from `first` on.
    fn seal(&mut self, first: usize, text: &str) {
        self.blocks.push(TextBlock {
            first,
            raw_len: text.len(),
            compressed: lz4_flex::block::compress(text.as_bytes()).into_boxed_slice(),
        });
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The id of entry `at`.
    pub fn id(&self, at: usize) -> Option<&str> {
        self.fields.get(at).map(|f| f.id.as_str())
    }

    /// The step entry `at` is tied to.
    pub fn step(&self, at: usize) -> Option<&str> {
        self.fields.get(at).and_then(|f| f.step.as_deref())
    }

    /// The ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|f| f.id.as_str())
    }

    /// How many blocks the text is kept in.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// The block holding entry `at`'s text.
    pub fn block_of(&self, at: usize) -> usize {
        self.blocks
            .partition_point(|b| b.first <= at)
            .saturating_sub(1)
    }

    /// The entries of block `block`, from its first one on.
    pub fn block_start(&self, block: usize) -> usize {
        self.blocks.get(block).map_or(self.len(), |b| b.first)
    }

    /// The entries whose text is in block `block`, whole, in order.
    pub fn unpack_block(&self, block: usize) -> Vec<JournalEntry> {
        let Some(packed) = self.blocks.get(block) else {
            return Vec::new();
        };
        let end = self.block_start(block + 1);
        // Made here from whole texts and never changed: failing to come back would be a bug,
        // and an entry given back without its words could be saved over the file's.
        let mut raw = vec![0; packed.raw_len];
        let n = lz4_flex::block::decompress_into(&packed.compressed, &mut raw)
            .expect("a packed block decompresses");
        assert_eq!(n, raw.len(), "a packed block comes back whole");
        let text = String::from_utf8(raw).expect("a packed block is the text it was made from");
        let mut from = 0;
        (packed.first..end)
            .map(|at| {
                let f = &self.fields[at];
                let to = from + self.text_lens[at] as usize;
                let words = text[from..to].to_string();
                from = to;
                JournalEntry {
                    id: f.id.clone(),
                    created: f.created,
                    edited: f.edited,
                    text: words,
                    step: f.step.clone(),
                    mood: f.mood,
                    tags: f.tags.clone(),
                    extra: f.extra.clone(),
                }
            })
            .collect()
    }

    /// Every entry, whole, in order.
    pub fn unpack(&self) -> Vec<JournalEntry> {
        let mut entries = Vec::with_capacity(self.len());
        for block in 0..self.blocks.len() {
            entries.extend(self.unpack_block(block));
        }
        entries
    }

    /// The bytes of text it holds, before compression.
    pub fn text_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.raw_len).sum()
    }

    /// The bytes its text takes compressed.
    pub fn packed_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.compressed.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize, text: String) -> JournalEntry {
        let mut extra = Extra::new();
        if n.is_multiple_of(3) {
            extra.insert("weather".into(), serde_json::json!({"sky": "grey", "n": n}));
        }
        JournalEntry {
            id: format!("20260301T000000000Z-{n}"),
            created: "2026-03-01T12:00:00Z".parse().unwrap(),
            edited: n
                .is_multiple_of(2)
                .then(|| "2026-03-02T08:00:00Z".parse().unwrap()),
            text,
            step: n.is_multiple_of(4).then(|| "boundaries".to_string()),
            mood: (!n.is_multiple_of(5)).then_some((n % 5) as u8),
            tags: vec![format!("tag{}", n % 7), "ünïcode".into()],
            extra,
        }
    }

    fn texts() -> Vec<String> {
        let mut texts = vec![
            String::new(),
            "Slept badly. 😴 Missed them at 3am; wrote instead. 🌧️💔➡️🌤️".to_string(),
            "Ünïcödé: 日本語のテキスト, עברית, العربية, 👩‍👩‍👧‍👦".to_string(),
            String::new(),
            "a".repeat(10 * 1024 * 1024),
            "line one\n\nline three\r\n\ttabbed \u{1b}[31m escape".to_string(),
        ];
        for n in 0..500 {
            texts.push(format!(
                "entry {n}: {}",
                "walked by the river again. ".repeat(n % 40)
            ));
        }
        texts.push(String::new());
        texts
    }

    #[test]
    fn a_packed_month_unpacks_to_exactly_the_entries_it_held() {
        let entries: Vec<JournalEntry> = texts()
            .into_iter()
            .enumerate()
            .map(|(n, t)| entry(n, t))
            .collect();
        let packed = PackedMonth::pack(entries.clone()).unwrap();
        assert_eq!(packed.len(), entries.len());
        assert!(packed.block_count() > 3, "the text is split into blocks");
        assert!(packed.packed_bytes() < packed.text_bytes() / 4);
        assert_eq!(packed.unpack(), entries);
        let mut by_blocks = Vec::new();
        for block in 0..packed.block_count() {
            assert_eq!(by_blocks.len(), packed.block_start(block));
            by_blocks.extend(packed.unpack_block(block));
        }
        assert_eq!(by_blocks, entries);
        for at in [0, 1, 4, 5, 300, entries.len() - 1] {
            let block = packed.block_of(at);
            let start = packed.block_start(block);
            assert_eq!(packed.unpack_block(block)[at - start], entries[at]);
            assert_eq!(packed.id(at), Some(entries[at].id.as_str()));
            assert_eq!(packed.step(at), entries[at].step.as_deref());
        }
    }

    #[test]
    fn an_empty_month_packs_to_nothing() {
        let packed = PackedMonth::pack(Vec::new()).unwrap();
        assert!(packed.is_empty());
        assert_eq!(packed.block_count(), 0);
        assert!(packed.unpack().is_empty());
        assert!(packed.unpack_block(0).is_empty());
    }
}
