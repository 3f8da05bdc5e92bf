//! The real Amazon downloads in `../shared/real-reports/`: `opsdeck check`
//! must read each as it is, and its totals must equal an independent
//! computation made here with nothing but the `csv` and `calamine` crates.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::unwrap_used
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};

mod support;

use support::reports::{cents, check, csv_rows, int, money, shared_dir};

fn reports_dir() -> PathBuf {
    shared_dir("real-reports")
}

/// A Business Report summed by hand: sales over rows, traffic once per child ASIN (the largest).
fn check_business_report(
    name: &str,
    sessions: &str,
    page_views: &str,
    units: &str,
    sales: &str,
    orders: &str,
) {
    let dir = reports_dir();
    let path = dir.join(name);
    let rows = csv_rows(&path);
    let mut traffic: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    let mut skus = BTreeSet::new();
    for row in &rows {
        let entry = traffic.entry(row["(Child) ASIN"].as_str()).or_default();
        entry.0 = entry.0.max(int(&row[sessions]));
        entry.1 = entry.1.max(int(&row[page_views]));
        if let Some(sku) = row.get("SKU") {
            skus.insert(sku.as_str());
        }
    }
    let file = check(&path);
    let totals = &file["totals"];
    assert_eq!(file["kind"], "business_report");
    assert_eq!(file["rows"], rows.len());
    assert_eq!(file["skus"], skus.len());
    assert_eq!(file["child_asins"], traffic.len());
    assert_eq!(
        totals["units"],
        rows.iter().map(|r| int(&r[units])).sum::<i64>()
    );
    assert_eq!(
        money(&totals["sales"]),
        rows.iter().map(|r| cents(&r[sales])).sum::<i64>()
    );
    assert_eq!(
        totals["orders"],
        rows.iter().map(|r| int(&r[orders])).sum::<i64>()
    );
    assert_eq!(
        totals["sessions"],
        traffic.values().map(|t| t.0).sum::<i64>()
    );
    assert_eq!(
        totals["page_views"],
        traffic.values().map(|t| t.1).sum::<i64>()
    );
    assert!(totals["ad_spend"].is_null());
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn uk_business_report_by_child_item() {
    check_business_report(
        "uk-2025-2026/BusinessReport-02-04-2026.csv",
        "Sessions – Total",
        "Page views – Total",
        "Units ordered",
        "Ordered Product Sales",
        "Total order items",
    );
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn uk_business_report_by_asin_without_sku() {
    check_business_report(
        "uk-2025-2026/BusinessReport-15-10-2025.csv",
        "Sessions – Total",
        "Page views – Total",
        "Units ordered",
        "Ordered Product Sales",
        "Total order items",
    );
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn uk_business_report_with_device_split() {
    check_business_report(
        "uk-2025-2026/BusinessReport-23-07-2025-devicesplit.csv",
        "Sessions – Total",
        "Page views – Total",
        "Units ordered",
        "Ordered Product Sales",
        "Total order items",
    );
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn us_legacy_business_report() {
    check_business_report(
        "us-2019/BusinessReport-11-21-19.csv",
        "Sessions",
        "Page Views",
        "Units Ordered",
        "Ordered Product Sales",
        "Total Order Items",
    );
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn us_campaign_report_csv() {
    let dir = reports_dir();
    let path = dir.join("us-2019/Sponsored Products Campaign report.csv");
    let rows = csv_rows(&path);
    let file = check(&path);
    let totals = &file["totals"];
    assert_eq!(file["kind"], "ads_campaign");
    assert_eq!(file["rows"], rows.len());
    assert_eq!(file["currency"], "USD");
    assert_eq!(
        totals["impressions"],
        rows.iter().map(|r| int(&r["Impressions"])).sum::<i64>()
    );
    assert_eq!(
        totals["clicks"],
        rows.iter().map(|r| int(&r["Clicks"])).sum::<i64>()
    );
    assert_eq!(
        money(&totals["ad_spend"]),
        rows.iter().map(|r| cents(&r["Spend"])).sum::<i64>()
    );
    assert_eq!(
        money(&totals["ad_sales"]),
        rows.iter()
            .map(|r| cents(&r["7 Day Total Sales "]))
            .sum::<i64>()
    );
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn us_advertised_product_report_xlsx() {
    let dir = reports_dir();
    let path = dir.join("us-2019/Sponsored Products Advertised product report.xlsx");
    let mut workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let number = |cell: &Data| match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        _ => 0.0,
    };
    let (mut impressions, mut clicks, mut spend, mut sales, mut count) =
        (0i64, 0i64, 0i64, 0i64, 0);
    let (mut skus, mut asins) = (BTreeSet::new(), BTreeSet::new());
    for row in rows {
        count += 1;
        impressions += number(&row[col("Impressions")]) as i64;
        clicks += number(&row[col("Clicks")]) as i64;
        spend += (number(&row[col("Spend")]) * 100.0).round() as i64;
        sales += (number(&row[col("7 Day Total Sales ")]) * 100.0).round() as i64;
        skus.insert(row[col("Advertised SKU")].to_string());
        asins.insert(row[col("Advertised ASIN")].to_string());
    }
    let file = check(&path);
    let totals = &file["totals"];
    assert_eq!(file["kind"], "ads_advertised_product");
    assert_eq!(file["rows"], count);
    assert_eq!(file["skus"], skus.len());
    assert_eq!(file["child_asins"], asins.len());
    assert_eq!(totals["impressions"], impressions);
    assert_eq!(totals["clicks"], clicks);
    assert_eq!(money(&totals["ad_spend"]), spend);
    assert_eq!(money(&totals["ad_sales"]), sales);
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn us_manage_fba_inventory_windows_1252() {
    let dir = reports_dir();
    let path = dir.join("us-2019/manage FBA inventory 12.17.csv");
    let rows = csv_rows(&path);
    let mut fnskus = BTreeSet::new();
    let (mut available, mut inbound) = (0, 0);
    for row in &rows {
        if fnskus.insert(row["fnsku"].clone()) {
            available += int(&row["afn-fulfillable-quantity"]);
            inbound += int(&row["afn-inbound-working-quantity"])
                + int(&row["afn-inbound-shipped-quantity"])
                + int(&row["afn-inbound-receiving-quantity"]);
        }
    }
    let file = check(&path);
    assert_eq!(file["kind"], "fba_inventory");
    assert_eq!(file["rows"], rows.len());
    assert_eq!(file["totals"]["available_units"], available);
    assert_eq!(file["totals"]["inbound_units"], inbound);
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn us_inventory_health_old_planning_layout() {
    let dir = reports_dir();
    let path = dir.join("us-2019/12.20 inventory health.csv");
    let rows = csv_rows(&path);
    let file = check(&path);
    assert_eq!(file["kind"], "fba_inventory_planning");
    assert_eq!(file["rows"], rows.len());
    assert_eq!(
        file["totals"]["available_units"],
        rows.iter()
            .map(|r| int(&r["sellable-quantity"]))
            .sum::<i64>()
    );
    assert_eq!(
        file["totals"]["inbound_units"],
        rows.iter()
            .map(|r| int(&r["in-bound-quantity"]))
            .sum::<i64>()
    );
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn us_fba_returns() {
    let dir = reports_dir();
    let path = dir.join("us-2019/12.1-12.20 return.csv");
    let rows = csv_rows(&path);
    let file = check(&path);
    assert_eq!(file["kind"], "fba_returns");
    assert_eq!(file["rows"], rows.len());
    assert_eq!(
        file["totals"]["returned_units"],
        rows.iter().map(|r| int(&r["quantity"])).sum::<i64>()
    );
    let skus: BTreeSet<_> = rows.iter().map(|r| r["sku"].clone()).collect();
    assert_eq!(file["skus"], skus.len());
}

#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn all_nine_files_at_once_read_without_error() {
    let dir = reports_dir();
    let mut files: Vec<PathBuf> = Vec::new();
    for market in ["uk-2025-2026", "us-2019"] {
        for entry in std::fs::read_dir(dir.join(market)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    assert_eq!(files.len(), 9);
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .arg("check")
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.ends_with("9 files read, no errors.\n"), "{stdout}");
}

/// A week of history is read only as far as the trends need: on every real
/// download that leaves units, sales, sessions, ad spend and ad sales — and
/// every other kind's figures — exactly as a full read gives them.
#[test]
#[ignore = "needs ../shared/real-reports (cargo test -- --include-ignored)"]
fn trend_detail_reads_the_trend_figures_of_a_full_read() {
    use opsdeck::import::kind_read::Detail;
    use opsdeck::import::report::{read_report, read_report_with};
    let dir = reports_dir();
    let mut compared = 0;
    for folder in std::fs::read_dir(&dir).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let full = read_report(&path, None).unwrap().facts.totals();
            let trends = read_report_with(&path, None, Detail::Trends, &[])
                .unwrap()
                .facts
                .totals();
            let kept = |t: &opsdeck::domain::report::Totals| {
                (
                    t.units,
                    t.sales,
                    t.sessions,
                    t.ad_spend,
                    t.ad_sales,
                    t.available_units,
                    t.inbound_units,
                    t.returned_units,
                )
            };
            assert_eq!(kept(&trends), kept(&full), "{}", path.display());
            compared += 1;
        }
    }
    assert_eq!(compared, 9);
}
