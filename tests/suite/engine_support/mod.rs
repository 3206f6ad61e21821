//! What the engine tests share: the built-in guide, a fixed start, the clock in UTC and a
//! fresh workbook.

#![allow(dead_code)]

use chrono::{DateTime, Utc};
use rekindle::content::{Guide, default_guide};
use rekindle::engine::{Journal, Journey, Now, Workbook};

/// The built-in guide.
pub fn guide() -> Guide {
    default_guide().unwrap()
}

/// A Sunday evening, the moment every test starts at.
pub fn t0() -> DateTime<Utc> {
    "2026-03-01T21:00:00Z".parse().unwrap()
}

/// The engine's clock at `at`, in UTC.
pub fn now(at: DateTime<Utc>) -> Now<'static> {
    Now::new(at, &Utc)
}

/// A workbook as on a first run at [`t0`].
pub fn fresh_book(guide: &Guide) -> Workbook {
    Workbook {
        journey: Journey::new(guide, t0()),
        journal: Journal::default(),
        drafts: Default::default(),
    }
}
