//! Changing one setting in the user's own `config.toml`: only that key's line changes (its
//! trailing comment kept), every other line and comment stays as the user wrote it, and a file
//! that does not exist yet starts as `rekindle config --default`. The result is read back before
//! it is written, so an edit that would change anything else is refused instead.

use std::io::Write;
use std::path::Path;

use super::{Config, ConfigPath, DEFAULT_FILE, IdleLock, ThemeName, parse};

/// A setting the workbook's settings screen or `rekindle settings` changes in `config.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigChange {
    /// `theme`.
    Theme(ThemeName),
    /// `idle_lock`.
    IdleLock(IdleLock),
}

impl ConfigChange {
    /// The key in the file.
    pub fn key(self) -> &'static str {
        match self {
            ConfigChange::Theme(_) => "theme",
            ConfigChange::IdleLock(_) => "idle_lock",
        }
    }

    /// The value as TOML writes it.
    fn value(self) -> String {
        match self {
            ConfigChange::Theme(theme) => format!("\"{theme}\""),
            ConfigChange::IdleLock(lock) => lock.toml_value(),
        }
    }

    /// `config` with this change made.
    pub fn applied_to(self, mut config: Config) -> Config {
        match self {
            ConfigChange::Theme(theme) => config.theme = theme,
            ConfigChange::IdleLock(lock) => config.idle_lock = lock,
        }
        config
    }

    /// The line the file gets, for messages.
    pub fn line(self) -> String {
        format!("{} = {}", self.key(), self.value())
    }
}

/// Why a setting could not be written, in a sentence naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigWriteError(pub String);

/// Changes to the settings file, checked and ready to write: nothing is on disk yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPlan {
    path: std::path::PathBuf,
    text: String,
    wanted: Config,
}

impl ConfigPlan {
    /// Writes the file (replaced whole: temp file, fsync, rename; a link is followed), so a
    /// failure leaves it as it was; returns the settings now in force.
    pub fn write(self) -> Result<Config, ConfigWriteError> {
        write_file(&self.path, &self.text).map_err(|e| {
            ConfigWriteError(format!(
                "could not write {}: {e}; the file is as it was",
                self.path.display()
            ))
        })?;
        Ok(self.wanted)
    }
}

impl ConfigPath {
    /// Writes `change` into the settings file (creating it from the defaults when missing) and
    /// returns the settings now in force. A failure leaves the file as it was.
    pub fn change(&self, change: ConfigChange) -> Result<Config, ConfigWriteError> {
        self.plan(&[change])?.write()
    }

    /// Works out `changes` on the settings file's text (the defaults' when it is missing) and
    /// checks the result reads back as exactly those changes, writing nothing, so a caller can
    /// check every part of a request before changing any.
    pub fn plan(&self, changes: &[ConfigChange]) -> Result<ConfigPlan, ConfigWriteError> {
        let name = self.path.display().to_string();
        let (mut text, mut wanted) = match std::fs::symlink_metadata(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                (DEFAULT_FILE.to_string(), Config::default())
            }
            _ => {
                let old = self
                    .load()
                    .map_err(|p| ConfigWriteError(format!("{p}; nothing was changed")))?;
                let text = std::fs::read_to_string(&self.path).map_err(|e| {
                    ConfigWriteError(format!("could not read {name}: {e}; nothing was changed"))
                })?;
                (text, old)
            }
        };
        for &change in changes {
            text = with_setting(&text, change.key(), &change.value());
            wanted = change.applied_to(wanted);
            if parse(&name, &text).ok().as_ref() != Some(&wanted) {
                return Err(ConfigWriteError(format!(
                    "{name} sets `{}` in a way rekindle does not edit, so it was left as it is; \
                     write `{}` there yourself",
                    change.key(),
                    change.line()
                )));
            }
        }
        Ok(ConfigPlan {
            path: self.path.clone(),
            text,
            wanted,
        })
    }
}

fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = crate::store::PrivateFile::create(path)?;
    file.write_all(text.as_bytes())?;
    file.commit()
}

/// `text` with top-level `key` set to `value`: its line rewritten in place, or, when no line
/// sets it, a line added (with its explanation from the default file) at the end of the
/// top-level settings, before the first `[table]`.
pub fn with_setting(text: &str, key: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len() + 200);
    let mut done = false;
    let mut in_table = false;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let top_end = lines
        .iter()
        .position(|l| l.trim_start().starts_with('['))
        .unwrap_or(lines.len());
    // Blank lines just before the first table stay between the added line and the table.
    let insert_at = (0..top_end)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
        .map_or(0, |i| i + 1);
    for (index, line) in lines.iter().enumerate() {
        if index == insert_at && !done && !in_table {
            out.push_str(&added_lines(key, value, &out));
            if !line.trim().is_empty() {
                out.push('\n');
            }
            done = true;
        }
        in_table |= line.trim_start().starts_with('[');
        match (!in_table && !done)
            .then(|| rewrite(line, key, value))
            .flatten()
        {
            Some(rewritten) => {
                out.push_str(&rewritten);
                done = true;
            }
            None => out.push_str(line),
        }
    }
    if !done {
        out.push_str(&added_lines(key, value, &out));
    }
    out
}

/// The line `key = value` with the comment the default file gives it, after a blank line.
fn added_lines(key: &str, value: &str, before: &str) -> String {
    let mut added = String::new();
    if !before.is_empty() && !before.ends_with('\n') {
        added.push('\n');
    }
    if !before.trim().is_empty() {
        added.push('\n');
    }
    added.push_str(&explanation(key));
    added.push_str(&format!("{key} = {value}\n"));
    added
}

/// The comment lines just above `key` in the default file.
fn explanation(key: &str) -> String {
    let lines: Vec<&str> = DEFAULT_FILE.lines().collect();
    let Some(at) = lines.iter().position(|l| rewrite(l, key, "").is_some()) else {
        return String::new();
    };
    let first = (0..at)
        .rev()
        .take_while(|&i| lines[i].starts_with('#'))
        .last()
        .unwrap_or(at);
    lines[first..at].iter().map(|l| format!("{l}\n")).collect()
}

/// `line` with its value replaced, when it sets `key`; a trailing comment is kept.
fn rewrite(line: &str, key: &str, value: &str) -> Option<String> {
    let indent = &line[..line.len() - line.trim_start().len()];
    let rest = line.trim_start().strip_prefix(key)?;
    let after_eq = rest.trim_start().strip_prefix('=')?;
    if !rest.starts_with([' ', '\t', '=']) {
        return None;
    }
    let old_value = after_eq.trim_start();
    let value_len = value_length(old_value);
    let tail = old_value[value_len..].trim_end_matches(['\n', '\r']);
    let comment = tail.find('#').map_or("", |at| &tail[at..]);
    let comment = if comment.is_empty() {
        String::new()
    } else {
        format!(" {comment}")
    };
    let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
    Some(format!("{indent}{key} = {value}{comment}{ending}"))
}

/// How many bytes of `text` the value at its start takes (a quoted string, or up to a `#`).
fn value_length(text: &str) -> usize {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, quote @ ('"' | '\''))) => {
            let mut escaped = false;
            for (at, c) in chars {
                match c {
                    '\\' if quote == '"' && !escaped => escaped = true,
                    c if c == quote && !escaped => return at + 1,
                    _ => escaped = false,
                }
            }
            text.len()
        }
        _ => text.find('#').unwrap_or(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_line_of_the_key_changes() {
        let text = "# mine\ntheme = \"dark\"   # I like it dark\ndate_format = \"%d\"\n\n[keys]\n# hide\nhide = \"F10\"\n";
        let new = with_setting(text, "theme", "\"light\"");
        assert_eq!(
            new,
            "# mine\ntheme = \"light\" # I like it dark\ndate_format = \"%d\"\n\n[keys]\n# hide\nhide = \"F10\"\n"
        );
    }

    #[test]
    fn a_missing_key_is_added_before_the_first_table_with_its_explanation() {
        let text = "theme = \"dark\"\n\n[keys]\nhide = \"F10\"\n";
        let new = with_setting(text, "idle_lock", "10");
        let parsed = parse("c.toml", &new).unwrap();
        assert_eq!(parsed.idle_lock, IdleLock::Minutes(10));
        assert!(new.starts_with("theme = \"dark\"\n\n# "), "{new}");
        assert!(
            new.contains("idle_lock = 10\n\n[keys]\nhide = \"F10\"\n"),
            "{new}"
        );
        let lone = with_setting("", "theme", "\"light\"");
        assert!(lone.ends_with("theme = \"light\"\n"), "{lone}");
        assert_eq!(parse("c", &lone).unwrap().theme, ThemeName::Light);
    }

    #[test]
    fn a_key_in_a_table_or_a_comment_is_not_taken_for_the_setting() {
        let text = "# theme = \"dark\"\n[keys]\ntheme_like = 1\n";
        let new = with_setting(text, "theme", "\"light\"");
        assert!(new.starts_with("# theme = \"dark\"\n\n"), "{new}");
        assert!(
            new.contains("theme = \"light\"\n\n[keys]\ntheme_like = 1\n"),
            "{new}"
        );
    }

    #[test]
    fn a_hash_inside_the_old_value_is_not_a_comment() {
        let line = rewrite("theme = \"da#rk\" # note\n", "theme", "\"light\"").unwrap();
        assert_eq!(line, "theme = \"light\" # note\n");
        assert!(rewrite("themes = 1\n", "theme", "2").is_none());
    }

    #[test]
    fn the_default_file_takes_each_change_on_its_own_line() {
        for change in [
            ConfigChange::Theme(ThemeName::HighContrast),
            ConfigChange::IdleLock(IdleLock::Minutes(5)),
            ConfigChange::IdleLock(IdleLock::Off),
        ] {
            let new = with_setting(DEFAULT_FILE, change.key(), &change.value());
            assert_eq!(
                parse("d", &new),
                Ok(change.applied_to(Config::default())),
                "{new}"
            );
            let changed: Vec<_> = DEFAULT_FILE
                .lines()
                .zip(new.lines())
                .filter(|(a, b)| a != b)
                .collect();
            assert!(changed.len() <= 1, "{changed:?}");
            assert_eq!(DEFAULT_FILE.lines().count(), new.lines().count());
        }
    }
}
