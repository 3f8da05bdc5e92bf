//! The week's report on hand-made weeks where a purchasing lead would look
//! twice: two SKUs of one listing, a SKU missing from the sales report, a
//! deal week, stock that vanished, a rating that fell.

use chrono::Days;

use super::WeekReport;
use crate::domain::calendar::Event;
use crate::domain::facts::{AsinListing, BusinessFacts, DaySales, SkuSales, SkuStock, WeekFigures};
use crate::domain::metric::Metric;
use crate::domain::money::Money;
use crate::domain::replenishment::{ExclusionReason, SupplyLine};
use crate::domain::review::build_review;
use crate::domain::rule_book::Rule;
use crate::domain::settings::Settings;
use crate::domain::week::IsoWeek;
use crate::domain::week_data::WeekData;

/// One SKU's week: what it sold and the stock it ended with.
#[derive(Clone, Copy)]
#[allow(clippy::struct_field_names)] // a SKU's `sku` is its name
struct Sku {
    sku: &'static str,
    asin: &'static str,
    /// `None`: the SKU has no row in the week's sales report.
    units: Option<i64>,
    sessions: i64,
    available: i64,
    reserved: i64,
    inbound: i64,
    rating: Option<f64>,
}

fn sku(sku: &'static str, asin: &'static str, units: i64, available: i64) -> Sku {
    Sku {
        sku,
        asin,
        units: Some(units),
        sessions: units * 10,
        available,
        reserved: 0,
        inbound: 0,
        rating: None,
    }
}

const NEWEST: &str = "2026-W47";

fn week_of(back: u64) -> IsoWeek {
    let newest: IsoWeek = NEWEST.parse().unwrap();
    IsoWeek::containing(newest.monday() - Days::new(7 * back))
}

/// A week's reports: the Business Report, Manage FBA Inventory, `week.toml` ratings.
fn data(week: IsoWeek, skus: &[Sku]) -> WeekData {
    let mut data = WeekData::new(week);
    let mut listings: Vec<AsinListing> = Vec::new();
    for s in skus {
        if !listings.iter().any(|l| l.child_asin == s.asin) {
            listings.push(AsinListing {
                child_asin: s.asin.into(),
                parent_asin: "P".into(),
                title: String::new(),
                sessions: s.sessions,
                page_views: s.sessions,
                buy_box: Some(0.99),
            });
        }
    }
    data.business = Some(BusinessFacts {
        sales: skus
            .iter()
            .filter_map(|s| {
                Some(SkuSales {
                    child_asin: s.asin.into(),
                    sku: Some(s.sku.into()),
                    units: s.units?,
                    sales: Money::from_cents(s.units? * 2000),
                    orders: s.units?,
                })
            })
            .collect(),
        listings,
    });
    data.inventory = Some(
        skus.iter()
            .map(|s| SkuStock {
                sku: s.sku.into(),
                fnsku: format!("X-{}", s.sku),
                asin: s.asin.into(),
                title: String::new(),
                available: s.available,
                inbound: s.inbound,
                reserved: s.reserved,
                unsellable: 0,
                new_condition: true,
                unit_volume: None,
            })
            .collect(),
    );
    let ratings: Vec<(String, f64)> = skus
        .iter()
        .filter_map(|s| Some((s.asin.to_owned(), s.rating?)))
        .collect();
    if !ratings.is_empty() {
        data.figures = Some(WeekFigures {
            rating: ratings.into_iter().collect(),
            ..WeekFigures::default()
        });
    }
    data
}

/// The report of `weeks` (oldest first, the last one reviewed).
fn report_with(weeks: &[Vec<Sku>], settings: &Settings, days: &[(usize, Vec<i64>)]) -> WeekReport {
    let count = weeks.len() as u64;
    let data: Vec<WeekData> = weeks
        .iter()
        .enumerate()
        .map(|(at, skus)| {
            let week = week_of(count - 1 - at as u64);
            let mut data = data(week, skus);
            if let Some((_, units)) = days.iter().find(|(w, _)| *w == at) {
                data.days = Some(
                    units
                        .iter()
                        .enumerate()
                        .map(|(d, units)| DaySales {
                            date: week.monday() + Days::new(d as u64),
                            sales: Money::from_cents(units * 2000),
                            units: *units,
                            orders: *units,
                            sessions: units * 10,
                            page_views: units * 10,
                        })
                        .collect(),
                );
            }
            data
        })
        .collect();
    let review = build_review(&data, &[], settings).unwrap();
    WeekReport::diagnosed(review, None, &[], &[], settings)
}

fn report_of(weeks: &[Vec<Sku>]) -> WeekReport {
    report_with(weeks, &Settings::default(), &[])
}

fn line<'a>(report: &'a WeekReport, sku: &str) -> &'a SupplyLine {
    report.supply_of(sku).unwrap()
}

fn fired(report: &WeekReport, rule: Rule, sku: &str) -> bool {
    report
        .anomalies
        .iter()
        .any(|a| a.rule == rule && a.sku.as_deref() == Some(sku))
}

#[test]
fn two_skus_of_one_listing_pool_their_stock_and_the_empty_one_raises_no_stockout() {
    let weeks: Vec<Vec<Sku>> = (0..5)
        .map(|_| vec![sku("S1", "A1", 70, 0), sku("S1-R", "A1", 0, 2_000)])
        .collect();
    let report = report_of(&weeks);
    let pool = line(&report, "S1-R");
    assert_eq!(report.supply.len(), 1, "one listing, one line");
    assert_eq!((pool.pool.as_str(), pool.sku.as_str()), ("A1", "S1"));
    assert_eq!(pool.available, 2_000);
    assert!((pool.velocity - 10.0).abs() < 1e-9);
    assert!((pool.cover_days.unwrap() - 200.0).abs() < 1e-9);
    let empty: Vec<&str> = pool.empty_members().map(|m| m.sku.as_str()).collect();
    assert_eq!(empty, ["S1"]);
    assert!(!fired(&report, Rule::StockoutRisk, "S1"));
    assert!(!fired(&report, Rule::StockoutRisk, "S1-R"));
    // Alone, S1 would have had no days of supply at all.
    let row = report.review.skus.iter().find(|r| r.key == "S1").unwrap();
    assert_eq!(row.figures.current.get(Metric::DaysOfSupply), Some(200.0));
}

#[test]
fn a_sku_missing_from_the_sales_report_sold_nothing_that_week() {
    let mut weeks: Vec<Vec<Sku>> = (0..5)
        .map(|_| vec![sku("S1", "A1", 70, 1_000), sku("S2", "A2", 140, 1_000)])
        .collect();
    weeks[4][0].units = None;
    weeks[4][0].sessions = 0;
    let report = report_of(&weeks);
    let pool = line(&report, "S1");
    // Three weeks of 70 and one of 0, not the four weeks before it.
    assert!((pool.velocity - 210.0 / 28.0).abs() < 1e-9, "{pool:?}");
    let row = report.review.skus.iter().find(|r| r.key == "S1").unwrap();
    assert_eq!(row.figures.current.get(Metric::Units), Some(0.0));
    assert_eq!(row.figures.current.get(Metric::Sessions), Some(0.0));
    assert!(fired(&report, Rule::ListingInactive, "S1"));
    assert_eq!(report.review.absent_from_sales, 1);
}

#[test]
fn a_sku_missing_from_the_sales_report_keeps_its_listings_sessions() {
    // The SP-API by SKU leaves out a SKU without orders; its twin's row carries the listing.
    let mut weeks: Vec<Vec<Sku>> = (0..5)
        .map(|_| vec![sku("S1", "A1", 70, 1_000), sku("S1-R", "A1", 10, 100)])
        .collect();
    weeks[4][1].units = None;
    let report = report_of(&weeks);
    let row = report.review.skus.iter().find(|r| r.key == "S1-R").unwrap();
    assert_eq!(row.figures.current.get(Metric::Units), Some(0.0));
    assert_eq!(row.figures.current.get(Metric::Sessions), Some(700.0));
    assert!(!fired(&report, Rule::ListingInactive, "S1-R"));
}

#[test]
fn a_week_that_sold_out_mid_week_is_left_out_and_the_order_is_not_cut() {
    let mut weeks: Vec<Vec<Sku>> = (0..6).map(|_| vec![sku("S1", "A1", 70, 700)]).collect();
    // Week 4 of 6 sold out on Wednesday: 30 units, nothing left.
    weeks[3][0] = Sku {
        units: Some(30),
        available: 0,
        ..weeks[3][0]
    };
    let report = report_of(&weeks);
    let pool = line(&report, "S1");
    assert!((pool.velocity - 10.0).abs() < 1e-9, "{pool:?}");
    assert!((pool.velocity_uncleaned - 240.0 / 28.0).abs() < 1e-9);
    assert_eq!(pool.excluded.len(), 1);
    assert_eq!(pool.excluded[0].week, week_of(2));
    assert_eq!(pool.excluded[0].reason, ExclusionReason::Stockout);
    // A week that sold little from a short shelf ran out too.
    let mut weeks: Vec<Vec<Sku>> = (0..6).map(|_| vec![sku("S1", "A1", 70, 700)]).collect();
    weeks[2][0].available = 40;
    weeks[3][0].units = Some(15);
    let report = report_of(&weeks);
    assert_eq!(line(&report, "S1").excluded[0].week, week_of(2));
}

#[test]
fn a_deal_does_not_inflate_the_next_order() {
    let mut weeks: Vec<Vec<Sku>> = (0..6).map(|_| vec![sku("S1", "A1", 70, 700)]).collect();
    // Two days of week 5 of 6 sold three times as much.
    weeks[4][0].units = Some(110);
    let monday = week_of(1).monday();
    let settings = Settings {
        events: vec![Event::deal(
            "Prime Big Deal Days",
            monday + Days::new(1),
            monday + Days::new(2),
            3.0,
        )],
        ..Settings::default()
    };
    let whole_week = report_with(&weeks, &settings, &[]);
    let pool = line(&whole_week, "S1");
    assert!(
        (pool.velocity - 10.0).abs() < 1e-9,
        "the deal week is left out: {pool:?}"
    );
    assert_eq!(pool.excluded[0].days, None);
    // With the account's days, only the deal's days are left out.
    let days = vec![(4, vec![10, 30, 30, 10, 10, 10, 10])];
    let by_day = report_with(&weeks, &settings, &days);
    let pool = line(&by_day, "S1");
    let kept = 110.0 * (1.0 - 60.0 / 110.0);
    let expected = (70.0 * 3.0 + kept) / (21.0 + 5.0);
    assert!((pool.velocity - expected).abs() < 1e-9, "{pool:?}");
    assert_eq!(
        pool.excluded[0].days,
        Some((monday + Days::new(1), monday + Days::new(2)))
    );
}

#[test]
fn stock_that_vanished_is_flagged_and_sales_that_explain_it_are_not() {
    let mut weeks: Vec<Vec<Sku>> = (0..5).map(|_| vec![sku("S1", "A1", 70, 3_000)]).collect();
    weeks[3][0].available = 3_000;
    weeks[4][0].available = 400;
    let report = report_of(&weeks);
    let unaccounted = report
        .anomalies
        .iter()
        .find(|a| a.rule == Rule::InventoryUnaccounted)
        .unwrap();
    assert_eq!(unaccounted.sku.as_deref(), Some("S1"));
    // 2,600 fewer units with 70 sold: 2,530 missing.
    assert_eq!(unaccounted.value, Some(2_530.0));
    assert!(
        unaccounted
            .message
            .en
            .starts_with("2,530 units unaccounted for")
    );
    // Sold, and received from inbound: nothing is missing.
    let mut weeks: Vec<Vec<Sku>> = (0..5).map(|_| vec![sku("S1", "A1", 70, 3_000)]).collect();
    weeks[3][0].inbound = 500;
    weeks[4][0].available = 3_000 - 70 + 500;
    let report = report_of(&weeks);
    assert!(
        !report
            .anomalies
            .iter()
            .any(|a| a.rule == Rule::InventoryUnaccounted)
    );
}

#[test]
fn a_rating_drop_is_compared_in_tenths_and_cited_by_the_conversion_drop() {
    let rated = |stars: f64, units: i64| Sku {
        rating: Some(stars),
        sessions: 1_000,
        ..sku("S1", "A1", units, 5_000)
    };
    let fires = |before: f64, now: f64| {
        let mut weeks: Vec<Vec<Sku>> = (0..5).map(|_| vec![rated(before, 100)]).collect();
        weeks[4][0] = rated(now, 100);
        fired(&report_of(&weeks), Rule::RatingDrop, "S1")
    };
    // 4.3 − 4.0 is 0.2999… in floating point, yet three tenths.
    assert!(fires(4.3, 4.0));
    assert!(fires(4.5, 4.2));
    assert!(!fires(4.5, 4.3));
    assert!(fires(4.1, 3.9), "below 4.0");
    // With conversion down 40 %, the conversion drop cites the rating.
    let mut weeks: Vec<Vec<Sku>> = (0..5).map(|_| vec![rated(4.5, 100)]).collect();
    weeks[4][0] = rated(4.0, 60);
    let report = report_of(&weeks);
    let drop = report
        .anomalies
        .iter()
        .find(|a| a.rule == Rule::ConversionDrop)
        .unwrap();
    assert!(
        drop.evidence[0].en.contains("Rating fell from 4.5 to 4.0"),
        "{drop:?}"
    );
    let rating = report
        .anomalies
        .iter()
        .find(|a| a.rule == Rule::RatingDrop)
        .unwrap();
    // 40 units a week lost at $20 (no costs), for four weeks.
    assert!(
        (rating.at_stake - 40.0 * 20.0 * 4.0).abs() < 1e-6,
        "{rating:?}"
    );
}
