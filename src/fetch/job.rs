//! One report of one marketplace being fetched: where it lands, how it
//! stands, and how it takes up where the manifest left off.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;

use super::endpoint::{Endpoint, Marketplace};
use super::manifest::{Entry, Manifest, Standing};
use super::plan::ReportPlan;
use crate::domain::week::IsoWeek;
use crate::domain::words::{Said, Words};

/// How a job stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobState {
    Queued,
    /// Asked for; Amazon is making it (since this time of the fetch).
    InProgress {
        since: Duration,
    },
    Done,
    /// Why, in every language.
    Failed(Said),
}

/// The note of a report that was cancelled and replaced by the latest
/// earlier one.
pub const EARLIER_REPORT: Words = Words::new(
    "cancelled — using the latest earlier report",
    "已被取消——改用此前最近的一份报告",
);

/// One report of one marketplace, and where it lands.
#[derive(Debug, Clone)]
pub struct Job {
    pub plan: ReportPlan,
    pub marketplace: Marketplace,
    pub folder: PathBuf,
    pub file: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub state: JobState,
    /// How it ended when that is worth saying (the latest earlier report was used).
    pub note: Option<Said>,
    /// Why it had not ended when the time given ran out.
    pub held_up: Option<Said>,
    /// What the manifest keeps of a failure: its kind and status, never a server's words.
    pub(super) failure: Option<String>,
    pub(super) endpoint: Endpoint,
    pub(super) report_id: Option<String>,
    pub(super) document_id: Option<String>,
    pub(super) profile_id: Option<u64>,
    pub(super) requested_at: Option<String>,
}

impl Job {
    pub fn new(
        plan: ReportPlan,
        marketplace: Marketplace,
        folder: PathBuf,
        (week, today): (IsoWeek, NaiveDate),
        endpoint: Endpoint,
    ) -> Self {
        let (start, end) = (week.monday(), week.monday() + chrono::Days::new(6));
        Self {
            plan,
            marketplace,
            folder,
            file: plan.file_name(week, today),
            start,
            end,
            state: JobState::Queued,
            note: None,
            held_up: None,
            failure: None,
            endpoint,
            report_id: None,
            document_id: None,
            profile_id: None,
            requested_at: None,
        }
    }

    pub fn has_ended(&self) -> bool {
        matches!(self.state, JobState::Done | JobState::Failed(_))
    }

    /// Takes up where the manifest left off: a report asked for is followed,
    /// not asked for again; one written is done.
    pub fn resume(&mut self, manifest: &Manifest) {
        let Some(entry) = manifest.find(
            self.plan.name(),
            self.marketplace.code,
            &self.start.to_string(),
            &self.end.to_string(),
        ) else {
            return;
        };
        // Only a name this plan gives: a snapshot's day may differ from today's.
        if !self
            .plan
            .names(&entry.file, IsoWeek::containing(self.start))
        {
            return;
        }
        self.file.clone_from(&entry.file);
        match entry.standing {
            Standing::Requested => {
                self.report_id = Some(entry.report_id.clone());
                self.profile_id = entry.profile_id;
                self.requested_at = Some(entry.requested_at.clone());
                self.state = JobState::InProgress {
                    since: Duration::ZERO,
                };
            }
            Standing::Done if self.folder.join(&entry.file).exists() => {
                // The manifest keeps the English; its known notes are said in every language.
                self.note = entry.note.as_ref().map(|note| {
                    if *note == EARLIER_REPORT.en {
                        Said::both(EARLIER_REPORT.en, EARLIER_REPORT.zh)
                    } else {
                        Said::same(note.clone())
                    }
                });
                self.state = JobState::Done;
            }
            Standing::Done | Standing::Failed => {}
        }
    }

    pub(super) fn entry(
        &self,
        standing: Standing,
        completed_at: Option<String>,
        sha: Option<String>,
    ) -> Entry {
        Entry {
            report: self.plan.name().to_owned(),
            marketplace: self.marketplace.code.to_owned(),
            report_type: self.plan.report_type().to_owned(),
            report_id: self.report_id.clone().unwrap_or_default(),
            document_id: self.document_id.clone(),
            profile_id: self.profile_id,
            start: self.start.to_string(),
            end: self.end.to_string(),
            requested_at: self.requested_at.clone().unwrap_or_default(),
            completed_at,
            file: self.file.clone(),
            sha256: sha,
            standing,
            note: match &self.state {
                JobState::Failed(why) => {
                    Some(self.failure.clone().unwrap_or_else(|| why.en.clone()))
                }
                _ => self.note.as_ref().map(|note| note.en.clone()),
            },
        }
    }
}
