//! `opsdeck fetch`: the week's reports from the SP-API and the Ads API into
//! the week folder (or its marketplace subfolders), as Amazon sent them,
//! with a line per report as it goes and a summary at the end. A rerun
//! resumes from the folder's `fetch.toml`. Exit 0 when every report arrived.

mod check;
mod progress;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::domain::settings::Language;
use crate::domain::untrusted::clean;
use crate::domain::week::IsoWeek;
use crate::domain::words::{Said, say};
use crate::fetch::clock::Clock;
use crate::fetch::credentials::{Credentials, credentials_path, read_credentials};
use crate::fetch::endpoint::{Endpoint, Marketplace, marketplace};
use crate::fetch::fetcher::Fetcher;
use crate::fetch::job::{Job, JobState};
use crate::fetch::lwa::Tokens;
use crate::fetch::manifest::Manifest;
use crate::fetch::plan::ReportPlan;
use crate::fetch::rate::Buckets;
use crate::fetch::ureq_http::UreqHttp;
use crate::import::marketplaces::marketplace_folders;
use crate::import::workspace::{Workspace, open_workspace};

use super::real_clock::RealClock;
use super::{fail, language_of, report_errors, speak};
use check::check_credentials;
use progress::{Progress, minutes_seconds, summary};

/// What the command line asks of `fetch`.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// Workspace folder (default: the current folder).
    #[arg(default_value = ".")]
    pub workspace: PathBuf,
    /// The week to fetch, like 2026-W47 (default: the last complete week).
    #[arg(long)]
    pub week: Option<IsoWeek>,
    /// A marketplace to fetch, like US or DE (repeat for several; default: `[fetch] marketplaces`, else US).
    #[arg(long = "marketplace")]
    pub marketplaces: Vec<String>,
    /// How long to wait for Amazon to make the reports: 90s, 30m, 2h.
    #[arg(long, default_value = "30m", value_parser = parse_wait)]
    pub wait: Duration,
    /// Say what would be fetched and where, without asking Amazon.
    #[arg(long)]
    pub dry_run: bool,
    /// Exchange the tokens and list the Ads profiles, without asking for a report.
    #[arg(long)]
    pub check_credentials: bool,
    /// Look at the reports every so often instead of Amazon's schedule (a
    /// test server's reports are ready at once): 100ms.
    #[arg(long, hide = true, value_parser = parse_wait)]
    pub poll_every: Option<Duration>,
}

/// `90s`, `30m`, `2h` (or `500ms`): a wait on the command line.
pub fn parse_wait(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration: write 90s, 30m or 2h"))?;
    match unit {
        "ms" => Ok(Duration::from_millis(n)),
        "s" => Ok(Duration::from_secs(n)),
        "m" => Ok(Duration::from_secs(n * 60)),
        "h" => Ok(Duration::from_secs(n * 3600)),
        _ => Err(format!("`{text}` is not a duration: write 90s, 30m or 2h")),
    }
}

pub fn fetch(args: &FetchArgs, today: chrono::NaiveDate, lang: Option<Language>) -> ExitCode {
    let mut workspace = match open_workspace(&args.workspace) {
        Ok(workspace) => workspace,
        Err(error) => {
            report_errors(&[error], language_of(lang, &args.workspace));
            return ExitCode::FAILURE;
        }
    };
    speak(&mut workspace.settings, lang);
    let language = workspace.settings.language;
    let week = args
        .week
        .unwrap_or_else(|| IsoWeek::containing(today - chrono::Days::new(7)));
    let codes = if !args.marketplaces.is_empty() {
        args.marketplaces.clone()
    } else if !workspace.settings.fetch.marketplaces.is_empty() {
        workspace.settings.fetch.marketplaces.clone()
    } else {
        vec!["US".to_owned()]
    };
    let marketplaces = match marketplaces_of(&codes, language) {
        Ok(marketplaces) => marketplaces,
        Err(code) => return code,
    };
    let credentials_file = credentials_path(|name| std::env::var(name).ok());
    let credentials = match credentials_of(credentials_file.as_deref(), args.dry_run, language) {
        Ok(credentials) => credentials,
        Err(code) => return code,
    };
    let mut http = UreqHttp::new();
    if args.check_credentials {
        return match &credentials {
            Some(credentials) => check_credentials(&mut http, credentials, &marketplaces, language),
            None => ExitCode::SUCCESS,
        };
    }
    let mut jobs = plan(&workspace, week, today, &marketplaces, credentials.as_ref());
    for job in &mut jobs {
        match Manifest::read(&job.folder) {
            Ok(manifest) => job.resume(&manifest),
            Err(error) => {
                report_errors(&[error], language);
                return ExitCode::FAILURE;
            }
        }
    }
    if args.dry_run {
        dry_run(
            &jobs,
            &args.workspace,
            credentials_file.as_deref(),
            language,
        );
        return ExitCode::SUCCESS;
    }
    let Some(credentials) = credentials else {
        return ExitCode::FAILURE;
    };
    let (first, last) = (week.monday(), week.monday() + chrono::Days::new(6));
    let (codes, wait) = (codes.join(", "), minutes_seconds(args.wait));
    let folder = args.workspace.join("weeks").join(week.to_string());
    let folder = folder.display();
    match language {
        Language::English => say!(
            "Fetching {week} ({first} – {last}) for {codes} into {folder}; waiting up to {wait}."
        ),
        Language::Chinese => say!(
            "正在获取 {week}（{first} – {last}）{codes} 的报告，存入 {folder}；最多等待 {wait}。"
        ),
    }
    let mut clock = RealClock::start(Some(args.wait));
    let mut fetcher = Fetcher {
        http: &mut http,
        clock: &mut clock,
        sp_tokens: credentials
            .sp_api
            .as_ref()
            .map(|sp| Tokens::new(sp.app.clone(), credentials.lwa.clone())),
        ads_tokens: credentials
            .ads_api
            .as_ref()
            .map(|app| Tokens::new(app.clone(), credentials.lwa.clone())),
        profiles: workspace.settings.fetch.profiles.clone(),
        listed: BTreeMap::new(),
        buckets: Buckets::default(),
        document_limit: workspace.settings.fetch.max_document_mb * 1024 * 1024,
        poll_every: args.poll_every,
    };
    let mut progress = Progress::new(language);
    let started = RealClock::start(None);
    fetcher.run(&mut jobs, args.wait, &mut |jobs| {
        progress.show(jobs, started.elapsed());
    });
    summary(&jobs, &args.workspace, language)
}

/// The marketplaces of `codes`; a code opsdeck does not know is a usage error.
fn marketplaces_of(codes: &[String], language: Language) -> Result<Vec<Marketplace>, ExitCode> {
    codes
        .iter()
        .map(|code| {
            marketplace(code).ok_or_else(|| {
                let code = clean(code);
                let known = "US, CA, MX, UK, DE, FR, IT, ES, JP, AU, AE, IN";
                fail(
                    language,
                    &Said::both(
                        format!(
                            "`{code}` is not a marketplace opsdeck fetches: use one of {known}"
                        ),
                        format!("`{code}` 不是 opsdeck 能获取的站点：请用 {known} 之一"),
                    ),
                );
                ExitCode::from(2)
            })
        })
        .collect()
}

/// The credentials, read and checked; none for a dry run.
fn credentials_of(
    path: Option<&Path>,
    dry_run: bool,
    language: Language,
) -> Result<Option<Credentials>, ExitCode> {
    if dry_run {
        return Ok(None);
    }
    let Some(path) = path else {
        return Err(fail(
            language,
            &Said::both(
                "no credentials file: set $OPSDECK_CREDENTIALS or write \
                 ~/.config/opsdeck/credentials.toml (see the README)",
                "没有凭据文件：请设置 $OPSDECK_CREDENTIALS，或写好 \
                 ~/.config/opsdeck/credentials.toml（见 README）",
            ),
        ));
    };
    read_credentials(path).map(Some).map_err(|error| {
        report_errors(&[error], language);
        ExitCode::FAILURE
    })
}

/// The jobs of `week` for `marketplaces`: into the week folder, or into a
/// subfolder per marketplace when several are fetched or the workspace has them.
fn plan(
    workspace: &Workspace,
    week: IsoWeek,
    today: chrono::NaiveDate,
    marketplaces: &[Marketplace],
    credentials: Option<&Credentials>,
) -> Vec<Job> {
    let week_folder = workspace.root.join("weeks").join(week.to_string());
    let uses_subfolders = marketplaces.len() > 1
        || workspace
            .weeks
            .iter()
            .any(|w| marketplace_folders(w).is_ok_and(|found| !found.is_empty()));
    let mut jobs = Vec::new();
    for market in marketplaces {
        let folder = if uses_subfolders {
            week_folder.join(market.code)
        } else {
            week_folder.clone()
        };
        for plan in ReportPlan::ALL {
            let endpoint = endpoint_for(plan, market, credentials);
            jobs.push(Job::new(
                plan,
                *market,
                folder.clone(),
                (week, today),
                endpoint,
            ));
        }
    }
    jobs
}

/// Where `plan`'s report of `market` is asked for: the credentials'
/// override, else the host of the marketplace's region (for the SP-API, the
/// region the credentials give it).
fn endpoint_for(
    plan: ReportPlan,
    market: &Marketplace,
    credentials: Option<&Credentials>,
) -> Endpoint {
    if plan.is_ads() {
        return credentials
            .and_then(|c| c.ads_api_endpoint.clone())
            .unwrap_or_else(|| Endpoint::known(market.region.ads_api()));
    }
    let region = credentials
        .and_then(|c| c.sp_api.as_ref())
        .map_or(market.region, |sp| sp.region_of(market.code, market.region));
    credentials
        .and_then(|c| c.sp_api_endpoint.clone())
        .unwrap_or_else(|| Endpoint::known(region.sp_api()))
}

/// The distinct endpoints `plan`'s reports of `marketplaces` are asked of.
fn endpoints_for(
    plan: ReportPlan,
    marketplaces: &[Marketplace],
    credentials: &Credentials,
) -> Vec<Endpoint> {
    let mut endpoints: Vec<Endpoint> = Vec::new();
    for market in marketplaces {
        let endpoint = endpoint_for(plan, market, Some(credentials));
        if !endpoints.contains(&endpoint) {
            endpoints.push(endpoint);
        }
    }
    endpoints
}

fn dry_run(jobs: &[Job], root: &Path, credentials: Option<&Path>, language: Language) {
    let from = credentials.map_or_else(
        || say(language, "nowhere: none found", "无：没有找到").to_owned(),
        |p| p.display().to_string(),
    );
    match language {
        Language::English => {
            say!("Would fetch, without asking Amazon anything now (credentials from {from}):");
        }
        Language::Chinese => {
            say!("将获取以下报告，现在不向亚马逊发出任何请求（凭据来自 {from}）：");
        }
    }
    for job in jobs {
        let what = match &job.state {
            JobState::Done => say(language, "already fetched", "已获取"),
            JobState::InProgress { .. } => say(
                language,
                "resume the report already asked for",
                "继续跟进已请求的报告",
            ),
            _ => say(language, "ask for it", "发出请求"),
        };
        let path = job.folder.join(&job.file);
        let shown = path.strip_prefix(root).unwrap_or(&path);
        say!(
            "  {:<3} {:<24} {}  → {}",
            job.marketplace.code,
            job.plan.title(),
            what,
            shown.display()
        );
    }
}
