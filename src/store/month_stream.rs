//! A month file read an entry at a time, for a reader that must not hold the whole month
//! (export): the file, decrypted as it is read when it is sealed, is read a chunk at a time,
//! and each entry is handed over as soon as it is parsed and checked.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, IgnoredAny};

use crate::engine::{JOURNAL_SCHEMA, JournalEntry, MonthKey, check_entry};

use super::codec::{self, AGE_HEADER};
use super::index::Stamp;
use super::read::existing_backup;
use super::{Store, StoreError};

/// Why a file that ends before its data does cannot be read.
const CUT_OFF: &str = "the file ends too soon; it may have been cut off";

/// Bytes read from the disk at a time.
const READ_SIZE: usize = 256 * 1024;

/// Month file opened to be read an entry at a time ([`Store::open_month_entries`]).
pub struct MonthEntries {
    key: MonthKey,
    file: PathBuf,
    stamp: Option<Stamp>,
    reader: Box<dyn Read + Send>,
}

impl Store {
    /// Opens month `key`'s file to read it an entry at a time; `None` when there is none.
    /// The file opened stays the one read, whatever a writer saves meanwhile.
    pub fn open_month_entries(&self, key: MonthKey) -> Result<Option<MonthEntries>, StoreError> {
        let path = self.month_file(key);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io("read", &path)(e)),
        };
        let meta = file.metadata().map_err(StoreError::io("look at", &path))?;
        if !meta.is_file() {
            return Err(StoreError::NotAFile { file: path });
        }
        let stamp = super::index::stamp_of(&meta);
        let mut buffered = BufReader::with_capacity(READ_SIZE, file);
        let start = buffered.fill_buf().map_err(StoreError::io("read", &path))?;
        let reader: Box<dyn Read + Send> = if start.starts_with(AGE_HEADER) {
            let opened = self
                .sealing()
                .key()
                .ok_or(codec::NOT_UNLOCKED)
                .and_then(|key| {
                    let decryptor =
                        age::Decryptor::new_buffered(buffered).map_err(|_| codec::DOES_NOT_OPEN)?;
                    decryptor
                        .decrypt(std::iter::once(key as &dyn age::Identity))
                        .map_err(|_| codec::DOES_NOT_OPEN)
                });
            match opened {
                Ok(plain) => Box::new(BufReader::with_capacity(READ_SIZE, plain)),
                Err(message) => {
                    return Err(StoreError::Corrupt {
                        backup: existing_backup(&path),
                        file: path,
                        line: 1,
                        column: 1,
                        message: message.into(),
                    });
                }
            }
        } else {
            Box::new(buffered)
        };
        Ok(Some(MonthEntries {
            key,
            file: path,
            stamp,
            reader,
        }))
    }
}

impl MonthEntries {
    /// The size and modification time of the file opened, to tell whether the index describes
    /// it; `None` when the system does not say.
    pub fn stamp(&self) -> Option<Stamp> {
        self.stamp
    }

    /// Hands each entry to `each`, in file order, checked as a whole read checks it, until the
    /// file ends or `each` breaks. An error after some entries were handed over means the file
    /// was damaged part way (the index described it whole when the reader chose to stream it).
    pub fn each(
        self,
        each: impl FnMut(JournalEntry) -> ControlFlow<()>,
    ) -> Result<ControlFlow<()>, StoreError> {
        self.each_reading(READ_SIZE, each)
    }

    /// [`MonthEntries::each`], reading `chunk` bytes at a time.
    fn each_reading(
        self,
        chunk: usize,
        mut each: impl FnMut(JournalEntry) -> ControlFlow<()>,
    ) -> Result<ControlFlow<()>, StoreError> {
        let mut chunks = Chunks::new(self.reader, chunk);
        let corrupt = |(line, column, message): (usize, usize, String)| StoreError::Corrupt {
            backup: existing_backup(&self.file),
            file: self.file.clone(),
            line,
            column,
            message,
        };
        let flow = read_month(&mut chunks, self.key, &self.file, &mut each);
        match flow {
            Ok(flow) => Ok(flow),
            Err(Stop::Store(e)) => Err(e),
            Err(Stop::Json(e)) => Err(corrupt(chunks.locate(&e))),
            Err(Stop::Io(e)) => Err(StoreError::io("read", &self.file)(e)),
            Err(Stop::Syntax(message)) => {
                let (line, column) = chunks.here();
                Err(corrupt((line, column, message)))
            }
        }
    }
}

/// Why reading stopped before the file's end.
enum Stop {
    /// Bad JSON, where serde_json found it.
    Json(serde_json::Error),
    /// Bad JSON at the reading position, said in words.
    Syntax(String),
    /// The disk.
    Io(io::Error),
    /// What a whole read refuses too.
    Store(StoreError),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Io(e)
    }
}

/// Reads the month's object from `chunks`: `entries` an entry at a time, `schema` and `month`
/// checked, anything else skipped.
fn read_month(
    chunks: &mut Chunks,
    key: MonthKey,
    file: &Path,
    each: &mut impl FnMut(JournalEntry) -> ControlFlow<()>,
) -> Result<ControlFlow<()>, Stop> {
    let (mut schema, mut month, mut entries) = (false, false, false);
    chunks.expect(b'{', "the file should hold one object ({ … })")?;
    let mut first = true;
    loop {
        match chunks.next_byte()? {
            Some(b'}') => {
                chunks.pos += 1;
                break;
            }
            Some(b',') if !first => chunks.pos += 1,
            _ if first => {}
            _ => return Err(Stop::Syntax("expected `,` or `}` after a field".into())),
        }
        first = false;
        let name: String = chunks.value()?;
        chunks.expect(b':', "expected `:` after a field's name")?;
        match name.as_str() {
            "schema" | "month" | "entries" if [schema, month, entries][field(&name)] => {
                return Err(Stop::Syntax(format!("duplicate field `{name}`")));
            }
            "schema" => {
                schema = true;
                let found: u64 = chunks.value()?;
                if found > u64::from(JOURNAL_SCHEMA) {
                    return Err(Stop::Store(StoreError::NewerSchema {
                        file: file.to_path_buf(),
                        found,
                        supported: JOURNAL_SCHEMA,
                    }));
                }
            }
            "month" => {
                month = true;
                let found: String = chunks.value()?;
                if found != key.to_string() {
                    return Err(Stop::Store(StoreError::MonthMismatch {
                        file: file.to_path_buf(),
                        found,
                    }));
                }
            }
            "entries" => {
                entries = true;
                if read_entries(chunks, file, each)?.is_break() {
                    return Ok(ControlFlow::Break(()));
                }
            }
            _ => {
                chunks.value::<IgnoredAny>()?;
            }
        }
    }
    if chunks.next_byte()?.is_some() {
        return Err(Stop::Syntax(codec::TRAILING.into()));
    }
    for (found, name) in [(schema, "schema"), (month, "month"), (entries, "entries")] {
        if !found {
            return Err(Stop::Syntax(format!(
                "wrong content: missing field `{name}`"
            )));
        }
    }
    Ok(ControlFlow::Continue(()))
}

/// Which of `[schema, month, entries]` the field `name` is.
fn field(name: &str) -> usize {
    match name {
        "schema" => 0,
        "month" => 1,
        _ => 2,
    }
}

/// Reads the `entries` array, handing each entry over as soon as it is parsed and checked.
fn read_entries(
    chunks: &mut Chunks,
    file: &Path,
    each: &mut impl FnMut(JournalEntry) -> ControlFlow<()>,
) -> Result<ControlFlow<()>, Stop> {
    chunks.expect(b'[', "wrong content in `entries`: expected a list")?;
    let mut n = 0;
    loop {
        match chunks.next_byte()? {
            Some(b']') => {
                chunks.pos += 1;
                return Ok(ControlFlow::Continue(()));
            }
            Some(b',') if n > 0 => chunks.pos += 1,
            _ if n == 0 => {}
            _ => return Err(Stop::Syntax("expected `,` or `]` after an entry".into())),
        }
        let entry: JournalEntry = chunks.value()?;
        if let Err(mut invalid) = check_entry(&entry) {
            invalid.field = format!("entries[{n}].{}", invalid.field);
            return Err(Stop::Store(StoreError::Invalid {
                file: file.to_path_buf(),
                invalid,
                backup: existing_backup(file),
            }));
        }
        if each(entry).is_break() {
            return Ok(ControlFlow::Break(()));
        }
        n += 1;
    }
}

/// The file's bytes, read a chunk at a time into one buffer: each value is parsed from the
/// buffer (serde_json is several times faster on bytes at hand than on a reader), and the
/// buffer is filled again when a value runs past its end.
struct Chunks {
    reader: Box<dyn Read + Send>,
    buf: Vec<u8>,
    /// Where reading is in `buf`.
    pos: usize,
    /// How much of `buf` holds the file.
    end: usize,
    /// The file has no more bytes.
    done: bool,
    /// The line (from 0) and byte column of `buf`'s start in the file, for messages.
    start_line: usize,
    start_column: usize,
}

impl Chunks {
    fn new(reader: Box<dyn Read + Send>, chunk: usize) -> Self {
        Self {
            reader,
            buf: vec![0; chunk.max(2)],
            pos: 0,
            end: 0,
            done: false,
            start_line: 0,
            start_column: 0,
        }
    }

    /// Reads more of the file after what the buffer holds, keeping what is not yet read
    /// (the buffer doubles when that fills half of it: one value longer than the buffer).
    fn fill(&mut self) -> io::Result<()> {
        let read = &self.buf[..self.pos];
        match read.iter().rposition(|b| *b == b'\n') {
            Some(last) => {
                self.start_line += read.iter().filter(|b| **b == b'\n').count();
                self.start_column = self.pos - last - 1;
            }
            None => self.start_column += self.pos,
        }
        self.buf.copy_within(self.pos..self.end, 0);
        self.end -= self.pos;
        self.pos = 0;
        if self.end * 2 > self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        while self.end < self.buf.len() {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The next byte that is not white space, not taken; `None` at the file's end.
    fn next_byte(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            while self.pos < self.end {
                match self.buf[self.pos] {
                    b' ' | b'\n' | b'\t' | b'\r' => self.pos += 1,
                    byte => return Ok(Some(byte)),
                }
            }
            if self.done {
                return Ok(None);
            }
            self.fill()?;
        }
    }

    /// Takes `byte`, the next one that is not white space, or stops with `message`.
    fn expect(&mut self, byte: u8, message: &str) -> Result<(), Stop> {
        match self.next_byte()? {
            Some(found) if found == byte => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(Stop::Syntax(message.into())),
            None => Err(Stop::Syntax(CUT_OFF.into())),
        }
    }

    /// Parses the next value. One that runs to the end of the buffer (cut short, or a number
    /// that may go on) is parsed again once more of the file is in.
    fn value<T: DeserializeOwned>(&mut self) -> Result<T, Stop> {
        loop {
            let mut values =
                serde_json::Deserializer::from_slice(&self.buf[self.pos..self.end]).into_iter();
            let parsed = values.next();
            let ends_here = self.pos + values.byte_offset() == self.end;
            match parsed {
                Some(Ok(value)) if !ends_here || self.done => {
                    self.pos += values.byte_offset();
                    return Ok(value);
                }
                Some(Err(e)) if !e.is_eof() || self.done => return Err(Stop::Json(e)),
                None if self.done => {
                    return Err(Stop::Syntax(CUT_OFF.into()));
                }
                _ => self.fill()?,
            }
        }
    }

    /// The line and column (from 1) of serde_json's error `e`, met parsing from the reading
    /// position, with its message in plain words.
    fn locate(&self, e: &serde_json::Error) -> (usize, usize, String) {
        let (line, column) = self.here();
        let explained = codec::explain(None, e);
        if e.line() <= 1 {
            (
                line,
                column + e.column().saturating_sub(1),
                explained.message,
            )
        } else {
            (line + e.line() - 1, e.column().max(1), explained.message)
        }
    }

    /// The line and column (from 1) of the reading position.
    fn here(&self) -> (usize, usize) {
        let read = &self.buf[..self.pos];
        match read.iter().rposition(|b| *b == b'\n') {
            Some(last) => {
                let lines = read.iter().filter(|b| **b == b'\n').count();
                (self.start_line + lines + 1, self.pos - last)
            }
            None => (self.start_line + 1, self.start_column + self.pos + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::engine::JournalMonth;
    use crate::store::Access;

    fn march() -> MonthKey {
        MonthKey::parse("2024-03").unwrap()
    }

    fn saved(entries: usize) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let entries = (0..entries)
            .map(|n| JournalEntry {
                id: format!("202403{n:04}"),
                created: Utc.with_ymd_and_hms(2024, 3, 1, 0, 0, 0).unwrap()
                    + chrono::Duration::minutes(n as i64),
                edited: None,
                text: format!("entry {n} with 😌 and \"quotes\""),
                step: None,
                mood: None,
                tags: Vec::new(),
                extra: Default::default(),
            })
            .collect();
        store
            .save_month(&JournalMonth {
                schema: JOURNAL_SCHEMA,
                month: march().to_string(),
                entries,
                extra: Default::default(),
            })
            .unwrap();
        (dir, store)
    }

    fn read(store: &Store) -> (Vec<String>, Result<ControlFlow<()>, StoreError>) {
        let mut texts = Vec::new();
        let month = store.open_month_entries(march()).unwrap().unwrap();
        let flow = month.each(|entry| {
            texts.push(entry.text);
            ControlFlow::Continue(())
        });
        (texts, flow)
    }

    fn rewrite(store: &Store, change: impl FnOnce(String) -> String) {
        let file = store.month_file(march());
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, change(text)).unwrap();
    }

    #[test]
    fn every_entry_comes_in_file_order_and_the_stamp_is_the_files() {
        let (_dir, store) = saved(3);
        let (texts, flow) = read(&store);
        assert_eq!(flow.unwrap(), ControlFlow::Continue(()));
        assert_eq!(texts.len(), 3);
        assert_eq!(texts[2], "entry 2 with 😌 and \"quotes\"");
        let month = store.open_month_entries(march()).unwrap().unwrap();
        let summary = store.current_month_summaries().remove(&march()).unwrap();
        assert!(summary.describes(month.stamp()));
        let missing = MonthKey::parse("2024-04").unwrap();
        assert!(store.open_month_entries(missing).unwrap().is_none());
    }

    #[test]
    fn entries_come_before_the_file_is_read_to_its_end() {
        let (_dir, store) = saved(5);
        rewrite(&store, |text| text[..text.len() - 40].to_string());
        let (texts, flow) = read(&store);
        assert!(texts.len() >= 3, "{texts:?}");
        let Err(StoreError::Corrupt { message, line, .. }) = flow else {
            panic!("{flow:?}");
        };
        assert!(message.contains("ends too soon"), "{message}");
        assert!(line > 1);
    }

    #[test]
    fn a_reader_that_breaks_reads_no_further() {
        let (_dir, store) = saved(5);
        let mut taken = 0;
        let month = store.open_month_entries(march()).unwrap().unwrap();
        let flow = month.each(|_| {
            taken += 1;
            if taken == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(flow.unwrap(), ControlFlow::Break(()));
        assert_eq!(taken, 2);
    }

    #[test]
    fn what_a_whole_read_refuses_is_refused_with_the_same_error() {
        let (_dir, store) = saved(2);
        rewrite(&store, |text| {
            text.replacen("\"schema\": 1", "\"schema\": 99", 1)
        });
        assert!(matches!(
            read(&store).1,
            Err(StoreError::NewerSchema { found: 99, .. })
        ));
        let (_dir, store) = saved(2);
        rewrite(&store, |text| text.replacen("2024-03\"", "2024-04\"", 1));
        assert!(matches!(
            read(&store).1,
            Err(StoreError::MonthMismatch { .. })
        ));
        let (_dir, store) = saved(2);
        rewrite(&store, |text| {
            text.replacen("\"id\": \"2024030001\"", "\"id\": \" \"", 1)
        });
        let Err(StoreError::Invalid { invalid, .. }) = read(&store).1 else {
            panic!("an empty id is refused");
        };
        assert_eq!(invalid.field, "entries[1].id");
        let (_dir, store) = saved(1);
        rewrite(&store, |text| {
            text.replacen("\"entries\"", "\"entries\": [], \"entries\"", 1)
        });
        assert!(matches!(read(&store).1, Err(StoreError::Corrupt { .. })));
    }

    #[test]
    fn entries_read_a_chunk_at_a_time_are_the_whole_reads_wherever_the_chunks_end() {
        let (_dir, store) = saved(6);
        rewrite(&store, |text| {
            let long = "long ".repeat(60);
            text.replacen(
                "\"schema\": 1,",
                "\"schema\": 1, \"later\": [1, {\"x\": 25}],",
                1,
            )
            .replacen("entry 3 with", &format!("entry 3 {long} with"), 1)
        });
        let whole: Vec<JournalEntry> = store.load_month(march()).unwrap().unwrap().entries;
        for chunk in (2..90).chain([200, 1000, 5000]) {
            let mut read = Vec::new();
            let month = store.open_month_entries(march()).unwrap().unwrap();
            let flow = month.each_reading(chunk, |entry| {
                read.push(entry);
                ControlFlow::Continue(())
            });
            assert_eq!(flow.unwrap(), ControlFlow::Continue(()), "chunk {chunk}");
            assert_eq!(read, whole, "chunk {chunk}");
        }
        rewrite(&store, |text| {
            text.replacen("\"schema\": 1,", "\"schema\": 12,", 1)
        });
        for chunk in 2..40 {
            let month = store.open_month_entries(march()).unwrap().unwrap();
            let flow = month.each_reading(chunk, |_| ControlFlow::Continue(()));
            assert!(
                matches!(flow, Err(StoreError::NewerSchema { found: 12, .. })),
                "chunk {chunk}: {flow:?}"
            );
        }
    }

    #[test]
    fn a_problem_is_placed_on_its_line_wherever_the_chunks_end() {
        let (_dir, store) = saved(4);
        rewrite(&store, |text| {
            text.replacen("\"mood\": null", "\"mood\": nul", 1)
        });
        let file = store.month_file(march());
        let text = std::fs::read_to_string(&file).unwrap();
        let line = text.lines().position(|l| l.contains("nul,")).unwrap() + 1;
        for chunk in [3, 17, 64, 4096] {
            let month = store.open_month_entries(march()).unwrap().unwrap();
            let flow = month.each_reading(chunk, |_| ControlFlow::Continue(()));
            let Err(StoreError::Corrupt {
                line: found,
                column,
                ..
            }) = flow
            else {
                panic!("chunk {chunk}: {flow:?}");
            };
            assert_eq!((found, column > 1), (line, true), "chunk {chunk}");
        }
    }
}
