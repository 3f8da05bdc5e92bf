//! The diagnosis: rules that turn the review into anomalies, each with its
//! evidence and the first checks an experienced operator would make, ranked
//! by money at stake. No rule fires on a missing input. Pure: std only.

use super::anomaly::Anomaly;
use super::cost_book::CostBook;
use super::facts::{ReturnLine, SkuCost};
use super::metric::Metric;
use super::replenishment::SupplyLine;
use super::review::Review;
use super::rule_book::Rule;
use super::rules::{account_rules, pool_rules, rating_drop, sku_rules};
use super::settings::Settings;

/// The rating drops of the review's child ASINs, one per ASIN whatever its SKUs.
fn rating_drops(review: &Review, settings: &Settings, costs: &CostBook<'_>) -> Vec<Anomaly> {
    let mut by_asin: std::collections::BTreeMap<&str, Vec<&super::review::SkuRow>> =
        std::collections::BTreeMap::new();
    for row in &review.skus {
        if row.figures.current.get(Metric::Rating).is_some() && !row.asin.is_empty() {
            by_asin.entry(row.asin.as_str()).or_default().push(row);
        }
    }
    by_asin
        .into_values()
        .filter_map(|mut rows| {
            rows.sort_by(|a, b| {
                let units = |r: &super::review::SkuRow| r.figures.current.get(Metric::Units);
                units(b).unwrap_or(0.0).total_cmp(&units(a).unwrap_or(0.0))
            });
            let cost = costs.of(&rows.first()?.key);
            rating_drop(&rows, review, settings, cost)
        })
        .collect()
}

/// A conversion drop on an ASIN whose rating fell cites the fall as evidence.
fn cite_ratings(anomalies: &mut [Anomaly], ratings: &[Anomaly]) {
    for anomaly in anomalies
        .iter_mut()
        .filter(|a| a.rule == Rule::ConversionDrop)
    {
        if let Some(rating) = ratings.iter().find(|r| r.asin == anomaly.asin) {
            anomaly.evidence.insert(0, rating.message.clone());
        }
    }
}

/// Runs every rule on the review; `returns` are the week's return lines
/// (evidence); pool rules fire on the SKU a pool orders as.
pub fn diagnose(
    review: &Review,
    returns: Option<&[ReturnLine]>,
    settings: &Settings,
    supply: &[SupplyLine],
    costs: &[SkuCost],
) -> Vec<Anomaly> {
    let rows = diagnose_rows(review, returns, settings, costs);
    with_supply(rows, review, settings, supply, costs)
}

/// The anomalies of the account's and every row's own figures: every rule
/// but the supply plan's, which needs more weeks; unranked.
pub fn diagnose_rows(
    review: &Review,
    returns: Option<&[ReturnLine]>,
    settings: &Settings,
    costs: &[SkuCost],
) -> Vec<Anomaly> {
    let mut anomalies = account_rules(review, settings);
    let costs = CostBook::new(costs);
    // Most weeks flag a fraction of the SKUs; sized for one each, the list rarely moves.
    anomalies.reserve(review.skus.len());
    for row in &review.skus {
        anomalies.extend(sku_rules(
            row,
            review,
            returns,
            settings,
            costs.of(&row.key),
        ));
    }
    let ratings = rating_drops(review, settings, &costs);
    cite_ratings(&mut anomalies, &ratings);
    anomalies.extend(ratings);
    anomalies
}

/// `anomalies` with the supply plan's added, ranked by money at stake. A
/// pool's rules fire on the SKU it orders as; a SKU empty while its pool
/// sells lost its sales to its twins, not its conversion: its conversion
/// drop is left out.
pub fn with_supply(
    mut anomalies: Vec<Anomaly>,
    review: &Review,
    settings: &Settings,
    supply: &[SupplyLine],
    costs: &[SkuCost],
) -> Vec<Anomaly> {
    let emptied: std::collections::HashSet<&str> = supply
        .iter()
        .flat_map(SupplyLine::empty_members)
        .map(|member| member.key.as_str())
        .collect();
    if !emptied.is_empty() {
        let rows: std::collections::HashSet<&str> = review
            .skus
            .iter()
            .filter(|row| emptied.contains(row.key.as_str()))
            .map(|row| row.sku.as_deref().unwrap_or(&row.key))
            .collect();
        anomalies.retain(|a| {
            a.rule != Rule::ConversionDrop || a.sku.as_deref().is_none_or(|s| !rows.contains(s))
        });
    }
    let orders_as: std::collections::HashMap<&str, &SupplyLine> = supply
        .iter()
        .map(|line| (line.key.as_str(), line))
        .collect();
    let costs = CostBook::new(costs);
    for row in &review.skus {
        if let Some(line) = orders_as.get(row.key.as_str()) {
            anomalies.extend(pool_rules(row, line, review, settings, costs.of(&row.key)));
        }
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
