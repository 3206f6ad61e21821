//! `rekindle import -` on a terminal, as a person would meet it: typed at a prompt with nothing
//! piped in, it says how to pipe an export in and waits for nothing; with an export piped in, it
//! imports it.

use crate::cli_support::Sandbox;
use crate::e2e_support::{Tmux, binary};

#[test]
fn import_dash_on_a_terminal_explains_and_a_piped_export_is_imported() {
    let sb = Sandbox::new();
    let file = sb.export_file("three.json", crate::cli_support::THREE_MONTHS);
    let data = sb.data();
    let tmux = Tmux::new("import-stdin");
    let run = format!(
        "env -u NO_COLOR -u REKINDLE_CONFIG XDG_CONFIG_HOME='{home}/.config' TZ=UTC0 \
         REKINDLE_DATA_DIR='{data}'",
        home = sb.tmp.path().display(),
        data = data.display(),
    );
    let bin = binary();
    let command = format!(
        "{run} '{bin}' import -; echo FIRST=$?; {run} '{bin}' import - < '{file}'; \
         echo SECOND=$?; sleep 30",
        bin = bin.display(),
        file = file.display(),
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    let screen = tmux.wait_for("SECOND=");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("import - reads an export from stdin: pipe one in"),
        "{screen}"
    );
    assert!(flat.contains("Nothing was imported."), "{screen}");
    assert!(flat.contains("FIRST=1"), "{screen}");
    assert!(
        flat.contains("Imported 3 entries from rekindle export (0 already there, skipped)"),
        "{screen}"
    );
    assert!(flat.contains("SECOND=0"), "{screen}");
    assert_eq!(
        std::fs::read_dir(data.join("journal"))
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".json")
                && !e
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with('.'))
            .count(),
        3,
        "three month files"
    );
}
