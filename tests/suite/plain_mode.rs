//! `rekindle --plain` driven by a script of lines on standard input: the welcome, a whole step
//! (every question answered, every item ticked, marked done), a journal entry with a mood; then
//! what was said (in order, and never an escape sequence) and what was saved. A second run
//! resumes; a bad answer is asked again; the end of input mid-answer keeps what was written;
//! a pipe or TERM=dumb choose plain mode by themselves.

use crate::cli_support;
use crate::e2e_support;

use std::fs;

use cli_support::*;
use rekindle::content::{ChecklistEntries, default_guide};
use serde_json::Value;

/// The first step of the default path, which this script walks.
const STEP: &str = "space";

/// Runs `rekindle --plain` with `script` on stdin; its stdout, after asserting it exited 0 and
/// printed no escape sequence at all.
fn plain(sb: &Sandbox, script: &str) -> String {
    let output = sb.cmd(&["--plain"]).write_stdin(script).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !stdout.contains('\x1b'),
        "plain mode printed an escape sequence:\n{stdout}"
    );
    stdout
}

/// The welcome with a name and pronouns, and every safety question answered no.
fn welcome_script() -> String {
    let guide = default_guide().unwrap();
    let questions = guide.check("safety").unwrap().questions.len();
    format!("Sam\n2\n{}", "no\n".repeat(questions))
}

/// From the main menu: the first step, every question answered over two lines, every item of
/// its checklists ticked, then marked done.
fn whole_step_script() -> String {
    let guide = default_guide().unwrap();
    let step = guide.step(STEP).unwrap();
    let mut script = String::from("1\n1\n");
    for (index, _) in step.prompts.iter().enumerate() {
        script.push_str(&format!(
            "Answer {index}, first line\nand its second line\n.\n"
        ));
    }
    for (at, id) in step.checklists.iter().enumerate() {
        let list = guide.checklist(id).unwrap();
        let numbers: Vec<String> = (1..=list.len()).map(|n| n.to_string()).collect();
        script.push_str(&format!("{}\n{}\n\n", at + 2, numbers.join(" ")));
    }
    let done = 2 + step.checklists.len();
    script.push_str(&format!("{done}\n"));
    script
}

/// From the main menu: a journal entry of two lines with mood 4.
const JOURNAL_SCRIPT: &str = "3\nA quiet evening.\nI did not write to them.\n.\n4\n";

/// Asserts that `wanted` appear in `text` in this order.
fn in_order(text: &str, wanted: &[&str]) {
    let mut from = 0;
    for want in wanted {
        match text[from..].find(want) {
            Some(at) => from += at + want.len(),
            None => panic!("{want:?} is missing, or out of order, after byte {from}:\n{text}"),
        }
    }
}

fn journey(sb: &Sandbox) -> Value {
    serde_json::from_slice(&fs::read(sb.data().join("journey.json")).unwrap()).unwrap()
}

fn status(sb: &Sandbox) -> Value {
    let out = sb.cmd(&["status", "--json"]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every journal entry on disk, from the month files.
fn entries(sb: &Sandbox) -> Vec<Value> {
    let mut all = Vec::new();
    for file in fs::read_dir(sb.journal()).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let is_month = name.len() == "2026-12.json".len() && name.ends_with(".json");
        if is_month && name.as_bytes()[4] == b'-' {
            let month: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
            all.extend(month["entries"].as_array().unwrap().iter().cloned());
        }
    }
    all
}

#[test]
fn a_first_run_walks_the_welcome_a_whole_step_and_a_journal_entry_and_saves_them() {
    let sb = Sandbox::new();
    let guide = default_guide().unwrap();
    let step = guide.step(STEP).unwrap();
    let script = format!(
        "{}{}{JOURNAL_SCRIPT}q\n",
        welcome_script(),
        whole_step_script()
    );
    let out = plain(&sb, &script);

    let mut wanted = vec![
        "rekindle in plain mode".to_string(),
        "Your words are kept here as plain files".to_string(),
        "Their name:".to_string(),
        "Their pronouns:".to_string(),
        "1. they / them".to_string(),
        "Saved. The guide will say \"Sam\", with she / her.".to_string(),
        "Question 1 of 7:".to_string(),
        "Question 7 of 7:".to_string(),
        "Thank you. Nothing here stands in the way.".to_string(),
        "Your answers are saved.".to_string(),
        "Where you are: Step 1 of 8: Give it space (open).".to_string(),
        "Main menu.".to_string(),
        "1. Continue with Step 1 of 8: Give it space".to_string(),
        "Step 1 of 8: Give it space (open). What would you like to do?".to_string(),
    ];
    for (index, prompt) in step.prompts.iter().enumerate() {
        let question = rekindle::content::Naming {
            name: Some("Sam".into()),
            pronouns: rekindle::content::PronounSet::She,
        }
        .fill(&prompt.question);
        wanted.push(format!(
            "Question {} of {}: {question}",
            index + 1,
            step.prompts.len()
        ));
        wanted.push("Saved.".to_string());
    }
    wanted.push("That was the last question of this step.".to_string());
    for id in &step.checklists {
        let list = guide.checklist(id).unwrap();
        wanted.push(format!("{}: 0 of {} ticked.", list.title, list.len()));
        wanted.push("1. not ticked:".to_string());
        wanted.push(format!("Saved: item {} is ticked:", list.len()));
        wanted.push(format!(
            "{}: {n} of {n} ticked.",
            list.title,
            n = list.len()
        ));
    }
    wanted.extend([
        "Saved. \"Give it space\" is marked done.".to_string(),
        "Next: Step 2 of 8: Grow for yourself.".to_string(),
        "Where you are: Step 2 of 8: Grow for yourself (open).".to_string(),
        "New journal entry".to_string(),
        "Only you will read this.".to_string(),
        "Your mood with this entry: 1 very low, 2 low, 3 in between, 4 okay, 5 good.".to_string(),
        "Saved to your journal.".to_string(),
        "Goodbye. Everything you finished is saved.".to_string(),
    ]);
    in_order(&out, &wanted.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        !out.contains("is not one of the choices"),
        "the script's answers were all taken:\n{out}"
    );

    let saved = journey(&sb);
    assert_eq!(saved["welcomed"], true);
    assert_eq!(saved["settings"]["ex_name"], "Sam");
    assert_eq!(saved["settings"]["pronouns"], "she");
    assert_eq!(saved["path"], "reconcile");
    assert!(saved["checks"]["safety"]["answers"]["crisis"] == "no");
    let progress = &saved["steps"][STEP];
    assert!(progress["done"].is_string(), "{progress}");
    for (index, prompt) in step.prompts.iter().enumerate() {
        assert_eq!(
            progress["answers"][&prompt.id]["text"],
            format!("Answer {index}, first line\nand its second line")
        );
    }
    for id in &step.checklists {
        let list = guide.checklist(id).unwrap();
        let ChecklistEntries::Items(items) = &list.entries else {
            panic!("{id} has items to tick");
        };
        let ticked = saved["ticks"][id].as_array().unwrap();
        assert_eq!(ticked.len(), items.len(), "every item of {id} is ticked");
    }
    let entries = entries(&sb);
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0]["text"],
        "A quiet evening.\nI did not write to them."
    );
    assert_eq!(entries[0]["mood"], 4);

    let status = status(&sb);
    assert_eq!(status["path"]["done"], 1);
    assert_eq!(status["next"]["step"], "growth");
    assert_eq!(status["journal"]["entries"], 1);

    // A second run resumes at the next step, with no welcome, and reads the entry back.
    let again = plain(&sb, "4\nq\n");
    in_order(
        &again,
        &[
            "Welcome back.",
            "Where you are: Step 2 of 8: Grow for yourself (open).",
            "1. Continue with Step 2 of 8: Grow for yourself",
            "Your journal, newest first.",
            "Entry 1, written ",
            ", mood 4 of 5, okay:",
            "A quiet evening.",
            "I did not write to them.",
            "End of entry 1.",
            "That was every entry.",
            "Goodbye.",
        ],
    );
    assert!(!again.contains("Their name:"), "{again}");
}

#[test]
fn a_bad_answer_is_answered_with_what_is_expected_and_asked_again() {
    let sb = Sandbox::new();
    let guide = default_guide().unwrap();
    let questions = guide.check("safety").unwrap().questions.len();
    let script = format!("Sam\n7\nabc\n3\nmaybe\n{}99\nq\n", "no\n".repeat(questions));
    let out = plain(&sb, &script);
    in_order(
        &out,
        &[
            "Their pronouns:",
            "\"7\" is not one of the choices. Type a number from 1 to 3 and press Enter.",
            "Their pronouns:",
            "\"abc\" is not one of the choices. Type a number from 1 to 3 and press Enter.",
            "Their pronouns:",
            "Saved. The guide will say \"Sam\", with he / him.",
            "Question 1 of 7:",
            "\"maybe\" is not an answer here. Type yes, no or unsure (or y, n or u).",
            "Question 1 of 7:",
            "Question 2 of 7:",
            "Main menu.",
            "\"99\" is not one of the choices. Type a number from 1 to 13 and press Enter.",
            "Main menu.",
            "Goodbye.",
        ],
    );
    assert_eq!(journey(&sb)["settings"]["pronouns"], "he");
}

#[test]
fn the_end_of_input_mid_answer_keeps_what_was_answered_and_the_words_begun() {
    let sb = Sandbox::new();
    let guide = default_guide().unwrap();
    let step = guide.step(STEP).unwrap();
    // The first question answered, the second begun and cut off by the end of the input.
    let script = format!(
        "{}1\n1\nThe first answer.\n.\nThe second, begun\nand not finished",
        welcome_script()
    );
    let output = sb.cmd(&["--plain"]).write_stdin(script).output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "exit {:?}:\n{out}", output.status);
    in_order(
        &out,
        &[
            "Question 1 of 4:",
            "Saved.",
            "Question 2 of 4:",
            "What you were writing is kept as a draft; it is offered again next time.",
            "The input has ended, so this is goodbye. Everything you finished is saved.",
        ],
    );
    let saved = journey(&sb);
    let answers = &saved["steps"][STEP]["answers"];
    assert_eq!(answers[&step.prompts[0].id]["text"], "The first answer.");
    assert!(answers[&step.prompts[1].id].is_null());
    let drafts: Value =
        serde_json::from_slice(&fs::read(sb.data().join("drafts.json")).unwrap()).unwrap();
    let key = format!("prompt:{STEP}:{}", step.prompts[1].id);
    assert_eq!(
        drafts["texts"][&key]["text"], "The second, begun\nand not finished",
        "{drafts}"
    );

    // Next time the draft is offered, and Enter alone saves it as the answer.
    let again = plain(&sb, "1\n1\n\n\nq\n");
    in_order(
        &again,
        &[
            "Question 1 of 4:",
            "Your saved answer:",
            "The first answer.",
            "Kept as it was.",
            "Question 2 of 4:",
            "You had started writing this answer; it was kept as a draft:",
            "The second, begun",
            "Enter alone on the first line saves the draft above as your answer.",
            "Saved.",
        ],
    );
    let saved = journey(&sb);
    assert_eq!(
        saved["steps"][STEP]["answers"][&step.prompts[1].id]["text"],
        "The second, begun\nand not finished"
    );
    let drafts: Value =
        serde_json::from_slice(&fs::read(sb.data().join("drafts.json")).unwrap()).unwrap();
    assert!(
        drafts["texts"][&key].is_null(),
        "the draft is cleared once saved"
    );
}

#[test]
fn the_end_of_input_at_the_mood_still_saves_the_entry() {
    let sb = Sandbox::new();
    let script = format!("{}3\nWritten, then the input ends.\n.\n", welcome_script());
    let out = plain(&sb, &script);
    in_order(
        &out,
        &[
            "Your mood with this entry",
            "Saved to your journal, without a mood.",
        ],
    );
    let entries = entries(&sb);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["text"], "Written, then the input ends.");
    assert!(entries[0]["mood"].is_null());
}

#[test]
fn yes_to_the_crisis_question_shows_the_help_page_first_and_routes_to_healing() {
    let sb = Sandbox::new();
    let guide = default_guide().unwrap();
    let safety = guide.check("safety").unwrap();
    assert_eq!(safety.questions[0].id, "crisis");
    // Yes to the crisis question, Enter to come back, no to the rest.
    let script = format!(
        "\n\nyes\n\n{}q\n",
        "no\n".repeat(safety.questions.len() - 1)
    );
    let out = plain(&sb, &script);
    let naming = rekindle::content::Naming::default();
    let note = naming.fill(&safety.concern_note);
    let first_line = note.lines().next().unwrap();
    in_order(
        &out,
        &[
            "Question 1 of 7: Are you in crisis right now",
            "Please reach out to someone now.",
            "Where to find help",
            "In danger or in crisis right now",
            "Emergency: 112 (EU), 999 (UK), 911 (US, Canada).",
            "End of the help page.",
            "When you are ready, press Enter to come back to the questions.",
            "Question 2 of 7:",
            first_line,
            &naming.fill(&safety.questions[0].reason),
            "Your answers are saved.",
            "Your path is now \"Heal and move forward\".",
            "Type ! at any question to see where to find support now.",
        ],
    );
    let saved = journey(&sb);
    assert_eq!(saved["checks"]["safety"]["answers"]["crisis"], "yes");
    assert_eq!(saved["path"], "heal");
    assert!(!status(&sb)["contact_closed"].as_array().unwrap().is_empty());
}

#[test]
fn bang_at_any_question_shows_support_and_asks_the_question_again() {
    let sb = Sandbox::new();
    let out = plain(&sb, "!\nq\n");
    in_order(
        &out,
        &[
            "Their name:",
            "Where to find support now.",
            "Emergency: 112 (EU)",
            "End of the help page.",
            "Back to the question.",
            "Their name:",
            "Goodbye.",
        ],
    );
}

#[test]
fn no_contact_starts_with_a_target_and_a_promise_and_logs_a_slip() {
    let sb = Sandbox::new();
    // Main menu 6: no contact; start it: 30 days, begun 2 days ago, what would have to be true.
    // Then a slip: checked their socials, felt 2, keep the count, what set it off.
    let script = format!(
        "{}6\nyes\n30\n2\nThat we both want it, calmly.\n.\n6\n1\n4\n2\nno\nA photo came up.\n.\n\nq\n",
        welcome_script()
    );
    let out = plain(&sb, &script);
    in_order(
        &out,
        &[
            "No contact has not started.",
            "Start no contact now?",
            "How many days do you aim for?",
            "When did you stop contact?",
            "Before you begin: what would have to be true to reconnect?",
            "Saved. No contact has begun: day 3 of 30.",
            "No contact (day 3 of 30)",
            "Day 3 of no contact (2 days done), aiming for 30 days.",
            "What happened?",
            "4. checked socials",
            "How did it feel?",
            "Start the count again from today?",
            "What set it off?",
            "Logged. Your history is kept; be gentle with yourself.",
            "1 slip logged.",
            "checked socials. A photo came up.",
        ],
    );
    let saved = journey(&sb);
    let record = &saved["no_contact"];
    assert_eq!(record["target_days"], 30);
    assert_eq!(record["commitment"], "That we both want it, calmly.");
    assert_eq!(record["breaks"][0]["what"], "checked-socials");
    assert_eq!(record["breaks"][0]["trigger"], "A photo came up.");
    assert_eq!(record["breaks"][0]["resets"], false);
}

#[test]
fn an_urge_pause_keeps_the_message_and_ends_with_how_it_went() {
    let sb = Sandbox::new();
    let script = format!("{}7\nI miss you, can we talk?\n.\n1\nq\n", welcome_script());
    let out = plain(&sb, &script);
    in_order(
        &out,
        &[
            "Saved. A pause of 10 minutes has begun.",
            "Pause before you reach out",
            " left, until ",
            "Ask yourself:",
            "Nothing you write here is ever sent to anyone.",
            "Write it here instead: the message you would have sent.",
            "Kept here. Nothing was sent.",
            "When you are ready, how did it end?",
            "1. I waited, and the urge passed",
            "Logged. Nothing was sent.",
            "However this pause ended",
        ],
    );
    let saved = journey(&sb);
    assert_eq!(saved["urges"][0]["draft"], "I miss you, can we talk?");
    assert_eq!(saved["urges"][0]["ended"][1], "waited");
}

#[test]
fn a_mood_check_in_is_saved_with_its_word() {
    let sb = Sandbox::new();
    let out = plain(&sb, &format!("{}5\n2\ntired\nq\n", welcome_script()));
    in_order(
        &out,
        &[
            "How are you feeling right now?",
            "A word for how you feel",
            "Noted: low. Thank you for checking in.",
        ],
    );
    let saved = journey(&sb);
    assert_eq!(saved["moods"][0]["mood"], 2);
    assert_eq!(saved["moods"][0]["word"], "tired");
}

#[test]
fn stored_text_with_escape_sequences_is_shown_visibly() {
    let sb = Sandbox::new();
    sb.cmd(&["journal", "add", "before \x1b]0;owned\x07 after"])
        .assert()
        .success();
    let out = plain(&sb, &format!("{}4\nq\n", welcome_script()));
    assert!(out.contains("before ␛]0;owned␇ after"), "{out}");
}

#[test]
fn a_pipe_chooses_plain_mode_without_the_flag_and_help_names_it() {
    let sb = Sandbox::new();
    let out = sb.cmd(&[]).write_stdin("q\n").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("rekindle in plain mode"), "{stdout}");
    assert!(!stdout.contains('\x1b'));

    let help = sb.bare().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("--plain"), "{help}");
    assert!(help.contains("screen reader"), "{help}");
}

#[test]
fn term_dumb_chooses_plain_mode_in_a_real_terminal_and_plain_reads_line_by_line() {
    let data = tempfile::TempDir::new().unwrap();
    let tmux = e2e_support::Tmux::new("plain-dumb");
    let command = format!(
        "env -u NO_COLOR -u REKINDLE_CONFIG XDG_CONFIG_HOME='{}.config' TERM=dumb \
         REKINDLE_DATA_DIR='{}' '{}'; echo EXITED=$?; sleep 30",
        data.path().display(),
        data.path().display(),
        e2e_support::binary().display()
    );
    tmux.tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    tmux.wait_for("Their name:");
    tmux.text("Sam");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Enter alone chooses they / them.");
    assert!(screen.contains("3. he / him"), "{screen}");
    tmux.keys(&["2", "Enter"]);
    tmux.wait_for("Question 1 of 7:");
    tmux.keys(&["q", "Enter"]);
    let end = tmux.wait_for("EXITED=0");
    assert!(end.contains("not finished"), "{end}");
    assert!(end.contains("Goodbye."), "{end}");
    let saved: Value =
        serde_json::from_slice(&fs::read(data.path().join("journey.json")).unwrap()).unwrap();
    assert_eq!(saved["settings"]["ex_name"], "Sam");
}

#[test]
fn the_review_at_the_target_offers_going_on_and_saves_the_choice() {
    let sb = Sandbox::new();
    // No contact of 7 days begun 7 days ago, no words; the review leads the menu; go on.
    let script = format!("{}6\nyes\n7\n7\n\n1\n1\nq\n", welcome_script());
    let out = plain(&sb, &script);
    in_order(
        &out,
        &[
            "Saved. No contact has begun: 7 days, target reached.",
            "You reached your no-contact target: the review is waiting.",
            "1. You reached your no-contact target: look back and choose",
            "Your no-contact review",
            "What you wrote when you began:",
            "You did not write anything then.",
            "1. Go on to reaching out.",
            "2. Take more time (7 more days).",
            "3. Take the heal path.",
            "Saved. Reaching out is open when you are ready.",
        ],
    );
    let saved = journey(&sb);
    assert_eq!(saved["no_contact"]["reviews"][0]["choice"], "go-on");
}

/// A journey ready to reach out: safety clear, no contact reviewed with "go on", the first
/// three steps done and the readiness list ticked; with `sent`, reaching out is marked done.
fn write_ready_to_reach_out(sb: &Sandbox, sent: bool) {
    use chrono::{Duration, Utc};
    use rekindle::content::Answer;
    use rekindle::engine::{Action, Journal, Journey, Now, Workbook, apply};

    let guide = default_guide().unwrap();
    let start = Utc::now() - Duration::days(10);
    let mut book = Workbook {
        journey: Journey::new(&guide, start),
        journal: Journal::default(),
        drafts: Default::default(),
    };
    let mut act = |action: Action, days_ago: i64| {
        let at = Utc::now() - Duration::days(days_ago);
        apply(&mut book, &guide, action, Now::new(at, &Utc)).unwrap();
    };
    act(
        Action::Welcome {
            ex_name: None,
            pronouns: Default::default(),
        },
        10,
    );
    let answers = guide
        .check("safety")
        .unwrap()
        .questions
        .iter()
        .map(|q| (q.id.clone(), Answer::No))
        .collect();
    act(
        Action::AnswerCheck {
            check: "safety".into(),
            answers,
            reflection: None,
        },
        10,
    );
    act(
        Action::StartNoContact {
            target_days: 7,
            commitment: None,
        },
        9,
    );
    act(Action::Review(rekindle::engine::ReviewChoice::GoOn), 1);
    for step in ["space", "growth", "reflect"] {
        act(Action::MarkDone(step.into()), 1);
    }
    for item in guide.checklist("readiness").unwrap().entry_ids() {
        act(
            Action::ToggleItem {
                checklist: "readiness".into(),
                item: item.into(),
            },
            1,
        );
    }
    if sent {
        act(Action::MarkDone("reach-out".into()), 1);
    }
    fs::create_dir_all(sb.data()).unwrap();
    fs::write(
        sb.data().join("journey.json"),
        serde_json::to_vec_pretty(&book.journey).unwrap(),
    )
    .unwrap();
}

#[test]
fn a_warm_response_is_noted_and_opens_the_next_step() {
    let sb = Sandbox::new();
    let guide = default_guide().unwrap();
    write_ready_to_reach_out(&sb, true);
    let out = plain(&sb, "10\n1\n\nq\n");
    let title = guide.tools.response.title.replace("{ex}", "your ex");
    in_order(
        &out,
        &[
            "10. How did your ex respond? Note it here",
            &title,
            "Choose what happened:",
            "Saved.",
            "Press Enter to open the next step, or type no to go back to the main menu.",
            "Step 5 of 8: Rebuild the connection (open)",
        ],
    );
    assert_eq!(journey(&sb)["responses"][0]["response"], "warm");
}

#[test]
fn an_entry_that_cannot_be_filed_is_kept_as_a_draft_and_never_called_saved() {
    let sb = Sandbox::new();
    plain(&sb, "q\n");
    // This month's file is damaged: rekindle never writes over a file it cannot read.
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let file = sb.journal().join(format!("{month}.json"));
    fs::create_dir_all(sb.journal()).unwrap();
    let damaged = format!("{{\"schema\":1,\"month\":\"{month}\",\"entries\":[{{broken");
    fs::write(&file, &damaged).unwrap();
    let script = format!(
        "{}3\nWords that must not be lost.\n.\n2\nq\n",
        welcome_script()
    );
    let output = sb.cmd(&["--plain"]).write_stdin(script).output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{out}\n{err}");
    in_order(
        &out,
        &[
            "Your mood with this entry",
            "Not saved: did not save over",
            "What you were writing is kept as a draft; it is offered again next time.",
            "Goodbye.",
        ],
    );
    assert!(!out.contains("Saved to your journal"), "{out}");
    assert!(!out.contains("Everything you finished is saved"), "{out}");
    assert!(err.contains("could not be saved"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), damaged);
    let drafts: Value =
        serde_json::from_slice(&fs::read(sb.data().join("drafts.json")).unwrap()).unwrap();
    assert_eq!(
        drafts["texts"]["entry-new"]["text"],
        "Words that must not be lost."
    );
}

#[test]
fn a_read_only_window_changes_nothing_and_says_so() {
    let sb = Sandbox::new();
    plain(&sb, &format!("{}q\n", welcome_script()));
    let before = fs::read(sb.data().join("journey.json")).unwrap();
    let out = sb
        .cmd(&["--plain", "--read-only"])
        .write_stdin("5\n3\n\nq\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    in_order(
        &out,
        &[
            "rekindle in plain mode, read-only",
            "How are you feeling right now?",
            "Read-only window: nothing can be changed here.",
            "Goodbye. This window was read-only, so nothing was changed.",
        ],
    );
    assert!(!out.contains("Noted:"), "{out}");
    assert_eq!(fs::read(sb.data().join("journey.json")).unwrap(), before);
}

#[test]
fn ctrl_c_while_writing_loses_at_most_the_line_being_typed() {
    use std::io::Write as _;
    use std::process::Stdio;

    let sb = Sandbox::new();
    plain(&sb, &format!("{}q\n", welcome_script()));
    let mut child = std::process::Command::new(bin())
        .arg("--data-dir")
        .arg(sb.data())
        .arg("--plain")
        .env("TZ", UTC)
        .env_remove("REKINDLE_CONFIG")
        .env("XDG_CONFIG_HOME", sb.file("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input
        .write_all(b"3\nThe first line of a long entry,\nand a second one.\n")
        .unwrap();
    input.flush().unwrap();
    let drafts = sb.data().join("drafts.json");
    let wanted = "The first line of a long entry,\nand a second one.";
    let start = std::time::Instant::now();
    while !fs::read_to_string(&drafts).is_ok_and(|d| d.contains("and a second one.")) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "no draft kept"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    child.wait().unwrap();
    let drafts: Value = serde_json::from_slice(&fs::read(&drafts).unwrap()).unwrap();
    assert_eq!(drafts["texts"]["entry-new"]["text"], wanted);

    // The next run offers it, and Enter alone saves it.
    let out = plain(&sb, "3\n\n\nq\n");
    in_order(
        &out,
        &[
            "You had started writing this entry; it was kept as a draft:",
            "The first line of a long entry,",
            "Saved to your journal.",
        ],
    );
    assert_eq!(entries(&sb)[0]["text"], wanted);
}

#[test]
fn a_contact_is_logged_from_reaching_out_and_offered_as_a_slip() {
    let sb = Sandbox::new();
    write_ready_to_reach_out(&sb, false);
    let guide = default_guide().unwrap();
    let step = guide.step("reach-out").unwrap();
    // The step's menu: questions, its checklists, mark done, its pages, then its tools.
    let tool = step
        .actions
        .iter()
        .position(|a| *a == rekindle::content::StepAction::LogContact)
        .unwrap();
    let log = 1 + step.checklists.len() + 1 + step.pages.len() + tool + 1;
    let script = format!("1\n{log}\n1\n1\nno\n2\nSaid hello.\n.\nno\n\n\nq\n");
    let out = plain(&sb, &script);
    in_order(
        &out,
        &[
            "1. Continue with Step 4 of 8: Reach out lightly",
            &format!("{log}. Log a contact, and see how contact has gone"),
            "Contact log",
            "Logged so far: nothing yet.",
            "Who reached out?",
            "Did they reply?",
            "How did it feel?",
            "How did it go?",
            "Logged. When your ex answers, or after",
            "No contact is running. Log this as a slip too?",
            "Logged so far, newest first: 1 contact.",
            "I reached out, no reply, it felt low. Said hello.",
        ],
    );
    let saved = journey(&sb);
    assert_eq!(saved["contacts"][0]["by"], "me");
    assert_eq!(saved["contacts"][0]["went"], "Said hello.");
    assert!(saved["no_contact"]["breaks"].as_array().unwrap().is_empty());
}
