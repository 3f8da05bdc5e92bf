//! Loading what a review needs — the chosen week and the twelve before it —
//! from a workspace. The three newest weeks are kept whole; each older week
//! is read, folded into the trends and let go, so memory holds three weeks,
//! not thirteen. Folders are read in parallel.

use std::path::Path;

use crate::domain::facts::{ReportFacts, SkuCost, WeekFigures};
use crate::domain::review::{begin_review, history_of, trend_weeks_ending};
use crate::domain::week::{IsoWeek, WeekStart};
use crate::domain::week_data::WeekData;
use crate::domain::week_report::WeekReport;

use super::error::ImportError;
use super::parallel::map_in_parallel;
use super::report::{WeekFilter, read_report};
use super::week_file::read_week_file;
use super::workspace::{WEEK_FILE, WeekFolder, Workspace, open_workspace, visible_entries};

/// A workspace with the review of one week built.
#[derive(Debug, Clone)]
pub struct LoadedReport {
    pub workspace: Workspace,
    pub report: WeekReport,
    pub costs: Vec<SkuCost>,
    /// Things worth knowing that did not stop the reading.
    pub warnings: Vec<String>,
}

/// One folder read: its facts and its warnings.
type FolderRead = Result<(WeekData, Vec<String>), Vec<ImportError>>;

/// Opens the workspace at `root` and builds the review of `week` (default: the
/// newest). Every problem found is returned, not just the first.
pub fn load_report(root: &Path, week: Option<IsoWeek>) -> Result<LoadedReport, Vec<ImportError>> {
    let workspace = open_workspace(root).map_err(|error| vec![error])?;
    let chosen = choose_week(&workspace, root, week)?;
    let start = workspace.settings.week_start;
    let window = trend_weeks_ending(chosen);
    let in_window: Vec<&WeekFolder> = workspace
        .weeks
        .iter()
        .filter(|w| window.contains(&w.week))
        .collect();
    let before = chosen.previous().previous();
    let recent_weeks = [chosen, chosen.previous(), before];
    let (recent, older): (Vec<&WeekFolder>, Vec<&WeekFolder>) = in_window
        .into_iter()
        .partition(|f| recent_weeks.contains(&f.week));
    let mut errors = Vec::new();
    let mut warnings = workspace.config_warnings.clone();
    let costs = match workspace.costs_path().map(|path| read_costs(&path)) {
        Some(Ok(costs)) => costs,
        Some(Err(error)) => {
            errors.push(error);
            Vec::new()
        }
        None => Vec::new(),
    };
    let recent_data: Vec<WeekData> =
        map_in_parallel(&recent, |folder| read_week_folder(folder, start))
            .into_iter()
            .filter_map(|read| keep_read(read, &mut warnings, &mut errors))
            .collect();
    let find = |w: IsoWeek| recent_data.iter().find(|d| d.week == w);
    let (Some(current), true) = (find(chosen), errors.is_empty()) else {
        return Err(errors);
    };
    let settings = &workspace.settings;
    let mut review = begin_review(
        current,
        find(chosen.previous()),
        find(before),
        &costs,
        settings,
    );
    let index = review.index();
    let trend_weeks = review.trend_weeks.clone();
    let histories = map_in_parallel(&older, |folder| {
        read_week_folder(folder, start).map(|(data, folder_warnings)| {
            (
                history_of(&trend_weeks, &data, &costs, &index),
                folder_warnings,
            )
        })
    });
    for read in histories {
        if let Some(history) = keep_read(read, &mut warnings, &mut errors) {
            review.extend(history);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let report = WeekReport::diagnosed(review, current.returns.as_deref(), settings);
    Ok(LoadedReport {
        workspace,
        report,
        costs,
        warnings,
    })
}

/// What one folder's read gave, its warnings and errors moved to the lists.
fn keep_read<T>(
    read: Result<(T, Vec<String>), Vec<ImportError>>,
    warnings: &mut Vec<String>,
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

fn choose_week(
    workspace: &Workspace,
    root: &Path,
    week: Option<IsoWeek>,
) -> Result<IsoWeek, Vec<ImportError>> {
    let Some(chosen) = week.or_else(|| workspace.newest_week().map(|w| w.week)) else {
        return Err(vec![ImportError::file(
            &root.join("weeks"),
            "there is no week folder yet: create weeks/<ISO week>/ (for example weeks/2026-W47/) \
             and drop the week's Amazon downloads into it",
        )]);
    };
    if workspace.weeks.iter().any(|w| w.week == chosen) {
        Ok(chosen)
    } else {
        Err(vec![ImportError::file(
            &root.join("weeks").join(chosen.to_string()),
            format!("there is no folder for {chosen}: choose a week that has one, or create it"),
        )])
    }
}

/// Reads every file of one week folder into its `WeekData`.
fn read_week_folder(folder: &WeekFolder, start: WeekStart) -> FolderRead {
    let entries = visible_entries(&folder.path).map_err(|error| vec![error])?;
    let filter = WeekFilter {
        week: folder.week,
        start,
    };
    let mut data = WeekData::new(folder.week);
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for path in entries.iter().filter(|p| p.is_file()) {
        match read_file(path, filter) {
            Ok(FileRead::Report {
                facts,
                currency,
                warnings: file_warnings,
            }) => {
                warnings.extend(
                    file_warnings
                        .into_iter()
                        .map(|w| format!("{}: {w}", path.display())),
                );
                data.currency = data.currency.take().or(currency);
                if let Some(kind) = data.add(facts) {
                    warnings.push(format!(
                        "{}: {} already has a {}; their rows were added together — remove one if it is the same download twice",
                        path.display(),
                        folder.week,
                        kind.title()
                    ));
                }
            }
            Ok(FileRead::WeekFile(figures)) => data.figures = Some(figures),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok((data, warnings))
    } else {
        Err(errors)
    }
}

enum FileRead {
    Report {
        facts: ReportFacts,
        currency: Option<String>,
        warnings: Vec<String>,
    },
    WeekFile(WeekFigures),
}

fn read_file(path: &Path, filter: WeekFilter) -> Result<FileRead, ImportError> {
    if path.file_name().is_some_and(|name| name == WEEK_FILE) {
        return read_week_file(path).map(FileRead::WeekFile);
    }
    let file = read_report(path, Some(filter))?;
    Ok(FileRead::Report {
        facts: file.facts,
        currency: file.currency,
        warnings: file.warnings,
    })
}

fn read_costs(path: &Path) -> Result<Vec<SkuCost>, ImportError> {
    match read_report(path, None)?.facts {
        ReportFacts::Costs(costs) => Ok(costs),
        other => Err(ImportError::file(
            path,
            format!(
                "expected costs.csv with the header sku,unit_cost,fba_fee,referral_rate, found a {}",
                other.kind().title()
            ),
        )),
    }
}
