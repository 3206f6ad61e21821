//! A key as a user writes it in `config.toml` (`"F12"`, `"ctrl-g"`, `"alt-h"`), checked so that an
//! override can never take a key the workbook or typing needs.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};

/// One key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt as written; Shift is read from the letter's case.
    pub modifiers: KeyModifiers,
}

/// Ctrl letters that terminals send as other keys (Tab, Enter, Backspace) or that the workbook
/// already uses (Ctrl-C quits, Ctrl-S saves).
const CTRL_TAKEN: &[(char, &str)] = &[
    ('c', "it quits"),
    ('s', "it saves while writing"),
    ('i', "terminals send it as Tab"),
    ('m', "terminals send it as Enter"),
    ('j', "terminals send it as Enter"),
    ('h', "terminals send it as Backspace"),
];

impl KeySpec {
    /// A function key, F1 to F12.
    pub const fn function(n: u8) -> Self {
        Self {
            code: KeyCode::F(n),
            modifiers: KeyModifiers::NONE,
        }
    }

    /// Ctrl and a lowercase letter.
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// True when `key` is this key (Shift is ignored except in the letter itself).
    pub fn matches(&self, key: KeyEvent) -> bool {
        let held = key.modifiers - KeyModifiers::SHIFT;
        let code = match key.code {
            KeyCode::Char(c) if !self.modifiers.is_empty() => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == self.code && held == self.modifiers
    }
}

/// Why a key name was refused, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadKey(String);

impl FromStr for KeySpec {
    type Err = BadKey;

    fn from_str(written: &str) -> Result<Self, Self::Err> {
        let lower = written.trim().to_ascii_lowercase();
        let mut parts: Vec<&str> = lower.split(['-', '+']).collect();
        let last = parts.pop().unwrap_or_default();
        let mut modifiers = KeyModifiers::NONE;
        for part in parts {
            match part {
                "ctrl" | "control" | "c" => modifiers |= KeyModifiers::CONTROL,
                "alt" | "meta" | "m" => modifiers |= KeyModifiers::ALT,
                _ => return Err(unknown(written)),
            }
        }
        if let Some(n) = last.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=12).contains(&n) {
                return Err(unknown(written));
            }
            return Ok(Self {
                code: KeyCode::F(n),
                modifiers,
            });
        }
        let mut chars = last.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(unknown(written));
        };
        if !c.is_ascii_alphanumeric() {
            return Err(unknown(written));
        }
        if modifiers.is_empty() {
            return Err(BadKey(format!(
                "`{written}` alone would stop you typing it; use a function key (F1 to F12) or \
                 add ctrl- or alt- (for example \"ctrl-g\")"
            )));
        }
        if modifiers == KeyModifiers::CONTROL
            && let Some((_, why)) = CTRL_TAKEN.iter().find(|(taken, _)| *taken == c)
        {
            return Err(BadKey(format!("`{written}` cannot be used: {why}")));
        }
        Ok(Self {
            code: KeyCode::Char(c),
            modifiers,
        })
    }
}

fn unknown(written: &str) -> BadKey {
    BadKey(format!(
        "`{written}` is not a key rekindle knows; write a function key (\"F12\") or ctrl- or alt- \
         with a letter or digit (\"ctrl-g\", \"alt-h\")"
    ))
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Char(c) => write!(f, "{}", c.to_ascii_uppercase()),
            other => write!(f, "{other}"),
        }
    }
}

/// One key or a list of them, as `hide = "F12"` or `hide = ["F12", "ctrl-g"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyList(pub Vec<KeySpec>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            One(String),
            Many(Vec<String>),
        }
        let written = Written::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom(
                "expected a key name like \"F12\" or a list like [\"F12\", \"ctrl-g\"]",
            )
        })?;
        let names = match written {
            Written::One(name) => vec![name],
            Written::Many(names) => names,
        };
        if names.is_empty() {
            return Err(serde::de::Error::custom(
                "an empty list would leave no key for this; give at least one",
            ));
        }
        names
            .iter()
            .map(|name| name.parse().map_err(serde::de::Error::custom))
            .collect::<Result<_, _>>()
            .map(KeyList)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_in_any_case_and_shown_one_way() {
        for (written, shown) in [
            ("F12", "F12"),
            ("f1", "F1"),
            ("ctrl-g", "Ctrl-G"),
            ("Ctrl+G", "Ctrl-G"),
            ("alt-h", "Alt-H"),
            ("ctrl-alt-9", "Ctrl-Alt-9"),
        ] {
            let key: KeySpec = written.parse().unwrap();
            assert_eq!(key.to_string(), shown, "{written}");
        }
    }

    #[test]
    fn keys_that_typing_or_the_workbook_needs_are_refused() {
        for (written, says) in [
            ("q", "stop you typing"),
            ("ctrl-c", "it quits"),
            ("ctrl-s", "saves while writing"),
            ("ctrl-m", "Enter"),
            ("F13", "not a key"),
            ("shift-x", "not a key"),
            ("ctrl-", "not a key"),
            ("ctrl-é", "not a key"),
        ] {
            let error = written.parse::<KeySpec>().unwrap_err().to_string();
            assert!(error.contains(says), "{written}: {error}");
        }
    }

    #[test]
    fn a_ctrl_letter_matches_with_or_without_shift() {
        let key: KeySpec = "ctrl-g".parse().unwrap();
        assert!(key.matches(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)));
        assert!(key.matches(KeyEvent::new(
            KeyCode::Char('G'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT
        )));
        assert!(!key.matches(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE)));
        assert!(!key.matches(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::ALT)));
    }
}
