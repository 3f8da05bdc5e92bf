//! One action item on one line: status, id, title, owner, due date (overdue
//! in red, "on track" for last meeting's actions not due yet), whether its
//! KPI moved, SKU and weeks carried. On a narrow screen the title shrinks,
//! the KPI's words become a mark (✔ ✖ =), then carried and SKU give way.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::domain::action::{ActionItem, ActionStatus, KpiMove};
use crate::domain::capture::sku_token;
use crate::domain::format::short_date;
use crate::domain::meeting::CARRIED_TOO_OFTEN;
use crate::domain::metric::Metric;
use crate::domain::review::Review;
use crate::domain::settings::Language;
use crate::domain::untrusted::clean;

use super::labels::{Labels, metric_label};
use super::theme::Theme;

/// The facts every line keeps: owner, due date, its state, the KPI's move.
const KEPT_FACTS: usize = 4;

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
            today: app.today(),
            review: &app.report().review,
            theme,
            labels,
            language: app.settings().language,
            width: usize::from(width),
        }
    }

    /// One of this meeting's actions on one line of the screen's width.
    pub fn line(&self, action: &ActionItem) -> Line<'static> {
        self.line_of(action, false)
    }

    /// One of last meeting's actions: one not due yet is on track.
    pub fn follow_up(&self, action: &ActionItem) -> Line<'static> {
        self.line_of(action, true)
    }

    fn line_of(&self, action: &ActionItem, follow_up: bool) -> Line<'static> {
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
        let head_width: usize = head.iter().map(Span::width).sum();
        let fits = |facts: &[Span]| {
            head_width + facts.iter().map(Span::width).sum::<usize>() + MIN_TITLE_WIDTH
                <= self.width
        };
        let mut facts = self.facts(action, follow_up, false);
        if !fits(&facts) {
            facts = self.facts(action, follow_up, true);
        }
        // Then weeks carried gives way, then the SKU; owner, due date, its
        // state and the KPI's mark always stay.
        while facts.len() > KEPT_FACTS && !fits(&facts) {
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

    /// Everything after the title, most needed first: owner, due date, its
    /// state (overdue, on track) and the KPI's move (`KEPT_FACTS` spans,
    /// some empty), then SKU and weeks carried.
    fn facts(&self, action: &ActionItem, follow_up: bool, short: bool) -> Vec<Span<'static>> {
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
        } else if follow_up && action.status.is_open() && !action.is_due(self.today) {
            Span::styled(format!(" {}", labels.on_track), theme.ok)
        } else {
            Span::raw("")
        });
        spans.push(self.kpi_progress(action, short).unwrap_or_default());
        if let Some(sku) = &action.sku {
            spans.push(Span::styled(
                format!("  {}", clean(&sku_token(sku))),
                theme.dim,
            ));
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
        spans
    }

    /// How the KPI an action should move has moved since it was created:
    /// `acos ✔ moved the right way`, or `acos ✔` when `short`.
    fn kpi_progress(&self, action: &ActionItem, short: bool) -> Option<Span<'static>> {
        let (theme, labels) = (self.theme, self.labels);
        let moved = self.review.action_progress(action)?;
        let label = metric_label(Metric::from_name(action.kpi.as_deref()?)?, self.language);
        let (words, style) = match moved {
            KpiMove::Right => (labels.moved_right, theme.ok),
            KpiMove::Wrong => (labels.moved_wrong, theme.breach),
            KpiMove::Unchanged => (labels.no_change, theme.dim),
        };
        let mark = moved.mark();
        Some(if short {
            Span::styled(format!("  {label} {mark}"), style)
        } else {
            Span::styled(format!("  {label} {mark} {words}"), style)
        })
    }
}
