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
}

/// A clock whose time passes only when it is told to wait.
#[cfg(test)]
#[derive(Debug, Clone)]
pub struct TestClock {
    pub start: DateTime<Utc>,
    pub elapsed: Duration,
    /// Every wait asked for, in order.
    pub waits: Vec<Duration>,
}

#[cfg(test)]
impl TestClock {
    pub fn at(start: DateTime<Utc>) -> Self {
        Self {
            start,
            elapsed: Duration::ZERO,
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
}
