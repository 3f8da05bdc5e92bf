//! Everything one week folder says, merged across its files, and the SKUs
//! it names. Pure: std and chrono only.

use super::facts::{
    AdvertisedProduct, BusinessFacts, CampaignAds, FeedbackEntry, ReportFacts, ReturnLine,
    SearchTermAds, SkuCost, SkuPlanning, SkuStock, WeekFigures,
};
use super::report::ReportKind;
use super::week::IsoWeek;

/// One week's facts; a kind with no file this week is `None` (missing is not zero).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekData {
    pub week: IsoWeek,
    pub business: Option<BusinessFacts>,
    pub advertised: Option<Vec<AdvertisedProduct>>,
    pub campaigns: Option<Vec<CampaignAds>>,
    pub search_terms: Option<Vec<SearchTermAds>>,
    pub inventory: Option<Vec<SkuStock>>,
    pub planning: Option<Vec<SkuPlanning>>,
    pub returns: Option<Vec<ReturnLine>>,
    pub feedback: Option<Vec<FeedbackEntry>>,
    pub figures: Option<WeekFigures>,
    pub currency: Option<String>,
}

impl WeekData {
    pub fn new(week: IsoWeek) -> Self {
        Self {
            week,
            business: None,
            advertised: None,
            campaigns: None,
            search_terms: None,
            inventory: None,
            planning: None,
            returns: None,
            feedback: None,
            figures: None,
            currency: None,
        }
    }

    /// Adds one file's facts. Returns the kind when the week already had a file
    /// of that kind: the rows were added together, which double-counts a
    /// report downloaded twice.
    pub fn add(&mut self, facts: ReportFacts) -> Option<ReportKind> {
        let kind = facts.kind();
        let repeated = match facts {
            ReportFacts::Business(new) => merge_business(&mut self.business, new),
            ReportFacts::AdvertisedProducts(new) => extend(&mut self.advertised, new),
            ReportFacts::Campaigns(new) => extend(&mut self.campaigns, new),
            ReportFacts::SearchTerms(new) => extend(&mut self.search_terms, new),
            ReportFacts::Inventory(new) => extend(&mut self.inventory, new),
            ReportFacts::Planning(new) => extend(&mut self.planning, new),
            ReportFacts::Returns(new) => extend(&mut self.returns, new),
            ReportFacts::Feedback(new) => extend(&mut self.feedback, new),
            ReportFacts::Costs(_) => false,
        };
        repeated.then_some(kind)
    }

    /// About how many SKUs the week names, for sizing what holds them.
    pub fn sku_count_hint(&self) -> usize {
        self.business.as_ref().map_or(0, |b| b.sales.len())
            + self.inventory.as_ref().map_or(0, Vec::len) / 4
    }

    /// Whether the Business Report names SKUs (by child item) or only ASINs.
    pub fn keyed_by_sku(&self) -> bool {
        self.business
            .as_ref()
            .is_none_or(|b| b.sales.iter().any(|s| s.sku.is_some()))
    }
}

fn extend<T>(slot: &mut Option<Vec<T>>, new: Vec<T>) -> bool {
    if let Some(existing) = slot {
        existing.extend(new);
        return true;
    }
    *slot = Some(new);
    false
}

fn merge_business(slot: &mut Option<BusinessFacts>, new: BusinessFacts) -> bool {
    if let Some(existing) = slot {
        existing.sales.extend(new.sales);
        existing.listings.extend(new.listings);
        return true;
    }
    *slot = Some(new);
    false
}

/// Costs by SKU, as `costs.csv` gives them.
pub type Costs = Vec<SkuCost>;
