//! `opsdeck check`: read every file of a workspace, a week folder or a list
//! of files, and say what each is and what it holds — or what is wrong.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::domain::marketplace::{Rates, rate};
use crate::domain::report::{ReportKind, Totals};
use crate::domain::settings::{Language, Settings};
use crate::domain::words::Said;

use super::config::read_config;
use super::error::ImportError;
use super::kind_read::WeekFilter;
use super::minutes::read_minutes;
use super::parallel::map_in_parallel;
use super::report::read_report;
use super::week_file::read_week_file;
use super::workspace::{
    CONFIG_FILE, COSTS_FILE, MINUTES_DIR, SUPPLY_FILE, WEEK_FILE, WEEKS_DIR, WeekFolder,
    is_workspace, list_weeks, utf8_name, visible_entries, week_of_folder,
};

/// What `check` found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileCheck {
    pub path: PathBuf,
    pub kind: ReportKind,
    pub rows: usize,
    pub skus: usize,
    pub child_asins: usize,
    pub currency: Option<String>,
    pub totals: Totals,
    /// The days after a click an ads report attributes sales to (7 or 14).
    pub attribution_days: Option<u8>,
    /// The first and last day the file's rows are dated (undated reports: none).
    pub span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub warnings: Vec<Said>,
}

/// Everything `check` found: files read, and problems.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckReport {
    pub files: Vec<FileCheck>,
    pub errors: Vec<ImportError>,
    /// The language of the workspace checked, when one was.
    pub language: Option<Language>,
    /// The reporting currency and `[fx]` rates of the workspace checked.
    pub fx: Option<(String, Rates)>,
}

impl CheckReport {
    /// Whether every file was read without error.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// One file to read, and the week its rows must fall in.
struct Job {
    path: PathBuf,
    filter: Option<WeekFilter>,
}

/// Checks each of `paths`: a workspace, a week folder, or a single file.
pub fn check_paths(paths: &[PathBuf]) -> CheckReport {
    let mut report = CheckReport::default();
    let mut jobs = Vec::new();
    for path in paths {
        if let Err(error) = plan(path, &mut jobs, &mut report) {
            report.errors.push(error);
        }
    }
    for outcome in map_in_parallel(&jobs, check_file) {
        match outcome {
            Ok(file) => report.files.push(file),
            Err(error) => report.errors.push(error),
        }
    }
    let unconvertible = missing_rates(&report);
    report.errors.extend(unconvertible);
    warn_of_long_business_reports(&mut report.files);
    report
}

/// A Business Report holds no dates: one downloaded for 30 days reads as
/// one week. Among the reports of several week folders, one with three times
/// or more the sessions of their median is said to be one, with what to do.
fn warn_of_long_business_reports(files: &mut [FileCheck]) {
    // Weeks of one workspace only: unrelated downloads are not compared.
    let in_week = |file: &FileCheck| {
        file.path
            .ancestors()
            .skip(1)
            .take(2)
            .any(|dir| super::workspace::week_of_folder(dir).is_some())
    };
    let sessions_of = |file: &FileCheck| {
        (file.kind == ReportKind::BusinessReport && in_week(file))
            .then_some(file.totals.sessions)
            .flatten()
            .filter(|s| *s > 0)
    };
    let mut all: Vec<i64> = files.iter().filter_map(sessions_of).collect();
    if all.len() < 3 {
        return;
    }
    all.sort_unstable();
    let median = all[all.len() / 2];
    for file in files.iter_mut() {
        let Some(sessions) = sessions_of(file) else {
            continue;
        };
        if sessions >= 3 * median {
            #[allow(clippy::cast_precision_loss)] // session counts
            let times = sessions as f64 / median as f64;
            file.warnings.push(Said::new(
                format!(
                    "{times:.1}× the sessions of a usual week's Business Report: it looks \
                     downloaded for more than the week (30 days?), and it counts as one week — \
                     download it again for exactly the week's seven days"
                ),
                format!(
                    "访问量是一般周业务报告的 {times:.1} 倍：看起来下载的时间范围超过一周（30 天？），\
                     却会按一周计算 — 请重新下载正好本周七天的数据"
                ),
            ));
        }
    }
}

/// What `kpis` would refuse: a marketplace's reports in a currency the
/// workspace has no `[fx]` rate for (in `opsdeck.toml` or the week's
/// `week.toml`), one error per week and currency.
fn missing_rates(report: &CheckReport) -> Vec<ImportError> {
    let Some((reporting, rates)) = &report.fx else {
        return Vec::new();
    };
    // Each week's currencies once, then each week's rates once.
    let mut wanted: BTreeMap<&Path, Vec<&str>> = BTreeMap::new();
    for file in &report.files {
        let (Some(currency), Some(folder)) = (&file.currency, file.path.parent()) else {
            continue;
        };
        let in_marketplace = folder
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(crate::domain::marketplace::marketplace_code)
            .is_some();
        if let Some(week) = folder.parent().filter(|_| in_marketplace) {
            let currencies = wanted.entry(week).or_default();
            if !currencies.contains(&currency.as_str()) {
                currencies.push(currency);
            }
        }
    }
    let mut missing: Vec<(PathBuf, String)> = Vec::new();
    for (week, currencies) in wanted {
        let mut week_rates = rates.clone();
        if let Ok(figures) = read_week_file(&week.join(WEEK_FILE)) {
            week_rates.extend(figures.fx);
        }
        for currency in currencies {
            if rate(currency, reporting, &week_rates).is_err() {
                missing.push((week.to_owned(), currency.to_owned()));
            }
        }
    }
    missing
        .into_iter()
        .map(|(week, currency)| {
            ImportError::file(
                &week,
                Said::both(
                    format!(
                        "a marketplace's reports are in {currency}, and neither opsdeck.toml's \
                         [fx] nor the week's week.toml has a rate for it: kpis and the cockpit \
                         cannot add it to {reporting}; add `{currency} = …` (the value of one \
                         {currency} in {reporting}) to [fx]"
                    ),
                    format!(
                        "有站点的报告以 {currency} 计价，但 opsdeck.toml 的 [fx] 和本周 \
                         week.toml 都没有它的汇率：kpis 和驾驶舱无法把它折算为 {reporting}；\
                         请在 [fx] 中加上 `{currency} = …`（1 {currency} 折合多少 {reporting}）"
                    ),
                ),
            )
        })
        .collect()
}

fn plan(path: &Path, jobs: &mut Vec<Job>, report: &mut CheckReport) -> Result<(), ImportError> {
    if !path.exists() {
        return Err(ImportError::file(
            path,
            Said::both(
                "no such file or folder: expected a workspace, a week folder or report files",
                "没有这个文件或文件夹：应为工作区、周文件夹或报告文件",
            ),
        ));
    }
    if path.is_file() {
        jobs.push(Job {
            path: path.to_path_buf(),
            filter: None,
        });
        return Ok(());
    }
    if is_workspace(path) {
        return plan_workspace(path, jobs, report);
    }
    if let Some(week) = week_of_folder(path) {
        let settings = settings_above_week_folder(path)?;
        report.language = Some(settings.language);
        report.fx = Some((settings.currency.clone(), settings.fx.clone()));
        let folder = WeekFolder {
            week,
            path: path.to_path_buf(),
        };
        return plan_week(&folder, &settings, jobs);
    }
    Err(ImportError::file(
        path,
        Said::both(
            "not a workspace (no opsdeck.toml or weeks/ inside) and not a week folder (named \
             like 2026-W47): point check at one of those, or at report files",
            "既不是工作区（里面没有 opsdeck.toml 或 weeks/），也不是周文件夹（名如 \
             2026-W47）：请让 check 指向其中之一，或指向报告文件",
        ),
    ))
}

fn plan_workspace(
    root: &Path,
    jobs: &mut Vec<Job>,
    report: &mut CheckReport,
) -> Result<(), ImportError> {
    let config_path = root.join(CONFIG_FILE);
    // A broken opsdeck.toml is reported by its own job; the weeks are still
    // checked, with the default settings, so every problem shows at once.
    let settings = if config_path.is_file() {
        jobs.push(Job {
            path: config_path.clone(),
            filter: None,
        });
        read_config(&config_path).map_or_else(|_| Settings::default(), |read| read.settings)
    } else {
        Settings::default()
    };
    report.language = Some(settings.language);
    report.fx = Some((settings.currency.clone(), settings.fx.clone()));
    for file in [COSTS_FILE, SUPPLY_FILE] {
        let path = root.join(file);
        if path.is_file() {
            jobs.push(Job { path, filter: None });
        }
    }
    let (weeks, strays) = list_weeks(&root.join(WEEKS_DIR))?;
    for stray in strays {
        report.errors.push(ImportError::file(
            &stray,
            Said::both(
                "this folder in weeks/ is not named like an ISO week (2026-W47): rename it so \
                 its reports are read",
                "weeks/ 中的这个文件夹不是按 ISO 周命名的（如 2026-W47）：请重命名，其中的报告\
                 才会被读取",
            ),
        ));
    }
    for folder in &weeks {
        plan_week(folder, &settings, jobs)?;
    }
    let minutes = root.join(MINUTES_DIR);
    if minutes.is_dir() {
        for path in visible_entries(&minutes)? {
            if is_minutes_file(&path) {
                jobs.push(Job { path, filter: None });
            }
        }
    }
    Ok(())
}

/// A minutes file: `minutes/*.toml`.
fn is_minutes_file(path: &Path) -> bool {
    path.is_file()
        && path.extension().is_some_and(|e| e == "toml")
        && path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|name| name == MINUTES_DIR)
}

fn plan_week(
    folder: &WeekFolder,
    settings: &Settings,
    jobs: &mut Vec<Job>,
) -> Result<(), ImportError> {
    let filter = WeekFilter {
        week: folder.week,
        start: settings.week_start,
    };
    for path in visible_entries(&folder.path)? {
        if path.is_file() {
            jobs.push(Job {
                path,
                filter: Some(filter),
            });
        }
    }
    // A marketplace's reports lie in the week's subfolder named by its code.
    for (_, marketplace) in super::marketplaces::marketplace_folders(folder)? {
        plan_week(
            &WeekFolder {
                week: folder.week,
                path: marketplace,
            },
            settings,
            jobs,
        )?;
    }
    Ok(())
}

/// A week folder checked on its own still honours its workspace's `week_start`.
fn settings_above_week_folder(folder: &Path) -> Result<Settings, ImportError> {
    let config = folder
        .parent()
        .and_then(Path::parent)
        .map(|root| root.join(CONFIG_FILE))
        .filter(|path| path.is_file());
    match config {
        Some(path) => Ok(read_config(&path)?.settings),
        None => Ok(Settings::default()),
    }
}

fn check_file(job: &Job) -> Result<FileCheck, ImportError> {
    let path = &job.path;
    let name = utf8_name(path)?;
    if is_minutes_file(path) {
        let stored = read_minutes(path)?;
        let items = stored.meeting.actions.len() + stored.meeting.decisions.len();
        return Ok(summary(path, ReportKind::Minutes, items, Vec::new()));
    }
    if name == CONFIG_FILE {
        let read = read_config(path)?;
        return Ok(summary(
            path,
            ReportKind::Config,
            read.settings.agenda.len(),
            read.warnings,
        ));
    }
    if name == WEEK_FILE {
        let figures = read_week_file(path)?;
        return Ok(summary(
            path,
            ReportKind::WeekFile,
            figures.len(),
            Vec::new(),
        ));
    }
    let file = read_report(path, job.filter)?;
    Ok(FileCheck {
        path: path.clone(),
        kind: file.kind,
        rows: file.rows,
        skus: file.facts.skus(),
        child_asins: file.facts.child_asins(),
        currency: file.currency,
        totals: file.facts.totals(),
        attribution_days: file.attribution_days,
        span: file.span,
        warnings: file.warnings,
    })
}

fn summary(path: &Path, kind: ReportKind, rows: usize, warnings: Vec<Said>) -> FileCheck {
    FileCheck {
        path: path.to_path_buf(),
        kind,
        rows,
        skus: 0,
        child_asins: 0,
        currency: None,
        totals: Totals::default(),
        attribution_days: None,
        span: None,
        warnings,
    }
}
