//! Cockpit benchmark: the real `opsdeck` binary in a 100×30 pseudo-terminal
//! on 13 weeks of a catalogue of 2,000, 20,000 and 100,000 SKUs, as a user
//! starts it: the time from the start of the process to its first frame,
//! and to the review with the week's figures, against `opsdeck check` of the
//! same workspace as a process; then how soon a key is answered when it is
//! pressed with the Enter that captures an action (the capture, its save
//! handed to the writer, the key's frame). Run: `cargo bench --bench cockpit`.

// Generated counts and times are small: casts between them cannot overflow.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::unwrap_used,
    clippy::disallowed_methods
)]

#[path = "../tools/amazon_layouts.rs"]
mod amazon_layouts;
#[path = "support/workspaces.rs"]
mod workspaces;

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

const BIN: &str = env!("CARGO_BIN_EXE_opsdeck");
const STARTS: usize = 5;
const KEYS: usize = 40;
/// On screen once the header is drawn (the first frame).
const FIRST_FRAME: &str = "Week 2026-W47";
/// On screen once the review shows the week's figures.
const REVIEW: &str = "Account";
/// On screen once the help is open.
const HELP: &str = "Keys — ?";

fn main() {
    println!(
        "| SKUs × 13 weeks | input | `opsdeck check` | first frame | review with figures | ratio to check | key after a capture: p50 | p99 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for skus in [2_000, 20_000, 100_000] {
        let root = workspaces::workspace(skus);
        measure(&root, skus);
    }
}

fn measure(root: &Path, skus: u64) {
    let check = median(
        (0..STARTS)
            .map(|_| {
                let start = Instant::now();
                let status = Command::new(BIN)
                    .arg("check")
                    .arg(root)
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
                start.elapsed()
            })
            .collect(),
    );
    let mut first_frames = Vec::new();
    let mut reviews = Vec::new();
    let mut keys = Vec::new();
    for start in 0..STARTS {
        let _ = std::fs::remove_dir_all(root.join("minutes"));
        let mut cockpit = Cockpit::start(root);
        first_frames.push(cockpit.wait_for(FIRST_FRAME) - cockpit.started);
        reviews.push(cockpit.wait_for(REVIEW) - cockpit.started);
        if start == 0 {
            for n in 0..KEYS {
                keys.push(cockpit.key_after_capture(n));
            }
        }
        cockpit.end();
    }
    let _ = std::fs::remove_dir_all(root.join("minutes"));
    keys.sort();
    let input: u64 = walk_size(&root.join("weeks"));
    let review = median(reviews);
    println!(
        "| {skus} | {:.0} MB | {:.0} ms | {:.0} ms | {:.0} ms | {:.2}× | {:.1} ms | {:.1} ms |",
        input as f64 / 1e6,
        ms(check),
        ms(median(first_frames)),
        ms(review),
        review.as_secs_f64() / check.as_secs_f64(),
        ms(keys[KEYS / 2]),
        ms(keys[KEYS * 99 / 100]),
    );
}

/// The cockpit running in a pseudo-terminal, its output read as it comes.
struct Cockpit {
    child: Child,
    terminal: File,
    output: Receiver<(Instant, Vec<u8>)>,
    started: Instant,
}

impl Cockpit {
    fn start(root: &Path) -> Self {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let size = Winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&master, size).unwrap();
        let slave = OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        let terminal = File::from(master);
        let mut reader = terminal.try_clone().unwrap();
        let (sender, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if sender.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let child = Command::new(BIN)
            .arg(root)
            .env("TERM", "xterm-256color")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave)
            .spawn()
            .unwrap();
        Self {
            child,
            terminal,
            output,
            started,
        }
    }

    /// When `marker` appeared in what the cockpit wrote since the last wait.
    fn wait_for(&mut self, marker: &str) -> Instant {
        let mut seen = Vec::new();
        loop {
            let (at, bytes) = self
                .output
                .recv_timeout(Duration::from_secs(120))
                .unwrap_or_else(|_| panic!("the cockpit never showed {marker:?}"));
            seen.extend_from_slice(&bytes);
            if memchr::memmem::find(&seen, marker.as_bytes()).is_some() {
                return at;
            }
        }
    }

    fn send(&mut self, keys: &str) -> Instant {
        let at = Instant::now();
        self.terminal.write_all(keys.as_bytes()).unwrap();
        at
    }

    /// Captures action `n` and presses `?` with its Enter: the time from
    /// those keys to the help on screen. The help is closed after.
    fn key_after_capture(&mut self, n: usize) -> Duration {
        self.send(&format!("aCheck listing {n} @Wei"));
        std::thread::sleep(Duration::from_millis(30));
        self.drain();
        let pressed = self.send("\r?");
        let shown = self.wait_for(HELP);
        self.send("?");
        std::thread::sleep(Duration::from_millis(30));
        self.drain();
        shown - pressed
    }

    fn drain(&mut self) {
        while self.output.try_recv().is_ok() {}
    }

    /// Ends the cockpit as a closed window does; it saves on the way out.
    fn end(mut self) {
        let pid = rustix::process::Pid::from_child(&self.child);
        rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
        self.child.wait().unwrap();
    }
}

fn walk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk_size(&path)
            } else {
                std::fs::metadata(&path).unwrap().len()
            }
        })
        .sum()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}
