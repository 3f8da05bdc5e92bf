//! Tests of `minutes`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::DateTime;

use super::*;
use crate::domain::capture::{Known, parse_quick_add};
use crate::domain::meeting::Verdict;
use crate::domain::settings::default_agenda;
use crate::domain::week::MeetingWeek;
use crate::import::minutes::{previous_minutes, read_minutes};
use crate::import::weeks::load_report;

/// The sample's report and a new meeting on it, following up last meeting's open actions.
fn sample_meeting() -> (WeekReport, Meeting) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let report = load_report(&root, None).unwrap().report;
    let previous = previous_minutes(&root, MeetingWeek::reviewing(report.review.week).meeting)
        .unwrap()
        .unwrap();
    let wall = DateTime::parse_from_rfc3339("2026-11-23T09:00:00-08:00").unwrap();
    let meeting = Meeting::new(report.review.week, wall, previous.open_actions());
    (report, meeting)
}

#[test]
fn the_anomalies_kept_are_those_a_scan_of_every_one_keeps() {
    let (report, mut meeting) = sample_meeting();
    // Seen: the second anomaly; acted on: a SKU of another anomaly, typed in another case.
    meeting.seen_anomalies.insert(report.anomalies[1].key());
    let acted = report
        .anomalies
        .iter()
        .rev()
        .find_map(|a| a.sku.clone())
        .unwrap();
    let mut action = meeting.follow_ups[0].clone();
    action.sku = Some(acted.to_lowercase());
    meeting.actions.push(action);
    let scanned: Vec<String> = report
        .anomalies
        .iter()
        .filter(|a| {
            meeting.seen_anomalies.contains(&a.key())
                || meeting.has_action_for(a.sku.as_deref(), a.metric.name())
        })
        .map(|a| format!("{}:{:?}", a.rule.name(), a.sku))
        .collect();
    let kept: Vec<String> = discussed(&meeting, &report)
        .iter()
        .map(|row| format!("{}:{:?}", row.rule, row.sku))
        .collect();
    assert!(scanned.len() >= 2, "{scanned:?}");
    assert_eq!(kept, scanned);
}

#[test]
#[allow(clippy::disallowed_methods)] // a base instant; every later time is arithmetic on it
fn minutes_round_trip_through_toml() {
    let (report, mut meeting) = sample_meeting();
    let wall = meeting.started;
    meeting.attendees = vec!["Lina".into(), "Wei".into()];
    let attendees = meeting.attendees.clone();
    let parsed = parse_quick_add(
        "Replenish spatulas @Wei due:fri #HK-SP-SIL-5 !high kpi:days_of_supply",
        wall.date_naive(),
        &Known {
            attendees: &attendees,
            sku: &|s: &str| Some(s.to_owned()),
        },
    );
    meeting.add_action(&parsed, wall);
    meeting.add_decision("Hold prices", "plan", wall);
    meeting.add_note("供应商下周报价", "review", wall);
    meeting.follow_up("2026-W47-01", Verdict::Done, None, wall);
    meeting.follow_up("2026-W45-03", Verdict::Carried, None, wall);
    meeting.ratings.insert("Lina".into(), 8);
    meeting.seen_anomalies.insert(report.anomalies[0].key());
    let start = Instant::now();
    let mut agenda = Agenda::new(&default_agenda());
    let now = Now {
        instant: start,
        wall,
    };
    agenda.start(now);
    let later = Now {
        instant: start + Duration::from_secs(754),
        wall,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes/2026-W48.toml");
    save(&path, &meeting, &agenda, &report, later).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Minutes of the weekly operations meeting"));
    let read = read_minutes(&path).unwrap();
    assert_eq!(read.meeting, meeting);
    assert_eq!(read.sections[0].actual_seconds, 754);
    // The snapshot keeps the SKUs of the anomalies discussed, not every flagged one.
    let (_, raw) = crate::import::minutes::read_minutes_file(&path).unwrap();
    let discussed: std::collections::BTreeSet<&str> = raw
        .anomalies
        .iter()
        .filter_map(|a| a.sku.as_deref())
        .collect();
    let snapshot: std::collections::BTreeSet<&str> = raw
        .kpis
        .as_ref()
        .unwrap()
        .skus
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(snapshot, discussed);
    assert!(
        discussed.len() < report.problem_skus().len(),
        "{discussed:?}"
    );
    assert_eq!(read.current_section, 0);
    save(&path, &read.meeting, &agenda, &report, later).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "stable: saving again writes the same bytes"
    );
}
