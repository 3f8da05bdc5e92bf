//! Tests of `agenda`: navigation, pause, minutes and rebalancing, with time as data.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::domain::settings::default_agenda;

#[allow(clippy::disallowed_methods)] // the base instant; every later time is arithmetic on it
fn clock() -> impl Fn(u64) -> Now {
    let start = Instant::now();
    let wall: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-23T09:00:00-08:00").unwrap();
    move |seconds| Now {
        instant: start + Duration::from_secs(seconds),
        wall: wall + TimeDelta::seconds(i64::try_from(seconds).unwrap()),
    }
}

#[test]
fn sections_run_in_turn_and_keep_their_time() {
    let at = clock();
    let mut agenda = Agenda::new(&default_agenda());
    assert!(agenda.is_paused());
    agenda.start(at(0));
    agenda.next(at(600));
    assert_eq!(agenda.current().name, "diagnosis");
    agenda.previous(at(660));
    assert_eq!(agenda.current().name, "review");
    assert_eq!(agenda.elapsed(at(700)), Duration::from_secs(700));
    assert_eq!(
        agenda.sections()[1].timer.elapsed(at(700).instant),
        Duration::from_secs(60)
    );
    agenda.previous(at(700));
    assert_eq!(agenda.current_index(), 0, "no section before the first");
}

#[test]
fn pause_stops_the_clock() {
    let at = clock();
    let mut agenda = Agenda::new(&default_agenda());
    agenda.start(at(0));
    agenda.toggle_pause(at(100));
    agenda.next(at(200));
    assert_eq!(agenda.elapsed(at(900)), Duration::from_secs(100));
    agenda.toggle_pause(at(900));
    assert_eq!(agenda.elapsed(at(960)), Duration::from_secs(160));
}

#[test]
fn a_minute_more_or_less_never_below_one() {
    let mut agenda = Agenda::new(&default_agenda());
    agenda.adjust_minutes(1);
    assert_eq!(agenda.current().planned, MINUTE * 26);
    for _ in 0..40 {
        agenda.adjust_minutes(-1);
    }
    assert_eq!(agenda.current().planned, MINUTE);
}

#[test]
fn status_and_projected_end() {
    let at = clock();
    let mut agenda = Agenda::new(&default_agenda());
    agenda.start(at(0));
    assert!(matches!(agenda.status(at(60)), TimeStatus::OnTrack { .. }));
    assert!(matches!(
        agenda.status(at(21 * 60)),
        TimeStatus::Ending { .. }
    ));
    assert!(agenda.is_overrun(at(26 * 60)));
    assert_eq!(
        agenda.projected_end(at(0)).to_rfc3339(),
        "2026-11-23T10:10:00-08:00"
    );
    assert_eq!(
        agenda.projected_end(at(30 * 60)).to_rfc3339(),
        "2026-11-23T10:15:00-08:00",
        "5 minutes late"
    );
}

/// Each section's planned minutes.
fn planned_minutes(agenda: &Agenda) -> Vec<u64> {
    agenda
        .sections()
        .iter()
        .map(|s| s.planned.as_secs() / 60)
        .collect()
}

#[test]
fn rebalance_after_an_overrun_ends_on_time() {
    let at = clock();
    let mut agenda = Agenda::new(&default_agenda());
    agenda.start(at(0));
    agenda.next(at(35 * 60));
    assert!(agenda.rebalance(at(35 * 60)));
    let planned = planned_minutes(&agenda);
    assert_eq!(
        planned,
        [25, 25, 10],
        "35 of 70 minutes left for diagnosis (now) and plan"
    );
    let mut late = Agenda::new(&default_agenda());
    late.start(at(0));
    late.next(at(35 * 60));
    late.next(at(35 * 60));
    late.previous(at(35 * 60));
    assert!(late.rebalance(at(35 * 60)));
    assert_eq!(late.sections()[2].planned, MINUTE * 10);
    let end = late.projected_end(at(35 * 60));
    assert_eq!(end.to_rfc3339(), "2026-11-23T10:10:00-08:00");
}

#[test]
fn rebalance_never_lengthens_the_meeting_and_its_minutes_add_up() {
    let at = clock();
    let sections: Vec<AgendaSection> = [
        ("review", 20),
        ("diagnosis", 20),
        ("plan", 17),
        ("wrap-up", 13),
    ]
    .into_iter()
    .map(|(name, minutes)| AgendaSection {
        name: name.to_owned(),
        minutes,
    })
    .collect();
    let mut early = Agenda::new(&sections);
    early.start(at(0));
    early.next(at(60));
    assert!(early.rebalance(at(60)));
    let planned = planned_minutes(&early);
    assert_eq!(
        planned,
        [20, 20, 17, 13],
        "ahead of time: nothing is lengthened"
    );
    let mut late = Agenda::new(&sections);
    late.start(at(0));
    late.next(at(27 * 60));
    assert!(late.rebalance(at(27 * 60)));
    let planned = planned_minutes(&late);
    // 70 − 27 − 20 = 23 minutes for plan and wrap-up, 17:13 → 13.3 + 9.7.
    assert_eq!(planned[2..], [13, 10]);
    assert_eq!(
        planned.iter().sum::<u64>() - 20 + 27,
        70,
        "ends on time, to the minute"
    );
}

#[test]
fn rebalance_in_the_last_section_changes_nothing() {
    let at = clock();
    let mut agenda = Agenda::new(&default_agenda());
    agenda.start(at(0));
    agenda.next(at(1));
    agenda.next(at(2));
    assert!(!agenda.rebalance(at(3)));
}

#[test]
fn a_resumed_agenda_keeps_its_times_and_section() {
    let at = clock();
    let saved = vec![
        ("review".to_owned(), MINUTE * 25, MINUTE * 27),
        ("diagnosis".to_owned(), MINUTE * 25, MINUTE * 3),
        ("plan".to_owned(), MINUTE * 20, Duration::ZERO),
    ];
    let mut agenda = Agenda::resumed(&saved, 1, MINUTE * 70).unwrap();
    assert!(agenda.is_paused());
    assert_eq!(agenda.current().name, "diagnosis");
    assert_eq!(agenda.elapsed(at(0)), MINUTE * 30);
    agenda.start(at(0));
    assert_eq!(agenda.elapsed(at(60)), MINUTE * 31);
    assert!(Agenda::resumed(&[], 0, MINUTE).is_none());
}
