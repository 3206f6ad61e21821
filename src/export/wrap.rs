//! Soft wrapping of plain text at word boundaries, keeping every line break the user typed.

/// `text` with each line wrapped to `width` characters where it can break at a space.
///
/// Words longer than `width` stay whole; existing line breaks and blank lines are kept, and each
/// resulting line starts with `indent`.
pub(super) fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for line in text.trim_end().lines() {
        wrap_line(line.trim_end(), width, indent, &mut out);
    }
    out
}

fn wrap_line(line: &str, width: usize, indent: &str, out: &mut String) {
    if line.is_empty() {
        out.push('\n');
        return;
    }
    out.push_str(indent);
    let mut used = 0;
    let mut first = true;
    // Splitting on single spaces keeps runs of spaces (and indentation the user typed) as empty words.
    for word in line.split(' ') {
        let len = word.chars().count();
        if !first && used + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            used = 0;
            first = true;
        }
        if !first {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += len;
        first = false;
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_keeps_breaks() {
        assert_eq!(
            wrap("one two three four\n\nfive", 9, ""),
            "one two\nthree\nfour\n\nfive\n"
        );
    }

    #[test]
    fn keeps_long_words_whole_and_indents() {
        assert_eq!(
            wrap("a verylongword b", 5, "  "),
            "  a\n  verylongword\n  b\n"
        );
    }
}
