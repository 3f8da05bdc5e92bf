//! What the screen and the event loop ask of the app: its state, read only.

use std::time::Duration;

use chrono::NaiveDate;

use super::action::View;
use super::capture::Capture;
use super::line_editor::LineEditor;
use super::mode::Mode;
use super::sku_list::ListOptions;
use super::{App, SaveState};
use crate::domain::action::ActionItem;
use crate::domain::agenda::Agenda;
use crate::domain::meeting::Meeting;
use crate::domain::settings::Settings;
use crate::domain::timing::Now;
use crate::domain::week::MeetingWeek;
use crate::domain::week_report::{MarketplaceAccount, WeekReport};

impl App {
    pub fn is_running(&self) -> bool {
        self.running
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn report(&self) -> &WeekReport {
        &self.report
    }

    /// The day the meeting is held (`MeetingWeek::day_held`): what is due,
    /// overdue or on track is judged on it.
    pub fn today(&self) -> NaiveDate {
        MeetingWeek::reviewing(self.report.review.week).day_held(self.now.wall.date_naive())
    }

    /// The meeting's Monday: every "days left" figure (events, orders) counts
    /// from it, as the plan and the pre-read do.
    pub fn meeting_monday(&self) -> NaiveDate {
        MeetingWeek::reviewing(self.report.review.week).monday()
    }

    /// Last meeting's open actions, with this meeting's verdicts.
    /// The marketplace `m` shows, with its own account; `None` for the whole account.
    pub fn shown_marketplace(&self) -> Option<&MarketplaceAccount> {
        let code = self.list.marketplace.as_deref()?;
        self.report.marketplaces.iter().find(|m| m.code == code)
    }

    /// Whether last meeting's minutes went out within 24 hours of its end
    /// (`None`: no last meeting, or it is still open).
    pub fn last_minutes_sent_in_time(&self) -> Option<bool> {
        self.last_minutes_sent_in_time
    }

    pub fn open_actions(&self) -> &[ActionItem] {
        &self.meeting.current.follow_ups
    }

    /// The minutes being written.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting.current
    }

    /// The capture line being typed, if any.
    pub fn capture(&self) -> Option<&Capture> {
        self.capture.as_ref()
    }

    pub fn save_state(&self) -> SaveState {
        self.save_state
    }

    pub fn agenda(&self) -> &Agenda {
        &self.agenda
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The SKU filter being typed.
    pub fn filter(&self) -> &LineEditor {
        &self.filter
    }

    pub fn list(&self) -> &ListOptions {
        &self.list
    }

    /// Review rows to show, in order (indices into the review's SKUs).
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// Whether the review row has an anomaly.
    pub fn is_flagged(&self, row: usize) -> bool {
        self.flagged.get(row).copied().unwrap_or(false)
    }

    /// The selected row of the current view.
    pub fn selection(&self) -> usize {
        self.selection[self.view]
    }

    /// The selected row of `view`.
    pub fn selection_in(&self, view: View) -> usize {
        self.selection[view]
    }

    /// The last clock reading (render never reads a clock).
    pub fn now(&self) -> Now {
        self.now
    }

    /// How long until the next second ticks over on the countdown.
    pub fn until_next_second(&self) -> Duration {
        let elapsed = self.agenda.current().timer.elapsed(self.now.instant);
        Duration::from_millis(1000 - u64::from(elapsed.subsec_millis()))
    }
}
