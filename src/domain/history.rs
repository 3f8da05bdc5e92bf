//! One older week's contribution to the trend lines: the account's figures
//! and each SKU's trend figures, keyed by SKU so that it can be computed
//! before (and apart from) the review it joins, and which metrics a trend
//! line keeps. Keys share one string.
//! Pure: std only.

use super::facts::SkuCost;
use super::kpi::compute_week_with;
use super::metric::{Metric, MetricValues};
use super::week::IsoWeek;
use super::week_data::WeekData;

/// The metrics kept as 13-week series, for trend lines and trailing averages.
pub const TREND_METRICS: [Metric; 15] = [
    Metric::Sales,
    Metric::Units,
    Metric::AvailableUnits,
    Metric::Sessions,
    Metric::Conversion,
    Metric::Acos,
    Metric::Tacos,
    Metric::ReturnedUnits,
    Metric::ReturnRate,
    Metric::DaysOfSupply,
    Metric::Bsr,
    Metric::BuyBox,
    Metric::AdSpend,
    Metric::Ctr,
    Metric::Aged181PlusUnits,
];

/// The trend figures of one SKU for one week.
pub type TrendFigures = [f32; TREND_METRICS.len()];

/// An older week's trend figures, by SKU key.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryWeek {
    pub week: IsoWeek,
    pub account: MetricValues,
    /// The account's units day by day, when the week has a Business Report by Date.
    pub days: Vec<(chrono::NaiveDate, f64)>,
    /// Every key, one after the other; `ends[i]` is where key `i` ends.
    keys: String,
    ends: Vec<usize>,
    trends: Vec<TrendFigures>,
}

impl HistoryWeek {
    /// Each SKU's key with its trend figures, in the order the week named them.
    pub fn rows(&self) -> impl Iterator<Item = (&str, &TrendFigures)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.keys[start..end])
            .zip(&self.trends)
    }
}

/// The trend figures of `data`. Turnover, the one figure that needs the week
/// before, is not a trend figure, so no other week is needed.
pub fn history_of(data: &WeekData, costs: &[SkuCost]) -> HistoryWeek {
    let expected = data.sku_count_hint();
    let mut keys = String::with_capacity(expected * 16);
    let mut ends = Vec::with_capacity(expected);
    let mut trends = Vec::with_capacity(expected);
    let account = compute_week_with(data, None, costs, |identity, values| {
        keys.push_str(identity.key);
        ends.push(keys.len());
        trends.push(trend_of(values));
    })
    .account;
    HistoryWeek {
        week: data.week,
        account,
        days: day_units(data),
        keys,
        ends,
        trends,
    }
}

/// The account's units day by day, from the week's Business Report by Date.
pub(super) fn day_units(data: &WeekData) -> Vec<(chrono::NaiveDate, f64)> {
    #[allow(clippy::cast_precision_loss)] // unit counts
    data.days
        .iter()
        .flatten()
        .map(|day| (day.date, day.units as f64))
        .collect()
}

/// The trend metrics of `values`, as stored in the series.
#[allow(clippy::cast_possible_truncation)]
pub(super) fn trend_of(values: &MetricValues) -> TrendFigures {
    TREND_METRICS.map(|m| values.get(m).map_or(f32::NAN, |v| v as f32))
}
