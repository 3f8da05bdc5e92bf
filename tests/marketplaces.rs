//! Several marketplaces in one meeting: the sample workspace's weeks moved
//! into `US/` subfolders, a German Business Report in `DE/` for the last two
//! weeks, and an `[fx]` rate. The account is consolidated in the reporting
//! currency, each marketplace keeps its own, and every SKU row says where it
//! sells.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A German Business Report of two SKUs; `scale` multiplies its figures.
fn german_business_report(scale: i64) -> String {
    let header = "(Übergeordnete) ASIN,(Untergeordnete) ASIN,Titel,SKU,Sitzungen\u{a0}– Summe,\
        Sitzungen – Summe – B2B,Bestellte Einheiten,Durch bestellte Produkte erzielter Umsatz,\
        Bestellsumme – B2B,Zahl der Bestellposten";
    format!(
        "\u{feff}{header}\n\
         B0PARENT1,B0DE000001,Silikon-Pfannenwender,HK-SP-SIL-5,\"{}\",0,{},\"{}\u{a0}€\",\"0,00\u{a0}€\",{}\n\
         B0PARENT2,B0DE000002,Schneidebrett,HK-DE-ONLY,\"{}\",0,{},\"{}\u{a0}€\",\"0,00\u{a0}€\",{}\n",
        format_count(1200 * scale),
        20 * scale,
        german(51_234 * scale),
        19 * scale,
        format_count(300 * scale),
        5 * scale,
        german(12_550 * scale),
        5 * scale,
    )
}

/// `1,200`, as the German Business Report writes counts.
fn format_count(n: i64) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// Cents written the German way: `512,34` or `1.234,56`.
fn german(cents: i64) -> String {
    let (units, rest) = (cents / 100, cents % 100);
    let units = if units >= 1000 {
        format!("{}.{:03}", units / 1000, units % 1000)
    } else {
        units.to_string()
    };
    format!("{units},{rest:02}")
}

/// The sample workspace with every week in `US/` and Germany in the last two.
fn two_marketplaces(fx: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
    for week in fs::read_dir(root.join("weeks")).unwrap() {
        let week = week.unwrap().path();
        let us = week.join("US");
        fs::create_dir(&us).unwrap();
        for file in fs::read_dir(&week).unwrap() {
            let file = file.unwrap().path();
            if file.is_file() && file.file_name().unwrap() != "week.toml" {
                fs::rename(&file, us.join(file.file_name().unwrap())).unwrap();
            }
        }
    }
    for (week, scale) in [("2026-W46", 1), ("2026-W47", 2)] {
        let de = root.join("weeks").join(week).join("de");
        fs::create_dir(&de).unwrap();
        fs::write(
            de.join("BusinessReport-23.11.26.csv"),
            german_business_report(scale),
        )
        .unwrap();
    }
    let mut config = fs::read_to_string(root.join("opsdeck.toml")).unwrap();
    config.push_str(fx);
    fs::write(root.join("opsdeck.toml"), config).unwrap();
    (dir, root)
}

fn opsdeck(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .args(args)
        .arg(root)
        .output()
        .unwrap()
}

fn kpis(root: &Path) -> Value {
    let output = opsdeck(&["kpis", "--format", "json"], root);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_account_is_consolidated_and_each_marketplace_keeps_its_currency() {
    let single = {
        let dir = tempfile::tempdir().unwrap();
        let root = opsdeck::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
        let json = kpis(&root);
        (json["account"]["sales"]["value"].as_f64().unwrap(), dir)
    };
    let (_dir, root) = two_marketplaces("\n[fx]\nEUR = 1.10\n");
    let json = kpis(&root);
    assert_eq!(json["currency"], "USD");
    // The week's German sales: 2 × (512.34 + 125.50) EUR = 1,275.68 EUR = 1,403.25 USD.
    let consolidated = json["account"]["sales"]["value"].as_f64().unwrap();
    assert!(
        (consolidated - (single.0 + 1403.25)).abs() < 0.02,
        "{consolidated} vs {}",
        single.0
    );
    let germany = &json["marketplaces"]["DE"];
    assert_eq!(germany["currency"], "EUR");
    assert!((germany["account"]["sales"]["value"].as_f64().unwrap() - 1275.68).abs() < 0.005);
    assert_eq!(germany["account"]["units"]["value"], 50.0);
    assert_eq!(json["marketplaces"]["US"]["currency"], "USD");
    let skus = json["skus"].as_array().unwrap();
    let german_rows: Vec<&Value> = skus.iter().filter(|s| s["marketplace"] == "DE").collect();
    assert_eq!(german_rows.len(), 2, "{german_rows:?}");
    assert!(skus.iter().any(|s| s["sku"] == "DE:HK-SP-SIL-5"));
    assert!(
        skus.iter()
            .any(|s| s["sku"] == "US:HK-SP-SIL-5" && s["marketplace"] == "US"),
        "the same SKU on two marketplaces is two rows"
    );
}

#[test]
fn a_currency_without_a_rate_names_the_key_to_add() {
    let (_dir, root) = two_marketplaces("");
    let output = opsdeck(&["kpis"], &root);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("EUR") && stderr.contains("[fx]") && stderr.contains("weeks/2026-W47/de"),
        "{stderr}"
    );
    // check says so before kpis refuses, never "no errors".
    let checked = opsdeck(&["check"], &root);
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert_eq!(checked.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("weeks/2026-W47") && stderr.contains("`EUR = …`"),
        "{stderr}"
    );
    let (_dir, root) = two_marketplaces("\n[fx]\nEUR = 1.10\n");
    let checked = opsdeck(&["check"], &root);
    assert!(
        checked.status.success(),
        "with a rate, no error: {}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn prep_shows_each_marketplace_in_its_own_currency() {
    let (_dir, root) = two_marketplaces("\n[fx]\nEUR = 1.10\n");
    let output = opsdeck(&["prep"], &root);
    assert!(output.status.success());
    let prep = String::from_utf8_lossy(&output.stdout);
    assert!(
        prep.contains("### By marketplace, each in its own currency"),
        "{prep}"
    );
    assert!(prep.contains("| KPI | US (USD) | DE (EUR) |"), "{prep}");
    assert!(
        prep.contains("| Sales | $101,227 (-5%) | €1,276 (+100%) |"),
        "{prep}"
    );
    assert!(
        prep.contains("| Gross margin | 41.4% ✔ (-0.1 pts) | — |"),
        "a marketplace in its own currency goes without costs: {prep}"
    );
}

#[test]
#[allow(clippy::disallowed_methods)] // a base instant for the meeting's clock
fn the_minutes_keep_each_marketplace_and_the_mail_shows_it() {
    use opsdeck::domain::agenda::Agenda;
    use opsdeck::domain::meeting::Meeting;
    use opsdeck::domain::timing::Now;
    let (_dir, root) = two_marketplaces("\n[fx]\nEUR = 1.10\n");
    let loaded = opsdeck::import::weeks::load_report(&root, None).unwrap();
    let codes: Vec<&str> = loaded
        .report
        .marketplaces
        .iter()
        .map(|m| m.code.as_str())
        .collect();
    assert_eq!(codes, ["US", "DE"]);
    let wall = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00+01:00").unwrap();
    let meeting = Meeting::new(loaded.report.review.week, wall, Vec::new());
    let now = Now {
        instant: std::time::Instant::now(),
        wall,
    };
    let mut agenda = Agenda::new(&loaded.workspace.settings.agenda);
    agenda.start(now);
    let path = root.join("minutes/2026-W48.toml");
    opsdeck::export::minutes::save(&path, &meeting, &agenda, &loaded.report, now).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_opsdeck"))
        .arg("minutes")
        .arg(&path)
        .output()
        .unwrap();
    let mail = String::from_utf8_lossy(&output.stdout);
    assert!(mail.contains("### DE (EUR)"), "{mail}");
    assert!(mail.contains("| Sales | €1,276 |"), "{mail}");
    assert!(mail.contains("### US (USD)"), "{mail}");
}
