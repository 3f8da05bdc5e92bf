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
