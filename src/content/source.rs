//! Where a pack's files come from: the copy embedded in the binary, or a folder on disk.

use std::fs;
use std::path::{Path, PathBuf};

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

    /// Every `.toml` file under `dir`. Unreadable files and non-UTF-8 text become problems.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Problem>> {
        let display = dir.display().to_string();
        if !dir.is_dir() {
            return Err(vec![Problem::in_file(
                &display,
                "no pack folder here; give the folder that holds guide.toml",
            )]);
        }
        let mut files = Vec::new();
        let mut problems = Vec::new();
        collect(dir, dir, &mut files, &mut problems);
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

fn collect(root: &Path, dir: &Path, files: &mut Vec<SourceFile>, problems: &mut Vec<Problem>) {
    let relative = |path: &Path| {
        path.strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::in_file(
                &relative(dir),
                format!("cannot read this folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files, problems);
        } else if path.extension().is_some_and(|e| e == "toml") {
            match fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => files.push(SourceFile {
                        path: relative(&path),
                        text,
                    }),
                    Err(e) => {
                        let offset = e.utf8_error().valid_up_to();
                        let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
                        problems.push(Problem::at(
                            &relative(&path),
                            &text,
                            &(offset..offset),
                            "this file is not valid UTF-8 text; save it as UTF-8",
                        ));
                    }
                },
                Err(e) => problems.push(Problem::in_file(
                    &relative(&path),
                    format!("cannot read this file: {e}"),
                )),
            }
        }
    }
}
