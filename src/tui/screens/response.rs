//! "How did {ex} respond?": after a first message, the user notes what happened, reads what
//! follows from it, and goes where it leads. "Asked me to stop" is confirmed first: it is final.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::engine::{Action, Response, ResponseRoute};
use crate::tui::doc::{Doc, Shown};
use crate::tui::effect::Effect;
use crate::tui::keymap::Command;

use super::{Screen, View};

/// The response screen's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseScreen {
    /// 0 is the text, 1 to 5 the answers.
    pub focus: usize,
    /// How many responses were noted when the screen opened; one more means the user chose.
    noted_before: usize,
    scroll: Cell<u16>,
    shown: Cell<Shown>,
}

impl ResponseScreen {
    /// The screen as the workbook stands.
    pub fn new(view: &View) -> Self {
        Self {
            focus: 1,
            noted_before: view.book.journey.responses.len(),
            ..Self::default()
        }
    }

    /// The answer chosen on this visit, once the engine took it.
    fn chosen(&self, view: &View) -> Option<Response> {
        let responses = &view.book.journey.responses;
        (responses.len() > self.noted_before).then(|| responses.last().map(|r| r.response))?
    }

    /// Turns a command into an effect.
    pub fn on(&mut self, command: Command, view: &View) -> Effect {
        if let Some(chosen) = self.chosen(view) {
            return match command {
                Command::Enter => follow(chosen, view),
                _ => Effect::None,
            };
        }
        if self
            .shown
            .get()
            .navigate(command, &mut self.focus, Response::ALL.len(), &self.scroll)
        {
            return Effect::None;
        }
        match command {
            Command::Enter if self.focus == 0 => self.focus = 1,
            Command::Enter => {
                let (response, _) = Response::ALL[self.focus - 1];
                let note = Effect::Apply(Action::RecordResponse(response));
                if response == Response::AskedToStop {
                    return Effect::Confirm {
                        question: view.fill(
                            "Note that {ex} asked you to stop? Every contact step closes for good; \
                             nothing undoes it.",
                        ),
                        then: Box::new(note),
                    };
                }
                return note;
            }
            _ => {}
        }
        Effect::None
    }

    /// Draws the intro and the answers, or what follows the answer chosen.
    pub fn render(&self, view: &View, area: Rect, buf: &mut Buffer) {
        let theme = view.theme;
        let words = &view.guide.tools.response;
        let mut doc = Doc::new(area.width);
        if let Some(chosen) = self.chosen(view) {
            doc.start_item();
            doc.line(Line::styled(
                view.fill(&words.answers[chosen.index()].label),
                theme.title,
            ));
            doc.blank();
            doc.text(
                &view.prose(&words.answers[chosen.index()].after),
                theme.text,
                0,
            );
            doc.blank();
            doc.text(&format!("Enter: {}", next_words(chosen)), theme.key, 0);
            doc.end_item(false, theme.selected);
            self.shown.set(doc.render(Some(0), &self.scroll, area, buf));
            return;
        }
        doc.start_item();
        doc.text(&view.prose(&words.intro), theme.muted, 0);
        if let Some(last) = view.book.journey.responses.last() {
            let date = view.now.calendar.date_of(last.at).format("%-d %b");
            doc.text(
                &format!(
                    "Last noted on {date}: {}",
                    view.fill(&words.answers[last.response.index()].label)
                ),
                theme.muted,
                0,
            );
        }
        doc.end_item(self.focus == 0, theme.selected);
        doc.blank();
        for (index, (response, _)) in Response::ALL.iter().enumerate() {
            doc.start_item();
            let mut label = view.fill(&words.answers[index].label);
            if *response == Response::NoReply {
                label = format!(
                    "{label} ({})",
                    crate::content::words::count(words.wait_days, "day", "days")
                );
            }
            doc.marked('›', &label, theme.text, 0);
            doc.end_item(index + 1 == self.focus, theme.selected);
        }
        self.shown
            .set(doc.render(Some(self.focus), &self.scroll, area, buf));
    }
}

/// Where Enter goes once an answer is noted.
fn follow(chosen: Response, view: &View) -> Effect {
    match chosen.route() {
        ResponseRoute::GoOn => match next_contact_step(view) {
            Some(step) => Effect::Replace(Screen::step(&step)),
            None => Effect::Home,
        },
        ResponseRoute::WaitAndMirror => Effect::Back,
        ResponseRoute::MoveOnCheck => Effect::Replace(Screen::check("move-on", view)),
        ResponseRoute::Stopped => Effect::Home,
    }
}

fn next_words(chosen: Response) -> &'static str {
    match chosen.route() {
        ResponseRoute::GoOn => "open the next step",
        ResponseRoute::WaitAndMirror => "go back",
        ResponseRoute::MoveOnCheck => "take the move-on check",
        ResponseRoute::Stopped => "go home to the heal path",
    }
}

/// The first step on the path that waits for a warm reply and is not done.
fn next_contact_step(view: &View) -> Option<String> {
    let path = view.guide.path(&view.book.journey.path)?;
    view.guide
        .steps_of(path)
        .find(|s| s.gate.reply_warm && view.book.journey.step(&s.id).done.is_none())
        .map(|s| s.id.clone())
}
