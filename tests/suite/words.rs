//! Counts, labels and cut text as people read them: "1 entry" and "0 entries" (never "1 of 1
//! entries"), "1 slip", a day past the target said as such, no raw ids on any screen, in the
//! command line or in exports, and no screen name cut mid-word at 40 columns.

use crate::{cli_support, tui_support};

use std::fs;
use std::os::unix::fs::PermissionsExt;

use chrono::{DateTime, Duration, Utc};
use cli_support::{Sandbox, stderr, stdout};
use rekindle::content::{default_guide, off_glossary};
use rekindle::engine::{
    Action, Break, BreakKind, Journey, NoContact, Now, StepStatus, step_status,
};
use rekindle::tui::keymap::ScreenKind;
use tui_support::{Rig, row_text, screen_text};

fn screen(rig: &Rig) -> String {
    screen_text(rig.draw(100, 30).backend().buffer())
}

/// A welcomed workbook with no contact started and one slip logged.
fn one_slip() -> Rig {
    let mut rig = Rig::welcomed();
    rig.app.apply(Action::StartNoContact {
        target_days: 21,
        commitment: None,
    });
    rig.app.apply(Action::LogBreak {
        what: BreakKind::CheckedSocials,
        trigger: "a photo came up".into(),
        felt: Some(2),
        resets: false,
    });
    rig.advance_days(3);
    rig
}

#[test]
fn the_journal_counts_its_entries_in_plain_words() {
    let mut rig = Rig::welcomed();
    rig.press("J");
    let text = screen(&rig);
    assert!(text.contains(" 0 entries"), "{text}");
    assert!(!text.contains("0 of 0"), "{text}");
    rig.press("nOne quiet evening<c-s>");
    let text = screen(&rig);
    assert!(text.contains(" 1 entry "), "{text}");
    assert!(
        !text.contains("1 of 1") && !text.contains("1 entries"),
        "{text}"
    );
    rig.press("/nothing like it");
    let text = screen(&rig);
    assert!(text.contains("0 of 1 entry"), "{text}");
}

#[test]
fn one_slip_is_one_slip_on_the_no_contact_screen_and_the_review() {
    let mut rig = one_slip();
    rig.press("N");
    let text = screen(&rig);
    assert!(text.contains("1 slip logged"), "{text}");
    assert!(!text.contains("1 slips"), "{text}");
    assert!(text.contains("(3 days done)"), "{text}");
    assert!(text.contains("Checked their social media"), "{text}");
    rig.advance_days(20);
    rig.press("hNr");
    let text = screen(&rig);
    assert!(text.contains("1 slip logged"), "the review: {text}");
    assert!(text.contains("23 days of no contact"), "{text}");
    assert!(!text.contains("1 slips"), "{text}");
}

#[test]
fn a_count_of_one_day_is_one_day() {
    let mut rig = one_slip();
    rig.advance_days(-2);
    rig.press("N");
    let text = screen(&rig);
    assert!(text.contains("Day 2 of no contact (1 day done)"), "{text}");
    assert!(text.contains("Longest run 1 day"), "{text}");
}

/// Every id a person could be shown by mistake: slip kinds, checklists and their items, prompts
/// and pages, where the id is not itself a plain word. (Check ids are left out: "the move-on
/// check" is the glossary's own name for one.)
fn raw_ids() -> Vec<String> {
    let guide = default_guide().unwrap();
    let mut ids: Vec<String> = BreakKind::ALL.iter().map(|(_, n)| n.to_string()).collect();
    for list in &guide.checklists {
        ids.push(list.id.clone());
        ids.extend(list.entry_ids().into_iter().map(str::to_string));
    }
    for step in &guide.steps {
        ids.extend(step.prompts.iter().map(|p| p.id.clone()));
    }
    ids.extend(guide.pages.iter().map(|p| p.id.clone()));
    // An id that the guide's own prose also uses ("self-respect", "the move-on check") is a
    // word there, not a leak.
    let prose = pack_prose();
    ids.retain(|id| id.contains('-') && !prose.contains(id.as_str()));
    ids.sort();
    ids.dedup();
    ids
}

/// The text of every pack file under content/, without the lines that hold ids or lists of them.
fn pack_prose() -> String {
    let mut prose = String::new();
    let mut folders = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                for line in fs::read_to_string(&path).unwrap().lines() {
                    let key = line.split(" = ").next().unwrap_or_default().trim();
                    let ids = [
                        "id",
                        "pages",
                        "checklists",
                        "actions",
                        "after",
                        "steps",
                        "route",
                    ];
                    if !ids.contains(&key) && !key.starts_with('[') {
                        prose.push_str(line);
                        prose.push('\n');
                    }
                }
            }
        }
    }
    prose
}

/// `text` names each thing by the glossary's term (content/README.md, Glossary): no "relapse"
/// for a slip, no "quiet stretch" for no contact.
fn assert_glossary_terms(place: &str, text: &str) {
    let off = off_glossary(text);
    assert!(off.is_empty(), "{place} says {off:?}:\n{text}");
}

fn assert_no_raw_id(place: &str, text: &str, ids: &[String]) {
    for id in ids {
        assert!(
            !text.contains(id.as_str()),
            "{place} shows the id `{id}`:\n{text}"
        );
    }
}

#[test]
fn no_screen_in_a_walk_through_the_workbook_shows_a_raw_id() {
    let ids = raw_ids();
    assert!(ids.iter().any(|id| id == "checked-socials"), "{ids:?}");
    assert!(ids.len() > 20, "{ids:?}");
    let mut rig = one_slip();
    for (what, _) in BreakKind::ALL {
        rig.app.apply(Action::LogBreak {
            what,
            trigger: "something".into(),
            felt: None,
            resets: false,
        });
    }
    rig.press("JnA first entry<c-s>");
    let walk = |rig: &mut Rig, keys: &str, kind: ScreenKind| {
        rig.press(keys);
        let shown = screen(rig);
        assert_eq!(rig.app.screen_kind(), kind, "after {keys:?}:\n{shown}");
        assert_no_raw_id(&format!("{kind:?} after {keys:?}"), &shown, &ids);
        assert_glossary_terms(&format!("{kind:?} after {keys:?}"), &shown);
    };
    walk(&mut rig, "h", ScreenKind::Home);
    let path = rig.app.guide.path(&rig.app.book.journey.path).unwrap();
    for row in 0..path.steps.len() {
        let keys = format!("h{}<enter>", "<down>".repeat(row));
        walk(&mut rig, &keys, ScreenKind::Step);
        walk(&mut rig, "<tab><tab>", ScreenKind::Step);
    }
    walk(&mut rig, "hC", ScreenKind::Checklists);
    for _ in 0..rig.app.guide.checklists.len() {
        walk(&mut rig, "<right>", ScreenKind::Checklists);
    }
    walk(&mut rig, "hJ", ScreenKind::Journal);
    walk(&mut rig, "<enter>", ScreenKind::Journal);
    walk(&mut rig, "hN", ScreenKind::NoContact);
    walk(&mut rig, "b", ScreenKind::NoContact);
    assert!(screen(&rig).contains("Log a slip"), "{}", screen(&rig));
    for _ in BreakKind::ALL {
        walk(&mut rig, "<right>", ScreenKind::NoContact);
    }
    walk(&mut rig, "<esc>e", ScreenKind::NoContact);
    assert!(screen(&rig).contains("Correct a slip"), "{}", screen(&rig));
    for _ in BreakKind::ALL {
        walk(&mut rig, "<right>", ScreenKind::NoContact);
    }
    walk(&mut rig, "<esc>x", ScreenKind::NoContact);
    walk(&mut rig, "nhL", ScreenKind::Library);
    for page in 0..rig.app.guide.pages.len() {
        let keys = format!("hL{}<enter>", "<down>".repeat(page));
        walk(&mut rig, &keys, ScreenKind::Library);
    }
    walk(&mut rig, "hE", ScreenKind::Export);
    walk(&mut rig, "hU", ScreenKind::Urge);
    walk(&mut rig, "<esc>hs", ScreenKind::Settings);
    rig.advance_days(30);
    walk(&mut rig, "<esc>hNr", ScreenKind::Review);
}

/// A journey whose no contact began `days` ago with a 21-day target and one slip.
fn journey_past_target(now: DateTime<Utc>, days: i64) -> Journey {
    let guide = default_guide().unwrap();
    let mut journey = Journey::new(&guide, now - Duration::days(days));
    let mut stretch = NoContact::new(now - Duration::days(days), 21, None);
    stretch.breaks.push(Break {
        at: now - Duration::days(2),
        what: BreakKind::CheckedSocials,
        trigger: "a photo came up".into(),
        felt: Some(2),
        resets: false,
        corrected: None,
        extra: Default::default(),
    });
    journey.no_contact = Some(stretch);
    journey
}

fn write_journey(sb: &Sandbox, journey: &Journey) {
    fs::create_dir_all(sb.data()).unwrap();
    fs::set_permissions(sb.data(), fs::Permissions::from_mode(0o700)).unwrap();
    fs::write(
        sb.data().join("journey.json"),
        serde_json::to_vec_pretty(journey).unwrap(),
    )
    .unwrap();
}

#[test]
fn the_command_line_says_one_entry_and_a_day_past_the_target() {
    let sb = Sandbox::new();
    sb.add("One quiet evening");
    write_journey(&sb, &journey_past_target(Utc::now(), 23));
    let out = sb.cmd(&["status"]).assert().success();
    let said = stdout(out.get_output());
    assert!(said.contains("Journal: 1 entry, the last on"), "{said}");
    assert!(
        said.contains("No contact: day 24 (target 21 reached)"),
        "{said}"
    );
    assert!(!said.contains("of 21"), "{said}");
    assert_glossary_terms("status", &said);

    let out = sb
        .cmd(&[
            "export",
            "--format",
            "md",
            "-o",
            sb.file("out.md").to_str().unwrap(),
        ])
        .assert()
        .success();
    let err = stderr(out.get_output());
    assert!(err.contains("Exported 1 entry to"), "{err}");
    let md = fs::read_to_string(sb.file("out.md")).unwrap();
    assert!(md.contains("1 slip"), "{md}");
    assert!(md.contains("23 days, target reached"), "{md}");
    assert!(md.contains("Checked their social media"), "{md}");
    assert_no_raw_id("the markdown export", &md, &raw_ids());
    assert_glossary_terms("the markdown export", &md);

    let out = sb
        .cmd(&["backup", "-o", sb.file("all.json").to_str().unwrap()])
        .assert()
        .success();
    let said = stdout(out.get_output()) + &stderr(out.get_output());
    assert!(said.contains("1 journal entry"), "{said}");
    assert!(!said.contains("1 journal entries"), "{said}");
}

#[test]
fn an_import_of_one_entry_says_one_entry() {
    let from = Sandbox::new();
    from.add("Only this one");
    let file = from.file("one.json");
    from.cmd(&["export", "--format", "json", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let sb = Sandbox::new();
    let said = sb.import(&file);
    assert!(said.contains("Imported 1 entry from"), "{said}");
    let said = sb.import(&file);
    assert!(said.contains("Imported 0 entries from"), "{said}");
}

#[test]
fn at_40_columns_no_screen_name_is_cut_mid_word() {
    let mut rig = one_slip();
    let guide = rig.app.guide.clone();
    let mut names: Vec<(String, String, String)> = Vec::new();
    let mut look = |rig: &mut Rig, keys: &str| {
        rig.press(keys);
        let top = row_text(rig.draw(40, 12).backend().buffer(), 0);
        let title = rig.app.screen.title(&rig.app.view());
        let short = rig.app.screen.short_title(&rig.app.view());
        names.push((title, short, top));
    };
    look(&mut rig, "h");
    for row in 0..guide.steps.len() {
        look(&mut rig, &format!("h{}<enter>", "<down>".repeat(row)));
    }
    for keys in ["hJ", "hN", "hC", "hL", "hE", "hU", "<esc>hs", "hS"] {
        look(&mut rig, keys);
    }
    rig.advance_days(25);
    look(&mut rig, "<esc><esc>hNr");
    assert_eq!(rig.app.screen_kind(), ScreenKind::Review);
    // The name shown is the screen's title, or its short title where that does not fit
    // ("Give it space" for "Step 1 of 8: Give it space"), or one of them cut between words.
    for (title, short, top) in names {
        let left = top.trim().split("  ").next().unwrap_or_default();
        let left = left.trim_start_matches("rekindle · ");
        match left.strip_suffix('…') {
            None => assert!(
                left.trim_end() == title || left.trim_end() == short,
                "{title:?} shown as {top:?}"
            ),
            Some(kept) => assert!(
                [&title, &short]
                    .iter()
                    .any(|t| t.starts_with(kept) && t[kept.len()..].starts_with(' ')),
                "{title:?} cut mid-word: {top:?}"
            ),
        }
    }
}

#[test]
fn the_review_banner_keeps_clear_of_the_side_column_and_nothing_there_is_cut() {
    let mut rig = one_slip();
    rig.advance_days(25);
    rig.press("h");
    for (width, height) in [(80, 24), (100, 30), (120, 30)] {
        let terminal = rig.draw(width, height);
        let buf = terminal.backend().buffer();
        let text = screen_text(buf);
        let banner = (0..height)
            .map(|y| row_text(buf, y))
            .find(|row| row.contains("» You reached"))
            .unwrap_or_else(|| panic!("no review banner at {width}:\n{text}"));
        assert!(banner.contains("  No contact:"), "{width}: {banner:?}");
        assert!(text.contains("choose"), "the banner is whole:\n{text}");
        assert!(
            !text.contains("target…") && !text.contains("look…"),
            "{width}:\n{text}"
        );
    }
}

#[test]
fn at_40_columns_a_heading_wraps_and_a_gauge_label_ends_on_a_whole_word() {
    let mut rig = one_slip();
    rig.press("hC");
    let text = screen_text(rig.draw(40, 12).backend().buffer());
    assert!(text.contains("← → for others)"), "{text}");
    rig.press("hU");
    let text = screen_text(rig.draw(40, 12).backend().buffer());
    let label = text
        .lines()
        .find(|l| l.contains(" left. "))
        .unwrap_or_else(|| panic!("{text}"));
    let kept = label.trim().trim_end_matches('…');
    let whole = "10:00 left. Breathe; nothing needs deciding yet.";
    assert!(
        whole.starts_with(kept) && (kept == whole || whole[kept.len()..].starts_with(' ')),
        "cut mid-word: {label:?}"
    );
}

/// Every lock reason on the current path, as home words it.
fn lock_reasons(rig: &Rig) -> Vec<String> {
    let guide = &rig.app.guide;
    let journey = &rig.app.book.journey;
    let now = Now::new(rig.clock.get(), &Utc);
    let naming = journey.naming();
    let path = guide.path(&journey.path).unwrap();
    let mut reasons = Vec::new();
    for id in &path.steps {
        let step = guide.step(id).unwrap();
        if let StepStatus::Locked(locked) = step_status(guide, journey, step, now) {
            reasons.extend(locked.iter().map(|r| naming.fill(&r.describe())));
        }
    }
    reasons
}

#[test]
fn home_cuts_a_lock_reason_only_between_words_and_only_when_no_second_line_fits() {
    let mut rig = Rig::welcomed();
    // Before no contact begins, and once it runs: two different first reasons.
    for start in [false, true] {
        if start {
            rig.app.apply(Action::StartNoContact {
                target_days: 21,
                commitment: None,
            });
        }
        let reasons = lock_reasons(&rig);
        let flat: Vec<String> = reasons
            .iter()
            .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        for (width, height) in [(72, 24), (80, 24), (100, 30), (120, 40), (72, 60)] {
            let terminal = rig.draw(width, height);
            let buf = terminal.backend().buffer();
            for y in 0..height {
                let row = row_text(buf, y);
                let Some(reason) = row.strip_prefix("     ") else {
                    continue;
                };
                // The list is the left column; the side column starts after a wide gap.
                let reason = reason.split("   ").next().unwrap_or_default().trim();
                // On a wide window the list is centred, so a step's own row is indented too.
                if reason.starts_with(['○', '·', '?', '→', '●', '✓']) {
                    continue;
                }
                let reason = match reason.rfind(" (+") {
                    Some(at) if reason.ends_with("more)") => reason[..at].trim(),
                    _ => reason,
                };
                let Some(kept) = reason.strip_suffix('…') else {
                    continue;
                };
                assert!(
                    flat.iter().any(|r| r.contains(&format!("{kept} "))),
                    "{width}x{height}: {row:?} cuts a word; the reasons: {flat:#?}"
                );
            }
            if height >= 40 {
                let text = screen_text(buf);
                // "who ended it…" is the row's own text, not a cut.
                let cuts = text.matches('…').count() - text.matches("ended it…").count();
                assert_eq!(cuts, 0, "room for every line:\n{text}");
            }
        }
    }
}
