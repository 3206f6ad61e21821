//! `idle_lock`: how long the workbook may sit without a key before it hides itself, as the hide
//! key does. Written `idle_lock = 10` (minutes) or `idle_lock = "off"`.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Deserializer};

/// The longest idle time that can be set: a day.
pub const MAX_IDLE_MINUTES: u32 = 24 * 60;

/// Whether, and after how long without a key, the screen hides itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IdleLock {
    /// Never (the default).
    #[default]
    Off,
    /// After this many minutes without a key (1 to [`MAX_IDLE_MINUTES`]).
    Minutes(u32),
}

impl IdleLock {
    /// The choices the settings screen steps through, in order.
    pub const CHOICES: [IdleLock; 8] = [
        IdleLock::Off,
        IdleLock::Minutes(1),
        IdleLock::Minutes(2),
        IdleLock::Minutes(5),
        IdleLock::Minutes(10),
        IdleLock::Minutes(15),
        IdleLock::Minutes(30),
        IdleLock::Minutes(60),
    ];

    /// How long without a key before hiding; `None` when off.
    pub fn after(self) -> Option<Duration> {
        match self {
            IdleLock::Off => None,
            IdleLock::Minutes(m) => Some(Duration::from_secs(u64::from(m) * 60)),
        }
    }

    /// The value as `config.toml` writes it: `"off"` or a number.
    pub fn toml_value(self) -> String {
        match self {
            IdleLock::Off => "\"off\"".to_string(),
            IdleLock::Minutes(m) => m.to_string(),
        }
    }

    fn minutes(m: i64) -> Result<Self, BadIdleLock> {
        match u32::try_from(m) {
            Ok(m @ 1..=MAX_IDLE_MINUTES) => Ok(IdleLock::Minutes(m)),
            _ => Err(BadIdleLock(m.to_string())),
        }
    }
}

impl fmt::Display for IdleLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdleLock::Off => f.write_str("off"),
            IdleLock::Minutes(m) => {
                write!(
                    f,
                    "after {}",
                    crate::content::words::count(*m, "minute", "minutes")
                )
            }
        }
    }
}

/// An idle time that is not `off` or a whole number of minutes from 1 to a day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not an idle lock; give a whole number of minutes from 1 to {MAX_IDLE_MINUTES}, or off"
)]
pub struct BadIdleLock(pub String);

impl FromStr for IdleLock {
    type Err = BadIdleLock;

    /// `off` (or `never`, `0`), or minutes: `10`, `10m`, `10min`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let word = text.trim().to_lowercase();
        if matches!(word.as_str(), "off" | "never" | "0") {
            return Ok(IdleLock::Off);
        }
        let digits = word
            .strip_suffix("minutes")
            .or_else(|| word.strip_suffix("min"))
            .or_else(|| word.strip_suffix('m'))
            .unwrap_or(&word)
            .trim();
        digits
            .parse::<i64>()
            .map_err(|_| BadIdleLock(text.to_string()))
            .and_then(IdleLock::minutes)
            .map_err(|_| BadIdleLock(text.to_string()))
    }
}

impl<'de> Deserialize<'de> for IdleLock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Minutes(i64),
            Word(String),
        }
        let bad = |shown: String| serde::de::Error::custom(BadIdleLock(shown).to_string());
        match Written::deserialize(deserializer)
            .map_err(|_| serde::de::Error::custom("expected a number of minutes or \"off\""))?
        {
            Written::Minutes(0) => Ok(IdleLock::Off),
            Written::Minutes(m) => IdleLock::minutes(m).map_err(|_| bad(m.to_string())),
            Written::Word(word) if word == "off" => Ok(IdleLock::Off),
            Written::Word(word) => Err(bad(word)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_read_as_minutes_or_off() {
        assert_eq!("off".parse(), Ok(IdleLock::Off));
        assert_eq!("10".parse(), Ok(IdleLock::Minutes(10)));
        assert_eq!(" 5m".parse(), Ok(IdleLock::Minutes(5)));
        assert_eq!("1440".parse(), Ok(IdleLock::Minutes(1440)));
        for bad in ["1441", "-3", "soon", "2.5", ""] {
            let error = bad.parse::<IdleLock>().unwrap_err().to_string();
            assert!(error.contains("whole number of minutes"), "{bad}: {error}");
        }
    }

    #[test]
    fn every_value_written_reads_back() {
        for lock in IdleLock::CHOICES {
            let text = format!("v = {}", lock.toml_value());
            #[derive(Deserialize)]
            struct V {
                v: IdleLock,
            }
            let read: V = toml::from_str(&text).unwrap();
            assert_eq!(read.v, lock);
        }
    }
}
