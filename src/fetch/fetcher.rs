//! One fetch of a week's reports: the jobs (a report of a marketplace, the
//! folder it lands in), resumed from the folder's manifest, then stepped in
//! rounds — request, follow, download, write — until every job has ended
//! or the wait is over. A job that fails says why; the others go on. A
//! cancelled FBA report falls back to the latest one Amazon finished.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use super::ads_api::{AdsApi, AdsProcessing, profile_for};
use super::api_error::ApiError;
use super::clock::Clock;
use super::document::document_text;
use super::endpoint::{Endpoint, Marketplace, check_address};
use super::http::{Http, Request, Response};
use super::lwa::Tokens;
use super::manifest::{Entry, Manifest, Standing, sha256};
use super::rate::Buckets;
use super::retry::{Backoff, send_retrying};
use super::sp_api::{Processing, SpApi};
use crate::domain::week::IsoWeek;
use crate::fs::atomic::write_atomically;

/// The reports a week needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportPlan {
    SalesAndTraffic,
    FbaInventory,
    FbaInventoryPlanning,
    FbaReturns,
    AdsAdvertisedProduct,
}

impl ReportPlan {
    pub const ALL: [ReportPlan; 5] = [
        ReportPlan::SalesAndTraffic,
        ReportPlan::FbaInventory,
        ReportPlan::FbaInventoryPlanning,
        ReportPlan::FbaReturns,
        ReportPlan::AdsAdvertisedProduct,
    ];

    /// The name in the manifest and the start of the file's name.
    pub fn name(self) -> &'static str {
        match self {
            ReportPlan::SalesAndTraffic => "sp-api-sales-and-traffic",
            ReportPlan::FbaInventory => "sp-api-fba-inventory",
            ReportPlan::FbaInventoryPlanning => "sp-api-fba-inventory-planning",
            ReportPlan::FbaReturns => "sp-api-fba-returns",
            ReportPlan::AdsAdvertisedProduct => "ads-api-sp-advertised-product",
        }
    }

    /// How people call it.
    pub fn title(self) -> &'static str {
        match self {
            ReportPlan::SalesAndTraffic => "Sales and Traffic",
            ReportPlan::FbaInventory => "FBA inventory",
            ReportPlan::FbaInventoryPlanning => "FBA inventory planning",
            ReportPlan::FbaReturns => "FBA returns",
            ReportPlan::AdsAdvertisedProduct => "Ads advertised products",
        }
    }

    /// Amazon's report type.
    pub fn report_type(self) -> &'static str {
        match self {
            ReportPlan::SalesAndTraffic => "GET_SALES_AND_TRAFFIC_REPORT",
            ReportPlan::FbaInventory => "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA",
            ReportPlan::FbaInventoryPlanning => "GET_FBA_INVENTORY_PLANNING_DATA",
            ReportPlan::FbaReturns => "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
            ReportPlan::AdsAdvertisedProduct => "spAdvertisedProduct",
        }
    }

    /// The file it is written to: a snapshot is named by the day it was
    /// taken, a week's report by its week.
    pub fn file_name(self, week: IsoWeek, today: NaiveDate) -> String {
        match self {
            ReportPlan::FbaInventory | ReportPlan::FbaInventoryPlanning => {
                format!("{}-{today}.txt", self.name())
            }
            ReportPlan::FbaReturns => format!("{}-{week}.txt", self.name()),
            ReportPlan::SalesAndTraffic | ReportPlan::AdsAdvertisedProduct => {
                format!("{}-{week}.json", self.name())
            }
        }
    }

    /// Whether `file` is a name this plan gives its file for `week`.
    pub fn names(self, file: &str, week: IsoWeek) -> bool {
        let snapshot = file
            .strip_prefix(self.name())
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".txt"))
            .is_some_and(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok());
        match self {
            ReportPlan::FbaInventory | ReportPlan::FbaInventoryPlanning => snapshot,
            _ => file == self.file_name(week, NaiveDate::MIN),
        }
    }

    pub fn is_ads(self) -> bool {
        self == ReportPlan::AdsAdvertisedProduct
    }

    /// Amazon lets FBA reports be asked for only so often and cancels the
    /// rest: the latest one it finished stands in.
    fn falls_back(self) -> bool {
        matches!(
            self,
            ReportPlan::FbaInventory | ReportPlan::FbaInventoryPlanning | ReportPlan::FbaReturns
        )
    }

    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ReportPlan::SalesAndTraffic => {
                &[("dateGranularity", "DAY"), ("asinGranularity", "SKU")]
            }
            _ => &[],
        }
    }
}

/// How a job stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobState {
    Queued,
    /// Asked for; Amazon is making it (since this time of the fetch).
    InProgress {
        since: Duration,
    },
    Done,
    Failed(String),
}

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
    pub note: Option<String>,
    /// Why it had not ended when the time given ran out.
    pub held_up: Option<String>,
    /// What the manifest keeps of a failure: its kind and status, never a server's words.
    failure: Option<String>,
    endpoint: Endpoint,
    report_id: Option<String>,
    document_id: Option<String>,
    profile_id: Option<u64>,
    requested_at: Option<String>,
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
                self.note.clone_from(&entry.note);
                self.state = JobState::Done;
            }
            Standing::Done | Standing::Failed => {}
        }
    }

    fn entry(
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
                JobState::Failed(why) => Some(self.failure.clone().unwrap_or_else(|| why.clone())),
                _ => self.note.clone(),
            },
        }
    }
}

/// The most redirects a document's address is followed through.
const REDIRECTS: usize = 5;

/// A file of that name that opsdeck did not write is the user's, never
/// touched: opsdeck wrote it only when the manifest records its SHA-256.
fn users_file(folder: &Path, file: &str) -> Result<(), ApiError> {
    let path = folder.join(file);
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(());
    };
    let written = Manifest::read(folder)
        .unwrap_or_default()
        .sha256_of(file)
        .is_some_and(|sha| sha == sha256(&bytes));
    if written {
        return Ok(());
    }
    Err(ApiError::unreadable(
        "the week folder",
        format!(
            "{} exists and was not fetched by opsdeck: it was left untouched (move it \
             away to fetch this report)",
            path.display()
        ),
    ))
}

/// `next` (a redirect's `Location`) as a whole address, seen from `from`.
fn resolved(from: &str, next: &str) -> String {
    if !next.starts_with('/') || next.starts_with("//") {
        return next.to_owned();
    }
    let origin = from
        .parse::<ureq::http::Uri>()
        .ok()
        .and_then(|uri| Some(format!("{}://{}", uri.scheme_str()?, uri.authority()?)))
        .unwrap_or_default();
    format!("{origin}{next}")
}

/// Downloads: the address is signed, so no credential goes with it.
const DOWNLOAD: Backoff = Backoff {
    base: Duration::from_secs(2),
    cap: Duration::from_secs(60),
    tries: 5,
};

/// What a fetch talks with.
pub struct Fetcher<'a> {
    pub http: &'a mut dyn Http,
    pub clock: &'a mut dyn Clock,
    pub sp_tokens: Option<Tokens>,
    pub ads_tokens: Option<Tokens>,
    /// Profiles named in `opsdeck.toml` (`[fetch.profiles] US = 1234567890`).
    pub profiles: BTreeMap<String, u64>,
    /// The profiles each Ads endpoint listed, asked once.
    pub listed: BTreeMap<String, Vec<super::ads_api::Profile>>,
    /// The SP-API operations' usage plans.
    pub buckets: Buckets,
    /// The most bytes of a report document, as sent and once decompressed.
    pub document_limit: u64,
}

impl Fetcher<'_> {
    /// Every secret sent or received, to hide from what a server says.
    fn secrets(&self) -> Vec<&str> {
        [&self.sp_tokens, &self.ads_tokens]
            .into_iter()
            .flatten()
            .flat_map(Tokens::secrets)
            .collect()
    }

    /// Steps `jobs` until each has ended or `wait` has passed, telling
    /// `progress` of every change.
    pub fn run(&mut self, jobs: &mut [Job], wait: Duration, progress: &mut dyn FnMut(&[Job])) {
        progress(jobs);
        loop {
            let mut changed = false;
            for job in jobs.iter_mut().filter(|job| !job.has_ended()) {
                let before = job.state.clone();
                self.step(job);
                changed |= job.state != before;
            }
            if changed {
                progress(jobs);
            }
            if jobs.iter().all(Job::has_ended) || self.clock.elapsed() >= wait {
                return;
            }
            let left = wait.saturating_sub(self.clock.elapsed());
            self.clock
                .sleep(poll_interval(self.clock.elapsed()).min(left));
            progress(jobs);
        }
    }

    /// One step of `job`: ask for it, or see how it goes and fetch it when done.
    fn step(&mut self, job: &mut Job) {
        let result = match job.report_id.clone() {
            None => self.request(job),
            Some(id) => self.follow(job, &id),
        };
        if let Err(error) = result {
            let error = error.hiding(&self.secrets());
            // Out of time is not a failure: the report is followed on the next run.
            if error.is_deadline() {
                // What held it up stands when the deadline came before asking again.
                if job.held_up.is_none() || !error.is_deadline_before_asking() {
                    job.held_up = Some(error.to_string());
                }
                return;
            }
            job.failure = Some(error.summary());
            job.state = JobState::Failed(error.to_string());
            Self::record(job, Standing::Failed, None, None);
        }
    }

    fn request(&mut self, job: &mut Job) -> Result<(), ApiError> {
        users_file(&job.folder, &job.file)?;
        let (start, end) = (job.start.to_string(), job.end.to_string());
        let id = if job.plan.is_ads() {
            let profile = self.profile(job)?;
            job.profile_id = Some(profile);
            let tokens = self
                .ads_tokens
                .as_mut()
                .ok_or_else(|| missing("[ads_api]"))?;
            AdsApi {
                endpoint: job.endpoint.clone(),
                tokens,
            }
            .create_report(self.http, self.clock, profile, &start, &end)?
        } else {
            let tokens = self.sp_tokens.as_mut().ok_or_else(|| missing("[sp_api]"))?;
            SpApi {
                endpoint: job.endpoint.clone(),
                tokens,
                buckets: &mut self.buckets,
            }
            .create_report(
                self.http,
                self.clock,
                job.plan.report_type(),
                job.marketplace.id,
                &start,
                &end,
                job.plan.options(),
            )?
        };
        job.report_id = Some(id);
        job.requested_at = Some(self.clock.wall().to_rfc3339());
        job.state = JobState::InProgress {
            since: self.clock.elapsed(),
        };
        Self::record(job, Standing::Requested, None, None);
        Ok(())
    }

    fn follow(&mut self, job: &mut Job, id: &str) -> Result<(), ApiError> {
        if job.plan.is_ads() {
            let profile = job.profile_id.map_or_else(|| self.profile(job), Ok)?;
            let tokens = self
                .ads_tokens
                .as_mut()
                .ok_or_else(|| missing("[ads_api]"))?;
            let status = AdsApi {
                endpoint: job.endpoint.clone(),
                tokens,
            }
            .report(self.http, self.clock, profile, id)?;
            return match status {
                AdsProcessing::Waiting => Ok(()),
                AdsProcessing::Completed { url } => self.download(job, &url, "Ads report"),
                AdsProcessing::Failed(why) => {
                    job.failure = Some("Ads report: Amazon could not make it".to_owned());
                    let why = super::redact::redact(&why, &self.secrets());
                    job.state = JobState::Failed(format!("Amazon could not make it: {why}"));
                    Self::record(job, Standing::Failed, None, None);
                    Ok(())
                }
            };
        }
        let tokens = self.sp_tokens.as_mut().ok_or_else(|| missing("[sp_api]"))?;
        let mut api = SpApi {
            endpoint: job.endpoint.clone(),
            tokens,
            buckets: &mut self.buckets,
        };
        let document = match api.report(self.http, self.clock, id)? {
            Processing::Waiting => return Ok(()),
            Processing::Done { document_id } => document_id,
            Processing::Cancelled if job.plan.falls_back() => {
                let latest = api.latest_done(
                    self.http,
                    self.clock,
                    job.plan.report_type(),
                    job.marketplace.id,
                )?;
                let Some((_, document_id)) = latest else {
                    job.state = JobState::Failed(
                        "cancelled by Amazon (no data, or asked for too soon) and no earlier \
                         report is done"
                            .to_owned(),
                    );
                    Self::record(job, Standing::Failed, None, None);
                    return Ok(());
                };
                job.note = Some("cancelled — using the latest earlier report".to_owned());
                document_id
            }
            Processing::Cancelled => {
                job.state = JobState::Failed(
                    "cancelled by Amazon: it had no data for these dates".to_owned(),
                );
                Self::record(job, Standing::Failed, None, None);
                return Ok(());
            }
            Processing::Fatal => {
                job.state = JobState::Failed("Amazon could not make it (FATAL)".to_owned());
                Self::record(job, Standing::Failed, None, None);
                return Ok(());
            }
        };
        job.document_id = Some(document.clone());
        let address = api.document(self.http, self.clock, &document)?;
        self.download(job, &address.url, "report document")
    }

    /// Downloads the document at `url`, writes it as text, records it.
    fn download(&mut self, job: &mut Job, url: &str, what: &str) -> Result<(), ApiError> {
        let response = self.get_document(url, what)?;
        if !response.is_success() {
            return Err(ApiError::refused(what, &response));
        }
        let text = document_text(
            &response.body,
            response.header("Content-Type"),
            self.document_limit,
        )
        .map_err(|why| ApiError::unreadable(what, why))?;
        let path = job.folder.join(&job.file);
        users_file(&job.folder, &job.file)?;
        std::fs::create_dir_all(&job.folder)
            .and_then(|()| write_atomically(&path, text.as_bytes()))
            .map_err(|error| {
                ApiError::unreadable(what, format!("cannot write {}: {error}", path.display()))
            })?;
        job.state = JobState::Done;
        Self::record(
            job,
            Standing::Done,
            Some(self.clock.wall().to_rfc3339()),
            Some(sha256(text.as_bytes())),
        );
        Ok(())
    }

    /// The answer at `url`, following at most `REDIRECTS` redirects: every
    /// address must be one opsdeck may send to (https, or this machine), and
    /// no more than `document_limit` bytes are read.
    fn get_document(&mut self, url: &str, what: &str) -> Result<Response, ApiError> {
        let mut address = url.to_owned();
        for _ in 0..=REDIRECTS {
            check_address(&address).map_err(|why| ApiError::unreadable(what, why))?;
            let request = Request::get(&address).limited_to(self.document_limit);
            let response = send_retrying(self.http, self.clock, &request, DOWNLOAD)
                .map_err(|why| ApiError::network(what, why))?;
            let location = response.header("Location").map(str::to_owned);
            match location {
                Some(next) if (300..400).contains(&response.status) => {
                    address = resolved(&address, &next);
                }
                _ => return Ok(response),
            }
        }
        Err(ApiError::unreadable(
            what,
            format!("the document was redirected more than {REDIRECTS} times"),
        ))
    }

    /// The Ads profile of a job's marketplace: named in `opsdeck.toml`, else found.
    fn profile(&mut self, job: &Job) -> Result<u64, ApiError> {
        if let Some(profile) = self
            .profiles
            .iter()
            .find(|(code, _)| code.eq_ignore_ascii_case(job.marketplace.code))
            .map(|(_, p)| *p)
        {
            return Ok(profile);
        }
        let key = job.endpoint.as_str().to_owned();
        if !self.listed.contains_key(&key) {
            let tokens = self
                .ads_tokens
                .as_mut()
                .ok_or_else(|| missing("[ads_api]"))?;
            let profiles = AdsApi {
                endpoint: job.endpoint.clone(),
                tokens,
            }
            .profiles(self.http, self.clock)?;
            self.listed.insert(key.clone(), profiles);
        }
        profile_for(&self.listed[&key], job.marketplace.id).ok_or_else(|| {
            ApiError::unreadable(
                "profiles",
                format!(
                    "no advertising profile for {}: name it in opsdeck.toml as [fetch.profiles] {} = <profile id>",
                    job.marketplace.code, job.marketplace.code
                ),
            )
        })
    }

    fn record(job: &Job, standing: Standing, completed_at: Option<String>, sha: Option<String>) {
        let mut manifest = Manifest::read(&job.folder).unwrap_or_default();
        manifest.put(job.entry(standing, completed_at, sha));
        // A manifest that cannot be written costs a resume, not the reports.
        let _ = manifest.write(&job.folder);
    }
}

fn missing(table: &str) -> ApiError {
    ApiError::unreadable(
        "credentials",
        format!("the credentials file has no {table} app: add it to fetch this report"),
    )
}

/// How long to wait between looks: often at first (a small report is
/// ready in seconds), then less and less.
pub fn poll_interval(elapsed: Duration) -> Duration {
    match elapsed.as_secs() {
        0..30 => Duration::from_secs(5),
        30..300 => Duration::from_secs(15),
        300..1800 => Duration::from_secs(60),
        _ => Duration::from_secs(120),
    }
}

#[cfg(test)]
#[path = "fetcher_tests.rs"]
mod tests;
