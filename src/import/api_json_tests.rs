//! Tests of the fetched JSON reports: the Sales and Traffic document and the
//! Ads API's advertised products, against the week and against the totals
//! of the downloads they stand for.

use std::path::{Path, PathBuf};

use crate::domain::facts::ReportFacts;
use crate::domain::money::Money;
use crate::domain::report::ReportKind;
use crate::domain::week::WeekStart;
use crate::import::kind_read::{Detail, ReportFile, WeekFilter};
use crate::import::report::read_report_with;

fn week() -> WeekFilter {
    WeekFilter {
        week: "2026-W47".parse().unwrap(),
        start: WeekStart::Monday,
    }
}

fn read(name: &str, text: &str) -> Result<ReportFile, crate::import::error::ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    read_report_with(&path, Some(week()), Detail::Full, &[])
}

/// Two SKUs on one child ASIN (its traffic repeated on each), a third on
/// another, and the account's days Monday to Sunday; covering `first`–`last`.
fn sales_and_traffic(first: &str, last: &str) -> String {
    let asin = |child: &str, sku: &str, units: i64, amount: f64, sessions: i64| {
        format!(
            r#"{{"parentAsin": "B0P0000001", "childAsin": "{child}", "sku": "{sku}",
               "salesByAsin": {{"unitsOrdered": {units}, "unitsOrderedB2B": 0,
                 "orderedProductSales": {{"amount": {amount}, "currencyCode": "USD"}},
                 "totalOrderItems": {units}}},
               "trafficByAsin": {{"browserSessions": 1, "mobileAppSessions": 1, "sessions": {sessions},
                 "browserSessionPercentage": 0.1, "mobileAppSessionPercentage": 0.1,
                 "sessionPercentage": 0.2, "browserPageViews": 1, "mobileAppPageViews": 1,
                 "pageViews": {}, "browserPageViewsPercentage": 0.1,
                 "mobileAppPageViewsPercentage": 0.1, "pageViewsPercentage": 0.1,
                 "buyBoxPercentage": 95.24, "unitSessionPercentage": 7.69}}}}"#,
            sessions + 10
        )
    };
    let days: Vec<String> = (16..=22)
        .map(|day| {
            format!(
                r#"{{"date": "2026-11-{day}",
                   "salesByDate": {{"orderedProductSales": {{"amount": 100.5, "currencyCode": "USD"}},
                     "unitsOrdered": 4, "totalOrderItems": 3}},
                   "trafficByDate": {{"pageViews": 90, "sessions": 70, "buyBoxPercentage": 97.0}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"reportSpecification": {{"reportType": "GET_SALES_AND_TRAFFIC_REPORT",
             "reportOptions": {{"dateGranularity": "DAY", "asinGranularity": "SKU"}},
             "dataStartTime": "{first}", "dataEndTime": "{last}", "marketplaceIds": ["ATVPDKIKX0DER"]}},
           "salesAndTrafficByDate": [{}],
           "salesAndTrafficByAsin": [{}, {}, {}]}}"#,
        days.join(","),
        asin("B0C0000001", "HK-1", 3, 59.97, 40),
        asin("B0C0000001", "HK-1-PRIME", 2, 39.98, 40),
        asin("B0C0000002", "HK-2", 5, 124.5, 25),
    )
}

#[test]
fn the_sales_and_traffic_document_totals_like_the_business_report_it_stands_for() {
    let file = read(
        "sp-api-sales-and-traffic-2026-W47.json",
        &sales_and_traffic("2026-11-16", "2026-11-22"),
    )
    .unwrap();
    assert_eq!(file.kind, ReportKind::SpApiSalesAndTraffic);
    assert_eq!(file.currency.as_deref(), Some("USD"));
    let totals = file.facts.totals();
    assert_eq!(totals.units, Some(10));
    assert_eq!(totals.sales, Some(Money::from_cents(22_445)));
    // Sessions count once per child ASIN, as in the Business Report.
    assert_eq!(totals.sessions, Some(65));
    let ReportFacts::SalesAndTraffic(business, days) = &file.facts else {
        panic!("{:?}", file.facts)
    };
    assert_eq!(business.listings.len(), 2);
    assert!((business.listings[0].buy_box.unwrap() - 0.9524).abs() < 1e-9);
    assert_eq!(days.len(), 7);
    assert_eq!(days[0].sales, Money::from_cents(10_050));
    assert_eq!(file.left_out, 0);
    // The same rows as a Business Report by child item give the same totals.
    let csv = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Page Views - Total,Featured Offer (Buy Box) Percentage,Units Ordered,Ordered Product Sales,Total Order Items\n\
               B0P0000001,B0C0000001,Mat,HK-1,40,50,95.24%,3,$59.97,3\n\
               B0P0000001,B0C0000001,Mat,HK-1-PRIME,40,50,95.24%,2,$39.98,2\n\
               B0P0000001,B0C0000002,Rug,HK-2,25,35,95.24%,5,$124.50,5\n";
    let download = read("BusinessReport.csv", csv).unwrap();
    assert_eq!(download.facts.totals(), totals);
}

#[test]
fn a_document_for_other_dates_counts_as_missing_with_a_warning() {
    let file = read("st.json", &sales_and_traffic("2026-11-09", "2026-11-15")).unwrap();
    let ReportFacts::SalesAndTraffic(business, _) = &file.facts else {
        panic!()
    };
    assert!(business.sales.is_empty());
    // Its days (16–22 November) still belong to the week; its SKU figures do not.
    assert_eq!(file.left_out, 3);
    let straddling = read("st.json", &sales_and_traffic("2026-11-16", "2026-11-23")).unwrap();
    assert!(!straddling.warnings.is_empty(), "{:?}", straddling.warnings);
}

#[test]
fn ads_api_rows_sum_per_sku_within_the_week() {
    let json = r#"[
      {"date": "2026-11-16", "campaignName": "SP - Mats", "adGroupName": "Exact", "advertisedSku": "HK-1",
       "advertisedAsin": "B0C0000001", "impressions": 1000, "clicks": 20, "cost": 14.5,
       "sales7d": 59.97, "purchases7d": 3, "unitsSoldClicks7d": 3, "campaignId": 158410630682987},
      {"date": "2026-11-17", "campaignName": "SP - Mats", "adGroupName": "Exact", "advertisedSku": "HK-1",
       "advertisedAsin": "B0C0000001", "impressions": 500, "clicks": 5, "cost": 3.25,
       "sales7d": 0, "purchases7d": 0, "unitsSoldClicks7d": 0},
      {"date": "2026-11-23", "campaignName": "SP - Mats", "adGroupName": "Exact", "advertisedSku": "HK-1",
       "advertisedAsin": "B0C0000001", "impressions": 900, "clicks": 9, "cost": 9.0,
       "sales7d": 20, "purchases7d": 1, "unitsSoldClicks7d": 1}
    ]"#;
    let file = read("ads-api-sp-advertised-product-2026-W47.json", json).unwrap();
    assert_eq!(file.kind, ReportKind::AdsApiAdvertisedProduct);
    assert_eq!(file.kind.data_kind(), ReportKind::AdsAdvertisedProduct);
    assert_eq!(file.attribution_days, Some(7));
    assert_eq!((file.rows, file.left_out), (3, 1));
    let ReportFacts::AdvertisedProducts(products) = &file.facts else {
        panic!()
    };
    assert_eq!(products.len(), 1);
    let figures = &products[0].figures;
    assert_eq!((figures.impressions, figures.clicks), (1500, 25));
    assert_eq!(figures.spend, Money::from_cents(1775));
    assert_eq!(figures.sales, Money::from_cents(5997));
}

#[test]
fn a_negative_figure_in_the_apis_json_is_refused_with_its_place() {
    let json = "[\n  {\"date\": \"2026-11-16\", \"advertisedSku\": \"HK-1\", \"impressions\": 10,\n   \"clicks\": 1, \"cost\": -4.5, \"sales7d\": 0}\n]";
    let error = read("ads-api-sp-advertised-product-2026-W47.json", json).unwrap_err();
    assert_eq!(error.line, Some(3), "{error}");
    assert!(error.message.en.contains("0 or more"), "{error}");
    let refund = sales_and_traffic("2026-11-16", "2026-11-22").replacen(
        "\"unitsOrdered\": ",
        "\"unitsOrdered\": -",
        1,
    );
    assert!(refund.contains("\"unitsOrdered\": -"), "{refund}");
    let error = read("st.json", &refund).unwrap_err();
    assert!(error.message.en.contains("0 or more"), "{error}");
}

#[test]
fn broken_json_names_its_line_and_column() {
    let error = read(
        "st.json",
        "{\n  \"reportSpecification\": {\n    \"reportType\": 7\n  }\n}",
    )
    .unwrap_err();
    assert_eq!(error.line, Some(3), "{error}");
    assert!(error.column.is_some());
    assert!(
        error
            .message
            .en
            .contains("expected the JSON Amazon's API sends"),
        "{error}"
    );
    let neither = read("x.json", "\"just a string\"").unwrap_err();
    assert!(neither.message.en.contains("neither"), "{neither}");
}

#[test]
fn a_fetched_document_beside_the_download_of_the_same_week_counts_once() {
    use crate::import::progress::ReadProgress;
    use crate::import::week_folder::read_week_folder;
    use crate::import::workspace::WeekFolder;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2026-W47");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("sp-api-sales-and-traffic-2026-W47.json"),
        sales_and_traffic("2026-11-16", "2026-11-22"),
    )
    .unwrap();
    let alone = |folder: &Path| {
        let week = WeekFolder {
            week: "2026-W47".parse().unwrap(),
            path: folder.to_path_buf(),
        };
        read_week_folder(
            &week,
            WeekStart::Monday,
            Detail::Full,
            &ReadProgress::default(),
        )
        .unwrap()
    };
    let (fetched, _) = alone(&folder);
    std::fs::write(
        folder.join("BusinessReport.csv"),
        "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Page Views - Total,Featured Offer (Buy Box) Percentage,Units Ordered,Ordered Product Sales,Total Order Items
         B0P0000001,B0C0000001,Mat,HK-1,40,50,95.24%,3,$59.97,3
         B0P0000001,B0C0000001,Mat,HK-1-PRIME,40,50,95.24%,2,$39.98,2
         B0P0000001,B0C0000002,Rug,HK-2,25,35,95.24%,5,$124.50,5
",
    )
    .unwrap();
    let (both, warnings) = alone(&folder);
    let units = |data: &crate::domain::week_data::WeekData| {
        data.business
            .as_ref()
            .unwrap()
            .sales
            .iter()
            .map(|s| s.units)
            .sum::<i64>()
    };
    assert_eq!(units(&both), units(&fetched));
    assert_eq!(units(&both), 10);
    assert!(
        warnings.iter().any(|w| w.en.contains("counted once")),
        "{warnings:?}"
    );
}
