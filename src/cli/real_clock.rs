//! The clock `opsdeck fetch` and `opsdeck send` run on: the wall clock, a
//! sleep that really waits, and `--wait` as the whole command's deadline.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::fetch::clock::Clock;

/// The wall clock and a clock that really waits.
pub(crate) struct RealClock {
    start: Instant,
    /// `--wait` from the start: the whole command's deadline.
    deadline: Option<Duration>,
}

impl RealClock {
    /// The one place a command reads the monotonic clock: when it starts.
    #[allow(clippy::disallowed_methods)]
    pub(crate) fn start(deadline: Option<Duration>) -> Self {
        Self {
            start: Instant::now(),
            deadline,
        }
    }
}

impl Clock for RealClock {
    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    #[allow(clippy::disallowed_methods)] // the manifest records when reports were asked for
    fn wall(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn sleep(&mut self, duration: Duration) {
        std::thread::sleep(duration);
    }

    fn deadline(&self) -> Option<Duration> {
        self.deadline
    }
}
