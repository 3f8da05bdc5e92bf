//! What each Amazon report says about a week, aggregated to the level the
//! KPIs need. Importers build these; nothing here knows about files.
//! Pure: std and chrono only.

use chrono::NaiveDate;

use super::money::Money;
use super::report::{ReportKind, Totals};

/// Sales of one SKU (or one child ASIN when the report has no SKU column),
/// summed over every row that names it.
#[derive(Debug, Clone, PartialEq)]
pub struct SkuSales {
    pub child_asin: String,
    /// `None` in the by-ASIN layout, which has no SKU column.
    pub sku: Option<String>,
    pub units: i64,
    pub sales: Money,
    /// Total Order Items.
    pub orders: i64,
}

/// One child ASIN's listing and traffic. Amazon repeats them on every SKU row
/// of the ASIN, so they count once (the largest figure when rows disagree).
#[derive(Debug, Clone, PartialEq)]
pub struct AsinListing {
    pub child_asin: String,
    pub parent_asin: String,
    pub title: String,
    pub sessions: i64,
    pub page_views: i64,
    /// Featured Offer (Buy Box) share of page views, as a fraction.
    pub buy_box: Option<f64>,
}

/// A Business Report: sales per SKU, listing and traffic per child ASIN.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BusinessFacts {
    pub sales: Vec<SkuSales>,
    pub listings: Vec<AsinListing>,
}

/// Advertising figures for one key (an advertised SKU/ASIN, a campaign or a
/// search term), summed over the rows of the week.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AdFigures {
    pub impressions: i64,
    pub clicks: i64,
    pub spend: Money,
    /// Attributed sales (7-day for sellers, 14-day for vendors).
    pub sales: Money,
    pub orders: i64,
    pub units: i64,
}

impl AdFigures {
    pub fn add(&mut self, other: &AdFigures) {
        self.impressions += other.impressions;
        self.clicks += other.clicks;
        self.spend += other.spend;
        self.sales += other.sales;
        self.orders += other.orders;
        self.units += other.units;
    }
}

/// One advertised product of the advertised-product report.
#[derive(Debug, Clone, PartialEq)]
pub struct AdvertisedProduct {
    pub sku: Option<String>,
    pub asin: Option<String>,
    pub figures: AdFigures,
}

/// One campaign of the campaign report.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignAds {
    pub campaign: String,
    pub figures: AdFigures,
}

/// One customer search term within a campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchTermAds {
    pub campaign: String,
    pub search_term: String,
    pub figures: AdFigures,
}

/// One target (keyword, product or category) within a campaign, from the targeting report.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetAds {
    pub campaign: String,
    pub targeting: String,
    pub figures: AdFigures,
}

/// The account's figures of one day, from the Business Report by Date.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySales {
    pub date: chrono::NaiveDate,
    pub sales: Money,
    pub units: i64,
    pub orders: i64,
    pub sessions: i64,
    pub page_views: i64,
}

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

/// One returned unit group (a license plate) of the FBA returns report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnLine {
    pub date: NaiveDate,
    pub order_id: String,
    pub sku: String,
    pub asin: String,
    pub quantity: i64,
    pub disposition: String,
    /// Amazon's reason code, e.g. `NOT_AS_DESCRIBED`.
    pub reason: String,
    pub comment: Option<String>,
}

/// One entry of the seller feedback report.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackEntry {
    pub date: NaiveDate,
    /// 1–5; 1 and 2 are negative.
    pub rating: i64,
    pub comment: String,
}

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

/// Account-level figures with no download, typed into a week's `week.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekFigures {
    /// Order defect rate as a fraction.
    pub odr: Option<f64>,
    /// Inventory Performance Index.
    pub ipi: Option<f64>,
    /// Best Sellers Rank by ASIN.
    pub bsr: std::collections::BTreeMap<String, i64>,
    /// Average star rating by ASIN.
    pub rating: std::collections::BTreeMap<String, f64>,
    /// The week's exchange rates: one unit of each currency in the reporting currency.
    pub fx: std::collections::BTreeMap<String, f64>,
}

impl WeekFigures {
    /// How many figures the file gives (for `check`'s row count).
    pub fn len(&self) -> usize {
        usize::from(self.odr.is_some())
            + usize::from(self.ipi.is_some())
            + self.bsr.len()
            + self.rating.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The facts one report file contributes, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportFacts {
    Business(BusinessFacts),
    AdvertisedProducts(Vec<AdvertisedProduct>),
    Campaigns(Vec<CampaignAds>),
    SearchTerms(Vec<SearchTermAds>),
    Targets(Vec<TargetAds>),
    Days(Vec<DaySales>),
    /// A Sales and Traffic document: the SKUs' week and the account's days.
    SalesAndTraffic(BusinessFacts, Vec<DaySales>),
    Inventory(Vec<SkuStock>),
    Planning(Vec<SkuPlanning>),
    Returns(Vec<ReturnLine>),
    Feedback(Vec<FeedbackEntry>),
    Costs(Vec<SkuCost>),
    Upstream(Vec<UpstreamStock>),
}

impl ReportFacts {
    pub fn kind(&self) -> ReportKind {
        match self {
            ReportFacts::Business(_) => ReportKind::BusinessReport,
            ReportFacts::AdvertisedProducts(_) => ReportKind::AdsAdvertisedProduct,
            ReportFacts::Campaigns(_) => ReportKind::AdsCampaign,
            ReportFacts::SearchTerms(_) => ReportKind::AdsSearchTerm,
            ReportFacts::Targets(_) => ReportKind::AdsTargeting,
            ReportFacts::Days(_) => ReportKind::BusinessReportByDate,
            ReportFacts::SalesAndTraffic(..) => ReportKind::SpApiSalesAndTraffic,
            ReportFacts::Inventory(_) => ReportKind::FbaInventory,
            ReportFacts::Planning(_) => ReportKind::FbaInventoryPlanning,
            ReportFacts::Returns(_) => ReportKind::FbaReturns,
            ReportFacts::Feedback(_) => ReportKind::SellerFeedback,
            ReportFacts::Costs(_) => ReportKind::Costs,
            ReportFacts::Upstream(_) => ReportKind::Supply,
        }
    }

    /// Sums over every fact, with the figures this kind does not carry left `None`.
    pub fn totals(&self) -> Totals {
        match self {
            // A Sales and Traffic document totals like the Business Report it replaces.
            ReportFacts::Business(facts) | ReportFacts::SalesAndTraffic(facts, _) => {
                business_totals(facts)
            }
            ReportFacts::AdvertisedProducts(products) => {
                ad_totals(products.iter().map(|p| &p.figures))
            }
            ReportFacts::Campaigns(campaigns) => ad_totals(campaigns.iter().map(|c| &c.figures)),
            ReportFacts::SearchTerms(terms) => ad_totals(terms.iter().map(|t| &t.figures)),
            ReportFacts::Targets(targets) => ad_totals(targets.iter().map(|t| &t.figures)),
            ReportFacts::Days(days) => Totals {
                units: Some(days.iter().map(|d| d.units).sum()),
                sales: Some(days.iter().map(|d| d.sales).sum()),
                orders: Some(days.iter().map(|d| d.orders).sum()),
                sessions: Some(days.iter().map(|d| d.sessions).sum()),
                page_views: Some(days.iter().map(|d| d.page_views).sum()),
                ..Totals::default()
            },
            ReportFacts::Inventory(stock) => Totals {
                available_units: Some(stock.iter().map(|s| s.available).sum()),
                inbound_units: Some(stock.iter().map(|s| s.inbound).sum()),
                ..Totals::default()
            },
            ReportFacts::Planning(items) => Totals {
                available_units: Some(items.iter().map(|s| s.available).sum()),
                inbound_units: items.iter().map(|s| s.inbound).sum(),
                ..Totals::default()
            },
            ReportFacts::Returns(lines) => Totals {
                returned_units: Some(lines.iter().map(|r| r.quantity).sum()),
                ..Totals::default()
            },
            ReportFacts::Feedback(_) | ReportFacts::Costs(_) | ReportFacts::Upstream(_) => {
                Totals::default()
            }
        }
    }

    /// Distinct SKUs named by the facts.
    pub fn skus(&self) -> usize {
        let skus: Vec<&str> = match self {
            ReportFacts::Business(facts) | ReportFacts::SalesAndTraffic(facts, _) => facts
                .sales
                .iter()
                .filter_map(|s| s.sku.as_deref())
                .collect(),
            ReportFacts::AdvertisedProducts(products) => {
                products.iter().filter_map(|p| p.sku.as_deref()).collect()
            }
            ReportFacts::Inventory(stock) => stock.iter().map(|s| s.sku.as_str()).collect(),
            ReportFacts::Planning(items) => items.iter().map(|s| s.sku.as_str()).collect(),
            ReportFacts::Returns(lines) => lines.iter().map(|r| r.sku.as_str()).collect(),
            ReportFacts::Costs(costs) => costs.iter().map(|c| c.sku.as_str()).collect(),
            ReportFacts::Upstream(stock) => stock.iter().map(|s| s.sku.as_str()).collect(),
            ReportFacts::Campaigns(_)
            | ReportFacts::SearchTerms(_)
            | ReportFacts::Targets(_)
            | ReportFacts::Days(_)
            | ReportFacts::Feedback(_) => Vec::new(),
        };
        count_distinct(skus)
    }

    /// Distinct child ASINs named by the facts.
    pub fn child_asins(&self) -> usize {
        let asins: Vec<&str> = match self {
            ReportFacts::Business(facts) | ReportFacts::SalesAndTraffic(facts, _) => facts
                .listings
                .iter()
                .map(|t| t.child_asin.as_str())
                .collect(),
            ReportFacts::AdvertisedProducts(products) => {
                products.iter().filter_map(|p| p.asin.as_deref()).collect()
            }
            ReportFacts::Inventory(stock) => stock.iter().map(|s| s.asin.as_str()).collect(),
            ReportFacts::Planning(items) => items.iter().map(|s| s.asin.as_str()).collect(),
            ReportFacts::Returns(lines) => lines.iter().map(|r| r.asin.as_str()).collect(),
            ReportFacts::Campaigns(_)
            | ReportFacts::SearchTerms(_)
            | ReportFacts::Targets(_)
            | ReportFacts::Days(_)
            | ReportFacts::Feedback(_)
            | ReportFacts::Costs(_)
            | ReportFacts::Upstream(_) => Vec::new(),
        };
        count_distinct(asins)
    }
}

fn count_distinct(mut keys: Vec<&str>) -> usize {
    keys.retain(|key| !key.is_empty());
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

fn business_totals(facts: &BusinessFacts) -> Totals {
    Totals {
        units: Some(facts.sales.iter().map(|s| s.units).sum()),
        sales: Some(facts.sales.iter().map(|s| s.sales).sum()),
        orders: Some(facts.sales.iter().map(|s| s.orders).sum()),
        sessions: Some(facts.listings.iter().map(|t| t.sessions).sum()),
        page_views: Some(facts.listings.iter().map(|t| t.page_views).sum()),
        ..Totals::default()
    }
}

fn ad_totals<'a>(figures: impl Iterator<Item = &'a AdFigures>) -> Totals {
    let mut sum = AdFigures::default();
    for figure in figures {
        sum.add(figure);
    }
    Totals {
        ad_spend: Some(sum.spend),
        ad_sales: Some(sum.sales),
        impressions: Some(sum.impressions),
        clicks: Some(sum.clicks),
        ..Totals::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sale(child: &str, sku: &str, units: i64) -> SkuSales {
        SkuSales {
            child_asin: child.into(),
            sku: Some(sku.into()),
            units,
            sales: Money::from_cents(units * 1000),
            orders: units,
        }
    }

    fn traffic(child: &str, sessions: i64) -> AsinListing {
        AsinListing {
            child_asin: child.into(),
            parent_asin: "P".into(),
            title: String::new(),
            sessions,
            page_views: sessions * 2,
            buy_box: None,
        }
    }

    #[test]
    fn business_totals_count_traffic_once_per_asin_and_sum_sales_per_sku() {
        let facts = ReportFacts::Business(BusinessFacts {
            sales: vec![
                sale("A1", "S1", 3),
                sale("A1", "S2", 4),
                sale("A2", "S3", 1),
            ],
            listings: vec![traffic("A1", 100), traffic("A2", 10)],
        });
        let totals = facts.totals();
        assert_eq!(totals.units, Some(8));
        assert_eq!(totals.sales, Some(Money::from_cents(8000)));
        assert_eq!(totals.sessions, Some(110));
        assert_eq!(totals.page_views, Some(220));
        assert_eq!(totals.ad_spend, None);
        assert_eq!(facts.skus(), 3);
        assert_eq!(facts.child_asins(), 2);
    }

    #[test]
    fn planning_without_inbound_column_has_no_inbound_total() {
        let item = SkuPlanning {
            sku: "S".into(),
            asin: "A".into(),
            title: String::new(),
            snapshot: None,
            available: 5,
            inbound: None,
            aged_181_plus: 0,
            storage_surcharge: None,
            sales_rank: None,
            product_group: None,
            days_of_supply: None,
            new_condition: true,
            fc_transfer: None,
            fc_processing: None,
            recommended_units: None,
            recommended_date: None,
        };
        let totals = ReportFacts::Planning(vec![item]).totals();
        assert_eq!(totals.available_units, Some(5));
        assert_eq!(totals.inbound_units, None);
    }
}
