//! Searching the journal as the user types: what a query means, which entries it matches, and
//! which words to highlight.
//!
//! A query is words (`sleep bad`) and tags (`#sleep`); an entry matches when every one of them
//! does (AND). A word matches a word of the entry's text, its tags or its step (id or title)
//! that starts with it, in any case (`Slee` finds "sleeping"), so the word being typed finds
//! its entries letter by letter. A `#word` matches a tag that starts with it.
//!
//! An index per month ([`Segment`]: each lower-case word to the entries holding it, sorted)
//! answers a query without reading the entries' text: a prefix is a range of the sorted words.
//! A month with no current segment is read directly ([`Query::matches`]), with the same result,
//! so the index can be built behind the first frame and is never required.

use std::collections::HashMap;
use std::ops::Range;

use super::journal::{Journal, JournalEntry, MonthKey};
use super::tags::{entry_tags, normal_tag};

/// The words of `text`: runs of letters and digits (any script), with their byte ranges.
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some((at, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = *at;
                break;
            }
            rest.next();
        }
        Some((start..end, &text[start..end]))
    })
}

/// `word` in lower case, written into `into` (cleared first).
fn fold_into(word: &str, into: &mut String) {
    into.clear();
    if word.is_ascii() {
        into.push_str(word);
        into.make_ascii_lowercase();
    } else {
        into.extend(word.chars().flat_map(char::to_lowercase));
    }
}

fn fold(word: &str) -> String {
    let mut folded = String::new();
    fold_into(word, &mut folded);
    folded
}

/// What the user typed to search for, understood.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Lower-case word prefixes; each must start a word of the entry.
    words: Vec<String>,
    /// Lower-case tag prefixes (typed with `#`); each must start a tag of the entry.
    tags: Vec<String>,
}

impl Query {
    /// Reads a query: `#word` is a tag, anything else its words.
    pub fn parse(text: &str) -> Self {
        let mut query = Self::default();
        for chunk in text.split_whitespace() {
            if let Some(tag) = chunk.strip_prefix('#') {
                let tag = tag.trim_start_matches('#');
                let len: usize = tag
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .map(char::len_utf8)
                    .sum();
                if len > 0 && !query.tags.contains(&fold(&tag[..len])) {
                    query.tags.push(fold(&tag[..len]));
                }
                continue;
            }
            for (_, word) in words(chunk) {
                let word = fold(word);
                if !query.words.contains(&word) {
                    query.words.push(word);
                }
            }
        }
        query
    }

    /// True when it asks for nothing (every entry matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.tags.is_empty()
    }

    /// True when `entry` matches, read from the entry itself; `step_title` is its step's
    /// title. The index gives the same answer.
    pub fn matches(&self, entry: &JournalEntry, step_title: Option<&str>) -> bool {
        if !self.tags.is_empty() {
            let tags = entry_tags(entry);
            if !self
                .tags
                .iter()
                .all(|q| tags.iter().any(|t| t.starts_with(q.as_str())))
            {
                return false;
            }
        }
        if self.words.is_empty() {
            return true;
        }
        let mut found = vec![false; self.words.len()];
        let mut folded = String::new();
        for source in searched_texts(entry, step_title) {
            for (_, word) in words(source) {
                fold_into(word, &mut folded);
                for (query, hit) in self.words.iter().zip(found.iter_mut()) {
                    *hit |= folded.starts_with(query.as_str());
                }
            }
        }
        found.iter().all(|hit| *hit)
    }

    /// The byte ranges of `text` to highlight: each word that a query word starts, and each
    /// `#tag` that a query tag starts.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut folded = String::new();
        words(text)
            .filter_map(|(range, word)| {
                fold_into(word, &mut folded);
                let hashed = text[..range.start].ends_with('#');
                let word_hit = self.words.iter().any(|q| folded.starts_with(q.as_str()));
                let tag_hit = hashed && self.tags.iter().any(|q| folded.starts_with(q.as_str()));
                match (word_hit, tag_hit) {
                    (_, true) => Some(range.start - 1..range.end),
                    (true, false) => Some(range),
                    (false, false) => None,
                }
            })
            .collect()
    }
}

/// The texts a word of a query is looked for in: the entry's text, its stored tags, its step's
/// id and title.
fn searched_texts<'a>(
    entry: &'a JournalEntry,
    step_title: Option<&'a str>,
) -> impl Iterator<Item = &'a str> {
    std::iter::once(entry.text.as_str())
        .chain(entry.tags.iter().map(String::as_str))
        .chain(entry.step.as_deref())
        .chain(step_title)
}

/// Which entries the journal list shows: a typed query, a tag chosen from the tag list, and
/// a step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// What was typed.
    pub query: Query,
    /// Only entries with exactly this tag (lower case).
    pub tag: Option<String>,
    /// Only entries tied to this step (its id).
    pub step: Option<String>,
}

impl Filter {
    /// True when it lets every entry through.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty() && self.tag.is_none() && self.step.is_none()
    }

    /// True when `entry` passes, read from the entry itself.
    pub fn matches(&self, entry: &JournalEntry, step_title: Option<&str>) -> bool {
        self.step
            .as_ref()
            .is_none_or(|s| entry.step.as_ref() == Some(s))
            && self
                .tag
                .as_ref()
                .is_none_or(|t| entry_tags(entry).contains(t))
            && self.query.matches(entry, step_title)
    }
}

/// An entry by position: the month it is kept in and its place there (oldest first). Good
/// while the journal's [`Journal::generation`] is the one it was taken at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryRef {
    /// The month.
    pub month: MonthKey,
    /// The place in the month.
    pub at: u32,
}

impl EntryRef {
    /// The entry this names in `journal`.
    pub fn get(self, journal: &Journal) -> Option<&JournalEntry> {
        journal.entry(self.month, self.at as usize)
    }
}

/// What an index reads of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    /// Everything a query word is looked for in (text, stored tags, step id and title), one
    /// text after another.
    pub texts: Vec<String>,
    /// Every tag of the entry, lower case.
    pub tags: Vec<String>,
}

impl SearchDoc {
    /// What the index needs of `entry`, whose step has the title `step_title`.
    pub fn of(entry: &JournalEntry, step_title: Option<&str>) -> Self {
        Self {
            texts: searched_texts(entry, step_title)
                .map(str::to_string)
                .collect(),
            tags: entry_tags(entry),
        }
    }
}

/// The index of one month: every lower-case word to the places of the entries holding it.
///
/// Kept compact, as it lives beside the whole journal: the words one after another in one
/// string, and each word's places as ascending gaps of one or two bytes each (LEB128).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segment {
    revision: u64,
    len: u32,
    /// Distinct words, sorted, one after another: word `i` ends at `word_ends[i]`.
    word_text: String,
    word_ends: Vec<u32>,
    /// `places[starts[i]..starts[i + 1]]` hold word `i`'s places, as gaps.
    starts: Vec<u32>,
    places: Vec<u8>,
    /// Distinct tags, sorted, with the places of the entries holding each.
    tags: Vec<(Box<str>, Vec<u32>)>,
    /// Per first letter of a word, the places of the entries holding a word that starts with
    /// it: the first key typed, the broadest prefix, is one lookup instead of a union.
    initials: Vec<(char, Bits)>,
}

impl Segment {
    /// Indexes a month's entries (in their order) as they were at `revision`.
    pub fn build(docs: &[SearchDoc], revision: u64) -> Self {
        let mut by_word: HashMap<Box<str>, Vec<u32>> = HashMap::new();
        let mut by_tag: HashMap<Box<str>, Vec<u32>> = HashMap::new();
        let mut folded = String::new();
        for (place, doc) in (0u32..).zip(docs) {
            for (_, word) in doc.texts.iter().flat_map(|t| words(t)) {
                fold_into(word, &mut folded);
                match by_word.get_mut(folded.as_str()) {
                    Some(places) if places.last() == Some(&place) => {}
                    Some(places) => places.push(place),
                    None => {
                        by_word.insert(folded.as_str().into(), vec![place]);
                    }
                }
            }
            for tag in &doc.tags {
                let places = by_tag.entry(tag.as_str().into()).or_default();
                if places.last() != Some(&place) {
                    places.push(place);
                }
            }
        }
        let mut sorted: Vec<(Box<str>, Vec<u32>)> = by_word.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut segment = Self {
            revision,
            len: docs.len() as u32,
            word_ends: Vec::with_capacity(sorted.len()),
            starts: Vec::with_capacity(sorted.len() + 1),
            ..Self::default()
        };
        segment.starts.push(0);
        for (word, places) in sorted {
            segment.word_text.push_str(&word);
            segment.word_ends.push(segment.word_text.len() as u32);
            let mut last = 0;
            for place in places {
                push_gap(&mut segment.places, place - last);
                last = place;
            }
            segment.starts.push(segment.places.len() as u32);
        }
        segment.word_text.shrink_to_fit();
        segment.places.shrink_to_fit();
        segment.initials = segment.initials_of_words();
        segment.tags = by_tag.into_iter().collect();
        segment.tags.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        segment
    }

    /// Word `i` of the sorted words.
    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.word_ends[i - 1] };
        &self.word_text[start as usize..self.word_ends[i] as usize]
    }

    /// The places of the entries holding word `i`, ascending.
    fn places_of(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.places[self.starts[i] as usize..self.starts[i + 1] as usize].iter();
        let mut place = 0u32;
        std::iter::from_fn(move || {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let byte = *bytes.next()?;
                gap |= u32::from(byte & 0x7F) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
            }
            place += gap;
            Some(place)
        })
    }

    /// The indices of the sorted words that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let count = self.word_ends.len();
        let lo = partition_point(0..count, |i| self.word(i) < prefix);
        let hi = partition_point(lo..count, |i| self.word(i).starts_with(prefix));
        lo..hi
    }

    /// The bit set of each first letter, from the sorted words.
    fn initials_of_words(&self) -> Vec<(char, Bits)> {
        let mut initials: Vec<(char, Bits)> = Vec::new();
        for i in 0..self.word_ends.len() {
            let Some(first) = self.word(i).chars().next() else {
                continue;
            };
            if initials.last().is_none_or(|(c, _)| *c != first) {
                initials.push((first, Bits::empty(self.len as usize)));
            }
            if let Some((_, bits)) = initials.last_mut() {
                self.places_of(i).for_each(|p| bits.set(p));
            }
        }
        initials
    }

    /// The places holding a word that starts with `prefix`.
    fn holding(&self, prefix: &str) -> Bits {
        let mut chars = prefix.chars();
        if let (Some(first), None) = (chars.next(), chars.next())
            && let Ok(at) = self.initials.binary_search_by(|(c, _)| c.cmp(&first))
        {
            return self.initials[at].1.clone();
        }
        let mut hits = Bits::empty(self.len as usize);
        for i in self.prefix_range(prefix) {
            self.places_of(i).for_each(|p| hits.set(p));
        }
        hits
    }

    /// The month's revision this describes (see [`Journal::revision`]).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many entries it indexed.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when it indexed no entry.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Each tag with how many entries have it.
    pub fn tag_counts(&self) -> impl Iterator<Item = (&str, usize)> {
        self.tags.iter().map(|(tag, places)| (&**tag, places.len()))
    }

    /// The places matching `query` and `tag` (not the step: see [`search`]), as a bit set.
    fn matching(&self, query: &Query, tag: Option<&str>) -> Bits {
        let mut bits = Bits::full(self.len as usize);
        for word in &query.words {
            bits.and(&self.holding(word));
        }
        for prefix in &query.tags {
            let mut hits = Bits::empty(self.len as usize);
            let lo = self.tags.partition_point(|(t, _)| **t < **prefix);
            self.tags[lo..]
                .iter()
                .take_while(|(t, _)| t.starts_with(prefix.as_str()))
                .flat_map(|(_, places)| places)
                .for_each(|p| hits.set(*p));
            bits.and(&hits);
        }
        if let Some(tag) = tag {
            let mut hits = Bits::empty(self.len as usize);
            if let Ok(at) = self.tags.binary_search_by(|(t, _)| (**t).cmp(tag)) {
                self.tags[at].1.iter().for_each(|p| hits.set(*p));
            }
            bits.and(&hits);
        }
        bits
    }
}

/// The first index of `range` for which `holds` is false, where it holds for a first part of
/// the range and not after.
fn partition_point(range: Range<usize>, holds: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (range.start, range.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Appends `gap` in LEB128: seven bits a byte, the high bit set on all but the last.
fn push_gap(out: &mut Vec<u8>, mut gap: u32) {
    while gap >= 0x80 {
        out.push((gap as u8 & 0x7F) | 0x80);
        gap >>= 7;
    }
    out.push(gap as u8);
}

/// A set of places in a month, one bit each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(len: usize) -> Self {
        Self(vec![0; len.div_ceil(64)])
    }

    fn full(len: usize) -> Self {
        let mut bits = Self(vec![u64::MAX; len.div_ceil(64)]);
        if let Some(last) = bits.0.last_mut().filter(|_| !len.is_multiple_of(64)) {
            *last = (1u64 << (len % 64)) - 1;
        }
        bits
    }

    fn set(&mut self, place: u32) {
        self.0[place as usize / 64] |= 1 << (place % 64);
    }

    fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    /// The places set, highest first.
    fn newest_first(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().rev().flat_map(|(i, word)| {
            let mut word = *word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = 63 - word.leading_zeros();
                    word &= !(1u64 << bit);
                    i as u32 * 64 + bit
                })
            })
        })
    }
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The entries let through, newest first.
    pub entries: Vec<EntryRef>,
    /// Months not yet indexed that were not searched (see [`SearchIndex::search_within`]).
    pub months_left_out: usize,
}

/// The journal's per-month segments; a month whose segment is missing or older than the month
/// is read directly instead.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    segments: HashMap<MonthKey, Segment>,
}

impl SearchIndex {
    /// Indexes every month of `journal` at once (tests, benches; the workbook builds months
    /// on a thread).
    pub fn build(journal: &Journal, step_title: &dyn Fn(&str) -> Option<String>) -> Self {
        let mut index = Self::default();
        for key in journal.months() {
            let Some(month) = journal.month_shared(key) else {
                continue;
            };
            let docs = docs_of(&month.entries(), step_title);
            index.put(key, Segment::build(&docs, journal.revision(key)));
        }
        index
    }

    /// Keeps `segment` as the index of month `key`, unless a newer one is kept already.
    pub fn put(&mut self, key: MonthKey, segment: Segment) {
        match self.segments.get(&key) {
            Some(kept) if kept.revision >= segment.revision => {}
            _ => {
                self.segments.insert(key, segment);
            }
        }
    }

    /// The segment of month `key` when it describes the month as `journal` holds it now.
    pub fn current(&self, journal: &Journal, key: MonthKey) -> Option<&Segment> {
        self.segments
            .get(&key)
            .filter(|s| s.revision == journal.revision(key) && s.len() == journal.month_len(key))
    }

    /// Forgets months `journal` no longer holds.
    pub fn retain_months(&mut self, journal: &Journal) {
        self.segments.retain(|key, _| journal.month_len(*key) > 0);
    }

    /// The entries of `journal` that `filter` lets through, newest first (the journal list's
    /// order). `step_title` names a step by its id.
    pub fn search(
        &self,
        journal: &Journal,
        filter: &Filter,
        step_title: &dyn Fn(&str) -> Option<String>,
    ) -> Vec<EntryRef> {
        self.search_within(journal, filter, step_title, usize::MAX)
            .entries
    }

    /// As [`SearchIndex::search`], reading directly at most `budget` entries of months not
    /// indexed as they are now (the newest such month always, in its newest `budget` entries
    /// when it holds more): a key typed before the index is built stays quick however large a
    /// month is. The months left out, or read only in part, are counted, for the list to say so.
    pub fn search_within(
        &self,
        journal: &Journal,
        filter: &Filter,
        step_title: &dyn Fn(&str) -> Option<String>,
        budget: usize,
    ) -> Found {
        let mut found = Vec::new();
        let mut left_out = 0;
        let mut budget_left = budget;
        let mut read_any = false;
        let months: Vec<MonthKey> = journal.months().collect();
        for month in months.into_iter().rev() {
            let len = journal.month_len(month);
            let step_ok = |at: u32| {
                filter
                    .step
                    .as_ref()
                    .is_none_or(|s| journal.entry_step(month, at as usize) == Some(s))
            };
            match self.current(journal, month) {
                _ if filter.is_empty() => {
                    found.extend((0..len as u32).rev().map(|at| EntryRef { month, at }));
                }
                Some(segment) => found.extend(
                    segment
                        .matching(&filter.query, filter.tag.as_deref())
                        .newest_first()
                        .filter(|at| step_ok(*at))
                        .map(|at| EntryRef { month, at }),
                ),
                None if read_any && len > budget_left => left_out += 1,
                None => {
                    let entries = journal.month_entries(month);
                    read_any = true;
                    // A month larger than the budget is read in its newest part only.
                    let from = entries.len().saturating_sub(budget_left);
                    left_out += usize::from(from > 0);
                    budget_left = budget_left.saturating_sub(entries.len());
                    found.extend(
                        (from as u32..entries.len() as u32)
                            .rev()
                            .filter(|at| {
                                let entry = &entries[*at as usize];
                                let title = entry.step.as_deref().and_then(step_title);
                                filter.matches(entry, title.as_deref())
                            })
                            .map(|at| EntryRef { month, at }),
                    )
                }
            }
        }
        Found {
            entries: found,
            months_left_out: left_out,
        }
    }

    /// Every tag in `journal` with how many entries have it, most used first, then by name.
    pub fn tag_counts(&self, journal: &Journal) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for month in journal.months() {
            match self.current(journal, month) {
                Some(segment) => {
                    for (tag, n) in segment.tag_counts() {
                        *counts.entry(tag.to_string()).or_default() += n;
                    }
                }
                None => {
                    for entry in journal.month_entries(month) {
                        for tag in entry_tags(entry) {
                            *counts.entry(tag).or_default() += 1;
                        }
                    }
                }
            }
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}

/// What the index reads of each of `entries`.
pub fn docs_of(
    entries: &[JournalEntry],
    step_title: &dyn Fn(&str) -> Option<String>,
) -> Vec<SearchDoc> {
    entries
        .iter()
        .map(|e| {
            let title = e.step.as_deref().and_then(step_title);
            SearchDoc::of(e, title.as_deref())
        })
        .collect()
}

/// A tag as the user typed it for a filter (`#Sleep`, ` sleep `), as compared.
pub fn tag_filter(tag: &str) -> Option<String> {
    normal_tag(tag)
}

#[cfg(test)]
mod tests;
