//! What the end-to-end tests share: a tmux server driving the real binary,
//! and a fresh copy of the sample workspace.

#![allow(clippy::unwrap_used, dead_code)]

pub mod fetching;
pub mod reports;
pub mod smtp_sink;
pub mod stand_in;

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::Duration;

/// A tmux server of its own running one command in a session named `meeting`.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Option<Tmux> {
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

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap()
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "meeting", key]);
            // Let the cockpit read each key on its own (ESC then a key would read as Alt+key).
            sleep(Duration::from_millis(150));
        }
    }

    /// Types `text` as it is (no key names).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "meeting", "-l", text]);
        sleep(Duration::from_millis(150));
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "meeting"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen after ten seconds.
    /// The screen is returned once it stopped changing, never half drawn.
    pub fn wait_for(&self, text: &str) -> String {
        let mut last = String::new();
        for _ in 0..100 {
            let screen = self.screen();
            if screen.contains(text) && screen == last {
                return screen;
            }
            last = screen;
            sleep(Duration::from_millis(100));
        }
        panic!("`{text}` never appeared:\n{}", self.screen());
    }

    pub fn is_running(&self) -> bool {
        self.run(&["has-session", "-t", "meeting"]).status.success()
    }

    /// Quits the cockpit and closes the meeting without giving last week's
    /// actions their verdicts; fails the test unless it ends within 3 s.
    pub fn close_without_verdicts(&self) {
        self.keys(&["q", "y"]);
        self.wait_for("close anyway");
        self.keys(&["c"]);
        assert!(
            self.stopped_within(Duration::from_secs(3)),
            "{}",
            self.screen()
        );
    }

    /// Whether the program ended within `limit`, looking every 100 ms.
    pub fn stopped_within(&self, limit: std::time::Duration) -> bool {
        let step = std::time::Duration::from_millis(100);
        let mut waited = std::time::Duration::ZERO;
        while self.is_running() {
            if waited >= limit {
                return false;
            }
            std::thread::sleep(step);
            waited += step;
        }
        true
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Every file under `folder`, in any depth of subfolders.
pub fn files_under(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// A fresh copy of the sample workspace: the cockpit writes minutes into it.
pub fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
    (dir, root)
}
