//! What `opsdeck fetch` says as it goes — a line per report and a bar,
//! redrawn in place on a terminal — and the summary at the end.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use crate::domain::settings::Language;
use crate::domain::untrusted::clean;
use crate::domain::words::say;
use crate::fetch::job::{Job, JobState};

/// The progress on stderr: on a terminal, a line per report and the bar,
/// redrawn in place as the reports go (their times counting); in a log, a
/// line for each report whose state changed, and the bar after.
pub(super) struct Progress {
    language: Language,
    terminal: bool,
    /// Lines the last drawing took, on a terminal.
    drawn: usize,
    /// Each report's state as last written, in a log.
    shown: Vec<String>,
}

impl Progress {
    pub(super) fn new(language: Language) -> Self {
        Self {
            language,
            terminal: std::io::stderr().is_terminal(),
            drawn: 0,
            shown: Vec::new(),
        }
    }

    pub(super) fn show(&mut self, jobs: &[Job], elapsed: Duration) {
        let language = self.language;
        if !self.terminal {
            return show_progress(jobs, &mut self.shown, elapsed, language);
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
                state_text(job, elapsed, language)
            );
        }
        let _ = writeln!(frame, "\x1b[2K{}", bar(jobs, elapsed, language));
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
pub(super) fn bar(jobs: &[Job], elapsed: Duration, language: Language) -> String {
    let done = jobs.iter().filter(|j| j.has_ended()).count();
    let filled = done * 20 / jobs.len().max(1);
    let (full, empty) = ("#".repeat(filled), ".".repeat(20 - filled));
    let (all, time) = (jobs.len(), minutes_seconds(elapsed));
    match language {
        Language::English => format!("  [{full}{empty}] {done} of {all} reports ended · {time}"),
        Language::Chinese => format!("  [{full}{empty}] {all} 份报告已结束 {done} 份 · {time}"),
    }
}

/// A line for each report whose state changed, and the overall bar.
pub(super) fn show_progress(
    jobs: &[Job],
    shown: &mut Vec<String>,
    elapsed: Duration,
    language: Language,
) {
    shown.resize(jobs.len(), String::new());
    let mut changed = false;
    for (at, job) in jobs.iter().enumerate() {
        let state = state_text(job, elapsed, language);
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
        say!("{}", bar(jobs, elapsed, language));
    }
}

pub(super) fn state_text(job: &Job, elapsed: Duration, language: Language) -> String {
    match &job.state {
        JobState::Queued => say(language, "queued", "排队中").to_owned(),
        JobState::InProgress { since } => format!(
            "{} {}",
            say(language, "in progress", "生成中"),
            minutes_seconds(elapsed.saturating_sub(*since))
        ),
        JobState::Done => match &job.note {
            Some(note) => format!(
                "{} ({})",
                say(language, "done", "完成"),
                clean(note.get(language))
            ),
            None => say(language, "done", "完成").to_owned(),
        },
        JobState::Failed(why) => format!(
            "{} {}",
            say(language, "failed:", "失败："),
            clean(why.get(language))
        ),
    }
}

/// The end: what arrived, what did not and why; 0 only when everything arrived.
pub(super) fn summary(jobs: &[Job], root: &Path, language: Language) -> ExitCode {
    let done = jobs.iter().filter(|j| j.state == JobState::Done).count();
    let waiting = jobs
        .iter()
        .filter(|j| matches!(j.state, JobState::InProgress { .. } | JobState::Queued))
        .count();
    let (all, shown) = (jobs.len(), root.display());
    match (language, waiting) {
        (Language::English, 0) => say!("{done} of {all} reports arrived."),
        (Language::English, _) => say!(
            "{done} of {all} reports arrived; {waiting} unfinished when the time given (--wait) \
             ran out: run `opsdeck fetch {shown}` again later to resume."
        ),
        (Language::Chinese, 0) => say!("{all} 份报告已到 {done} 份。"),
        (Language::Chinese, _) => say!(
            "{all} 份报告已到 {done} 份；给定的时间（--wait）用完时还有 {waiting} 份未完成：稍后再次\
             运行 `opsdeck fetch {shown}` 即可继续。"
        ),
    }
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
            clean(why.get(language))
        );
    }
    if done == jobs.len() {
        match language {
            Language::English => say!("Check them with: opsdeck check {shown}"),
            Language::Chinese => say!("检查这些报告：opsdeck check {shown}"),
        }
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

pub(super) fn minutes_seconds(duration: Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
