//! Loading and saving the journal, one file per month (`journal/2026-11.json`), so that damage
//! to one month never costs the others.

use std::fs;
use std::io;
use std::path::PathBuf;

use crate::engine::{Journal, JournalEntry, JournalMonth, MonthFileView, MonthKey, Renamed};

use super::paths::{self, month_of_file_name};
use super::{Store, StoreError};

/// The whole journal as read, and the month files left out because they could not be read.
#[derive(Debug, Default)]
pub struct JournalLoad {
    /// Every entry from every readable month.
    pub journal: Journal,
    /// Month files that could not be read. None of them will be saved over.
    pub set_aside: Vec<SetAside>,
    /// Months holding an entry whose id another entry already had; it was given a new one, and
    /// the month should be saved so the new id sticks.
    pub renamed: Vec<(MonthKey, Renamed)>,
}

/// A month's file contents to save: a [`JournalMonth`], or a view of one the journal holds
/// (saving it then copies no entry).
pub trait MonthToSave: serde::Serialize {
    /// The month, written `2026-11`.
    fn month(&self) -> &str;
    /// Its entries.
    fn entries(&self) -> &[JournalEntry];
}

impl MonthToSave for JournalMonth {
    fn month(&self) -> &str {
        &self.month
    }
    fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }
}

impl MonthToSave for MonthFileView<'_> {
    fn month(&self) -> &str {
        &self.month
    }
    fn entries(&self) -> &[JournalEntry] {
        self.entries
    }
}

impl<T: MonthToSave> MonthToSave for &T {
    fn month(&self) -> &str {
        (**self).month()
    }
    fn entries(&self) -> &[JournalEntry] {
        (**self).entries()
    }
}

/// Months being saved one at a time, each as [`Store::save_month`] does; the index is brought
/// up to date once, after the last (the commit order: months, then what refers to them), by
/// [`MonthBatch::finish`], or on drop for what was saved when a later month failed.
pub struct MonthBatch<'a> {
    store: &'a Store,
    saved: Vec<(MonthKey, Option<super::MonthSummary>)>,
}

impl MonthBatch<'_> {
    /// Saves one month atomically, keeping the previous version as `.bak`.
    pub fn save(&mut self, month: &impl MonthToSave) -> Result<(), StoreError> {
        let key = self.store.save_unindexed(month)?;
        let summary = self.store.summarise_month(key, month.entries());
        self.saved.push((key, summary));
        Ok(())
    }

    /// The months saved so far.
    pub fn saved(&self) -> impl Iterator<Item = MonthKey> + '_ {
        self.saved.iter().map(|(key, _)| *key)
    }

    /// Brings the index up to date with every month saved.
    pub fn finish(mut self) -> Result<(), StoreError> {
        self.store.index_months(std::mem::take(&mut self.saved))
    }
}

impl Drop for MonthBatch<'_> {
    fn drop(&mut self) {
        // What was saved is indexed even when a later month failed.
        let _ = self.store.index_months(std::mem::take(&mut self.saved));
    }
}

/// A journal file left out of the load, and why.
#[derive(Debug)]
pub struct SetAside {
    /// The file, untouched on disk.
    pub file: PathBuf,
    /// Why it could not be read (for a damaged file: line, column and how to restore it).
    pub error: StoreError,
}

impl Store {
    /// The months that have a journal file, oldest first (load them in reverse for newest first).
    pub fn journal_months(&self) -> Result<Vec<MonthKey>, StoreError> {
        let mut months: Vec<MonthKey> = self
            .journal_json_files()?
            .iter()
            .filter_map(|name| month_of_file_name(name))
            .collect();
        months.sort();
        Ok(months)
    }

    /// The `.json` files in the journal folder whose names are not months, each with why it is
    /// left out (for commands that read the months one at a time).
    pub fn journal_strays(&self) -> Result<Vec<SetAside>, StoreError> {
        Ok(self
            .journal_json_files()?
            .into_iter()
            .filter(|name| month_of_file_name(name).is_none())
            .map(|name| {
                let file = self.journal_dir().join(name);
                SetAside {
                    error: StoreError::NotAMonth { file: file.clone() },
                    file,
                }
            })
            .collect())
    }

    /// One month's file; `None` when that month has no file.
    ///
    /// A file that cannot be read, or says it holds another month, is an error, and from then on
    /// this store refuses to save over it.
    pub fn load_month(&self, key: MonthKey) -> Result<Option<JournalMonth>, StoreError> {
        let file = self.month_file(key);
        let result = self
            .load::<JournalMonth>(&file)
            .and_then(|month| match month {
                Some(month) if month.month != key.to_string() => Err(StoreError::MonthMismatch {
                    file: file.clone(),
                    found: month.month,
                }),
                month => Ok(month),
            });
        self.remember(&file, &result);
        result
    }

    /// Every month of the journal. A month that cannot be read is set aside, not fatal.
    pub fn load_journal(&self) -> Result<JournalLoad, StoreError> {
        let mut load = JournalLoad::default();
        for name in self.journal_json_files()? {
            let file = self.journal_dir().join(&name);
            let Some(key) = month_of_file_name(&name) else {
                load.set_aside.push(SetAside {
                    error: StoreError::NotAMonth { file: file.clone() },
                    file,
                });
                continue;
            };
            match self.load_month(key) {
                Ok(Some(month)) => {
                    let renamed = load.journal.add_file_month(key, month);
                    if !renamed.is_empty() {
                        load.renamed.push((key, renamed));
                    }
                }
                Ok(None) => {}
                Err(error) => load.set_aside.push(SetAside { file, error }),
            }
        }
        load.set_aside.sort_by(|a, b| a.file.cmp(&b.file));
        Ok(load)
    }

    /// Saves one month atomically (an empty month is written with no entries), keeping the
    /// previous version as `.bak`.
    ///
    /// Refused when read-only, when `month.month` is not written `YYYY-MM`, or when that month's
    /// file could not be read (it was set aside): restore or move that file first.
    pub fn save_month(&self, month: &JournalMonth) -> Result<(), StoreError> {
        self.save_months([month])
    }

    /// Saves several months (an import), each as [`Store::save_month`] does, and brings the
    /// index up to date once after the last, instead of once after each.
    pub fn save_months(
        &self,
        months: impl IntoIterator<Item = impl MonthToSave>,
    ) -> Result<(), StoreError> {
        let mut batch = self.month_batch();
        for month in months {
            batch.save(&month)?;
        }
        batch.finish()
    }

    /// Starts saving months one at a time, as they are made (an import that writes as it
    /// reads), with the index brought up to date once at the end (see [`MonthBatch`]).
    pub fn month_batch(&self) -> MonthBatch<'_> {
        MonthBatch {
            store: self,
            saved: Vec::new(),
        }
    }

    /// Saves one month's file (see [`Store::save_month`]) and returns its key; the index is
    /// the caller's to update.
    fn save_unindexed(&self, month: &impl MonthToSave) -> Result<MonthKey, StoreError> {
        let name = month.month();
        let key = MonthKey::parse(name)
            .filter(|key| key.to_string() == name)
            .ok_or_else(|| StoreError::InvalidMonth {
                month: name.to_string(),
            })?;
        if self.access() == super::Access::ReadWrite {
            paths::ensure_private_dir(&self.journal_dir())?;
        }
        let file = self.month_file(key);
        self.save(&file, month, || self.load_month(key).map(drop))?;
        Ok(key)
    }

    /// Names of the `.json` files in the journal folder (not hidden ones, not backups).
    fn journal_json_files(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.journal_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("list", &dir)(e)),
        };
        let mut names = Vec::new();
        for entry in entries {
            let name = entry.map_err(StoreError::io("list", &dir))?.file_name();
            let name = name.to_string_lossy();
            if !name.starts_with('.') && name.ends_with(".json") {
                names.push(name.into_owned());
            }
        }
        names.sort();
        Ok(names)
    }
}
