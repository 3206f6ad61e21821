//! A journal month kept small: each entry's id and step as they are (to find an entry and to
//! filter by step without unpacking), and everything else, the text above all, written in a
//! compact binary form and compressed in blocks of about 64 KiB, each on its own, so one entry,
//! or a whole month, comes back in a fraction of a millisecond per block.
//!
//! A block holds its entries' other fields one after another, then all their texts together:
//! the texts are checked as UTF-8 once per block, with `simdutf8` (checking text full of accents,
//! CJK and emoji with the standard library took longer than decompressing it).
//!
//! LZ4 (`lz4_flex`, pure Rust): it decompresses at gigabytes a second, so a month of 7.6 MB of
//! text (a month at 1,000,000 entries) comes back in a few milliseconds; a stronger compressor
//! would keep less but cost a key more of its frame.

use chrono::{DateTime, Utc};

use super::journal::{Extra, JournalEntry};

/// About how many bytes of entries one block holds (an entry is never split, so a long one
/// makes a block of its own).
const BLOCK_BYTES: usize = 64 * 1024;

/// A month's entries, packed. Made by [`PackedMonth::pack`]; the entries come back whole only
/// through [`PackedMonth::unpack`] or [`PackedMonth::unpack_block`], so nothing can read (or
/// save) an entry without its text.
#[derive(Debug)]
pub struct PackedMonth {
    /// Every id, one after another: entry `i`'s ends at `id_ends[i]`.
    ids: String,
    id_ends: Vec<u32>,
    /// Each entry's step, as an index into `step_names` plus one (0: none).
    steps: Vec<u16>,
    step_names: Vec<Box<str>>,
    blocks: Vec<Block>,
}

/// Some entries in a row, compressed together: their fields (see [`write_fields`]), then their
/// texts one after another.
#[derive(Debug)]
struct Block {
    /// The first entry here.
    first: usize,
    /// Where the texts begin, before compression.
    texts_at: usize,
    /// The bytes' length before compression.
    raw_len: usize,
    compressed: Box<[u8]>,
}

/// Why a month cannot be packed: it is kept as it is.
#[derive(Debug)]
enum TooLarge {
    /// A length that does not fit the form's 32 bits (4 GiB or more).
    Length,
    /// More than 65,535 different steps.
    Steps,
}

impl PackedMonth {
    /// Packs `entries` (kept in their order). Gives them back when one is too large to note
    /// (a text of 4 GiB or more) or the month names more than 65,535 steps.
    pub fn pack(entries: Vec<JournalEntry>) -> Result<Self, Vec<JournalEntry>> {
        match Self::try_pack(&entries) {
            Ok(packed) => Ok(packed),
            Err(_) => Err(entries),
        }
    }

    fn try_pack(entries: &[JournalEntry]) -> Result<Self, TooLarge> {
        let mut packed = Self {
            ids: String::new(),
            id_ends: Vec::with_capacity(entries.len()),
            steps: Vec::with_capacity(entries.len()),
            step_names: Vec::new(),
            blocks: Vec::new(),
        };
        let (mut fields, mut texts) = (Vec::new(), Vec::new());
        let mut first = 0;
        for (at, entry) in entries.iter().enumerate() {
            let held = fields.len() + texts.len();
            if at > first && held + entry.text.len() > BLOCK_BYTES {
                packed.seal(first, &mut fields, &mut texts);
                first = at;
            }
            write_fields(entry, &mut fields)?;
            texts.extend_from_slice(entry.text.as_bytes());
            packed.ids.push_str(&entry.id);
            packed.id_ends.push(len32(packed.ids.len())?);
            let step = match entry.step.as_deref() {
                None => 0,
                Some(step) => match packed.step_names.iter().position(|s| &**s == step) {
                    Some(i) => i + 1,
                    None => {
                        packed.step_names.push(step.into());
                        packed.step_names.len()
                    }
                },
            };
            packed
                .steps
                .push(u16::try_from(step).map_err(|_| TooLarge::Steps)?);
        }
        if !entries.is_empty() {
            packed.seal(first, &mut fields, &mut texts);
        }
        packed.ids.shrink_to_fit();
        packed.blocks.shrink_to_fit();
        Ok(packed)
    }

    /// Compresses the entries from `first` on, their `fields` then their `texts`, and empties
    /// both for the next block.
    fn seal(&mut self, first: usize, fields: &mut Vec<u8>, texts: &mut Vec<u8>) {
        let texts_at = fields.len();
        fields.append(texts);
        self.blocks.push(Block {
            first,
            texts_at,
            raw_len: fields.len(),
            compressed: lz4_flex::block::compress(fields).into_boxed_slice(),
        });
        fields.clear();
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.id_ends.len()
    }

    /// True when it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.id_ends.is_empty()
    }

    /// The id of entry `at`.
    pub fn id(&self, at: usize) -> Option<&str> {
        let end = *self.id_ends.get(at)? as usize;
        let start = at.checked_sub(1).map_or(0, |i| self.id_ends[i] as usize);
        self.ids.get(start..end)
    }

    /// The step entry `at` is tied to.
    pub fn step(&self, at: usize) -> Option<&str> {
        let step = usize::from(*self.steps.get(at)?);
        step.checked_sub(1).map(|i| &*self.step_names[i])
    }

    /// The ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|at| self.id(at))
    }

    /// How many blocks the entries are kept in.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// The block holding entry `at`.
    pub fn block_of(&self, at: usize) -> usize {
        self.blocks
            .partition_point(|b| b.first <= at)
            .saturating_sub(1)
    }

    /// The first entry of block `block` (the number of entries past the last block).
    pub fn block_start(&self, block: usize) -> usize {
        self.blocks.get(block).map_or(self.len(), |b| b.first)
    }

    /// The entries of block `block`, whole, in order.
    pub fn unpack_block(&self, block: usize) -> Vec<JournalEntry> {
        let Some(packed) = self.blocks.get(block) else {
            return Vec::new();
        };
        // Made here from whole entries and never changed: failing to come back would be a
        // bug, and an entry given back without its words could be saved over the file's.
        let mut raw = vec![0; packed.raw_len];
        let n = lz4_flex::block::decompress_into(&packed.compressed, &mut raw)
            .expect("a packed block decompresses");
        assert_eq!(n, raw.len(), "a packed block comes back whole");
        let (fields, texts) = raw.split_at(packed.texts_at);
        let texts = simdutf8::basic::from_utf8(texts).expect("packed texts are UTF-8");
        let mut reader = Reader {
            bytes: fields,
            texts,
        };
        (packed.first..self.block_start(block + 1))
            .map(|at| {
                let id = self.id(at).unwrap_or_default().to_string();
                let step = self.step(at).map(str::to_string);
                reader
                    .entry(id, step)
                    .expect("a packed entry reads back as it was written")
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

    /// The bytes its entries take before compression (ids and steps left out).
    pub fn raw_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.raw_len).sum()
    }

    /// The bytes its entries take compressed.
    pub fn packed_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.compressed.len()).sum()
    }
}

fn len32(n: usize) -> Result<u32, TooLarge> {
    u32::try_from(n).map_err(|_| TooLarge::Length)
}

/// A length, then the bytes.
fn write_bytes(bytes: &[u8], out: &mut Vec<u8>) -> Result<(), TooLarge> {
    out.extend_from_slice(&len32(bytes.len())?.to_le_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

fn write_time(at: DateTime<Utc>, out: &mut Vec<u8>) {
    out.extend_from_slice(&at.timestamp().to_le_bytes());
    out.extend_from_slice(&at.timestamp_subsec_nanos().to_le_bytes());
}

/// An entry but its id, step and text: its times, mood, tags, unknown fields (as JSON), and
/// its text's length.
fn write_fields(entry: &JournalEntry, out: &mut Vec<u8>) -> Result<(), TooLarge> {
    write_time(entry.created, out);
    match entry.edited {
        Some(at) => {
            out.push(1);
            write_time(at, out);
        }
        None => out.push(0),
    }
    match entry.mood {
        Some(mood) => out.extend_from_slice(&[1, mood]),
        None => out.extend_from_slice(&[0, 0]),
    }
    out.extend_from_slice(&len32(entry.tags.len())?.to_le_bytes());
    for tag in &entry.tags {
        write_bytes(tag.as_bytes(), out)?;
    }
    let extra = if entry.extra.is_empty() {
        Vec::new()
    } else {
        serde_json::to_vec(&entry.extra).unwrap_or_default()
    };
    write_bytes(&extra, out)?;
    out.extend_from_slice(&len32(entry.text.len())?.to_le_bytes());
    Ok(())
}

/// Reads back what [`write_fields`] wrote, and each entry's text from the block's texts;
/// `None` when the bytes are not that.
struct Reader<'a> {
    bytes: &'a [u8],
    texts: &'a str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(taken)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn time(&mut self) -> Option<DateTime<Utc>> {
        let secs = i64::from_le_bytes(self.take(8)?.try_into().ok()?);
        DateTime::from_timestamp(secs, self.u32()?)
    }

    fn text(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn entry(&mut self, id: String, step: Option<String>) -> Option<JournalEntry> {
        let created = self.time()?;
        let edited = match self.u8()? {
            0 => None,
            _ => Some(self.time()?),
        };
        let (has_mood, mood) = (self.u8()?, self.u8()?);
        let tags = (0..self.u32()?)
            .map(|_| self.text())
            .collect::<Option<Vec<String>>>()?;
        let extra_len = self.u32()? as usize;
        let extra = match self.take(extra_len)? {
            [] => Extra::new(),
            json => serde_json::from_slice(json).ok()?,
        };
        let text_len = self.u32()? as usize;
        let text = self.texts.get(..text_len)?;
        self.texts = &self.texts[text_len..];
        Some(JournalEntry {
            id,
            created,
            edited,
            text: text.to_string(),
            step,
            mood: (has_mood == 1).then_some(mood),
            tags,
            extra,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize, text: String) -> JournalEntry {
        let mut extra = Extra::new();
        if n.is_multiple_of(3) {
            extra.insert(
                "weather".into(),
                serde_json::json!({"sky": "grey", "n": n, "t": 21.7, "big": u64::MAX, "neg": -3, "list": [null, true, "☁️"]}),
            );
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
        assert!(packed.packed_bytes() < packed.raw_bytes() / 4);
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
