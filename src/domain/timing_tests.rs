//! Tests of `timing`: timers bank stretches; statuses turn amber then red.

use super::*;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
#[allow(clippy::disallowed_methods)] // a base instant; every later time is arithmetic on it
fn timers_bank_stretches_and_ignore_pauses() {
    let t0 = Instant::now();
    let mut timer = SectionTimer::default();
    timer.start(t0);
    timer.pause(t0 + secs(60));
    assert_eq!(timer.elapsed(t0 + secs(500)), secs(60));
    timer.start(t0 + secs(500));
    timer.start(t0 + secs(510));
    assert_eq!(timer.elapsed(t0 + secs(530)), secs(90));
    assert!(timer.is_running());
}

#[test]
fn status_turns_ending_then_overrun() {
    let planned = secs(600);
    assert_eq!(
        time_status(secs(100), planned),
        TimeStatus::OnTrack {
            remaining: secs(500)
        }
    );
    assert_eq!(
        time_status(secs(480), planned),
        TimeStatus::Ending {
            remaining: secs(120)
        }
    );
    assert_eq!(
        time_status(secs(600), planned),
        TimeStatus::Ending { remaining: secs(0) }
    );
    assert_eq!(
        time_status(secs(661), planned),
        TimeStatus::Overrun { by: secs(61) }
    );
}

#[test]
fn clock_faces() {
    assert_eq!(mm_ss(secs(25 * 60)), "25:00");
    assert_eq!(mm_ss(secs(75 * 60 + 3)), "75:03");
}
