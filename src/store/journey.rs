//! Loading and saving `journey.json`.

use crate::engine::Journey;

use super::{Store, StoreError};

impl Store {
    /// The saved journey; `None` when there is none yet.
    ///
    /// A damaged or newer file is an error, and from then on this store refuses to save over it.
    pub fn load_journey(&self) -> Result<Option<Journey>, StoreError> {
        self.load(&self.journey_file())
    }

    /// Saves the journey atomically, keeping the previous version as `journey.json.bak`.
    ///
    /// Refused when read-only, or when the file on disk could not be read (checked first if this
    /// store has not read it yet).
    pub fn save_journey(&self, journey: &Journey) -> Result<(), StoreError> {
        let file = self.journey_file();
        self.save(&file, journey, || self.load::<Journey>(&file).map(drop))
    }
}
