//! One fetch of a week's reports: the jobs (a report of a marketplace, the
//! folder it lands in), resumed from the folder's manifest, then stepped in
//! rounds — request, follow, download, write — until every job has ended
//! or the wait is over. A job that fails says why; the others go on. A
//! cancelled FBA report falls back to the latest one Amazon finished.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use super::ads_api::{AdsApi, AdsProcessing, profile_for};
use super::api_error::ApiError;
use super::clock::Clock;
use super::document::document_text;
use super::endpoint::check_address;
use super::http::{Http, Request, Response};
use super::job::{EARLIER_REPORT, Job, JobState};
use super::lwa::Tokens;
use super::manifest::{Manifest, Standing, sha256};
use super::rate::Buckets;
use super::retry::{Backoff, send_retrying};
use super::sp_api::{Processing, SpApi};
use crate::domain::words::Said;
use crate::fs::atomic::write_atomically;

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
    /// A fixed time between looks at a report, instead of `poll_interval`'s
    /// schedule (a test's stand-in makes its reports in a second).
    pub poll_every: Option<Duration>,
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
            self.clock.sleep(
                self.poll_every
                    .unwrap_or_else(|| poll_interval(self.clock.elapsed()))
                    .min(left),
            );
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
                    job.held_up = Some(error.said());
                }
                return;
            }
            job.failure = Some(error.summary());
            job.state = JobState::Failed(error.said());
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
                    job.state = JobState::Failed(Said::both(
                        format!("Amazon could not make it: {why}"),
                        format!("亚马逊未能生成：{why}"),
                    ));
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
                    job.state = JobState::Failed(Said::both(
                        "cancelled by Amazon (no data, or asked for too soon) and no earlier \
                         report is done",
                        "被亚马逊取消（没有数据，或请求得太早），且没有此前已完成的报告",
                    ));
                    Self::record(job, Standing::Failed, None, None);
                    return Ok(());
                };
                job.note = Some(Said::both(EARLIER_REPORT.en, EARLIER_REPORT.zh));
                document_id
            }
            Processing::Cancelled => {
                job.state = JobState::Failed(Said::both(
                    "cancelled by Amazon: it had no data for these dates",
                    "被亚马逊取消：这几天没有数据",
                ));
                Self::record(job, Standing::Failed, None, None);
                return Ok(());
            }
            Processing::Fatal => {
                job.state = JobState::Failed(Said::both(
                    "Amazon could not make it (FATAL)",
                    "亚马逊未能生成（FATAL）",
                ));
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
            check_address(&address).map_err(|why| ApiError::unreadable_for(what, &why))?;
            let request = Request::get(&address).limited_to(self.document_limit);
            let response = send_retrying(self.http, self.clock, &request, DOWNLOAD)
                .map_err(|why| ApiError::network(what, &why))?;
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
