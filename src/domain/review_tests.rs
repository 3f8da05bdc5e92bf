//! Tests of `review`: previous week, changes, targets and trends.

use super::*;
use crate::domain::facts::{AsinListing, BusinessFacts, SkuPlanning, SkuSales};
use crate::domain::judgement::Status;
use crate::domain::money::Money;

fn week_with(week: &str, units: i64, sessions: i64) -> WeekData {
    let mut data = WeekData::new(week.parse().unwrap());
    data.business = Some(BusinessFacts {
        sales: vec![SkuSales {
            child_asin: "A1".into(),
            sku: Some("S1".into()),
            units,
            sales: Money::from_cents(units * 2000),
            orders: units,
        }],
        listings: vec![AsinListing {
            child_asin: "A1".into(),
            parent_asin: "P1".into(),
            title: "Mat".into(),
            sessions,
            page_views: sessions,
            buy_box: Some(0.99),
        }],
    });
    data
}

#[test]
fn compares_with_the_week_before_and_judges() {
    let weeks = [
        week_with("2026-W46", 100, 1000),
        week_with("2026-W47", 85, 1000),
    ];
    let review = build_review(&weeks, &[], &Settings::default()).unwrap();
    assert_eq!(
        review.previous_week.map(|w| w.to_string()).as_deref(),
        Some("2026-W46")
    );
    let row = &review.skus[0];
    let units = row.figures.cell(Metric::Units, &Settings::default());
    assert_eq!((units.value, units.previous), (Some(85.0), Some(100.0)));
    assert!((units.change.unwrap() + 0.15).abs() < 1e-9);
    let conversion = row.figures.cell(Metric::Conversion, &Settings::default());
    assert!(
        (conversion.change.unwrap() + 0.015).abs() < 1e-9,
        "points, not percent"
    );
    assert_eq!(
        conversion.status,
        Status::Watch,
        "8.5 % against a 10 % mean"
    );
    assert_eq!(
        row.figures.cell(Metric::Sales, &Settings::default()).status,
        Status::None
    );
}

#[test]
fn a_gap_means_no_previous_week() {
    let weeks = [
        week_with("2026-W45", 100, 1000),
        week_with("2026-W47", 80, 1000),
    ];
    let review = build_review(&weeks, &[], &Settings::default()).unwrap();
    assert_eq!(review.previous_week, None);
    assert_eq!(
        review.skus[0]
            .figures
            .cell(Metric::Units, &Settings::default())
            .previous,
        None
    );
}

#[test]
fn trend_series_span_thirteen_weeks_oldest_first() {
    let weeks = [
        week_with("2026-W45", 10, 100),
        week_with("2026-W46", 20, 100),
        week_with("2026-W47", 30, 100),
    ];
    let review = build_review(&weeks, &[], &Settings::default()).unwrap();
    assert_eq!(review.trend_weeks.len(), TREND_WEEKS);
    assert_eq!(review.trend_weeks.last(), Some(&review.week));
    let units = review.skus[0].figures.series(Metric::Units).unwrap();
    assert_eq!(&units[10..], [Some(10.0), Some(20.0), Some(30.0)]);
    assert_eq!(units[0], None);
    assert_eq!(
        review.account.series(Metric::Units).unwrap()[12],
        Some(30.0)
    );
    assert!(review.skus[0].figures.series(Metric::Orders).is_none());
}

#[test]
fn conversion_target_is_the_category_mean() {
    let mut week = week_with("2026-W47", 80, 1000);
    week.planning = Some(vec![SkuPlanning {
        sku: "S1".into(),
        asin: "A1".into(),
        title: String::new(),
        snapshot: None,
        available: 100,
        inbound: None,
        aged_181_plus: 0,
        storage_surcharge: None,
        sales_rank: None,
        product_group: Some("gl_kitchen".into()),
        days_of_supply: None,
        new_condition: true,
        fc_transfer: None,
        fc_processing: None,
        recommended_units: None,
        recommended_date: None,
    }]);
    let mut settings = Settings::default();
    settings
        .targets
        .conversion_by_category
        .insert("gl_kitchen".into(), 0.07);
    let review = build_review(&[week], &[], &settings).unwrap();
    let cell = review.skus[0].figures.cell(Metric::Conversion, &settings);
    assert_eq!(cell.status, Status::Ok);
    assert_eq!(review.skus[0].category.as_deref(), Some("gl_kitchen"));
}

#[test]
fn older_weeks_find_their_rows_whatever_the_order() {
    let two_skus = |week: &str, units: [i64; 2], order: [usize; 2]| {
        let mut data = week_with(week, units[0], 1000);
        let business = data.business.as_mut().unwrap();
        let mut second = business.sales[0].clone();
        second.sku = Some("S2".into());
        second.units = units[1];
        business.sales.push(second);
        business.sales = order.map(|i| business.sales[i].clone()).to_vec();
        data
    };
    let mut older = two_skus("2026-W44", [1, 2], [1, 0]);
    let mut gone = older.business.as_ref().unwrap().sales[0].clone();
    gone.sku = Some("S9".into());
    older.business.as_mut().unwrap().sales.insert(0, gone);
    let weeks = [
        older,
        two_skus("2026-W45", [3, 4], [0, 1]),
        two_skus("2026-W46", [5, 6], [1, 0]),
        two_skus("2026-W47", [7, 8], [0, 1]),
    ];
    let review = build_review(&weeks, &[], &Settings::default()).unwrap();
    let units = |row: usize| review.skus[row].figures.series(Metric::Units).unwrap()[9..].to_vec();
    assert_eq!(review.skus[0].sku.as_deref(), Some("S1"));
    assert_eq!(units(0), [Some(1.0), Some(3.0), Some(5.0), Some(7.0)]);
    assert_eq!(units(1), [Some(2.0), Some(4.0), Some(6.0), Some(8.0)]);
    assert_eq!(review.skus.len(), 2, "a SKU gone by this week has no row");
}
