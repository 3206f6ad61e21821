//! The pack files as written, with the place of every value kept for error messages.
//!
//! These types only mirror the TOML; `validate` turns them into the checked [`crate::content::Guide`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A string with the byte span it came from.
pub type Text = Spanned<String>;

/// `guide.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub id: Text,
    pub title: Text,
    pub version: Text,
    pub language: Text,
    pub welcome: Text,
    pub help_page: Text,
    pub move_on_page: Text,
    pub no_contact_page: Text,
    #[serde(default)]
    pub paths: Vec<RawPath>,
}

/// A `[[paths]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPath {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub steps: Spanned<Vec<Text>>,
}

/// A file under `steps/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStepsFile {
    #[serde(default)]
    pub steps: Vec<RawStep>,
}

/// A gate as written: condition name to value, both with their places.
pub type RawGate = BTreeMap<Text, Spanned<toml::Value>>;

/// A `[[steps]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub body: Text,
    #[serde(default)]
    pub prompts: Vec<RawPrompt>,
    #[serde(default)]
    pub checklists: Vec<Text>,
    #[serde(default)]
    pub pages: Vec<Text>,
    #[serde(default)]
    pub actions: Vec<Text>,
    pub gate: Option<RawGate>,
    #[serde(default)]
    pub situations: Vec<RawSituation>,
}

/// A `[[steps.situations]]` table: words for one situation of the profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSituation {
    pub when: Text,
    pub heading: Text,
    pub body: Text,
    pub prompt: Option<Text>,
}

/// A `[[steps.prompts]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrompt {
    pub id: Text,
    pub question: Text,
    pub hint: Option<Text>,
}

/// A file under `checklists/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecklist {
    pub id: Text,
    pub title: Text,
    pub intro: Text,
    pub caution: Option<Text>,
    pub items: Option<Spanned<Vec<RawItem>>>,
    pub pairs: Option<Spanned<Vec<RawPair>>>,
}

/// An `[[items]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Text,
    pub text: Text,
    pub hint: Option<Text>,
}

/// A `[[pairs]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPair {
    pub id: Text,
    pub helps: Text,
    pub hurts: Text,
}

/// `checks.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecksFile {
    #[serde(default)]
    pub checks: Vec<RawCheck>,
}

/// A `[[checks]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    pub id: Text,
    pub title: Text,
    pub intro: Text,
    pub route: Text,
    pub concern_note: Text,
    pub cooling_days: Option<Spanned<i64>>,
    pub questions: Spanned<Vec<RawQuestion>>,
}

/// A `[[checks.questions]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Text,
    pub question: Text,
    pub hint: Option<Text>,
    pub concern: Spanned<Vec<Text>>,
    pub reason: Text,
    #[serde(default)]
    pub urgent: bool,
    pub page: Option<Text>,
}

/// A file under `pages/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub last_checked: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub links: Vec<Text>,
    pub sections: Spanned<Vec<RawSection>>,
}

/// A `[[sections]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub heading: Text,
    pub body: Text,
}

/// `tools.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTools {
    pub urge_pause: RawUrgePause,
    pub review: RawReview,
    pub mood: RawMood,
    pub contact_log: RawContactLog,
    pub response: RawResponse,
    #[serde(default)]
    pub regions: Vec<RawRegion>,
}

/// A `[[regions]]` table: official help numbers for one country or region.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: Text,
    pub name: Text,
    pub last_checked: Spanned<toml::Value>,
    pub lines: Spanned<Vec<RawHelpLine>>,
}

/// A `[[regions.lines]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHelpLine {
    pub organisation: Text,
    pub number: Text,
    pub about: Text,
}

/// `[response]`: the check "How did {ex} respond?".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    pub title: Text,
    pub intro: Text,
    pub wait_days: Spanned<i64>,
    pub warm: RawResponseAnswer,
    pub brief: RawResponseAnswer,
    pub cold: RawResponseAnswer,
    pub no_reply: RawResponseAnswer,
    pub asked_to_stop: RawResponseAnswer,
}

/// One answer of `[response]`: its label and what follows it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponseAnswer {
    pub label: Text,
    pub after: Text,
}

/// `[urge_pause]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUrgePause {
    pub title: Text,
    pub intro: Text,
    pub never_sent: Text,
    pub reasons_heading: Text,
    pub reasons_from: Vec<Text>,
    pub questions: Spanned<Vec<Text>>,
    pub done: Text,
}

/// `[review]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub title: Text,
    pub intro: Text,
    pub go_on: Text,
    pub extend: Text,
    pub heal: Text,
}

/// `[mood]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMood {
    pub question: Text,
    pub labels: Spanned<Vec<Text>>,
}

/// `[contact_log]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContactLog {
    pub intro: Text,
    pub over_contact: Text,
    pub mistake: Text,
    pub over_contact_after: Spanned<i64>,
}
