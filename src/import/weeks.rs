//! Loading the weeks a review needs — the chosen week and the twelve before
//! it — from a workspace, every file read in parallel, into `WeekData`.

use std::path::{Path, PathBuf};

use crate::domain::facts::{ReportFacts, SkuCost};
use crate::domain::review::TREND_WEEKS;
use crate::domain::week::IsoWeek;
use crate::domain::week_data::WeekData;

use super::error::ImportError;
use super::parallel::map_in_parallel;
use super::report::{WeekFilter, read_report};
use super::week_file::read_week_file;
use super::workspace::{WEEK_FILE, Workspace, open_workspace, visible_entries};

/// A workspace with the weeks of one review loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub workspace: Workspace,
    /// The reviewed week and up to twelve before it, oldest first.
    pub weeks: Vec<WeekData>,
    pub costs: Vec<SkuCost>,
    /// Things worth knowing that did not stop the reading.
    pub warnings: Vec<String>,
}

impl Loaded {
    /// The week under review (the last one loaded).
    pub fn current(&self) -> Option<&WeekData> {
        self.weeks.last()
    }
}

/// Opens the workspace at `root` and loads `week` (default: the newest) with
/// the weeks before it. Every problem found is returned, not just the first.
pub fn load_review_weeks(root: &Path, week: Option<IsoWeek>) -> Result<Loaded, Vec<ImportError>> {
    let workspace = open_workspace(root).map_err(|error| vec![error])?;
    let Some(chosen) = week.or_else(|| workspace.newest_week().map(|w| w.week)) else {
        return Err(vec![ImportError::file(
            &root.join("weeks"),
            "there is no week folder yet: create weeks/<ISO week>/ (for example weeks/2026-W47/) \
             and drop the week's Amazon downloads into it",
        )]);
    };
    if !workspace.weeks.iter().any(|w| w.week == chosen) {
        return Err(vec![ImportError::file(
            &root.join("weeks").join(chosen.to_string()),
            format!("there is no folder for {chosen}: choose a week that has one, or create it"),
        )]);
    }
    let oldest = (1..TREND_WEEKS).fold(chosen, |w, _| w.previous());
    let folders: Vec<_> = workspace
        .weeks
        .iter()
        .filter(|w| oldest <= w.week && w.week <= chosen)
        .collect();
    let mut jobs: Vec<(IsoWeek, PathBuf)> = Vec::new();
    let mut errors = Vec::new();
    for folder in &folders {
        match visible_entries(&folder.path) {
            Ok(entries) => jobs.extend(
                entries
                    .into_iter()
                    .filter(|p| p.is_file())
                    .map(|p| (folder.week, p)),
            ),
            Err(error) => errors.push(error),
        }
    }
    let start = workspace.settings.week_start;
    let costs_path = workspace.costs_path();
    let read = |job: &(IsoWeek, PathBuf)| read_file(&job.1, WeekFilter { week: job.0, start });
    let results = map_in_parallel(&jobs, read);
    let mut weeks: Vec<WeekData> = folders.iter().map(|f| WeekData::new(f.week)).collect();
    let mut warnings = workspace.config_warnings.clone();
    for ((week, path), result) in jobs.iter().zip(results) {
        let Some(data) = weeks.iter_mut().find(|d| d.week == *week) else {
            continue;
        };
        match result {
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
                        "{}: {week} already has a {}; their rows were added together — remove one if it is the same download twice",
                        path.display(),
                        kind.title()
                    ));
                }
            }
            Ok(FileRead::WeekFile(figures)) => data.figures = Some(figures),
            Err(error) => errors.push(error),
        }
    }
    let costs = match costs_path.map(|path| read_costs(&path)) {
        Some(Ok(costs)) => costs,
        Some(Err(error)) => {
            errors.push(error);
            Vec::new()
        }
        None => Vec::new(),
    };
    if errors.is_empty() {
        Ok(Loaded {
            workspace,
            weeks,
            costs,
            warnings,
        })
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
    WeekFile(crate::domain::facts::WeekFigures),
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
