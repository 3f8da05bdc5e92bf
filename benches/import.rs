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
#[path = "support/workspaces.rs"]
mod workspaces;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use workspaces::{advertised_products_week, business_report_week};

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
        for path in &args[at + 1..] {
            std::hint::black_box(parse_only(Path::new(path)));
        }
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
    println!(
        "| files | process: ByteRecord parse, wall | process: `opsdeck check`, wall | ratio | ByteRecord CPU | `opsdeck check` CPU | peak RSS of `opsdeck check` | RSS ÷ input |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for paths in [
        vec![business.as_path()],
        vec![ads.as_path()],
        vec![business.as_path(), ads.as_path()],
    ] {
        measure_processes(&paths);
    }
    println!();
    let workspace = workspaces::workspace(100_000);
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
            .map(opsdeck::domain::anomaly::Anomaly::key),
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
/// files in the page cache) — the floor, a process that only parses the
/// files, and `opsdeck check` of the same files taken in turn. Wall time is
/// the median of the runs; CPU time (user and system, as the kernel counts
/// the children, in ticks of 10 ms) is the mean.
#[allow(clippy::disallowed_methods)] // a benchmark measures wall time
fn measure_processes(paths: &[&Path]) {
    const PROCESS_RUNS: usize = 9;
    let run = |command: &mut Command| {
        let cpu_before = children_cpu();
        let start = Instant::now();
        let status = command
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        let wall = start.elapsed();
        assert!(status.success());
        (wall, children_cpu().saturating_sub(cpu_before))
    };
    let floor = || {
        run(Command::new(std::env::current_exe().unwrap())
            .arg("--parse-only")
            .args(paths))
    };
    let check = || {
        run(Command::new(env!("CARGO_BIN_EXE_opsdeck"))
            .arg("check")
            .args(paths))
    };
    let runs: Vec<((Duration, Duration), (Duration, Duration))> =
        (0..PROCESS_RUNS).map(|_| (floor(), check())).collect();
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[PROCESS_RUNS / 2]
    };
    let mean = |times: Vec<Duration>| times.iter().sum::<Duration>() / PROCESS_RUNS as u32;
    let floor_wall = median(runs.iter().map(|r| r.0.0).collect());
    let check_wall = median(runs.iter().map(|r| r.1.0).collect());
    let floor_cpu = mean(runs.iter().map(|r| r.0.1).collect());
    let check_cpu = mean(runs.iter().map(|r| r.1.1).collect());
    let size: u64 = paths.iter().map(|p| fs::metadata(p).unwrap().len()).sum();
    let rss = check_peak_rss(paths);
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    println!(
        "| {} | {:.1} ms | {:.1} ms | {:.2}× | {:.1} ms | {:.1} ms | {:.1} MB | {:.2}× |",
        names.join(" + "),
        ms(floor_wall),
        ms(check_wall),
        check_wall.as_secs_f64() / floor_wall.as_secs_f64(),
        ms(floor_cpu),
        ms(check_cpu),
        rss as f64 / 1e6,
        rss as f64 / size as f64,
    );
}

/// The CPU time of this process's children that have ended, as the kernel
/// counts it (`cutime` and `cstime` of `/proc/self/stat`, in 10 ms ticks).
fn children_cpu() -> Duration {
    let stat = fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after the name.
    let ticks: u64 = [13, 14]
        .iter()
        .filter_map(|at| fields.get(*at)?.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Peak resident memory of `opsdeck check` on `paths`, in bytes, as
/// `/usr/bin/time` reports it (0 where it is not installed).
fn check_peak_rss(paths: &[&Path]) -> u64 {
    let Ok(output) = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_opsdeck"))
        .arg("check")
        .args(paths)
        .stdout(std::process::Stdio::null())
        .output()
    else {
        return 0;
    };
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()
        .and_then(|kb| kb.trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
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

/// A Business Report by child item: one SKU per row, 1–3 SKUs per child ASIN.
fn business_report(rows: u64) -> String {
    business_report_week(rows, 0)
}

/// A Daily advertised product report: 50k products over 10 days.
fn advertised_products(rows: u64) -> String {
    advertised_products_week(rows, 50_000, 0)
}
