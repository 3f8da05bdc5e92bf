//! A SKU's stock at FBA as the week's inventory reports give it, beyond the
//! available and inbound KPIs: its condition, what is reserved and why, the
//! volume of a unit and Amazon's own ship-in recommendation. The supply
//! plan pools it; the unaccounted-stock rule compares two weeks of it.
//! Pure: std and chrono only.

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::week_data::WeekData;

/// One SKU's stock detail for one week.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StockDetail {
    /// Whether it sells as new (pooled with the other new SKUs of its ASIN).
    pub new_condition: bool,
    /// Units at FBA from Manage FBA Inventory — fulfillable, unfulfillable
    /// and reserved — when that report is in the week.
    pub fba_units: Option<i64>,
    pub inbound: i64,
    /// Reserved units moving between fulfilment centres or being processed
    /// there, from the planning report: they will be sellable again.
    pub fc_reserved: i64,
    /// Cubic feet per unit.
    pub unit_volume: Option<f64>,
    /// Amazon's recommended ship-in quantity and date (planning report).
    pub amazon: Option<AmazonRecommendation>,
}

/// Amazon's own recommendation from the FBA inventory planning report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AmazonRecommendation {
    pub units: i64,
    pub ship_by: Option<NaiveDate>,
}

impl AmazonRecommendation {
    /// Two recommendations as one: their units, the earlier date.
    #[must_use]
    pub fn merged(self, other: Self) -> Self {
        Self {
            units: self.units + other.units,
            ship_by: match (self.ship_by, other.ship_by) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    /// `total` with `more` joined, either maybe absent.
    pub fn join(total: Option<Self>, more: Option<Self>) -> Option<Self> {
        match (total, more) {
            (Some(a), Some(b)) => Some(a.merged(b)),
            (a, b) => a.or(b),
        }
    }
}

/// The stock detail of every SKU key of `data` (a SKU, or a child ASIN when
/// the Business Report has no SKUs).
pub fn stock_details(data: &WeekData) -> HashMap<&str, StockDetail> {
    let by_sku = data.keyed_by_sku();
    let mut details: HashMap<&str, StockDetail> = HashMap::default();
    for item in data.inventory.iter().flatten() {
        let detail = entry(&mut details, if by_sku { &item.sku } else { &item.asin });
        detail.new_condition &= item.new_condition;
        *detail.fba_units.get_or_insert(0) += item.available + item.unsellable + item.reserved;
        detail.inbound += item.inbound;
        detail.unit_volume = detail.unit_volume.or(item.unit_volume);
    }
    for item in data.planning.iter().flatten() {
        let detail = entry(&mut details, if by_sku { &item.sku } else { &item.asin });
        detail.new_condition &= item.new_condition;
        if data.inventory.is_none() {
            detail.inbound += item.inbound.unwrap_or(0);
        }
        detail.fc_reserved += item.fc_transfer.unwrap_or(0) + item.fc_processing.unwrap_or(0);
        let recommended = item.recommended_units.map(|units| AmazonRecommendation {
            units,
            ship_by: item.recommended_date,
        });
        detail.amazon = AmazonRecommendation::join(detail.amazon, recommended);
    }
    details
}

/// The detail of `key`, new (and new-condition) the first time it is named.
fn entry<'d, 'a>(
    details: &'d mut HashMap<&'a str, StockDetail>,
    key: &'a str,
) -> &'d mut StockDetail {
    details.entry(key).or_insert_with(|| StockDetail {
        new_condition: true,
        ..StockDetail::default()
    })
}
