//! After the first message: how {ex} responded, as the user noted it, and where each answer leads.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How {ex} responded to the user's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    /// A warm reply: glad to hear from the user.
    Warm,
    /// A short, polite reply.
    Brief,
    /// A cold or hostile reply.
    Cold,
    /// No reply after the pack's waiting time.
    NoReply,
    /// {ex} asked the user to stop contacting them: contact steps close for good.
    AskedToStop,
}

impl Response {
    /// Every answer, in the order the pack's words are given, with its name in files and on the
    /// command line.
    pub const ALL: [(Response, &'static str); 5] = [
        (Response::Warm, "warm"),
        (Response::Brief, "brief"),
        (Response::Cold, "cold"),
        (Response::NoReply, "no-reply"),
        (Response::AskedToStop, "asked-to-stop"),
    ];

    /// The answer's place in [`Response::ALL`] (and in the pack's words).
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|(r, _)| *r == self).unwrap_or(0)
    }

    /// The answer a name means.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
    }

    /// Where this answer leads.
    pub fn route(self) -> ResponseRoute {
        match self {
            Response::Warm => ResponseRoute::GoOn,
            Response::Brief => ResponseRoute::WaitAndMirror,
            Response::Cold | Response::NoReply => ResponseRoute::MoveOnCheck,
            Response::AskedToStop => ResponseRoute::Stopped,
        }
    }
}

/// Where a response leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseRoute {
    /// The next contact step opens.
    GoOn,
    /// Wait, and match {ex}'s tone; nothing opens yet.
    WaitAndMirror,
    /// Take the move-on check; the heal path is suggested.
    MoveOnCheck,
    /// Every contact step closes for good and the heal path is taken.
    Stopped,
}

/// One noted response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRecord {
    /// When the user noted it.
    pub at: DateTime<Utc>,
    /// How {ex} responded.
    pub response: Response,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}
