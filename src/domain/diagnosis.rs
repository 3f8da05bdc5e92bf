//! The diagnosis: rules that turn the review into anomalies, each with its
//! evidence and the first checks an experienced operator would make, ranked
//! by money at stake. No rule fires on a missing input. Pure: std only.

use super::facts::ReturnLine;
use super::judgement::Status;
use super::metric::Metric;
use super::replenishment::SupplyLine;
use super::review::Review;
use super::rules::{account_rules, sku_rules};
use super::settings::{Language, Settings};
use super::words::Said;

/// How many weeks before the reviewed one the diagnosis looks at (for the
/// trailing return rate); older weeks only draw the trend lines.
pub const DIAGNOSIS_LOOKBACK: usize = 4;

/// A diagnosis rule; `rule_book` holds what each one is called and suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    ConversionDrop,
    AdSpendSpike,
    AcosOverTarget,
    LowCtr,
    AdShareOutOfBand,
    ReturnSpike,
    StockoutRisk,
    StockoutDuringEvent,
    AgedInventory,
    ListingInactive,
    BuyBoxLoss,
    MarginBelowTarget,
    OdrOverTarget,
    IpiBelowThreshold,
    BsrWorsening,
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
    /// What the rule saw, with its figures.
    pub message: Said,
    /// Supporting facts: top return reasons, customer comments.
    pub evidence: Vec<Said>,
    /// Money at stake this week, in the account currency: what ranks anomalies.
    pub at_stake: f64,
}

impl Anomaly {
    /// What names this anomaly across saves: `stockout_risk:HK-SP-SIL-5`.
    pub fn key(&self) -> String {
        format!(
            "{}:{}",
            self.rule.name(),
            self.sku.as_deref().unwrap_or("account")
        )
    }

    /// The first checks, in `language`.
    pub fn checks(&self, language: Language) -> Vec<&'static str> {
        self.rule
            .entry()
            .checks
            .iter()
            .map(|c| c.get(language))
            .collect()
    }

    /// The rule's label in plain words, in `language`.
    pub fn label(&self, language: Language) -> &'static str {
        self.rule.entry().label.get(language)
    }
}

/// Runs every rule on the review; `returns` are the week's return lines (evidence).
pub fn diagnose(
    review: &Review,
    returns: Option<&[ReturnLine]>,
    settings: &Settings,
    supply: &[SupplyLine],
) -> Vec<Anomaly> {
    let mut anomalies = account_rules(review, settings);
    // Only the lines short for an event matter to a rule: few, looked up by key.
    let short: std::collections::HashMap<&str, &SupplyLine> = supply
        .iter()
        .filter(|line| line.shortfall.is_some())
        .map(|line| (line.key.as_str(), line))
        .collect();
    // Most weeks flag a fraction of the SKUs; sized for one each, the list rarely moves.
    anomalies.reserve(review.skus.len());
    for row in &review.skus {
        let line = short.get(row.key.as_str()).copied();
        anomalies.extend(sku_rules(row, review, returns, settings, line));
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
