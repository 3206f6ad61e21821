//! How the app hands its changes to storage, off the input path, and learns what is not saved
//! yet. The real one is a saving thread; tests use an in-memory one.

use std::path::PathBuf;

use crate::engine::{MonthKey, Outcome, Workbook};
use crate::store::{ErasePlan, Found, Inbox, InboxRecord};

/// A file that could not be written (yet), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// Which file.
    pub what: SaveTarget,
    /// Why, in the store's words.
    pub problem: String,
}

/// The files the workbook writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SaveTarget {
    /// A month of the journal.
    Month(MonthKey),
    /// `journey.json`: progress, answers, settings.
    Journey,
    /// `drafts.json`.
    Drafts,
    /// Removing inbox records once filed.
    Inbox,
}

impl SaveTarget {
    /// What this file holds, in the user's words.
    pub fn describe(self) -> String {
        match self {
            SaveTarget::Month(key) => format!("journal month {key}"),
            SaveTarget::Journey => "your progress".to_string(),
            SaveTarget::Drafts => "your drafts".to_string(),
            SaveTarget::Inbox => "tidying the inbox".to_string(),
        }
    }
}

/// Somewhere changes are saved.
pub trait Persist {
    /// Writes `record` durably before returning: the words the user just saved, kept until the
    /// files they go into are on disk. Returns the record's file (none when kept in memory).
    fn record(&mut self, record: &InboxRecord) -> Result<Option<PathBuf>, String>;
    /// Queues a save of what `outcome` says changed, and the removal of `retire` (records whose
    /// words this save files) once everything queued is on disk; must not block on the disk.
    fn save(&mut self, book: &Workbook, outcome: &Outcome, retire: Vec<PathBuf>);
    /// What could not be written at the last attempt, when that changed since last asked
    /// (`Some(empty)`: everything is saved now).
    fn status(&mut self) -> Option<Vec<Unsaved>>;
    /// Waits until everything queued is written or has failed; returns what is not saved.
    fn flush(&mut self) -> Vec<Unsaved>;
    /// Records waiting in the inbox (from other windows, or left by a crash).
    fn waiting(&mut self) -> Vec<Found>;
    /// Where inbox records are kept, to tell the user; none when kept in memory.
    fn inbox_dir(&self) -> Option<PathBuf>;
    /// What deleting everything would delete; none when nothing is kept on disk.
    fn erase_plan(&mut self) -> Result<Option<ErasePlan>, String> {
        Ok(None)
    }
    /// Deletes the whole data folder and stops saving; returns what was deleted, in words.
    /// Nothing is saved after it, whatever is asked.
    fn erase(&mut self) -> Result<String, String> {
        Err("this window keeps nothing on disk, so there is nothing to delete".to_string())
    }
}

/// Keeps every save in memory: for tests and for read-only sessions.
#[derive(Debug, Default)]
pub struct MemoryPersist {
    /// How many saves were asked for.
    pub saves: usize,
    /// The last workbook saved.
    pub last: Option<Workbook>,
    /// While set, every save and record fails with this problem (a full disk, in tests).
    pub failing: Option<String>,
    /// Records written, in order.
    pub records: Vec<InboxRecord>,
    /// Names of the records not yet removed (each record is named `memory/<n>`).
    pub waiting: Vec<PathBuf>,
    /// A data folder's inbox, listed but never emptied: a read-only window shows what waits
    /// there (entries `journal add` left beside a big month) as the workbook would file it.
    pub read_inbox: Option<Inbox>,
    unsaved: Vec<Unsaved>,
    changed: bool,
}

impl MemoryPersist {
    /// Keeps saves in memory and shows what waits in `inbox`, for a read-only window.
    pub fn reading(inbox: Inbox) -> Self {
        Self {
            read_inbox: Some(inbox),
            ..Self::default()
        }
    }
}

impl Persist for MemoryPersist {
    fn record(&mut self, record: &InboxRecord) -> Result<Option<PathBuf>, String> {
        match &self.failing {
            Some(problem) => Err(problem.clone()),
            None => {
                self.records.push(record.clone());
                let name = PathBuf::from(format!("memory/{}", self.records.len()));
                self.waiting.push(name.clone());
                Ok(Some(name))
            }
        }
    }

    fn save(&mut self, book: &Workbook, outcome: &Outcome, retire: Vec<PathBuf>) {
        if let Some(problem) = &self.failing {
            let mut what: Vec<SaveTarget> = outcome
                .months_changed
                .iter()
                .map(|m| SaveTarget::Month(*m))
                .collect();
            if outcome.journey_changed {
                what.push(SaveTarget::Journey);
            }
            if outcome.drafts_changed {
                what.push(SaveTarget::Drafts);
            }
            for what in what {
                if !self.unsaved.iter().any(|u| u.what == what) {
                    self.unsaved.push(Unsaved {
                        what,
                        problem: problem.clone(),
                    });
                }
            }
            self.changed = true;
            return;
        }
        self.saves += 1;
        self.last = Some(book.clone());
        self.waiting.retain(|name| !retire.contains(name));
        if !self.unsaved.is_empty() {
            self.unsaved.clear();
            self.changed = true;
        }
    }

    fn status(&mut self) -> Option<Vec<Unsaved>> {
        std::mem::take(&mut self.changed).then(|| self.unsaved.clone())
    }

    fn flush(&mut self) -> Vec<Unsaved> {
        self.unsaved.clone()
    }

    fn waiting(&mut self) -> Vec<Found> {
        // A folder that cannot be listed shows nothing more; the words stay where they are.
        self.read_inbox
            .as_ref()
            .and_then(|inbox| inbox.list().ok())
            .unwrap_or_default()
    }

    fn inbox_dir(&self) -> Option<PathBuf> {
        None
    }
}
