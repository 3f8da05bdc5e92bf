//! When to try a request again: a 429 waits as long as `Retry-After` says,
//! else backs off exponentially with jitter; a 5xx or a network failure
//! backs off too, a bounded number of times; any other answer is final.

use std::time::Duration;

use crate::domain::words::{Said, Words};

use super::clock::Clock;
use super::http::{Http, Request, Response, is_too_large};

/// The failure of a request the deadline (`--wait`) left no time for.
pub const DEADLINE: Words = Words::new(
    "the time given (--wait) has run out",
    "给定的时间（--wait）已用完",
);

/// The longest a `Retry-After` is obeyed: a server asking for an hour is
/// asked again after this, within the tries the backoff allows.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(120);

/// How an operation retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The first wait (about 1 ÷ the operation's rate).
    pub base: Duration,
    /// The longest wait.
    pub cap: Duration,
    /// Tries in all, the first included.
    pub tries: u32,
}

impl Backoff {
    /// The wait before try `attempt` (1 is the first retry), with up to a
    /// quarter more as jitter, drawn from `seed` so runs can be replayed.
    pub fn delay(&self, attempt: u32, seed: u64) -> Duration {
        let exponential = self
            .base
            .saturating_mul(
                1u32.checked_shl(attempt.saturating_sub(1))
                    .unwrap_or(u32::MAX),
            )
            .min(self.cap);
        let jitter = u32::try_from(splitmix(seed ^ u64::from(attempt)) % 1000).unwrap_or(0);
        exponential + exponential.mul_f64(0.25 * f64::from(jitter) / 1000.0)
    }
}

/// Sends `request`, trying again after a 429, a 5xx or a network failure as
/// `backoff` allows; gives the last answer (or failure).
pub fn send_retrying(
    http: &mut dyn Http,
    clock: &mut dyn Clock,
    request: &Request,
    backoff: Backoff,
) -> Result<Response, Said> {
    let seed = request
        .url
        .bytes()
        .fold(0u64, |h, b| h.wrapping_mul(31) ^ u64::from(b));
    let mut attempt = 0;
    loop {
        attempt += 1;
        let left = clock.left();
        if left == Some(Duration::ZERO) {
            return Err(deadline());
        }
        let mut timed = request.clone();
        timed.timeout = left;
        let outcome = http.send(&timed);
        // A request cut short by the deadline ran out of time; it did not fail.
        if outcome.is_err() && clock.left() == Some(Duration::ZERO) {
            return Err(deadline());
        }
        let retry = match &outcome {
            Ok(response) if response.status == 429 => true,
            Ok(response) => (500..600).contains(&response.status),
            Err(failure) => !is_too_large(failure),
        };
        if !retry || attempt >= backoff.tries {
            return outcome.map_err(|failure| Said::both(failure.clone(), failure));
        }
        let told = outcome
            .as_ref()
            .ok()
            .and_then(|r| r.header("Retry-After"))
            .and_then(|s| s.trim().parse::<u64>().ok())
            .map(Duration::from_secs)
            .map(|told| told.min(RETRY_AFTER_CAP));
        let wait = told.unwrap_or_else(|| backoff.delay(attempt, seed));
        // A wait past the deadline is not waited: the command is out of
        // time, and the request is made again on the next run.
        if clock.left().is_some_and(|left| wait >= left) {
            let last = last_answer(&outcome);
            return Err(Said::both(
                format!("{} after {}", DEADLINE.en, last.en),
                format!("{}；{}", DEADLINE.zh, last.zh),
            ));
        }
        clock.sleep(wait);
    }
}

/// What the last try got, in a few words: its status and the wait asked for.
fn last_answer(outcome: &Result<Response, String>) -> Said {
    match outcome {
        Ok(response) => {
            let status = response.status;
            match response.header("Retry-After") {
                Some(wait) => {
                    let wait = crate::domain::untrusted::clean(wait.trim());
                    Said::both(
                        format!("Amazon answered {status} and asked to wait {wait} s"),
                        format!("亚马逊最后应答 {status}，要求等待 {wait} 秒"),
                    )
                }
                None => Said::both(
                    format!("Amazon answered {status}"),
                    format!("亚马逊最后应答 {status}"),
                ),
            }
        }
        Err(failure) => Said::both(
            format!("no answer ({failure})"),
            format!("没有应答（{failure}）"),
        ),
    }
}

/// The deadline's failure, before or instead of an answer.
fn deadline() -> Said {
    Said::both(DEADLINE.en, DEADLINE.zh)
}

/// Whether a failure is the deadline's.
pub fn is_deadline(failure: &Said) -> bool {
    failure.en.starts_with(DEADLINE.en)
}

/// A 64-bit mixer for the jitter.
fn splitmix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::clock::TestClock;
    use crate::fetch::scripted::Scripted;

    /// A GET of one address through `send_retrying`, as the flows send it.
    fn get(http: &mut Scripted, clock: &mut TestClock) -> Result<Response, Said> {
        send_retrying(http, clock, &Request::get("https://x/a"), backoff())
    }

    fn backoff() -> Backoff {
        Backoff {
            base: Duration::from_secs(2),
            cap: Duration::from_secs(30),
            tries: 4,
        }
    }

    #[test]
    fn the_wait_doubles_up_to_the_cap_with_a_bounded_jitter() {
        for (attempt, floor) in [(1, 2), (2, 4), (3, 8), (4, 16), (5, 30), (9, 30)] {
            let delay = backoff().delay(attempt, 7);
            let floor = Duration::from_secs(floor);
            assert!(
                delay >= floor && delay <= floor.mul_f64(1.25),
                "{attempt}: {delay:?}"
            );
        }
    }

    #[test]
    fn an_hour_of_retry_after_is_cut_to_the_cap_and_the_deadline_ends_the_retries() {
        let mut http = Scripted::new()
            .answer(429, &[("Retry-After", "3600")], "")
            .answer(503, &[], "")
            .answer(503, &[], "")
            .answer(503, &[], "");
        let mut clock = TestClock::at(chrono::Utc::now());
        clock.deadline = Some(Duration::from_secs(130));
        let outcome = get(&mut http, &mut clock);
        assert_eq!(clock.waits[0], RETRY_AFTER_CAP);
        assert!(
            clock.elapsed <= Duration::from_secs(130),
            "{:?}",
            clock.waits
        );
        // The retry the deadline leaves no time for is the command out of time.
        assert_eq!(
            outcome.unwrap_err().en,
            format!("{} after Amazon answered 503", DEADLINE.en)
        );
        // Each request was given no more than the time left.
        assert!(
            http.requests
                .iter()
                .all(|r| r.timeout.is_some_and(|t| t <= Duration::from_secs(130)))
        );
        // With no time left, nothing is sent.
        let mut clock = TestClock::at(chrono::Utc::now());
        clock.deadline = Some(Duration::ZERO);
        let mut http = Scripted::new();
        let failed = get(&mut http, &mut clock);
        assert_eq!(failed.unwrap_err().en, DEADLINE.en);
        assert!(http.requests.is_empty());
    }

    #[test]
    fn a_429_waits_as_long_as_retry_after_says_then_succeeds() {
        let mut http = Scripted::new()
            .answer(429, &[("Retry-After", "7")], "")
            .answer(200, &[], "ok");
        let mut clock = TestClock::at(chrono::Utc::now());
        let response = get(&mut http, &mut clock).unwrap();
        assert_eq!(response.text(), "ok");
        assert_eq!(clock.waits, vec![Duration::from_secs(7)]);
    }

    #[test]
    fn server_errors_and_network_failures_back_off_a_bounded_number_of_times() {
        let mut http = Scripted::new()
            .answer(503, &[], "")
            .fail("connection reset")
            .answer(500, &[], "")
            .answer(500, &[], "still failing");
        let mut clock = TestClock::at(chrono::Utc::now());
        let response = get(&mut http, &mut clock).unwrap();
        assert_eq!(
            (response.status, response.text().as_str()),
            (500, "still failing")
        );
        assert_eq!(clock.waits.len(), 3);
        // Other client errors are final at once.
        let mut http = Scripted::new().answer(400, &[], "bad");
        let response = get(&mut http, &mut clock).unwrap();
        assert_eq!(response.status, 400);
        assert_eq!(clock.waits.len(), 3);
    }
}
