//! `costs.csv` looked up by SKU: a line named `DE:SKU` is that
//! marketplace's, a plain SKU's applies on every marketplace. Pure: std only.

use std::collections::HashMap;

use super::facts::SkuCost;
use super::marketplace::split_key;

/// The cost lines by lower-case SKU.
pub struct CostBook<'a>(HashMap<String, &'a SkuCost>);

impl<'a> CostBook<'a> {
    pub fn new(costs: &'a [SkuCost]) -> Self {
        Self(
            costs
                .iter()
                .map(|cost| (cost.sku.to_lowercase(), cost))
                .collect(),
        )
    }

    /// The costs of the review row keyed `key` (`DE:HK-1` or `HK-1`).
    pub fn of(&self, key: &str) -> Option<&'a SkuCost> {
        if self.0.is_empty() {
            return None;
        }
        self.0
            .get(&key.to_lowercase())
            .or_else(|| self.0.get(&split_key(key).1.to_lowercase()))
            .copied()
    }
}
