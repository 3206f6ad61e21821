//! The commented settings file `rekindle config --default` prints: every setting, what it does,
//! and its default. The uncommented lines are the defaults, so the file reads back as them.

/// A complete `config.toml` holding the defaults, with every setting explained.
pub const DEFAULT_FILE: &str = r#"# rekindle settings. Every setting is optional: one left out keeps its default.
# `rekindle config --path` shows where this file is read from; `rekindle config` checks it.
# A file with a problem is refused as a whole (rekindle names the line and column and does not
# start), so nothing runs on half your settings.

# Colours: "dark" (light text on dark), "light" (dark text on light) or "high-contrast".
# NO_COLOR or --no-color turn colour off whatever this says.
theme = "dark"

# How the journal list writes each entry's date (`rekindle journal list`), in strftime codes:
# %Y year, %m month, %d day, %-d day without a leading zero, %b month name, %a weekday.
date_format = "%Y-%m-%d"

# Where exports go: the export screen writes here, and `export -o NAME` puts a bare or relative
# NAME here. A full path, or one starting with ~/. Default: the export screen uses your
# documents folder (else your home folder) and `export -o` the current folder.
# export_folder = "~/Documents/rekindle"

# Hide the screen after this many minutes without a key, just as the hide key does; any key
# brings it back. A whole number of minutes from 1 to 1440, or "off" (the default).
idle_lock = "off"

[keys]
# Keys that blank the screen at once, also while writing; any key brings it back.
# Default: F12, and Ctrl-B too when rekindle is not running inside tmux (whose own prefix
# is Ctrl-B). One key or a list: a function key F1 to F12, or ctrl- or alt- with a letter or
# digit ("ctrl-g", "alt-h"). A key given here replaces the defaults.
# hide = ["F12", "ctrl-b"]

# Keys that show where to find support now, also while writing. Default: F1 (`!` works too
# when you are not writing).
# support = ["F1"]
"#;
