//! The second set of real downloads, `../shared/real-reports-wild/`: German
//! headers, reports by date, 14-day attribution, targeting, re-saved
//! workbooks and the Amazon-fulfilled Inventory report. Each file must be
//! read as the right kind, with totals equal to a computation made here
//! with nothing but `csv` and `calamine`. Skips, saying why, where the
//! folder is absent.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::unwrap_used
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use calamine::{Data, Reader};

mod support;

use support::reports::{cents, check, check_all, csv_rows, int, money, shared_dir};

fn wild_dir() -> PathBuf {
    shared_dir("real-reports-wild")
}

/// Cents of a German amount: `17.510,95 €`.
fn german_cents(text: &str) -> i64 {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    (kept.replace(',', ".").parse::<f64>().unwrap() * 100.0).round() as i64
}

/// Spend, sales, impressions and clicks of an ads workbook, summed by hand;
/// `sales` is the exact header of its sales column.
fn check_ads_workbook(name: &str, kind: &str, sales: &str) {
    let dir = wild_dir();
    let path = dir.join(name);
    let mut workbook = calamine::open_workbook_auto(&path).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    let col = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&h.as_str()))
            .unwrap_or_else(|| panic!("{names:?} not in {header:?}"))
    };
    let (spend, sold) = (col(&["Spend", "Ausgaben"]), col(&[sales]));
    let (impressions, clicks) = (
        col(&["Impressions", "Impressionen"]),
        col(&["Clicks", "Klicks"]),
    );
    let number = |cell: &Data| match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        Data::String(text) => cents(text) as f64 / 100.0,
        _ => 0.0,
    };
    let mut sums = (0usize, 0i64, 0i64, 0i64, 0i64);
    for row in rows.filter(|row| row.iter().any(|cell| !matches!(cell, Data::Empty))) {
        sums.0 += 1;
        sums.1 += (number(&row[spend]) * 100.0).round() as i64;
        sums.2 += (number(&row[sold]) * 100.0).round() as i64;
        sums.3 += number(&row[impressions]) as i64;
        sums.4 += number(&row[clicks]) as i64;
    }
    let file = check(&path);
    let totals = &file["totals"];
    assert_eq!(file["kind"], kind, "{name}");
    assert_eq!(file["rows"], sums.0, "{name}");
    assert_eq!(money(&totals["ad_spend"]), sums.1, "{name}");
    assert_eq!(money(&totals["ad_sales"]), sums.2, "{name}");
    assert_eq!(totals["impressions"], sums.3, "{name}");
    assert_eq!(totals["clicks"], sums.4, "{name}");
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn german_search_term_workbook() {
    check_ads_workbook(
        "ads/de-2025-searchterm-Suchbegriff.xlsx",
        "ads_search_term",
        "7 Tage, Umsatz gesamt (€)",
    );
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn workbooks_resaved_in_excel_and_libreoffice() {
    check_ads_workbook(
        "ads/ae-2025-searchterm-macexcel.xlsx",
        "ads_search_term",
        "7 Day Total Sales ",
    );
    check_ads_workbook(
        "ads/in-2020-searchterm-14day-excel.xlsx",
        "ads_search_term",
        "14 Day Total Sales (₹)",
    );
    check_ads_workbook(
        "ads/in-2020-targeting-14day.xlsx",
        "ads_targeting",
        "14 Day Total Sales (₹)",
    );
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn fourteen_day_attribution_and_amazon_written_workbooks() {
    check_ads_workbook(
        "ads/in-2020-advertised-product-14day.xlsx",
        "ads_advertised_product",
        "14 Day Total Sales (₹)",
    );
    check_ads_workbook(
        "ads/uk-2023-searchterm-daily.xlsx",
        "ads_search_term",
        "7 Day Total Sales",
    );
    let dir = wild_dir();
    let window = |name: &str| check(&dir.join(name))["ad_attribution_days"].clone();
    assert_eq!(window("ads/in-2020-advertised-product-14day.xlsx"), 14);
    assert_eq!(window("ads/uk-2023-searchterm-daily.xlsx"), 7);
    for name in [
        "ads/us-2019-searchterm-hiall.xlsx",
        "ads/us-2019-searchterm-zhouyuh.xlsx",
        "ads/us-2025-searchterm.xlsx",
    ] {
        check_ads_workbook(name, "ads_search_term", "7 Day Total Sales ");
    }
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn german_campaign_csv_with_english_money_and_an_indian_one_with_rupees() {
    let dir = wild_dir();
    for (name, spend, sales) in [
        (
            "ads/de-2025-campaign-Kampagne.csv",
            "Ausgaben",
            "7 Tage, Umsatz gesamt (€)",
        ),
        (
            "ads/in-2020-campaign-14day.csv",
            "Spend",
            "14 Day Total Sales (₹)",
        ),
    ] {
        let path = dir.join(name);
        let rows = csv_rows(&path);
        let file = check(&path);
        assert_eq!(file["kind"], "ads_campaign", "{name}");
        assert_eq!(file["rows"], rows.len(), "{name}");
        let sum = |column: &str| {
            rows.iter()
                .map(|r| cents(r[column].trim_start_matches("Rs.")))
                .sum::<i64>()
        };
        assert_eq!(money(&file["totals"]["ad_spend"]), sum(spend), "{name}");
        assert_eq!(money(&file["totals"]["ad_sales"]), sum(sales), "{name}");
    }
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn german_business_report_mixes_number_styles() {
    let dir = wild_dir();
    let path = dir.join("br/de-2025-BusinessReport-02.04.25.csv");
    let rows = csv_rows(&path);
    let mut sessions: BTreeMap<&str, i64> = BTreeMap::new();
    for row in &rows {
        sessions.insert(
            &row["(Untergeordnete) ASIN"],
            int(&row["Sitzungen\u{a0}– Summe"]),
        );
    }
    let file = check(&path);
    let totals = &file["totals"];
    assert_eq!(file["kind"], "business_report");
    assert_eq!(file["currency"], "EUR");
    assert_eq!(file["rows"], rows.len());
    assert_eq!(
        money(&totals["sales"]),
        rows.iter()
            .map(|r| german_cents(&r["Durch bestellte Produkte erzielter Umsatz"]))
            .sum::<i64>()
    );
    assert_eq!(
        totals["units"],
        rows.iter()
            .map(|r| int(&r["Bestellte Einheiten"]))
            .sum::<i64>()
    );
    assert_eq!(
        totals["orders"],
        rows.iter()
            .map(|r| int(&r["Zahl der Bestellposten"]))
            .sum::<i64>()
    );
    assert_eq!(totals["sessions"], sessions.values().sum::<i64>());
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn uk_business_reports_by_child_item() {
    let dir = wild_dir();
    for name in [
        "br/uk-2026-BusinessReport-31-03-2026.csv",
        "br/uk-2025-Wk28.csv",
    ] {
        let path = dir.join(name);
        let rows = csv_rows(&path);
        let asins: BTreeSet<&str> = rows.iter().map(|r| r["(Child) ASIN"].as_str()).collect();
        let file = check(&path);
        assert_eq!(file["kind"], "business_report", "{name}");
        assert_eq!(file["child_asins"], asins.len(), "{name}");
        let sales = rows
            .iter()
            .map(|r| cents(&r["Ordered Product Sales"]))
            .sum::<i64>();
        assert_eq!(money(&file["totals"]["sales"]), sales, "{name}");
    }
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn business_reports_by_date_in_either_day_order() {
    let dir = wild_dir();
    for (name, currency) in [
        (
            "br-by-date/ae-2024-BusinessReport-9-25-24-SalesTraffic.csv",
            "AED",
        ),
        ("br-by-date/us-2025-BusinessReport-2-16-25-2.csv", "USD"),
    ] {
        let path = dir.join(name);
        let rows = csv_rows(&path);
        let file = check(&path);
        let totals = &file["totals"];
        assert_eq!(file["kind"], "business_report_by_date", "{name}");
        assert_eq!(file["currency"], currency, "{name}");
        assert_eq!(file["rows"], rows.len(), "{name}");
        let sum = |column: &str| rows.iter().map(|r| int(&r[column])).sum::<i64>();
        assert_eq!(totals["units"], sum("Units Ordered"), "{name}");
        assert_eq!(totals["sessions"], sum("Sessions - Total"), "{name}");
        assert_eq!(totals["orders"], sum("Total Order Items"), "{name}");
        let sales = rows
            .iter()
            .map(|r| cents(&r["Ordered Product Sales"]))
            .sum::<i64>();
        assert_eq!(money(&totals["sales"]), sales, "{name}");
    }
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn amazon_fulfilled_inventory_counts_sellable_units() {
    let dir = wild_dir();
    let path = dir.join("inventory/us-2020-amazon-fulfilled-inventory.csv");
    let rows = csv_rows(&path);
    let sellable: i64 = rows
        .iter()
        .filter(|r| r["Warehouse-Condition-code"] == "SELLABLE")
        .map(|r| int(&r["Quantity Available"]))
        .sum();
    let skus: BTreeSet<&str> = rows.iter().map(|r| r["seller-sku"].as_str()).collect();
    let file = check(&path);
    assert_eq!(file["kind"], "afn_inventory");
    assert_eq!(file["skus"], skus.len());
    assert_eq!(file["totals"]["available_units"], sellable);
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn windows_1252_returns() {
    let dir = wild_dir();
    let path = dir.join("returns/us-2020-return-2.1-2.17.csv");
    let rows = csv_rows(&path);
    let file = check(&path);
    assert_eq!(file["kind"], "fba_returns");
    assert_eq!(
        file["totals"]["returned_units"],
        rows.iter().map(|r| int(&r["quantity"])).sum::<i64>()
    );
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn all_eighteen_files_read_with_no_error() {
    let dir = wild_dir();
    let files: Vec<PathBuf> = ["ads", "br", "br-by-date", "inventory", "returns"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(dir.join(folder)).unwrap())
        .map(|entry| entry.unwrap().path())
        .collect();
    let json = check_all(&files);
    assert_eq!(json["files"].as_array().unwrap().len(), 18, "{json:#}");
}

/// Every file under `dir` but the folders' READMEs.
fn downloads(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = support::files_under(dir);
    files.retain(|path| path.file_name().is_some_and(|n| n != "README.md"));
    files
}

#[test]
#[ignore = "needs ../shared/real-reports-wild (cargo test -- --include-ignored)"]
fn every_real_download_reads_alone_and_all_together() {
    let mut files = downloads(&wild_dir());
    files.extend(downloads(&shared_dir("real-reports")));
    assert_eq!(files.len(), 27, "the 27 real downloads");
    for file in &files {
        check(file);
    }
    let json = check_all(&files);
    assert_eq!(json["files"].as_array().unwrap().len(), 27);
}
