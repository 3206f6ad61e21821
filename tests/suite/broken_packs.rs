//! `rekindle content check DIR` on packs broken in one place each: the right message, at the right
//! file, line and column, and exit 1.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A copy of the default pack in a temp dir, to break.
struct Pack {
    dir: TempDir,
}

impl Pack {
    fn copy_of_default() -> Self {
        let dir = TempDir::new().unwrap();
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
            dir.path(),
        );
        Self { dir }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    fn read(&self, file: &str) -> String {
        fs::read_to_string(self.path(file)).unwrap()
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.path(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Replaces the first `from` in `file` with `to`.
    fn replace(&self, file: &str, from: &str, to: &str) {
        let text = self.read(file);
        assert!(text.contains(from), "{file} has no {from:?}");
        self.write(file, &text.replacen(from, to, 1));
    }

    /// The 1-based line and column where `needle` first starts in `file`.
    fn position_of(&self, file: &str, needle: &str) -> (usize, usize) {
        let text = self.read(file);
        let offset = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {file}"));
        rekindle::content::line_column(&text, offset)
    }

    /// Runs the check; returns stdout and stderr after asserting exit 1.
    fn check_fails(&self) -> String {
        let output = Command::cargo_bin("rekindle")
            .unwrap()
            .args(["content", "check"])
            .arg(self.dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "check should fail");
        assert!(output.stdout.is_empty(), "problems go to stderr only");
        String::from_utf8(output.stderr).unwrap()
    }

    /// Asserts that the check fails with a problem at `file:line:column` whose message holds `says`.
    fn assert_problem(&self, file: &str, (line, column): (usize, usize), says: &str) {
        let stderr = self.check_fails();
        let location = format!("{}:{line}:{column}: ", self.path(file).display());
        let found = stderr
            .lines()
            .any(|l| l.starts_with(&location) && l.contains(says));
        assert!(found, "expected {location}…{says}… in:\n{stderr}");
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_default_pack_passes_the_check() {
    let pack = Pack::copy_of_default();
    let output = Command::cargo_bin("rekindle")
        .unwrap()
        .args(["content", "check"])
        .arg(pack.dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("2 paths, 13 steps"), "{stdout}");
}

#[test]
fn bad_toml_syntax_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace("guide.toml", "title = \"Rekindle\"", "title = \"Rekindle");
    let (line, _) = pack.position_of("guide.toml", "title = \"Rekindle");
    let stderr = pack.check_fails();
    let prefix = format!("{}:{line}:", pack.path("guide.toml").display());
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains("fix the TOML here")),
        "{stderr}"
    );
}

#[test]
fn a_duplicate_step_id_names_the_first_one() {
    let pack = Pack::copy_of_default();
    pack.replace("steps/heal.toml", "id = \"care\"", "id = \"grieve\"");
    let (line, column) = pack.position_of("steps/heal.toml", "id = \"grieve\"");
    let first = format!("steps/heal.toml:{line}:{}", column + 5);
    let stderr = pack.check_fails();
    assert!(stderr.contains("duplicate step id `grieve`"), "{stderr}");
    assert!(
        stderr.contains(&format!("already used at {first}")),
        "{stderr}"
    );
}

#[test]
fn a_dangling_checklist_reference_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace("steps/reconcile.toml", "\"readiness\"", "\"readyness\"");
    let (line, column) = pack.position_of("steps/reconcile.toml", "\"readyness\"");
    pack.assert_problem(
        "steps/reconcile.toml",
        (line, column),
        "names checklist `readyness`, which is not in the pack; known checklists:",
    );
}

#[test]
fn an_unknown_gate_condition_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "steps/reconcile.toml",
        "review = \"go-on\"",
        "no_contact_weeks = 2",
    );
    let at = pack.position_of("steps/reconcile.toml", "no_contact_weeks");
    pack.assert_problem(
        "steps/reconcile.toml",
        at,
        "unknown gate condition `no_contact_weeks`",
    );
}

#[test]
fn an_unknown_placeholder_is_placed_on_the_placeholder() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "pages/faq.toml",
        "summary = \"",
        "summary = \"Ask {partner}. ",
    );
    let at = pack.position_of("pages/faq.toml", "{partner}");
    pack.assert_problem("pages/faq.toml", at, "unknown placeholder `{partner}`");
}

#[test]
fn an_empty_prompt_is_placed() {
    let pack = Pack::copy_of_default();
    let text = pack.read("steps/heal.toml");
    let start = text.find("question = \"").unwrap() + "question = ".len();
    let end = start + 1 + text[start + 1..].find('"').unwrap();
    pack.write(
        "steps/heal.toml",
        &format!("{}\"  \"{}", &text[..start], &text[end + 1..]),
    );
    let at = pack.position_of("steps/heal.toml", "\"  \"");
    pack.assert_problem("steps/heal.toml", at, "question is empty");
}

#[test]
fn a_missing_field_is_named() {
    let pack = Pack::copy_of_default();
    let text = pack.read("pages/help.toml");
    let title = text
        .lines()
        .find(|l| l.starts_with("title = "))
        .unwrap()
        .to_string();
    pack.replace("pages/help.toml", &format!("{title}\n"), "");
    pack.assert_problem("pages/help.toml", (1, 1), "missing field `title`; add it");
}

#[test]
fn a_misspelt_field_is_named() {
    let pack = Pack::copy_of_default();
    pack.replace("checklists/habits.toml", "intro = ", "introduction = ");
    let at = pack.position_of("checklists/habits.toml", "introduction");
    pack.assert_problem("checklists/habits.toml", at, "unknown field `introduction`");
}

#[test]
fn an_unknown_action_lists_the_known_ones() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "steps/reconcile.toml",
        "\"start-no-contact\"",
        "\"start-countdown\"",
    );
    let at = pack.position_of("steps/reconcile.toml", "\"start-countdown\"");
    pack.assert_problem(
        "steps/reconcile.toml",
        at,
        "unknown action `start-countdown`; use one of: start-no-contact",
    );
}

#[test]
fn a_path_with_no_steps_is_placed() {
    let pack = Pack::copy_of_default();
    let text = pack.read("guide.toml");
    let start = text.rfind("steps = [").unwrap();
    let end = start + text[start..].find(']').unwrap();
    pack.write(
        "guide.toml",
        &format!("{}steps = []{}", &text[..start], &text[end + 1..]),
    );
    let at = pack.position_of("guide.toml", "[]");
    let at = (at.0, at.1);
    let stderr = pack.check_fails();
    let location = format!("{}:{}:{}: ", pack.path("guide.toml").display(), at.0, at.1);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&location) && l.contains("has no steps")),
        "{stderr}"
    );
    assert!(
        stderr.contains("is on no path"),
        "orphaned steps are reported too:\n{stderr}"
    );
}

#[test]
fn a_gate_waiting_for_a_later_step_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "steps/reconcile.toml",
        "after = [\"reflect\"]",
        "after = [\"trust\"]",
    );
    let at = pack.position_of("steps/reconcile.toml", "\"trust\"]");
    let at = (at.0, at.1 + 1);
    pack.assert_problem(
        "steps/reconcile.toml",
        at,
        "waits for `trust`, which does not come before it",
    );
}

#[test]
fn a_checklist_with_items_and_pairs_is_refused() {
    let pack = Pack::copy_of_default();
    let mut text = pack.read("checklists/habits.toml");
    text.push_str("\n[[pairs]]\nid = \"x\"\nhelps = \"a\"\nhurts = \"b\"\n");
    pack.write("checklists/habits.toml", &text);
    let stderr = pack.check_fails();
    assert!(
        stderr.contains("has both [[items]] and [[pairs]]"),
        "{stderr}"
    );
}

#[test]
fn a_stray_file_is_reported() {
    let pack = Pack::copy_of_default();
    pack.write("notes.toml", "a = 1\n");
    pack.assert_problem("notes.toml", (1, 1), "this file is not part of a pack");
}

#[test]
fn a_missing_guide_is_reported() {
    let pack = Pack::copy_of_default();
    fs::remove_file(pack.path("guide.toml")).unwrap();
    pack.assert_problem("guide.toml", (1, 1), "the pack has no guide.toml");
}

#[test]
fn a_file_that_is_not_utf8_is_placed() {
    let pack = Pack::copy_of_default();
    let mut bytes = b"id = \"habits\"\ntitle = \"Hab".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    fs::write(pack.path("checklists/habits.toml"), bytes).unwrap();
    pack.assert_problem("checklists/habits.toml", (2, 13), "not valid UTF-8");
}

#[test]
fn an_unknown_concern_answer_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace("checks.toml", "concern = [\"yes\"", "concern = [\"maybe\"");
    let at = pack.position_of("checks.toml", "\"maybe\"");
    pack.assert_problem("checks.toml", at, "unknown answer `maybe`");
}

#[test]
fn every_problem_is_listed_at_once() {
    let pack = Pack::copy_of_default();
    pack.replace("steps/reconcile.toml", "\"readiness\"", "\"readyness\"");
    pack.replace("pages/faq.toml", "summary = \"", "summary = \"{partner} ");
    pack.replace("checks.toml", "route = \"heal\"", "route = \"healing\"");
    pack.replace("pages/help.toml", "summary = ", "summry = ");
    let stderr = pack.check_fails();
    assert!(stderr.contains("readyness"), "{stderr}");
    assert!(stderr.contains("{partner}"), "{stderr}");
    assert!(stderr.contains("names path `healing`"), "{stderr}");
    assert!(stderr.contains("unknown field `summry`"), "{stderr}");
    assert!(stderr.contains(": 4 problems"), "{stderr}");
}

#[test]
fn a_word_the_glossary_replaces_is_placed_with_the_term_to_use() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "pages/no-contact.toml",
        "No contact\nlets both of you settle",
        "Time apart\nlets both of you settle",
    );
    let at = pack.position_of("pages/no-contact.toml", "Time apart");
    pack.assert_problem(
        "pages/no-contact.toml",
        at,
        "\"time apart\" is not in the glossary; say \"no contact\"",
    );
}

#[test]
fn a_slip_by_another_name_is_flagged_across_a_line_break() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "pages/no-contact.toml",
        "Log the slip in the workbook",
        "Log the\nrelapse in the workbook",
    );
    let stderr = pack.check_fails();
    assert!(
        stderr.contains("\"relapse\" is not in the glossary; say \"slip\""),
        "{stderr}"
    );
}

#[test]
fn gate_conditions_review_and_reply_take_only_their_one_value() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "steps/reconcile.toml",
        "reply = \"warm\"",
        "reply = \"cold\"",
    );
    pack.replace(
        "steps/reconcile.toml",
        "review = \"go-on\"",
        "review = \"yes\"",
    );
    let stderr = pack.check_fails();
    assert!(stderr.contains("reply can only be \"warm\""), "{stderr}");
    assert!(stderr.contains("review can only be \"go-on\""), "{stderr}");
}

#[test]
fn a_question_page_cooling_days_and_waiting_time_are_checked() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "checks.toml",
        "page = \"if-you-hurt-them\"",
        "page = \"if-you-hurt-him\"",
    );
    pack.replace("checks.toml", "cooling_days = 30", "cooling_days = 400");
    pack.replace("tools.toml", "wait_days = 7", "wait_days = 0");
    let stderr = pack.check_fails();
    assert!(stderr.contains("if-you-hurt-him"), "{stderr}");
    assert!(
        stderr.contains("cooling_days must be a whole number of days from 0 to 365"),
        "{stderr}"
    );
    assert!(
        stderr.contains("wait_days must be a whole number of days from 1 to 60"),
        "{stderr}"
    );
}

#[test]
fn a_situation_that_names_an_unknown_profile_field_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "steps/reconcile.toml",
        "when = \"children=yes\"",
        "when = \"kids=yes\"",
    );
    let at = pack.position_of("steps/reconcile.toml", "\"kids=yes\"");
    pack.assert_problem(
        "steps/reconcile.toml",
        at,
        "condition names unknown profile field `kids`; known fields: children, living",
    );
}

#[test]
fn a_situation_with_an_answer_its_field_does_not_take_is_placed() {
    let pack = Pack::copy_of_default();
    pack.replace(
        "steps/reconcile.toml",
        "when = \"ended=me\"",
        "when = \"ended=nobody\"",
    );
    let at = pack.position_of("steps/reconcile.toml", "\"ended=nobody\"");
    pack.assert_problem(
        "steps/reconcile.toml",
        at,
        "`ended` has no answer `nobody`; it takes: me, them, both",
    );
}
