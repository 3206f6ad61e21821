//! Where a pack's files come from: the copy embedded in the binary, or a folder on disk.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::bounded::{PACK_FILE_LIMIT, read_regular};

use super::problem::Problem;

include!(concat!(env!("OUT_DIR"), "/embedded_pack.rs"));

/// One file of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the pack folder, with `/` separators.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// A pack's files, read but not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSource {
    /// Where the pack came from, for messages (`embedded` or the folder).
    pub origin: String,
    /// The pack folder on disk, if any; problems are reported relative to it.
    pub root: Option<PathBuf>,
    /// The `.toml` files, sorted by path.
    pub files: Vec<SourceFile>,
}

impl PackSource {
    /// The default pack built into the binary.
    pub fn embedded() -> Self {
        Self {
            origin: "the built-in guide".to_string(),
            root: None,
            files: EMBEDDED_PACK
                .iter()
                .map(|(path, text)| SourceFile {
                    path: path.to_string(),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    /// Every `.toml` file under `dir`. Unreadable files, anything but a regular file, files past
    /// [`PACK_FILE_LIMIT`], non-UTF-8 text and folder links that loop become problems.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Problem>> {
        let display = dir.display().to_string();
        if !dir.is_dir() {
            return Err(vec![Problem::in_file(
                &display,
                "no pack folder here; give the folder that holds guide.toml",
            )]);
        }
        let mut walk = Walk {
            root: dir,
            files: Vec::new(),
            problems: Vec::new(),
            seen: HashSet::new(),
        };
        walk.folder(dir);
        let Walk {
            mut files,
            problems,
            ..
        } = walk;
        files.sort_by(|a, b| a.path.cmp(&b.path));
        if problems.is_empty() {
            Ok(Self {
                origin: display,
                root: Some(dir.to_path_buf()),
                files,
            })
        } else {
            Err(problems)
        }
    }
}

/// A walk through a pack folder, collecting its `.toml` files and the problems met on the way.
struct Walk<'a> {
    root: &'a Path,
    files: Vec<SourceFile>,
    problems: Vec<Problem>,
    /// Folders read so far, by their real path, so a link back to one cannot loop.
    seen: HashSet<PathBuf>,
}

impl Walk<'_> {
    fn relative(&self, path: &Path) -> String {
        path.strip_prefix(self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    fn folder(&mut self, dir: &Path) {
        if let Ok(real) = fs::canonicalize(dir)
            && !self.seen.insert(real.clone())
        {
            self.problems.push(Problem::in_file(
                &self.relative(dir),
                format!(
                    "this links to {}, a folder already read: a link loop or a second way in; \
                     remove the link",
                    real.display()
                ),
            ));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                let file = self.relative(dir);
                self.problems.push(Problem::in_file(
                    &file,
                    format!("cannot read this folder: {e}"),
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                self.folder(&path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                self.file(&path);
            }
        }
    }

    fn file(&mut self, path: &Path) {
        let relative = self.relative(path);
        let bytes = match read_regular(path, PACK_FILE_LIMIT) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.problems.push(Problem::in_file(
                    &relative,
                    format!("cannot read this file: {e}"),
                ));
                return;
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => self.files.push(SourceFile {
                path: relative,
                text,
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
                self.problems.push(Problem::at(
                    &relative,
                    &text,
                    &(offset..offset),
                    "this file is not valid UTF-8 text; save it as UTF-8",
                ));
            }
        }
    }
}
