//! How the minutes reach disk, as the cockpit sees it: the result of each
//! save, writing them to another path when their own cannot be written, and
//! the view-only cockpit of a meeting another cockpit holds, which changes
//! nothing and says why, following what the holder saves — and which
//! writes once the lock it could not make is made.

use super::action::{Action, EditOp, Effect, View};
use super::line_editor::LineEditor;
use super::mode::Mode;
use super::{App, Flash, SaveState, ViewOnly};
use crate::domain::meeting::Meeting;
use crate::domain::undo::History;

impl App {
    /// This cockpit only shows the meeting, held by the cockpit `holder` describes.
    #[must_use]
    pub fn view_only(mut self, holder: String) -> Self {
        self.view_only = Some(ViewOnly::HeldBy(holder));
        self
    }

    /// This cockpit only shows the meeting: its lock could not be made (`why`).
    #[must_use]
    pub fn view_only_unlocked(mut self, why: String) -> Self {
        self.view_only = Some(ViewOnly::Unlocked(why));
        self
    }

    /// Notices shown under the header for the whole meeting.
    #[must_use]
    pub fn with_notices(mut self, notices: Vec<String>) -> Self {
        self.notices = notices;
        self
    }

    /// Whether last meeting's minutes went out within 24 hours of its end.
    #[must_use]
    pub fn with_last_minutes_sent_in_time(mut self, in_time: Option<bool>) -> Self {
        self.last_minutes_sent_in_time = in_time;
        self
    }

    /// The path first offered when the minutes must be written elsewhere.
    #[must_use]
    pub fn with_save_as(mut self, path: String) -> Self {
        self.save_as = LineEditor::new(path);
        self
    }

    /// Who holds the meeting, when this cockpit only shows it for that.
    pub fn holder(&self) -> Option<&str> {
        match &self.view_only {
            Some(ViewOnly::HeldBy(holder)) => Some(holder),
            _ => None,
        }
    }

    /// Why the meeting's lock could not be made, when this cockpit only shows it for that.
    pub fn lock_problem(&self) -> Option<&str> {
        match &self.view_only {
            Some(ViewOnly::Unlocked(why)) => Some(why),
            _ => None,
        }
    }

    /// Notices for the whole meeting (data left out, a recovery copy, …).
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// What the last key did that the screen must say once.
    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    /// The path being typed to write the minutes to.
    pub fn save_as(&self) -> &LineEditor {
        &self.save_as
    }

    /// Whether this cockpit writes the minutes.
    pub fn can_save(&self) -> bool {
        self.view_only.is_none()
    }

    pub(super) fn finish_save(&mut self, result: Result<(), std::io::ErrorKind>) {
        self.save_state = match result {
            Ok(()) => SaveState::Saved,
            Err(kind) => SaveState::Failed(kind),
        };
    }

    pub(super) fn start_save_as(&mut self) {
        if let Mode::ConfirmingQuit(base) = self.mode {
            self.mode = Mode::SavingAs(base);
        }
    }

    pub(super) fn edit_save_as(&mut self, op: &EditOp) {
        self.save_as.apply(op);
    }

    /// Back to the quit question, which shows how the save went.
    pub(super) fn submit_save_as(&mut self) -> Option<Effect> {
        let Mode::SavingAs(base) = self.mode else {
            return None;
        };
        self.mode = Mode::ConfirmingQuit(base);
        let path = self.save_as.text().trim();
        (!path.is_empty()).then(|| Effect::SaveMinutesAs(path.to_owned()))
    }

    /// The meeting as saved on disk, shown in place of the one on screen.
    fn show_saved(&mut self, meeting: Meeting) {
        self.meeting = History::new(meeting);
        let plan_rows = self.plan_items().len();
        self.selection[View::Plan] = self.selection[View::Plan].min(plan_rows.saturating_sub(1));
    }

    /// A view-only cockpit moves, filters and quits; a change to the
    /// minutes is refused (and said so), and nothing is ever saved.
    pub(super) fn apply_view_only(&mut self, action: Action) -> Option<Effect> {
        match action {
            edit if edit.edits_minutes() => self.flash = Some(Flash::ViewOnlyRefused),
            Action::ConfirmQuit => self.running = false,
            Action::HolderSaved(meeting) => self.show_saved(*meeting),
            Action::LockTaken(stored) => {
                if let Some(meeting) = stored {
                    self.show_saved(*meeting);
                }
                self.view_only = None;
                self.flash = Some(Flash::LockTaken);
                return Some(Effect::SaveMinutes);
            }
            other => {
                let _ = self.apply(other);
            }
        }
        None
    }
}
