//! One older week's contribution to the trend lines: the account's figures
//! and each SKU's trend figures, keyed by SKU so that it can be computed
//! before (and apart from) the review it joins. Keys share one string.
//! Pure: std only.

use super::facts::SkuCost;
use super::kpi::compute_week_with;
use super::metric::MetricValues;
use super::review::{TREND_METRICS, day_units, trend_of};
use super::week::IsoWeek;
use super::week_data::WeekData;

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
