//! What a rule looks at — one row (a SKU or the account), its figures, the
//! settings and the SKU's costs — and how a rule words and prices what it finds.

use crate::domain::anomaly::Anomaly;
use crate::domain::facts::SkuCost;
use crate::domain::format::value;
use crate::domain::judgement::Status;
use crate::domain::metric::Metric;
use crate::domain::money::Money;
use crate::domain::replenishment::AT_STAKE_DAYS;
use crate::domain::review::{Figures, MetricCell, Review, SkuRow};
use crate::domain::rule_book::Rule;
use crate::domain::settings::{Language, Settings};
use crate::domain::words::Said;

/// What a rule looks at: one row (a SKU or the account) and the settings.
pub(super) struct Subject<'a> {
    pub(super) row: Option<&'a SkuRow>,
    pub(super) figures: &'a Figures,
    pub(super) settings: &'a Settings,
    pub(super) currency: &'a str,
    /// The SKU's costs, when `costs.csv` gives them.
    pub(super) cost: Option<&'a SkuCost>,
}

/// Weeks in the four weeks money at stake is counted over.
pub(super) const AT_STAKE_WEEKS: f64 = AT_STAKE_DAYS / 7.0;

impl<'a> Subject<'a> {
    /// A SKU row of the review as a rule sees it.
    pub(super) fn of_row(
        row: &'a SkuRow,
        review: &'a Review,
        settings: &'a Settings,
        cost: Option<&'a SkuCost>,
    ) -> Self {
        Subject {
            row: Some(row),
            figures: &row.figures,
            settings,
            currency: &review.currency,
            cost,
        }
    }

    pub(super) fn cell(&self, metric: Metric) -> MetricCell {
        self.figures.cell(metric, self.settings)
    }

    pub(super) fn now(&self, metric: Metric) -> Option<f64> {
        self.figures.current.get(metric)
    }

    pub(super) fn before(&self, metric: Metric) -> Option<f64> {
        self.figures.previous.get(metric)
    }

    /// Average selling price this week (or last week when nothing sold).
    pub(super) fn price(&self) -> f64 {
        let price = |values: &crate::domain::metric::MetricValues| {
            crate::domain::metric::ratio(values.get(Metric::Sales), values.get(Metric::Units))
        };
        price(&self.figures.current)
            .or_else(|| price(&self.figures.previous))
            .unwrap_or(0.0)
    }

    /// Gross profit of one unit sold at `price()`: price less unit cost, FBA
    /// fee and referral fee; the price itself where costs are unknown.
    pub(super) fn unit_margin(&self) -> f64 {
        let price = self.price();
        match self.cost {
            Some(cost) => {
                (price - (cost.unit_cost + cost.fba_fee).to_f64() - price * cost.referral_rate)
                    .max(0.0)
            }
            None => price,
        }
    }

    /// Gross profit of `values` (a week's), or its sales where costs are unknown.
    pub(super) fn profit_or_sales(values: &crate::domain::metric::MetricValues) -> f64 {
        values
            .get(Metric::GrossProfit)
            .or_else(|| values.get(Metric::Sales))
            .unwrap_or(0.0)
    }

    pub(super) fn show(&self, metric: Metric, figure: f64) -> String {
        value(metric, figure, self.currency)
    }

    pub(super) fn anomaly(
        &self,
        rule: Rule,
        severity: Status,
        metric: Metric,
        message: Said,
        at_stake: f64,
    ) -> Anomaly {
        Anomaly {
            rule,
            severity,
            sku: self
                .row
                .map(|r| r.sku.clone().unwrap_or_else(|| r.key.clone())),
            asin: self.row.map(|r| r.asin.clone()),
            title: self.row.map(|r| r.title.clone()),
            metric,
            value: self.now(metric),
            previous: self.before(metric),
            message,
            evidence: Vec::new(),
            // Rounded to the cent once, here: the screen, the mail and every export agree.
            at_stake: Money::from_units_f64(at_stake.max(0.0)).to_f64(),
        }
    }

    /// Fires `rule` when `metric` misses its target.
    pub(super) fn off_target(
        &self,
        rule: Rule,
        metric: Metric,
        at_stake: impl Fn(f64, f64) -> f64,
    ) -> Option<Anomaly> {
        let cell = self.cell(metric);
        let (Some(now), Some(target)) = (cell.value, cell.target) else {
            return None;
        };
        if !matches!(cell.status, Status::Watch | Status::Breach) {
            return None;
        }
        let (shown, goal) = (self.show(metric, now), self.show(metric, target.headline()));
        let message = Said::new(
            format!("{} is {shown} against a target of {goal}", metric.label()),
            format!(
                "{}为 {shown}，目标 {goal}",
                metric.label_in(Language::Chinese)
            ),
        );
        Some(self.anomaly(
            rule,
            cell.status,
            metric,
            message,
            at_stake(now, target.headline()),
        ))
    }
}

/// A threshold count as a float; thresholds are small, far from 2^52.
#[allow(clippy::cast_precision_loss)]
pub(super) fn as_f64(count: i64) -> f64 {
    count as f64
}
