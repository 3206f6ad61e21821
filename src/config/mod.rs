//! The user's settings file, `config.toml`: the colour theme, key overrides, the export folder
//! and the date format. Read once at start; a file with any problem is refused as a whole, with
//! every problem placed at file:line:column, so rekindle never runs on half a config.

mod edit;
mod idle_lock;
mod key;
mod template;
mod theme_name;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::format::{Item, StrftimeItems};
use serde::{Deserialize, Deserializer};

use crate::bounded::{ReadError, read_regular};
use crate::content::Problem;

pub use edit::{ConfigChange, ConfigWriteError, with_setting};
pub use idle_lock::{BadIdleLock, IdleLock, MAX_IDLE_MINUTES};
pub use key::{BadKey, KeyList, KeySpec};
pub use template::DEFAULT_FILE;
pub use theme_name::{ThemeName, UnknownTheme};

/// The most read of a config file; a real one is a few hundred bytes.
const CONFIG_LIMIT: u64 = 64 * 1024;

/// Every setting, each with its default when the file does not give it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The colour theme.
    #[serde(deserialize_with = "theme")]
    pub theme: ThemeName,
    /// How the journal list writes an entry's date.
    pub date_format: DateFormat,
    /// Where exports with a bare file name go; `None`: the documents folder for the export
    /// screen, the current folder for `export -o`.
    pub export_folder: Option<ExportFolder>,
    /// Hide the screen after this long without a key.
    pub idle_lock: IdleLock,
    /// Keys that replace the built-in ones.
    pub keys: Keys,
}

/// A theme name, with the choices named when it is not one or not text.
fn theme<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ThemeName, D::Error> {
    let choose = "choose \"dark\", \"light\" or \"high-contrast\"";
    let name = String::deserialize(deserializer).map_err(|_| {
        serde::de::Error::custom(format!("expected a theme name in quotes; {choose}"))
    })?;
    name.parse()
        .map_err(|_| serde::de::Error::custom(format!("there is no theme `{name}`; {choose}")))
}

/// Key overrides; a key left out keeps its default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Keys {
    /// Keys that blank the screen at once.
    pub hide: Option<KeyList>,
    /// Keys that show where to find support now.
    pub support: Option<KeyList>,
}

impl Keys {
    /// The keys that hide the screen: the file's, else F12, and Ctrl-B too outside tmux (inside
    /// tmux Ctrl-B is tmux's own prefix and never reaches us).
    pub fn hide(&self, in_tmux: bool) -> Vec<KeySpec> {
        match &self.hide {
            Some(list) => list.0.clone(),
            None if in_tmux => vec![KeySpec::function(12)],
            None => vec![KeySpec::function(12), KeySpec::ctrl('b')],
        }
    }

    /// The keys that open the support page from anywhere: the file's, else F1.
    pub fn support(&self) -> Vec<KeySpec> {
        self.support
            .as_ref()
            .map_or_else(|| vec![KeySpec::function(1)], |list| list.0.clone())
    }
}

/// A strftime pattern (`%Y-%m-%d`) checked when the file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat(String);

impl DateFormat {
    /// The pattern, for `chrono`'s `format`.
    pub fn pattern(&self) -> &str {
        &self.0
    }
}

impl Default for DateFormat {
    fn default() -> Self {
        Self("%Y-%m-%d".to_string())
    }
}

impl<'de> Deserialize<'de> for DateFormat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pattern = String::deserialize(deserializer)?;
        let bad = StrftimeItems::new(&pattern).any(|item| matches!(item, Item::Error));
        if bad || pattern.trim().is_empty() {
            return Err(serde::de::Error::custom(format!(
                "`{pattern}` is not a date format; use strftime codes such as \"%Y-%m-%d\" \
                 (2026-03-14) or \"%-d %b %Y\" (14 Mar 2026)"
            )));
        }
        Ok(Self(pattern))
    }
}

/// A folder for exports: a full path, or one under the home folder written `~/…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFolder(PathBuf);

impl ExportFolder {
    /// The folder, with `~` already replaced by the home folder.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl<'de> Deserialize<'de> for ExportFolder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = String::deserialize(deserializer)?;
        let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        let path = match written.strip_prefix("~/") {
            Some(rest) => home()
                .ok_or_else(|| serde::de::Error::custom("cannot find your home folder for `~`"))?
                .join(rest),
            None if written == "~" => {
                home().ok_or_else(|| serde::de::Error::custom("cannot find your home folder"))?
            }
            None => PathBuf::from(&written),
        };
        if !path.is_absolute() {
            return Err(serde::de::Error::custom(format!(
                "`{written}` is a relative path; give a full path (\"/home/you/Documents\") or \
                 one starting with ~/"
            )));
        }
        Ok(Self(path))
    }
}

/// Where the settings file is looked for, and whether the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPath {
    /// The file.
    pub path: PathBuf,
    /// True when given by `--config` or `REKINDLE_CONFIG`: then it must exist.
    pub named: bool,
}

impl ConfigPath {
    /// The named file, else `config.toml` in the user config folder (on Linux
    /// `~/.config/rekindle/config.toml`).
    pub fn resolve(named: Option<&Path>) -> Option<Self> {
        match named {
            Some(path) => Some(Self {
                path: path.to_path_buf(),
                named: true,
            }),
            None => directories::ProjectDirs::from("", "", "rekindle").map(|dirs| Self {
                path: dirs.config_dir().join("config.toml"),
                named: false,
            }),
        }
    }

    /// Reads the settings: the defaults when the default file does not exist, an error naming
    /// the file (and line and column) when it cannot be read or has any problem.
    pub fn load(&self) -> Result<Config, Problem> {
        let name = self.path.display().to_string();
        match read_regular(&self.path, CONFIG_LIMIT) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes)
                    .map_err(|_| Problem::in_file(&name, "the file is not UTF-8 text"))?;
                parse(&name, &text)
            }
            Err(ReadError::Io(error)) if error.kind() == ErrorKind::NotFound && !self.named => {
                Ok(Config::default())
            }
            Err(ReadError::Io(error)) if error.kind() == ErrorKind::NotFound => {
                Err(Problem::in_file(
                    &name,
                    "this settings file, named by --config or REKINDLE_CONFIG, does not exist; \
                     make one with `rekindle config --default > FILE`, or name another",
                ))
            }
            Err(error) => Err(Problem::in_file(
                &name,
                format!("cannot read the settings file: {error}"),
            )),
        }
    }
}

/// What deleting everything says about the settings file, which it leaves.
pub fn left_after_erase(file: &Path) -> String {
    format!(
        "Your settings file {} (theme, keys, idle lock: nothing about you) was left; delete it \
         too if you like.",
        crate::visible::visible(&file.display().to_string())
    )
}

/// Parses the text of settings file `file`; a problem names its line and column.
pub fn parse(file: &str, text: &str) -> Result<Config, Problem> {
    let config: Config = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        Problem::at(file, text, &span, explain(error.message()))
    })?;
    let hide = config.keys.hide(false);
    if let Some(key) = config.keys.support().iter().find(|k| hide.contains(k)) {
        let span = text.find("[keys]").map_or(0..0, |at| at..at);
        return Err(Problem::at(
            file,
            text,
            &span,
            format!("{key} is set both to hide the screen and to show support; give it to one"),
        ));
    }
    Ok(config)
}

/// serde's words made plainer where they are cryptic: an unknown key lists the known ones.
fn explain(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", expected").unwrap_or((rest, ""));
        let known = known
            .trim_start_matches(" one of")
            .trim_start_matches(" ")
            .trim();
        let known = known.replace(" or ", ", ");
        return format!("unknown setting {field}; the settings here are {known}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, known) = rest.split_once(", expected").unwrap_or((rest, ""));
        let known = known.trim_start_matches(" one of").trim();
        return format!("unknown value {value}; choose one of {known}");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        assert_eq!(parse("default", DEFAULT_FILE), Ok(Config::default()));
    }

    #[test]
    fn an_empty_file_is_all_defaults() {
        let config = parse("c.toml", "").unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.keys.hide(true), vec![KeySpec::function(12)]);
        assert_eq!(
            config.keys.hide(false),
            vec![KeySpec::function(12), KeySpec::ctrl('b')]
        );
        assert_eq!(config.keys.support(), vec![KeySpec::function(1)]);
    }

    #[test]
    fn every_setting_is_read() {
        let text = "theme = \"high-contrast\"\ndate_format = \"%-d %b %Y\"\n\
                    export_folder = \"/tmp/exports\"\n[keys]\nhide = [\"ctrl-g\", \"F10\"]\n\
                    support = \"alt-h\"\n";
        let config = parse("c.toml", text).unwrap();
        assert_eq!(config.theme, ThemeName::HighContrast);
        assert_eq!(config.date_format.pattern(), "%-d %b %Y");
        assert_eq!(
            config.export_folder.unwrap().path(),
            Path::new("/tmp/exports")
        );
        assert_eq!(
            config.keys.hide(false),
            vec![KeySpec::ctrl('g'), KeySpec::function(10)]
        );
        assert_eq!(config.keys.support()[0].to_string(), "Alt-H");
    }

    fn problem(text: &str) -> Problem {
        parse("config.toml", text).unwrap_err()
    }

    #[test]
    fn a_broken_file_is_placed_at_its_line_and_column() {
        let p = problem("theme = \"dark\"\ndate_format = \"%Y\n");
        assert_eq!((p.line, p.column), (2, 18), "{p}");
        assert!(p.to_string().starts_with("config.toml:2:18: "), "{p}");
    }

    #[test]
    fn an_unknown_key_lists_the_known_ones() {
        let p = problem("\ntheme = \"dark\"\ncolour = \"blue\"\n");
        assert_eq!((p.line, p.column), (3, 1), "{p}");
        assert!(p.message.contains("unknown setting `colour`"), "{p}");
        for known in ["theme", "date_format", "export_folder", "idle_lock", "keys"] {
            assert!(p.message.contains(known), "{p}");
        }
        let p = problem("[keys]\nquit = \"F10\"\n");
        assert_eq!((p.line, p.column), (2, 1), "{p}");
        assert!(
            p.message.contains("`hide`") && p.message.contains("`support`"),
            "{p}"
        );
    }

    #[test]
    fn a_wrong_type_or_value_says_what_is_expected() {
        let p = problem("theme = 3\n");
        assert_eq!((p.line, p.column), (1, 9), "{p}");
        let p = problem("theme = \"blue\"\n");
        assert_eq!((p.line, p.column), (1, 9), "{p}");
        assert!(p.message.contains("high-contrast"), "{p}");
        let p = problem("date_format = \"%Q\"\n");
        assert!(p.message.contains("not a date format"), "{p}");
        let p = problem("export_folder = \"exports\"\n");
        assert!(p.message.contains("relative path"), "{p}");
        let p = problem("[keys]\nhide = [\"F12\", \"q\"]\n");
        assert_eq!((p.line, p.column), (2, 8), "{p}");
        assert!(p.message.contains("stop you typing"), "{p}");
        let p = problem("[keys]\nhide = 12\n");
        assert!(p.message.contains("expected a key name"), "{p}");
        let p = problem("[keys]\nhide = []\n");
        assert!(p.message.contains("empty list"), "{p}");
    }

    #[test]
    fn one_key_cannot_both_hide_and_show_support() {
        let p = problem("theme = \"light\"\n[keys]\nhide = \"F2\"\nsupport = \"f2\"\n");
        assert_eq!(p.line, 2, "{p}");
        assert!(p.message.contains("F2 is set both"), "{p}");
    }

    #[test]
    fn a_missing_default_file_is_the_defaults_but_a_missing_named_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let default = ConfigPath {
            path: path.clone(),
            named: false,
        };
        assert_eq!(default.load(), Ok(Config::default()));
        let named = ConfigPath { path, named: true };
        let p = named.load().unwrap_err();
        assert!(p.message.contains("does not exist"), "{p}");
        std::fs::write(dir.path().join("bad.toml"), [0xff, 0xfe]).unwrap();
        let p = ConfigPath::resolve(Some(&dir.path().join("bad.toml")))
            .unwrap()
            .load()
            .unwrap_err();
        assert!(p.message.contains("not UTF-8"), "{p}");
    }
}
