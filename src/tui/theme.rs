//! Colours and text styles: three themes with their own background (dark, light, high contrast),
//! each pair of text and background at least 4.5:1 (WCAG AA), or no colour at all.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

pub use crate::config::ThemeName;

/// Every style the screens use, so a screen never picks a colour itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The whole window: ordinary text colour on the theme's background. Drawn first under
    /// everything, so the other styles need only a foreground.
    pub base: Style,
    /// Ordinary text.
    pub text: Style,
    /// Quieter text: hints, dates, summaries.
    pub muted: Style,
    /// Titles and headings.
    pub title: Style,
    /// The selected row: its own background, and one colour for all its text.
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

const fn rgb(hex: u32) -> Color {
    Color::Rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

const fn fg(hex: u32) -> Style {
    Style::new().fg(rgb(hex))
}

impl Theme {
    /// Light text on a dark slate background; soft blues and greens.
    pub const DARK: Theme = Theme {
        base: Style::new().fg(rgb(0xe4e6eb)).bg(rgb(0x1b1e24)),
        text: fg(0xe4e6eb),
        muted: fg(0xaab2bf),
        title: fg(0x8cc4ff).add_modifier(Modifier::BOLD),
        selected: Style::new().fg(rgb(0x0f1216)).bg(rgb(0x8cc4ff)),
        done: fg(0x8fd19e),
        locked: fg(0x9fb0c6),
        accent: fg(0x7fd4d4),
        error: fg(0xff9b9b).add_modifier(Modifier::BOLD),
        border: fg(0x8a93a3),
        key: fg(0x8cc4ff),
    };

    /// Dark text on a warm off-white background.
    pub const LIGHT: Theme = Theme {
        base: Style::new().fg(rgb(0x1f2328)).bg(rgb(0xfbfaf7)),
        text: fg(0x1f2328),
        muted: fg(0x545d68),
        title: fg(0x0b4f8a).add_modifier(Modifier::BOLD),
        selected: Style::new().fg(rgb(0xffffff)).bg(rgb(0x0b4f8a)),
        done: fg(0x1a6b32),
        locked: fg(0x5e6a78),
        accent: fg(0x0a5f6b),
        error: fg(0xa31515).add_modifier(Modifier::BOLD),
        border: fg(0x69717b),
        key: fg(0x0b4f8a),
    };

    /// White and yellow on black: the strongest contrast.
    pub const HIGH_CONTRAST: Theme = Theme {
        base: Style::new().fg(rgb(0xffffff)).bg(rgb(0x000000)),
        text: fg(0xffffff),
        muted: fg(0xd0d0d0),
        title: fg(0xffff66).add_modifier(Modifier::BOLD),
        selected: Style::new().fg(rgb(0x000000)).bg(rgb(0xffff66)),
        done: fg(0x66ff66),
        locked: fg(0xb8b8b8),
        accent: fg(0x66ffff),
        error: fg(0xff8080).add_modifier(Modifier::BOLD),
        border: fg(0xffffff),
        key: fg(0xffff66).add_modifier(Modifier::BOLD),
    };

    /// The theme the app started with before themes had names; the same as [`Theme::DARK`].
    pub const CALM: Theme = Theme::DARK;

    /// No colour: the terminal's own, with emphasis by reverse video and bold only.
    pub const PLAIN: Theme = Theme {
        base: Style::new(),
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

    /// The theme called `name`.
    pub const fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::DARK,
            ThemeName::Light => Theme::LIGHT,
            ThemeName::HighContrast => Theme::HIGH_CONTRAST,
        }
    }

    /// `line` as the selected row: every span takes the selected colours, so a hint or a date
    /// in it is as readable as the rest.
    pub fn select<'a>(&self, line: Line<'a>) -> Line<'a> {
        let mut line = line.patch_style(self.selected);
        for span in &mut line.spans {
            span.style = span.style.patch(self.selected);
        }
        line
    }

    /// Every text style with what it is for, for checks that cover them all.
    pub fn text_styles(&self) -> [(&'static str, Style); 10] {
        [
            ("text", self.text),
            ("muted", self.muted),
            ("title", self.title),
            ("selected", self.selected),
            ("done", self.done),
            ("locked", self.locked),
            ("accent", self.accent),
            ("error", self.error),
            ("border", self.border),
            ("key", self.key),
        ]
    }
}

/// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white); `None` for a
/// colour that is not given as RGB (the terminal decides it, so no ratio can be promised).
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

/// WCAG relative luminance of an RGB colour.
fn luminance(color: Color) -> Option<f64> {
    let Color::Rgb(r, g, b) = color else {
        return None;
    };
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    #[test]
    fn contrast_matches_known_ratios() {
        let black = Color::Rgb(0, 0, 0);
        let white = Color::Rgb(255, 255, 255);
        assert!((contrast(black, white).unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast(white, white).unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the classic just-passing grey (4.54:1).
        let grey = Color::Rgb(0x76, 0x76, 0x76);
        assert!((contrast(grey, white).unwrap() - 4.54).abs() < 0.01);
        assert_eq!(contrast(Color::Gray, white), None);
    }

    #[test]
    fn every_text_and_background_pair_of_every_theme_reaches_aa() {
        for name in ThemeName::ALL {
            let theme = Theme::named(name);
            let background = theme.base.bg.expect("a colour theme sets its background");
            assert!(
                !theme.text_styles().iter().any(|(_, s)| s
                    .add_modifier
                    .intersects(Modifier::DIM | Modifier::REVERSED)),
                "{name}: dim and reverse leave contrast to the terminal"
            );
            for (what, style) in theme.text_styles() {
                let fg = style.fg.expect("every style sets its colour");
                let bg = style.bg.unwrap_or(background);
                let ratio = contrast(fg, bg).expect("RGB colours");
                assert!(ratio >= 4.5, "{name} {what}: {ratio:.2}:1 is below 4.5:1");
            }
            let ratio = contrast(theme.base.fg.unwrap(), background).unwrap();
            assert!(ratio >= 4.5, "{name} base: {ratio:.2}");
        }
    }

    #[test]
    fn a_selected_row_gives_every_span_the_selected_colours() {
        let theme = Theme::DARK;
        let line = Line::from(vec![
            Span::styled("Journal", theme.title),
            Span::styled("  3 entries", theme.muted),
        ]);
        for span in theme.select(line).spans {
            assert_eq!(span.style.fg, theme.selected.fg, "{}", span.content);
            assert_eq!(span.style.bg, theme.selected.bg, "{}", span.content);
        }
    }
}
