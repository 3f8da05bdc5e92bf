//! Tests of `App::update`: every action, with time passed in as data.

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta};

use super::*;
use crate::domain::action::ActionStatus;
use crate::domain::timing::TimeStatus;
use crate::import::weeks::load_report;
use action::{CaptureKind, EditOp};
use mode::Base;

/// One base instant for all tests, so `now_at` readings compare.
#[allow(clippy::disallowed_methods)] // the base instant; every later time is arithmetic on it
fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

pub fn now_at(seconds: u64) -> Now {
    let wall = DateTime::parse_from_rfc3339("2026-11-23T09:00:00-08:00").unwrap();
    Now {
        instant: base() + Duration::from_secs(seconds),
        wall: wall + TimeDelta::seconds(i64::try_from(seconds).unwrap()),
    }
}

/// A cockpit on the sample workspace, started at `now_at(0)`.
pub fn sample_app(settings_change: impl FnOnce(&mut Settings)) -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let loaded = load_report(&root, None).unwrap();
    let mut settings = loaded.workspace.settings.clone();
    // Language, theme and bell change the cockpit, not the figures.
    settings_change(&mut settings);
    let report = loaded.report;
    let open = crate::session::open_actions(&root, report.review.week).unwrap();
    let meeting = crate::session::new_meeting(report.review.week, now_at(0), open, &settings);
    App::new(settings, report, meeting, None, now_at(0))
}

#[test]
fn the_meeting_starts_on_the_review() {
    let app = sample_app(|_| {});
    assert_eq!(app.view(), View::Review);
    assert_eq!(app.agenda().current().name, "review");
    assert!(!app.agenda().is_paused());
    assert_eq!(app.open_actions().len(), 4);
}

#[test]
fn sections_drive_the_view_and_keep_time() {
    let mut app = sample_app(|_| {});
    app.update(Action::NextSection, now_at(600));
    assert_eq!(app.view(), View::Diagnosis);
    app.update(Action::NextSection, now_at(700));
    assert_eq!(app.view(), View::Plan);
    app.update(Action::PreviousSection, now_at(800));
    assert_eq!(app.view(), View::Diagnosis);
    assert_eq!(app.agenda().elapsed(now_at(800)), Duration::from_secs(800));
}

#[test]
fn pause_minutes_and_rebalance() {
    let mut app = sample_app(|_| {});
    app.update(Action::ToggleTimer, now_at(60));
    assert!(app.agenda().is_paused());
    app.update(Action::ToggleTimer, now_at(120));
    assert_eq!(app.agenda().elapsed(now_at(180)), Duration::from_secs(120));
    app.update(Action::AddMinute, now_at(180));
    assert_eq!(app.agenda().current().planned, Duration::from_secs(26 * 60));
    app.update(Action::RemoveMinute, now_at(180));
    app.update(Action::RemoveMinute, now_at(180));
    assert_eq!(app.agenda().current().planned, Duration::from_secs(24 * 60));
    app.update(Action::NextSection, now_at(35 * 60));
    app.update(Action::Rebalance, now_at(35 * 60));
    let plan = app.agenda().sections()[2].planned.as_secs() / 60;
    assert!(plan < 20, "plan shrinks to end on time: {plan}");
}

#[test]
fn the_bell_rings_once_when_the_section_runs_over() {
    let mut app = sample_app(|settings| settings.bell = true);
    assert_ne!(
        app.update(Action::Tick, now_at(24 * 60)),
        Some(Effect::RingBell)
    );
    assert_eq!(
        app.update(Action::Tick, now_at(25 * 60 + 1)),
        Some(Effect::RingBell)
    );
    assert!(matches!(
        app.agenda().status(now_at(25 * 60 + 2)),
        TimeStatus::Overrun { .. }
    ));
    assert_ne!(
        app.update(Action::Tick, now_at(25 * 60 + 2)),
        Some(Effect::RingBell)
    );
    let mut quiet = sample_app(|settings| settings.bell = false);
    assert_ne!(
        quiet.update(Action::Tick, now_at(26 * 60)),
        Some(Effect::RingBell)
    );
}

#[test]
fn views_by_number_and_tab() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Plan), now_at(1));
    assert_eq!(app.view(), View::Plan);
    app.update(Action::NextView, now_at(1));
    assert_eq!(app.view(), View::Supply);
    app.update(Action::NextView, now_at(1));
    assert_eq!(app.view(), View::Review);
}

#[test]
#[allow(clippy::cast_precision_loss)] // a unit count
fn a_chinese_team_captures_its_purchase_order_in_chinese() {
    let mut app = sample_app(|settings| {
        settings.language = crate::domain::settings::Language::Chinese;
    });
    app.update(Action::ShowView(View::Supply), now_at(1));
    let line = app.report().supply[0].clone();
    app.update(Action::OrderSelected, now_at(2));
    let action = app.meeting().actions.last().unwrap();
    assert_eq!(
        action.title,
        format!(
            "下采购单：HK-SB-BPA {} 件，其中空运 {} 件",
            crate::domain::format::count(line.suggested_units as f64),
            crate::domain::format::count(line.air_units as f64)
        )
    );
    assert_eq!(
        action.tags,
        vec!["replenishment".to_owned()],
        "one tag in every language"
    );
    // A second o still finds it.
    assert!(app.purchase_order_for(&line).is_some());
}

#[test]
#[allow(clippy::cast_precision_loss)] // a unit count
fn the_supply_view_captures_the_selected_purchase_order_for_purchasing() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Supply), now_at(1));
    let line = app.report().supply[0].clone();
    assert_eq!(line.sku, "HK-SB-BPA");
    assert!(line.air_units > 0, "{line:?}");
    assert_eq!(
        app.update(Action::OrderSelected, now_at(2)),
        Some(Effect::SaveMinutes)
    );
    let action = app.meeting().actions.last().unwrap();
    assert_eq!(
        action.title,
        format!(
            "Send a PO for {} units of HK-SB-BPA, {} by air",
            crate::domain::format::count(line.suggested_units as f64),
            crate::domain::format::count(line.air_units as f64)
        )
    );
    assert_eq!(action.owner.as_deref(), Some("Wei"));
    assert_eq!(action.sku.as_deref(), Some("HK-SB-BPA"));
    assert_eq!(action.tags, vec!["replenishment".to_owned()]);
    // The order-by date has passed: the order is due on the meeting's day.
    assert!(line.order_by.unwrap() < now_at(2).wall.date_naive());
    assert_eq!(action.due, Some(now_at(2).wall.date_naive()));
    // A second o on the line makes no second PO: it opens the first to edit.
    let po = action.id.clone();
    let captured = app.meeting().actions.len();
    assert_eq!(app.update(Action::OrderSelected, now_at(2)), None);
    assert_eq!(app.meeting().actions.len(), captured);
    assert_eq!(app.flash(), Some(&Flash::PoCaptured(po.clone())));
    assert!(
        app.capture()
            .unwrap()
            .line
            .text()
            .starts_with("Send a PO for")
    );
    app.update(Action::Back, now_at(2));
    assert_eq!(
        app.purchase_order_for(&line).map(|a| a.id.clone()),
        Some(po)
    );
    // An overstocked SKU needs no order: nothing is captured.
    let overstock = app
        .report()
        .supply
        .iter()
        .position(|l| l.sku == "HK-VB-20PK")
        .unwrap();
    app.update(
        Action::MoveSelection(i32::try_from(overstock).unwrap()),
        now_at(3),
    );
    let actions = app.meeting().actions.len();
    assert_eq!(app.update(Action::OrderSelected, now_at(4)), None);
    assert_eq!(app.meeting().actions.len(), actions);
    assert_eq!(
        app.flash(),
        Some(&Flash::NothingToOrder("HK-VB-20PK".into()))
    );
    // Outside the supply view no line is on screen: the key orders nothing.
    app.update(Action::ShowView(View::Review), now_at(5));
    assert_eq!(app.update(Action::OrderSelected, now_at(6)), None);
    assert_eq!(app.meeting().actions.len(), actions);
}

#[test]
fn selection_moves_and_stops_at_the_ends() {
    let mut app = sample_app(|_| {});
    app.update(Action::MoveSelection(-1), now_at(1));
    assert_eq!(app.selection(), 0);
    app.update(Action::MoveSelection(3), now_at(1));
    assert_eq!(app.selection(), 3);
    app.update(Action::MoveToEnd(true), now_at(1));
    assert_eq!(app.selection(), app.row_count() - 1);
    app.update(Action::MovePage(-1), now_at(1));
    assert_eq!(app.selection(), app.row_count() - 1 - 14);
    app.update(Action::MoveToEnd(false), now_at(1));
    assert_eq!(app.selection(), 0);
}

#[test]
fn problems_first_then_only_problems() {
    let mut app = sample_app(|_| {});
    let first = app.visible()[0];
    assert!(app.is_flagged(first), "problems sort first");
    app.update(Action::ToggleProblemsOnly, now_at(1));
    assert_eq!(app.visible().len(), 9);
    assert!(app.visible().iter().all(|&row| app.is_flagged(row)));
    app.update(Action::ToggleProblemsOnly, now_at(1));
    assert_eq!(app.visible().len(), 30);
}

#[test]
fn sorting_cycles_columns_and_directions() {
    let mut app = sample_app(|_| {});
    app.update(Action::CycleSort, now_at(1));
    assert_eq!(
        app.list().sort,
        sku_list::SortColumn::Metric(crate::domain::metric::Metric::Sales)
    );
    assert!(app.list().descending);
    let sales = |app: &App, at: usize| {
        app.report().review.skus[app.visible()[at]]
            .figures
            .current
            .get(crate::domain::metric::Metric::Sales)
            .unwrap_or(0.0)
    };
    assert!(sales(&app, 0) >= sales(&app, 1));
    app.update(Action::ReverseSort, now_at(1));
    assert!(!app.list().descending);
    assert!(sales(&app, 0) <= sales(&app, 1));
}

#[test]
fn s_walks_only_the_columns_the_screen_shows() {
    use crate::domain::metric::Metric;
    let mut app = sample_app(|_| {});
    app.update(Action::Resize(60, 24), now_at(1));
    let mut seen = Vec::new();
    for _ in 0..6 {
        app.update(Action::CycleSort, now_at(1));
        seen.push(app.list().sort);
    }
    let metric = sku_list::SortColumn::Metric;
    assert_eq!(
        seen,
        [
            metric(Metric::Sales),
            metric(Metric::Conversion),
            metric(Metric::Acos),
            sku_list::SortColumn::Sku,
            sku_list::SortColumn::Problems,
            metric(Metric::Sales),
        ],
        "at 60 columns the table shows three figures"
    );
}

#[test]
fn filtering_by_text_in_any_script() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartFilter, now_at(1));
    assert_eq!(app.mode(), Mode::Filtering);
    for c in "硅胶".chars() {
        app.update(Action::EditFilter(EditOp::Insert(c)), now_at(1));
    }
    assert_eq!(app.visible().len(), 2);
    app.update(Action::ApplyFilter, now_at(1));
    assert_eq!(app.mode(), Mode::Browsing);
    assert_eq!(app.list().filter, "硅胶");
    app.update(Action::StartFilter, now_at(1));
    app.update(Action::Back, now_at(1));
    assert_eq!(app.list().filter, "");
    assert_eq!(app.visible().len(), 30);
}

#[test]
fn detail_opens_on_the_selected_sku_and_follows_the_selection() {
    let mut app = sample_app(|_| {});
    // Past last meeting's actions, to the table's first SKU.
    let actions = app.open_actions().len();
    app.update(
        Action::MoveSelection(i32::try_from(actions).unwrap()),
        now_at(1),
    );
    app.update(Action::OpenDetail, now_at(1));
    let first = app.visible()[0];
    assert_eq!(app.mode(), Mode::Detail(first));
    app.update(Action::MoveSelection(1), now_at(1));
    assert_eq!(app.mode(), Mode::Detail(app.visible()[1]));
    app.update(Action::Back, now_at(1));
    assert_eq!(app.mode(), Mode::Browsing);
    app.update(Action::ShowView(View::Diagnosis), now_at(1));
    app.update(Action::OpenDetail, now_at(1));
    let Mode::Detail(row) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    let sku = app.report().anomalies[0].sku.clone();
    assert_eq!(app.report().review.skus[row].sku, sku);
}

#[test]
fn help_and_quit_return_to_where_they_were() {
    let mut app = sample_app(|_| {});
    app.update(Action::OpenDetail, now_at(1));
    let detail = app.mode();
    app.update(Action::ToggleHelp, now_at(1));
    assert!(matches!(app.mode(), Mode::Help(_)));
    app.update(Action::ToggleHelp, now_at(1));
    assert_eq!(app.mode(), detail);
    app.update(Action::RequestQuit, now_at(1));
    app.update(Action::CancelQuit, now_at(1));
    assert_eq!(app.mode(), detail);
    assert!(app.is_running());
    app.update(Action::RequestQuit, now_at(1));
    assert_eq!(app.update(Action::ConfirmQuit, now_at(1)), None);
    assert_eq!(
        app.mode(),
        Mode::Closing,
        "last meeting's actions have no verdict yet"
    );
    app.update(Action::Back, now_at(1));
    assert_eq!(
        (app.mode(), app.view()),
        (Mode::Browsing, View::Plan),
        "back to fix the gaps"
    );
    app.update(Action::RequestQuit, now_at(1));
    app.update(Action::ConfirmQuit, now_at(1));
    assert_eq!(
        app.update(Action::CloseAnyway, now_at(2)),
        Some(Effect::SaveMinutes)
    );
    assert!(!app.is_running());
    // 2026-W47-03 is due on Wednesday: on track, no verdict needed yet;
    // nobody rated the meeting.
    assert_eq!(app.meeting().closing_gaps.len(), 4);
    assert!(app.meeting().ended.is_some());
}

fn type_line(app: &mut App, line: &str) {
    type_into(app, line, Action::EditCapture);
}

fn type_into(app: &mut App, line: &str, edit: fn(EditOp) -> Action) {
    for c in line.chars() {
        app.update(edit(EditOp::Insert(c)), now_at(10));
    }
}

#[test]
fn capturing_an_action_records_owner_due_and_sku_and_saves() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Action), now_at(60));
    assert_eq!(app.mode(), Mode::Capturing);
    type_line(&mut app, "Update main image size marks @li");
    app.update(Action::CompleteCapture, now_at(61));
    type_line(&mut app, "due:fri #HK-BM-NV-2032 !high");
    let effect = app.update(Action::SubmitCapture, now_at(62));
    assert_eq!(effect, Some(Effect::SaveMinutes));
    assert_eq!(app.save_state(), SaveState::Pending);
    assert_eq!(app.mode(), Mode::Browsing);
    let action = &app.meeting().actions[0];
    assert_eq!(action.id, "2026-W48-01");
    assert_eq!(action.title, "Update main image size marks");
    assert_eq!(action.owner.as_deref(), Some("Lina"));
    assert_eq!(action.due, chrono::NaiveDate::from_ymd_opt(2026, 11, 27));
    assert_eq!(action.sku.as_deref(), Some("HK-BM-NV-2032"));
    app.update(Action::SaveFinished(Ok(())), now_at(63));
    assert_eq!(app.save_state(), SaveState::Saved);
}

#[test]
fn an_invalid_date_refuses_the_line_and_keeps_it() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Action), now_at(60));
    type_line(&mut app, "Send samples due:2026-02-30");
    assert_eq!(app.update(Action::SubmitCapture, now_at(61)), None);
    assert_eq!(app.mode(), Mode::Capturing);
    let capture = app.capture().unwrap();
    assert_eq!(capture.line.text(), "Send samples due:2026-02-30");
    assert!(capture.problems[0].en.contains("due:2026-02-30"));
    assert!(app.meeting().actions.is_empty());
}

#[test]
fn decisions_and_notes_record_the_section() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Decision), now_at(60));
    type_line(&mut app, "Hold Black Friday prices");
    app.update(Action::SubmitCapture, now_at(61));
    app.update(Action::StartCapture(CaptureKind::Note), now_at(62));
    type_line(&mut app, "供应商下周报价");
    app.update(Action::SubmitCapture, now_at(63));
    assert_eq!(app.meeting().decisions[0].section, "review");
    assert_eq!(app.meeting().notes[0].text, "供应商下周报价");
}

#[test]
fn an_anomaly_becomes_an_action_with_one_key() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Diagnosis), now_at(60));
    app.update(Action::StartCapture(CaptureKind::Action), now_at(60));
    let capture = app.capture().unwrap();
    assert!(
        capture.line.is_empty(),
        "the suggestion is offered, not typed"
    );
    assert_eq!(
        capture.template.as_deref(),
        Some("Reconcile HK-SP-SIL-5 and claim the missing units #HK-SP-SIL-5 kpi:available_units ")
    );
    app.update(Action::CompleteCapture, now_at(60));
    assert_eq!(
        app.capture().unwrap().line.text(),
        "Reconcile HK-SP-SIL-5 and claim the missing units #HK-SP-SIL-5 kpi:available_units ",
        "Tab takes it"
    );
    type_line(&mut app, "@Wei due:+2d");
    app.update(Action::SubmitCapture, now_at(61));
    let action = &app.meeting().actions[0];
    assert_eq!(
        (action.sku.as_deref(), action.kpi.as_deref()),
        (Some("HK-SP-SIL-5"), Some("available_units"))
    );
}

#[test]
fn verdicts_edit_and_undo_in_the_plan_view() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Action), now_at(60));
    type_line(&mut app, "Call the supplier");
    app.update(Action::SubmitCapture, now_at(61));
    app.update(Action::ShowView(View::Plan), now_at(62));
    app.update(Action::EditAction, now_at(62));
    assert_eq!(app.capture().unwrap().line.text(), "Call the supplier");
    type_line(&mut app, " @Wei due:fri");
    app.update(Action::SubmitCapture, now_at(63));
    assert_eq!(app.meeting().actions[0].owner.as_deref(), Some("Wei"));
    let follow_up_at = |app: &App| match app.plan_items()[app.selection()] {
        capture::PlanItem::FollowUp(i) => i,
        other => panic!("{other:?} selected"),
    };
    app.update(Action::MoveSelection(1), now_at(64));
    let first = follow_up_at(&app);
    assert_eq!(
        app.update(Action::MarkDone, now_at(64)),
        Some(Effect::SaveMinutes)
    );
    assert_eq!(app.meeting().follow_ups[first].status, ActionStatus::Done);
    app.update(Action::MoveSelection(1), now_at(65));
    let second = follow_up_at(&app);
    app.update(Action::CarryAction, now_at(65));
    // Carrying asks for the new date, offering the same weekday after today.
    let offered = app.capture().unwrap().line.text().to_owned();
    let old_due = app.meeting().follow_ups[second].due.unwrap();
    let offered_due: chrono::NaiveDate = offered.trim_start_matches("due:").parse().unwrap();
    assert_eq!(
        chrono::Datelike::weekday(&offered_due),
        chrono::Datelike::weekday(&old_due)
    );
    assert!(offered_due > now_at(65).wall.date_naive());
    assert_eq!(
        app.update(Action::SubmitCapture, now_at(65)),
        Some(Effect::SaveMinutes)
    );
    assert_eq!(
        app.meeting().follow_ups[second].status,
        ActionStatus::Carried
    );
    let carried = app.meeting().follow_ups[second].id.clone();
    let copy = app
        .meeting()
        .actions
        .iter()
        .find(|a| a.id == carried)
        .unwrap();
    assert_eq!(
        copy.due,
        Some(offered_due),
        "the carried copy keeps the new date"
    );
    assert_eq!(
        app.meeting().actions.len(),
        2,
        "the carried action joins this meeting's"
    );
    assert_eq!(
        app.plan_items()[app.selection()],
        capture::PlanItem::FollowUp(second),
        "the cursor stays on the carried entry"
    );
    app.update(Action::MoveSelection(1), now_at(66));
    let third = follow_up_at(&app);
    app.update(Action::DropAction, now_at(66));
    type_line(&mut app, "no longer needed");
    app.update(Action::SubmitCapture, now_at(67));
    assert_eq!(
        app.meeting().follow_ups[third].status,
        ActionStatus::Dropped
    );
    app.update(Action::Undo, now_at(68));
    assert_eq!(app.meeting().follow_ups[third].status, ActionStatus::Open);
    app.update(Action::Undo, now_at(69));
    assert_eq!(app.meeting().actions.len(), 1);
}

#[test]
fn resize_sets_the_page_size() {
    let mut app = sample_app(|_| {});
    app.update(Action::Resize(80, 24), now_at(1));
    app.update(Action::MovePage(1), now_at(1));
    assert_eq!(app.selection(), 8);
}

#[test]
fn a_pain_point_becomes_an_action_with_one_key() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Diagnosis), now_at(60));
    let anomalies = i32::try_from(app.report().anomalies.len()).unwrap();
    app.update(Action::MoveSelection(anomalies), now_at(60));
    app.update(Action::StartCapture(CaptureKind::Action), now_at(60));
    assert_eq!(
        app.capture().unwrap().template.as_deref(),
        Some("Fix “not as described — size” on HK-BM-NV-2032 #HK-BM-NV-2032 kpi:return_rate ")
    );
    type_line(&mut app, "Call the supplier about sizes");
    let capture = app.capture().unwrap();
    assert_eq!(
        capture.template, None,
        "the first character typed replaces it"
    );
    assert_eq!(capture.line.text(), "Call the supplier about sizes");
}

#[test]
fn a_failed_save_keeps_its_reason_and_the_quit_question_offers_another_path() {
    let mut app = sample_app(|_| {}).with_save_as("~/opsdeck-minutes-2026-W48.toml".to_owned());
    app.update(Action::StartCapture(CaptureKind::Decision), now_at(10));
    type_line(&mut app, "Hold prices");
    app.update(Action::SubmitCapture, now_at(11));
    let read_only = std::io::ErrorKind::ReadOnlyFilesystem;
    app.update(Action::SaveFinished(Err(read_only)), now_at(11));
    assert_eq!(app.save_state(), SaveState::Failed(read_only));
    app.update(Action::RequestQuit, now_at(12));
    app.update(Action::StartSaveAs, now_at(13));
    assert_eq!(app.mode(), Mode::SavingAs(Base::Browsing));
    assert_eq!(app.save_as().text(), "~/opsdeck-minutes-2026-W48.toml");
    app.update(Action::EditSaveAs(EditOp::EraseToStart), now_at(14));
    type_into(&mut app, "/mnt/usb/w48.toml", Action::EditSaveAs);
    let effect = app.update(Action::SubmitSaveAs, now_at(15));
    assert_eq!(
        effect,
        Some(Effect::SaveMinutesAs("/mnt/usb/w48.toml".to_owned()))
    );
    assert_eq!(app.mode(), Mode::ConfirmingQuit(Base::Browsing));
    assert_eq!(app.save_state(), SaveState::Pending);
    app.update(Action::SaveFinished(Ok(())), now_at(16));
    assert_eq!(app.save_state(), SaveState::Saved);
}

#[test]
fn a_view_only_cockpit_refuses_changes_and_never_saves() {
    let mut app = sample_app(|_| {}).view_only("on lina-laptop by lina since Mon 10:02".to_owned());
    assert!(!app.can_save());
    for action in [
        Action::StartCapture(CaptureKind::Action),
        Action::Undo,
        Action::MarkDone,
    ] {
        assert_eq!(app.update(action.clone(), now_at(5)), None);
        assert_eq!(app.flash(), Some(&Flash::ViewOnlyRefused), "{action:?}");
        assert_eq!(app.mode(), Mode::Browsing);
    }
    assert_eq!(app.update(Action::NextSection, now_at(6)), None);
    assert_eq!(app.flash(), None, "moving around is allowed");
    assert_eq!(app.update(Action::Tick, now_at(60)), None, "no clock save");
    let mut saved = app.meeting().clone();
    saved.add_decision("Hold prices", "plan", now_at(61).wall);
    app.update(Action::HolderSaved(Box::new(saved)), now_at(61));
    assert_eq!(
        app.meeting().decisions.len(),
        1,
        "the viewer follows the holder"
    );
    app.update(Action::RequestQuit, now_at(61));
    app.update(Action::ConfirmQuit, now_at(62));
    assert!(!app.is_running());
    assert!(app.meeting().ended.is_none(), "the holder ends the meeting");
}

#[test]
fn a_cockpit_that_could_not_lock_writes_once_the_lock_is_made() {
    let mut app =
        sample_app(|_| {}).view_only_unlocked("minutes/2026-W48.lock: Is a directory".to_owned());
    assert!(!app.can_save());
    let mut on_disk = app.meeting().clone();
    on_disk.add_decision("Hold prices", "plan", now_at(5).wall);
    assert_eq!(
        app.update(Action::LockTaken(Some(Box::new(on_disk))), now_at(6)),
        Some(Effect::SaveMinutes),
        "saved at once"
    );
    assert!(app.can_save());
    assert_eq!(app.lock_problem(), None);
    assert_eq!(app.flash(), Some(&Flash::LockTaken));
    assert_eq!(app.meeting().decisions.len(), 1, "what was on disk is kept");
    assert_eq!(
        app.update(Action::StartCapture(CaptureKind::Action), now_at(7)),
        None
    );
    assert_eq!(app.mode(), Mode::Capturing);
}

#[test]
fn undo_says_what_it_undid_and_redo_brings_it_back() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Action), now_at(10));
    type_line(&mut app, "Call the supplier @Wei");
    app.update(Action::SubmitCapture, now_at(11));
    assert_eq!(
        app.update(Action::Undo, now_at(12)),
        Some(Effect::SaveMinutes)
    );
    let Some(Flash::Undone(change)) = app.flash() else {
        panic!("undo says what it undid: {:?}", app.flash());
    };
    assert_eq!(change.subject, "2026-W48-01");
    assert!(app.meeting().actions.is_empty());
    app.update(Action::Redo, now_at(13));
    assert!(matches!(app.flash(), Some(Flash::Redone(_))));
    assert_eq!(app.meeting().actions[0].id, "2026-W48-01");
    app.update(Action::MoveSelection(1), now_at(14));
    assert_eq!(app.flash(), None, "the message lasts until the next key");
    app.update(Action::Undo, now_at(15));
    app.update(Action::Undo, now_at(15));
    assert_eq!(app.flash(), Some(&Flash::NothingToUndo));
}

#[test]
fn a_sku_resolves_to_the_catalogue_and_an_ambiguous_tab_lists_the_candidates() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Action), now_at(10));
    type_line(&mut app, "Replenish #hk-sp-sil");
    app.update(Action::CompleteCapture, now_at(10));
    let capture = app.capture().unwrap();
    assert_eq!(capture.line.text(), "Replenish #HK-SP-SIL-5");
    assert_eq!(capture.candidates, ["HK-SP-SIL-5", "HK-SP-SIL-5-R"]);
    type_line(&mut app, " @Wei");
    assert!(app.capture().unwrap().candidates.is_empty());
    app.update(Action::SubmitCapture, now_at(11));
    assert_eq!(app.meeting().actions[0].sku.as_deref(), Some("HK-SP-SIL-5"));
    app.update(Action::StartCapture(CaptureKind::Action), now_at(12));
    type_line(&mut app, "Fix photos #hk-bm-nv-2032");
    app.update(Action::SubmitCapture, now_at(13));
    assert_eq!(
        app.meeting().actions[1].sku.as_deref(),
        Some("HK-BM-NV-2032"),
        "stored in the catalogue's spelling"
    );
}

#[test]
fn esc_in_the_table_lets_go_of_a_kept_filter() {
    let mut app = sample_app(|_| {});
    let all = app.visible().len();
    app.update(Action::StartFilter, now_at(1));
    type_into(&mut app, "bam", Action::EditFilter);
    app.update(Action::ApplyFilter, now_at(2));
    assert!(app.visible().len() < all);
    app.update(Action::Back, now_at(3));
    assert_eq!(app.visible().len(), all);
    assert!(app.list().filter.is_empty());
    assert!(app.filter().is_empty());
}

#[test]
fn a_recorded_action_is_confirmed_for_a_few_seconds() {
    let mut app = sample_app(|_| {});
    app.update(Action::StartCapture(CaptureKind::Action), now_at(10));
    type_line(
        &mut app,
        "Book air freight @Wei due:2026-12-04 #hk-sp-sil-5",
    );
    app.update(Action::SubmitCapture, now_at(11));
    assert_eq!(
        app.flash(),
        Some(&Flash::Recorded {
            id: "2026-W48-01".to_owned(),
            owner: Some("Wei".to_owned()),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 4),
            sku: Some("HK-SP-SIL-5".to_owned()),
        })
    );
    app.update(Action::SaveFinished(Ok(())), now_at(11));
    assert!(
        app.flash().is_some(),
        "the save finishing does not take it away"
    );
    app.update(Action::Tick, now_at(13));
    assert!(app.flash().is_some(), "still there two seconds later");
    app.update(Action::Tick, now_at(16));
    assert_eq!(app.flash(), None, "gone after a few seconds");
}

#[test]
fn rows_without_the_sorted_figure_come_last_either_way() {
    use crate::app::sku_list::SortColumn;
    use crate::domain::metric::Metric;
    let sample = sample_app(|_| {});
    // Two SKUs without stock figures, as after a report left them out.
    let mut report = sample.report().clone();
    for row in [3, 7] {
        report.review.skus[row]
            .figures
            .current
            .set(Metric::DaysOfSupply, None);
    }
    let mut app = App::new(
        sample.settings().clone(),
        report,
        sample.meeting().clone(),
        None,
        now_at(0),
    );
    let missing = |app: &App, row: usize| {
        app.report().review.skus[row]
            .figures
            .current
            .get(Metric::DaysOfSupply)
            .is_none()
    };
    while app.list().sort != SortColumn::Metric(Metric::DaysOfSupply) {
        app.update(Action::CycleSort, now_at(1));
    }
    for _ in 0..2 {
        let rows = app.visible().to_vec();
        let first_missing = rows.iter().position(|&r| missing(&app, r)).unwrap();
        assert!(
            rows[first_missing..].iter().all(|&r| missing(&app, r)),
            "descending {}",
            app.list().descending
        );
        app.update(Action::ReverseSort, now_at(2));
    }
}

#[test]
fn a_key_with_nothing_to_do_says_so() {
    let mut app = sample_app(|_| {});
    assert!(app.report().review.marketplaces.len() < 2);
    app.update(Action::CycleMarketplace, now_at(1));
    assert_eq!(app.flash(), Some(&Flash::OneMarketplace));
    for _ in 0..app.agenda().sections().len() {
        app.update(Action::NextSection, now_at(2));
    }
    assert_eq!(app.update(Action::Rebalance, now_at(3)), None);
    assert_eq!(app.flash(), Some(&Flash::NothingToRebalance));
}
