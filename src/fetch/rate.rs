//! Each SP-API operation's usage plan kept on our side — a token bucket of
//! its burst, refilled at its rate — so a fetch waits before Amazon has to
//! throttle it. Time comes from the fetch's clock.

use std::collections::BTreeMap;
use std::time::Duration;

use super::clock::Clock;

/// An operation's default usage plan: requests a second, and burst.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UsagePlan {
    pub rate: f64,
    pub burst: f64,
}

/// The Reports API's default plans (the model's `x-amzn-api-sandbox` usage plans).
pub fn usage_plan(operation: &str) -> UsagePlan {
    match operation {
        "getReport" => UsagePlan {
            rate: 2.0,
            burst: 15.0,
        },
        "getReports" | "cancelReport" => UsagePlan {
            rate: 0.0222,
            burst: 10.0,
        },
        // createReport, getReportDocument, getMarketplaceParticipations.
        _ => UsagePlan {
            rate: 0.0167,
            burst: 15.0,
        },
    }
}

/// The buckets of every operation used so far.
#[derive(Debug, Default)]
pub struct Buckets {
    /// Tokens left, and when they were counted (time of the fetch).
    levels: BTreeMap<String, (f64, Duration)>,
}

impl Buckets {
    /// Waits, if need be, until `operation` may be called, and takes a token.
    pub fn take(&mut self, operation: &str, clock: &mut dyn Clock) {
        let plan = usage_plan(operation);
        let now = clock.elapsed();
        let (level, then) = self
            .levels
            .get(operation)
            .copied()
            .unwrap_or((plan.burst, now));
        let level = (level + now.saturating_sub(then).as_secs_f64() * plan.rate).min(plan.burst);
        if level < 1.0 {
            clock.sleep(Duration::from_secs_f64((1.0 - level) / plan.rate));
            self.levels
                .insert(operation.to_owned(), (0.0, clock.elapsed()));
        } else {
            self.levels.insert(operation.to_owned(), (level - 1.0, now));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::clock::TestClock;

    #[test]
    fn the_burst_goes_at_once_then_one_call_a_minute() {
        let mut clock = TestClock::at(chrono::Utc::now());
        let mut buckets = Buckets::default();
        for _ in 0..15 {
            buckets.take("createReport", &mut clock);
        }
        assert!(clock.waits.is_empty());
        buckets.take("createReport", &mut clock);
        let waited = clock.waits[0].as_secs_f64();
        assert!((59.0..61.0).contains(&waited), "{waited}");
        // getReport has its own bucket.
        buckets.take("getReport", &mut clock);
        assert_eq!(clock.waits.len(), 1);
    }
}
