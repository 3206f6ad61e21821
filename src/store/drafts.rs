//! Loading and saving `drafts.json`: text being typed, apart from progress.

use crate::engine::Drafts;

use super::{Store, StoreError};

impl Store {
    /// The saved drafts; `None` when there are none yet.
    ///
    /// A damaged or newer file is an error, and from then on this store refuses to save over it.
    pub fn load_drafts(&self) -> Result<Option<Drafts>, StoreError> {
        self.load(&self.drafts_file())
    }

    /// Saves the drafts atomically, keeping the previous version as `drafts.json.bak`.
    pub fn save_drafts(&self, drafts: &Drafts) -> Result<(), StoreError> {
        let file = self.drafts_file();
        self.save(&file, drafts, || self.load::<Drafts>(&file).map(drop))
    }
}
