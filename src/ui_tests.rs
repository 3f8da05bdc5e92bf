//! Whole-screen snapshots of every visual state (100×30, one at 80×24),
//! colours that matter, and no panic in tiny terminals.

use std::fmt::Write as _;

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

use super::*;
use crate::app::action::{Action, EditOp};
use crate::app::tests::{now_at, sample_app};
use crate::domain::settings::ThemeName;
use theme::{DARK, HIGH_CONTRAST};

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            render(app, frame);
        })
        .unwrap();
    terminal.backend().to_string()
}

fn buffer(app: &App) -> Buffer {
    let area = Rect::new(0, 0, 100, 30);
    let mut buf = Buffer::empty(area);
    render_to_buffer(app, area, &mut buf);
    buf
}

/// The first cell whose text starts `needle` on row `y`.
fn find(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let row: String = (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect();
    let at = row.find(needle)?;
    Some(u16::try_from(row[..at].chars().count()).unwrap())
}

fn find_anywhere(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| find(buf, y, needle).map(|x| (x, y)))
}

#[test]
fn review_view() {
    let app = sample_app(|_| {});
    assert_snapshot!("review", screen(&app, 100, 30));
}

#[test]
fn review_view_at_80_by_24() {
    let app = sample_app(|_| {});
    assert_snapshot!("review_80x24", screen(&app, 80, 24));
}

#[test]
fn the_review_says_whether_last_meetings_minutes_went_out_within_a_day() {
    use crate::domain::settings::Language;
    for language in [Language::English, Language::Chinese] {
        for (in_time, said) in [
            (
                true,
                ["minutes out within 24 h ✔", "纪要 24 小时内已发出 ✔"],
            ),
            (
                false,
                ["minutes not out within 24 h ✖", "纪要未在 24 小时内发出 ✖"],
            ),
        ] {
            let app = sample_app(|settings| settings.language = language)
                .with_last_minutes_sent_in_time(Some(in_time));
            let said = said[usize::from(language == Language::Chinese)];
            assert!(screen(&app, 100, 30).contains(said), "{said}");
            if language == Language::English {
                let buf = buffer(&app);
                let (x, y) = find_anywhere(&buf, said).unwrap();
                let style = if in_time { DARK.ok } else { DARK.breach };
                assert_eq!(buf[(x, y)].fg, color(style), "{said}");
            }
            // At 80 columns the words still show whole.
            assert!(screen(&app, 80, 24).contains(said), "{said} at 80×24");
        }
    }
    let unknown = screen(&sample_app(|_| {}), 100, 30);
    assert!(!unknown.contains("24 h"), "no last meeting, nothing said");
}

#[test]
fn the_daily_sales_line_is_the_shown_marketplaces_own() {
    use crate::domain::week_report::MarketplaceAccount;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let loaded = crate::import::weeks::load_report(&root, None).unwrap();
    let mut report = loaded.report;
    let day = report.review.week.monday();
    report.review.marketplaces = vec!["US".into(), "DE".into()];
    report.marketplaces = vec![
        MarketplaceAccount {
            code: "US".into(),
            currency: "USD".into(),
            account: report.review.account.clone(),
            daily_sales: vec![(day, 1234.0)],
        },
        MarketplaceAccount {
            code: "DE".into(),
            currency: "EUR".into(),
            account: report.review.account.clone(),
            daily_sales: Vec::new(),
        },
    ];
    let settings = loaded.workspace.settings;
    let meeting = crate::session::new_meeting(report.review.week, now_at(0), Vec::new(), &settings);
    let mut app = App::new(settings, report, meeting, None, now_at(0));
    // The whole account: DE has no report by date, so no line that is only US's.
    assert!(!screen(&app, 100, 30).contains("Sales by day"));
    app.update(Action::CycleMarketplace, now_at(1));
    let us = screen(&app, 100, 30);
    assert!(us.contains("Sales by day") && us.contains("$1,234"), "{us}");
    app.update(Action::CycleMarketplace, now_at(2));
    let de = screen(&app, 100, 30);
    assert!(
        de.contains("Account DE") && !de.contains("Sales by day"),
        "{de}"
    );
}

/// The sample's cockpit as it opens, its reports a third read and two keys waiting.
fn opening(language: crate::domain::settings::Language) -> App {
    let read = sample_app(|settings| settings.language = language);
    let mut app = App::reading(
        read.settings().clone(),
        read.report().review.week,
        read.meeting().clone(),
        None,
        now_at(0),
    );
    let count = crate::domain::reading::ReadCount {
        files: 12,
        files_total: 36,
        bytes: 167_000_000,
        bytes_total: 500_200_000,
    };
    app.update(
        Action::ReadProgress {
            count,
            keys_waiting: 2,
        },
        now_at(1),
    );
    app
}

#[test]
fn the_first_frame_while_the_reports_are_read() {
    use crate::domain::settings::Language;
    assert_snapshot!("reading_80x24", screen(&opening(Language::English), 80, 24));
    assert_snapshot!("reading_zh", screen(&opening(Language::Chinese), 100, 30));
}

#[test]
fn the_supply_view_at_80_by_24_and_100_by_30_and_in_chinese() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Supply), now_at(5));
    assert_snapshot!("supply_80x24", screen(&app, 80, 24));
    assert_snapshot!("supply", screen(&app, 100, 30));
    let mut app = sample_app(|s| s.language = crate::domain::settings::Language::Chinese);
    app.update(Action::ShowView(View::Supply), now_at(5));
    app.update(Action::MoveSelection(1), now_at(6));
    assert_snapshot!("supply_zh", screen(&app, 100, 30));
    // The pool of two SKUs, one empty, with its warning, at 80×24 in Chinese.
    app.update(Action::MoveSelection(-1), now_at(7));
    let narrow = screen(&app, 80, 24);
    assert!(narrow.contains("↳ HK-SB-BPA-R"), "{narrow}");
    assert!(narrow.contains("已断货"), "{narrow}");
    assert!(narrow.contains("空运 720 件"), "{narrow}");
    assert_snapshot!("supply_zh_80x24", narrow);
}

#[test]
fn the_supply_view_shows_what_the_selected_pools_velocity_left_out() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Supply), now_at(5));
    let mitts = app
        .report()
        .supply
        .iter()
        .position(|l| l.sku == "HK-OM-SIL-2")
        .unwrap();
    app.update(
        Action::MoveSelection(i32::try_from(mitts).unwrap()),
        now_at(6),
    );
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("▸ HK-OM-SIL-2 · 21.8 a day without 2026-W44 (stockout) (18.4 with)"),
        "{text}"
    );
}

#[test]
fn diagnosis_view() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Diagnosis), now_at(5));
    app.update(Action::MoveSelection(8), now_at(5));
    assert_snapshot!("diagnosis", screen(&app, 100, 30));
}

#[test]
fn plan_view() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Plan), now_at(5));
    assert_snapshot!("plan", screen(&app, 100, 30));
}

#[test]
fn sku_detail() {
    let mut app = sample_app(|_| {});
    app.update(Action::OpenDetail, now_at(5));
    assert_snapshot!("detail", screen(&app, 100, 30));
}

#[test]
fn help_overlay() {
    let mut app = sample_app(|_| {});
    app.update(Action::ToggleHelp, now_at(5));
    assert_snapshot!("help", screen(&app, 100, 30));
}

#[test]
fn quit_confirmation() {
    let mut app = sample_app(|_| {});
    app.update(Action::RequestQuit, now_at(5));
    assert_snapshot!("quit", screen(&app, 100, 30));
}

#[test]
fn filtering_problems_only() {
    let mut app = sample_app(|_| {});
    app.update(Action::ToggleProblemsOnly, now_at(5));
    app.update(Action::StartFilter, now_at(5));
    for c in "bath".chars() {
        app.update(Action::EditFilter(EditOp::Insert(c)), now_at(5));
    }
    assert_snapshot!("filtering", screen(&app, 100, 30));
}

#[test]
fn overrun_section_after_moving_on() {
    let mut app = sample_app(|_| {});
    app.update(Action::NextSection, now_at(30 * 60));
    app.update(Action::Tick, now_at(56 * 60 + 7));
    assert_snapshot!("diagnosis_overrun", screen(&app, 100, 30));
}

#[test]
fn chinese_labels() {
    let app = sample_app(|settings| settings.language = crate::domain::settings::Language::Chinese);
    assert_snapshot!("review_zh", screen(&app, 100, 30));
    let narrow = screen(&app, 80, 24);
    assert!(
        narrow.contains("购物车 96.7%"),
        "a figure never breaks:\n{narrow}"
    );
    assert_snapshot!("review_zh_80x24", narrow);
}

#[test]
fn the_diagnosis_in_chinese_at_80_by_24() {
    let mut app =
        sample_app(|settings| settings.language = crate::domain::settings::Language::Chinese);
    app.update(Action::Resize(80, 24), now_at(1));
    app.update(Action::ShowView(View::Diagnosis), now_at(2));
    let text = screen(&app, 80, 24);
    assert!(text.contains("库存去向不明"), "{text}");
    assert!(text.contains("2,667 件去向不明"), "{text}");
    assert_snapshot!("diagnosis_zh_80x24", text);
}

/// No wide character stands in a screen's last column, its second half
/// past the edge: a terminal would push it onto the next row, over what is
/// drawn there. Every view, the detail, help and the quit box, in both
/// languages and at both sizes the meeting is shown at.
#[test]
fn no_wide_character_hangs_past_the_right_edge() {
    use unicode_width::UnicodeWidthStr;
    for language in [
        crate::domain::settings::Language::English,
        crate::domain::settings::Language::Chinese,
    ] {
        for (width, height) in [(80, 24), (100, 30)] {
            let screens: [&[Action]; 7] = [
                &[],
                &[Action::ShowView(View::Diagnosis)],
                &[Action::ShowView(View::Plan)],
                &[Action::ShowView(View::Supply)],
                &[Action::OpenDetail],
                &[Action::ToggleHelp],
                &[Action::RequestQuit],
            ];
            for actions in screens {
                let mut app = sample_app(|settings| settings.language = language);
                app.update(Action::Resize(width, height), now_at(1));
                for action in actions {
                    app.update(action.clone(), now_at(2));
                }
                let area = Rect::new(0, 0, width, height);
                let mut buf = Buffer::empty(area);
                render_to_buffer(&app, area, &mut buf);
                for y in 0..height {
                    let last = buf[(width - 1, y)].symbol();
                    assert!(
                        last.width() < 2,
                        "{language:?} {width}×{height} {actions:?}: `{last}` at the end of row {y}"
                    );
                }
            }
        }
    }
}

#[test]
fn too_small_says_how_big() {
    let app = sample_app(|_| {});
    let text = screen(&app, 60, 20);
    assert!(text.contains("at least 80×24"), "{text}");
    assert!(text.contains("(now 60×20)"), "{text}");
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut app = sample_app(|_| {});
    for (w, h) in [(1, 1), (20, 5), (40, 10), (80, 24), (200, 60)] {
        screen(&app, w, h);
        app.update(Action::ToggleHelp, now_at(1));
        screen(&app, w, h);
        app.update(Action::ToggleHelp, now_at(1));
    }
}

/// The foreground colour a style sets.
fn color(style: ratatui::style::Style) -> Color {
    style.fg.expect("the style sets a colour")
}

#[test]
fn the_selected_row_is_drawn_in_the_selection_colours_in_every_theme() {
    let mut described = String::new();
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
        let theme = Theme::named(name);
        let mut app = sample_app(|settings| settings.theme = name);
        // Past last meeting's actions, to the table's first SKU.
        let actions = i32::try_from(app.open_actions().len()).unwrap();
        app.update(Action::MoveSelection(actions), now_at(1));
        let buf = buffer(&app);
        let (_, y) = find_anywhere(&buf, "HK-CB-BAM-L").unwrap();
        let colours: std::collections::BTreeSet<String> = (0..buf.area.width)
            .map(|x| format!("{:?} on {:?}", buf[(x, y)].fg, buf[(x, y)].bg))
            .collect();
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let expected = format!(
            "{:?} on {:?}",
            color(theme.selected),
            theme.selected.bg.unwrap()
        );
        assert_eq!(colours.iter().collect::<Vec<_>>(), [&expected], "{name:?}");
        let _ = writeln!(described, "{name:?}: {expected}\n{}", row.trim_end());
    }
    assert_snapshot!("selected_row_in_every_theme", described);
}

#[test]
fn the_countdown_is_green_then_red_on_overrun() {
    let mut app = sample_app(|_| {});
    let buf = buffer(&app);
    let clock = (60..100).find(|&x| buf[(x, 0)].symbol() != " ").unwrap();
    assert_eq!(buf[(clock, 0)].fg, color(DARK.on_track));
    app.update(Action::Tick, now_at(26 * 60));
    let buf = buffer(&app);
    let clock = (52..100).find(|&x| buf[(x, 0)].symbol() != " ").unwrap();
    assert_eq!(buf[(clock, 0)].fg, color(DARK.overrun));
}

#[test]
fn a_breach_is_red_and_a_good_change_green() {
    let app = sample_app(|_| {});
    let buf = buffer(&app);
    let (x, y) = find_anywhere(&buf, "45.7%✖").unwrap();
    assert_eq!(buf[(x, y)].fg, color(DARK.breach), "ACoS in breach");
    let (x, y) = find_anywhere(&buf, "5.8%✖↓").unwrap();
    assert_eq!(
        buf[(x + 5, y)].fg,
        color(DARK.bad_change),
        "falling conversion is bad"
    );
    let (x, y) = find_anywhere(&buf, "19.9%✔↓").unwrap();
    assert_eq!(buf[(x, y)].fg, color(DARK.ok), "ACoS on target");
    assert_eq!(
        buf[(x + 6, y)].fg,
        color(DARK.good_change),
        "falling ACoS is good"
    );
}

#[test]
fn high_contrast_shows_breach_as_white_on_red() {
    let app = sample_app(|settings| settings.theme = ThemeName::HighContrast);
    let buf = buffer(&app);
    let (x, y) = find_anywhere(&buf, "45.7%✖").unwrap();
    assert_eq!(
        (Some(buf[(x, y)].fg), Some(buf[(x, y)].bg)),
        (HIGH_CONTRAST.breach.fg, HIGH_CONTRAST.breach.bg)
    );
}

#[test]
fn capture_line_highlights_tokens() {
    let typed = |line: &str| {
        let mut app = sample_app(|_| {});
        app.update(
            Action::StartCapture(crate::app::action::CaptureKind::Action),
            now_at(5),
        );
        for c in line.chars() {
            app.update(Action::EditCapture(EditOp::Insert(c)), now_at(5));
        }
        app
    };
    let buf = buffer(&typed("Update size marks @Lina due:fri #HK-BM-NV-2032"));
    let (x, y) = find_anywhere(&buf, "@Lina").unwrap();
    assert_eq!(buf[(x, y)].fg, color(DARK.accent), "a known owner");
    let app = typed("Update size marks @nobody #HK-BM-NV-2032 due:2026-02-30");
    assert_snapshot!("capturing", screen(&app, 100, 30));
    let buf = buffer(&app);
    let (x, y) = find_anywhere(&buf, "@nobody").unwrap();
    assert_eq!(
        buf[(x, y)].fg,
        color(DARK.watch),
        "an unknown owner is flagged"
    );
    let (x, y) = find_anywhere(&buf, "due:2026-02-30").unwrap();
    assert_eq!(buf[(x, y)].fg, color(DARK.breach), "an invalid date");
}

#[test]
fn plan_view_with_captured_items() {
    let mut app = sample_app(|_| {});
    for (kind, line) in [
        (
            crate::app::action::CaptureKind::Action,
            "Update main image size marks @Lina due:fri #HK-BM-NV-2032 +listing",
        ),
        (crate::app::action::CaptureKind::Action, "Call the supplier"),
        (
            crate::app::action::CaptureKind::Action,
            "Submit the Lightning Deal @Sam due:fri +promo",
        ),
        (
            crate::app::action::CaptureKind::Decision,
            "Hold Black Friday prices",
        ),
    ] {
        app.update(Action::StartCapture(kind), now_at(5));
        for c in line.chars() {
            app.update(Action::EditCapture(EditOp::Insert(c)), now_at(5));
        }
        app.update(Action::SubmitCapture, now_at(6));
    }
    app.update(Action::ShowView(View::Plan), now_at(7));
    app.update(Action::MoveSelection(2), now_at(7));
    app.update(Action::MarkDone, now_at(8));
    assert_snapshot!("plan_captured", screen(&app, 100, 30));
}

#[test]
fn closing_check_lists_the_gaps() {
    let mut app = sample_app(|_| {});
    app.update(Action::RequestQuit, now_at(5));
    app.update(Action::ConfirmQuit, now_at(5));
    assert_snapshot!("closing", screen(&app, 100, 30));
}

#[test]
fn help_fits_80_by_24_in_two_columns() {
    let mut app = sample_app(|_| {});
    app.update(Action::ToggleHelp, now_at(5));
    let text = screen(&app, 80, 24);
    for key in crate::app::keymap::help_keys(Mode::Browsing) {
        assert!(text.contains(&key.keys), "{} missing:\n{text}", key.keys);
    }
}

#[test]
fn a_long_capture_line_scrolls_and_its_preview_stays_on_screen_at_80_columns() {
    let mut app = sample_app(|_| {});
    app.update(
        Action::StartCapture(crate::app::action::CaptureKind::Action),
        now_at(5),
    );
    let line = "Replenish the spatula sets before Black Friday by air @Marco due:+3d #HK-SP-SIL-5 kpi:days_of_supply";
    app.update(
        Action::EditCapture(EditOp::Paste(line.to_owned())),
        now_at(5),
    );
    let screen = screen(&app, 80, 24);
    assert_snapshot!("capturing_80", screen);
    let lines: Vec<&str> = screen.lines().collect();
    let input = lines[lines.len() - 2];
    assert!(
        input.contains("kpi:days_of_supply"),
        "the end typed is in view: {input}"
    );
    let preview = lines[lines.len() - 1];
    assert!(preview.contains("@Marco"), "{preview}");
    assert!(preview.contains("#HK-SP-SIL-5"), "{preview}");
}

#[test]
fn an_action_captured_in_this_meeting_covers_its_anomaly_at_once() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Diagnosis), now_at(5));
    let row = |app: &App| {
        screen(app, 100, 30)
            .lines()
            .find(|l| l.contains("Listing inactive"))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(row(&app).contains("no action"), "{}", row(&app));
    app.update(
        Action::StartCapture(crate::app::action::CaptureKind::Action),
        now_at(6),
    );
    app.update(Action::EditCapture(EditOp::EraseToStart), now_at(6));
    for c in "Open a case for the spice jars @Wei due:fri #hk-sj-gl-12".chars() {
        app.update(Action::EditCapture(EditOp::Insert(c)), now_at(6));
    }
    app.update(Action::SubmitCapture, now_at(7));
    assert!(row(&app).contains("✎ action"), "{}", row(&app));
}

#[test]
fn the_diagnosis_offers_its_suggestion_as_a_template() {
    let mut app = sample_app(|_| {});
    app.update(Action::ShowView(View::Diagnosis), now_at(5));
    app.update(
        Action::StartCapture(crate::app::action::CaptureKind::Action),
        now_at(6),
    );
    let screen = screen(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[lines.len() - 2].contains("Action › Reconcile HK-SP-SIL-5"),
        "{screen}"
    );
    assert!(
        lines[lines.len() - 1].contains("Tab takes the suggestion"),
        "{screen}"
    );
    let buf = buffer(&app);
    let (x, y) = find_anywhere(&buf, "Reconcile HK-SP-SIL-5").unwrap();
    assert_eq!(
        buf[(x, y)].fg,
        Theme::named(app.settings().theme).dim.fg.unwrap()
    );
}

#[test]
fn more_open_actions_than_rows_scroll_and_overdue_ones_come_first() {
    let app = sample_app(|_| {});
    let settings = app.settings().clone();
    let mut follow_ups = app.open_actions().to_vec();
    for (n, extra) in app.open_actions().to_vec().into_iter().enumerate() {
        let mut extra = extra;
        extra.id = format!("2026-W46-{:02}", n + 10);
        extra.due = None;
        extra.weeks_carried = 0;
        follow_ups.push(extra);
    }
    let meeting =
        crate::domain::meeting::Meeting::new(app.report().review.week, now_at(0).wall, follow_ups);
    let app = App::new(settings, app.report().clone(), meeting, None, now_at(0));
    let screen = screen(&app, 100, 30);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[7].contains("2026-W45-03"),
        "overdue and carried first: {screen}"
    );
    assert!(lines[6].contains("1–4 / 8 (j k)"), "{screen}");
}

#[test]
fn a_business_report_by_date_gives_the_review_a_daily_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = crate::export::demo::write_demo_workspace(dir.path(), "workspace").unwrap();
    let mut csv = String::from(
        "Date,Ordered Product Sales,Units Ordered,Total Order Items,Sessions - Total\n",
    );
    for day in 16..=22 {
        let _ = writeln!(csv, "11/{day}/2026,\"${day},000.00\",10,10,100");
    }
    std::fs::write(root.join("weeks/2026-W47/BusinessReport-by-date.csv"), csv).unwrap();
    let loaded = crate::import::weeks::load_report(&root, None).unwrap();
    assert!(
        loaded
            .report
            .notices
            .iter()
            .any(|n| n.en.contains("more than 1 % apart")),
        "the cross-check is a notice of the week: {:?}",
        loaded.report.notices
    );
    let meeting =
        crate::domain::meeting::Meeting::new(loaded.report.review.week, now_at(0).wall, Vec::new());
    let app = App::new(
        loaded.workspace.settings.clone(),
        loaded.report,
        meeting,
        None,
        now_at(0),
    );
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("Sales by day Mon $16,000 · Tue $17,000"),
        "{text}"
    );
}
