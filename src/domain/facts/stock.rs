//! Stock as the FBA reports and `supply.csv` give it: at Amazon, in
//! planning, and upstream of FBA.

use chrono::NaiveDate;

use crate::domain::money::Money;

/// Stock of one SKU from Manage FBA Inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct SkuStock {
    pub sku: String,
    pub fnsku: String,
    pub asin: String,
    pub title: String,
    /// afn-fulfillable-quantity.
    pub available: i64,
    /// Working + shipped + receiving inbound units.
    pub inbound: i64,
    pub reserved: i64,
    pub unsellable: i64,
    /// Whether the units sell as new (`condition` `New`, or no condition column).
    pub new_condition: bool,
    /// Volume of one unit in cubic feet (`per-unit-volume`), when given.
    pub unit_volume: Option<f64>,
}

/// One SKU of the FBA Inventory planning (or Inventory Health) report.
#[derive(Debug, Clone, PartialEq)]
pub struct SkuPlanning {
    pub sku: String,
    pub asin: String,
    pub title: String,
    pub snapshot: Option<NaiveDate>,
    pub available: i64,
    /// `None` where the layout has no inbound column.
    pub inbound: Option<i64>,
    /// Units aged 181 days or more.
    pub aged_181_plus: i64,
    /// Estimated aged-inventory surcharge or long-term storage fee.
    pub storage_surcharge: Option<Money>,
    pub sales_rank: Option<i64>,
    pub product_group: Option<String>,
    pub days_of_supply: Option<f64>,
    /// Whether the units sell as new (`condition` `New`, or no condition column).
    pub new_condition: bool,
    /// Units moving between fulfilment centres (`fc-transfer`), where the layout says.
    pub fc_transfer: Option<i64>,
    /// Units being processed at a fulfilment centre (`Reserved FC Processing`).
    pub fc_processing: Option<i64>,
    /// Amazon's own recommendation: ship in this many units (`Recommended ship-in quantity`)…
    pub recommended_units: Option<i64>,
    /// …by this date (`Recommended ship-in date`).
    pub recommended_date: Option<NaiveDate>,
}

/// Where stock upstream of FBA waits (`supply.csv`'s `location`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpstreamLocation {
    /// Amazon Warehousing and Distribution.
    Awd,
    /// A third-party or overseas warehouse of the seller's.
    Warehouse,
    /// On its way to FBA or to a warehouse.
    InTransit,
    /// Ordered from the supplier, not yet shipped.
    OnOrder,
}

impl UpstreamLocation {
    pub const ALL: [UpstreamLocation; 4] = [
        UpstreamLocation::Awd,
        UpstreamLocation::Warehouse,
        UpstreamLocation::InTransit,
        UpstreamLocation::OnOrder,
    ];

    /// The name `supply.csv` and JSON use.
    pub fn name(self) -> &'static str {
        match self {
            UpstreamLocation::Awd => "awd",
            UpstreamLocation::Warehouse => "warehouse",
            UpstreamLocation::InTransit => "in_transit",
            UpstreamLocation::OnOrder => "on_order",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|location| location.name().eq_ignore_ascii_case(name))
    }
}

/// Stock upstream of FBA, from the workspace's `supply.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct UpstreamStock {
    pub sku: String,
    pub location: UpstreamLocation,
    pub units: i64,
    /// When it is sellable at FBA; without one, `[replenishment] transfer_days` after the week.
    pub eta: Option<NaiveDate>,
}
