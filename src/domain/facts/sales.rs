//! What a Business Report says: each SKU's sales, each child ASIN's
//! listing and traffic, and the account's days.

use crate::domain::money::Money;

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
