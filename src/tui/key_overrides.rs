//! The keys the user's settings give to hiding the screen and to the support page, laid over the
//! built-in key table: a key is first translated here, and only a key with no special meaning
//! goes on to [`super::keymap`]. The table itself never changes.

use crossterm::event::KeyEvent;

use super::keymap::{Binding, Command};
use crate::config::{KeySpec, Keys};

/// What a key means before the screen's own bindings are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMeaning {
    /// Blank the screen at once, whatever is open.
    Hide,
    /// Show where to find support now, whatever is open.
    Support,
    /// A built-in hide or support key the settings took away (Ctrl-B inside tmux, F12 when
    /// hide is set to other keys): it means nothing to the workbook.
    Unbound,
    /// Anything else: the screen, editor or overlay decides.
    Other,
}

/// The hide and support keys in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverrides {
    hide: Vec<KeySpec>,
    support: Vec<KeySpec>,
}

impl Default for KeyOverrides {
    /// The built-in keys outside tmux: F12 and Ctrl-B hide, F1 shows support.
    fn default() -> Self {
        Self::new(&Keys::default(), false)
    }
}

impl KeyOverrides {
    /// The keys from the settings; `in_tmux` drops Ctrl-B from the default hide keys.
    pub fn new(keys: &Keys, in_tmux: bool) -> Self {
        Self {
            hide: keys.hide(in_tmux),
            support: keys.support(),
        }
    }

    /// The keys for the running terminal: `$TMUX` set means inside tmux.
    pub fn for_terminal(keys: &Keys) -> Self {
        Self::new(
            keys,
            std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        )
    }

    /// What `key` means here.
    pub fn meaning(&self, key: KeyEvent) -> KeyMeaning {
        if self.hide.iter().any(|k| k.matches(key)) {
            KeyMeaning::Hide
        } else if self.support.iter().any(|k| k.matches(key)) {
            KeyMeaning::Support
        } else if BUILT_IN.iter().any(|k| k.matches(key)) {
            KeyMeaning::Unbound
        } else {
            KeyMeaning::Other
        }
    }

    /// True when the help overlay should leave `binding` out, as the rows from
    /// [`Self::help_rows`] say what its key does now.
    pub fn replaces(&self, binding: &Binding) -> bool {
        let key = KeyEvent::new(binding.code, binding.modifiers);
        binding.command == Command::Hide
            || (binding.command == Command::Support && BUILT_IN.iter().any(|k| k.matches(key)))
    }

    /// The help overlay's rows for these keys: the keys as shown, and what they do.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let join = |keys: &[KeySpec]| {
            keys.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("/")
        };
        vec![
            (
                join(&self.support),
                "where to find support now (also while writing)",
            ),
            (
                join(&self.hide),
                "hide the screen at once (also while writing)",
            ),
        ]
    }
}

/// The keys the built-in table gives to hiding and to support from anywhere.
const BUILT_IN: [KeySpec; 3] = [
    KeySpec::function(12),
    KeySpec::ctrl('b'),
    KeySpec::function(1),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    const CTRL_B: (KeyCode, KeyModifiers) = (KeyCode::Char('b'), KeyModifiers::CONTROL);

    #[test]
    fn ctrl_b_hides_only_outside_tmux() {
        let keys = Keys::default();
        let outside = KeyOverrides::new(&keys, false);
        let inside = KeyOverrides::new(&keys, true);
        let ctrl_b = press(CTRL_B.0, CTRL_B.1);
        assert_eq!(outside.meaning(ctrl_b), KeyMeaning::Hide);
        assert_eq!(inside.meaning(ctrl_b), KeyMeaning::Unbound);
        let f12 = press(KeyCode::F(12), KeyModifiers::NONE);
        assert_eq!(inside.meaning(f12), KeyMeaning::Hide);
        assert_eq!(inside.help_rows()[1].0, "F12");
        assert_eq!(outside.help_rows()[1].0, "F12/Ctrl-B");
    }

    #[test]
    fn keys_from_the_settings_replace_the_built_in_ones() {
        let config = parse("c.toml", "[keys]\nhide = \"ctrl-g\"\nsupport = \"F2\"\n").unwrap();
        let keys = KeyOverrides::new(&config.keys, false);
        let ctrl_g = press(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(keys.meaning(ctrl_g), KeyMeaning::Hide);
        assert_eq!(
            keys.meaning(press(KeyCode::F(2), KeyModifiers::NONE)),
            KeyMeaning::Support
        );
        for old in [
            press(KeyCode::F(12), KeyModifiers::NONE),
            press(CTRL_B.0, CTRL_B.1),
            press(KeyCode::F(1), KeyModifiers::NONE),
        ] {
            assert_eq!(keys.meaning(old), KeyMeaning::Unbound, "{old:?}");
        }
        assert_eq!(
            keys.meaning(press(KeyCode::Char('g'), KeyModifiers::NONE)),
            KeyMeaning::Other
        );
        assert_eq!(
            keys.help_rows(),
            vec![
                (
                    "F2".to_string(),
                    "where to find support now (also while writing)"
                ),
                (
                    "Ctrl-G".to_string(),
                    "hide the screen at once (also while writing)"
                ),
            ]
        );
    }
}
