//! Drawing the cockpit from `&App`: never mutates state, never reads a
//! clock. Header, the current view (or a SKU's detail), the hint bar, and
//! overlays. Below 80×24 it says how big the terminal must be.
//! Must not use crossterm, files or `&mut App`.

mod action_line;
mod banner;
mod cell;
mod detail;
mod diagnosis;
mod figure;
mod header;
mod hints;
mod input;
mod labels;
mod overlay;
mod plan;
mod reading;
mod review;
mod scroll;
mod supply;
pub mod theme;
mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::action::{Drawn, View};
use crate::app::mode::{Base, Mode};

use banner::{Banner, banner_height};
use detail::DetailView;
use diagnosis::DiagnosisView;
use header::{HEADER_HEIGHT, HeaderView};
use hints::HintBar;
use labels::labels;
use overlay::{ClosingOverlay, HelpOverlay, QuitOverlay};
use plan::PlanView;
use reading::ReadingView;
use review::ReviewView;
use supply::SupplyView;
use theme::Theme;

/// The smallest terminal the cockpit draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Draws the whole screen from `app`, placing the cursor while a filter is
/// typed; returns what it drew that the app keeps.
pub fn render(app: &App, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let (cursor, drawn) = render_to_buffer(app, area, frame.buffer_mut());
    if let Some(cursor) = cursor {
        frame.set_cursor_position(cursor);
    }
    drawn
}

/// Draws the whole screen into `buf`; returns the text cursor's position,
/// if any, and what it drew that the app keeps.
pub fn render_to_buffer(app: &App, area: Rect, buf: &mut Buffer) -> (Option<Position>, Drawn) {
    let theme = Theme::named(app.settings().theme);
    let labels = labels(app.settings().language);
    buf.set_style(area, theme.base());
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let message = format!("{} (now {}×{}).", labels.too_small, area.width, area.height);
        Paragraph::new(Line::styled(message, theme.watch))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return (None, Drawn::default());
    }
    let [header, banner, body, footer] = area.layout(&Layout::vertical([
        Constraint::Length(HEADER_HEIGHT),
        Constraint::Length(banner_height(app, labels, area.width)),
        Constraint::Fill(1),
        Constraint::Length(if app.mode() == Mode::Capturing { 2 } else { 1 }),
    ]));
    Banner {
        app,
        theme: &theme,
        labels,
    }
    .render(banner, buf);
    HeaderView {
        app,
        theme: &theme,
        labels,
    }
    .render(header, buf);
    let mut drawn = Drawn::default();
    if let Some(reading) = app.reading_progress() {
        ReadingView {
            reading,
            theme: &theme,
            labels,
        }
        .render(body, buf);
    } else {
        render_view(app, body, buf, &theme, labels, &mut drawn);
    }
    let cursor = HintBar {
        app,
        theme: &theme,
        labels,
    }
    .render_with_cursor(footer, buf);
    match app.mode() {
        // The help takes the screen above the hint bar: its lines wrap, never cut.
        Mode::Help(_) => HelpOverlay {
            mode: app.mode(),
            language: app.settings().language,
            theme: &theme,
            labels,
        }
        .render(
            area.intersection(Rect {
                height: footer.y - area.y,
                ..area
            }),
            buf,
        ),
        Mode::ConfirmingQuit(_) | Mode::SavingAs(_) => QuitOverlay {
            save_state: app.save_state(),
            language: app.settings().language,
            theme: &theme,
            labels,
        }
        .render(body, buf),
        Mode::Closing => ClosingOverlay {
            gaps: app
                .meeting()
                .closing_gaps(app.today())
                .iter()
                .map(|gap| gap.describe(app.settings().language))
                .collect(),
            theme: &theme,
            labels,
        }
        .render(body, buf),
        Mode::Browsing | Mode::Filtering | Mode::Capturing | Mode::Detail(_) => {
            return (cursor, drawn);
        }
    }
    // An overlay covers the body: nothing of it was seen.
    (cursor, Drawn::default())
}

/// The body: the current view, or the selected SKU's detail.
fn render_view(
    app: &App,
    body: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    labels: &labels::Labels,
    drawn: &mut Drawn,
) {
    match app.mode().base() {
        Base::Detail(row) => DetailView {
            app,
            row,
            theme,
            labels,
        }
        .render(body, buf),
        Base::Browsing => match app.view() {
            View::Review => ReviewView { app, theme, labels }.render(body, buf),
            View::Diagnosis => DiagnosisView {
                app,
                theme,
                labels,
                anomalies_drawn: &mut drawn.anomalies,
            }
            .render(body, buf),
            View::Plan => PlanView { app, theme, labels }.render(body, buf),
            View::Supply => SupplyView { app, theme, labels }.render(body, buf),
        },
    }
}

#[cfg(test)]
#[path = "ui_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "ui_selection_tests.rs"]
mod selection_tests;
