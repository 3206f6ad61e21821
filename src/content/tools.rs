//! The words of the workbook's own tools: the urge pause, the no-contact review, mood check-ins
//! and the contact log (`tools.toml`).

/// Everything `tools.toml` holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tools {
    /// The pause before acting on an urge to reach out.
    pub urge_pause: UrgePauseText,
    /// The review when the no-contact target is reached.
    pub review: ReviewText,
    /// Mood check-ins.
    pub mood: MoodText,
    /// The contact log.
    pub contact_log: ContactLogText,
    /// The check "How did {ex} respond?" after a first message.
    pub response: ResponseText,
    /// Official help numbers per region, shown first on the help page for the user's region.
    pub regions: Vec<Region>,
}

/// Official crisis, emergency and abuse numbers for one region, with when they were checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Short id, such as `uk`.
    pub id: String,
    /// The region's name.
    pub name: String,
    /// When the numbers were last checked.
    pub last_checked: chrono::NaiveDate,
    /// The numbers.
    pub lines: Vec<HelpLine>,
}

/// One help number.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpLine {
    /// Who answers.
    pub organisation: String,
    /// The number, as dialled.
    pub number: String,
    /// What it is for.
    pub about: String,
}

/// Words of the response check, and how long silence takes to count as an answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseText {
    /// Title, e.g. "How did {ex} respond?".
    pub title: String,
    /// Shown above the answers.
    pub intro: String,
    /// Days after the user's message when no reply counts as an answer.
    pub wait_days: u32,
    /// Label and what follows, for warm, brief, cold, no reply and "asked me to stop", in
    /// that order.
    pub answers: [ResponseAnswerText; 5],
}

/// One answer of the response check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseAnswerText {
    /// The answer as the user picks it.
    pub label: String,
    /// What follows that answer, shown once it is chosen.
    pub after: String,
}

/// Words of the urge pause.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrgePauseText {
    /// Title.
    pub title: String,
    /// Why a pause helps.
    pub intro: String,
    /// That nothing written here is sent.
    pub never_sent: String,
    /// Heading above the user's own reasons.
    pub reasons_heading: String,
    /// Steps whose answers are shown as the user's reasons.
    pub reasons_from: Vec<String>,
    /// A few gentle questions.
    pub questions: Vec<String>,
    /// Shown when the pause ends.
    pub done: String,
}

/// Words of the no-contact review.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewText {
    /// Title.
    pub title: String,
    /// Above the pre-commitment.
    pub intro: String,
    /// What reaching out means.
    pub go_on: String,
    /// What taking more time means.
    pub extend: String,
    /// What the heal path means.
    pub heal: String,
}

/// Words of mood check-ins.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MoodText {
    /// The question.
    pub question: String,
    /// Labels for moods 1 to 5.
    pub labels: Vec<String>,
}

impl MoodText {
    /// The label of a mood from 1 to 5.
    pub fn label(&self, mood: u8) -> &str {
        self.labels
            .get(usize::from(mood).wrapping_sub(1))
            .map_or("", String::as_str)
    }
}

/// Words of the contact log.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactLogText {
    /// What the log is for.
    pub intro: String,
    /// The gentle note after several unanswered messages.
    pub over_contact: String,
    /// The checklist id of the mistake quoted beside the note.
    pub mistake_checklist: String,
    /// The item id of that mistake.
    pub mistake_item: String,
    /// How many unanswered messages in a row bring the note.
    pub over_contact_after: u32,
}
