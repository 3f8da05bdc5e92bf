//! On the bundled sample workspace, every planted problem of the newest week
//! appears as its rule, and no healthy SKU is flagged.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;

use opsdeck::domain::week_report::WeekReport;
use opsdeck::import::weeks::load_report;

fn sample_report(week: Option<&str>) -> WeekReport {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    load_report(&root, week.map(|w| w.parse().unwrap()))
        .unwrap()
        .report
}

#[test]
fn every_planted_problem_and_nothing_else() {
    let report = sample_report(None);
    assert_eq!(report.review.week.to_string(), "2026-W47");
    let found: BTreeSet<(String, String)> = report
        .anomalies
        .iter()
        .map(|a| (a.rule.name().to_owned(), a.sku.clone().unwrap_or_default()))
        .collect();
    let planted: BTreeSet<(String, String)> = [
        ("conversion_drop", "HK-CB-BAM-L"),
        // The conversion drop comes with its causes: a lost Buy Box and a falling rank.
        ("buy_box_loss", "HK-CB-BAM-L"),
        ("bsr_worsening", "HK-CB-BAM-L"),
        // Its rating fell from 4.5 to 4.0 stars.
        ("rating_drop", "HK-CB-BAM-L"),
        ("ad_spend_spike", "HK-KS-3STG"),
        // Spend without sales drives the ACoS up too.
        ("acos_over_target", "HK-KS-3STG"),
        ("acos_over_target", "HK-SC-ADH-2"),
        // 2,667 spatula sets vanished from FBA: reconcile and claim first.
        ("inventory_unaccounted", "HK-SP-SIL-5"),
        // The food storage bags' pool (one SKU empty, its twin selling) runs
        // out before the Holiday Lightning Deals end.
        ("stockout_risk", "HK-SB-BPA"),
        ("stockout_during_event", "HK-SB-BPA"),
        ("return_spike", "HK-BM-NV-2032"),
        ("aged_inventory", "HK-VB-20PK"),
        ("listing_inactive", "HK-SJ-GL-12"),
        ("low_ctr", "HK-DR-2T"),
    ]
    .into_iter()
    .map(|(rule, sku)| (rule.to_owned(), sku.to_owned()))
    .collect();
    assert_eq!(found, planted);
}

#[test]
fn the_return_spike_shows_the_size_complaints() {
    let report = sample_report(None);
    let spike = report
        .anomalies
        .iter()
        .find(|a| a.rule.name() == "return_spike")
        .unwrap();
    assert!(
        spike.evidence[0].en.contains("not as described — size")
            && spike.evidence[0].zh.contains("与描述不符 — 尺寸"),
        "{:?}",
        spike.evidence
    );
    assert_eq!(
        report.voice[0].reason_in(opsdeck::domain::settings::Language::English),
        "not as described — size"
    );
    assert_eq!(report.voice[0].skus[0].0, "HK-BM-NV-2032");
}

#[test]
fn the_week_before_is_healthy() {
    let report = sample_report(Some("2026-W46"));
    let rules: Vec<String> = report
        .anomalies
        .iter()
        .map(|a| format!("{} {:?}", a.rule.name(), a.sku))
        .collect();
    assert!(
        rules.iter().all(|r| r.contains("HK-VB-20PK")
            || r.contains("HK-DR-2T")
            || r.contains("HK-SC-ADH-2")
            || r.contains("HK-SB-BPA")),
        "only the slow-building problems may show a week early: {rules:?}"
    );
}

#[test]
fn every_anomaly_of_the_sample_speaks_chinese_too() {
    let report = sample_report(None);
    assert!(!report.anomalies.is_empty());
    for anomaly in &report.anomalies {
        assert!(
            opsdeck::domain::words::has_chinese(&anomaly.message.zh),
            "{}: {}",
            anomaly.rule.name(),
            anomaly.message.zh
        );
        assert!(!opsdeck::domain::words::has_chinese(&anomaly.message.en));
    }
}

#[test]
fn money_at_stake_is_money_the_team_would_lose() {
    let report = sample_report(None);
    let at_stake = |rule: &str, sku: &str| {
        report
            .anomalies
            .iter()
            .find(|a| a.rule.name() == rule && a.sku.as_deref() == Some(sku))
            .unwrap()
            .at_stake
    };
    // The aged vacuum bags cost their surcharge, not the retail value of 236 units.
    assert!((at_stake("aged_inventory", "HK-VB-20PK") - 139.24).abs() < 0.005);
    // The vanished spatula sets cost what the team paid for them: 2,667 × $3.80.
    assert!((at_stake("inventory_unaccounted", "HK-SP-SIL-5") - 2_667.0 * 3.80).abs() < 0.005);
    // The ad-spend spike costs four weeks of the extra spend.
    let spike = report
        .anomalies
        .iter()
        .find(|a| a.rule.name() == "ad_spend_spike")
        .unwrap();
    let extra = spike.value.unwrap() - spike.previous.unwrap();
    assert!((spike.at_stake - extra * 4.0).abs() < 0.005, "{spike:?}");
    // The missing stock ranks first: reconcile and claim before anything else.
    assert_eq!(report.anomalies[0].rule.name(), "inventory_unaccounted");
}

#[test]
fn money_at_stake_is_whole_cents_so_every_output_agrees() {
    let report = sample_report(None);
    assert!(!report.anomalies.is_empty());
    for anomaly in &report.anomalies {
        let cents = anomaly.at_stake * 100.0;
        assert!(
            (cents - cents.round()).abs() < 1e-6,
            "{:?} {}: {}",
            anomaly.rule,
            anomaly.sku.as_deref().unwrap_or("account"),
            anomaly.at_stake
        );
    }
}
