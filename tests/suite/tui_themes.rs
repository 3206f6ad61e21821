//! The three colour themes on real screens: a style map of home in each (which text is drawn in
//! which style), every drawn cell of every scenario at WCAG AA contrast, and the hide and support
//! keys from the settings.

use crate::tui_support;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rekindle::config::{Keys, ThemeName, parse};
use rekindle::tui::app::Overlay;
use rekindle::tui::key_overrides::KeyOverrides;
use rekindle::tui::theme::{Theme, contrast};
use tui_support::{Rig, SCENARIOS, rows, scenario, screen_text};

/// One letter per style, in the order [`Theme::text_styles`] lists them.
const LETTERS: [char; 10] = ['t', 'm', 'T', 'S', 'd', 'l', 'a', 'e', 'b', 'k'];

fn hex(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => format!("{other:?}"),
    }
}

/// The style letter of a cell: the first theme style whose colours and weight it has; `.` for
/// the plain background with nothing on it, `?` for a cell no style explains.
fn letter(theme: &Theme, cell: &ratatui::buffer::Cell) -> char {
    let background = theme.base.bg.unwrap();
    let bold = cell.modifier.contains(Modifier::BOLD);
    for ((_, style), letter) in theme.text_styles().iter().zip(LETTERS) {
        let bg = style.bg.unwrap_or(background);
        let style_bold = style.add_modifier.contains(Modifier::BOLD);
        if Some(cell.fg) == style.fg && cell.bg == bg && bold == style_bold {
            return if cell.symbol() == " " && letter == 't' {
                '.'
            } else {
                letter
            };
        }
    }
    '?'
}

/// The screen's text, then the same grid with each cell's style letter, then a legend of the
/// styles used with their colours and contrast.
fn style_map(theme: &Theme, buf: &Buffer) -> (String, String) {
    let mut out = String::new();
    let mut used = Vec::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width)
            .map(|x| letter(theme, &buf[(x, y)]))
            .collect();
        for c in line.chars() {
            if !used.contains(&c) {
                used.push(c);
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    let grid = out.clone();
    out = format!("{}\n\n{out}\n", rows(buf).join("\n"));
    let background = theme.base.bg.unwrap();
    for ((name, style), letter) in theme.text_styles().iter().zip(LETTERS) {
        if !used.contains(&letter) {
            continue;
        }
        let (fg, bg) = (style.fg.unwrap(), style.bg.unwrap_or(background));
        out.push_str(&format!(
            "{letter} {name:<8} {} on {}  {:.1}:1{}\n",
            hex(fg),
            hex(bg),
            contrast(fg, bg).unwrap(),
            if style.add_modifier.contains(Modifier::BOLD) {
                " bold"
            } else {
                ""
            }
        ));
    }
    (grid, out)
}

#[test]
fn home_in_each_theme_shows_its_styles() {
    for name in ThemeName::ALL {
        let theme = Theme::named(name);
        let rig = scenario("home_reconcile", theme);
        let terminal = rig.draw(80, 24);
        let (grid, map) = style_map(&theme, terminal.backend().buffer());
        assert!(
            !grid.contains('?'),
            "{name}: a cell in no theme style\n{map}"
        );
        insta::assert_snapshot!(format!("home_{name}"), map);
    }
}

#[test]
fn every_cell_of_every_screen_reaches_aa_contrast_in_every_theme() {
    for name in ThemeName::ALL {
        let theme = Theme::named(name);
        for screen in SCENARIOS {
            let rig = scenario(screen, theme);
            let terminal = rig.draw(80, 24);
            let buf = terminal.backend().buffer();
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let cell = &buf[(x, y)];
                    if cell.symbol() == " " {
                        continue;
                    }
                    let ratio = contrast(cell.fg, cell.bg);
                    assert!(
                        ratio.is_some_and(|r| r >= 4.5),
                        "{name} {screen}: {:?} at {x},{y} is {} on {} ({ratio:?})\n{}",
                        cell.symbol(),
                        hex(cell.fg),
                        hex(cell.bg),
                        screen_text(buf)
                    );
                }
            }
        }
    }
}

#[test]
fn hints_are_drawn_in_the_muted_style_not_dimmed() {
    for name in ThemeName::ALL {
        let theme = Theme::named(name);
        let rig = scenario("home_reconcile", theme);
        let terminal = rig.draw(80, 24);
        let buf = terminal.backend().buffer();
        let footer = buf.area.height - 1;
        let (x, _) = tui_support::find(buf, " continue").expect("the footer hints");
        let cell = &buf[(x + 1, footer)];
        assert_eq!(Some(cell.fg), theme.muted.fg, "{name}");
        assert!(!cell.modifier.contains(Modifier::DIM), "{name}");
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

#[test]
fn inside_tmux_ctrl_b_is_left_alone_and_f12_still_hides() {
    let mut rig = Rig::welcomed();
    rig.app.keys = KeyOverrides::new(&Keys::default(), true);
    rig.app
        .on_event(key(KeyCode::Char('b'), KeyModifiers::CONTROL));
    assert_eq!(rig.app.overlay, None);
    rig.app.on_event(key(KeyCode::F(12), KeyModifiers::NONE));
    assert_eq!(rig.app.overlay, Some(Overlay::Hidden));
    let mut outside = Rig::welcomed();
    outside
        .app
        .on_event(key(KeyCode::Char('b'), KeyModifiers::CONTROL));
    assert_eq!(outside.app.overlay, Some(Overlay::Hidden));
}

#[test]
fn keys_from_the_settings_hide_and_show_support_even_while_writing() {
    let config = parse(
        "config.toml",
        "[keys]\nhide = \"ctrl-g\"\nsupport = \"F2\"\n",
    )
    .unwrap();
    let mut rig = Rig::welcomed();
    rig.app.keys = KeyOverrides::new(&config.keys, false);
    rig.press("J");
    rig.press("n");
    rig.press("hello");
    assert!(rig.app.editor.is_some(), "the journal editor is open");
    rig.app.on_event(key(KeyCode::F(12), KeyModifiers::NONE));
    assert_eq!(rig.app.overlay, None, "F12 no longer hides");
    rig.app.on_event(key(KeyCode::F(2), KeyModifiers::NONE));
    assert_eq!(rig.app.overlay, Some(Overlay::Support));
    rig.press("x");
    rig.app
        .on_event(key(KeyCode::Char('g'), KeyModifiers::CONTROL));
    assert_eq!(rig.app.overlay, Some(Overlay::Hidden));
    rig.press("x");
    assert_eq!(rig.app.overlay, None);
    let text = rig
        .app
        .editor
        .as_ref()
        .map(|e| e.text())
        .unwrap_or_default();
    assert_eq!(text, "hello", "the keys did not reach the text");
}

#[test]
fn the_help_overlay_names_the_keys_in_force() {
    let config = parse("config.toml", "[keys]\nhide = [\"ctrl-g\", \"F10\"]\n").unwrap();
    let mut rig = Rig::welcomed();
    rig.app.keys = KeyOverrides::new(&config.keys, false);
    rig.press("?");
    let terminal = rig.draw(80, 40);
    let text = screen_text(terminal.backend().buffer());
    assert!(
        text.contains("Ctrl-G/F10  hide the screen at once"),
        "{text}"
    );
    assert!(!text.contains("F12") && !text.contains("Ctrl-B"), "{text}");
    assert!(text.contains("F1  where to find support now"), "{text}");
}

#[test]
fn the_help_on_a_step_names_its_id_for_the_command_line() {
    let mut rig = Rig::welcomed();
    rig.press("<enter>?");
    let terminal = rig.draw(100, 40);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("This step's id is space:"), "{text}");
    assert!(text.contains("rekindle export --step space"), "{text}");
}
