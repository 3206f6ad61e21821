//! The `{ex}`, `{they}`, ... placeholders that let the guide name the ex as the user wishes.

use serde::{Deserialize, Serialize};

/// Every placeholder a pack may use.
pub const KNOWN: &[&str] = &[
    "ex", "Ex", "they", "They", "them", "their", "Their", "theirs",
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
}

impl PronounSet {
    /// The words for `they`, `them`, `their`, `theirs`.
    fn words(&self) -> [&'static str; 4] {
        match self {
            PronounSet::They => ["they", "them", "their", "theirs"],
            PronounSet::She => ["she", "her", "her", "hers"],
            PronounSet::He => ["he", "him", "his", "his"],
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
        let ex = match self.name.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => "your ex".to_string(),
        };
        let word = match name {
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
    fn unknown_placeholders_stay_as_written() {
        assert_eq!(Naming::default().fill("a {b} c"), "a {b} c");
    }
}
