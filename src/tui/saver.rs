//! Saving off the input path: a thread that writes what the app hands it, newest version of each
//! file wins, in the store's commit order, trying again with a growing pause while a file cannot
//! be written.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::engine::{Drafts, JournalMonth, Journey, MonthKey, Outcome, Workbook};
use crate::store::{ErasePlan, Found, Inbox, InboxRecord, Store, StoreError, survey};

use super::persist::{Persist, SaveTarget, Unsaved};

/// How long quitting waits for the last saves.
const FLUSH_WAIT: Duration = Duration::from_secs(10);
/// The first pause before trying a failed save again; it doubles up to [`RETRY_LONGEST`].
const RETRY_FIRST: Duration = Duration::from_millis(500);
/// The longest pause between tries.
const RETRY_LONGEST: Duration = Duration::from_secs(30);

/// What waits to be written: the newest version of each file.
#[derive(Default)]
struct Pending {
    months: BTreeMap<MonthKey, JournalMonth>,
    journey: Option<Box<Journey>>,
    drafts: Option<Box<Drafts>>,
    retire: Vec<PathBuf>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.months.is_empty()
            && self.journey.is_none()
            && self.drafts.is_none()
            && self.retire.is_empty()
    }

    fn merge(&mut self, newer: Pending) {
        self.months.extend(newer.months);
        self.journey = newer.journey.or(self.journey.take());
        self.drafts = newer.drafts.or(self.drafts.take());
        self.retire.extend(newer.retire);
    }

    /// Writes what it can in the commit order (months, then the journey, then drafts, then the
    /// removal of filed inbox records), keeping what failed; returns what failed.
    ///
    /// Drafts and inbox records wait until every month and the journey before them are on
    /// disk: they may be the only other copy of words those files hold.
    fn write(&mut self, store: &Store, inbox: &Inbox) -> Vec<Unsaved> {
        let mut failed = Vec::new();
        self.months
            .retain(|key, month| match store.save_month(month) {
                Ok(()) => false,
                Err(e) => {
                    failed.push(unsaved(SaveTarget::Month(*key), &e));
                    true
                }
            });
        if let Some(journey) = &self.journey {
            match store.save_journey(journey) {
                Ok(()) => self.journey = None,
                Err(e) => failed.push(unsaved(SaveTarget::Journey, &e)),
            }
        }
        if !failed.is_empty() {
            return with_waiting(failed, self);
        }
        if let Some(drafts) = &self.drafts {
            match store.save_drafts(drafts) {
                Ok(()) => self.drafts = None,
                Err(e) => return vec![unsaved(SaveTarget::Drafts, &e)],
            }
        }
        let mut problem = None;
        self.retire.retain(|file| match inbox.retire(file) {
            Ok(()) => false,
            Err(e) => {
                problem = Some(unsaved(SaveTarget::Inbox, &e));
                true
            }
        });
        problem.into_iter().collect()
    }
}

/// `failed`, plus the drafts that wait on them (so the user sees them as not saved too).
fn with_waiting(mut failed: Vec<Unsaved>, pending: &Pending) -> Vec<Unsaved> {
    if pending.drafts.is_some() {
        failed.push(Unsaved {
            what: SaveTarget::Drafts,
            problem: "waiting for the files above".to_string(),
        });
    }
    failed
}

fn unsaved(what: SaveTarget, error: &StoreError) -> Unsaved {
    Unsaved {
        what,
        problem: error.cause_first(),
    }
}

enum Job {
    Save(Pending),
    Flush(Sender<Vec<Unsaved>>),
    /// Delete the data folder, dropping whatever waits to be saved, and stop.
    Erase(Sender<Result<String, String>>),
}

/// A saving thread over a store.
pub struct StoreSaver {
    jobs: Sender<Job>,
    reports: Receiver<Vec<Unsaved>>,
    inbox: Inbox,
    thread: Option<JoinHandle<()>>,
}

impl StoreSaver {
    /// Starts the thread; it owns the store (and so the lock) until the saver is dropped.
    pub fn spawn(store: Store) -> Self {
        let (jobs, queue) = channel();
        let (report, reports) = channel();
        let inbox = Inbox::of(store.dir());
        let thread_inbox = inbox.clone();
        let thread = std::thread::Builder::new()
            .name("rekindle-saver".to_string())
            .spawn(move || save_loop(&store, &thread_inbox, &queue, &report))
            .ok();
        Self {
            jobs,
            reports,
            inbox,
            thread,
        }
    }
}

fn save_loop(store: &Store, inbox: &Inbox, queue: &Receiver<Job>, report: &Sender<Vec<Unsaved>>) {
    let mut pending = Pending::default();
    let mut pause = RETRY_FIRST;
    let mut last: Vec<Unsaved> = Vec::new();
    loop {
        let first = if pending.is_empty() {
            queue.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            queue.recv_timeout(pause)
        };
        let mut flushes = Vec::new();
        let mut erase = None;
        let mut closing = false;
        match first {
            Ok(job) => {
                for job in std::iter::once(job).chain(queue.try_iter()) {
                    match job {
                        Job::Save(newer) => pending.merge(newer),
                        Job::Flush(ack) => flushes.push(ack),
                        Job::Erase(ack) => erase = Some(ack),
                    }
                }
                pause = RETRY_FIRST;
            }
            Err(RecvTimeoutError::Timeout) => pause = (pause * 2).min(RETRY_LONGEST),
            Err(RecvTimeoutError::Disconnected) => closing = true,
        }
        // Deleted, nothing more is written; refused, saving goes on as before.
        if let Some(ack) = erase {
            match store.erase() {
                Ok(erased) => {
                    let _ = ack.send(Ok(erased.report()));
                    return;
                }
                Err(problem) => {
                    let _ = ack.send(Err(problem.to_string()));
                }
            }
        }
        let failed = pending.write(store, inbox);
        if failed != last {
            let _ = report.send(failed.clone());
            last = failed.clone();
        }
        for ack in flushes {
            let _ = ack.send(failed.clone());
        }
        if closing {
            return;
        }
    }
}

impl Persist for StoreSaver {
    fn record(&mut self, record: &InboxRecord) -> Result<Option<PathBuf>, String> {
        self.inbox.put(record).map(Some).map_err(|e| e.to_string())
    }

    fn save(&mut self, book: &Workbook, outcome: &Outcome, retire: Vec<PathBuf>) {
        let pending = Pending {
            months: outcome
                .months_changed
                .iter()
                .map(|key| (*key, book.journal.month_file(*key)))
                .collect(),
            journey: outcome
                .journey_changed
                .then(|| Box::new(book.journey.clone())),
            drafts: outcome
                .drafts_changed
                .then(|| Box::new(book.drafts.clone())),
            retire,
        };
        if !pending.is_empty() {
            let _ = self.jobs.send(Job::Save(pending));
        }
    }

    fn status(&mut self) -> Option<Vec<Unsaved>> {
        self.reports.try_iter().last()
    }

    fn flush(&mut self) -> Vec<Unsaved> {
        let (ack, done) = channel();
        let stopped = |problem: &str| {
            vec![Unsaved {
                what: SaveTarget::Journey,
                problem: problem.to_string(),
            }]
        };
        if self.jobs.send(Job::Flush(ack)).is_err() {
            return stopped("the saving thread stopped");
        }
        match done.recv_timeout(FLUSH_WAIT) {
            Ok(failed) => failed,
            Err(_) => stopped("saving took longer than 10 seconds"),
        }
    }

    fn waiting(&mut self) -> Vec<Found> {
        self.inbox
            .list()
            .unwrap_or_else(|problem| self.listing_problem(problem))
    }

    fn inbox_dir(&self) -> Option<PathBuf> {
        Some(self.inbox.dir().to_path_buf())
    }

    fn erase_plan(&mut self) -> Result<Option<ErasePlan>, String> {
        let dir = self.inbox.dir().parent().unwrap_or(self.inbox.dir());
        survey(dir).map_err(|e| e.to_string())
    }

    fn erase(&mut self) -> Result<String, String> {
        let (ack, done) = channel();
        self.jobs
            .send(Job::Erase(ack))
            .map_err(|_| "the saving thread stopped, so nothing was deleted".to_string())?;
        done.recv()
            .map_err(|_| "the saving thread stopped before it could delete".to_string())?
    }
}

impl StoreSaver {
    fn listing_problem(&self, problem: StoreError) -> Vec<Found> {
        vec![Found {
            file: self.inbox.dir().to_path_buf(),
            record: Err(problem),
        }]
    }
}

impl Drop for StoreSaver {
    fn drop(&mut self) {
        let _ = self.flush();
        drop(std::mem::replace(&mut self.jobs, channel().0));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
