//! Tags: the `#hashtags` written in an entry's text, together with the tags stored on it (from
//! `journal add --tag` or an import). Both count the same; a tag is compared in lower case.

use super::journal::JournalEntry;

/// True for a character that may be part of a tag after its `#`.
fn tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// True when a `#` after `before` may start a tag: at the start, after a space, or after an
/// opening bracket or quote. After anything else (`/`, a letter, another `#`) it is part of
/// something else: a link (`http://x/#a`), a word (`C#`), a heading (`##`).
fn may_start_after(before: Option<char>) -> bool {
    match before {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘'),
    }
}

/// The `#hashtags` in `text`, lower case, each once, in the order first written.
///
/// A tag is `#` then letters, digits, `-` or `_` (any script), with at least one letter; a
/// trailing `-` or `_` is left off, so `#sleep-` and `#sleep.` are `sleep`. `#123`, a lone `#`,
/// `##`, `#` before an emoji and a `#` inside a link or a word are not tags.
pub fn hashtags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut before: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '#' && may_start_after(before) {
            let rest = &text[at + 1..];
            let len: usize = rest
                .chars()
                .take_while(|c| tag_char(*c))
                .map(char::len_utf8)
                .sum();
            let word = rest[..len].trim_end_matches(['-', '_']);
            if word.chars().any(char::is_alphabetic) {
                let tag = word.to_lowercase();
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            // Skip the tag's own characters, so `#a#b` is one tag, not two.
            before = Some(c);
            while chars.peek().is_some_and(|(i, _)| *i <= at + len) {
                before = chars.next().map(|(_, c)| c);
            }
            continue;
        }
        before = Some(c);
    }
    tags
}

/// A stored tag as compared: trimmed, without a leading `#`, lower case; `None` when nothing
/// is left.
pub fn normal_tag(tag: &str) -> Option<String> {
    let tag = tag.trim().trim_start_matches('#').trim();
    (!tag.is_empty()).then(|| tag.to_lowercase())
}

/// Every tag of an entry: its stored tags, then the `#hashtags` in its text, lower case, each
/// once.
pub fn entry_tags(entry: &JournalEntry) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in entry
        .tags
        .iter()
        .filter_map(|t| normal_tag(t))
        .chain(hashtags(&entry.text))
    {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_after_a_hash_are_tags_in_lower_case() {
        assert_eq!(
            hashtags("Slept badly #Sleep and #work-stress again"),
            ["sleep", "work-stress"]
        );
        assert_eq!(hashtags("#first thing"), ["first"]);
        assert_eq!(hashtags("(#inside) \"#quoted\""), ["inside", "quoted"]);
    }

    #[test]
    fn a_hash_alone_or_doubled_or_before_digits_only_is_no_tag() {
        assert!(hashtags("#").is_empty());
        assert!(hashtags("# heading").is_empty());
        assert!(hashtags("## heading").is_empty());
        assert!(hashtags("##double").is_empty());
        assert!(hashtags("ranked #1 and #123").is_empty());
        assert_eq!(hashtags("#2am thoughts"), ["2am"]);
    }

    #[test]
    fn unicode_letters_count_and_emoji_do_not() {
        assert_eq!(hashtags("#café #Ärger #夜"), ["café", "ärger", "夜"]);
        assert!(hashtags("#🙂 #❤️").is_empty());
        assert_eq!(hashtags("#calm🙂"), ["calm"]);
    }

    #[test]
    fn links_and_words_keep_their_hashes() {
        assert!(hashtags("see http://x/#a and https://example.com/page#section").is_empty());
        assert!(hashtags("I code in C# and F#").is_empty());
        assert!(hashtags("a#b").is_empty());
    }

    #[test]
    fn trailing_punctuation_is_left_off() {
        assert_eq!(
            hashtags("#sleep. #rest, #hope! #calm- #quiet_"),
            ["sleep", "rest", "hope", "calm", "quiet"]
        );
        assert_eq!(hashtags("#a#b"), ["a"]);
    }

    #[test]
    fn each_tag_is_listed_once() {
        assert_eq!(hashtags("#Sleep then #sleep then #SLEEP"), ["sleep"]);
    }

    #[test]
    fn stored_tags_and_hashtags_count_the_same() {
        let entry = JournalEntry {
            id: "1".to_string(),
            created: chrono::DateTime::UNIX_EPOCH,
            edited: None,
            text: "#Sleep and #hope".to_string(),
            step: None,
            mood: None,
            tags: vec![
                "#Hope".to_string(),
                " ".to_string(),
                "first-message".to_string(),
            ],
            extra: Default::default(),
        };
        assert_eq!(entry_tags(&entry), ["hope", "first-message", "sleep"]);
    }
}
