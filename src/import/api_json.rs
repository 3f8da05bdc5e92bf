//! The reports `opsdeck fetch` brings from Amazon's APIs, as Amazon sends
//! them: the SP-API's Sales and Traffic document (a JSON object) and the
//! Ads API's advertised product report (a JSON array of flat objects). They
//! become the same facts as the downloads they stand for — sales per SKU,
//! traffic once per child ASIN, the account's days, ad figures per SKU —
//! under the same week filter, with the same totals.

use crate::domain::words::Said;
use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::facts::{
    AdFigures, AdvertisedProduct, AsinListing, BusinessFacts, DaySales, ReportFacts, SkuSales,
};
use crate::domain::money::Money;
use crate::domain::report::ReportKind;

use super::error::ImportError;
use super::kind_read::{DateWindow, KindRead, ReportFile, finish};
use super::rows::RowStats;

/// Whether `path` names a JSON file.
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

/// Reads a fetched report; its kind is told by its shape. The document is
/// parsed from memory, so a problem is located at the exact line and column.
pub fn read(path: &Path, mut window: DateWindow) -> Result<ReportFile, ImportError> {
    let bytes = std::fs::read(path).map_err(|error| ImportError::unreadable(path, &error))?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Some(&first) = text.iter().find(|b| !b.is_ascii_whitespace()) else {
        return Err(ImportError::file(
            path,
            Said::both(
                "the file is empty: fetch it again",
                "文件是空的：请重新获取",
            ),
        ));
    };
    let (kind, read) = match first {
        b'{' => (
            ReportKind::SpApiSalesAndTraffic,
            sales_and_traffic(path, &parse(path, text)?, &mut window)?,
        ),
        b'[' => (
            ReportKind::AdsApiAdvertisedProduct,
            advertised_products(&parse::<Vec<AdRow>>(path, text)?, &mut window),
        ),
        _ => {
            return Err(ImportError::at(
                path,
                1,
                Some(1),
                Said::both(
                    "expected a report from Amazon's SP-API (a JSON object) or Ads API (a JSON \
                     array); this JSON file is neither — fetch it again with `opsdeck fetch`",
                    "应为亚马逊 SP-API（JSON 对象）或广告 API（JSON 数组）的报告；这个 JSON \
                     文件两者都不是——请用 `opsdeck fetch` 重新获取",
                ),
            ));
        }
    };
    Ok(finish(kind, read, window))
}

/// The document typed as `T`; where it does not fit, the line and column.
fn parse<'a, T: Deserialize<'a>>(path: &Path, text: &'a [u8]) -> Result<T, ImportError> {
    serde_json::from_slice(text).map_err(|error| {
        let line = u64::try_from(error.line()).unwrap_or(0);
        let column = u64::try_from(error.column()).unwrap_or(0);
        let message = error.to_string();
        // serde_json ends its message with the position, which the error shows itself.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(text, _)| text);
        ImportError::at(
            path,
            line.max(1),
            Some(column.max(1)),
            Said::both(
                format!(
                    "expected the JSON Amazon's API sends, found {message}; fetch the report again"
                ),
                format!("应为亚马逊 API 发送的 JSON，实际是 {message}；请重新获取报告"),
            ),
        )
    })
}

/// The document; its field names are Amazon's.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    report_specification: Specification,
    #[serde(default)]
    sales_and_traffic_by_date: Vec<DayEntry>,
    #[serde(default)]
    sales_and_traffic_by_asin: Vec<AsinEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Specification {
    report_type: String,
    data_start_time: String,
    data_end_time: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DayEntry {
    date: String,
    sales_by_date: SalesFigures,
    traffic_by_date: Traffic,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AsinEntry {
    parent_asin: String,
    child_asin: Option<String>,
    sku: Option<String>,
    sales_by_asin: SalesFigures,
    traffic_by_asin: Traffic,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SalesFigures {
    ordered_product_sales: Amount,
    #[serde(deserialize_with = "non_negative")]
    units_ordered: i64,
    #[serde(deserialize_with = "non_negative")]
    total_order_items: i64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Traffic {
    #[serde(deserialize_with = "non_negative")]
    sessions: i64,
    #[serde(deserialize_with = "non_negative")]
    page_views: i64,
    /// Percent (95.24), not a fraction.
    buy_box_percentage: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Amount {
    #[serde(deserialize_with = "non_negative")]
    amount: f64,
    currency_code: String,
}

/// `2026-11-16`, or the date of `2026-11-16T00:00:00Z` (the time is ignored).
fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn sales_and_traffic(
    path: &Path,
    document: &Document,
    window: &mut DateWindow,
) -> Result<KindRead, ImportError> {
    let spec = &document.report_specification;
    if spec.report_type != "GET_SALES_AND_TRAFFIC_REPORT" {
        return Err(ImportError::file(
            path,
            Said::both(
                format!(
                    "expected a GET_SALES_AND_TRAFFIC_REPORT document, found a {}",
                    spec.report_type
                ),
                format!(
                    "应为 GET_SALES_AND_TRAFFIC_REPORT 文档，实际是 {}",
                    spec.report_type
                ),
            ),
        ));
    }
    let (first, last) = (date(&spec.data_start_time), date(&spec.data_end_time));
    let mut currency = None;
    let mut sales: Vec<SkuSales> = Vec::with_capacity(document.sales_and_traffic_by_asin.len());
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    let mut listings: Vec<AsinListing> = Vec::new();
    let mut listing_at: HashMap<String, usize> = HashMap::new();
    let rows = document.sales_and_traffic_by_asin.len() + document.sales_and_traffic_by_date.len();
    for row in &document.sales_and_traffic_by_asin {
        // The per-SKU figures cover the document's whole range.
        if !window.keep_range(first, last) {
            continue;
        }
        let child = row
            .child_asin
            .clone()
            .unwrap_or_else(|| row.parent_asin.clone());
        let sku = row.sku.clone();
        let figures = &row.sales_by_asin;
        currency = currency.or(Some(figures.ordered_product_sales.currency_code.clone()));
        let key = (child.clone(), sku.clone().unwrap_or_default());
        let slot = *at.entry(key).or_insert_with(|| {
            sales.push(SkuSales {
                child_asin: child.clone(),
                sku: sku.clone(),
                units: 0,
                sales: Money::ZERO,
                orders: 0,
            });
            sales.len() - 1
        });
        let sale = &mut sales[slot];
        sale.units += figures.units_ordered;
        sale.sales += Money::from_units_f64(figures.ordered_product_sales.amount);
        sale.orders += figures.total_order_items;
        // Traffic is the child ASIN's, repeated on each of its SKUs: counted once.
        let listing = *listing_at.entry(child.clone()).or_insert_with(|| {
            listings.push(AsinListing {
                child_asin: child.clone(),
                parent_asin: row.parent_asin.clone(),
                title: String::new(),
                sessions: 0,
                page_views: 0,
                buy_box: None,
            });
            listings.len() - 1
        });
        let listing = &mut listings[listing];
        let traffic = &row.traffic_by_asin;
        listing.sessions = listing.sessions.max(traffic.sessions);
        listing.page_views = listing.page_views.max(traffic.page_views);
        listing.buy_box = match (listing.buy_box, traffic.buy_box_percentage) {
            (Some(a), Some(b)) => Some(a.max(b / 100.0)),
            (a, b) => a.or(b.map(|p| p / 100.0)),
        };
    }
    let mut days = Vec::new();
    for row in &document.sales_and_traffic_by_date {
        let day = date(&row.date);
        if day.is_none() || !window.keep(day) {
            continue;
        }
        let figures = &row.sales_by_date;
        currency = currency.or(Some(figures.ordered_product_sales.currency_code.clone()));
        days.extend(day.map(|date| DaySales {
            date,
            sales: Money::from_units_f64(figures.ordered_product_sales.amount),
            units: figures.units_ordered,
            orders: figures.total_order_items,
            sessions: row.traffic_by_date.sessions,
            page_views: row.traffic_by_date.page_views,
        }));
    }
    Ok(KindRead {
        facts: ReportFacts::SalesAndTraffic(BusinessFacts { sales, listings }, days),
        stats: RowStats {
            rows,
            longer_than_header: 0,
        },
        currency,
        warnings: Vec::new(),
        attribution_days: None,
    })
}

/// One row of the Ads API's report: the columns `opsdeck fetch` asks for.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdRow {
    date: Option<String>,
    advertised_sku: Option<String>,
    advertised_asin: Option<String>,
    #[serde(default, deserialize_with = "non_negative")]
    impressions: i64,
    #[serde(default, deserialize_with = "non_negative")]
    clicks: i64,
    #[serde(default, deserialize_with = "non_negative")]
    cost: f64,
    #[serde(default, deserialize_with = "non_negative_option")]
    sales7d: Option<f64>,
    #[serde(default, deserialize_with = "non_negative_option")]
    sales14d: Option<f64>,
    #[serde(default, deserialize_with = "non_negative_option")]
    purchases7d: Option<i64>,
    #[serde(default, deserialize_with = "non_negative_option")]
    purchases14d: Option<i64>,
    #[serde(default, deserialize_with = "non_negative_option")]
    units_sold_clicks7d: Option<i64>,
    #[serde(default, deserialize_with = "non_negative_option")]
    units_sold_clicks14d: Option<i64>,
}

/// What a negative figure of Amazon's JSON is told, as the downloads' are.
const NOT_NEGATIVE: &str = "expected a figure of 0 or more (sales, traffic and ads figures are \
     never negative; a refund is not counted here)";

/// A figure that is never negative: a negative one is refused with its place.
fn non_negative<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + PartialOrd + Default,
{
    let value = T::deserialize(deserializer)?;
    if value < T::default() {
        return Err(serde::de::Error::custom(NOT_NEGATIVE));
    }
    Ok(value)
}

/// `non_negative`, for a figure that may be absent.
fn non_negative_option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + PartialOrd + Default,
{
    let value = Option::<T>::deserialize(deserializer)?;
    if value.as_ref().is_some_and(|v| *v < T::default()) {
        return Err(serde::de::Error::custom(NOT_NEGATIVE));
    }
    Ok(value)
}

fn advertised_products(rows: &[AdRow], window: &mut DateWindow) -> KindRead {
    // Sellers' reports attribute over 7 days, vendors' over 14: the file's first row says which.
    let seven = rows.first().is_none_or(|row| row.sales7d.is_some());
    let mut sums: Vec<AdvertisedProduct> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for row in rows {
        if !window.keep(row.date.as_deref().and_then(date)) {
            continue;
        }
        let (sku, asin) = (
            row.advertised_sku.clone().unwrap_or_default(),
            row.advertised_asin.clone().unwrap_or_default(),
        );
        let slot = *at.entry((sku.clone(), asin.clone())).or_insert_with(|| {
            sums.push(AdvertisedProduct {
                sku: (!sku.is_empty()).then_some(sku),
                asin: (!asin.is_empty()).then_some(asin),
                figures: AdFigures::default(),
            });
            sums.len() - 1
        });
        let (sales, orders, units) = if seven {
            (row.sales7d, row.purchases7d, row.units_sold_clicks7d)
        } else {
            (row.sales14d, row.purchases14d, row.units_sold_clicks14d)
        };
        sums[slot].figures.add(&AdFigures {
            impressions: row.impressions,
            clicks: row.clicks,
            spend: Money::from_units_f64(row.cost),
            sales: Money::from_units_f64(sales.unwrap_or(0.0)),
            orders: orders.unwrap_or(0),
            units: units.unwrap_or(0),
        });
    }
    KindRead {
        facts: ReportFacts::AdvertisedProducts(sums),
        stats: RowStats {
            rows: rows.len(),
            longer_than_header: 0,
        },
        currency: None,
        warnings: Vec::new(),
        attribution_days: Some(if seven { 7 } else { 14 }),
    }
}

#[cfg(test)]
#[path = "api_json_tests.rs"]
mod tests;
