//! The command-line conventions and the settings file, through the real binary: exit codes,
//! `--version` anywhere, dates and step ids that say what is expected, `steps`, completions and
//! the man page, and `config.toml` (found, checked, refused whole when broken, and applied).

use crate::cli_support;

use std::fs;

use cli_support::{Sandbox, stderr, stdout};
use rekindle::config::{Config, parse};

fn write_config(sandbox: &Sandbox, text: &str) -> std::path::PathBuf {
    let path = sandbox.file("config.toml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_usage_error_exits_2_and_a_failure_exits_1() {
    let sandbox = Sandbox::new();
    for args in [
        &["--no-such-flag"][..],
        &["export", "--format", "pdf"],
        &["journal", "add", "--mood", "9", "hi"],
        &["completions", "tcsh"],
    ] {
        let out = sandbox.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let missing = sandbox.file("nowhere.json");
    let out = sandbox
        .cmd(&["import", missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("rekindle: "), "{}", stderr(&out));
}

#[test]
fn help_says_what_the_exit_codes_mean() {
    let out = Sandbox::new().cmd(&["--help"]).output().unwrap();
    let help = stdout(&out);
    assert!(
        help.contains("Exit codes: 0 done; 1 something went wrong"),
        "{help}"
    );
    assert!(
        help.contains("2 the command line was not understood"),
        "{help}"
    );
}

#[test]
fn version_works_on_top_and_after_a_subcommand_without_doing_anything() {
    let sandbox = Sandbox::new();
    let version = env!("CARGO_PKG_VERSION");
    for args in [
        &["--version"][..],
        &["status", "--version"],
        &["journal", "add", "--version"],
        &["export", "-V"],
    ] {
        let out = sandbox.cmd(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains(version), "{args:?}: {}", stdout(&out));
    }
    assert!(!sandbox.data().exists(), "--version opened the data folder");
}

#[test]
fn a_bad_date_says_the_form_expected_with_an_example() {
    let sandbox = Sandbox::new();
    for flag in ["--since", "--until"] {
        let out = sandbox.cmd(&["export", flag, "notadate"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains("'notadate'"), "{err}");
        assert!(err.contains("expected a date like 2026-03-14"), "{err}");
    }
}

#[test]
fn steps_lists_every_step_id_with_its_title_path_by_path() {
    let out = Sandbox::new().cmd(&["steps"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    let guide = rekindle::content::default_guide().unwrap();
    for path in &guide.paths {
        assert!(text.contains(&format!("({}):", path.id)), "{text}");
    }
    for step in &guide.steps {
        let row = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(step.id.as_str()))
            .unwrap_or_else(|| panic!("{} is not listed:\n{text}", step.id));
        assert!(row.ends_with(&step.title), "{row}");
    }
    let space = text.find("  space ").unwrap();
    let grieve = text.find("  grieve ").unwrap();
    assert!(space < grieve, "the reconcile path comes first");
}

#[test]
fn an_unknown_step_is_answered_with_the_step_ids() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd(&["export", "--step", "nosuch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("there is no step `nosuch`"), "{err}");
    assert!(err.contains("  reach-out    Reach out lightly"), "{err}");
    let out = sandbox
        .cmd(&["journal", "add", "--step", "nosuch", "words"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("there is no step `nosuch`"), "{err}");
    assert!(err.contains("  new-chapter  Begin a new chapter"), "{err}");
    let list = sandbox.cmd(&["journal", "list"]).output().unwrap();
    assert!(
        !stdout(&list).contains("words"),
        "the entry was not written"
    );
}

#[test]
fn completions_are_printed_for_every_shell() {
    let sandbox = Sandbox::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef rekindle"),
        ("fish", "complete -c rekindle"),
        ("elvish", "edit:completion:arg-completer[rekindle]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = sandbox.cmd(&["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}:\n{script}");
        assert!(
            script.contains("journal") && script.contains("since"),
            "{shell}"
        );
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                script.contains("reach-out"),
                "{shell}: --step offers the step ids"
            );
        }
    }
    let bash = stdout(&sandbox.cmd(&["completions", "bash"]).output().unwrap());
    for at in bash.match_indices("--step)") {
        let case = &bash[at.0..at.0 + 200];
        assert!(
            case.contains("compgen -W") && !case.contains("compgen -f"),
            "--step completes to step ids, not files:\n{case}"
        );
    }
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    let out = Sandbox::new().cmd(&["man"]).output().unwrap();
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH rekindle 1"), "{page}");
    for command in [
        "status",
        "journal",
        "export",
        "import",
        "steps",
        "config",
        "completions",
    ] {
        assert!(page.contains(command), "{command} missing");
    }
    assert!(
        page.contains("Exit codes"),
        "the exit codes are in the page"
    );
    // Every page it points to follows it.
    let mut named = 0;
    for (at, _) in page.match_indices("rekindle\\-") {
        let rest = &page[at..];
        let Some(end) = rest.find("(1)") else {
            continue;
        };
        let name = rest[..end].replace("\\-", "-");
        if name.contains(char::is_whitespace) {
            continue;
        }
        named += 1;
        assert!(
            page.contains(&format!(".TH {name} 1")),
            "{name}(1) is named but not printed"
        );
    }
    assert!(named >= 10, "the commands' pages are named: {named}");
}

#[test]
fn config_default_prints_a_file_that_reads_back_as_the_defaults() {
    let sandbox = Sandbox::new();
    let out = sandbox.cmd(&["config", "--default"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(parse("default", &text), Ok(Config::default()));
    for key in [
        "theme",
        "date_format",
        "export_folder",
        "[keys]",
        "hide",
        "support",
    ] {
        assert!(text.contains(key), "{key} is documented");
    }
    let path = write_config(&sandbox, &text);
    let out = sandbox
        .cmd(&["--config", path.to_str().unwrap(), "config"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("config.toml is fine\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_settings_file_is_found_in_the_user_config_folder() {
    let sandbox = Sandbox::new();
    let out = sandbox.cmd(&["config", "--path"]).output().unwrap();
    let expected = sandbox.tmp.path().join("home/.config/rekindle/config.toml");
    assert_eq!(stdout(&out).trim(), expected.to_str().unwrap());
    let out = sandbox.cmd(&["config"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("defaults are in use"),
        "{}",
        stdout(&out)
    );
    fs::create_dir_all(expected.parent().unwrap()).unwrap();
    fs::write(&expected, "theme = \"sepia\"\n").unwrap();
    let out = sandbox.cmd(&["status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "{}:1:9: there is no theme `sepia`",
            expected.display()
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_settings_file_stops_every_workbook_command_and_names_its_place() {
    let sandbox = Sandbox::new();
    let text = "theme = \"light\"\n\n[keys]\nhide = \"F12\"\nquit = \"ctrl-q\"\n";
    let path = write_config(&sandbox, text);
    let place = format!("{}:5:1: unknown setting `quit`", path.display());
    for args in [
        &["status"][..],
        &["journal", "add", "kept?"],
        &["journal", "list"],
        &["export"],
        &[],
    ] {
        let out = sandbox
            .cmd(args)
            .env("REKINDLE_CONFIG", &path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(&place), "{args:?}: {err}");
        assert!(err.contains("`hide`, `support`"), "{err}");
        assert!(err.contains("did not start"), "{err}");
    }
    assert!(!sandbox.data().exists(), "nothing was opened or written");
    let out = sandbox
        .cmd(&["--config", path.to_str().unwrap(), "config"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&place), "{}", stderr(&out));
}

#[test]
fn a_wrong_type_and_a_missing_named_file_are_refused() {
    let sandbox = Sandbox::new();
    let path = write_config(&sandbox, "date_format = 4\n");
    let out = sandbox
        .cmd(&["--config", path.to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("config.toml:1:15: "),
        "{}",
        stderr(&out)
    );
    let missing = sandbox.file("missing.toml");
    let out = sandbox
        .cmd(&["--config", missing.to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.contains("missing.toml:1:1: this settings file, named by --config"),
        "{said}"
    );
    assert!(said.contains("does not exist"), "{said}");
    assert!(
        !said.contains("Fix"),
        "nothing to fix in a file that is not there: {said}"
    );
}

#[test]
fn export_folder_and_date_format_are_applied() {
    let sandbox = Sandbox::new();
    let exports = sandbox.file("exports");
    fs::create_dir(&exports).unwrap();
    let path = write_config(
        &sandbox,
        &format!(
            "date_format = \"%d.%m.%Y\"\nexport_folder = \"{}\"\n",
            exports.display()
        ),
    );
    let config = path.to_str().unwrap();
    let add = sandbox
        .cmd(&["--config", config, "journal", "add", "a quiet day"])
        .output()
        .unwrap();
    assert!(add.status.success(), "{}", stderr(&add));
    let list = sandbox
        .cmd(&["--config", config, "journal", "list"])
        .output()
        .unwrap();
    let line = stdout(&list);
    let today = chrono::Utc::now().format("%d.%m.%Y").to_string();
    assert!(line.starts_with(&today), "{line}");
    let out = sandbox
        .cmd(&["--config", config, "export", "-o", "journal.md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(exports.join("journal.md")).unwrap();
    assert!(written.contains("a quiet day"));
}

#[test]
fn a_request_the_command_line_cannot_make_exits_2() {
    let sandbox = Sandbox::new();
    for args in [
        &["journal", "add", "--step", "nosuch", "words"][..],
        &[
            "journal",
            "list",
            "--since",
            "2026-12-07",
            "--until",
            "2026-12-01",
        ][..],
        &["journal", "list", "--tag", ""][..],
    ] {
        let out = sandbox.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = sandbox
        .cmd(&["journal", "add", "--step", "nosuch", "words"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("space"),
        "the step ids are listed: {}",
        stderr(&out)
    );
}
