//! A catalogue of 10,000 SKUs, every one with an anomaly: the anomaly index
//! answers as the scan of every anomaly it replaced did, and the minutes of a
//! meeting that pages through the whole diagnosis stay small.

#![allow(
    clippy::unwrap_used,
    clippy::disallowed_methods,
    clippy::cast_possible_wrap
)]

use std::time::Instant;

use chrono::DateTime;

use opsdeck::app::App;
use opsdeck::app::action::{Action, CaptureKind, EditOp, View};
use opsdeck::domain::facts::{AdFigures, AdvertisedProduct, AsinListing, BusinessFacts, SkuSales};
use opsdeck::domain::meeting::Meeting;
use opsdeck::domain::money::Money;
use opsdeck::domain::settings::Settings;
use opsdeck::domain::timing::Now;
use opsdeck::domain::week::IsoWeek;
use opsdeck::domain::week_data::WeekData;
use opsdeck::domain::week_report::WeekReport;

const SKUS: usize = 10_000;
/// The most the minutes of such a meeting may take.
const MINUTES_LIMIT: usize = 128 * 1024;

/// A week of `SKUS` SKUs, each spending 80 % of its ad sales on ads.
fn week(week: IsoWeek) -> WeekData {
    let mut data = WeekData::new(week);
    let sku = |i: usize| format!("SCALE-{i:05}");
    data.business = Some(BusinessFacts {
        sales: (0..SKUS)
            .map(|i| SkuSales {
                child_asin: format!("B0S{i:07}"),
                sku: Some(sku(i)),
                units: 10 + (i % 7) as i64,
                sales: Money::from_cents(25_000 + (i % 13) as i64 * 100),
                orders: 10,
            })
            .collect(),
        listings: (0..SKUS)
            .map(|i| AsinListing {
                child_asin: format!("B0S{i:07}"),
                parent_asin: format!("B0P{:07}", i / 4),
                title: format!("Scale test product {i}"),
                sessions: 200,
                page_views: 250,
                buy_box: Some(0.98),
            })
            .collect(),
    });
    data.advertised = Some(
        (0..SKUS)
            .map(|i| AdvertisedProduct {
                sku: Some(sku(i)),
                asin: Some(format!("B0S{i:07}")),
                figures: AdFigures {
                    impressions: 5_000,
                    clicks: 40,
                    spend: Money::from_cents(16_000),
                    sales: Money::from_cents(20_000),
                    orders: 8,
                    units: 8,
                },
            })
            .collect(),
    );
    data
}

fn report() -> WeekReport {
    let reviewed: IsoWeek = "2026-W47".parse().unwrap();
    let weeks = vec![week(reviewed.previous()), week(reviewed)];
    WeekReport::build(&weeks, &[], &[], &Settings::default()).unwrap()
}

fn now(seconds: i64) -> Now {
    Now {
        instant: Instant::now(),
        wall: DateTime::parse_from_rfc3339("2026-11-30T09:00:00+00:00").unwrap()
            + chrono::TimeDelta::seconds(seconds),
    }
}

#[test]
fn the_anomaly_index_answers_as_a_scan_of_every_anomaly() {
    let report = report();
    let name = |row: &opsdeck::domain::review::SkuRow| row.sku.clone().unwrap_or(row.key.clone());
    let scanned: Vec<String> = report
        .review
        .skus
        .iter()
        .filter(|row| {
            report
                .anomalies
                .iter()
                .any(|a| a.sku.as_deref() == Some(name(row).as_str()))
        })
        .map(name)
        .collect();
    let indexed: Vec<String> = report.problem_skus().into_iter().map(name).collect();
    assert_eq!(scanned.len(), SKUS, "every SKU has an anomaly");
    assert_eq!(indexed, scanned, "same SKUs, same order");
    let flagged = report.flagged_rows();
    assert_eq!(flagged.len(), SKUS);
    assert!(flagged.iter().all(|f| *f));
}

#[test]
fn the_minutes_of_a_meeting_paging_through_every_anomaly_stay_small() {
    let report = report();
    assert!(report.anomalies.len() >= SKUS);
    let settings = Settings::default();
    let meeting = Meeting::new(report.review.week, now(0).wall, Vec::new());
    let mut app = App::new(settings, report, meeting, None, now(0));
    app.update(Action::Resize(100, 30), now(1));
    app.update(Action::ShowView(View::Diagnosis), now(2));
    // Down the list, to its end, back up a few pages.
    for step in 0..200 {
        app.update(Action::MovePage(1), now(3 + step));
    }
    app.update(Action::MoveToEnd(true), now(300));
    for step in 0..5 {
        app.update(Action::MovePage(-1), now(301 + step));
    }
    // Twenty actions, each on an anomaly's SKU.
    for n in 0..20 {
        app.update(Action::MoveSelection(1), now(400 + n));
        app.update(Action::StartCapture(CaptureKind::Action), now(400 + n));
        for c in format!("Lower the bids {n} @Wei #SCALE-{:05}", n * 97).chars() {
            app.update(Action::EditCapture(EditOp::Insert(c)), now(400 + n));
        }
        app.update(Action::SubmitCapture, now(400 + n));
    }
    assert_eq!(app.meeting().actions.len(), 20);
    let minutes =
        opsdeck::export::minutes::to_toml(app.meeting(), app.agenda(), app.report(), now(500));
    println!(
        "minutes of a meeting that saw {} anomalies of {SKUS} SKUs: {} bytes",
        app.meeting().seen_anomalies.len(),
        minutes.len()
    );
    assert!(
        minutes.len() < MINUTES_LIMIT,
        "the minutes take {} bytes for {} seen anomalies",
        minutes.len(),
        app.meeting().seen_anomalies.len()
    );
}
