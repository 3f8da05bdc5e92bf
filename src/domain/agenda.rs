//! The meeting's timed agenda: sections with planned and actual time, the
//! current section, pause, a minute more or less, and rebalancing after an
//! overrun so the meeting still ends on time. Pure: std and chrono only.

use std::time::Duration;

use chrono::TimeDelta;

use super::settings::{AgendaSection, Language};
use super::timing::{Now, SectionTimer, TimeStatus, time_status};
use super::words::Words;

const MINUTE: Duration = Duration::from_secs(60);

/// One section of the running meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub planned: Duration,
    pub timer: SectionTimer,
}

/// The agenda of a meeting in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    sections: Vec<Section>,
    current: usize,
    paused: bool,
    /// The length the meeting was planned to have; rebalancing keeps to it.
    target: Duration,
}

impl Agenda {
    /// A not-yet-started agenda from the configured sections.
    pub fn new(plan: &[AgendaSection]) -> Self {
        let sections: Vec<Section> = plan
            .iter()
            .map(|s| Section {
                name: s.name.clone(),
                planned: MINUTE * s.minutes,
                timer: SectionTimer::default(),
            })
            .collect();
        let target = sections.iter().map(|s| s.planned).sum();
        Self {
            sections,
            current: 0,
            paused: true,
            target,
        }
    }

    /// An agenda resumed from saved minutes: each section's name, planned and
    /// actual time, and the section the meeting was in. It starts paused.
    pub fn resumed(
        saved: &[(String, Duration, Duration)],
        current: usize,
        target: Duration,
    ) -> Option<Self> {
        if saved.is_empty() {
            return None;
        }
        let sections = saved
            .iter()
            .map(|(name, planned, actual)| Section {
                name: name.clone(),
                planned: (*planned).max(MINUTE),
                timer: SectionTimer::with_elapsed(*actual),
            })
            .collect();
        Some(Self {
            sections,
            current: current.min(saved.len() - 1),
            paused: true,
            target,
        })
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    pub fn current(&self) -> &Section {
        &self.sections[self.current]
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// Starts (or resumes) the clock of the current section.
    pub fn start(&mut self, now: Now) {
        self.paused = false;
        self.sections[self.current].timer.start(now.instant);
    }

    /// Stops the clock if it runs (the meeting ends).
    pub fn pause(&mut self, now: Now) {
        if !self.paused {
            self.toggle_pause(now);
        }
    }

    /// Pauses a running clock, resumes a paused one.
    pub fn toggle_pause(&mut self, now: Now) {
        if self.paused {
            self.start(now);
        } else {
            self.paused = true;
            self.sections[self.current].timer.pause(now.instant);
        }
    }

    /// Moves to the next section (its clock runs unless the meeting is paused).
    pub fn next(&mut self, now: Now) {
        self.go_to(self.current + 1, now);
    }

    /// Moves back to the previous section.
    pub fn previous(&mut self, now: Now) {
        if let Some(previous) = self.current.checked_sub(1) {
            self.go_to(previous, now);
        }
    }

    fn go_to(&mut self, index: usize, now: Now) {
        if index >= self.sections.len() || index == self.current {
            return;
        }
        self.sections[self.current].timer.pause(now.instant);
        self.current = index;
        if !self.paused {
            self.sections[index].timer.start(now.instant);
        }
    }

    /// One minute more (`+1`) or less (`-1`) for the current section, never below one.
    pub fn adjust_minutes(&mut self, delta: i32) {
        let planned = &mut self.sections[self.current].planned;
        *planned = if delta >= 0 {
            *planned + MINUTE * delta.unsigned_abs()
        } else {
            planned
                .saturating_sub(MINUTE * delta.unsigned_abs())
                .max(MINUTE)
        };
    }

    /// Spreads the time left over the sections after the current one, in
    /// proportion to their plans, so the meeting ends at its planned length:
    /// time is only ever taken from them, never added, in whole minutes
    /// that add up (largest remainders get the spare minutes). Each keeps
    /// at least a minute. Returns whether anything changed.
    pub fn rebalance(&mut self, now: Now) -> bool {
        let later = self.current + 1..self.sections.len();
        if later.is_empty() {
            return false;
        }
        let current = &self.sections[self.current];
        let used: Duration = self.sections[..self.current]
            .iter()
            .map(|s| s.timer.elapsed(now.instant))
            .sum::<Duration>()
            + current.timer.elapsed(now.instant).max(current.planned);
        let available = self.target.saturating_sub(used).as_secs_f64();
        let planned_later: f64 = self.sections[later.clone()]
            .iter()
            .map(|s| s.planned.as_secs_f64())
            .sum();
        if planned_later <= 0.0 {
            return false;
        }
        let budget = (available.min(planned_later) / 60.0).floor();
        let shares: Vec<f64> = self.sections[later.clone()]
            .iter()
            .map(|s| s.planned.as_secs_f64() / planned_later * budget)
            .collect();
        let mut minutes: Vec<f64> = shares.iter().map(|share| share.floor()).collect();
        let mut spare = budget - minutes.iter().sum::<f64>();
        let mut by_remainder: Vec<usize> = (0..shares.len()).collect();
        by_remainder
            .sort_by(|&a, &b| (shares[b] - minutes[b]).total_cmp(&(shares[a] - minutes[a])));
        for at in by_remainder {
            if spare < 0.5 {
                break;
            }
            minutes[at] += 1.0;
            spare -= 1.0;
        }
        for (section, minutes) in self.sections[later].iter_mut().zip(minutes) {
            section.planned = Duration::from_secs_f64(minutes * 60.0).max(MINUTE);
        }
        true
    }

    /// The current section against its plan.
    pub fn status(&self, now: Now) -> TimeStatus {
        let section = self.current();
        time_status(section.timer.elapsed(now.instant), section.planned)
    }

    /// Time spent in all sections so far.
    pub fn elapsed(&self, now: Now) -> Duration {
        self.sections
            .iter()
            .map(|s| s.timer.elapsed(now.instant))
            .sum()
    }

    /// The planned length of the whole meeting as it now stands.
    pub fn planned(&self) -> Duration {
        self.sections.iter().map(|s| s.planned).sum()
    }

    /// Time still to go by the plan: the rest of the current section (nothing
    /// when it has overrun) and every later section.
    pub fn remaining(&self, now: Now) -> Duration {
        let current = self.current();
        let rest_of_current = current
            .planned
            .saturating_sub(current.timer.elapsed(now.instant));
        rest_of_current
            + self.sections[self.current + 1..]
                .iter()
                .map(|s| s.planned)
                .sum::<Duration>()
    }

    /// When the meeting will end if the rest goes to plan.
    pub fn projected_end(&self, now: Now) -> chrono::DateTime<chrono::FixedOffset> {
        now.wall + TimeDelta::from_std(self.remaining(now)).unwrap_or(TimeDelta::zero())
    }

    /// Whether the current section has just run past its plan (for the bell).
    pub fn is_overrun(&self, now: Now) -> bool {
        matches!(self.status(now), TimeStatus::Overrun { .. })
    }
}

/// The standard sections' names, as the views they drive are named.
pub const REVIEW: Words = Words::new("Review", "复盘");
pub const DIAGNOSIS: Words = Words::new("Diagnosis", "诊断");
pub const PLAN: Words = Words::new("Plan", "计划");

/// An agenda section's name in `language`: the standard sections by their
/// names; a section the team named itself keeps its name.
pub fn section_name(name: &str, language: Language) -> &str {
    match name {
        "review" => REVIEW.get(language),
        "diagnosis" => DIAGNOSIS.get(language),
        "plan" => PLAN.get(language),
        other => other,
    }
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;
