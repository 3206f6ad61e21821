//! The conversation's edge: lines out, lines in, and every change saved through the session
//! before it is called saved. Every question understands `q` (leave) and `!` (support); the end
//! of input leaves as `q` does.

use std::io::{BufRead, ErrorKind, Write};

use crate::cli::{CliError, Session};
use crate::engine::search::SearchIndex;
use crate::engine::{Action, Now, Outcome};
use crate::tui::screens::View;
use crate::tui::theme::Theme;
use crate::visible::visible;

use super::reply::{self, Said};
use super::words;

/// Why the conversation stops before the user chose to leave from the menu.
#[derive(Debug)]
pub enum Stop {
    /// The user typed `q`.
    Leave,
    /// Standard input ended (Ctrl-D, or the end of a piped script), or standard output closed.
    EndOfInput,
    /// Something could not be read or written.
    Failed(CliError),
}

/// A step of the conversation: its value, or why the conversation stops.
pub type Go<T> = Result<T, Stop>;

/// Said when a window that only reads is asked to change something (as the workbook says it).
const READ_ONLY: &str =
    "Read-only window: nothing can be changed here. Write in the window that has it open.";

/// The conversation: where lines come from and go, and the open workbook.
pub struct Talk<R, W> {
    input: R,
    out: W,
    /// The open workbook, saved through after every change.
    pub session: Session,
    read_only: bool,
    /// The last save that failed in this conversation: reported when leaving, so it never
    /// ends by calling everything saved.
    pub unsaved: Option<String>,
    search: SearchIndex,
    theme: Theme,
    /// The terminal's width when talking to one: long lines are broken between words there, so
    /// no word is cut in two at the edge. None for a pipe, which gets one line a paragraph.
    width: Option<usize>,
}

impl<R: BufRead, W: Write> Talk<R, W> {
    /// A conversation over `input` and `out` with an open workbook; `read_only` changes nothing.
    pub fn new(input: R, out: W, session: Session, read_only: bool) -> Self {
        Self {
            input,
            out,
            session,
            read_only,
            unsaved: None,
            search: SearchIndex::default(),
            theme: Theme::PLAIN,
            width: None,
        }
    }

    /// True when this window only reads: nothing is changed, nothing is called saved.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Breaks long lines between words at `width` columns (a terminal's), from now on.
    pub fn wrap_at(&mut self, width: usize) {
        self.width = Some(width.max(20));
    }

    /// What the screens' wording reads: the guide, the workbook and the time now.
    pub fn view(&self) -> View<'_> {
        View {
            guide: &self.session.guide,
            book: &self.session.book,
            now: Now::system(),
            theme: &self.theme,
            naming: self.session.book.journey.naming(),
            search: &self.search,
            export_dir: std::path::Path::new("."),
            privacy: crate::tui::screens::Privacy::of(self.session.store.dir()),
        }
    }

    /// Writes a line, with anything a terminal would obey shown as a visible stand-in.
    pub fn say(&mut self, line: impl AsRef<str>) -> Go<()> {
        let line = visible(line.as_ref()).into_owned();
        match self.width {
            Some(width) if line.chars().count() > width => {
                for part in crate::tui::text::wrap(&line, width) {
                    writeln!(self.out, "{part}").map_err(output_failed)?;
                }
                Ok(())
            }
            _ => writeln!(self.out, "{line}").map_err(output_failed),
        }
    }

    /// Writes lines.
    pub fn say_all(&mut self, lines: &[String]) -> Go<()> {
        lines.iter().try_for_each(|line| self.say(line))
    }

    /// One line of input without its line ending; `None` at the end of input.
    fn read_line(&mut self) -> Go<Option<String>> {
        self.out.flush().map_err(output_failed)?;
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) => Ok(None),
            Ok(_) => {
                let line = String::from_utf8_lossy(&bytes);
                Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
            }
            Err(e) => Err(Stop::Failed(e.into())),
        }
    }

    /// Asks `question` and returns the line typed. `q` leaves, `!` shows where to find support
    /// and asks again, and the end of input stops.
    pub fn ask(&mut self, question: &[String]) -> Go<String> {
        loop {
            self.say_all(question)?;
            let Some(line) = self.read_line()? else {
                return Err(Stop::EndOfInput);
            };
            match reply::said(&line) {
                Said::Leave => return Err(Stop::Leave),
                Said::Support => {
                    self.support()?;
                    self.say("Back to the question.")?;
                }
                Said::Text(text) => return Ok(text.to_string()),
            }
        }
    }

    /// Asks until the answer parses; a refusal says what is expected and the question is asked
    /// again.
    pub fn ask_until<T>(
        &mut self,
        question: &[String],
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Go<T> {
        loop {
            let line = self.ask(question)?;
            match parse(&line) {
                Ok(value) => return Ok(value),
                Err(why) => self.say(why)?,
            }
        }
    }

    /// Offers numbered `options` under `heading`; the index chosen, or `None` for Enter alone
    /// (what that does is said in `enter`).
    pub fn choose(&mut self, heading: &str, options: &[String], enter: &str) -> Go<Option<usize>> {
        let mut question = vec![heading.to_string()];
        question.extend(words::numbered(options));
        question.push(format!("{} {enter}", reply::expect_number(options.len())));
        self.ask_until(&question, |line| reply::choice(line, options.len()))
    }

    /// Asks for a text of several lines, ended by a full stop alone. `None` for Enter alone on
    /// the first line. Leaving or the end of input in the middle keeps what was written as the
    /// draft `draft_key` (the workbook's editor opens it too) before stopping.
    pub fn write_text(&mut self, question: &[String], draft_key: &str) -> Go<Option<String>> {
        let first = self.ask(question)?;
        if first.trim().is_empty() || reply::ends_text(&first) {
            return Ok(None);
        }
        let mut lines = vec![first];
        self.keep_quietly(draft_key, &lines);
        loop {
            let stop = match self.read_line()? {
                None => Stop::EndOfInput,
                Some(line) if reply::ends_text(&line) => break,
                Some(line) => match reply::said(&line) {
                    Said::Leave => Stop::Leave,
                    Said::Support => {
                        self.support()?;
                        self.say(format!(
                            "Go on writing where you were. {}",
                            words::HOW_TO_END
                        ))?;
                        continue;
                    }
                    Said::Text(_) => {
                        lines.push(line);
                        self.keep_quietly(draft_key, &lines);
                        continue;
                    }
                },
            };
            self.keep_draft(draft_key, &lines.join("\n"))?;
            return Err(stop);
        }
        Ok(Some(lines.join("\n")))
    }

    /// Keeps the lines written so far as the draft `key` after each line, so that Ctrl-C or a
    /// closed window loses at most the line being typed. A failure is reported when leaving.
    fn keep_quietly(&mut self, key: &str, lines: &[String]) {
        if !self.read_only {
            let _ = self.commit(Action::SaveDraft {
                key: key.to_string(),
                text: lines.join("\n"),
            });
        }
    }

    /// Keeps unfinished text as a draft, and says where it is; if it cannot be kept, shows it.
    pub fn keep_draft(&mut self, key: &str, text: &str) -> Go<()> {
        let action = Action::SaveDraft {
            key: key.to_string(),
            text: text.to_string(),
        };
        match self.commit(action) {
            Ok(_) => {
                self.say("What you were writing is kept as a draft; it is offered again next time.")
            }
            Err(why) => {
                self.say(format!(
                    "What you were writing could not be kept: {why} Here it is, so nothing is \
                     lost:"
                ))?;
                self.say_all(&text.lines().map(str::to_string).collect::<Vec<_>>())
            }
        }
    }

    /// Applies `action` and saves what it changed; the outcome once it is on disk, or why not,
    /// in a sentence. Nothing is called saved unless this returned `Ok`.
    pub fn commit(&mut self, action: Action) -> Result<Outcome, String> {
        if self.read_only {
            return Err(READ_ONLY.to_string());
        }
        match self.session.apply(action) {
            Ok(outcome) => Ok(outcome),
            Err(CliError::Engine(refused)) => {
                Err(sentence(&self.view().fill(&refused.to_string())))
            }
            Err(failed) => {
                let why = failed.to_string();
                self.unsaved = Some(why.clone());
                Err(format!("Not saved: {why}."))
            }
        }
    }

    /// Commits `action`; once it is on disk says `done` (and the new path, if the action chose
    /// one), else why not. True when saved.
    pub fn save(&mut self, action: Action, done: &str) -> Go<bool> {
        match self.commit(action) {
            Ok(outcome) => {
                self.say(done)?;
                if let Some(path) = &outcome.routed_to {
                    let title = self
                        .session
                        .guide
                        .path(path)
                        .map_or(path.clone(), |p| p.title.clone());
                    self.say(format!("Your path is now \"{title}\"."))?;
                }
                Ok(true)
            }
            Err(why) => {
                self.say(why)?;
                Ok(false)
            }
        }
    }

    /// [`Talk::save`] for an action holding words the user wrote (`text`): once it is saved
    /// the draft `key` is forgotten; if it is not, the words are kept as that draft (or shown,
    /// if even that fails), so nothing is lost.
    pub fn save_words(&mut self, action: Action, done: &str, key: &str, text: &str) -> Go<bool> {
        if self.save(action, done)? {
            self.clear_draft(key);
            return Ok(true);
        }
        if !text.trim().is_empty() {
            self.keep_draft(key, text)?;
        }
        Ok(false)
    }

    /// Forgets a draft once its words are saved elsewhere; a failure here loses nothing.
    pub fn clear_draft(&mut self, key: &str) {
        if self.session.book.drafts.get(key).is_some() {
            let _ = self.commit(Action::ClearDraft(key.to_string()));
        }
    }

    /// The help page in full: where to find support now, the user's region's numbers first.
    pub fn support(&mut self) -> Go<()> {
        let view = self.view();
        let lines = match view.guide.page(&view.guide.help_page) {
            Some(page) => words::page_lines(&view, page),
            None => vec!["This guide has no help page.".to_string()],
        };
        self.say("Where to find support now.")?;
        self.say_all(&lines)?;
        self.say("End of the help page.")
    }
}

/// A failed write: a closed standard output ends the conversation like the end of input.
fn output_failed(error: std::io::Error) -> Stop {
    if error.kind() == ErrorKind::BrokenPipe {
        Stop::EndOfInput
    } else {
        Stop::Failed(error.into())
    }
}

/// An engine's refusal as a sentence: capital first letter, closing full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
