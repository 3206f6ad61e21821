//! Saving off the input path: a thread that writes what the app hands it, newest version wins.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::engine::{JournalMonth, Journey, MonthKey, Outcome, Workbook};
use crate::store::Store;

use super::persist::Persist;

/// How long quitting waits for the last saves.
const FLUSH_WAIT: Duration = Duration::from_secs(10);

enum Job {
    Journey(Box<Journey>),
    Month(MonthKey, JournalMonth),
    Flush(Sender<()>),
}

/// A saving thread over a store.
pub struct StoreSaver {
    jobs: Sender<Job>,
    errors: Receiver<String>,
    thread: Option<JoinHandle<()>>,
}

impl StoreSaver {
    /// Starts the thread; it owns the store (and so the lock) until the saver is dropped.
    pub fn spawn(store: Store) -> Self {
        let (jobs, inbox) = channel();
        let (report, errors) = channel();
        let thread = std::thread::Builder::new()
            .name("rekindle-saver".to_string())
            .spawn(move || save_loop(&store, &inbox, &report))
            .ok();
        Self {
            jobs,
            errors,
            thread,
        }
    }
}

fn save_loop(store: &Store, inbox: &Receiver<Job>, report: &Sender<String>) {
    while let Ok(first) = inbox.recv() {
        let mut journey = None;
        let mut months = BTreeMap::new();
        let mut flushes = Vec::new();
        for job in std::iter::once(first).chain(inbox.try_iter()) {
            match job {
                Job::Journey(j) => journey = Some(j),
                Job::Month(key, month) => {
                    months.insert(key, month);
                }
                Job::Flush(ack) => flushes.push(ack),
            }
        }
        if let Some(journey) = journey
            && let Err(e) = store.save_journey(&journey)
        {
            let _ = report.send(format!("Could not save your progress: {e}"));
        }
        for month in months.values() {
            if let Err(e) = store.save_month(month) {
                let _ = report.send(format!("Could not save your journal: {e}"));
            }
        }
        for ack in flushes {
            let _ = ack.send(());
        }
    }
}

impl Persist for StoreSaver {
    fn save(&mut self, book: &Workbook, outcome: &Outcome) {
        if outcome.journey_changed {
            let _ = self.jobs.send(Job::Journey(Box::new(book.journey.clone())));
        }
        for key in &outcome.months_changed {
            let _ = self
                .jobs
                .send(Job::Month(*key, book.journal.month_file(*key)));
        }
    }

    fn take_errors(&mut self) -> Vec<String> {
        self.errors.try_iter().collect()
    }

    fn flush(&mut self) -> Result<(), String> {
        let (ack, done) = channel();
        self.jobs
            .send(Job::Flush(ack))
            .map_err(|_| "the saving thread stopped".to_string())?;
        done.recv_timeout(FLUSH_WAIT)
            .map_err(|_| "saving took too long".to_string())?;
        match self.take_errors().pop() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

impl Drop for StoreSaver {
    fn drop(&mut self) {
        let (ack, done) = channel();
        if self.jobs.send(Job::Flush(ack)).is_ok() {
            let _ = done.recv_timeout(FLUSH_WAIT);
        }
        drop(std::mem::replace(&mut self.jobs, channel().0));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
