//! The journal's search index, kept up to date behind the screen: a thread indexes each month
//! as it arrives or changes, newest first, while the list reads months not yet indexed
//! directly (same results, only slower). Nothing here ever holds up a frame or a key.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::content::Guide;
use crate::engine::search::{SearchIndex, Segment, docs_of};
use crate::engine::{Journal, MonthKey};

/// How many entries may wait to be indexed at once: the copies sent to the thread stay bounded
/// (about 120 MB of text at most) however large the journal is, and enough is queued that the
/// thread never waits for the screen's next tick.
const IN_FLIGHT: usize = 200_000;

/// How many entries one call copies for the thread, so no key or tick waits long for it.
const PER_CALL: usize = 20_000;

/// A month to index: its key, its revision, and what the index reads of its entries.
type Job = (MonthKey, u64, Vec<crate::engine::search::SearchDoc>);

/// The way to the thread: months to index go one way, their segments come back the other.
type Thread = (Sender<Job>, Receiver<(MonthKey, Segment)>);

/// The index and the thread that builds it.
#[derive(Default)]
pub struct Searcher {
    index: SearchIndex,
    /// The revision last sent for each month, so a month is sent once per change.
    sent: HashMap<MonthKey, u64>,
    /// Entries sent and not yet back.
    in_flight: usize,
    thread: Option<Thread>,
}

impl Searcher {
    /// The index as built so far.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Takes in what the thread built and sends it the months that changed (newest first),
    /// a few at a time.
    pub fn sync(&mut self, journal: &Journal, guide: &Guide) {
        self.receive();
        let title = |id: &str| guide.step(id).map(|s| s.title.clone());
        let mut copied = 0;
        for key in journal.months().collect::<Vec<_>>().into_iter().rev() {
            if self.in_flight >= IN_FLIGHT || copied >= PER_CALL {
                break;
            }
            let revision = journal.revision(key);
            if self.sent.get(&key) == Some(&revision) || self.index.current(journal, key).is_some()
            {
                continue;
            }
            let entries = journal.month_entries(key);
            let job = (key, revision, docs_of(entries, &title));
            let Some((send, _)) = self.thread() else {
                return;
            };
            if send.send(job).is_err() {
                self.thread = None;
                return;
            }
            self.sent.insert(key, revision);
            self.in_flight += entries.len();
            copied += entries.len();
        }
        self.index.retain_months(journal);
    }

    fn receive(&mut self) {
        let Some((_, built)) = &self.thread else {
            return;
        };
        while let Ok((key, segment)) = built.try_recv() {
            self.in_flight = self.in_flight.saturating_sub(segment.len());
            self.index.put(key, segment);
        }
    }

    /// The thread, started on first use; `None` when it cannot start (the list then reads the
    /// months directly).
    fn thread(&mut self) -> Option<&Thread> {
        if self.thread.is_none() {
            let (send, jobs) = channel::<Job>();
            let (done, built) = channel();
            std::thread::Builder::new()
                .name("rekindle-search".to_string())
                .spawn(move || {
                    for (key, revision, docs) in jobs {
                        if done.send((key, Segment::build(&docs, revision))).is_err() {
                            return;
                        }
                    }
                })
                .ok()?;
            self.thread = Some((send, built));
        }
        self.thread.as_ref()
    }

    /// Waits until every month of `journal` is indexed (tests and benches).
    pub fn wait(&mut self, journal: &Journal, guide: &Guide) {
        loop {
            self.sync(journal, guide);
            let whole = journal
                .months()
                .all(|key| self.index.current(journal, key).is_some());
            if whole || self.thread.is_none() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}
