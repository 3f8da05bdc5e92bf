//! Everything the meeting discusses about one week: the review (KPIs judged
//! against targets and last week), the diagnosis and the customer voice.
//! Pure: std only.

use std::collections::HashSet;

use super::anomaly::Anomaly;
use super::diagnosis::{diagnose_rows, with_supply};
use super::facts::{ReturnLine, SkuCost, UpstreamStock};
use super::metric::Metric;
use super::replenishment::{Capacity, SupplyLine, capacity, plan_supply};
use super::review::{Figures, Review, SkuRow, build_review};
use super::settings::Settings;
use super::voice::{PainPoint, pain_points};
use super::week_data::WeekData;
use super::words::Said;

/// The reviewed week, diagnosed.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekReport {
    pub review: Review,
    pub anomalies: Vec<Anomaly>,
    pub voice: Vec<PainPoint>,
    /// What a reader of these figures must know: rows left out of a report,
    /// files counted once, the week reviewed instead of an empty one.
    pub notices: Vec<Said>,
    /// Each marketplace's account in its own currency, when the week merges several.
    pub marketplaces: Vec<MarketplaceAccount>,
    /// The replenishment schedule, soonest order first.
    pub supply: Vec<SupplyLine>,
    /// The storage the schedule's stock and suggested orders take, when a report gives volumes.
    pub capacity: Option<Capacity>,
}

/// A row of the diagnosis list: the anomalies, then the customer's pain points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DiagnosisRow<'a> {
    Anomaly(&'a Anomaly),
    /// A pain point and its place among the pain points.
    PainPoint(usize, &'a PainPoint),
}

/// One marketplace's account, in its own currency.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketplaceAccount {
    pub code: String,
    pub currency: String,
    pub account: Figures,
    /// Its sales day by day, in its own currency (from its report by date).
    pub daily_sales: Vec<(chrono::NaiveDate, f64)>,
}

impl WeekReport {
    /// Row `at` of the diagnosis list: the anomalies first, then the pain points.
    pub fn diagnosis_row(&self, at: usize) -> Option<DiagnosisRow<'_>> {
        if let Some(anomaly) = self.anomalies.get(at) {
            return Some(DiagnosisRow::Anomaly(anomaly));
        }
        let index = at - self.anomalies.len();
        Some(DiagnosisRow::PainPoint(index, self.voice.get(index)?))
    }

    /// How many rows the diagnosis list has.
    pub fn diagnosis_rows(&self) -> usize {
        self.anomalies.len() + self.voice.len()
    }

    /// Builds the report of the last of `weeks` (oldest first).
    pub fn build(
        weeks: &[WeekData],
        costs: &[SkuCost],
        upstream: &[UpstreamStock],
        settings: &Settings,
    ) -> Option<Self> {
        let review = build_review(weeks, costs, settings)?;
        let returns = weeks.last().and_then(|w| w.returns.as_deref());
        Some(Self::diagnosed(review, returns, costs, upstream, settings))
    }

    /// The report of `week` before its reports are read: nothing in it.
    pub fn unread(week: super::week::IsoWeek, currency: &str) -> Self {
        Self {
            review: Review::unread(week, currency),
            anomalies: Vec::new(),
            voice: Vec::new(),
            notices: Vec::new(),
            marketplaces: Vec::new(),
            supply: Vec::new(),
            capacity: None,
        }
    }

    /// Plans the supply of a review and diagnoses it; `returns` are the
    /// reviewed week's return lines. The review must hold the weeks the
    /// diagnosis looks at, which include those the velocity is taken over.
    pub fn diagnosed(
        review: Review,
        returns: Option<&[ReturnLine]>,
        costs: &[SkuCost],
        upstream: &[UpstreamStock],
        settings: &Settings,
    ) -> Self {
        let rows = diagnose_rows(&review, returns, settings, costs);
        Self::with_supply(review, rows, returns, costs, upstream, settings)
    }

    /// The report of a review whose rows are diagnosed (`rows`, from
    /// `diagnose_rows` on the weeks the diagnosis looks at), once the weeks
    /// the supply plan needs have joined it: the plan, its anomalies, the ranking.
    pub fn with_supply(
        mut review: Review,
        rows: Vec<Anomaly>,
        returns: Option<&[ReturnLine]>,
        costs: &[SkuCost],
        upstream: &[UpstreamStock],
        settings: &Settings,
    ) -> Self {
        let supply = plan_supply(&review, costs, upstream, settings);
        pool_days_of_supply(&mut review, &supply);
        let anomalies = with_supply(rows, &review, settings, &supply, costs);
        let voice = returns.map(pain_points).unwrap_or_default();
        Self {
            review,
            anomalies,
            voice,
            notices: Vec::new(),
            marketplaces: Vec::new(),
            capacity: capacity(&supply, settings),
            supply,
        }
    }

    /// The supply line of the pool the review row `key` is in.
    #[cfg(test)]
    pub fn supply_of(&self, key: &str) -> Option<&SupplyLine> {
        self.supply
            .iter()
            .find(|line| line.members.iter().any(|m| m.key == key))
    }

    /// The SKUs with at least one anomaly, in the review's order: the
    /// anomalies are indexed by SKU once, so this is linear, not SKUs × anomalies.
    pub fn problem_skus(&self) -> Vec<&SkuRow> {
        let flagged = self.flagged_rows();
        self.review
            .skus
            .iter()
            .zip(flagged)
            .filter_map(|(row, flagged)| flagged.then_some(row))
            .collect()
    }

    /// For each row of the review, whether it has an anomaly.
    pub fn flagged_rows(&self) -> Vec<bool> {
        let with_anomaly: HashSet<&str> = self
            .anomalies
            .iter()
            .filter_map(|a| a.sku.as_deref())
            .collect();
        self.review
            .skus
            .iter()
            .map(|row| with_anomaly.contains(row.sku.as_deref().unwrap_or(&row.key)))
            .collect()
    }
}

/// One days of supply: each pooled SKU's is its pool's cover, judged
/// against the pool's own lead time. Last week's figure, taken the old way
/// (its own stock over its own week), is not compared with it.
fn pool_days_of_supply(review: &mut Review, supply: &[SupplyLine]) {
    let updates: Vec<(usize, Option<f64>, f64)> = {
        let rows: rustc_hash::FxHashMap<&str, usize> = review
            .skus
            .iter()
            .enumerate()
            .map(|(at, row)| (row.key.as_str(), at))
            .collect();
        supply
            .iter()
            .flat_map(|line| {
                line.members.iter().filter_map(|member| {
                    let at = *rows.get(member.key.as_str())?;
                    Some((at, line.cover_days, line.lead_time_days()))
                })
            })
            .collect()
    };
    for (at, cover, lead_time) in updates {
        let figures = &mut review.skus[at].figures;
        figures.set_latest(Metric::DaysOfSupply, cover);
        figures.previous.set(Metric::DaysOfSupply, None);
        figures.lead_time_target = Some(lead_time);
    }
}

#[cfg(test)]
#[path = "pool_tests.rs"]
mod pool_tests;
