//! Colours and text styles: calm by default (no red unless something is wrong), or none at all.

use ratatui::style::{Color, Modifier, Style};

/// Every style the screens use, so a screen never picks a colour itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Quieter text: hints, dates, summaries.
    pub muted: Style,
    /// Titles and headings.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// Done steps and ticked items.
    pub done: Style,
    /// Locked steps and their reasons.
    pub locked: Style,
    /// Gentle emphasis: the no-contact count, what is next.
    pub accent: Style,
    /// Something is wrong (a failed save).
    pub error: Style,
    /// Borders.
    pub border: Style,
    /// The key in a key hint.
    pub key: Style,
}

impl Theme {
    /// Soft blues and greens on the terminal's own background.
    pub const CALM: Theme = Theme {
        text: Style::new(),
        muted: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
        title: Style::new()
            .fg(Color::LightBlue)
            .add_modifier(Modifier::BOLD),
        selected: Style::new().fg(Color::Black).bg(Color::LightBlue),
        done: Style::new().fg(Color::Green),
        locked: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
        accent: Style::new().fg(Color::Cyan),
        error: Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::BOLD),
        border: Style::new().fg(Color::DarkGray),
        key: Style::new().fg(Color::LightBlue),
    };

    /// No colour: emphasis by reverse video and bold only, still readable.
    pub const PLAIN: Theme = Theme {
        text: Style::new(),
        muted: Style::new(),
        title: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        done: Style::new(),
        locked: Style::new(),
        accent: Style::new().add_modifier(Modifier::BOLD),
        error: Style::new().add_modifier(Modifier::BOLD),
        border: Style::new(),
        key: Style::new().add_modifier(Modifier::BOLD),
    };
}
