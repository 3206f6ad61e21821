//! What plain mode says about the journey: where a step is, its text, questions and
//! checklists, and the gentle checks.

use crate::content::{Answer, Check, Checklist, ChecklistEntries, Question, Step};
use crate::engine::{LockReason, StepStatus, step_status};
use crate::tui::screens::View;

use super::{HOW_TO_END, paragraphs, saved_text, sentence};

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
