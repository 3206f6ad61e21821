//! `rekindle status`: where you are, what is next, the no-contact count, mood and the journal;
//! `--short` puts the gist on one line for a shell prompt.

use std::io::Write;
use std::process::ExitCode;

use chrono::{Local, Utc};
use serde_json::json;

use crate::content::words;
use crate::engine::{Next, Now, StepStatus, Trend, UrgeOutcome, next_step, step_status, trend};
use crate::store::JournalSummary;
use crate::visible::{json_escaped, visible};

use super::{Cli, CliError, Session};

/// Prints the status as text, JSON, or (`short`) one line for a shell prompt.
pub fn run(cli: &Cli, as_json: bool, short: bool) -> Result<ExitCode, CliError> {
    let (session, journal) = Session::open_counts(cli)?;
    for warning in session.warnings() {
        eprintln!("{}", visible(&warning));
    }
    let now = Now::new(Utc::now(), &Local);
    let report = Report::build(&session, &journal, now);
    let mut out = std::io::stdout().lock();
    if as_json {
        let json = serde_json::to_string_pretty(&report.json()).unwrap_or_default();
        writeln!(out, "{}", json_escaped(&json))?;
    } else if short {
        writeln!(out, "{}", visible(&report.short()))?;
    } else {
        write!(out, "{}", visible(&report.text()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The facts `status` shows.
struct Report {
    path_id: String,
    path_title: String,
    steps_done: usize,
    steps_total: usize,
    next: Option<(String, String, Option<Vec<String>>)>,
    closed: Vec<String>,
    withdrawn: Option<String>,
    responses: Vec<(String, &'static str)>,
    no_contact: Option<crate::engine::Countdown>,
    entries: usize,
    last_entry: Option<String>,
    trend: Trend,
    moods: usize,
    last_mood: Option<serde_json::Value>,
    slips: usize,
    urges: Urges,
}

/// How many urge pauses there were, and how they ended.
#[derive(Default)]
struct Urges {
    count: usize,
    open: usize,
    waited: usize,
    wrote_it_here: usize,
    contacted_them: usize,
}

impl Report {
    fn build(session: &Session, journal: &JournalSummary, now: Now<'_>) -> Self {
        let guide = &session.guide;
        let journey = &session.book.journey;
        let path = guide.path(&journey.path);
        let steps: Vec<_> = path
            .map(|p| guide.steps_of(p).collect())
            .unwrap_or_default();
        let steps_done = steps
            .iter()
            .filter(|s| step_status(guide, journey, s, now) == StepStatus::Done)
            .count();
        let naming = journey.naming();
        let words = |reasons: &[crate::engine::LockReason]| -> Vec<String> {
            reasons.iter().map(|r| naming.fill(&r.describe())).collect()
        };
        let next = match next_step(guide, journey, now) {
            Next::Step(step) => Some((step.id.clone(), step.title.clone(), None)),
            Next::Waiting(step, reasons) => {
                Some((step.id.clone(), step.title.clone(), Some(words(&reasons))))
            }
            Next::PathDone => None,
        };
        let closed = words(&crate::engine::contact_closed(guide, journey, now));
        let withdrawn = crate::engine::last_withdrawal(journey).map(|w| {
            w.at.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        });
        let responses = journey
            .responses
            .iter()
            .map(|r| {
                let name = crate::engine::Response::ALL[r.response.index()].1;
                (
                    r.at.with_timezone(&Local).format("%Y-%m-%d").to_string(),
                    name,
                )
            })
            .collect();
        Self {
            path_id: journey.path.clone(),
            path_title: path.map_or(journey.path.clone(), |p| p.title.clone()),
            steps_done,
            steps_total: steps.len(),
            next,
            closed,
            withdrawn,
            responses,
            no_contact: journey.no_contact.as_ref().map(|n| n.progress(now)),
            entries: journal.entries,
            last_entry: journal
                .newest
                .map(|at| now.calendar.local(at).format("%Y-%m-%d %H:%M").to_string()),
            trend: trend(&journey.moods, now),
            moods: journey.moods.len(),
            last_mood: journey.moods.last().map(|m| {
                json!({
                    "mood": m.mood,
                    "word": m.word,
                    "at": now.calendar.local(m.at).format("%Y-%m-%d %H:%M").to_string(),
                })
            }),
            slips: journey.no_contact.as_ref().map_or(0, |n| n.breaks.len()),
            urges: journey.urges.iter().fold(Urges::default(), |mut u, pause| {
                u.count += 1;
                match pause.ended.map(|(_, outcome)| outcome) {
                    None => u.open += 1,
                    Some(UrgeOutcome::Waited) => u.waited += 1,
                    Some(UrgeOutcome::WroteItHere) => u.wrote_it_here += 1,
                    Some(UrgeOutcome::ContactedThem) => u.contacted_them += 1,
                }
                u
            }),
        }
    }

    /// One line for a shell prompt, such as `mood steady · no contact day 5/21 · next: Give it
    /// space`; the mood and no-contact parts are left out when there is nothing to say.
    fn short(&self) -> String {
        let mut parts = Vec::new();
        if self.trend != Trend::Unknown {
            parts.push(format!("mood {}", self.trend.word()));
        }
        if let Some(c) = &self.no_contact {
            parts.push(if c.ended || c.reached {
                format!("no contact {}", c.headline())
            } else {
                format!("no contact day {}/{}", c.day, c.target_days)
            });
        }
        parts.push(match &self.next {
            Some((_, title, None)) => format!("next: {title}"),
            Some((_, title, Some(_))) => format!("next: {title} (locked)"),
            None => "path done".to_string(),
        });
        parts.join(" · ")
    }

    fn text(&self) -> String {
        let mut text = format!(
            "Path: {} ({} done)\n",
            self.path_title,
            words::part_of(self.steps_done, self.steps_total, "step", "steps")
        );
        text += &match &self.next {
            Some((_, title, None)) => format!("Next: {title}\n"),
            Some((_, title, Some(reasons))) => {
                let mut lines = format!("Next: {title}, not open yet:\n");
                for reason in reasons {
                    lines += &format!("  - {reason}\n");
                }
                lines
            }
            None => "Next: every step of this path is done\n".to_string(),
        };
        if !self.closed.is_empty() {
            text += "Contact steps: closed\n";
            for reason in &self.closed {
                text += &format!("  - {reason}\n");
            }
        }
        if let Some(when) = &self.withdrawn {
            text += &format!("A concern was withdrawn on {when}.\n");
        }
        if let Some((when, name)) = self.responses.last() {
            text += &format!("Last response noted: {name} ({when})\n");
        }
        text += &match &self.no_contact {
            Some(c) if c.ended => format!(
                "No contact: ended when you reached out, after {}\n",
                words::count(c.current_days, "day", "days")
            ),
            Some(c) if c.reached => format!(
                "No contact: {}\n",
                words::day_of_target(c.day, c.target_days)
            ),
            Some(c) if !self.closed.is_empty() => {
                format!("No contact: day {}, kept for your own sake\n", c.day)
            }
            Some(c) => format!(
                "No contact: {} ({} to go, on {})\n",
                words::day_of_target(c.day, c.target_days),
                words::count(c.remaining_days, "day", "days"),
                c.target_date.format("%a %-d %b")
            ),
            None => "No contact: not started\n".to_string(),
        };
        text += &match &self.last_entry {
            Some(last) => format!(
                "Journal: {}, the last on {last}\n",
                words::count(self.entries, "entry", "entries")
            ),
            None => "Journal: no entries yet\n".to_string(),
        };
        text
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "path": { "id": self.path_id, "title": self.path_title, "done": self.steps_done, "steps": self.steps_total },
            "next": self.next.as_ref().map(|(id, title, reasons)| json!({
                "step": id,
                "title": title,
                "locked": reasons.as_ref().map(|r| r.join(" ")),
                "reasons": reasons,
            })),
            "contact_closed": self.closed,
            "concern_withdrawn": self.withdrawn,
            "responses": self.responses.iter().map(|(at, r)| json!({ "at": at, "response": r })).collect::<Vec<_>>(),
            "no_contact": self.no_contact.map(|c| json!({
                "day": c.day,
                "days_done": c.current_days,
                "ended": c.ended,
                "target": c.target_days,
                "remaining": c.remaining_days,
                "target_date": c.target_date.to_string(),
                "longest": c.longest_days,
                "total": c.total_days,
                "breaks": c.breaks,
            })),
            "journal": { "entries": self.entries, "last": self.last_entry },
            "mood": {
                "trend": match self.trend {
                    Trend::Rising => "rising",
                    Trend::Steady => "steady",
                    Trend::Falling => "falling",
                    Trend::Unknown => "unknown",
                },
                "check_ins": self.moods,
                "last": self.last_mood,
            },
            "slips": self.slips,
            "urges": {
                "count": self.urges.count,
                "open": self.urges.open,
                "waited": self.urges.waited,
                "wrote_it_here": self.urges.wrote_it_here,
                "contacted_them": self.urges.contacted_them,
            },
        })
    }
}
