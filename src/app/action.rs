//! Everything the user or the clock can ask of the cockpit (`Action`), and
//! the I/O `update` asks the event loop to perform (`Effect`). No variant
//! carries terminal types.

use crate::domain::meeting::Meeting;
use crate::domain::reading::ReadCount;
use crate::domain::week_report::WeekReport;

pub use super::line_editor::EditOp;

/// The views of the meeting; the current section picks the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Review,
    Diagnosis,
    Plan,
    /// The replenishment schedule, part of the plan.
    Supply,
}

impl View {
    /// Every view, in the order of their keys (`1` … `4`) and of Tab.
    pub const ALL: [View; 4] = [View::Review, View::Diagnosis, View::Plan, View::Supply];

    /// The view after this one, wrapping around (Tab).
    #[must_use]
    pub fn next(self) -> View {
        View::ALL[(self.index() + 1) % View::ALL.len()]
    }

    /// Its place in `ALL`.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The key that shows it: its place in `ALL`, counted from `1`.
    pub const fn key(self) -> char {
        #[allow(clippy::cast_possible_truncation)] // four views
        let digit = b'1' + self.index() as u8;
        digit as char
    }

    /// The view an agenda section drives: `diagnosis…` and `plan…` by name, else the review.
    pub fn for_section(name: &str) -> View {
        let name = name.to_lowercase();
        if name.starts_with("diag") {
            View::Diagnosis
        } else if name.starts_with("plan") || name.starts_with("action") {
            View::Plan
        } else {
            View::Review
        }
    }
}

// `ALL` lists the views in declaration order, so `index` is a view's place in it.
const _: () = {
    let mut at = 0;
    while at < View::ALL.len() {
        assert!(
            View::ALL[at] as usize == at,
            "View::ALL follows the declaration order"
        );
        at += 1;
    }
};

/// What a frame drew that the minutes keep: the rows of the diagnosis's
/// anomaly list on screen (the mail lists the anomalies the room saw).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    pub anomalies: std::ops::Range<usize>,
}

/// What the capture line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    Action,
    Decision,
    Note,
    /// Meeting ratings: `Lina 8 Wei 9`.
    Rating,
}

/// Everything the user or the clock can ask for. Made by `keymap`, consumed by `App::update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Refresh the clock face; state changes only through the `now` passed to `update`.
    Tick,
    /// Go to the next agenda section.
    NextSection,
    /// Go back to the previous agenda section.
    PreviousSection,
    /// Pause the meeting clock, or resume it.
    ToggleTimer,
    /// Give the current section one more minute.
    AddMinute,
    /// Take one minute from the current section.
    RemoveMinute,
    /// Spread the time left over the remaining sections so the meeting ends on time.
    Rebalance,
    /// Show a view.
    ShowView(View),
    /// Show the next view (Tab).
    NextView,
    /// Move the selection by this many rows (negative is up).
    MoveSelection(i32),
    /// Move the selection by a page (negative is up).
    MovePage(i32),
    /// Jump to the first (`false`) or last (`true`) row.
    MoveToEnd(bool),
    /// Open the detail of the selected row.
    OpenDetail,
    /// Close the detail, the help or the filter line.
    Back,
    /// Sort the SKU table by the next column (again: reverse).
    CycleSort,
    /// Every marketplace, then each in turn (when the week merges several).
    CycleMarketplace,
    /// Reverse the SKU table's sort.
    ReverseSort,
    /// Start typing a filter.
    StartFilter,
    /// Edit the filter being typed.
    EditFilter(EditOp),
    /// Keep the filter and stop typing.
    ApplyFilter,
    /// Show only SKUs with a problem, or all of them.
    ToggleProblemsOnly,
    /// Show or hide every key of the current mode.
    ToggleHelp,
    /// Ask to quit (a confirmation follows).
    RequestQuit,
    /// Quit for good.
    ConfirmQuit,
    /// Stay in the meeting.
    CancelQuit,
    /// The terminal changed size.
    Resize(u16, u16),
    /// What the last frame drew.
    Drawn(Drawn),
    /// Open the capture line for an action item, a decision or a note
    /// (in the diagnosis view, an action is pre-filled from the selected anomaly).
    StartCapture(CaptureKind),
    /// Edit the capture line.
    EditCapture(EditOp),
    /// Complete the `@owner` or `#SKU` being typed.
    CompleteCapture,
    /// Record the capture line.
    SubmitCapture,
    /// Mark the selected action done.
    MarkDone,
    /// Carry the selected action from last meeting to the next.
    CarryAction,
    /// Drop the selected action (a reason is asked for).
    DropAction,
    /// Re-type the selected action.
    EditAction,
    /// Capture the purchase order of the selected replenishment line.
    OrderSelected,
    /// Undo the last change to the minutes.
    Undo,
    /// Make the last undone change again.
    Redo,
    /// End the meeting although the closing check found gaps (they are recorded).
    CloseAnyway,
    /// The event loop saved the minutes, or could not, for this reason.
    SaveFinished(Result<(), std::io::ErrorKind>),
    /// Type a path to write the minutes to instead (from the quit question).
    StartSaveAs,
    /// Edit the path being typed.
    EditSaveAs(EditOp),
    /// Write the minutes to the path typed, and keep saving them there.
    SubmitSaveAs,
    /// The cockpit holding the meeting saved it: a view-only cockpit shows it.
    HolderSaved(Box<Meeting>),
    /// The lock that could not be made is made now: this cockpit writes the
    /// minutes, from the meeting on disk when there is one.
    LockTaken(Option<Box<Meeting>>),
    /// How far the reading of the reports has got, and how many keys wait for it.
    ReadProgress {
        count: ReadCount,
        keys_waiting: usize,
    },
    /// The reports are read: the week's report, diagnosed.
    ReportRead(Box<WeekReport>),
}

impl Action {
    /// Whether the action comes from the facilitator (a key, a paste, a
    /// resized window) rather than from the cockpit's own work.
    pub fn is_from_user(&self) -> bool {
        !matches!(
            self,
            Action::Tick
                | Action::Drawn(_)
                | Action::SaveFinished(_)
                | Action::HolderSaved(_)
                | Action::LockTaken(_)
                | Action::ReadProgress { .. }
                | Action::ReportRead(_)
        )
    }

    /// Whether the action changes what the minutes record — a capture, a
    /// verdict, an undo, the closing, writing them elsewhere: a view-only
    /// cockpit refuses it.
    pub fn edits_minutes(&self) -> bool {
        matches!(
            self,
            Action::StartCapture(_)
                | Action::SubmitCapture
                | Action::MarkDone
                | Action::CarryAction
                | Action::DropAction
                | Action::EditAction
                | Action::OrderSelected
                | Action::Undo
                | Action::Redo
                | Action::CloseAnyway
                | Action::StartSaveAs
                | Action::SubmitSaveAs
        )
    }

    /// Whether the action works on the week's figures (rows, anomalies) or
    /// on the minutes, and so must wait until the reports are read. The
    /// clock, the agenda, the views, the help and quitting work at once.
    pub fn needs_report(&self) -> bool {
        self.edits_minutes()
            || matches!(
                self,
                Action::MoveSelection(_)
                    | Action::MovePage(_)
                    | Action::MoveToEnd(_)
                    | Action::OpenDetail
                    | Action::CycleSort
                    | Action::CycleMarketplace
                    | Action::ReverseSort
                    | Action::StartFilter
                    | Action::EditFilter(_)
                    | Action::ApplyFilter
                    | Action::ToggleProblemsOnly
                    | Action::EditCapture(_)
                    | Action::CompleteCapture
                    | Action::EditSaveAs(_)
            )
    }
}

/// I/O that `update` asks the event loop to perform, so `update` stays pure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Ring the terminal bell (the section has just run over).
    RingBell,
    /// Write the minutes to disk (atomically).
    SaveMinutes,
    /// Write the minutes to this path from now on (the facilitator typed it).
    SaveMinutesAs(String),
}
