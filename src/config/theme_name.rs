//! The name of a colour theme, as a user writes it in `config.toml` or picks it in the workbook.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A colour theme a user can choose. `NO_COLOR` and `--no-color` still win over any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
    /// White and yellow on black, the strongest contrast.
    HighContrast,
}

impl ThemeName {
    /// Every theme, in the order a chooser shows them.
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The name as written in `config.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of [`ThemeName::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("there is no theme `{0}`; choose dark, light or high-contrast")]
pub struct UnknownTheme(pub String);

impl FromStr for ThemeName {
    type Err = UnknownTheme;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ThemeName::ALL
            .into_iter()
            .find(|theme| theme.as_str() == name)
            .ok_or_else(|| UnknownTheme(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_they_are_written() {
        for theme in ThemeName::ALL {
            assert_eq!(theme.to_string().parse::<ThemeName>(), Ok(theme));
            let json = serde_json::to_string(&theme).unwrap();
            assert_eq!(json, format!("\"{theme}\""));
        }
        assert_eq!(
            "blue".parse::<ThemeName>().unwrap_err().to_string(),
            "there is no theme `blue`; choose dark, light or high-contrast"
        );
    }
}
