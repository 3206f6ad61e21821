//! Export's reading of the journal: every month, oldest first, an entry at a time where the
//! journal index allows it, on a thread of its own, so memory stays the same whatever the size
//! of the journal or of its months.
//!
//! The index says of each month file whether its entries are in time order and which of its
//! ids are not its own (see [`crate::engine::MonthIds`]). When it says so of every month, only
//! those ids, and those of entries waiting in the inbox, are kept in mind from one month to the
//! next; any other id can only be taken twice within its month. A month in order is passed on
//! as it is read, a group of entries with the same time at a time (the order within such a
//! group is by id, as the whole journal sorts it). A month out of order, one a writer saved
//! since the index described it, or one that inbox entries have to be merged into, is read
//! whole first, as before.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::engine::{
    IdRange, JOURNAL_SCHEMA, JournalEntry, JournalMonth, MonthIds, MonthKey, UniqueIds, is_own_id,
    ranges_to_watch,
};
use crate::store::{Access, InboxItem, MonthSummary, SetAside, Stamp, Store, StoreError};

use super::super::Cli;
use super::{CliError, FOR_A_COMMAND, Session, data_dir, in_date_order, load_guide};

/// Entries handed from the reading thread at a time.
const BATCH: usize = 256;

/// An entry waiting in the inbox.
struct InboxEntry<'a> {
    entry: &'a JournalEntry,
    /// It replaces the entry with its id (an edit made in a second window).
    replaces: bool,
}

/// How one month is read by [`Session::stream_months`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthPlan {
    /// The month.
    pub key: MonthKey,
    /// The index's size and time of its file, when the index describes it.
    described: Option<Stamp>,
    /// About how many entries it holds.
    entries: usize,
    /// How it is read.
    way: Way,
    /// The index's summary of it was written by an older build, without its ids.
    ids_unknown: bool,
}

/// How a month's entries reach the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    /// As they are read; entries waiting in the inbox for the month, all newer than the file's,
    /// come after them.
    AsRead,
    /// The whole month first, then sorted, with what waits in the inbox filed in.
    Whole,
}

impl Session {
    /// Opens for a command that reads the whole journal a month at a time (`export`): reads
    /// the journey and drafts, lists the inbox, and plans each month's reading from the journal
    /// index. Returns the months, oldest first, for [`Session::stream_months`].
    pub fn open_streaming(cli: &Cli) -> Result<(Self, Vec<MonthPlan>), CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let dir = data_dir(cli)?;
        let mut session = Self::open_journey(guide, &dir, Access::ReadOnly, FOR_A_COMMAND)?;
        let files: BTreeSet<MonthKey> = session.store.journal_months()?.into_iter().collect();
        session.take_waiting_entries()?;
        let summaries = session.store.current_month_summaries();
        let waiting: Vec<InboxEntry> = session.waiting_entries().collect();
        let plans = plan(&files, &summaries, &waiting);
        let ids = unique_ids(&files, &summaries, &waiting);
        session.unique_ids = ids;
        Ok((session, plans))
    }

    /// Hands every month's entries, in `months`' order, to `write`, as [`Session::read_month`]
    /// gives them: ids taken before renamed, in date order, with what waits in the inbox filed
    /// in. A month that cannot be read is set aside (see `warnings`); one found damaged part way
    /// through, after some of its entries were written, stops the export with an error.
    pub fn stream_months(
        &mut self,
        months: &[MonthPlan],
        mut write: impl FnMut(&[JournalEntry]) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        let pieces = read_months(self.store.dir(), months)?;
        let mut learnt = Vec::new();
        for plan in months {
            self.unique_ids.start_month(plan.entries);
            let Some(Piece::Begin { as_described }) = pieces.recv().ok() else {
                return Err(stopped(plan.key));
            };
            let mut way = plan.way;
            if !as_described {
                way = Way::Whole;
            }
            let mut group = Vec::new();
            let mut whole = Vec::new();
            let mut any = false;
            let end = loop {
                match pieces.recv().ok() {
                    Some(Piece::Entries(batch)) => {
                        any = true;
                        if way == Way::Whole {
                            whole.extend(batch);
                            continue;
                        }
                        if group.is_empty() {
                            group = batch;
                        } else {
                            group.extend(batch);
                        }
                        // The last entries may share their time with the next batch's first.
                        let last = group.last().map(|e| e.created);
                        let open = group.iter().rev().take_while(|e| Some(e.created) == last);
                        let ready = group.len() - open.count();
                        let rest = group.split_off(ready);
                        self.pass_on(&mut group, &mut write)?;
                        group = rest;
                    }
                    Some(Piece::End(end)) => break end,
                    _ => return Err(stopped(plan.key)),
                }
            };
            match end {
                Ok(()) => {}
                Err(error) if way == Way::Whole || !any => {
                    self.set_aside.push(SetAside {
                        file: self.store.month_file(plan.key),
                        error,
                    });
                    continue;
                }
                Err(error) => {
                    return Err(CliError::Other(format!(
                        "{error}\nThe export stopped part way through {}: that file changed or \
                         was damaged while it was read.",
                        plan.key
                    )));
                }
            }
            match way {
                Way::AsRead => {
                    self.pass_on(&mut group, &mut write)?;
                    let mut waited = self.file_waiting(plan.key);
                    self.pass_on(&mut waited, &mut write)?;
                }
                Way::Whole => {
                    if let (true, Some(stamp)) = (plan.ids_unknown, plan.described)
                        && let Some(ids) = MonthIds::of(plan.key, &whole)
                    {
                        learnt.push((plan.key, stamp, ids));
                    }
                    let mut entries = self.merge_waiting(plan.key, whole);
                    if !entries.is_sorted_by(|a, b| in_date_order(a, b).is_le()) {
                        entries.sort_by(in_date_order);
                    }
                    write(&entries)?;
                }
            }
        }
        // The next export can then read those months an entry at a time.
        self.store.add_month_ids(learnt);
        Ok(())
    }

    /// Writes `entries`, read in file order and in time order, with ids taken before renamed,
    /// in date order (so entries with the same time by id).
    fn pass_on(
        &mut self,
        entries: &mut Vec<JournalEntry>,
        write: &mut impl FnMut(&[JournalEntry]) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        if entries.is_empty() {
            return Ok(());
        }
        self.give_unseen_ids(entries);
        if !entries.is_sorted_by(|a, b| in_date_order(a, b).is_le()) {
            entries.sort_by(in_date_order);
        }
        write(entries)?;
        entries.clear();
        Ok(())
    }

    /// The entries waiting in the inbox for month `key`, filed as the workbook would file them
    /// into an empty month (the month's own entries are all older); the month is then
    /// forgotten.
    fn file_waiting(&mut self, key: MonthKey) -> Vec<JournalEntry> {
        self.apply_waiting(key);
        self.book.journal.take_month(key)
    }

    /// Month `key`'s `entries`, read whole, with ids taken before renamed (in file order) and
    /// what waits in the inbox filed in.
    fn merge_waiting(
        &mut self,
        key: MonthKey,
        mut entries: Vec<JournalEntry>,
    ) -> Vec<JournalEntry> {
        if !self
            .waiting_entries()
            .any(|entry| entry.entry.month() == key)
        {
            self.give_unseen_ids(&mut entries);
            return entries;
        }
        let month = JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.to_string(),
            entries,
            extra: Default::default(),
        };
        self.book.journal.add_file_month(key, month);
        let mut entries = self.file_waiting(key);
        self.give_unseen_ids(&mut entries);
        entries
    }

    /// The entries waiting in the inbox.
    fn waiting_entries(&self) -> impl Iterator<Item = InboxEntry<'_>> {
        self.waiting
            .iter()
            .filter_map(|(_, record)| match &record.item {
                InboxItem::Entry { entry, replaces } => Some(InboxEntry {
                    entry,
                    replaces: *replaces,
                }),
                InboxItem::Text { .. } => None,
            })
    }
}

/// How to read each month: in the files' order, with the months that only inbox entries wait
/// for.
fn plan(
    files: &BTreeSet<MonthKey>,
    summaries: &BTreeMap<MonthKey, MonthSummary>,
    waiting: &[InboxEntry],
) -> Vec<MonthPlan> {
    let months: BTreeSet<MonthKey> = files
        .iter()
        .copied()
        .chain(waiting.iter().map(|w| w.entry.month()))
        .collect();
    months
        .into_iter()
        .map(|key| {
            let summary = summaries.get(&key).filter(|_| files.contains(&key));
            let here: Vec<&InboxEntry> =
                waiting.iter().filter(|w| w.entry.month() == key).collect();
            let after_the_file = |newest| {
                here.iter()
                    .all(|w| !w.replaces && Some(w.entry.created) > newest)
            };
            let in_order = match summary {
                Some(s) => {
                    s.ids.as_ref().is_some_and(|ids| ids.in_order) && after_the_file(s.newest)
                }
                None => !files.contains(&key) && after_the_file(None),
            };
            MonthPlan {
                key,
                described: summary.map(|s| (s.len, s.modified)),
                ids_unknown: summary.is_some_and(|s| s.ids.is_none()),
                entries: summary.map_or(0, |s| s.entries) + here.len(),
                way: if in_order { Way::AsRead } else { Way::Whole },
            }
        })
        .collect()
}

/// What to keep in mind of ids across months: when the index describes every month file, only
/// the ids in ranges that meet another month's (see [`ranges_to_watch`]), the ids of entries
/// waiting in the inbox taken in; else every id.
fn unique_ids(
    files: &BTreeSet<MonthKey>,
    summaries: &BTreeMap<MonthKey, MonthSummary>,
    waiting: &[InboxEntry],
) -> UniqueIds {
    let mut months: BTreeMap<MonthKey, Option<IdRange>> = BTreeMap::new();
    for key in files {
        match summaries.get(key).and_then(|s| s.ids.as_ref()) {
            Some(ids) => months.insert(*key, ids.foreign.clone()),
            None => {
                let expected = summaries.values().map(|s| s.entries).sum::<usize>() + waiting.len();
                return UniqueIds::watching_all(expected);
            }
        };
    }
    for w in waiting {
        let key = w.entry.month();
        let range = months.entry(key).or_default();
        if !is_own_id(key, &w.entry.id) {
            match range {
                Some(range) => range.take_in(&w.entry.id),
                None => *range = Some(IdRange::of(&w.entry.id)),
            }
        }
    }
    let months: Vec<(MonthKey, Option<IdRange>)> = months.into_iter().collect();
    UniqueIds::watching(ranges_to_watch(&months))
}

/// What the reading thread hands over, in order: for each planned month, `Begin`, its
/// entries in batches, and `End`.
enum Piece {
    /// A month's file was opened; `as_described` is false when it is no longer the file the
    /// index described (or the index described none).
    Begin { as_described: bool },
    /// The next entries, in file order.
    Entries(Vec<JournalEntry>),
    /// The month is read, or why it could not be.
    End(Result<(), StoreError>),
}

/// Starts reading `months` of the data folder `dir` (read-only), in the order given, on a
/// thread of its own; it waits while two batches are not yet taken.
fn read_months(dir: &Path, months: &[MonthPlan]) -> Result<Receiver<Piece>, CliError> {
    let (send, receive) = sync_channel(2);
    let dir = dir.to_path_buf();
    let months: Vec<(MonthKey, Option<Stamp>, Way)> =
        months.iter().map(|m| (m.key, m.described, m.way)).collect();
    let started = std::thread::Builder::new()
        .name("rekindle-export-read".to_string())
        .spawn(move || {
            let store = match Store::open(&dir, Access::ReadOnly) {
                Ok(store) => store,
                Err(error) => {
                    let _ = send.send(Piece::Begin {
                        as_described: false,
                    });
                    let _ = send.send(Piece::End(Err(error)));
                    return;
                }
            };
            for (key, described, way) in months {
                let read = match way {
                    Way::AsRead => read_month(&store, key, described, &send),
                    Way::Whole => read_whole_month(&store, key, &send),
                };
                if read.is_break() {
                    return;
                }
            }
        });
    match started {
        Ok(_) => Ok(receive),
        Err(e) => Err(CliError::Other(format!(
            "could not start reading the journal: {e}"
        ))),
    }
}

/// Reads month `key` into `send`'s pieces; breaks when nobody takes them any more.
fn read_month(
    store: &Store,
    key: MonthKey,
    described: Option<Stamp>,
    send: &SyncSender<Piece>,
) -> ControlFlow<()> {
    let opened = match store.open_month_entries(key) {
        Ok(opened) => opened,
        Err(error) => {
            to_flow(send.send(Piece::Begin {
                as_described: false,
            }))?;
            return to_flow(send.send(Piece::End(Err(error))));
        }
    };
    let Some(month) = opened else {
        to_flow(send.send(Piece::Begin { as_described: true }))?;
        return to_flow(send.send(Piece::End(Ok(()))));
    };
    let as_described = described.is_some() && described == month.stamp();
    to_flow(send.send(Piece::Begin { as_described }))?;
    let mut batch = Vec::with_capacity(BATCH);
    let read = month.each(|entry| {
        batch.push(entry);
        if batch.len() < BATCH {
            return ControlFlow::Continue(());
        }
        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
        to_flow(send.send(Piece::Entries(full)))
    });
    match read {
        Ok(ControlFlow::Break(())) => ControlFlow::Break(()),
        Ok(ControlFlow::Continue(())) => {
            if !batch.is_empty() {
                to_flow(send.send(Piece::Entries(batch)))?;
            }
            to_flow(send.send(Piece::End(Ok(()))))
        }
        Err(error) => {
            if !batch.is_empty() {
                to_flow(send.send(Piece::Entries(batch)))?;
            }
            to_flow(send.send(Piece::End(Err(error))))
        }
    }
}

/// Reads month `key` whole, parsed from its bytes at once (faster than an entry at a time),
/// into `send`'s pieces as one batch; breaks when nobody takes them any more.
fn read_whole_month(store: &Store, key: MonthKey, send: &SyncSender<Piece>) -> ControlFlow<()> {
    to_flow(send.send(Piece::Begin {
        as_described: false,
    }))?;
    match store.load_month(key) {
        Ok(month) => {
            if let Some(month) = month {
                to_flow(send.send(Piece::Entries(month.entries)))?;
            }
            to_flow(send.send(Piece::End(Ok(()))))
        }
        Err(error) => to_flow(send.send(Piece::End(Err(error)))),
    }
}

fn to_flow<E>(sent: Result<(), E>) -> ControlFlow<()> {
    match sent {
        Ok(()) => ControlFlow::Continue(()),
        Err(_) => ControlFlow::Break(()),
    }
}

/// The reading thread stopped without saying why (it cannot, short of a panic).
fn stopped(key: MonthKey) -> CliError {
    CliError::Other(format!(
        "the export stopped while reading the journal's month {key}; nothing more was read"
    ))
}
