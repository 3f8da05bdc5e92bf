//! The diagnosis rules, one function each: when a rule fires, on what
//! evidence, how severe, and how much money is at stake — the money the
//! team stands to lose over the next four weeks if nothing is done: lost
//! gross profit (sales where costs are unknown) for sales problems, the fee
//! or the spend for cost problems, never the retail value of stock.
//! Pure: std only.

mod rating;
mod returns;
mod sales;
mod stock;
mod subject;

use super::anomaly::Anomaly;
use super::facts::{ReturnLine, SkuCost};
use super::metric::Metric;
use super::replenishment::SupplyLine;
use super::review::{Review, SkuRow};
use super::rule_book::Rule;
use super::settings::Settings;

pub use rating::rating_drop;
use returns::return_spike;
use sales::{ad_spend_spike, bsr_worsening, conversion_drop, listing_inactive, low_ctr};
use stock::{aged_inventory, inventory_unaccounted, stockout_during_event, stockout_risk};
use subject::{AT_STAKE_WEEKS, Subject};

/// Rules about the whole account.
pub fn account_rules(review: &Review, settings: &Settings) -> Vec<Anomaly> {
    let subject = Subject {
        row: None,
        figures: &review.account,
        settings,
        currency: &review.currency,
        cost: None,
    };
    let sales = subject.now(Metric::Sales).unwrap_or(0.0);
    let profit = Subject::profit_or_sales(&review.account.current);
    [
        // The spend beyond the band, or the ad-driven sales below it, for four weeks.
        subject.off_target(Rule::AdShareOutOfBand, Metric::Tacos, |now, _| {
            let t = &settings.targets;
            let edge = if now > t.ad_share_max {
                t.ad_share_max
            } else {
                t.ad_share_min
            };
            (now - edge).abs() * sales * AT_STAKE_WEEKS
        }),
        // The whole account's gross profit is at stake when its health slips.
        subject.off_target(Rule::OdrOverTarget, Metric::Odr, |_, _| {
            profit * AT_STAKE_WEEKS
        }),
        // Storage limits and fees below the threshold: 5 % of the gross profit.
        subject.off_target(Rule::IpiBelowThreshold, Metric::Ipi, |_, _| {
            profit * 0.05 * AT_STAKE_WEEKS
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Rules about one SKU's own figures (the supply plan's are `pool_rules`).
pub fn sku_rules(
    row: &SkuRow,
    review: &Review,
    returns: Option<&[ReturnLine]>,
    settings: &Settings,
    cost: Option<&SkuCost>,
) -> Vec<Anomaly> {
    let subject = Subject::of_row(row, review, settings, cost);
    let sales = subject.now(Metric::Sales).unwrap_or(0.0);
    let units = subject.now(Metric::Units).unwrap_or(0.0);
    let mut fired = vec![
        conversion_drop(&subject),
        ad_spend_spike(&subject),
        // The spend beyond what the target ACoS allows, for four weeks.
        subject.off_target(Rule::AcosOverTarget, Metric::Acos, |now, target| {
            // Spend that sold nothing is all beyond the target.
            if now.is_infinite() {
                return subject.now(Metric::AdSpend).unwrap_or(0.0) * AT_STAKE_WEEKS;
            }
            subject.now(Metric::AdSales).unwrap_or(0.0) * (now - target) * AT_STAKE_WEEKS
        }),
        low_ctr(&subject),
        return_spike(&subject, returns),
        aged_inventory(&subject),
        listing_inactive(&subject),
        inventory_unaccounted(&subject),
        // The units the missing share of the Buy Box would have sold, for four weeks.
        subject.off_target(Rule::BuyBoxLoss, Metric::BuyBox, |now, target| {
            let lost = if now > 0.0 {
                units * (target - now) / now
            } else {
                0.0
            };
            lost * subject.unit_margin() * AT_STAKE_WEEKS
        }),
        // The gross profit below the target margin, for four weeks.
        subject.off_target(
            Rule::MarginBelowTarget,
            Metric::GrossMargin,
            |now, target| sales * (target - now) * AT_STAKE_WEEKS,
        ),
        bsr_worsening(&subject),
    ];
    fired.retain(Option::is_some);
    fired.into_iter().flatten().collect()
}

/// Rules about a stock pool, on the row of the SKU it orders as.
pub fn pool_rules(
    row: &SkuRow,
    line: &SupplyLine,
    review: &Review,
    settings: &Settings,
    cost: Option<&SkuCost>,
) -> Vec<Anomaly> {
    let subject = Subject::of_row(row, review, settings, cost);
    [
        stockout_risk(&subject, line),
        stockout_during_event(&subject, line),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
