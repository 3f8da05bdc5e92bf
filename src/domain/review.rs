//! The week under review: every SKU's KPIs this week and last, judged
//! against targets, with a 13-week trend. Built from the weeks' facts.
//! Pure: std only.

use super::action::{ActionItem, KpiMove, same_sku};
use super::facts::SkuCost;
use super::history::{HistoryWeek, TREND_METRICS, TrendFigures, day_units, history_of, trend_of};
use super::judgement::{Status, Target, target_of};
use super::kpi::{SkuIdentity, compute_week_with};
use super::lookup::OrderedLookup;
use super::metric::{Metric, MetricValues};
use super::settings::Settings;
use super::stock::{StockDetail, stock_details};
use super::week::IsoWeek;
use super::week_data::WeekData;

/// Weeks of history kept for trend lines.
pub const TREND_WEEKS: usize = 13;

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
    /// The days of supply the row needs: its pool's lead time, once planned.
    pub lead_time_target: Option<f64>,
    /// `TREND_WEEKS` weeks (oldest first) of `TREND_METRICS.len()` values; NaN is missing.
    trend: Vec<f32>,
}

impl Figures {
    fn new(current: MetricValues, conversion_target: f64) -> Self {
        Self {
            current,
            previous: MetricValues::default(),
            conversion_target,
            lead_time_target: None,
            trend: vec![f32::NAN; TREND_METRICS.len() * TREND_WEEKS],
        }
    }

    /// `metric` judged against its target, with last week's value and the change.
    pub fn cell(&self, metric: Metric, settings: &Settings) -> MetricCell {
        let value = self.current.get(metric);
        let previous = self.previous.get(metric);
        let target = match (metric, self.lead_time_target) {
            (Metric::DaysOfSupply, Some(days)) => Some(Target::AtLeast(days)),
            _ => target_of(metric, &settings.targets, self.conversion_target),
        };
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
        TREND_METRICS.contains(&metric).then(|| {
            (0..TREND_WEEKS)
                .map(|week| self.trend_value(metric, week))
                .collect()
        })
    }

    /// A trend metric's value in week `week` of the series (0 is the oldest).
    pub fn trend_value(&self, metric: Metric, week: usize) -> Option<f64> {
        let slot = TREND_METRICS.iter().position(|m| *m == metric)?;
        let value = *self.trend.get(week * TREND_METRICS.len() + slot)?;
        (!value.is_nan()).then_some(f64::from(value))
    }

    /// Sets this week's `metric`, in the figures and the series alike.
    pub fn set_latest(&mut self, metric: Metric, value: Option<f64>) {
        self.current.set(metric, value);
        if let Some(slot) = TREND_METRICS.iter().position(|m| *m == metric) {
            #[allow(clippy::cast_possible_truncation)] // a trend figure
            let stored = value.map_or(f32::NAN, |v| v as f32);
            self.trend[(TREND_WEEKS - 1) * TREND_METRICS.len() + slot] = stored;
        }
    }

    fn record(&mut self, week: usize, values: &MetricValues) {
        self.trend_at(week, &trend_of(values));
    }

    fn trend_at(&mut self, week: usize, trend: &TrendFigures) {
        let width = TREND_METRICS.len();
        self.trend[week * width..(week + 1) * width].copy_from_slice(trend);
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
    /// This week's stock detail, when an inventory report names the SKU.
    pub stock: Option<StockDetail>,
    /// Last week's.
    pub stock_before: Option<StockDetail>,
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
    /// The marketplaces the week merges (its folder's subfolders); empty for a plain folder.
    pub marketplaces: Vec<String>,
    /// The account's sales day by day, from a Business Report by Date in the week folder.
    pub daily_sales: Vec<(chrono::NaiveDate, f64)>,
    /// The account's units day by day over the trend weeks that have a
    /// Business Report by Date, oldest first.
    pub daily_units: Vec<(chrono::NaiveDate, f64)>,
    /// The days after a click the week's ads reports attribute sales to (7 or 14).
    pub ad_attribution_days: Option<u8>,
    /// How many SKUs the week's other reports name that its sales report
    /// leaves out (counted as having sold nothing).
    pub absent_from_sales: usize,
    pub account: Figures,
    pub skus: Vec<SkuRow>,
}

impl Review {
    /// The review of `week` before its reports are read: no figures, no SKUs.
    pub fn unread(week: IsoWeek, currency: &str) -> Self {
        Self {
            week,
            previous_week: None,
            trend_weeks: Vec::new(),
            currency: currency.to_owned(),
            marketplaces: Vec::new(),
            daily_sales: Vec::new(),
            daily_units: Vec::new(),
            ad_attribution_days: None,
            absent_from_sales: 0,
            account: Figures::new(MetricValues::default(), 0.0),
            skus: Vec::new(),
        }
    }

    /// The marketplace of a SKU row's key: the `DE:` of `DE:HK-1`, or the
    /// week's only marketplace.
    pub fn marketplace_of<'a>(&'a self, key: &str) -> Option<&'a str> {
        match super::marketplace::split_key(key) {
            (Some(code), _) => Some(code),
            (None, _) if self.marketplaces.len() == 1 => {
                self.marketplaces.first().map(String::as_str)
            }
            (None, _) => None,
        }
    }
}

impl Review {
    /// Whether `metric` of `sku` moved the right way since the week `since`
    /// (when an action meant to move it was created): `None` without figures.
    /// Whether the KPI `action` should move has moved the right way since
    /// the meeting that created it (which reviewed the week before its own).
    pub fn action_progress(&self, action: &ActionItem) -> Option<KpiMove> {
        let kpi = Metric::from_name(action.kpi.as_deref()?)?;
        let since = IsoWeek::containing(action.created?.date_naive()).previous();
        self.kpi_move(action.sku.as_deref()?, kpi, since)
    }

    /// How `metric` of `sku` moved from `since` to the reviewed week; `None`
    /// when either week has no figure.
    pub fn kpi_move(&self, sku: &str, metric: Metric, since: IsoWeek) -> Option<KpiMove> {
        let row = self.skus.iter().find(|r| {
            r.sku.as_deref().is_some_and(|s| same_sku(s, sku))
                || same_sku(&r.key, sku)
                || r.asin == sku
        })?;
        let series = row.figures.series(metric)?;
        let slot = self.trend_weeks.iter().position(|w| *w == since)?;
        let (then, now) = (series[slot]?, (*series.last()?)?);
        Some(match metric.change_is_good(now - then) {
            Some(true) => KpiMove::Right,
            Some(false) => KpiMove::Wrong,
            None => KpiMove::Unchanged,
        })
    }
}

/// Builds the review of the last of `weeks` (oldest first; gaps allowed),
/// every week in memory. `begin_review`, `history_of` and `Review::extend`
/// do the same a week at a time, for callers that read weeks as they go.
pub fn build_review(weeks: &[WeekData], costs: &[SkuCost], settings: &Settings) -> Option<Review> {
    let current = weeks.last()?;
    let find = |w: IsoWeek| weeks.iter().find(|d| d.week == w);
    let previous = find(current.week.previous());
    let before_week = current.week.previous().previous();
    let mut review = begin_review(current, previous, find(before_week), costs, settings);
    for older in weeks.iter().filter(|d| d.week < before_week) {
        review.extend(&history_of(older, costs));
    }
    Some(review)
}

/// The review of `current`, with last week (`previous`, itself compared with
/// `before`) for changes and `before` in the trends; older weeks join the
/// trends through `history_of`.
pub fn begin_review(
    current: &WeekData,
    previous: Option<&WeekData>,
    before: Option<&WeekData>,
    costs: &[SkuCost],
    settings: &Settings,
) -> Review {
    let week = current.week;
    let mut skus = Vec::with_capacity(current.sku_count_hint());
    let now = compute_week_with(current, previous, costs, |identity, values| {
        let mut row = sku_row(&identity, values, settings);
        row.figures.record(TREND_WEEKS - 1, values);
        skus.push(row);
    });
    let mut details = stock_details(current);
    for row in &mut skus {
        row.stock = details.remove(row.key.as_str());
    }
    let mut account = Figures::new(now.account.clone(), settings.targets.conversion);
    account.record(TREND_WEEKS - 1, &now.account);
    let trend_weeks = trend_weeks_ending(week);
    let mut review = Review {
        week,
        previous_week: previous.map(|d| d.week),
        trend_weeks,
        currency: current
            .currency
            .clone()
            .unwrap_or_else(|| settings.currency.clone()),
        marketplaces: current.marketplaces.clone(),
        ad_attribution_days: current.ad_attribution_days,
        daily_sales: {
            let mut days: Vec<(chrono::NaiveDate, f64)> = current
                .days
                .iter()
                .flatten()
                .map(|day| (day.date, day.sales.to_f64()))
                .collect();
            days.sort_by_key(|(date, _)| *date);
            days
        },
        daily_units: Vec::new(),
        absent_from_sales: now.absent_from_sales,
        account,
        skus,
    };
    if let Some(previous) = previous {
        let mut full = Vec::with_capacity(review.skus.len());
        let last_week = compute_week_with(previous, before, costs, |identity, values| {
            full.push((identity.key, values.clone()));
        })
        .account;
        let rows = review.rows_of(full.iter().map(|(key, _)| *key));
        for (row, (_, values)) in rows.into_iter().zip(full) {
            if let Some(row) = row {
                review.skus[row].figures.record(TREND_WEEKS - 2, &values);
                review.skus[row].figures.previous = values;
            }
        }
        review.account.record(TREND_WEEKS - 2, &last_week);
        review.account.previous = last_week;
        let mut before = stock_details(previous);
        for row in &mut review.skus {
            row.stock_before = before.remove(row.key.as_str());
        }
    }
    for week in [Some(current), previous].into_iter().flatten() {
        review.add_days(&day_units(week));
    }
    if let Some(before) = before {
        review.extend(&history_of(before, costs));
    }
    review
}

/// The `TREND_WEEKS` weeks that end with `week`, oldest first.
pub fn trend_weeks_ending(week: IsoWeek) -> Vec<IsoWeek> {
    let mut weeks: Vec<IsoWeek> = std::iter::successors(Some(week), |w| Some(w.previous()))
        .take(TREND_WEEKS)
        .collect();
    weeks.reverse();
    weeks
}

impl Review {
    /// Adds an older week's figures to the trends (nothing for a week outside them).
    pub fn extend(&mut self, week: &HistoryWeek) {
        let Some(slot) = self.trend_weeks.iter().position(|w| *w == week.week) else {
            return;
        };
        self.account.record(slot, &week.account);
        self.add_days(&week.days);
        let rows = self.rows_of(week.rows().map(|(key, _)| key));
        for (row, (_, trend)) in rows.into_iter().zip(week.rows()) {
            if let Some(row) = row {
                self.skus[row].figures.trend_at(slot, trend);
            }
        }
    }

    /// Adds an account's days to `daily_units`, keeping them in date order.
    fn add_days(&mut self, days: &[(chrono::NaiveDate, f64)]) {
        if days.is_empty() {
            return;
        }
        self.daily_units.extend_from_slice(days);
        self.daily_units.sort_by_key(|(date, _)| *date);
        self.daily_units.dedup_by_key(|(date, _)| *date);
    }

    /// The row of each of `keys` (`None` for a SKU not in this week); weeks
    /// list their SKUs in much the same order.
    fn rows_of<'k>(&self, keys: impl Iterator<Item = &'k str>) -> Vec<Option<usize>> {
        let mut rows = OrderedLookup::new(&self.skus, |row| row.key.as_str());
        keys.map(|key| rows.find(key)).collect()
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
        stock: None,
        stock_before: None,
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
