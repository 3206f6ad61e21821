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
            "{n} problem{} in the pack",
            if n == 1 { "" } else { "s" }
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
}
