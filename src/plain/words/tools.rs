//! What plain mode says about the tools and pages: library pages with the region's help
//! numbers, the no-contact count, the urge pause and journal entries.

use crate::content::Page;
use crate::engine::{JournalEntry, UrgeOutcome};
use crate::tui::screens::View;

use super::{counted, paragraphs};

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
