//! Time for the fetch flows, as data: how long since the fetch began, the
//! wall clock for the manifest, and waiting. The real clock sleeps; the
//! tests' clock only moves its hands.

use std::time::Duration;

use chrono::{DateTime, Utc};

pub trait Clock {
    /// Time since the fetch began.
    fn elapsed(&self) -> Duration;
    /// The wall clock, for what the manifest records.
    fn wall(&self) -> DateTime<Utc>;
    fn sleep(&mut self, duration: Duration);
    /// When, since the fetch began, it must have ended (`--wait`): no
    /// request, retry or wait runs past it. `None`: no deadline.
    fn deadline(&self) -> Option<Duration> {
        None
    }

    /// The time left before the deadline.
    fn left(&self) -> Option<Duration> {
        self.deadline()
            .map(|deadline| deadline.saturating_sub(self.elapsed()))
    }
}

/// A clock whose time passes only when it is told to wait.
#[cfg(test)]
#[derive(Debug, Clone)]
pub struct TestClock {
    pub start: DateTime<Utc>,
    pub elapsed: Duration,
    /// The deadline a test sets, as `--wait` does.
    pub deadline: Option<Duration>,
    /// Every wait asked for, in order.
    pub waits: Vec<Duration>,
}

#[cfg(test)]
impl TestClock {
    pub fn at(start: DateTime<Utc>) -> Self {
        Self {
            start,
            elapsed: Duration::ZERO,
            deadline: None,
            waits: Vec::new(),
        }
    }
}

#[cfg(test)]
impl Clock for TestClock {
    fn elapsed(&self) -> Duration {
        self.elapsed
    }

    fn wall(&self) -> DateTime<Utc> {
        self.start + chrono::TimeDelta::from_std(self.elapsed).unwrap_or_default()
    }

    fn sleep(&mut self, duration: Duration) {
        self.elapsed += duration;
        self.waits.push(duration);
    }

    fn deadline(&self) -> Option<Duration> {
        self.deadline
    }
}
