//! Writing in the user's own editor from the workbook: the open field's text is handed out
//! (Ctrl-O in the editor, `o`/`O` on the journal list), the run loop gives the terminal to the
//! editor, and what comes back is saved exactly as Ctrl-S saves the field.

use std::time::Instant;

use crate::own_editor::{EditEnd, Edited, EditorCommand, NoEditor};
use crate::tui::effect::EditTarget;

use super::App;
use crate::tui::keymap::Command;

/// Where the user asked for their own editor, which decides where they land when it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Launch {
    /// From the open in-app editor (Ctrl-O): it stays open, its text as it was.
    Editor,
    /// From the journal list (`o`, `O`): back to the list.
    List,
}

/// Where an edit in the user's own editor stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OwnEdit {
    /// None asked for.
    #[default]
    Idle,
    /// Asked for; the run loop has not handed the text out yet.
    Asked(Launch),
    /// The user's editor has the text.
    Out(Launch),
}

/// Text for the run loop to hand to the user's editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnEditRequest {
    /// The editor to run.
    pub command: EditorCommand,
    /// The text it opens with.
    pub text: String,
}

impl App {
    /// Ctrl-O in the open editor: asks for its text in the user's own editor, or says why not
    /// (the in-app editor stays, with its text).
    pub(super) fn own_editor_from_editor(&mut self) {
        match &self.own_editor {
            Ok(_) => self.own_edit = OwnEdit::Asked(Launch::Editor),
            Err(no) => self.notice = Some(format!("{no}, so you can keep writing here.")),
        }
    }

    /// `o`/`O` on the journal list: opens the entry (or a new one) as `e`/`n` do, then asks for
    /// it in the user's own editor; with none set it stays in the in-app editor and says why.
    pub(super) fn own_editor_from_list(&mut self, command: Command) {
        let in_app = match command {
            Command::NewOutside => Command::New,
            _ => Command::Edit,
        };
        let effect = self.with_screen(|s, v| s.on(in_app, v));
        self.run(effect);
        self.remember_place();
        if self.editor.is_none() {
            return;
        }
        match &self.own_editor {
            Ok(_) => self.own_edit = OwnEdit::Asked(Launch::List),
            Err(no) => self.notice = Some(not_set_here(no)),
        }
    }

    /// True when text waits to be handed to the user's editor.
    pub fn wants_own_editor(&self) -> bool {
        matches!(self.own_edit, OwnEdit::Asked(_))
    }

    /// The text to hand to the user's editor, once per request; its draft is kept first, so
    /// what was typed here is on disk while the editor has it.
    pub fn take_own_edit(&mut self) -> Option<OwnEditRequest> {
        let OwnEdit::Asked(launch) = self.own_edit else {
            return None;
        };
        let (Ok(command), Some(editor)) = (&self.own_editor, &self.editor) else {
            self.own_edit = OwnEdit::Idle;
            return None;
        };
        let request = OwnEditRequest {
            command: command.clone(),
            text: editor.text(),
        };
        self.own_edit = OwnEdit::Out(launch);
        self.keep_draft(true);
        Some(request)
    }

    /// The user's editor returned. Text it wrote (exit 0) replaces the field's and is saved as
    /// Ctrl-S saves it (an empty entry is refused the same way, and stays open). When it ended
    /// otherwise, what it last saved in its file (if that differs) becomes the field's draft, the
    /// saved value stays as it was, and the footer says so; with nothing new the old text stays.
    /// The scratch file goes only after that: when `edited` is dropped here.
    pub fn own_edit_done(&mut self, edited: Edited) {
        let OwnEdit::Out(launch) = std::mem::take(&mut self.own_edit) else {
            return;
        };
        // The time spent writing in the editor was not idle time.
        self.last_input = (self.clock)();
        let Some(editor) = &mut self.editor else {
            return;
        };
        let EditEnd::Wrote(text) = &edited.end else {
            if let Some(left) = &edited.left {
                editor.replace_text(left, Instant::now());
                let where_kept = match (launch, &editor.request.target) {
                    (Launch::Editor, _) => "What it last saved is shown here, kept as a draft.",
                    (Launch::List, EditTarget::NewEntry { .. }) => {
                        "What it last saved is kept as a draft for a new entry."
                    }
                    (Launch::List, _) => "What it last saved is kept as the entry's draft.",
                };
                self.notice = Some(edited.kept_as_draft_notice(where_kept));
                self.keep_draft(true);
            } else {
                self.notice = edited.end.kept_notice();
            }
            if launch == Launch::List {
                // Back to the list; the draft stays for the next time.
                self.editor = None;
                self.remember_place();
            }
            return;
        };
        editor.replace_text(text, Instant::now());
        if !editor.changed() {
            self.notice = Some("Nothing was changed in your editor.".to_string());
            if launch == Launch::List {
                self.close_editor();
            }
            return;
        }
        self.save_editor();
        if self.editor.is_none() && self.notice.is_none() {
            self.notice = Some("Saved what you wrote in your editor.".to_string());
        }
    }
}

/// Why the in-app editor opened instead of the user's own.
fn not_set_here(no: &NoEditor) -> String {
    format!("{no}, so you are writing here instead.")
}
