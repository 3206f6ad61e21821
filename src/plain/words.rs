//! What plain mode says: every question and every page as lines of text, built from the guide
//! and the workbook with the workbook screens' own wording. Pure: no input, no output.
//!
//! Each line is meant to make sense on its own, read aloud by a screen reader or passed through
//! a pipe: no marks that only a picture explains (no `[x]`, no arrows), keys named in words.

use crate::content::{Answer, Check, Checklist, ChecklistEntries, Page, Question, Step};
use crate::engine::{JournalEntry, LockReason, StepStatus, UrgeOutcome, step_status};
use crate::tui::screens::View;

/// How a text of several lines is ended, said after every question that takes one.
pub const HOW_TO_END: &str = "A line holding only a full stop (.) ends it.";

/// Pack text as lines: its paragraphs, placeholders filled, each paragraph on one line and a
/// blank line between them.
pub fn paragraphs(view: &View, text: &str) -> Vec<String> {
    let prose = view.prose(text);
    let mut lines = Vec::new();
    for (index, paragraph) in prose.split("\n\n").enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        lines.push(paragraph.to_string());
    }
    lines
}

/// "Step 2 of 8: Grow for yourself": the step's place on the path the user follows (or on
/// its own path, if another).
pub fn step_position(view: &View, step: &Step) -> String {
    let path = view
        .guide
        .path(&view.book.journey.path)
        .filter(|p| p.steps.contains(&step.id))
        .or_else(|| view.guide.path_of(&step.id));
    match path.and_then(|p| Some((p.steps.iter().position(|s| *s == step.id)?, p))) {
        Some((index, path)) => {
            format!("Step {} of {}: {}", index + 1, path.steps.len(), step.title)
        }
        None => step.title.clone(),
    }
}

/// "Step 2 of 8: Grow for yourself (in progress)".
pub fn step_with_status(view: &View, step: &Step) -> String {
    let status = step_status(view.guide, &view.book.journey, step, view.now);
    format!("{} ({})", step_position(view, step), status_words(&status))
}

/// A step's status in words.
pub fn status_words(status: &StepStatus) -> &'static str {
    match status {
        StepStatus::Locked(reasons) if reasons.iter().any(LockReason::is_protective) => "closed",
        StepStatus::Locked(_) => "not open yet",
        other => other.label(),
    }
}

/// The no-contact count in a sentence, as home shows it.
pub fn no_contact_line(view: &View) -> String {
    match &view.book.journey.no_contact {
        Some(record) => format!("No contact: {}.", record.progress(view.now).headline()),
        None => "No contact has not started.".to_string(),
    }
}

/// The top of a step: where it is, its summary, why it is not open (every reason, a safety one
/// first), its text, and the words for the user's situation.
pub fn step_intro(view: &View, step: &Step) -> Vec<String> {
    let status = step_status(view.guide, &view.book.journey, step, view.now);
    let mut lines = vec![step_with_status(view, step), view.fill(&step.summary)];
    if let StepStatus::Locked(reasons) = &status {
        lines.extend(locked_lines(view, reasons));
    }
    lines.push(String::new());
    lines.extend(paragraphs(view, &step.body));
    for situation in crate::engine::situations(&view.book.journey, step) {
        lines.push(String::new());
        lines.push(view.fill(&situation.heading));
        lines.extend(paragraphs(view, &situation.body));
    }
    lines
}

/// Why a step is locked: "Closed:" for a protective reason, else "Not open yet:", and each
/// reason on its own line.
pub fn locked_lines(view: &View, reasons: &[LockReason]) -> Vec<String> {
    let heading = if reasons.iter().any(LockReason::is_protective) {
        "Closed:"
    } else {
        "Not open yet:"
    };
    let mut lines = vec![heading.to_string()];
    lines.extend(reasons.iter().map(|r| view.fill(&r.describe())));
    lines
}

/// Numbered options, one a line: "1. Write in your journal".
pub fn numbered(options: &[String]) -> Vec<String> {
    options
        .iter()
        .enumerate()
        .map(|(index, option)| format!("{}. {option}", index + 1))
        .collect()
}

/// A reflection question: its number, the question, its hint, what is saved (or kept as a
/// draft), and how to answer.
pub fn prompt_question(
    view: &View,
    number: (usize, usize),
    question: &str,
    hint: Option<&str>,
    saved: Option<&str>,
    draft: Option<&str>,
) -> Vec<String> {
    let mut lines = vec![format!(
        "Question {} of {}: {}",
        number.0,
        number.1,
        view.fill(question)
    )];
    lines.extend(hint.map(|h| view.fill(h)));
    lines.extend(saved_text(saved, draft, "answer"));
    let enter = match (saved, draft) {
        (_, Some(_)) => "Enter alone on the first line saves the draft above as your answer.",
        (Some(_), None) => "Enter alone on the first line keeps your saved answer.",
        (None, None) => "Enter alone on the first line skips it for now.",
    };
    lines.push(format!("Write your answer. {HOW_TO_END} {enter}"));
    lines
}

/// What is already written for a field: a draft kept from an earlier visit comes first, as the
/// workbook's editor opens with it.
pub fn saved_text(saved: Option<&str>, draft: Option<&str>, what: &str) -> Vec<String> {
    let mut lines = Vec::new();
    match (draft, saved) {
        (Some(draft), _) => {
            lines.push(format!(
                "You had started writing this {what}; it was kept as a draft:"
            ));
            lines.extend(draft.lines().map(str::to_string));
            lines.push("End of the draft.".to_string());
        }
        (None, Some(saved)) => {
            lines.push(format!("Your saved {what}:"));
            lines.extend(saved.lines().map(str::to_string));
            lines.push(format!("End of your saved {what}."));
        }
        (None, None) => lines.push("Not answered yet.".to_string()),
    }
    lines
}

/// A checklist as numbered items, each saying whether it is ticked; a list of helpful and
/// harmful pairs as sentences.
pub fn checklist_lines(view: &View, list: &Checklist) -> Vec<String> {
    let mut lines = vec![format!("{}: {}.", list.title, ticked_count(view, list))];
    lines.extend(paragraphs(view, &list.intro));
    if let Some(caution) = &list.caution {
        lines.push(format!("Remember: {}", view.prose(caution)));
    }
    match &list.entries {
        ChecklistEntries::Items(items) => {
            for (index, item) in items.iter().enumerate() {
                let mark = if view.book.journey.is_ticked(&list.id, &item.id) {
                    "ticked"
                } else {
                    "not ticked"
                };
                lines.push(format!("{}. {mark}: {}", index + 1, view.fill(&item.text)));
            }
        }
        ChecklistEntries::Pairs(pairs) => {
            for pair in pairs {
                lines.push(format!(
                    "Helps: {} Hurts: {}",
                    sentence(&view.fill(&pair.helps)),
                    sentence(&view.fill(&pair.hurts))
                ));
            }
        }
    }
    lines
}

/// "2 of 7 ticked", or "a list to read" for pairs.
pub fn ticked_count(view: &View, list: &Checklist) -> String {
    match &list.entries {
        ChecklistEntries::Items(items) => {
            let ticked = items
                .iter()
                .filter(|i| view.book.journey.is_ticked(&list.id, &i.id))
                .count();
            format!("{ticked} of {} ticked", items.len())
        }
        ChecklistEntries::Pairs(_) => "helpful and harmful ways, to read".to_string(),
    }
}

/// One question of a check: its number, the question, its hint, the last answer, and how to
/// answer.
pub fn check_question(
    view: &View,
    number: (usize, usize),
    question: &Question,
    last: Option<Answer>,
) -> Vec<String> {
    let mut lines = vec![format!(
        "Question {} of {}: {}",
        number.0,
        number.1,
        view.fill(&question.question)
    )];
    lines.extend(question.hint.as_ref().map(|h| view.fill(h)));
    match last {
        Some(answer) => lines.push(format!(
            "Your last answer: {}. Type yes, no or unsure; Enter alone keeps it.",
            answer_words(answer)
        )),
        None => lines.push("Type yes, no or unsure, and press Enter.".to_string()),
    }
    lines
}

/// An answer in words.
pub fn answer_words(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unsure => "not sure",
    }
}

/// What a check's answers mean, as the check screen says it once every question is answered:
/// the kind note and every reason when an answer raises a concern, else that nothing stands in
/// the way. `taken_back` are the questions whose concern these answers withdraw.
pub fn check_summary(
    view: &View,
    check: &Check,
    answers: &std::collections::BTreeMap<String, Answer>,
    taken_back: &[String],
) -> Vec<String> {
    let concerns = crate::engine::concerns_in(check, answers);
    let mut lines = Vec::new();
    if !taken_back.is_empty() {
        lines.push(
            "You are taking back an answer that raised a concern. This is why it mattered:"
                .to_string(),
        );
        lines.extend(
            check
                .questions
                .iter()
                .filter(|q| taken_back.contains(&q.id))
                .map(|q| view.fill(&q.reason)),
        );
        lines.push(format!(
            "Your earlier answers stay on record. Before this is saved you are asked to write \
             what has changed, and contact steps stay closed for {} days after.",
            check.cooling_days
        ));
        if concerns.is_empty() {
            return lines;
        }
        lines.push(String::new());
    }
    if concerns.is_empty() {
        lines.push("Thank you. Nothing here stands in the way.".to_string());
        return lines;
    }
    lines.extend(paragraphs(view, &check.concern_note));
    for question in concerns {
        lines.push(view.fill(&question.reason));
        if let Some(page) = question.page.as_deref().and_then(|p| view.guide.page(p)) {
            lines.push(format!(
                "The library page \"{}\" is for this; it is in the library, from the main menu.",
                page.title
            ));
        }
    }
    lines
}

/// A library page in full; the help page puts the user's region's numbers first.
pub fn page_lines(view: &View, page: &Page) -> Vec<String> {
    let mut lines = vec![page.title.clone(), view.fill(&page.summary)];
    if let Some(date) = page.last_checked {
        lines.push(format!("Last checked {}", date.format("%-d %B %Y")));
    }
    if page.id == view.guide.help_page {
        lines.extend(region_lines(view));
    }
    for section in &page.sections {
        lines.push(String::new());
        lines.push(view.fill(&section.heading));
        lines.extend(paragraphs(view, &section.body));
    }
    lines
}

/// The official numbers for the region the user chose, as the help page shows them.
fn region_lines(view: &View) -> Vec<String> {
    let Some(region) = view
        .book
        .journey
        .profile
        .get(crate::engine::REGION_KEY)
        .and_then(|id| view.guide.tools.regions.iter().find(|r| &r.id == id))
    else {
        return Vec::new();
    };
    let mut lines = vec![
        String::new(),
        format!(
            "In {} (numbers last checked {})",
            region.name,
            region.last_checked.format("%-d %B %Y")
        ),
    ];
    lines.extend(
        region
            .lines
            .iter()
            .map(|l| format!("{}: {}. {}", l.organisation, l.number, l.about)),
    );
    lines
}

/// The running no-contact count as the no-contact screen shows it, with its history of slips.
pub fn no_contact_lines(view: &View) -> Vec<String> {
    let journey = &view.book.journey;
    let Some(record) = journey.no_contact.as_ref().filter(|n| n.ended.is_none()) else {
        let mut lines = vec![match journey
            .no_contact
            .as_ref()
            .and_then(|n| Some((n, n.ended?)))
        {
            Some((n, ended)) => format!(
                "No contact ended on {}, when you reached out, after {}. Its history is kept.",
                view.now.calendar.date_of(ended).format("%-d %b"),
                counted(n.progress(view.now).current_days as usize, "day")
            ),
            None => "No contact has not started.".to_string(),
        }];
        if let Some(page) = view.guide.page(&view.guide.no_contact_page) {
            lines.push(view.fill(&page.summary));
        }
        return lines;
    };
    let count = record.progress(view.now);
    let closed = !crate::engine::contact_closed(view.guide, journey, view.now).is_empty();
    let target = if closed {
        "Contact steps are closed, so this count is for your own steadiness, not a wait for \
         contact."
            .to_string()
    } else if count.reached {
        "You reached your target. Take a moment: how do you feel about reaching out, or not?"
            .to_string()
    } else {
        format!(
            "Target date: {} ({} to go).",
            count.target_date.format("%a %-d %b %Y"),
            counted(count.remaining_days as usize, "day")
        )
    };
    let mut lines = vec![
        format!(
            "Day {} of no contact ({} done), aiming for {}.",
            count.day,
            counted(count.current_days as usize, "day"),
            counted(count.target_days as usize, "day")
        ),
        target,
        format!(
            "Longest run {}; {} since you began; {} logged.",
            counted(count.longest_days as usize, "day"),
            counted(count.total_days as usize, "day"),
            counted(count.breaks, "slip"),
        ),
    ];
    if record.breaks.is_empty() {
        lines.push(
            "No slips logged. If one happens, you can log it here, without judgement.".into(),
        );
    }
    for slip in record.breaks.iter().rev() {
        let reset = if slip.resets { ", count restarted" } else { "" };
        lines.push(format!(
            "Slip on {}: {}{reset}. {}",
            view.now.calendar.date_of(slip.at).format("%-d %b"),
            slip_words(slip.what),
            slip.trigger.lines().next().unwrap_or("")
        ));
    }
    lines
}

/// What kind of slip, in words (the file's word with spaces).
pub fn slip_words(kind: crate::engine::BreakKind) -> String {
    kind.name().replace('-', " ")
}

/// The urge pause as its screen shows it: time left, why a pause helps, the user's own
/// reasons, the questions to ask oneself, and that nothing is sent.
pub fn urge_lines(view: &View, pause: &crate::engine::UrgePause) -> Vec<String> {
    let text = &view.guide.tools.urge_pause;
    let left = pause.remaining(view.now.at);
    let mut lines = vec![if pause.cooled(view.now.at) {
        "The pause is over. How did it go?".to_string()
    } else {
        format!(
            "{}:{:02} left, until {}. Breathe; nothing needs deciding yet.",
            left.num_minutes(),
            left.num_seconds() % 60,
            view.now
                .calendar
                .local(pause.started + chrono::Duration::minutes(i64::from(pause.minutes)))
                .format("%H:%M")
        )
    }];
    lines.push(String::new());
    lines.extend(paragraphs(view, &text.intro));
    let reasons: Vec<String> = text
        .reasons_from
        .iter()
        .flat_map(|step| view.book.journey.step(step).answers.into_values())
        .map(|a| a.text)
        .collect();
    if !reasons.is_empty() {
        lines.push(String::new());
        lines.push(view.fill(&text.reasons_heading));
        lines.extend(reasons.iter().map(|r| format!("You wrote: “{r}”")));
    }
    lines.push(String::new());
    lines.push("Ask yourself:".to_string());
    lines.extend(text.questions.iter().map(|q| view.fill(q)));
    lines.push(String::new());
    lines.push(view.fill(&text.never_sent));
    lines
}

/// How an urge pause can end, as numbered choices take them.
pub fn urge_endings() -> Vec<String> {
    UrgeOutcome::ALL
        .iter()
        .map(|(_, l)| l.to_string())
        .collect()
}

/// One journal entry: a heading line with its number, local date and time, mood and step,
/// then its text line by line.
pub fn entry_lines(view: &View, entry: &JournalEntry, number: usize) -> Vec<String> {
    let mut heading = format!(
        "Entry {number}, written {}",
        view.now
            .calendar
            .local(entry.created)
            .format("%a %-d %b %Y at %H:%M")
    );
    if entry.edited.is_some() {
        heading.push_str(" (edited)");
    }
    if let Some(mood) = entry.mood {
        heading.push_str(&format!(
            ", mood {mood} of 5, {}",
            view.guide.tools.mood.label(mood)
        ));
    }
    if let Some(step) = entry.step.as_ref().and_then(|s| view.guide.step(s)) {
        heading.push_str(&format!(", about \"{}\"", step.title));
    }
    heading.push(':');
    let mut lines = vec![heading];
    lines.extend(entry.text.lines().map(str::to_string));
    lines.push(format!("End of entry {number}."));
    lines
}

/// The moods to choose from: "1 very low, 2 low, 3 in between, 4 okay, 5 good".
pub fn mood_choices(view: &View) -> String {
    view.guide
        .tools
        .mood
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{} {l}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 day", "3 slips".
pub fn counted(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `text` ending in a full stop (or its own closing mark).
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::content::{Guide, default_guide};
    use crate::engine::search::SearchIndex;
    use crate::engine::{Action, Journal, Journey, Now, Workbook, apply};
    use crate::tui::theme::Theme;

    fn at() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 21, 0, 0).unwrap()
    }

    fn book(guide: &Guide, actions: Vec<Action>) -> Workbook {
        let mut book = Workbook {
            journey: Journey::new(guide, at()),
            journal: Journal::default(),
            drafts: Default::default(),
        };
        for action in actions {
            apply(&mut book, guide, action, Now::new(at(), &Utc)).unwrap();
        }
        book
    }

    fn view<'a>(guide: &'a Guide, book: &'a Workbook, search: &'a SearchIndex) -> View<'a> {
        View {
            guide,
            book,
            now: Now::new(at(), &Utc),
            theme: &Theme::PLAIN,
            naming: book.journey.naming(),
            search,
        }
    }

    fn named() -> Action {
        Action::Welcome {
            ex_name: Some("Sam".into()),
            pronouns: crate::content::PronounSet::She,
        }
    }

    #[test]
    fn a_step_is_placed_on_its_path_with_its_status() {
        let guide = default_guide().unwrap();
        let book = book(&guide, vec![]);
        let search = SearchIndex::default();
        let view = view(&guide, &book, &search);
        let growth = guide.step("growth").unwrap();
        assert_eq!(
            step_position(&view, growth),
            "Step 2 of 8: Grow for yourself"
        );
        assert_eq!(
            step_with_status(&view, growth),
            "Step 2 of 8: Grow for yourself (open)"
        );
        let grieve = guide.step("grieve").unwrap();
        assert!(step_position(&view, grieve).starts_with("Step 1 of 5: "));
    }

    #[test]
    fn a_locked_step_says_why_in_whole_sentences_with_the_ex_named() {
        let guide = default_guide().unwrap();
        let book = book(&guide, vec![named()]);
        let search = SearchIndex::default();
        let view = view(&guide, &book, &search);
        let lines = step_intro(&view, guide.step("reach-out").unwrap());
        assert!(lines[0].ends_with("(not open yet)"), "{lines:?}");
        let at = lines.iter().position(|l| l == "Not open yet:").unwrap();
        assert!(
            lines[at + 1].starts_with("Opens after the safety check"),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| !l.contains("{ex}")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("Sam")), "{lines:?}");
    }

    #[test]
    fn checklist_items_are_numbered_and_say_ticked_in_words() {
        let guide = default_guide().unwrap();
        let list = guide.checklist("mistakes").unwrap();
        let first = list.entry_ids()[0].to_string();
        let book = book(
            &guide,
            vec![Action::ToggleItem {
                checklist: "mistakes".into(),
                item: first,
            }],
        );
        let search = SearchIndex::default();
        let lines = checklist_lines(&view(&guide, &book, &search), list);
        assert_eq!(
            lines[0],
            format!("{}: 1 of {} ticked.", list.title, list.len())
        );
        assert!(
            lines.iter().any(|l| l.starts_with("1. ticked: ")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("2. not ticked: ")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .all(|l| !l.contains("[x]") && !l.contains("[ ]"))
        );
    }

    #[test]
    fn a_question_says_what_is_saved_and_what_enter_alone_does() {
        let guide = default_guide().unwrap();
        let book = book(&guide, vec![]);
        let search = SearchIndex::default();
        let view = view(&guide, &book, &search);
        let fresh = prompt_question(&view, (1, 4), "Why {ex}?", Some("A hint."), None, None);
        assert_eq!(fresh[0], "Question 1 of 4: Why your ex?");
        assert_eq!(fresh[1], "A hint.");
        assert_eq!(fresh[2], "Not answered yet.");
        assert!(fresh[3].ends_with("skips it for now."));
        let saved = prompt_question(&view, (2, 4), "Q", None, Some("one\ntwo"), None);
        assert_eq!(
            saved[1..5],
            [
                "Your saved answer:",
                "one",
                "two",
                "End of your saved answer."
            ]
        );
        assert!(saved[5].ends_with("keeps your saved answer."));
        let drafted = prompt_question(&view, (2, 4), "Q", None, Some("old"), Some("new"));
        assert!(drafted[1].contains("kept as a draft"));
        assert_eq!(drafted[2], "new");
        assert!(
            drafted
                .last()
                .unwrap()
                .ends_with("saves the draft above as your answer.")
        );
    }

    #[test]
    fn a_concern_brings_the_kind_note_and_every_reason() {
        let guide = default_guide().unwrap();
        let book = book(&guide, vec![named()]);
        let search = SearchIndex::default();
        let view = view(&guide, &book, &search);
        let check = guide.check("safety").unwrap();
        let mut answers: BTreeMap<String, Answer> = check
            .questions
            .iter()
            .map(|q| (q.id.clone(), Answer::No))
            .collect();
        assert_eq!(
            check_summary(&view, check, &answers, &[]),
            ["Thank you. Nothing here stands in the way."]
        );
        answers.insert("my-behaviour".into(), Answer::Yes);
        let lines = check_summary(&view, check, &answers, &[]);
        assert!(
            lines[0].starts_with("Thank you for answering honestly."),
            "{lines:?}"
        );
        let reason = view.fill(&check.questions[2].reason);
        assert!(lines.contains(&reason), "{lines:?}");
        let page = guide.page("if-you-hurt-them").unwrap();
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!("\"{}\"", page.title))),
            "the page for this concern is named: {lines:?}"
        );
    }

    #[test]
    fn the_help_page_puts_the_chosen_regions_numbers_first() {
        let guide = default_guide().unwrap();
        let book = book(&guide, vec![Action::SetRegion(Some("uk".into()))]);
        let search = SearchIndex::default();
        let view = view(&guide, &book, &search);
        let lines = page_lines(&view, guide.page(&guide.help_page).unwrap());
        let region = lines
            .iter()
            .position(|l| l.starts_with("In United Kingdom"))
            .unwrap();
        let first_section = lines
            .iter()
            .position(|l| l == "In danger or in crisis right now")
            .unwrap();
        assert!(region < first_section, "{lines:?}");
        assert_eq!(
            lines[region + 1],
            "Emergency services: 999. If you or someone else is in danger now."
        );
    }

    #[test]
    fn an_entry_reads_with_its_date_mood_and_step_and_ends_clearly() {
        let guide = default_guide().unwrap();
        let book = book(
            &guide,
            vec![Action::AddEntry {
                text: "first\nsecond".into(),
                step: Some("space".into()),
                mood: Some(2),
                tags: vec![],
            }],
        );
        let search = SearchIndex::default();
        let view = view(&guide, &book, &search);
        let entry = book.journal.iter().next().unwrap();
        assert_eq!(
            entry_lines(&view, entry, 3),
            [
                "Entry 3, written Sun 1 Mar 2026 at 21:00, mood 2 of 5, low, about \"Give it space\":",
                "first",
                "second",
                "End of entry 3.",
            ]
        );
    }

    #[test]
    fn the_no_contact_count_and_its_slips_are_sentences() {
        let guide = default_guide().unwrap();
        let book = book(
            &guide,
            vec![
                Action::StartNoContact {
                    target_days: 21,
                    commitment: None,
                },
                Action::LogBreak {
                    what: crate::engine::BreakKind::CheckedSocials,
                    trigger: "a photo".into(),
                    felt: Some(2),
                    resets: false,
                },
            ],
        );
        let search = SearchIndex::default();
        let lines = no_contact_lines(&view(&guide, &book, &search));
        assert_eq!(
            lines[0],
            "Day 1 of no contact (0 days done), aiming for 21 days."
        );
        assert!(lines[2].contains("1 slip logged."), "{lines:?}");
        assert_eq!(lines[3], "Slip on 1 Mar: checked socials. a photo");
    }
}
