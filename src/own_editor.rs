//! Writing in the user's own editor (`$VISUAL`, else `$EDITOR`): which command that names, split
//! into words as a shell would (`code -w`, `"/opt/My Editor/bin/ed" --wait`), and one edit of a
//! text through a private scratch file (see [`crate::store::scratch`]) that is gone when the
//! editor returns.
//!
//! The caller owns the terminal: the workbook gives it up before [`edit`] and takes it back
//! after; the command line has nothing to give up.

use std::fmt;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

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

/// Hands `text` to `command` in a private scratch file (in a memory-backed folder when there is
/// one, else under `data_dir`), waits for the editor, and returns how it ended; the scratch file
/// is removed before this returns.
///
/// The editor runs in the foreground on this process's terminal. Ctrl-C and Ctrl-\ typed in it
/// reach the editor, which decides what they mean; they do not end this process (they raise
/// `interrupted`, for a caller that listens for them too).
pub fn edit(command: &EditorCommand, text: &str, data_dir: &Path) -> EditEnd {
    let file = match ScratchFile::write(data_dir, text) {
        Ok(file) => file,
        Err(e) => return EditEnd::Trouble(format!("no private place for the text: {e}")),
    };
    let interrupted = Arc::new(AtomicBool::new(false));
    let guards: Vec<_> = [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT]
        .into_iter()
        .filter_map(|s| signal_hook::flag::register(s, Arc::clone(&interrupted)).ok())
        .collect();
    let status = Command::new(&command.program)
        .args(&command.args)
        .arg(file.path())
        .status();
    for guard in guards {
        signal_hook::low_level::unregister(guard);
    }
    let status = match status {
        Ok(status) => status,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return EditEnd::Trouble(format!("{} was not found", command.program));
        }
        Err(e) => return EditEnd::Trouble(format!("{} did not start: {e}", command.program)),
    };
    if let Some(code) = status.code() {
        if code != 0 {
            return EditEnd::Failed(code);
        }
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            return EditEnd::Killed(status.signal().unwrap_or(0));
        }
    }
    match file.read() {
        Ok(text) => EditEnd::Wrote(text),
        Err(e) => EditEnd::Trouble(format!("its file could not be read back: {e}")),
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
