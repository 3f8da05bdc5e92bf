//! Every list keeps its selected row drawn at 80×24, whatever key moved
//! the selection, and the anomalies a frame drew are the ones the minutes
//! note as seen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::app::action::{Action, CaptureKind, EditOp};
use crate::app::tests::{now_at, sample_app};
use crate::domain::settings::Language;

/// Eight captures in four tag groups, as a real meeting makes them (one
/// list, shared with the other end-to-end test of the same meeting).
const CAPTURES: &str = include_str!("../tests/data/realistic_captures.txt");

fn captured(app: &mut App) {
    for line in CAPTURES.lines() {
        app.update(Action::StartCapture(CaptureKind::Action), now_at(5));
        for c in line.chars() {
            app.update(Action::EditCapture(EditOp::Insert(c)), now_at(5));
        }
        app.update(Action::SubmitCapture, now_at(5));
    }
}

fn draw(app: &App) -> (Buffer, Drawn) {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    let (_, drawn) = render_to_buffer(app, area, &mut buf);
    (buf, drawn)
}

/// The screen's text, row by row, without the cells a wide character covers.
fn text_of(buf: &Buffer) -> String {
    let mut text = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            text.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap();
        }
        text.push('\n');
    }
    text
}

/// Whether some cell is drawn in the selection's colours.
fn selection_drawn(app: &App) -> bool {
    let selected = Theme::named(app.settings().theme).selected;
    let (buf, _) = draw(app);
    buf.content()
        .iter()
        .any(|cell| cell.bg == selected.bg.unwrap())
}

#[test]
fn every_list_keeps_its_selection_drawn_at_80_by_24() {
    for language in [Language::English, Language::Chinese] {
        let mut app = sample_app(|settings| settings.language = language);
        app.update(Action::Resize(80, 24), now_at(1));
        captured(&mut app);
        for view in View::ALL {
            app.update(Action::ShowView(view), now_at(6));
            app.update(Action::MoveToEnd(false), now_at(6));
            let rows = app.row_count();
            assert!(rows > 1, "{view:?} lists more than one row");
            let keys = std::iter::repeat_n(Action::MoveSelection(1), rows)
                .chain([Action::MoveToEnd(false), Action::MovePage(1)])
                .chain([Action::MovePage(1), Action::MoveToEnd(true)])
                .chain(std::iter::repeat_n(Action::MoveSelection(-1), rows))
                .chain([Action::MoveToEnd(true), Action::MovePage(-1)]);
            for (n, key) in keys.enumerate() {
                app.update(key.clone(), now_at(7));
                assert!(
                    selection_drawn(&app),
                    "{language:?} {view:?}: row {} of {rows} not drawn after key {n} ({key:?})",
                    app.selection_in(view)
                );
            }
        }
    }
}

#[test]
fn the_anomalies_drawn_are_the_ones_noted_as_seen() {
    let mut app = sample_app(|_| {});
    app.update(Action::Resize(80, 24), now_at(1));
    let (_, drawn) = draw(&app);
    app.update(Action::Drawn(drawn), now_at(1));
    assert!(
        app.meeting().seen_anomalies.is_empty(),
        "nothing seen in the review"
    );
    app.update(Action::ShowView(View::Diagnosis), now_at(2));
    let (buf, drawn) = draw(&app);
    app.update(Action::Drawn(drawn.clone()), now_at(2));
    let anomalies = app.report().anomalies.clone();
    assert!(anomalies.len() > drawn.anomalies.len(), "more than a page");
    let screen = text_of(&buf);
    let on_screen = anomalies
        .iter()
        .filter(|a| a.sku.as_deref().is_some_and(|sku| screen.contains(sku)))
        .count();
    let seen = &app.meeting().seen_anomalies;
    assert_eq!(seen.len(), drawn.anomalies.len());
    assert!(
        on_screen >= seen.len(),
        "each seen anomaly's SKU is on screen"
    );
    for a in &anomalies[drawn.anomalies.clone()] {
        let sku = a.sku.as_deref().unwrap_or_default();
        assert!(screen.contains(sku), "{sku} seen and drawn");
        assert!(seen.contains(&a.key()));
    }
    app.update(Action::MoveToEnd(true), now_at(3));
    let (_, drawn) = draw(&app);
    app.update(Action::Drawn(drawn), now_at(3));
    assert!(
        app.meeting()
            .seen_anomalies
            .contains(&anomalies.last().unwrap().key()),
        "scrolling down shows the rest"
    );
}

#[test]
fn a_failed_save_stays_on_screen_beside_a_long_filter() {
    for language in [Language::English, Language::Chinese] {
        let mut app = sample_app(|settings| settings.language = language);
        app.update(Action::Resize(80, 24), now_at(1));
        app.update(Action::StartFilter, now_at(2));
        for c in "bath mat navy large extra".chars() {
            app.update(Action::EditFilter(EditOp::Insert(c)), now_at(2));
        }
        app.update(Action::ApplyFilter, now_at(2));
        app.update(Action::ToggleProblemsOnly, now_at(2));
        app.update(
            Action::SaveFinished(Err(std::io::ErrorKind::StorageFull)),
            now_at(3),
        );
        let (buf, _) = draw(&app);
        let screen = text_of(&buf);
        let label = labels::labels(language).not_saved;
        assert!(screen.contains(label), "{language:?}: {label} drawn");
    }
}

#[test]
fn each_capture_kind_shows_its_own_syntax() {
    for (kind, expected) in [
        (CaptureKind::Action, "@owner due:fri #SKU"),
        (CaptureKind::Decision, "the decision in one sentence"),
        (CaptureKind::Note, "a note for the minutes"),
        (
            CaptureKind::Rating,
            "each attendee and a score from 1 to 10",
        ),
    ] {
        let mut app = sample_app(|_| {});
        app.update(Action::StartCapture(kind), now_at(1));
        let screen = text_of(&draw(&app).0);
        assert!(screen.contains(expected), "{kind:?}:\n{screen}");
        if kind != CaptureKind::Action {
            assert!(!screen.contains("@owner"), "{kind:?}:\n{screen}");
        }
    }
}

#[test]
fn the_hint_bar_offers_the_keys_that_act_in_the_view() {
    let mut app = sample_app(|_| {});
    app.update(Action::Resize(80, 24), now_at(1));
    for (view, offered, not_offered) in [
        (View::Review, "x c D", "o order"),
        (View::Plan, "x c D", "o order"),
        (View::Supply, "o order", "x c D"),
        (View::Diagnosis, "a d n", "x c D"),
    ] {
        app.update(Action::ShowView(view), now_at(2));
        let screen = text_of(&draw(&app).0);
        let bar = screen.lines().last().unwrap();
        assert!(bar.contains(offered), "{view:?}: {bar}");
        assert!(!bar.contains(not_offered), "{view:?}: {bar}");
        assert!(bar.contains("? ") && bar.contains("q "), "{view:?}: {bar}");
    }
}

#[test]
fn the_help_wraps_every_description_whole_at_80_by_24() {
    for language in [Language::English, Language::Chinese] {
        let mut app = sample_app(|settings| settings.language = language);
        app.update(Action::ToggleHelp, now_at(1));
        let screen: String = text_of(&draw(&app).0).split_whitespace().collect();
        for key in crate::app::keymap::help_keys(crate::app::mode::Mode::Browsing) {
            let words: String = key.what.get(language).split_whitespace().collect();
            // Wrapped lines put other text between a description's pieces, so
            // each piece is looked for on its own.
            for piece in textwrap::wrap(key.what.get(language), 8) {
                let piece: String = piece.split_whitespace().collect();
                assert!(
                    screen.contains(&piece),
                    "{language:?}: `{piece}` of `{words}` missing"
                );
            }
            assert!(!screen.contains('…'), "{language:?}: a description was cut");
        }
    }
}

#[test]
fn a_title_cut_to_its_column_ends_in_an_ellipsis() {
    let app = sample_app(|_| {});
    let area = Rect::new(0, 0, 100, 30);
    let mut buf = Buffer::empty(area);
    render_to_buffer(&app, area, &mut buf);
    let screen = text_of(&buf);
    let row = screen
        .lines()
        .find(|line| line.contains("HK-VB-20PK") && line.contains("Vacuum"))
        .unwrap();
    assert!(row.contains("Vacuum Storage Bags …"), "{row}");
}
