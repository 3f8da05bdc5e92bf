//! Last meeting's actions are settled in the review, in the plan's order.

use crate::app::action::{Action, View};
use crate::app::capture::PlanItem;
use crate::app::follow_ups::ReviewRow;
use crate::app::tests::{now_at, sample_app};
use crate::domain::action::ActionStatus;

#[test]
fn the_review_walks_last_meetings_actions_before_the_skus() {
    let mut app = sample_app(|_| {});
    let follow_ups = app.meeting().follow_ups.len();
    assert!(follow_ups >= 3, "the sample follows up {follow_ups}");
    assert_eq!(app.view(), View::Review);
    assert_eq!(app.row_count(), follow_ups + app.visible().len());
    let order = app.follow_up_order();
    for (at, &follow_up) in order.iter().enumerate() {
        assert_eq!(app.review_row(at), Some(ReviewRow::FollowUp(follow_up)));
    }
    assert_eq!(
        app.review_row(follow_ups),
        Some(ReviewRow::Sku(app.visible()[0]))
    );
    // The plan lists them in the same order.
    let plan: Vec<usize> = app
        .plan_items()
        .into_iter()
        .filter_map(|item| match item {
            PlanItem::FollowUp(i) => Some(i),
            _ => None,
        })
        .collect();
    assert_eq!(plan, order);
    // The overdue one comes first.
    let today = now_at(0).wall.date_naive();
    assert!(app.meeting().follow_ups[order[0]].is_overdue(today));

    // x and D settle the selected one right there.
    let first = app.meeting().follow_ups[order[0]].id.clone();
    assert!(app.update(Action::MarkDone, now_at(3)).is_some());
    let settled = app
        .meeting()
        .follow_ups
        .iter()
        .find(|a| a.id == first)
        .unwrap();
    assert_eq!(settled.status, ActionStatus::Done);
    // A verdict leaves the action in place; j goes on to the next.
    assert_eq!(app.follow_up_order(), order);
    assert_eq!(
        app.selected_review_row(),
        Some(ReviewRow::FollowUp(order[0]))
    );
    app.update(Action::MoveSelection(1), now_at(4));
    app.update(Action::DropAction, now_at(4));
    assert!(app.capture().is_some(), "D asks why");
}

#[test]
fn an_action_row_opens_its_skus_detail_and_a_sku_row_its_own() {
    let mut app = sample_app(|_| {});
    let with_sku = app
        .follow_up_order()
        .iter()
        .position(|&i| app.meeting().follow_ups[i].sku.is_some())
        .unwrap();
    app.update(
        Action::MoveSelection(i32::try_from(with_sku).unwrap()),
        now_at(1),
    );
    app.update(Action::OpenDetail, now_at(1));
    let crate::app::mode::Mode::Detail(row) = app.mode() else {
        panic!("the detail opens");
    };
    let sku = app.report().review.skus[row].sku.clone().unwrap();
    let action = &app.meeting().follow_ups[app.follow_up_order()[with_sku]];
    assert!(crate::domain::action::same_sku(
        &sku,
        action.sku.as_deref().unwrap()
    ));
}
