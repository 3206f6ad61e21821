//! One vocabulary: words the pack must not use for things the glossary already names
//! (content/README.md, "Glossary"). `content check` flags each one with the term to use instead.

/// A phrase the glossary replaces, and the glossary term to use instead.
pub const OFF_GLOSSARY: &[(&str, &str)] = &[
    ("quiet stretch", "no contact"),
    ("break from contact", "no contact"),
    ("time apart", "no contact"),
    ("cooling-off period", "no contact"),
    ("cooling off period", "no contact"),
    ("radio silence", "no contact"),
    ("silent period", "no contact"),
    ("no-contact period", "no contact"),
    ("break in no contact", "slip"),
    ("relapse", "slip"),
    ("lapse", "slip"),
    ("healing path", "the heal path"),
    ("recovery path", "the heal path"),
    ("reconciliation path", "the reconcile path"),
    ("reconnection path", "the reconcile path"),
];

/// The off-glossary phrases in `text` (case and line breaks ignored, whole words only), each with
/// the term to use instead.
pub fn off_glossary(text: &str) -> Vec<(&'static str, &'static str)> {
    let flat: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    OFF_GLOSSARY
        .iter()
        .filter(|(phrase, _)| contains_words(&flat, phrase))
        .copied()
        .collect()
}

/// True when `phrase` occurs in `text` with no letter or digit right before or after it.
fn contains_words(text: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_across_line_breaks_and_case() {
        assert_eq!(
            off_glossary("A Quiet\n  stretch helps."),
            vec![("quiet stretch", "no contact")]
        );
    }

    #[test]
    fn only_whole_words_count() {
        assert!(off_glossary("Elapsed time and collapse are fine.").is_empty());
        assert_eq!(off_glossary("a lapse"), vec![("lapse", "slip")]);
        assert!(off_glossary("no contact, and its review").is_empty());
    }
}
