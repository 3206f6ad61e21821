//! A problem found in a content pack, placed at a file, line and column.

use std::fmt;
use std::ops::Range;

/// One thing wrong with a pack: where it is and what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the pack folder (`steps/reconcile.toml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong and what to change, in a sentence.
    pub message: String,
}

impl Problem {
    /// A problem at a byte span of `text`, the contents of `file`.
    pub fn at(file: &str, text: &str, span: &Range<usize>, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, span.start);
        Self {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem at a known 1-based line and column of `file`.
    pub fn placed(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem with a whole file (it is missing, unreadable, or out of place).
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: 1,
            column: 1,
            message: message.into(),
        }
    }

    /// The `file:line:column` a person or an editor can jump to.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// Every problem found in a pack, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems, each with its place.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            writeln!(f, "{problem}")?;
        }
        let n = self.0.len();
        write!(
            f,
            "{} in the pack",
            super::words::count(n, "problem", "problems")
        )
    }
}

impl std::error::Error for Problems {}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Where each line of a text starts, so placing many problems in one file costs a binary search
/// each instead of a scan from the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self(starts)
    }

    /// The same as [`line_column`] for the `text` these starts were taken from.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.0.partition_point(|start| *start <= offset);
        let start = self.0[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let quote = text.find('"').unwrap();
        assert_eq!(line_column(text, quote), (2, 6));
    }

    #[test]
    fn line_starts_agree_with_a_scan() {
        let text = "a = 1\n\nb = \"é\"\nlast";
        let starts = LineStarts::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                starts.line_column(text, offset),
                line_column(text, offset),
                "{offset}"
            );
        }
    }
}
