//! Writing in the user's own editor (`$VISUAL`, else `$EDITOR`): which command that names, split
//! into words as a shell would (`code -w`, `"/opt/My Editor/bin/ed" --wait`), and one edit of a
//! text through a private scratch file (see [`crate::store::scratch`]) that is gone once what
//! the editor left in it is kept: saved, or kept as a draft when the editor did not close
//! cleanly.
//!
//! The caller owns the terminal: the workbook gives it up before [`edit`] and takes it back
//! after; the command line has nothing to give up.

use std::fmt;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::store::scratch::ScratchFile;

/// The editor to run: a program and the words before the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    /// The program (a name found on `PATH`, or a path).
    pub program: String,
    /// Words given before the file's path (`-w` for `code -w`).
    pub args: Vec<String>,
}

/// Why there is no editor to run, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoEditor {
    /// Neither `$VISUAL` nor `$EDITOR` is set (or both are blank).
    NotSet,
    /// The variable is set but cannot be read as a command (an unclosed quote).
    Unusable {
        /// `VISUAL` or `EDITOR`.
        variable: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
}

impl fmt::Display for NoEditor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoEditor::NotSet => write!(f, "No editor is set (VISUAL or EDITOR)"),
            NoEditor::Unusable { variable, problem } => {
                write!(
                    f,
                    "Your {variable} could not be read as a command: {problem}"
                )
            }
        }
    }
}

impl EditorCommand {
    /// The editor this process's environment names: `$VISUAL`, else `$EDITOR`.
    pub fn from_env() -> Result<Self, NoEditor> {
        let visual = std::env::var("VISUAL").ok();
        let editor = std::env::var("EDITOR").ok();
        Self::from_values(visual.as_deref(), editor.as_deref())
    }

    /// The editor named by the values of `VISUAL` and `EDITOR`: the first one that is not blank.
    pub fn from_values(visual: Option<&str>, editor: Option<&str>) -> Result<Self, NoEditor> {
        let (variable, value) = [("VISUAL", visual), ("EDITOR", editor)]
            .into_iter()
            .find_map(|(name, value)| value.filter(|v| !v.trim().is_empty()).map(|v| (name, v)))
            .ok_or(NoEditor::NotSet)?;
        let mut words = split_words(value)
            .map_err(|problem| NoEditor::Unusable { variable, problem })?
            .into_iter();
        let program = words.next().ok_or(NoEditor::NotSet)?;
        Ok(Self {
            program,
            args: words.collect(),
        })
    }
}

/// Splits `line` into words as a POSIX shell would, without expanding anything: blanks separate
/// words, `'…'` keeps everything, `"…"` keeps everything but `\"`, `\\`, `\$` and `` \` ``, and a
/// backslash outside quotes keeps the next character.
pub fn split_words(line: &str) -> Result<Vec<String>, &'static str> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err("a ' quote is not closed"),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => w.push(c),
                            Some('\n') => {}
                            Some(c) => {
                                w.push('\\');
                                w.push(c);
                            }
                            None => return Err("a \" quote is not closed"),
                        },
                        Some(c) => w.push(c),
                        None => return Err("a \" quote is not closed"),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => return Err("it ends with a lone backslash"),
            },
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

/// How an edit in the user's editor ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditEnd {
    /// The editor exited 0; the text it left.
    Wrote(String),
    /// The editor exited with this non-zero status.
    Failed(i32),
    /// The editor was ended by this signal.
    Killed(i32),
    /// The editor could not be run, or its text not read back: why.
    Trouble(String),
}

impl EditEnd {
    /// How the editor ended when it left nothing to keep, in words ("Your editor closed with
    /// exit status 1"); `None` when it wrote.
    pub fn why_not(&self) -> Option<String> {
        Some(match self {
            EditEnd::Wrote(_) => return None,
            EditEnd::Failed(code) => format!("Your editor closed with exit status {code}"),
            EditEnd::Killed(signal) => {
                format!("Your editor was stopped ({})", signal_name(*signal))
            }
            EditEnd::Trouble(problem) => format!("Your editor could not be used ({problem})"),
        })
    }

    /// What to tell the user when the old text was kept: calm, and saying nothing was lost.
    pub fn kept_notice(&self) -> Option<String> {
        self.why_not()
            .map(|why| format!("{why}, so your text is as it was before."))
    }
}

/// What one edit in the user's editor came to: how the editor ended, and, when it did not end
/// with text to save, what it last saved in its file anyway. The scratch file stays on disk
/// until this is dropped, so whoever keeps [`Edited::left`] drops this after keeping it.
#[derive(Debug)]
pub struct Edited {
    /// How the editor ended.
    pub end: EditEnd,
    /// After any ending but [`EditEnd::Wrote`]: the text the file held, when it is not blank
    /// and differs from the text handed out (bytes that are not UTF-8 read as U+FFFD).
    pub left: Option<String>,
    /// True when rekindle itself was asked to stop (hangup or terminate) while the editor ran.
    pub asked_to_stop: bool,
    file: Option<ScratchFile>,
}

impl Edited {
    /// An edit that never reached an editor.
    pub fn trouble(problem: String) -> Self {
        Self {
            end: EditEnd::Trouble(problem),
            left: None,
            asked_to_stop: false,
            file: None,
        }
    }

    /// What to tell the user when [`Edited::left`] was kept as a draft: how the editor ended,
    /// then `where_kept` ("What it last saved is kept as a draft: open the entry to see it.").
    pub fn kept_as_draft_notice(&self, where_kept: &str) -> String {
        let why = self
            .end
            .why_not()
            .unwrap_or_else(|| "Your editor closed".to_string());
        format!("{why}. {where_kept}")
    }

    /// Keeps the scratch file's words as a private file in `data_dir`, for when they could not
    /// be kept as a draft; where they are.
    pub fn set_aside(&self, data_dir: &Path) -> std::io::Result<std::path::PathBuf> {
        match &self.file {
            Some(file) => crate::store::scratch::recover_into(file.path(), data_dir),
            None => Err(std::io::Error::other("there is no file to keep")),
        }
    }
}

/// Hands `text` to `command` in a private scratch file (in a memory-backed folder when there is
/// one, else under `data_dir`), waits for the editor, and returns how it ended with what it left
/// in the file; the scratch file is removed when the returned [`Edited`] is dropped.
///
/// The editor runs in the foreground on this process's terminal. Ctrl-C and Ctrl-\ typed in it
/// reach the editor, which decides what they mean; they do not end this process. Neither does a
/// hangup or terminate signal while the editor runs: rekindle waits for the editor and says so
/// in [`Edited::asked_to_stop`], so its words can be kept before it goes.
pub fn edit(command: &EditorCommand, text: &str, data_dir: &Path) -> Edited {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let file = match ScratchFile::write(data_dir, text) {
        Ok(file) => file,
        Err(e) => return Edited::trouble(format!("no private place for the text: {e}")),
    };
    let interrupted = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let guards: Vec<_> = [
        (SIGINT, &interrupted),
        (SIGQUIT, &interrupted),
        (SIGHUP, &stop),
        (SIGTERM, &stop),
    ]
    .into_iter()
    .filter_map(|(s, flag)| signal_hook::flag::register(s, Arc::clone(flag)).ok())
    .collect();
    let status = Command::new(&command.program)
        .args(&command.args)
        .arg(file.path())
        .status();
    for guard in guards {
        signal_hook::low_level::unregister(guard);
    }
    let end = match status {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            EditEnd::Trouble(format!("{} was not found", command.program))
        }
        Err(e) => EditEnd::Trouble(format!("{} did not start: {e}", command.program)),
        Ok(status) => ending(status),
    };
    let (end, left) = match (end, file.read_lossy()) {
        (EditEnd::Wrote(_), Ok((written, true))) => (EditEnd::Wrote(written), None),
        (EditEnd::Wrote(_), Ok((written, false))) => (
            EditEnd::Trouble("its file is not UTF-8 text".to_string()),
            Some(written),
        ),
        (end, Ok((written, _))) => (end, Some(written)),
        (end, Err(e)) => {
            let why = match end.why_not() {
                Some(why) => format!("{why}, and its file could not be read back: {e}"),
                None => format!("its file could not be read back: {e}"),
            };
            // Words that could not be read at all are kept as they are, not removed.
            let kept = match crate::store::scratch::recover_into(file.path(), data_dir) {
                Ok(kept) => format!("; the file is kept as {}", kept.display()),
                Err(_) => String::new(),
            };
            (EditEnd::Trouble(format!("{why}{kept}")), None)
        }
    };
    let left = left.filter(|written| {
        !written.trim().is_empty()
            && written != text
            && Some(written.as_str()) != text.strip_suffix('\n')
    });
    Edited {
        end,
        left,
        asked_to_stop: stop.load(Ordering::SeqCst),
        file: Some(file),
    }
}

/// How an editor's exit status ends an edit; [`EditEnd::Wrote`] holds no text yet.
fn ending(status: std::process::ExitStatus) -> EditEnd {
    match status.code() {
        Some(0) => EditEnd::Wrote(String::new()),
        Some(code) => EditEnd::Failed(code),
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                EditEnd::Killed(status.signal().unwrap_or(0))
            }
            #[cfg(not(unix))]
            EditEnd::Failed(-1)
        }
    }
}

/// A signal's usual name, for the few an editor is stopped with.
fn signal_name(signal: i32) -> String {
    match signal {
        1 => "the window closed".to_string(),
        2 => "interrupted".to_string(),
        3 => "quit".to_string(),
        6 => "aborted".to_string(),
        9 => "killed".to_string(),
        15 => "terminated".to_string(),
        n => format!("signal {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        split_words(line).unwrap()
    }

    #[test]
    fn words_split_as_a_shell_splits_them() {
        assert_eq!(words("code -w"), ["code", "-w"]);
        assert_eq!(words("  vim  "), ["vim"]);
        assert_eq!(
            words(r#""/opt/My Editor/ed" --wait"#),
            ["/opt/My Editor/ed", "--wait"]
        );
        assert_eq!(words(r"my\ editor 'a b'c"), ["my editor", "a bc"]);
        assert_eq!(words(r#""say \"hi\" \n""#), [r#"say "hi" \n"#]);
        assert_eq!(words("''"), [""]);
        assert!(split_words("'open").is_err());
        assert!(split_words("\"open").is_err());
        assert!(split_words("end\\").is_err());
    }

    #[test]
    fn visual_comes_before_editor_and_blank_is_not_set() {
        let vim = EditorCommand::from_values(Some("vim"), Some("nano")).unwrap();
        assert_eq!(vim.program, "vim");
        let nano = EditorCommand::from_values(Some("  "), Some("nano -w")).unwrap();
        assert_eq!(
            (nano.program.as_str(), nano.args),
            ("nano", vec!["-w".to_string()])
        );
        assert_eq!(
            EditorCommand::from_values(None, Some("")),
            Err(NoEditor::NotSet)
        );
        assert!(matches!(
            EditorCommand::from_values(Some("'vim"), Some("nano")),
            Err(NoEditor::Unusable {
                variable: "VISUAL",
                ..
            })
        ));
    }

    #[test]
    fn a_kept_text_is_said_calmly() {
        assert_eq!(EditEnd::Wrote("x".into()).kept_notice(), None);
        let failed = EditEnd::Failed(1).kept_notice().unwrap();
        assert!(failed.contains("exit status 1") && failed.contains("as it was"));
        assert!(EditEnd::Killed(9).kept_notice().unwrap().contains("killed"));
    }
}
