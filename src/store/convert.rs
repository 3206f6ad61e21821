//! Converting a data folder between plain and encrypted, file by file.
//!
//! Each file is rewritten whole through the atomic save (temp file, fsync, rename), keeping its
//! `.bak` as the previous version (the `.bak` is converted as a file of its own), so a crash at
//! any point leaves every file readable, plain or encrypted, and running the conversion again
//! finishes it. Bytes are carried over exactly: a file that was damaged stays damaged (and is
//! still reported as such), only now in the other form.

use std::fs;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::codec;
use super::erase::survey;
use super::open::{Access, Store};
use super::write::rewrite_in_place;

/// What a conversion did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Converted {
    /// Files rewritten in the new form.
    pub rewritten: usize,
    /// Files already in that form (left untouched).
    pub already: usize,
}

impl Store {
    /// Rewrites every file rekindle keeps in the folder in the form this store writes
    /// (encrypted or plain); `after_each` is called with each file once it is rewritten. Needs
    /// the writer's lock.
    pub fn convert_files(
        &self,
        mut after_each: impl FnMut(&Path),
    ) -> Result<Converted, StoreError> {
        if self.access() != Access::ReadWrite {
            return Err(StoreError::ReadOnly {
                file: self.dir().to_path_buf(),
            });
        }
        let files: Vec<PathBuf> = survey(self.dir())?
            .map(|plan| plan.data_files())
            .unwrap_or_default();
        let encrypting = self.sealing().write_key().is_some();
        let mut done = Converted::default();
        for file in files {
            let stored = fs::read(&file).map_err(StoreError::io("read", &file))?;
            if codec::is_sealed(&stored) == encrypting {
                done.already += 1;
                continue;
            }
            let plain =
                codec::unseal(&stored, self.sealing()).map_err(|e| StoreError::Corrupt {
                    file: file.clone(),
                    line: e.line,
                    column: e.column,
                    message: e.message,
                    backup: None,
                })?;
            let bytes = codec::seal(plain.into_owned(), self.sealing()).map_err(|source| {
                StoreError::Encode {
                    file: file.clone(),
                    source,
                }
            })?;
            rewrite_in_place(&file, &bytes)?;
            done.rewritten += 1;
            after_each(&file);
        }
        if done.rewritten > 0 {
            // Every month file has a new size and time now, so the journal index no longer
            // describes them: count them once, which saves the index afresh.
            self.journal_summary()?;
        }
        Ok(done)
    }
}
