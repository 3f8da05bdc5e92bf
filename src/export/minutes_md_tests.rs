//! Tests of `minutes_md`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::DateTime;

use super::*;
use crate::domain::agenda::Agenda;
use crate::domain::capture::{Known, parse_quick_add};
use crate::domain::meeting::Verdict;
use crate::domain::settings::default_agenda;
use crate::domain::timing::Now;
use crate::domain::week::MeetingWeek;
use crate::export::minutes::save;
use crate::import::minutes::{previous_minutes, read_minutes_file};
use crate::import::weeks::load_report;

/// The mail of a short meeting on the sample: the diagnosis saw the
/// first anomaly, one action was captured, two verdicts given, one
/// section skipped.
#[allow(clippy::disallowed_methods)] // a base instant; every later time is arithmetic on it
fn sample_mail() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let report = load_report(&root, None).unwrap().report;
    let previous = previous_minutes(&root, MeetingWeek::reviewing(report.review.week).meeting)
        .unwrap()
        .unwrap();
    let wall = DateTime::parse_from_rfc3339("2026-11-30T09:00:00+08:00").unwrap();
    let mut meeting = Meeting::new(report.review.week, wall, previous.open_actions());
    meeting.attendees = vec!["Lina".into(), "Wei".into()];
    let attendees = meeting.attendees.clone();
    let parsed = parse_quick_add(
        "Book air freight @Wei due:fri #HK-SP-SIL-5 kpi:days_of_supply",
        wall.date_naive(),
        &Known {
            attendees: &attendees,
            sku: &|s: &str| Some(s.to_owned()),
        },
    );
    meeting.add_action(&parsed, wall);
    meeting.follow_up("2026-W47-01", Verdict::Done, None, wall);
    meeting.follow_up("2026-W45-03", Verdict::Carried, None, wall);
    meeting.ratings.insert("Lina".into(), 8);
    meeting.ratings.insert("Wei".into(), 9);
    meeting.seen_anomalies.insert(report.anomalies[1].key());
    let start = Instant::now();
    let mut agenda = Agenda::new(&default_agenda());
    agenda.start(Now {
        instant: start,
        wall,
    });
    let later = Now {
        instant: start + Duration::from_secs(600),
        wall,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes/2026-W48.toml");
    save(&path, &meeting, &agenda, &report, later).unwrap();
    let (stored, file) = read_minutes_file(&path).unwrap();
    to_markdown(&stored, &file, "USD", Language::English)
}

#[test]
fn the_mail_can_be_sent_as_it_is() {
    let mail = sample_mail();
    assert!(mail.contains("09:00–still open (UTC+08:00)"), "{mail}");
    assert!(
        mail.contains("Meeting rating: 8.5 / 10 (Lina 8 · Wei 9)"),
        "{mail}"
    );
    assert!(mail.contains("| Sales | $101,227 | ↓ "), "{mail}");
    assert!(mail.contains("| ODR | 0.37% | ↓ -0.0"), "{mail}");
    assert!(
        mail.contains("Days of supply ✖ moved the wrong way"),
        "{mail}"
    );
    assert!(mail.contains("**overdue**"), "{mail}");
    assert!(mail.contains("| Review | 25 min | 10 min |"), "{mail}");
    assert!(mail.contains("| Plan | 20 min | skipped |"), "{mail}");
    assert!(
        !mail.contains("\n\n\n"),
        "one blank line between parts: {mail}"
    );
    assert!(mail.contains("## Customer voice"), "{mail}");
    assert!(mail.contains("not as described — size"), "{mail}");
    // The pools to decide on, with their SKUs and the warnings the room saw.
    assert!(
        mail.contains(
            "- **HK-SB-BPA** (one listing: HK-SB-BPA + HK-SB-BPA-R) — order now: 2,136 units, \
             720 of them by air, order by 2026-10-16, sellable 2026-12-29"
        ),
        "{mail}"
    );
    assert!(
        mail.contains("  - ⚠ HK-SB-BPA empty — the listing sells from HK-SB-BPA-R, 450 units"),
        "{mail}"
    );
}

#[test]
fn the_mail_lists_only_the_anomalies_seen_or_acted_on_in_plain_words() {
    let mail = sample_mail();
    let listed: Vec<&str> = mail
        .lines()
        .filter(|l| l.starts_with("- **") && l.contains("at stake"))
        .collect();
    // Seen: the second; acted on: the spatulas' missing stock by this
    // meeting's action, three more by last meeting's open actions.
    assert_eq!(listed.len(), 5, "{mail}");
    assert!(
        listed[0].starts_with("- **Stock unaccounted for** · HK-SP-SIL-5"),
        "{mail}"
    );
    assert!(
        listed[0].contains("at stake — action 2026-W48-01"),
        "{mail}"
    );
    assert!(
        listed[1].starts_with("- **Rating drop** · HK-CB-BAM-L — Rating fell from 4.5 to 4.0"),
        "{mail}"
    );
    assert!(listed[1].ends_with("no action"), "{mail}");
    assert!(listed[2].contains("action 2026-W47-02"), "{mail}");
    assert!(
        listed[4].starts_with("- **Aged inventory** · HK-VB-20PK"),
        "{mail}"
    );
    assert!(
        !mail.contains("Conversion drop"),
        "neither seen nor acted on: {mail}"
    );
    assert!(
        !mail.contains("inventory_unaccounted"),
        "rule ids stay in JSON: {mail}"
    );
}
