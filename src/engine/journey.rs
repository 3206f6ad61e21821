//! What is saved of the user's progress (`journey.json`): everything but the journal.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{Answer, Guide, Naming, PronounSet};

use super::contact_log::Contact;
use super::drafts::Draft;
use super::journal::Extra;
use super::mood::MoodCheck;
use super::no_contact::NoContact;
use super::urge::UrgePause;

/// The schema version written into `journey.json`; a newer one is never downgraded.
pub const JOURNEY_SCHEMA: u32 = 1;

/// The user's progress through the guide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    /// Schema version of this file.
    pub schema: u32,
    /// When the journey began.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// Which guide pack it follows.
    pub guide: GuideRef,
    /// True once the welcome has been read and the naming chosen.
    #[serde(default)]
    pub welcomed: bool,
    /// The path being followed (`reconcile` or `heal`).
    pub path: String,
    /// Where the user was, so relaunching lands there.
    #[serde(default)]
    pub place: Place,
    /// Progress per step id.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
    /// Ticked item ids per checklist id.
    #[serde(default)]
    pub ticks: BTreeMap<String, BTreeSet<String>>,
    /// Answers to the gentle checks, per check id.
    #[serde(default)]
    pub checks: BTreeMap<String, CheckRecord>,
    /// The no-contact record, once started.
    #[serde(default)]
    pub no_contact: Option<NoContact>,
    /// Urge pauses, oldest first.
    #[serde(default)]
    pub urges: Vec<UrgePause>,
    /// Mood check-ins, oldest first.
    #[serde(default)]
    pub moods: Vec<MoodCheck>,
    /// Contacts logged in the contact steps, oldest first.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Drafts as older files kept them, inside the journey, until they are safely moved to
    /// `drafts.json`; written back only while that move has not happened.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, Draft>,
    /// The user's settings.
    #[serde(default)]
    pub settings: Settings,
    /// Every taking of every check, oldest first; answers are never erased.
    #[serde(default)]
    pub check_history: Vec<super::concern::CheckTaken>,
    /// Concerns the user took back, with their reflection, oldest first.
    #[serde(default)]
    pub withdrawals: Vec<super::concern::Withdrawal>,
    /// How {ex} responded to the user's messages, as noted, oldest first.
    #[serde(default)]
    pub responses: Vec<super::response::ResponseRecord>,
    /// No-contact stretches that ended (when reaching out was marked done), oldest first.
    #[serde(default)]
    pub past_no_contact: Vec<NoContact>,
    /// The situation profile: answer per field key (see `content::PROFILE_FIELDS`); skipped
    /// fields are absent.
    #[serde(default)]
    pub profile: BTreeMap<String, String>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Journey {
    /// A fresh journey on the guide's first path.
    pub fn new(guide: &Guide, now: DateTime<Utc>) -> Self {
        Self {
            schema: JOURNEY_SCHEMA,
            created: now,
            updated: now,
            guide: GuideRef {
                id: guide.id.clone(),
                version: guide.version.clone(),
                extra: Default::default(),
            },
            welcomed: false,
            path: guide
                .paths
                .first()
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            place: Place::default(),
            steps: BTreeMap::new(),
            ticks: BTreeMap::new(),
            checks: BTreeMap::new(),
            no_contact: None,
            urges: Vec::new(),
            moods: Vec::new(),
            contacts: Vec::new(),
            drafts: BTreeMap::new(),
            settings: Settings::default(),
            check_history: Vec::new(),
            withdrawals: Vec::new(),
            responses: Vec::new(),
            past_no_contact: Vec::new(),
            profile: BTreeMap::new(),
            extra: Extra::new(),
        }
    }

    /// How the guide should name the ex for this user.
    pub fn naming(&self) -> Naming {
        Naming {
            name: self.settings.ex_name.clone(),
            pronouns: self.settings.pronouns.clone(),
        }
    }

    /// The progress of a step (an untouched step has the default).
    pub fn step(&self, id: &str) -> StepProgress {
        self.steps.get(id).cloned().unwrap_or_default()
    }

    /// The urge pause not yet ended, if any.
    pub fn open_urge(&self) -> Option<&UrgePause> {
        self.urges.last().filter(|u| u.is_open())
    }

    /// True when `item` of `checklist` is ticked.
    pub fn is_ticked(&self, checklist: &str, item: &str) -> bool {
        self.ticks.get(checklist).is_some_and(|t| t.contains(item))
    }
}

/// The guide pack a journey follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideRef {
    /// Pack id.
    pub id: String,
    /// Pack version when the journey began.
    pub version: String,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// Which screen the user was on, and where on it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Place {
    /// The screen.
    #[serde(default)]
    pub screen: ScreenId,
    /// The step open on the step screen.
    #[serde(default)]
    pub step: Option<String>,
    /// The page open in the library.
    #[serde(default)]
    pub page: Option<String>,
    /// How far the screen was scrolled.
    #[serde(default)]
    pub scroll: u16,
    /// Which row was selected.
    #[serde(default)]
    pub selected: usize,
    /// The draft key of the text field that was open, so typing resumes in it.
    #[serde(default)]
    pub editing: Option<String>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// The screens a user can be on, as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScreenId {
    /// The path overview.
    #[default]
    Home,
    /// One step.
    Step,
    /// All checklists.
    Checklists,
    /// The journal.
    Journal,
    /// The urge pause.
    Urge,
    /// The no-contact review.
    Review,
    /// The contact log.
    ContactLog,
    /// The no-contact countdown.
    NoContact,
    /// Library pages.
    Library,
    /// Export.
    Export,
}

/// Where a step stands, as the user marked it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StepProgress {
    /// When the user first opened or worked on it.
    #[serde(default)]
    pub started: Option<DateTime<Utc>>,
    /// When the user marked it done.
    #[serde(default)]
    pub done: Option<DateTime<Utc>>,
    /// Answers per prompt id.
    #[serde(default)]
    pub answers: BTreeMap<String, PromptAnswer>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// The user's answer to a reflection prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptAnswer {
    /// The answer.
    pub text: String,
    /// When it was last changed.
    pub updated: DateTime<Utc>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// The answers given to a check, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// When the check was last taken.
    pub taken: DateTime<Utc>,
    /// Answer per question id.
    pub answers: BTreeMap<String, Answer>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// The user's choices about how the workbook talks and looks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The ex's name, if the user gave one.
    #[serde(default)]
    pub ex_name: Option<String>,
    /// Pronouns for the ex.
    #[serde(default)]
    pub pronouns: PronounSet,
    /// Colour theme.
    #[serde(default)]
    pub theme: Theme,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: super::journal::Extra,
}

/// Colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Calm, low-contrast colours.
    #[default]
    Calm,
    /// No colour at all.
    Plain,
}
