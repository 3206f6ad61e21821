//! First run: what this is, that everything stays here, and how to name the ex. The safety check
//! follows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::content::PronounSet;
use crate::engine::Action;
use crate::tui::doc::Doc;
use crate::tui::effect::{EditTarget, Effect};
use crate::tui::keymap::Command;

use super::{CheckScreen, Screen, View, request_for};

/// The welcome screen's state: the name and pronouns chosen so far.
#[derive(Debug, Clone, PartialEq)]
pub struct WelcomeScreen {
    name: Option<String>,
    /// The sets offered: they, she, he, and the user's own when already set (`rekindle settings`
    /// before the first run), so finishing the welcome never drops it.
    choices: Vec<PronounSet>,
    pronouns: usize,
    focus: usize,
    scroll: std::cell::Cell<u16>,
    /// How the text is scrolled: to keep the focused choice in sight, or where PgUp/PgDn put it
    /// (on a small window, the welcome's first lines are above the choices).
    scrolling: Scrolling,
    /// The height last drawn, for a page of PgUp/PgDn.
    height: std::cell::Cell<u16>,
}

/// How the welcome's text is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scrolling {
    /// The focused choice stays in sight.
    ToFocus,
    /// Where the user scrolled it with PgUp/PgDn.
    ByHand,
}

impl WelcomeScreen {
    /// The welcome, starting from any settings already saved.
    pub fn new(view: &View) -> Self {
        let settings = &view.book.journey.settings;
        let mut choices = vec![PronounSet::They, PronounSet::She, PronounSet::He];
        if matches!(settings.pronouns, PronounSet::Custom(_)) {
            choices.push(settings.pronouns.clone());
        }
        Self {
            name: settings.ex_name.clone(),
            pronouns: choices
                .iter()
                .position(|p| *p == settings.pronouns)
                .unwrap_or(0),
            choices,
            focus: 0,
            scroll: Default::default(),
            scrolling: Scrolling::ToFocus,
            height: Default::default(),
        }
    }

    /// Takes the name typed in the editor.
    pub fn set_name(&mut self, text: String) -> Effect {
        let name = text.trim().to_string();
        self.name = (!name.is_empty()).then_some(name);
        self.focus = 1;
        Effect::None
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let page = self.height.get().saturating_sub(1).max(1);
        self.scrolling = match command {
            Command::PageUp | Command::PageDown => Scrolling::ByHand,
            _ => Scrolling::ToFocus,
        };
        match command {
            Command::PageUp => self.scroll.set(self.scroll.get().saturating_sub(page)),
            Command::PageDown => self.scroll.set(self.scroll.get().saturating_add(page)),
            Command::Up => self.focus = self.focus.saturating_sub(1),
            Command::Down | Command::NextField => self.focus = (self.focus + 1).min(2),
            Command::Left if self.focus == 1 => {
                self.pronouns = (self.pronouns + self.choices.len() - 1) % self.choices.len()
            }
            Command::Right if self.focus == 1 => {
                self.pronouns = (self.pronouns + 1) % self.choices.len()
            }
            Command::Enter => match self.focus {
                0 => {
                    return request_for(&EditTarget::ExName, view)
                        .map_or(Effect::None, Effect::Edit);
                }
                1 => self.pronouns = (self.pronouns + 1) % self.choices.len(),
                _ => {
                    return Effect::All(vec![
                        Effect::Apply(Action::Welcome {
                            ex_name: self.name.clone(),
                            pronouns: self.choices[self.pronouns].clone(),
                        }),
                        Effect::Replace(Screen::Check(CheckScreen::new(
                            crate::engine::SAFETY_CHECK,
                            view,
                            true,
                        ))),
                    ]);
                }
            },
            Command::Back => {
                return Effect::Notice("Press q to quit; nothing is lost.".to_string());
            }
            _ => {}
        }
        Effect::None
    }

    /// Draws the welcome text and the two choices.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let mut doc = Doc::new(area.width);
        doc.line(Line::styled(view.guide.title.clone(), theme.title));
        doc.blank();
        doc.text(&view.prose(&view.guide.welcome), theme.text, 0);
        doc.blank();

        doc.text(
            "The guide can use their name and pronouns. Both are optional.",
            theme.muted,
            0,
        );
        doc.blank();
        let name = self
            .name
            .clone()
            .unwrap_or_else(|| "(none: the guide says \"your ex\")".to_string());
        doc.start_item();
        doc.text(&format!("Their name: {name}"), theme.text, 2);
        doc.end_item(self.focus == 0, theme.selected);
        doc.start_item();
        doc.text(
            &format!("Pronouns: ‹ {} ›", self.choices[self.pronouns].describe()),
            theme.text,
            2,
        );
        doc.end_item(self.focus == 1, theme.selected);
        doc.blank();
        doc.start_item();
        doc.text("Continue to a few gentle safety questions", theme.accent, 2);
        doc.end_item(self.focus == 2, theme.selected);
        if let Some(note) = view.privacy.welcome_note() {
            doc.blank();
            doc.text(note, theme.muted, 0);
        }
        self.height.set(area.height);
        let focus = match self.scrolling {
            Scrolling::ToFocus => Some(self.focus),
            Scrolling::ByHand => None,
        };
        doc.render(focus, &self.scroll, area, buf);
    }
}
