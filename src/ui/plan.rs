//! The plan view: the events of the next eight weeks and the SKUs whose
//! stock runs out before one ends, then the action items, decisions and
//! notes of this meeting, and last meeting's actions with their verdicts.
//! Keys act on the selected entry.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::app::action::View;
use crate::app::capture::PlanItem;

use super::action_line::ActionLines;
use super::labels::Labels;
use super::scroll::first_drawn;
use super::theme::Theme;
use crate::domain::untrusted::clean;

pub struct PlanView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
}

impl Widget for PlanView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, l, app) = (self.theme, self.labels, self.app);
        let meeting = app.meeting();
        let lines_of = ActionLines::new(app, t, l, area.width);
        let selected = app.selection_in(View::Plan);
        let mut lines = Vec::new();
        let mut heading = None;
        if meeting.actions.is_empty() && meeting.decisions.is_empty() && meeting.notes.is_empty() {
            lines.push(Line::styled(
                format!(
                    "{}: {}  {}",
                    l.actions_this_meeting, l.nothing_captured, l.capture_keys
                ),
                t.dim,
            ));
        }
        // The lines of the selected item: its group's heading when it opens one.
        let mut selected_lines = 0..0;
        for (i, item) in app.plan_items().iter().enumerate() {
            let (title, line) = match *item {
                PlanItem::Action(a) => {
                    let action = &meeting.actions[a];
                    let title = match action.tags.first() {
                        Some(tag) => format!("{} +{}", l.actions_tagged, clean(tag)),
                        None => l.actions_this_meeting.to_owned(),
                    };
                    (title, lines_of.line(action))
                }
                PlanItem::FollowUp(a) => (
                    l.open_actions.to_owned(),
                    lines_of.follow_up(&meeting.follow_ups[a]),
                ),
                PlanItem::Decision(d) => {
                    let decision = &meeting.decisions[d];
                    (
                        l.decisions.to_owned(),
                        Line::from(vec![
                            Span::styled("◆ ", t.accent),
                            Span::styled(clean(&decision.text).into_owned(), t.text),
                        ]),
                    )
                }
                PlanItem::Note(n) => (
                    l.notes.to_owned(),
                    Line::from(vec![
                        Span::styled("· ", t.dim),
                        Span::styled(clean(&meeting.notes[n].text).into_owned(), t.text),
                    ]),
                ),
            };
            let starts = lines.len();
            if heading.as_ref() != Some(&title) {
                if heading.is_some() {
                    lines.push(Line::default());
                }
                lines.push(Line::styled(format!("{title}:"), t.title));
                heading = Some(title);
            }
            if i == selected {
                selected_lines = starts..lines.len() + 1;
                lines.push(t.select(line));
            } else {
                lines.push(line);
            }
        }
        let mut all = super::supply::calendar_lines(app, t, l, area.width);
        let calendar = all.len();
        all.extend(lines);
        let selected_lines = calendar + selected_lines.start..calendar + selected_lines.end;
        let skip = first_drawn(all.len(), selected_lines, usize::from(area.height));
        Paragraph::new(all.into_iter().skip(skip).collect::<Vec<_>>()).render(area, buf);
    }
}
