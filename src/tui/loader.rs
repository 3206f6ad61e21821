//! Older journal months loaded behind the first frame: the newest month is read before the
//! workbook opens, the rest arrive on a thread, packed there (their text compressed, see
//! [`crate::engine::PackedMonth`]) so the screen's thread never holds an older month's text
//! plainly until it reads it.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel, sync_channel};

use crate::engine::{JournalMonth, MonthKey, PackedFile};
use crate::store::{Access, Store};

use super::events::Wake;

/// One month read by the loader.
pub enum Loaded {
    /// A month's file as read, packed.
    Packed(MonthKey, PackedFile),
    /// A month's file as read, when it is not packed (a text of 4 GiB or more, or an id held
    /// twice, renamed in file order when taken in).
    Month(MonthKey, JournalMonth),
    /// A month that could not be read and is set aside; the sentence says which and why.
    SetAside(MonthKey, String),
}

/// The months still on their way.
pub struct JournalLoader {
    inbox: Receiver<Loaded>,
    /// Months not yet received.
    pub pending: BTreeSet<MonthKey>,
}

/// Month `key` as the loader passes it on; `None` when it has no file.
fn read(store: &Store, key: MonthKey) -> Option<Loaded> {
    match store.load_month(key) {
        Ok(Some(month)) => Some(match month.packed() {
            Ok(packed) => Loaded::Packed(key, packed),
            Err(month) => Loaded::Month(key, month),
        }),
        Ok(None) => None,
        Err(e) => Some(Loaded::SetAside(key, e.to_string())),
    }
}

/// Reads the second, fourth, ... of `months` on a thread of its own, at most two ahead of the
/// loader, which reads the others: two cores parse at once, and months still arrive in order
/// (an id found twice is renamed in the same month whatever the timing). `None` when the
/// thread cannot start; the loader then reads every month itself.
fn read_every_other(dir: PathBuf, months: Vec<MonthKey>) -> Option<Receiver<Option<Loaded>>> {
    if months.len() < 2 || std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        return None;
    }
    let (send, receive) = sync_channel(2);
    std::thread::Builder::new()
        .name("rekindle-journal-2".to_string())
        .spawn(move || {
            super::background::give_way_to_the_screen();
            let Ok(store) = Store::open(&dir, Access::ReadOnly) else {
                return;
            };
            for key in months.into_iter().skip(1).step_by(2) {
                if send.send(read(&store, key)).is_err() {
                    return;
                }
            }
        })
        .ok()?;
    Some(receive)
}

impl JournalLoader {
    /// Reads `months` of the data folder at `dir`, newest first, on a thread of its own.
    pub fn spawn(dir: PathBuf, months: Vec<MonthKey>) -> Self {
        Self::spawn_waking(dir, months, None)
    }

    /// As [`JournalLoader::spawn`], and wakes the loop through `wake` as each month arrives, so
    /// it is merged at once instead of at the next tick.
    pub fn spawn_waking(dir: PathBuf, months: Vec<MonthKey>, wake: Option<Sender<Wake>>) -> Self {
        let (send, inbox) = channel();
        let pending = months.iter().copied().collect();
        std::thread::Builder::new()
            .name("rekindle-journal".to_string())
            .spawn(move || {
                super::background::give_way_to_the_screen();
                let store = match Store::open(&dir, Access::ReadOnly) {
                    Ok(store) => store,
                    Err(e) => {
                        for key in months {
                            let _ = send.send(Loaded::SetAside(key, e.to_string()));
                        }
                        if let Some(wake) = &wake {
                            let _ = wake.send(Wake::Arrived);
                        }
                        return;
                    }
                };
                let newest_first: Vec<MonthKey> = months.into_iter().rev().collect();
                let mut helped = read_every_other(dir, newest_first.clone());
                for (n, key) in newest_first.into_iter().enumerate() {
                    let loaded = match helped.as_ref().filter(|_| n % 2 == 1) {
                        Some(helper) => match helper.recv() {
                            Ok(loaded) => loaded,
                            Err(_) => {
                                helped = None;
                                read(&store, key)
                            }
                        },
                        None => read(&store, key),
                    };
                    let Some(loaded) = loaded else {
                        continue;
                    };
                    if send.send(loaded).is_err() {
                        return;
                    }
                    if let Some(wake) = &wake {
                        let _ = wake.send(Wake::Arrived);
                    }
                }
            })
            .ok();
        Self { inbox, pending }
    }

    /// A loader with nothing to load.
    pub fn done() -> Self {
        Self {
            inbox: channel().1,
            pending: BTreeSet::new(),
        }
    }

    /// Months that have arrived since last asked, without waiting.
    pub fn arrived(&mut self) -> Vec<Loaded> {
        let mut loaded: Vec<Loaded> = Vec::new();
        loop {
            match self.inbox.try_recv() {
                Ok(month) => loaded.push(month),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.note(&loaded);
                    loaded.extend(self.gone());
                    return loaded;
                }
            }
        }
        self.note(&loaded);
        loaded
    }

    /// Waits until none of `months` is pending, returning everything that arrived meanwhile.
    pub fn wait_for(&mut self, months: &[MonthKey]) -> Vec<Loaded> {
        let mut loaded = Vec::new();
        while months.iter().any(|m| self.pending.contains(m)) {
            match self.inbox.recv() {
                Ok(month) => {
                    self.note(std::slice::from_ref(&month));
                    loaded.push(month);
                }
                Err(_) => {
                    // The loading thread is gone: what it never sent was never read, and must
                    // not be saved over as if it were empty.
                    loaded.extend(self.gone());
                    break;
                }
            }
        }
        loaded
    }

    /// The months still pending, set aside because the loading thread stopped.
    fn gone(&mut self) -> Vec<Loaded> {
        std::mem::take(&mut self.pending)
            .into_iter()
            .map(|key| {
                Loaded::SetAside(
                    key,
                    format!("journal month {key} could not be read: the thread loading it stopped"),
                )
            })
            .collect()
    }

    fn note(&mut self, loaded: &[Loaded]) {
        for month in loaded {
            let (Loaded::Packed(key, _) | Loaded::Month(key, _) | Loaded::SetAside(key, _)) = month;
            self.pending.remove(key);
        }
    }

    /// True while months are still on their way.
    pub fn is_loading(&self) -> bool {
        !self.pending.is_empty()
    }
}
