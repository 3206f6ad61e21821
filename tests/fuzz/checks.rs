//! What every loader and importer must do with any bytes at all: return a value or a clear
//! error, never panic; and a value read back must survive being written and read again.
//! Shared by the fuzz targets and by `tests/suite/fuzz_regressions.rs`, which replays the inputs the
//! fuzzers ever found.

#![allow(dead_code)]

use rekindle::engine::{Drafts, JournalMonth, Journey};
use rekindle::store::InboxRecord;
use rekindle::store::codec::{decode, encode};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Decodes `bytes` as `T`; when that works, encoding and decoding again gives the same value.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(bytes: &[u8]) {
    if let Ok(value) = decode::<T>(bytes) {
        let again = encode(&value).expect("a decoded value encodes");
        let back: T = decode(&again).expect("what we wrote reads back");
        assert_eq!(back, value);
    }
}

/// A journal month file.
pub fn month(bytes: &[u8]) {
    round_trip::<JournalMonth>(bytes);
}

/// `journey.json`.
pub fn journey(bytes: &[u8]) {
    round_trip::<Journey>(bytes);
}

/// `drafts.json`.
pub fn drafts(bytes: &[u8]) {
    round_trip::<Drafts>(bytes);
}

/// An inbox record.
pub fn inbox(bytes: &[u8]) {
    round_trip::<InboxRecord>(bytes);
}

/// A file given to `rekindle import` (ours, jrnl's or tui-journal's JSON).
pub fn import(bytes: &[u8]) {
    let _ = rekindle::export::import(bytes, &chrono::Utc);
}
