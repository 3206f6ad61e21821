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

/// `text` cut to `max` cells, with an ellipsis when something was cut; the cut falls between
/// words unless the first word alone is too wide. Characters a terminal would obey are shown in
/// their visible form (see [`crate::visible`]).
pub fn truncate(text: &str, max: usize) -> String {
    let text = &*visible(text);
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut cut_mid_word = false;
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            cut_mid_word = !c.is_whitespace() && !out.ends_with(char::is_whitespace);
            break;
        }
        out.push(c);
        used += w;
    }
    // Back to the last whole word, unless that would keep less than a third of the room (one
    // very long word, such as a pasted link).
    if cut_mid_word
        && let Some(space) = out.trim_end().rfind(char::is_whitespace)
        && width(&out[..space]) * 3 >= max
    {
        out.truncate(space);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    if max > 0 {
        out.push('…');
    }
    out
}

/// `text` in at most `lines` lines of `max` cells: wrapped between words, and the last line cut
/// at a word with an ellipsis only when even that many lines cannot hold it all.
pub fn clip(text: &str, max: usize, lines: usize) -> Vec<String> {
    let mut wrapped = wrap(text, max);
    if wrapped.len() > lines.max(1) {
        let rest = wrapped.split_off(lines.max(1) - 1).join(" ");
        wrapped.push(truncate(&rest, max));
    }
    wrapped
}

/// [`clip`] for `text` followed by `tail` (such as " (+1 more)"), which is never cut: when the
/// lines cannot hold both, the text is cut between words to leave room for the tail.
pub fn clip_with_tail(text: &str, tail: &str, max: usize, lines: usize) -> Vec<String> {
    // The tail moves to the next line as a whole: its inner spaces do not break.
    let glued = match tail.strip_prefix(' ') {
        Some(rest) => format!(" {}", rest.replace(' ', "\u{a0}")),
        None => tail.replace(' ', "\u{a0}"),
    };
    let whole: Vec<String> = clip(&format!("{text}{glued}"), max, lines)
        .into_iter()
        .map(|l| l.replace('\u{a0}', " "))
        .collect();
    if whole.concat().ends_with(tail.trim()) {
        return whole;
    }
    let was_cut = wrap(text, max).len() > lines.max(1);
    let mut cut = clip(text, max, lines);
    if let Some(last) = cut.last_mut() {
        let room = max.saturating_sub(width(tail));
        let plain = last.trim_end_matches('…').to_string();
        *last = if !was_cut && width(&plain) <= room {
            plain
        } else {
            truncate(&format!("{plain}…"), room)
        };
        last.push_str(tail);
    }
    cut
}

/// A line's two ends for `max` cells with at least three between them: the first of `lefts` and
/// of `rights` (longest first) that fit together, shortening the right end before the left, and
/// the shortest left cut between words when nothing fits whole.
pub fn fit_sides(lefts: &[String], rights: &[String], max: usize) -> (String, String) {
    let fits = |l: &str, r: &str| width(l) + width(r) + 3 <= max;
    for right in rights {
        for left in lefts {
            if fits(left, right) {
                return (left.clone(), right.clone());
            }
        }
    }
    let right = rights.last().cloned().unwrap_or_default();
    let left = lefts.last().map(String::as_str).unwrap_or_default();
    let room = max.saturating_sub(width(&right) + 3);
    (truncate(left, room), right)
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
    fn truncation_falls_between_words() {
        assert_eq!(truncate("which has not started yet", 20), "which has not…");
        assert_eq!(truncate("Journal", 3), "Jo…");
        assert_eq!(truncate("one two", 5), "one…");
        assert_eq!(
            truncate("a https://example.org/a/very/long/link", 12),
            "a https://e…",
            "one long word is cut rather than lost"
        );
        for max in 1..30 {
            let cut = truncate("Opens after 14 days of no contact", max);
            assert!(width(&cut) <= max, "{cut:?} wider than {max}");
            let kept = cut.trim_end_matches('…');
            assert!(
                kept.is_empty()
                    || "Opens after 14 days of no contact ".contains(&format!("{kept} "))
                    || !kept.contains(' '),
                "{cut:?} ends mid-word"
            );
        }
    }

    #[test]
    fn a_tail_is_kept_whole_and_the_text_gives_way() {
        assert_eq!(
            clip_with_tail("Opens when it is done.", " (+1 more)", 24, 2),
            vec!["Opens when it is done.", "(+1 more)"]
        );
        assert_eq!(
            clip_with_tail("Opens when it is done.", " (+1 more)", 24, 1),
            vec!["Opens when it… (+1 more)"]
        );
        assert_eq!(
            clip_with_tail("one two three four five six", " (+2 more)", 15, 2),
            vec!["one two three", "four… (+2 more)"]
        );
        assert_eq!(clip_with_tail("short", "", 10, 1), vec!["short"]);
        assert_eq!(
            clip_with_tail("Opens when it is done.", " (+1 more)", 26, 2),
            vec!["Opens when it is done.", "(+1 more)"],
            "the tail is not split across lines"
        );
    }

    #[test]
    fn sides_shorten_before_any_word_is_cut() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let lefts = s(&[" rekindle · Journal", " Journal"]);
        let rights = s(&["no contact: day 3 of 21", "day 3 of 21"]);
        assert_eq!(
            fit_sides(&lefts, &rights, 60),
            (lefts[0].clone(), rights[0].clone())
        );
        assert_eq!(
            fit_sides(&lefts, &rights, 40),
            (lefts[1].clone(), rights[0].clone())
        );
        assert_eq!(
            fit_sides(&lefts, &rights, 30),
            (lefts[1].clone(), rights[1].clone())
        );
    }

    #[test]
    fn clipping_wraps_first_and_cuts_only_what_no_line_holds() {
        assert_eq!(
            clip("which has not started yet", 15, 2),
            vec!["which has not", "started yet"]
        );
        assert_eq!(
            clip("one two three four five", 9, 2),
            vec!["one two", "three…"]
        );
        assert_eq!(clip("short", 9, 2), vec!["short"]);
    }

    #[test]
    fn paragraphs_are_joined_and_kept_apart() {
        assert_eq!(unwrap_paragraphs("a\nb\n\nc\n"), "a b\n\nc");
    }
}
