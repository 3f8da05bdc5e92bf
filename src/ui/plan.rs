//! The plan view: the action items and decisions of this meeting (captured
//! by keyboard) and last meeting's open actions still to settle.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::app::action::View;
use crate::domain::action::ActionItem;

use super::clean::clean;
use super::labels::Labels;
use super::theme::Theme;

/// One action item on one line: id, title, owner, due (overdue in red), SKU, weeks carried.
pub fn action_line(
    action: &ActionItem,
    today: NaiveDate,
    theme: &Theme,
    labels: &Labels,
) -> Line<'static> {
    let due = action
        .due
        .map_or_else(|| "—".to_owned(), |d| d.format("%a %-d %b").to_string());
    let due_style = if action.is_overdue(today) {
        theme.breach
    } else {
        theme.text
    };
    let mut spans = vec![
        Span::styled(format!("{} ", action.id), theme.dim),
        Span::styled(clean(&action.title).into_owned(), theme.text),
        Span::styled(
            format!("  @{}", action.owner.as_deref().unwrap_or("?")),
            theme.accent,
        ),
        Span::styled(format!("  {} {due}", labels.due), due_style),
    ];
    if action.is_overdue(today) {
        spans.push(Span::styled(format!(" {}", labels.overdue), theme.breach));
    }
    if let Some(sku) = &action.sku {
        spans.push(Span::styled(format!("  #{}", clean(sku)), theme.dim));
    }
    if action.weeks_carried > 0 {
        let style = if action.weeks_carried >= 3 {
            theme.breach
        } else {
            theme.watch
        };
        spans.push(Span::styled(
            format!("  {} {}×", labels.carried, action.weeks_carried),
            style,
        ));
    }
    Line::from(spans)
}

pub struct PlanView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for PlanView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, l) = (self.theme, self.labels);
        let [captured, open] = area.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Fill(1),
        ]));
        Paragraph::new(vec![
            Line::styled(l.actions_this_meeting, t.title),
            Line::styled(l.nothing_captured, t.dim),
        ])
        .render(captured, buf);
        let today = self.app.now().wall.date_naive();
        let selected = self.app.selection_in(View::Plan);
        let mut lines = vec![Line::styled(format!("{}:", l.open_actions), t.title)];
        for (i, action) in self.app.open_actions().iter().enumerate() {
            let line = action_line(action, today, t, l);
            lines.push(if i == selected {
                line.style(t.selected)
            } else {
                line
            });
        }
        Paragraph::new(lines).render(open, buf);
    }
}
