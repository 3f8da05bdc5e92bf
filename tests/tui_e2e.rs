//! The real binary in a real terminal: tmux starts the cockpit on the sample
//! workspace, the test types keys and reads the screen back. Skips (saying
//! why) where tmux is not installed.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::Duration;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16, command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            println!("skipped: tmux is not installed");
            return None;
        }
        let tmux = Tmux {
            socket: format!("opsdeck-e2e-{name}-{}", std::process::id()),
        };
        let output = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "meeting",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "meeting", key]);
            // Let the cockpit read each key on its own (ESC then a key would read as Alt+key).
            sleep(Duration::from_millis(150));
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "meeting"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen after a few seconds.
    fn wait_for(&self, text: &str) -> String {
        for _ in 0..50 {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            sleep(Duration::from_millis(100));
        }
        panic!("`{text}` never appeared:\n{}", self.screen());
    }

    fn is_running(&self) -> bool {
        self.run(&["has-session", "-t", "meeting"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn a_whole_meeting_in_a_real_terminal() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let command = format!("{binary} {}", sample.display());
    let Some(tmux) = Tmux::start("meeting", 100, 30, &command) else {
        return;
    };
    let screen = tmux.wait_for("Week 2026-W47");
    assert!(screen.contains("REVIEW"), "{screen}");
    assert!(
        screen.contains("Open actions from last meeting"),
        "{screen}"
    );
    assert!(screen.contains("HK-CB-BAM-L"), "{screen}");
    assert!(screen.contains("? all keys"), "{screen}");

    tmux.keys(&[">"]);
    let screen = tmux.wait_for("DIAGNOSIS");
    assert!(screen.contains("stockout_risk"), "{screen}");
    assert!(screen.contains("Customer voice"), "{screen}");

    tmux.keys(&[">"]);
    let screen = tmux.wait_for("PLAN");
    assert!(
        screen.contains("Actions and decisions of this meeting"),
        "{screen}"
    );

    tmux.keys(&["<", "1", "j", "Enter"]);
    let screen = tmux.wait_for("13-week trend");
    assert!(
        screen.contains("HK-KS-3STG"),
        "the second SKU's detail:\n{screen}"
    );

    tmux.keys(&["Escape", "?"]);
    let screen = tmux.wait_for("Keys — ?");
    assert!(screen.contains("rebalance"), "{screen}");

    tmux.keys(&["x", "q"]);
    tmux.wait_for("End the meeting and quit?");
    tmux.keys(&["n"]);
    assert!(tmux.is_running(), "n keeps the meeting going");
    tmux.keys(&["q", "y"]);
    for _ in 0..30 {
        if !tmux.is_running() {
            return;
        }
        sleep(Duration::from_millis(100));
    }
    panic!("the cockpit did not quit:\n{}", tmux.screen());
}

#[test]
fn the_cockpit_says_when_the_terminal_is_too_small() {
    let binary = env!("CARGO_BIN_EXE_opsdeck");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let Some(tmux) = Tmux::start("small", 60, 20, &format!("{binary} {}", sample.display())) else {
        return;
    };
    let screen = tmux.wait_for("at least 80×24");
    assert!(screen.contains("60×20"), "{screen}");
    tmux.keys(&["q", "y"]);
}
