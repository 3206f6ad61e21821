//! What a journal entry, a month file and a journey must hold to be kept and shown safely, checked
//! wherever they come in (the store at load, `import`). Pure: each check names the field at fault.

use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, Utc};

use super::journal::{JournalEntry, JournalMonth};
use super::journey::Journey;

/// The years an instant may fall in: a month file is named `YYYY-MM`, so four digits, from 1.
pub const YEARS: RangeInclusive<i32> = 1..=9999;

/// Moods and feelings are rated from 1 (very low) to 5 (good).
pub const RATINGS: RangeInclusive<u8> = 1..=5;

/// A field that holds what rekindle cannot keep or show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} {problem}")]
pub struct Invalid {
    /// Where it is, written as a path such as `created` or `moods[2].at`.
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// An instant outside [`YEARS`].
    #[error("is {0}, outside the years 1 to 9999")]
    OutOfYears(String),
    /// Empty, or only white space, where words are needed.
    #[error("is empty")]
    Empty,
    /// A rating outside [`RATINGS`].
    #[error("is {0}, outside 1 to 5")]
    Rating(u8),
    /// A schema version below 1.
    #[error("is {0}; schema versions start at 1")]
    Schema(u32),
}

/// Checks one journal entry: a non-empty id and text, times within [`YEARS`], a mood from 1 to 5.
pub fn check_entry(entry: &JournalEntry) -> Result<(), Invalid> {
    let mut check = Check::default();
    check.entry(entry);
    check.done()
}

/// Checks a month file: its schema, then each entry (the field names the entry, `entries[3].id`).
pub fn check_month(month: &JournalMonth) -> Result<(), Invalid> {
    let mut check = Check::default();
    check.schema(month.schema);
    for (n, entry) in month.entries.iter().enumerate() {
        // Checked alone first: naming the entry's place costs an allocation, paid only for
        // an entry with a problem.
        let mut alone = Check::default();
        alone.entry(entry);
        if alone.first.is_some() {
            check.within(&format!("entries[{n}]"), |c| c.entry(entry));
        }
    }
    check.done()
}

/// Checks a journey: its schema, every instant it records, and every rating.
pub fn check_journey(journey: &Journey) -> Result<(), Invalid> {
    let mut check = Check::default();
    check.schema(journey.schema);
    check.at("created", journey.created);
    check.at("updated", journey.updated);
    for (id, step) in &journey.steps {
        check.within(&format!("steps.{id}"), |c| {
            c.at_opt("started", step.started);
            c.at_opt("done", step.done);
            for (prompt, answer) in &step.answers {
                c.at(&format!("answers.{prompt}.updated"), answer.updated);
            }
        });
    }
    for (id, record) in &journey.checks {
        check.at(&format!("checks.{id}.taken"), record.taken);
    }
    if let Some(record) = &journey.no_contact {
        check.within("no_contact", |c| {
            c.at("started", record.started);
            for (n, slip) in record.breaks.iter().enumerate() {
                c.at(&format!("breaks[{n}].at"), slip.at);
                c.rating_opt(&format!("breaks[{n}].felt"), slip.felt);
            }
            for (n, review) in record.reviews.iter().enumerate() {
                c.at(&format!("reviews[{n}].at"), review.at);
            }
        });
    }
    for (n, urge) in journey.urges.iter().enumerate() {
        check.at(&format!("urges[{n}].started"), urge.started);
        check.at_opt(&format!("urges[{n}].ended"), urge.ended.map(|(at, _)| at));
    }
    for (n, mood) in journey.moods.iter().enumerate() {
        check.at(&format!("moods[{n}].at"), mood.at);
        check.rating(&format!("moods[{n}].mood"), mood.mood);
    }
    for (n, contact) in journey.contacts.iter().enumerate() {
        check.at(&format!("contacts[{n}].at"), contact.at);
        check.rating_opt(&format!("contacts[{n}].felt"), contact.felt);
    }
    for (key, draft) in &journey.drafts {
        check.at(&format!("drafts.{key}.updated"), draft.updated);
    }
    check.done()
}

/// The first problem found, with the path of the part being checked.
#[derive(Default)]
struct Check {
    prefix: String,
    first: Option<Invalid>,
}

impl Check {
    fn done(self) -> Result<(), Invalid> {
        self.first.map_or(Ok(()), Err)
    }

    fn fail(&mut self, field: &str, problem: Problem) {
        if self.first.is_none() {
            self.first = Some(Invalid {
                field: format!("{}{field}", self.prefix),
                problem,
            });
        }
    }

    fn within(&mut self, part: &str, checks: impl FnOnce(&mut Self)) {
        let inner = format!("{}{part}.", self.prefix);
        let outer = std::mem::replace(&mut self.prefix, inner);
        checks(self);
        self.prefix = outer;
    }

    fn entry(&mut self, entry: &JournalEntry) {
        if entry.id.trim().is_empty() {
            self.fail("id", Problem::Empty);
        }
        self.at("created", entry.created);
        self.at_opt("edited", entry.edited);
        if entry.text.trim().is_empty() {
            self.fail("text", Problem::Empty);
        }
        self.rating_opt("mood", entry.mood);
    }

    fn schema(&mut self, schema: u32) {
        if schema < 1 {
            self.fail("schema", Problem::Schema(schema));
        }
    }

    fn at(&mut self, field: &str, at: DateTime<Utc>) {
        if !YEARS.contains(&at.year()) {
            self.fail(field, Problem::OutOfYears(at.to_rfc3339()));
        }
    }

    fn at_opt(&mut self, field: &str, at: Option<DateTime<Utc>>) {
        if let Some(at) = at {
            self.at(field, at);
        }
    }

    fn rating(&mut self, field: &str, rating: u8) {
        if !RATINGS.contains(&rating) {
            self.fail(field, Problem::Rating(rating));
        }
    }

    fn rating_opt(&mut self, field: &str, rating: Option<u8>) {
        if let Some(rating) = rating {
            self.rating(field, rating);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{JOURNAL_SCHEMA, MoodCheck};

    fn entry() -> JournalEntry {
        JournalEntry {
            id: "20260301T120000000Z".into(),
            created: "2026-03-01T12:00:00Z".parse().unwrap(),
            edited: None,
            text: "a quiet day".into(),
            step: None,
            mood: Some(3),
            tags: Vec::new(),
            extra: Default::default(),
        }
    }

    fn field_of(result: Result<(), Invalid>) -> String {
        result.unwrap_err().field
    }

    #[test]
    fn a_good_entry_passes() {
        assert_eq!(check_entry(&entry()), Ok(()));
    }

    #[test]
    fn each_bad_field_is_named() {
        type Spoil = fn(&mut JournalEntry);
        let bad: [(&str, Spoil); 7] = [
            ("id", |e| e.id = " ".into()),
            ("text", |e| e.text = " \n\t".into()),
            ("mood", |e| e.mood = Some(0)),
            ("mood", |e| e.mood = Some(9)),
            ("created", |e| {
                e.created = "+10000-01-01T00:00:00Z".parse().unwrap()
            }),
            ("created", |e| {
                e.created = "0000-12-31T23:59:59Z".parse().unwrap()
            }),
            ("edited", |e| e.edited = Some(DateTime::<Utc>::MAX_UTC)),
        ];
        for (field, spoil) in bad {
            let mut e = entry();
            spoil(&mut e);
            assert_eq!(field_of(check_entry(&e)), field, "{e:?}");
        }
    }

    #[test]
    fn the_edges_of_the_years_pass() {
        let mut e = entry();
        e.created = "0001-01-01T00:00:00Z".parse().unwrap();
        e.edited = Some("9999-12-31T23:59:59Z".parse().unwrap());
        assert_eq!(check_entry(&e), Ok(()));
    }

    #[test]
    fn a_month_names_the_entry_and_its_schema() {
        let mut month = JournalMonth {
            schema: JOURNAL_SCHEMA,
            month: "2026-03".into(),
            entries: vec![entry(), entry()],
            extra: Default::default(),
        };
        month.entries[1].mood = Some(7);
        let problem = check_month(&month).unwrap_err();
        assert_eq!(problem.field, "entries[1].mood");
        assert_eq!(problem.to_string(), "entries[1].mood is 7, outside 1 to 5");
        month.schema = 0;
        assert_eq!(field_of(check_month(&month)), "schema");
    }

    #[test]
    fn a_journey_names_the_field() {
        let guide = crate::content::default_guide().unwrap();
        let mut journey = Journey::new(&guide, "2026-03-01T12:00:00Z".parse().unwrap());
        assert_eq!(check_journey(&journey), Ok(()));
        journey.moods.push(MoodCheck {
            at: "2026-03-01T12:00:00Z".parse().unwrap(),
            mood: 6,
            word: None,
            extra: Default::default(),
        });
        assert_eq!(field_of(check_journey(&journey)), "moods[0].mood");
        journey.moods.clear();
        journey.no_contact = Some(crate::engine::NoContact::new(
            DateTime::<Utc>::MIN_UTC,
            21,
            None,
        ));
        assert_eq!(field_of(check_journey(&journey)), "no_contact.started");
        journey.schema = 0;
        assert_eq!(field_of(check_journey(&journey)), "schema");
    }
}
