//! Tests of the replenishment schedule on the sample's own figures: stock
//! pooled per listing, the velocity cleaned of a stockout, an event that
//! an order cannot reach in time and the air freight that can, upstream
//! stock, and the order size.

use std::path::Path;

use super::*;
use crate::domain::money::Money;
use crate::import::weeks::{LoadedReport, load_report};

fn sample() -> LoadedReport {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    load_report(&root, None).unwrap()
}

fn line<'a>(loaded: &'a LoadedReport, sku: &str) -> &'a SupplyLine {
    loaded
        .report
        .supply_of(sku)
        .unwrap_or_else(|| panic!("no line for {sku}"))
}

fn row<'a>(loaded: &'a LoadedReport, sku: &str) -> &'a SkuRow {
    loaded
        .report
        .review
        .skus
        .iter()
        .find(|r| r.key == sku)
        .unwrap()
}

fn cost(case_pack: Option<i64>, moq: Option<i64>) -> SkuCost {
    SkuCost {
        sku: "S".into(),
        unit_cost: Money::from_cents(100),
        fba_fee: Money::from_cents(100),
        referral_rate: 0.15,
        lead_time_days: None,
        case_pack,
        moq,
        legs: crate::domain::facts::LeadTimeLegs::default(),
        reorder_sku: None,
    }
}

#[test]
fn orders_round_up_to_cases_and_reach_the_moq() {
    assert_eq!(suggested(101.2, None), 102);
    assert_eq!(suggested(101.2, Some(&cost(Some(24), None))), 120);
    assert_eq!(suggested(101.2, Some(&cost(Some(24), Some(500)))), 500);
    assert_eq!(suggested(-5.0, Some(&cost(None, Some(500)))), 0);
}

/// Units of `skus` in trend week `week` (0 is the oldest), summed.
fn units_of(loaded: &LoadedReport, skus: &[&str], week: usize) -> f64 {
    skus.iter()
        .filter_map(|sku| row(loaded, sku).figures.trend_value(Metric::Units, week))
        .sum()
}

fn current(loaded: &LoadedReport, sku: &str, metric: Metric) -> f64 {
    row(loaded, sku).figures.current.get(metric).unwrap_or(0.0)
}

#[test]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // units and days
fn two_skus_of_one_listing_are_one_stock_position() {
    let loaded = sample();
    let settings = &loaded.workspace.settings;
    let pool = line(&loaded, "HK-SP-SIL-5-R");
    let skus = ["HK-SP-SIL-5", "HK-SP-SIL-5-R"];
    assert_eq!(pool.members.len(), 2);
    assert_eq!(pool.sku, "HK-SP-SIL-5", "the most sold SKU orders");
    assert!(line(&loaded, "HK-SP-SIL-5") == pool);
    // The formula, from the sample's own figures: four clean weeks.
    assert!(pool.excluded.is_empty());
    let velocity = (9..13).map(|w| units_of(&loaded, &skus, w)).sum::<f64>() / 28.0;
    assert!((pool.velocity - velocity).abs() < 1e-9);
    let reserved: i64 = skus
        .iter()
        .map(|sku| row(&loaded, sku).stock.as_ref().unwrap().fc_reserved)
        .sum();
    let available: f64 = skus
        .iter()
        .map(|sku| current(&loaded, sku, Metric::AvailableUnits))
        .sum();
    let stock = available + reserved as f64;
    assert!(stock > 2_900.0 && reserved > 0, "{stock}");
    // Black Friday (days 4–8 after the reviewed Sunday) sells 2.5 days a day:
    // the stock lasts 6 days less than stock ÷ velocity.
    let cover = stock / velocity - 6.0;
    assert!((pool.cover_days.unwrap() - cover).abs() < 1e-9);
    assert!((60.0..80.0).contains(&cover), "{cover}: not a stockout");
    let (_, sunday) = loaded.report.review.week.days(settings.week_start);
    let days = (cover - 35.0 - settings.replenishment.safety_days).floor() as i64;
    assert_eq!(pool.order_by, Some(offset(sunday, days)));
    assert_eq!(pool.arrives, Some(lead_arrival(pool.order_by.unwrap(), 35)));
    assert_eq!(pool.ship_by, None, "no production leg given");
    // Ordered today, the units it sells over 35 + 60 days, Black Friday's extra 6 days included.
    let needed = velocity * (95.0 + 6.0) - stock;
    let in_cases = (needed / 48.0).ceil() as i64 * 48;
    assert_eq!(pool.suggested_units, in_cases);
    assert!(
        (900..1_200).contains(&pool.suggested_units),
        "about a thousand"
    );
    assert_eq!(pool.status, SupplyStatus::Ok);
    assert_eq!(pool.shortfall, None, "the pool lasts through Black Friday");
    // Neither SKU raises a stockout: the pool has ten weeks of stock.
    assert!(!loaded.report.anomalies.iter().any(|a| {
        matches!(
            a.rule,
            crate::domain::rule_book::Rule::StockoutRisk
                | crate::domain::rule_book::Rule::StockoutDuringEvent
        ) && a.sku.as_deref().is_some_and(|s| s.starts_with("HK-SP-SIL"))
    }));
    // One days of supply: both SKUs show the pool's cover against its lead time.
    for sku in skus {
        let cell = row(&loaded, sku)
            .figures
            .cell(Metric::DaysOfSupply, settings);
        assert_eq!(cell.value, pool.cover_days);
        assert_eq!(
            cell.target,
            Some(crate::domain::judgement::Target::AtLeast(35.0))
        );
    }
}

fn lead_arrival(ordered: chrono::NaiveDate, days: u64) -> chrono::NaiveDate {
    ordered + chrono::Days::new(days)
}

#[test]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // units and days
fn an_order_that_misses_the_deal_by_sea_flies_the_bridge() {
    let loaded = sample();
    let pool = line(&loaded, "HK-SB-BPA");
    assert_eq!(pool.sku, "HK-SB-BPA");
    let empty: Vec<&str> = pool.empty_members().map(|m| m.sku.as_str()).collect();
    assert_eq!(empty, ["HK-SB-BPA"]);
    assert_eq!(pool.fullest_member().unwrap().sku, "HK-SB-BPA-R");
    assert_eq!(pool.status, SupplyStatus::OrderNow);
    // Legs 3 + 28 + 5: placed on the meeting's Monday, it ships 26 Nov and is sellable 29 Dec.
    assert!((pool.lead_time_days() - 36.0).abs() < 1e-12);
    assert_eq!(
        pool.ship_by.map(|d| d.to_string()).as_deref(),
        Some("2026-11-26")
    );
    assert_eq!(
        pool.arrives.map(|d| d.to_string()).as_deref(),
        Some("2026-12-29")
    );
    let late = pool.late_for_event.as_ref().unwrap();
    assert_eq!(late.event, "Holiday Lightning Deals");
    assert_eq!(late.needed_by.to_string(), "2026-12-07");
    assert_eq!(
        late.arrives_by_air.map(|d| d.to_string()).as_deref(),
        Some("2026-12-06")
    );
    // The bridge: what the pool sells until the sea freight on day 37 —
    // Black Friday's 4 days at 2.5 and the deal's 7 days at 1.8 included —
    // less its stock, in cases of 24 (its MOQ of 500 applies to the whole
    // order, not to the air part).
    let stock = pool.stock() as f64;
    let events = 4.0 * 1.5 + 7.0 * 0.8;
    let sold = pool.velocity * (37.0 + events);
    let air = ((sold - stock) / 24.0).ceil() as i64 * 24;
    assert_eq!(pool.air_units, air);
    let total = pool.velocity * (36.0 + 60.0 + events) - stock;
    assert_eq!(pool.suggested_units, (total / 24.0).ceil() as i64 * 24);
    assert!(pool.air_units < pool.suggested_units);
    // The event-stockout money counts the deal's uplift.
    let short = pool.shortfall.as_ref().unwrap();
    let cover = pool.cover_days.unwrap();
    let deal_end = 28.0;
    let expected = pool.velocity * ((deal_end - cover) + 7.0_f64.min(deal_end - cover) * 0.8);
    assert!((short.units_short - expected).abs() < 1e-6, "{short:?}");
}

#[test]
fn a_stockout_week_is_left_out_of_the_velocity() {
    let loaded = sample();
    let mitts = line(&loaded, "HK-OM-SIL-2");
    let weeks = &loaded.report.review.trend_weeks;
    assert_eq!(
        mitts.excluded,
        [Exclusion {
            week: weeks[9],
            days: None,
            reason: ExclusionReason::Stockout,
        }]
    );
    assert_eq!(weeks[9].to_string(), "2026-W44");
    let sku = ["HK-OM-SIL-2"];
    let kept = [8, 10, 11, 12].map(|w| units_of(&loaded, &sku, w));
    let cleaned = kept.iter().sum::<f64>() / 28.0;
    let raw = (9..13).map(|w| units_of(&loaded, &sku, w)).sum::<f64>() / 28.0;
    assert!((mitts.velocity - cleaned).abs() < 1e-9);
    assert!((mitts.velocity_uncleaned - raw).abs() < 1e-9);
    assert!(mitts.velocity > raw * 1.15, "the stockout hid demand");
}

#[test]
fn upstream_stock_joins_on_its_day_and_counts_against_the_order() {
    let loaded = sample();
    let sharpener = line(&loaded, "HK-KS-3STG");
    assert_eq!(sharpener.upstream, 600);
    let board = line(&loaded, "HK-CB-BAM-L");
    assert_eq!(board.upstream, 1_200);
    // Legs 20 + 30 + 7 for the sharpener: 57 days.
    assert!((sharpener.lead_time_days() - 57.0).abs() < 1e-12);
    assert_eq!(sharpener.lead_time.air_freight, Some(6.0));
    // Two deals ahead lift what the order must cover: it is no longer 0.
    assert!(sharpener.suggested_units > 0, "{sharpener:?}");
}

#[test]
fn the_plan_sums_the_volume_of_the_orders_against_the_storage_limit() {
    let loaded = sample();
    let capacity = loaded.report.capacity.unwrap();
    assert_eq!(capacity.limit, Some(15_000.0));
    #[allow(clippy::cast_precision_loss)] // unit counts
    let ordered: f64 = loaded
        .report
        .supply
        .iter()
        .map(|l| l.suggested_units as f64 * 0.21)
        .sum();
    assert!((capacity.ordered - ordered).abs() < 1e-6);
    assert!(capacity.total > capacity.ordered);
}

#[test]
fn a_sku_missing_from_the_samples_newest_business_report_sold_nothing() {
    // The SP-API by SKU leaves out a SKU without orders: the same week, its row gone.
    let dir = tempfile::tempdir().unwrap();
    let root = crate::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
    let report = root.join("weeks/2026-W47/BusinessReport-11-23-26.csv");
    let text = std::fs::read_to_string(&report).unwrap();
    let kept: String = text
        .split_inclusive('\n')
        .filter(|line| !line.contains(",HK-TW-6PC,"))
        .collect();
    assert!(kept.len() < text.len());
    std::fs::write(&report, kept).unwrap();
    let loaded = load_report(&root, None).unwrap();
    let towels = line(&loaded, "HK-TW-6PC");
    let before = sample();
    let was = line(&before, "HK-TW-6PC");
    // Three weeks of sales and a week of none: slower, not faster.
    let old_weeks = (9..12)
        .map(|w| units_of(&before, &["HK-TW-6PC"], w))
        .sum::<f64>();
    assert!(
        (towels.velocity - old_weeks / 28.0).abs() < 1e-9,
        "{towels:?}"
    );
    assert!(towels.velocity < was.velocity);
    let row = row(&loaded, "HK-TW-6PC");
    assert_eq!(row.figures.current.get(Metric::Units), Some(0.0));
    assert!(loaded.report.anomalies.iter().any(|a| {
        a.rule == crate::domain::rule_book::Rule::ListingInactive
            && a.sku.as_deref() == Some("HK-TW-6PC")
    }));
    assert!(
        loaded.report.notices.iter().any(|n| n
            .en
            .contains("1 SKUs named by the week's other reports are not in its sales report")),
        "{:?}",
        loaded.report.notices
    );
}
