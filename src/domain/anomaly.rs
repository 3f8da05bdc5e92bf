//! An anomaly of the week: which rule fired, on what, with its figures and
//! evidence and the money at stake that ranks it. Pure: std only.

use super::judgement::Status;
use super::metric::Metric;
use super::rule_book::Rule;
use super::settings::Language;
use super::words::Said;

/// How many weeks before the reviewed one the diagnosis looks at (for the
/// trailing return rate); older weeks only draw the trend lines.
pub const DIAGNOSIS_LOOKBACK: usize = 4;

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
    /// Money the team stands to lose over the next four weeks if nothing is
    /// done, in the account currency: what ranks anomalies.
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
            .map(|c| *c.get(language))
            .collect()
    }

    /// The rule's label in plain words, in `language`.
    pub fn label(&self, language: Language) -> &'static str {
        self.rule.entry().label.get(language)
    }
}
