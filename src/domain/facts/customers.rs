//! What customers said: return lines with their reasons and comments, and
//! seller feedback.

use chrono::NaiveDate;

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
