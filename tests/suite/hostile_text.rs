//! Text a terminal would obey (escape sequences, overprinting, C1 controls, bidi overrides) never
//! reaches a terminal raw: not through `journal list`, `status`, any export to stdout or to a file,
//! nor the workbook's screen. Files keep the text, shown visibly; the store keeps it as written.

use crate::cli_support;
use crate::tui_support;

use std::fs;

use cli_support::{Sandbox, stdout};
use rekindle::engine::{Journal, JournalEntry, MoodCheck, Workbook};
use rekindle::tui::theme::Theme;
use tui_support::{Rig, fresh_book, guide, screen_text};

/// Every class of hostile text, by name.
const CASES: &[(&str, &str)] = &[
    ("OSC 0 window title", "\u{1b}]0;pwned\u{7}title"),
    ("OSC 52 clipboard", "\u{1b}]52;c;cm0gLXJmIH4=\u{7}clip"),
    ("CSI 2J clear screen", "\u{1b}[2Jclear"),
    ("CR and BS overprinting", "safe\rEVIL\u{8}\u{8}x"),
    ("C1 CSI U+009B", "\u{9b}2Jc1"),
    ("C1 NEL and OSC", "a\u{85}b\u{9d}0;t\u{9c}"),
    ("bidi override U+202E", "\u{202e}gnp.exe"),
    (
        "isolates, marks and DEL",
        "x\u{2066}y\u{2069}\u{200e}\u{200f}\u{61c}\u{7f}",
    ),
];

/// What a terminal might act on: C0 but tab and newline, DEL, C1, bidi overrides and marks.
/// Written out here on purpose, independent of the code under test.
fn hostile(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}')
}

fn assert_clean(what: &str, case: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| hostile(*c)) {
        panic!("{what} ({case}) let {c:?} through:\n{text:?}");
    }
}

fn entry(n: usize, text: &str) -> JournalEntry {
    JournalEntry {
        id: format!("e{n}"),
        created: "2026-03-01T12:00:00Z".parse().unwrap(),
        edited: None,
        text: format!("{text}\nsecond line {text}"),
        step: Some(format!("step{text}")),
        mood: Some(3),
        tags: vec![format!("tag{text}")],
        extra: Default::default(),
    }
}

/// A data folder holding one entry per case, and a journey whose last mood word is hostile.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    fs::create_dir_all(sandbox.journal()).unwrap();
    let entries: Vec<_> = CASES
        .iter()
        .enumerate()
        .map(|(n, (_, t))| entry(n, t))
        .collect();
    let month = serde_json::json!({"schema": 1, "month": "2026-03", "entries": entries});
    fs::write(
        sandbox.journal().join("2026-03.json"),
        serde_json::to_vec(&month).unwrap(),
    )
    .unwrap();
    let guide = guide();
    let mut book = fresh_book(&guide);
    book.journey.moods.push(MoodCheck {
        at: "2026-03-01T12:00:00Z".parse().unwrap(),
        mood: 2,
        word: Some(CASES.iter().map(|(_, t)| *t).collect()),
        extra: Default::default(),
    });
    fs::write(
        sandbox.data().join("journey.json"),
        serde_json::to_vec(&book.journey).unwrap(),
    )
    .unwrap();
    sandbox
}

#[test]
fn journal_list_and_status_show_no_raw_control() {
    let sandbox = sandbox();
    for args in [
        &["journal", "list"][..],
        &["journal", "list", "--ids"],
        &["status"],
        &["status", "--json"],
        &["status", "--short"],
    ] {
        let out = sandbox.cmd(args).assert().success();
        assert_clean(&args.join(" "), "all", &stdout(out.get_output()));
    }
    let list = stdout(sandbox.cmd(&["journal", "list"]).assert().get_output());
    assert!(list.contains("␛]0;pwned␇title"), "made visible: {list}");
    assert!(list.contains("<U+202E>gnp.exe"), "made visible: {list}");
}

#[test]
fn every_export_format_to_stdout_and_file_shows_no_raw_control() {
    let sandbox = sandbox();
    for format in ["md", "txt", "html", "json"] {
        let out = sandbox
            .cmd(&["export", "--format", format])
            .assert()
            .success();
        let printed = stdout(out.get_output());
        assert_clean(&format!("export {format} to stdout"), "all", &printed);
        let file = sandbox.file(&format!("out.{format}"));
        sandbox
            .cmd(&["export", "--format", format, "-o", file.to_str().unwrap()])
            .assert()
            .success();
        let written = fs::read_to_string(&file).unwrap();
        assert_clean(&format!("export {format} to a file"), "all", &written);
        for (case, text) in CASES {
            let shown = rekindle::visible::visible(text);
            let kept = match format {
                "json" => serde_json::from_str::<serde_json::Value>(&written).unwrap()["entries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["text"].as_str().unwrap().starts_with(text)),
                "html" => written.contains(&shown.replace('<', "&lt;").replace('>', "&gt;")),
                _ => written.contains(shown.as_ref()),
            };
            assert!(kept, "export {format} to a file keeps the text of {case}");
        }
    }
}

#[test]
fn the_store_keeps_text_as_written() {
    let sandbox = sandbox();
    let out = sandbox
        .cmd(&["export", "--format", "json"])
        .assert()
        .success();
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let texts: Vec<&str> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    for (n, (case, text)) in CASES.iter().enumerate() {
        assert_eq!(
            texts[n],
            format!("{text}\nsecond line {text}"),
            "{case} read back"
        );
    }
}

#[test]
fn the_workbook_screen_shows_every_class_visibly_and_none_raw() {
    for (n, (case, text)) in CASES.iter().enumerate() {
        let guide = guide();
        let mut book: Workbook = fresh_book(&guide);
        book.journey.welcomed = true;
        book.journal = Journal::from_entries([entry(n, text)]);
        let mut rig = Rig::with_book(guide, book, Theme::PLAIN);
        rig.press("J");
        for (width, height) in [(80, 24), (100, 30)] {
            let terminal = rig.draw(width, height);
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                assert_clean("a workbook cell", case, cell.symbol());
            }
            let shown = screen_text(buffer);
            assert!(
                shown.contains("second line"),
                "{case}: the journal shows the entry:\n{shown}"
            );
            let marked = ['␛', '␍', '␈', '␡', '␇'];
            assert!(
                shown.contains(|c| marked.contains(&c)) || shown.contains("<U+"),
                "{case}: the hostile characters are shown, not silently dropped:\n{shown}"
            );
        }
    }
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn content_check_shows_no_raw_control_from_a_pack() {
    let sandbox = Sandbox::new();
    let pack = sandbox.file("pack");
    copy_tree(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &pack,
    );
    let guide = pack.join("guide.toml");
    let original = fs::read_to_string(&guide).unwrap();
    let fine = original.replace(
        "title = \"Rekindle\"",
        "title = \"Rekindle\\u001b]0;pwned\\u0007\\u009b2J\\u202e\"",
    );
    fs::write(&guide, &fine).unwrap();
    let out = sandbox
        .cmd(&["content", "check", pack.to_str().unwrap()])
        .assert()
        .success();
    assert_clean("content check (fine)", "title", &stdout(out.get_output()));
    let broken = fine.replace("\"space\", \"growth\"", "\"sp\\u001b[2Jace\", \"growth\"");
    fs::write(&guide, broken).unwrap();
    let out = sandbox
        .cmd(&["content", "check", pack.to_str().unwrap()])
        .assert()
        .failure();
    let said = cli_support::stderr(out.get_output());
    assert!(said.contains("sp␛[2Jace"), "names the id visibly: {said}");
    assert_clean("content check (problems)", "step id", &said);
    assert_clean(
        "content check (problems)",
        "stdout",
        &stdout(out.get_output()),
    );
}

#[test]
fn the_no_contact_history_shows_a_hostile_slip_visibly() {
    use rekindle::engine::{Break, BreakKind, NoContact};
    let guide = guide();
    let mut book: Workbook = fresh_book(&guide);
    book.journey.welcomed = true;
    let mut record = NoContact::new("2026-02-20T12:00:00Z".parse().unwrap(), 21, None);
    record.breaks.push(Break {
        at: "2026-02-25T12:00:00Z".parse().unwrap(),
        what: BreakKind::Messaged,
        trigger: "\u{1b}]0;pwned\u{7}late night\u{9b}2J".into(),
        felt: None,
        resets: false,
        corrected: None,
        extra: Default::default(),
    });
    book.journey.no_contact = Some(record);
    let mut rig = Rig::with_book(guide, book, Theme::PLAIN);
    rig.press("N");
    let terminal = rig.draw(100, 30);
    let shown = screen_text(terminal.backend().buffer());
    assert!(shown.contains("␛]0;pwned␇late night<U+009B>2J"), "{shown}");
    for cell in terminal.backend().buffer().content() {
        assert_clean("a no-contact cell", "slip trigger", cell.symbol());
    }
}
