//! The integration tests, in one test binary (one link instead of one per file: the debug
//! build stays small and quick to link). Each file is one area; `cargo test --test suite
//! tui_screens::` runs one of them.

mod cli_support;
mod e2e_support;
mod engine_support;
mod export_support;
mod own_editor_support;
mod tui_support;

mod backup_large;
mod backup_restore;
mod broken_packs;
mod cli_commands;
mod cli_damage;
mod cli_delete_everything;
mod cli_journal_list;
mod cli_journey;
mod cli_lock;
mod cli_personal_settings;
mod cli_settings;
mod cli_wellbeing;
mod crash_sigkill;
mod crash_tui;
mod default_pack;
mod e2e_backup;
mod e2e_delete_everything;
mod e2e_disk_full;
mod e2e_import_stdin;
mod e2e_journey;
mod e2e_own_editor;
mod e2e_packed_months;
mod e2e_reading;
mod e2e_search_big_month;
mod e2e_settings;
mod e2e_settings_screen;
mod e2e_tmux;
mod e2e_undo;
mod e2e_urge;
mod e2e_words;
mod edge_dates;
mod encryption_cli;
mod encryption_e2e;
mod encryption_idle;
mod engine_flow;
mod engine_journey;
mod engine_undo;
mod engine_wellbeing;
mod export_corrections;
mod export_filter;
mod export_formats;
mod export_import;
mod export_promise;
mod export_stream;
mod export_target;
mod export_wellbeing;
mod fuzz_regressions;
mod hostile_text;
mod import_bounded;
mod import_checks;
mod import_scale;
mod inbox_filing;
mod journal_add_month;
mod journal_add_waiting;
mod journal_index;
mod own_editor_files;
mod pack_scale;
mod plain_mode;
mod store_broken;
mod store_files;
mod store_keeps;
mod store_properties;
mod tui_backup;
mod tui_behaviour;
mod tui_cells;
mod tui_export;
mod tui_journey;
mod tui_loader;
mod tui_navigation;
mod tui_own_editor;
mod tui_screens;
mod tui_search;
mod tui_settings;
mod tui_sizes;
mod tui_themes;
mod tui_undo;
mod tui_wellbeing;
mod untrusted_files;
mod words;

/// A test file added to this folder but not named above would never be compiled or run.
#[test]
fn every_file_in_the_suite_is_compiled() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suite");
    let main = std::fs::read_to_string(folder.join("main.rs")).unwrap();
    let declared: Vec<&str> = main
        .lines()
        .filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(';'))
        .collect();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap();
        let is_module = path.extension().is_some_and(|e| e == "rs") || path.join("mod.rs").exists();
        if is_module && name != "main" {
            assert!(
                declared.contains(&name),
                "tests/suite/{name} is not declared in main.rs"
            );
        }
    }
}
