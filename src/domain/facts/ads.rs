//! What the Sponsored Products reports say: figures per advertised product,
//! campaign, search term and target.

use crate::domain::money::Money;

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
