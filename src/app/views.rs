//! The views as one table: each view's name in every language and the keys
//! its hint bar offers first. The key that shows a view is its place
//! (`View::key`); its rows, selection and drawing are exhaustive matches on
//! `View`, so a new view does not compile until each has it.

use crate::domain::agenda;
use crate::domain::words::Words;

use super::action::{Action, CaptureKind, View};

/// What the cockpit knows about one view.
pub struct ViewInfo {
    pub view: View,
    /// Its name on the tab line.
    pub name: Words,
    /// The keys that act in this view, most used first: the hint bar
    /// offers them before the keys of every view.
    pub keys: &'static [Action],
}

/// Every view, in `View::ALL`'s order.
pub const VIEWS: [ViewInfo; 4] = [
    ViewInfo {
        view: View::Review,
        name: agenda::REVIEW,
        keys: &[
            Action::MarkDone,
            Action::EditAction,
            Action::OpenDetail,
            Action::StartFilter,
            Action::CycleSort,
            Action::ToggleProblemsOnly,
        ],
    },
    ViewInfo {
        view: View::Diagnosis,
        name: agenda::DIAGNOSIS,
        keys: &[
            Action::StartCapture(CaptureKind::Action),
            Action::OpenDetail,
        ],
    },
    ViewInfo {
        view: View::Plan,
        name: agenda::PLAN,
        keys: &[Action::MarkDone, Action::EditAction],
    },
    ViewInfo {
        view: View::Supply,
        name: Words::new("Supply", "补货"),
        keys: &[Action::OrderSelected, Action::OpenDetail],
    },
];

/// The keys every view offers after its own, as room allows.
pub const EVERY_VIEW_KEYS: &[Action] = &[
    Action::NextSection,
    Action::StartCapture(CaptureKind::Action),
    Action::ShowView(View::Review),
    Action::ToggleTimer,
];

impl View {
    /// Its entry in the table of views.
    pub fn info(self) -> &'static ViewInfo {
        &VIEWS[self.index()]
    }
}

// The table follows `View::ALL`, so `info` finds each view's own entry.
const _: () = {
    let mut at = 0;
    while at < VIEWS.len() {
        assert!(
            VIEWS[at].view as usize == View::ALL[at] as usize,
            "VIEWS follows View::ALL"
        );
        at += 1;
    }
};
