//! Adding imported entries to the journal without doubling any.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use crate::engine::Journal;

use super::import::Imported;

/// What a merge did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Entries added to the journal.
    pub added: usize,
    /// Entries left out because the journal already had them.
    pub skipped_duplicates: usize,
}

/// Adds the imported entries the journal does not have yet.
///
/// An entry is already there when an entry has its id (rekindle exports only; other tools'
/// entries get new ids here) or the same creation time and text. Importing a file twice adds
/// nothing the second time.
pub fn merge(journal: &mut Journal, imported: Imported) -> ImportSummary {
    let mut seen: HashSet<(DateTime<Utc>, String)> = journal
        .iter()
        .map(|e| (e.created, e.text.clone()))
        .collect();
    let mut summary = ImportSummary::default();
    for mut entry in imported.entries {
        let same_id = imported.format.keeps_ids() && journal.get(&entry.id).is_some();
        if same_id || !seen.insert((entry.created, entry.text.clone())) {
            summary.skipped_duplicates += 1;
            continue;
        }
        if !imported.format.keeps_ids() {
            entry.id = journal.new_id(entry.created);
        }
        journal.insert(entry);
        summary.added += 1;
    }
    summary
}
