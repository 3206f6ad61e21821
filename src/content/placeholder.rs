//! The `{ex}`, `{they}`, ... placeholders that let the guide name the ex as the user wishes.

use serde::{Deserialize, Serialize};

/// Every placeholder a pack may use. `{my_ex}` is for lines the user says in their own voice
/// ("I miss {my_ex}"): their name, or "my ex".
pub const KNOWN: &[&str] = &[
    "ex", "Ex", "my_ex", "they", "They", "them", "their", "Their", "theirs",
];

/// A `{word}` found in a text, with its byte range (braces included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder<'a> {
    /// The word between the braces.
    pub name: &'a str,
    /// Where `{word}` sits in the text.
    pub start: usize,
}

/// Every `{word}` in `text`, in order. A lone brace is not a placeholder.
pub fn find(text: &str) -> Vec<Placeholder<'_>> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{').map(|i| i + rest) {
        let Some(close) = text[open + 1..]
            .find(['}', '{', '\n'])
            .map(|i| i + open + 1)
        else {
            break;
        };
        if text.as_bytes()[close] == b'}' {
            found.push(Placeholder {
                name: &text[open + 1..close],
                start: open,
            });
            rest = close + 1;
        } else {
            rest = close;
        }
    }
    found
}

/// Which pronouns the guide uses for the ex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PronounSet {
    /// they / them / their / theirs
    #[default]
    They,
    /// she / her / her / hers
    She,
    /// he / him / his / his
    He,
    /// The user's own forms (xe / xem / xyr, ze / hir / hir, ...).
    Custom(CustomPronouns),
}

/// Pronouns the user wrote: subject, object and possessive; the standalone possessive
/// (`{theirs}`) is the possessive with an `s`, unless it already ends in one ("its").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomPronouns {
    /// As the subject: "xe said".
    pub subject: String,
    /// As the object: "ask xem".
    pub object: String,
    /// Possessive: "xyr plans".
    pub possessive: String,
}

/// The longest pronoun form kept, in characters.
pub const MAX_PRONOUN_CHARS: usize = 24;

/// The longest name kept for the ex, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// Why a name or a pronoun form was refused, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadNaming {
    /// A pronoun form left empty.
    #[error("the {0} pronoun is empty; write all three (for example xe, xem, xyr)")]
    EmptyForm(&'static str),
    /// A pronoun form with a space, a brace or a control character in it.
    #[error(
        "the {form} pronoun `{word}` is not one word; write it without spaces, braces or line breaks"
    )]
    NotOneWord {
        /// Which form.
        form: &'static str,
        /// What was written.
        word: String,
    },
    /// A pronoun form too long to be one.
    #[error("the {form} pronoun is longer than {MAX_PRONOUN_CHARS} characters")]
    FormTooLong {
        /// Which form.
        form: &'static str,
    },
    /// A name with a line break, a tab or another control character in it.
    #[error("a name cannot hold line breaks, tabs or other control characters")]
    NameControl,
    /// A name too long for the guide's sentences.
    #[error(
        "the name is longer than {MAX_NAME_CHARS} characters; a first name or a nickname is enough"
    )]
    NameTooLong,
}

impl CustomPronouns {
    /// The three forms, trimmed and checked: each one word of letters (no spaces, braces or
    /// control characters) of at most [`MAX_PRONOUN_CHARS`].
    pub fn new(subject: &str, object: &str, possessive: &str) -> Result<Self, BadNaming> {
        Ok(Self {
            subject: check_form("subject", subject)?,
            object: check_form("object", object)?,
            possessive: check_form("possessive", possessive)?,
        })
    }

    /// Checks forms that came from a file or an action (they may not have passed [`Self::new`]).
    pub fn check(&self) -> Result<(), BadNaming> {
        Self::new(&self.subject, &self.object, &self.possessive).map(drop)
    }

    /// Reads `subject/object/possessive` as typed in one field ("xe/xem/xyr").
    pub fn parse_slashed(text: &str) -> Result<Self, BadNaming> {
        let mut parts = text.split('/');
        let mut next = || parts.next().unwrap_or_default();
        let (subject, object, possessive) = (next(), next(), next());
        let rest: Vec<&str> = parts.collect();
        if !rest.is_empty() {
            return Err(BadNaming::NotOneWord {
                form: "possessive",
                word: format!("{possessive}/{}", rest.join("/")),
            });
        }
        Self::new(subject, object, possessive)
    }

    fn standalone(&self) -> String {
        if self.possessive.ends_with('s') {
            self.possessive.clone()
        } else {
            format!("{}s", self.possessive)
        }
    }
}

fn check_form(form: &'static str, word: &str) -> Result<String, BadNaming> {
    let word = word.trim();
    if word.is_empty() {
        return Err(BadNaming::EmptyForm(form));
    }
    if word
        .chars()
        .any(|c| c.is_whitespace() || hostile(c) || matches!(c, '{' | '}' | '/'))
    {
        return Err(BadNaming::NotOneWord {
            form,
            word: crate::visible::visible(word).to_string(),
        });
    }
    if word.chars().count() > MAX_PRONOUN_CHARS {
        return Err(BadNaming::FormTooLong { form });
    }
    Ok(word.to_string())
}

/// A control character, or one a terminal would act on instead of showing.
fn hostile(c: char) -> bool {
    c.is_control() || crate::visible::is_hostile(c)
}

/// The ex's name as it will be kept: trimmed; empty means none ("your ex"). Refused when it
/// holds control characters or is longer than [`MAX_NAME_CHARS`].
pub fn clean_name(name: Option<&str>) -> Result<Option<String>, BadNaming> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    if name.chars().any(hostile) {
        return Err(BadNaming::NameControl);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(BadNaming::NameTooLong);
    }
    Ok(Some(name.to_string()))
}

impl PronounSet {
    /// The words for `they`, `them`, `their`, `theirs`.
    fn words(&self) -> [String; 4] {
        let fixed = |w: [&str; 4]| w.map(str::to_string);
        match self {
            PronounSet::They => fixed(["they", "them", "their", "theirs"]),
            PronounSet::She => fixed(["she", "her", "her", "hers"]),
            PronounSet::He => fixed(["he", "him", "his", "his"]),
            PronounSet::Custom(forms) => [
                forms.subject.clone(),
                forms.object.clone(),
                forms.possessive.clone(),
                forms.standalone(),
            ],
        }
    }

    /// The set as a user reads it: "they / them", "xe / xem / xyr".
    pub fn describe(&self) -> String {
        match self {
            PronounSet::They => "they / them".to_string(),
            PronounSet::She => "she / her".to_string(),
            PronounSet::He => "he / him".to_string(),
            PronounSet::Custom(forms) => format!(
                "{} / {} / {}",
                forms.subject, forms.object, forms.possessive
            ),
        }
    }

    /// The name a command line or a file uses: `they`, `she`, `he` or `custom`.
    pub fn name(&self) -> &'static str {
        match self {
            PronounSet::They => "they",
            PronounSet::She => "she",
            PronounSet::He => "he",
            PronounSet::Custom(_) => "custom",
        }
    }

    /// Parses `they`, `she` or `he` (as typed on the command line or in settings).
    pub fn parse(word: &str) -> Option<Self> {
        match word.trim().to_lowercase().as_str() {
            "they" | "they/them" => Some(PronounSet::They),
            "she" | "she/her" => Some(PronounSet::She),
            "he" | "he/him" => Some(PronounSet::He),
            _ => None,
        }
    }

    /// Checks the forms of a custom set; the others are always good.
    pub fn check(&self) -> Result<(), BadNaming> {
        match self {
            PronounSet::Custom(forms) => forms.check(),
            _ => Ok(()),
        }
    }
}

/// How the user wants the ex named: an optional name and a pronoun set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Naming {
    /// The ex's name; "your ex" when unset.
    pub name: Option<String>,
    /// Pronouns for the ex.
    pub pronouns: PronounSet,
}

impl Naming {
    /// `text` with every known placeholder replaced; unknown ones are left as written.
    pub fn fill(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for placeholder in find(text) {
            let Some(word) = self.word_for(placeholder.name) else {
                continue;
            };
            out.push_str(&text[last..placeholder.start]);
            out.push_str(&word);
            last = placeholder.start + placeholder.name.len() + 2;
        }
        out.push_str(&text[last..]);
        out
    }

    fn word_for(&self, name: &str) -> Option<String> {
        let [they, them, their, theirs] = self.pronouns.words();
        let (they, them, their, theirs) = (&*they, &*them, &*their, &*theirs);
        let named = self
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let ex = named.map_or_else(|| "your ex".to_string(), str::to_string);
        let word = match name {
            "my_ex" => named.map_or_else(|| "my ex".to_string(), str::to_string),
            "ex" => ex,
            "Ex" => capitalise(&ex),
            "they" => they.to_string(),
            "They" => capitalise(they),
            "them" => them.to_string(),
            "their" => their.to_string(),
            "Their" => capitalise(their),
            "theirs" => theirs.to_string(),
            _ => return None,
        };
        Some(word)
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_placeholder_with_its_position() {
        let found = find("Ask {ex} what {their} plans are, {oops} {");
        let names: Vec<_> = found.iter().map(|p| (p.name, p.start)).collect();
        assert_eq!(names, vec![("ex", 4), ("their", 14), ("oops", 33)]);
    }

    #[test]
    fn fills_name_and_pronouns() {
        let naming = Naming {
            name: Some("Sam".into()),
            pronouns: PronounSet::She,
        };
        assert_eq!(
            naming.fill("{Ex} said {they} would call {them}; {Their} call."),
            "Sam said she would call her; Her call."
        );
    }

    #[test]
    fn without_a_name_the_ex_is_your_ex() {
        let naming = Naming::default();
        assert_eq!(naming.fill("{Ex} and {ex}"), "Your ex and your ex");
    }

    #[test]
    fn in_the_users_own_voice_the_ex_is_my_ex_or_their_name() {
        assert_eq!(Naming::default().fill("I miss {my_ex}"), "I miss my ex");
        let named = Naming {
            name: Some(" Sam ".into()),
            pronouns: PronounSet::They,
        };
        assert_eq!(named.fill("I miss {my_ex}"), "I miss Sam");
    }

    #[test]
    fn custom_pronouns_fill_every_form() {
        let naming = Naming {
            name: None,
            pronouns: PronounSet::Custom(CustomPronouns::new("xe", " xem", "xyr ").unwrap()),
        };
        assert_eq!(
            naming.fill("{They} said {they} would call {them}: {their} call, {theirs} alone."),
            "Xe said xe would call xem: xyr call, xyrs alone."
        );
        let its = CustomPronouns::parse_slashed("it/it/its").unwrap();
        assert_eq!(its.standalone(), "its");
    }

    #[test]
    fn bad_forms_and_names_are_refused_in_words() {
        assert_eq!(
            CustomPronouns::new("xe", "", "xyr"),
            Err(BadNaming::EmptyForm("object"))
        );
        let two = CustomPronouns::new("x e", "xem", "xyr").unwrap_err();
        assert!(two.to_string().contains("not one word"), "{two}");
        assert!(CustomPronouns::new("xe", "{ex}", "xyr").is_err());
        assert!(CustomPronouns::new("xe", "xem", &"y".repeat(25)).is_err());
        assert!(CustomPronouns::parse_slashed("xe/xem").is_err());
        assert!(CustomPronouns::parse_slashed("xe/xem/xyr/more").is_err());
        assert_eq!(clean_name(Some("  Sam ")), Ok(Some("Sam".to_string())));
        assert_eq!(clean_name(Some("   ")), Ok(None));
        assert_eq!(clean_name(None), Ok(None));
        assert_eq!(clean_name(Some("Sam\nLee")), Err(BadNaming::NameControl));
        assert_eq!(clean_name(Some("a\u{1b}[2J")), Err(BadNaming::NameControl));
        assert_eq!(
            clean_name(Some(&"n".repeat(61))),
            Err(BadNaming::NameTooLong)
        );
    }

    #[test]
    fn custom_pronouns_keep_their_forms_through_json() {
        let set = PronounSet::Custom(CustomPronouns::new("ze", "hir", "hir").unwrap());
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(serde_json::from_str::<PronounSet>(&json).unwrap(), set);
        assert_eq!(
            serde_json::from_str::<PronounSet>("\"she\"").unwrap(),
            PronounSet::She
        );
    }

    #[test]
    fn unknown_placeholders_stay_as_written() {
        assert_eq!(Naming::default().fill("a {b} c"), "a {b} c");
    }
}
