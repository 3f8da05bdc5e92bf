//! The plan view: the action items, decisions and notes of this meeting, and
//! last meeting's actions with their verdicts. Keys act on the selected entry.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::app::action::View;
use crate::app::capture::PlanItem;
use crate::domain::action::{ActionItem, ActionStatus};
use crate::domain::meeting::CARRIED_TOO_OFTEN;
use crate::domain::metric::Metric;
use crate::domain::review::Review;
use crate::domain::week::IsoWeek;

use super::labels::Labels;
use super::theme::Theme;
use crate::domain::untrusted::clean;

/// One action item on one line: status, id, title, owner, due (overdue in red),
/// SKU, weeks carried, and whether its KPI has moved the right way since.
pub fn action_line(
    action: &ActionItem,
    today: NaiveDate,
    review: &Review,
    theme: &Theme,
    labels: &Labels,
) -> Line<'static> {
    let due = action
        .due
        .map_or_else(|| "—".to_owned(), |d| d.format("%a %-d %b").to_string());
    let overdue = action.is_overdue(today);
    let (mark, mark_style) = match action.status {
        ActionStatus::Open => ("○", theme.text),
        ActionStatus::Done => ("✔", theme.ok),
        ActionStatus::Carried => ("↷", theme.watch),
        ActionStatus::Dropped => ("✖", theme.dim),
    };
    let due_style = if overdue {
        theme.breach
    } else if action.due.is_none() {
        theme.watch
    } else {
        theme.text
    };
    let mut spans = vec![
        Span::styled(format!("{mark} "), mark_style),
        Span::styled(format!("{} ", action.id), theme.dim),
        Span::styled(clean(&action.title).into_owned(), theme.text),
        match &action.owner {
            Some(owner) => Span::styled(format!("  @{}", clean(owner)), theme.accent),
            None => Span::styled(format!("  @? ({})", labels.owner), theme.watch),
        },
        Span::styled(format!("  {} {due}", labels.due), due_style),
    ];
    if overdue {
        spans.push(Span::styled(format!(" {}", labels.overdue), theme.breach));
    }
    if let Some(sku) = &action.sku {
        spans.push(Span::styled(format!("  #{}", clean(sku)), theme.dim));
    }
    if action.weeks_carried > 0 {
        let style = if action.weeks_carried >= CARRIED_TOO_OFTEN {
            theme.breach
        } else {
            theme.watch
        };
        spans.push(Span::styled(
            format!("  {} {}×", labels.carried, action.weeks_carried),
            style,
        ));
    }
    spans.extend(kpi_progress(action, review, theme, labels));
    Line::from(spans)
}

/// Whether the KPI an action should move has moved the right way since it was created.
fn kpi_progress(
    action: &ActionItem,
    review: &Review,
    theme: &Theme,
    labels: &Labels,
) -> Option<Span<'static>> {
    let kpi = Metric::from_name(action.kpi.as_deref()?)?;
    let sku = action.sku.as_deref()?;
    // The meeting that created it reviewed the week before its own.
    let since = IsoWeek::containing(action.created?.date_naive()).previous();
    Some(if review.moved_right_way(sku, kpi, since)? {
        Span::styled(
            format!("  {} ✔ {}", kpi.label(), labels.moved_right),
            theme.ok,
        )
    } else {
        Span::styled(
            format!("  {} ✖ {}", kpi.label(), labels.moved_wrong),
            theme.breach,
        )
    })
}

pub struct PlanView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for PlanView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, l, app) = (self.theme, self.labels, self.app);
        let meeting = app.meeting();
        let review = &app.report().review;
        let today = app.now().wall.date_naive();
        let selected = app.selection_in(View::Plan);
        let mut lines = Vec::new();
        let mut heading = None;
        for (i, item) in app.plan_items().iter().enumerate() {
            let (title, line) = match *item {
                PlanItem::Action(a) => (
                    l.actions_this_meeting,
                    action_line(&meeting.actions[a], today, review, t, l),
                ),
                PlanItem::FollowUp(a) => (
                    l.open_actions,
                    action_line(&meeting.follow_ups[a], today, review, t, l),
                ),
                PlanItem::Decision(d) => {
                    let decision = &meeting.decisions[d];
                    (
                        l.decisions,
                        Line::from(vec![
                            Span::styled("◆ ", t.accent),
                            Span::styled(clean(&decision.text).into_owned(), t.text),
                        ]),
                    )
                }
                PlanItem::Note(n) => (
                    l.notes,
                    Line::from(vec![
                        Span::styled("· ", t.dim),
                        Span::styled(clean(&meeting.notes[n].text).into_owned(), t.text),
                    ]),
                ),
            };
            if heading != Some(title) {
                if heading.is_some() {
                    lines.push(Line::default());
                }
                lines.push(Line::styled(format!("{title}:"), t.title));
                heading = Some(title);
            }
            lines.push(if i == selected {
                line.style(t.selected)
            } else {
                line
            });
        }
        if meeting.actions.is_empty() && meeting.decisions.is_empty() && meeting.notes.is_empty() {
            lines.insert(
                0,
                Line::styled(
                    format!(
                        "{}: {}  (a = action · d = decision · n = note)",
                        l.actions_this_meeting, l.nothing_captured
                    ),
                    t.dim,
                ),
            );
        }
        let height = usize::from(area.height);
        let skip = lines
            .len()
            .saturating_sub(height)
            .min(selected.saturating_sub(height / 2));
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(area, buf);
    }
}
