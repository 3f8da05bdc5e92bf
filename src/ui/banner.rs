//! The lines under the header that the whole team must not miss: this
//! cockpit only shows a meeting another one holds, what the last key did
//! (refused for that reason, undone, redone), and the meeting's notices (rows left out of a report, a recovery
//! copy waiting to be brought back).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::{App, Flash};
use crate::domain::format::short_date;
use crate::domain::untrusted::clean;

use super::labels::{Labels, change_label};
use super::theme::Theme;
use super::wrap::wrap_lines;

/// The most notices the banner shows; further ones are counted on the last line.
const MAX_LINES: usize = 3;

/// The most rows the banner takes, however long its notices.
const MAX_ROWS: u16 = 5;

/// The banner's lines, most important first.
pub fn banner_lines(app: &App, labels: &Labels) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(holder) = app.holder() {
        lines.push(format!("⚠ {} {}", labels.view_only, clean(holder)));
    }
    if let Some(why) = app.lock_problem() {
        lines.push(format!("⚠ {} {}", labels.view_only_unlocked, clean(why)));
    }
    match app.flash() {
        Some(Flash::ViewOnlyRefused) => lines.push(format!("✖ {}", labels.view_only_refused)),
        Some(Flash::LockTaken) => lines.push(format!("✔ {}", labels.lock_taken)),
        Some(Flash::Undone(change)) => lines.push(format!(
            "↶ {}: {} {} — {}",
            labels.undone,
            change_label(change.kind, app.settings().language),
            clean(&change.subject),
            labels.redo_hint
        )),
        Some(Flash::Redone(change)) => lines.push(format!(
            "↷ {}: {} {}",
            labels.redone,
            change_label(change.kind, app.settings().language),
            clean(&change.subject)
        )),
        Some(Flash::Changed(change)) => lines.push(format!(
            "✔ {} {}",
            change_label(change.kind, app.settings().language),
            clean(&change.subject)
        )),
        Some(Flash::NothingToRebalance) => lines.push(format!("○ {}", labels.nothing_to_rebalance)),
        Some(Flash::OneMarketplace) => lines.push(format!("○ {}", labels.one_marketplace)),
        Some(Flash::PoCaptured(id)) => {
            lines.push(format!("✎ PO {id} {}", labels.po_captured_edit));
        }
        Some(Flash::NotDueYet(id, due)) => lines.push(format!(
            "○ {id} {} {}: {}",
            labels.due,
            short_date(*due, app.settings().language),
            labels.not_due_yet
        )),
        Some(Flash::NothingToUndo) => lines.push(format!("↶ {}", labels.nothing_to_undo)),
        Some(Flash::NothingToRedo) => lines.push(format!("↷ {}", labels.nothing_to_redo)),
        Some(Flash::NothingToOrder(sku)) => {
            lines.push(format!("✔ {}: {}", clean(sku), labels.nothing_to_order));
        }
        Some(Flash::Recorded {
            id,
            owner,
            due,
            sku,
        }) => {
            let date = due.map(|d| short_date(d, app.settings().language));
            let mut line = format!("✔ {id} {}", labels.recorded);
            for part in [owner.as_deref(), date.as_deref(), sku.as_deref()]
                .into_iter()
                .flatten()
            {
                line.push_str(" · ");
                line.push_str(&clean(part));
            }
            lines.push(line);
        }
        None => {}
    }
    lines.extend(app.notices().iter().map(|n| format!("⚠ {}", clean(n))));
    if lines.len() > MAX_LINES {
        let more = lines.len() - (MAX_LINES - 1);
        lines.truncate(MAX_LINES - 1);
        lines.push(format!("⚠ … +{more}: opsdeck check"));
    }
    lines
}

/// The banner's lines wrapped to `width` columns, in `style`.
fn wrapped(app: &App, labels: &Labels, width: u16, style: Style) -> Vec<Line<'static>> {
    let lines: Vec<Line> = banner_lines(app, labels)
        .into_iter()
        .map(|text| Line::styled(text, style))
        .collect();
    wrap_lines(&lines, usize::from(width))
}

/// Rows the banner takes at `width` columns: long notices wrap.
pub fn banner_height(app: &App, labels: &Labels, width: u16) -> u16 {
    let rows = wrapped(app, labels, width, Style::new()).len();
    let rows = if banner_lines(app, labels).is_empty() {
        0
    } else {
        rows
    };
    u16::try_from(rows).unwrap_or(MAX_ROWS).min(MAX_ROWS)
}

pub struct Banner<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for Banner<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Paragraph::new(wrapped(self.app, self.labels, area.width, self.theme.watch))
            .render(area, buf);
    }
}
