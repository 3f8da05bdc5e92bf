//! Stock pools: the SKUs of one marketplace that share a child ASIN and
//! sell as new through FBA. Amazon sells the listing from any of them, so
//! their stock and sales are one supply position. A SKU whose condition is
//! not new stays alone, as does a SKU without an ASIN.

use rustc_hash::FxHashMap as HashMap;

use crate::domain::metric::Metric;
use crate::domain::review::{Review, SkuRow, TREND_WEEKS};

use super::velocity::VELOCITY_WEEKS;

/// The rows of one pool, most sold first, with the key that names it.
#[derive(Debug, Clone)]
pub struct Pool<'a> {
    /// The child ASIN (`DE:B0…` when the week merges marketplaces), or the
    /// SKU's key for a SKU that stays alone.
    pub name: String,
    pub members: Vec<&'a SkuRow>,
}

/// Every pool of the review's SKUs with stock figures, in the order their
/// first SKU appears.
pub fn pools(review: &Review) -> Vec<Pool<'_>> {
    let mut order: Vec<Pool<'_>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for row in review.skus.iter().filter(|row| has_stock(row)) {
        let pooled = row.stock.as_ref().is_none_or(|s| s.new_condition) && !row.asin.is_empty();
        // A SKU alone is named by its key, which no ASIN is.
        let name = if pooled { &row.asin } else { &row.key };
        if let Some(&at) = index.get(name.as_str()) {
            order[at].members.push(row);
        } else {
            index.insert(name, order.len());
            order.push(Pool {
                name: name.clone(),
                members: vec![row],
            });
        }
    }
    for pool in &mut order {
        pool.members.sort_by(|a, b| {
            recent_units(b)
                .total_cmp(&recent_units(a))
                .then_with(|| a.key.cmp(&b.key))
        });
    }
    order
}

/// Whether an inventory report gives the row's stock.
fn has_stock(row: &SkuRow) -> bool {
    let current = &row.figures.current;
    current.get(Metric::AvailableUnits).is_some() || current.get(Metric::InboundUnits).is_some()
}

/// Units a SKU sold over its last weeks with sales, for "most sold first".
fn recent_units(row: &SkuRow) -> f64 {
    (0..TREND_WEEKS)
        .rev()
        .filter_map(|week| row.figures.trend_value(Metric::Units, week))
        .take(VELOCITY_WEEKS)
        .sum()
}
