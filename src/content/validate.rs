//! Turns a pack's files into a checked [`Guide`], or lists every problem with its place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use toml::Spanned;

use super::model::*;
use super::placeholder;
use super::problem::{LineStarts, Problem, Problems};
use super::raw::*;
use super::source::PackSource;
use super::tools::*;

/// The most ids a message lists when a reference names none of them.
const KNOWN_SHOWN: usize = 30;

/// The largest `no_contact_days` a gate may ask for.
const MAX_GATE_DAYS: i64 = 365;

/// Parses and checks every file of `source`; all problems are reported together.
pub fn load(source: &PackSource) -> Result<Guide, Problems> {
    load_with(source, Rules::All)
}

/// Which rules a load applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rules {
    /// Every rule, the writing rules (the glossary) included: `content check`, and every pack
    /// read from a folder.
    #[default]
    All,
    /// Only what the workbook needs to run: for the built-in pack, whose writing `content check`
    /// and the tests hold to every rule, so each start does not pay for them again.
    Running,
}

/// Like [`load`], applying only `rules`.
pub fn load_with(source: &PackSource, rules: Rules) -> Result<Guide, Problems> {
    let mut v = Validator {
        rules,
        ..Validator::default()
    };
    let mut parts = Parts::default();
    let lines: Vec<LineStarts> = source
        .files
        .iter()
        .map(|f| LineStarts::new(&f.text))
        .collect();
    for (file, lines) in source.files.iter().zip(&lines) {
        let ctx = Ctx {
            file: &file.path,
            text: &file.text,
            lines,
        };
        v.parse_file(ctx, &mut parts);
    }
    let guide = v.check(parts);
    match guide {
        Some(guide) if v.problems.is_empty() => Ok(guide),
        _ => Err(Problems(v.problems)),
    }
}

/// A file being read: its pack-relative name, text and where its lines start.
#[derive(Debug, Clone, Copy)]
struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    lines: &'a LineStarts,
}

impl Ctx<'_> {
    fn line_column(&self, offset: usize) -> (usize, usize) {
        self.lines.line_column(self.text, offset)
    }

    fn problem(&self, offset: usize, message: impl Into<String>) -> Problem {
        Problem::placed(self.file, self.line_column(offset), message)
    }
}

/// A place in a file.
#[derive(Debug, Clone)]
struct Loc<'a> {
    ctx: Ctx<'a>,
    span: Range<usize>,
}

impl<'a> Loc<'a> {
    fn of<T>(ctx: Ctx<'a>, value: &Spanned<T>) -> Self {
        Self {
            ctx,
            span: value.span(),
        }
    }

    fn problem(&self, message: impl Into<String>) -> Problem {
        self.ctx.problem(self.span.start, message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Path,
    Step,
    Checklist,
    Check,
    Page,
    Tools,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Path => "path",
            Kind::Step => "step",
            Kind::Checklist => "checklist",
            Kind::Check => "check",
            Kind::Page => "page",
            Kind::Tools => "tools",
        }
    }
}

/// A reference from one part of the pack to another, checked once everything is read.
struct Reference<'a> {
    kind: Kind,
    id: String,
    loc: Loc<'a>,
    from: String,
}

/// The raw parts of a pack, each with the file it came from.
#[derive(Default)]
struct Parts<'a> {
    guide: Option<(Ctx<'a>, RawGuide)>,
    tools: Option<(Ctx<'a>, RawTools)>,
    checks: Vec<(Ctx<'a>, RawCheck)>,
    steps: Vec<(Ctx<'a>, RawStep)>,
    checklists: Vec<(Ctx<'a>, RawChecklist)>,
    pages: Vec<(Ctx<'a>, RawPage)>,
}

#[derive(Default)]
struct Validator<'a> {
    rules: Rules,
    problems: Vec<Problem>,
    /// Kinds with a file that did not parse: references to them cannot be judged.
    unparsed: HashSet<Kind>,
    defined: HashMap<(Kind, String), Loc<'a>>,
    references: Vec<Reference<'a>>,
}

impl<'a> Validator<'a> {
    fn parse_file(&mut self, ctx: Ctx<'a>, parts: &mut Parts<'a>) {
        let folder = ctx.file.rsplit_once('/').map(|(dir, _)| dir);
        match (ctx.file, folder) {
            ("guide.toml", _) => parts.guide = self.parse(ctx, Kind::Path).map(|g| (ctx, g)),
            ("tools.toml", _) => parts.tools = self.parse(ctx, Kind::Tools).map(|t| (ctx, t)),
            ("checks.toml", _) => {
                if let Some(file) = self.parse::<RawChecksFile>(ctx, Kind::Check) {
                    parts
                        .checks
                        .extend(file.checks.into_iter().map(|c| (ctx, c)));
                }
            }
            (_, Some("steps")) => {
                if let Some(file) = self.parse::<RawStepsFile>(ctx, Kind::Step) {
                    parts.steps.extend(file.steps.into_iter().map(|s| (ctx, s)));
                }
            }
            (_, Some("checklists")) => {
                if let Some(list) = self.parse(ctx, Kind::Checklist) {
                    parts.checklists.push((ctx, list));
                }
            }
            (_, Some("pages")) => {
                if let Some(page) = self.parse(ctx, Kind::Page) {
                    parts.pages.push((ctx, page));
                }
            }
            _ => self.problems.push(Problem::in_file(
                ctx.file,
                "this file is not part of a pack; move it into steps/, checklists/ or pages/, \
                 or rename it to guide.toml, checks.toml or tools.toml",
            )),
        }
    }

    fn parse<T: DeserializeOwned>(&mut self, ctx: Ctx<'a>, kind: Kind) -> Option<T> {
        match toml::from_str(ctx.text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.unparsed.insert(kind);
                let span = error.span().unwrap_or(0..0);
                let message = explain_toml_error(error.message());
                self.problems.push(ctx.problem(span.start, message));
                None
            }
        }
    }

    fn check(&mut self, parts: Parts<'a>) -> Option<Guide> {
        let steps: Vec<Step> = parts.steps.iter().map(|(c, s)| self.step(*c, s)).collect();
        let checklists = parts
            .checklists
            .iter()
            .map(|(c, l)| self.checklist(*c, l))
            .collect();
        let checks = parts
            .checks
            .iter()
            .map(|(c, k)| self.check_def(*c, k))
            .collect();
        let pages = parts.pages.iter().map(|(c, p)| self.page(*c, p)).collect();
        let tools = match &parts.tools {
            Some((ctx, raw)) => Some(self.tools(*ctx, raw)),
            None if self.unparsed.contains(&Kind::Tools) => None,
            None => {
                self.problems.push(Problem::in_file(
                    "tools.toml",
                    "the pack has no tools.toml; add the words of the urge pause, review, mood and contact log",
                ));
                None
            }
        };
        let guide = match (&parts.guide, tools) {
            (Some((ctx, raw)), tools) => {
                let guide = Guide {
                    steps,
                    checklists,
                    checks,
                    pages,
                    ..self.guide(*ctx, raw)
                };
                // Without tools the guide is still checked, so every problem is listed at once.
                tools.map(|tools| Guide { tools, ..guide })
            }
            (None, _) if self.unparsed.contains(&Kind::Path) => None,
            (None, _) => {
                self.problems.push(Problem::in_file(
                    "guide.toml",
                    "the pack has no guide.toml; add one with the pack's id, title and paths",
                ));
                None
            }
        };
        self.resolve_references();
        if let (Some(guide), Some((ctx, raw))) = (&guide, &parts.tools) {
            self.check_mistake_item(*ctx, &raw.contact_log.mistake, guide);
        }
        if let Some((ctx, raw)) = &parts.guide
            && !self.unparsed.contains(&Kind::Step)
        {
            self.check_paths(*ctx, raw, &parts.steps);
        }
        guide
    }

    /// The guide's own fields and paths; steps, lists, checks, pages and tools are added by the
    /// caller.
    fn guide(&mut self, ctx: Ctx<'a>, raw: &RawGuide) -> Guide {
        let paths: Vec<Path> = raw.paths.iter().map(|p| self.path(ctx, p)).collect();
        if paths.is_empty() {
            self.problems.push(Problem::in_file(
                ctx.file,
                "the guide has no paths; add a [[paths]] table listing steps in order",
            ));
        }
        for page in [&raw.help_page, &raw.move_on_page, &raw.no_contact_page] {
            self.refer(Kind::Page, ctx, page, "guide.toml");
        }
        Guide {
            id: self.id(ctx, &raw.id),
            title: self.text(ctx, &raw.title, "title"),
            version: self.text(ctx, &raw.version, "version"),
            language: self.text(ctx, &raw.language, "language"),
            welcome: self.text(ctx, &raw.welcome, "welcome"),
            help_page: raw.help_page.get_ref().clone(),
            move_on_page: raw.move_on_page.get_ref().clone(),
            no_contact_page: raw.no_contact_page.get_ref().clone(),
            paths,
            steps: Vec::new(),
            checklists: Vec::new(),
            checks: Vec::new(),
            pages: Vec::new(),
            tools: Tools::default(),
        }
    }

    fn tools(&mut self, ctx: Ctx<'a>, raw: &RawTools) -> Tools {
        let pause = &raw.urge_pause;
        for step in &pause.reasons_from {
            self.refer(Kind::Step, ctx, step, "the urge pause");
        }
        self.not_empty(
            ctx,
            &pause.questions,
            "the urge pause has no questions; add one or more",
        );
        let labels = &raw.mood.labels;
        if labels.get_ref().len() != 5 {
            self.problems.push(Loc::of(ctx, labels).problem(format!(
                "mood needs exactly five labels, for moods 1 to 5; it has {}",
                labels.get_ref().len()
            )));
        }
        let log = &raw.contact_log;
        let after = *log.over_contact_after.get_ref();
        if !(1..=20).contains(&after) {
            self.problems.push(
                Loc::of(ctx, &log.over_contact_after)
                    .problem("over_contact_after must be a whole number from 1 to 20, like 1"),
            );
        }
        let (checklist, item) = log.mistake.get_ref().split_once('/').unwrap_or_default();
        if checklist.is_empty() || item.is_empty() {
            self.problems.push(Loc::of(ctx, &log.mistake).problem(
                "mistake must name a checklist item as \"checklist/item\", like \"mistakes/constant-contact\"",
            ));
        } else {
            let spanned = Spanned::new(log.mistake.span(), checklist.to_string());
            self.refer(Kind::Checklist, ctx, &spanned, "the contact log");
        }
        Tools {
            urge_pause: UrgePauseText {
                title: self.text(ctx, &pause.title, "title"),
                intro: self.text(ctx, &pause.intro, "intro"),
                never_sent: self.text(ctx, &pause.never_sent, "never_sent"),
                reasons_heading: self.text(ctx, &pause.reasons_heading, "reasons_heading"),
                reasons_from: strings(&pause.reasons_from),
                questions: pause
                    .questions
                    .get_ref()
                    .iter()
                    .map(|q| self.text(ctx, q, "question"))
                    .collect(),
                done: self.text(ctx, &pause.done, "done"),
            },
            review: ReviewText {
                title: self.text(ctx, &raw.review.title, "title"),
                intro: self.text(ctx, &raw.review.intro, "intro"),
                go_on: self.text(ctx, &raw.review.go_on, "go_on"),
                extend: self.text(ctx, &raw.review.extend, "extend"),
                heal: self.text(ctx, &raw.review.heal, "heal"),
            },
            mood: MoodText {
                question: self.text(ctx, &raw.mood.question, "question"),
                labels: labels
                    .get_ref()
                    .iter()
                    .map(|l| self.text(ctx, l, "label"))
                    .collect(),
            },
            contact_log: ContactLogText {
                intro: self.text(ctx, &log.intro, "intro"),
                over_contact: self.text(ctx, &log.over_contact, "over_contact"),
                mistake_checklist: checklist.to_string(),
                mistake_item: item.to_string(),
                over_contact_after: u32::try_from(after).unwrap_or(3),
            },
            response: self.response(ctx, &raw.response),
            regions: raw
                .regions
                .iter()
                .filter_map(|r| self.region(ctx, r))
                .collect(),
        }
    }

    fn region(&mut self, ctx: Ctx<'a>, raw: &RawRegion) -> Option<Region> {
        self.not_empty(
            ctx,
            &raw.lines,
            "a region lists no numbers; add [[regions.lines]] or leave the region out",
        );
        let lines = raw
            .lines
            .get_ref()
            .iter()
            .map(|l| HelpLine {
                organisation: self.text(ctx, &l.organisation, "organisation"),
                number: self.text(ctx, &l.number, "number"),
                about: self.text(ctx, &l.about, "about"),
            })
            .collect();
        Some(Region {
            id: self.id(ctx, &raw.id),
            name: self.text(ctx, &raw.name, "name"),
            last_checked: self.date(ctx, &raw.last_checked)?,
            lines,
        })
    }

    fn response(&mut self, ctx: Ctx<'a>, raw: &RawResponse) -> ResponseText {
        let wait = *raw.wait_days.get_ref();
        if !(1..=60).contains(&wait) {
            self.problems.push(
                Loc::of(ctx, &raw.wait_days)
                    .problem("wait_days must be a whole number of days from 1 to 60, like 7"),
            );
        }
        let mut answer = |a: &RawResponseAnswer| ResponseAnswerText {
            label: self.text(ctx, &a.label, "label"),
            after: self.text(ctx, &a.after, "after"),
        };
        let answers = [
            answer(&raw.warm),
            answer(&raw.brief),
            answer(&raw.cold),
            answer(&raw.no_reply),
            answer(&raw.asked_to_stop),
        ];
        ResponseText {
            title: self.text(ctx, &raw.title, "title"),
            intro: self.text(ctx, &raw.intro, "intro"),
            wait_days: u32::try_from(wait).unwrap_or(7),
            answers,
        }
    }

    /// The contact log's mistake names an item that its checklist really has.
    fn check_mistake_item(&mut self, ctx: Ctx<'a>, raw: &Text, guide: &Guide) {
        let Some((list_id, item)) = raw.get_ref().split_once('/') else {
            return;
        };
        if let Some(list) = guide.checklist(list_id)
            && !list.entry_ids().contains(&item)
        {
            self.problems.push(Loc::of(ctx, raw).problem(format!(
                "checklist `{list_id}` has no item `{item}`; known items: {}",
                list.entry_ids().join(", ")
            )));
        }
    }

    fn path(&mut self, ctx: Ctx<'a>, raw: &RawPath) -> Path {
        let id = self.define(Kind::Path, ctx, &raw.id);
        if raw.steps.get_ref().is_empty() {
            self.problems.push(Loc::of(ctx, &raw.steps).problem(format!(
                "path `{id}` has no steps; list its step ids in order"
            )));
        }
        let from = format!("path `{id}`");
        for step in raw.steps.get_ref() {
            self.refer(Kind::Step, ctx, step, &from);
        }
        Path {
            title: self.text(ctx, &raw.title, "title"),
            summary: self.text(ctx, &raw.summary, "summary"),
            steps: raw
                .steps
                .get_ref()
                .iter()
                .map(|s| s.get_ref().clone())
                .collect(),
            id,
        }
    }

    fn step(&mut self, ctx: Ctx<'a>, raw: &RawStep) -> Step {
        let id = self.define(Kind::Step, ctx, &raw.id);
        let from = format!("step `{id}`");
        let mut prompt_ids = HashMap::new();
        let prompts = raw
            .prompts
            .iter()
            .map(|p| {
                let prompt_id = self.local_id(ctx, &p.id, "prompt", &from, &mut prompt_ids);
                Prompt {
                    id: prompt_id,
                    question: self.text(ctx, &p.question, "question"),
                    hint: self.optional_text(ctx, &p.hint, "hint"),
                }
            })
            .collect();
        for checklist in &raw.checklists {
            self.refer(Kind::Checklist, ctx, checklist, &from);
        }
        for page in &raw.pages {
            self.refer(Kind::Page, ctx, page, &from);
        }
        let actions = raw
            .actions
            .iter()
            .filter_map(|a| self.action(ctx, a))
            .collect();
        let gate = raw
            .gate
            .as_ref()
            .map(|g| self.gate(ctx, g, &from))
            .unwrap_or_default();
        let situations = raw
            .situations
            .iter()
            .filter_map(|s| {
                let when = match super::profile::Condition::parse(s.when.get_ref()) {
                    Ok(when) => Some(when),
                    Err(problem) => {
                        self.problems.push(Loc::of(ctx, &s.when).problem(problem));
                        None
                    }
                };
                let heading = self.text(ctx, &s.heading, "heading");
                let body = self.text(ctx, &s.body, "body");
                let prompt = self.optional_text(ctx, &s.prompt, "prompt");
                Some(super::profile::Situation {
                    when: when?,
                    heading,
                    body,
                    prompt,
                })
            })
            .collect();
        Step {
            situations,
            title: self.text(ctx, &raw.title, "title"),
            summary: self.text(ctx, &raw.summary, "summary"),
            body: self.text(ctx, &raw.body, "body"),
            prompts,
            checklists: strings(&raw.checklists),
            pages: strings(&raw.pages),
            actions,
            gate,
            id,
        }
    }

    fn action(&mut self, ctx: Ctx<'a>, raw: &Text) -> Option<StepAction> {
        let action = StepAction::from_name(raw.get_ref());
        if action.is_none() {
            let known: Vec<_> = StepAction::ALL.iter().map(|(_, n)| *n).collect();
            self.problems.push(Loc::of(ctx, raw).problem(format!(
                "unknown action `{}`; use one of: {}",
                raw.get_ref(),
                known.join(", ")
            )));
        }
        action
    }

    fn gate(&mut self, ctx: Ctx<'a>, raw: &RawGate, from: &str) -> Gate {
        let mut gate = Gate::default();
        for (key, value) in raw {
            let loc = Loc::of(ctx, value);
            match key.get_ref().as_str() {
                "after" => gate.after = self.gate_after(ctx, value, from),
                "no_contact_days" => match value.get_ref().as_integer() {
                    Some(days @ 1..=MAX_GATE_DAYS) => gate.no_contact_days = Some(days as u32),
                    _ => self.problems.push(loc.problem(format!(
                        "no_contact_days must be a whole number of days from 1 to {MAX_GATE_DAYS}, like 14"
                    ))),
                },
                "checklist_done" => match value.get_ref().as_str() {
                    Some(list) => {
                        let list = Spanned::new(value.span(), list.to_string());
                        self.refer(Kind::Checklist, ctx, &list, from);
                        gate.checklist_done = Some(list.into_inner());
                    }
                    None => self.problems.push(
                        loc.problem("checklist_done must name a checklist, like \"readiness\""),
                    ),
                },
                "safety" => match value.get_ref().as_str() {
                    Some("clear") => {
                        let safety = Spanned::new(value.span(), "safety".to_string());
                        self.refer(Kind::Check, ctx, &safety, from);
                        gate.safety_clear = true;
                    }
                    _ => self.problems.push(
                        loc.problem("safety can only be \"clear\" (the safety check raised no concern)"),
                    ),
                },
                "review" => match value.get_ref().as_str() {
                    Some("go-on") => gate.review_go_on = true,
                    _ => self.problems.push(loc.problem(
                        "review can only be \"go-on\" (the no-contact review chose to go on)",
                    )),
                },
                "reply" => match value.get_ref().as_str() {
                    Some("warm") => gate.reply_warm = true,
                    _ => self.problems.push(
                        loc.problem("reply can only be \"warm\" (the user noted a warm reply)"),
                    ),
                },
                other => self.problems.push(Loc::of(ctx, key).problem(format!(
                    "unknown gate condition `{other}`; a gate can use: {}",
                    Gate::CONDITIONS.join(", ")
                ))),
            }
        }
        gate
    }

    fn gate_after(
        &mut self,
        ctx: Ctx<'a>,
        value: &Spanned<toml::Value>,
        from: &str,
    ) -> Vec<String> {
        let Some(list) = value.get_ref().as_array() else {
            self.problems.push(
                Loc::of(ctx, value).problem("after must be a list of step ids, like [\"space\"]"),
            );
            return Vec::new();
        };
        let mut after = Vec::new();
        for item in list {
            match item.as_str() {
                Some(step) => {
                    let spanned = Spanned::new(value.span(), step.to_string());
                    let loc = self.find_in(ctx, value.span(), step);
                    self.references.push(Reference {
                        kind: Kind::Step,
                        id: step.to_string(),
                        loc,
                        from: from.to_string(),
                    });
                    after.push(spanned.into_inner());
                }
                None => self
                    .problems
                    .push(Loc::of(ctx, value).problem("after must list step ids as strings")),
            }
        }
        after
    }

    fn checklist(&mut self, ctx: Ctx<'a>, raw: &RawChecklist) -> Checklist {
        let id = self.define(Kind::Checklist, ctx, &raw.id);
        let from = format!("checklist `{id}`");
        let mut seen = HashMap::new();
        let entries = match (&raw.items, &raw.pairs) {
            (Some(items), None) => {
                self.not_empty(ctx, items, &format!("{from} has no items; add [[items]]"));
                ChecklistEntries::Items(
                    items
                        .get_ref()
                        .iter()
                        .map(|i| Item {
                            id: self.local_id(ctx, &i.id, "item", &from, &mut seen),
                            text: self.text(ctx, &i.text, "text"),
                            hint: self.optional_text(ctx, &i.hint, "hint"),
                        })
                        .collect(),
                )
            }
            (None, Some(pairs)) => {
                self.not_empty(ctx, pairs, &format!("{from} has no pairs; add [[pairs]]"));
                ChecklistEntries::Pairs(
                    pairs
                        .get_ref()
                        .iter()
                        .map(|p| Pair {
                            id: self.local_id(ctx, &p.id, "pair", &from, &mut seen),
                            helps: self.text(ctx, &p.helps, "helps"),
                            hurts: self.text(ctx, &p.hurts, "hurts"),
                        })
                        .collect(),
                )
            }
            (Some(_), Some(pairs)) => {
                self.problems.push(Loc::of(ctx, pairs).problem(format!(
                    "{from} has both [[items]] and [[pairs]]; a checklist holds one kind, so move one into its own file"
                )));
                ChecklistEntries::Items(Vec::new())
            }
            (None, None) => {
                self.problems.push(Loc::of(ctx, &raw.id).problem(format!(
                    "{from} has no entries; add [[items]] to tick or [[pairs]] of behaviours"
                )));
                ChecklistEntries::Items(Vec::new())
            }
        };
        Checklist {
            title: self.text(ctx, &raw.title, "title"),
            intro: self.text(ctx, &raw.intro, "intro"),
            caution: self.optional_text(ctx, &raw.caution, "caution"),
            entries,
            id,
        }
    }

    fn check_def(&mut self, ctx: Ctx<'a>, raw: &RawCheck) -> Check {
        let id = self.define(Kind::Check, ctx, &raw.id);
        let from = format!("check `{id}`");
        self.refer(Kind::Path, ctx, &raw.route, &from);
        self.not_empty(
            ctx,
            &raw.questions,
            &format!("{from} has no questions; add [[checks.questions]]"),
        );
        let mut seen = HashMap::new();
        let questions = raw
            .questions
            .get_ref()
            .iter()
            .map(|q| {
                if let Some(page) = &q.page {
                    self.refer(Kind::Page, ctx, page, &from);
                }
                Question {
                    id: self.local_id(ctx, &q.id, "question", &from, &mut seen),
                    question: self.text(ctx, &q.question, "question"),
                    hint: self.optional_text(ctx, &q.hint, "hint"),
                    concern: self.concern(ctx, &q.concern),
                    reason: self.text(ctx, &q.reason, "reason"),
                    urgent: q.urgent,
                    page: q.page.as_ref().map(|p| p.get_ref().clone()),
                }
            })
            .collect();
        let cooling_days = match &raw.cooling_days {
            None => 0,
            Some(days) => match *days.get_ref() {
                d @ 0..=365 => d as u32,
                _ => {
                    self.problems.push(Loc::of(ctx, days).problem(
                        "cooling_days must be a whole number of days from 0 to 365, like 30",
                    ));
                    0
                }
            },
        };
        Check {
            title: self.text(ctx, &raw.title, "title"),
            intro: self.text(ctx, &raw.intro, "intro"),
            route: raw.route.get_ref().clone(),
            concern_note: self.text(ctx, &raw.concern_note, "concern_note"),
            cooling_days,
            questions,
            id,
        }
    }

    fn concern(&mut self, ctx: Ctx<'a>, raw: &Spanned<Vec<Text>>) -> Vec<Answer> {
        let answers: Vec<Answer> = raw
            .get_ref()
            .iter()
            .filter_map(|word| {
                let answer = Answer::from_name(word.get_ref());
                if answer.is_none() {
                    self.problems.push(Loc::of(ctx, word).problem(format!(
                        "unknown answer `{}`; concern can list yes, no and unsure",
                        word.get_ref()
                    )));
                }
                answer
            })
            .collect();
        self.not_empty(
            ctx,
            raw,
            "concern lists no answers; list the answers that raise a concern, like [\"yes\"]",
        );
        answers
    }

    fn page(&mut self, ctx: Ctx<'a>, raw: &RawPage) -> Page {
        let id = self.define(Kind::Page, ctx, &raw.id);
        let from = format!("page `{id}`");
        for link in &raw.links {
            self.refer(Kind::Page, ctx, link, &from);
        }
        self.not_empty(
            ctx,
            &raw.sections,
            &format!("{from} has no sections; add [[sections]]"),
        );
        let sections = raw
            .sections
            .get_ref()
            .iter()
            .map(|s| Section {
                heading: self.text(ctx, &s.heading, "heading"),
                body: self.text(ctx, &s.body, "body"),
            })
            .collect();
        Page {
            title: self.text(ctx, &raw.title, "title"),
            summary: self.text(ctx, &raw.summary, "summary"),
            last_checked: raw.last_checked.as_ref().and_then(|d| self.date(ctx, d)),
            links: strings(&raw.links),
            sections,
            id,
        }
    }

    fn date(&mut self, ctx: Ctx<'a>, raw: &Spanned<toml::Value>) -> Option<NaiveDate> {
        let written = match raw.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            _ => String::new(),
        };
        let date = NaiveDate::parse_from_str(&written, "%Y-%m-%d").ok();
        if date.is_none() {
            self.problems
                .push(Loc::of(ctx, raw).problem("last_checked must be a date like 2026-11-23"));
        }
        date
    }

    /// Records a pack-wide id, reporting a bad shape or a duplicate.
    fn define(&mut self, kind: Kind, ctx: Ctx<'a>, raw: &Text) -> String {
        let id = self.id(ctx, raw);
        let loc = Loc::of(ctx, raw);
        if let Some(first) = self.defined.get(&(kind, id.clone())) {
            let (line, column) = first.ctx.line_column(first.span.start);
            self.problems.push(loc.problem(format!(
                "duplicate {} id `{id}`: it is already used at {}:{line}:{column}; give each {} its own id",
                kind.name(),
                first.ctx.file,
                kind.name()
            )));
        } else {
            self.defined.insert((kind, id.clone()), loc);
        }
        id
    }

    /// An id unique only within its parent (a prompt in a step, an item in a checklist).
    fn local_id(
        &mut self,
        ctx: Ctx<'a>,
        raw: &Text,
        what: &str,
        parent: &str,
        seen: &mut HashMap<String, ()>,
    ) -> String {
        let id = self.id(ctx, raw);
        if seen.insert(id.clone(), ()).is_some() {
            self.problems.push(Loc::of(ctx, raw).problem(format!(
                "duplicate {what} id `{id}` in {parent}; give each {what} its own id"
            )));
        }
        id
    }

    fn id(&mut self, ctx: Ctx<'a>, raw: &Text) -> String {
        let id = raw.get_ref();
        let well_formed = !id.is_empty()
            && id.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !well_formed {
            self.problems.push(Loc::of(ctx, raw).problem(format!(
                "id `{id}` is not usable; ids are lowercase letters and digits joined by '-', like \"reach-out\""
            )));
        }
        id.clone()
    }

    fn refer(&mut self, kind: Kind, ctx: Ctx<'a>, raw: &Text, from: &str) {
        self.references.push(Reference {
            kind,
            id: raw.get_ref().clone(),
            loc: Loc::of(ctx, raw),
            from: from.to_string(),
        });
    }

    fn text(&mut self, ctx: Ctx<'a>, raw: &Text, field: &str) -> String {
        let value = raw.get_ref();
        if value.trim().is_empty() {
            self.problems
                .push(Loc::of(ctx, raw).problem(format!("{field} is empty; write the {field}")));
        }
        let off_glossary = match self.rules {
            Rules::All => super::glossary::off_glossary(value),
            Rules::Running => Vec::new(),
        };
        for (phrase, instead) in off_glossary {
            let loc = self.find_in(ctx, raw.span(), phrase);
            self.problems.push(loc.problem(format!(
                "\"{phrase}\" is not in the glossary; say \"{instead}\" (content/README.md, Glossary)"
            )));
        }
        for found in placeholder::find(value) {
            if !placeholder::KNOWN.contains(&found.name) {
                let written = format!("{{{}}}", found.name);
                let loc = self.find_in(ctx, raw.span(), &written);
                let known: Vec<String> = placeholder::KNOWN
                    .iter()
                    .map(|k| format!("{{{k}}}"))
                    .collect();
                self.problems.push(loc.problem(format!(
                    "unknown placeholder `{written}`; use one of {}",
                    known.join(", ")
                )));
            }
        }
        value.clone()
    }

    fn optional_text(&mut self, ctx: Ctx<'a>, raw: &Option<Text>, field: &str) -> Option<String> {
        raw.as_ref().map(|t| self.text(ctx, t, field))
    }

    fn not_empty<T>(&mut self, ctx: Ctx<'a>, raw: &Spanned<Vec<T>>, message: &str) {
        if raw.get_ref().is_empty() {
            self.problems.push(Loc::of(ctx, raw).problem(message));
        }
    }

    /// The place of `needle` inside `span` of the file, or the span's start.
    fn find_in(&self, ctx: Ctx<'a>, span: Range<usize>, needle: &str) -> Loc<'a> {
        let start = ctx
            .text
            .get(span.clone())
            .and_then(|slice| {
                slice.find(needle).or_else(|| {
                    // Same bytes, ASCII case folded, so offsets still match the source.
                    slice
                        .to_ascii_lowercase()
                        .find(&needle.to_ascii_lowercase())
                })
            })
            .map_or(span.start, |offset| span.start + offset);
        Loc {
            ctx,
            span: start..start + needle.len(),
        }
    }

    fn resolve_references(&mut self) {
        let mut hints: HashMap<Kind, String> = HashMap::new();
        for reference in std::mem::take(&mut self.references) {
            if self.unparsed.contains(&reference.kind)
                || self
                    .defined
                    .contains_key(&(reference.kind, reference.id.clone()))
            {
                continue;
            }
            let kind = reference.kind.name();
            let hint = hints
                .entry(reference.kind)
                .or_insert_with(|| self.known(reference.kind));
            self.problems.push(reference.loc.problem(format!(
                "{} names {kind} `{}`, which is not in the pack; {hint}",
                reference.from, reference.id
            )));
        }
    }

    /// The ids of a kind, for a message: made once per kind, and at most [`KNOWN_SHOWN`] of them.
    fn known(&self, kind: Kind) -> String {
        let mut known: Vec<&str> = self
            .defined
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| id.as_str())
            .collect();
        known.sort_unstable();
        let name = kind.name();
        match known.len() {
            0 => format!("the pack has no {name}s yet"),
            n if n > KNOWN_SHOWN => format!(
                "known {name}s include: {}, and {} more",
                known[..KNOWN_SHOWN].join(", "),
                n - KNOWN_SHOWN
            ),
            _ => format!("known {name}s: {}", known.join(", ")),
        }
    }

    /// Every step is on exactly one path, and a gate waits only for earlier steps of its path.
    /// Each step's path and place in it are looked up once, so this is linear in the steps.
    fn check_paths(&mut self, ctx: Ctx<'a>, guide: &RawGuide, steps: &[(Ctx<'a>, RawStep)]) {
        let mut place: HashMap<&str, (&str, usize)> = HashMap::new();
        for path in &guide.paths {
            for (index, step) in path.steps.get_ref().iter().enumerate() {
                if let Some((other, _)) = place.insert(step.get_ref(), (path.id.get_ref(), index)) {
                    self.problems.push(Loc::of(ctx, step).problem(format!(
                        "step `{}` is on path `{other}` and again on path `{}`; a step belongs to one path",
                        step.get_ref(),
                        path.id.get_ref()
                    )));
                }
            }
        }
        for (step_ctx, step) in steps {
            let id = step.id.get_ref().as_str();
            let Some(&(path_id, position)) = place.get(id) else {
                self.problems.push(Loc::of(*step_ctx, &step.id).problem(format!(
                    "step `{id}` is on no path; add it to a path's steps in guide.toml, or remove it"
                )));
                continue;
            };
            let Some(after) = step
                .gate
                .as_ref()
                .and_then(|g| g.iter().find(|(k, _)| k.get_ref() == "after"))
            else {
                continue;
            };
            for waited in after
                .1
                .get_ref()
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
            {
                let on_this_path = place
                    .get(waited)
                    .filter(|(path, _)| *path == path_id)
                    .map(|(_, index)| *index);
                let earlier = on_this_path < Some(position);
                if !earlier && place.contains_key(waited) {
                    let loc = self.find_in(*step_ctx, after.1.span(), waited);
                    self.problems.push(loc.problem(format!(
                        "step `{id}` waits for `{waited}`, which does not come before it on path `{path_id}`; \
                         a step can only wait for earlier steps of its own path"
                    )));
                }
            }
        }
    }
}

fn strings(texts: &[Text]) -> Vec<String> {
    texts.iter().map(|t| t.get_ref().clone()).collect()
}

/// The toml crate's message, with a sentence on what to change.
fn explain_toml_error(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    let advice = if message.starts_with("missing field") {
        "add it to this table"
    } else if message.starts_with("unknown field") {
        "check its spelling or remove it (see content/README.md for the fields)"
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        "change the value to the expected kind"
    } else {
        "fix the TOML here"
    };
    format!("{message}; {advice}")
}
