//! Rendering one simulated week as the files a seller downloads from Seller
//! Central and the Ads console.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use crate::amazon_layouts::{
    ADVERTISED_PRODUCT_HEADER, AdRow, BUSINESS_REPORT_HEADER, BusinessRow,
    MANAGE_INVENTORY_COLUMNS, PLANNING_COLUMNS, RETURNS_HEADER, push_csv_record, push_tsv_record,
};
use crate::catalog::{CATALOG, asin, fnsku};
use crate::simulate::{Rng, SkuWeek};

const BOM: &str = "\u{FEFF}";

/// The Business Report by child item for one week.
pub fn business_report(figures: &[SkuWeek]) -> String {
    let mut seen_asins = std::collections::BTreeSet::new();
    let (mut account_sessions, mut account_views) = (0, 0);
    for (product, week) in CATALOG.iter().zip(figures) {
        if seen_asins.insert(product.asin_key) {
            account_sessions += week.sessions;
            account_views += week.page_views;
        }
    }
    let mut out = format!("{BOM}{BUSINESS_REPORT_HEADER}\n");
    for (product, week) in CATALOG.iter().zip(figures) {
        BusinessRow {
            parent_asin: &asin(product.parent_key),
            child_asin: &asin(product.asin_key),
            title: product.title,
            sku: product.sku,
            sessions: week.sessions,
            page_views: week.page_views,
            buy_box: week.buy_box,
            units: week.units,
            sales_cents: week.sales_cents,
            orders: week.orders,
            account_sessions,
            account_page_views: account_views,
        }
        .push(&mut out);
    }
    out
}

/// The Sponsored Products advertised product report, Daily, for one week.
pub fn advertised_products(figures: &[SkuWeek], monday: NaiveDate) -> String {
    let mut out = format!("{BOM}{ADVERTISED_PRODUCT_HEADER}\n");
    for day in 0..7 {
        let date = (monday + Days::new(day as u64))
            .format("%b %d, %Y")
            .to_string();
        for (product, week) in CATALOG.iter().zip(figures) {
            let (impressions, clicks, spend, sales, orders, units) = week.ads[day];
            let campaign = format!("SP - {} - Auto", product.sku);
            AdRow {
                date: &date,
                campaign: &campaign,
                ad_group: "Auto targeting",
                sku: product.sku,
                asin: &asin(product.asin_key),
                impressions,
                clicks,
                spend_cents: spend,
                sales_cents: sales,
                orders,
                units,
            }
            .push(&mut out);
        }
    }
    out
}

/// Manage FBA Inventory as downloaded (tab-separated `.txt`).
pub fn manage_inventory(figures: &[SkuWeek]) -> String {
    let mut out = String::new();
    push_tsv_record(&mut out, &MANAGE_INVENTORY_COLUMNS);
    for (product, week) in CATALOG.iter().zip(figures) {
        let reserved = week.available / 25;
        let unsellable = u64::from(week.returns.len() > 2);
        let warehouse = week.available + reserved + unsellable;
        let fields = [
            product.sku.to_owned(),
            fnsku(product.sku),
            asin(product.asin_key),
            product.title.to_owned(),
            "New".to_owned(),
            format!(
                "{}.{:02}",
                product.price_cents / 100,
                product.price_cents % 100
            ),
            "No".to_owned(),
            String::new(),
            "Yes".to_owned(),
            warehouse.to_string(),
            week.available.to_string(),
            unsellable.to_string(),
            reserved.to_string(),
            (warehouse + week.inbound).to_string(),
            "0.21".to_owned(),
            "0".to_owned(),
            week.inbound.to_string(),
            "0".to_owned(),
            "0".to_owned(),
            "0".to_owned(),
            "0".to_owned(),
        ];
        push_tsv_record(&mut out, &fields);
    }
    out
}

/// FBA Inventory (planning), snapshot taken on the week's Sunday.
pub fn inventory_planning(figures: &[SkuWeek], sunday: NaiveDate) -> String {
    let mut out = String::new();
    push_tsv_record(&mut out, &PLANNING_COLUMNS);
    for (product, week) in CATALOG.iter().zip(figures) {
        let weekly = week.units.max(1);
        let days_of_supply = week.available * 7 / weekly;
        let reserved = week.available / 25;
        // Amazon recommends shipping in eight weeks of sales when under 45 days are left.
        let short = (weekly * 8).saturating_sub(week.available + week.inbound);
        let (ship_in, ship_in_date) = if days_of_supply < 45 && short > 0 {
            (short.to_string(), (sunday + Days::new(7)).to_string())
        } else {
            (String::new(), String::new())
        };
        let young = week.available.saturating_sub(week.aged_181_270);
        let price = format!(
            "{}.{:02}",
            product.price_cents / 100,
            product.price_cents % 100
        );
        let values: Vec<(&str, String)> = vec![
            ("snapshot-date", sunday.to_string()),
            ("sku", product.sku.to_owned()),
            ("fnsku", fnsku(product.sku)),
            ("asin", asin(product.asin_key)),
            ("product-name", product.title.to_owned()),
            ("condition", "New".to_owned()),
            ("available", week.available.to_string()),
            ("inv-age-0-to-90-days", (young * 3 / 4).to_string()),
            (
                "inv-age-91-to-180-days",
                (young - young * 3 / 4).to_string(),
            ),
            ("inv-age-181-to-270-days", week.aged_181_270.to_string()),
            ("currency", "USD".to_owned()),
            ("units-shipped-t7", week.units.to_string()),
            ("units-shipped-t30", (week.units * 4).to_string()),
            ("your-price", price.clone()),
            ("sales-price", price.clone()),
            ("featuredoffer-price", price),
            ("marketplace", "US".to_owned()),
            ("product-group", product.group.to_owned()),
            ("sales-rank", week.sales_rank.to_string()),
            ("days-of-supply", days_of_supply.to_string()),
            ("inbound-quantity", week.inbound.to_string()),
            ("inbound-shipped", week.inbound.to_string()),
            (
                "quantity-to-be-charged-ais-181-210-days",
                week.aged_181_270.to_string(),
            ),
            (
                "estimated-ais-181-210-days",
                format!(
                    "{}.{:02}",
                    week.aged_ais_cents / 100,
                    week.aged_ais_cents % 100
                ),
            ),
            ("storage-type", "Standard".to_owned()),
            ("Total Reserved Quantity", reserved.to_string()),
            ("fc-transfer", (reserved / 2).to_string()),
            ("Reserved FC Processing", (reserved / 4).to_string()),
            (
                "Reserved Customer Order",
                (reserved - reserved / 2 - reserved / 4).to_string(),
            ),
            ("Recommended ship-in quantity", ship_in.clone()),
            ("Recommended ship-in date", ship_in_date.clone()),
        ];
        let row: Vec<String> = PLANNING_COLUMNS
            .iter()
            .map(|column| {
                values.iter().find(|(name, _)| name == column).map_or_else(
                    || {
                        if column.starts_with("estimated") || column.starts_with("quantity") {
                            "0".to_owned()
                        } else {
                            String::new()
                        }
                    },
                    |(_, v)| v.clone(),
                )
            })
            .collect();
        push_tsv_record(&mut out, &row);
    }
    out
}

/// FBA customer returns processed during the week.
pub fn returns(figures: &[SkuWeek], monday: NaiveDate, week_index: usize) -> String {
    let mut out = format!("{RETURNS_HEADER}\n");
    for (product, week) in CATALOG.iter().zip(figures) {
        let mut rng = Rng::new(&[product.sku, "return-ids"], week_index);
        for (day, reason, comment) in &week.returns {
            let date = monday + Days::new(*day as u64);
            let disposition = if *reason == "DEFECTIVE" {
                "DEFECTIVE"
            } else {
                "SELLABLE"
            };
            let mut line = String::new();
            let _ = write!(
                line,
                "{date}T{:02}:{:02}:{:02}+00:00",
                8 + rng.next() % 10,
                rng.next() % 60,
                rng.next() % 60
            );
            let fields = [
                line,
                format!(
                    "11{}-{:07}-{:07}",
                    rng.next() % 10,
                    rng.next() % 10_000_000,
                    rng.next() % 10_000_000
                ),
                product.sku.to_owned(),
                asin(product.asin_key),
                fnsku(product.sku),
                product.title.to_owned(),
                "1".to_owned(),
                ["PHX7", "ONT8", "LGB3", "SMF3"][(rng.next() % 4) as usize].to_owned(),
                disposition.to_owned(),
                (*reason).to_owned(),
                "Unit returned to inventory".to_owned(),
                format!("LPNRR{:09}", rng.next() % 1_000_000_000),
                (*comment).to_owned(),
            ];
            push_tsv_record(&mut out, &fields);
        }
    }
    out
}

/// The week's `week.toml`: account figures with no download.
pub fn week_toml(figures: &[SkuWeek], week_index: usize) -> String {
    let mut rng = Rng::new(&["account"], week_index);
    let mut out = format!(
        "# Account-level figures for the week, typed in from Account Health and the IPI page.\n\
         odr = {:.4}\nipi = {}\n\n[rating]\n",
        rng.jitter(0.0035, 0.2),
        500 + rng.next() % 60
    );
    let mut seen = std::collections::BTreeSet::new();
    for (product, _) in CATALOG.iter().zip(figures) {
        if seen.insert(product.asin_key) {
            let mut stars = Rng::new(&[product.asin_key, "stars"], week_index).jitter(4.45, 0.02);
            if product.sku == crate::catalog::CUTTING_BOARD_L
                && week_index == crate::simulate::WEEKS - 1
            {
                stars = 4.0;
            }
            let _ = writeln!(out, "{} = {stars:.1}", asin(product.asin_key));
        }
    }
    out
}

/// Lead-time legs of the SKUs whose supplier gives them: production,
/// sea freight, check-in, and air freight for a bridge (blank: unknown).
const LEGS: [(&str, [&str; 4]); 3] = [
    (crate::catalog::CUTTING_BOARD_L, ["25", "30", "7", ""]),
    (crate::catalog::KNIFE_SHARPENER, ["20", "30", "7", "6"]),
    (crate::catalog::FOOD_BAGS, ["3", "28", "5", "5"]),
];

/// `supply.csv`: stock upstream of FBA — at AWD, and a purchase order on its way.
pub fn supply() -> String {
    let mut out = String::new();
    for record in [
        ["sku", "location", "units", "eta"],
        [crate::catalog::KNIFE_SHARPENER, "awd", "600", ""],
        [
            crate::catalog::CUTTING_BOARD_L,
            "on_order",
            "1200",
            "2026-12-21",
        ],
    ] {
        push_csv_record(&mut out, &record.map(str::to_owned));
    }
    out
}

/// `costs.csv`: unit cost, FBA fee and referral rate per SKU, and how it is
/// bought: lead time (blank: the workspace's) or its legs, case pack and MOQ
/// (blank: none).
pub fn costs() -> String {
    let mut out = String::new();
    push_csv_record(
        &mut out,
        &[
            "sku",
            "unit_cost",
            "fba_fee",
            "referral_rate",
            "lead_time_days",
            "case_pack",
            "moq",
            "production_days",
            "freight_days",
            "checkin_days",
            "air_freight_days",
        ],
    );
    for (i, product) in CATALOG.iter().enumerate() {
        let money = |cents: i64| format!("{}.{:02}", cents / 100, cents % 100);
        let rate = if i % 7 == 3 {
            "15%".to_owned()
        } else {
            "0.15".to_owned()
        };
        // A few SKUs come by air (shorter lead time); cartons of 24 or 48; MOQs on some.
        let lead_time = if i % 6 == 5 { "21" } else { "" };
        let case_pack = if i % 2 == 0 { "48" } else { "24" };
        let moq = if i % 3 == 0 { "500" } else { "" };
        let legs = LEGS
            .iter()
            .find(|(sku, _)| *sku == product.sku)
            .map_or([""; 4], |(_, legs)| *legs);
        let mut record = vec![
            product.sku.to_owned(),
            money(product.unit_cost_cents),
            money(product.fba_fee_cents),
            rate,
            lead_time.to_owned(),
            case_pack.to_owned(),
            moq.to_owned(),
        ];
        record.extend(legs.map(str::to_owned));
        push_csv_record(&mut out, &record);
    }
    out
}
