//! Moving around the cockpit: views, rows, pages, a SKU's detail, the
//! filter and the help, and the diagnosis rows the meeting has seen.

use super::action::{Drawn, EditOp, View};
use super::follow_ups::ReviewRow;
use super::line_editor::LineEditor;
use super::mode::{Base, Mode};
use super::sku_list::visible_rows;
use super::{App, DEFAULT_PAGE};
use crate::domain::action::same_sku;
use crate::domain::anomaly::Anomaly;
use crate::domain::week_report::DiagnosisRow;

impl App {
    pub(super) fn show_view(&mut self, view: View) {
        self.view = view;
        self.mode = Mode::Browsing;
    }

    /// How many rows the current view lists.
    pub fn row_count(&self) -> usize {
        match self.view {
            View::Review => self.review_rows(),
            // Anomalies, then the customer-voice pain points.
            View::Diagnosis => self.report.diagnosis_rows(),
            View::Plan => self.plan_items().len(),
            View::Supply => self.report.supply.len(),
        }
    }

    /// Marks the anomalies the last frame drew as seen: the minutes grow
    /// with what was shown, never with the catalogue.
    pub(super) fn note_seen_anomalies(&mut self, drawn: &Drawn) {
        let Some(shown) = self.report.anomalies.get(drawn.anomalies.clone()) else {
            return;
        };
        let seen = &mut self.meeting.current.seen_anomalies;
        seen.extend(shown.iter().map(Anomaly::key));
    }

    pub(super) fn page_rows(&self) -> i32 {
        if self.size.1 > 16 {
            i32::from(self.size.1) - 16
        } else {
            DEFAULT_PAGE
        }
    }

    pub(super) fn move_selection(&mut self, rows: i32) {
        let count = self.row_count();
        let view = self.view;
        if count == 0 {
            self.selection[view] = 0;
            return;
        }
        let current = i64::try_from(self.selection[view]).unwrap_or(0);
        let target = (current + i64::from(rows)).clamp(0, i64::try_from(count - 1).unwrap_or(0));
        self.selection[view] = usize::try_from(target).unwrap_or(0);
        if let Mode::Detail(_) = self.mode
            && let Some(row) = self.selected_sku_row()
        {
            self.mode = Mode::Detail(row);
        }
    }

    /// The review row (index into the review's SKUs) the selection points at.
    pub fn selected_sku_row(&self) -> Option<usize> {
        match self.view {
            View::Review => match self.selected_review_row()? {
                ReviewRow::Sku(row) => Some(row),
                ReviewRow::FollowUp(i) => {
                    let sku = self.meeting.current.follow_ups[i].sku.as_deref()?;
                    self.report.review.skus.iter().position(|r| {
                        r.sku.as_deref().is_some_and(|s| same_sku(s, sku)) || same_sku(&r.key, sku)
                    })
                }
            },
            View::Diagnosis => {
                let sku = match self.report.diagnosis_row(self.selection[View::Diagnosis])? {
                    DiagnosisRow::Anomaly(anomaly) => anomaly.sku.as_deref()?,
                    DiagnosisRow::PainPoint(_, pain) => pain.skus.first()?.0.as_str(),
                };
                self.report
                    .review
                    .skus
                    .iter()
                    .position(|r| r.sku.as_deref().unwrap_or(&r.key) == sku)
            }
            View::Plan => None,
            View::Supply => {
                let key = &self.report.supply.get(self.selection[View::Supply])?.key;
                self.report.review.skus.iter().position(|r| &r.key == key)
            }
        }
    }

    pub(super) fn open_detail(&mut self) {
        if let Some(row) = self.selected_sku_row() {
            self.mode = Mode::Detail(row);
        }
    }

    pub(super) fn back(&mut self) {
        self.mode = match self.mode {
            Mode::Filtering => {
                self.filter = LineEditor::default();
                self.list.filter.clear();
                self.refresh_list();
                Mode::Browsing
            }
            Mode::Help(base) | Mode::ConfirmingQuit(base) => base.into(),
            Mode::SavingAs(base) => Mode::ConfirmingQuit(base),
            Mode::Capturing => {
                self.capture = None;
                Mode::Browsing
            }
            Mode::Closing => {
                self.view = View::Plan;
                Mode::Browsing
            }
            Mode::Detail(_) => Mode::Browsing,
            // Esc in the table lets go of a filter kept with Enter.
            Mode::Browsing => {
                if !self.list.filter.is_empty() {
                    self.filter = LineEditor::default();
                    self.list.filter.clear();
                    self.refresh_list();
                }
                Mode::Browsing
            }
        };
    }

    pub(super) fn edit_filter(&mut self, op: &EditOp) {
        self.filter.apply(op);
        self.list.filter = self.filter.text().to_owned();
        self.view = View::Review;
        self.refresh_list();
    }

    pub(super) fn toggle_help(&mut self) {
        self.mode = match self.mode {
            Mode::Help(base) => base.into(),
            Mode::Filtering => Mode::Help(Base::Browsing),
            other => Mode::Help(other.base()),
        };
    }

    pub(super) fn refresh_list(&mut self) {
        self.visible = visible_rows(
            &self.report.review.skus,
            &self.flagged,
            &self.list,
            &self.settings,
        );
        self.selection[View::Review] =
            self.selection[View::Review].min(self.review_rows().saturating_sub(1));
    }
}
