//! The workspace's own files a week is read with: `costs.csv` and
//! `supply.csv`, each optional.

use crate::domain::words::{Said, Words};
use std::path::Path;

use crate::domain::facts::{ReportFacts, SkuCost, UpstreamStock};
use crate::import::error::ImportError;
use crate::import::report::read_report;

/// A workspace file's rows when it is there; its error joins `errors`.
pub(super) fn read_if_there<T>(
    path: Option<std::path::PathBuf>,
    read: fn(&Path) -> Result<Vec<T>, ImportError>,
    errors: &mut Vec<ImportError>,
) -> Vec<T> {
    match path.map(|path| read(&path)) {
        Some(Ok(rows)) => rows,
        Some(Err(error)) => {
            errors.push(error);
            Vec::new()
        }
        None => Vec::new(),
    }
}

pub(super) fn read_upstream(path: &Path) -> Result<Vec<UpstreamStock>, ImportError> {
    read_workspace_file(
        path,
        Words::new(
            "supply.csv with the header sku,location,units,eta",
            "表头为 sku,location,units,eta 的 supply.csv",
        ),
        |facts| match facts {
            ReportFacts::Upstream(stock) => Ok(stock),
            other => Err(other),
        },
    )
}

pub(super) fn read_costs(path: &Path) -> Result<Vec<SkuCost>, ImportError> {
    read_workspace_file(
        path,
        Words::new(
            "costs.csv with the header sku,unit_cost,fba_fee,referral_rate",
            "表头为 sku,unit_cost,fba_fee,referral_rate 的 costs.csv",
        ),
        |facts| match facts {
            ReportFacts::Costs(costs) => Ok(costs),
            other => Err(other),
        },
    )
}

/// A workspace file of one kind (`costs.csv`, `supply.csv`): its facts, or
/// an error naming what was `expected` and what the file is.
pub(super) fn read_workspace_file<T>(
    path: &Path,
    expected: Words,
    take: impl FnOnce(ReportFacts) -> Result<T, ReportFacts>,
) -> Result<T, ImportError> {
    take(read_report(path, None)?.facts).map_err(|other| {
        ImportError::file(
            path,
            Said::both(
                format!("expected {}, found a {}", expected.en, other.kind().title()),
                format!("应为{}，实际是 {}", expected.zh, other.kind().title()),
            ),
        )
    })
}
