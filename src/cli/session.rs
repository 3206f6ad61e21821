//! What every command needs: the guide, the data folder, and the workbook loaded from it.

use std::path::{Path, PathBuf};

use chrono::Local;
use thiserror::Error;

use crate::content::{self, Guide, Problems};
use crate::engine::{
    Action, EngineError, Journal, Journey, MonthKey, Now, Outcome, Workbook, apply,
};
use crate::store::{Access, SetAside, Store, StoreError, default_data_dir};

use super::Cli;

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
}

impl Session {
    /// Opens the data folder and loads the workbook; `access` says whether this command writes.
    pub fn open(cli: &Cli, access: Access) -> Result<Self, CliError> {
        let guide = load_guide(cli.content.as_ref()).map_err(CliError::Guide)?;
        let mut session = Self::open_journey(guide, &data_dir(cli)?, access)?;
        let loaded = session.store.load_journal()?;
        session.book.journal = loaded.journal;
        session.set_aside = loaded.set_aside;
        Ok(session)
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
        let mut session = Self::open_journey(guide, dir, access)?;
        let mut older = session.store.journal_months()?;
        if let Some(key) = older.pop() {
            match session.store.load_month(key) {
                Ok(month) => session
                    .book
                    .journal
                    .extend(month.map(|m| m.entries).unwrap_or_default()),
                Err(error) => session.set_aside.push(SetAside {
                    file: session.store.month_file(key),
                    error,
                }),
            }
        }
        Ok((session, older))
    }

    /// The store opened and the journey loaded (or begun), with an empty journal.
    fn open_journey(guide: Guide, dir: &Path, access: Access) -> Result<Self, CliError> {
        let store = Store::open(dir, access)?;
        let journey = match store.load_journey()? {
            Some(journey) => journey,
            None => Journey::new(&guide, chrono::Utc::now()),
        };
        Ok(Self {
            guide,
            store,
            book: Workbook {
                journey,
                journal: Journal::default(),
            },
            set_aside: Vec::new(),
        })
    }

    /// Applies an action at the current time and saves what it changed.
    pub fn apply(&mut self, action: Action) -> Result<Outcome, CliError> {
        let now = Now::new(chrono::Utc::now(), &Local);
        let outcome = apply(&mut self.book, &self.guide, action, now)?;
        self.save(&outcome)?;
        Ok(outcome)
    }

    /// Saves what an outcome says changed.
    pub fn save(&self, outcome: &Outcome) -> Result<(), CliError> {
        if outcome.journey_changed {
            self.store.save_journey(&self.book.journey)?;
        }
        save_months(&self.store, &self.book.journal, &outcome.months_changed)?;
        Ok(())
    }

    /// Warnings about set-aside months, for stderr.
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
            .collect()
    }
}

/// Saves the given months of `journal`.
pub fn save_months(
    store: &Store,
    journal: &Journal,
    months: &[crate::engine::MonthKey],
) -> Result<(), StoreError> {
    for month in months {
        store.save_month(&journal.month_file(*month))?;
    }
    Ok(())
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
