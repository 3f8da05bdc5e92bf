//! The cockpit's state and its one entry point, `App::update(action, now)`:
//! pure (no I/O, no clocks — time comes in as `now`), returning an optional
//! `Effect` for the event loop to perform. The screen is drawn from `&App`.
//! Must not use ratatui; only `app/keymap.rs` may use crossterm.

pub mod action;
pub mod capture;
mod dispatch;
pub mod follow_ups;
pub mod keymap;
pub mod line_editor;
pub mod mode;
mod navigation;
mod queries;
mod reading;
mod saving;
mod selections;
pub mod sku_list;
mod supply;
mod verdicts;
pub mod views;

use crate::domain::agenda::Agenda;
use crate::domain::meeting::Meeting;
use crate::domain::settings::Settings;
use crate::domain::timing::Now;
use crate::domain::undo::{Change, History};
use crate::domain::week_report::WeekReport;

use action::{Action, Effect, View};
use capture::Capture;
use line_editor::LineEditor;
use mode::Mode;
pub use reading::Reading;
use selections::Selections;
use sku_list::ListOptions;

/// Rows a page key moves when the screen size is not known yet.
const DEFAULT_PAGE: i32 = 10;

/// Seconds between saves of the running clock when nothing else changes.
const CLOCK_SAVE_SECONDS: u64 = 15;

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A change is waiting for the event loop to save it.
    Pending,
    /// The last save failed, for this reason.
    Failed(std::io::ErrorKind),
}

/// Why this cockpit only shows the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewOnly {
    /// Another cockpit holds it: who, where, since when.
    HeldBy(String),
    /// Its lock could not be made: why.
    Unlocked(String),
}

/// What the last key did that the screen says once, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flash {
    /// A view-only cockpit refused a change to the minutes.
    ViewOnlyRefused,
    /// The lock that could not be made was made: this cockpit writes now.
    LockTaken,
    Undone(Change),
    Redone(Change),
    NothingToUndo,
    NothingToRedo,
    /// The selected replenishment line needs no order (its SKU).
    NothingToOrder(String),
    /// `r` found nothing to rebalance: no section has a later one to give time.
    NothingToRebalance,
    /// `m` on a week of one marketplace: nothing to switch between.
    OneMarketplace,
    /// The selected supply line has its purchase order already: its id.
    PoCaptured(String),
    /// Last meeting's action is not due until this day: nothing to carry.
    NotDueYet(String, chrono::NaiveDate),
    /// A change to the minutes was made: what it was.
    Changed(Change),
    /// An action was recorded: its id and what it holds.
    Recorded {
        id: String,
        owner: Option<String>,
        due: Option<chrono::NaiveDate>,
        sku: Option<String>,
    },
}

/// How long the confirmation of a recorded action stays on screen.
const RECORDED_SECONDS: u64 = 4;

/// Everything the cockpit shows and how the facilitator has arranged it.
#[derive(Debug, Clone)]
pub struct App {
    settings: Settings,
    report: WeekReport,
    /// The minutes being written, with undo.
    meeting: History,
    /// The capture line, while `mode` is `Capturing`.
    capture: Option<Capture>,
    save_state: SaveState,
    /// The path typed to write the minutes to, while `mode` is `SavingAs`.
    save_as: LineEditor,
    /// The SKU filter being typed (its text is `list.filter`).
    filter: LineEditor,
    /// Who holds the meeting, when this cockpit only shows it.
    view_only: Option<ViewOnly>,
    /// What the facilitator must know about this meeting's data and minutes.
    notices: Vec<String>,
    /// Whether last meeting's minutes went out within 24 hours of its end
    /// (`None`: no last meeting, or it is still open).
    last_minutes_sent_in_time: Option<bool>,
    /// What the last key did that the screen must say once (until the next key).
    flash: Option<Flash>,
    /// When `flash` was set.
    flashed_at: std::time::Instant,
    /// When the minutes were last asked to be saved.
    saved_at: std::time::Instant,
    agenda: Agenda,
    view: View,
    mode: Mode,
    list: ListOptions,
    /// Rows of the review table after filter and sort: indices into the review's SKUs.
    visible: Vec<usize>,
    /// Which SKUs have an anomaly (by index into the review's SKUs).
    flagged: Vec<bool>,
    /// Selected row per view (review table, anomaly list, plan list, supply table).
    selection: Selections,
    /// Terminal size, from the last resize (for page moves).
    size: (u16, u16),
    now: Now,
    /// The section whose overrun has already rung the bell.
    rung_for: Option<usize>,
    running: bool,
    /// How far the reading of the reports has got, until the report arrives.
    reading: Option<Reading>,
}

impl App {
    /// A cockpit for `report` and `meeting`, its reports read; a resumed
    /// meeting brings its `agenda`. The meeting's clock starts at `now`.
    pub fn new(
        settings: Settings,
        report: WeekReport,
        meeting: Meeting,
        agenda: Option<Agenda>,
        now: Now,
    ) -> Self {
        let agenda = agenda.unwrap_or_else(|| Agenda::new(&settings.agenda));
        let flagged = report.flagged_rows();
        let view = View::for_section(&agenda.current().name);
        let mut app = Self {
            settings,
            report,
            meeting: History::new(meeting),
            capture: None,
            save_state: SaveState::Saved,
            save_as: LineEditor::default(),
            filter: LineEditor::default(),
            view_only: None,
            notices: Vec::new(),
            last_minutes_sent_in_time: None,
            flash: None,
            flashed_at: now.instant,
            saved_at: now.instant,
            agenda,
            view,
            mode: Mode::Browsing,
            list: ListOptions::default(),
            visible: Vec::new(),
            flagged,
            selection: Selections::default(),
            size: (100, 30),
            now,
            rung_for: None,
            running: true,
            reading: None,
        };
        app.agenda.start(now);
        app.refresh_list();
        app
    }

    /// Applies one action. No I/O and no clock reads: everything time-dependent uses `now`.
    pub fn update(&mut self, action: Action, now: Now) -> Option<Effect> {
        self.now = now;
        // The bell is decided on the clock's tick only, so it never competes with a save.
        if action == Action::Tick {
            self.expire_flash();
            return self.check_overrun().or_else(|| self.clock_save());
        }
        match action {
            Action::ReadProgress {
                count,
                keys_waiting,
            } => {
                self.read_progress(count, keys_waiting);
                return None;
            }
            Action::ReportRead(report) => return self.report_read(*report),
            // Held by the event loop until the figures are there; ignored if one slips through.
            _ if self.is_reading() && action.needs_report() => return None,
            _ => {}
        }
        // A message stays until the next key; a save finishing is not one.
        if action.is_from_user() {
            self.flash = None;
            self.flashed_at = now.instant;
        }
        if self.view_only.is_some() {
            return self.apply_view_only(action);
        }
        let effect = self.apply(action);
        if matches!(effect, Some(Effect::SaveMinutes | Effect::SaveMinutesAs(_))) {
            self.save_asked();
        }
        effect
    }

    /// Confirms on screen the change just made to the minutes.
    fn confirm_change(&mut self) {
        if let Some(change) = self.meeting.last_change() {
            self.flash = Some(Flash::Changed(change.clone()));
        }
    }

    /// A recorded action's confirmation goes after a few seconds; other flashes stay until the next key.
    fn expire_flash(&mut self) {
        let shown = self.now.instant.saturating_duration_since(self.flashed_at);
        if matches!(self.flash, Some(Flash::Recorded { .. } | Flash::Changed(_)))
            && shown.as_secs() >= RECORDED_SECONDS
        {
            self.flash = None;
        }
    }

    /// While the clock runs, its time is saved now and then, so a crash loses seconds, not minutes.
    fn clock_save(&mut self) -> Option<Effect> {
        let due = self
            .now
            .instant
            .saturating_duration_since(self.saved_at)
            .as_secs()
            >= CLOCK_SAVE_SECONDS;
        if !due || self.agenda.is_paused() || self.view_only.is_some() {
            return None;
        }
        self.save_asked();
        Some(Effect::SaveMinutes)
    }

    /// A save is asked of the event loop now: what is on screen is not on disk yet.
    fn save_asked(&mut self) {
        self.save_state = SaveState::Pending;
        self.saved_at = self.now.instant;
    }

    /// The bell rings once, at the moment the current section runs over.
    fn check_overrun(&mut self) -> Option<Effect> {
        let section = self.agenda.current_index();
        if !self.agenda.is_overrun(self.now) || self.rung_for == Some(section) {
            return None;
        }
        self.rung_for = Some(section);
        self.settings.bell.then_some(Effect::RingBell)
    }

    fn change_section(&mut self, forward: bool) {
        if forward {
            self.agenda.next(self.now);
        } else {
            self.agenda.previous(self.now);
        }
        self.view = View::for_section(&self.agenda.current().name);
        if let Mode::Detail(_) = self.mode {
            self.mode = Mode::Browsing;
        }
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
pub(crate) mod tests;
