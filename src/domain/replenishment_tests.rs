//! Tests of the replenishment schedule: the stock's cover with and without
//! events, the order size, and the sample's lines recomputed by hand from
//! the sample's own figures.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::domain::calendar::EventKind;
use crate::import::weeks::load_report;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn event(start: NaiveDate, end: NaiveDate, uplift: f64) -> Event {
    Event {
        name: "Black Friday".into(),
        start,
        end,
        submit_by: None,
        kind: EventKind::Deal,
        skus: Vec::new(),
        uplift,
    }
}

#[test]
fn without_events_the_stock_lasts_stock_over_velocity() {
    assert!((cover(300.0, 10.0, &[], day(11, 22)) - 30.0).abs() < 1e-9);
}

#[test]
fn an_event_before_the_stock_runs_out_sells_faster_on_its_days() {
    // Days 5 to 8 after Sunday 22 November sell three times as fast: 8 extra days' worth.
    let friday = event(day(11, 27), day(11, 30), 3.0);
    let covered = cover(300.0, 10.0, &[&friday], day(11, 22));
    assert!((covered - 22.0).abs() < 1e-9, "{covered}");
    // An event after the stock is gone changes nothing.
    let later = event(day(12, 28), day(12, 31), 3.0);
    assert!((cover(300.0, 10.0, &[&later], day(11, 22)) - 30.0).abs() < 1e-9);
    // Running out inside the event: 40 units last 4 days, then 2 event days at 30 a day.
    let covered = cover(100.0, 10.0, &[&friday], day(11, 22));
    assert!((covered - 6.0).abs() < 1e-9, "{covered}");
}

#[test]
fn a_stock_that_runs_out_before_an_event_ends_is_short_by_the_days_left() {
    let friday = event(day(11, 27), day(11, 30), 1.0);
    let short = shortfall(6.0, &[&friday], day(11, 22)).unwrap();
    assert_eq!(
        (short.event.as_str(), short.days_short),
        ("Black Friday", 2)
    );
    assert_eq!(shortfall(8.0, &[&friday], day(11, 22)), None);
}

#[test]
fn orders_round_up_to_cases_and_reach_the_moq() {
    let cost = |case_pack, moq| SkuCost {
        sku: "S".into(),
        unit_cost: crate::domain::money::Money::from_cents(100),
        fba_fee: crate::domain::money::Money::from_cents(100),
        referral_rate: 0.15,
        lead_time_days: None,
        case_pack,
        moq,
    };
    assert_eq!(suggested(101.2, None), 102);
    assert_eq!(suggested(101.2, Some(&cost(Some(24), None))), 120);
    assert_eq!(suggested(101.2, Some(&cost(Some(24), Some(500)))), 500);
    assert_eq!(suggested(-5.0, Some(&cost(None, Some(500)))), 0);
}

#[test]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // counts of weeks, units and days
fn the_sample_spatulas_must_be_ordered_now_and_the_vacuum_bags_are_overstock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let loaded = load_report(&root, None).unwrap();
    let (report, settings) = (&loaded.report, &loaded.workspace.settings);
    let line = |sku: &str| report.supply.iter().find(|l| l.sku == sku).unwrap();
    let spatulas = line("HK-SP-SIL-5");
    assert_eq!(spatulas.status, SupplyStatus::OrderNow, "{spatulas:?}");
    // The formula, from the sample's own figures.
    let row = report
        .review
        .skus
        .iter()
        .find(|r| r.sku.as_deref() == Some("HK-SP-SIL-5"))
        .unwrap();
    let weeks: Vec<f64> = (0..13)
        .rev()
        .filter_map(|w| row.figures.trend_value(Metric::Units, w))
        .take(4)
        .collect();
    let velocity = weeks.iter().sum::<f64>() / (7.0 * weeks.len() as f64);
    let available = row.figures.current.get(Metric::AvailableUnits).unwrap();
    let inbound = row.figures.current.get(Metric::InboundUnits).unwrap_or(0.0);
    let cost = loaded
        .costs
        .iter()
        .find(|c| c.sku == "HK-SP-SIL-5")
        .unwrap();
    let lead = cost
        .lead_time_days
        .unwrap_or(settings.targets.lead_time_days);
    let needed = velocity * (lead + settings.replenishment.target_cover_days) - available - inbound;
    let case = cost.case_pack.unwrap_or(1);
    let in_cases = (needed / case as f64).ceil() as i64 * case;
    assert!((spatulas.velocity - velocity).abs() < 1e-9);
    assert_eq!(
        spatulas.suggested_units,
        in_cases.max(cost.moq.unwrap_or(0))
    );
    assert!(spatulas.suggested_units > 0);
    // The stock runs out before Black Friday starts: the event does not change the cover.
    let cover = (available + inbound) / velocity;
    let (_, sunday) = report.review.week.days(settings.week_start);
    let days = (cover - lead - settings.replenishment.safety_days).floor() as i64;
    assert_eq!(spatulas.order_by, Some(offset(sunday, days)));
    assert_eq!(line("HK-VB-20PK").status, SupplyStatus::Overstock);
    let short = spatulas.shortfall.as_ref().unwrap();
    assert_eq!(short.event, "Black Friday / Cyber Monday");
    assert!(report.anomalies.iter().any(|a| a.rule
        == crate::domain::diagnosis::Rule::StockoutDuringEvent
        && a.sku.as_deref() == Some("HK-SP-SIL-5")));
}
