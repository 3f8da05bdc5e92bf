//! A SKU's costs and supply terms from `costs.csv`: unit cost, fees, case
//! pack, MOQ and the legs of its lead time.

use crate::domain::money::Money;

/// What one SKU costs, from the workspace's `costs.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct SkuCost {
    pub sku: String,
    pub unit_cost: Money,
    pub fba_fee: Money,
    /// Referral fee as a fraction of the sale price.
    pub referral_rate: f64,
    /// Days from placing a purchase order to stock available at FBA
    /// (`lead_time_days`; else the workspace's target).
    pub lead_time_days: Option<f64>,
    /// Units in a carton: orders are rounded up to whole cases (`case_pack`).
    pub case_pack: Option<i64>,
    /// The supplier's minimum order quantity (`moq`).
    pub moq: Option<i64>,
    /// The legs of the lead time, when `costs.csv` gives them.
    pub legs: LeadTimeLegs,
    /// The SKU a stock pool orders as when this SKU is in it (`reorder_sku`).
    pub reorder_sku: Option<String>,
}

/// The legs of a purchase order's way to FBA, in days (`costs.csv`'s
/// `production_days`, `freight_days`, `checkin_days`, `air_freight_days`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LeadTimeLegs {
    pub production: Option<f64>,
    pub freight: Option<f64>,
    pub checkin: Option<f64>,
    /// Air freight in place of `freight`, for a bridge order.
    pub air_freight: Option<f64>,
}

impl LeadTimeLegs {
    /// Production, freight and check-in added up, when any is given.
    pub fn sea_total(&self) -> Option<f64> {
        let legs = [self.production, self.freight, self.checkin];
        legs.iter()
            .any(Option::is_some)
            .then(|| legs.iter().flatten().sum())
    }
}
