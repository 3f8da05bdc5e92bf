//! Tests of `ads`.

use std::path::Path;

use crate::domain::week::WeekStart;
use crate::import::kind_read::{ReportFile, WeekFilter};
use crate::import::report::read_report_bytes;

use super::*;

fn read_csv(csv: &str, filter: Option<WeekFilter>) -> ReportFile {
    read_report_bytes(Path::new("ads.csv"), csv.as_bytes(), filter).unwrap()
}

const CAMPAIGN: &str = "\u{FEFF}Date,Start Date,End Date,Portfolio name,Campaign Type,Campaign Name,Status,Currency,Budget,Targeting Type,Bidding strategy,Impressions,Clicks,Click-Thru Rate (CTR),Spend,Cost Per Click (CPC),7 Day Total Orders (#),\"Total Advertising Cost of Sales (ACoS) \",\"7 Day Total Sales \"\r\n\
    \"Nov 16, 2018\",\"Nov 15, 2018\",,No Portfolio,Sponsored Products,B07JMT389Q,PAUSED,USD,$1.0,Manual targeting,Dynamic bids - down only,4971,25,0.50%,$16.12,$0.6448,0,0.00%,$0.0\r\n\
    \"Nov 17, 2018\",\"Nov 15, 2018\",,No Portfolio,Sponsored Products,B07JMT389Q,PAUSED,USD,$1.0,Manual targeting,Dynamic bids - down only,100,3,3.00%,$2.00,$0.5566667000000001,1,10.00%,$20.00\r\n\
    \"Dec 1, 2019\",\"Nov 6, 2019\",,No Portfolio,Sponsored Products,\"31\\\"\" x 19\\\"\"  - key words 1 manual\",ARCHIVED,USD,$3.0,Automatic targeting,Dynamic bids - down only,974,6,0.62%,$3.34,$0.5566667000000001,0,0.00%,$0.0\r\n";

#[test]
fn campaign_csv_sums_per_campaign() {
    let file = read_csv(CAMPAIGN, None);
    assert_eq!(file.kind, ReportKind::AdsCampaign);
    assert_eq!(file.rows, 3);
    let totals = file.facts.totals();
    assert_eq!(totals.impressions, Some(6045));
    assert_eq!(totals.clicks, Some(34));
    assert_eq!(totals.ad_spend, Some(Money::from_cents(2146)));
    assert_eq!(totals.ad_sales, Some(Money::from_cents(2000)));
    assert_eq!(file.currency.as_deref(), Some("USD"));
    let ReportFacts::Campaigns(campaigns) = &file.facts else {
        panic!()
    };
    assert_eq!(campaigns.len(), 2);
    assert_eq!(
        campaigns[1].campaign,
        "31\\\" x 19\\\"  - key words 1 manual"
    );
}

#[test]
fn a_summary_row_straddling_the_week_is_reported_not_split() {
    // A German summary search-term report: rows dated by their first and last day.
    let csv = "Startdatum,Enddatum,Kampagnen-Name,Suchbegriff des Kunden,Impressionen,Klicks,Ausgaben,\"7 Tage, Umsatz gesamt (€)\"\n\
        \"Mar 10, 2025\",\"Mar 16, 2025\",Kampagne A,tasse,100,5,€2.50,€10.00\n\
        \"Mar 12, 2025\",\"Mar 18, 2025\",Kampagne A,becher,50,2,€1.00,€0.00\n";
    let filter = WeekFilter {
        week: "2025-W11".parse().unwrap(),
        start: WeekStart::Monday,
    };
    let file = read_csv(csv, Some(filter));
    assert_eq!(file.kind, ReportKind::AdsSearchTerm);
    assert_eq!(
        file.facts.totals().impressions,
        Some(100),
        "the straddling row is not counted"
    );
    assert!(
        file.warnings
            .iter()
            .any(|w| w.en.contains("1 summary rows span days outside 2025-W11")),
        "{:?}",
        file.warnings
    );
}

#[test]
fn daily_rows_outside_the_week_are_left_out_with_a_warning() {
    let filter = WeekFilter {
        week: "2018-W46".parse().unwrap(),
        start: WeekStart::Monday,
    };
    let file = read_csv(CAMPAIGN, Some(filter));
    assert_eq!(file.rows, 3);
    assert_eq!(file.facts.totals().impressions, Some(5071));
    assert!(
        file.warnings[0]
            .en
            .starts_with("1 rows dated outside 2018-W46"),
        "{:?}",
        file.warnings
    );
}

#[test]
fn advertised_product_sums_per_sku_and_asin() {
    let csv = "Date,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales ,7 Day Total Orders (#),7 Day Total Units (#)\n\
               \"Nov 16, 2026\",USD,C1,G1,SKU-1,B01,1000,10,$5.00,$50.00,2,3\n\
               \"Nov 16, 2026\",USD,C2,G2,SKU-1,B01,500,5,$2.50,$0.00,0,0\n\
               \"Nov 17, 2026\",USD,C1,G1,SKU-2,B02,10,0,$0.00,,0,0\n";
    let file = read_csv(csv, None);
    assert_eq!(file.kind, ReportKind::AdsAdvertisedProduct);
    let ReportFacts::AdvertisedProducts(products) = &file.facts else {
        panic!()
    };
    assert_eq!(products.len(), 2);
    assert_eq!(products[0].sku.as_deref(), Some("SKU-1"));
    assert_eq!(products[0].figures.impressions, 1500);
    assert_eq!(products[0].figures.spend, Money::from_cents(750));
    assert_eq!(products[0].figures.units, 3);
    assert_eq!((file.facts.skus(), file.facts.child_asins()), (2, 2));
}

#[test]
fn vendor_style_report_without_sku_and_rupee_columns() {
    let csv = "Date,Currency,Campaign Name,Ad Group Name,Advertised ASIN,Impressions,Clicks,Spend,14 Day Total Sales (₹),14 Day Total Orders (#)\n\
               \"Feb 01, 2020\",INR,C,G,B0X,100,4,Rs.201.68,\"Rs.1,000.00\",1\n";
    let file = read_csv(csv, None);
    let ReportFacts::AdvertisedProducts(products) = &file.facts else {
        panic!()
    };
    assert_eq!(products[0].sku, None);
    assert_eq!(products[0].figures.sales, Money::from_cents(100_000));
    assert_eq!(products[0].figures.spend, Money::from_cents(20_168));
}

#[test]
fn xlsx_with_serial_dates_fractions_and_absent_ratios() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let headers = [
        "Date",
        "Portfolio name",
        "Currency",
        "Campaign Name",
        "Ad Group Name",
        "Advertised SKU",
        "Advertised ASIN",
        "Impressions",
        "Clicks",
        "Click-Thru Rate (CTR)",
        "Cost Per Click (CPC)",
        "Spend",
        "7 Day Total Sales ",
        "Total Advertising Cost of Sales (ACoS) ",
        "7 Day Total Orders (#)",
    ];
    for (column, header) in (0u16..).zip(headers) {
        sheet.write_string(0, column, header).unwrap();
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("mmm dd, yyyy");
    for (row, (serial, impressions, clicks, spend, sales)) in [
        (43_800.0, 1000.0, 10.0, 5.0, 50.0),
        (43_800.0, 0.0, 1.0, 0.45, 0.0),
        (43_801.0, 9.0, 0.0, 0.0, 0.0),
    ]
    .into_iter()
    .enumerate()
    {
        let row = u32::try_from(row).unwrap() + 1;
        sheet
            .write_number_with_format(row, 0, serial, &date)
            .unwrap();
        for (column, text) in [
            (1, "Not grouped"),
            (2, "USD"),
            (3, "C1"),
            (4, "G1"),
            (5, "SKU-1"),
            (6, "B01"),
        ] {
            sheet.write_string(row, column, text).unwrap();
        }
        for (column, value) in [
            (7, impressions),
            (8, clicks),
            (11, spend),
            (12, sales),
            (14, 0.0),
        ] {
            sheet.write_number(row, column, value).unwrap();
        }
        if impressions > 0.0 {
            sheet.write_number(row, 9, clicks / impressions).unwrap();
        }
        if sales > 0.0 {
            sheet.write_number(row, 13, spend / sales).unwrap();
        }
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let filter = WeekFilter {
        week: "2019-W48".parse().unwrap(),
        start: WeekStart::Monday,
    };
    let file = read_report_bytes(Path::new("ads.xlsx"), &bytes, Some(filter)).unwrap();
    assert_eq!(file.kind, ReportKind::AdsAdvertisedProduct);
    assert_eq!(file.rows, 3);
    let totals = file.facts.totals();
    assert_eq!(totals.impressions, Some(1000));
    assert_eq!(totals.clicks, Some(11));
    assert_eq!(totals.ad_spend, Some(Money::from_cents(545)));
    assert_eq!(totals.ad_sales, Some(Money::from_cents(5000)));
    assert_eq!(file.currency.as_deref(), Some("USD"));
    assert!(
        file.warnings[0]
            .en
            .starts_with("1 rows dated outside 2019-W48"),
        "{:?}",
        file.warnings
    );
}

#[test]
fn search_terms_key_on_campaign_and_term() {
    let csv = "Start Date,End Date,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Impressions,Clicks,Spend,7 Day Total Sales \n\
               \"Jul 03, 2025\",\"Jul 03, 2025\",USD,C,G,k,BROAD,bath mat,10,1,$1.21,$0.00\n\
               \"Jul 04, 2025\",\"Jul 05, 2025\",USD,C,G,k,BROAD,bath mat,5,0,$0.00,$0.00\n";
    let file = read_csv(csv, None);
    let ReportFacts::SearchTerms(terms) = &file.facts else {
        panic!()
    };
    assert_eq!(terms.len(), 1);
    assert_eq!(terms[0].search_term, "bath mat");
    assert_eq!(terms[0].figures.impressions, 15);
}
