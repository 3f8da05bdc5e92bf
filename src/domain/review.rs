//! The week under review: every SKU's KPIs this week and last, judged
//! against targets, with a 13-week trend. Built from the weeks' facts.
//! Pure: std only.

use rustc_hash::FxHashMap as HashMap;

use super::facts::SkuCost;
use super::judgement::{Status, Target, target_of};
use super::kpi::{SkuIdentity, WeekKpis, compute_week, compute_week_with};
use super::metric::{Metric, MetricValues};
use super::settings::Settings;
use super::week::IsoWeek;
use super::week_data::WeekData;

/// Weeks of history kept for trend lines.
pub const TREND_WEEKS: usize = 13;

/// The metrics kept as 13-week series, for trend lines and trailing averages.
pub const TREND_METRICS: [Metric; 10] = [
    Metric::Sales,
    Metric::Units,
    Metric::Sessions,
    Metric::Conversion,
    Metric::Acos,
    Metric::Tacos,
    Metric::ReturnedUnits,
    Metric::ReturnRate,
    Metric::DaysOfSupply,
    Metric::Bsr,
];

/// One metric of one row, judged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricCell {
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// Relative for amounts, in points for ratios (see `Metric::change`).
    pub change: Option<f64>,
    pub target: Option<Target>,
    pub status: Status,
}

/// A row's figures this week and the week before, and its series.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub current: MetricValues,
    pub previous: MetricValues,
    /// The conversion target that applies (the category mean).
    pub conversion_target: f64,
    /// `TREND_METRICS.len()` series of `TREND_WEEKS` values, oldest first; NaN is missing.
    trend: Vec<f32>,
}

impl Figures {
    fn new(current: MetricValues, conversion_target: f64) -> Self {
        Self {
            current,
            previous: MetricValues::default(),
            conversion_target,
            trend: vec![f32::NAN; TREND_METRICS.len() * TREND_WEEKS],
        }
    }

    /// `metric` judged against its target, with last week's value and the change.
    pub fn cell(&self, metric: Metric, settings: &Settings) -> MetricCell {
        let value = self.current.get(metric);
        let previous = self.previous.get(metric);
        let target = target_of(metric, &settings.targets, self.conversion_target);
        MetricCell {
            value,
            previous,
            change: metric.change(value, previous),
            target,
            status: match (target, value) {
                (Some(target), Some(value)) => target.judge(value),
                _ => Status::None,
            },
        }
    }

    /// The 13-week series of a trend metric (oldest first), or `None` for other metrics.
    pub fn series(&self, metric: Metric) -> Option<Vec<Option<f64>>> {
        let slot = TREND_METRICS.iter().position(|m| *m == metric)?;
        let values = &self.trend[slot * TREND_WEEKS..(slot + 1) * TREND_WEEKS];
        Some(
            values
                .iter()
                .map(|v| (!v.is_nan()).then_some(f64::from(*v)))
                .collect(),
        )
    }

    fn record(&mut self, week: usize, values: &MetricValues) {
        self.trend_at(week, &trend_of(values));
    }

    fn trend_at(&mut self, week: usize, trend: &[f32; TREND_METRICS.len()]) {
        for (slot, value) in trend.iter().enumerate() {
            self.trend[slot * TREND_WEEKS + week] = *value;
        }
    }
}

/// One SKU of the review (a child ASIN when the Business Report has no SKUs).
#[derive(Debug, Clone, PartialEq)]
pub struct SkuRow {
    pub key: String,
    pub sku: Option<String>,
    pub asin: String,
    pub parent_asin: String,
    pub title: String,
    pub category: Option<String>,
    pub figures: Figures,
}

/// The week under review.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub week: IsoWeek,
    /// The week before, when its folder exists.
    pub previous_week: Option<IsoWeek>,
    /// The weeks of the trend series, oldest first (`TREND_WEEKS` of them, some maybe absent).
    pub trend_weeks: Vec<IsoWeek>,
    pub currency: String,
    pub account: Figures,
    pub skus: Vec<SkuRow>,
}

impl Review {
    /// Whether `metric` of `sku` moved the right way since the week `since`
    /// (when an action meant to move it was created): `None` without figures.
    pub fn moved_right_way(&self, sku: &str, metric: Metric, since: IsoWeek) -> Option<bool> {
        let row = self
            .skus
            .iter()
            .find(|r| r.sku.as_deref() == Some(sku) || r.asin == sku)?;
        let series = row.figures.series(metric)?;
        let slot = self.trend_weeks.iter().position(|w| *w == since)?;
        let (then, now) = (series[slot]?, (*series.last()?)?);
        metric.change_is_good(now - then)
    }
}

/// Builds the review of the last of `weeks` (oldest first; gaps allowed).
pub fn build_review(weeks: &[WeekData], costs: &[SkuCost], settings: &Settings) -> Option<Review> {
    let current_data = weeks.last()?;
    let week = current_data.week;
    let find = |w: IsoWeek| weeks.iter().find(|d| d.week == w);
    let current = kpis_of(current_data, weeks, costs);
    let mut skus: Vec<SkuRow> = current
        .skus
        .iter()
        .map(|s| sku_row(&s.identity, &s.values, settings))
        .collect();
    let mut account = Figures::new(current.account.clone(), settings.targets.conversion);
    let index: HashMap<&str, usize> = current
        .skus
        .iter()
        .enumerate()
        .map(|(i, s)| (s.identity.key, i))
        .collect();
    let trend_weeks: Vec<IsoWeek> = (0..TREND_WEEKS)
        .scan(week, |w, _| {
            let this = *w;
            *w = w.previous();
            Some(this)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let history: Vec<(usize, &WeekData)> = trend_weeks
        .iter()
        .enumerate()
        .filter_map(|(slot, w)| find(*w).map(|data| (slot, data)))
        .collect();
    for (slot, data) in &history {
        if data.week == week {
            record_current(&mut account, &mut skus, *slot, &current);
        }
    }
    let older: Vec<(usize, &WeekData)> = history
        .into_iter()
        .filter(|(_, d)| d.week != week)
        .collect();
    for result in history_in_parallel(&older, weeks, costs, &index, week.previous()) {
        account.record(result.slot, &result.account);
        for (row, trend) in &result.rows {
            skus[*row].figures.trend_at(result.slot, trend);
        }
        if let Some(previous) = result.previous {
            account.previous = result.account;
            for (row, values) in previous {
                skus[row].figures.previous = values;
            }
        }
    }
    Some(Review {
        week,
        previous_week: find(week.previous()).map(|d| d.week),
        trend_weeks,
        currency: current_data
            .currency
            .clone()
            .unwrap_or_else(|| settings.currency.clone()),
        account,
        skus,
    })
}

/// The KPIs of `data`, with the week before it (when present) for turnover.
fn kpis_of<'a>(data: &'a WeekData, weeks: &[WeekData], costs: &'a [SkuCost]) -> WeekKpis<'a> {
    let previous = weeks.iter().find(|d| d.week == data.week.previous());
    compute_week(data, previous, costs)
}

/// One older week's contribution: the account, each current SKU's trend
/// figures, and — for the week before — every SKU's full figures.
struct HistoryWeek {
    slot: usize,
    account: MetricValues,
    rows: Vec<(usize, [f32; TREND_METRICS.len()])>,
    previous: Option<Vec<(usize, MetricValues)>>,
}

/// Computes the older weeks on two threads: each week's KPIs are independent.
fn history_in_parallel(
    older: &[(usize, &WeekData)],
    weeks: &[WeekData],
    costs: &[SkuCost],
    index: &HashMap<&str, usize>,
    previous_week: IsoWeek,
) -> Vec<HistoryWeek> {
    let compute = |(slot, data): &(usize, &WeekData)| {
        let previous = weeks.iter().find(|d| d.week == data.week.previous());
        let is_previous = data.week == previous_week;
        let mut rows = Vec::with_capacity(index.len());
        let mut full = Vec::new();
        let account = compute_week_with(data, previous, costs, |identity, values| {
            if let Some(&row) = index.get(identity.key) {
                rows.push((row, trend_of(values)));
                if is_previous {
                    full.push((row, values.clone()));
                }
            }
        });
        HistoryWeek {
            slot: *slot,
            account,
            rows,
            previous: is_previous.then_some(full),
        }
    };
    let (first, second) = older.split_at(older.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| first.iter().map(compute).collect::<Vec<_>>());
        let mut mine: Vec<HistoryWeek> = second.iter().map(compute).collect();
        let mut all = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        all.append(&mut mine);
        all
    })
}

#[allow(clippy::cast_possible_truncation)]
fn trend_of(values: &MetricValues) -> [f32; TREND_METRICS.len()] {
    TREND_METRICS.map(|m| values.get(m).map_or(f32::NAN, |v| v as f32))
}

fn record_current(account: &mut Figures, skus: &mut [SkuRow], slot: usize, current: &WeekKpis<'_>) {
    account.record(slot, &current.account);
    for (row, sku) in skus.iter_mut().zip(&current.skus) {
        row.figures.record(slot, &sku.values);
    }
}

fn sku_row(identity: &SkuIdentity<'_>, values: &MetricValues, settings: &Settings) -> SkuRow {
    let targets = &settings.targets;
    let conversion_target = identity
        .category
        .and_then(|c| targets.conversion_by_category.get(c).copied())
        .unwrap_or(targets.conversion);
    SkuRow {
        key: identity.key.to_owned(),
        sku: identity.sku.map(str::to_owned),
        asin: identity.asin.to_owned(),
        parent_asin: identity.parent_asin.to_owned(),
        title: identity.title.to_owned(),
        category: identity.category.map(str::to_owned),
        figures: Figures::new(values.clone(), conversion_target),
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
