//! The signals that end a meeting from outside — SIGTERM, SIGHUP (the
//! terminal window closed), SIGINT and SIGQUIT — caught as a flag the event
//! loop reads, so it can save, restore the terminal and exit with 128 + the
//! signal's number.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The signals caught while the cockpit runs.
#[cfg(unix)]
const CAUGHT: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];
#[cfg(not(unix))]
const CAUGHT: [i32; 2] = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

/// The last of the caught signals received, if any.
#[derive(Debug, Clone)]
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    /// Catches the signals from now on (their default, ending the process at once, is replaced).
    pub fn catch() -> io::Result<Self> {
        let received = Arc::new(AtomicUsize::new(0));
        for signal in CAUGHT {
            let number = usize::try_from(signal).unwrap_or(0);
            signal_hook::flag::register_usize(signal, Arc::clone(&received), number)?;
        }
        Ok(Self { received })
    }

    /// The number of a signal received since `catch`, if one was.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::Relaxed) {
            0 => None,
            number => i32::try_from(number).ok(),
        }
    }
}
