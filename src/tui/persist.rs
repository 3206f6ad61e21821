//! How the app hands its changes to storage, off the input path. The real one is a saving thread;
//! tests use an in-memory one.

use crate::engine::{Outcome, Workbook};

/// Somewhere changes are saved.
pub trait Persist {
    /// Queues a save of what `outcome` says changed; must not block on the disk.
    fn save(&mut self, book: &Workbook, outcome: &Outcome);
    /// Save errors since last asked, each as a sentence for the user.
    fn take_errors(&mut self) -> Vec<String>;
    /// Waits until everything queued is written; used before quitting.
    fn flush(&mut self) -> Result<(), String>;
}

/// Keeps every save in memory: for tests and for read-only sessions.
#[derive(Debug, Default)]
pub struct MemoryPersist {
    /// How many saves were asked for.
    pub saves: usize,
    /// The last workbook saved.
    pub last: Option<Workbook>,
    /// An error to report on the next save, to test the error path.
    pub fail_next: Option<String>,
    errors: Vec<String>,
}

impl Persist for MemoryPersist {
    fn save(&mut self, book: &Workbook, _outcome: &Outcome) {
        if let Some(error) = self.fail_next.take() {
            self.errors.push(error);
            return;
        }
        self.saves += 1;
        self.last = Some(book.clone());
    }

    fn take_errors(&mut self) -> Vec<String> {
        std::mem::take(&mut self.errors)
    }

    fn flush(&mut self) -> Result<(), String> {
        Ok(())
    }
}
