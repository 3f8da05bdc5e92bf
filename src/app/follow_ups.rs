//! Last meeting's actions, settled where they are listed: one order for the
//! review and the plan (past due and carried before the rest; a verdict
//! does not move an action), and the review's list that walks them before
//! the SKU table.

use super::App;
use super::action::View;

/// One row of the review's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    /// Last meeting's action (index into `Meeting::follow_ups`).
    FollowUp(usize),
    /// A SKU (index into the review's SKUs).
    Sku(usize),
}

impl App {
    /// Last meeting's actions (indices into `Meeting::follow_ups`) in the
    /// order they are settled: past their due date first, then those carried
    /// before, then as they were written. A verdict leaves each in place, so
    /// the selection stays on what was just settled.
    pub fn follow_up_order(&self) -> Vec<usize> {
        let today = self.today();
        let follow_ups = &self.meeting.current.follow_ups;
        let mut order: Vec<usize> = (0..follow_ups.len()).collect();
        order.sort_by_key(|&i| {
            let action = &follow_ups[i];
            (
                action.due.is_none_or(|due| due >= today),
                action.weeks_carried == 0,
            )
        });
        order
    }

    /// The review's row at `at`: last meeting's actions, then the SKUs shown.
    pub fn review_row(&self, at: usize) -> Option<ReviewRow> {
        let order = self.follow_up_order();
        match order.get(at) {
            Some(&follow_up) => Some(ReviewRow::FollowUp(follow_up)),
            None => self
                .visible
                .get(at - order.len())
                .map(|&row| ReviewRow::Sku(row)),
        }
    }

    /// How many rows the review lists.
    pub(super) fn review_rows(&self) -> usize {
        self.meeting.current.follow_ups.len() + self.visible.len()
    }

    /// The review's selected row.
    pub fn selected_review_row(&self) -> Option<ReviewRow> {
        self.review_row(self.selection[View::Review])
    }
}

#[cfg(test)]
#[path = "follow_ups_tests.rs"]
mod tests;
