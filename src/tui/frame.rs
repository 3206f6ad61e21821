//! Drawing the whole app: header, the screen, the footer of key hints, and any overlay.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Overlay};
use super::keymap;
use crate::visible::{is_hostile, picture};

/// Below this size the app asks for a larger window instead of drawing.
pub const MIN_WIDTH: u16 = 40;
/// Below this height the app asks for a larger window.
pub const MIN_HEIGHT: u16 = 12;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.overlay == Some(Overlay::Hidden) {
            Clear.render(area, buf);
            return;
        }
        if let Some(Overlay::Locked(screen)) = &self.overlay {
            Clear.render(area, buf);
            screen.render(&self.theme, area, buf);
            return;
        }
        buf.set_style(area, self.theme.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(area, buf);
            return;
        }
        let view = self.view();
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(footer_height(self, area.width)),
        ])
        .areas(area);
        let body = measure(
            body.inner(ratatui::layout::Margin::new(1, 0)),
            self.screen_kind(),
        );
        render_header(self, &view, header, buf);
        self.screen.render(&view, body, buf);
        render_footer(self, &view, footer, buf);
        if let Some(editor) = &self.editor {
            editor.render(&self.theme, area, buf);
        }
        if let Some(overlay) = &self.overlay {
            render_overlay(self, overlay, area, buf);
        }
        show_controls(area, buf);
    }
}

/// The last pass over every frame: a cell holding a character the terminal would obey instead
/// of show (see [`crate::visible`]) shows its one-cell picture. Ratatui's own text widgets drop
/// such characters before they reach a cell, and our screens show them through
/// [`super::text`]; this pass keeps the rule for any widget or cell written another way.
fn show_controls(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(is_hostile) {
                let shown: String = cell.symbol().chars().map(picture).collect();
                cell.set_symbol(&shown);
            }
        }
    }
}

/// How wide a screen's text runs on a wide window: about 80 columns reads comfortably; home,
/// with its two columns, may take more.
const MEASURE: u16 = 80;
/// The widest home runs on a wide window.
const HOME_MEASURE: u16 = 110;
/// A body wider than this is a wide window, where the measure applies; up to it, text uses the
/// whole width (a 100-column terminal reads as it always did).
const WIDE: u16 = 100;

/// The body narrowed to a comfortable measure and centred, on a wide window.
fn measure(body: Rect, screen: keymap::ScreenKind) -> Rect {
    let most = if screen == keymap::ScreenKind::Home {
        HOME_MEASURE
    } else {
        MEASURE
    };
    if body.width <= WIDE.max(most) {
        return body;
    }
    body.centered_horizontally(Constraint::Length(most))
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let text = "Please make the window larger (at least 40×12).";
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

fn render_header(app: &App, view: &super::screens::View, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let title = app.screen.title(view);
    let count = match &view.book.journey.no_contact {
        Some(record) => {
            let count = record.progress(view.now);
            format!("no contact: {}", count.headline())
        }
        None => String::new(),
    };
    let mark = if !app.unsaved.is_empty() {
        "● not saved"
    } else if app.read_only {
        "read-only"
    } else {
        ""
    };
    let right = match (mark.is_empty(), count.is_empty()) {
        (true, _) => count,
        (false, true) => mark.to_string(),
        (false, false) => format!("{mark} · {count}"),
    };
    let right_style = if app.unsaved.is_empty() {
        theme.accent
    } else {
        theme.error
    };
    let width = usize::from(area.width);
    // The longest name that fits (the full title, the short one, then the short one alone),
    // the right side shortened first.
    let short = app.screen.short_title(view);
    let short_right = right.replacen("no contact: ", "", 1);
    let shortest_right = short_right
        .split(", ")
        .next()
        .unwrap_or_default()
        .to_string();
    let (left, right) = super::text::fit_sides(
        &[
            format!(" rekindle · {title}"),
            format!(" rekindle · {short}"),
            format!(" {short}"),
        ],
        &[right, short_right, shortest_right],
        width,
    );
    let gap = width.saturating_sub(super::text::width(&left) + super::text::width(&right) + 1);
    let line = Line::from(vec![
        Span::styled(left, theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, right_style),
    ]);
    line.render(Rect { height: 1, ..area }, buf);
    let rule = "─".repeat(width);
    Line::styled(rule, theme.border).render(
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );
}

/// The hints the footer may show on the current screen, as many as fit of them: each is a key
/// that does something here now (Home has nothing to go back to; undo only with something to
/// undo; a screen's own keys only when it [offers](super::screens::Screen::offers) them).
pub fn footer_hints(app: &App, view: &super::screens::View) -> Vec<&'static keymap::Binding> {
    let home = app.screen_kind() == keymap::ScreenKind::Home;
    keymap::hints(app.screen_kind())
        .into_iter()
        .filter(|h| h.command != keymap::Command::Undo || app.can_undo())
        .filter(|h| app.screen.offers(h.command, view))
        .filter(|h| !(home && h.command == keymap::Command::Back))
        .collect()
}

/// A notice (or what is not saved) too long for one line takes a second, so no reason after the
/// first is cut away.
fn footer_height(app: &App, width: u16) -> u16 {
    let said = app.notice.clone().or_else(|| unsaved_words(app));
    said.map_or(1, |said| footer_lines(&said, width, 2).len() as u16)
}

/// What the footer says while a change is not saved yet.
fn unsaved_words(app: &App) -> Option<String> {
    app.unsaved.first().map(|first| {
        format!(
            "Not saved yet: {} ({}). Trying again; your words are kept.",
            first.what.describe(),
            first.problem
        )
    })
}

/// `notice` in at most `height` footer lines, one cell in from the left.
fn footer_lines(notice: &str, width: u16, height: u16) -> Vec<String> {
    super::text::clip(
        notice,
        usize::from(width).saturating_sub(1),
        usize::from(height.max(1)),
    )
}

fn render_footer(app: &App, view: &super::screens::View, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if app.overlay.is_some() {
        // A dialog or window says its own keys; the screen's do not work under it.
        return;
    }
    if let Some(notice) = &app.notice {
        let lines = footer_lines(notice, area.width, area.height);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.accent))
            .collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    if let Some(text) = unsaved_words(app) {
        let lines: Vec<Line> = footer_lines(&text, area.width, area.height)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.error))
            .collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let typed_line = match app.screen_kind() {
        keymap::ScreenKind::Journal => vec![("Enter", "keep the search"), ("Esc", "clear it")],
        _ => vec![("Enter", "done"), ("Esc", "back")],
    };
    let typing = match &app.editor {
        Some(editor) => Some(editor.footer_keys()),
        // A screen's own line of text (the journal's search) takes every letter as text.
        None if app.screen.takes_text() => Some(typed_line),
        None => None,
    };
    if let Some(mut keys) = typing {
        // While typing, only the keys that work while typing.
        let rows = app.keys.help_rows();
        keys.extend(rows.iter().map(|(keys, what)| {
            let word = if what.starts_with("hide") {
                "hide"
            } else {
                "support"
            };
            (keys.as_str(), word)
        }));
        render_key_line(app, &keys, area, buf);
        return;
    }
    // The keys every screen has (back, help, quit) keep their place at the end; the screen's own
    // hints take the room before them.
    // Home has nothing to go back to, so its room goes to its own keys. Undo is offered only
    // while there is something to undo, and then keeps its place too.
    let (global, own): (Vec<_>, Vec<_>) = footer_hints(app, view)
        .into_iter()
        .partition(|h| h.screens.is_empty() || h.command == keymap::Command::Undo);
    let piece =
        |h: &keymap::Binding| super::text::width(h.label) + super::text::width(footer_words(h)) + 3;
    // The last hint's two trailing spaces need no room.
    let reserved: usize = global.iter().map(&piece).sum::<usize>().saturating_sub(2);
    let width = usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let shown = own
        .into_iter()
        .filter(|h| {
            let fits = used + piece(h) + reserved <= width;
            used += if fits { piece(h) } else { 0 };
            fits
        })
        .collect::<Vec<_>>()
        .into_iter()
        .chain(global.into_iter().filter(|h| {
            let fits = used + piece(h) - 2 <= width;
            used += if fits { piece(h) } else { 0 };
            fits
        }));
    for hint in shown {
        spans.push(Span::styled(hint.label, theme.key));
        spans.push(Span::styled(
            format!(" {}  ", footer_words(&hint)),
            theme.muted,
        ));
    }
    Line::from(spans).render(area, buf);
}

/// A footer of keys and what they do, as many as fit.
fn render_key_line(app: &App, keys: &[(&str, &str)], area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, what) in keys {
        let piece = super::text::width(key) + super::text::width(what) + 3;
        if used + piece - 2 > usize::from(area.width) {
            break;
        }
        used += piece;
        spans.push(Span::styled(key.to_string(), theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.muted));
    }
    Line::from(spans).render(area, buf);
}

/// A hint's words in the footer: its description, shortened where `?` says more.
fn footer_words(hint: &keymap::Binding) -> &'static str {
    match hint.command {
        keymap::Command::Undo => "undo",
        _ => hint.description,
    }
}

fn render_overlay(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (title, lines): (&str, Vec<Line>) = match overlay {
        Overlay::Help => {
            let row = |label: &str, description: &'static str| {
                Line::from(vec![
                    Span::styled(format!("{label:>8}  "), theme.key),
                    Span::raw(description),
                ])
            };
            let mut lines: Vec<Line> = keymap::for_screen(app.screen_kind())
                .into_iter()
                .filter(|b| !app.keys.replaces(b))
                .map(|b| row(b.label, b.description))
                .collect();
            let overridden = app.keys.help_rows();
            lines.extend(overridden.iter().map(|(keys, what)| row(keys, what)));
            lines.push(Line::default());
            // The id the command line takes for this step (`--step`), shown nowhere else.
            if let super::screens::Screen::Step(step) = &app.screen {
                lines.push(Line::styled(
                    format!(
                        "This step's id is {0}: `rekindle export --step {0}` exports its \
                         entries and answers; `rekindle steps` lists them all.",
                        step.id
                    ),
                    theme.muted,
                ));
            }
            lines.push(Line::styled(
                "While writing: Ctrl-S saves, Esc closes, Ctrl-W deletes a word. ↑↓ scroll this; \
                 any other key closes it.",
                theme.muted,
            ));
            ("Keys", lines)
        }
        Overlay::Confirm { question, .. } => (
            "Are you sure?",
            vec![
                Line::raw(question.clone()),
                Line::default(),
                Line::styled("y yes · n no", theme.key),
            ],
        ),
        Overlay::Unsaved { .. } => (
            "Unsaved text",
            vec![
                Line::raw("You have written something that is not saved yet."),
                Line::default(),
                Line::styled(
                    "s save · d discard · q quit, keeping it as a draft · Esc keep writing",
                    theme.key,
                ),
            ],
        ),
        Overlay::Hidden | Overlay::Locked(_) => ("", Vec::new()),
        Overlay::Support => {
            let view = app.view();
            let page = app.guide.page(&app.guide.help_page);
            let mut lines = Vec::new();
            // The user's own region's numbers come before everything else.
            if let Some(region) = view
                .book
                .journey
                .profile
                .get(crate::engine::REGION_KEY)
                .and_then(|id| app.guide.tools.regions.iter().find(|r| &r.id == id))
            {
                lines.push(Line::styled(region.name.clone(), theme.title));
                let numbers: Vec<String> = region
                    .lines
                    .iter()
                    .map(|l| format!("{} {}", l.organisation, l.number))
                    .collect();
                lines.push(Line::raw(numbers.join(" · ")));
            }
            for section in page.map(|p| p.sections.as_slice()).unwrap_or_default() {
                lines.push(Line::styled(view.fill(&section.heading), theme.title));
                // The first paragraph of each section, so the whole overlay fits; `!` opens the
                // full page.
                let body = view.prose(&section.body);
                lines.push(Line::raw(
                    body.split("\n\n").next().unwrap_or_default().to_string(),
                ));
            }
            lines.push(Line::styled(
                "Any key closes this; your text is kept.",
                theme.muted,
            ));
            ("Where to find support now", lines)
        }
        Overlay::Kept(text) => (
            "Your words are kept",
            vec![
                Line::raw(text.clone()),
                Line::default(),
                Line::styled("Any key closes this.", theme.muted),
            ],
        ),
        Overlay::Error(error) => (
            "Something went wrong",
            vec![
                Line::styled(error.clone(), theme.error),
                Line::default(),
                Line::styled("Your text is still here. Any key closes this.", theme.muted),
            ],
        ),
    };
    let width = match overlay {
        Overlay::Support => area.width.saturating_sub(2),
        _ => area.width * 4 / 5,
    };
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let wrapped: usize = lines
        .iter()
        .map(|l| super::text::wrap(&l.to_string(), inner).len().max(1))
        .sum();
    let height = u16::try_from(wrapped + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let window = area.centered(Constraint::Length(width), Constraint::Length(height));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    // Only the keys overlay scrolls; the others are short, or say what matters first.
    let most = u16::try_from(paragraph.line_count(width.saturating_sub(2)) + 2)
        .unwrap_or(u16::MAX)
        .saturating_sub(window.height);
    let top = if matches!(overlay, Overlay::Help) {
        app.help_scroll.1.set(most);
        app.help_scroll.0.min(most)
    } else {
        0
    };
    Clear.render(window, buf);
    buf.set_style(window, theme.base);
    paragraph
        .scroll((top, 0))
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border)
                .title(Line::styled(format!(" {title} "), theme.title)),
        )
        .render(window, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_written_straight_into_a_cell_is_shown_as_its_picture() {
        let area = Rect::new(0, 0, 4, 1);
        let mut buf = Buffer::empty(area);
        buf[(0, 0)].set_symbol("\u{1b}");
        buf[(1, 0)].set_symbol("\u{9b}");
        buf[(2, 0)].set_symbol("\u{202e}");
        buf[(3, 0)].set_symbol("a");
        show_controls(area, &mut buf);
        let shown: Vec<&str> = buf.content().iter().map(|c| c.symbol()).collect();
        assert_eq!(shown, ["␛", "\u{fffd}", "\u{fffd}", "a"]);
    }
}
