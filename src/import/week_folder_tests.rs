//! Tests of `week_folder`.

use std::fs;

use super::*;
use crate::domain::week::IsoWeek;

const ADS: &str = "Sponsored Products Advertised product report.csv";

fn sample_week(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/weeks")
        .join(name)
}

/// A copy of the sample's 2026-W47 folder, changed by `change`, read whole.
fn read_changed(change: impl FnOnce(&Path)) -> (WeekData, Vec<String>) {
    let (data, warnings) = read_changed_said(change);
    (data, warnings.into_iter().map(|w| w.en).collect())
}

/// The same, with each warning in every language.
fn read_changed_said(change: impl FnOnce(&Path)) -> (WeekData, Vec<crate::domain::words::Said>) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2026-W47");
    fs::create_dir_all(&folder).unwrap();
    for entry in fs::read_dir(sample_week("2026-W47")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    change(&folder);
    let week = WeekFolder {
        week: "2026-W47".parse::<IsoWeek>().unwrap(),
        path: folder,
    };
    read_week_folder(
        &week,
        WeekStart::Monday,
        Detail::Full,
        &ReadProgress::default(),
    )
    .unwrap()
}

fn ad_spend(data: &WeekData) -> Option<f64> {
    data.advertised
        .as_ref()
        .map(|rows| rows.iter().map(|r| r.figures.spend.to_f64()).sum())
}

fn sales(data: &WeekData) -> f64 {
    data.business
        .as_ref()
        .map_or(0.0, |b| b.sales.iter().map(|s| s.sales.to_f64()).sum())
}

#[test]
fn a_business_report_by_date_is_cross_checked_with_the_one_by_child_item() {
    use std::fmt::Write as _;
    let by_date = |scale: f64| {
        let total = sales(&read_changed(|_| {}).0) * scale;
        let day = total / 7.0;
        let mut csv =
            "Date,Ordered Product Sales,Units Ordered,Total Order Items,Sessions - Total\n"
                .to_owned();
        for d in 16..=22 {
            let _ = writeln!(csv, "11/{d}/2026,\"${day:.2}\",10,10,100");
        }
        csv
    };
    let (agreeing, warnings) = read_changed(|folder| {
        fs::write(folder.join("BusinessReport-by-date.csv"), by_date(1.0)).unwrap();
    });
    assert_eq!(agreeing.days.as_ref().map(Vec::len), Some(7));
    assert!(
        !warnings.iter().any(|w| w.contains("1 % apart")),
        "{warnings:?}"
    );
    let (_, warnings) = read_changed(|folder| {
        fs::write(folder.join("BusinessReport-by-date.csv"), by_date(0.9)).unwrap();
    });
    assert!(
        warnings.iter().any(|w| w.contains("more than 1 % apart")),
        "{warnings:?}"
    );
}

#[test]
fn a_byte_identical_download_counts_once() {
    let (plain, _) = read_changed(|_| {});
    let (doubled, warnings) = read_changed(|folder| {
        fs::copy(
            folder.join("BusinessReport-11-23-26.csv"),
            folder.join("BusinessReport-11-23-26 (1).csv"),
        )
        .unwrap();
    });
    assert!((sales(&doubled) - sales(&plain)).abs() < 1e-6);
    let warning = warnings
        .iter()
        .find(|w| w.contains("the same bytes as"))
        .unwrap();
    assert!(
        warning.contains("BusinessReport-11-23-26 (1).csv"),
        "{warning}"
    );
    assert!(warning.contains("BusinessReport-11-23-26.csv"), "{warning}");
}

#[test]
fn a_report_of_the_wrong_week_is_missing_not_zero() {
    let (data, warnings) = read_changed(|folder| {
        fs::copy(sample_week("2026-W46").join(ADS), folder.join(ADS)).unwrap();
    });
    assert_eq!(ad_spend(&data), None, "missing, never zero");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("all ") && w.contains("counts as missing")),
        "{warnings:?}"
    );
    assert!(data.business.is_some());
}

#[test]
fn days_two_ads_reports_share_count_once() {
    let (plain, _) = read_changed(|_| {});
    let (data, warnings) = read_changed(|folder| {
        let text = fs::read_to_string(folder.join(ADS)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // A second download of the same days, in another order: not the same bytes.
        let mut reordered = vec![lines[0]];
        reordered.extend(lines[1..].iter().rev());
        fs::write(folder.join("ads again.csv"), reordered.join("\n")).unwrap();
    });
    assert!((ad_spend(&data).unwrap() - ad_spend(&plain).unwrap()).abs() < 1e-6);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("already gives were left out")),
        "{warnings:?}"
    );
}

#[test]
fn repeated_snapshot_rows_count_once() {
    let (plain, _) = read_changed(|_| {});
    let (data, warnings) = read_changed(|folder| {
        let inventory = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| fs::read_to_string(p).is_ok_and(|t| t.starts_with("sku\tfnsku\tasin")))
            .unwrap();
        let text = fs::read_to_string(&inventory).unwrap();
        let half: Vec<&str> = text.lines().take(6).collect();
        fs::write(folder.join("inventory again.txt"), half.join("\n")).unwrap();
    });
    assert_eq!(
        data.inventory.as_ref().unwrap().len(),
        plain.inventory.as_ref().unwrap().len()
    );
    assert!(
        warnings.iter().any(|w| w.contains("5 rows repeat rows of")),
        "{warnings:?}"
    );
}
