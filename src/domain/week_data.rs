//! Everything one week folder says, merged across its files, and the SKUs
//! it names. Pure: std and chrono only.

use std::collections::HashSet;

use super::facts::{
    AdvertisedProduct, BusinessFacts, CampaignAds, DaySales, FeedbackEntry, ReportFacts,
    ReturnLine, SearchTermAds, SkuCost, SkuPlanning, SkuStock, TargetAds, WeekFigures,
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
    pub targets: Option<Vec<TargetAds>>,
    /// The account's days, from the Business Report by Date.
    pub days: Option<Vec<DaySales>>,
    pub inventory: Option<Vec<SkuStock>>,
    pub planning: Option<Vec<SkuPlanning>>,
    pub returns: Option<Vec<ReturnLine>>,
    pub feedback: Option<Vec<FeedbackEntry>>,
    pub figures: Option<WeekFigures>,
    pub currency: Option<String>,
    /// The marketplaces merged into this week, when its folder holds one
    /// subfolder per marketplace (their keys read `DE:SKU`); empty otherwise.
    pub marketplaces: Vec<String>,
    /// The days after a click the ads reports attribute sales to (7 or 14).
    pub ad_attribution_days: Option<u8>,
}

impl WeekData {
    pub fn new(week: IsoWeek) -> Self {
        Self {
            week,
            business: None,
            advertised: None,
            campaigns: None,
            search_terms: None,
            targets: None,
            days: None,
            inventory: None,
            planning: None,
            returns: None,
            feedback: None,
            figures: None,
            currency: None,
            marketplaces: Vec::new(),
            ad_attribution_days: None,
        }
    }

    /// Adds one file's facts. Where the week already had a file of the
    /// kind, rows that repeat one already read (same SKU for a snapshot or
    /// a Business Report, the same return or feedback) count once; returns
    /// how many were left out. Ads rows are summed: their importer leaves
    /// out the days another file already gave.
    pub fn add(&mut self, facts: ReportFacts) -> usize {
        match facts {
            ReportFacts::Business(new) => merge_business(&mut self.business, new),
            ReportFacts::AdvertisedProducts(new) => extend(&mut self.advertised, new, |_| None),
            ReportFacts::Campaigns(new) => extend(&mut self.campaigns, new, |_| None),
            ReportFacts::SearchTerms(new) => extend(&mut self.search_terms, new, |_| None),
            ReportFacts::Targets(new) => extend(&mut self.targets, new, |_| None),
            ReportFacts::Days(new) => extend(&mut self.days, new, |d| Some(d.date.to_string())),
            ReportFacts::SalesAndTraffic(business, days) => {
                merge_business(&mut self.business, business)
                    + extend(&mut self.days, days, |d| Some(d.date.to_string()))
            }
            ReportFacts::Inventory(new) => {
                extend(&mut self.inventory, new, |s| Some(s.sku.clone()))
            }
            ReportFacts::Planning(new) => extend(&mut self.planning, new, |s| Some(s.sku.clone())),
            ReportFacts::Returns(new) => extend(&mut self.returns, new, |r| {
                Some(format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.date,
                    r.order_id,
                    r.sku,
                    r.quantity,
                    r.disposition,
                    r.reason,
                    r.comment.as_deref().unwrap_or("")
                ))
            }),
            ReportFacts::Feedback(new) => extend(&mut self.feedback, new, |f| {
                Some(format!("{}\t{}\t{}", f.date, f.rating, f.comment))
            }),
            ReportFacts::Costs(_) | ReportFacts::Upstream(_) => 0,
        }
    }

    /// Whether the week already has facts of `kind`.
    pub fn has(&self, kind: ReportKind) -> bool {
        match kind {
            ReportKind::BusinessReport | ReportKind::SpApiSalesAndTraffic => {
                self.business.is_some()
            }
            ReportKind::AdsAdvertisedProduct | ReportKind::AdsApiAdvertisedProduct => {
                self.advertised.is_some()
            }
            ReportKind::AdsCampaign => self.campaigns.is_some(),
            ReportKind::AdsSearchTerm => self.search_terms.is_some(),
            ReportKind::AdsTargeting => self.targets.is_some(),
            ReportKind::BusinessReportByDate => self.days.is_some(),
            ReportKind::FbaInventory | ReportKind::AfnInventory => self.inventory.is_some(),
            ReportKind::FbaInventoryPlanning => self.planning.is_some(),
            ReportKind::FbaReturns => self.returns.is_some(),
            ReportKind::SellerFeedback => self.feedback.is_some(),
            ReportKind::WeekFile => self.figures.is_some(),
            ReportKind::Costs | ReportKind::Supply | ReportKind::Config | ReportKind::Minutes => {
                false
            }
        }
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

/// Adds `new` to the slot; with a `key`, rows whose key the slot holds
/// already are left out. Returns how many were.
fn extend<T>(slot: &mut Option<Vec<T>>, new: Vec<T>, key: impl Fn(&T) -> Option<String>) -> usize {
    let Some(existing) = slot else {
        *slot = Some(new);
        return 0;
    };
    let before = new.len();
    let seen: HashSet<String> = existing.iter().filter_map(&key).collect();
    if seen.is_empty() {
        existing.extend(new);
        return 0;
    }
    let held = existing.len();
    existing.extend(
        new.into_iter()
            .filter(|row| key(row).is_none_or(|k| !seen.contains(&k))),
    );
    before - (existing.len() - held)
}

/// A second Business Report's rows count only for SKUs (and ASINs) the first lacks.
fn merge_business(slot: &mut Option<BusinessFacts>, new: BusinessFacts) -> usize {
    let Some(existing) = slot else {
        *slot = Some(new);
        return 0;
    };
    let mut sales = Some(std::mem::take(&mut existing.sales));
    let dropped = extend(&mut sales, new.sales, |s| {
        Some(format!(
            "{}\t{}",
            s.child_asin,
            s.sku.as_deref().unwrap_or("")
        ))
    });
    existing.sales = sales.unwrap_or_default();
    let mut listings = Some(std::mem::take(&mut existing.listings));
    extend(&mut listings, new.listings, |l| Some(l.child_asin.clone()));
    existing.listings = listings.unwrap_or_default();
    dropped
}

/// Costs by SKU, as `costs.csv` gives them.
pub type Costs = Vec<SkuCost>;
