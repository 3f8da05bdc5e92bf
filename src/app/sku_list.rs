//! Which SKUs the review table shows and in what order: sort column and
//! direction, a text filter (SKU, ASIN or title, any script) and "problems
//! only". Computed once per change, not per frame.

use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::review::SkuRow;
use crate::domain::settings::Settings;
use crate::domain::sku_table::BY_IMPORTANCE;

/// Columns one figure takes in the SKU table.
pub const FIGURE_WIDTH: u16 = 11;

/// Columns the SKU takes.
pub const SKU_WIDTH: u16 = 16;

/// The first columns, which the diagnosis talks about: they come before the title.
const DIAGNOSED_COLUMNS: usize = 5;

/// The narrowest title worth showing, and the width it keeps before more
/// figures are added.
const MIN_TITLE_WIDTH: u16 = 10;
const COMFORTABLE_TITLE_WIDTH: u16 = 20;

/// What the SKU table shows at a width: the figures the diagnosis talks
/// about first, then the title, then more figures while the title stays readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLayout {
    pub figures: &'static [Metric],
    pub title: bool,
    /// The columns the title takes when shown: what the others leave.
    pub title_width: usize,
}

/// The columns of a table `width` columns wide.
pub fn table_layout(width: u16) -> TableLayout {
    // The marker and the SKU, each with a space after it.
    let mut room = width.saturating_sub(1 + 1 + SKU_WIDTH + 1);
    let column = FIGURE_WIDTH + 1;
    let mut shown = usize::from(room / column).min(DIAGNOSED_COLUMNS);
    room -= column * u16::try_from(shown).unwrap_or(0);
    let title = shown == DIAGNOSED_COLUMNS && room > MIN_TITLE_WIDTH;
    if title {
        while shown < BY_IMPORTANCE.len() && room > column + COMFORTABLE_TITLE_WIDTH {
            shown += 1;
            room -= column;
        }
    }
    TableLayout {
        figures: &BY_IMPORTANCE[..shown],
        title,
        title_width: if title { usize::from(room) } else { 0 },
    }
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
    /// Only this marketplace's rows (`DE`), when the week merges several.
    pub marketplace: Option<String>,
}

impl Default for ListOptions {
    fn default() -> Self {
        Self {
            sort: SortColumn::Problems,
            descending: true,
            filter: String::new(),
            problems_only: false,
            marketplace: None,
        }
    }
}

impl ListOptions {
    /// Sorts by the next column a table `width` columns wide shows
    /// (problems, its figures in order, the SKU), largest first.
    pub fn cycle_sort(&mut self, width: u16) {
        let columns: Vec<SortColumn> = std::iter::once(SortColumn::Problems)
            .chain(
                table_layout(width)
                    .figures
                    .iter()
                    .map(|m| SortColumn::Metric(*m)),
            )
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

    /// Shows every marketplace, then each of `marketplaces` in turn.
    pub fn cycle_marketplace(&mut self, marketplaces: &[String]) {
        let at = self
            .marketplace
            .as_ref()
            .and_then(|m| marketplaces.iter().position(|known| known == m));
        self.marketplace = match at {
            None => marketplaces.first().cloned(),
            Some(at) => marketplaces.get(at + 1).cloned(),
        };
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
            let in_marketplace = options
                .marketplace
                .as_deref()
                .is_none_or(|code| crate::domain::marketplace::split_key(&row.key).0 == Some(code));
            matches
                && in_marketplace
                && (!options.problems_only || flagged.get(i).copied().unwrap_or(false))
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
            // Rows without the figure come last, whichever way the sort runs.
            let value = |i: usize| rows[i].figures.current.get(metric);
            let (mut with, without): (Vec<usize>, Vec<usize>) =
                keep.into_iter().partition(|&i| value(i).is_some());
            with.sort_by(|&a, &b| {
                let order = value(a).unwrap_or(0.0).total_cmp(&value(b).unwrap_or(0.0));
                if options.descending {
                    order.reverse()
                } else {
                    order
                }
            });
            with.extend(without);
            return with;
        }
        SortColumn::Sku => keep.sort_by(|&a, &b| rows[a].key.cmp(&rows[b].key)),
    }
    if options.descending {
        keep.reverse();
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marketplaces_cycle_from_all_through_each_and_back() {
        let marketplaces = ["US".to_owned(), "DE".to_owned()];
        let mut options = ListOptions::default();
        let mut seen = Vec::new();
        for _ in 0..3 {
            options.cycle_marketplace(&marketplaces);
            seen.push(options.marketplace.clone());
        }
        assert_eq!(seen, [Some("US".to_owned()), Some("DE".to_owned()), None]);
        options.cycle_marketplace(&[]);
        assert_eq!(
            options.marketplace, None,
            "one marketplace: nothing to cycle"
        );
    }

    #[test]
    fn the_diagnosed_figures_come_before_the_title_and_the_title_before_more_figures() {
        let at_80 = table_layout(80);
        assert_eq!(at_80.figures.len(), DIAGNOSED_COLUMNS, "{at_80:?}");
        assert!(at_80.figures.contains(&Metric::DaysOfSupply));
        assert!(at_80.figures.contains(&Metric::ReturnRate));
        assert!(!at_80.title, "the title goes first at 80 columns");
        let at_100 = table_layout(100);
        assert_eq!(at_100.figures.len(), DIAGNOSED_COLUMNS);
        assert!(at_100.title);
        let at_160 = table_layout(160);
        assert!(at_160.title && at_160.figures.len() > DIAGNOSED_COLUMNS);
        assert_eq!(table_layout(40).figures.len(), 1);
    }
}
