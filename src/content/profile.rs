//! The situation profile's fields, and the conditions a pack writes about them
//! (`when = "children=yes"`): pack sections and prompts shown only where they apply.

/// A profile field: its key, the question, and the answers it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileField {
    /// The key conditions use, such as `children`.
    pub key: &'static str,
    /// The question, with placeholders such as `{ex}`.
    pub question: &'static str,
    /// The answers, as conditions name them.
    pub options: &'static [&'static str],
}

/// Every field of the situation profile, in the order it is asked.
pub const PROFILE_FIELDS: &[ProfileField] = &[
    ProfileField {
        key: "children",
        question: "Do you and {ex} have children together?",
        options: &["yes", "no"],
    },
    ProfileField {
        key: "living",
        question: "Do you still live together?",
        options: &["yes", "no"],
    },
    ProfileField {
        key: "circle",
        question: "Do you share a workplace or a group of friends?",
        options: &["workplace", "friends", "both", "no"],
    },
    ProfileField {
        key: "ended",
        question: "Who ended it?",
        options: &["me", "them", "both"],
    },
    ProfileField {
        key: "cheating",
        question: "Was there cheating?",
        options: &["no", "me", "them", "both"],
    },
    ProfileField {
        key: "times",
        question: "How many times have you broken up before this?",
        options: &["none", "once", "several"],
    },
    ProfileField {
        key: "since",
        question: "How long ago did it end?",
        options: &["days", "weeks", "months", "longer"],
    },
];

/// The field with this key.
pub fn profile_field(key: &str) -> Option<&'static ProfileField> {
    PROFILE_FIELDS.iter().find(|f| f.key == key)
}

/// A condition on the profile: the field has one of these answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The field key.
    pub field: String,
    /// Answers that meet the condition.
    pub any_of: Vec<String>,
}

impl Condition {
    /// Reads `field=answer` or `field=answer|answer`; says what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (field, answers) = text.split_once('=').ok_or_else(|| {
            format!("condition `{text}` needs the form field=answer, like \"children=yes\"")
        })?;
        let (field, answers) = (field.trim(), answers.trim());
        let def = profile_field(field).ok_or_else(|| {
            let known: Vec<_> = PROFILE_FIELDS.iter().map(|f| f.key).collect();
            format!(
                "condition names unknown profile field `{field}`; known fields: {}",
                known.join(", ")
            )
        })?;
        let any_of: Vec<String> = answers.split('|').map(|a| a.trim().to_string()).collect();
        if let Some(bad) = any_of.iter().find(|a| !def.options.contains(&a.as_str())) {
            return Err(format!(
                "`{field}` has no answer `{bad}`; it takes: {}",
                def.options.join(", ")
            ));
        }
        Ok(Self {
            field: field.to_string(),
            any_of,
        })
    }

    /// True when `answer` (the user's answer to the field, if any) meets the condition.
    pub fn holds(&self, answer: Option<&str>) -> bool {
        answer.is_some_and(|a| self.any_of.iter().any(|x| x == a))
    }
}

/// A step's extra words for one situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    /// When it applies.
    pub when: Condition,
    /// Heading.
    pub heading: String,
    /// Paragraphs.
    pub body: String,
    /// An extra reflection prompt, shown only in this situation.
    pub prompt: Option<String>,
}
