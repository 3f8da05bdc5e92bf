//! The pre-read stays readable at any catalogue size: the problems with
//! most money at stake, a count of the rest, and `--all` for every one.

use std::path::Path;

use super::*;
use crate::import::weeks::load_report;

#[test]
fn a_long_diagnosis_lists_the_top_and_counts_the_rest() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let mut report = load_report(&root, None).unwrap().report;
    let settings = load_report(&root, None).unwrap().workspace.settings;
    // Forty anomalies, as a large catalogue has hundreds.
    let first = report.anomalies.clone();
    while report.anomalies.len() < 40 {
        report.anomalies.extend(first.iter().cloned());
    }
    report.anomalies.truncate(40);
    let today = "2026-11-23".parse().unwrap();
    let top = to_prep(&report, &settings, &[], &[], today, false);
    let diagnosis = top.split("## Diagnosis").nth(1).unwrap();
    let listed = |text: &str| {
        text.lines()
            .filter(|l| {
                l.split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
            })
            .count()
    };
    assert_eq!(listed(diagnosis.split("## ").next().unwrap()), PREP_TOP);
    assert!(
        top.contains("… and 15 more anomalies, with less money at stake: `opsdeck prep --all`"),
        "{top}"
    );
    let all = to_prep(&report, &settings, &[], &[], today, true);
    let diagnosis = all.split("## Diagnosis").nth(1).unwrap();
    assert_eq!(listed(diagnosis.split("## ").next().unwrap()), 40);
    assert!(!all.contains("more anomalies"));
}
