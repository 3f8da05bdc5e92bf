//! Tests of `meeting`: capture, edit, verdicts, closing gaps, undo.

use chrono::DateTime;

use super::*;
use crate::domain::capture::{Known, parse_quick_add};
use crate::domain::settings::Language;
use crate::domain::undo::{Change, ChangeKind, History};

fn at(minute: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-23T09:{minute:02}:00-08:00")).unwrap()
}

fn quick(line: &str) -> QuickAdd {
    let attendees = vec!["Lina".to_owned(), "Wei".to_owned()];
    parse_quick_add(
        line,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        &Known {
            attendees: &attendees,
            sku: &|s: &str| Some(s.to_owned()),
        },
    )
}

fn previous_action(id: &str, weeks_carried: u32) -> ActionItem {
    let mut action = Meeting::new("2026-W46".parse().unwrap(), at(0), Vec::new());
    action.add_action(
        &quick("Book shipment @Wei due:2026-11-20 #HK-SP-SIL-5"),
        at(0),
    );
    let mut item = action.actions.remove(0);
    item.id = id.to_owned();
    item.weeks_carried = weeks_carried;
    item
}

fn meeting() -> Meeting {
    Meeting::new(
        "2026-W47".parse().unwrap(),
        at(0),
        vec![
            previous_action("2026-W47-01", 0),
            previous_action("2026-W45-03", 2),
        ],
    )
}

#[test]
fn actions_get_stable_ids_and_fields() {
    let mut m = meeting();
    let first = m.add_action(
        &quick("Update size marks @lina due:fri #HK-BM-NV-2032 !high kpi:return_rate"),
        at(5),
    );
    let second = m.add_action(&quick("Call the supplier"), at(6));
    assert_eq!(
        (first.as_str(), second.as_str()),
        ("2026-W48-01", "2026-W48-02")
    );
    let action = &m.actions[0];
    assert_eq!(action.owner.as_deref(), Some("Lina"));
    assert_eq!(action.priority, Priority::High);
    assert_eq!(action.kpi.as_deref(), Some("return_rate"));
    assert_eq!(action.created, Some(at(5)));
}

#[test]
fn editing_keeps_the_id() {
    let mut m = meeting();
    let id = m.add_action(&quick("Call the supplier"), at(5));
    assert!(m.edit_action(&id, &quick("Call the supplier about cartons @Wei due:+2d")));
    assert_eq!(m.actions[0].id, id);
    assert_eq!(m.actions[0].owner.as_deref(), Some("Wei"));
    assert!(!m.edit_action("nope", &quick("x")));
}

#[test]
fn verdicts_on_last_meetings_actions() {
    let mut m = meeting();
    assert!(m.follow_up("2026-W47-01", Verdict::Done, None, at(7)));
    assert_eq!(m.follow_ups[0].status, ActionStatus::Done);
    assert!(m.follow_up("2026-W45-03", Verdict::Carried, None, at(8)));
    assert_eq!(m.follow_ups[1].status, ActionStatus::Carried);
    let carried = &m.actions[0];
    assert_eq!(
        (carried.id.as_str(), carried.weeks_carried),
        ("2026-W45-03", 3)
    );
    assert_eq!(carried.carried_from.as_deref(), Some("2026-W47"));
    assert!(carried.weeks_carried >= CARRIED_TOO_OFTEN);
    assert!(m.follow_up(
        "2026-W45-03",
        Verdict::Dropped,
        Some("supplier gone".into()),
        at(9)
    ));
    assert!(
        m.actions.is_empty(),
        "changing the verdict takes the carried copy back"
    );
    assert_eq!(m.follow_ups[1].note.as_deref(), Some("supplier gone"));
}

#[test]
fn closing_check_lists_every_gap() {
    let mut m = meeting();
    m.add_action(&quick("Call the supplier"), at(5));
    m.add_action(&quick("Fix photos @Lina due:fri"), at(6));
    let today = at(9).date_naive();
    let gaps = m.closing_gaps(today);
    assert_eq!(gaps.len(), 4, "{gaps:?}");
    assert_eq!(gaps.last(), Some(&Gap::NotRated));
    assert_eq!(gaps[0], Gap::NoOwnerNoDue("2026-W48-01".to_owned()));
    assert_eq!(
        gaps[0].describe(Language::Chinese),
        "2026-W48-01 没有负责人，也没有截止日期"
    );
    m.follow_up("2026-W47-01", Verdict::Done, None, at(7));
    m.follow_up(
        "2026-W45-03",
        Verdict::Dropped,
        Some("obsolete".into()),
        at(7),
    );
    m.close_action(
        "2026-W48-01",
        ActionStatus::Dropped,
        Some("merged".into()),
        at(8),
    );
    m.ratings = parse_ratings("Lina 8 Wei 9", &["Lina".to_owned(), "Wei".to_owned()]).unwrap();
    assert!(m.closing_gaps(today).is_empty());
}

#[test]
fn closing_check_lists_past_due_dates_and_owners_who_are_not_attendees() {
    let mut m = meeting();
    m.attendees = vec!["Lina".to_owned(), "Wei".to_owned()];
    m.follow_up("2026-W47-01", Verdict::Done, None, at(7));
    m.follow_up("2026-W45-03", Verdict::Carried, None, at(7));
    m.add_action(&quick("Ask Jo for photos @Jo due:+14d"), at(8));
    // A week later, last meeting's carried action (due Fri 27 Nov) is past due.
    let gaps = m.closing_gaps(at(9).date_naive() + chrono::Days::new(7));
    let said: Vec<String> = gaps.iter().map(|g| g.describe(Language::English)).collect();
    assert!(
        said.iter()
            .any(|g| g.contains("2026-W45-03 is due") && g.contains("already past")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|g| g.contains("owner Jo is not an attendee")),
        "{said:?}"
    );
}

#[test]
fn a_carried_action_gets_its_new_due_date_and_the_same_weekday_is_offered() {
    let monday = at(0).date_naive();
    let wednesday_before = monday - chrono::Days::new(5);
    assert_eq!(
        carried_due(Some(wednesday_before), monday),
        monday + chrono::Days::new(2)
    );
    assert_eq!(
        carried_due(Some(monday - chrono::Days::new(7)), monday),
        monday + chrono::Days::new(7)
    );
    assert_eq!(carried_due(None, monday), monday + chrono::Days::new(7));
    let mut m = meeting();
    let due = monday + chrono::Days::new(3);
    assert!(m.carry("2026-W45-03", due, at(5)));
    let carried = m.actions.iter().find(|a| a.id == "2026-W45-03").unwrap();
    assert_eq!(carried.due, Some(due));
    assert_eq!(carried.weeks_carried, 3);
}

#[test]
fn ratings_by_attendee() {
    let attendees = vec!["Lina".to_owned(), "Wei".to_owned()];
    let ratings = parse_ratings("lina 8 Wei 10", &attendees).unwrap();
    assert_eq!(ratings["Lina"], 8);
    assert_eq!(ratings["Wei"], 10);
    assert!(parse_ratings("Lina 11", &attendees).is_err());
    let stranger = parse_ratings("Lina 8 Jo 9", &attendees).unwrap_err();
    assert!(
        stranger.en.contains("`Jo` is not an attendee"),
        "{stranger:?}"
    );
    assert!(stranger.zh.contains("`Jo` 不是参会者"), "{stranger:?}");
    assert!(parse_ratings("Lina", &attendees).is_err());
}

#[test]
fn undo_and_redo_walk_the_changes_and_say_what_they_did() {
    let mut history = History::new(meeting());
    history.change(|m| {
        m.add_decision("Hold prices", "plan", at(5));
        Some(Change::new(ChangeKind::DecisionCaptured, "Hold prices"))
    });
    history.change(|m| {
        let id = m.add_action(&quick("Call the supplier"), at(6));
        Some(Change::new(ChangeKind::ActionCaptured, id))
    });
    assert!(!history.change(|_| None), "no change, nothing to undo");
    let undone = history.undo().unwrap();
    assert_eq!(undone.kind, ChangeKind::ActionCaptured);
    assert_eq!(undone.subject, "2026-W48-01");
    assert!(history.current.actions.is_empty());
    assert_eq!(history.current.decisions.len(), 1);
    assert_eq!(history.redo().unwrap().subject, "2026-W48-01");
    assert_eq!(history.current.actions.len(), 1);
    assert!(history.undo().is_some());
    assert!(history.undo().is_some());
    assert!(history.current.decisions.is_empty());
    assert!(history.undo().is_none());
}

#[test]
fn an_undone_actions_id_is_never_given_again() {
    let mut history = History::new(meeting());
    history.change(|m| {
        let id = m.add_action(&quick("Call the supplier"), at(6));
        Some(Change::new(ChangeKind::ActionCaptured, id))
    });
    history.undo();
    history.change(|m| {
        let id = m.add_action(&quick("Book the shipment"), at(7));
        Some(Change::new(ChangeKind::ActionCaptured, id))
    });
    assert_eq!(history.current.actions[0].id, "2026-W48-02");
    assert!(
        history.redo().is_none(),
        "a new change ends what could be redone"
    );
}

#[test]
fn an_action_on_a_sku_named_before_marketplace_folders_covers_it_in_each_marketplace() {
    let meeting = meeting();
    // Last meeting's action names HK-SP-SIL-5; the week now keys it US:HK-SP-SIL-5.
    assert!(meeting.has_action_for(Some("US:HK-SP-SIL-5"), "days_of_supply"));
    assert!(meeting.has_action_for(Some("hk-sp-sil-5"), "days_of_supply"));
    assert!(!meeting.has_action_for(Some("US:HK-SP-SIL-6"), "days_of_supply"));
}

#[test]
fn an_action_not_due_yet_needs_no_verdict_to_close() {
    let mut m = meeting();
    let mut ahead = previous_action("2026-W47-09", 0);
    ahead.due = NaiveDate::from_ymd_opt(2026, 11, 27);
    m.follow_ups.push(ahead);
    let today = at(9).date_naive();
    let gaps = m.closing_gaps(today);
    assert!(
        !gaps.contains(&Gap::NoVerdict("2026-W47-09".to_owned())),
        "{gaps:?}"
    );
    assert!(gaps.contains(&Gap::NoVerdict("2026-W47-01".to_owned())));
    let on_friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert!(
        m.closing_gaps(on_friday)
            .contains(&Gap::NoVerdict("2026-W47-09".to_owned()))
    );
}

#[test]
fn minutes_sent_within_a_day_of_the_end_are_in_time() {
    let mut m = meeting();
    assert_eq!(m.minutes_sent_in_time(), None, "still open");
    m.ended = Some(at(30));
    assert_eq!(m.minutes_sent_in_time(), Some(false), "not sent");
    let sent = |at: &str| crate::domain::channel::Sent {
        channel: "team".to_owned(),
        what: "minutes".to_owned(),
        at: at.to_owned(),
        digest: String::new(),
    };
    m.sent.push(sent("2026-11-25T09:00:00-08:00"));
    assert_eq!(m.minutes_sent_in_time(), Some(false), "two days later");
    m.sent.push(sent("2026-11-24T09:29:00-08:00"));
    assert_eq!(m.minutes_sent_in_time(), Some(true));
}
