//! Cell-level checks where colour or exact placement matters: snapshots show text only.

use crate::tui_support;

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use rekindle::tui::theme::Theme;
use tui_support::{Rig, SCENARIOS, find, row_text, scenario, screen_text};

fn selected_bg() -> Color {
    Theme::CALM
        .selected
        .bg
        .expect("the calm theme colours the selection")
}

#[test]
fn the_selected_home_row_has_the_selected_background() {
    let rig = Rig::welcomed();
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "○ Give it space").expect("the first step is listed");
    for col in x..x + 10 {
        assert_eq!(buf[(col, y)].bg, selected_bg(), "cell {col},{y}");
    }
    let (x, y) = find(buf, "○ Grow for yourself").expect("the second step is listed");
    assert_ne!(buf[(x, y)].bg, selected_bg());
}

#[test]
fn moving_down_moves_the_selected_background() {
    let mut rig = Rig::welcomed();
    rig.press("<down>");
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "○ Grow for yourself").unwrap();
    assert_eq!(buf[(x + 2, y)].bg, selected_bg());
    let (x, y) = find(buf, "○ Give it space").unwrap();
    assert_ne!(buf[(x + 2, y)].bg, selected_bg());
}

#[test]
fn a_locked_step_on_home_shows_its_reason_under_it_in_the_locked_style() {
    let rig = Rig::welcomed();
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "· Reach out lightly").expect("reach-out is listed");
    assert_eq!(buf[(x, y)].fg, Theme::CALM.locked.fg.unwrap());
    // The reason is whole on its first line; the count of the others takes the second.
    let reason = row_text(buf, y + 1);
    assert!(
        reason.contains("Opens when \"Look back honestly\" is done."),
        "{reason:?}"
    );
    let more = row_text(buf, y + 2);
    assert!(more.trim_start().starts_with("(+2 more)"), "{more:?}");
    let (rx, ry) = find(buf, "Opens when").unwrap();
    assert_eq!(ry, y + 1);
    assert_eq!(buf[(rx, ry)].fg, Theme::CALM.muted.fg.unwrap());
}

#[test]
fn ticking_an_item_on_a_step_shows_it_ticked() {
    let mut rig = scenario("step_space_checklist", Theme::CALM);
    let before = rig.draw(80, 24);
    assert!(find(before.backend().buffer(), "[ ] Pleading").is_some());
    rig.press("<space>");
    let after = rig.draw(80, 24);
    let buf = after.backend().buffer();
    assert!(find(buf, "[x] Pleading").is_some(), "{}", screen_text(buf));
    assert!(rig.app.book.journey.is_ticked("mistakes", "begging"));
    rig.press("<space>");
    assert!(find(rig.draw(80, 24).backend().buffer(), "[ ] Pleading").is_some());
    assert!(!rig.app.book.journey.is_ticked("mistakes", "begging"));
}

#[test]
fn a_ticked_item_on_the_checklists_screen_is_marked_and_coloured_done() {
    // The scenario ticks the first item and moves down, so the ticked row is not selected.
    let rig = scenario("checklists_items", Theme::CALM);
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "[x] ").expect("a ticked item");
    assert_eq!(buf[(x + 4, y)].fg, Theme::CALM.done.fg.unwrap());
    let (x, y) = find(buf, "[ ] ").expect("an unticked, selected item");
    assert_eq!(buf[(x + 4, y)].bg, selected_bg());
}

#[test]
fn the_plain_theme_draws_no_colour_anywhere() {
    for name in SCENARIOS {
        let rig = scenario(name, Theme::PLAIN);
        let terminal = rig.draw(80, 24);
        let buf = terminal.backend().buffer();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let cell = &buf[(x, y)];
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name}: cell {x},{y} {:?} has fg {:?} bg {:?}\n{}",
                    cell.symbol(),
                    cell.fg,
                    cell.bg,
                    screen_text(buf)
                );
            }
        }
    }
}

/// The editor window's left and right border columns and its top and bottom rows.
fn editor_frame(buf: &Buffer, title: &str) -> (u16, u16, u16, u16) {
    let (tx, top) = find(buf, title).expect("the editor title");
    let left = tx - 1;
    let right = (left + 1..buf.area.width)
        .find(|&x| buf[(x, top)].symbol() == "╮")
        .expect("the editor's top right corner");
    let bottom = (top + 1..buf.area.height)
        .find(|&y| buf[(left, y)].symbol() == "╰")
        .expect("the editor's bottom left corner");
    (left, right, top, bottom)
}

#[test]
fn emoji_in_an_answer_keep_the_editor_border_straight() {
    let mut rig = Rig::welcomed();
    let wide = "🌱🙂✨💛 ".repeat(20);
    rig.press(&format!("<enter><enter>{wide}<enter>日本語のテキスト 🌱"));
    for (w, h) in [(80, 24), (41, 12), (57, 20)] {
        let terminal = rig.draw(w, h);
        let buf = terminal.backend().buffer();
        let (left, right, top, bottom) = editor_frame(buf, " What do you hope");
        let (_, emoji_row) = find(buf, "🌱🙂").expect("the emoji are drawn");
        assert!(emoji_row > top && emoji_row < bottom);
        for y in top + 1..bottom {
            assert_eq!(buf[(left, y)].symbol(), "│", "{w}x{h} left border, row {y}");
            assert_eq!(
                buf[(right, y)].symbol(),
                "│",
                "{w}x{h} right border, row {y}:\n{}",
                screen_text(buf)
            );
        }
    }
}

#[test]
fn a_saved_emoji_answer_stays_inside_the_step_screen() {
    let rig = scenario("step_space_answered", Theme::CALM);
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "I need room 🌱🙂").expect("the answer is shown");
    assert_eq!(x, 5, "answers are indented under their prompt");
    assert!(row_text(buf, y + 1).contains("and time to breathe ✨"));
}

#[test]
fn what_is_not_saved_shows_in_the_error_style_in_header_and_footer() {
    let rig = scenario("not_saved", Theme::CALM);
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "● not saved").unwrap();
    assert_eq!((y, buf[(x, y)].fg), (0, Theme::CALM.error.fg.unwrap()));
    // Too long for one line, it takes two: "your words are kept" is never cut away.
    let (x, y) = find(buf, "Not saved yet: your progress").unwrap();
    assert_eq!((y, buf[(x, y)].fg), (22, Theme::CALM.error.fg.unwrap()));
    let (x, y) = find(buf, "your words are kept.").unwrap();
    assert_eq!((y, buf[(x, y)].fg), (23, Theme::CALM.error.fg.unwrap()));
}

#[test]
fn the_no_contact_count_is_in_the_header_once_started() {
    let rig = scenario("no_contact_started", Theme::CALM);
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    let header = row_text(buf, 0);
    assert!(
        header.trim_end().ends_with("no contact: day 6 of 21"),
        "{header:?}"
    );
    let (x, y) = find(buf, "no contact: day 6").unwrap();
    assert_eq!((y, buf[(x, y)].fg), (0, Theme::CALM.accent.fg.unwrap()));
}

#[test]
fn a_locked_step_says_why_in_a_tall_window() {
    let rig = scenario("step_locked_reach_out", Theme::CALM);
    let terminal = rig.draw(80, 50);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "Not open yet:").expect("the reasons are shown");
    assert_eq!(buf[(x, y)].fg, Theme::CALM.locked.fg.unwrap());
    let text = screen_text(buf);
    assert!(
        text.contains("Opens after your no-contact review"),
        "{text}"
    );
    assert!(text.contains("not a strategy"), "{text}");
}

#[test]
fn a_locked_step_says_why_at_80x24() {
    let rig = scenario("step_locked_reach_out", Theme::CALM);
    let terminal = rig.draw(80, 24);
    let buf = terminal.backend().buffer();
    assert!(find(buf, "Not open yet:").is_some(), "{}", screen_text(buf));
}
