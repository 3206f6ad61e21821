//! The formats an export can be written in.

/// An export format, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown, to read or turn into anything else.
    Markdown,
    /// rekindle's own JSON, which `import` reads back exactly.
    Json,
    /// Plain text, wrapped to a readable width.
    Text,
    /// One self-contained, printable HTML page.
    Html,
}

impl Format {
    /// Every format with its short name and the names it also answers to.
    const NAMES: [(Format, &'static str, &'static [&'static str]); 4] = [
        (Format::Markdown, "md", &["markdown"]),
        (Format::Json, "json", &[]),
        (Format::Text, "txt", &["text"]),
        (Format::Html, "html", &["htm"]),
    ];

    /// The format called `name` (`md`, `json`, `txt`, `html`, or a long form), ignoring case.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase();
        Self::NAMES
            .iter()
            .find(|(_, short, long)| *short == name || long.contains(&name.as_str()))
            .map(|(format, _, _)| *format)
    }

    /// The short name, which is also the usual file extension.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(format, _, _)| *format == self)
            .map_or("", |(_, short, _)| short)
    }

    /// Every short name, for help text and error messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::NAMES.iter().map(|(_, short, _)| *short)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
