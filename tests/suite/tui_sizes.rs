//! Small and odd window sizes: the "make it larger" message, and no panic anywhere.

use crate::tui_support;

use rekindle::tui::frame::{MIN_HEIGHT, MIN_WIDTH};
use rekindle::tui::theme::Theme;
use tui_support::{Rig, SCENARIOS, rows, scenario};

#[test]
fn just_below_the_minimum_asks_for_a_larger_window() {
    let rig = Rig::welcomed();
    let terminal = rig.draw(MIN_WIDTH - 1, MIN_HEIGHT - 1);
    insta::assert_snapshot!("too_small_39x11", terminal.backend());
}

#[test]
fn a_tiny_window_shows_as_much_of_the_message_as_fits() {
    let rig = Rig::welcomed();
    let terminal = rig.draw(20, 5);
    insta::assert_snapshot!("too_small_20x5", terminal.backend());
}

#[test]
fn one_cell_short_in_either_direction_is_too_small() {
    let rig = Rig::welcomed();
    for (w, h) in [(MIN_WIDTH - 1, MIN_HEIGHT), (MIN_WIDTH, MIN_HEIGHT - 1)] {
        let terminal = rig.draw(w, h);
        let top = &rows(terminal.backend().buffer())[0];
        assert!(
            top.starts_with("Please make the window larger"),
            "{w}x{h}: {top}"
        );
    }
    let terminal = rig.draw(MIN_WIDTH, MIN_HEIGHT);
    let text = rows(terminal.backend().buffer()).join("\n");
    assert!(!text.contains("Please make the window larger"), "{text}");
}

#[test]
fn no_screen_panics_in_a_tiny_window() {
    for name in SCENARIOS {
        let rig = scenario(name, Theme::CALM);
        for (w, h) in [(1, 1), (2, 2), (10, 3)] {
            let terminal = rig.draw(w, h);
            let top = &rows(terminal.backend().buffer())[0];
            assert!(
                "Please make the window larger".starts_with(top.trim_end().trim_end_matches('…')),
                "{name} at {w}x{h} drew {top:?}"
            );
        }
    }
}

#[test]
fn no_screen_panics_at_the_smallest_size_drawn_or_when_large() {
    for name in SCENARIOS {
        let rig = scenario(name, Theme::CALM);
        for (w, h) in [
            (MIN_WIDTH, MIN_HEIGHT),
            (MIN_WIDTH + 1, MIN_HEIGHT + 1),
            (71, 20),
            (72, 20),
            (200, 60),
        ] {
            rig.draw(w, h);
        }
    }
}

#[test]
fn every_screen_still_draws_a_full_frame_after_drawing_small() {
    // Screens keep their scroll between frames, so a resize may move the view; it must never
    // leave the body empty or lose the header and footer.
    for name in SCENARIOS {
        let rig = scenario(name, Theme::CALM);
        let big = rows(rig.draw(80, 24).backend().buffer());
        rig.draw(MIN_WIDTH, MIN_HEIGHT);
        rig.draw(1, 1);
        let again = rows(rig.draw(80, 24).backend().buffer());
        assert_eq!(big[0], again[0], "{name}: header");
        assert_eq!(big[23], again[23], "{name}: footer");
        assert!(
            again[2..23].iter().any(|r| !r.trim().is_empty()),
            "{name}: empty body after a small frame"
        );
    }
}
