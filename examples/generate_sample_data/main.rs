//! Writes `sample-data/`: a complete workspace of a home-and-kitchen seller on
//! amazon.com — 13 weeks of Amazon downloads in their current US layouts,
//! `costs.csv`, `supply.csv`, `week.toml` files, `opsdeck.toml` and last week's minutes —
//! with the problems the diagnosis must find planted in the newest week.
//!
//! Deterministic: the same code always writes the same bytes.
//! Run: `cargo run --example generate_sample_data [-- OUTPUT_DIR]`.

// Simulated counts and amounts are small: casts between them cannot overflow.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

#[path = "../../tools/amazon_layouts.rs"]
mod amazon_layouts;
mod catalog;
mod files;
mod meeting;
mod simulate;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The newest week of the sample: the meeting on Monday 23 November 2026 reviews it.
const NEWEST_WEEK: (i32, u32) = (2026, 47);

fn main() -> io::Result<()> {
    let out = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        PathBuf::from,
    );
    write_workspace(&out)?;
    println!("wrote {}", out.display());
    Ok(())
}

fn write_workspace(out: &Path) -> io::Result<()> {
    for generated in ["weeks", "minutes"] {
        if out.join(generated).exists() {
            fs::remove_dir_all(out.join(generated))?;
        }
    }
    fs::create_dir_all(out.join("minutes"))?;
    fs::write(out.join("opsdeck.toml"), meeting::CONFIG)?;
    fs::write(out.join("costs.csv"), files::costs())?;
    fs::write(out.join("supply.csv"), files::supply())?;
    fs::write(out.join("minutes/2026-W47.toml"), meeting::LAST_MINUTES)?;
    let weeks = simulate::simulate();
    let newest_monday = NaiveDate::from_isoywd_opt(NEWEST_WEEK.0, NEWEST_WEEK.1, Weekday::Mon)
        .ok_or_else(|| io::Error::other("bad week"))?;
    for (index, figures) in weeks.iter().enumerate() {
        let back = (simulate::WEEKS - 1 - index) as u64 * 7;
        let monday = newest_monday - Days::new(back);
        write_week(out, index, monday, figures)?;
    }
    Ok(())
}

fn write_week(
    out: &Path,
    index: usize,
    monday: NaiveDate,
    figures: &[simulate::SkuWeek],
) -> io::Result<()> {
    let iso = monday.iso_week();
    let dir = out.join(format!("weeks/{}-W{:02}", iso.year(), iso.week()));
    fs::create_dir_all(&dir)?;
    let sunday = monday + Days::new(6);
    let downloaded = monday + Days::new(7);
    let mut ids = simulate::Rng::new(&["report-ids"], index);
    let mut report_id = || format!("{}", 20_000_000_000 + ids.next() % 9_000_000_000);
    fs::write(
        dir.join(format!(
            "BusinessReport-{}.csv",
            downloaded.format("%m-%d-%y")
        )),
        files::business_report(figures),
    )?;
    fs::write(
        dir.join("Sponsored Products Advertised product report.csv"),
        files::advertised_products(figures, monday),
    )?;
    fs::write(
        dir.join(format!("{}.txt", report_id())),
        files::manage_inventory(figures),
    )?;
    fs::write(
        dir.join(format!("{}.txt", report_id())),
        files::inventory_planning(figures, sunday),
    )?;
    fs::write(
        dir.join(format!("{}.txt", report_id())),
        files::returns(figures, monday, index),
    )?;
    fs::write(dir.join("week.toml"), files::week_toml(figures, index))?;
    Ok(())
}
