//! Word wrapping by display width, so wide characters and emoji lay out correctly and scroll
//! positions can be computed exactly.

use unicode_width::UnicodeWidthStr;

use crate::visible::visible;

/// The display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` wrapped to `max` cells: words are kept whole unless a single word is wider than a line.
/// Blank lines are kept, so paragraphs stay apart. Characters a terminal would obey are shown in
/// their visible form (see [`crate::visible`]).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let text = visible(text);
    let mut lines = Vec::new();
    for source in text.lines() {
        let mut line = String::new();
        let mut line_width = 0;
        for word in source.split(' ').filter(|w| !w.is_empty()) {
            let word_width = width(word);
            if line_width > 0 && line_width + 1 + word_width > max {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            if word_width > max {
                for c in word.chars() {
                    let w = width(c.encode_utf8(&mut [0; 4]));
                    if line_width + w > max && line_width > 0 {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0;
                    }
                    line.push(c);
                    line_width += w;
                }
                continue;
            }
            if line_width > 0 {
                line.push(' ');
                line_width += 1;
            }
            line.push_str(word);
            line_width += word_width;
        }
        lines.push(line);
    }
    lines
}

/// Joins the hard-wrapped lines of a pack paragraph, keeping blank lines as paragraph breaks.
pub fn unwrap_paragraphs(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `text` cut to `max` cells, with an ellipsis when something was cut; characters a terminal would
/// obey are shown in their visible form (see [`crate::visible`]).
pub fn truncate(text: &str, max: usize) -> String {
    let text = &*visible(text);
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_cells_not_bytes() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("💛💛 💛", 4), vec!["💛💛", "💛"]);
        assert_eq!(wrap("one\n\ntwo", 10), vec!["one", "", "two"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn every_wrapped_line_fits() {
        let text = "日本語のテキスト and some ascii with emoji 🌱🌱🌱 mixed in";
        for max in 1..20 {
            for line in wrap(text, max) {
                assert!(width(&line) <= max.max(2), "{line:?} wider than {max}");
            }
        }
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("hi", 6), "hi");
    }

    #[test]
    fn paragraphs_are_joined_and_kept_apart() {
        assert_eq!(unwrap_paragraphs("a\nb\n\nc\n"), "a b\n\nc");
    }
}
