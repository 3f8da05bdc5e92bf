//! One action item on one line: status, id, title, owner, due date (overdue
//! in red), SKU, weeks carried, and whether its KPI moved the right way. On a
//! narrow screen the title shrinks; the facts after it stay.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::domain::action::{ActionItem, ActionStatus};
use crate::domain::format::short_date;
use crate::domain::meeting::CARRIED_TOO_OFTEN;
use crate::domain::metric::Metric;
use crate::domain::review::Review;
use crate::domain::settings::Language;
use crate::domain::untrusted::clean;

use super::labels::{Labels, metric_label};
use super::theme::Theme;

/// The fewest columns a title keeps: below it the least needed facts give way.
const MIN_TITLE_WIDTH: usize = 16;

/// Draws action lines for one screen.
pub struct ActionLines<'a> {
    today: NaiveDate,
    review: &'a Review,
    theme: &'a Theme,
    labels: &'a Labels,
    language: Language,
    width: usize,
}

impl<'a> ActionLines<'a> {
    pub fn new(app: &'a App, theme: &'a Theme, labels: &'a Labels, width: u16) -> Self {
        Self {
            today: app.now().wall.date_naive(),
            review: &app.report().review,
            theme,
            labels,
            language: app.settings().language,
            width: usize::from(width),
        }
    }

    /// `action` on one line of the screen's width.
    pub fn line(&self, action: &ActionItem) -> Line<'static> {
        let theme = self.theme;
        let (mark, mark_style) = match action.status {
            ActionStatus::Open => ("○", theme.text),
            ActionStatus::Done => ("✔", theme.ok),
            ActionStatus::Carried => ("↷", theme.watch),
            ActionStatus::Dropped => ("✖", theme.dim),
        };
        let head = vec![
            Span::styled(format!("{mark} "), mark_style),
            Span::styled(format!("{} ", action.id), theme.dim),
        ];
        let mut facts = self.facts(action);
        let head_width: usize = head.iter().map(Span::width).sum();
        // The KPI's progress gives way first, then weeks carried, then the SKU;
        // owner, due date and overdue always stay.
        while facts.len() > 3
            && head_width + facts.iter().map(Span::width).sum::<usize>() + MIN_TITLE_WIDTH
                > self.width
        {
            facts.pop();
        }
        let used = head_width + facts.iter().map(Span::width).sum::<usize>();
        let room = self.width.saturating_sub(used).max(MIN_TITLE_WIDTH);
        let title = crate::domain::text_width::truncate(&clean(&action.title), room);
        let mut spans = head;
        spans.push(Span::styled(title, theme.text));
        spans.extend(facts);
        Line::from(spans)
    }

    /// Everything after the title, most needed first: owner, due date, and
    /// whether it is overdue (always three spans), then SKU, carried, KPI progress.
    fn facts(&self, action: &ActionItem) -> Vec<Span<'static>> {
        let (theme, labels) = (self.theme, self.labels);
        let overdue = action.is_overdue(self.today);
        let due = action
            .due
            .map_or_else(|| "—".to_owned(), |d| short_date(d, self.language));
        let due_style = if overdue {
            theme.breach
        } else if action.due.is_none() {
            theme.watch
        } else {
            theme.text
        };
        let mut spans = vec![
            match &action.owner {
                Some(owner) => Span::styled(format!("  @{}", clean(owner)), theme.accent),
                None => Span::styled(format!("  @? ({})", labels.owner), theme.watch),
            },
            Span::styled(format!("  {} {due}", labels.due), due_style),
        ];
        spans.push(if overdue {
            Span::styled(format!(" {}", labels.overdue), theme.breach)
        } else {
            Span::raw("")
        });
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
        spans.extend(self.kpi_progress(action));
        spans
    }

    /// Whether the KPI an action should move has moved the right way since it was created.
    fn kpi_progress(&self, action: &ActionItem) -> Option<Span<'static>> {
        let (theme, labels) = (self.theme, self.labels);
        let moved_right = self.review.action_progress(action)?;
        let label = metric_label(Metric::from_name(action.kpi.as_deref()?)?, self.language);
        Some(if moved_right {
            Span::styled(format!("  {label} ✔ {}", labels.moved_right), theme.ok)
        } else {
            Span::styled(format!("  {label} ✖ {}", labels.moved_wrong), theme.breach)
        })
    }
}
