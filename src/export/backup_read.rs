//! Reading a full backup back, and checking all of it before anything is written: its format
//! and version, every part parses, every part holds only what rekindle can keep (dates it can
//! name, moods from 1 to 5), each month appears once and each entry id once.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use thiserror::Error;

use crate::engine::validate::Invalid;
use crate::engine::{
    DRAFTS_SCHEMA, Drafts, JOURNAL_SCHEMA, JOURNEY_SCHEMA, JournalMonth, Journey, MonthKey,
    check_journey, check_month,
};
use crate::store::codec::{self, DecodeError};

use super::backup::{BACKUP_FORMAT, BACKUP_VERSION};
use super::json::EXPORT_FORMAT;

/// A backup read and checked: every part as its own file will hold it.
#[derive(Debug)]
pub struct Backup {
    /// When the backup was made.
    pub made: DateTime<Utc>,
    /// `journey.json`, when the backed-up folder had one.
    pub journey: Option<Journey>,
    /// `drafts.json`, when the backed-up folder had one.
    pub drafts: Option<Drafts>,
    /// Every journal month file, oldest first.
    pub months: Vec<JournalMonth>,
}

impl Backup {
    /// How many journal entries it holds.
    pub fn entries(&self) -> usize {
        self.months.iter().map(|m| m.entries.len()).sum()
    }
}

/// Why a file is not a backup that can be restored. Each says where in the file.
#[derive(Debug, Error)]
pub enum BackupError {
    /// The text does not parse (or a field holds the wrong kind of value).
    #[error("line {}, column {}: {}", .0.line, .0.column, .0.message)]
    Damaged(DecodeError),
    /// The file is JSON, but not a rekindle backup.
    #[error("{}", not_a_backup(.found.as_deref()))]
    NotABackup {
        /// What its `format` field says, if anything.
        found: Option<String>,
    },
    /// The backup has no usable `version`.
    #[error("it says no backup version (a `version` number from 1), so it cannot be read safely")]
    NoVersion,
    /// A newer rekindle wrote it.
    #[error(
        "it was made by a newer rekindle (backup version {found}; this one reads version \
         {BACKUP_VERSION}). Update rekindle, then restore it again"
    )]
    Newer {
        /// The version it says.
        found: u64,
    },
    /// One part was written with a newer schema than this build reads.
    #[error(
        "{part} was written by a newer rekindle (schema {found}; this one reads {supported}). \
         Update rekindle, then restore it again"
    )]
    NewerPart {
        /// Which part, e.g. `months[3] (2026-04)`.
        part: String,
        /// Its schema.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// One part holds what rekindle cannot keep or show.
    #[error("{part}: {invalid}")]
    Invalid {
        /// Which part.
        part: String,
        /// The field at fault and what is wrong.
        invalid: Invalid,
    },
    /// A month not written `YYYY-MM`.
    #[error("months[{index}]: `{month}` is not a month written YYYY-MM")]
    BadMonth {
        /// Its place in `months`, from 0.
        index: usize,
        /// What it says.
        month: String,
    },
    /// The same month twice.
    #[error("months[{index}]: month {month} is there twice")]
    RepeatedMonth {
        /// The second one's place in `months`, from 0.
        index: usize,
        /// The month.
        month: String,
    },
    /// Two entries with one id.
    #[error("entry id {id} is there twice (in months {first} and {second}); ids must be unique")]
    RepeatedId {
        /// The id.
        id: String,
        /// The month of its first appearance.
        first: String,
        /// The month of its second.
        second: String,
    },
}

fn not_a_backup(found: Option<&str>) -> String {
    match found {
        Some(EXPORT_FORMAT) => "it is a journal export (entries only), not a full backup; bring \
                                its entries in with `rekindle import`"
            .to_string(),
        Some(other) => format!(
            "it is not a rekindle backup (its format is \"{other}\", not \"{BACKUP_FORMAT}\")"
        ),
        None => format!("it is not a rekindle backup (it has no \"format\": \"{BACKUP_FORMAT}\")"),
    }
}

/// Just the header, read first so a newer or foreign file is named as such, not as damaged.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// The whole document as written.
#[derive(Deserialize)]
struct Document {
    made: DateTime<Utc>,
    journey: Option<Journey>,
    drafts: Option<Drafts>,
    months: Vec<JournalMonth>,
}

/// Reads and checks a whole backup; any problem is an error and nothing is returned.
pub fn read_backup(bytes: &[u8]) -> Result<Backup, BackupError> {
    let header: Header = codec::decode(bytes).map_err(BackupError::Damaged)?;
    let format = header.format.as_ref().and_then(|f| f.as_str());
    if format != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup {
            found: header.format.map(|f| match f {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            }),
        });
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        None | Some(0) => return Err(BackupError::NoVersion),
        Some(found) if found > u64::from(BACKUP_VERSION) => {
            return Err(BackupError::Newer { found });
        }
        Some(_) => {}
    }
    let document: Document = codec::decode(bytes).map_err(BackupError::Damaged)?;
    check(&document)?;
    let mut months = document.months;
    months.sort_by(|a, b| a.month.cmp(&b.month));
    Ok(Backup {
        made: document.made,
        journey: document.journey,
        drafts: document.drafts,
        months,
    })
}

fn check(document: &Document) -> Result<(), BackupError> {
    if let Some(journey) = &document.journey {
        newer("journey", journey.schema, JOURNEY_SCHEMA)?;
        check_journey(journey).map_err(|invalid| BackupError::Invalid {
            part: "journey".into(),
            invalid,
        })?;
    }
    if let Some(drafts) = &document.drafts {
        newer("drafts", drafts.schema, DRAFTS_SCHEMA)?;
    }
    let mut months: HashMap<MonthKey, usize> = HashMap::new();
    let mut ids: HashMap<&str, &str> = HashMap::new();
    for (index, month) in document.months.iter().enumerate() {
        let part = format!("months[{index}] ({})", month.month);
        let key = MonthKey::parse(&month.month)
            .filter(|key| key.to_string() == month.month)
            .ok_or_else(|| BackupError::BadMonth {
                index,
                month: month.month.clone(),
            })?;
        if months.insert(key, index).is_some() {
            return Err(BackupError::RepeatedMonth {
                index,
                month: month.month.clone(),
            });
        }
        newer(&part, month.schema, JOURNAL_SCHEMA)?;
        check_month(month).map_err(|invalid| BackupError::Invalid {
            part: part.clone(),
            invalid,
        })?;
        for entry in &month.entries {
            if let Some(first) = ids.insert(&entry.id, &month.month) {
                return Err(BackupError::RepeatedId {
                    id: entry.id.clone(),
                    first: first.to_string(),
                    second: month.month.clone(),
                });
            }
        }
    }
    Ok(())
}

fn newer(part: &str, found: u32, supported: u32) -> Result<(), BackupError> {
    if found > supported {
        return Err(BackupError::NewerPart {
            part: part.to_string(),
            found,
            supported,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_guide;
    use crate::export::BackupWriter;

    fn backup(journey: bool, months: &[JournalMonth]) -> String {
        let guide = default_guide().unwrap();
        let made: DateTime<Utc> = "2026-12-06T22:15:00Z".parse().unwrap();
        let journey = journey.then(|| Journey::new(&guide, made));
        let mut writer = BackupWriter::begin(Vec::new(), made, journey.as_ref(), None).unwrap();
        for month in months {
            writer.month(month).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    fn month(key: &str, ids: &[&str]) -> JournalMonth {
        let entries = ids
            .iter()
            .map(|id| {
                serde_json::from_value(serde_json::json!({
                    "id": id, "created": format!("{key}-10T12:00:00Z"), "edited": null,
                    "text": "words", "step": null, "mood": 2, "tags": [],
                }))
                .unwrap()
            })
            .collect();
        JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: key.into(),
            entries,
            extra: Default::default(),
        }
    }

    fn error(text: &str) -> String {
        read_backup(text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn what_is_written_reads_back() {
        let months = [month("2026-10", &["a", "b"]), month("2026-11", &["c"])];
        let read = read_backup(backup(true, &months).as_bytes()).unwrap();
        assert_eq!(read.months, months);
        assert_eq!(read.entries(), 3);
        assert!(read.journey.is_some() && read.drafts.is_none());
    }

    #[test]
    fn a_cut_off_backup_is_named_with_its_line() {
        let text = backup(true, &[month("2026-10", &["a"])]);
        let cut = &text[..text.len() / 2];
        let e = error(cut);
        assert!(e.starts_with("line "), "{e}");
        assert!(e.contains("ends too soon"), "{e}");
    }

    #[test]
    fn foreign_newer_and_versionless_files_are_named() {
        assert!(error(r#"{"format":"rekindle-journal","version":1}"#).contains("rekindle import"));
        assert!(error(r#"{"entries":[]}"#).contains("not a rekindle backup"));
        let newer = backup(false, &[]).replace("\"version\": 1", "\"version\": 2");
        assert!(error(&newer).contains("newer rekindle (backup version 2"));
        let none = backup(false, &[]).replace("\"version\": 1,", "");
        assert!(error(&none).contains("no backup version"));
    }

    #[test]
    fn repeated_ids_and_months_and_bad_parts_are_refused() {
        let e = error(&backup(
            false,
            &[month("2026-10", &["a"]), month("2026-11", &["a"])],
        ));
        assert!(e.contains("entry id a is there twice"), "{e}");
        let e = error(&backup(
            false,
            &[month("2026-10", &["a"]), month("2026-10", &["b"])],
        ));
        assert!(e.contains("months[1]: month 2026-10 is there twice"), "{e}");
        let mut bad = month("2026-10", &["a"]);
        bad.entries[0].mood = Some(9);
        let e = error(&backup(false, &[bad]));
        assert!(e.starts_with("months[0] (2026-10): entries[0].mood"), "{e}");
        let mut newer = month("2026-10", &["a"]);
        newer.schema = JOURNAL_SCHEMA + 1;
        assert!(error(&backup(false, &[newer])).contains("written by a newer rekindle"));
        let mut misnamed = month("2026-10", &["a"]);
        misnamed.month = "2026-13".into();
        let e = error(&backup(false, &[misnamed]));
        assert!(e.contains("not a month"), "{e}");
    }
}
