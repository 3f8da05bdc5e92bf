//! The verdicts on the plan's actions: done, carried (with a new due date),
//! dropped (with a reason), and editing an action on the capture line.

use std::fmt::Write as _;

use super::action::{Effect, View};
use super::capture::{CaptureTarget, PlanItem};
use super::follow_ups::ReviewRow;
use super::{App, Flash};
use crate::domain::action::{ActionItem, ActionStatus, Priority};
use crate::domain::capture::sku_token;
use crate::domain::meeting::{Verdict, carried_due};
use crate::domain::undo::{Change, ChangeKind};

impl App {
    /// The selected action of the plan or the review: (id, from last
    /// meeting?, item).
    pub(super) fn selected_action(&self) -> Option<(String, bool, ActionItem)> {
        let meeting = &self.meeting.current;
        let item = match self.view {
            View::Plan => *self.plan_items().get(self.selection_in(View::Plan))?,
            View::Review => match self.selected_review_row()? {
                ReviewRow::FollowUp(i) => PlanItem::FollowUp(i),
                ReviewRow::Sku(_) => return None,
            },
            View::Diagnosis | View::Supply => return None,
        };
        match item {
            PlanItem::Action(i) => meeting
                .actions
                .get(i)
                .map(|a| (a.id.clone(), false, a.clone())),
            PlanItem::FollowUp(i) => meeting
                .follow_ups
                .get(i)
                .map(|a| (a.id.clone(), true, a.clone())),
            PlanItem::Decision(_) | PlanItem::Note(_) => None,
        }
    }

    pub(super) fn mark_done(&mut self) -> Option<Effect> {
        let (id, follow_up, _) = self.selected_action()?;
        let now = self.now.wall;
        let changed = self.meeting.change(|meeting| {
            let done = if follow_up {
                meeting.follow_up(&id, Verdict::Done, None, now)
            } else {
                meeting.close_action(&id, ActionStatus::Done, None, now)
            };
            done.then(|| Change::new(ChangeKind::MarkedDone, meeting.subject_of(&id)))
        });
        if changed {
            self.confirm_change();
        }
        changed.then_some(Effect::SaveMinutes)
    }

    /// Carrying asks for the new due date, offering the same weekday after today.
    pub(super) fn carry(&mut self) {
        let Some((id, true, action)) = self.selected_action() else {
            return;
        };
        let today = self.today();
        if !action.is_due(today) {
            // Carrying is for an action past its date; this one is on track.
            self.flash = Some(Flash::NotDueYet(id, action.due.unwrap_or(today)));
            return;
        }
        let due = carried_due(action.due, self.now.wall.date_naive());
        self.open_capture(CaptureTarget::CarryDue(id), format!("due:{due}"));
    }

    /// The carried action stays selected once it joins this meeting's actions above.
    pub(super) fn keep_selection_on_follow_up(&mut self, id: &str) {
        let at = self
            .meeting
            .current
            .follow_ups
            .iter()
            .position(|a| a.id == id);
        if let Some(position) = at.and_then(|i| {
            self.plan_items()
                .iter()
                .position(|p| *p == PlanItem::FollowUp(i))
        }) {
            self.selection[View::Plan] = position;
        }
    }

    pub(super) fn drop_selected(&mut self) {
        if let Some((id, follow_up, _)) = self.selected_action() {
            self.open_capture(CaptureTarget::DropReason { id, follow_up }, String::new());
        }
    }

    pub(super) fn edit_selected(&mut self) {
        if let Some((id, _, action)) = self.selected_action() {
            self.open_capture(CaptureTarget::Edit(id), quick_add_line(&action));
        }
    }
}

/// The quick-add line that re-creates an action, every field of it, for editing it.
pub(super) fn quick_add_line(action: &ActionItem) -> String {
    let mut line = action.title.clone();
    if let Some(owner) = &action.owner {
        let _ = write!(line, " @{owner}");
    }
    if let Some(due) = action.due {
        let _ = write!(line, " due:{due}");
    }
    if let Some(sku) = &action.sku {
        let _ = write!(line, " {}", sku_token(sku));
    }
    if action.priority != Priority::Normal {
        let _ = write!(line, " !{}", action.priority.name());
    }
    if let Some(kpi) = &action.kpi {
        let _ = write!(line, " kpi:{kpi}");
    }
    for tag in &action.tags {
        let _ = write!(line, " +{tag}");
    }
    line
}

#[cfg(test)]
#[path = "verdicts_tests.rs"]
mod tests;
