//! Editing keeps the whole action: the edit line shows every field, and
//! Enter without a change leaves the minutes byte for byte as they were.

use crate::app::App;
use crate::app::action::{Action, CaptureKind, EditOp, View};
use crate::app::tests::{now_at, sample_app};
use crate::export::minutes::{as_text, to_file};

fn minutes(app: &App) -> String {
    as_text(&to_file(
        app.meeting(),
        app.agenda(),
        app.report(),
        now_at(70),
    ))
}

fn capture(app: &mut App, line: &str) {
    app.update(Action::StartCapture(CaptureKind::Action), now_at(60));
    for c in line.chars() {
        app.update(Action::EditCapture(EditOp::Insert(c)), now_at(60));
    }
    app.update(Action::SubmitCapture, now_at(61));
}

#[test]
fn an_edit_without_a_change_keeps_every_field() {
    for line in [
        "Check Buy Box @marco due:+3d !high +listing #hk-bm-nv-2032 kpi:conversion",
        "Plan the coupon @Lina due:fri !low +promo +q1",
        "Restock the large mat #HK-BM-NV-2032",
        "Call the supplier",
        r#"Restock the German mat #"SV 38 8-11 MS" @Wei !high"#,
        "Rename the listing @Wei due:2026-12-18 kpi:acos +ppc +listing",
    ] {
        let mut app = sample_app(|_| {});
        capture(&mut app, line);
        app.update(Action::ShowView(View::Plan), now_at(62));
        let before = minutes(&app);
        let kept = app.meeting().actions[0].clone();
        app.update(Action::EditAction, now_at(62));
        let shown = app.capture().unwrap().line.text().to_owned();
        for tag in &kept.tags {
            assert!(shown.contains(&format!("+{tag}")), "{shown} shows +{tag}");
        }
        app.update(Action::SubmitCapture, now_at(63));
        assert_eq!(app.meeting().actions[0], kept, "{line} → {shown}");
        assert_eq!(minutes(&app), before, "{line}");
    }
}

#[test]
fn an_action_not_due_yet_is_on_track_and_cannot_be_carried() {
    use crate::app::Flash;
    use crate::domain::action::ActionStatus;
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Plan), now_at(1));
    let today = now_at(1).wall.date_naive();
    let ahead = app
        .meeting()
        .follow_ups
        .iter()
        .position(|a| a.due.is_some_and(|due| due > today))
        .expect("the sample has an action due later this week");
    let id = app.meeting().follow_ups[ahead].id.clone();
    let row = app
        .plan_items()
        .iter()
        .position(|item| *item == crate::app::capture::PlanItem::FollowUp(ahead))
        .unwrap();
    app.update(
        Action::MoveSelection(i32::try_from(row).unwrap()),
        now_at(2),
    );
    assert_eq!(app.update(Action::CarryAction, now_at(2)), None);
    assert!(matches!(app.flash(), Some(Flash::NotDueYet(flashed, _)) if *flashed == id));
    assert_eq!(app.meeting().follow_ups[ahead].status, ActionStatus::Open);
    assert_eq!(app.meeting().follow_ups[ahead].weeks_carried, 0);
    assert!(app.capture().is_none(), "no new date is asked for");
}

#[test]
fn every_change_to_the_minutes_is_confirmed_on_screen() {
    use crate::app::Flash;
    use crate::domain::undo::ChangeKind;
    let mut app = sample_app(|_| {});
    for (kind, line, confirmed) in [
        (
            CaptureKind::Decision,
            "Hold Black Friday prices, said @Lina to @Wei due:never",
            ChangeKind::DecisionCaptured,
        ),
        (
            CaptureKind::Note,
            "Supplier closed until the 3rd",
            ChangeKind::NoteCaptured,
        ),
        (CaptureKind::Rating, "Lina 8 Wei 9", ChangeKind::Rated),
    ] {
        app.update(Action::StartCapture(kind), now_at(60));
        for c in line.chars() {
            app.update(Action::EditCapture(EditOp::Insert(c)), now_at(60));
        }
        app.update(Action::SubmitCapture, now_at(61));
        assert!(
            matches!(app.flash(), Some(Flash::Changed(change)) if change.kind == confirmed),
            "{line}: {:?}",
            app.flash()
        );
    }
    // A decision is kept as typed: its words are not read as an action's tokens.
    assert_eq!(
        app.meeting().decisions.last().unwrap().text,
        "Hold Black Friday prices, said @Lina to @Wei due:never"
    );
    capture(&mut app, "Call the supplier @Wei due:fri");
    app.update(Action::ShowView(View::Plan), now_at(62));
    app.update(Action::MoveToEnd(false), now_at(62));
    app.update(Action::MarkDone, now_at(63));
    assert!(matches!(
        app.flash(),
        Some(Flash::Changed(change))
            if change.kind == ChangeKind::MarkedDone && change.subject.contains("Call the supplier")
    ));
    app.update(Action::Undo, now_at(64));
    assert!(matches!(
        app.flash(),
        Some(Flash::Undone(change)) if change.subject.contains("Call the supplier")
    ));
}
