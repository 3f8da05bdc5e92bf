//! What each Amazon report says about a week, aggregated to the level the
//! KPIs need. Importers build these; nothing here knows about files.
//! Pure: std and chrono only.

mod ads;
mod costs;
mod customers;
mod sales;
mod stock;

pub use ads::{AdFigures, AdvertisedProduct, CampaignAds, SearchTermAds, TargetAds};
pub use costs::{LeadTimeLegs, SkuCost};
pub use customers::{FeedbackEntry, ReturnLine};
pub use sales::{AsinListing, BusinessFacts, DaySales, SkuSales};
pub use stock::{SkuPlanning, SkuStock, UpstreamLocation, UpstreamStock};

use super::report::{ReportKind, Totals};

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
    use crate::domain::money::Money;

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
