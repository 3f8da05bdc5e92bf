//! Loading what a review needs — the chosen week and the twelve before it —
//! from a workspace. One thread reads the weeks the diagnosis looks at,
//! compares this week with the last and diagnoses every row, while the
//! others read the older weeks; once every week has joined the review, the
//! supply is planned over its eight newest weeks and its anomalies join. Only this week and last week are read in full; every
//! other week is read only as far as the trend lines need, turned into its
//! trend figures and let go, so memory never holds more than three weeks.

mod choice;
mod workspace_files;

use choice::choose_week;
pub use choice::week_to_review;
use workspace_files::{read_costs, read_if_there, read_upstream};

use std::path::Path;
use std::sync::Arc;

use crate::domain::anomaly::{Anomaly, DIAGNOSIS_LOOKBACK};
use crate::domain::diagnosis::diagnose_rows;
use crate::domain::facts::{ReturnLine, SkuCost, UpstreamStock};
use crate::domain::history::{HistoryWeek, history_of};
use crate::domain::metric::Metric;
use crate::domain::review::{Review, begin_review, trend_weeks_ending};
use crate::domain::settings::Settings;
use crate::domain::week::IsoWeek;
use crate::domain::week_data::WeekData;
use crate::domain::week_report::{MarketplaceAccount, WeekReport};
use crate::domain::words::Said;

use super::error::ImportError;
use super::kind_read::Detail;
use super::marketplaces::{FolderOptions, read_week};
use super::parallel::map_in_parallel_after;
use super::progress::ReadProgress;
use super::workspace::{WeekFolder, Workspace, open_workspace};

/// A workspace with the review of one week built.
#[derive(Debug, Clone)]
pub struct LoadedReport {
    pub workspace: Workspace,
    pub report: WeekReport,
    pub costs: Vec<SkuCost>,
    /// `supply.csv`'s stock upstream of FBA.
    pub upstream: Vec<UpstreamStock>,
    /// Things worth knowing that did not stop the reading.
    pub warnings: Vec<Said>,
}

use super::week_folder::FolderRead;

/// Opens the workspace at `root` and builds the review of `week` (default: the
/// newest). Every problem found is returned, not just the first.
pub fn load_report(root: &Path, week: Option<IsoWeek>) -> Result<LoadedReport, Vec<ImportError>> {
    load_report_counted(root, week, &Arc::default())
}

/// `load_report`, counting the files of the review's weeks in `progress` as they are read.
pub fn load_report_counted(
    root: &Path,
    week: Option<IsoWeek>,
    progress: &Arc<ReadProgress>,
) -> Result<LoadedReport, Vec<ImportError>> {
    let mut loaded = load_report_of(root, week, None, progress)?;
    loaded.report.marketplaces = marketplace_accounts(root, &loaded)?;
    Ok(loaded)
}

/// Each marketplace's account of the reviewed week, in its own currency,
/// when the week folder holds several (each read on its own); else none.
fn marketplace_accounts(
    root: &Path,
    loaded: &LoadedReport,
) -> Result<Vec<MarketplaceAccount>, Vec<ImportError>> {
    let week = loaded.report.review.week;
    let Some(folder) = loaded.workspace.weeks.iter().find(|w| w.week == week) else {
        return Ok(Vec::new());
    };
    let codes = super::marketplaces::marketplace_folders(folder).map_err(|error| vec![error])?;
    if codes.len() < 2 {
        return Ok(Vec::new());
    }
    let reporting = &loaded.workspace.settings.currency;
    codes
        .into_iter()
        .map(|(code, _)| {
            let mut report = load_report_of(root, Some(week), Some(code), &Arc::default())?.report;
            // Costs are in the reporting currency: a marketplace shown in another
            // goes without profit and margin rather than with wrong ones.
            if !report.review.currency.eq_ignore_ascii_case(reporting) {
                without_profit(&mut report);
            }
            Ok(MarketplaceAccount {
                code: code.to_owned(),
                currency: report.review.currency,
                account: report.review.account,
                daily_sales: report.review.daily_sales,
            })
        })
        .collect()
}

/// The report with gross profit and margin left out.
fn without_profit(report: &mut WeekReport) {
    let review = &mut report.review;
    for figures in
        std::iter::once(&mut review.account).chain(review.skus.iter_mut().map(|r| &mut r.figures))
    {
        for metric in [Metric::GrossProfit, Metric::GrossMargin] {
            figures.current.set(metric, None);
            figures.previous.set(metric, None);
        }
    }
}

/// `load_report`, for one marketplace only when `only` names one.
fn load_report_of(
    root: &Path,
    week: Option<IsoWeek>,
    only: Option<&'static str>,
    progress: &Arc<ReadProgress>,
) -> Result<LoadedReport, Vec<ImportError>> {
    let workspace = open_workspace(root).map_err(|error| vec![error])?;
    let (chosen, skipped) = choose_week(&workspace, root, week)?;
    let options = FolderOptions {
        only,
        progress: Arc::clone(progress),
        ..FolderOptions::of(&workspace.settings)
    };
    let window = trend_weeks_ending(chosen);
    let in_window: Vec<&WeekFolder> = workspace
        .weeks
        .iter()
        .filter(|w| window.contains(&w.week))
        .collect();
    let (files, bytes) = in_window
        .iter()
        .map(|folder| options.size_of(folder))
        .fold((0, 0), |(f, b), (files, bytes)| (f + files, b + bytes));
    progress.expect(files, bytes);
    let mut errors = Vec::new();
    let mut warnings = workspace.config_warnings.clone();
    let costs = read_if_there(workspace.costs_path(), read_costs, &mut errors);
    let upstream = read_if_there(workspace.supply_path(), read_upstream, &mut errors);
    // The weeks the diagnosis looks at are read, compared and diagnosed on one
    // thread while the others turn the older weeks into trend figures.
    let diagnosed_weeks = &window[window.len() - 1 - DIAGNOSIS_LOOKBACK..];
    let (diagnosed, older): (Vec<&WeekFolder>, Vec<&WeekFolder>) = in_window
        .into_iter()
        .partition(|folder| diagnosed_weeks.contains(&folder.week));
    let settings = &workspace.settings;
    let ((diagnosed_reads, reviewed), history_reads) = map_in_parallel_after(
        || read_and_review(&diagnosed, chosen, &options, &costs, settings),
        &older,
        |folder| read_history(folder, &options, &costs),
    );
    for read in diagnosed_reads {
        keep_read(read, &mut warnings, &mut errors);
    }
    let histories: Vec<HistoryWeek> = history_reads
        .into_iter()
        .filter_map(|read| keep_read(read, &mut warnings, &mut errors))
        .collect();
    let (Some(reviewed), true) = (reviewed, errors.is_empty()) else {
        return Err(errors);
    };
    let Reviewed {
        mut review,
        anomalies,
        returns,
    } = reviewed;
    for history in &histories {
        review.extend(history);
    }
    let mut report = WeekReport::with_supply(
        review,
        anomalies,
        returns.as_deref(),
        &costs,
        &upstream,
        settings,
    );
    report.notices = notices_of(&workspace, chosen, skipped, &warnings);
    let absent = report.review.absent_from_sales;
    if absent > 0 {
        report.notices.push(Said::new(
            format!(
                "{absent} SKUs named by the week's other reports are not in its sales report: \
                 they count as 0 units and 0 sessions this week"
            ),
            format!(
                "本周其他报告中有 {absent} 个 SKU 不在销售报告里：本周按 0 件销量、0 次访问计算"
            ),
        ));
    }
    Ok(LoadedReport {
        workspace,
        report,
        costs,
        upstream,
        warnings,
    })
}

/// The chosen week reviewed and its rows diagnosed before the older weeks
/// join it (the supply plan waits for them).
struct Reviewed {
    review: Review,
    /// The anomalies of the rows' own figures, unranked.
    anomalies: Vec<Anomaly>,
    /// The week's returns: the diagnosis quotes them.
    returns: Option<Vec<ReturnLine>>,
}

/// Reads the weeks the diagnosis looks at (`diagnosed`) and builds the
/// review of `chosen` from them; what each read said comes back with it.
fn read_and_review(
    diagnosed: &[&WeekFolder],
    chosen: IsoWeek,
    options: &FolderOptions,
    costs: &[SkuCost],
    settings: &Settings,
) -> (Vec<FolderRead<()>>, Option<Reviewed>) {
    let before = chosen.previous().previous();
    let (newest, lookback): (Vec<&WeekFolder>, Vec<&WeekFolder>) =
        diagnosed.iter().partition(|folder| folder.week >= before);
    let newest_reads: Vec<FolderRead<WeekData>> = newest
        .iter()
        .map(|folder| {
            // Only this week and last week are shown in full.
            let detail = if folder.week >= chosen.previous() {
                Detail::Full
            } else {
                Detail::Trends
            };
            read_week(folder, options, detail)
        })
        .collect();
    let lookback_reads: Vec<FolderRead<HistoryWeek>> = lookback
        .iter()
        .map(|folder| read_history(folder, options, costs))
        .collect();
    // Each week's data is taken from its read, to be let go as soon as it is used.
    let (newest_weeks, newest_reads): (Vec<Option<WeekData>>, Vec<FolderRead<()>>) = newest_reads
        .into_iter()
        .map(|read| match read {
            Ok((data, folder_warnings)) => (Some(data), Ok(((), folder_warnings))),
            Err(folder_errors) => (None, Err(folder_errors)),
        })
        .unzip();
    let reviewed = review_when_read(newest_weeks, &lookback_reads, chosen, costs, settings);
    let reads = newest_reads
        .into_iter()
        .chain(lookback_reads.into_iter().map(warnings_only))
        .collect();
    (reads, reviewed)
}

/// An older week, read for its trend figures only.
fn read_history(
    folder: &WeekFolder,
    options: &FolderOptions,
    costs: &[SkuCost],
) -> FolderRead<HistoryWeek> {
    read_week(folder, options, Detail::Trends)
        .map(|(data, folder_warnings)| (history_of(&data, costs), folder_warnings))
}

/// The review of `chosen` from the reads of the three newest weeks and the
/// trend figures of the older weeks the diagnosis looks at, when every read
/// succeeded. Older weeks join its trend lines later.
fn review_when_read(
    newest: Vec<Option<WeekData>>,
    lookback: &[FolderRead<HistoryWeek>],
    chosen: IsoWeek,
    costs: &[SkuCost],
    settings: &Settings,
) -> Option<Reviewed> {
    let mut weeks: Vec<WeekData> = newest.into_iter().collect::<Option<_>>()?;
    let histories: Vec<&HistoryWeek> = lookback
        .iter()
        .map(|read| read.as_ref().ok().map(|(history, _)| history))
        .collect::<Option<_>>()?;
    let find = |w: IsoWeek| weeks.iter().find(|d| d.week == w);
    let previous = chosen.previous();
    let mut review = begin_review(
        find(chosen)?,
        find(previous),
        find(previous.previous()),
        costs,
        settings,
    );
    // Only this week's returns are still needed: the diagnosis quotes them.
    weeks.retain(|d| d.week == chosen);
    for history in histories {
        review.extend(history);
    }
    let current = weeks.pop()?;
    let anomalies = diagnose_rows(&review, current.returns.as_deref(), settings, costs);
    Some(Reviewed {
        returns: current.returns,
        review,
        anomalies,
    })
}

/// A folder's read with what it gave already used: its warnings and errors.
fn warnings_only<T>(read: FolderRead<T>) -> FolderRead<()> {
    read.map(|(_, warnings)| ((), warnings))
}

/// What one folder's read gave, its warnings and errors moved to the lists.
fn keep_read<T>(
    read: FolderRead<T>,
    warnings: &mut Vec<Said>,
    errors: &mut Vec<ImportError>,
) -> Option<T> {
    match read {
        Ok((value, folder_warnings)) => {
            warnings.extend(folder_warnings);
            Some(value)
        }
        Err(folder_errors) => {
            errors.extend(folder_errors);
            None
        }
    }
}

/// The notices of the reviewed week: the newer folders passed over, and the
/// warnings about its own files (named by file name, not path).
fn notices_of(
    workspace: &Workspace,
    chosen: IsoWeek,
    skipped: Vec<IsoWeek>,
    warnings: &[Said],
) -> Vec<Said> {
    let mut notices: Vec<Said> = skipped
        .into_iter()
        .map(|week| {
            Said::new(
                format!(
                    "weeks/{week} holds no report yet: reviewing {chosen}, the newest week with \
                     reports"
                ),
                format!("weeks/{week} 还没有报告：复盘 {chosen}，即有报告的最新一周"),
            )
        })
        .collect();
    if let Some(folder) = workspace.weeks.iter().find(|w| w.week == chosen) {
        let prefix = format!("{}{}", folder.path.display(), std::path::MAIN_SEPARATOR);
        notices.extend(
            warnings
                .iter()
                .filter(|w| w.en.starts_with(&prefix))
                .map(|w| w.map(|text| text.replace(&prefix, ""))),
        );
    }
    notices
}

#[cfg(test)]
#[path = "weeks_tests.rs"]
mod tests;
