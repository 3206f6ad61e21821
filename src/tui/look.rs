//! What the workbook shows and changes of the settings file (`config.toml`): the theme and
//! the idle lock, the file they are written to, and whether colour is off anyway.

use std::path::PathBuf;

use crate::config::{IdleLock, ThemeName};

/// The settings-file values in force in this window.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Look {
    /// The colour theme chosen.
    pub theme: ThemeName,
    /// Hide the screen after this long without a key.
    pub idle_lock: IdleLock,
    /// The settings file changes are written to; none: this window writes none (tests).
    pub file: Option<PathBuf>,
    /// True when `NO_COLOR` or `--no-color` turn colour off, whatever the theme.
    pub colour_off: bool,
}
