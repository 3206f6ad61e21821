//! What every command needs: the guide, the data folder, and the workbook loaded from it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use thiserror::Error;

use crate::content::{self, Guide, Problems};
use crate::engine::{
    Action, Drafts, EngineError, Journal, JournalEntry, JournalMonth, Journey, MonthKey, Now,
    Outcome, UniqueIds, Workbook, apply,
};
use crate::store::{
    Access, Found, Inbox, InboxItem, InboxRecord, JournalSummary, LockWait, SetAside, Store,
    StoreError, default_data_dir,
};

use super::Cli;

mod stream;

pub use stream::MonthPlan;

/// Why a command could not do its work; printed to stderr, exit 1.
#[derive(Debug, Error)]
pub enum CliError {
    /// The guide pack has problems.
    #[error("the guide pack has problems:\n{0}")]
    Guide(Problems),
    /// The data folder or a file in it.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The engine refused a change.
    #[error("{0}")]
    Engine(#[from] EngineError),
    /// Reading input or writing output.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The command line asks for something that cannot be (exit code 2, like a misspelt
    /// option): a date range that is back to front, an empty tag.
    #[error("{0}")]
    Usage(String),
    /// Anything else, said in a sentence.
    #[error("{0}")]
    Other(String),
}

/// The guide in use: `--content DIR` or the built-in pack.
pub fn load_guide(dir: Option<&PathBuf>) -> Result<Guide, Problems> {
    match dir {
        Some(dir) => content::load_dir(dir),
        None => content::default_guide(),
    }
}

/// An open workbook: guide, store and everything loaded.
pub struct Session {
    /// The guide.
    pub guide: Guide,
    /// The data folder.
    pub store: Store,
    /// Progress and journal.
    pub book: Workbook,
    /// Journal months that could not be read and are set aside.
    pub set_aside: Vec<SetAside>,
    /// Other things to tell the user on opening (drafts or inbox records that could not be
    /// read), one sentence each.
    pub notes: Vec<String>,
    /// The journal months read so far, when only some are (`None`: every month was read).
    partial: Option<BTreeSet<MonthKey>>,
    /// Inbox entries not yet filed, with their record's file, for a month-by-month reader.
    waiting: Vec<(PathBuf, InboxRecord)>,
    /// Months a month-by-month reader has read on a second thread while it wrote the last.
    read_ahead: Option<ReadAhead>,
    /// The ids a month-by-month reader has handed out: an id taken in an earlier month gets a
    /// new one, as loading the whole journal would give it.
    unique_ids: UniqueIds,
    /// Inbox records taken in, to be saved with the next save (see [`Filing::WithNextSave`]).
    filed: Option<Filed>,
}

/// A month read from disk, or why not.
type MonthRead = Result<Option<JournalMonth>, StoreError>;

/// Months read in order on a thread of their own, the next one while the last is written (it
/// waits to hand it over), so reading overlaps writing and memory stays that of two months.
struct ReadAhead {
    months: Receiver<(MonthKey, MonthRead)>,
}

impl ReadAhead {
    /// Starts reading `months` of the data folder `dir` (read-only), in the order given.
    fn spawn(dir: &Path, months: Vec<MonthKey>) -> Self {
        let (send, receive) = sync_channel(0);
        let dir = dir.to_path_buf();
        let _ = std::thread::Builder::new()
            .name("rekindle-read-ahead".to_string())
            .spawn(move || {
                let Ok(store) = Store::open(&dir, Access::ReadOnly) else {
                    return;
                };
                for key in months {
                    if send.send((key, store.load_month(key))).is_err() {
                        return;
                    }
                }
            });
        Self { months: receive }
    }

    /// Month `key` as read ahead; `None` when it was not (asked out of order, or the thread
    /// stopped), so the caller reads it itself.
    fn take(&mut self, key: MonthKey) -> Option<MonthRead> {
        loop {
            let (read_key, read) = self.months.recv().ok()?;
            match read_key.cmp(&key) {
                std::cmp::Ordering::Less => continue,
                std::cmp::Ordering::Equal => return Some(read),
                std::cmp::Ordering::Greater => return None,
            }
        }
    }
}

/// The journal's order of entries within a month: by time, then by id.
fn in_date_order(a: &JournalEntry, b: &JournalEntry) -> std::cmp::Ordering {
    (a.created, &a.id).cmp(&(b.created, &b.id))
}

/// How long a writer waits for another writer before giving up.
pub const WRITER_WAIT: Duration = Duration::from_secs(2);

/// A command waits for another command, not for an open workbook.
const FOR_A_COMMAND: LockWait = LockWait::ForACommand(WRITER_WAIT);

impl Session {
    /// Opens the data folder and loads the workbook; `access` says whether this command writes.
    pub fn open(cli: &Cli, access: Access) -> Result<Self, CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let mut session = Self::open_journey(guide, &data_dir(cli)?, access, FOR_A_COMMAND)?;
        let loaded = session.store.load_journal()?;
        session.book.journal = loaded.journal;
        session.set_aside = loaded.set_aside;
        session.partial = None;
        if session.store.is_writer() {
            let renamed: Vec<MonthKey> = loaded.renamed.iter().map(|(key, _)| *key).collect();
            save_months(&session.store, &session.book.journal, &renamed)?;
        }
        session.file_inbox()?;
        Ok(session)
    }

    /// Opens for a command that reads the journal a month at a time (`journal list`): the
    /// journey and drafts only; months are read with [`Store::load_month`] as they are needed.
    pub fn open_lazily(cli: &Cli, access: Access) -> Result<Self, CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        Self::open_journey(guide, &data_dir(cli)?, access, FOR_A_COMMAND)
    }

    /// Opens for a command that writes into one month (`journal add`): reads the journey, that
    /// month, and the months that entries waiting in the inbox go to; not the whole journal.
    pub fn open_month(cli: &Cli, key: MonthKey) -> Result<Self, CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let dir = data_dir(cli)?;
        let mut session = Self::open_journey(guide, &dir, Access::ReadWrite, FOR_A_COMMAND)?;
        session.ensure_month(key)?;
        session.file_inbox()?;
        Ok(session)
    }

    /// Opens for a command that writes into many months without holding them (`import`): the
    /// journey, and what waits in the inbox filed into its months; the caller reads and saves
    /// the journal's months itself, one at a time, through the store.
    pub fn open_filed(cli: &Cli) -> Result<Self, CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let dir = data_dir(cli)?;
        let mut session = Self::open_journey(guide, &dir, Access::ReadWrite, FOR_A_COMMAND)?;
        session.file_inbox()?;
        session.book.journal = Journal::default();
        Ok(session)
    }

    /// Opens for `journal add` of an entry written at `at`: as [`Session::open_month`], except
    /// that a big month is not read nor rewritten for one entry. The entry then joins the ones
    /// waiting for that month in the inbox (one small file each, read by every reader), and the
    /// next writer that holds the month, the workbook or the [`FOLD_AT`]th such entry, files
    /// them all into it with one save.
    ///
    /// That happens only while the index still describes the month's file and every entry there
    /// is older than `at`, so the new entry's id cannot be one the file already holds.
    pub fn open_for_entry(cli: &Cli, at: DateTime<Utc>) -> Result<(Self, EntryPlace), CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let dir = data_dir(cli)?;
        let key = MonthKey::of(at);
        let mut session = Self::open_journey(guide, &dir, Access::ReadWrite, FOR_A_COMMAND)?;
        let found = Inbox::of(session.store.dir()).list()?;
        let waiting: Vec<JournalEntry> = found
            .iter()
            .filter_map(|f| entry_for_month(f, key).cloned())
            .collect();
        if waiting.len() + 1 < FOLD_AT && session.month_takes_waiting_entries(key, at) {
            let rest = found
                .into_iter()
                .filter(|f| entry_for_month(f, key).is_none())
                .collect();
            session.file_found(rest, Filing::SaveNow)?;
            return Ok((session, EntryPlace::Waiting(waiting)));
        }
        session.ensure_month(key)?;
        // Saved with the new entry: a big month is written once, not once for what waited and
        // again for the entry.
        session.file_found(found, Filing::WithNextSave)?;
        Ok((session, EntryPlace::Month))
    }

    /// True when month `key`'s file is big enough that rewriting it for one entry would be
    /// slow, and the index says every entry in it is older than `at`.
    fn month_takes_waiting_entries(&self, key: MonthKey, at: DateTime<Utc>) -> bool {
        let big = std::fs::metadata(self.store.month_file(key))
            .is_ok_and(|meta| meta.len() >= WAIT_FROM_BYTES);
        big && self
            .store
            .current_month_summary(key)
            .is_some_and(|summary| summary.newest.is_some_and(|newest| newest < at))
    }

    /// Reads month `key` into the journal if it is not there yet. A month that cannot be read
    /// is set aside, and saving into it will be refused.
    pub fn ensure_month(&mut self, key: MonthKey) -> Result<(), CliError> {
        let Some(read) = &mut self.partial else {
            return Ok(());
        };
        if !read.insert(key) {
            return Ok(());
        }
        let read = match self.read_ahead.as_mut().and_then(|ahead| ahead.take(key)) {
            Some(read) => read,
            None => self.store.load_month(key),
        };
        match read {
            Ok(Some(month)) => {
                let renamed = self.book.journal.add_file_month(key, month);
                if !renamed.is_empty() && self.store.is_writer() {
                    save_months(&self.store, &self.book.journal, &[key])?;
                }
            }
            Ok(None) => {}
            Err(error) => self.set_aside.push(SetAside {
                file: self.store.month_file(key),
                error,
            }),
        }
        Ok(())
    }

    /// Opens for a command that needs progress and the journal's counts but not its entries
    /// (`status`): reads the journey, the journal index and only the months it no longer
    /// describes. Entries waiting in the inbox are counted too.
    pub fn open_counts(cli: &Cli) -> Result<(Self, JournalSummary), CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let dir = data_dir(cli)?;
        let mut session = Self::open_journey(guide, &dir, Access::ReadOnly, LockWait::No)?;
        let mut summary = session.store.journal_summary()?;
        for (key, why) in std::mem::take(&mut summary.set_aside) {
            session.notes.push(format!(
                "warning: journal month {key} is set aside and not counted: {why}"
            ));
        }
        for found in Inbox::of(session.store.dir()).list()? {
            if let Ok(record) = found.record
                && let InboxItem::Entry {
                    entry,
                    replaces: false,
                } = record.item
            {
                summary.entries = summary.entries.saturating_add(1);
                summary.newest = summary.newest.max(Some(entry.created));
            }
        }
        Ok((session, summary))
    }

    /// Opens for a command that reads the whole journal a month at a time (`export`): reads
    /// the journey and drafts and lists the inbox; returns the months to read, oldest first,
    /// with [`Session::read_month`]. Memory stays that of one month, whatever the journal's size.
    pub fn open_month_by_month(cli: &Cli) -> Result<(Self, Vec<MonthKey>), CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let dir = data_dir(cli)?;
        let mut session = Self::open_journey(guide, &dir, Access::ReadOnly, FOR_A_COMMAND)?;
        let mut months: BTreeSet<MonthKey> = session.store.journal_months()?.into_iter().collect();
        session.take_waiting_entries()?;
        months.extend(
            session
                .waiting
                .iter()
                .filter_map(|(_, record)| match &record.item {
                    InboxItem::Entry { entry, .. } => Some(entry.month()),
                    InboxItem::Text { .. } => None,
                }),
        );
        let months: Vec<MonthKey> = months.into_iter().collect();
        // Sized once for every id: growing it would hold the old table and the new at once.
        let ids = session
            .store
            .indexed_entries_hint()
            .saturating_add(session.waiting.len());
        session.unique_ids = UniqueIds::watching_all(ids);
        session.read_ahead = Some(ReadAhead::spawn(session.store.dir(), months.clone()));
        Ok((session, months))
    }

    /// Month `key`'s entries, oldest first, with what waits for it in the inbox filed in; the
    /// month is then forgotten. A month that cannot be read is set aside (see `warnings`).
    pub fn read_month(&mut self, key: MonthKey) -> Result<Vec<JournalEntry>, CliError> {
        if let Some(entries) = self.read_month_alone(key) {
            return Ok(entries);
        }
        self.ensure_month(key)?;
        self.apply_waiting(key);
        if let Some(read) = &mut self.partial {
            read.remove(&key);
        }
        let mut entries = self.book.journal.take_month(key);
        self.give_unseen_ids(&mut entries);
        Ok(entries)
    }

    /// For a month-by-month reader: lists the inbox, keeping the entries waiting there for
    /// their months (see [`Session::apply_waiting`]) and showing the words of drafts at once;
    /// a record that cannot be read is left where it is, with a note.
    fn take_waiting_entries(&mut self) -> Result<(), CliError> {
        for found in Inbox::of(self.store.dir()).list()? {
            match found.record {
                Ok(record) => match record.item {
                    InboxItem::Entry { .. } => self.waiting.push((found.file, record)),
                    item @ InboxItem::Text { .. } => {
                        self.apply_read_only(item.into_action(), &found.file);
                    }
                },
                Err(e) => self.notes.push(format!(
                    "warning: an inbox record was left where it is: {e}"
                )),
            }
        }
        Ok(())
    }

    /// Applies the inbox entries waiting for month `key` to the journal, without saving.
    fn apply_waiting(&mut self, key: MonthKey) {
        let (now, later) = std::mem::take(&mut self.waiting).into_iter().partition(
            |(_, record)| matches!(&record.item, InboxItem::Entry { entry, .. } if entry.month() == key),
        );
        self.waiting = later;
        for (file, record) in now {
            self.apply_read_only(record.item.into_action(), &file);
        }
    }

    /// Month `key`'s entries read straight from its file, without passing through the journal,
    /// when nothing else has to be filed in: a month-by-month reader's month that the journal
    /// does not hold and no inbox record waits for. `None` when it has to go the long way. The
    /// entries come out as [`Session::read_month`] gives them: an id seen before renamed (in file
    /// order, as the journal renames), then in date order.
    fn read_month_alone(&mut self, key: MonthKey) -> Option<Vec<JournalEntry>> {
        let read = self.partial.as_ref()?;
        let waited_for = self.waiting.iter().any(
            |(_, record)| matches!(&record.item, InboxItem::Entry { entry, .. } if entry.month() == key),
        );
        if waited_for || read.contains(&key) || !self.book.journal.month_entries(key).is_empty() {
            return None;
        }
        let read = match self.read_ahead.as_mut().and_then(|ahead| ahead.take(key)) {
            Some(read) => read,
            None => self.store.load_month(key),
        };
        let mut entries = match read {
            Ok(Some(month)) => month.entries,
            Ok(None) => Vec::new(),
            Err(error) => {
                self.set_aside.push(SetAside {
                    file: self.store.month_file(key),
                    error,
                });
                Vec::new()
            }
        };
        self.give_unseen_ids(&mut entries);
        if !entries.is_sorted_by(|a, b| in_date_order(a, b).is_le()) {
            entries.sort_by(in_date_order);
        }
        Some(entries)
    }

    /// Gives each of `entries` whose id was handed out before (in an earlier month, or earlier
    /// in this one) a new id, made from its time as the journal makes ids, with `-2`, `-3`...
    /// while that too was handed out.
    fn give_unseen_ids(&mut self, entries: &mut [JournalEntry]) {
        for entry in entries {
            self.unique_ids.keep(entry);
        }
    }

    /// Month `key` as its file would hold it (fields a newer build added kept), read as
    /// [`Session::read_month`] reads it, for a backup.
    pub fn read_month_file(&mut self, key: MonthKey) -> Result<JournalMonth, CliError> {
        self.ensure_month(key)?;
        let extra = self.book.journal.month_file_extra(key);
        Ok(JournalMonth {
            schema: crate::engine::JOURNAL_SCHEMA,
            month: key.to_string(),
            entries: self.read_month(key)?,
            extra,
        })
    }

    /// Applies an inbox record's action without saving, for a command that only reads.
    fn apply_read_only(&mut self, action: Action, file: &Path) {
        let now = Now::new(chrono::Utc::now(), &Local);
        if let Err(e) = apply(&mut self.book, &self.guide, action, now) {
            self.notes.push(format!(
                "warning: {} was left in the inbox: {e}",
                file.display()
            ));
        }
    }

    /// Like `open`, but reads only the newest journal month; returns the older months to load
    /// behind the first frame.
    pub fn open_newest(cli: &Cli, access: Access) -> Result<(Self, Vec<MonthKey>), CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        Self::open_in(guide, &data_dir(cli)?, access)
    }

    /// `open_newest` for a given guide and data folder.
    pub fn open_in(
        guide: Guide,
        dir: &Path,
        access: Access,
    ) -> Result<(Self, Vec<MonthKey>), CliError> {
        let wait = LockWait::ForAnyone(WRITER_WAIT);
        let mut session = Self::open_journey(guide, dir, access, wait)?;
        let mut older = session.store.journal_months()?;
        let expected = session.store.indexed_entries_hint();
        session.book.journal.reserve_ids(expected);
        if let Some(key) = older.pop() {
            session.ensure_month(key)?;
        }
        Ok((session, older))
    }

    /// The store opened and the journey and drafts loaded (or begun), with an empty journal.
    ///
    /// A writer moves drafts that an older journey file held into `drafts.json`, that file
    /// first and the journey after, so a crash between the two keeps both.
    fn open_journey(
        guide: Guide,
        dir: &Path,
        access: Access,
        wait: LockWait,
    ) -> Result<Self, CliError> {
        let store = Store::open_waiting(dir, access, wait)?;
        let mut journey = match store.load_journey()? {
            Some(journey) => journey,
            None => Journey::new(&guide, chrono::Utc::now()),
        };
        let mut notes = Vec::new();
        let mut drafts = match store.load_drafts() {
            Ok(drafts) => drafts.unwrap_or_default(),
            Err(e) => {
                notes.push(format!(
                    "warning: your drafts are set aside and not shown: {e}"
                ));
                Drafts::default()
            }
        };
        // They leave the journey only once drafts.json holds them; until then they stay in both.
        if drafts.adopt(journey.drafts.clone()) && store.is_writer() && notes.is_empty() {
            store.save_drafts(&drafts)?;
            journey.drafts.clear();
            store.save_journey(&journey)?;
        }
        Ok(Self {
            guide,
            store,
            book: Workbook {
                journey,
                journal: Journal::default(),
                drafts,
            },
            set_aside: Vec::new(),
            notes,
            partial: Some(BTreeSet::new()),
            waiting: Vec::new(),
            read_ahead: None,
            unique_ids: UniqueIds::watching_all(0),
            filed: None,
        })
    }

    /// Files what waits in the inbox (entries from a second window, words a crash left there):
    /// each into its month or as a draft. A writer saves it and only then removes its record;
    /// a reader just shows it.
    pub fn file_inbox(&mut self) -> Result<(), CliError> {
        let found = Inbox::of(self.store.dir()).list()?;
        self.file_found(found, Filing::SaveNow)
    }

    /// Files the inbox records `found`, as [`Session::file_inbox`] does: a writer saves what
    /// they changed once, after taking them all in, and only then removes their records.
    fn file_found(&mut self, found: Vec<Found>, when: Filing) -> Result<(), CliError> {
        let inbox = Inbox::of(self.store.dir());
        let mut filed = Outcome::default();
        let mut retire = Vec::new();
        for found in found {
            let record = match found.record {
                Ok(record) => record,
                Err(e) => {
                    self.notes.push(format!(
                        "warning: an inbox record was left where it is: {e}"
                    ));
                    continue;
                }
            };
            if let InboxItem::Entry { entry, .. } = &record.item {
                let key = entry.month();
                self.ensure_month(key)?;
                let month_file = self.store.month_file(key);
                if self.store.is_writer() && self.set_aside.iter().any(|s| s.file == month_file) {
                    // Its month cannot be saved into; the entry waits, and everything else goes on.
                    self.notes.push(format!(
                        "warning: {} was left in the inbox: its month {key} is set aside",
                        found.file.display()
                    ));
                    continue;
                }
            }
            let action = record.item.into_action();
            let now = Now::new(chrono::Utc::now(), &Local);
            match apply(&mut self.book, &self.guide, action, now) {
                Ok(outcome) if self.store.is_writer() => {
                    filed.absorb(outcome);
                    retire.push(found.file);
                }
                Ok(_) => {}
                Err(e) => self.notes.push(format!(
                    "warning: {} was left in the inbox: {e}",
                    found.file.display()
                )),
            }
        }
        if retire.is_empty() {
            return Ok(());
        }
        match when {
            Filing::SaveNow => {
                self.save(&filed)?;
                inbox.retire_all(&retire)?;
            }
            Filing::WithNextSave => {
                self.filed = Some(Filed {
                    outcome: filed,
                    records: retire,
                })
            }
        }
        Ok(())
    }

    /// Applies an action at the current time and saves what it changed.
    pub fn apply(&mut self, action: Action) -> Result<Outcome, CliError> {
        let now = Now::new(chrono::Utc::now(), &Local);
        let outcome = apply(&mut self.book, &self.guide, action, now)?;
        self.save(&outcome)?;
        Ok(outcome)
    }

    /// Saves what an outcome says changed, in the store's commit order: months, the journey,
    /// drafts.
    ///
    /// A month this session had not read is read first and merged in, so saving it can never
    /// drop the entries already in its file.
    ///
    /// Inbox records filed to be saved with this save go with it, and are removed after it.
    pub fn save(&mut self, outcome: &Outcome) -> Result<(), CliError> {
        let filed = self.filed.take();
        let mut outcome = outcome.clone();
        if let Some(filed) = &filed {
            outcome.absorb(filed.outcome.clone());
        }
        for key in &outcome.months_changed {
            self.ensure_month(*key)?;
        }
        save_months(&self.store, &self.book.journal, &outcome.months_changed)?;
        if outcome.journey_changed {
            self.store.save_journey(&self.book.journey)?;
        }
        if outcome.drafts_changed {
            self.store.save_drafts(&self.book.drafts)?;
        }
        if let Some(filed) = filed {
            Inbox::of(self.store.dir()).retire_all(&filed.records)?;
        }
        Ok(())
    }

    /// Warnings about set-aside months and anything else left alone, for stderr.
    pub fn warnings(&self) -> Vec<String> {
        self.set_aside
            .iter()
            .map(|s| {
                format!(
                    "warning: journal month {} is set aside and not shown: {}",
                    s.file.display(),
                    s.error
                )
            })
            .chain(self.notes.iter().cloned())
            .collect()
    }
}

/// The entry an inbox record holds for month `key`, if it holds one.
fn entry_for_month(found: &Found, key: MonthKey) -> Option<&JournalEntry> {
    match &found.record {
        Ok(InboxRecord {
            item: InboxItem::Entry { entry, .. },
            ..
        }) if entry.month() == key => Some(entry),
        _ => None,
    }
}

/// When inbox records taken into the workbook are saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filing {
    /// At once, and their records removed.
    SaveNow,
    /// With the session's next save (the change the command is about to make).
    WithNextSave,
}

/// Inbox records taken in and not yet saved: what they changed, and their files, removed once
/// that is saved.
#[derive(Debug)]
struct Filed {
    outcome: Outcome,
    records: Vec<PathBuf>,
}

/// Where `journal add` puts a new entry (see [`Session::open_for_entry`]).
#[derive(Debug)]
pub enum EntryPlace {
    /// Into its month's file, which the session has read.
    Month,
    /// Into the inbox, beside these entries already waiting there for the same month.
    Waiting(Vec<JournalEntry>),
}

/// A month file at least this big is not rewritten for one new entry by `journal add` (about
/// a thousand entries; rewriting costs about 12 ms a megabyte).
pub const WAIT_FROM_BYTES: u64 = 1 << 20;

/// How many entries may wait in the inbox for one month before `journal add` files them.
pub const FOLD_AT: usize = 32;

/// Saves the given months of `journal`.
pub fn save_months(
    store: &Store,
    journal: &Journal,
    months: &[crate::engine::MonthKey],
) -> Result<(), StoreError> {
    store.save_months(months.iter().map(|key| journal.month_file_view(*key)))
}

/// The data folder: `--data-dir`, `REKINDLE_DATA_DIR`, or the user's data folder.
pub fn data_dir(cli: &Cli) -> Result<PathBuf, CliError> {
    match &cli.data_dir {
        Some(dir) if dir.as_os_str().is_empty() => Err(CliError::Other(
            "--data-dir is empty; give a folder".to_string(),
        )),
        Some(dir) => Ok(absolute(dir)),
        None => Ok(default_data_dir()?),
    }
}

fn absolute(dir: &Path) -> PathBuf {
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}
