//! Drawing the whole app: header, the screen, the footer of key hints, and any overlay.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Overlay};
use super::keymap;
use super::text::truncate;
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
            Constraint::Length(1),
        ])
        .areas(area);
        let body = body.inner(ratatui::layout::Margin::new(1, 0));
        render_header(self, &view, header, buf);
        self.screen.render(&view, body, buf);
        render_footer(self, footer, buf);
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
    let left_width = width.saturating_sub(super::text::width(&right) + 3);
    let left = truncate(&format!(" rekindle · {title}"), left_width);
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

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if let Some(notice) = &app.notice {
        Line::styled(
            truncate(&format!(" {notice}"), usize::from(area.width)),
            theme.accent,
        )
        .render(area, buf);
        return;
    }
    if let Some(first) = app.unsaved.first() {
        let text = format!(
            " Not saved yet: {} ({}). Trying again; your words are kept.",
            first.what.describe(),
            first.problem
        );
        Line::styled(truncate(&text, usize::from(area.width)), theme.error).render(area, buf);
        return;
    }
    // The keys every screen has (back, help, quit) keep their place at the end; the screen's own
    // hints take the room before them.
    // Home has nothing to go back to, so its room goes to its own keys. Undo is offered only
    // while there is something to undo, and then keeps its place too.
    let home = app.screen_kind() == keymap::ScreenKind::Home;
    let (global, own): (Vec<_>, Vec<_>) = keymap::hints(app.screen_kind())
        .into_iter()
        .filter(|h| h.command != keymap::Command::Undo || app.can_undo())
        .filter(|h| !(home && h.command == keymap::Command::Back))
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
                "While writing: Ctrl-S saves, Esc closes. Any key closes this.",
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
                Line::styled("s save · d discard · Esc keep writing", theme.key),
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
    Clear.render(window, buf);
    buf.set_style(window, theme.base);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
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
