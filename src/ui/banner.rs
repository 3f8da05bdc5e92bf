//! The lines under the header that the whole team must not miss: this
//! cockpit only shows a meeting another one holds, a key it refused for that
//! reason, and the meeting's notices (rows left out of a report, a recovery
//! copy waiting to be brought back).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::domain::untrusted::clean;

use super::labels::Labels;
use super::theme::Theme;

/// The most lines the banner takes; further notices are counted on the last.
const MAX_LINES: usize = 3;

/// The banner's lines, most important first.
pub fn banner_lines(app: &App, labels: &Labels) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(holder) = app.holder() {
        lines.push(format!("⚠ {} {}", labels.view_only, clean(holder)));
    }
    if app.refused() {
        lines.push(format!("✖ {}", labels.view_only_refused));
    }
    lines.extend(app.notices().iter().map(|n| format!("⚠ {}", clean(n))));
    if lines.len() > MAX_LINES {
        let more = lines.len() - (MAX_LINES - 1);
        lines.truncate(MAX_LINES - 1);
        lines.push(format!("⚠ … +{more}: opsdeck check"));
    }
    lines
}

/// Rows the banner takes.
pub fn banner_height(app: &App, labels: &Labels) -> u16 {
    u16::try_from(banner_lines(app, labels).len()).unwrap_or(0)
}

pub struct Banner<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for Banner<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Line> = banner_lines(self.app, self.labels)
            .into_iter()
            .map(|text| Line::styled(text, self.theme.watch))
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}
