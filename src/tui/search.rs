//! The journal's search index, kept up to date behind the screen: a thread indexes each month
//! as it arrives or changes, newest first, while the list reads months not yet indexed
//! directly (same results, only slower). Nothing here ever holds up a frame or a key.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::content::Guide;
use crate::engine::search::{SearchIndex, Segment, docs_of};
use crate::engine::{Journal, MonthKey, SharedMonth};

/// How many entries may wait to be indexed at once. Months are shared with the thread, not
/// copied, but a month changed while the thread still holds it is copied once: this bounds
/// those copies however large the journal is.
const IN_FLIGHT: usize = 200_000;

/// A month to index: its key, its revision, and its entries, shared with the journal (packed
/// when the journal keeps it packed: the thread unpacks it for itself and keeps nothing).
type Job = (MonthKey, u64, SharedMonth);

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

    /// Takes in what the thread built and sends it the months that changed (newest first).
    /// Sending shares a month, so this costs next to nothing on the screen's thread.
    /// True when it took in any month's index.
    pub fn sync(&mut self, journal: &Journal, guide: &Guide) -> bool {
        let took = self.receive();
        for key in journal.months().collect::<Vec<_>>().into_iter().rev() {
            if self.in_flight >= IN_FLIGHT {
                break;
            }
            let revision = journal.revision(key);
            if self.sent.get(&key) == Some(&revision) || self.index.current(journal, key).is_some()
            {
                continue;
            }
            let Some(entries) = journal.month_shared(key) else {
                continue;
            };
            let count = entries.len();
            let Some((send, _)) = self.thread(guide) else {
                return took;
            };
            if send.send((key, revision, entries)).is_err() {
                self.thread = None;
                return took;
            }
            self.sent.insert(key, revision);
            self.in_flight += count;
        }
        self.index.retain_months(journal);
        took
    }

    fn receive(&mut self) -> bool {
        let Some((_, built)) = &self.thread else {
            return false;
        };
        let mut took = false;
        while let Ok((key, segment)) = built.try_recv() {
            self.in_flight = self.in_flight.saturating_sub(segment.len());
            self.index.put(key, segment);
            took = true;
        }
        took
    }

    /// The thread, started on first use; `None` when it cannot start (the list then reads the
    /// months directly).
    fn thread(&mut self, guide: &Guide) -> Option<&Thread> {
        if self.thread.is_none() {
            let (send, jobs) = channel::<Job>();
            let (done, built) = channel();
            let titles: HashMap<String, String> = guide
                .steps
                .iter()
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect();
            std::thread::Builder::new()
                .name("rekindle-search".to_string())
                .spawn(move || {
                    super::background::give_way_to_the_screen();
                    let title = |id: &str| titles.get(id).cloned();
                    for (key, revision, month) in jobs {
                        let docs = docs_of(&month.entries(), &title);
                        drop(month);
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
