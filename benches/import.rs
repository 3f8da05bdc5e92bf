//! Import benchmark: a generated 100k-row Business Report and a 500k-row
//! advertised product report, read by opsdeck and — in the same run — merely
//! parsed by the `csv` crate's `ByteRecord`, the floor any CSV import stands
//! on. Prints medians, their ratio, and opsdeck's peak memory against the
//! input size. Run: `cargo bench --bench import`.

// Generated counts and amounts are small: casts between them cannot overflow.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::unwrap_used
)]

#[path = "../tools/amazon_layouts.rs"]
mod amazon_layouts;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use amazon_layouts::{ADVERTISED_PRODUCT_HEADER, AdRow, BUSINESS_REPORT_HEADER, BusinessRow};

const RUNS: usize = 15;

/// The allocator the opsdeck binary uses, so the import is measured as users run it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--peak-rss") {
        peak_rss_child(Path::new(&args[at + 1]));
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--parse-only") {
        std::hint::black_box(parse_only(Path::new(&args[at + 1])));
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--import-only") {
        let file = opsdeck::import::report::read_report(Path::new(&args[at + 1]), None).unwrap();
        std::hint::black_box(file.facts.totals());
        // As opsdeck does: what was read is left to the operating system at exit.
        std::process::exit(0);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    fs::create_dir_all(&dir).unwrap();
    let business = dir.join("business-report-100k.csv");
    let ads = dir.join("advertised-product-500k.csv");
    if !business.exists() {
        fs::write(&business, business_report(100_000)).unwrap();
    }
    if !ads.exists() {
        fs::write(&ads, advertised_products(500_000)).unwrap();
    }
    println!(
        "| file | size | rows | csv ByteRecord parse | opsdeck import | ratio | opsdeck peak RSS | RSS ÷ input |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for path in [&business, &ads] {
        measure(path);
    }
    println!();
    println!("| file | fresh process: ByteRecord parse | fresh process: opsdeck import | ratio |");
    println!("|---|---|---|---|");
    for path in [&business, &ads] {
        measure_processes(path);
    }
    println!();
    let workspace = dir.join("workspace-13-weeks");
    if !workspace.join("weeks/2026-W47").exists() {
        write_workspace(&workspace);
    }
    measure_review(&workspace);
    measure_per_sku_work(&workspace);
}

/// What the cockpit does with a large catalogue besides reading it: flag the
/// rows with an anomaly, list the problem SKUs, and write the minutes — each
/// once per start or per save, so none may grow with SKUs × anomalies.
#[allow(clippy::disallowed_methods)] // a benchmark measures wall time
fn measure_per_sku_work(root: &Path) {
    let loaded = opsdeck::import::weeks::load_report(root, None).unwrap();
    let report = &loaded.report;
    let median = |work: &mut dyn FnMut()| {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .collect();
        times.sort();
        times[RUNS / 2]
    };
    let wall = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00+00:00").unwrap();
    let mut meeting = opsdeck::domain::meeting::Meeting::new(report.review.week, wall, Vec::new());
    // The meeting saw the first screenful of the diagnosis.
    meeting.seen_anomalies.extend(
        report
            .anomalies
            .iter()
            .take(14)
            .map(opsdeck::domain::diagnosis::Anomaly::key),
    );
    let agenda = opsdeck::domain::agenda::Agenda::new(&loaded.workspace.settings.agenda);
    let now = opsdeck::domain::timing::Now {
        instant: Instant::now(),
        wall,
    };
    let flag = median(&mut || {
        std::hint::black_box(report.flagged_rows());
    });
    let problems = median(&mut || {
        std::hint::black_box(report.problem_skus());
    });
    let mut size = 0;
    let minutes = median(&mut || {
        let text = opsdeck::export::minutes::to_toml(&meeting, &agenda, report, now);
        size = text.len();
    });
    println!(
        "| {} SKUs, {} anomalies | flag the rows {:.1} ms | problem SKUs {:.1} ms | minutes as text {:.1} ms ({size} bytes) |",
        report.review.skus.len(),
        report.anomalies.len(),
        ms(flag),
        ms(problems),
        ms(minutes),
    );
}

/// Thirteen weeks, each a 100k-row Business Report and a 100k-row ads report.
fn write_workspace(root: &Path) {
    for week in 35..=47u64 {
        let dir = root.join(format!("weeks/2026-W{week}"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("BusinessReport.csv"),
            business_report_week(100_000, week),
        )
        .unwrap();
        fs::write(dir.join("ads.csv"), advertised_products_week(100_000, week)).unwrap();
    }
}

/// Import, KPIs of every SKU for 13 weeks, trends and diagnosis, against parsing the same files.
fn measure_review(root: &Path) {
    let files: Vec<_> = (35..=47)
        .flat_map(|w| {
            ["BusinessReport.csv", "ads.csv"].map(|f| root.join(format!("weeks/2026-W{w}/{f}")))
        })
        .collect();
    let size: u64 = files.iter().map(|f| fs::metadata(f).unwrap().len()).sum();
    let mut rows = 0;
    let mut anomalies = 0;
    let (parse, review) = paired_medians(
        || rows = files.iter().map(|f| parse_only(f)).sum(),
        || {
            let loaded = opsdeck::import::weeks::load_report(root, None).unwrap();
            anomalies = loaded.report.anomalies.len();
            loaded
        },
    );
    println!(
        "| 13 weeks of a Business Report and an ads report, with KPIs and diagnosis of every SKU ({anomalies} anomalies) | {:.1} MB | {rows} | {:.1} ms | {:.1} ms | {:.2}× | | |",
        size as f64 / 1e6,
        ms(parse),
        ms(review),
        review.as_secs_f64() / parse.as_secs_f64(),
    );
}

fn measure(path: &Path) {
    let size = fs::metadata(path).unwrap().len();
    let mut rows = 0;
    let (parse, import) = paired_medians(
        || rows = parse_only(path),
        || {
            let file = opsdeck::import::report::read_report(path, None).unwrap();
            std::hint::black_box(file.facts.totals());
            file
        },
    );
    let rss = child_peak_rss(path);
    println!(
        "| {} | {:.1} MB | {rows} | {:.1} ms | {:.1} ms | {:.2}× | {:.1} MB | {:.2}× |",
        path.file_name().unwrap().to_string_lossy(),
        size as f64 / 1e6,
        ms(parse),
        ms(import),
        import.as_secs_f64() / parse.as_secs_f64(),
        rss as f64 / 1e6,
        rss as f64 / size as f64,
    );
}

/// What a user pays: a fresh process each time (its memory pages new, the
/// file in the page cache), the floor and opsdeck's import taken in turn.
#[allow(clippy::disallowed_methods)] // a benchmark measures wall time
fn measure_processes(path: &Path) {
    const PROCESS_RUNS: usize = 7;
    let time = |flag: &str| {
        let start = Instant::now();
        let status = Command::new(std::env::current_exe().unwrap())
            .arg(flag)
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
        start.elapsed()
    };
    let (mut floors, mut imports): (Vec<Duration>, Vec<Duration>) = (0..PROCESS_RUNS)
        .map(|_| (time("--parse-only"), time("--import-only")))
        .unzip();
    floors.sort();
    imports.sort();
    let (floor, import) = (floors[PROCESS_RUNS / 2], imports[PROCESS_RUNS / 2]);
    println!(
        "| {} | {:.1} ms | {:.1} ms | {:.2}× |",
        path.file_name().unwrap().to_string_lossy(),
        ms(floor),
        ms(import),
        import.as_secs_f64() / floor.as_secs_f64(),
    );
}

/// The floor: every record parsed as a `ByteRecord`, nothing else.
fn parse_only(path: &Path) -> usize {
    let mut reader = csv::ReaderBuilder::new().from_path(path).unwrap();
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while reader.read_byte_record(&mut record).unwrap() {
        rows += 1;
    }
    rows
}

/// The median times of `RUNS` runs of `floor` and of `measured`, taken in
/// turn so that both see the machine in the same state. What `measured`
/// returns is freed after its clock stops: opsdeck leaves what it read to
/// the operating system at exit rather than free it.
#[allow(clippy::disallowed_methods)] // a benchmark measures wall time
fn paired_medians<T>(
    mut floor: impl FnMut(),
    mut measured: impl FnMut() -> T,
) -> (Duration, Duration) {
    let mut time_floor = || {
        let start = Instant::now();
        floor();
        start.elapsed()
    };
    let mut time_measured = || {
        let start = Instant::now();
        let kept = std::hint::black_box(measured());
        let elapsed = start.elapsed();
        drop(kept);
        elapsed
    };
    let (mut floors, mut times): (Vec<Duration>, Vec<Duration>) =
        (0..RUNS).map(|_| (time_floor(), time_measured())).unzip();
    floors.sort();
    times.sort();
    (floors[RUNS / 2], times[RUNS / 2])
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Peak resident memory of a fresh process that imports `path`, in bytes.
fn child_peak_rss(path: &Path) -> u64 {
    let output = Command::new(std::env::current_exe().unwrap())
        .arg("--peak-rss")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

fn peak_rss_child(path: &Path) {
    let file = opsdeck::import::report::read_report(path, None).unwrap();
    std::hint::black_box(file.facts.totals());
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    println!("{}", kb * 1024);
}

/// A 64-bit mixer for reproducible pseudo-random figures.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A Business Report by child item: one SKU per row, 1–3 SKUs per child ASIN.
fn business_report(rows: u64) -> String {
    business_report_week(rows, 0)
}

/// The same catalogue in week `week`: the same SKUs, other figures.
fn business_report_week(rows: u64, week: u64) -> String {
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

/// A Daily advertised product report: 50k products over 10 days.
fn advertised_products(rows: u64) -> String {
    advertised_products_week(rows, 0)
}

/// Ads of week `week` (ISO week of 2026): 50k products, each on two days of the week.
fn advertised_products_week(rows: u64, week: u64) -> String {
    let mut out = format!("\u{FEFF}{ADVERTISED_PRODUCT_HEADER}\n");
    let monday = chrono::NaiveDate::from_isoywd_opt(
        2026,
        u32::try_from(week.max(1)).unwrap(),
        chrono::Weekday::Mon,
    )
    .unwrap();
    for row in 0..rows {
        let product = row % 50_000;
        let clicks = mix(row ^ (week << 40)) % 40;
        let orders = clicks / 9;
        let day = if week == 0 {
            10 + row / 50_000
        } else {
            row / 50_000 % 7
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
