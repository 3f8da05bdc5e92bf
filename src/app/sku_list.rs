//! Which SKUs the review table shows and in what order: sort column and
//! direction, a text filter (SKU, ASIN or title, any script) and "problems
//! only". Computed once per change, not per frame.

use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::review::SkuRow;
use crate::domain::settings::Settings;

/// The SKU table's figure columns, most important first: a narrower
/// screen drops them from the end.
pub const TABLE_COLUMNS: [Metric; 9] = [
    Metric::Sales,
    Metric::Conversion,
    Metric::Acos,
    Metric::DaysOfSupply,
    Metric::ReturnRate,
    Metric::Units,
    Metric::Tacos,
    Metric::Sessions,
    Metric::Bsr,
];

/// Columns one figure takes in the SKU table.
pub const FIGURE_WIDTH: u16 = 12;

/// Columns the marker, the SKU and the shortest title take.
const FIXED_WIDTH: u16 = 2 + 16 + 12;

/// The figure columns a table `width` columns wide shows.
pub fn shown_columns(width: u16) -> &'static [Metric] {
    let room = width.saturating_sub(FIXED_WIDTH) / (FIGURE_WIDTH + 1);
    &TABLE_COLUMNS[..usize::from(room).min(TABLE_COLUMNS.len())]
}

/// What the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// Worst status first, then sales.
    Problems,
    Metric(Metric),
    Sku,
}

/// The table's sort and filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOptions {
    pub sort: SortColumn,
    pub descending: bool,
    pub filter: String,
    pub problems_only: bool,
}

impl Default for ListOptions {
    fn default() -> Self {
        Self {
            sort: SortColumn::Problems,
            descending: true,
            filter: String::new(),
            problems_only: false,
        }
    }
}

impl ListOptions {
    /// Sorts by the next column a table `width` columns wide shows
    /// (problems, its figures in order, the SKU), largest first.
    pub fn cycle_sort(&mut self, width: u16) {
        let columns: Vec<SortColumn> = std::iter::once(SortColumn::Problems)
            .chain(shown_columns(width).iter().map(|m| SortColumn::Metric(*m)))
            .chain(std::iter::once(SortColumn::Sku))
            .collect();
        let at = columns.iter().position(|c| *c == self.sort);
        self.sort = columns[at.map_or(0, |at| (at + 1) % columns.len())];
        self.descending = self.sort != SortColumn::Sku;
    }

    /// Reverses the sort.
    pub fn reverse_sort(&mut self) {
        self.descending = !self.descending;
    }
}

/// The worst status of a row's judged metrics.
pub fn worst_status(row: &SkuRow, settings: &Settings) -> Status {
    Metric::ALL
        .iter()
        .map(|m| row.figures.cell(*m, settings).status)
        .max()
        .unwrap_or(Status::None)
}

/// Indices into `rows` of the rows to show, in order. `flagged` marks rows
/// with an anomaly (they count as problems).
pub fn visible_rows(
    rows: &[SkuRow],
    flagged: &[bool],
    options: &ListOptions,
    settings: &Settings,
) -> Vec<usize> {
    let needle = options.filter.to_lowercase();
    let mut keep: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            let row = &rows[i];
            let matches = needle.is_empty()
                || row.key.to_lowercase().contains(&needle)
                || row.asin.to_lowercase().contains(&needle)
                || row.title.to_lowercase().contains(&needle);
            matches && (!options.problems_only || flagged.get(i).copied().unwrap_or(false))
        })
        .collect();
    let sales = |i: usize| rows[i].figures.current.get(Metric::Sales).unwrap_or(0.0);
    match options.sort {
        SortColumn::Problems => {
            let rank: Vec<(bool, Status)> = rows
                .iter()
                .zip(flagged)
                .map(|(r, f)| (*f, worst_status(r, settings)))
                .collect();
            keep.sort_by(|&a, &b| {
                rank[a]
                    .cmp(&rank[b])
                    .then_with(|| sales(a).total_cmp(&sales(b)))
            });
        }
        SortColumn::Metric(metric) => {
            // A missing value sorts below every value.
            let value = |i: usize| rows[i].figures.current.get(metric);
            keep.sort_by(|&a, &b| match (value(a), value(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Greater,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        SortColumn::Sku => keep.sort_by(|&a, &b| rows[a].key.cmp(&rows[b].key)),
    }
    if options.descending {
        keep.reverse();
    }
    keep
}
