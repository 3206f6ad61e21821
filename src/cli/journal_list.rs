//! `rekindle journal list`: entries newest first (as in the workbook), searched and filtered,
//! read one month file at a time so that `-n 20` stops after the newest months and a search
//! never holds the whole journal.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use chrono::{Days, Local, NaiveDate, Utc};
use clap::Args;

use crate::config::Config;
use crate::engine::search::Query;
use crate::engine::{Action, Journal, JournalEntry, MonthKey, Now, apply, entry_tags, normal_tag};
use crate::store::{Access, Inbox, InboxItem, InboxRecord};
use crate::visible::visible;

use super::dates::parse_date;
use super::{Cli, CliError, Session};

/// `rekindle journal list` options.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Start each line with the entry's id (for `export --for-counsellor --entries`).
    #[arg(long)]
    pub ids: bool,
    /// Only entries with a word starting with each word of TEXT, in any case, in the text,
    /// tags or step (`#word` looks in tags only), as the workbook's search does.
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
    /// Only entries with this tag (stored, or written #tag in the text); repeat for entries
    /// with all of them.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only entries on or after this local date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only entries on or before this local date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Show at most N entries: the first N in the order listed (with --reverse, the oldest N).
    #[arg(short = 'n', long = "limit", value_name = "N")]
    pub max: Option<usize>,
    /// Oldest first instead of newest first.
    #[arg(long)]
    pub reverse: bool,
}

/// Which entries are listed.
struct Wanted {
    query: Query,
    tags: Vec<String>,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl Wanted {
    fn admits(&self, entry: &JournalEntry, session: &Session) -> bool {
        let date = entry.created.with_timezone(&Local).date_naive();
        if self.since.is_some_and(|s| date < s) || self.until.is_some_and(|u| date > u) {
            return false;
        }
        if !self.tags.is_empty() {
            let tags = entry_tags(entry);
            if !self.tags.iter().all(|t| tags.contains(t)) {
                return false;
            }
        }
        let title = entry
            .step
            .as_deref()
            .and_then(|s| session.guide.step(s))
            .map(|s| s.title.as_str());
        self.query.matches(entry, title)
    }

    /// True when month `key` may hold an entry within the dates. A day's margin on each side
    /// covers every time zone: months are filed by UTC time, dates are local.
    fn may_hold(&self, key: MonthKey) -> bool {
        let month_of = |date: NaiveDate| MonthKey::of(date.and_time(Default::default()).and_utc());
        let after_since = self
            .since
            .and_then(|s| s.checked_sub_days(Days::new(1)))
            .is_none_or(|s| key >= month_of(s));
        let before_until = self
            .until
            .and_then(|u| u.checked_add_days(Days::new(1)))
            .is_none_or(|u| key <= month_of(u));
        after_since && before_until
    }
}

/// Lists the journal.
pub fn run(cli: &Cli, args: &ListArgs, config: &Config) -> Result<ExitCode, CliError> {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        return Err(CliError::Usage(format!(
            "--since {since} is after --until {until}: nothing could match"
        )));
    }
    let mut tags = Vec::new();
    for tag in &args.tags {
        let tag = normal_tag(tag)
            .ok_or_else(|| CliError::Usage("--tag needs a tag, like --tag sleep".to_string()))?;
        tags.push(tag);
    }
    let wanted = Wanted {
        query: Query::parse(args.grep.as_deref().unwrap_or("")),
        tags,
        since: args.since,
        until: args.until,
    };
    let mut session = Session::open_lazily(cli, Access::ReadOnly)?;
    session.set_aside = session.store.journal_strays()?;
    for warning in session.warnings() {
        eprintln!("{}", visible(&warning));
    }
    let mut waiting = waiting_entries(&session)?;
    let mut months = session.store.journal_months()?;
    months.extend(waiting.keys().copied());
    months.sort();
    months.dedup();
    if !args.reverse {
        months.reverse();
    }
    let mut out = std::io::stdout().lock();
    let mut left = args.max.unwrap_or(usize::MAX);
    let when_format = format!("{} %H:%M", config.date_format.pattern());
    for key in months.into_iter().filter(|k| wanted.may_hold(*k)) {
        if left == 0 {
            break;
        }
        let month = read_month(&mut session, key, waiting.remove(&key).unwrap_or_default());
        let entries = month.month_entries(key);
        let ordered: Box<dyn Iterator<Item = &JournalEntry>> = if args.reverse {
            Box::new(entries.iter())
        } else {
            Box::new(entries.iter().rev())
        };
        for entry in ordered.filter(|e| wanted.admits(e, &session)).take(left) {
            writeln!(
                out,
                "{}",
                visible(&line(entry, &session, &when_format, args.ids))
            )?;
            left -= 1;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of the list: (id), local date and time, step, first line, mood.
fn line(entry: &JournalEntry, session: &Session, when_format: &str, ids: bool) -> String {
    let when = entry.created.with_timezone(&Local).format(when_format);
    let step = entry
        .step
        .as_ref()
        .map(|s| {
            session
                .guide
                .step(s)
                .map_or(s.clone(), |st| st.title.clone())
        })
        .map(|t| format!("[{t}] "))
        .unwrap_or_default();
    let id = if ids {
        format!("{}  ", entry.id)
    } else {
        String::new()
    };
    let mood = entry.mood.map(|m| format!(" ({m}/5)")).unwrap_or_default();
    format!("{id}{when}  {step}{}{mood}", entry.first_line())
}

/// Entries waiting in the inbox (written while the workbook was open elsewhere), by month.
fn waiting_entries(session: &Session) -> Result<BTreeMap<MonthKey, Vec<InboxRecord>>, CliError> {
    let mut waiting: BTreeMap<MonthKey, Vec<InboxRecord>> = BTreeMap::new();
    for found in Inbox::of(session.store.dir()).list()? {
        if let Ok(record) = found.record
            && let InboxItem::Entry { entry, .. } = &record.item
        {
            waiting.entry(entry.month()).or_default().push(record);
        }
    }
    Ok(waiting)
}

/// Month `key` as the workbook would show it: its file, with the entries waiting in the inbox
/// for it filed in. A month that cannot be read is said on stderr and left out.
fn read_month(session: &mut Session, key: MonthKey, waiting: Vec<InboxRecord>) -> Journal {
    let mut month = Journal::default();
    match session.store.load_month(key) {
        Ok(Some(file)) => {
            month.add_file_month(key, file);
        }
        Ok(None) => {}
        Err(e) => eprintln!(
            "{}",
            visible(&format!(
                "warning: journal month {} is set aside and not shown: {e}",
                session.store.month_file(key).display()
            ))
        ),
    }
    if waiting.is_empty() {
        return month;
    }
    std::mem::swap(&mut session.book.journal, &mut month);
    for record in waiting {
        if let InboxItem::Entry { entry, replaces } = record.item {
            let now = Now::new(Utc::now(), &Local);
            let action = Action::FileEntry { entry, replaces };
            // A record the engine refuses is reported by the workbook that files it.
            let _ = apply(&mut session.book, &session.guide, action, now);
        }
    }
    std::mem::swap(&mut session.book.journal, &mut month);
    month
}
