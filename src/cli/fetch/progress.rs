//! What `opsdeck fetch` says as it goes — a line per report and a bar,
//! redrawn in place on a terminal — and the summary at the end.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use crate::domain::untrusted::clean;
use crate::fetch::job::{Job, JobState};

/// The progress on stderr: on a terminal, a line per report and the bar,
/// redrawn in place as the reports go (their times counting); in a log, a
/// line for each report whose state changed, and the bar after.
pub(super) struct Progress {
    terminal: bool,
    /// Lines the last drawing took, on a terminal.
    drawn: usize,
    /// Each report's state as last written, in a log.
    shown: Vec<String>,
}

impl Progress {
    pub(super) fn new() -> Self {
        Self {
            terminal: std::io::stderr().is_terminal(),
            drawn: 0,
            shown: Vec::new(),
        }
    }

    pub(super) fn show(&mut self, jobs: &[Job], elapsed: Duration) {
        if !self.terminal {
            return show_progress(jobs, &mut self.shown, elapsed);
        }
        let mut frame = String::new();
        if self.drawn > 0 {
            let _ = write!(frame, "\x1b[{}A", self.drawn);
        }
        for job in jobs {
            let _ = writeln!(
                frame,
                "\x1b[2K  {:<3} {:<24} {}",
                job.marketplace.code,
                job.plan.title(),
                state_text(job, elapsed)
            );
        }
        let _ = writeln!(frame, "\x1b[2K{}", bar(jobs, elapsed));
        self.drawn = jobs.len() + 1;
        // The one write to stderr not cleaned whole: its escapes move the
        // cursor, and every text in it (a state, a title) is cleaned.
        let mut stderr = std::io::stderr();
        let _ = stderr
            .write_all(frame.as_bytes())
            .and_then(|()| stderr.flush());
    }
}

/// `[########............] 2 of 5 reports ended · 0:42`.
pub(super) fn bar(jobs: &[Job], elapsed: Duration) -> String {
    let done = jobs.iter().filter(|j| j.has_ended()).count();
    let filled = done * 20 / jobs.len().max(1);
    format!(
        "  [{}{}] {done} of {} reports ended · {}",
        "#".repeat(filled),
        ".".repeat(20 - filled),
        jobs.len(),
        minutes_seconds(elapsed)
    )
}

/// A line for each report whose state changed, and the overall bar.
pub(super) fn show_progress(jobs: &[Job], shown: &mut Vec<String>, elapsed: Duration) {
    shown.resize(jobs.len(), String::new());
    let mut changed = false;
    for (at, job) in jobs.iter().enumerate() {
        let state = state_text(job, elapsed);
        let kind = state.split_whitespace().next().unwrap_or("").to_owned();
        let before = shown[at].split_whitespace().next().unwrap_or("").to_owned();
        if kind != before || shown[at].is_empty() {
            say!(
                "  {:<3} {:<24} {state}",
                job.marketplace.code,
                job.plan.title()
            );
            shown[at] = state;
            changed = true;
        }
    }
    if changed {
        say!("{}", bar(jobs, elapsed));
    }
}

pub(super) fn state_text(job: &Job, elapsed: Duration) -> String {
    match &job.state {
        JobState::Queued => "queued".to_owned(),
        JobState::InProgress { since } => {
            format!(
                "in progress {}",
                minutes_seconds(elapsed.saturating_sub(*since))
            )
        }
        JobState::Done => match &job.note {
            Some(note) => format!("done ({note})"),
            None => "done".to_owned(),
        },
        JobState::Failed(why) => format!("failed: {}", clean(why)),
    }
}

/// The end: what arrived, what did not and why; 0 only when everything arrived.
pub(super) fn summary(jobs: &[Job], root: &Path) -> ExitCode {
    let done = jobs.iter().filter(|j| j.state == JobState::Done).count();
    let waiting = jobs
        .iter()
        .filter(|j| matches!(j.state, JobState::InProgress { .. } | JobState::Queued))
        .count();
    say!(
        "{done} of {} reports arrived{}.",
        jobs.len(),
        if waiting > 0 {
            format!(
                "; {waiting} unfinished when the time given (--wait) ran out: run `opsdeck fetch {}` again later to resume",
                root.display()
            )
        } else {
            String::new()
        }
    );
    for job in jobs {
        let why = match &job.state {
            JobState::Failed(why) => why,
            JobState::Queued | JobState::InProgress { .. } => match &job.held_up {
                Some(why) => why,
                None => continue,
            },
            JobState::Done => continue,
        };
        say!(
            "  {} {}: {}",
            job.marketplace.code,
            job.plan.title(),
            clean(why)
        );
    }
    if done == jobs.len() {
        say!("Check them with: opsdeck check {}", root.display());
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

pub(super) fn minutes_seconds(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
