//! The generated reports and workspaces the benchmarks read: a catalogue of
//! any size, its Business Reports and ads reports week by week, as Amazon
//! lays them out (`tools/amazon_layouts.rs`).

// Generated counts and amounts are small: casts between them cannot overflow.
#![allow(clippy::cast_possible_wrap)]

use std::fs;
use std::path::{Path, PathBuf};

use crate::amazon_layouts::{
    ADVERTISED_PRODUCT_HEADER, AdRow, BUSINESS_REPORT_HEADER, BusinessRow,
};

/// Thirteen weeks (2026-W35 to W47) of a catalogue of `skus` SKUs, each
/// week a Business Report with a row per SKU and an ads report with a row
/// per SKU (half the SKUs advertised, each on two days).
pub fn write_workspace(root: &Path, skus: u64) {
    for week in 35..=47u64 {
        let dir = root.join(format!("weeks/2026-W{week}"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("BusinessReport.csv"),
            business_report_week(skus, week),
        )
        .unwrap();
        fs::write(
            dir.join("ads.csv"),
            advertised_products_week(skus, skus / 2, week),
        )
        .unwrap();
    }
}

/// The bench's workspace of 13 weeks of `skus` SKUs under `target/bench-data`, written once.
pub fn workspace(skus: u64) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let root = if skus == 100_000 {
        dir.join("workspace-13-weeks")
    } else {
        dir.join(format!("workspace-13-weeks-{skus}"))
    };
    if !root.join("weeks/2026-W47").exists() {
        write_workspace(&root, skus);
    }
    root
}

/// A 64-bit mixer for reproducible pseudo-random figures.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A Business Report by child item: one SKU per row, 1–3 SKUs per child
/// ASIN; the same catalogue every week `week`, other figures (week 0: any week).
pub fn business_report_week(rows: u64, week: u64) -> String {
    let mut out = format!("\u{FEFF}{BUSINESS_REPORT_HEADER}\n");
    let mut child = 0;
    for row in 0..rows {
        if mix(row).is_multiple_of(3) {
            child += 1;
        }
        let units = mix(row ^ 7 ^ (week << 40)) % 400;
        let sessions = units * 9 + mix(row ^ 3 ^ (week << 40)) % 500;
        BusinessRow {
            parent_asin: &format!("B0P{:07}", child / 4),
            child_asin: &format!("B0C{child:07}"),
            title: &format!(
                "Generated Kitchen Product {row}, Stainless Steel, Large, \"Premium\" Edition"
            ),
            sku: &format!("GEN-{row:06}-FBA"),
            sessions,
            page_views: sessions * 5 / 4,
            buy_box: 0.97,
            units,
            sales_cents: (units * 2_499) as i64,
            orders: units * 24 / 25,
            account_sessions: 50_000_000,
            account_page_views: 60_000_000,
        }
        .push(&mut out);
    }
    out
}

/// Ads of week `week` (ISO week of 2026): `products` products, each on
/// `rows / products` days of the week.
pub fn advertised_products_week(rows: u64, products: u64, week: u64) -> String {
    let mut out = format!("\u{FEFF}{ADVERTISED_PRODUCT_HEADER}\n");
    let monday = chrono::NaiveDate::from_isoywd_opt(
        2026,
        u32::try_from(week.max(1)).unwrap(),
        chrono::Weekday::Mon,
    )
    .unwrap();
    for row in 0..rows {
        let product = row % products;
        let clicks = mix(row ^ (week << 40)) % 40;
        let orders = clicks / 9;
        let day = if week == 0 {
            10 + row / products
        } else {
            row / products % 7
        };
        let date = if week == 0 {
            format!("Nov {day:02}, 2026")
        } else {
            (monday + chrono::Days::new(day))
                .format("%b %d, %Y")
                .to_string()
        };
        AdRow {
            date: &date,
            campaign: &format!("SP - Generated {} - Exact", product / 10),
            ad_group: "Exact",
            sku: &format!("GEN-{product:06}-FBA"),
            asin: &format!("B0C{:07}", product / 3),
            impressions: clicks * 240 + mix(row ^ 5) % 300,
            clicks,
            spend_cents: (clicks * 87) as i64,
            sales_cents: (orders * 2_499) as i64,
            orders,
            units: orders,
        }
        .push(&mut out);
    }
    out
}
