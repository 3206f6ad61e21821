//! Every screen at 80×24, as text: the real app driven by keys, drawn on a test backend.

use crate::tui_support;

use rekindle::tui::theme::Theme;
use tui_support::{SCENARIOS, scenario};

macro_rules! snapshots {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let rig = scenario(stringify!($name), Theme::CALM);
                insta::assert_snapshot!(stringify!($name), rig.draw(80, 24).backend());
            }
        )*

        #[test]
        fn every_scenario_has_a_snapshot() {
            let snapped = [$(stringify!($name)),*];
            for name in SCENARIOS {
                assert!(snapped.contains(name), "{name} has no snapshot test");
            }
        }
    };
}

snapshots! {
    welcome,
    welcome_name_editor,
    welcome_pronouns,
    check_midway,
    check_concern_summary,
    home_reconcile,
    home_heal,
    step_space_answered,
    step_space_checklist,
    step_locked_reach_out,
    checklists_items,
    checklists_pairs,
    journal_empty,
    journal_entries,
    journal_entry_open,
    journal_delete_confirm,
    no_contact_not_started,
    no_contact_started,
    no_contact_log_break,
    library_list,
    library_faq,
    export,
    help_overlay,
    unsaved_overlay,
    not_saved,
}

#[test]
fn the_welcome_says_plain_files_can_be_read_and_how_to_lock_them_unless_they_are_locked() {
    use tui_support::{Rig, screen_text};
    let mut plain = Rig::new();
    let screen = screen_text(plain.draw(100, 40).backend().buffer());
    assert!(
        screen.contains("kept here as plain files") && screen.contains("rekindle encrypt"),
        "{screen}"
    );
    plain.app.encrypted = Some(std::path::PathBuf::from("/data"));
    let screen = screen_text(plain.draw(100, 40).backend().buffer());
    assert!(!screen.contains("plain files"), "{screen}");
    assert!(screen.contains("Continue to a few gentle safety questions"));
}

#[test]
fn on_a_small_window_pgup_and_pgdn_read_the_whole_welcome() {
    use tui_support::{Rig, screen_text};
    let mut rig = Rig::new();
    let first = screen_text(rig.draw(40, 12).backend().buffer());
    assert!(
        !first.contains("This is a quiet place"),
        "the choices are in sight first:\n{first}"
    );
    rig.press("<pgup><pgup><pgup><pgup><pgup>");
    let top = screen_text(rig.draw(40, 12).backend().buffer());
    assert!(top.contains("This is a quiet place"), "{top}");
    rig.press("<pgdn><pgdn><pgdn><pgdn><pgdn><pgdn><pgdn>");
    let bottom = screen_text(rig.draw(40, 12).backend().buffer());
    assert!(bottom.contains("rekindle encrypt"), "{bottom}");
    rig.press("<up>");
    let focused = screen_text(rig.draw(40, 12).backend().buffer());
    assert!(
        focused.contains("Pronouns"),
        "a choice is back in sight:\n{focused}"
    );
}
