//! What each action does: one match over every action, with no catch-all,
//! so a new action cannot silently do nothing.

use super::action::Action;
use super::{App, Effect, Flash, Mode};
use crate::domain::settings::Language;

impl App {
    /// Applies an action other than the tick; changes to the minutes or the clock ask for a save.
    pub(super) fn apply(&mut self, action: Action) -> Option<Effect> {
        let now = self.now;
        match action {
            Action::NextSection | Action::PreviousSection => {
                self.change_section(action == Action::NextSection);
                return Some(Effect::SaveMinutes);
            }
            Action::ToggleTimer => {
                self.agenda.toggle_pause(now);
                return Some(Effect::SaveMinutes);
            }
            Action::AddMinute | Action::RemoveMinute => {
                let minutes = if action == Action::AddMinute { 1 } else { -1 };
                self.agenda.adjust_minutes(minutes);
                return Some(Effect::SaveMinutes);
            }
            Action::Rebalance => {
                if self.agenda.rebalance(now) {
                    return Some(Effect::SaveMinutes);
                }
                self.flash = Some(Flash::NothingToRebalance);
            }
            Action::ConfirmQuit => return self.confirm_quit(),
            Action::SubmitCapture => return self.submit_capture(),
            Action::MarkDone => return self.mark_done(),
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::CloseAnyway => {
                let gaps = self
                    .meeting
                    .current
                    .closing_gaps(self.today())
                    .iter()
                    .map(|gap| gap.describe(Language::English))
                    .collect();
                return Some(self.end_meeting(gaps));
            }
            Action::SubmitSaveAs => return self.submit_save_as(),
            Action::CarryAction => self.carry(),
            Action::SaveFinished(result) => self.finish_save(result),
            Action::StartSaveAs => self.start_save_as(),
            Action::EditSaveAs(op) => self.edit_save_as(&op),
            Action::ShowView(view) => self.show_view(view),
            Action::NextView => self.show_view(self.view.next()),
            Action::MoveSelection(rows) => self.move_selection(rows),
            Action::MovePage(pages) => self.move_selection(pages * self.page_rows()),
            Action::MoveToEnd(last) => self.move_selection(if last { i32::MAX } else { i32::MIN }),
            Action::OpenDetail => self.open_detail(),
            Action::Back => self.back(),
            Action::CycleSort => {
                self.list.cycle_sort(self.size.0);
                self.refresh_list();
            }
            Action::CycleMarketplace => {
                if self.report.review.marketplaces.len() < 2 {
                    self.flash = Some(Flash::OneMarketplace);
                }
                self.list
                    .cycle_marketplace(&self.report.review.marketplaces);
                self.refresh_list();
            }
            Action::ReverseSort => {
                self.list.reverse_sort();
                self.refresh_list();
            }
            Action::StartFilter => self.mode = Mode::Filtering,
            Action::EditFilter(op) => self.edit_filter(&op),
            Action::ApplyFilter => self.mode = Mode::Browsing,
            Action::ToggleProblemsOnly => {
                self.list.problems_only = !self.list.problems_only;
                self.refresh_list();
            }
            Action::ToggleHelp => self.toggle_help(),
            Action::RequestQuit => self.mode = Mode::ConfirmingQuit(self.mode.base()),
            Action::CancelQuit => self.mode = self.mode.base().into(),
            Action::Resize(width, height) => self.size = (width, height),
            Action::Drawn(drawn) => self.note_seen_anomalies(&drawn),
            Action::StartCapture(kind) => self.start_capture(kind),
            Action::EditCapture(op) => self.edit_capture(&op),
            Action::CompleteCapture => self.complete_capture(),
            Action::DropAction => self.drop_selected(),
            Action::EditAction => self.edit_selected(),
            Action::OrderSelected => return self.order_selected(),
            // `update` handles the tick and the reading; only a view-only cockpit follows another's saves.
            Action::Tick
            | Action::HolderSaved(_)
            | Action::LockTaken(_)
            | Action::ReadProgress { .. }
            | Action::ReportRead(_) => {}
        }
        None
    }
}
