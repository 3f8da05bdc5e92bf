//! Which week a meeting reviews: the one asked for, else the newest with
//! reports, said so when it is not the newest folder.

use crate::domain::words::Said;
use std::path::Path;

use crate::domain::week::IsoWeek;
use crate::import::error::ImportError;
use crate::import::workspace::{WEEK_FILE, WeekFolder, Workspace, open_workspace, visible_entries};

/// Opens the workspace at `root` and finds the week to review (`week`, else
/// the newest holding a report) without reading a report.
pub fn week_to_review(
    root: &Path,
    week: Option<IsoWeek>,
) -> Result<(Workspace, IsoWeek), Vec<ImportError>> {
    let workspace = open_workspace(root).map_err(|error| vec![error])?;
    let (chosen, _) = choose_week(&workspace, root, week)?;
    Ok((workspace, chosen))
}

/// The week to review: the one asked for, else the newest week folder
/// holding a report; also the newer folders passed over for having none.
pub(super) fn choose_week(
    workspace: &Workspace,
    root: &Path,
    week: Option<IsoWeek>,
) -> Result<(IsoWeek, Vec<IsoWeek>), Vec<ImportError>> {
    if let Some(chosen) = week {
        return if workspace.weeks.iter().any(|w| w.week == chosen) {
            Ok((chosen, Vec::new()))
        } else {
            Err(vec![ImportError::file(
                &root.join("weeks").join(chosen.to_string()),
                Said::both(
                    format!(
                        "there is no folder for {chosen}: choose a week that has one, or create it"
                    ),
                    format!("没有 {chosen} 的文件夹：请选择有文件夹的一周，或新建它"),
                ),
            )])
        };
    }
    let newest = workspace.weeks.iter().rev();
    let skipped: Vec<IsoWeek> = newest
        .clone()
        .take_while(|folder| !has_report(folder))
        .map(|folder| folder.week)
        .collect();
    match newest.clone().find(|folder| has_report(folder)) {
        Some(folder) => Ok((folder.week, skipped)),
        None => Err(vec![ImportError::file(
            &root.join("weeks"),
            Said::both(
                "there is no week folder with a report yet: create weeks/<ISO week>/ (for \
                 example weeks/2026-W47/) and drop the week's Amazon downloads into it",
                "还没有放了报告的周文件夹：请新建 weeks/<ISO 周>/（例如 weeks/2026-W47/），\
                 并把这周从亚马逊下载的报告放进去",
            ),
        )]),
    }
}

/// Whether a week folder holds a file other than `week.toml`.
pub(super) fn has_report(folder: &WeekFolder) -> bool {
    let in_marketplaces = crate::import::marketplaces::marketplace_folders(folder)
        .unwrap_or_default()
        .iter()
        .any(|(_, path)| {
            has_report(&WeekFolder {
                week: folder.week,
                path: path.clone(),
            })
        });
    in_marketplaces
        || visible_entries(&folder.path).is_ok_and(|entries| {
            entries
                .iter()
                .any(|p| p.is_file() && p.file_name().is_none_or(|n| n != WEEK_FILE))
        })
}
