//! The diagnosis: rules that turn the review into anomalies, each with its
//! evidence and the first checks an experienced operator would make, ranked
//! by money at stake. No rule fires on a missing input. Pure: std only.

use std::fmt;

use super::facts::ReturnLine;
use super::judgement::Status;
use super::metric::Metric;
use super::review::Review;
use super::rules::{account_rules, sku_rules};
use super::settings::Settings;

/// How many weeks before the reviewed one the diagnosis looks at (for the
/// trailing return rate); older weeks only draw the trend lines.
pub const DIAGNOSIS_LOOKBACK: usize = 4;

/// A diagnosis rule. The names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    ConversionDrop,
    AdSpendSpike,
    AcosOverTarget,
    LowCtr,
    AdShareOutOfBand,
    ReturnSpike,
    StockoutRisk,
    AgedInventory,
    ListingInactive,
    BuyBoxLoss,
    MarginBelowTarget,
    OdrOverTarget,
    IpiBelowThreshold,
    BsrWorsening,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::ConversionDrop => "conversion_drop",
            Rule::AdSpendSpike => "ad_spend_spike",
            Rule::AcosOverTarget => "acos_over_target",
            Rule::LowCtr => "low_ctr",
            Rule::AdShareOutOfBand => "ad_share_out_of_band",
            Rule::ReturnSpike => "return_spike",
            Rule::StockoutRisk => "stockout_risk",
            Rule::AgedInventory => "aged_inventory",
            Rule::ListingInactive => "listing_inactive",
            Rule::BuyBoxLoss => "buy_box_loss",
            Rule::MarginBelowTarget => "margin_below_target",
            Rule::OdrOverTarget => "odr_over_target",
            Rule::IpiBelowThreshold => "ipi_below_threshold",
            Rule::BsrWorsening => "bsr_worsening",
        }
    }

    /// The first checks an experienced operator would make.
    pub fn checks(self) -> &'static [&'static str] {
        match self {
            Rule::ConversionDrop => &[
                "Check the review rating and new negative reviews",
                "Look for a competitor's price cut or coupon",
                "Check Buy Box ownership",
                "Check for a listing change (title, images, price, variations)",
            ],
            Rule::AdSpendSpike => &[
                "Verify the spend in Seller Central and the Ads console",
                "Look for invalid clicks and report them to Amazon",
                "Check automation rules and bid changes made this week",
            ],
            Rule::AcosOverTarget => &[
                "Lower bids on targets with a high ACoS",
                "Add negative keywords for search terms that spend without selling",
                "Check price and conversion before raising bids again",
            ],
            Rule::LowCtr => &[
                "Add negative keywords for irrelevant search terms",
                "Improve the main image and title for the placements shown",
                "Check the campaign is not winning only poor placements",
            ],
            Rule::AdShareOutOfBand => &[
                "Rebalance budgets between campaigns",
                "Above the band: cut unprofitable spend; below it: invest in proven keywords",
            ],
            Rule::ReturnSpike => &[
                "Read the top return reasons and customer comments",
                "Check the listing matches the product (size marks on the main image, dimensions in the title)",
                "Inspect returned units and the current batch for defects",
            ],
            Rule::StockoutRisk => &[
                "Replenish now (air freight for the gap if needed)",
                "Shift ad budget to a substitute SKU",
                "Raise the price a little to slow sales until stock arrives",
            ],
            Rule::AgedInventory => &[
                "Plan a removal order or a promotion (coupon, deal)",
                "Check when the aged-inventory surcharge is charged",
                "Stop replenishing this SKU",
            ],
            Rule::ListingInactive => &[
                "Check for suppression or a compliance block in Seller Central",
                "Check the listing is active and buyable (price, stock)",
                "Open a case with Seller Support",
            ],
            Rule::BuyBoxLoss => &[
                "Check other offers on the listing and their prices",
                "Check account health and repricing rules",
                "Compare your price with the featured-offer price",
            ],
            Rule::MarginBelowTarget => &[
                "Check price changes and coupons",
                "Check the FBA fee and unit cost in costs.csv",
                "Review the ad spend on this SKU",
            ],
            Rule::OdrOverTarget => &[
                "Open Account Health: find the negative feedback, A-to-z claims and chargebacks",
                "Answer every open claim today",
                "Fix the cause (late shipments, defects, descriptions)",
            ],
            Rule::IpiBelowThreshold => &[
                "Remove or sell down excess and aged stock",
                "Fix stranded inventory",
                "Keep replenishable SKUs in stock",
            ],
            Rule::BsrWorsening => &[
                "Compare sales with last week: a real drop, or competitors rising?",
                "Check new entrants in the category and their prices",
                "Check reviews and the Buy Box",
            ],
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One anomaly of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct Anomaly {
    pub rule: Rule,
    /// `Watch` or `Breach`.
    pub severity: Status,
    /// `None` for account-level anomalies.
    pub sku: Option<String>,
    pub asin: Option<String>,
    pub title: Option<String>,
    pub metric: Metric,
    pub value: Option<f64>,
    pub previous: Option<f64>,
    pub message: String,
    /// Supporting facts: top return reasons, customer comments.
    pub evidence: Vec<String>,
    /// Money at stake this week, in the account currency: what ranks anomalies.
    pub at_stake: f64,
}

impl Anomaly {
    pub fn checks(&self) -> &'static [&'static str] {
        self.rule.checks()
    }
}

/// Runs every rule on the review; `returns` are the week's return lines (evidence).
pub fn diagnose(
    review: &Review,
    returns: Option<&[ReturnLine]>,
    settings: &Settings,
) -> Vec<Anomaly> {
    let mut anomalies = account_rules(review, settings);
    // Most weeks flag a fraction of the SKUs; sized for one each, the list rarely moves.
    anomalies.reserve(review.skus.len());
    for row in &review.skus {
        anomalies.extend(sku_rules(row, review, returns, settings));
    }
    // A rule fires once per SKU, so no two anomalies tie and the order is total.
    anomalies.sort_unstable_by(|a, b| {
        b.at_stake
            .total_cmp(&a.at_stake)
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.sku.cmp(&b.sku))
    });
    anomalies
}
