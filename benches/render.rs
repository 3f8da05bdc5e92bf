//! Render benchmark: a full 200×60 frame of the review with a 100,000-row
//! SKU table, the selection moving every frame (only visible rows are
//! built), and the time from nothing to the first frame of the sample
//! workspace. Run: `cargo bench --bench render`.

#![allow(
    clippy::unwrap_used,
    clippy::cast_possible_wrap,
    clippy::disallowed_methods
)]

use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use opsdeck::app::App;
use opsdeck::app::action::Action;
use opsdeck::domain::facts::{AdFigures, AdvertisedProduct, AsinListing, BusinessFacts, SkuSales};
use opsdeck::domain::meeting::Meeting;
use opsdeck::domain::money::Money;
use opsdeck::domain::settings::Settings;
use opsdeck::domain::timing::Now;
use opsdeck::domain::week::IsoWeek;
use opsdeck::domain::week_data::WeekData;
use opsdeck::domain::week_report::WeekReport;
use opsdeck::export::demo::write_demo_workspace;
use opsdeck::session::{StartOptions, open_meeting, read_reports};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FRAMES: usize = 400;

fn now() -> Now {
    Now {
        instant: Instant::now(),
        wall: Local::now().fixed_offset(),
    }
}

fn main() {
    first_frame();
    big_table();
}

/// From opening the meeting on a copy of the sample workspace (the minutes,
/// the lock, a recovery copy) to the first frame drawn, and on to the frame
/// with the review (the reports read, KPIs, diagnosis).
fn first_frame() {
    let folder = std::env::temp_dir().join(format!("opsdeck-bench-{}", std::process::id()));
    let root = write_demo_workspace(&folder, "workspace").unwrap();
    let start = Instant::now();
    let started = now();
    let session = open_meeting(&root, StartOptions::default(), started, |_| false).unwrap();
    let mut app = App::reading(
        session.workspace.settings.clone(),
        session.week,
        session.meeting,
        session.agenda,
        started,
    );
    let area = Rect::new(0, 0, 100, 30);
    let mut buf = Buffer::empty(area);
    opsdeck::ui::render_to_buffer(&app, area, &mut buf);
    let first = start.elapsed();
    let loaded = read_reports(&root, None).unwrap();
    app.update(Action::ReportRead(Box::new(loaded.report)), now());
    opsdeck::ui::render_to_buffer(&app, area, &mut buf);
    println!(
        "sample workspace: first frame (minutes, lock, draw) {:.1} ms, the review on screen \
         (reports read, KPIs, diagnosis, draw) {:.1} ms",
        ms(first),
        ms(start.elapsed())
    );
    drop(session.access);
    let _ = std::fs::remove_dir_all(folder);
}

/// A 200×60 frame with a 100,000-row SKU table, the selection moving each frame.
fn big_table() {
    let skus = 100_000;
    let week: IsoWeek = "2026-W47".parse().unwrap();
    let weeks = vec![
        synthetic_week(week.previous(), skus, 3),
        synthetic_week(week, skus, 7),
    ];
    let settings = Settings::default();
    let report = WeekReport::build(&weeks, &[], &[], &settings).unwrap();
    let started = now();
    let meeting = Meeting::new(report.review.week, started.wall, Vec::new());
    let mut app = App::new(settings, report, meeting, None, started);
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    let mut times: Vec<Duration> = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES {
        app.update(
            Action::MoveSelection(if frame % 50 < 25 { 7 } else { -3 }),
            now(),
        );
        buf.reset();
        let start = Instant::now();
        opsdeck::ui::render_to_buffer(&app, area, &mut buf);
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "full frame 200×60, {skus} SKUs in the table: median {:.3} ms, p99 {:.3} ms",
        ms(times[FRAMES / 2]),
        ms(times[FRAMES * 99 / 100])
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn synthetic_week(week: IsoWeek, skus: usize, seed: u64) -> WeekData {
    let mut data = WeekData::new(week);
    let sales = (0..skus)
        .map(|i| SkuSales {
            child_asin: format!("B0C{:07}", i / 2),
            sku: Some(format!("GEN-{i:06}")),
            units: ((i as u64 * 37 + seed) % 300) as i64,
            sales: Money::from_cents(((i as u64 * 7919 + seed) % 900_000) as i64),
            orders: ((i as u64 * 31 + seed) % 280) as i64,
        })
        .collect();
    let listings = (0..skus / 2)
        .map(|i| AsinListing {
            child_asin: format!("B0C{i:07}"),
            parent_asin: format!("B0P{:07}", i / 5),
            title: format!("Generated kitchen product {i}, stainless steel, large"),
            sessions: ((i as u64 * 53 + seed) % 4000) as i64 + 1,
            page_views: ((i as u64 * 61 + seed) % 5000) as i64 + 1,
            buy_box: Some(0.97),
        })
        .collect();
    data.business = Some(BusinessFacts { sales, listings });
    data.advertised = Some(
        (0..skus)
            .step_by(2)
            .map(|i| AdvertisedProduct {
                sku: Some(format!("GEN-{i:06}")),
                asin: Some(format!("B0C{:07}", i / 2)),
                figures: AdFigures {
                    impressions: 10_000,
                    clicks: 40,
                    spend: Money::from_cents(((i as u64 * 13 + seed) % 5000) as i64),
                    sales: Money::from_cents(((i as u64 * 17 + seed) % 20_000) as i64),
                    orders: 3,
                    units: 3,
                },
            })
            .collect(),
    );
    data
}
