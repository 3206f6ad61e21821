//! The screens: each holds its own selection, draws from the workbook, and turns commands into
//! effects. None of them changes the workbook directly.

mod check;
mod checklists;
mod contact_log;
mod erase;
mod export;
mod home;
mod journal;
mod library;
mod no_contact;
mod profile;
mod response;
mod review;
mod settings;
mod step;
mod urge;
mod welcome;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::content::{Guide, Naming};
use crate::engine::{Action, Now, Place, ScreenId, Workbook};

use super::effect::{EditRequest, EditTarget, Effect, MoodField};
use super::keymap::{Command, ScreenKind};
use super::theme::Theme;

pub use check::CheckScreen;
pub use checklists::ChecklistsScreen;
pub use contact_log::{ContactLogScreen, mistake_text};
pub use erase::EraseScreen;
pub use export::ExportScreen;
pub use home::HomeScreen;
pub use journal::JournalScreen;
pub use library::LibraryScreen;
pub use no_contact::NoContactScreen;
pub use profile::ProfileScreen;
pub use response::ResponseScreen;
pub use review::ReviewScreen;
pub use settings::SettingsScreen;
pub use step::{StepScreen, action_label};
pub use urge::UrgeScreen;
pub use welcome::WelcomeScreen;

/// Every lock reason as whole sentences, one after another (placeholders left to fill).
pub fn reasons_text(reasons: &[crate::engine::LockReason]) -> String {
    reasons
        .iter()
        .map(|r| r.describe())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What every screen may read while drawing or deciding.
pub struct View<'a> {
    /// The guide.
    pub guide: &'a Guide,
    /// The user's workbook.
    pub book: &'a Workbook,
    /// The moment, with the user's calendar.
    pub now: Now<'a>,
    /// Colours.
    pub theme: &'a Theme,
    /// How to name the ex.
    pub naming: Naming,
    /// The journal's search index, as built so far.
    pub search: &'a crate::engine::search::SearchIndex,
    /// Where the export screen writes files (exports and backups).
    pub export_dir: &'a std::path::Path,
    /// Whether the data folder's files are encrypted.
    pub privacy: Privacy,
}

/// How the data folder keeps the user's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// Plain files: anyone who can open the folder can read them.
    Plain,
    /// Encrypted with the user's passphrase.
    Encrypted,
}

impl Privacy {
    /// How the data folder `dir` keeps the user's words.
    pub fn of(dir: &std::path::Path) -> Self {
        if crate::store::keyring::is_encrypted(dir) {
            Self::Encrypted
        } else {
            Self::Plain
        }
    }

    /// What the welcome says of the user's files: for plain files, who could read them and how
    /// to lock them.
    pub fn welcome_note(self) -> Option<&'static str> {
        match self {
            Self::Plain => Some(
                "Your words are kept here as plain files, so anyone who uses this computer \
                 account could open them. To lock them with a passphrase, quit and run: \
                 rekindle encrypt",
            ),
            Self::Encrypted => None,
        }
    }
}

impl View<'_> {
    /// Pack text with the ex named as the user chose.
    pub fn fill(&self, text: &str) -> String {
        self.naming.fill(text)
    }

    /// Pack text with placeholders filled and hard line breaks joined into paragraphs.
    pub fn prose(&self, text: &str) -> String {
        super::text::unwrap_paragraphs(&self.fill(text))
    }
}

/// The screen shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// First run.
    Welcome(WelcomeScreen),
    /// A check.
    Check(CheckScreen),
    /// The path overview.
    Home(HomeScreen),
    /// One step.
    Step(StepScreen),
    /// All checklists.
    Checklists(ChecklistsScreen),
    /// The journal (boxed: its search state is large beside the other screens).
    Journal(Box<JournalScreen>),
    /// No contact.
    NoContact(NoContactScreen),
    /// Library.
    Library(LibraryScreen),
    /// Export.
    Export(ExportScreen),
    /// The urge pause.
    Urge(UrgeScreen),
    /// The no-contact review.
    Review(ReviewScreen),
    /// The contact log.
    ContactLog(ContactLogScreen),
    /// How {ex} responded.
    Response(ResponseScreen),
    /// The situation profile.
    Profile(ProfileScreen),
    /// Settings.
    Settings(SettingsScreen),
    /// Deleting everything.
    Erase(EraseScreen),
}

impl Screen {
    /// A stand-in while the real screen is borrowed.
    pub fn placeholder() -> Self {
        Screen::Home(HomeScreen::default())
    }

    /// Home, with the next step selected.
    pub fn home(view: &View) -> Self {
        Screen::Home(HomeScreen::new(view))
    }

    /// One step.
    pub fn step(id: &str) -> Self {
        Screen::Step(StepScreen::new(id))
    }

    /// The journal, newest first.
    pub fn journal(view: &View) -> Self {
        Screen::Journal(Box::new(JournalScreen::new(view)))
    }

    /// No contact.
    pub fn no_contact() -> Self {
        Screen::NoContact(NoContactScreen::default())
    }

    /// The checklists.
    pub fn checklists() -> Self {
        Screen::Checklists(ChecklistsScreen::default())
    }

    /// The library, at a page if given.
    pub fn library(page: Option<&str>) -> Self {
        Screen::Library(LibraryScreen::new(page))
    }

    /// Export.
    pub fn export() -> Self {
        Screen::Export(ExportScreen::default())
    }

    /// The urge pause, begun if none is open.
    pub fn urge(view: &View) -> Effect {
        let start = match view.book.journey.open_urge() {
            Some(_) => Effect::None,
            None => Effect::Apply(Action::StartUrgePause {
                minutes: crate::engine::DEFAULT_PAUSE_MINUTES,
            }),
        };
        // Coming back to an open pause lands on its draft.
        let focus = usize::from(view.book.journey.open_urge().is_some());
        Effect::All(vec![start, Effect::Go(Screen::Urge(UrgeScreen::at(focus)))])
    }

    /// "How did {ex} respond?".
    pub fn response(view: &View) -> Self {
        Screen::Response(ResponseScreen::new(view))
    }

    /// A check, starting from the answers last given.
    pub fn check(id: &str, view: &View) -> Self {
        Screen::Check(CheckScreen::new(id, view, false))
    }

    /// The screen the journey was left on (the welcome on a first run).
    pub fn resume(view: &View) -> Self {
        let journey = &view.book.journey;
        if !journey.welcomed {
            return Screen::Welcome(WelcomeScreen::new(view));
        }
        let place = &journey.place;
        let mut screen = match place.screen {
            ScreenId::Home => Screen::home(view),
            ScreenId::Step => match place
                .step
                .as_deref()
                .filter(|s| view.guide.step(s).is_some())
            {
                Some(step) => Screen::step(step),
                None => Screen::home(view),
            },
            ScreenId::Checklists => Screen::checklists(),
            ScreenId::Journal => Screen::journal(view),
            ScreenId::NoContact => Screen::no_contact(),
            ScreenId::Library => Screen::library(place.page.as_deref()),
            ScreenId::Export => Screen::export(),
            ScreenId::Urge => Screen::Urge(UrgeScreen::default()),
            ScreenId::Review => Screen::Review(ReviewScreen::default()),
            ScreenId::ContactLog => Screen::ContactLog(ContactLogScreen::default()),
        };
        screen.restore(place, view);
        screen
    }

    /// Which keys apply.
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Welcome(_) => ScreenKind::Welcome,
            Screen::Check(_) => ScreenKind::Check,
            Screen::Home(_) => ScreenKind::Home,
            Screen::Step(_) => ScreenKind::Step,
            Screen::Checklists(_) => ScreenKind::Checklists,
            Screen::Journal(_) => ScreenKind::Journal,
            Screen::NoContact(_) => ScreenKind::NoContact,
            Screen::Library(_) => ScreenKind::Library,
            Screen::Export(_) => ScreenKind::Export,
            Screen::Urge(_) => ScreenKind::Urge,
            Screen::Review(_) => ScreenKind::Review,
            Screen::ContactLog(_) => ScreenKind::ContactLog,
            Screen::Response(_) => ScreenKind::Response,
            Screen::Profile(_) => ScreenKind::Profile,
            Screen::Settings(_) => ScreenKind::Settings,
            Screen::Erase(_) => ScreenKind::Erase,
        }
    }

    /// The screen's name for the header.
    pub fn title(&self, view: &View) -> String {
        match self {
            Screen::Welcome(_) => "Welcome".to_string(),
            Screen::Check(s) => s.title(view),
            Screen::Home(_) => view
                .guide
                .path(&view.book.journey.path)
                .map_or("Home".to_string(), |p| p.title.clone()),
            Screen::Step(s) => s.title(view),
            Screen::Checklists(_) => "Checklists".to_string(),
            Screen::Journal(_) => "Journal".to_string(),
            Screen::NoContact(_) => "No contact".to_string(),
            Screen::Library(s) => s.title(view),
            Screen::Export(_) => "Export".to_string(),
            Screen::Urge(_) => view.guide.tools.urge_pause.title.clone(),
            Screen::Review(_) => view.guide.tools.review.title.clone(),
            Screen::ContactLog(_) => "Contact log".to_string(),
            Screen::Response(_) => view.fill(&view.guide.tools.response.title),
            Screen::Profile(_) => "Your situation".to_string(),
            Screen::Settings(_) => "Settings".to_string(),
            Screen::Erase(_) => "Delete everything".to_string(),
        }
    }

    /// Draws the screen's body.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        match self {
            Screen::Welcome(s) => s.render(view, area, buf),
            Screen::Check(s) => s.render(view, area, buf),
            Screen::Home(s) => s.render(view, area, buf),
            Screen::Step(s) => s.render(view, area, buf),
            Screen::Checklists(s) => s.render(view, area, buf),
            Screen::Journal(s) => s.render(view, area, buf),
            Screen::NoContact(s) => s.render(view, area, buf),
            Screen::Library(s) => s.render(view, area, buf),
            Screen::Export(s) => s.render(view, area, buf),
            Screen::Urge(s) => s.render(view, area, buf),
            Screen::Review(s) => s.render(view, area, buf),
            Screen::ContactLog(s) => s.render(view, area, buf),
            Screen::Response(s) => s.render(view, area, buf),
            Screen::Profile(s) => s.render(view, area, buf),
            Screen::Settings(s) => s.render(view, area, buf),
            Screen::Erase(s) => s.render(view, area, buf),
        }
    }

    /// A shorter name for a narrow header: the step or page title alone.
    pub fn short_title(&self, view: &View) -> String {
        match self {
            Screen::Step(s) => s.step_title(view),
            Screen::Library(s) => s.page_title(view).unwrap_or_else(|| self.title(view)),
            _ => self.title(view),
        }
    }

    /// True while the screen shows a level inside itself that Esc closes first (an open entry,
    /// a filter, a form, a library page): Esc then stays on this screen.
    pub fn has_inner_level(&self) -> bool {
        match self {
            Screen::Journal(s) => s.has_inner_level(),
            Screen::Library(s) => s.has_inner_level(),
            Screen::NoContact(s) => s.has_inner_level(),
            Screen::ContactLog(s) => s.has_inner_level(),
            _ => false,
        }
    }

    /// True when `command` does something here now, so the footer may offer it (a tick needs a
    /// box in focus, "next link" a page with links, and so on).
    pub fn offers(&self, command: Command, view: &View) -> bool {
        match self {
            Screen::Journal(s) => s.offers(command, view),
            Screen::Library(s) => s.offers(command, view),
            Screen::Step(s) => s.offers(command, view),
            Screen::NoContact(s) => s.offers(command, view),
            Screen::Check(s) => s.offers(command, view),
            Screen::Checklists(s) => s.offers(command, view),
            _ => true,
        }
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        let inner = self.has_inner_level();
        let effect = match self {
            Screen::Welcome(s) => s.on(command, view),
            Screen::Check(s) => s.on(command, view),
            Screen::Home(s) => s.on(command, view),
            Screen::Step(s) => s.on(command, view),
            Screen::Checklists(s) => s.on(command, view),
            Screen::Journal(s) => s.on(command, view),
            Screen::NoContact(s) => s.on(command, view),
            Screen::Library(s) => s.on(command, view),
            Screen::Export(s) => s.on(command, view),
            Screen::Urge(s) => s.on(command, view),
            Screen::Review(s) => s.on(command, view),
            Screen::ContactLog(s) => s.on(command, view),
            Screen::Response(s) => s.on(command, view),
            Screen::Profile(s) => s.on(command, view),
            Screen::Settings(s) => s.on(command, view),
            Screen::Erase(s) => s.on(command, view),
        };
        match (command, effect) {
            (Command::Back, Effect::None) if !inner => Effect::Back,
            (_, effect) => effect,
        }
    }

    /// True while the screen takes typed keys as text (the journal's search line).
    pub fn takes_text(&self) -> bool {
        match self {
            Screen::Journal(s) => s.typing(),
            Screen::Erase(s) => s.typing(),
            _ => false,
        }
    }

    /// A key typed while [`Screen::takes_text`].
    pub fn on_text_key(&mut self, key: crossterm::event::KeyEvent, view: &View) -> Effect {
        match self {
            Screen::Journal(s) => s.on_text_key(key, view),
            Screen::Erase(s) => s.on_text_key(key),
            _ => Effect::None,
        }
    }

    /// A mouse click at a terminal cell: select what is there (lists only).
    pub fn click(&mut self, column: u16, row: u16, view: &View) -> Effect {
        match self {
            Screen::Home(s) => s.click(column, row, view),
            Screen::Journal(s) => s.click(column, row, view),
            _ => Effect::None,
        }
    }

    /// Text saved from the editor: what it becomes.
    pub fn on_saved_text(&mut self, target: &EditTarget, text: String, view: &View) -> Effect {
        match (self, target) {
            (Screen::Welcome(s), EditTarget::ExName) => s.set_name(text),
            (_, EditTarget::ExName) => settings::saved_name(view, &text),
            (_, EditTarget::Pronouns) => settings::saved_pronouns(view, &text),
            (_, EditTarget::ContactNote { by, felt, replied })
                if *by == crate::engine::ContactBy::Me =>
            {
                let slip = offer_slip(view, &text, Some(*felt));
                let next = if *replied {
                    "Logged. Note how {ex} responded: \"How did {ex} respond?\" below.".to_string()
                } else {
                    format!(
                        "Logged. When {{ex}} answers, or after {} of silence, note it below.",
                        crate::content::words::count(
                            view.guide.tools.response.wait_days,
                            "day",
                            "days"
                        )
                    )
                };
                Effect::All(vec![
                    saved_text_effect(target, text),
                    Effect::Notice(view.fill(&next)),
                    slip,
                ])
            }
            _ => saved_text_effect(target, text),
        }
    }

    /// The editor request for a field, rebuilt from its target (to reopen a field after a restart).
    pub fn edit_request(&self, target: &EditTarget, view: &View) -> Option<EditRequest> {
        request_for(target, view)
    }

    /// True when the journal list left out months not yet indexed: it is searched again as
    /// the index grows.
    pub fn search_left_out(&self) -> bool {
        matches!(self, Screen::Journal(s) if s.months_left_out() > 0)
    }

    /// Brings the screen's view up to date after the workbook changed.
    pub fn refresh(&mut self, view: &View) {
        if let Screen::Journal(s) = self {
            s.refresh(view);
        }
    }

    /// Where the user is on this screen, to save.
    pub fn place(&self) -> Place {
        let (screen, selected, scroll) = match self {
            Screen::Welcome(_)
            | Screen::Check(_)
            | Screen::Home(_)
            | Screen::Profile(_)
            | Screen::Settings(_)
            | Screen::Erase(_) => {
                let selected = if let Screen::Home(s) = self {
                    s.selected
                } else {
                    0
                };
                (ScreenId::Home, selected, 0)
            }
            Screen::Step(s) => (ScreenId::Step, s.focus, s.scroll.get()),
            Screen::Checklists(s) => (ScreenId::Checklists, s.selected, 0),
            Screen::Journal(s) => (ScreenId::Journal, s.selected, 0),
            Screen::NoContact(_) => (ScreenId::NoContact, 0, 0),
            Screen::Library(s) => (ScreenId::Library, s.selected, s.scroll_place()),
            Screen::Export(_) => (ScreenId::Export, 0, 0),
            Screen::Urge(s) => (ScreenId::Urge, s.focus, 0),
            Screen::Review(s) => (ScreenId::Review, s.focus, 0),
            Screen::ContactLog(_) | Screen::Response(_) => (ScreenId::ContactLog, 0, 0),
        };
        Place {
            screen,
            step: match self {
                Screen::Step(s) => Some(s.id.clone()),
                _ => None,
            },
            page: match self {
                Screen::Library(s) => s.page.clone(),
                _ => None,
            },
            scroll,
            selected,
            editing: None,
            extra: Default::default(),
        }
    }

    fn restore(&mut self, place: &Place, view: &View) {
        match self {
            Screen::Home(s) => s.selected = place.selected.min(s.rows(view).saturating_sub(1)),
            Screen::Step(s) => {
                s.focus = place.selected;
                s.scroll.set(place.scroll);
            }
            Screen::Checklists(s) => s.selected = place.selected,
            Screen::Journal(s) => s.selected = place.selected,
            Screen::Library(s) => s.restore(place.selected, place.scroll),
            _ => {}
        }
    }
}

/// Where `c` (continue) goes from any screen: the next step of the path, or why it waits. On
/// the step that is next already, it says so instead of opening it again.
pub fn continue_effect(view: &View, from_step: Option<&str>) -> Effect {
    use crate::engine::{Next, next_step};
    match next_step(view.guide, &view.book.journey, view.now) {
        Next::Step(step) | Next::Waiting(step, _) if from_step == Some(step.id.as_str()) => {
            Effect::Notice(
                "This is the next step. d marks it done when you are ready; then c goes on."
                    .to_string(),
            )
        }
        Next::Step(step) => Effect::Go(Screen::step(&step.id)),
        // The step page lists every reason in full, a safety concern first.
        Next::Waiting(step, reasons) => Effect::All(vec![
            Effect::Go(Screen::step(&step.id)),
            Effect::Notice(format!(
                "Next is \"{}\", which is {}: why is at the top.",
                step.title,
                if reasons.iter().any(|r| r.is_protective()) {
                    "closed"
                } else {
                    "not open yet"
                }
            )),
        ]),
        Next::PathDone => Effect::Notice("Every step of this path is done.".to_string()),
    }
}

/// While no contact runs, asks whether a contact the user made should be logged as a slip too.
pub fn offer_slip(view: &View, note: &str, felt: Option<u8>) -> Effect {
    let running = view
        .book
        .journey
        .no_contact
        .as_ref()
        .is_some_and(|n| n.ended.is_none());
    if !running {
        return Effect::None;
    }
    Effect::Confirm {
        question: "No contact is running. Log this as a slip too? Your count and history are kept."
            .to_string(),
        then: Box::new(Effect::All(vec![
            Effect::Apply(Action::LogBreak {
                what: crate::engine::BreakKind::Messaged,
                trigger: note.to_string(),
                felt,
                resets: false,
            }),
            Effect::Notice("Logged as a slip. Be gentle with yourself.".to_string()),
        ])),
    }
}

/// The tag on journal entries that answer a question for the user's situation.
pub const SITUATION_TAG: &str = "situation";

/// The tag on journal entries that are drafted first messages.
pub const FIRST_MESSAGE_TAG: &str = "first-message";

/// What saved text becomes, for fields whose screen needs nothing special.
pub fn saved_text_effect(target: &EditTarget, text: String) -> Effect {
    match target.clone() {
        EditTarget::Prompt { step, prompt } => {
            Effect::Apply(Action::AnswerPrompt { step, prompt, text })
        }
        EditTarget::NewEntry { .. } if text.trim().is_empty() => {
            Effect::Notice("Nothing written, so nothing was saved.".to_string())
        }
        EditTarget::NewEntry { step } => Effect::All(vec![
            Effect::Apply(Action::AddEntry {
                text,
                step,
                mood: None,
                tags: Vec::new(),
            }),
            Effect::Notice("Saved to your journal.".to_string()),
        ]),
        EditTarget::Entry { id } => Effect::Apply(Action::EditEntry { id, text }),
        EditTarget::Commitment {
            target_days,
            days_ago,
        } => {
            let mut effects = vec![Effect::Apply(Action::StartNoContact {
                target_days,
                commitment: Some(text),
            })];
            if days_ago > 0 {
                effects.push(Effect::Apply(Action::BackdateNoContact { days_ago }));
            }
            Effect::All(effects)
        }
        EditTarget::Withdrawal { check, answers } => Effect::All(vec![
            Effect::Apply(Action::AnswerCheck {
                check,
                answers,
                reflection: Some(text),
            }),
            Effect::Back,
        ]),
        EditTarget::BreakNote { what, resets, felt } => Effect::All(vec![
            Effect::Apply(Action::LogBreak {
                what,
                trigger: text,
                felt: Some(felt),
                resets,
            }),
            Effect::Notice("Logged. Your history is kept; be gentle with yourself.".to_string()),
        ]),
        EditTarget::BreakEdit {
            index,
            what,
            resets,
            felt,
        } => Effect::All(vec![
            Effect::Apply(Action::EditBreak {
                index,
                what,
                trigger: text,
                felt: Some(felt),
                resets,
            }),
            Effect::Notice("Corrected. The slip keeps a note that it was corrected.".to_string()),
        ]),
        EditTarget::UrgeDraft => Effect::Apply(Action::UrgeDraft(text)),
        EditTarget::MoodWord => Effect::Apply(Action::MoodWord(text)),
        EditTarget::Situation { .. } if text.trim().is_empty() => {
            Effect::Notice("Nothing written, so nothing was saved.".to_string())
        }
        EditTarget::Situation { step, .. } => Effect::All(vec![
            Effect::Apply(Action::AddEntry {
                text,
                step: Some(step),
                mood: None,
                tags: vec![SITUATION_TAG.to_string()],
            }),
            Effect::Notice("Saved to your journal.".to_string()),
        ]),
        EditTarget::FirstMessage { .. } if text.trim().is_empty() => {
            Effect::Notice("Nothing written, so nothing was saved.".to_string())
        }
        EditTarget::FirstMessage { step } => Effect::All(vec![
            Effect::Apply(Action::AddEntry {
                text,
                step: Some(step),
                mood: None,
                tags: vec![FIRST_MESSAGE_TAG.to_string()],
            }),
            Effect::Notice(
                "Kept in your journal, tagged first-message. Nothing was sent.".to_string(),
            ),
        ]),
        EditTarget::ContactNote { by, replied, felt } => Effect::Apply(Action::LogContact {
            by,
            replied,
            went: text,
            felt: Some(felt),
        }),
        EditTarget::ContactEdit {
            index,
            by,
            replied,
            felt,
        } => Effect::All(vec![
            Effect::Apply(Action::EditContact {
                index,
                by,
                replied,
                went: text,
                felt: Some(felt),
            }),
            Effect::Notice(
                "Corrected. The contact keeps a note that it was corrected.".to_string(),
            ),
        ]),
        EditTarget::ExName | EditTarget::Pronouns => Effect::None,
    }
}

/// The editor request for a field, with its title, hint and saved text.
pub fn request_for(target: &EditTarget, view: &View) -> Option<EditRequest> {
    let (title, hint, initial) = match target {
        EditTarget::Prompt { step, prompt } => {
            let def = view
                .guide
                .step(step)?
                .prompts
                .iter()
                .find(|p| &p.id == prompt)?;
            let saved = view
                .book
                .journey
                .step(step)
                .answers
                .get(prompt)
                .map(|a| a.text.clone());
            (
                view.fill(&def.question),
                def.hint.as_ref().map(|h| view.fill(h)),
                saved.unwrap_or_default(),
            )
        }
        EditTarget::NewEntry { step } => {
            let title = match step.as_ref().and_then(|s| view.guide.step(s)) {
                Some(step) => format!("New journal entry · {}", step.title),
                None => "New journal entry".to_string(),
            };
            (
                title,
                Some("Only you will read this.".to_string()),
                String::new(),
            )
        }
        EditTarget::Entry { id } => {
            let entry = view.book.journal.get(id)?;
            ("Edit journal entry".to_string(), None, entry.text.clone())
        }
        EditTarget::ExName => (
            "Their name (optional)".to_string(),
            Some("Leave it empty and the guide will say \"your ex\".".to_string()),
            view.book
                .journey
                .settings
                .ex_name
                .clone()
                .unwrap_or_default(),
        ),
        EditTarget::Pronouns => (
            "Their pronouns: subject / object / possessive".to_string(),
            Some("Three words with slashes: for example xe/xem/xyr or ze/hir/hir.".to_string()),
            match &view.book.journey.settings.pronouns {
                crate::content::PronounSet::Custom(forms) => {
                    format!("{}/{}/{}", forms.subject, forms.object, forms.possessive)
                }
                _ => String::new(),
            },
        ),
        EditTarget::Commitment { .. } => (
            "Before you begin: what would have to be true to reconnect?".to_string(),
            Some(
                "Write it for the person you will be when the count ends. You can leave it empty."
                    .to_string(),
            ),
            String::new(),
        ),
        EditTarget::Withdrawal { .. } => (
            "What has changed since you first answered?".to_string(),
            Some(
                "Needed before a concern is taken back. Write it honestly, for yourself; contact \
                 steps stay closed for a while either way."
                    .to_string(),
            ),
            String::new(),
        ),
        EditTarget::BreakNote { .. } => (
            "What set it off?".to_string(),
            Some("A few words are enough. This is a note for you, not a judgement.".to_string()),
            String::new(),
        ),
        EditTarget::ContactNote { .. } => (
            "How did it go?".to_string(),
            Some("A few words for yourself: what was said, and how you feel now.".to_string()),
            String::new(),
        ),
        EditTarget::BreakEdit { index, .. } => (
            "Correct the slip: what set it off?".to_string(),
            Some("Change what you like; the slip keeps its date.".to_string()),
            view.book
                .journey
                .no_contact
                .as_ref()?
                .breaks
                .get(*index)?
                .trigger
                .clone(),
        ),
        EditTarget::ContactEdit { index, .. } => (
            "Correct the contact: how did it go?".to_string(),
            Some("Change what you like; the contact keeps its date.".to_string()),
            view.book.journey.contacts.get(*index)?.went.clone(),
        ),
        EditTarget::Situation { step, index } => (
            view.fill(
                view.guide
                    .step(step)
                    .and_then(|s| s.situations.get(*index))
                    .and_then(|s| s.prompt.as_deref())?,
            ),
            Some("For your situation. Kept in your journal; only you will read it.".to_string()),
            String::new(),
        ),
        EditTarget::FirstMessage { .. } => (
            "Draft a first message (it is never sent)".to_string(),
            Some(
                "Light and easy to answer, or to leave unanswered; kept in your journal. Before \
                 sending: late at night? been drinking? asking for anything? could you live with \
                 no reply?"
                    .to_string(),
            ),
            String::new(),
        ),
        EditTarget::MoodWord => (
            "A word for how you feel (optional)".to_string(),
            None,
            view.book
                .journey
                .moods
                .last()?
                .word
                .clone()
                .unwrap_or_default(),
        ),
        EditTarget::UrgeDraft => (
            "Write it here instead".to_string(),
            Some(view.fill(&view.guide.tools.urge_pause.never_sent)),
            view.book.journey.open_urge()?.draft.clone(),
        ),
    };
    let mood = match target {
        EditTarget::NewEntry { .. } => MoodField::Asked(None),
        EditTarget::Entry { id } => MoodField::Asked(view.book.journal.get(id)?.mood),
        _ => MoodField::NotAsked,
    };
    Some(EditRequest {
        title,
        hint,
        initial,
        target: target.clone(),
        mood,
    })
}
