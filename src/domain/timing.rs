//! Time as data: one reading of the clocks, and section timers that keep
//! instants (never tick counts), so pauses and late redraws cannot make them
//! drift. Pure: std and chrono only; only the event loop reads clocks.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

/// One reading of both clocks, taken by the event loop once per turn.
/// `instant` drives timers (monotonic); `wall` stamps minutes and the
/// projected end (shown to people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub instant: Instant,
    pub wall: DateTime<FixedOffset>,
}

/// Time spent on one section: finished stretches plus the running one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SectionTimer {
    banked: Duration,
    running_since: Option<Instant>,
}

impl SectionTimer {
    /// A timer that already holds `elapsed` (a resumed meeting).
    pub fn with_elapsed(elapsed: Duration) -> Self {
        Self {
            banked: elapsed,
            running_since: None,
        }
    }

    pub fn start(&mut self, now: Instant) {
        self.running_since.get_or_insert(now);
    }

    pub fn pause(&mut self, now: Instant) {
        if let Some(since) = self.running_since.take() {
            self.banked += now.saturating_duration_since(since);
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.banked
            + self
                .running_since
                .map_or(Duration::ZERO, |since| now.saturating_duration_since(since))
    }
}

/// Where a section stands against its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStatus {
    OnTrack {
        remaining: Duration,
    },
    /// In the last part of the section (see `ENDING_SHARE`).
    Ending {
        remaining: Duration,
    },
    Overrun {
        by: Duration,
    },
}

/// The share of a section after which it is "ending" (the countdown turns amber).
pub const ENDING_SHARE: f64 = 0.8;

/// The status of a section with `elapsed` of `planned` used.
pub fn time_status(elapsed: Duration, planned: Duration) -> TimeStatus {
    if elapsed > planned {
        return TimeStatus::Overrun {
            by: elapsed.saturating_sub(planned),
        };
    }
    let remaining = planned.saturating_sub(elapsed);
    if elapsed.as_secs_f64() >= planned.as_secs_f64() * ENDING_SHARE {
        TimeStatus::Ending { remaining }
    } else {
        TimeStatus::OnTrack { remaining }
    }
}

/// `mm:ss` (minutes can exceed 59: `75:00`).
pub fn mm_ss(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
#[path = "timing_tests.rs"]
mod tests;
